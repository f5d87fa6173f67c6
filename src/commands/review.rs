//! `panelist review`: the reviewer's TUI on the local terminal.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::model::Review;
use crate::store;
use crate::tui::review::{open_panel, run_session};
use crate::tui::session::Setup;
use crate::tui::terminal::{Guard, LocalEvents};
use crate::{Error, config};

/// `panelist review [DIR] [--reviewer ID] [--panel ID]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub reviewer: Option<String>,
    #[arg(long)]
    pub panel: Option<String>,
}

/// Runs the reviewer's TUI on the local terminal.
pub fn run(args: Args) -> Result<(), Error> {
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
    let setup = Setup::local();
    setup.enter_process();
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
        setup,
    );
    drop(guard);
    outcome.map(|_| ())
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
