//! Typing, stepping, confirming and clearing marks.

use super::app::App;
use super::keys::{Action, Mode};
use super::parts::{Pos, Question, Tone};
use crate::model::{Change, Mark};
use crate::t;
use crate::tui::typing;

impl App {
    pub(super) fn score_action(&mut self, action: Action) {
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
            Action::Others => self.open_others(self.pos),
            Action::Help => self.show_help(),
            Action::Quit => self.ask_quit(),
            _ => {}
        }
    }

    /// Refuses a change when the sheet is read-only or the region conflicted.
    pub(super) fn may_change(&mut self, region: usize) -> bool {
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

    pub(super) fn type_char(&mut self, c: char) {
        if !self.may_change(self.pos.region) {
            return;
        }
        typing::push(&mut self.input, c);
        self.message = None;
    }

    pub(super) fn step(&mut self, direction: f64) {
        if !self.may_change(self.pos.region) {
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

    pub(super) fn confirm_mark(&mut self) {
        let Some(text) = self.input.clone() else {
            self.go(self.neighbour(1));
            return;
        };
        let Some(criterion) = self.criterion().cloned() else {
            return;
        };
        let points = match typing::accept(&text, criterion.max, criterion.step) {
            Ok(points) => points,
            Err(why) => return self.say(Tone::Bad, &why),
        };
        let note = self
            .current_mark()
            .map(|m| m.note.clone())
            .unwrap_or_default();
        self.input = None;
        self.record(self.cell_change(self.pos, Some(Mark::new(points, note))));
        let next = self.neighbour(1);
        if next == self.pos {
            self.say(Tone::Good, &t!("msg-last-criterion"));
        } else {
            self.go(next);
        }
    }

    pub(super) fn cell_change(&self, pos: Pos, mark: Option<Mark>) -> Change {
        Change::Cell {
            region: self.regions[pos.region].id.clone(),
            criterion: self.criteria[pos.criterion].id.clone(),
            mark,
        }
    }

    pub(super) fn clear_mark(&mut self) {
        if !self.may_change(self.pos.region) {
            return;
        }
        self.input = None;
        if self.current_mark().is_some() {
            self.record(self.cell_change(self.pos, None));
            self.say(Tone::Info, &t!("msg-mark-removed"));
        }
    }
}
