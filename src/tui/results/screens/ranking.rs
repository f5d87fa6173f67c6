//! The ranking with its bar chart and the cutoff, and the selected
//! region's detail below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{
    caret, cutoff_rule, flags_short, flags_text, neighbours_text, scrolled, solidity_lines,
    status_style, status_width, status_word, subtotals_text,
};
use crate::merge::RegionResult;
use crate::model::format_points;
use crate::report::{cutoff, points, words};
use crate::t;
use crate::text;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{self, Len, Rest};
use crate::tui::widgets::{self, block, meter};

/// The ranking with its bar chart and the cutoff, and the selected region's
/// detail below.
pub(super) fn ranking(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let results = app.results();
    let n = results.regions.len();
    let above = cutoff(results);
    let rule = above > 0 && above < n;
    let wanted = (n + 1 + usize::from(rule) + 2) as u16;
    let detail_height = 6.min(area.height / 3);
    let [list_area, detail_area] = Layout::vertical([
        Constraint::Length(wanted.min(area.height.saturating_sub(detail_height))),
        Constraint::Min(0),
    ])
    .areas(area);
    let title = t!(
        "results-ranking-title",
        dot = theme.dot(),
        places = results.rules.select,
        aggregate = words::aggregate(results.rules.aggregate)
    );
    let inner = widgets::framed(
        frame,
        list_area,
        block(&theme, widgets::title(&theme, &title)),
    );

    let width = inner.width as usize;
    let columns = columns(app, width);
    let header = header(app, &columns);
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for (i, region) in results.regions.iter().enumerate() {
        if rule && i == above {
            lines.push(cutoff_rule(app, width));
        }
        let on = app.is_selected_region(&region.region);
        if on {
            selected_line = lines.len();
        }
        let line = row(app, &columns, region, on);
        lines.push(if on {
            line.style(theme.selected())
        } else {
            line
        });
    }
    let lines = scrolled(Some(header), lines, selected_line, inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
    if detail_area.height >= 3 {
        ranking_detail(app, frame, detail_area);
    }
}

/// Columns of the name and the bar keep at least this many between them
/// before the flags get any.
const NAME_AND_BAR_MIN: usize = 20;
/// The most the flags take.
const FLAGS_MAX: usize = 9;

/// The columns of the ranking: caret, rank, name, total, bar, status and
/// flags, with the spaces between them.
fn columns(app: &App, width: usize) -> Columns {
    let status = status_width(app.results());
    let widths = |name_and_bar: Width, name: Width, bar: Width, flags: usize| {
        [
            Len(2),
            Len(3),
            Len(1),
            name_and_bar,
            name,
            Len(1),
            Len(6),
            Len(2),
            bar,
            Len(1),
            Len(status),
            Len(1),
            Len(flags),
        ]
    };
    // What name and bar share, before the flags take their part of it.
    let room = Columns::new(width, &widths(Rest(0), Len(0), Len(0), 0)).width(3);
    let flags = FLAGS_MAX.min(room.saturating_sub(NAME_AND_BAR_MIN));
    let avail = room - flags;
    let longest = app
        .results()
        .regions
        .iter()
        .map(|r| text::width(&r.name))
        .max()
        .unwrap_or(6);
    let name = if avail >= longest + 24 {
        longest.clamp(6, 40)
    } else {
        longest.clamp(6, 32).min((avail * 9 / 20).max(12))
    };
    let bar = avail.saturating_sub(name).max(4);
    Columns::new(width, &widths(Len(0), Len(name), Len(bar), flags))
}

/// The header, with the scale of the bars.
fn header(app: &App, columns: &Columns) -> Line<'static> {
    let plain = Style::default();
    columns
        .row()
        .gap()
        .right("#", plain, "")
        .gap()
        .gap()
        .left(&t!("results-col-region"), plain, "")
        .gap()
        .right(&t!("results-col-total"), plain, "")
        .gap()
        .left(&scale_text(app, columns.width(8)), plain, "")
        .gap()
        .left(&t!("results-col-status"), plain, "")
        .gap()
        .left(&t!("results-col-flags"), plain, "")
        .line()
        .style(app.theme.strong())
}

