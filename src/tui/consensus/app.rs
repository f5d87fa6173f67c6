//! The consensus screen's state and its one `update`: every state change
//! happens here, driven by messages; saving is left to the shell.

use std::collections::VecDeque;

use ratatui_textarea::TextArea;

use super::keys::{self, Action, Mode};
use super::parts::{Absent, Member, MemberMark, Msg, RegionView, Seat, Spread};
use crate::model::{self, Consensus, ConsensusChange, Mark, PanelFile, Review};
use crate::t;
use crate::tui::review::parts::{CriterionView, Message, Pos, Tone};
use crate::tui::session;
use crate::tui::theme::Theme;

/// Who records the consensus, as the screen names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Rapporteur,
    Chair,
}

pub struct App {
    pub theme: Theme,
    pub panel_id: String,
    pub panel_title: String,
    pub writer_id: String,
    pub writer_name: String,
    pub role: Role,
    /// Who else may record this panel's consensus (its rapporteur, the
    /// committee's chair): ids.
    pub others: Vec<String>,
    /// The panel's eligible regions, in `review.ron` order.
    pub regions: Vec<RegionView>,
    /// The panel's criteria, in rubric order.
    pub criteria: Vec<CriterionView>,
    /// The rubric has categories within categories: a criterion's header
    /// shows its place as a path of ids.
    pub nested: bool,
    /// Every member of the panel, in the panel's order.
    pub members: Vec<Member>,
    /// The committee's disagreement ratio (rule 5).
    pub(super) disagreement: f64,
    /// The consensus as last saved (or read).
    pub(super) saved: Option<Consensus>,
    /// The consensus as shown: `saved` with the pending changes applied.
    pub(super) shown: Consensus,
    /// Changes not yet saved, oldest first; the shell saves them in order.
    pub(super) pending: VecDeque<ConsensusChange>,
    pub(super) undo: Vec<ConsensusChange>,
    pub pos: Pos,
    /// A mark being typed, not yet confirmed.
    pub input: Option<String>,
    pub mode: Mode,
    /// The mode to return to from help.
    pub(super) help_from: Mode,
    /// Quitting would lose these: asked first.
    pub quitting: Option<Vec<String>>,
    pub message: Option<Message>,
    pub last_saved: Option<jiff::Timestamp>,
    pub comment: Option<TextArea<'static>>,
    /// The selected cell of the summary.
    pub summary: Pos,
    /// The first member's row shown on the cell.
    pub scroll: usize,
    /// The first line shown of the members' marks and notes in full.
    pub notes_scroll: usize,
    pub quit: bool,
    /// The last save failed; its change is still pending.
    pub(super) save_failed: bool,
}

