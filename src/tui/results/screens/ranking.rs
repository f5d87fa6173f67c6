//! The ranking with its bar chart and the cutoff, and the selected
//! region's detail below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::ranked::{Entry, Kind, allocation_cell, status_word};
use super::parts::{
    caret, flags_short, neighbours_text, rule_line, solidity_lines, status_style, subtotals_text,
    truncate_line, window,
};
use super::standing::{
    allocation_text, eligibility_text, flags_text, ineligible_reason, tier_title,
};
use crate::merge::{RegionResult, Status};
use crate::model::format_points;
use crate::report::{amount_in, points, words};
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
    let entries = app.entries();
    let wanted = (entries.len() + 1 + 2) as u16;
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
    let mut frame_block = block(&theme, widgets::title(&theme, &title));
    if let Some(budget) = &results.budget {
        let text = t!(
            "results-budget",
            dot = theme.dot(),
            total = amount_in(budget.total, &budget.unit),
            allocated = amount_in(budget.allocated, &budget.unit),
            left = amount_in(budget.left, &budget.unit)
        );
        frame_block = frame_block.title_bottom(Line::styled(format!(" {text} "), theme.strong()));
    }
    let inner = widgets::framed(frame, list_area, frame_block);

    let width = inner.width as usize;
    let columns = columns(app, width);
    let header = header(app, &columns);
    let on_row = app.result_row(app.cursor.region);
    let selected_line = on_row.and_then(|row| app.entry_line(row)).unwrap_or(0);
    let shown = window(entries.len(), selected_line, inner.height as usize, true);
    let mut lines = vec![header];
    for (at, entry) in entries[shown.clone()].iter().enumerate() {
        let region = match entry {
            Entry::Line(kind, label) => {
                let style = match kind {
                    Kind::Cutoff => theme.error(),
                    Kind::Funding => theme.ok(),
                    Kind::Apart => theme.strong(),
                };
                lines.push(rule_line(&theme, label, width, style));
                continue;
            }
            Entry::Region(i) => &results.regions[*i],
        };
        let on = shown.start + at == selected_line && on_row.is_some();
        let line = match ineligible_reason(app, region) {
            Some(reason) => apart_row(app, &columns, region, &reason, on),
            None => row(app, &columns, region, on),
        };
        lines.push(if on {
            line.style(theme.selected())
        } else {
            line
        });
    }
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
    let (status, allocation) = (app.status_width(), app.allocation_width());
    let widths = |name_and_bar: Width, name: Width, bar: Width, flags: usize| {
        let mut widths = vec![
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
        ];
        if allocation > 0 {
            widths.extend([Len(allocation), Len(1)]);
        }
        widths.push(Len(flags));
        widths
    };
    // What name and bar share, before the flags take their part of it.
    let room = Columns::new(width, &widths(Rest(0), Len(0), Len(0), 0)).width(3);
    let flags = FLAGS_MAX.min(room.saturating_sub(NAME_AND_BAR_MIN));
    let avail = room - flags;
    let longest = app.name_width().unwrap_or(6);
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
    let row = columns
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
        .gap();
    let row = if app.results().budget.is_some() {
        row.right(&t!("results-col-allocation"), plain, "").gap()
    } else {
        row
    };
    row.left(&t!("results-col-flags"), plain, "")
        .line()
        .style(app.theme.strong())
}

/// A region's row.
fn row(app: &App, columns: &Columns, region: &RegionResult, on: bool) -> Line<'static> {
    let theme = app.theme;
    let plain = Style::default();
    let row = columns
        .row()
        .spans([caret(&theme, on)])
        .right(&crate::report::words::rank(region), plain, "")
        .gap()
        .gap()
        .left(&region.name, plain, theme.ellipsis())
        .gap()
        .right(&points(region.total), plain, "")
        .gap()
        .spans(ranking_bar(app, region.total, columns.width(8)))
        .gap()
        .left(
            &status_word(region, app.results()),
            status_style(&theme, region.status),
            "",
        )
        .gap();
    let row = if app.results().budget.is_some() {
        row.right(&allocation_cell(region), plain, "").gap()
    } else {
        row
    };
    row.left(&flags_short(region), theme.warn(), "").line()
}

/// A region that is not eligible: no rank and no bar, but why.
fn apart_row(
    app: &App,
    columns: &Columns,
    region: &RegionResult,
    reason: &str,
    on: bool,
) -> Line<'static> {
    let theme = app.theme;
    let plain = Style::default();
    // The reason takes the bar's columns and every one after it.
    let room: usize = (8..20).map(|k| columns.width(k)).sum();
    columns
        .row()
        .spans([caret(&theme, on)])
        .right("", plain, "")
        .gap()
        .gap()
        .left(&region.name, plain, theme.ellipsis())
        .gap()
        .right(&points(region.total), plain, "")
        .gap()
        .spans([Span::styled(
            text::fit(reason, room, theme.ellipsis()),
            theme.dim(),
        )])
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

/// The selected region in a few lines: subtotals, neighbours, flags (or,
/// for a region that is not eligible, why).
pub(super) fn ranking_detail(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(region) = app.region_result(app.cursor.region) else {
        return;
    };
    let title = widgets::title(&theme, &region.name);
    let inner = widgets::framed(frame, area, block(&theme, title));
    let width = inner.width as usize;
    let mut lines = vec![standing_line(app, region, width)];
    lines.push(Line::raw(text::truncate(
        &subtotals_text(app, region),
        width,
        theme.ellipsis(),
    )));
    let flags = flags_text(app, region);
    let only_ineligible = region.flags.iter().all(|f| f == "ineligible");
    if let Some(reason) = eligibility_text(app, region) {
        let room = if only_ineligible { 2 } else { 1 };
        lines.extend(widgets::wrapped(
            &reason,
            inner.width,
            room,
            &theme,
            theme.warn(),
        ));
    } else {
        lines.push(Line::raw(text::truncate(
            &neighbours_text(app, region),
            width,
            theme.ellipsis(),
        )));
    }
    if region.status != Status::Ineligible || !only_ineligible {
        lines.push(Line::styled(
            text::truncate(&flags, width, theme.ellipsis()),
            if region.flags.is_empty() {
                theme.dim()
            } else {
                theme.warn()
            },
        ));
    }
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

/// Where the region stands: its rank (or none), total, status, tier and
/// allocation when the review has them, and its marks.
fn standing_line(app: &App, region: &RegionResult, width: usize) -> Line<'static> {
    let theme = app.theme;
    let results = app.results();
    let max = points(results.rules.max_total);
    let rank = if region.status == Status::Ineligible {
        t!(
            "results-detail-unranked",
            total = points(region.total),
            max = max
        )
    } else {
        let ranked = app.ranked_rows().len();
        t!(
            "results-detail-rank",
            rank = region.rank,
            regions = ranked,
            total = points(region.total),
            max = max
        )
    };
    let mut spans = vec![
        Span::styled(format!("{rank}  "), theme.strong()),
        Span::styled(
            status_word(region, results),
            status_style(&theme, region.status),
        ),
    ];
    let more: Vec<String> = tier_title(app, region)
        .into_iter()
        .chain(allocation_text(app, region))
        .collect();
    for part in &more {
        spans.push(Span::raw(format!(" {} {part}", theme.dot())));
    }
    spans.push(Span::raw(format!(
        "  {}",
        t!("results-detail-marks", marks = region.marks)
    )));
    let line = Line::from(spans);
    if more.is_empty() {
        line
    } else {
        truncate_line(line, width, &theme)
    }
}
