#![no_main]
//! The merge over arbitrary sheets of the sample review: marks anywhere
//! (valid or not), drafts, conflicts, duplicate copies from several files.
//! It must return results or errors, never panic, and its results must be
//! consistent; the analysis of how solid the selection is runs over them.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: panelist_fuzz::MergeInput| panelist_fuzz::merge_sheets(&input));
