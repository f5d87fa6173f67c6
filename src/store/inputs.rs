//! The one loader of a review's panel files: every reader of them (`check`,
//! `merge`, `status`, the results screen) goes through [`read_panel_files`],
//! and those that need them all at once through [`load_inputs`]. What
//! `check` and `merge` find wrong with `review.ron` before they read the
//! panel files comes from [`inspect_review`], so that both list the same
//! problems, all of them in one run; `merge` reads the panel files while
//! `review.ron` is parsed ([`inspect_and_load`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::follows::{Followed, check_follows};
use super::panel_files::{
    LoadedPanelFile, lost_panel_files, panel_file_paths, parse_panel_file, read_panel_file,
    validated,
};
use super::review::{LoadedReview, read_review};
use crate::merge::{ConsensusRef, MergeOptions, Results, SheetRef, merge_validated};
use crate::model::Index;
use crate::source::SourceText;
use crate::validate::{self, PanelFileRole};
use crate::{Problem, Problems};

/// A review directory's `review.ron` as written, valid or not, with every
/// problem found in it and in the `follows` it names.
pub struct Inspected {
    pub review: LoadedReview,
    /// Every rule of `review.ron` it breaks, then what refuses its
    /// `follows` (see [`check_follows`]).
    pub problems: Vec<Problem>,
    /// The `follows` check, its problems moved to `problems`: its warnings
    /// and the earlier results it read.
    pub followed: Followed,
}

/// Reads `review.ron` and checks it and its `follows`, keeping the review
/// even when invalid: `check` and `merge` go on to read the panel files
/// against it and list every problem of the directory at once, rather
/// than one kind per run. `Err` only when `review.ron` cannot be read or
/// parsed, and then nothing else can be checked.
pub fn inspect_review(dir: &Path) -> Result<Inspected, Problem> {
    let (source, review) = read_review(dir)?;
    let mut problems = validate::review(&review, &source);
    let fingerprint = review.fingerprint();
    let review = LoadedReview {
        dir: dir.to_path_buf(),
        source,
        review,
        fingerprint,
    };
    let mut followed = check_follows(&review);
    problems.append(&mut followed.problems);
    Ok(Inspected {
        review,
        problems,
        followed,
    })
}

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
    let paths = input_paths(&review.dir, added, &mut problems);
    problems.extend(lost_panel_files(review));
    progress.start(paths.len());
    let outcomes = read_panel_files(review, &index, &paths, |path, outcome| {
        progress.read(path);
        outcome
    });
    progress.finish();
    gather(outcomes, problems)
}

/// [`inspect_review`] and then [`load_inputs`], as `merge` needs them, in
/// less time: the panel files are read and parsed while `review.ron` is
/// (at a national cycle's size that takes one core 60 to 110 ms, which the
/// other spends on panel files), then checked against it. The panel files'
/// problems join `review.ron`'s in [`Inspected::problems`], after them, and
/// the files are those read when there are none. `Err` only as
/// [`inspect_review`].
pub fn inspect_and_load(
    dir: &Path,
    added: &[PathBuf],
    progress: &dyn Progress,
) -> Result<(Inspected, Vec<LoadedPanelFile>), Problem> {
    use rayon::prelude::*;
    let mut problems = Vec::new();
    let paths = input_paths(dir, added, &mut problems);
    progress.start(paths.len());
    let lang = crate::i18n::lang();
    let (inspected, parsed) = rayon::join(
        || crate::i18n::with_lang(lang, || inspect_review(dir)),
        || {
            (paths.par_iter().with_max_len(1))
                .map(|(path, role)| {
                    let parsed = crate::i18n::with_lang(lang, || parse_panel_file(path, *role));
                    progress.read(path);
                    parsed
                })
                .collect::<Vec<_>>()
        },
    );
    let mut inspected = inspected?;
    let review = &inspected.review;
    problems.extend(lost_panel_files(review));
    let index = Index::new(&review.review);
    let outcomes: Vec<_> = (parsed.into_par_iter().zip(&paths))
        .map(|(parsed, (_, role))| {
            crate::i18n::with_lang(lang, || {
                parsed.and_then(|(source, file)| validated(review, &index, source, file, *role))
            })
        })
        .collect();
    progress.finish();
    let files = match gather(outcomes, problems) {
        Ok(files) => files,
        Err(found) => {
            inspected.problems.extend(found.0);
            Vec::new()
        }
    };
    Ok((inspected, files))
}

/// The panel files of `scores/` and those `added`, each with its role; a
/// `scores/` that cannot be listed is a problem.
fn input_paths(
    dir: &Path,
    added: &[PathBuf],
    problems: &mut Vec<Problem>,
) -> Vec<(PathBuf, PanelFileRole)> {
    let mut paths = Vec::new();
    match panel_file_paths(dir) {
        Ok(found) => paths.extend(found.into_iter().map(|p| (p, PanelFileRole::Scores))),
        Err(problem) => problems.push(problem),
    }
    paths.extend(added.iter().map(|p| (p.clone(), PanelFileRole::Added)));
    paths
}

/// The files read, or every problem found reading them and before.
fn gather(
    outcomes: Vec<Result<LoadedPanelFile, Problems>>,
    mut problems: Vec<Problem>,
) -> Result<Vec<LoadedPanelFile>, Problems> {
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
    // Consensus sections come from the panel files in scores/ only.
    let consensus: Vec<ConsensusRef> = files
        .iter()
        .filter(|loaded| loaded.role == PanelFileRole::Scores)
        .filter_map(|loaded| {
            Some(ConsensusRef {
                origin: &loaded.source.path,
                panel: &loaded.file.panel,
                consensus: loaded.file.consensus.as_ref()?,
            })
        })
        .collect();
    merge_validated(&review.review, &sheets, &consensus, options).map_err(|errors| {
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

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    /// review.ron is read on one of the pool's threads, which speak the
    /// caller's language (an SSH session's), not the process's.
    #[test]
    fn review_ron_problems_speak_the_callers_language() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let problem = with_lang(Lang::Ja, || inspect_and_load(dir.path(), &[], &()))
            .err()
            .expect("no review.ron is a problem");
        assert!(
            problem.to_string().contains("review.ron がありません"),
            "{problem}"
        );
    }
}
