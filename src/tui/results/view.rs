//! Drawing the chair's results screens. Reads the state, changes nothing.
//!
//! Meaning never rests on color alone: the selected row has a caret, a
//! disagreement a `!`, the cutoff a labelled rule, the minimum total a `│`
//! in the bars, and statuses are words.
//!
//! Every word comes from the catalogs (locales/*/results.ftl), and every
//! column is measured in terminal columns, so Japanese names and headings
//! (two columns a character) line up as English ones do.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{Absent, App, MarkRow, View};
use super::keys::{KEYMAP, Mode, SCREENS};
use super::solidity;
use crate::merge::{CriterionResult, RegionResult, Status};
use crate::model::{Category, format_points};
use crate::report::{Form, cutoff, points, words};
use crate::t;
use crate::text;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, block, meter};

pub fn render(app: &App, frame: &mut Frame) {
    let theme = app.theme;
    if widgets::too_small_for(frame, &theme, &crate::t!("too-small-results")) {
        return;
    }
    let area = frame.area();
    let mode = app.mode();
    let footer_height = widgets::footer_lines(keymap::footer(KEYMAP, &mode), &theme, area.width)
        .len()
        .clamp(1, 3) as u16;
    let message_height = u16::from(app.message.is_some());
    let [bar, banner, body, message, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(message_height),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    let results = app.results();
    let selected = results
        .regions
        .iter()
        .filter(|r| r.status == Status::Selected)
        .count();
    widgets::bar(
        frame,
        bar,
        &theme,
        &format!(
            " {}",
            t!("results-bar", dot = theme.dot(), title = &results.title)
        ),
        &format!(
            "{} ",
            t!(
                "results-selected-count",
                selected = selected,
                regions = results.regions.len()
            )
        ),
    );
    frame.render_widget(Paragraph::new(banner_line(app, banner.width)), banner);
    if app.help {
        help(app, frame, body);
    } else {
        match app.view() {
            View::Ranking => ranking(app, frame, body),
            View::Region => region(app, frame, body),
            View::Category => category(app, frame, body),
            View::Marks => marks(app, frame, body),
            View::Across => across(app, frame, body),
            View::Solidity => solidity::regions(app, frame, body),
            View::Offsets => solidity::offsets(app, frame, body),
        }
    }
    if let Some(text) = &app.message {
        let line = text::truncate(text, message.width as usize, theme.ellipsis());
        frame.render_widget(Paragraph::new(Line::styled(line, theme.strong())), message);
    }
    widgets::footer(frame, footer, keymap::footer(KEYMAP, &mode), &theme);
}

/// Whether drafts count, said on every screen.
fn banner_line(app: &App, width: u16) -> Line<'static> {
    let theme = app.theme;
    let drafts = app.drafts();
    let counted = app.results().sheets.iter().filter(|s| s.counted).count();
    let (text, style) = if app.include_drafts {
        (
            format!(" {} ", t!("results-banner-drafts", drafts = drafts)),
            if theme.color {
                Style::default()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD)
            } else {
                Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            },
        )
    } else if drafts > 0 {
        (
            format!(
                " {}",
                t!(
                    "results-banner-left-out",
                    dot = theme.dot(),
                    counted = counted,
                    drafts = drafts
                )
            ),
            theme.dim(),
        )
    } else {
        (
            format!(
                " {}",
                t!(
                    "results-banner-no-drafts",
                    dot = theme.dot(),
                    counted = counted
                )
            ),
            theme.dim(),
        )
    };
    Line::styled(
        text::truncate(&text, width as usize, theme.ellipsis()),
        style,
    )
}

/// The caret column: the selection reads without color.
pub(super) fn caret(theme: &Theme, on: bool) -> Span<'static> {
    Span::raw(if on {
        format!("{} ", theme.caret())
    } else {
        "  ".to_string()
    })
}

/// Lines of a list with a fixed header, scrolled so that the selected line
/// shows; `selected` indexes `lines`.
pub(super) fn scrolled(
    header: Option<Line<'static>>,
    lines: Vec<Line<'static>>,
    selected: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let room = height.saturating_sub(usize::from(header.is_some())).max(1);
    let offset = (selected + 1).saturating_sub(room);
    header
        .into_iter()
        .chain(lines.into_iter().skip(offset).take(room))
        .collect()
}

