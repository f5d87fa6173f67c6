//! The reviewer's TUI state and its one `update`: every state change happens
//! here, driven by messages; saving is left to the shell (see [`super::Store`]).

use std::collections::VecDeque;

use ratatui_textarea::TextArea;

use super::discussion::Discussion;
use super::keys::{self, Action, Mode};
use super::parts::{ChairConflict, CriterionView, Message, Msg, Pos, Question, RegionView, Tone};
use crate::model::{self, Change, Conflict, Mark, Region, Review, Sheet};
use crate::progress;
use crate::t;
use crate::tui::session;
use crate::tui::theme::Theme;

pub struct App {
    pub theme: Theme,
    pub review_title: String,
    pub panel_id: String,
    pub panel_title: String,
    pub reviewer_id: String,
    pub reviewer_name: String,
    pub regions: Vec<RegionView>,
    pub criteria: Vec<CriterionView>,
    /// The rubric has categories within categories: a criterion's header
    /// shows its place as a path of ids.
    pub nested: bool,
    /// The sheet as last saved.
    pub(super) saved: Sheet,
    /// The sheet as shown: `saved` with the pending changes applied.
    pub(super) shown: Sheet,
    /// Changes not yet saved, oldest first; the shell saves them in order.
    pub(super) pending: VecDeque<Change>,
    pub(super) undo: Vec<Change>,
    pub pos: Pos,
    /// A mark being typed, not yet confirmed.
    pub input: Option<String>,
    pub mode: Mode,
    /// The mode to return to from help.
    pub(super) help_from: Mode,
    pub question: Option<Question>,
    pub message: Option<Message>,
    pub last_saved: Option<jiff::Timestamp>,
    pub note: Option<TextArea<'static>>,
    /// The selected cell of the sheet summary.
    pub summary: Pos,
    pub quit: bool,
    /// The last save failed; its change is still pending.
    pub(super) save_failed: bool,
    /// The sheet was submitted when the session began: quitting while it
    /// is a draft asks first, since its marks would stop counting.
    pub(super) began_submitted: bool,
    /// Quit once every pending change is saved (submitting on the way out).
    pub(super) quit_when_saved: bool,
    /// Scored and due, per region and overall; kept in step with `shown`.
    pub(super) counts: Vec<(usize, usize)>,
    /// The other members' marks, when the panel reveals them after
    /// submission (`Panel(reveal: AfterSubmit)`).
    pub discussion: Option<Discussion>,
    /// The cell whose marks the panel's view (`o`) shows, and the first
    /// member it lists.
    pub others: Pos,
    pub others_first: usize,
    /// The mode to return to from the panel's view.
    pub(super) others_from: Mode,
}

impl App {
    /// The TUI for one reviewer on one panel, from their saved sheet (if
    /// any). `elsewhere`: (region, panel) conflicts declared in the reviewer's
    /// sheets of other panels.
    pub fn new(
        review: &Review,
        panel: &str,
        reviewer: &str,
        sheet: Option<Sheet>,
        elsewhere: &[(String, String)],
        theme: Theme,
    ) -> App {
        // Eligibility from the review as written: a field the terminal
        // cannot show is still the field the rule names.
        let eligible: Vec<bool> = review
            .regions
            .iter()
            .map(|r| progress::eligible(review, r))
            .collect();
        let (review, unshowable) = session::showable(review, &theme);
        let panel_def = review.panel(panel);
        let reviewer_def = review.reviewer(reviewer);
        let chair_conflict = |r: &Region| {
            reviewer_def
                .and_then(|reviewer| model::conflict(reviewer, r))
                .map(|conflict| match conflict {
                    Conflict::Declared => ChairConflict::Declared,
                    Conflict::Institution(name) => ChairConflict::Institution(name.to_string()),
                })
        };
        let regions = review
            .regions
            .iter()
            .zip(eligible)
            .filter(|(r, _)| panel_def.is_some_and(|p| p.assigns(reviewer, &r.id)))
            .map(|(r, eligible)| RegionView {
                id: r.id.clone(),
                name: r.name.clone(),
                fields: r.fields.clone(),
                summary: r.summary.clone(),
                chair_conflict: chair_conflict(r),
                conflict_elsewhere: elsewhere
                    .iter()
                    .find(|(region, _)| region == &r.id)
                    .map(|(_, panel)| panel.clone()),
                eligible,
            })
            .collect();
        let criteria = CriterionView::of_panel(&review, panel_def);
        let discussion = panel_def.and_then(|p| Discussion::of(&review, p, reviewer));
        let saved = sheet.unwrap_or_else(|| Sheet::new(jiff::Timestamp::UNIX_EPOCH));
        let began_submitted = saved.submitted;
        let mut app = App {
            theme,
            review_title: review.title.clone(),
            panel_id: panel.to_string(),
            panel_title: panel_def.map(|p| p.title.clone()).unwrap_or_default(),
            reviewer_id: reviewer.to_string(),
            reviewer_name: reviewer_def.map(|r| r.name.clone()).unwrap_or_default(),
            regions,
            criteria,
            nested: review.is_nested(),
            shown: saved.clone(),
            saved,
            pending: VecDeque::new(),
            undo: Vec::new(),
            pos: Pos::default(),
            input: None,
            mode: Mode::Score,
            help_from: Mode::Score,
            question: None,
            message: None,
            last_saved: None,
            note: None,
            summary: Pos::default(),
            quit: false,
            save_failed: false,
            began_submitted,
            quit_when_saved: false,
            counts: Vec::new(),
            discussion,
            others: Pos::default(),
            others_first: 0,
            others_from: Mode::Score,
        };
        app.recount();
        app.pos = app
            .first_unscored()
            .unwrap_or_else(|| app.first_open_cell());
        app.summary = app.pos;
        if app.regions.is_empty() || app.criteria.is_empty() {
            app.say(Tone::Bad, &t!("msg-nothing-to-score"));
        } else if unshowable {
            app.say(Tone::Info, &t!("msg-needs-utf8"));
        } else if app.shown.submitted {
            app.say(Tone::Info, &t!("msg-read-only"));
        }
        app
    }

