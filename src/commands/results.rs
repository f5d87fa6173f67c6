//! `panelist results`: the chair's TUI over the committee results, on the
//! local terminal.

use std::path::PathBuf;

use crate::store;
use crate::tui::results::{App, Data, DirLoader, ResultsScreen, data};
use crate::tui::session::Setup;
use crate::tui::shell;
use crate::tui::terminal::{Guard, LocalEvents};
use crate::{Error, Problems, config};

/// `panelist results [DIR]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
}

/// Runs the results TUI on the local terminal. Invalid files, and regions
/// that the review this one follows did not select, are reported before
/// the terminal is taken over, as `merge` reports them.
pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    // The problems found in the files, by any thread, are in the screens'
    // language too.
    let setup = Setup::local();
    setup.enter_process();
    // results.ron is read beside review.ron: the screen opens over it.
    let (review, written) = rayon::join(|| store::load_review(&dir), || data::written(&dir));
    let review = review?;
    let followed = store::check_follows(&review);
    if !followed.problems.is_empty() {
        return Err(Error::Invalid(Problems(followed.problems)));
    }
    for warning in &followed.warnings {
        crate::errln!("{}", crate::t!("cmd-warning", warning = warning));
    }
    let data = Data::read(review, written)?;
    let (mut terminal, guard) =
        Guard::enter().map_err(|e| Error::io("set up", "the terminal".as_ref(), e))?;
    let outcome = LocalEvents::start()
        .map_err(|e| Error::io("read", "the terminal".as_ref(), e))
        .map(|mut events| {
            let mut screen = ResultsScreen::new(App::new(data, setup.theme), DirLoader(dir));
            // However the loop ends (quit, signal, terminal gone), there is
            // nothing to save: the results screen only reads.
            let _exit = shell::run(&mut terminal, &mut screen, &mut events, &guard.stop);
        });
    drop(guard);
    outcome
}
