//! Every integration test in one binary: the shared helpers of [`common`]
//! compile once, and the tests link once.
//!
//! Tests may print what they skip or measure, and a scenario may run long.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::too_many_lines)]

mod common;

mod agenda;
mod analysis;
mod assign_cmd;
mod assignment;
mod chair_japanese;
mod cli;
mod concurrency;
mod consensus;
mod consensus_tui;
mod crash_safety;
mod discussion;
mod faults;
mod feedback;
mod forms;
mod forms_hostile;
mod fuzz_corpus;
mod i18n;
mod init;
mod large_report;
mod lottery;
mod merge_props;
mod merge_rules;
mod midterm_consensus;
mod programme;
mod report_golden;
mod results_file;
mod results_programme;
mod results_tui;
mod review_pty;
mod review_tui;
mod reviewer_programme;
mod revised;
mod sample_assignment;
mod samples;
mod serve;
mod serve_hostile;
mod soak;
mod stages;
mod teams;
mod tidy;
mod validation;
