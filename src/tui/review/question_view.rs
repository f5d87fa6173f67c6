//! Drawing a question over the reviewer's screen: its text wrapped inside
//! the pop-up, and how it is answered.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::keys::{KEYMAP, Mode};
use super::parts::Question;
use crate::t;
use crate::text;
use crate::tui::keymap;
use crate::tui::widgets::{self, block};

/// A yes/no question, over the scoring screen.
pub(super) fn question(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(question) = &app.question else {
        return;
    };
    let width = area.width.saturating_sub(8).min(72);
    // Inside the borders and the block's padding of one column each side.
    let text_width = width.saturating_sub(4);
    let mut lines: Vec<Line> = Vec::new();
    let mut say = |text: &str, style: Style| {
        for line in text::wrap(text, text_width as usize) {
            lines.push(Line::styled(line, style));
        }
    };
    let title = match question {
        Question::Submit { missing } => {
            let count: usize = missing.iter().map(|(_, ids)| ids.len()).sum();
            if count == 0 {
                say(&t!("ask-all-scored"), theme.ok());
            } else {
                say(&t!("ask-still-unscored", count = count), theme.error());
                for (region, ids) in missing.iter().take(6) {
                    let ids = if ids.len() == app.criteria.len() {
                        t!("ask-all")
                    } else {
                        ids.join(", ")
                    };
                    say(&format!("  {region}: {ids}"), Style::default());
                }
                if missing.len() > 6 {
                    say(
                        &format!("  {}", t!("ask-more-regions", count = missing.len() - 6)),
                        Style::default(),
                    );
                }
            }
            say(&t!("ask-submit"), theme.strong());
            t!("ask-submit-title")
        }
        Question::Reopen => {
            say(&t!("ask-reopen"), theme.strong());
            t!("ask-reopen-title")
        }
        Question::DeclareConflict { region, marks } => {
            let name = &app.regions[*region].name;
            say(&t!("ask-declare", region = name), theme.strong());
            if *marks > 0 {
                say(&t!("ask-declare-marks", count = marks), Style::default());
            }
            t!("ask-conflict-title")
        }
        Question::WithdrawConflict { region } => {
            let name = &app.regions[*region].name;
            say(&t!("ask-withdraw", region = name), theme.strong());
            t!("ask-conflict-title")
        }
        Question::Quit { unsaved } => {
            say(&t!("ask-quit"), theme.error());
            for item in unsaved {
                say(&format!("  {item}"), Style::default());
            }
            t!("ask-quit-title")
        }
        Question::LeaveDraft { missing, unsaved } => {
            say(&t!("ask-leave-draft"), theme.error());
            if *missing > 0 {
                say(&t!("ask-still-unscored", count = missing), Style::default());
            }
            if !unsaved.is_empty() {
                say(&t!("ask-leave-draft-lost"), Style::default());
            }
            for item in unsaved {
                say(&format!("  {item}"), Style::default());
            }
            t!("ask-leave-draft-title")
        }
    };
    lines.push(Line::raw(""));
    lines.extend(answers(app, text_width));
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = widgets::popup(frame, area, width, height);
    let inner = widgets::framed(frame, rect, block(&theme, widgets::title(&theme, &title)));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// How a question is answered: yes or no, or the keys of its mode.
fn answers(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = app.theme;
    if app.mode == Mode::LeaveDraft {
        return widgets::footer_lines(keymap::footer(KEYMAP, &app.mode), &theme, width);
    }
    vec![Line::from(vec![
        Span::styled("y", theme.accent()),
        Span::raw(format!(" {}   ", t!("ask-yes"))),
        Span::styled("n", theme.accent()),
        Span::raw(format!(" {}", t!("ask-no"))),
    ])]
}
