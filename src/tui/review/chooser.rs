//! Choosing a panel, for reviewers who sit on several.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::keys::{self, Action, KEYMAP, Mode};
use crate::model::Index;
use crate::progress::Progress;
use crate::store::{self, LoadedReview, SessionLock};
use crate::t;
use crate::text;
use crate::tui::keymap;
use crate::tui::session::Setup;
use crate::tui::shell::Screen;
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, block};

struct Choice {
    id: String,
    title: String,
    progress: String,
    /// How many of the panel's regions are not eligible (none of them due).
    ineligible: usize,
}

pub struct Chooser<'r> {
    review: &'r LoadedReview,
    reviewer: String,
    theme: Theme,
    /// Errors without the server's paths and processes (see `Setup::remote`).
    remote: bool,
    choices: Vec<Choice>,
    selected: usize,
    message: Option<String>,
    chosen: Option<(String, SessionLock)>,
    quit: bool,
}

impl<'r> Chooser<'r> {
    pub fn new(review: &'r LoadedReview, reviewer: &str, setup: &Setup) -> Self {
        let theme = setup.theme;
        let index = Index::new(&review.review);
        let choices = review
            .review
            .panels_of(reviewer)
            .map(|panel| {
                let sheet = store::read_sheet(review, &panel.id, reviewer)
                    .ok()
                    .flatten();
                let elsewhere: Vec<String> =
                    store::conflicts_elsewhere(review, reviewer, &panel.id)
                        .into_iter()
                        .map(|(region, _)| region)
                        .collect();
                let progress = index
                    .panel_index(&panel.id)
                    .map(|p| Progress::of(&index, p, reviewer, sheet.as_ref(), &elsewhere));
                let state = match &sheet {
                    Some(s) if s.submitted => t!("state-submitted"),
                    Some(_) => t!("state-draft"),
                    None => t!("state-not-started"),
                };
                Choice {
                    id: panel.id.clone(),
                    title: panel.title.clone(),
                    progress: progress
                        .as_ref()
                        .map(|p| format!("{}/{} {state}", p.scored, p.due.len()))
                        .unwrap_or_default(),
                    ineligible: progress.map_or(0, |p| p.ineligible.len()),
                }
            })
            .collect();
        Chooser {
            review,
            reviewer: reviewer.to_string(),
            theme,
            remote: setup.remote,
            choices,
            selected: 0,
            message: None,
            chosen: None,
            quit: false,
        }
    }

    /// The panel chosen, with its session, if the reviewer chose one.
    pub fn into_choice(self) -> Option<(String, SessionLock)> {
        self.chosen
    }

    fn open(&mut self) {
        let Some(choice) = self.choices.get(self.selected) else {
            return;
        };
        match SessionLock::acquire(&self.review.scores_dir(), &choice.id, &self.reviewer) {
            Ok(session) => self.chosen = Some((choice.id.clone(), session)),
            Err(e) if self.remote => self.message = Some(e.for_remote()),
            Err(e) => self.message = Some(e.to_string()),
        }
    }
}

impl Screen for Chooser<'_> {
    fn handle(&mut self, event: Event) {
        let Event::Key(key) = event else { return };
        if key.kind == KeyEventKind::Release {
            return;
        }
        match keys::action_for(Mode::Chooser, &key) {
            Some(Action::Down) => {
                self.selected = (self.selected + 1).min(self.choices.len().saturating_sub(1));
            }
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Confirm) => self.open(),
            Some(Action::Quit) => self.quit = true,
            _ => {}
        }
    }

    fn render(&self, frame: &mut Frame) {
        let theme = self.theme;
        if widgets::too_small(frame, &theme) {
            return;
        }
        let [bar, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(2),
        ])
        .areas(frame.area());
        widgets::bar(
            frame,
            bar,
            &theme,
            &format!(" panelist {} {}", theme.dot(), self.review.review.title),
            "",
        );
        let inner = widgets::framed(
            frame,
            body,
            block(&theme, widgets::title(&theme, &t!("chooser-title"))),
        );
        let mut lines = vec![Line::raw(t!("chooser-intro")), Line::raw("")];
        for (i, choice) in self.choices.iter().enumerate() {
            let caret = if i == self.selected {
                theme.caret()
            } else {
                " "
            };
            let line = format!(
                "{caret} {}  {}  {}",
                text::fit(&choice.title, 40, theme.ellipsis()),
                text::fit(&choice.id, 12, theme.ellipsis()),
                choice.progress
            );
            let style = if i == self.selected {
                theme.selected()
            } else {
                Default::default()
            };
            lines.push(Line::styled(
                text::truncate(&line, inner.width as usize, theme.ellipsis()),
                style,
            ));
            if choice.ineligible > 0 {
                let note = format!(
                    "    {}",
                    t!("chooser-ineligible", count = choice.ineligible)
                );
                lines.push(Line::styled(
                    text::truncate(&note, inner.width as usize, theme.ellipsis()),
                    theme.dim(),
                ));
            }
        }
        if let Some(message) = &self.message {
            lines.push(Line::raw(""));
            for line in text::wrap(message, inner.width as usize) {
                lines.push(Line::styled(line, theme.error()));
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
        widgets::footer(
            frame,
            footer,
            keymap::footer(KEYMAP, &Mode::Chooser),
            &theme,
        );
    }

    fn settle(&mut self, _idle: bool) -> bool {
        false
    }

    fn finished(&self) -> bool {
        self.quit || self.chosen.is_some()
    }
}
