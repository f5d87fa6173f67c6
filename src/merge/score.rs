//! Rules 3 to 5: each criterion's aggregate, the subtotals and total, and
//! the disagreement flag.

use super::cells::Cells;
use super::limits::{disagreement_limit, disagrees};
use super::results::{CriterionResult, RegionResult, Score, Status, Subtotal};
use crate::model::{Aggregate, Index, Placed};

/// Rules 3–5 for every region, in `review.ron` order (not yet ranked).
pub(super) fn score_regions(index: &Index, cells: &Cells) -> Vec<RegionResult> {
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
                        aggregate: aggregate(committee.aggregate, &points),
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
            let mut flags = Vec::new();
            if criteria.iter().any(|c| c.aggregate.is_none()) {
                flags.push("incomplete".to_string());
            }
            flags.extend(
                criteria
                    .iter()
                    .filter(|c| c.disagreement)
                    .map(|c| format!("disagreement:{}", c.criterion)),
            );
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
            }
        })
        .collect()
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

/// Rule 3: one number from the marks of one (region, criterion); `None` when
/// there are none.
pub fn aggregate(rule: Aggregate, points: &[f64]) -> Option<f64> {
    if points.is_empty() {
        return None;
    }
    let mean = |values: &[f64]| values.iter().sum::<f64>() / values.len() as f64;
    let n = points.len();
    if rule == Aggregate::Mean || (rule == Aggregate::TrimmedMean && n < 3) {
        return Some(mean(points));
    }
    let mut sorted = points.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(match rule {
        Aggregate::Median if n % 2 == 1 => sorted[n / 2],
        Aggregate::Median => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        Aggregate::TrimmedMean | Aggregate::Mean => mean(&sorted[1..n - 1]),
    })
}
