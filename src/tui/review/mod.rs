//! `panelist review`: the reviewer's TUI.

pub mod app;
mod chooser;
pub mod view;

use std::io::IsTerminal;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui::{Frame, Terminal};

pub use app::{App, Msg};
pub use chooser::Chooser;

use crate::cli::ReviewArgs;
use crate::model::{Change, Review};
use crate::store::{self, LoadedReview, RealIo, Saved, SessionLock};
use crate::tui::shell::{self, Events, Exit, Screen};
use crate::tui::terminal::{Guard, LocalEvents};
use crate::tui::theme::Theme;
use crate::{Error, config};

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

/// Who the reviewer is: `--reviewer`, else `$PANELIST_REVIEWER`, else the
/// login name matched against `login`, else against `id`.
pub fn identify(
    review: &Review,
    given: Option<&str>,
    env: Option<&str>,
    login: Option<&str>,
) -> Result<String, Error> {
    let known = |id: &str| review.reviewer(id).map(|r| r.id.clone());
    if let Some(id) = given.or(env) {
        let source = if given.is_some() {
            "--reviewer"
        } else {
            "PANELIST_REVIEWER"
        };
        return known(id).ok_or_else(|| {
            Error::Refused(crate::t!(
                "review-not-a-reviewer",
                source = source,
                id = id,
                review = review.id
            ))
        });
    }
    let login = login.unwrap_or("");
    review
        .reviewers
        .iter()
        .find(|r| r.login.as_deref() == Some(login))
        .map(|r| r.id.clone())
        .or_else(|| known(login))
        .ok_or_else(|| Error::Refused(crate::t!("review-who", login = login, review = review.id)))
}

/// Runs the reviewer's TUI on the local terminal.
pub fn run(args: ReviewArgs) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let env = std::env::var("PANELIST_REVIEWER")
        .ok()
        .filter(|v| !v.is_empty());
    let login = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .ok();
    let reviewer = identify(
        &review.review,
        args.reviewer.as_deref(),
        env.as_deref(),
        login.as_deref(),
    )?;
    // Refuse a second session before taking over the terminal, so that the
    // message stays on screen.
    let opened = open_panel(&review, &reviewer, args.panel.as_deref())?;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Error::Refused(crate::t!("review-needs-terminal")));
    }
    let theme = Theme::from_process_env();
    let (mut terminal, guard) =
        Guard::enter().map_err(|e| Error::io("set up", "the terminal".as_ref(), e))?;
    let mut events =
        LocalEvents::start().map_err(|e| Error::io("read", "the terminal".as_ref(), e))?;
    let outcome = run_session(
        &mut terminal,
        &mut events,
        &guard.stop,
        &review,
        &reviewer,
        opened,
        theme,
    );
    drop(guard);
    outcome.map(|_| ())
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
    theme: Theme,
) -> Result<Exit, Error>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    // Japanese needs a UTF-8 terminal: without one, the interface is English
    // and the app says once why (Japanese data shows as ?).
    if !theme.unicode && crate::i18n::lang() == crate::i18n::Lang::Ja {
        crate::i18n::set_lang(crate::i18n::Lang::En);
    }
    let (panel, _session) = match opened {
        Some(opened) => opened,
        None => {
            let mut chooser = Chooser::new(review, reviewer, theme);
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
