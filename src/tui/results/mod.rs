//! `panelist results`: the chair's TUI over the committee results, merged
//! on the fly from the panel files. The ranking with a bar chart and the
//! cutoff; drill down region → category → criterion → the marks; one
//! criterion across regions; drafts counted or not at a key.

pub mod app;
pub mod data;
pub mod keys;
pub mod screens;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind};

pub use app::{App, Effect, Msg, View};
pub use data::{Data, DirLoader, Loader};

use crate::tui::shell::Screen;

/// The results screen with its loader.
pub struct ResultsScreen<L: Loader> {
    pub app: App,
    pub loader: L,
}

impl<L: Loader> Screen for ResultsScreen<L> {
    fn handle(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.app.update(Msg::Key(key));
            }
            Event::Resize(width, height) => self.app.update(Msg::Resized(width, height)),
            _ => {}
        }
    }

    fn render(&self, frame: &mut Frame) {
        screens::render(&self.app, frame);
    }

    /// Carries out what the app asked for: reading the files again, then
    /// analysing the results on screen if they are not yet.
    fn settle(&mut self, _idle: bool) -> bool {
        let mut changed = false;
        while let Some(effect) = self.app.effect() {
            let msg = match effect {
                Effect::Reload => Msg::Loaded(Box::new(self.loader.load())),
                Effect::Analyse => analyse(&self.app),
            };
            self.app.update(msg);
            changed = true;
        }
        changed
    }

    fn finished(&self) -> bool {
        self.app.quit
    }
}

/// The work of [`Effect::Analyse`]: the analysis of the results on screen,
/// as a message for the app.
pub fn analyse(app: &App) -> Msg {
    let analysis = data::analysed(&app.data.review, app.shown());
    Msg::Analysed {
        drafts: app.include_drafts,
        analysis: Box::new(analysis),
    }
}
