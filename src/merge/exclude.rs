//! Who takes no place whatever their rank: a region failing the committee's
//! eligibility rule, and one below a threshold (SPEC's "Eligibility" and
//! "Thresholds").

use super::limits::EPSILON;
use super::results::{RegionResult, Status, add_flag};
use crate::model::{Category, Committee, Index, depth_first};

/// A minimum the rubric sets, where it is read in a region's results.
#[derive(Debug, Clone)]
enum Minimum {
    /// A subtotal, by its index in depth-first order.
    Category { at: usize, id: String, min: f64 },
    /// A criterion's aggregate, by its index in rubric order.
    Criterion { at: usize, id: String, min: f64 },
}

/// Every minimum of the rubric and the committee, in depth-first order.
#[derive(Debug, Clone)]
pub struct Thresholds {
    minimums: Vec<Minimum>,
    min_total: Option<f64>,
}

impl Thresholds {
    pub fn new(committee: &Committee, categories: &[Category]) -> Thresholds {
        let mut minimums = Vec::new();
        let mut criterion = 0;
        for (at, placed) in depth_first(categories).iter().enumerate() {
            if let Some(min) = placed.category.min {
                minimums.push(Minimum::Category {
                    at,
                    id: placed.category.id.clone(),
                    min,
                });
            }
            for c in &placed.category.criteria {
                if let Some(min) = c.min {
                    minimums.push(Minimum::Criterion {
                        at: criterion,
                        id: c.id.clone(),
                        min,
                    });
                }
                criterion += 1;
            }
        }
        Thresholds {
            minimums,
            min_total: committee.min_total,
        }
    }

    /// Whether `below:` flags are written: only when some criterion or
    /// category has a minimum (with `min_total` alone the status says it).
    pub fn flagged(&self) -> bool {
        !self.minimums.is_empty()
    }

    /// The ids of the minimums `region` falls short of, in depth-first
    /// order, then `total`. A criterion without marks counts as 0; one not
    /// in `region.criteria` (the analysis ranks by subtotals alone) is not
    /// looked at.
    pub fn failing(&self, region: &RegionResult) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .minimums
            .iter()
            .filter(|minimum| minimum.missed_by(region))
            .map(Minimum::id)
            .collect();
        if self.short_of_total(region) {
            out.push("total");
        }
        out
    }

    /// Whether `region` falls short of any minimum: [`Thresholds::failing`]
    /// not empty, without listing them (the ranking asks it of every region).
    pub fn below(&self, region: &RegionResult) -> bool {
        self.short_of_total(region) || self.minimums.iter().any(|m| m.missed_by(region))
    }

    /// [`Thresholds::below`] of a region given by its total, its subtotals
    /// (depth first) and its criteria's aggregates (rubric order), `None`
    /// past their end: the analysis's rounds ask it without building a
    /// [`RegionResult`].
    pub fn below_by(
        &self,
        total: f64,
        subtotal: impl Fn(usize) -> Option<f64>,
        criterion: impl Fn(usize) -> Option<Option<f64>>,
    ) -> bool {
        self.min_total.is_some_and(|min| short(total, min))
            || self
                .minimums
                .iter()
                .any(|m| m.missed_with(&subtotal, &criterion))
    }

    /// How many tests [`Thresholds::misses`] tells apart: the minimum
    /// total, then every minimum in depth-first order.
    pub fn tests(&self) -> usize {
        1 + self.minimums.len()
    }

    /// Whether a region given as for [`Thresholds::below_by`] misses test
    /// `test` (see [`Thresholds::tests`]): it is below a threshold exactly
    /// when it misses one of them.
    pub fn misses(
        &self,
        test: usize,
        total: f64,
        subtotal: impl Fn(usize) -> Option<f64>,
        criterion: impl Fn(usize) -> Option<Option<f64>>,
    ) -> bool {
        match test.checked_sub(1) {
            None => self.min_total.is_some_and(|min| short(total, min)),
            Some(k) => self
                .minimums
                .get(k)
                .is_some_and(|m| m.missed_with(&subtotal, &criterion)),
        }
    }

    fn short_of_total(&self, region: &RegionResult) -> bool {
        self.min_total.is_some_and(|min| short(region.total, min))
    }
}

impl Minimum {
    fn id(&self) -> &str {
        match self {
            Minimum::Category { id, .. } | Minimum::Criterion { id, .. } => id,
        }
    }

    fn missed_by(&self, region: &RegionResult) -> bool {
        self.missed_with(&|at| region.subtotals.get(at).map(|s| s.points), &|at| {
            region.criteria.get(at).map(|c| c.aggregate)
        })
    }

    fn missed_with(
        &self,
        subtotal: &impl Fn(usize) -> Option<f64>,
        criterion: &impl Fn(usize) -> Option<Option<f64>>,
    ) -> bool {
        match self {
            Minimum::Category { at, min, .. } => {
                subtotal(*at).is_some_and(|points| short(points, *min))
            }
            Minimum::Criterion { at, min, .. } => {
                criterion(*at).is_some_and(|aggregate| short(aggregate.unwrap_or(0.0), *min))
            }
        }
    }
}

fn short(value: f64, min: f64) -> bool {
    value < min - EPSILON
}

/// Whether a region's `total` falls short of the committee's `min_total`:
/// the test of the ranking, for whatever draws that line (report.md's
/// summary, results.svg).
pub fn short_of_total(total: f64, min_total: f64) -> bool {
    short(total, min_total)
}

/// Marks every region that fails the eligibility rule `Ineligible` with
/// its flag, and adds the `below:` flags of every region (the statuses of
/// those below are the ranking's).
pub(super) fn screen(index: &Index, thresholds: &Thresholds, regions: &mut [RegionResult]) {
    let review = index.review;
    // Scored in `review.ron` order: a region is at the same place there
    // (looked up by id should it not be).
    let region = |i: usize, id: &str| {
        review
            .regions
            .get(i)
            .filter(|r| r.id == id)
            .or_else(|| index.region(id))
    };
    for (i, result) in regions.iter_mut().enumerate() {
        if let Some(region) = region(i, &result.region)
            && !review.admits(region)
        {
            result.status = Status::Ineligible;
            add_flag(&mut result.flags, "ineligible".to_string());
        }
        if thresholds.flagged() {
            let below: Vec<String> = thresholds
                .failing(result)
                .into_iter()
                .map(|id| format!("below:{id}"))
                .collect();
            for flag in below {
                add_flag(&mut result.flags, flag);
            }
        }
    }
}
