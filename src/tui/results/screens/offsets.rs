//! The reviewers' calibration offsets (`o`): who marks harshly or
//! leniently, with a bar each side of a centre line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{
    caret, not_analysed, region_name, scrolled, sentence_box, sentence_lines, shown,
};
use crate::analysis::{Analysis, Reading, ReviewerOffset};
use crate::report::points;
use crate::report::solidity::{list, reading_word, reviewer_named, signed, thin_reason, without};
use crate::t;
use crate::text;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{self, Len, Rest};
use crate::tui::columns::widest;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, block};

/// Cells each side of the bar's middle.
pub(super) const HALF: usize = 5;

/// A reviewer's name keeps at least this many columns, or is left out (the
/// sentences below name the selected reviewer in full).
pub(super) const REVIEWER_NAME_MIN: usize = 6;

/// One row of the offsets table, as text.
pub(super) struct OffsetRow {
    id: String,
    name: String,
    group: String,
    marks: String,
    shared: String,
    offset: String,
    error: String,
    /// The reading with its reason, and the reading alone when that is all
    /// that fits.
    reading: String,
    word: String,
    marked: bool,
}

pub(super) fn offset_row(app: &App, analysis: &Analysis, row: &ReviewerOffset) -> OffsetRow {
    let reading = row.reading();
    let word = reading_word(reading);
    let full = match row.thin {
        Some(thin) if row.offset.is_none() => t!(
            "solid-not-estimable-why",
            why = thin_reason(thin, analysis.calibration.min_shared_cells)
        ),
        _ => word.clone(),
    };
    OffsetRow {
        id: row.reviewer.clone(),
        name: app
            .data
            .review
            .reviewer(&row.reviewer)
            .map_or_else(String::new, |r| r.name.clone()),
        group: row.group.map_or_else(|| "-".to_string(), |g| g.to_string()),
        marks: row.marks.to_string(),
        shared: row.shared_cells.to_string(),
        offset: row.offset.map_or_else(|| "-".to_string(), signed),
        error: row.standard_error.map_or_else(|| "-".to_string(), points),
        reading: full,
        word,
        marked: matches!(reading, Reading::Harsh | Reading::Lenient),
    }
}

/// The offsets table as a window of `width` shows it: the id, the name
/// (while a reading fits beside it), the numbers (`numbers`: which of
/// group, marks, shared, offset and error, by their index into the
/// headers, and how wide), the bar and the reading.
pub(super) struct OffsetTable {
    name: bool,
    numbers: Vec<(usize, usize)>,
    columns: Columns,
}

impl OffsetTable {
    pub(super) fn new(rows: &[OffsetRow], headers: &[String; 8], width: usize) -> OffsetTable {
        let cells: [fn(&OffsetRow) -> &String; 8] = [
            |r| &r.id,
            |r| &r.name,
            |r| &r.group,
            |r| &r.marks,
            |r| &r.shared,
            |r| &r.offset,
            |r| &r.error,
            |r| &r.word,
        ];
        let w = |k: usize| widest(&headers[k], rows.iter().map(|r| cells[k](r).clone()));
        let id = w(0).min(10);
        let word = w(7);
        let longest_name = w(1);
        let mut numbers: Vec<(usize, usize)> = (2..=6).map(|k| (k, w(k))).collect();
        let layout = |name: Option<Width>, numbers: &[(usize, usize)], reading: Width| {
            let mut widths = vec![Len(2), Len(id)];
            if let Some(name) = name {
                widths.extend([Len(1), name]);
            }
            for &(_, w) in numbers {
                widths.extend([Len(1), Len(w)]);
            }
            widths.extend([Len(1), Len(2 * HALF + 1), Len(1), reading]);
            Columns::new(width, &widths)
        };
        // The name first, up to its longest, while a reading fits; in a
        // narrow window the name goes, then the shared cells, then the error
        // (the sentences below say all three); what is left shows the reasons.
        let mut name = None;
        loop {
            let room = layout(Some(Rest(0)), &numbers, Len(word)).width(3);
            if room >= REVIEWER_NAME_MIN {
                name = Some(longest_name.min(room));
                break;
            }
            if layout(None, &numbers, Rest(0)).last() >= word {
                break;
            }
            let before = numbers.len();
            numbers.retain(|&(k, _)| k != SHARED);
            if numbers.len() == before {
                numbers.retain(|&(k, _)| k != ERROR);
            }
            if numbers.len() == before {
                break;
            }
        }
        let left = layout(name.map(Len), &numbers, Rest(0)).last();
        let want = widest(&headers[7], rows.iter().map(|r| r.reading.clone()));
        let reading = want.min(left).max(word.min(left));
        let columns = layout(name.map(Len), &numbers, Len(reading));
        OffsetTable {
            name: name.is_some(),
            numbers,
            columns,
        }
    }

