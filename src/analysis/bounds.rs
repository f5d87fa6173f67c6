//! Each region's lowest and highest total over every bootstrap round, and
//! whether it passes the thresholds in every round, in none, or in some:
//! what [`super::contest::Contest`] settles regions by.

use super::marks::Marks;
use crate::merge::{RegionResult, Thresholds};
use crate::model::Aggregate;

/// A cell's score is taken to lie within its marks widened by this: a mean
/// of copies of one mark may round past it by an ulp.
const CELL_MARGIN: f64 = 1e-7;

/// Whether a region passes every threshold (minimum total, of a category
/// or of a criterion) in every round, fails one in every round, or either,
/// and then which of them it may miss ([`Thresholds::misses`]'s tests).
/// (Thresholds only ask for at least so much, so a region passing with each
/// cell at its lowest passes in every round.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pass {
    Always,
    Never,
    Maybe(Vec<usize>),
}

/// Each region's lowest and highest total over every round.
pub(crate) struct Bounds {
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
    pub pass: Vec<Pass>,
    /// Regions with a cell a draw may leave without marks (marked by more
    /// than one panel): never settled.
    pub loose: Vec<bool>,
}

impl Bounds {
    /// `None` when no cell has marks.
    pub fn new(marks: &Marks) -> Option<Bounds> {
        let n = marks.regions();
        let panel_of = |unit: usize| marks.units[unit].panel;
        let mut low_cells = vec![None; marks.cells.len()];
        let mut high_cells = vec![None; marks.cells.len()];
        let mut loose = vec![false; n];
        for (k, entries) in marks.cells.iter().enumerate() {
            if let Some(Some(value)) = marks.fixed.get(k) {
                low_cells[k] = Some(*value);
                high_cells[k] = Some(*value);
                continue;
            }
            let Some(first) = entries.first() else {
                continue;
            };
            if entries
                .iter()
                .any(|e| panel_of(e.unit) != panel_of(first.unit))
            {
                loose[k / marks.n_criteria.max(1)] = true;
            }
            let low = entries.iter().map(|e| e.points).fold(f64::MAX, f64::min);
            let high = entries.iter().map(|e| e.points).fold(f64::MIN, f64::max);
            low_cells[k] = Some(low - CELL_MARGIN);
            high_cells[k] = Some(high + CELL_MARGIN);
        }
        if marks.n_criteria == 0 {
            return None;
        }
        let thresholds = Thresholds::new(&marks.review.committee, &marks.review.categories);
        let mut bounds = Bounds {
            lo: Vec::with_capacity(n),
            hi: Vec::with_capacity(n),
            pass: Vec::with_capacity(n),
            loose,
        };
        for r in 0..n {
            let low = marks.ranked_input(&low_cells, r);
            let high = marks.ranked_input(&high_cells, r);
            let (lo, hi) = if marks.rule == Aggregate::Mean {
                mean_bounds(marks, r, (low.total, high.total))
            } else {
                (low.total, high.total)
            };
            // The minimum total read against the tighter bounds.
            let misses = |test: usize, at: &RegionResult, total: f64| {
                thresholds.misses(
                    test,
                    total,
                    |k| at.subtotals.get(k).map(|s| s.points),
                    |k| at.criteria.get(k).map(|c| c.aggregate),
                )
            };
            let mut maybe = Vec::new();
            let mut never = false;
            for test in 0..thresholds.tests() {
                if misses(test, &high, hi) {
                    never = true;
                } else if misses(test, &low, lo) {
                    maybe.push(test);
                }
            }
            bounds.lo.push(lo);
            bounds.hi.push(hi);
            bounds.pass.push(if never {
                Pass::Never
            } else if maybe.is_empty() {
                Pass::Always
            } else {
                Pass::Maybe(maybe)
            });
        }
        Some(bounds)
    }
}

