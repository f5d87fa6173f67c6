//! The multi-line editor of a note (a reviewer's note on a mark, a
//! consensus comment): opened on the text as it is, edited by grapheme,
//! pasted into, and read back. Shared by the screens that edit notes.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

/// An editor holding `text`, its cursor at the end.
pub fn open(text: &str) -> TextArea<'static> {
    let lines = text.lines().map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// The text edited, without trailing blanks.
pub fn text(note: &TextArea<'static>) -> String {
    note.lines().join("\n").trim_end().to_string()
}

/// Text pasted into the editor, its line ends made `\n`.
pub fn paste(note: &mut TextArea<'static>, text: &str) {
    note.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
}

/// A key in the editor. The editor counts characters; moving and deleting
/// go by grapheme cluster, so that a character with a combining mark
/// (か + ゛) or an emoji sequence is never cut in half.
pub fn edit(note: &mut TextArea<'static>, key: KeyEvent) {
    let plain = key.modifiers.is_empty() || key.modifiers == KeyModifiers::SHIFT;
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
    let DataCursor(row, col) = note.cursor();
    note.lines()
        .get(row)
        .map_or((0, 0), |line| crate::text::grapheme_chars_around(line, col))
}

/// The editor in a pop-up over `area` titled `title`, as the reviewer's
/// note and the rapporteur's comment are edited.
pub fn draw(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    theme: &super::theme::Theme,
    title: &str,
    editor: &TextArea<'static>,
) {
    use super::widgets;
    let rect = widgets::popup(
        frame,
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2).min(12),
    );
    let inner = widgets::framed(
        frame,
        rect,
        widgets::block(theme, widgets::title(theme, title)),
    );
    frame.render_widget(editor, inner);
}
