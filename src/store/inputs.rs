//! The one loader of a review's panel files: every reader of them (`check`,
//! `merge`, `status`, the results screen) goes through [`read_panel_files`],
//! and those that need them all at once through [`load_inputs`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::panel_files::{LoadedPanelFile, lost_panel_files, panel_file_paths, read_panel_file};
use super::review::LoadedReview;
use crate::merge::{MergeOptions, Results, SheetRef, merge_validated};
use crate::model::Index;
use crate::source::SourceText;
use crate::validate::PanelFileRole;
use crate::{Problem, Problems};

/// Told how reading many files goes, from any thread: a command's progress
/// bar. `()` tells nobody.
pub trait Progress: Sync {
    /// Reading `files` files starts.
    fn start(&self, _files: usize) {}
    /// `path` was read (or failed to be).
    fn read(&self, _path: &Path) {}
    /// Every file was read.
    fn finish(&self) {}
}

impl Progress for () {}

/// Reads and validates many panel files in parallel (parsing is nearly all
/// the cost of `check` and `merge`, and panel files are independent), and
/// hands each outcome to `each`, on any thread, as soon as it is read: a
/// progress bar ticks there, and a caller that keeps only a summary never
/// holds every file at once. What `each` returns is in the order of `paths`.
pub fn read_panel_files<T: Send>(
    review: &LoadedReview,
    index: &Index,
    paths: &[(PathBuf, PanelFileRole)],
    each: impl Fn(&Path, Result<LoadedPanelFile, Problems>) -> T + Sync,
) -> Vec<T> {
    use rayon::prelude::*;
    // The pool's threads speak the caller's language (an SSH session's).
    let lang = crate::i18n::lang();
    paths
        .par_iter()
        .with_max_len(1)
        .map(|(path, role)| {
            crate::i18n::with_lang(lang, || {
                each(path, read_panel_file(review, index, path, *role))
            })
        })
        .collect()
}

/// Every panel file of `scores/` and every file of `added` (`merge --add`),
/// read and validated on all cores, or the problems of all of them at once.
/// A panel file that is missing while its journal holds changes is a
/// problem too: reading on without it would drop marks.
pub fn load_inputs(
    review: &LoadedReview,
    added: &[PathBuf],
    progress: &dyn Progress,
) -> Result<Vec<LoadedPanelFile>, Problems> {
    let index = Index::new(&review.review);
    let mut problems = Vec::new();
    let mut paths = Vec::new();
    match panel_file_paths(&review.dir) {
        Ok(found) => paths.extend(found.into_iter().map(|p| (p, PanelFileRole::Scores))),
        Err(problem) => problems.push(problem),
    }
    problems.extend(lost_panel_files(review));
    paths.extend(added.iter().map(|p| (p.clone(), PanelFileRole::Added)));
    progress.start(paths.len());
    let outcomes = read_panel_files(review, &index, &paths, |path, outcome| {
        progress.read(path);
        outcome
    });
    progress.finish();
    let mut files = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Ok(file) => files.push(file),
            Err(found) => problems.extend(found.0),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Problems(problems))
    }
}

/// The committee results of loaded files, as [`load_inputs`] returns them:
/// validated, so their sheets are not checked again. The merge's errors
/// are located in the files they name.
pub fn merge_inputs(
    review: &LoadedReview,
    files: &[LoadedPanelFile],
    options: MergeOptions,
) -> Result<Results, Problems> {
    let sheets: Vec<SheetRef> = files
        .iter()
        .flat_map(|loaded| {
            loaded.file.sheets.iter().map(|(reviewer, sheet)| SheetRef {
                origin: &loaded.source.path,
                panel: &loaded.file.panel,
                reviewer,
                sheet,
            })
        })
        .collect();
    merge_validated(&review.review, &sheets, options).map_err(|errors| {
        let sources: HashMap<&Path, &SourceText> = files
            .iter()
            .map(|f| (f.source.path.as_path(), &f.source))
            .collect();
        let problems = errors
            .iter()
            .map(|e| match sources.get(e.origin.as_path()) {
                _ if e.origin.as_os_str().is_empty() => e.finding.locate(&review.source),
                Some(source) => e.finding.locate(source),
                None => Problem::at(&e.origin, None, e.finding.message.clone()),
            })
            .collect();
        Problems(problems)
    })
}