/// Under the mean, tighter bounds on region `r`'s total than its cells'
/// (`cellwise`): the cells that the same reviewers marked, all of them,
/// share each round's weights, so their scores add up to a weighted mean
/// of those reviewers' sums over them, which lies between the lowest and
/// the highest sum. Other cells keep their own bounds.
fn mean_bounds(marks: &Marks, r: usize, cellwise: (f64, f64)) -> (f64, f64) {
    let n = marks.n_criteria;
    // (units, per unit its sum so far, cells): one block per set of units.
    let mut blocks: Vec<(Vec<usize>, Vec<f64>, usize)> = Vec::new();
    let (mut lo, mut hi) = (0.0, 0.0);
    for c in 0..n {
        let k = marks.cell(r, c);
        let entries = &marks.cells[k];
        if let Some(Some(value)) = marks.fixed.get(k) {
            lo += value;
            hi += value;
            continue;
        }
        if entries.is_empty() {
            continue;
        }
        let units: Vec<usize> = entries.iter().map(|e| e.unit).collect();
        let mut sorted = units.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() != units.len() {
            // A unit twice in one cell: no block.
            return cellwise;
        }
        let block = match blocks.iter().position(|b| b.0 == sorted) {
            Some(b) => b,
            None => {
                blocks.push((sorted.clone(), vec![0.0; sorted.len()], 0));
                blocks.len() - 1
            }
        };
        let (units, sums, cells) = &mut blocks[block];
        for e in entries {
            if let Ok(at) = units.binary_search(&e.unit) {
                sums[at] += e.points;
            }
        }
        *cells += 1;
    }
    for (_, sums, cells) in &blocks {
        let margin = CELL_MARGIN * (*cells as f64);
        lo += sums.iter().copied().fold(f64::MAX, f64::min) - margin;
        hi += sums.iter().copied().fold(f64::MIN, f64::max) + margin;
    }
    // Never looser than the cells' own.
    (lo.max(cellwise.0), hi.min(cellwise.1))
}

/// Counts of eligible regions by their bounds, each a binary search.
pub(crate) struct Counter {
    /// Lowest totals, ascending: of every eligible region, and of those
    /// that always pass.
    lo: Vec<f64>,
    lo_passing: Vec<f64>,
    /// Highest totals, ascending: of every eligible region, and of those
    /// that may pass.
    hi: Vec<f64>,
    hi_maybe_passing: Vec<f64>,
}

impl Counter {
    pub fn new(bounds: &Bounds, eligible: &[usize]) -> Counter {
        let sorted = |keep: &dyn Fn(usize) -> bool, of: &[f64]| {
            let mut v: Vec<f64> = eligible
                .iter()
                .filter(|&&r| keep(r))
                .map(|&r| of[r])
                .collect();
            v.sort_by(f64::total_cmp);
            v
        };
        Counter {
            lo: sorted(&|_| true, &bounds.lo),
            lo_passing: sorted(&|r| bounds.pass[r] == Pass::Always, &bounds.lo),
            hi: sorted(&|_| true, &bounds.hi),
            hi_maybe_passing: sorted(&|r| bounds.pass[r] != Pass::Never, &bounds.hi),
        }
    }

    /// Eligible regions whose lowest total is above `total`.
    pub fn above(&self, total: f64) -> usize {
        self.lo.len() - self.lo.partition_point(|&t| t <= total)
    }

    /// Regions that always pass with their lowest total above `total`.
    pub fn passing_above(&self, total: f64) -> usize {
        self.lo_passing.len() - self.lo_passing.partition_point(|&t| t <= total)
    }

    /// Eligible regions whose highest total reaches `total`.
    pub fn from(&self, total: f64) -> usize {
        self.hi.len() - self.hi.partition_point(|&t| t < total)
    }

    /// Regions that may pass with their highest total reaching `total`.
    pub fn maybe_passing_from(&self, total: f64) -> usize {
        self.hi_maybe_passing.len() - self.hi_maybe_passing.partition_point(|&t| t < total)
    }
}
