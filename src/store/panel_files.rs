//! The panel files of `scores/`: finding, reading and validating them, a
//! reviewer's sheet, and a panel file lost while its journal holds changes.

use std::path::{Path, PathBuf};

use super::journal;
use super::review::{LoadedReview, scores_dir};
use crate::model::{Index, PanelFile, Sheet};
use crate::source::{SourceText, read_text};
use crate::validate::{self, PanelFileRole};
use crate::{Error, Problem, Problems};

/// A panel file as read from disk, kept with its text for locating problems.
#[derive(Debug, Clone)]
pub struct LoadedPanelFile {
    pub source: SourceText,
    pub file: PanelFile,
    /// In `scores/`, or given with `--add` (whose consensus never counts).
    pub role: PanelFileRole,
}

/// Reads and validates one panel file against the review.
pub fn read_panel_file(
    review: &LoadedReview,
    index: &Index,
    path: &Path,
    role: PanelFileRole,
) -> Result<LoadedPanelFile, Problems> {
    let (source, file) = parse_panel_file(path, role)?;
    validated(review, index, source, file, role)
}

/// The first half of [`read_panel_file`], which needs no review: the file
/// read (refused unless it is ours) and parsed.
pub(super) fn parse_panel_file(
    path: &Path,
    role: PanelFileRole,
) -> Result<(SourceText, PanelFile), Problems> {
    let source = match role {
        PanelFileRole::Scores => crate::source::read_text_no_link(path)?,
        PanelFileRole::Added => read_text(path)?,
    };
    let file = source.parse_panel_file()?;
    Ok((source, file))
}

/// The second half of [`read_panel_file`]: a parsed panel file checked
/// against the review.
pub(super) fn validated(
    review: &LoadedReview,
    index: &Index,
    source: SourceText,
    file: PanelFile,
    role: PanelFileRole,
) -> Result<LoadedPanelFile, Problems> {
    let problems = validate::panel_file(index, &review.fingerprint, &file, &source, role);
    if problems.is_empty() {
        Ok(LoadedPanelFile { source, file, role })
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

/// Panels whose file is missing while their journal holds confirmed changes:
/// merging without them would silently drop marks, so `merge` refuses and
/// `check` points to `--repair` (the next save through panelist also
/// rebuilds it). A journal holding only an interrupted first save is no
/// loss: the panel had no file, and still has none. A journal that cannot
/// be read is refused too.
pub fn lost_panel_files(review: &LoadedReview) -> Vec<Problem> {
    let scores = review.scores_dir();
    review
        .review
        .panels
        .iter()
        .filter_map(|panel| {
            let path = review.panel_path(&panel.id);
            let journal = journal::journal_path(&scores, &panel.id);
            if path.exists() {
                return None;
            }
            match journal::holds_confirmed(&journal) {
                Ok(false) => None,
                Ok(true) => Some(unrepaired(&path, &journal, &crate::t!("store-is-missing"))),
                Err(problem) => Some(problem),
            }
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
