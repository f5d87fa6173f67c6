//! The columns of a table on a screen, declared once: each a fixed width
//! or the rest of the line. The header and every row are drawn through the
//! same [`Columns`], cell by cell in the declared order, so a row and its
//! header can never disagree on where a column starts.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::text;

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Exactly this many terminal columns.
    Len(usize),
    /// What the fixed columns leave, shared with the other `Rest` columns,
    /// never less than this many.
    Rest(usize),
    /// As `Rest`, but never more than the second number either (a name
    /// column that need not grow past the longest name).
    RestUpTo(usize, usize),
}

/// A table's columns laid out in a given number of terminal columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    widths: Vec<usize>,
}

impl Columns {
    /// `widths` laid out in `total` terminal columns. A row may come out
    /// wider than `total` when the `Rest` minimums don't fit; the frame
    /// around it cuts it.
    pub fn new(total: usize, widths: &[Width]) -> Columns {
        let fixed: usize = widths
            .iter()
            .map(|w| match w {
                Width::Len(n) => *n,
                Width::Rest(_) | Width::RestUpTo(..) => 0,
            })
            .sum();
        let rests = widths
            .iter()
            .filter(|w| !matches!(w, Width::Len(_)))
            .count();
        let mut left = total.saturating_sub(fixed);
        let mut seen = 0;
        let widths = widths
            .iter()
            .map(|w| {
                let (min, max) = match *w {
                    Width::Len(n) => return n,
                    Width::Rest(min) => (min, usize::MAX),
                    Width::RestUpTo(min, max) => (min, max),
                };
                seen += 1;
                // The last takes what the others leave.
                let share = if seen == rests {
                    left
                } else {
                    left / (rests - seen + 1)
                };
                let width = share.min(max).max(min);
                left = left.saturating_sub(share.min(max));
                width
            })
            .collect();
        Columns { widths }
    }

    /// The width of column `k` (0 for a column not declared).
    pub fn width(&self, k: usize) -> usize {
        self.widths.get(k).copied().unwrap_or(0)
    }

    /// The width of the last column.
    pub fn last(&self) -> usize {
        self.widths.last().copied().unwrap_or(0)
    }

    /// A row drawn cell by cell through these columns.
    pub fn row(&self) -> Row<'_> {
        Row {
            columns: self,
            next: 0,
            spans: Vec::new(),
        }
    }
}

/// A row being drawn: each call fills the next column.
#[derive(Debug)]
pub struct Row<'c> {
    columns: &'c Columns,
    next: usize,
    spans: Vec<Span<'static>>,
}

impl Row<'_> {
    fn take(&mut self) -> usize {
        let width = self.columns.width(self.next);
        self.next += 1;
        width
    }

    /// `text` on the left of the next column, cut with `ellipsis` to fit.
    pub fn left(mut self, text: &str, style: Style, ellipsis: &str) -> Self {
        let width = self.take();
        self.spans
            .push(Span::styled(text::fit(text, width, ellipsis), style));
        self
    }

    /// `text` on the right of the next column (numbers), cut with
    /// `ellipsis` to fit.
    pub fn right(mut self, text: &str, style: Style, ellipsis: &str) -> Self {
        let width = self.take();
        let cut = text::truncate(text, width, ellipsis);
        self.spans
            .push(Span::styled(text::pad_left(&cut, width), style));
        self
    }

    /// The next column left blank (the space between two others).
    pub fn gap(mut self) -> Self {
        let width = self.take();
        self.spans.push(Span::raw(" ".repeat(width)));
        self
    }

    /// Spans already as wide as the next column (a bar, a caret).
    pub fn spans(mut self, spans: impl IntoIterator<Item = Span<'static>>) -> Self {
        self.take();
        self.spans.extend(spans);
        self
    }

    /// The row as a line; what is past the last column is the frame's to cut.
    pub fn line(self) -> Line<'static> {
        Line::from(self.spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rest_is_what_the_fixed_columns_leave() {
        let columns = Columns::new(20, &[Width::Len(2), Width::Rest(4), Width::Len(6)]);
        assert_eq!(
            (columns.width(0), columns.width(1), columns.width(2)),
            (2, 12, 6)
        );
        let narrow = Columns::new(10, &[Width::Len(2), Width::Rest(4), Width::Len(6)]);
        assert_eq!(narrow.width(1), 4, "never below its minimum");
        let shared = Columns::new(11, &[Width::Rest(0), Width::Len(1), Width::Rest(0)]);
        assert_eq!((shared.width(0), shared.width(2)), (5, 5));
        let capped = Columns::new(40, &[Width::Len(2), Width::RestUpTo(8, 32)]);
        assert_eq!(capped.width(1), 32);
    }

    #[test]
    fn a_row_fills_its_columns_in_order() {
        let columns = Columns::new(14, &[Width::Len(3), Width::Len(1), Width::Rest(0)]);
        let line = columns
            .row()
            .right("7", Style::default(), "")
            .gap()
            .left("Fukuoka / North", Style::default(), "…")
            .line();
        assert_eq!(line.to_string(), "  7 Fukuoka /…");
    }
}

/// The heads of a grid's criterion columns, each at most `width` wide:
/// the criteria's ids when every one fits and no two are alike, else their
/// numbers from 1 (a nested rubric's ids, `1-2-a-1` and `1-2-a-2`, cut to
/// the width, would read alike); the screen's legend names the one selected.
pub fn criterion_heads(ids: &[&str], width: usize) -> Vec<String> {
    let fits = ids.iter().all(|id| text::width(id) <= width);
    let distinct = ids.iter().collect::<std::collections::HashSet<_>>().len() == ids.len();
    if fits && distinct {
        ids.iter().map(ToString::to_string).collect()
    } else {
        (1..=ids.len()).map(|n| n.to_string()).collect()
    }
}

/// Columns taken by the widest of a heading and its cells.
pub fn widest(header: &str, cells: impl Iterator<Item = String>) -> usize {
    cells
        .map(|c| text::width(&c))
        .fold(text::width(header), usize::max)
}

#[cfg(test)]
mod heads_tests {
    use super::criterion_heads;

    #[test]
    fn ids_that_fit_are_the_heads_else_numbers() {
        assert_eq!(criterion_heads(&["1-a", "4-e"], 3), ["1-a", "4-e"]);
        assert_eq!(
            criterion_heads(&["1-2-a-1", "1-2-a-2", "2-a"], 3),
            ["1", "2", "3"]
        );
    }
}
