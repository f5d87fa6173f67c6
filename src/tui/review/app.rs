//! The reviewer's TUI state and its one `update`: every state change happens
//! here, driven by messages; saving is left to the shell (see [`super::Store`]).

use std::collections::VecDeque;

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::keys::{self, Action, Mode};
use crate::model::{Change, Mark, Review, Sheet, format_points};
use crate::store::Saved;
use crate::t;
use crate::tui::session;
use crate::tui::theme::Theme;

/// A region the reviewer scores, as the screen shows it.
#[derive(Debug, Clone)]
pub struct RegionView {
    pub id: String,
    pub name: String,
    pub fields: Vec<String>,
    pub summary: String,
    /// Declared in `review.ron` by the chair: the reviewer can't withdraw it.
    pub chair_conflict: bool,
    /// Declared in the reviewer's sheet of another panel (that panel's id):
    /// withdrawn there, not here.
    pub conflict_elsewhere: Option<String>,
}

/// A criterion the reviewer scores, with where it stands in the rubric.
#[derive(Debug, Clone)]
pub struct CriterionView {
    pub id: String,
    pub title: String,
    pub guidance: String,
    pub max: f64,
    pub step: f64,
    pub category_id: String,
    pub category_title: String,
    /// 1-based position of the criterion within its category, and the category's size.
    pub in_category: (usize, usize),
}

/// A cell of the sheet: indexes into [`App::regions`] and [`App::criteria`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub region: usize,
    pub criterion: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Good,
    Bad,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// A yes/no question on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Submit, listing what is still unscored: (region name, criterion ids).
    Submit {
        missing: Vec<(String, Vec<String>)>,
    },
    Reopen,
    DeclareConflict {
        region: usize,
        marks: usize,
    },
    WithdrawConflict {
        region: usize,
    },
    /// Quit although something is not saved.
    Quit {
        unsaved: Vec<String>,
    },
}

/// What comes into `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The outcome of saving the first pending change.
    Saved(Result<Saved, String>),
}

