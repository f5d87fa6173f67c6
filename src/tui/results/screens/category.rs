//! The criteria of one category for one region.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{Numbers, SCORE, STATS, caret, marker, rule_text, score_heading, stats_heading};
use crate::merge::RegionResult;
use crate::model::format_points;
use crate::report::points;
use crate::t;
use crate::text;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{Len, Rest};
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

/// The columns of the criteria's table: caret, id, title, then the score
/// and its statistics, and a marker.
fn columns(width: usize) -> Columns {
    let mut widths = vec![Len(2), Len(5), Len(1), Rest(8)];
    widths.extend(SCORE);
    widths.extend(STATS);
    widths.push(Len(2));
    Columns::new(width, &widths)
}

/// The header and one row per criterion of the selected category (and of
/// the categories below it).
fn criteria(app: &App, region: &RegionResult, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let plain = Style::default();
    let columns = columns(width);
    let header = columns
        .row()
        .gap()
        .left(&t!("results-col-id"), plain, "")
        .gap()
        .left(&t!("results-col-criterion"), plain, "");
    let header = stats_heading(score_heading(header));
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
        let line = numbers
            .stats(numbers.score(row, style), style)
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
