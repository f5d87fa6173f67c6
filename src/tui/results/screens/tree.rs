//! A region's rubric as a tree, for a nested rubric or one with minimums:
//! every category at every depth (depth first, indented by its depth) with
//! its subtotal, maximum and minimum, and under each its own criteria with
//! their scores; a minimum the region falls short of is marked in words.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::super::app::App;
use super::parts::{caret, scrolled};
use crate::merge::{CriterionResult, EPSILON, RegionResult};
use crate::model::{Category, Criterion, Review, format_points};
use crate::report::points;
use crate::t;
use crate::text;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{Len, Rest};
use crate::tui::widgets::meter;

/// Whether the region screen shows the tree: the rubric is nested, or a
/// category or criterion has a minimum. Any other rubric keeps its table of
/// top-level categories.
pub(super) fn shows(review: &Review) -> bool {
    review.is_nested()
        || review.all_categories().iter().any(|placed| {
            placed.category.min.is_some()
                || placed.category.criteria.iter().any(|c| c.min.is_some())
        })
}

/// Room for a row's flags at its end.
const FLAGS: usize = 8;
/// Columns of indentation per level.
const INDENT: usize = 2;

/// The columns of the tree: caret, id (indented), title, points, maximum,
/// minimum, bar and flags, with the spaces between them.
fn columns(review: &Review, width: usize) -> Columns {
    let ids = review
        .all_categories()
        .iter()
        .flat_map(|placed| {
            let own = placed
                .category
                .criteria
                .iter()
                .map(move |c| INDENT * (placed.depth + 1) + text::width(&c.id));
            std::iter::once(INDENT * placed.depth + text::width(&placed.category.id)).chain(own)
        })
        .fold(text::width(&t!("results-col-id")), usize::max)
        .clamp(4, 14);
    let bar = 10.min(width / 8);
    Columns::new(
        width,
        &[
            Len(2),
            Len(ids),
            Len(1),
            Rest(8),
            Len(1),
            Len(7),
            Len(1),
            Len(5),
            Len(1),
            Len(6),
            Len(2),
            Len(bar),
            Len(1),
            Len(FLAGS),
        ],
    )
}

/// The header, the rows scrolled so that the selected category shows, and
/// the total, in at most `height` lines.
pub(super) fn tree(
    app: &App,
    region: &RegionResult,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    let plain = Style::default();
    let review = &app.data.review;
    let columns = columns(review, width);
    let header = columns
        .row()
        .gap()
        .left(&t!("results-col-id"), plain, "")
        .gap()
        .left(&t!("results-col-item"), plain, "")
        .gap()
        .right(&t!("results-col-item-points"), plain, "")
        .gap()
        .right(&t!("results-col-of"), plain, "")
        .gap()
        .right(&t!("results-col-threshold"), plain, "")
        .gap()
        .gap()
        .gap()
        .left(&t!("results-col-flags"), plain, "")
        .line()
        .style(theme.strong());
    let mut rows = Vec::new();
    let mut selected = 0;
    for (c, placed) in review.all_categories().iter().enumerate() {
        let on = c == app.cursor.category;
        let line = category_row(app, &columns, region, placed.category, placed.depth, on);
        rows.push(if on {
            line.style(theme.selected())
        } else {
            line
        });
        for criterion in &placed.category.criteria {
            rows.push(criterion_row(
                app,
                &columns,
                region,
                criterion,
                placed.depth + 1,
            ));
        }
        // The selected category shows with its own criteria.
        if on {
            selected = rows.len() - 1;
        }
    }
    let mut lines = scrolled(Some(header), rows, selected, height.saturating_sub(1));
    lines.push(total_row(app, &columns, region));
    lines
}

/// `id` indented by `depth` levels.
fn indented(id: &str, depth: usize) -> String {
    format!("{}{id}", " ".repeat(INDENT * depth))
}

/// A minimum as its cell shows it: `≥10` (`>=10` without UTF-8).
fn minimum(app: &App, min: Option<f64>) -> String {
    let sign = if app.theme.unicode { "≥" } else { ">=" };
    min.map_or_else(String::new, |m| format!("{sign}{}", format_points(m)))
}

/// Whether the region falls short of the minimum of category or criterion
/// `id` (its `below:` flag).
fn below(region: &RegionResult, id: &str) -> bool {
    region
        .flags
        .iter()
        .any(|f| f.strip_prefix("below:") == Some(id))
}

fn category_row(
    app: &App,
    columns: &Columns,
    region: &RegionResult,
    category: &Category,
    depth: usize,
    on: bool,
) -> Line<'static> {
    let theme = app.theme;
    let plain = Style::default();
    let subtotal = region.subtotal(&category.id);
    let max = category.max_total();
    let short = below(region, &category.id);
    columns
        .row()
        .spans([caret(&theme, on)])
        .left(&indented(&category.id, depth), plain, theme.ellipsis())
        .gap()
        .left(&category.title, plain, theme.ellipsis())
        .gap()
        .right(&points(subtotal), plain, "")
        .gap()
        .right(&format_points(max), plain, "")
        .gap()
        .right(&minimum(app, category.min), plain, "")
        .gap()
        .spans([Span::styled(
            meter(subtotal, max, columns.width(11), theme.unicode),
            theme.accent(),
        )])
        .gap()
        .left(
            &if short {
                t!("results-below")
            } else {
                String::new()
            },
            theme.error(),
            "",
        )
        .line()
}

fn criterion_row(
    app: &App,
    columns: &Columns,
    region: &RegionResult,
    criterion: &Criterion,
    depth: usize,
) -> Line<'static> {
    let theme = app.theme;
    let dim = theme.dim();
    let result: Option<&CriterionResult> =
        region.criteria.iter().find(|c| c.criterion == criterion.id);
    let score = result
        .and_then(|c| c.aggregate)
        .map_or_else(|| t!("results-none"), points);
    let mut flags = Vec::new();
    if below(region, &criterion.id) {
        flags.push(t!("results-below"));
    }
    if result.is_some_and(|c| c.disagreement) {
        flags.push("!".to_string());
    }
    if result.is_none_or(|c| c.aggregate.is_none()) {
        flags.push("?".to_string());
    }
    let warn = if flags.is_empty() { dim } else { theme.warn() };
    columns
        .row()
        .gap()
        .left(&indented(&criterion.id, depth), dim, theme.ellipsis())
        .gap()
        .left(&criterion.title, dim, theme.ellipsis())
        .gap()
        .right(&score, warn, "")
        .gap()
        .right(&format_points(criterion.max), dim, "")
        .gap()
        .right(&minimum(app, criterion.min), dim, "")
        .gap()
        .gap()
        .gap()
        .left(&flags.join(" "), theme.error(), "")
        .line()
}

/// The total, its maximum and the committee's minimum total.
fn total_row(app: &App, columns: &Columns, region: &RegionResult) -> Line<'static> {
    let plain = Style::default();
    let rules = &app.results().rules;
    let short = rules
        .min_total
        .is_some_and(|min| region.total < min - EPSILON);
    columns
        .row()
        .gap()
        .gap()
        .gap()
        .left(&t!("results-total"), plain, "")
        .gap()
        .right(&points(region.total), plain, "")
        .gap()
        .right(&format_points(rules.max_total), plain, "")
        .gap()
        .right(&minimum(app, rules.min_total), plain, "")
        .gap()
        .gap()
        .gap()
        .left(
            &if short {
                t!("results-below")
            } else {
                String::new()
            },
            app.theme.error(),
            "",
        )
        .line()
        .style(app.theme.strong())
}
