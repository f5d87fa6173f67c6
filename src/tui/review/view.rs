//! Drawing the reviewer's screens. Reads the state, changes nothing.

use super::status_lines::{Progress, message_line, progress_line};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::discussion_view;
use super::keys::{Action, KEYMAP, Mode};
use super::parts::{ChairConflict, CriterionView, Pos, RegionView};
use super::question_view;
use crate::model::format_points;
use crate::t;
use crate::text;
use crate::tui::keymap;
use crate::tui::widgets::{self, block, wrapped};

pub fn render(app: &App, frame: &mut Frame) {
    let theme = app.theme;
    if widgets::too_small(frame, &theme) {
        return;
    }
    let area = frame.area();
    let [bar, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_height(app, area.width)),
    ])
    .areas(area);
    let state = if app.read_only() {
        t!("bar-submitted")
    } else {
        t!("bar-draft")
    };
    let (scored, due) = app.overall_progress();
    widgets::bar(
        frame,
        bar,
        &theme,
        &format!(
            " panelist {} {} {} {}",
            theme.dot(),
            app.panel_title,
            theme.dot(),
            app.reviewer_name
        ),
        &format!("{scored}/{due} {state} "),
    );
    let under = match app.mode {
        Mode::Others => app.others_from,
        mode => mode,
    };
    match under {
        Mode::Summary => summary(app, frame, body),
        Mode::Help => help(app, frame, body),
        _ => score(app, frame, body),
    }
    match app.mode {
        Mode::Note => note(app, frame, body),
        Mode::Confirm | Mode::LeaveDraft => question_view::question(app, frame, body),
        Mode::Others => discussion_view::others_view(app, frame, body),
        _ => {}
    }
    widgets::footer(frame, footer, keymap::footer(KEYMAP, &app.mode), &theme);
}

fn footer_height(app: &App, width: u16) -> u16 {
    widgets::footer_lines(keymap::footer(KEYMAP, &app.mode), &app.theme, width)
        .len()
        .clamp(1, 4) as u16
}

