//! The marks of one criterion for one region, and the selected
//! reviewer's note in full.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::data::Marks;
use super::super::marks::{Absent, MarkRow};
use super::parts::{caret, rule_text, scrolled, truncate_line};
use crate::model::format_points;
use crate::report::points;
use crate::t;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{Len, Rest};
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
    // Marks read from a file that changed since results.ron was written
    // are not those the results were merged from: said before them.
    for changed in app.data.changed_since_merge.iter().filter(|c| {
        c.panel
            .as_ref()
            .is_none_or(|panel| rows.iter().any(|r| &r.panel == panel))
    }) {
        let warning = t!("results-changed-since-merge", file = changed.path.clone());
        for part in crate::text::wrap(&warning, width) {
            lines.push(Line::styled(part, theme.warn()));
        }
    }
    if !app.marks_shown() && app.data.marks == Marks::Unread {
        lines.push(Line::styled(t!("results-marks-reading"), theme.dim()));
    }
    let columns = columns(width);
    let header = header(&columns).style(theme.strong());
    let lo = result.and_then(|c| c.min);
    let hi = result.and_then(|c| c.max);
    let flagged = result.is_some_and(|c| c.disagreement);
    let list: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let extreme = extreme(row.points, lo, hi, flagged);
            let on = i == app.cursor.mark;
            let line = mark_line(app, &columns, row, criterion.max, extreme, on);
            if on {
                line.style(theme.selected())
            } else {
                line
            }
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

/// The width of a mark's bar.
const BAR: usize = 5;

/// The columns of the marks' table: caret, reviewer, name, panel (in a
/// wide window only), mark, bar, the marker of an extreme mark and the note.
fn columns(width: usize) -> Columns {
    let (name, panel) = if width >= 90 { (20, 12) } else { (14, 0) };
    Columns::new(
        width,
        &[
            Len(2),
            Len(10),
            Len(1),
            Len(name),
            Len(1),
            Len(panel),
            Len(5),
            Len(1),
            Len(BAR),
            Len(3),
            Rest(4),
        ],
    )
}

fn header(columns: &Columns) -> Line<'static> {
    let plain = Style::default();
    columns
        .row()
        .gap()
        .left(&t!("results-col-reviewer"), plain, "")
        .gap()
        .left(&t!("results-col-name"), plain, "")
        .gap()
        .left(&t!("results-col-panel"), plain, "")
        .right(&t!("results-col-mark"), plain, "")
        .gap()
        .gap()
        .gap()
        .left(&t!("results-col-note"), plain, "")
        .line()
}

/// A reviewer's row: their mark with its bar and note, or why they have no
/// counting mark. `extreme`: the highest (true) or lowest (false) mark of
/// a flagged criterion; `on`: the selected row.
fn mark_line(
    app: &App,
    columns: &Columns,
    row: &MarkRow,
    max: f64,
    extreme: Option<bool>,
    on: bool,
) -> Line<'static> {
    let theme = app.theme;
    let plain = Style::default();
    let cells = columns
        .row()
        .spans([caret(&theme, on)])
        .left(&row.reviewer, plain, theme.ellipsis())
        .gap()
        .left(&row.name, plain, theme.ellipsis())
        .gap()
        .left(&row.panel, theme.dim(), theme.ellipsis());
    let Some(points) = row.points else {
        return cells
            .right("-", theme.dim(), "")
            .gap()
            .gap()
            .gap()
            .left(
                &absent_text(row.absent.as_ref()),
                theme.dim(),
                theme.ellipsis(),
            )
            .line();
    };
    let marker = match (extreme, theme.unicode) {
        (Some(true), true) => "▲",
        (Some(false), true) => "▼",
        (Some(true), false) => "^",
        (Some(false), false) => "v",
        (None, _) => " ",
    };
    let style = if extreme.is_some() {
        theme.warn().add_modifier(Modifier::BOLD)
    } else {
        plain
    };
    cells
        .right(&format_points(points), style, "")
        .gap()
        .spans([Span::styled(
            meter(points, max, BAR, theme.unicode),
            theme.accent(),
        )])
        .left(&format!(" {marker} "), style, "")
        .left(&row.note.replace('\n', " "), plain, theme.ellipsis())
        .line()
}

/// Why a reviewer has no counting mark, in words.
pub(super) fn absent_text(absent: Option<&Absent>) -> String {
    match absent {
        None => String::new(),
        Some(Absent::Conflict) => t!("results-absent-conflict"),
        Some(Absent::Institution(institution)) => {
            t!("results-absent-institution", institution = institution)
        }
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
    let title = t!(
        "results-note-title",
        name = &row.name,
        reviewer = &row.reviewer
    );
    let inner = widgets::framed(frame, area, block(&theme, widgets::title(&theme, &title)));
    let (text_, style) = match (row.points, row.note.is_empty()) {
        (None, _) => (
            t!(
                "results-no-counting-mark",
                why = absent_text(row.absent.as_ref())
            ),
            theme.dim(),
        ),
        (Some(_), true) => (t!("results-no-note"), theme.dim()),
        (Some(_), false) => (row.note.clone(), Style::default()),
    };
    // A mark revised after the panel's discussion says what it was first.
    let mut lines = Vec::new();
    if let (Some(points), Some(first)) = (row.points, row.preliminary) {
        let said = t!(
            "results-revised",
            preliminary = format_points(first),
            points = format_points(points)
        );
        lines.extend(widgets::wrapped(
            &said,
            inner.width,
            1,
            &theme,
            theme.warn(),
        ));
    }
    let room = (inner.height as usize).saturating_sub(lines.len());
    lines.extend(widgets::wrapped(&text_, inner.width, room, &theme, style));
    frame.render_widget(Paragraph::new(lines), inner);
}
