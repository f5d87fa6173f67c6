//! Rules 3 to 5: each criterion's aggregate, the subtotals and total, and
//! the disagreement flag.

use super::aggregate::aggregate;
use super::cells::Cells;
use super::consensus::Agreed;
use super::limits::{disagreement_limit, disagrees};
use super::results::{CriterionResult, RegionResult, Score, Status, Subtotal};
use crate::model::{Index, Placed};

/// Rules 3–5 for every region, in `review.ron` order (not yet ranked).
pub(super) fn score_regions(
    index: &Index,
    cells: &Cells,
    agreed: Option<&Agreed>,
) -> Vec<RegionResult> {
    let review = index.review;
    let committee = &review.committee;
    let n_criteria = index.criteria().len();
    // One buffer for the marks of every cell: 180,000 cells in a national cycle.
    let mut points: Vec<f64> = Vec::new();
    let categories = review.all_categories();
    // The category each criterion is directly in, by its place in
    // `categories`: found once, not once per region.
    let owners: Vec<Option<usize>> = index
        .criteria()
        .iter()
        .map(|(category, _)| categories.iter().position(|p| p.category.id == category.id))
        .collect();
    review
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let criteria: Vec<CriterionResult> = index
                .criteria()
                .iter()
                .enumerate()
                .map(|(c, (category, criterion))| {
                    let cell = cells.cell(r * n_criteria + c);
                    points.clear();
                    points.extend(cell.iter().map(|&(_, m)| m.points));
                    let members = aggregate(committee.aggregate, &points);
                    let agreed = agreed.map(|agreed| {
                        let marks: Vec<(&str, f64)> =
                            cell.iter().map(|&(who, m)| (who, m.points)).collect();
                        agreed.value(index, committee.aggregate, r, c, &marks)
                    });
                    let min = points.iter().copied().reduce(f64::min);
                    let max = points.iter().copied().reduce(f64::max);
                    let limit = disagreement_limit(committee.disagreement, criterion.max);
                    let disagreement = match (min, max) {
                        (Some(lo), Some(hi)) if points.len() >= 2 => disagrees(lo, hi, limit),
                        _ => false,
                    };
                    CriterionResult {
                        criterion: criterion.id.clone(),
                        category: category.id.clone(),
                        aggregate: agreed.map_or(members, |a| a.value),
                        members: agreed.and(members),
                        consensus: agreed.and_then(|a| a.consensus),
                        no_consensus: agreed.is_some_and(|a| a.covered && a.consensus.is_none()),
                        marks: points.len() as u32,
                        min,
                        max,
                        disagreement,
                        scores: cell
                            .iter()
                            .map(|&(reviewer, mark)| Score {
                                reviewer: reviewer.to_string(),
                                points: mark.points,
                                note: mark.note.clone(),
                                preliminary: mark.preliminary,
                            })
                            .collect(),
                    }
                })
                .collect();
            let subtotals = subtotals(&categories, &owners, &criteria);
            let total = criteria.iter().filter_map(|c| c.aggregate).fold(0.0, add);
            let flags = flags(&criteria);
            RegionResult {
                rank: 0,
                region: region.id.clone(),
                name: region.name.clone(),
                total,
                subtotals,
                status: Status::NotSelected,
                tier: None,
                allocation: None,
                marks: criteria.iter().map(|c| c.marks).sum(),
                flags,
                decided_by: None,
                criteria,
                percentiles: Vec::new(),
            }
        })
        .collect()
}

/// The flags of rules 3 and 5 (and `no-consensus`), in SPEC's order:
/// `incomplete`, then per criterion in rubric order `no-consensus:<c>`,
/// then `disagreement:<c>`.
fn flags(criteria: &[CriterionResult]) -> Vec<String> {
    let mut flags = Vec::new();
    if criteria.iter().any(|c| c.aggregate.is_none()) {
        flags.push("incomplete".to_string());
    }
    flags.extend(
        criteria
            .iter()
            .filter(|c| c.no_consensus)
            .map(|c| format!("no-consensus:{}", c.criterion)),
    );
    flags.extend(
        criteria
            .iter()
            .filter(|c| c.disagreement)
            .map(|c| format!("disagreement:{}", c.criterion)),
    );
    flags
}

/// One subtotal per category at every depth, depth first: the aggregates
/// of its own criteria and the subtotals of its sub-categories. `owners`
/// gives, per criterion, the category it is directly in.
fn subtotals(
    categories: &[Placed],
    owners: &[Option<usize>],
    criteria: &[CriterionResult],
) -> Vec<Subtotal> {
    // Each category's own criteria added in rubric order, from +0.0.
    let mut points = vec![0.0; categories.len()];
    for (criterion, owner) in criteria.iter().zip(owners) {
        if let (Some(aggregate), Some(k)) = (criterion.aggregate, *owner) {
            points[k] = add(points[k], aggregate);
        }
    }
    // Depth first, a sub-category comes after its parent: add from the end.
    for k in (0..categories.len()).rev() {
        if let Some(parent) = categories[k].parent {
            points[parent] = add(points[parent], points[k]);
        }
    }
    categories
        .iter()
        .zip(points)
        .map(|(placed, points)| Subtotal {
            category: placed.category.id.clone(),
            points,
        })
        .collect()
}

/// Sums from +0.0: `Iterator::sum` of no `f64` is -0.0, which would print
/// as "-0.00" for a category without marks.
fn add(sum: f64, points: f64) -> f64 {
    sum + points
}
