//! Typing, stepping, confirming and clearing marks.

use super::app::App;
use super::keys::{Action, Mode};
use super::parts::{Pos, Question, Tone};
use crate::model::{Change, Mark, format_points};
use crate::t;

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
        let input = self.input.get_or_insert_with(String::new);
        if (c == '.' && input.contains('.')) || input.len() >= 8 {
            return;
        }
        input.push(c);
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

    pub(super) fn confirm_mark(&mut self) {
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
