//! The note editor: opening, editing by grapheme, saving or discarding,
//! and text pasted into a mark or a note.

use ratatui::crossterm::event::KeyEvent;

use super::app::App;
use super::keys::{Action, Mode};
use super::parts::Tone;
use crate::model::Mark;
use crate::t;
use crate::tui::note_editor;

impl App {
    /// A key typed into the note being edited.
    pub(super) fn edit_note(&mut self, key: KeyEvent) {
        if let Some(note) = &mut self.note {
            note_editor::edit(note, key);
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
        match self.mode {
            Mode::Note => {
                if let Some(note) = &mut self.note {
                    note_editor::paste(note, text);
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

    pub(super) fn open_note(&mut self) {
        if !self.may_change(self.pos.region) {
            return;
        }
        let Some(mark) = self.current_mark() else {
            return self.say(Tone::Bad, &t!("msg-note-needs-mark"));
        };
        self.note = Some(note_editor::open(&mark.note));
        self.mode = Mode::Note;
    }

    pub(super) fn note_action(&mut self, action: Action) {
        match action {
            Action::NoteSave => {
                let text = self
                    .note
                    .take()
                    .map(|n| note_editor::text(&n))
                    .unwrap_or_default();
                self.mode = Mode::Score;
                if let Some(mark) = self.current_mark().cloned()
                    && mark.note != text
                {
                    self.record(self.cell_change(self.pos, Some(Mark { note: text, ..mark })));
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
}