/// The scoring screen: region, criterion, the reviewer's mark and note, progress.
fn score(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let (Some(region), Some(criterion)) = (app.region(), app.criterion()) else {
        let text = app
            .message
            .as_ref()
            .map(|m| m.text.as_str())
            .unwrap_or_default();
        frame.render_widget(Paragraph::new(text.to_string()), area);
        return;
    };
    let inner_width = area.width.saturating_sub(4);
    let heights = Heights::of(app, inner_width, area.height);
    let [
        region_area,
        criterion_area,
        mark_area,
        others_area,
        progress_area,
        message_area,
        _,
    ] = Layout::vertical([
        Constraint::Length(heights.region),
        Constraint::Length(4 + heights.guidance),
        Constraint::Length(3 + heights.note),
        Constraint::Length(heights.others),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    region_box(app, frame, region_area, region);
    criterion_box(
        app,
        frame,
        criterion_area,
        criterion,
        heights.guidance as usize,
    );
    let inner = widgets::framed(
        frame,
        mark_area,
        block(&theme, widgets::title(&theme, &t!("mark-title"))),
    );
    frame.render_widget(
        Paragraph::new(mark_lines(app, inner.width, heights.note as usize)),
        inner,
    );
    if heights.others > 0 {
        discussion_view::others_box(app, frame, others_area);
    }
    frame.render_widget(
        Paragraph::new(progress_line(app.theme, &status(app), progress_area.width)),
        progress_area,
    );
    if let Some(message) = &app.message {
        message_line(app.theme, frame, message_area, message);
    }
}

/// The region being scored: its place among the reviewer's, its fields, a
/// conflict if there is one, and its summary.
fn region_box(app: &App, frame: &mut Frame, region_area: Rect, region: &RegionView) {
    let theme = app.theme;
    let position = format!(
        " {} ",
        t!(
            "region-title",
            position = app.pos.region + 1,
            count = app.regions.len(),
            name = region.name
        )
    );
    let fields = region.fields.join(", ");
    let room = (region_area.width as usize).saturating_sub(text::width(&fields) + 6);
    let position = text::truncate(&position, room, theme.ellipsis());
    let inner = widgets::framed(
        frame,
        region_area,
        block(&theme, Line::styled(position, theme.accent()))
            .title(Line::styled(format!(" {fields} "), theme.dim()).right_aligned()),
    );
    let conflicted = app.conflicted(app.pos.region);
    let mut lines = Vec::new();
    if conflicted {
        let said = match (&region.conflict_elsewhere, &region.chair_conflict) {
            (_, Some(ChairConflict::Declared)) => t!("conflict-by-chair"),
            (_, Some(ChairConflict::Institution(institution))) => {
                t!("conflict-by-institution", institution = institution)
            }
            (Some(panel), None) => t!("conflict-elsewhere", panel = panel),
            (None, None) => t!("conflict-declared"),
        };
        lines.extend(wrapped(&said, inner.width, 2, &theme, theme.warn()));
    }
    if !region.eligible {
        let said = t!("region-ineligible");
        lines.extend(wrapped(&said, inner.width, 2, &theme, theme.warn()));
    }
    let room = (inner.height as usize).saturating_sub(lines.len());
    lines.extend(wrapped(
        &region.summary,
        inner.width,
        room,
        &theme,
        Style::default(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The criterion being scored: its category, title, scale and guidance.
fn criterion_box(
    app: &App,
    frame: &mut Frame,
    criterion_area: Rect,
    criterion: &CriterionView,
    guidance_lines: usize,
) {
    let theme = app.theme;
    // In a nested rubric the criterion's place: the path of ids to it.
    let id = if app.nested {
        criterion.path(theme.path_separator())
    } else {
        criterion.id.clone()
    };
    let scale = format!(
        " {} ",
        t!(
            "criterion-scale",
            max = format_points(criterion.max),
            dot = theme.dot(),
            step = format_points(criterion.step)
        )
    );
    let position = format!(
        " {} ",
        t!(
            "criterion-title",
            id = id,
            dot = theme.dot(),
            position = app.pos.criterion + 1,
            count = app.criteria.len()
        )
    );
    let room = (criterion_area.width as usize).saturating_sub(text::width(&scale) + 4);
    let position = text::truncate(&position, room, theme.ellipsis());
    let criterion_block = block(&theme, Line::styled(position, theme.accent()))
        .title(Line::styled(scale, theme.dim()).right_aligned());
    let inner = widgets::framed(frame, criterion_area, criterion_block);
    let category = criterion.category_line();
    let mut lines = vec![
        Line::styled(
            text::truncate(&category, inner.width as usize, theme.ellipsis()),
            theme.dim(),
        ),
        Line::styled(
            text::truncate(&criterion.title, inner.width as usize, theme.ellipsis()),
            theme.strong(),
        ),
    ];
    lines.extend(wrapped(
        &criterion.guidance,
        inner.width,
        guidance_lines,
        &theme,
        Style::default(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Rows of the scoring screen's parts: the region's summary gives way first,
/// then the guidance, the others' notes (a panel's discussion), the note and
/// the others' marks, so that everything fits at 80×24 and the essentials
/// still fit at the minimum size.
struct Heights {
    region: u16,
    guidance: u16,
    note: u16,
    /// The box of the other members' marks, borders included (0: none).
    others: u16,
}

impl Heights {
    fn of(app: &App, width: u16, available: u16) -> Heights {
        let wrapped = |text: &str, width: u16| text::wrap(text, width as usize).len() as u16;
        let (Some(region), Some(criterion)) = (app.region(), app.criterion()) else {
            return Heights {
                region: 3,
                guidance: 0,
                note: 1,
                others: 0,
            };
        };
        let ineligible = if region.eligible {
            0
        } else {
            wrapped(&t!("region-ineligible"), width).min(2)
        };
        let summary = wrapped(&region.summary, width)
            + u16::from(app.conflicted(app.pos.region))
            + ineligible;
        let mut guidance = if criterion.guidance.is_empty() {
            0
        } else {
            wrapped(&criterion.guidance, width).min(4)
        };
        let note_cap = if available > 30 { 8 } else { 3 };
        let mut note = app.current_mark().map_or(1, |m| {
            wrapped(&m.note, width.saturating_sub(6)).clamp(1, note_cap)
        });
        let wanted = discussion_view::box_rows(app, width + 4);
        let mut others = wanted.full;
        // Criterion (4 + guidance), mark (3 + note), the others' marks,
        // progress and message.
        let fixed = |guidance: u16, note: u16, others: u16| 4 + guidance + 3 + note + others + 2;
        while fixed(guidance, note, others) + 3 > available {
            if guidance > 1 {
                guidance -= 1;
            } else if others > wanted.one_each {
                others -= 1;
            } else if note > 1 {
                note -= 1;
            } else if others > wanted.least {
                others -= 1;
            } else if others > 0 {
                others = 0;
            } else {
                break;
            }
        }
        let room = available.saturating_sub(fixed(guidance, note, others));
        Heights {
            region: (summary + 2).min(room).max(3),
            guidance,
            note,
            others,
        }
    }
}

fn mark_lines(app: &App, width: u16, note_lines: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mark = app.current_mark();
    let max = app
        .criterion()
        .map(|c| format_points(c.max))
        .unwrap_or_default();
    let mut first = vec![Span::raw(format!("{} ", t!("mark-label")))];
    match (&app.input, mark) {
        (Some(input), _) => {
            first.push(Span::styled(format!(" {input}_ "), theme.selected()));
            first.push(Span::styled(
                format!(" {}", t!("mark-typed", max = max)),
                theme.warn(),
            ));
        }
        (None, Some(mark)) => {
            first.push(Span::styled(
                format!("[{}]", format_points(mark.points)),
                theme.strong(),
            ));
            first.push(Span::styled(
                format!(" {}   ", t!("mark-of", max = max)),
                theme.dim(),
            ));
            if app.unsaved() > 0 {
                first.push(Span::styled(t!("mark-not-saved"), theme.error()));
            } else {
                first.push(Span::styled(
                    format!("{} {}", theme.check(), t!("mark-saved")),
                    theme.ok(),
                ));
            }
            if let Some(points) = mark.preliminary {
                let said = t!("mark-revised", preliminary = format_points(points));
                first.push(Span::styled(format!("   {said}"), theme.dim()));
            }
        }
        (None, None) if app.conflicted(app.pos.region) => {
            first.push(Span::styled(t!("mark-conflict"), theme.dim()));
        }
        (None, None) if !app.due(app.pos.region) => {
            first.push(Span::styled(
                format!("[{}]", theme.missing()),
                theme.strong(),
            ));
            first.push(Span::styled(
                format!(" {}", t!("mark-not-due", max = max)),
                theme.dim(),
            ));
        }
        (None, None) => {
            first.push(Span::styled(
                format!("[{}]", theme.missing()),
                theme.strong(),
            ));
            first.push(Span::styled(
                format!(" {}", t!("mark-unscored", max = max)),
                theme.dim(),
            ));
        }
    }
    let mut lines = vec![Line::from(first)];
    let note = mark.map_or("", |m| m.note.as_str());
    if note.is_empty() {
        let hint = if mark.is_some() {
            t!("note-none-add")
        } else {
            t!("note-none")
        };
        lines.push(Line::styled(hint, theme.dim()));
    } else {
        let label = format!("{} ", t!("note-label"));
        let indent = text::width(&label);
        let room = (width as usize).saturating_sub(indent);
        let note = theme.plain(note);
        let body = text::clip(text::wrap(&note, room), note_lines, room, theme.ellipsis());
        for (i, line) in body.into_iter().enumerate() {
            let label = if i == 0 {
                label.clone()
            } else {
                " ".repeat(indent)
            };
            lines.push(Line::from(vec![
                Span::styled(label, theme.dim()),
                Span::raw(line),
            ]));
        }
    }
    lines
}

/// The sheet summary: regions × criteria, unscored cells visible.
fn summary(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let (scored, due) = app.overall_progress();
    let title = t!("summary-title", scored = scored, due = due);
    let inner = widgets::framed(frame, area, block(&theme, widgets::title(&theme, &title)));
    let longest = app
        .regions
        .iter()
        .map(|r| text::width(&r.name))
        .max()
        .unwrap_or(6);
    // The caret, then the name, a cell per criterion shown and the count.
    let all_cols = CARET + app.criteria.len() * CELL + DONE;
    let name_width = longest
        .min((inner.width as usize).saturating_sub(all_cols))
        .clamp(8, 18);
    let room = (inner.width as usize).saturating_sub(CARET + name_width + DONE);
    let visible_cols = (room / CELL).max(1);
    let first_col = app.summary.criterion.saturating_sub(visible_cols - 1);
    let cols: Vec<usize> = (first_col..app.criteria.len()).take(visible_cols).collect();
    // Below the rows: a blank line, the legend and, when some region is not
    // eligible, what "not due" means; on a panel's discussion, the others'
    // marks on the selected cell in what the whole table leaves (at least
    // four lines, the table scrolling).
    let below = 3 + usize::from(app.any_ineligible());
    let room = (inner.height as usize).saturating_sub(below);
    let beside_table = room.saturating_sub(app.regions.len());
    let at_least = room.saturating_sub(app.regions.len().min(4)).min(4);
    let others = discussion_view::summary_rows(app).min(beside_table.max(at_least));
    let visible_rows = (inner.height as usize)
        .saturating_sub(below + others)
        .max(1);
    let first_row = app.summary.region.saturating_sub(visible_rows - 1);

    let mut lines = Vec::new();
    let mut header = format!("  {}", " ".repeat(name_width));
    let ids: Vec<&str> = app.criteria.iter().map(|c| c.id.as_str()).collect();
    let heads = crate::tui::columns::criterion_heads(&ids, CELL - 1);
    for &c in &cols {
        header.push_str(&text::pad_left(&heads[c], CELL));
    }
    header.push_str(&format!("  {}", t!("summary-done")));
    lines.push(Line::styled(header, theme.strong()));
    for r in (first_row..app.regions.len()).take(visible_rows) {
        lines.push(summary_row(app, r, &cols, name_width));
    }
    lines.push(Line::raw(""));
    let selected = app.criteria.get(app.summary.criterion);
    let legend = t!(
        "summary-legend",
        missing = theme.missing(),
        criterion = selected.map_or("", |c| c.id.as_str()),
        title = selected.map_or("", |c| c.title.as_str())
    );
    lines.push(Line::styled(
        text::truncate(&legend, inner.width as usize, theme.ellipsis()),
        theme.dim(),
    ));
    if app.any_ineligible() {
        lines.push(Line::styled(
            text::truncate(
                &t!("summary-ineligible"),
                inner.width as usize,
                theme.ellipsis(),
            ),
            theme.dim(),
        ));
    }
    lines.extend(discussion_view::summary_lines(
        app,
        inner.width as usize,
        others,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
/// Columns of the sheet summary: the caret's, each criterion's cell, and
/// the count of a region's marks after the cells.
const CARET: usize = 2;
const CELL: usize = 4;
const DONE: usize = 10;

/// Region `r`'s row of the sheet summary: its name, a cell per criterion of
/// `cols`, and how many of its marks are done.
fn summary_row(app: &App, r: usize, cols: &[usize], name_width: usize) -> Line<'static> {
    let theme = app.theme;
    let mut spans = Vec::new();
    let caret = if r == app.summary.region {
        theme.caret()
    } else {
        " "
    };
    spans.push(Span::raw(format!("{caret} ")));
    spans.push(Span::raw(text::fit(
        &app.regions[r].name,
        name_width,
        theme.ellipsis(),
    )));
    for &c in cols {
        let pos = Pos {
            region: r,
            criterion: c,
        };
        let text = if app.conflicted(r) {
            "--".to_string()
        } else {
            app.mark_at(pos)
                .map_or_else(|| theme.missing().to_string(), |m| format_points(m.points))
        };
        let style = if pos == app.summary {
            theme.selected()
        } else if app.mark_at(pos).is_none() && app.due(r) {
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
        spans.push(Span::styled(format!("{text:>3}"), style));
    }
    let (s, d) = app.region_progress(r);
    let done = if app.conflicted(r) {
        t!("summary-conflict")
    } else if !app.due(r) {
        t!("summary-not-due")
    } else {
        format!("{s}/{d}")
    };
    spans.push(Span::styled(format!("  {done}"), theme.dim()));
    Line::from(spans)
}

/// Every key of every screen, from the keymap.
fn help(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, widgets::title(&theme, &t!("help-title"))),
    );
    let groups = [
        (Mode::Score, t!("help-scoring")),
        (Mode::Summary, t!("help-summary")),
        (Mode::Note, t!("help-notes")),
    ];
    let mut lines = Vec::new();
    for (mode, title) in groups {
        lines.push(Line::styled(title, theme.strong()));
        // `o` only where the others' marks may be shown at all.
        let bindings: Vec<_> = keymap::help(KEYMAP, &mode)
            .filter(|b| {
                app.discussion.is_some() || !b.keys.iter().any(|(_, a)| *a == Action::Others)
            })
            .collect();
        lines.extend(widgets::help_lines(&bindings, &theme, 24));
    }
    let footer = if app.discussion.is_some() {
        t!("help-footer-discussion")
    } else {
        t!("help-footer")
    };
    lines.extend(wrapped(&footer, inner.width, 2, &theme, theme.dim()));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The note editor, over the scoring screen.
fn note(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(editor) = &app.note else { return };
    let title = t!(
        "note-title",
        region = app.region().map_or("", |r| r.name.as_str()),
        dot = theme.dot(),
        criterion = app.criterion().map_or("", |c| c.id.as_str())
    );
    crate::tui::note_editor::draw(frame, area, &theme, &title, editor);
}

/// What the progress line tells of the screen.
fn status(app: &App) -> Progress {
    Progress {
        region: app.region_progress(app.pos.region),
        overall: app.overall_progress(),
        unsaved: app.unsaved(),
        last_saved: app.last_saved,
    }
}
