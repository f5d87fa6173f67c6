//! Text measured in terminal columns: wrapping and truncation that never cut
//! a character (or a grapheme cluster) in half, and count double-width
//! characters as two columns.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns taken by `text`.
pub fn width(text: &str) -> usize {
    text.width()
}

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
    fn clip_marks_the_cut() {
        let lines = clip(vec!["a".into(), "b".into(), "c".into()], 2, 10, "…");
        assert_eq!(lines, ["a", "b…"]);
    }
}
