//! One criterion across all regions, in rank order.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{Numbers, SCORE, STATS, caret, marker, score_heading, stats_heading, window};
use crate::model::Criterion;
use crate::model::format_points;
use crate::report::words;
use crate::t;
use crate::text;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{Len, RestUpTo};
use crate::tui::widgets::{self, block, meter};

/// One criterion across all regions, in rank order.
pub(super) fn across(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let results = app.results();
    let Some((category, criterion)) = app.criterion() else {
        return;
    };
    let count = app.criteria().len();
    let title = t!(
        "results-across-title",
        criterion = &criterion.id,
        title = &criterion.title
    );
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, widgets::title(&theme, &title)).title_bottom(
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
        ),
    );
    let width = inner.width as usize;
    let list_height = (inner.height as usize).saturating_sub(4);
    let mut shown = rows(app, criterion, width, list_height);
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

/// The width of a region's bar for the criterion.
const BAR: usize = 10;

/// The columns of the table: caret, rank, name (up to 32 columns), the
/// score, its bar, the statistics and a marker.
fn columns(width: usize) -> Columns {
    let mut widths = vec![Len(2), Len(3), Len(1), RestUpTo(8, 32)];
    widths.extend(SCORE);
    widths.extend([Len(1), Len(BAR)]);
    widths.extend(STATS);
    widths.push(Len(2));
    Columns::new(width, &widths)
}

/// The header, one row per region in rank order, and which row is selected.
/// The header and the rows that show in `height` lines, scrolled to the
/// selected region's (only those are built).
fn rows(app: &App, criterion: &Criterion, width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let plain = Style::default();
    let columns = columns(width);
    let header =
        columns
            .row()
            .gap()
            .right("#", plain, "")
            .gap()
            .left(&t!("results-col-region"), plain, "");
    let header = stats_heading(score_heading(header).gap().gap());
    let regions = &app.results().regions;
    let on_row = app.result_row(app.cursor.region);
    let shown = window(regions.len(), on_row.unwrap_or(0), height, true);
    let mut lines = vec![header.line().style(theme.strong())];
    for (at, region) in regions[shown.clone()].iter().enumerate() {
        let on = on_row == Some(shown.start + at);
        let result = region.criteria.iter().find(|c| c.criterion == criterion.id);
        let numbers = Numbers::of(result);
        let score = result.and_then(|c| c.aggregate);
        let row = columns
            .row()
            .spans([caret(&theme, on)])
            .right(&crate::report::words::rank(region), plain, "")
            .gap()
            .left(&region.name, plain, theme.ellipsis());
        // The bar goes between the score and the other numbers.
        let row = numbers.score(row, plain).gap().spans([Span::styled(
            meter(score.unwrap_or(0.0), criterion.max, BAR, theme.unicode),
            theme.accent(),
        )]);
        let stats = if numbers.disagreement {
            theme.warn()
        } else {
            plain
        };
        let line = numbers
            .stats(row, stats)
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
