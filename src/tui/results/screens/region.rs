//! A region's categories with their subtotals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::ranked::status_word;
use super::parts::{caret, neighbours_text, solidity_lines, status_style};
use super::percentiles::percentile_lines;
use super::standing::{
    eligibility_text, flags_but_consensus, no_consensus_text, tier_and_allocation,
};
use super::tree;
use crate::merge::{CriterionResult, RegionResult, Status};
use crate::model::format_points;
use crate::report::points;
use crate::t;
use crate::text;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{Len, Rest};
use crate::tui::widgets::{self, block, meter};

/// A region's categories with their subtotals.
pub(super) fn region(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let results = app.results();
    let Some(region) = app.region_result(app.cursor.region) else {
        return;
    };
    let title = if region.status == Status::Ineligible {
        t!(
            "results-region-title-unranked",
            name = &region.name,
            dot = theme.dot(),
            total = points(region.total)
        )
    } else {
        t!(
            "results-region-title",
            name = &region.name,
            dot = theme.dot(),
            rank = region.rank,
            total = points(region.total)
        )
    };
    let inner = widgets::framed(
        frame,
        area,
        block(
            &theme,
            Line::from(vec![
                Span::styled(format!(" {title} "), theme.accent()),
                Span::styled(
                    format!("{} ", status_word(region, results)),
                    status_style(&theme, region.status),
                ),
            ]),
        ),
    );
    let width = inner.width as usize;
    let mut after = percentile_lines(app, region, inner.width);
    after.extend(standing(app, region, inner.width));
    let mut lines = if tree::shows(&app.data.review) {
        let room = (inner.height as usize).saturating_sub(after.len()).max(4);
        tree::tree(app, region, width, room)
    } else {
        categories(app, region, width)
    };
    lines.extend(after);
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

/// What follows the categories: the neighbours (or why the region is not
/// eligible), its tier and allocation when the review has them, the
/// criteria without a consensus mark on a line of their own, its flags.
fn standing(app: &App, region: &RegionResult, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme;
    let columns = width as usize;
    let mut lines = vec![Line::raw("")];
    match eligibility_text(app, region) {
        Some(reason) => lines.extend(widgets::wrapped(&reason, width, 3, &theme, theme.warn())),
        None => lines.push(Line::raw(text::truncate(
            &neighbours_text(app, region),
            columns,
            theme.ellipsis(),
        ))),
    }
    let tier = tier_and_allocation(app, region);
    if !tier.is_empty() {
        lines.push(Line::styled(
            text::truncate(&tier, columns, theme.ellipsis()),
            theme.strong(),
        ));
    }
    if let Some(missing) = no_consensus_text(region) {
        lines.push(Line::styled(
            text::truncate(&missing, columns, theme.ellipsis()),
            theme.warn(),
        ));
    }
    lines.push(Line::styled(
        text::truncate(&flags_but_consensus(app, region), columns, theme.ellipsis()),
        if region.flags.is_empty() {
            theme.dim()
        } else {
            theme.warn()
        },
    ));
    lines
}

/// Room for a category's flags at the end of its row.
const FLAGS: usize = 8;

/// The columns of the categories' table: caret, id, title, subtotal, its
/// maximum, bar and flags, with the spaces between them.
fn columns(width: usize) -> Columns {
    let bar = 12.min(width / 6);
    Columns::new(
        width,
        &[
            Len(2),
            Len(4),
            Len(1),
            Rest(8),
            Len(1),
            Len(7),
            Len(1),
            Len(5),
            Len(2),
            Len(bar),
            Len(1),
            Len(FLAGS),
        ],
    )
}

/// The header, one row per category, and the total.
fn categories(app: &App, region: &RegionResult, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let plain = Style::default();
    let columns = columns(width);
    let header = columns
        .row()
        .gap()
        .left(&t!("results-col-cat"), plain, "")
        .gap()
        .left(&t!("results-col-category"), plain, "")
        .gap()
        .right(&t!("results-col-points"), plain, "")
        .gap()
        .right(&t!("results-col-of"), plain, "")
        .gap()
        .gap()
        .gap()
        .left(&t!("results-col-flags"), plain, "")
        .line()
        .style(theme.strong());
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
        let line = columns
            .row()
            .spans([caret(&theme, on)])
            .left(&category.id, plain, theme.ellipsis())
            .gap()
            .left(&category.title, plain, theme.ellipsis())
            .gap()
            .right(&points(subtotal), plain, "")
            .gap()
            .right(&format_points(max), plain, "")
            .gap()
            .spans([Span::styled(
                meter(subtotal, max, columns.width(9), theme.unicode),
                theme.accent(),
            )])
            .gap()
            .left(&criteria_flags(&criteria), theme.warn(), "")
            .line();
        lines.push(if on {
            line.style(theme.selected())
        } else {
            line
        });
    }
    let total = columns
        .row()
        .gap()
        .gap()
        .gap()
        .left(&t!("results-total"), plain, "")
        .gap()
        .right(&points(region.total), plain, "")
        .gap()
        .right(&format_points(app.results().rules.max_total), plain, "")
        .line()
        .style(theme.strong());
    lines.push(total);
    lines
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
