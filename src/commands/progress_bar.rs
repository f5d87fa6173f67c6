//! A progress bar for commands that read many panel files: on stderr only,
//! and only when stderr is a terminal, so that scripts and logs see nothing.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressStyle};

use crate::store::Progress;

/// Fewer files than this read too fast for a bar to be worth drawing.
pub const MIN_FILES: usize = 20;

/// The bar of reading panel files, drawn once reading starts.
#[derive(Default)]
pub struct Reading(OnceLock<ProgressBar>);

impl Reading {
    pub fn new() -> Reading {
        Reading::default()
    }
}

impl Progress for Reading {
    fn start(&self, files: usize) {
        let _ = self.0.set(bar(files));
    }

    fn read(&self, path: &Path) {
        if let Some(bar) = self.0.get() {
            bar.set_message(path.display().to_string());
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.get() {
            bar.finish_and_clear();
        }
    }
}

/// A bar over `files` files, hidden unless there are more than [`MIN_FILES`]
/// and stderr is a terminal.
fn bar(files: usize) -> ProgressBar {
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
