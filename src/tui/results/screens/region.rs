//! A region's categories with their subtotals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{
    caret, flags_text, neighbours_text, solidity_lines, status_style, status_word, title_width,
};
use crate::merge::CriterionResult;
use crate::model::format_points;
use crate::report::points;
use crate::t;
use crate::text;
use crate::tui::widgets::{self, block, meter};

/// A region's categories with their subtotals.
pub(super) fn region(app: &App, frame: &mut Frame, area: Rect) {
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
    let inner = widgets::framed(
        frame,
        area,
        block(
            &theme,
            Line::from(vec![
                Span::styled(title, theme.accent()),
                Span::styled(
                    format!("{} ", status_word(region.status, results)),
                    status_style(&theme, region.status),
                ),
            ]),
        ),
    );
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
pub(super) fn criteria_flags(criteria: &[&CriterionResult]) -> String {
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
