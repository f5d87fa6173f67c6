//! One criterion across all regions, in rank order.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{caret, criterion_numbers, scrolled, statistics_header, title_width};
use crate::model::format_points;
use crate::report::words;
use crate::t;
use crate::text;
use crate::tui::widgets::{self, block, meter};

/// One criterion across all regions, in rank order.
pub(super) fn across(app: &App, frame: &mut Frame, area: Rect) {
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
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, Line::styled(title, theme.accent())).title_bottom(
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
