use std::process::ExitCode;

use panelist::Error;

/// mimalloc, not glibc's allocator: merging a national cycle allocates
/// millions of small strings on every core, and glibc grows each thread's
/// arena a few pages at a time (37,000 `mprotect` calls for one merge of
/// 10,000 regions, contending for the address-space lock). mimalloc made
/// that merge a quarter faster for 40 MB more at its peak (README,
/// Performance). Built without transparent huge pages (Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match panelist::cli::parse() {
        Ok(cli) => cli,
        Err(problem) => {
            panelist::errln!("{problem}");
            return ExitCode::from(1);
        }
    };
    match panelist::commands::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Usage(message)) => {
            panelist::errln!("panelist: {message}");
            ExitCode::from(2)
        }
        Err(Error::Invalid(problems)) => {
            for problem in &problems.0 {
                panelist::errln!("{problem}");
            }
            panelist::errln!("{}", panelist::t!("cmd-problems", count = problems.count()));
            ExitCode::from(1)
        }
        Err(err) => {
            panelist::errln!("panelist: {err}");
            ExitCode::from(1)
        }
    }
}
