//! Text measured in terminal columns, for the screens, the report's tables
//! and the terminal's: widths, padding, wrapping and truncation that never
//! cut a grapheme cluster in half and count a double-width character (a
//! Japanese name's) as two columns. The one home of these rules.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns taken by `text`, as ratatui counts them when it draws: the
/// halfwidth sound marks ﾞ and ﾟ (U+FF9E, U+FF9F) take a column each, as
/// terminals draw them, though they extend the grapheme before them.
pub fn width(text: &str) -> usize {
    let marks = text
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    text.width() + marks
}

/// The ellipsis of text cut short where the output is UTF-8 (files and
/// UTF-8 terminals; a screen without UTF-8 uses `...`).
pub const ELLIPSIS: &str = "…";

/// `text` cut to `max` columns, ending in `ellipsis` when cut.
pub fn truncate(text: &str, max: usize, ellipsis: &str) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(width(ellipsis));
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = width(g);
        if used + w > room {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if max >= width(ellipsis) {
        out.push_str(ellipsis);
    }
    out
}

/// `text` padded with spaces (or cut) to exactly `columns`.
pub fn fit(text: &str, columns: usize, ellipsis: &str) -> String {
    let mut out = truncate(text, columns, ellipsis);
    let w = width(&out);
    out.push_str(&" ".repeat(columns.saturating_sub(w)));
    out
}

/// `text` followed by spaces up to `columns`; never cut.
pub fn pad_right(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// `text` after spaces up to `columns` (right-aligned); never cut.
pub fn pad_left(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(width(text));
    format!("{}{text}", " ".repeat(fill))
}

/// How a column of a [`Table`] aligns its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers, to read as numbers.
    Right,
}

/// A plain-text table for a terminal or a log: each column as wide as its
/// widest cell (in columns), two spaces between columns, no trailing spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table whose columns align as `align` says (columns beyond it
    /// align left).
    pub fn new(align: &[Align]) -> Table {
        Table {
            align: align.to_vec(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        self.rows.push(cells.into_iter().collect());
    }

    /// The rows, one line each, every line ending in a newline.
    pub fn render(&self) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|k| {
                let cells = self.rows.iter().filter_map(|row| row.get(k));
                cells.map(|cell| width(cell)).max().unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (k, cell) in row.iter().enumerate() {
                if k > 0 {
                    line.push_str("  ");
                }
                match self.align.get(k) {
                    Some(Align::Right) => line.push_str(&pad_left(cell, widths[k])),
                    _ => line.push_str(&pad_right(cell, widths[k])),
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// How many characters make up the grapheme cluster just before and the one
/// just after character `col` of `line` (0 at either end): what one press
/// of a cursor key steps over, so that `が` typed as か + ゛ moves as one.
pub fn grapheme_chars_around(line: &str, col: usize) -> (usize, usize) {
    let at = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let chars = |g: Option<&str>| g.map_or(0, |g| g.chars().count());
    (
        chars(line[..at].graphemes(true).next_back()),
        chars(line[at..].graphemes(true).next()),
    )
}

/// Wraps `text` into lines of at most `max` columns: at spaces where it can,
/// after a double-width character (CJK text has no spaces), and inside a
/// word only when the word alone is wider than a line. Newlines in `text` start
/// new lines.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph.trim_end(), max, &mut lines);
    }
    lines
}

fn wrap_paragraph(text: &str, max: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    let mut line_width = 0;
    // Byte offset in `line` after which it may break.
    let mut last_break: Option<usize> = None;
    for g in text.graphemes(true) {
        let w = width(g);
        if line_width + w > max && !line.is_empty() {
            match last_break {
                Some(at) if at > 0 => {
                    let rest = line.split_off(at);
                    lines.push(line.trim_end().to_string());
                    line = rest.trim_start().to_string();
                    line_width = width(&line);
                }
                _ => {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
            }
            last_break = None;
            if g == " " && line.is_empty() {
                continue;
            }
        }
        line.push_str(g);
        line_width += w;
        if g == " " || w == 2 {
            last_break = Some(line.len());
        }
    }
    lines.push(line);
}

/// At most `n` lines of `lines`; when cut, the last one ends in `ellipsis`.
pub fn clip(mut lines: Vec<String>, n: usize, max: usize, ellipsis: &str) -> Vec<String> {
    if lines.len() > n {
        lines.truncate(n);
        if let Some(last) = lines.last_mut() {
            let room = max.saturating_sub(width(ellipsis));
            *last = format!("{}{ellipsis}", truncate(last, room, ""));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("the quick brown fox", 10), ["the quick", "brown fox"]);
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wraps_japanese_between_characters_by_width() {
        let lines = wrap("知的クラスター創成事業", 8);
        assert_eq!(lines, ["知的クラ", "スター創", "成事業"]);
        assert!(lines.iter().all(|l| width(l) <= 8));
    }

    #[test]
    fn keeps_newlines() {
        assert_eq!(wrap("one\ntwo", 10), ["one", "two"]);
    }

    #[test]
    fn truncates_by_columns_not_bytes() {
        assert_eq!(truncate("札幌市の提案", 7, "…"), "札幌市…");
        assert_eq!(truncate("short", 7, "…"), "short");
        assert_eq!(fit("ab", 4, "…"), "ab  ");
    }

    #[test]
    fn a_grapheme_of_several_characters_is_stepped_over_whole() {
        // か + the combining sound mark: one grapheme, two characters.
        let line = "aか\u{3099}b";
        assert_eq!(grapheme_chars_around(line, 1), (1, 2));
        assert_eq!(grapheme_chars_around(line, 3), (2, 1));
        assert_eq!(grapheme_chars_around(line, 4), (1, 0));
        assert_eq!(grapheme_chars_around("", 0), (0, 0));
    }

    #[test]
    fn a_table_fits_its_widest_cells() {
        let mut table = Table::new(&[Align::Right, Align::Left]);
        table.row(["#".to_string(), "region".to_string()]);
        table.row(["10".to_string(), "札幌".to_string()]);
        table.row(["9".to_string(), "Sendai city".to_string()]);
        assert_eq!(table.render(), " #  region\n10  札幌\n 9  Sendai city\n");
    }

    #[test]
    fn halfwidth_sound_marks_take_a_column_each() {
        assert_eq!(width("ｶﾞｽ"), 3);
        assert_eq!(width("ﾊﾟﾝ"), 3);
        assert_eq!(truncate("名古屋ｶﾞｽ", 8, "…"), "名古屋…");
        assert_eq!(truncate("名古屋ｶﾞｽ", 9, "…"), "名古屋ｶﾞｽ");
    }

    #[test]
    fn pads_by_columns() {
        assert_eq!(pad_left("札幌", 6), "  札幌");
        assert_eq!(pad_right("札幌", 6), "札幌  ");
        assert_eq!(pad_right("too long", 3), "too long");
    }

    #[test]
    fn clip_marks_the_cut() {
        let lines = clip(vec!["a".into(), "b".into(), "c".into()], 2, 10, "…");
        assert_eq!(lines, ["a", "b…"]);
    }
}
