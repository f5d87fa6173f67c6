//! Files on disk: loading a review directory, and saving a reviewer's sheet.
//!
//! All saves go through [`save_changes`]: one code path for `mark`, `submit` and
//! the TUI. It takes the panel's exclusive lock, re-reads the panel file,
//! changes only the saving reviewer's sheet and writes the file atomically and
//! durably, so reviewers of one panel saving at the same time never lose each
//! other's marks, and a crash leaves the old or the new file, never a torn one.

mod atomic;
mod inputs;
pub mod journal;
mod lock;
mod own_file;
pub(crate) mod pretty;
mod save;
mod session;

use std::path::{Path, PathBuf};

pub use atomic::{remove_leftovers, write_atomic, write_atomic_parts};
pub use inputs::{Progress, load_inputs, merge_inputs, read_panel_files};
pub use lock::PanelLock;
pub use save::{CLI_WAIT, RealIo, SaveIo, Saved, save_changes, save_changes_with};
pub use session::{SessionInfo, SessionLock};

use crate::model::{Index, PanelFile, Review, Sheet};
use crate::source::{SourceText, read_text};
use crate::validate::{self, PanelFileRole};
use crate::{Error, Problem, Problems};

/// Permissions of a new panel file: read and write for the owner and the
/// group (a panel's reviewers when they log in as separate users), nothing for
/// others. See the README's section on file permissions.
pub const PANEL_FILE_MODE: u32 = 0o660;

/// Permissions of the committee results: readable by all who may read the review.
pub const RESULTS_FILE_MODE: u32 = 0o644;

/// A review directory's `review.ron`, parsed and valid.
#[derive(Debug, Clone)]
pub struct LoadedReview {
    pub dir: PathBuf,
    pub source: SourceText,
    pub review: Review,
    pub fingerprint: String,
}

impl LoadedReview {
    pub fn scores_dir(&self) -> PathBuf {
        scores_dir(&self.dir)
    }

    pub fn panel_path(&self, panel: &str) -> PathBuf {
        self.scores_dir().join(format!("{panel}.ron"))
    }
}

pub fn scores_dir(dir: &Path) -> PathBuf {
    dir.join("scores")
}

/// Reads and parses `review.ron` without validating it.
pub fn read_review(dir: &Path) -> Result<(SourceText, Review), Problem> {
    let path = dir.join("review.ron");
    if !dir.is_dir() {
        return Err(Problem::at(dir, None, crate::t!("store-no-dir")));
    }
    if !path.is_file() {
        return Err(Problem::at(&path, None, crate::t!("store-no-review")));
    }
    let source = read_text(&path)?;
    let review = source.parse()?;
    Ok((source, review))
}

/// Reads `review.ron` and refuses it unless it is valid.
pub fn load_review(dir: &Path) -> Result<LoadedReview, Error> {
    let (source, review) = read_review(dir)?;
    let problems = validate::review(&review, &source);
    if !problems.is_empty() {
        return Err(Error::Invalid(Problems(problems)));
    }
    let fingerprint = review.fingerprint();
    Ok(LoadedReview {
        dir: dir.to_path_buf(),
        source,
        review,
        fingerprint,
    })
}

/// A panel file as read from disk, kept with its text for locating problems.
#[derive(Debug, Clone)]
pub struct LoadedPanelFile {
    pub source: SourceText,
    pub file: PanelFile,
}

/// Reads and validates one panel file against the review.
pub fn read_panel_file(
    review: &LoadedReview,
    index: &Index,
    path: &Path,
    role: PanelFileRole,
) -> Result<LoadedPanelFile, Problems> {
    let source = match role {
        PanelFileRole::Scores => crate::source::read_text_no_link(path)?,
        PanelFileRole::Added => read_text(path)?,
    };
    let file = source.parse_panel_file()?;
    let problems = validate::panel_file(index, &review.fingerprint, &file, &source, role);
    if problems.is_empty() {
        Ok(LoadedPanelFile { source, file })
    } else {
        Err(Problems(problems))
    }
}

