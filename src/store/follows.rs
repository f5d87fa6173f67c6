//! A stage's `follows` (SPEC's "Stages"): the earlier review it names must
//! be there, and every region of this review `Selected` in that review's
//! results.ron, in one of the tiers followed when some are named. It reads
//! the earlier review's files, so it lives here and not in `validate`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::checksum::sha256_hex;
use super::review::LoadedReview;
use crate::merge::{RegionResult, Results};
use crate::model::{Follows, SELECTED_TIER};
use crate::report::ReadResults;
use crate::report::words::{self, Form};
use crate::source::{Anchor, Position, SourceText, read_text};
use crate::{Problem, t};

/// What the check of `follows` found. Empty when the review follows none.
#[derive(Debug, Default)]
pub struct Followed {
    /// What refuses this review: located in its review.ron, or in the
    /// earlier results.ron when that cannot be read.
    pub problems: Vec<Problem>,
    /// What does not: the earlier review is not merged yet.
    pub warnings: Vec<String>,
    /// The earlier review's results.ron, when it was read, for the input
    /// files of report.md.
    pub results: Option<EarlierResults>,
}

/// The earlier review's results.ron as report.md lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierResults {
    /// As named from this review's directory: `follows.review` with
    /// `results.ron` after it, the same wherever the chair runs `merge`.
    pub path: String,
    pub sha256: String,
}

/// Checks the `follows` of `loaded` against the earlier review's files.
pub fn check_follows(loaded: &LoadedReview) -> Followed {
    let Some(follows) = &loaded.review.follows else {
        return Followed::default();
    };
    let written = &follows.review;
    let resolved = earlier_dir(&loaded.dir, follows);
    let refused = |problem| Followed {
        problems: vec![problem],
        ..Followed::default()
    };
    if !resolved.join("review.ron").is_file() {
        let shown = resolved.display();
        let message = if resolved.is_dir() {
            t!(
                "check-follows-no-review",
                written = written,
                resolved = shown
            )
        } else {
            t!("check-follows-no-dir", written = written, resolved = shown)
        };
        let at = loaded.source.locate(&[Anchor::Field("follows")]);
        return refused(Problem::at(&loaded.source.path, at, message));
    }
    match read_results(&resolved) {
        Err(problem) => refused(problem),
        Ok(None) => Followed {
            warnings: vec![t!(
                "check-follows-not-merged",
                written = written,
                resolved = resolved.display()
            )],
            ..Followed::default()
        },
        Ok(Some((source, read))) => Followed {
            problems: unselected(loaded, follows, &read.file.results, &source.path),
            warnings: Vec::new(),
            results: Some(EarlierResults {
                path: Path::new(written).join("results.ron").display().to_string(),
                sha256: sha256_hex(source.text.as_bytes()),
            }),
        },
    }
}

/// The directory of the review that the review in `dir` follows, as this
/// process finds it.
pub fn earlier_dir(dir: &Path, follows: &Follows) -> PathBuf {
    dir.join(&follows.review)
}

/// The results.ron of the review in `dir`, with its text and the inputs it
/// records; `None` when the review has not been merged yet.
pub fn read_results(dir: &Path) -> Result<Option<(SourceText, ReadResults)>, Problem> {
    let path = dir.join("results.ron");
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let source = read_text(&path)?;
    let file = ReadResults::from_ron(&source.text).map_err(|e| {
        let pos = Position {
            line: e.span.start.line,
            col: e.span.start.col,
        };
        let message = t!(
            "check-follows-unreadable",
            error = e.code,
            dir = dir.display()
        );
        Problem::at(&path, Some(pos), message)
    })?;
    Ok(Some((source, file)))
}

/// The ids of the tiers `results` were selected in: its `tiers`, or the
/// one tier of `select: N`.
pub fn tier_ids(results: &Results) -> Vec<String> {
    if results.rules.tiers.is_empty() {
        vec![SELECTED_TIER.to_string()]
    } else {
        results.rules.tiers.iter().map(|t| t.id.clone()).collect()
    }
}

/// The tier a region was selected in, `None` when it was not: under
/// `select: N` results give no tier, and the region is in the one tier.
pub fn selected_tier(region: &RegionResult) -> Option<&str> {
    region
        .status
        .chosen()
        .then(|| region.tier.as_deref().unwrap_or(SELECTED_TIER))
}

/// Every tier `follows` names that the earlier results lack, and every
/// region of this review not selected there (in a tier followed).
fn unselected(
    loaded: &LoadedReview,
    follows: &Follows,
    earlier: &Results,
    file: &Path,
) -> Vec<Problem> {
    let source = &loaded.source;
    let file = file.display();
    let mut problems = Vec::new();
    let tiers = tier_ids(earlier);
    for tier in follows.tiers.iter().filter(|t| !tiers.contains(t)) {
        let at = source.locate(&[
            Anchor::Field("follows"),
            Anchor::Field("tiers"),
            Anchor::str(tier),
        ]);
        let message = t!(
            "check-follows-unknown-tier",
            tier = tier,
            file = file,
            tiers = tiers.join(", ")
        );
        problems.push(Problem::at(&source.path, at, message));
    }
    let regions: HashMap<&str, &RegionResult> = earlier
        .regions
        .iter()
        .map(|r| (r.region.as_str(), r))
        .collect();
    for region in &loaded.review.regions {
        let id = region.id.as_str();
        let message = match regions.get(id) {
            None => t!("check-follows-absent", region = id, file = file),
            Some(there) => match selected_tier(there) {
                None => t!(
                    "check-follows-not-selected",
                    region = id,
                    status = words::status(there.status, Form::Table, None),
                    file = file
                ),
                Some(tier)
                    if !follows.tiers.is_empty() && !follows.tiers.iter().any(|t| t == tier) =>
                {
                    t!(
                        "check-follows-other-tier",
                        region = id,
                        tier = tier,
                        file = file,
                        tiers = follows.tiers.join(", ")
                    )
                }
                Some(_) => continue,
            },
        };
        let at = source.locate(&[Anchor::Field("regions"), Anchor::str(id)]);
        problems.push(Problem::at(&source.path, at, message));
    }
    // In file order, as `check` lists the problems of review.ron.
    problems.sort_by_key(|p| p.pos);
    problems
}