    // ---- what the view reads ----

    pub fn sheet(&self) -> &Sheet {
        &self.shown
    }

    pub fn region(&self) -> Option<&RegionView> {
        self.regions.get(self.pos.region)
    }

    pub fn criterion(&self) -> Option<&CriterionView> {
        self.criteria.get(self.pos.criterion)
    }

    pub fn mark_at(&self, pos: Pos) -> Option<&Mark> {
        let region = self.regions.get(pos.region)?;
        let criterion = self.criteria.get(pos.criterion)?;
        self.shown.mark(&region.id, &criterion.id)
    }

    pub fn current_mark(&self) -> Option<&Mark> {
        self.mark_at(self.pos)
    }

    /// Whether the reviewer has a conflict on region `r` (from either source).
    pub fn conflicted(&self, r: usize) -> bool {
        self.regions.get(r).is_some_and(|region| {
            region.chair_conflict.is_some()
                || region.conflict_elsewhere.is_some()
                || self.shown.has_conflict(&region.id)
        })
    }

    /// Whether region `r`'s marks are due: no conflict, and eligible (as
    /// [`progress::Progress`] counts them for `status` and `submit`).
    pub fn due(&self, r: usize) -> bool {
        !self.conflicted(r) && self.regions.get(r).is_some_and(|region| region.eligible)
    }

    /// Whether any of the reviewer's regions is not eligible.
    pub fn any_ineligible(&self) -> bool {
        self.regions.iter().any(|r| !r.eligible)
    }

    pub fn read_only(&self) -> bool {
        self.shown.submitted
    }

    /// Changes not saved yet (a save failed and will be retried).
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    /// The next change the shell must save, if any.
    pub fn next_to_save(&self) -> Option<&Change> {
        self.pending.front()
    }

    /// Scored and due marks of region `r`.
    pub fn region_progress(&self, r: usize) -> (usize, usize) {
        self.counts.get(r).copied().unwrap_or((0, 0))
    }

    pub fn overall_progress(&self) -> (usize, usize) {
        self.counts
            .iter()
            .fold((0, 0), |(s, d), &(scored, due)| (s + scored, d + due))
    }

    /// The unscored cells of the regions whose marks are due, by region name.
    pub fn missing(&self) -> Vec<(String, Vec<String>)> {
        (0..self.regions.len())
            .filter(|&r| self.due(r))
            .filter_map(|r| {
                let ids: Vec<String> = (0..self.criteria.len())
                    .filter(|&c| {
                        self.mark_at(Pos {
                            region: r,
                            criterion: c,
                        })
                        .is_none()
                    })
                    .map(|c| self.criteria[c].id.clone())
                    .collect();
                (!ids.is_empty()).then(|| (self.regions[r].name.clone(), ids))
            })
            .collect()
    }

