use std::process::ExitCode;

use clap::Parser;
use panelist::Error;
use panelist::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match panelist::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Usage(message)) => {
            panelist::errln!("panelist: {message}");
            ExitCode::from(2)
        }
        Err(Error::Invalid(problems)) => {
            for problem in &problems.0 {
                panelist::errln!("{problem}");
            }
            panelist::errln!(
                "panelist: {} problem(s) found; nothing was written",
                problems.0.len()
            );
            ExitCode::from(1)
        }
        Err(err) => {
            panelist::errln!("panelist: {err}");
            ExitCode::from(1)
        }
    }
}
