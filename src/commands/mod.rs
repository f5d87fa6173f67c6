//! One module per command: each reads what it needs, calls the pure core and
//! writes or prints the outcome.

mod check;
mod history;
mod init;
mod journals;
mod mark;
pub(crate) mod merge;
mod progress_bar;
mod results;
mod status;
mod submit;

use crate::Error;
use crate::cli::{Cli, Command};

/// Runs a command, in the language [`crate::cli::parse`] set. `Ok` means
/// success (exit 0).
pub fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::History(args) => history::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Mark(args) => mark::run(args),
        Command::Submit(args) => submit::run(args),
        Command::Status(args) => status::run(args),
        Command::Review(args) => crate::tui::review::run(args),
        Command::Init(args) => init::run(args),
        Command::Results(args) => results::run(args),
        Command::Serve(args) => crate::serve::run(args),
    }
}

/// Looks up what a reviewer names on the command line, or says what exists
/// (`kind` is the catalog key of the kind's name).
fn known<'a, T>(
    kind: &str,
    id: &str,
    found: Option<&'a T>,
    choices: impl Iterator<Item = &'a str>,
) -> Result<&'a T, Error> {
    found.ok_or_else(|| {
        let choices: Vec<&str> = choices.collect();
        Error::Refused(crate::t!(
            "cmd-unknown",
            kind = crate::i18n::text(kind, &[]),
            id = id,
            known = if choices.len() > 12 {
                crate::t!(
                    "cmd-known-many",
                    first = choices[..12].join(", "),
                    count = choices.len()
                )
            } else {
                choices.join(", ")
            }
        ))
    })
}
