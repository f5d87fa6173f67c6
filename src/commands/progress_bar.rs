//! A progress bar for commands that read many panel files: on stderr only,
//! and only when stderr is a terminal, so that scripts and logs see nothing.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Fewer files than this read too fast for a bar to be worth drawing.
pub const MIN_FILES: usize = 20;

/// A bar over `files` files, hidden unless there are more than [`MIN_FILES`]
/// and stderr is a terminal.
pub fn reading(files: usize) -> ProgressBar {
    if files <= MIN_FILES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) =
        ProgressStyle::with_template("reading panel files {bar:30} {pos}/{len} {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}
