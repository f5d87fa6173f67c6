//! Every panel's journal checked against its panel file (`check`): torn or
//! damaged lines reported, panel files that disagree with their journal
//! called out, and with `--repair` a lost or damaged panel file rebuilt from
//! its journal, under the panel's lock like every save.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::atomic::{remove_leftovers, write_atomic};
use super::journal::{self, Entry, Event, Journal};
use super::lock::PanelLock;
use super::own_file::PANEL_FILE_MODE;
use super::panel_files::{now, read_panel_file, unrepaired};
use super::pretty::to_ron;
use super::review::LoadedReview;
use super::session::remove_dead_sessions;
use crate::model::{Index, PanelFile};
use crate::source::SourceText;
use crate::validate::{self, PanelFileRole};
use crate::{Error, Problem};

/// What checking the journals found and did.
#[derive(Debug, Default)]
pub struct JournalReport {
    /// Problems that make the review invalid (exit 1).
    pub problems: Vec<Problem>,
    /// Reported, not fatal: torn journal lines, files that differ from their journal.
    pub warnings: Vec<String>,
    /// Panel files rebuilt from their journal (their earlier problems are gone).
    pub repaired: Vec<PathBuf>,
    /// What `--repair` did, in sentences.
    pub done: Vec<String>,
}

/// Checks every panel's journal against its panel file. `invalid` are the
/// panel files that failed to read or validate.
pub fn check_journals(
    review: &LoadedReview,
    invalid: &HashSet<PathBuf>,
    repair: bool,
) -> JournalReport {
    use rayon::prelude::*;
    // One index for every panel: a national review's index (its regions,
    // conflicts and assignments) takes milliseconds to build, hundreds of
    // times over. The panels are checked on every core, each under its own
    // lock, and their findings kept in panel order.
    let index = Index::new(&review.review);
    let lang = crate::i18n::lang();
    let reports: Vec<JournalReport> = review
        .review
        .panels
        .par_iter()
        .with_max_len(1)
        .map(|panel| {
            crate::i18n::with_lang(lang, || {
                let mut report = JournalReport::default();
                check_panel(review, &index, &panel.id, invalid, repair, &mut report);
                report
            })
        })
        .collect();
    let mut report = JournalReport::default();
    for one in reports {
        report.problems.extend(one.problems);
        report.warnings.extend(one.warnings);
        report.repaired.extend(one.repaired);
        report.done.extend(one.done);
    }
    report
}

fn check_panel(
    review: &LoadedReview,
    index: &Index,
    panel: &str,
    invalid: &HashSet<PathBuf>,
    repair: bool,
    report: &mut JournalReport,
) {
    let scores = review.scores_dir();
    let path = review.panel_path(panel);
    let journal_path = journal::journal_path(&scores, panel);
    let mut journal = match journal::read(&journal_path) {
        Ok(journal) => journal,
        Err(problem) => return report.problems.push(problem),
    };
    for problem in &journal.problems {
        report.warnings.push(problem.to_string());
    }
    // The file is read only when the journal has something to hold it to:
    // a panel without a journal costs nothing more than `check` has spent.
    let needs_file = journal.holds_confirmed() || !journal.interrupted().is_empty();
    let file = (needs_file && path.exists() && !invalid.contains(&path))
        .then(|| read_panel_file(review, index, &path, PanelFileRole::Scores).ok())
        .flatten();
    // A last save killed after it replaced the file: the file holds it, so
    // it counts; only its commit line is missing.
    let completed = file
        .as_ref()
        .and_then(|f| journal.completed_uncommitted(&f.file));
    for save in journal.interrupted() {
        let (journal, line) = (journal_path.display(), save.line);
        let (reviewer, changes) = (&save.reviewer, save.changes);
        report.warnings.push(if Some(save.save) == completed {
            crate::t!(
                "journal-unrecorded",
                journal = journal,
                line = line,
                reviewer = reviewer,
                changes = changes
            )
        } else {
            crate::t!(
                "journal-interrupted",
                journal = journal,
                line = line,
                reviewer = reviewer,
                changes = changes
            )
        });
    }
    if let Some(id) = completed {
        journal.entries.push((0, commit(id)));
    }
    if repair {
        clear_dead_writers(&scores, panel, &path, &journal_path, completed, report);
    }
    // Nothing confirmed: no file to miss, nothing to compare with.
    if !journal.holds_confirmed() {
        return;
    }
    let missing = !path.exists();
    if missing || invalid.contains(&path) {
        if repair {
            repair_file(review, panel, &path, &journal_path, missing, report);
        } else {
            let what = if missing {
                crate::t!("store-is-missing")
            } else {
                crate::t!("store-is-damaged")
            };
            report
                .problems
                .push(unrepaired(&path, &journal_path, &what));
        }
    } else if let Some(file) = file {
        compare(&file.file, &path, &journal_path, &journal, report);
    }
}

/// The commit line of save `id`, written by `check --repair`.
fn commit(id: u64) -> Entry {
    Entry {
        at: now(),
        reviewer: String::new(),
        event: Event::Committed,
        save: Some(id),
    }
}

