//! The note editor: opening, editing by grapheme, saving or discarding,
//! and text pasted into a mark or a note.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::app::App;
use super::keys::{Action, Mode};
use super::parts::Tone;
use crate::model::Mark;
use crate::t;

impl App {
    /// A key typed into the note being edited.
    pub(super) fn edit_note(&mut self, key: KeyEvent) {
        if let Some(note) = &mut self.note {
            edit(note, key);
        }
    }

    pub(super) fn paste(&mut self, text: &str) {
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

    pub(super) fn open_note(&mut self) {
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

    pub(super) fn note_action(&mut self, action: Action) {
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

/// A key in the note editor. The editor counts characters; moving and
/// deleting go by grapheme cluster, so that a character with a combining mark
/// (か + ゛) or an emoji sequence is never cut in half.
fn edit(note: &mut TextArea<'static>, key: KeyEvent) {
    use ratatui::crossterm::event::KeyCode;
    use ratatui_textarea::CursorMove;
    let plain =
        key.modifiers.is_empty() || key.modifiers == ratatui::crossterm::event::KeyModifiers::SHIFT;
    let (before, after) = grapheme_sizes(note);
    match key.code {
        KeyCode::Left if plain => {
            (0..before.max(1)).for_each(|_| note.move_cursor(CursorMove::Back));
        }
        KeyCode::Right if plain => {
            (0..after.max(1)).for_each(|_| note.move_cursor(CursorMove::Forward));
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
