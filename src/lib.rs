//! panelist: expert review panels in the terminal.
//!
//! The pure core — [`model`], [`validate`], [`merge`], [`progress`],
//! [`report`] — reads no file and prints nothing. [`store`] owns the files:
//! loading a review, and the one locked, atomic save every writer uses.
//! [`commands`] wires them to the command line of [`cli`].

#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod cli;
pub mod commands;
pub mod config;
mod error;
pub mod merge;
pub mod model;
pub mod progress;
pub mod report;
pub mod source;
pub mod store;
pub mod tui;
pub mod validate;

pub use error::{Error, Problem, Problems, io_reason};