    /// The header, with the scale over the bars.
    pub(super) fn header(&self, headers: &[String; 8], scale: f64) -> Line<'static> {
        let plain = Style::default();
        let mut row = self.columns.row().gap().left(&headers[0], plain, "");
        if self.name {
            row = row.gap().left(&headers[1], plain, "");
        }
        for &(k, _) in &self.numbers {
            row = row.gap().right(&headers[k], plain, "");
        }
        row.gap()
            .left(&scale_label(scale), plain, "")
            .gap()
            .left(&headers[7], plain, "")
            .line()
    }

    /// A reviewer's row, with their offset's bar.
    pub(super) fn row(
        &self,
        theme: &Theme,
        row: &OffsetRow,
        bar: String,
        on: bool,
    ) -> Line<'static> {
        let plain = Style::default();
        let mut cells =
            self.columns
                .row()
                .spans([caret(theme, on)])
                .left(&row.id, plain, theme.ellipsis());
        if self.name {
            cells = cells.gap().left(&row.name, plain, theme.ellipsis());
        }
        for &(k, _) in &self.numbers {
            cells = cells.gap().right(row.number(k), plain, "");
        }
        let room = self.columns.last();
        let reading = if text::width(&row.reading) <= room {
            &row.reading
        } else {
            &row.word
        };
        let style = if row.marked {
            theme.warn()
        } else {
            theme.dim()
        };
        cells
            .gap()
            .spans([Span::styled(bar, theme.accent())])
            .gap()
            .left(reading, style, theme.ellipsis())
            .line()
    }
}

/// The headers' indexes of the shared cells and of the standard error: the
/// numbers a narrow window leaves out first.
const SHARED: usize = 4;
const ERROR: usize = 6;

impl OffsetRow {
    /// The number of the column with header `k` (2 to 6).
    fn number(&self, k: usize) -> &str {
        match k {
            2 => &self.group,
            3 => &self.marks,
            4 => &self.shared,
            5 => &self.offset,
            _ => &self.error,
        }
    }
}

/// `-1.5 0 +1.5` over the bars.
pub(super) fn scale_label(scale: f64) -> String {
    let end = crate::model::format_points(scale);
    let (left, right) = (format!("-{end}"), format!("+{end}"));
    let width = 2 * HALF + 1;
    let mut cells = vec![' '; width];
    let mut put = |at: usize, label: &str| {
        for (k, c) in label.chars().enumerate() {
            if let Some(cell) = cells.get_mut(at + k) {
                *cell = c;
            }
        }
    };
    put(0, &left);
    put(HALF, "0");
    put(width.saturating_sub(right.len()), &right);
    cells.into_iter().collect()
}

/// A bar from the middle `│`: left for a negative offset (harsher), right
/// for a positive one (more lenient), [`HALF`] cells for `scale` points.
pub(super) fn diverging(offset: Option<f64>, scale: f64, unicode: bool) -> String {
    let (full, mid) = if unicode { ('█', '│') } else { ('#', '|') };
    let mut cells = vec![' '; 2 * HALF + 1];
    cells[HALF] = mid;
    if let Some(b) = offset.filter(|b| b.is_finite()) {
        let n = ((b.abs() / scale) * HALF as f64).round() as usize;
        for k in 1..=n.min(HALF) {
            if b < 0.0 {
                cells[HALF - k] = full;
            } else {
                cells[HALF + k] = full;
            }
        }
    }
    cells.into_iter().collect()
}

