//! `panelist submit`: marks a sheet submitted once nothing is due.

use crate::cli::SubmitArgs;
use crate::model::{Change, Index};
use crate::progress::Progress;
use crate::store::{self, SessionLock};
use crate::{Error, config};

pub fn run(args: SubmitArgs) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let index = Index::new(&review.review);
    let panel = target(&index, &args.reviewer, &args.panel)?;
    let _session = SessionLock::acquire(&review.scores_dir(), &args.panel, &args.reviewer)?;
    let elsewhere: Vec<String> = store::conflicts_elsewhere(&review, &args.reviewer, &args.panel)
        .into_iter()
        .map(|(region, _)| region)
        .collect();
    let mut scored = (0, 0);
    let saved = store::save_changes(&review, &args.panel, &args.reviewer, |sheet| {
        let progress = Progress::of(&index, panel, &args.reviewer, Some(sheet), &elsewhere);
        let missing: Vec<String> = progress
            .missing(Some(sheet))
            .map(|cell| format!("{} {}", cell.region, cell.criterion))
            .collect();
        if !missing.is_empty() && !args.force {
            let shown = missing
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            let more = missing.len().saturating_sub(20);
            return Err(Error::Refused(format!(
                "{} of {} marks are still due, so the sheet was not submitted: {shown}{}\nScore them, or submit anyway with --force.",
                missing.len(),
                progress.due.len(),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            )));
        }
        scored = (progress.scored, progress.due.len());
        Ok(if sheet.submitted {
            Vec::new()
        } else {
            vec![Change::Submitted(true)]
        })
    })?;
    let already = if saved.written {
        ""
    } else {
        " (it already was)"
    };
    crate::outln!(
        "submitted{already}: {} on panel {}, {} of {} marks, at {}",
        args.reviewer,
        args.panel,
        scored.0,
        scored.1,
        saved.sheet.updated
    );
    Ok(())
}

/// The panel (an index) a reviewer names, after checking that both exist and
/// that the reviewer sits on the panel.
pub fn target(index: &Index, reviewer: &str, panel: &str) -> Result<usize, Error> {
    let review = index.review;
    super::known(
        "reviewer",
        reviewer,
        index.reviewer(reviewer),
        review.reviewers.iter().map(|r| r.id.as_str()),
    )?;
    let found = super::known(
        "panel",
        panel,
        index.panel(panel),
        review.panels.iter().map(|p| p.id.as_str()),
    )?;
    if !found.has_member(reviewer) {
        let theirs: Vec<&str> = review.panels_of(reviewer).map(|p| p.id.as_str()).collect();
        return Err(Error::Refused(format!(
            "reviewer \"{reviewer}\" is not a member of panel \"{panel}\"; their panels: {}",
            if theirs.is_empty() {
                "none".to_string()
            } else {
                theirs.join(", ")
            }
        )));
    }
    index
        .panel_index(panel)
        .ok_or_else(|| Error::Refused(format!("unknown panel \"{panel}\"")))
}