/// A region's row.
fn row(app: &App, columns: &Columns, region: &RegionResult, on: bool) -> Line<'static> {
    let theme = app.theme;
    let plain = Style::default();
    columns
        .row()
        .spans([caret(&theme, on)])
        .right(&region.rank.to_string(), plain, "")
        .gap()
        .gap()
        .left(&region.name, plain, theme.ellipsis())
        .gap()
        .right(&points(region.total), plain, "")
        .gap()
        .spans(ranking_bar(app, region.total, columns.width(8)))
        .gap()
        .left(
            &status_word(region.status, app.results()),
            status_style(&theme, region.status),
            "",
        )
        .gap()
        .left(&flags_short(region), theme.warn(), "")
        .line()
}

/// A bar for the ranking with the minimum total marked where the bar does
/// not reach it.
pub(super) fn ranking_bar(app: &App, total: f64, width: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    let rules = &app.results().rules;
    let mut cells: Vec<String> = meter(total, rules.max_total, width, theme.unicode)
        .chars()
        .map(String::from)
        .collect();
    let mut marker = None;
    if let Some(min) = rules.min_total {
        let at = ((min / rules.max_total) * width as f64).round() as usize;
        if at < width && cells[at] == " " {
            cells[at] = if theme.unicode { "│" } else { "|" }.to_string();
            marker = Some(at);
        }
    }
    let mut spans = Vec::new();
    let bar: String = cells[..marker.unwrap_or(width)].concat();
    spans.push(Span::styled(bar, theme.accent()));
    if let Some(at) = marker {
        spans.push(Span::styled(cells[at].clone(), theme.error()));
        spans.push(Span::raw(cells[at + 1..].concat()));
    }
    spans
}

/// The scale above the bars: 0, the minimum (where the `│` falls), the maximum.
pub(super) fn scale_text(app: &App, width: usize) -> String {
    let rules = &app.results().rules;
    let mut cells = vec![' '; width];
    let mut put = |at: usize, label: &str| {
        for (k, c) in label.chars().enumerate() {
            if let Some(cell) = cells.get_mut(at + k) {
                *cell = c;
            }
        }
    };
    put(0, "0");
    let max = format_points(rules.max_total);
    put(width.saturating_sub(max.len()), &max);
    if let Some(min) = rules.min_total {
        let at = ((min / rules.max_total) * width as f64).round() as usize;
        let label = format_points(min);
        if at >= label.len() + 2 && at + max.len() + 1 < width {
            put(at - label.len(), &label);
            put(at, if app.theme.unicode { "│" } else { "|" });
        }
    }
    cells.into_iter().collect()
}

/// The selected region in a few lines: subtotals, neighbours, flags.
pub(super) fn ranking_detail(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(region) = app.region_result(app.cursor.region) else {
        return;
    };
    let results = app.results();
    let title = widgets::title(&theme, &region.name);
    let inner = widgets::framed(frame, area, block(&theme, title));
    let width = inner.width as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(
                "{}  ",
                t!(
                    "results-detail-rank",
                    rank = region.rank,
                    regions = results.regions.len(),
                    total = points(region.total),
                    max = points(results.rules.max_total)
                )
            ),
            theme.strong(),
        ),
        Span::styled(
            status_word(region.status, results),
            status_style(&theme, region.status),
        ),
        Span::raw(format!(
            "  {}",
            t!("results-detail-marks", marks = region.marks)
        )),
    ])];
    lines.push(Line::raw(text::truncate(
        &subtotals_text(app, region),
        width,
        theme.ellipsis(),
    )));
    lines.push(Line::raw(text::truncate(
        &neighbours_text(app, region),
        width,
        theme.ellipsis(),
    )));
    let flags = flags_text(app, region);
    lines.push(Line::styled(
        text::truncate(&flags, width, theme.ellipsis()),
        if region.flags.is_empty() {
            theme.dim()
        } else {
            theme.warn()
        },
    ));
    let room = (inner.height as usize).saturating_sub(lines.len());
    lines.extend(solidity_lines(app, region, inner.width, room.min(2)));
    let room = (inner.height as usize).saturating_sub(lines.len() + 1);
    if let Some(def) = app.data.review.regions.get(app.cursor.region)
        && room > 0
        && !def.summary.is_empty()
    {
        lines.push(Line::raw(""));
        lines.extend(widgets::wrapped(
            &def.summary,
            inner.width,
            room,
            &theme,
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
