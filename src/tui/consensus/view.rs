//! Drawing the consensus screens. Reads the state, changes nothing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};

use super::app::{App, Role};
use super::cell_view;
use super::keys::{KEYMAP, Mode};
use super::other_views;
use crate::t;
use crate::tui::keymap;
use crate::tui::widgets;

pub fn render(app: &App, frame: &mut Frame) {
    let theme = app.theme;
    if widgets::too_small(frame, &theme) {
        return;
    }
    let area = frame.area();
    let footer_height = widgets::footer_lines(keymap::footer(KEYMAP, &app.mode), &theme, area.width)
        .len()
        .clamp(1, 4) as u16;
    let [bar, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    let role = match app.role {
        Role::Rapporteur => t!("consensus-role-rapporteur"),
        Role::Chair => t!("consensus-role-chair"),
    };
    let (recorded, due) = app.overall_progress();
    widgets::bar(
        frame,
        bar,
        &theme,
        &format!(
            " panelist {dot} {} {dot} {} {dot} {}",
            t!("consensus-bar"),
            app.panel_title,
            t!("consensus-bar-writer", name = app.writer_name, role = role),
            dot = theme.dot(),
        ),
        &format!(
            "{} ",
            t!("consensus-bar-progress", recorded = recorded, due = due)
        ),
    );
    match app.mode {
        Mode::Summary => other_views::summary(app, frame, body),
        Mode::Members => other_views::members(app, frame, body),
        Mode::Help => other_views::help(app, frame, body),
        _ => cell_view::cell(app, frame, body),
    }
    match app.mode {
        Mode::Comment => other_views::comment(app, frame, body),
        Mode::Confirm => other_views::question(app, frame, body),
        _ => {}
    }
    widgets::footer(frame, footer, keymap::footer(KEYMAP, &app.mode), &theme);
}