pub struct App {
    pub theme: Theme,
    pub review_title: String,
    pub panel_id: String,
    pub panel_title: String,
    pub reviewer_id: String,
    pub reviewer_name: String,
    pub regions: Vec<RegionView>,
    pub criteria: Vec<CriterionView>,
    /// The sheet as last saved.
    saved: Sheet,
    /// The sheet as shown: `saved` with the pending changes applied.
    shown: Sheet,
    /// Changes not yet saved, oldest first; the shell saves them in order.
    pending: VecDeque<Change>,
    undo: Vec<Change>,
    pub pos: Pos,
    /// A mark being typed, not yet confirmed.
    pub input: Option<String>,
    pub mode: Mode,
    /// The mode to return to from help.
    help_from: Mode,
    pub question: Option<Question>,
    pub message: Option<Message>,
    pub last_saved: Option<jiff::Timestamp>,
    pub note: Option<TextArea<'static>>,
    /// The selected cell of the sheet summary.
    pub summary: Pos,
    pub quit: bool,
    /// The last save failed; its change is still pending.
    save_failed: bool,
    /// Scored and due, per region and overall; kept in step with `shown`.
    counts: Vec<(usize, usize)>,
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
        let (review, unshowable) = session::showable(review, &theme);
        let panel_def = review.panel(panel);
        let reviewer_def = review.reviewer(reviewer);
        let chair_conflicts = reviewer_def.map(|r| r.conflicts.as_slice()).unwrap_or(&[]);
        let regions = review
            .regions
            .iter()
            .filter(|r| panel_def.is_some_and(|p| p.covers_region(&r.id)))
            .map(|r| RegionView {
                id: r.id.clone(),
                name: r.name.clone(),
                fields: r.fields.clone(),
                summary: r.summary.clone(),
                chair_conflict: chair_conflicts.contains(&r.id),
                conflict_elsewhere: elsewhere
                    .iter()
                    .find(|(region, _)| region == &r.id)
                    .map(|(_, panel)| panel.clone()),
            })
            .collect();
        let criteria = review
            .categories
            .iter()
            .flat_map(|category| {
                let size = category.criteria.len();
                category
                    .criteria
                    .iter()
                    .enumerate()
                    .map(move |(i, c)| (category, c, (i + 1, size)))
            })
            .filter(|(_, c, _)| panel_def.is_some_and(|p| p.covers_criterion(&c.id)))
            .map(|(category, c, in_category)| CriterionView {
                id: c.id.clone(),
                title: c.title.clone(),
                guidance: c.guidance.clone(),
                max: c.max,
                step: c.step,
                category_id: category.id.clone(),
                category_title: category.title.clone(),
                in_category,
            })
            .collect();
        let saved = sheet.unwrap_or_else(|| Sheet::new(jiff::Timestamp::UNIX_EPOCH));
        let mut app = App {
            theme,
            review_title: review.title.clone(),
            panel_id: panel.to_string(),
            panel_title: panel_def.map(|p| p.title.clone()).unwrap_or_default(),
            reviewer_id: reviewer.to_string(),
            reviewer_name: reviewer_def.map(|r| r.name.clone()).unwrap_or_default(),
            regions,
            criteria,
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
            counts: Vec::new(),
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
            region.chair_conflict
                || region.conflict_elsewhere.is_some()
                || self.shown.has_conflict(&region.id)
        })
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

    /// The unscored cells of the open regions, by region name.
    pub fn missing(&self) -> Vec<(String, Vec<String>)> {
        (0..self.regions.len())
            .filter(|&r| !self.conflicted(r))
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
                    (Mode::Note, None) => {
                        if let Some(note) = &mut self.note {
                            edit_note(note, key);
                        }
                    }
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
            }
            Msg::Saved(Err(reason)) => {
                self.save_failed = true;
                let n = self.pending.len();
                self.say(Tone::Bad, &t!("msg-not-saved", count = n, reason = reason));
            }
        }
    }

    fn paste(&mut self, text: &str) {
        match self.mode {
            Mode::Note => {
                if let Some(note) = &mut self.note {
                    note.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
                }
            }
            Mode::Score => {
                for c in text.trim().chars() {
                    self.act(Action::Type(c));
                }
            }
            _ => {}
        }
    }

    fn act(&mut self, action: Action) {
        match self.mode {
            Mode::Score => self.score_action(action),
            Mode::Note => self.note_action(action),
            Mode::Summary => self.summary_action(action),
            Mode::Confirm => self.answer(action),
            Mode::Help => {
                if action == Action::Back {
                    self.mode = self.help_from;
                }
            }
            // The chooser and the committee results' screens are not the reviewer's.
            Mode::Chooser => {}
        }
    }

    fn score_action(&mut self, action: Action) {
        if self.regions.is_empty() || self.criteria.is_empty() {
            if action == Action::Quit {
                self.quit = true;
            }
            return;
        }
        match action {
            Action::Type(c) => self.type_char(c),
            Action::Erase => {
                if let Some(input) = &mut self.input {
                    input.pop();
                    if input.is_empty() {
                        self.input = None;
                    }
                }
            }
            Action::Back => {
                self.input = None;
                self.message = None;
            }
            Action::StepUp => self.step(1.0),
            Action::StepDown => self.step(-1.0),
            Action::Confirm => self.confirm_mark(),
            Action::NextCriterion => self.go(self.neighbour(1)),
            Action::PrevCriterion => self.go(self.neighbour(-1)),
            Action::NextRegion => self.go(self.other_region(1)),
            Action::PrevRegion => self.go(self.other_region(-1)),
            Action::NextUnscored => match self.next_unscored(self.pos) {
                Some(pos) => self.go(pos),
                None => self.say(Tone::Good, &t!("msg-all-scored")),
            },
            Action::ClearMark => self.clear_mark(),
            Action::EditNote => self.open_note(),
            Action::ToggleConflict => self.ask_conflict(self.pos.region),
            Action::Undo => self.undo(),
            Action::Summary => {
                self.summary = self.pos;
                self.mode = Mode::Summary;
            }
            Action::Submit => self.ask_submit(),
            Action::Reopen => {
                if self.read_only() {
                    self.ask(Question::Reopen);
                } else {
                    self.say(Tone::Info, &t!("msg-already-draft"));
                }
            }
            Action::Help => self.show_help(),
            Action::Quit => self.ask_quit(),
            _ => {}
        }
    }

    /// Refuses a change when the sheet is read-only or the region conflicted.
    fn may_change(&mut self, region: usize) -> bool {
        if self.read_only() {
            self.say(Tone::Bad, &t!("msg-read-only-reopen"));
            return false;
        }
        if self.conflicted(region) {
            self.say(Tone::Bad, &t!("msg-conflicted-no-marks"));
            return false;
        }
        true
    }

    fn type_char(&mut self, c: char) {
        if !self.may_change(self.pos.region) {
            return;
        }
        let input = self.input.get_or_insert_with(String::new);
        if (c == '.' && input.contains('.')) || input.len() >= 8 {
            return;
        }
        input.push(c);
        self.message = None;
    }

    fn step(&mut self, direction: f64) {
        if !self.may_change(self.pos.region) {
            return;
        }
        let Some(criterion) = self.criterion() else {
            return;
        };
        let (max, step) = (criterion.max, criterion.step);
        let base = self
            .input
            .as_deref()
            .and_then(|t| t.parse::<f64>().ok())
            .or_else(|| self.current_mark().map(|m| m.points));
        let next = match base {
            Some(points) => ((points / step).round() + direction) * step,
            None if direction > 0.0 => 0.0,
            None => max,
        };
        let next = next.clamp(0.0, max);
        self.input = Some(format_points(next));
        self.message = None;
    }

    fn confirm_mark(&mut self) {
        let Some(text) = self.input.clone() else {
            self.go(self.neighbour(1));
            return;
        };
        let Some(criterion) = self.criterion().cloned() else {
            return;
        };
        let points = text.parse::<f64>().ok().filter(|p| p.is_finite());
        let points = match points {
            Some(p) if criterion.max + crate::model::GRID_TOLERANCE < p => {
                return self.say(
                    Tone::Bad,
                    &t!(
                        "msg-over-max",
                        text = text,
                        max = format_points(criterion.max)
                    ),
                );
            }
            Some(p) if !crate::model::on_grid(p, criterion.step) => {
                return self.say(
                    Tone::Bad,
                    &t!(
                        "msg-off-grid",
                        text = text,
                        step = format_points(criterion.step)
                    ),
                );
            }
            Some(p) => p,
            None => {
                return self.say(Tone::Bad, &t!("msg-not-a-number", text = text));
            }
        };
        let note = self
            .current_mark()
            .map(|m| m.note.clone())
            .unwrap_or_default();
        self.input = None;
        self.record(self.cell_change(self.pos, Some(Mark { points, note })));
        let next = self.neighbour(1);
        if next == self.pos {
            self.say(Tone::Good, &t!("msg-last-criterion"));
        } else {
            self.go(next);
        }
    }

    fn cell_change(&self, pos: Pos, mark: Option<Mark>) -> Change {
        Change::Cell {
            region: self.regions[pos.region].id.clone(),
            criterion: self.criteria[pos.criterion].id.clone(),
            mark,
        }
    }

    fn clear_mark(&mut self) {
        if !self.may_change(self.pos.region) {
            return;
        }
        self.input = None;
        if self.current_mark().is_some() {
            self.record(self.cell_change(self.pos, None));
            self.say(Tone::Info, &t!("msg-mark-removed"));
        }
    }

    fn open_note(&mut self) {
        if !self.may_change(self.pos.region) {
            return;
        }
        let Some(mark) = self.current_mark() else {
            return self.say(Tone::Bad, &t!("msg-note-needs-mark"));
        };
        let lines = mark.note.lines().map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.note = Some(area);
        self.mode = Mode::Note;
    }

    fn note_action(&mut self, action: Action) {
        match action {
            Action::NoteSave => {
                let text = self
                    .note
                    .take()
                    .map(|n| n.lines().join("\n"))
                    .unwrap_or_default();
                let text = text.trim_end().to_string();
                self.mode = Mode::Score;
                if let Some(mark) = self.current_mark().cloned()
                    && mark.note != text
                {
                    self.record(self.cell_change(
                        self.pos,
                        Some(Mark {
                            points: mark.points,
                            note: text,
                        }),
                    ));
                    self.say(Tone::Good, &t!("msg-note-saved"));
                }
            }
            Action::NoteCancel => {
                self.note = None;
                self.mode = Mode::Score;
                self.say(Tone::Info, &t!("msg-note-unchanged"));
            }
            _ => {}
        }
    }

    fn ask_conflict(&mut self, region: usize) {
        let Some(view) = self.regions.get(region) else {
            return;
        };
        if let Some(panel) = &view.conflict_elsewhere {
            let text = t!("msg-conflict-elsewhere", panel = panel);
            return self.say(Tone::Info, &text);
        }
        if view.chair_conflict {
            return self.say(Tone::Info, &t!("msg-conflict-by-chair"));
        }
        if self.read_only() {
            return self.say(Tone::Bad, &t!("msg-read-only-reopen"));
        }
        if self.shown.has_conflict(&view.id) {
            self.ask(Question::WithdrawConflict { region });
        } else {
            let marks = self.shown.scores.get(&view.id).map_or(0, |m| m.len());
            self.ask(Question::DeclareConflict { region, marks });
        }
    }

    fn ask_submit(&mut self) {
        if self.read_only() {
            return self.say(Tone::Info, &t!("msg-already-submitted"));
        }
        self.input = None;
        self.ask(Question::Submit {
            missing: self.missing(),
        });
    }

    fn ask_quit(&mut self) {
        let mut unsaved = Vec::new();
        if let (Some(input), Some(c)) = (&self.input, self.criterion()) {
            unsaved.push(t!("lost-typed", input = input, criterion = c.id));
        }
        if !self.pending.is_empty() {
            unsaved.push(t!("lost-unsaved", count = self.pending.len()));
        }
        if unsaved.is_empty() {
            self.quit = true;
        } else {
            self.ask(Question::Quit { unsaved });
        }
    }

    fn ask(&mut self, question: Question) {
        self.question = Some(question);
        self.mode = Mode::Confirm;
    }

    fn answer(&mut self, action: Action) {
        let question = match action {
            Action::Yes => self.question.take(),
            Action::No => {
                self.question = None;
                None
            }
            _ => return,
        };
        self.mode = Mode::Score;
        match question {
            Some(Question::Submit { .. }) => {
                self.record_without_undo(Change::Submitted(true));
                self.undo.clear();
                self.say(Tone::Good, &t!("msg-submitted"));
            }
            Some(Question::Reopen) => {
                self.record_without_undo(Change::Submitted(false));
                self.say(Tone::Info, &t!("msg-reopened"));
            }
            Some(Question::DeclareConflict { region, marks }) => {
                let id = self.regions[region].id.clone();
                self.record(Change::Conflict {
                    region: id,
                    declared: true,
                });
                self.input = None;
                let name = self.regions[region].name.clone();
                let text = if marks > 0 {
                    t!("msg-conflict-declared", region = name, count = marks)
                } else {
                    t!("msg-conflict-declared-unscored", region = name)
                };
                self.say(Tone::Info, &text);
                if let Some(pos) = self
                    .next_unscored(self.pos)
                    .or_else(|| self.open_cell_after(region))
                {
                    self.pos = pos;
                }
            }
            Some(Question::WithdrawConflict { region }) => {
                let id = self.regions[region].id.clone();
                self.record(Change::Conflict {
                    region: id,
                    declared: false,
                });
                let name = self.regions[region].name.clone();
                self.say(Tone::Info, &t!("msg-conflict-withdrawn", region = name));
            }
            Some(Question::Quit { .. }) => self.quit = true,
            None => {}
        }
    }

    fn summary_action(&mut self, action: Action) {
        let (rows, cols) = (self.regions.len(), self.criteria.len());
        let s = &mut self.summary;
        match action {
            Action::NextRegion if s.region + 1 < rows => s.region += 1,
            Action::PrevRegion => s.region = s.region.saturating_sub(1),
            Action::NextCriterion if s.criterion + 1 < cols => s.criterion += 1,
            Action::PrevCriterion => s.criterion = s.criterion.saturating_sub(1),
            Action::NextUnscored => {
                if let Some(pos) = self.next_unscored(self.summary) {
                    self.summary = pos;
                }
            }
            Action::Confirm => {
                self.go(self.summary);
                self.mode = Mode::Score;
            }
            Action::Back => self.mode = Mode::Score,
            Action::Help => self.show_help(),
            _ => {}
        }
    }

    fn show_help(&mut self) {
        self.help_from = self.mode;
        self.mode = Mode::Help;
    }

    fn undo(&mut self) {
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
    fn record(&mut self, change: Change) {
        if change.is_noop(&self.shown) {
            return;
        }
        self.undo.push(change.inverse(&self.shown));
        self.record_without_undo(change);
    }

    fn record_without_undo(&mut self, change: Change) {
        change.apply(&mut self.shown);
        self.pending.push_back(change);
        self.recount();
    }

    fn reshow(&mut self) {
        let mut shown = self.saved.clone();
        for change in &self.pending {
            change.apply(&mut shown);
        }
        self.shown = shown;
        self.recount();
    }

    fn recount(&mut self) {
        self.counts = (0..self.regions.len())
            .map(|r| {
                if self.conflicted(r) {
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

    fn say(&mut self, tone: Tone, text: &str) {
        self.message = Some(Message {
            text: text.to_string(),
            tone,
        });
    }

    // ---- moving ----

    /// Moves to `pos`; a typed mark not confirmed is dropped, with a word.
    fn go(&mut self, pos: Pos) {
        if pos == self.pos {
            return;
        }
        if let (Some(input), Some(c)) = (self.input.take(), self.criterion()) {
            let id = c.id.clone();
            self.say(
                Tone::Bad,
                &t!("msg-typed-dropped", input = input, criterion = id),
            );
        } else if self
            .message
            .as_ref()
            .is_some_and(|m| m.tone != Tone::Bad || self.pending.is_empty())
        {
            self.message = None;
        }
        self.pos = pos;
    }

    fn cells(&self) -> usize {
        self.regions.len() * self.criteria.len()
    }

    fn pos_of(&self, n: usize) -> Pos {
        let cols = self.criteria.len().max(1);
        Pos {
            region: n / cols,
            criterion: n % cols,
        }
    }

    fn number(&self, pos: Pos) -> usize {
        pos.region * self.criteria.len() + pos.criterion
    }

    /// The next (or previous) criterion, across regions, skipping conflicted
    /// regions; stays put at the ends.
    fn neighbour(&self, direction: isize) -> Pos {
        let mut n = self.number(self.pos) as isize;
        loop {
            n += direction;
            if n < 0 || n as usize >= self.cells() {
                return self.pos;
            }
            let pos = self.pos_of(n as usize);
            if !self.conflicted(pos.region) {
                return pos;
            }
        }
    }

    /// The same criterion in the next (or previous) open region, wrapping around.
    fn other_region(&self, direction: isize) -> Pos {
        let rows = self.regions.len() as isize;
        for k in 1..=rows {
            let r = (self.pos.region as isize + direction * k).rem_euclid(rows) as usize;
            if !self.conflicted(r) {
                return Pos {
                    region: r,
                    criterion: self.pos.criterion,
                };
            }
        }
        self.pos
    }

    /// The first unscored cell after `from`, wrapping around.
    fn next_unscored(&self, from: Pos) -> Option<Pos> {
        let total = self.cells();
        let start = self.number(from);
        (1..=total)
            .map(|k| self.pos_of((start + k) % total))
            .find(|&pos| !self.conflicted(pos.region) && self.mark_at(pos).is_none())
    }

    fn first_unscored(&self) -> Option<Pos> {
        let last = self.pos_of(self.cells().saturating_sub(1));
        (self.cells() > 0)
            .then(|| self.next_unscored(last))
            .flatten()
    }

    fn first_open_cell(&self) -> Pos {
        (0..self.regions.len())
            .find(|&r| !self.conflicted(r))
            .map(|region| Pos {
                region,
                criterion: 0,
            })
            .unwrap_or_default()
    }

    fn open_cell_after(&self, region: usize) -> Option<Pos> {
        let rows = self.regions.len();
        (1..=rows)
            .map(|k| (region + k) % rows)
            .find(|&r| !self.conflicted(r))
            .map(|r| Pos {
                region: r,
                criterion: 0,
            })
    }
}

/// A key in the note editor. The editor counts characters; moving and
/// deleting go by grapheme cluster, so that a character with a combining mark
/// (か + ゛) or an emoji sequence is never cut in half.
fn edit_note(note: &mut TextArea<'static>, key: KeyEvent) {
    use ratatui::crossterm::event::KeyCode;
    use ratatui_textarea::CursorMove;
    let plain =
        key.modifiers.is_empty() || key.modifiers == ratatui::crossterm::event::KeyModifiers::SHIFT;
    let (before, after) = grapheme_sizes(note);
    match key.code {
        KeyCode::Left if plain => {
            (0..before.max(1)).for_each(|_| note.move_cursor(CursorMove::Back))
        }
        KeyCode::Right if plain => {
            (0..after.max(1)).for_each(|_| note.move_cursor(CursorMove::Forward))
        }
        KeyCode::Backspace if plain => {
            for _ in 0..before.max(1) {
                note.delete_char();
            }
        }
        KeyCode::Delete if plain => {
            for _ in 0..after.max(1) {
                note.delete_next_char();
            }
        }
        _ => {
            note.input(key);
        }
    }
}

/// Characters in the grapheme clusters just before and just after the cursor.
fn grapheme_sizes(note: &TextArea<'static>) -> (usize, usize) {
    let ratatui_textarea::DataCursor(row, col) = note.cursor();
    note.lines()
        .get(row)
        .map_or((0, 0), |line| crate::text::grapheme_chars_around(line, col))
}

/// Whether two versions of a sheet hold the same marks, notes, conflicts
/// and submission (whenever they were saved).
fn same_marks(a: &Sheet, b: &Sheet) -> bool {
    a.scores == b.scores && a.conflicts == b.conflicts && a.submitted == b.submitted
}