impl App {
    /// The screen of `writer` on `panel`, from the panel file as read (its
    /// members' sheets and its consensus). `barred`: (region id, why) for
    /// each region the writer is conflicted on.
    pub fn new(
        review: &Review,
        panel: &str,
        writer: &str,
        file: Option<&PanelFile>,
        barred: &[(String, String)],
        theme: Theme,
    ) -> App {
        // Eligibility from the review as written.
        let eligible: Vec<bool> = review.regions.iter().map(|r| review.admits(r)).collect();
        let (shown_review, unshowable) = session::showable(review, &theme);
        let panel_def = shown_review.panel(panel);
        let regions: Vec<RegionView> = shown_review
            .regions
            .iter()
            .zip(eligible)
            .filter(|(r, eligible)| *eligible && panel_def.is_some_and(|p| p.covers_region(&r.id)))
            .map(|(r, _)| RegionView {
                id: r.id.clone(),
                name: r.name.clone(),
                fields: r.fields.clone(),
                barred: barred
                    .iter()
                    .find(|(region, _)| region == &r.id)
                    .map(|(_, why)| theme.plain(why)),
            })
            .collect();
        let members = members(review, &shown_review, panel, file, &regions);
        let role = if panel_def.and_then(|p| p.rapporteur.as_deref()) == Some(writer) {
            Role::Rapporteur
        } else {
            Role::Chair
        };
        let others = review
            .panel(panel)
            .map(|p| {
                review
                    .consensus_recorders(p)
                    .filter(|who| *who != writer)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let saved = file.and_then(|f| f.consensus.clone());
        let mut app = App {
            theme,
            panel_id: panel.to_string(),
            panel_title: panel_def.map(|p| p.title.clone()).unwrap_or_default(),
            writer_id: writer.to_string(),
            writer_name: shown_review
                .reviewer(writer)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            role,
            others,
            criteria: CriterionView::of_panel(&shown_review, panel_def),
            regions,
            nested: shown_review.is_nested(),
            members,
            disagreement: review.committee.disagreement,
            shown: saved
                .clone()
                .unwrap_or_else(|| Consensus::new(writer, jiff::Timestamp::UNIX_EPOCH)),
            saved,
            pending: VecDeque::new(),
            undo: Vec::new(),
            pos: Pos::default(),
            input: None,
            mode: Mode::Cell,
            help_from: Mode::Cell,
            quitting: None,
            message: None,
            last_saved: None,
            comment: None,
            summary: Pos::default(),
            scroll: 0,
            notes_scroll: 0,
            quit: false,
            save_failed: false,
        };
        app.pos = app.first_missing().unwrap_or_else(|| app.first_open_cell());
        app.summary = app.pos;
        if app.regions.is_empty() || app.criteria.is_empty() {
            app.say(Tone::Bad, &t!("consensus-msg-nothing"));
        } else if unshowable {
            app.say(Tone::Info, &t!("msg-needs-utf8"));
        }
        app
    }

    // ---- what the view reads ----

    pub fn region(&self) -> Option<&RegionView> {
        self.regions.get(self.pos.region)
    }

    pub fn criterion(&self) -> Option<&CriterionView> {
        self.criteria.get(self.pos.criterion)
    }

    /// The consensus as shown (saved, and pending changes).
    pub fn consensus(&self) -> &Consensus {
        &self.shown
    }

    /// The consensus mark of a cell.
    pub fn mark_at(&self, pos: Pos) -> Option<&Mark> {
        let region = self.regions.get(pos.region)?;
        let criterion = self.criteria.get(pos.criterion)?;
        self.shown.mark(&region.id, &criterion.id)
    }

    pub fn current_mark(&self) -> Option<&Mark> {
        self.mark_at(self.pos)
    }

    /// Whether the writer may not record region `r`'s consensus.
    pub fn barred(&self, r: usize) -> bool {
        self.regions.get(r).is_some_and(|v| v.barred.is_some())
    }

    /// Every member who scores the cell's region, with their mark on it.
    pub fn member_marks(&self, pos: Pos) -> Vec<MemberMark<'_>> {
        let (Some(region), Some(criterion)) = (
            self.regions.get(pos.region),
            self.criteria.get(pos.criterion),
        ) else {
            return Vec::new();
        };
        self.members
            .iter()
            .filter_map(|m| {
                let seat = m.seats.get(pos.region).copied()?;
                let mark = m
                    .sheet
                    .as_ref()
                    .and_then(|s| s.mark(&region.id, &criterion.id));
                let (mark, absent) = match (seat, &m.sheet, mark) {
                    (Seat::Elsewhere, ..) => return None,
                    (Seat::Conflict, ..) => (None, Some(Absent::Conflict)),
                    (Seat::Scores, None, _) => (None, Some(Absent::NoSheet)),
                    (Seat::Scores, Some(_), None) => (None, Some(Absent::NotMarked)),
                    (Seat::Scores, Some(_), Some(mark)) => (Some(mark), None),
                };
                Some(MemberMark {
                    id: &m.id,
                    name: &m.name,
                    mark,
                    draft: m.sheet.as_ref().is_some_and(|s| !s.submitted),
                    absent,
                })
            })
            .collect()
    }

    /// The members' marks on a cell in numbers, when there is any.
    pub fn spread(&self, pos: Pos) -> Option<Spread> {
        let max = self.criteria.get(pos.criterion)?.max;
        Spread::of(&self.member_marks(pos), self.disagreement, max)
    }

    /// Consensus marks recorded, and cells due, of region `r`.
    pub fn region_progress(&self, r: usize) -> (usize, usize) {
        let Some(region) = self.regions.get(r) else {
            return (0, 0);
        };
        let recorded = self
            .criteria
            .iter()
            .filter(|c| self.shown.mark(&region.id, &c.id).is_some())
            .count();
        (recorded, self.criteria.len())
    }

    /// Over every region: as `panelist status` counts them.
    pub fn overall_progress(&self) -> (usize, usize) {
        (0..self.regions.len())
            .map(|r| self.region_progress(r))
            .fold((0, 0), |(s, d), (recorded, due)| (s + recorded, d + due))
    }

    /// Changes not saved yet (a save failed and will be retried).
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    /// The next change the shell must save, if any.
    pub fn next_to_save(&self) -> Option<&ConsensusChange> {
        self.pending.front()
    }

    // ---- update ----

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Key(key) => {
                let action = keys::action_for(self.mode, &key);
                match (self.mode, action) {
                    (Mode::Comment, None) => self.edit_comment(key),
                    (_, Some(action)) => self.act(action),
                    _ => {}
                }
            }
            Msg::Paste(text) => self.paste(&text),
            Msg::Saved(Ok(saved)) => {
                self.pending.pop_front();
                if marks_of(saved.before.as_ref()) != marks_of(self.saved.as_ref()) {
                    self.say(Tone::Bad, &t!("consensus-msg-changed-outside"));
                }
                self.saved = saved.consensus;
                self.last_saved = Some(jiff::Timestamp::now());
                self.reshow();
                if self.pending.is_empty() && self.save_failed {
                    self.save_failed = false;
                    self.say(Tone::Good, &t!("msg-saved-after-all"));
                }
            }
            Msg::Saved(Err(reason)) => {
                self.save_failed = true;
                let n = self.pending.len();
                self.say(Tone::Bad, &t!("msg-not-saved", count = n, reason = reason));
            }
        }
    }

    pub(super) fn act(&mut self, action: Action) {
        match self.mode {
            Mode::Cell => self.cell_action(action),
            Mode::Comment => self.comment_action(action),
            Mode::Summary => self.summary_action(action),
            Mode::Members => self.members_action(action),
            Mode::Confirm => self.answer(action),
            Mode::Help => {
                if action == Action::Back {
                    self.mode = self.help_from;
                }
            }
        }
    }

    pub(super) fn show_help(&mut self) {
        self.help_from = self.mode;
        self.mode = Mode::Help;
    }

    pub(super) fn ask_quit(&mut self) {
        let mut lost = Vec::new();
        if let (Some(input), Some(c)) = (&self.input, self.criterion()) {
            lost.push(t!("lost-typed", input = input, criterion = c.id));
        }
        if !self.pending.is_empty() {
            lost.push(t!("lost-unsaved", count = self.pending.len()));
        }
        if lost.is_empty() {
            self.quit = true;
        } else {
            self.quitting = Some(lost);
            self.mode = Mode::Confirm;
        }
    }

    fn answer(&mut self, action: Action) {
        match action {
            Action::Yes => self.quit = true,
            Action::No => {}
            _ => return,
        }
        self.quitting = None;
        self.mode = Mode::Cell;
    }

    pub(super) fn undo(&mut self) {
        let Some(change) = self.undo.pop() else {
            return self.say(Tone::Info, &t!("msg-nothing-to-undo"));
        };
        let r = self.regions.iter().position(|v| v.id == change.region);
        let c = self.criteria.iter().position(|v| v.id == change.criterion);
        if let (Some(region), Some(criterion)) = (r, c) {
            self.pos = Pos { region, criterion };
        }
        self.input = None;
        self.record_without_undo(change);
        self.say(Tone::Info, &t!("msg-undone"));
    }

    // ---- changes ----

    /// Queues a change for saving and shows it at once; remembers how to undo it.
    pub(super) fn record(&mut self, change: ConsensusChange) {
        if self.shown.mark(&change.region, &change.criterion) == change.mark.as_ref() {
            return;
        }
        self.undo.push(change.inverse(Some(&self.shown)));
        self.record_without_undo(change);
    }

    fn record_without_undo(&mut self, change: ConsensusChange) {
        change.apply(&mut self.shown);
        self.pending.push_back(change);
    }

    fn reshow(&mut self) {
        let mut shown = self
            .saved
            .clone()
            .unwrap_or_else(|| Consensus::new(&self.writer_id, jiff::Timestamp::UNIX_EPOCH));
        for change in &self.pending {
            change.apply(&mut shown);
        }
        self.shown = shown;
    }

    pub(super) fn say(&mut self, tone: Tone, text: &str) {
        self.message = Some(Message {
            text: text.to_string(),
            tone,
        });
    }
}