fn status_word(status: Status, results: &crate::merge::Results) -> String {
    words::status(status, Form::Screen, results.rules.min_total)
}

/// The columns of the status: 12, or the widest status shown.
fn status_width(results: &crate::merge::Results) -> usize {
    results
        .regions
        .iter()
        .map(|r| text::width(&status_word(r.status, results)))
        .fold(12, usize::max)
}

fn status_style(theme: &Theme, status: Status) -> Style {
    match status {
        Status::Selected => theme.ok().add_modifier(Modifier::BOLD),
        Status::Tied => theme.warn().add_modifier(Modifier::BOLD),
        Status::NotSelected => Style::default(),
        Status::BelowThreshold => theme.dim(),
    }
}

/// A region's flags in a few columns: `! 3-b`, `! 3-b +1`, `incomplete`.
fn flags_short(region: &RegionResult) -> String {
    let disagreements: Vec<&str> = region
        .flags
        .iter()
        .filter_map(|f| f.strip_prefix("disagreement:"))
        .collect();
    let incomplete = region.flags.iter().any(|f| f == "incomplete");
    let mut text = match disagreements.as_slice() {
        [] => String::new(),
        [one] => format!("! {one}"),
        [first, rest @ ..] => format!("! {first} +{}", rest.len()),
    };
    if incomplete {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&words::incomplete());
    }
    text
}

/// A bar for the ranking with the minimum total marked where the bar does
/// not reach it.
fn ranking_bar(app: &App, total: f64, width: usize) -> Vec<Span<'static>> {
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

/// The rule drawn where the selection cutoff falls.
pub(super) fn cutoff_rule(app: &App, width: usize) -> Line<'static> {
    let theme = app.theme;
    let results = app.results();
    let above = cutoff(results);
    let regions = &results.regions;
    let tied = regions.iter().any(|r| r.status == Status::Tied);
    let last = above.checked_sub(1).and_then(|i| regions.get(i));
    let places = results.rules.select;
    let label = match (last, regions.get(above)) {
        _ if tied => t!("results-cutoff-tie", places = places, dot = theme.dot()),
        (Some(last), Some(next)) => t!(
            "results-cutoff-margin",
            places = places,
            dot = theme.dot(),
            margin = points(last.total - next.total)
        ),
        _ => t!("results-cutoff", places = places),
    };
    let label = format!(" {label} ");
    let dash = if theme.unicode { "─" } else { "-" };
    let lead = dash.repeat(6);
    let rest = width.saturating_sub(6 + text::width(&label));
    Line::styled(
        text::truncate(
            &format!("{lead}{label}{}", dash.repeat(rest)),
            width,
            theme.ellipsis(),
        ),
        theme.error(),
    )
}

