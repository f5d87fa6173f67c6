//! The consensus screen's other views: the summary (regions × criteria),
//! the members' marks and notes in full, the help, and what opens over
//! the cell (the comment editor, the question before quitting).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::keys::{KEYMAP, Mode};
use crate::model::format_points;
use crate::t;
use crate::text;
use crate::tui::keymap;
use crate::tui::review::parts::Pos;
use crate::tui::widgets::{self, block, wrapped};

/// Columns of the summary: the caret's, each criterion's cell, and the
/// count of a region's consensus marks after the cells.
const CARET: usize = 2;
const CELL: usize = 4;
const DONE: usize = 10;

/// The summary: regions × criteria, the consensus marks and the gaps.
pub(super) fn summary(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let (recorded, due) = app.overall_progress();
    let title = t!(
        "consensus-summary-title",
        panel = app.panel_id,
        recorded = recorded,
        due = due
    );
    let inner = widgets::framed(frame, area, block(&theme, widgets::title(&theme, &title)));
    let longest = app
        .regions
        .iter()
        .map(|r| text::width(&r.name))
        .max()
        .unwrap_or(6);
    let all_cols = CARET + app.criteria.len() * CELL + DONE;
    let name_width = longest
        .min((inner.width as usize).saturating_sub(all_cols))
        .clamp(8, 18);
    let room = (inner.width as usize).saturating_sub(CARET + name_width + DONE);
    let visible_cols = (room / CELL).max(1);
    let first_col = app.summary.criterion.saturating_sub(visible_cols - 1);
    let cols: Vec<usize> = (first_col..app.criteria.len()).take(visible_cols).collect();
    // Below the rows: a blank line and the legend.
    let visible_rows = (inner.height as usize).saturating_sub(3).max(1);
    let first_row = app.summary.region.saturating_sub(visible_rows - 1);

    let mut header = format!("  {}", " ".repeat(name_width));
    let ids: Vec<&str> = app.criteria.iter().map(|c| c.id.as_str()).collect();
    let heads = crate::tui::columns::criterion_heads(&ids, CELL - 1);
    for &c in &cols {
        header.push_str(&text::pad_left(&heads[c], CELL));
    }
    header.push_str(&format!("  {}", t!("summary-done")));
    let mut lines = vec![Line::styled(header, theme.strong())];
    for r in (first_row..app.regions.len()).take(visible_rows) {
        lines.push(summary_row(app, r, &cols, name_width));
    }
    lines.push(Line::raw(""));
    let selected = app.criteria.get(app.summary.criterion);
    let legend = t!(
        "consensus-summary-legend",
        missing = theme.missing(),
        criterion = selected.map_or("", |c| c.id.as_str()),
        title = selected.map_or("", |c| c.title.as_str())
    );
    lines.push(Line::styled(
        text::truncate(&legend, inner.width as usize, theme.ellipsis()),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Region `r`'s row of the summary: its name, a cell per criterion of
/// `cols`, and how many of its consensus marks are recorded.
fn summary_row(app: &App, r: usize, cols: &[usize], name_width: usize) -> Line<'static> {
    let theme = app.theme;
    let barred = app.barred(r);
    let caret = if r == app.summary.region {
        theme.caret()
    } else {
        " "
    };
    let mut spans = vec![
        Span::raw(format!("{caret} ")),
        Span::raw(text::fit(
            &app.regions[r].name,
            name_width,
            theme.ellipsis(),
        )),
    ];
    for &c in cols {
        let pos = Pos {
            region: r,
            criterion: c,
        };
        let mark = app.mark_at(pos);
        let cell = match mark {
            Some(m) => format_points(m.points),
            None if barred => "--".to_string(),
            None => theme.missing().to_string(),
        };
        let style = if pos == app.summary {
            theme.selected()
        } else if mark.is_none() && !barred {
            theme.warn()
        } else {
            Style::default()
        };
        // The selected cell carries a marker too, for terminals without color.
        let marker = if pos == app.summary {
            theme.caret()
        } else {
            " "
        };
        spans.push(Span::styled(marker, style));
        spans.push(Span::styled(format!("{cell:>3}"), style));
    }
    let (recorded, due) = app.region_progress(r);
    let done = if barred {
        t!("summary-conflict")
    } else {
        format!("{recorded}/{due}")
    };
    spans.push(Span::styled(format!("  {done}"), theme.dim()));
    Line::from(spans)
}

/// Every member's mark and note on the cell, in full, from the member
/// scrolled to.
pub(super) fn members(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let title = t!(
        "consensus-notes-title",
        region = app.region().map_or("", |r| r.name.as_str()),
        dot = theme.dot(),
        criterion = app.criterion().map_or("", |c| c.id.as_str())
    );
    let inner = widgets::framed(frame, area, block(&theme, widgets::title(&theme, &title)));
    let width = inner.width as usize;
    let mut lines = Vec::new();
    if let Some(why) = app.region().and_then(|r| r.barred.as_deref()) {
        let text = t!("consensus-barred", cause = why);
        lines.extend(wrapped(&text, inner.width, 4, &theme, theme.warn()));
    } else {
        for row in app.member_marks(app.pos).iter().skip(app.notes_scroll) {
            let mark = row
                .mark
                .map_or_else(|| "-".to_string(), |m| format_points(m.points));
            let draft = if row.draft {
                format!(" {}", t!("consensus-draft"))
            } else {
                String::new()
            };
            lines.push(Line::from(vec![
                Span::styled(
                    text::truncate(&format!("{} ({})", row.name, row.id), width, ""),
                    theme.strong(),
                ),
                Span::styled(format!("  {mark}"), theme.accent()),
                Span::styled(draft, theme.warn()),
            ]));
            let note = row.mark.map_or("", |m| m.note.as_str());
            if note.is_empty() {
                lines.push(Line::styled(
                    format!("  {}", t!("consensus-no-note")),
                    theme.dim(),
                ));
            } else {
                for line in text::wrap(&theme.plain(note), width.saturating_sub(2)) {
                    lines.push(Line::raw(format!("  {line}")));
                }
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every key of every view, from the keymap.
pub(super) fn help(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, widgets::title(&theme, &t!("help-title"))),
    );
    let groups = [
        (Mode::Cell, t!("consensus-help-cell")),
        (Mode::Summary, t!("consensus-help-summary")),
        (Mode::Members, t!("consensus-help-members")),
        (Mode::Comment, t!("consensus-help-comment")),
    ];
    let mut lines = Vec::new();
    for (mode, title) in groups {
        lines.push(Line::styled(title, theme.strong()));
        let bindings: Vec<_> = keymap::help(KEYMAP, &mode).collect();
        lines.extend(widgets::help_lines(&bindings, &theme, 24));
    }
    lines.extend(wrapped(
        &t!("consensus-help-footer"),
        inner.width,
        2,
        &theme,
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The comment editor, over the cell.
pub(super) fn comment(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(editor) = &app.comment else { return };
    let title = t!(
        "consensus-comment-title",
        region = app.region().map_or("", |r| r.name.as_str()),
        dot = theme.dot(),
        criterion = app.criterion().map_or("", |c| c.id.as_str())
    );
    crate::tui::note_editor::draw(frame, area, &theme, &title, editor);
}

/// Quitting although something would be lost: what, and yes or no.
pub(super) fn question(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(lost) = &app.quitting else { return };
    let width = area.width.saturating_sub(8).min(72);
    let text_width = width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = text::wrap(&t!("ask-quit"), text_width)
        .into_iter()
        .map(|l| Line::styled(l, theme.error()))
        .collect();
    for item in lost {
        for line in text::wrap(&format!("  {item}"), text_width) {
            lines.push(Line::raw(line));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("y", theme.accent()),
        Span::raw(format!(" {}   ", t!("ask-yes"))),
        Span::styled("n", theme.accent()),
        Span::raw(format!(" {}", t!("ask-no"))),
    ]));
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = widgets::popup(frame, area, width, height);
    let inner = widgets::framed(
        frame,
        rect,
        block(&theme, widgets::title(&theme, &t!("ask-quit-title"))),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}
