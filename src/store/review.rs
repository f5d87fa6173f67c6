//! A review directory and its `review.ron`, read and validated.

use std::path::{Path, PathBuf};

use crate::model::Review;
use crate::source::{SourceText, read_text};
use crate::validate;
use crate::{Error, Problem, Problems};

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
    let review = source.parse_review()?;
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
