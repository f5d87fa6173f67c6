//! The marks of one criterion for one region, and the selected
//! reviewer's note in full.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{Absent, App, MarkRow};
use super::parts::{caret, rule_text, scrolled, truncate_line};
use crate::model::format_points;
use crate::report::points;
use crate::t;
use crate::text;
use crate::tui::widgets::{self, block, meter};

/// The marks of one criterion for one region: reviewer, mark, note.
pub(super) fn marks(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let (Some(region), Some((_, criterion))) =
        (app.region_result(app.cursor.region), app.criterion())
    else {
        return;
    };
    let result = region.criteria.iter().find(|c| c.criterion == criterion.id);
    let rows = app.mark_rows(app.cursor.region, app.cursor.criterion);
    let note_height = 5.min(area.height / 4).max(3);
    let [list_area, note_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(note_height)]).areas(area);
    let title = format!(
        " {} {} {} {} ",
        region.name,
        if theme.unicode { "›" } else { ">" },
        criterion.id,
        criterion.title
    );
    let counted = rows.iter().filter(|r| r.points.is_some()).count();
    let inner = widgets::framed(
        frame,
        list_area,
        block(&theme, Line::styled(title, theme.accent())).title_bottom(
            Line::styled(
                format!(
                    " {} ",
                    t!(
                        "results-marks-count",
                        counted = counted,
                        without = rows.len() - counted,
                        dot = theme.dot()
                    )
                ),
                theme.dim(),
            )
            .right_aligned(),
        ),
    );
    let width = inner.width as usize;
    let score = result
        .and_then(|c| c.aggregate)
        .map_or_else(|| t!("results-none"), points);
    let summary = Line::from(vec![
        Span::styled(
            format!("{}  ", t!("results-score", score = score)),
            theme.strong(),
        ),
        Span::styled(
            rule_text(app, criterion.max, criterion.step, result),
            if result.is_some_and(|c| c.disagreement) {
                theme.warn().add_modifier(Modifier::BOLD)
            } else {
                theme.dim()
            },
        ),
    ]);
    let mut lines = vec![truncate_line(summary, width, &theme)];
    let wide = width >= 90;
    let name_w = if wide { 20 } else { 14 };
    let panel_w = if wide { 12 } else { 0 };
    let bar_w = 5;
    let fixed = 2 + 10 + 1 + name_w + 1 + panel_w + 5 + 1 + bar_w + 3;
    let note_w = width.saturating_sub(fixed).max(4);
    let mut header = format!(
        "  {} {} ",
        text::fit(&t!("results-col-reviewer"), 10, ""),
        text::fit(&t!("results-col-name"), name_w, "")
    );
    if wide {
        header.push_str(&text::fit(&t!("results-col-panel"), panel_w, ""));
    }
    header.push_str(&format!(
        "{} {}   {}",
        text::pad_left(&t!("results-col-mark"), 5),
        " ".repeat(bar_w),
        t!("results-col-note")
    ));
    let header = Line::styled(text::truncate(&header, width, ""), theme.strong());
    let lo = result.and_then(|c| c.min);
    let hi = result.and_then(|c| c.max);
    let flagged = result.is_some_and(|c| c.disagreement);
    let list: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            mark_line(
                app,
                row,
                MarkColumns {
                    name_w,
                    panel_w,
                    bar_w,
                    note_w,
                    max: criterion.max,
                    extreme: extreme(row.points, lo, hi, flagged),
                    on: i == app.cursor.mark,
                },
            )
        })
        .collect();
    let room = (inner.height as usize).saturating_sub(1);
    lines.extend(scrolled(Some(header), list, app.cursor.mark, room));
    frame.render_widget(Paragraph::new(lines), inner);
    mark_note(app, frame, note_area, rows.get(app.cursor.mark));
}

