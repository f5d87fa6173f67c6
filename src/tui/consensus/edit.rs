//! Recording a cell's consensus: typing, stepping, confirming and removing
//! the agreed mark, and editing its comment. A barred region refuses all.

use ratatui::crossterm::event::KeyEvent;

use super::app::App;
use super::keys::{Action, Mode};
use crate::model::{ConsensusChange, Mark};
use crate::t;
use crate::tui::note_editor;
use crate::tui::review::parts::{Pos, Tone};
use crate::tui::typing;

impl App {
    pub(super) fn cell_action(&mut self, action: Action) {
        if self.regions.is_empty() || self.criteria.is_empty() {
            if action == Action::Quit {
                self.quit = true;
            }
            return;
        }
        match action {
            Action::Type(c) => self.type_char(c),
            Action::Erase => typing::erase(&mut self.input),
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
            Action::NextMissing => match self.next_missing(self.pos) {
                Some(pos) => self.go(pos),
                None => self.say(Tone::Good, &t!("consensus-msg-all-recorded")),
            },
            Action::ClearMark => self.clear_mark(),
            Action::EditComment => self.open_comment(),
            Action::Members => {
                self.notes_scroll = 0;
                self.mode = Mode::Members;
            }
            Action::PageUp => self.scroll = self.scroll.saturating_sub(PAGE),
            Action::PageDown => {
                let rows = self.member_marks(self.pos).len();
                self.scroll = (self.scroll + PAGE).min(rows.saturating_sub(1));
            }
            Action::Undo => self.undo(),
            Action::Summary => {
                self.summary = self.pos;
                self.mode = Mode::Summary;
            }
            Action::Help => self.show_help(),
            Action::Quit => self.ask_quit(),
            _ => {}
        }
    }

    /// Refuses a change on a region the writer is conflicted on, saying why.
    fn may_change(&mut self) -> bool {
        match self.region().and_then(|r| r.barred.clone()) {
            Some(why) => {
                self.input = None;
                self.say(Tone::Bad, &t!("consensus-msg-barred", cause = why));
                false
            }
            None => true,
        }
    }

    fn type_char(&mut self, c: char) {
        if !self.may_change() {
            return;
        }
        typing::push(&mut self.input, c);
        self.message = None;
    }

    fn step(&mut self, direction: f64) {
        if !self.may_change() {
            return;
        }
        let Some(criterion) = self.criterion() else {
            return;
        };
        let (max, step) = (criterion.max, criterion.step);
        let base = typing::typed_points(self.input.as_deref())
            .or_else(|| self.current_mark().map(|m| m.points));
        self.input = Some(typing::stepped(base, max, step, direction));
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
        if !self.may_change() {
            return;
        }
        let points = match typing::accept(&text, criterion.max, criterion.step) {
            Ok(points) => points,
            Err(why) => return self.say(Tone::Bad, &why),
        };
        let comment = self
            .current_mark()
            .map(|m| m.note.clone())
            .unwrap_or_default();
        self.input = None;
        self.record(self.cell_change(self.pos, Some(Mark::new(points, comment))));
        let next = self.neighbour(1);
        if next == self.pos {
            self.say(Tone::Good, &t!("consensus-msg-last"));
        } else {
            self.go(next);
        }
    }

    fn cell_change(&self, pos: Pos, mark: Option<Mark>) -> ConsensusChange {
        ConsensusChange {
            region: self.regions[pos.region].id.clone(),
            criterion: self.criteria[pos.criterion].id.clone(),
            mark,
        }
    }

    fn clear_mark(&mut self) {
        if !self.may_change() {
            return;
        }
        self.input = None;
        if self.current_mark().is_some() {
            self.record(self.cell_change(self.pos, None));
            self.say(Tone::Info, &t!("consensus-msg-removed"));
        }
    }

    // ---- the comment ----

    fn open_comment(&mut self) {
        if !self.may_change() {
            return;
        }
        let Some(mark) = self.current_mark() else {
            return self.say(Tone::Bad, &t!("consensus-msg-comment-needs-mark"));
        };
        self.comment = Some(note_editor::open(&mark.note));
        self.mode = Mode::Comment;
    }

    /// A key typed into the comment being edited.
    pub(super) fn edit_comment(&mut self, key: KeyEvent) {
        if let Some(comment) = &mut self.comment {
            note_editor::edit(comment, key);
        }
    }

    pub(super) fn comment_action(&mut self, action: Action) {
        match action {
            Action::CommentSave => {
                let text = self
                    .comment
                    .take()
                    .map(|c| note_editor::text(&c))
                    .unwrap_or_default();
                self.mode = Mode::Cell;
                if let Some(mark) = self.current_mark().cloned()
                    && mark.note != text
                {
                    self.record(self.cell_change(self.pos, Some(Mark { note: text, ..mark })));
                    self.say(Tone::Good, &t!("consensus-msg-comment-saved"));
                }
            }
            Action::CommentCancel => {
                self.comment = None;
                self.mode = Mode::Cell;
                self.say(Tone::Info, &t!("consensus-msg-comment-unchanged"));
            }
            _ => {}
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        match self.mode {
            Mode::Comment => {
                if let Some(comment) = &mut self.comment {
                    note_editor::paste(comment, text);
                }
            }
            Mode::Cell => {
                for c in text.trim().chars() {
                    if c.is_ascii_digit() || c == '.' {
                        self.act(Action::Type(c));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Rows a page key scrolls the members' marks by.
pub(super) const PAGE: usize = 5;
