//! panelist: expert review panels in the terminal.
//!
//! Layers, each importing only from those below it (ARCHITECTURE.md): the
//! pure core — [`model`], [`source`], [`validate`], [`merge`],
//! [`analysis`], [`report`] — reads no file and prints nothing; [`store`]
//! owns the files, with the one locked, atomic save every writer uses; the
//! [`tui`] apps and the [`serve`]r sit on them; [`commands`] carries out
//! the command line of [`cli`], and alone prints.

#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

/// Like `println!`, but a closed stdout (`panelist status | head -1`) or a
/// vanished terminal is not a panic: the line is dropped.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Like `print!`, but a closed stdout or a vanished terminal is not a panic.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Like `eprintln!`, without the panic when stderr is gone (a hung-up terminal).
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

pub mod agenda;
pub mod analysis;
pub mod assign;
pub mod cli;
pub mod commands;
pub mod config;
mod error;
pub mod form;
pub mod i18n;
pub mod lottery;
pub mod merge;
pub mod model;
pub mod progress;
pub mod report;
pub mod rng;
pub mod serve;
pub mod source;
pub mod store;
pub mod synthetic;
pub mod text;
pub mod tui;
pub mod validate;

pub use error::{Error, Problem, Problems, io_reason};
