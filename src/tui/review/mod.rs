//! `panelist review`: the reviewer's TUI.

pub mod app;
mod chooser;
pub mod keys;
mod moves;
mod notes;
pub mod parts;
mod question_view;
mod questions;
mod scoring;
pub mod view;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Frame, Terminal};

pub use app::App;
pub use chooser::Chooser;
pub use parts::Msg;

use crate::Error;
use crate::model::Change;
use crate::store::{self, LoadedReview, RealIo, Saved, SessionLock};
use crate::tui::session::Setup;
use crate::tui::shell::{self, Events, Exit, Screen};

/// Where the TUI's changes go. The real one is [`FileStore`]; tests can
/// put a failing one in its place.
pub trait Store {
    /// Saves one change to the reviewer's sheet; says what the save found and did.
    fn save(&mut self, change: &Change) -> Result<Saved, String>;
}

/// How long a save from the TUI waits for another reviewer's save of the
/// same panel before it reports the lock and retries later.
const TUI_WAIT: Duration = Duration::from_secs(2);

/// Saves through the one locked, atomic save of [`store::save_sheet`].
pub struct FileStore<'r> {
    pub review: &'r LoadedReview,
    pub panel: String,
    pub reviewer: String,
}

impl Store for FileStore<'_> {
    fn save(&mut self, change: &Change) -> Result<Saved, String> {
        store::save_changes_with(
            &RealIo,
            TUI_WAIT,
            self.review,
            &self.panel,
            &self.reviewer,
            |_| Ok(vec![change.clone()]),
        )
        .map_err(|e| e.brief())
    }
}

/// The scoring screen with its store: saves every change before the next event.
pub struct ReviewScreen<S: Store> {
    pub app: App,
    pub store: S,
    last_failure: Option<Instant>,
}

/// How long to wait before retrying a save that failed.
const RETRY: Duration = Duration::from_secs(2);

impl<S: Store> ReviewScreen<S> {
    pub fn new(app: App, store: S) -> Self {
        ReviewScreen {
            app,
            store,
            last_failure: None,
        }
    }
}

impl<S: Store> Screen for ReviewScreen<S> {
    fn handle(&mut self, event: Event) {
        // Debug builds only: lets the end-to-end tests make a session panic.
        #[cfg(debug_assertions)]
        if matches!(&event, Event::Key(k) if k.code == ratatui::crossterm::event::KeyCode::F(12))
            && std::env::var_os("PANELIST_TEST_PANIC").is_some()
        {
            panic!("panic requested by PANELIST_TEST_PANIC");
        }
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

/// The panel a reviewer opens, with its session lock: the one named (which
/// must be theirs), else their only one. `None` when they sit on several and
/// must choose.
pub fn open_panel(
    review: &LoadedReview,
    reviewer: &str,
    panel: Option<&str>,
) -> Result<Option<(String, SessionLock)>, Error> {
    let panels: Vec<String> = review
        .review
        .panels_of(reviewer)
        .map(|p| p.id.clone())
        .collect();
    let chosen = match (panel, panels.as_slice()) {
        (Some(panel), _) if panels.iter().any(|p| p == panel) => panel.to_string(),
        (Some(panel), _) => {
            return Err(Error::Refused(crate::t!(
                "review-not-on-panel",
                reviewer = reviewer,
                panel = panel,
                panels = if panels.is_empty() {
                    crate::t!("cmd-none")
                } else {
                    panels.join(", ")
                }
            )));
        }
        (None, []) => {
            return Err(Error::Refused(crate::t!(
                "review-no-panel",
                reviewer = reviewer,
                review = review.review.id
            )));
        }
        (None, [only]) => only.clone(),
        (None, _) => return Ok(None),
    };
    let session = SessionLock::acquire(&review.scores_dir(), &chosen, reviewer)?;
    Ok(Some((chosen, session)))
}

/// One reviewer's session on any terminal (local or an SSH channel): the
/// panel chooser when no panel is open yet, then the scoring screen, until
/// the reviewer quits, `stop` is set or the terminal goes away.
pub fn run_session<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut dyn Events,
    stop: &AtomicBool,
    review: &LoadedReview,
    reviewer: &str,
    opened: Option<(String, SessionLock)>,
    setup: Setup,
) -> Result<Exit, Error>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    setup.enter();
    let theme = setup.theme;
    let (panel, _session) = match opened {
        Some(opened) => opened,
        None => {
            let mut chooser = Chooser::new(review, reviewer, &setup);
            let exit = shell::run(terminal, &mut chooser, events, stop);
            match (exit, chooser.into_choice()) {
                (Exit::Finished, Some(choice)) => choice,
                (exit, _) => return Ok(exit),
            }
        }
    };
    let sheet = store::read_sheet(review, &panel, reviewer)?;
    let elsewhere = store::conflicts_elsewhere(review, reviewer, &panel);
    let app = App::new(&review.review, &panel, reviewer, sheet, &elsewhere, theme);
    let store = FileStore {
        review,
        panel: panel.clone(),
        reviewer: reviewer.to_string(),
    };
    let mut screen = ReviewScreen::new(app, store);
    Ok(shell::run(terminal, &mut screen, events, stop))
}