    // ---- update ----

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Key(key) => {
                let action = keys::action_for(self.mode, &key);
                match (self.mode, action) {
                    (Mode::Note, None) => self.edit_note(key),
                    (_, Some(action)) => self.act(action),
                    _ => {}
                }
            }
            Msg::Paste(text) => self.paste(&text),
            Msg::Saved(Ok(saved)) => {
                self.pending.pop_front();
                if saved.rebuilt {
                    self.say(Tone::Bad, &t!("msg-rebuilt"));
                } else if !same_marks(&saved.before, &self.saved) {
                    self.say(Tone::Bad, &t!("msg-changed-outside"));
                }
                self.saved = saved.sheet;
                self.last_saved = Some(jiff::Timestamp::now());
                self.reshow();
                if self.pending.is_empty() && self.save_failed {
                    self.save_failed = false;
                    self.say(Tone::Good, &t!("msg-saved-after-all"));
                }
                if self.pending.is_empty() && self.quit_when_saved {
                    self.quit = true;
                }
            }
            Msg::Saved(Err(reason)) => {
                self.save_failed = true;
                // Not on disk: stay, and say so.
                self.quit_when_saved = false;
                let n = self.pending.len();
                self.say(Tone::Bad, &t!("msg-not-saved", count = n, reason = reason));
            }
            Msg::Panel(read) => self.take_panel(read),
        }
    }

    pub(super) fn act(&mut self, action: Action) {
        match self.mode {
            Mode::Score => self.score_action(action),
            Mode::Note => self.note_action(action),
            Mode::Summary => self.summary_action(action),
            Mode::Confirm => self.answer(action),
            Mode::Others => self.others_action(action),
            Mode::LeaveDraft => self.answer_leave_draft(action),
            Mode::Help => {
                if action == Action::Back {
                    self.mode = self.help_from;
                }
            }
            // The chooser and the committee results' screens are not the reviewer's.
            Mode::Chooser => {}
        }
    }

    pub(super) fn show_help(&mut self) {
        self.help_from = self.mode;
        self.mode = Mode::Help;
    }

    pub(super) fn undo(&mut self) {
        if self.read_only() {
            return self.say(Tone::Bad, &t!("msg-read-only-reopen"));
        }
        let Some(change) = self.undo.pop() else {
            return self.say(Tone::Info, &t!("msg-nothing-to-undo"));
        };
        if let Change::Cell {
            region, criterion, ..
        } = &change
        {
            let r = self.regions.iter().position(|v| &v.id == region);
            let c = self.criteria.iter().position(|v| &v.id == criterion);
            if let (Some(region), Some(criterion)) = (r, c) {
                self.pos = Pos { region, criterion };
            }
        }
        self.input = None;
        self.record_without_undo(change);
        self.say(Tone::Info, &t!("msg-undone"));
    }

    // ---- changes ----

    /// Queues a change for saving and shows it at once; remembers how to undo it.
    pub(super) fn record(&mut self, change: Change) {
        if change.is_noop(&self.shown) {
            return;
        }
        self.undo.push(change.inverse(&self.shown));
        self.record_without_undo(change);
    }

    pub(super) fn record_without_undo(&mut self, change: Change) {
        change.apply(&mut self.shown);
        self.pending.push_back(change);
        self.recount();
    }

    pub(super) fn reshow(&mut self) {
        let mut shown = self.saved.clone();
        for change in &self.pending {
            change.apply(&mut shown);
        }
        self.shown = shown;
        self.recount();
    }

    pub(super) fn recount(&mut self) {
        self.counts = (0..self.regions.len())
            .map(|r| {
                if !self.due(r) {
                    return (0, 0);
                }
                let region = &self.regions[r].id;
                let scored = self
                    .criteria
                    .iter()
                    .filter(|c| self.shown.mark(region, &c.id).is_some())
                    .count();
                (scored, self.criteria.len())
            })
            .collect();
    }

    pub(super) fn say(&mut self, tone: Tone, text: &str) {
        self.message = Some(Message {
            text: text.to_string(),
            tone,
        });
    }

    // ---- moving ----
}

/// Whether two versions of a sheet hold the same marks, notes, conflicts
/// and submission (whenever they were saved).
fn same_marks(a: &Sheet, b: &Sheet) -> bool {
    a.scores == b.scores && a.conflicts == b.conflicts && a.submitted == b.submitted
}
