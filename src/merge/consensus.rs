//! `Committee(use_consensus: true)` (SPEC, *Discussion and consensus*): the
//! value of (r, c) is the mean, over the panels covering it, of the panel's
//! consensus mark where it has one and otherwise its members' aggregate.

use super::aggregate::aggregate;
use super::input::{ConsensusRef, MergeError};
use crate::model::{Aggregate, Consensus, Index};

/// The panels' consensus sections, by panel, with what the rule needs of
/// the review found once.
pub(crate) struct Agreed<'a> {
    /// Per panel (review order): its consensus, from its file in `scores/`.
    by_panel: Vec<Option<&'a Consensus>>,
    /// Per criterion (rubric order): the panels that cover it.
    panels_of_criterion: Vec<Vec<usize>>,
}

/// The consensus sections' problems, as `check` finds them (a section of
/// a panel that does not exist is one).
pub(super) fn validate(index: &Index, sections: &[ConsensusRef]) -> Result<(), Vec<MergeError>> {
    let mut errors = Vec::new();
    for section in sections {
        let findings = match index.panel_index(section.panel) {
            Some(p) => crate::validate::consensus_findings(index, p, section.consensus),
            None => vec![crate::validate::Finding::new(
                &[crate::source::Anchor::Field("panel")],
                crate::t!(
                    "check-not-a-panel",
                    panel = section.panel,
                    panels = index
                        .review
                        .panels
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )],
        };
        errors.extend(findings.into_iter().map(|finding| MergeError {
            origin: section.origin.to_path_buf(),
            finding,
        }));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// One (region, criterion) under the rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AgreedValue {
    /// What counts: the mean over the panels that have a consensus mark or
    /// counting members' marks; `None` when none has either.
    pub value: Option<f64>,
    /// The mean of the covering panels' consensus marks, when any has one.
    pub consensus: Option<f64>,
    /// Some panel covers the cell.
    pub covered: bool,
}

impl<'a> Agreed<'a> {
    /// `sections`: each panel's consensus, from its file in `scores/`
    /// (never `--add`).
    pub fn new(index: &Index, sections: &[ConsensusRef<'a>]) -> Agreed<'a> {
        let review = index.review;
        let mut by_panel = vec![None; review.panels.len()];
        for section in sections {
            if let Some(p) = index.panel_index(section.panel) {
                by_panel[p] = Some(section.consensus);
            }
        }
        let panels_of_criterion = (0..index.criteria().len())
            .map(|c| {
                (0..review.panels.len())
                    .filter(|&p| index.covers_criterion(p, c))
                    .collect()
            })
            .collect();
        Agreed {
            by_panel,
            panels_of_criterion,
        }
    }

    /// The value of region `r`, criterion `c` (indexes), given the counting
    /// members' marks there as (reviewer, points).
    pub fn value(
        &self,
        index: &Index,
        rule: Aggregate,
        r: usize,
        c: usize,
        marks: &[(&str, f64)],
    ) -> AgreedValue {
        let review = index.review;
        let region = &review.regions[r].id;
        let criterion = &index.criteria()[c].1.id;
        let (mut sum, mut count) = (0.0, 0usize);
        let (mut agreed_sum, mut agreed_count) = (0.0, 0usize);
        let mut covered = false;
        let mut points = Vec::new();
        for &p in &self.panels_of_criterion[c] {
            if !index.covers_region(p, r) {
                continue;
            }
            covered = true;
            let agreed = self.by_panel[p].and_then(|s| s.mark(region, criterion));
            let value = match agreed {
                Some(mark) => {
                    agreed_sum += mark.points;
                    agreed_count += 1;
                    Some(mark.points)
                }
                None => {
                    // A member's marks count for one panel only (two panels
                    // sharing a member may not cover the same cell).
                    let panel = &review.panels[p];
                    points.clear();
                    points.extend(
                        marks
                            .iter()
                            .filter(|(reviewer, _)| panel.has_member(reviewer))
                            .map(|&(_, points)| points),
                    );
                    aggregate(rule, &points)
                }
            };
            if let Some(value) = value {
                sum += value;
                count += 1;
            }
        }
        AgreedValue {
            value: (count > 0).then(|| sum / count as f64),
            consensus: (agreed_count > 0).then(|| agreed_sum / agreed_count as f64),
            covered,
        }
    }
}
