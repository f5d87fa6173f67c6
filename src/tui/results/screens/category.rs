//! The criteria of one category for one region.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{caret, criterion_numbers, rule_text, statistics_header, title_width};
use crate::model::format_points;
use crate::report::points;
use crate::t;
use crate::text;
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
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, Line::styled(title, theme.accent())),
    );
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

/// The header of a criterion table and one row per criterion.
pub(super) fn criterion_columns(width: usize) -> (usize, String) {
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