/// The reviewers' calibration offsets, each with a bar either side of zero,
/// and the selected reviewer's in sentences below.
pub(super) fn offsets(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(analysis) = app.analysis() else {
        return not_analysed(app, frame, area);
    };
    let reviewers = app.offsets();
    let detail_height = 6.min(area.height / 3);
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(detail_height)]).areas(area);
    let calibration = &analysis.calibration;
    let inner = widgets::framed(
        frame,
        list_area,
        block(
            &theme,
            widgets::title(&theme, &t!("tui-offsets-title", dot = theme.dot())),
        )
        .title_bottom(
            Line::styled(
                format!(
                    " {} ",
                    t!(
                        "tui-offsets-count",
                        fitted = reviewers.iter().filter(|r| r.offset.is_some()).count(),
                        reviewers = reviewers.len(),
                        dot = theme.dot(),
                        groups = calibration.groups.len()
                    )
                ),
                theme.dim(),
            )
            .right_aligned(),
        ),
    );
    let width = inner.width as usize;
    let rows: Vec<OffsetRow> = reviewers
        .iter()
        .map(|r| offset_row(app, analysis, r))
        .collect();
    let scale = reviewers
        .iter()
        .filter_map(|r| r.offset)
        .map(f64::abs)
        .fold(0.5_f64, f64::max);
    let scale = (scale * 2.0).ceil() / 2.0;
    let headers = [
        t!("solid-col-reviewer"),
        t!("results-col-name"),
        t!("tui-col-group"),
        t!("col-marks"),
        t!("tui-col-shared"),
        t!("solid-col-offset"),
        shown(&theme, &t!("solid-col-error")),
        t!("solid-col-reading"),
    ];
    let table = OffsetTable::new(&rows, &headers, width);
    let mut lines = Vec::new();
    if calibration.why_none().is_some() {
        lines.extend(sentence_lines(
            &theme,
            &[(t!("analysis-table-no-calibration"), theme.warn())],
            inner.width,
            2,
        ));
    }
    let header = table.header(&headers, scale).style(theme.strong());
    let list: Vec<Line<'static>> = rows
        .iter()
        .zip(&reviewers)
        .enumerate()
        .map(|(i, (row, offset))| {
            let on = i == app.cursor.reviewer;
            let bar = diverging(offset.offset, scale, theme.unicode);
            let line = table.row(&theme, row, bar, on);
            if on {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    let room = (inner.height as usize).saturating_sub(lines.len());
    lines.extend(scrolled(Some(header), list, app.cursor.reviewer, room));
    frame.render_widget(Paragraph::new(lines), inner);
    if detail_area.height >= 3
        && let Some(row) = reviewers.get(app.cursor.reviewer)
    {
        reviewer_detail(app, analysis, row, frame, detail_area);
    }
}

/// The selected reviewer in sentences: their offset or why there is none,
/// what it rests on, their group, and what their marks decide.
pub(super) fn reviewer_detail(
    app: &App,
    analysis: &Analysis,
    row: &ReviewerOffset,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = app.theme;
    let review = &app.data.review;
    let title = widgets::title(&theme, &reviewer_named(review, &row.reviewer));
    let sentences = reviewer_sentences(app, analysis, row);
    sentence_box(&theme, frame, area, title, sentences);
}

pub(super) fn reviewer_sentences(
    app: &App,
    analysis: &Analysis,
    row: &ReviewerOffset,
) -> Vec<(String, bool)> {
    let calibration = &analysis.calibration;
    let reading = row.reading();
    let mut out = vec![match (row.offset, row.thin) {
        (Some(b), _) => (
            t!(
                "tui-offset",
                points = points(b.abs()),
                direction = if b < 0.0 { "below" } else { "above" },
                error = row.standard_error.map_or_else(|| "?".to_string(), points),
                reading = reading_word(reading)
            ),
            matches!(reading, Reading::Harsh | Reading::Lenient),
        ),
        (None, Some(thin)) => (
            t!(
                "tui-offset-not-estimable",
                why = thin_reason(thin, calibration.min_shared_cells)
            ),
            false,
        ),
        (None, None) => (reading_word(Reading::NotEstimable), false),
    }];
    out.push((
        t!(
            "tui-offset-marks",
            marks = row.marks,
            shared = row.shared_cells,
            others = row.co_reviewers
        ),
        false,
    ));
    if let Some(hinge) = analysis.hinges.iter().find(|h| h.reviewer == row.reviewer) {
        let who = reviewer_named(&app.data.review, &row.reviewer);
        let line = without(hinge, &who, |id| region_name(app, id), &analysis.tiers);
        out.push((line, true));
    }
    if let Some((k, group)) = row
        .group
        .and_then(|g| Some((g, calibration.groups.get((g as usize).checked_sub(1)?)?)))
    {
        out.push((
            t!(
                "solid-calibration-group",
                group = k,
                count = group.panels.len(),
                panels = list(&group.panels),
                reviewers = group.reviewers.len(),
                cells = group.cells,
                spread = group.residual_sd.map_or_else(|| "?".to_string(), points)
            ),
            false,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_grow_left_for_harsh_and_right_for_lenient() {
        assert_eq!(diverging(Some(-1.0), 1.0, true), "█████│     ");
        assert_eq!(diverging(Some(0.4), 1.0, false), "     |##   ");
        assert_eq!(diverging(None, 1.0, true), "     │     ");
        assert_eq!(diverging(Some(9.0), 1.0, false), "     |#####", "clamped");
        assert_eq!(scale_label(1.5), "-1.5 0 +1.5");
    }
}
