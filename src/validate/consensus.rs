//! The checks of *Discussion and consensus* (SPEC): the rapporteurs and the
//! chair are reviewers of the review, and a consensus section was written by
//! one of those who may record it.

use super::findings::{Finding, Findings, field, s};
use crate::model::{Consensus, Index, Review};

/// Errors: a panel's `rapporteur` or the committee's `chair` that is no
/// reviewer.
pub fn check(review: &Review, index: &Index, f: &mut Findings) {
    for panel in &review.panels {
        if let Some(rapporteur) = &panel.rapporteur
            && index.reviewer(rapporteur).is_none()
        {
            f.add(
                &[field("panels"), s(&panel.id), field("rapporteur")],
                crate::t!(
                    "check-rapporteur-unknown",
                    panel = panel.id,
                    reviewer = rapporteur
                ),
            );
        }
    }
    if let Some(chair) = &review.committee.chair
        && index.reviewer(chair).is_none()
    {
        f.add(
            &[field("committee"), field("chair")],
            crate::t!("check-chair-unknown", reviewer = chair),
        );
    }
}

/// An error when the consensus's last writer may not record it (neither
/// the panel's rapporteur nor the committee's chair).
pub fn check_writer(index: &Index, panel: usize, agreed: &Consensus, f: &mut Vec<Finding>) {
    let review = index.review;
    let panel = &review.panels[panel];
    if review
        .consensus_recorders(panel)
        .any(|who| who == agreed.by)
    {
        return;
    }
    let recorders: Vec<&str> = review.consensus_recorders(panel).collect();
    let message = if recorders.is_empty() {
        crate::t!("check-consensus-nobody", panel = panel.id, by = agreed.by)
    } else {
        crate::t!(
            "check-consensus-by",
            panel = panel.id,
            by = agreed.by,
            recorders = recorders.join(", ")
        )
    };
    f.push(Finding::new(&[field("consensus"), field("by")], message));
}