/// Under the panel's lock (so that no save under way loses its own):
/// removes what writers killed mid-save left behind (their temporary files,
/// their session files), and completes the record of a save that reached
/// the file (`completed`).
fn clear_dead_writers(
    scores: &Path,
    panel: &str,
    path: &Path,
    journal_path: &Path,
    completed: Option<u64>,
    report: &mut JournalReport,
) {
    if !scores.is_dir() {
        return;
    }
    let _lock = match PanelLock::acquire(scores, panel) {
        Ok(lock) => lock,
        Err(err) => {
            return report
                .problems
                .push(Problem::at(path, None, err.to_string()));
        }
    };
    remove_leftovers(path);
    remove_dead_sessions(scores, panel);
    if let Some(id) = completed
        && let Err(e) = journal::append(journal_path, &[commit(id)])
    {
        report
            .problems
            .push(Problem::at(journal_path, None, e.to_string()));
    }
}

/// Rebuilds a lost or damaged panel file from its journal, under the
/// panel's lock as every save: a reviewer saving meanwhile would otherwise
/// append to the journal after it was read here, and the rebuilt file would
/// lack that mark.
fn repair_file(
    review: &LoadedReview,
    panel: &str,
    path: &Path,
    journal_path: &Path,
    missing: bool,
    report: &mut JournalReport,
) {
    let scores = review.scores_dir();
    let _lock = match PanelLock::acquire(&scores, panel) {
        Ok(lock) => lock,
        Err(err) => {
            return report
                .problems
                .push(Problem::at(path, None, err.to_string()));
        }
    };
    // A save rebuilds a missing file by itself: if one did while we
    // waited, there is nothing left to repair.
    if missing && path.exists() {
        return;
    }
    let journal = match journal::read(journal_path) {
        Ok(journal) => journal,
        Err(problem) => return report.problems.push(problem),
    };
    rebuild(review, panel, path, journal_path, &journal, missing, report);
}

/// Rebuilds a panel file by replaying its journal; a damaged file is kept
/// beside it under a new name, never deleted.
fn rebuild(
    review: &LoadedReview,
    panel: &str,
    path: &Path,
    journal_path: &Path,
    journal: &Journal,
    missing: bool,
    report: &mut JournalReport,
) {
    let sheets = journal.replay();
    let marks: usize = sheets.values().map(|s| s.marks().count()).sum();
    let file = PanelFile {
        review: review.review.id.clone(),
        panel: panel.to_string(),
        rubric: review.fingerprint.clone(),
        sheets: sheets.into_iter().collect(),
        consensus: journal.replay_consensus(),
    };
    let text = to_ron(&file);
    // Repairs are rare: the index is built for each.
    let index = Index::new(&review.review);
    let problems = validate::panel_file(
        &index,
        &review.fingerprint,
        &file,
        &SourceText::new(path, text.clone()),
        PanelFileRole::Scores,
    );
    if !problems.is_empty() {
        report.problems.push(Problem::at(
            path,
            None,
            crate::t!(
                "repair-cannot",
                journal = journal_path.display(),
                problem = problems[0].message
            ),
        ));
        return;
    }
    let mut kept = String::new();
    if !missing {
        let stamp = now().strftime("%Y%m%dT%H%M%SZ").to_string();
        let aside = path.with_extension(format!("ron.damaged-{stamp}"));
        if let Err(e) = std::fs::rename(path, &aside) {
            report.problems.push(Problem::io(path, "set aside", &e));
            return;
        }
        kept = crate::t!("repair-kept", path = aside.display());
    }
    match write_atomic(path, text.as_bytes(), PANEL_FILE_MODE) {
        Ok(()) => {
            report.done.push(crate::t!(
                "repair-done",
                path = path.display(),
                journal = journal_path.display(),
                sheets = file.sheets.len(),
                marks = marks,
                kept = kept
            ));
            report.repaired.push(path.to_path_buf());
        }
        Err(Error::Io { source, .. }) => report.problems.push(Problem::io(path, "write", &source)),
        Err(e) => report.problems.push(Problem::at(path, None, e.to_string())),
    }
}

/// Says which reviewers' sheets differ between a valid panel file and its journal.
fn compare(
    file: &PanelFile,
    path: &Path,
    journal_path: &Path,
    journal: &Journal,
    report: &mut JournalReport,
) {
    let replayed = journal.replay();
    let mut differ: Vec<&str> = file
        .sheets
        .iter()
        .filter(|(who, sheet)| {
            replayed.get(*who).is_none_or(|r| {
                r.scores != sheet.scores
                    || r.conflicts != sheet.conflicts
                    || r.submitted != sheet.submitted
            })
        })
        .map(|(who, _)| who.as_str())
        .collect();
    differ.extend(
        replayed
            .keys()
            .filter(|who| !file.sheets.contains_key(*who))
            .map(String::as_str),
    );
    let consensus = |c: Option<&crate::model::Consensus>| c.map(|c| c.marks.clone());
    if consensus(file.consensus.as_ref()) != consensus(journal.replay_consensus().as_ref()) {
        differ.push("consensus");
    }
    if !differ.is_empty() {
        report.warnings.push(crate::t!(
            "repair-differs",
            path = path.display(),
            reviewers = differ.join(", "),
            journal = journal_path.display()
        ));
    }
}
