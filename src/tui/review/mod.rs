//! `panelist review`: the reviewer's TUI.

pub mod app;
mod chooser;
pub mod discussion;
mod discussion_view;
pub mod keys;
mod moves;
mod notes;
pub mod parts;
mod question_view;
mod questions;
mod reveal;
mod scoring;
pub mod status_lines;
pub mod view;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Frame, Terminal};

pub use app::App;
pub use chooser::Chooser;
pub use parts::{Msg, PanelRead};

use crate::Error;
use crate::model::{Change, Index};
use crate::store::{self, LoadedReview, RealIo, Saved, SessionLock};
use crate::tui::session::Setup;
use crate::tui::shell::{self, Events, Exit, Screen};
use crate::validate::PanelFileRole;

/// Where the TUI's changes go. The real one is [`FileStore`]; tests can
/// put a failing one in its place.
pub trait Store {
    /// Saves one change to the reviewer's sheet; says what the save found and did.
    fn save(&mut self, change: &Change) -> Result<Saved, String>;

    /// What tells this version of the panel file from the next without
    /// reading it; `None` when there is no file to read.
    fn panel_stamp(&self) -> Option<Stamp> {
        None
    }

    /// The panel file's sheets and the reviewer's conflicts on other
    /// panels, for the discussion, or why they could not be read.
    fn read_panel(&self) -> Result<PanelRead, String> {
        Ok(PanelRead::default())
    }
}

/// What tells one version of a file from the next: modified, length, inode.
pub type Stamp = (std::time::SystemTime, u64, u64);

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

    fn panel_stamp(&self) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(self.review.panel_path(&self.panel)).ok()?;
        Some((meta.modified().ok()?, meta.len(), meta.ino()))
    }

    fn read_panel(&self) -> Result<PanelRead, String> {
        let index = Index::new(&self.review.review);
        let path = self.review.panel_path(&self.panel);
        let loaded = store::read_panel_file(self.review, &index, &path, PanelFileRole::Scores)
            .map_err(|problems| Error::from(problems).brief())?;
        Ok(PanelRead {
            sheets: loaded.file.sheets,
            elsewhere: store::conflicts_elsewhere(self.review, &self.reviewer, &self.panel),
        })
    }
}

/// The scoring screen with its store: saves every change before the next
/// event and, on a panel that reveals the others' marks, reads the panel
/// file again whenever it changes.
pub struct ReviewScreen<S: Store> {
    pub app: App,
    pub store: S,
    last_failure: Option<Instant>,
    /// The panel file's stamp when last read for the discussion, and when
    /// it was last looked at.
    panel_stamp: Option<Stamp>,
    last_look: Option<Instant>,
}

/// How long to wait before retrying a save that failed.
const RETRY: Duration = Duration::from_secs(2);

/// How often the panel file is looked at for other members' saves (a
/// stat; the file is read only when it changed).
const LOOK: Duration = Duration::from_secs(1);

impl<S: Store> ReviewScreen<S> {
    pub fn new(app: App, store: S) -> Self {
        ReviewScreen {
            app,
            store,
            last_failure: None,
            panel_stamp: None,
            last_look: None,
        }
    }

    /// Saves the pending changes, unless a failed save is waiting to be
    /// retried; whether anything was tried.
    fn save_pending(&mut self, idle: bool) -> bool {
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

    /// Reads the panel file again when the reviewer may see the others'
    /// marks and it changed (at once the first time); whether it was read.
    fn read_panel(&mut self) -> bool {
        if !self.app.reveals() {
            return false;
        }
        let looked = self.last_look.is_some_and(|at| at.elapsed() < LOOK);
        if looked && self.panel_stamp.is_some() {
            return false;
        }
        self.last_look = Some(Instant::now());
        // The stamp before the read: a save in between is read again next time.
        let stamp = self.store.panel_stamp();
        if stamp.is_none() || stamp == self.panel_stamp {
            return false;
        }
        self.panel_stamp = stamp;
        self.app.update(Msg::Panel(self.store.read_panel()));
        true
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
        let saved = self.save_pending(idle);
        let read = self.read_panel();
        saved || read
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
