//! Every key of the results screens, from the keymap, and what the marks
//! mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::keys::{KEYMAP, Mode, SCREENS};
use crate::t;
use crate::text;
use crate::tui::keymap;
use crate::tui::widgets::{self, block};

/// Every key of the results screens, from the keymap, and what the marks mean.
pub(super) fn help(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, widgets::title(&theme, &t!("help-title"))),
    );
    let mut lines = Vec::new();
    for &mode in SCREENS {
        let title = match mode {
            Mode::Ranking => t!("results-help-ranking"),
            Mode::Breakdown => t!("results-help-breakdown"),
            Mode::Marks => t!("results-help-marks"),
            Mode::Across => t!("results-help-across"),
            Mode::Solidity => t!("results-help-solidity"),
            Mode::Offsets => t!("results-help-offsets"),
            Mode::Teams => t!("results-help-teams"),
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
        lines.extend(widgets::help_lines(&bindings, &theme, 26));
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
