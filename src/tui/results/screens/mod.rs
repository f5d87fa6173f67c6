//! Drawing the chair's results screens. Reads the state, changes nothing.
//!
//! Meaning never rests on color alone: the selected row has a caret, a
//! disagreement a `!`, the cutoff a labelled rule, the minimum total a `│`
//! in the bars, and statuses are words.
//!
//! Every word comes from the catalogs (locales/*/results.ftl), and every
//! column is measured in terminal columns, so Japanese names and headings
//! (two columns a character) line up as English ones do.
//!
//! One file per screen, each with its draw functions; the pieces they
//! share are in [`parts`]. No screen draws another's parts.

mod across;
mod category;
mod help;
mod marks;
mod offsets;
mod parts;
mod percentiles;
mod ranking;
mod region;
mod solidity;
mod standing;
mod teams;
mod tree;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, View};
use super::keys::KEYMAP;
use crate::t;
use crate::text;
use crate::tui::keymap;
use crate::tui::widgets::{self};

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
    let selected = app.selected_regions();
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
        help::help(app, frame, body);
    } else {
        match app.view() {
            View::Ranking => ranking::ranking(app, frame, body),
            View::Region => region::region(app, frame, body),
            View::Category => category::category(app, frame, body),
            View::Marks => marks::marks(app, frame, body),
            View::Across => across::across(app, frame, body),
            View::Solidity => solidity::regions(app, frame, body),
            View::Offsets => offsets::offsets(app, frame, body),
            View::Teams => teams::teams(app, frame, body),
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
