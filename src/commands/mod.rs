//! One module per command, as SPEC.md's table of commands: each declares
//! its arguments, reads what it needs, calls the layers below and writes or
//! prints the outcome. The only layer that prints (through `outln!` and
//! `errln!`) besides [`crate::cli`] and `main`.

pub mod agenda;
pub mod assign;
pub mod check;
pub mod consensus;
pub mod feedback;
pub mod form;
pub mod history;
pub mod import;
pub mod init;
mod init_from;
mod known;
pub mod mark;
pub mod merge;
mod progress_bar;
pub mod results;
pub mod review;
pub mod serve;
pub mod status;
pub mod submit;

use clap::Subcommand;

use crate::Error;

/// The commands, in the order `--help` lists them.
#[derive(Debug, Subcommand)]
pub enum Command {
    Review(review::Args),
    Merge(merge::Args),
    Results(results::Args),
    Status(status::Args),
    Check(check::Args),
    History(history::Args),
    #[command(
        override_usage = "panelist mark [DIR] --reviewer ID --panel ID REGION CRITERION POINTS [--note TEXT]"
    )]
    Mark(mark::Args),
    Submit(submit::Args),
    Init(init::Args),
    Assign(assign::Args),
    #[command(
        override_usage = "panelist consensus [DIR] --panel ID [--as ID] [REGION CRITERION POINTS [--note TEXT]]"
    )]
    Consensus(consensus::Args),
    Agenda(agenda::Args),
    Feedback(feedback::Args),
    #[command(
        override_usage = "panelist form [DIR] --reviewer ID --panel ID [--out FILE] [--format xlsx|csv]"
    )]
    Form(form::Args),
    #[command(override_usage = "panelist import [DIR] FILE... [--dry-run] [--force] [--reopen]")]
    Import(import::Args),
    Serve(serve::Args),
}

/// Runs a command, in the language [`crate::cli::parse`] set. `Ok` means
/// success (exit 0).
pub fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Check(args) => check::run(args),
        Command::History(args) => history::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Mark(args) => mark::run(args),
        Command::Submit(args) => submit::run(args),
        Command::Status(args) => status::run(args),
        Command::Review(args) => review::run(args),
        Command::Init(args) => init::run(args),
        Command::Assign(args) => assign::run(args),
        Command::Consensus(args) => consensus::run(args),
        Command::Agenda(args) => agenda::run(args),
        Command::Feedback(args) => feedback::run(args),
        Command::Results(args) => results::run(args),
        Command::Form(args) => form::run(args),
        Command::Import(args) => import::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
