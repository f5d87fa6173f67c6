//! `panelist submit`: marks a sheet submitted once nothing is due.

use crate::model::{Change, Index};
use crate::progress::Progress;
use crate::store::{self, SessionLock};
use crate::{Error, config};
use std::path::PathBuf;

/// `panelist submit [DIR] --reviewer ID --panel ID [--force]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub reviewer: String,
    #[arg(long)]
    pub panel: String,
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> Result<(), Error> {
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
            return Err(Error::Refused(crate::t!(
                "cmd-still-due",
                count = missing.len(),
                due = progress.due.len(),
                shown = shown,
                more = if more > 0 {
                    crate::t!("cmd-and-more", count = more)
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
        String::new()
    } else {
        crate::t!("cmd-already-submitted")
    };
    crate::outln!(
        "{}",
        crate::t!(
            "cmd-submitted",
            already = already,
            reviewer = args.reviewer,
            panel = args.panel,
            scored = scored.0,
            due = scored.1,
            at = saved.sheet.updated
        )
    );
    Ok(())
}

/// The panel (an index) a reviewer names, after checking that both exist and
/// that the reviewer sits on the panel.
pub fn target(index: &Index, reviewer: &str, panel: &str) -> Result<usize, Error> {
    let review = index.review;
    super::known::known(
        "kind-reviewer",
        reviewer,
        index.reviewer(reviewer),
        review.reviewers.iter().map(|r| r.id.as_str()),
    )?;
    let found = super::known::known(
        "kind-panel",
        panel,
        index.panel(panel),
        review.panels.iter().map(|p| p.id.as_str()),
    )?;
    if !found.has_member(reviewer) {
        let theirs: Vec<&str> = review.panels_of(reviewer).map(|p| p.id.as_str()).collect();
        return Err(Error::Refused(crate::t!(
            "cmd-not-member",
            reviewer = reviewer,
            panel = panel,
            panels = if theirs.is_empty() {
                crate::t!("cmd-none")
            } else {
                theirs.join(", ")
            }
        )));
    }
    index
        .panel_index(panel)
        .ok_or_else(|| Error::Refused(crate::t!("cmd-unknown-panel", panel = panel)))
}
