//! `panelist consensus` without a cell: the screen on which a panel's
//! rapporteur, or the committee's chair, records the panel's agreed mark
//! and comment per region and criterion, beside every member's mark and
//! note (*Discussion and consensus*).

pub mod app;
mod cell_view;
mod edit;
pub mod keys;
mod moves;
mod other_views;
pub mod parts;
pub mod view;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Frame, Terminal};

pub use app::App;
pub use parts::Msg;

use crate::model::ConsensusChange;
use crate::store::{self, LoadedReview, RealIo, SavedConsensus};
use crate::tui::session::Setup;
use crate::tui::shell::{self, Events, Exit, Screen};

/// Where the screen's changes go. The real one is [`FileStore`]; tests can
/// put a failing one in its place.
pub trait Store {
    /// Saves one change to the panel's consensus; says what the save did.
    fn save(&mut self, change: &ConsensusChange) -> Result<SavedConsensus, String>;
}

/// How long a save waits for another save of the same panel before it
/// reports the lock and retries later.
const WAIT: Duration = Duration::from_secs(2);

/// Saves through the one locked, journaled save of the panel file,
/// [`store::save_consensus_with`], as `writer`.
pub struct FileStore<'r> {
    pub review: &'r LoadedReview,
    pub panel: String,
    pub writer: String,
}

impl Store for FileStore<'_> {
    fn save(&mut self, change: &ConsensusChange) -> Result<SavedConsensus, String> {
        store::save_consensus_with(
            &RealIo,
            WAIT,
            self.review,
            &self.panel,
            &self.writer,
            |_| Ok(vec![change.clone()]),
        )
        .map_err(|e| e.brief())
    }
}

/// The consensus screen with its store: saves every change before the
/// next event.
pub struct ConsensusScreen<S: Store> {
    pub app: App,
    pub store: S,
    last_failure: Option<Instant>,
}

/// How long to wait before retrying a save that failed.
const RETRY: Duration = Duration::from_secs(2);

impl<S: Store> ConsensusScreen<S> {
    pub fn new(app: App, store: S) -> Self {
        ConsensusScreen {
            app,
            store,
            last_failure: None,
        }
    }
}

impl<S: Store> Screen for ConsensusScreen<S> {
    fn handle(&mut self, event: Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.app.update(Msg::Key(key)),
            Event::Paste(text) => self.app.update(Msg::Paste(text)),
            _ => {}
        }
    }

    fn render(&self, frame: &mut Frame) {
        view::render(&self.app, frame);
    }

    fn settle(&mut self, idle: bool) -> bool {
        let waiting = self.last_failure.is_some_and(|at| at.elapsed() < RETRY);
        if self.app.next_to_save().is_none() || (idle && waiting) {
            return false;
        }
        while let Some(change) = self.app.next_to_save() {
            let result = self.store.save(change);
            let failed = result.is_err();
            self.app.update(Msg::Saved(result));
            if failed {
                self.last_failure = Some(Instant::now());
                break;
            }
            self.last_failure = None;
        }
        true
    }

    fn finished(&self) -> bool {
        self.app.quit
    }
}

/// What the screen opens on: the review, the panel, who records, the
/// panel file as read, and the regions the writer may not record with why.
pub struct Opening<'r> {
    pub review: &'r LoadedReview,
    pub panel: &'r str,
    pub writer: &'r str,
    pub file: Option<&'r crate::model::PanelFile>,
    pub barred: &'r [(String, String)],
}

/// The consensus screen on a terminal, until the writer quits, `stop` is
/// set or the terminal goes away.
pub fn run_session<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut dyn Events,
    stop: &AtomicBool,
    opening: &Opening,
    setup: Setup,
) -> Exit
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    setup.enter();
    let app = App::new(
        &opening.review.review,
        opening.panel,
        opening.writer,
        opening.file,
        opening.barred,
        setup.theme,
    );
    let store = FileStore {
        review: opening.review,
        panel: opening.panel.to_string(),
        writer: opening.writer.to_string(),
    };
    let mut screen = ConsensusScreen::new(app, store);
    shell::run(terminal, &mut screen, events, stop)
}
