//! The criteria of one category for one region.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{Numbers, SCORE, STATS, caret, marker, rule_text, score_heading, stats_heading};
use crate::merge::{CriterionResult, RegionResult};
use crate::model::format_points;
use crate::report::points;
use crate::t;
use crate::text;
use crate::tui::columns::Width::{self, Len, Rest};
use crate::tui::columns::{Columns, Row};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, block};

/// The criteria of one category for one region.
pub(super) fn category(app: &App, frame: &mut Frame, area: Rect) {
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
    let title = t!(
        "results-category-title",
        region = &region.name,
        arrow = if theme.unicode { "›" } else { ">" },
        category = &category.title,
        dot = theme.dot(),
        points = points(subtotal),
        max = format_points(max)
    );
    let inner = widgets::framed(frame, area, block(&theme, widgets::title(&theme, &title)));
    let width = inner.width as usize;
    let mut lines = criteria(app, region, width);
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
        if let Some(said) = result.and_then(|c| agreed_text(app, c)) {
            lines.push(Line::styled(
                text::truncate(&said, width, theme.ellipsis()),
                theme.dim(),
            ));
        }
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

/// Under `use_consensus`, a consensus value beside the members' aggregate,
/// whichever it is that counts.
fn agreed_text(app: &App, result: &CriterionResult) -> Option<String> {
    if !app.data.review.committee.use_consensus {
        return None;
    }
    let members = result.members.map_or_else(|| t!("results-none"), points);
    Some(match result.consensus {
        Some(consensus) => t!(
            "results-consensus-counts",
            consensus = points(consensus),
            members = members
        ),
        None if result.no_consensus => t!("results-consensus-missing", members = members),
        None => t!("results-consensus-not-covered"),
    })
}

/// The columns of the consensus and of the members' aggregate, under
/// `use_consensus`.
const AGREED: [Width; 4] = [Len(1), Len(7), Len(1), Len(9)];

/// The columns of the criteria's table: caret, id, title, then the score
/// (under `use_consensus` the members' aggregate and the consensus beside
/// it) and its statistics, and a marker.
fn columns(width: usize, agreed: bool) -> Columns {
    let mut widths = vec![Len(2), Len(5), Len(1), Rest(8)];
    widths.extend(SCORE);
    if agreed {
        widths.extend(AGREED);
    }
    widths.extend(STATS);
    widths.push(Len(2));
    Columns::new(width, &widths)
}

/// The header and one row per criterion of the selected category (and of
/// the categories below it).
fn criteria(app: &App, region: &RegionResult, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let plain = Style::default();
    let agreed = app.data.review.committee.use_consensus;
    let columns = columns(width, agreed);
    let header = columns
        .row()
        .gap()
        .left(&t!("results-col-id"), plain, "")
        .gap()
        .left(&t!("results-col-criterion"), plain, "");
    let mut header = score_heading(header);
    if agreed {
        header = header
            .gap()
            .right(&t!("results-col-members"), plain, "")
            .gap()
            .right(&t!("results-col-consensus"), plain, "");
    }
    let header = stats_heading(header);
    let mut lines = vec![header.line().style(theme.strong())];
    let first = app.first_criterion_of(app.cursor.category);
    for (k, criterion) in app.category_criteria().into_iter().enumerate() {
        let result = region.criteria.iter().find(|c| c.criterion == criterion.id);
        let numbers = Numbers::of(result);
        let on = first + k == app.cursor.criterion;
        let style = if numbers.missing || numbers.disagreement {
            theme.warn()
        } else {
            plain
        };
        let row = columns
            .row()
            .spans([caret(&theme, on)])
            .left(&criterion.id, plain, theme.ellipsis())
            .gap()
            .left(&criterion.title, plain, theme.ellipsis());
        let mut row = numbers.score(row, style);
        if agreed {
            row = agreed_cells(&theme, row, result, style);
        }
        let line = numbers
            .stats(row, style)
            .left(marker(&numbers), theme.error(), "")
            .line();
        lines.push(if on {
            line.style(theme.selected())
        } else {
            line
        });
    }
    lines
}

/// The members' aggregate and the consensus of a criterion's row; `none`
/// in the warning style where a panel covers it without a consensus mark.
fn agreed_cells<'c>(
    theme: &Theme,
    row: Row<'c>,
    result: Option<&CriterionResult>,
    style: Style,
) -> Row<'c> {
    let members = result
        .and_then(|c| c.members)
        .map_or_else(|| "-".to_string(), points);
    let (consensus, consensus_style) = match result {
        Some(CriterionResult {
            consensus: Some(value),
            ..
        }) => (points(*value), theme.strong()),
        Some(c) if c.no_consensus => (t!("results-none"), theme.warn()),
        _ => ("-".to_string(), style),
    };
    row.gap()
        .right(&members, style, "")
        .gap()
        .right(&consensus, consensus_style, "")
}
