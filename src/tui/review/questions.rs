//! The yes/no questions: a conflict to declare or withdraw, submitting,
//! reopening, quitting with something unsaved.

use super::app::App;
use super::keys::{Action, Mode};
use super::parts::{ChairConflict, Question, Tone};
use crate::model::Change;
use crate::t;

impl App {
    pub(super) fn ask_conflict(&mut self, region: usize) {
        let Some(view) = self.regions.get(region) else {
            return;
        };
        if let Some(panel) = &view.conflict_elsewhere {
            let text = t!("msg-conflict-elsewhere", panel = panel);
            return self.say(Tone::Info, &text);
        }
        match &view.chair_conflict {
            Some(ChairConflict::Declared) => {
                return self.say(Tone::Info, &t!("msg-conflict-by-chair"));
            }
            Some(ChairConflict::Institution(institution)) => {
                let text = t!("msg-conflict-by-institution", institution = institution);
                return self.say(Tone::Info, &text);
            }
            None => {}
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

    pub(super) fn ask_submit(&mut self) {
        if self.read_only() {
            return self.say(Tone::Info, &t!("msg-already-submitted"));
        }
        self.input = None;
        self.ask(Question::Submit {
            missing: self.missing(),
        });
    }

    pub(super) fn ask_quit(&mut self) {
        let mut unsaved = Vec::new();
        if let (Some(input), Some(c)) = (&self.input, self.criterion()) {
            unsaved.push(t!("lost-typed", input = input, criterion = c.id));
        }
        if !self.pending.is_empty() {
            unsaved.push(t!("lost-unsaved", count = self.pending.len()));
        }
        if self.began_submitted && !self.shown.submitted {
            let missing = self.missing().iter().map(|(_, ids)| ids.len()).sum();
            self.ask(Question::LeaveDraft { missing, unsaved });
        } else if unsaved.is_empty() {
            self.quit = true;
        } else {
            self.ask(Question::Quit { unsaved });
        }
    }

    pub(super) fn ask(&mut self, question: Question) {
        self.mode = match question {
            Question::LeaveDraft { .. } => Mode::LeaveDraft,
            _ => Mode::Confirm,
        };
        self.question = Some(question);
    }

    /// Quitting with a sheet that is a draft again: submit it and quit
    /// once that is saved, quit leaving it a draft, or stay.
    pub(super) fn answer_leave_draft(&mut self, action: Action) {
        match action {
            Action::Submit => {
                self.input = None;
                self.record_without_undo(Change::Submitted(true));
                self.undo.clear();
                self.quit_when_saved = true;
                self.say(Tone::Good, &t!("msg-submitted"));
            }
            Action::Quit => self.quit = true,
            Action::Back => {}
            _ => return,
        }
        self.question = None;
        self.mode = Mode::Score;
    }

    pub(super) fn answer(&mut self, action: Action) {
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
                let said = if self.discussion.is_some() {
                    t!("msg-submitted-discussion")
                } else {
                    t!("msg-submitted")
                };
                self.say(Tone::Good, &said);
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
            Some(Question::LeaveDraft { .. }) | None => {}
        }
    }
}
