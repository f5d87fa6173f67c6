//! Rule 1: which sheets there are, and which copy of each counts.

use std::collections::BTreeMap;

use super::input::{MergeError, SheetRef};
use crate::model::Index;
use crate::source::Anchor;
use crate::validate::{Finding, sheet_findings};

/// Whether the merge checks each sheet against SPEC.md's rules first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Validation {
    Sheets,
    Done,
}

/// The winning sheet of each (panel, reviewer), with every copy found of it.
pub(super) type Winners<'s, 'a> = Vec<(&'s SheetRef<'a>, Vec<&'s SheetRef<'a>>)>;

/// Rule 1: validates each sheet, then resolves (panel, reviewer) sheets that
/// come from more than one file.
pub(super) fn resolve_duplicates<'s, 'a>(
    index: &Index,
    sheets: &'s [SheetRef<'a>],
    validation: Validation,
    warnings: &mut Vec<String>,
) -> Result<Winners<'s, 'a>, Vec<MergeError>> {
    let mut errors = Vec::new();
    let mut groups: BTreeMap<(&str, &str), Vec<&SheetRef>> = BTreeMap::new();
    for input in sheets {
        let Some(panel) = index.panel_index(input.panel) else {
            errors.push(MergeError {
                origin: input.origin.to_path_buf(),
                finding: Finding::new(
                    &[Anchor::Field("panel")],
                    crate::t!("merge-unknown-panel", panel = input.panel),
                ),
            });
            continue;
        };
        if validation == Validation::Sheets {
            for finding in sheet_findings(index, panel, input.reviewer, input.sheet) {
                errors.push(MergeError {
                    origin: input.origin.to_path_buf(),
                    finding,
                });
            }
        }
        groups
            .entry((input.panel, input.reviewer))
            .or_default()
            .push(input);
    }
    let mut winners = Vec::new();
    for ((panel, reviewer), mut copies) in groups {
        // In file-name order: which of identical copies counts, and the order
        // of warnings and sheets in the results, must not depend on the order
        // the files were given in.
        copies.sort_by(|a, b| a.origin.cmp(b.origin));
        let mut distinct: Vec<&SheetRef> = Vec::new();
        for copy in &copies {
            if !distinct.iter().any(|d| d.sheet == copy.sheet) {
                distinct.push(copy);
            }
        }
        let latest = distinct.iter().map(|d| d.sheet.updated).max();
        let newest: Vec<&&SheetRef> = distinct
            .iter()
            .filter(|d| Some(d.sheet.updated) == latest)
            .collect();
        let [winner] = newest[..] else {
            let files: Vec<String> = newest
                .iter()
                .map(|d| d.origin.display().to_string())
                .collect();
            errors.push(MergeError {
                origin: newest[0].origin.to_path_buf(),
                finding: Finding::new(
                    &[Anchor::Field("sheets"), Anchor::str(reviewer)],
                    crate::t!(
                        "merge-copies-tie",
                        reviewer = reviewer,
                        panel = panel,
                        files = files.join(", "),
                        updated = newest[0].sheet.updated
                    ),
                ),
            });
            continue;
        };
        for other in distinct.iter().filter(|d| !std::ptr::eq(**d, *winner)) {
            warnings.push(crate::t!(
                "merge-copy-wins",
                reviewer = reviewer,
                panel = panel,
                winner = winner.origin.display(),
                winner_updated = winner.sheet.updated,
                other = other.origin.display(),
                other_updated = other.sheet.updated
            ));
        }
        winners.push((*winner, copies));
    }
    if errors.is_empty() {
        Ok(winners)
    } else {
        Err(errors)
    }
}