/// The ranking with its bar chart and the cutoff, and the selected region's
/// detail below.
fn ranking(app: &App, frame: &mut Frame, area: Rect) {
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
    let title = format!(
        " {} ",
        t!(
            "results-ranking-title",
            dot = theme.dot(),
            places = results.rules.select,
            aggregate = words::aggregate(results.rules.aggregate)
        )
    );
    let outer = block(&theme, Line::styled(title, theme.accent()));
    let inner = outer.inner(list_area);
    frame.render_widget(outer, list_area);

    let width = inner.width as usize;
    let status_w = status_width(results);
    let fixed = 2 + 3 + 1 + 1 + 6 + 1 + 1 + status_w + 1;
    let flags_w = 10.min(width.saturating_sub(fixed + 20));
    let avail = width.saturating_sub(fixed + flags_w);
    let longest = results
        .regions
        .iter()
        .map(|r| text::width(&r.name))
        .max()
        .unwrap_or(6);
    let name_w = if avail >= longest + 24 {
        longest.clamp(6, 40)
    } else {
        longest.clamp(6, 32).min((avail * 9 / 20).max(12))
    };
    let bar_w = avail.saturating_sub(name_w).max(4);

    let mut scale = format!(
        "  {} {} {}  ",
        text::pad_left("#", 3),
        text::fit(&t!("results-col-region"), name_w, ""),
        text::pad_left(&t!("results-col-total"), 6)
    );
    scale.push_str(&scale_text(app, bar_w));
    scale.push_str(&format!(
        " {} {}",
        text::fit(&t!("results-col-status"), status_w, ""),
        t!("results-col-flags")
    ));
    let header = Line::styled(text::truncate(&scale, width, ""), theme.strong());

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
        let mut spans = vec![
            caret(&theme, on),
            Span::raw(format!("{:>3} ", region.rank)),
            Span::raw(text::fit(&region.name, name_w, theme.ellipsis())),
            Span::raw(format!(" {:>6}  ", points(region.total))),
        ];
        spans.extend(ranking_bar(app, region.total, bar_w));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            text::fit(&status_word(region.status, results), status_w, ""),
            status_style(&theme, region.status),
        ));
        spans.push(Span::styled(
            format!(" {}", text::truncate(&flags_short(region), flags_w, "")),
            theme.warn(),
        ));
        let mut line = Line::from(spans);
        if on {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    let lines = scrolled(Some(header), lines, selected_line, inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
    if detail_area.height >= 3 {
        ranking_detail(app, frame, detail_area);
    }
}

/// The scale above the bars: 0, the minimum (where the `│` falls), the maximum.
fn scale_text(app: &App, width: usize) -> String {
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
fn ranking_detail(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(region) = app.region_result(app.cursor.region) else {
        return;
    };
    let results = app.results();
    let title = format!(" {} ", region.name);
    let outer = block(&theme, Line::styled(title, theme.accent()));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
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

/// How solid the region's place is, in a line or two (the `a` screen
/// tells more).
fn solidity_lines(
    app: &App,
    region: &RegionResult,
    width: u16,
    max_lines: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    match solidity::summary(app, &region.region) {
        Some((text_, fragile)) => widgets::wrapped(
            &text_,
            width,
            max_lines,
            &theme,
            if fragile { theme.warn() } else { theme.dim() },
        ),
        None => Vec::new(),
    }
}

fn subtotals_text(app: &App, region: &RegionResult) -> String {
    region
        .subtotals
        .iter()
        .map(|s| {
            let max: f64 = app
                .data
                .review
                .categories
                .iter()
                .find(|c| c.id == s.category)
                .map_or(0.0, Category::max_total);
            format!(
                "{}: {}/{}",
                s.category,
                points(s.points),
                format_points(max)
            )
        })
        .collect::<Vec<_>>()
        .join("   ")
}

/// How far the region is from the ones ranked just above and below, and
/// what broke a tie with the one above.
fn neighbours_text(app: &App, region: &RegionResult) -> String {
    let regions = &app.results().regions;
    let Some(i) = regions.iter().position(|r| r.region == region.region) else {
        return String::new();
    };
    let mut parts = Vec::new();
    // What ordered two neighbours with equal totals, if anything did.
    let tie = |lower: &RegionResult, upper: &RegionResult| match &lower.decided_by {
        Some(category) => t!("results-tie-broken", category = category),
        None if upper.rank == lower.rank => t!("results-ex-aequo"),
        None => String::new(),
    };
    if let Some(above) = i.checked_sub(1).and_then(|k| regions.get(k)) {
        let gap = above.total - region.total;
        parts.push(gap_text(gap, false, above) + &tie(region, above));
    }
    if let Some(below) = regions.get(i + 1) {
        let gap = region.total - below.total;
        parts.push(gap_text(gap, true, below) + &tie(below, region));
    }
    parts.join("  ")
}

/// `2.77 ahead of Nagano (2)` (or `behind`), or `level with Nagano (2)` on
/// equal totals.
fn gap_text(gap: f64, ahead: bool, other: &RegionResult) -> String {
    let (name, rank) = (&other.name, other.rank);
    if gap.abs() <= crate::merge::EPSILON {
        t!("results-level-with", name = name, rank = rank)
    } else if ahead {
        t!("results-ahead", gap = points(gap), name = name, rank = rank)
    } else {
        t!(
            "results-behind",
            gap = points(gap),
            name = name,
            rank = rank
        )
    }
}

fn flags_text(app: &App, region: &RegionResult) -> String {
    if region.flags.is_empty() {
        return t!("results-no-flags");
    }
    let mut parts = Vec::new();
    for c in &region.criteria {
        if c.aggregate.is_none() {
            parts.push(t!("results-no-marks", criterion = &c.criterion));
        }
        if let (true, Some(lo), Some(hi)) = (c.disagreement, c.min, c.max) {
            let limit = app
                .data
                .review
                .criterion(&c.criterion)
                .map_or(0.0, |k| app.results().rules.disagreement_limit(k.max));
            parts.push(t!(
                "results-disagreement",
                criterion = &c.criterion,
                low = format_points(lo),
                high = format_points(hi),
                spread = format_points(hi - lo),
                limit = format_points(limit)
            ));
        }
    }
    parts.join(&t!("results-flags-separator"))
}

/// Column widths of a table row: `(title, fixed)` where the title column
/// takes what the fixed ones leave.
fn title_width(width: usize, fixed: usize) -> usize {
    width.saturating_sub(fixed).max(8)
}

/// A region's categories with their subtotals.
fn region(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let results = app.results();
    let Some(region) = app.region_result(app.cursor.region) else {
        return;
    };
    let title = format!(
        " {} ",
        t!(
            "results-region-title",
            name = &region.name,
            dot = theme.dot(),
            rank = region.rank,
            total = points(region.total)
        )
    );
    let outer = block(
        &theme,
        Line::from(vec![
            Span::styled(title, theme.accent()),
            Span::styled(
                format!("{} ", status_word(region.status, results)),
                status_style(&theme, region.status),
            ),
        ]),
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = inner.width as usize;
    let bar_w = 12.min(width / 6);
    let fixed = 2 + 4 + 1 + 7 + 6 + 2 + bar_w + 1 + 9;
    let title_w = title_width(width, fixed);
    let header = Line::styled(
        text::truncate(
            &format!(
                "  {} {} {} {}  {} {}",
                text::fit(&t!("results-col-cat"), 4, ""),
                text::fit(&t!("results-col-category"), title_w, ""),
                text::pad_left(&t!("results-col-points"), 7),
                text::pad_left(&t!("results-col-of"), 5),
                " ".repeat(bar_w),
                t!("results-col-flags")
            ),
            width,
            "",
        ),
        theme.strong(),
    );
    let mut lines = vec![header];
    for (c, category) in app.data.review.categories.iter().enumerate() {
        let subtotal = region
            .subtotals
            .iter()
            .find(|s| s.category == category.id)
            .map_or(0.0, |s| s.points);
        let max = category.max_total();
        let criteria: Vec<&CriterionResult> = region
            .criteria
            .iter()
            .filter(|k| k.category == category.id)
            .collect();
        let on = c == app.cursor.category;
        let mut line = Line::from(vec![
            caret(&theme, on),
            Span::raw(text::fit(&category.id, 4, theme.ellipsis())),
            Span::raw(" "),
            Span::raw(text::fit(&category.title, title_w, theme.ellipsis())),
            Span::raw(format!(
                " {:>7} {:>5}  ",
                points(subtotal),
                format_points(max)
            )),
            Span::styled(meter(subtotal, max, bar_w, theme.unicode), theme.accent()),
            Span::styled(format!(" {}", criteria_flags(&criteria)), theme.warn()),
        ]);
        if on {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    lines.push(Line::styled(
        format!(
            "  {:<4} {} {:>7} {:>5}",
            "",
            text::fit(&t!("results-total"), title_w, ""),
            points(region.total),
            format_points(results.rules.max_total)
        ),
        theme.strong(),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::raw(text::truncate(
        &neighbours_text(app, region),
        width,
        theme.ellipsis(),
    )));
    lines.push(Line::styled(
        text::truncate(&flags_text(app, region), width, theme.ellipsis()),
        if region.flags.is_empty() {
            theme.dim()
        } else {
            theme.warn()
        },
    ));
    lines.extend(solidity_lines(app, region, inner.width, 2));
    if let Some(def) = app.data.review.regions.get(app.cursor.region) {
        if !def.fields.is_empty() {
            lines.push(Line::styled(
                text::truncate(
                    &t!(
                        "results-fields",
                        fields = def.fields.join(&t!("list-separator"))
                    ),
                    width,
                    theme.ellipsis(),
                ),
                theme.dim(),
            ));
        }
        let room = (inner.height as usize).saturating_sub(lines.len() + 1);
        if room > 0 && !def.summary.is_empty() {
            lines.push(Line::raw(""));
            lines.extend(widgets::wrapped(
                &def.summary,
                inner.width,
                room,
                &theme,
                theme.dim(),
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `! 2-b` for a disagreement, `missing 1` for criteria without marks.
fn criteria_flags(criteria: &[&CriterionResult]) -> String {
    let mut parts = Vec::new();
    let disagreements: Vec<&str> = criteria
        .iter()
        .filter(|c| c.disagreement)
        .map(|c| c.criterion.as_str())
        .collect();
    if !disagreements.is_empty() {
        parts.push(format!("! {}", disagreements.join(" ")));
    }
    let missing = criteria.iter().filter(|c| c.aggregate.is_none()).count();
    if missing > 0 {
        parts.push(t!("results-missing", count = missing));
    }
    parts.join(" ")
}

/// The header of a criterion table and one row per criterion.
fn criterion_columns(width: usize) -> (usize, String) {
    let fixed = 2 + 5 + 1 + 1 + 7 + 4 + 6 + 6 + 7 + 2;
    let title_w = title_width(width, fixed);
    let header = format!(
        "  {} {} {}{}",
        text::fit(&t!("results-col-id"), 5, ""),
        text::fit(&t!("results-col-criterion"), title_w, ""),
        text::pad_left(&t!("results-col-score"), 7),
        statistics_header()
    );
    (title_w, header)
}

/// The headings of the columns after the score: n, min, max, spread.
fn statistics_header() -> String {
    format!(
        "{}{}{}{}",
        text::pad_left(&t!("results-col-n"), 4),
        text::pad_left(&t!("results-col-min"), 6),
        text::pad_left(&t!("results-col-max"), 6),
        text::pad_left(&t!("results-col-spread"), 7)
    )
}

/// A criterion's numbers for a table row: the score (8 columns), the rest
/// (n, min, max, spread), and whether its marks disagree.
fn criterion_numbers(result: Option<&CriterionResult>) -> (String, String, bool) {
    let Some(c) = result else {
        return (String::new(), String::new(), false);
    };
    let score = c.aggregate.map_or_else(|| t!("results-none"), points);
    let num = |v: Option<f64>| v.map_or_else(|| "-".to_string(), format_points);
    let spread = match (c.min, c.max) {
        (Some(lo), Some(hi)) => format_points(hi - lo),
        _ => "-".into(),
    };
    (
        format!(" {}", text::pad_left(&score, 7)),
        format!(
            "{:>4}{:>6}{:>6}{:>7}",
            c.marks,
            num(c.min),
            num(c.max),
            spread
        ),
        c.disagreement,
    )
}

/// The criteria of one category for one region.
fn category(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let (Some(region), Some(category)) = (app.region_result(app.cursor.region), app.category())
    else {
        return;
    };
    let subtotal = region
        .subtotals
        .iter()
        .find(|s| s.category == category.id)
        .map_or(0.0, |s| s.points);
    let max = category.max_total();
    let title = format!(
        " {} ",
        t!(
            "results-category-title",
            region = &region.name,
            arrow = if theme.unicode { "›" } else { ">" },
            category = &category.title,
            dot = theme.dot(),
            points = points(subtotal),
            max = format_points(max)
        )
    );
    let outer = block(&theme, Line::styled(title, theme.accent()));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = inner.width as usize;
    let (title_w, header) = criterion_columns(width);
    let mut lines = vec![Line::styled(
        text::truncate(&header, width, ""),
        theme.strong(),
    )];
    let first = app.first_criterion_of(app.cursor.category);
    for (k, criterion) in category.criteria.iter().enumerate() {
        let result = region.criteria.iter().find(|c| c.criterion == criterion.id);
        let (score, rest, disagreement) = criterion_numbers(result);
        let numbers = score + &rest;
        let on = first + k == app.cursor.criterion;
        let missing = result.is_some_and(|c| c.aggregate.is_none());
        let mut line = Line::from(vec![
            caret(&theme, on),
            Span::raw(text::fit(&criterion.id, 5, theme.ellipsis())),
            Span::raw(" "),
            Span::raw(text::fit(&criterion.title, title_w, theme.ellipsis())),
            Span::styled(
                numbers,
                if missing || disagreement {
                    theme.warn()
                } else {
                    Style::default()
                },
            ),
            Span::styled(
                if disagreement {
                    " !"
                } else if missing {
                    " ?"
                } else {
                    ""
                },
                theme.error(),
            ),
        ]);
        if on {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    lines.push(Line::raw(""));
    if let Some((_, criterion)) = app.criterion() {
        let result = region.criteria.iter().find(|c| c.criterion == criterion.id);
        lines.push(Line::styled(
            text::truncate(
                &format!("{} {}", criterion.id, criterion.title),
                width,
                theme.ellipsis(),
            ),
            theme.strong(),
        ));
        lines.push(Line::styled(
            text::truncate(
                &rule_text(app, criterion.max, criterion.step, result),
                width,
                theme.ellipsis(),
            ),
            if result.is_some_and(|c| c.disagreement) {
                theme.warn()
            } else {
                theme.dim()
            },
        ));
        let room = (inner.height as usize).saturating_sub(lines.len());
        lines.extend(widgets::wrapped(
            &criterion.guidance,
            inner.width,
            room,
            &theme,
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// How a criterion's score came about, and whether its spread is flagged.
fn rule_text(app: &App, max: f64, step: f64, result: Option<&CriterionResult>) -> String {
    let rules = &app.results().rules;
    let limit = format_points(rules.disagreement_limit(max));
    let (max, step) = (format_points(max), format_points(step));
    let Some(c) = result.filter(|c| c.aggregate.is_some()) else {
        return t!("results-rule-no-marks", max = max, step = step);
    };
    let mut text = t!(
        "results-rule",
        max = max,
        step = step,
        aggregate = words::aggregate_in_sentence(rules.aggregate),
        marks = c.marks
    );
    if let (Some(lo), Some(hi)) = (c.min, c.max) {
        let spread = format_points(hi - lo);
        text.push_str(&if c.disagreement {
            t!("results-rule-disagreement", spread = spread, limit = limit)
        } else {
            t!("results-rule-spread", spread = spread, limit = limit)
        });
    }
    text
}

/// The marks of one criterion for one region: reviewer, mark, note.
fn marks(app: &App, frame: &mut Frame, area: Rect) {
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
    let outer = block(&theme, Line::styled(title, theme.accent())).title_bottom(
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
    );
    let inner = outer.inner(list_area);
    frame.render_widget(outer, list_area);
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

fn truncate_line(line: Line<'static>, width: usize, theme: &Theme) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let room = width.saturating_sub(used);
        if room == 0 {
            break;
        }
        let content = text::truncate(&span.content, room, theme.ellipsis());
        used += text::width(&content);
        spans.push(Span::styled(content, span.style));
    }
    Line::from(spans)
}

/// `▲` marks the highest and `▼` the lowest mark of a flagged criterion.
fn extreme(points: Option<f64>, lo: Option<f64>, hi: Option<f64>, flagged: bool) -> Option<bool> {
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

struct MarkColumns {
    name_w: usize,
    panel_w: usize,
    bar_w: usize,
    note_w: usize,
    max: f64,
    /// Highest (true) or lowest (false) mark of a flagged criterion.
    extreme: Option<bool>,
    on: bool,
}

fn mark_line(app: &App, row: &MarkRow, cols: MarkColumns) -> Line<'static> {
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
fn absent_text(absent: Option<Absent>) -> String {
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
fn mark_note(app: &App, frame: &mut Frame, area: Rect, row: Option<&MarkRow>) {
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
    let outer = block(&theme, Line::styled(title, theme.accent()));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
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

/// One criterion across all regions, in rank order.
fn across(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let results = app.results();
    let Some((category, criterion)) = app.criterion() else {
        return;
    };
    let count = app.criteria().len();
    let title = format!(
        " {} ",
        t!(
            "results-across-title",
            criterion = &criterion.id,
            title = &criterion.title
        )
    );
    let outer = block(&theme, Line::styled(title, theme.accent())).title_bottom(
        Line::styled(
            format!(
                " {} ",
                t!(
                    "results-across-position",
                    position = app.cursor.criterion + 1,
                    count = count,
                    keys = if theme.unicode {
                        "←→"
                    } else {
                        "Left/Right"
                    }
                )
            ),
            theme.dim(),
        )
        .right_aligned(),
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = inner.width as usize;
    let bar_w = 10;
    let fixed = 2 + 4 + 1 + 7 + 1 + bar_w + 4 + 6 + 6 + 7 + 2;
    let name_w = title_width(width, fixed).min(32);
    let header = format!(
        "  {} {} {} {}{}",
        text::pad_left("#", 3),
        text::fit(&t!("results-col-region"), name_w, ""),
        text::pad_left(&t!("results-col-score"), 7),
        " ".repeat(bar_w),
        statistics_header()
    );
    let header = Line::styled(text::truncate(&header, width, ""), theme.strong());
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for region in &results.regions {
        let on = app.is_selected_region(&region.region);
        if on {
            selected_line = lines.len();
        }
        let result = region.criteria.iter().find(|c| c.criterion == criterion.id);
        let score = result.and_then(|c| c.aggregate);
        // The bar goes between the score and the other numbers.
        let (score_text, rest, disagreement) = criterion_numbers(result);
        let mut line = Line::from(vec![
            caret(&theme, on),
            Span::raw(format!("{:>3} ", region.rank)),
            Span::raw(text::fit(&region.name, name_w, theme.ellipsis())),
            Span::raw(score_text),
            Span::raw(" "),
            Span::styled(
                meter(score.unwrap_or(0.0), criterion.max, bar_w, theme.unicode),
                theme.accent(),
            ),
            Span::styled(
                rest,
                if disagreement {
                    theme.warn()
                } else {
                    Style::default()
                },
            ),
            Span::styled(
                if disagreement {
                    " !"
                } else if score.is_none() {
                    " ?"
                } else {
                    ""
                },
                theme.error(),
            ),
        ]);
        if on {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    let list_height = (inner.height as usize).saturating_sub(4);
    let mut shown = scrolled(Some(header), lines, selected_line, list_height);
    shown.push(Line::raw(""));
    shown.push(Line::styled(
        text::truncate(
            &t!(
                "results-across-legend",
                max = format_points(criterion.max),
                step = format_points(criterion.step),
                dot = theme.dot(),
                aggregate = words::aggregate_in_sentence(results.rules.aggregate),
                limit = format_points(results.rules.disagreement_limit(criterion.max))
            ),
            width,
            theme.ellipsis(),
        ),
        theme.dim(),
    ));
    shown.push(Line::styled(
        text::truncate(
            &t!(
                "results-category-line",
                id = &category.id,
                title = &category.title
            ),
            width,
            theme.ellipsis(),
        ),
        theme.dim(),
    ));
    let room = (inner.height as usize).saturating_sub(shown.len());
    shown.extend(widgets::wrapped(
        &criterion.guidance,
        inner.width,
        room,
        &theme,
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(shown), inner);
}

/// Every key of the results screens, from the keymap, and what the marks mean.
fn help(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let outer = block(
        &theme,
        Line::styled(format!(" {} ", t!("help-title")), theme.accent()),
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let mut lines = Vec::new();
    for &mode in SCREENS {
        let title = match mode {
            Mode::Ranking => t!("results-help-ranking"),
            Mode::Breakdown => t!("results-help-breakdown"),
            Mode::Marks => t!("results-help-marks"),
            Mode::Across => t!("results-help-across"),
            Mode::Solidity => t!("results-help-solidity"),
            Mode::Offsets => t!("results-help-offsets"),
            _ => String::new(),
        };
        // Each binding once, under the first screen that has it.
        let bindings: Vec<_> = keymap::help(KEYMAP, &mode)
            .filter(|b| b.modes.iter().find(|m| SCREENS.contains(m)) == Some(&mode))
            .collect();
        if bindings.is_empty() {
            continue;
        }
        lines.push(Line::styled(title, theme.strong()));
        for pair in bindings.chunks(2) {
            let mut spans = Vec::new();
            for binding in pair {
                spans.push(Span::styled(
                    format!("  {}", text::fit(binding.label_for(theme.unicode), 10, "")),
                    theme.accent(),
                ));
                spans.push(Span::raw(text::fit(
                    &binding.describe(),
                    26,
                    theme.ellipsis(),
                )));
            }
            lines.push(Line::from(spans));
        }
    }
    let (bar, rule) = if theme.unicode {
        ("│", "──")
    } else {
        ("|", "--")
    };
    lines.push(Line::styled(
        text::truncate(
            &t!(
                "results-help-legend",
                caret = theme.caret(),
                bar = bar,
                rule = rule
            ),
            inner.width as usize,
            theme.ellipsis(),
        ),
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}