/// The panel files of `scores/`, sorted by name: every `*.ron` directly in
/// it. Hidden files (locks, temporary files) are not panel files.
pub fn panel_file_paths(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let scores = scores_dir(dir);
    let entries = match std::fs::read_dir(&scores) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Problem::io(&scores, "list", &e)),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Problem::io(&scores, "list", &e))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || path.extension().is_none_or(|ext| ext != "ron") {
            continue;
        }
        paths.push(path);
    }
    paths.sort();
    Ok(paths)
}

/// Reads a reviewer's sheet of a panel, or `None` when they haven't saved yet.
pub fn read_sheet(
    review: &LoadedReview,
    panel: &str,
    reviewer: &str,
) -> Result<Option<Sheet>, Error> {
    let path = review.panel_path(panel);
    if !path.exists() {
        return Ok(None);
    }
    let index = Index::new(&review.review);
    let loaded = read_panel_file(review, &index, &path, PanelFileRole::Scores)?;
    Ok(loaded.file.sheets.get(reviewer).cloned())
}

/// The current time, to the second, as panel files record it.
pub fn now() -> jiff::Timestamp {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now)
}

/// Levels of nesting that [`to_ron`] writes one item per line; deeper ones
/// go on one line (a panel file's marks: `"4-a": Mark(points: 4.5)`).
const DEPTH_LIMIT: usize = 5;

/// Pretty RON with struct names, as SPEC.md shows: readable and diffable by hand.
pub fn to_ron<T: serde::Serialize>(value: &T) -> String {
    to_ron_nested(value, 0)
}

/// [`to_ron`] of a value that sits `depth` levels deep in a larger one,
/// without the indentation of those levels: parts of one large file can be
/// rendered apart (and at the same time) and put together.
pub fn to_ron_nested<T: serde::Serialize>(value: &T, depth: usize) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .depth_limit(DEPTH_LIMIT.saturating_sub(depth));
    match ron::ser::to_string_pretty(value, config) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Our own types always serialize; this is unreachable in practice.
        Err(e) => format!("// panelist could not write this value: {e}\n"),
    }
}

/// The regions a reviewer declared a conflict on in their sheets of panels
/// other than `panel`, each with the panel whose sheet declares it. Files that
/// can't be read are passed over: `check` reports them.
pub fn conflicts_elsewhere(
    review: &LoadedReview,
    reviewer: &str,
    panel: &str,
) -> Vec<(String, String)> {
    review
        .review
        .panels_of(reviewer)
        .filter(|p| p.id != panel)
        .filter_map(|p| Some((p.id.clone(), read_sheet(review, &p.id, reviewer).ok()??)))
        .flat_map(|(panel, sheet)| {
            sheet
                .conflicts
                .into_iter()
                .map(move |region| (region, panel.clone()))
        })
        .collect()
}

/// Panels whose file is missing while their journal holds changes: merging
/// without them would silently drop marks, so `merge` refuses and `check`
/// points to `--repair` (the next save through panelist also rebuilds it).
pub fn lost_panel_files(review: &LoadedReview) -> Vec<Problem> {
    let scores = review.scores_dir();
    review
        .review
        .panels
        .iter()
        .filter_map(|panel| {
            let path = review.panel_path(&panel.id);
            let journal = journal::journal_path(&scores, &panel.id);
            let started = std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0);
            (started && !path.exists())
                .then(|| unrepaired(&path, &journal, &crate::t!("store-is-missing")))
        })
        .collect()
}

/// A panel file that is `what` ("is missing", "is damaged") while its journal
/// could rebuild it.
pub fn unrepaired(path: &Path, journal: &Path, what: &str) -> Problem {
    Problem::at(
        path,
        None,
        crate::t!("store-unrepaired", what = what, journal = journal.display()),
    )
}