/// `▲` marks the highest and `▼` the lowest mark of a flagged criterion.
pub(super) fn extreme(
    points: Option<f64>,
    lo: Option<f64>,
    hi: Option<f64>,
    flagged: bool,
) -> Option<bool> {
    let p = points?;
    if !flagged {
        return None;
    }
    if hi.is_some_and(|h| (h - p).abs() < 1e-9) {
        Some(true)
    } else if lo.is_some_and(|l| (l - p).abs() < 1e-9) {
        Some(false)
    } else {
        None
    }
}

pub(super) struct MarkColumns {
    name_w: usize,
    panel_w: usize,
    bar_w: usize,
    note_w: usize,
    max: f64,
    /// Highest (true) or lowest (false) mark of a flagged criterion.
    extreme: Option<bool>,
    on: bool,
}

pub(super) fn mark_line(app: &App, row: &MarkRow, cols: MarkColumns) -> Line<'static> {
    let theme = app.theme;
    let mut spans = vec![
        caret(&theme, cols.on),
        Span::raw(text::fit(&row.reviewer, 10, theme.ellipsis())),
        Span::raw(" "),
        Span::raw(text::fit(&row.name, cols.name_w, theme.ellipsis())),
        Span::raw(" "),
    ];
    if cols.panel_w > 0 {
        spans.push(Span::styled(
            text::fit(&row.panel, cols.panel_w, theme.ellipsis()),
            theme.dim(),
        ));
    }
    match row.points {
        Some(points) => {
            let marker = match (cols.extreme, theme.unicode) {
                (Some(true), true) => "▲",
                (Some(false), true) => "▼",
                (Some(true), false) => "^",
                (Some(false), false) => "v",
                (None, _) => " ",
            };
            let style = if cols.extreme.is_some() {
                theme.warn().add_modifier(Modifier::BOLD)
            } else {
                Style::default()
            };
            spans.push(Span::styled(format!("{:>5}", format_points(points)), style));
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                meter(points, cols.max, cols.bar_w, theme.unicode),
                theme.accent(),
            ));
            spans.push(Span::styled(format!(" {marker} "), style));
            spans.push(Span::raw(text::truncate(
                &row.note.replace('\n', " "),
                cols.note_w,
                theme.ellipsis(),
            )));
        }
        None => {
            spans.push(Span::styled(
                format!("{:>5} {}   ", "-", " ".repeat(cols.bar_w)),
                theme.dim(),
            ));
            spans.push(Span::styled(
                text::truncate(&absent_text(row.absent), cols.note_w, theme.ellipsis()),
                theme.dim(),
            ));
        }
    }
    let line = Line::from(spans);
    if cols.on {
        line.style(theme.selected())
    } else {
        line
    }
}

/// Why a reviewer has no counting mark, in words.
pub(super) fn absent_text(absent: Option<Absent>) -> String {
    match absent {
        None => String::new(),
        Some(Absent::Conflict) => t!("results-absent-conflict"),
        Some(Absent::NoSheet) => t!("results-absent-no-sheet"),
        Some(Absent::Draft) => t!("results-absent-draft"),
        Some(Absent::SheetNotCounted) => t!("results-absent-not-counted"),
        Some(Absent::NotMarked) => t!("results-absent-not-marked"),
    }
}

/// The selected reviewer's note in full.
pub(super) fn mark_note(app: &App, frame: &mut Frame, area: Rect, row: Option<&MarkRow>) {
    let theme = app.theme;
    let Some(row) = row else { return };
    let title = format!(
        " {} ",
        t!(
            "results-note-title",
            name = &row.name,
            reviewer = &row.reviewer
        )
    );
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, Line::styled(title, theme.accent())),
    );
    let (text_, style) = match (row.points, row.note.is_empty()) {
        (None, _) => (
            t!("results-no-counting-mark", why = absent_text(row.absent)),
            theme.dim(),
        ),
        (Some(_), true) => (t!("results-no-note"), theme.dim()),
        (Some(_), false) => (row.note.clone(), Style::default()),
    };
    frame.render_widget(
        Paragraph::new(widgets::wrapped(
            &text_,
            inner.width,
            inner.height as usize,
            &theme,
            style,
        )),
        inner,
    );
}
