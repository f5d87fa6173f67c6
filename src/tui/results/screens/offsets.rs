//! The reviewers' calibration offsets (`o`): who marks harshly or
//! leniently, with a bar each side of a centre line.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{
    caret, not_analysed, region_name, scrolled, sentence_box, sentence_lines, shown, widest,
};
use crate::analysis::{Analysis, Reading, ReviewerOffset};
use crate::report::points;
use crate::report::solidity::{list, reading_word, reviewer_named, signed, thin_reason, without};
use crate::t;
use crate::text;
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

/// The widths of the offsets table: id, name, group, marks, shared,
/// offset, error, reading; 0 for a column left out.
pub(super) struct OffsetWidths {
    id: usize,
    name: usize,
    group: usize,
    marks: usize,
    shared: usize,
    offset: usize,
    error: usize,
    reading: usize,
}

impl OffsetWidths {
    /// Columns taken by all but the name and the reading, with the spaces
    /// before each column (and before the reading); 0 is a column left out.
    fn fixed(&self) -> usize {
        let shown = |w: usize| if w > 0 { w + 1 } else { 0 };
        2 + self.id
            + shown(self.group)
            + shown(self.marks)
            + shown(self.shared)
            + shown(self.offset)
            + shown(self.error)
            + shown(2 * HALF + 1)
            + 1
    }
}

pub(super) fn offset_widths(
    rows: &[OffsetRow],
    headers: &[String; 8],
    width: usize,
) -> OffsetWidths {
    let w = |k: usize, f: fn(&OffsetRow) -> &String| {
        widest(&headers[k], rows.iter().map(|r| f(r).clone()))
    };
    let mut widths = OffsetWidths {
        id: w(0, |r| &r.id).min(10),
        name: w(1, |r| &r.name),
        group: w(2, |r| &r.group),
        marks: w(3, |r| &r.marks),
        shared: w(4, |r| &r.shared),
        offset: w(5, |r| &r.offset),
        error: w(6, |r| &r.error),
        reading: widest(&headers[7], rows.iter().map(|r| r.word.clone())),
    };
    let word = widths.reading;
    let want_reading = widest(&headers[7], rows.iter().map(|r| r.reading.clone()));
    let longest_name = widths.name;
    // The name first, up to its longest, while a reading fits; in a narrow
    // window the name goes, then the shared cells, then the error (the
    // sentences below say all three); what is left shows the reasons.
    loop {
        let fixed = widths.fixed();
        let avail = width.saturating_sub(fixed + 1 + word);
        if avail >= REVIEWER_NAME_MIN {
            widths.name = longest_name.min(avail);
            break;
        }
        widths.name = 0;
        if fixed + word <= width {
            break;
        } else if widths.shared > 0 {
            widths.shared = 0;
        } else if widths.error > 0 {
            widths.error = 0;
        } else {
            break;
        }
    }
    let rest = width.saturating_sub(widths.fixed() + widths.name + usize::from(widths.name > 0));
    widths.reading = want_reading.min(rest).max(word.min(rest));
    widths
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
            Line::styled(
                format!(" {} ", t!("tui-offsets-title", dot = theme.dot())),
                theme.accent(),
            ),
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
    let w = offset_widths(&rows, &headers, width);
    let mut header = format!("  {}", text::fit(&headers[0], w.id, ""));
    if w.name > 0 {
        header.push(' ');
        header.push_str(&text::fit(&headers[1], w.name, ""));
    }
    for (k, width_) in [
        (2, w.group),
        (3, w.marks),
        (4, w.shared),
        (5, w.offset),
        (6, w.error),
    ] {
        if width_ > 0 {
            header.push(' ');
            header.push_str(&text::pad_left(&headers[k], width_));
        }
    }
    header.push(' ');
    header.push_str(&scale_label(scale));
    header.push(' ');
    header.push_str(&headers[7]);
    let mut lines = Vec::new();
    if calibration.why_none().is_some() {
        lines.extend(sentence_lines(
            &theme,
            &[(t!("analysis-table-no-calibration"), theme.warn())],
            inner.width,
            2,
        ));
    }
    let header = Line::styled(text::truncate(&header, width, ""), theme.strong());
    let list: Vec<Line<'static>> = rows
        .iter()
        .zip(&reviewers)
        .enumerate()
        .map(|(i, (row, offset))| {
            let on = i == app.cursor.reviewer;
            let mut spans = vec![
                caret(&theme, on),
                Span::raw(text::fit(&row.id, w.id, theme.ellipsis())),
            ];
            if w.name > 0 {
                spans.push(Span::raw(" "));
                spans.push(Span::raw(text::fit(&row.name, w.name, theme.ellipsis())));
            }
            let mut numbers = String::new();
            for (value, width_) in [
                (&row.group, w.group),
                (&row.marks, w.marks),
                (&row.shared, w.shared),
                (&row.offset, w.offset),
                (&row.error, w.error),
            ] {
                if width_ > 0 {
                    numbers.push(' ');
                    numbers.push_str(&text::pad_left(value, width_));
                }
            }
            numbers.push(' ');
            spans.push(Span::raw(numbers));
            spans.push(Span::styled(
                diverging(offset.offset, scale, theme.unicode),
                theme.accent(),
            ));
            let reading = if text::width(&row.reading) <= w.reading {
                &row.reading
            } else {
                &row.word
            };
            spans.push(Span::styled(
                format!(" {}", text::truncate(reading, w.reading, theme.ellipsis())),
                if row.marked {
                    theme.warn()
                } else {
                    theme.dim()
                },
            ));
            let line = Line::from(spans);
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
    let title = Line::styled(
        format!(" {} ", reviewer_named(review, &row.reviewer)),
        theme.accent(),
    );
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
        out.push((without(hinge, &who, |id| region_name(app, id)), true));
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
