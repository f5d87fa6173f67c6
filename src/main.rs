use std::process::ExitCode;

use clap::Parser;
use panelist::Error;
use panelist::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match panelist::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Usage(message)) => {
            eprintln!("panelist: {message}");
            ExitCode::from(2)
        }
        Err(Error::Invalid(problems)) => {
            for problem in &problems.0 {
                eprintln!("{problem}");
            }
            eprintln!(
                "panelist: {} problem(s) found; nothing was written",
                problems.0.len()
            );
            ExitCode::from(1)
        }
        Err(err) => {
            eprintln!("panelist: {err}");
            ExitCode::from(1)
        }
    }
}