/// A consensus's marks, none when it has no section or an empty one.
fn marks_of(consensus: Option<&Consensus>) -> Option<&model::UniqueMap<model::UniqueMap<Mark>>> {
    consensus.map(|c| &c.marks).filter(|m| !m.is_empty())
}

/// The panel's members with their sheets from `file`, and where each
/// stands on each of `regions`: a conflict from `review.ron` (declared or
/// through an institution) or their sheet, or under `PerMember` a region
/// not theirs. `review` as written decides conflicts; `shown` gives names.
fn members(
    review: &Review,
    shown: &Review,
    panel: &str,
    file: Option<&PanelFile>,
    regions: &[RegionView],
) -> Vec<Member> {
    let Some(panel_def) = review.panel(panel) else {
        return Vec::new();
    };
    panel_def
        .members
        .iter()
        .map(|id| {
            let sheet = file.and_then(|f| f.sheets.get(id)).cloned();
            let reviewer = review.reviewer(id);
            let seats = regions
                .iter()
                .map(|view| {
                    let region = review.region(&view.id);
                    let conflicted = reviewer
                        .zip(region)
                        .is_some_and(|(who, r)| model::conflict(who, r).is_some())
                        || sheet.as_ref().is_some_and(|s| s.has_conflict(&view.id));
                    if !panel_def.assigns(id, &view.id) {
                        Seat::Elsewhere
                    } else if conflicted {
                        Seat::Conflict
                    } else {
                        Seat::Scores
                    }
                })
                .collect();
            Member {
                id: id.clone(),
                name: shown
                    .reviewer(id)
                    .map_or_else(|| id.clone(), |r| r.name.clone()),
                sheet,
                seats,
            }
        })
        .collect()
}
