//! `panelist results`: the chair's TUI over the committee results.

use crate::Error;
use crate::cli::DirArgs;

pub fn run(args: DirArgs) -> Result<(), Error> {
    crate::tui::results::run(args.dir.as_deref())
}
