//! What the merge takes: sheets as found in files, and its options; what it
//! refuses, located in those files.

use std::path::{Path, PathBuf};

use crate::model::{Consensus, Sheet};
use crate::validate::Finding;

/// One sheet as found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetInput {
    /// The file the sheet was read from, to name it in warnings and errors.
    pub origin: PathBuf,
    pub panel: String,
    pub reviewer: String,
    pub sheet: Sheet,
}

/// One sheet as found in one file, borrowed from where it was read: a
/// national cycle's half a million marks are merged without a copy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetRef<'a> {
    /// The file the sheet was read from, to name it in warnings and errors.
    pub origin: &'a Path,
    pub panel: &'a str,
    pub reviewer: &'a str,
    pub sheet: &'a Sheet,
}

impl<'a> From<&'a SheetInput> for SheetRef<'a> {
    fn from(input: &'a SheetInput) -> Self {
        SheetRef {
            origin: &input.origin,
            panel: &input.panel,
            reviewer: &input.reviewer,
            sheet: &input.sheet,
        }
    }
}

/// A panel's consensus section as found in its file in `scores/`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConsensusRef<'a> {
    /// The file it was read from, to name it in errors.
    pub origin: &'a Path,
    pub panel: &'a str,
    pub consensus: &'a Consensus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Count draft sheets too (`--include-drafts`).
    pub include_drafts: bool,
}

/// A reason the merge can't produce results, in the file it names.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeError {
    /// The panel file; empty for `review.ron` (a budget that cannot be met).
    pub origin: PathBuf,
    pub finding: Finding,
}
