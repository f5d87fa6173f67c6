//! How far each panel's marks could all move before the outcome changes
//! (`t`): a row a panel with the offsets it survives down and up, and the
//! selected panel's sentences below, as report.md words them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::parts::{caret, not_analysed, region_name, scrolled, sentence_box};
use crate::analysis::{Edge, TeamShift};
use crate::report::solidity::{offset_within, team_line, teams_method};
use crate::t;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{Len, Rest};
use crate::tui::columns::widest;
use crate::tui::widgets::{self, block};

/// One end of a panel's row: the offset the outcome survives to, or that
/// none within the scale changes it.
fn end(team: &TeamShift, edge: Option<&Edge>) -> String {
    if team.marks == 0 {
        return "-".to_string();
    }
    edge.map_or_else(|| t!("tui-teams-any"), |e| offset_within(e.limit))
}

/// Every panel with the offsets of its members' marks the outcome
/// survives, and the selected panel in sentences below.
pub(super) fn teams(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(analysis) = app.analysis() else {
        return not_analysed(app, frame, area);
    };
    let teams = &analysis.teams;
    let detail_height = 7.min(area.height / 3);
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(detail_height)]).areas(area);
    let inner = widgets::framed(
        frame,
        list_area,
        block(
            &theme,
            widgets::title(&theme, &t!("tui-teams-title", dot = theme.dot())),
        ),
    );
    let rows = rows(app, teams);
    let lines = table(app, &rows, inner.width as usize, inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
    if detail_area.height >= 3
        && let Some(team) = teams.get(app.cursor.panel)
    {
        let title = &rows[app.cursor.panel][1];
        let title = widgets::title(&theme, if title.is_empty() { &team.panel } else { title });
        let sentences = vec![
            (
                team_line(analysis, team, &team.panel, |id| region_name(app, id)),
                !team.any_offset() && team.marks > 0,
            ),
            (teams_method(teams), false),
        ];
        sentence_box(&theme, frame, detail_area, title, sentences);
    }
}

/// One row a panel: its id, title, marks and the two ends.
fn rows(app: &App, teams: &[TeamShift]) -> Vec<[String; 5]> {
    teams
        .iter()
        .map(|team| {
            let title = app
                .data
                .review
                .panel(&team.panel)
                .map_or_else(String::new, |p| p.title.clone());
            [
                team.panel.clone(),
                title,
                team.marks.to_string(),
                end(team, team.down.as_ref()),
                end(team, team.up.as_ref()),
            ]
        })
        .collect()
}

/// The header and the rows, scrolled to the selected panel.
fn table(app: &App, rows: &[[String; 5]], width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let plain = Style::default();
    let headers = [
        t!("tui-col-panel"),
        t!("tui-col-panel-title"),
        t!("col-marks"),
        t!("tui-col-down"),
        t!("tui-col-up"),
    ];
    let w = |k: usize| widest(&headers[k], rows.iter().map(|r| r[k].clone()));
    let columns = Columns::new(
        width,
        &[
            Len(2),
            Len(w(0).min(16)),
            Len(1),
            Rest(0),
            Len(1),
            Len(w(2)),
            Len(1),
            Len(w(3)),
            Len(1),
            Len(w(4)),
        ],
    );
    let row = |cells: &[String; 5], caret_on: Option<bool>| {
        let mut line = columns.row();
        line = match caret_on {
            Some(on) => line.spans([caret(&theme, on)]),
            None => line.gap(),
        };
        line.left(&cells[0], plain, theme.ellipsis())
            .gap()
            .left(&cells[1], plain, theme.ellipsis())
            .gap()
            .right(&cells[2], plain, "")
            .gap()
            .right(&cells[3], plain, "")
            .gap()
            .right(&cells[4], plain, "")
            .line()
    };
    let header = row(&headers, None).style(theme.strong());
    let list: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let on = i == app.cursor.panel;
            let line = row(cells, Some(on));
            if on {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    scrolled(Some(header), list, app.cursor.panel, height)
}
