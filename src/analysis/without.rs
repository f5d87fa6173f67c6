//! The selection recomputed without each reviewer in turn: the hinges of
//! the analysis.

use rayon::prelude::*;

use super::blocks::{CellScores, Sums};
use super::contest::{Contest, RankWork};
use super::marks::{Landing, Marks, Outcome};
use crate::merge::{self, EPSILON, RegionResult, Status, Thresholds};
use crate::model::Committee;

/// Without one reviewer: the regions whose status would change, and how
/// many scored cells would be left without marks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Without {
    pub reviewer: usize,
    /// (region index, where it lands without them), in `review.ron` order.
    pub changes: Vec<(usize, Landing)>,
    pub emptied: u32,
}

/// The selection recomputed without each reviewer in turn (all their
/// marks, on every panel).
pub(crate) fn leave_one_out(
    marks: &Marks,
    official_cells: &[Option<f64>],
    official: &Outcome,
    contest: &Contest,
) -> Vec<Without> {
    leave_one_out_with(marks, official_cells, official, Some(contest))
}

/// Totals closer than this count as touching: far more than `EPSILON`, so
/// that no chain of totals equal within `EPSILON` reaches across a gap this
/// wide (totals of marks on a grid are never that dense).
const BAND: f64 = 1e-6;

/// [`leave_one_out`]; with a `contest`, a ranking is recomputed only for
/// the regions around the cutoff (see [`Cutoff::changes`]), or else only
/// for the contested regions (leaving a reviewer out keeps every cell that
/// keeps a mark within its marks, as a bootstrap round does), which at a
/// national scale is a small part of them, and only when the reviewer
/// marked one of them (see [`Again`]). Without, or when a cell is left
/// without marks, every ranking is recomputed in full.
pub(crate) fn leave_one_out_with(
    marks: &Marks,
    official_cells: &[Option<f64>],
    official: &Outcome,
    contest: Option<&Contest>,
) -> Vec<Without> {
    let cells_of = marks.cells_of_reviewers();
    let cutoff = Cutoff::new(marks, official);
    let again = contest.map(|contest| Again::new(marks, contest, official_cells));
    (0..marks.reviewers.len())
        .into_par_iter()
        .map_init(
            || {
                let sums = again
                    .as_ref()
                    .map(|a| (a.sums.clone(), RankWork::default()));
                (official_cells.to_vec(), Vec::new(), sums)
            },
            |(work, buffer, sums), i| {
                let mut emptied = 0;
                let mut touched: Vec<usize> = Vec::new();
                for &k in &cells_of[i] {
                    buffer.clear();
                    buffer.extend(
                        marks.cells[k]
                            .iter()
                            .filter(|e| e.reviewer != i)
                            .map(|e| e.points),
                    );
                    work[k] = merge::aggregate(marks.rule, buffer);
                    emptied += u32::from(work[k].is_none());
                    let region = k / marks.n_criteria.max(1);
                    if !touched.contains(&region) {
                        touched.push(region);
                    }
                }
                let quick = again.as_ref().zip(sums.as_mut()).and_then(|(again, sums)| {
                    // The shortcut runs only for reviews without tiers or a budget.
                    let around = cutoff.changes(work, &touched).map(|quick| {
                        quick
                            .into_iter()
                            .map(|(r, status)| (r, (status, None, None)))
                            .collect()
                    });
                    around.or_else(|| {
                        (emptied == 0).then(|| again.changes(sums, work, &touched, official))
                    })
                });
                let changes = quick.unwrap_or_else(|| {
                    let outcome = marks.outcome(work);
                    (0..marks.regions())
                        .filter(|&r| outcome.landing(r) != official.landing(r))
                        .map(|r| (r, outcome.landing(r)))
                        .collect()
                });
                for &k in &cells_of[i] {
                    work[k] = official_cells[k];
                }
                if let (Some(again), Some((sums, _))) = (&again, sums.as_mut()) {
                    again.restore(sums, work, &touched);
                }
                Without {
                    reviewer: i,
                    changes,
                    emptied,
                }
            },
        )
        .collect()
}

/// The contested regions ranked again with a few regions' cells changed:
/// only those regions' sums are added again, and they are put back among
/// the others in the official order, so that the ranking finds them sorted.
struct Again<'c, 'm, 'a> {
    marks: &'m Marks<'a>,
    contest: &'c Contest,
    thresholds: Thresholds,
    /// The ranked regions' sums from the official cells.
    sums: Sums,
    /// Per region, its place among the ranked, if it is.
    at: Vec<Option<usize>>,
    /// The ranked regions (by place) by descending official total, and
    /// each one's index in that order.
    order: Vec<usize>,
    place: Vec<usize>,
}

impl<'c, 'm, 'a> Again<'c, 'm, 'a> {
    fn new(marks: &'m Marks<'a>, contest: &'c Contest, cells: &[Option<f64>]) -> Self {
        let sums = Sums::new(marks, &contest.ranked, cells);
        let mut at = vec![None; marks.regions()];
        for (m, &r) in contest.ranked.iter().enumerate() {
            at[r] = Some(m);
        }
        let mut order: Vec<usize> = (0..contest.ranked.len()).collect();
        order.sort_by(|&a, &b| sums.total(b).total_cmp(&sums.total(a)));
        let mut place = vec![0; order.len()];
        for (k, &m) in order.iter().enumerate() {
            place[m] = k;
        }
        Again {
            marks,
            contest,
            thresholds: Thresholds::new(&marks.review.committee, &marks.review.categories),
            sums,
            at,
            order,
            place,
        }
    }

    /// The regions that land elsewhere than officially when the cells are
    /// as in `cells`, only the `touched` regions' having changed, each
    /// within its marks: the contested regions as ranked again (when one
    /// of the ranked is touched: else they land as officially), and a
    /// touched settled region out of the selection below a threshold or
    /// not. `sums` are the official ones; the touched regions' are left
    /// changed (see [`Again::restore`]).
    fn changes(
        &self,
        (sums, work): &mut (Sums, RankWork),
        cells: &[Option<f64>],
        touched: &[usize],
        official: &Outcome,
    ) -> Vec<(usize, Landing)> {
        let (marks, contest) = (self.marks, self.contest);
        let mut moved: Vec<usize> = touched.iter().filter_map(|&r| self.at[r]).collect();
        let mut changes: Vec<(usize, Landing)> = Vec::new();
        if !moved.is_empty() {
            for &m in &moved {
                sums.update(marks, m, contest.ranked[m], cells);
            }
            moved.sort_by(|&a, &b| sums.total(b).total_cmp(&sums.total(a)));
            let total = |m: usize| sums.total(m);
            merged(&mut work.order, &self.order, &self.place, &moved, total);
            let scores = CellScores {
                sums,
                cells,
                ranked: &contest.ranked,
                n_criteria: marks.n_criteria,
            };
            let landings = contest.rank_order(marks, &scores, work);
            changes.extend(landings.iter().map(|&(r, landing, _)| (r, landing)));
        }
        for &r in touched {
            if let Some((status, tier, funded)) = contest.settled[r]
                && matches!(status, Status::NotSelected | Status::BelowThreshold)
            {
                let status = if self.thresholds.below(&marks.ranked_input(cells, r)) {
                    Status::BelowThreshold
                } else {
                    Status::NotSelected
                };
                changes.push((r, (status, tier, funded)));
            }
        }
        changes.retain(|&(r, landing)| landing != official.landing(r));
        changes.sort_unstable_by_key(|&(r, _)| r);
        changes
    }

    /// The official sums of the `touched` regions again, the cells being
    /// the official ones.
    fn restore(&self, sums: &mut Sums, cells: &[Option<f64>], touched: &[usize]) {
        for &r in touched {
            if let Some(m) = self.at[r] {
                sums.update(self.marks, m, r, cells);
            }
        }
    }
}

/// `order` without the `moved` regions (`place` giving each region's
/// index in it), and they put back in it, by descending `total`, into
/// `out`: all by descending `total` when `order` was and `moved` is.
fn merged(
    out: &mut Vec<usize>,
    order: &[usize],
    place: &[usize],
    moved: &[usize],
    total: impl Fn(usize) -> f64,
) {
    let mut gone: Vec<usize> = moved.iter().map(|&m| place[m]).collect();
    gone.sort_unstable();
    let mut gone = gone.into_iter().peekable();
    let mut next = moved.iter().copied().peekable();
    out.clear();
    for (k, &m) in order.iter().enumerate() {
        if gone.next_if_eq(&k).is_some() {
            continue;
        }
        while let Some(first) = next.next_if(|&first| total(first) > total(m)) {
            out.push(first);
        }
        out.push(m);
    }
    out.extend(next);
}

/// The official ranking around its cutoff, to tell what a change of a few
/// regions' totals does to the statuses by ranking only the regions whose
/// totals come near theirs or the cutoff.
struct Cutoff<'m, 'a> {
    marks: &'m Marks<'a>,
    official: &'m Outcome,
    /// (official total, region), ascending.
    sorted: Vec<(f64, usize)>,
    /// The lowest total in and the highest out (`NotSelected`).
    lowest_in: Option<f64>,
    highest_out: Option<f64>,
    tied: bool,
    /// The review has more than one cutoff or a rule beside the total
    /// (tiers, eligibility, minimums on criteria or categories, a budget):
    /// every change takes the full ranking.
    programme: bool,
}

impl<'m, 'a> Cutoff<'m, 'a> {
    fn new(marks: &'m Marks<'a>, official: &'m Outcome) -> Cutoff<'m, 'a> {
        let mut sorted: Vec<(f64, usize)> = official.total.iter().copied().zip(0..).collect();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let totals = |status: Status| {
            (0..marks.regions())
                .filter(move |&r| official.status[r] == status)
                .map(|r| official.total[r])
        };
        Cutoff {
            lowest_in: totals(Status::Selected).reduce(f64::min),
            highest_out: totals(Status::NotSelected).reduce(f64::max),
            tied: official.status.contains(&Status::Tied),
            programme: uses_programme(marks.review),
            marks,
            official,
            sorted,
        }
    }

    fn below(&self, total: f64) -> bool {
        let min = self.marks.review.committee.min_total;
        min.is_some_and(|min| total < min - EPSILON)
    }

    /// The regions whose status changes when the `touched` regions' cells
    /// are as in `aggregates`, or `None` when that takes the full ranking.
    ///
    /// Only the regions of the [`Cutoff::window`] are ranked again. Rules 6
    /// and 7 only compare totals within `EPSILON` of each other, so the
    /// window ranks as it would among all regions, with the places the
    /// regions above it leave.
    fn changes(
        &self,
        aggregates: &[Option<f64>],
        touched: &[usize],
    ) -> Option<Vec<(usize, Status)>> {
        if self.tied || self.programme {
            return None;
        }
        let official = self.official;
        let now: Vec<(usize, f64)> = touched
            .iter()
            .map(|&r| (r, self.marks.total(aggregates, r)))
            .collect();
        let (low, high) = self.window(&now, touched)?;
        let is_touched = |r: usize| touched.contains(&r);
        let current = |r: usize| {
            now.iter()
                .find(|&&(c, _)| c == r)
                .map_or(official.total[r], |&(_, t)| t)
        };
        // The regions by where their current totals fall.
        let start = self.sorted.partition_point(|&(t, _)| t < low);
        let end = self.sorted.partition_point(|&(t, _)| t <= high);
        let mut inside: Vec<usize> = self.sorted[start..end]
            .iter()
            .map(|&(_, r)| r)
            .filter(|&r| !is_touched(r))
            .collect();
        inside.extend(
            now.iter()
                .filter(|&&(_, t)| t >= low && t <= high)
                .map(|&(r, _)| r),
        );
        // Above the window: regions that were in (their totals are above
        // every total out) and the changed regions now above it, which must
        // have been in too. All stay in.
        let touched_above_before = touched
            .iter()
            .filter(|&&r| official.total[r] > high)
            .count();
        let moved_above: Vec<usize> = now
            .iter()
            .filter(|&&(_, t)| t > high)
            .map(|&(r, _)| r)
            .collect();
        if moved_above
            .iter()
            .any(|&r| official.status[r] != Status::Selected || self.below(current(r)))
        {
            return None;
        }
        let taken = self.sorted.len() - end - touched_above_before + moved_above.len();
        let committee = &self.marks.review.committee;
        let select = committee.places();
        if taken > select as usize {
            return None;
        }
        let places = Committee {
            select: Some(select - taken as u32),
            ..committee.clone()
        };
        let window: Vec<RegionResult> = inside
            .iter()
            .map(|&r| self.marks.ranked_input(aggregates, r))
            .collect();
        let ranked = merge::rank_by(&places, &self.marks.review.categories, window);
        let filled = ranked
            .iter()
            .filter(|r| matches!(r.status, Status::Selected | Status::Tied))
            .count();
        // With places left over, regions below the window could come in.
        if filled < places.places() as usize {
            return None;
        }
        let mut changes = Vec::new();
        for result in &ranked {
            let r = result.marks as usize;
            if result.status != official.status[r] {
                changes.push((r, result.status));
            }
        }
        changes.extend(self.changes_below(&now, low));
        changes.sort_unstable_by_key(|&(r, _)| r);
        Some(changes)
    }

    /// The range of totals to rank again: from the cutoff to every changed
    /// region that comes near it, widened until a gap wider than [`BAND`]
    /// separates it from the totals outside. `None` without a region either
    /// side of the cutoff.
    fn window(&self, now: &[(usize, f64)], touched: &[usize]) -> Option<(f64, f64)> {
        let (lowest_in, highest_out) = (self.lowest_in?, self.highest_out?);
        let official = self.official;
        let (edge_low, edge_high) = (lowest_in.min(highest_out), lowest_in.max(highest_out));
        // A changed region stays clear of the cutoff when it was and stays
        // on its side, further than BAND from it. (Out of the selection, it
        // may still cross the minimum total; that changes only its own
        // status, unless places are left, which is checked below.)
        let clear = |r: usize, total: f64| {
            let before = official.total[r];
            match official.status[r] {
                Status::Selected | Status::Drawn => {
                    total > edge_high + BAND && before > edge_high + BAND
                }
                Status::NotSelected
                | Status::NotDrawn
                | Status::BelowThreshold
                | Status::Ineligible => total < edge_low - BAND && before < edge_low - BAND,
                Status::Tied => false,
            }
        };
        let (mut low, mut high) = (edge_low, edge_high);
        for &(r, total) in now {
            if !clear(r, total) {
                low = low.min(total).min(official.total[r]);
                high = high.max(total).max(official.total[r]);
            }
        }
        let is_touched = |r: usize| touched.contains(&r);
        // Widen to gaps wider than BAND on both sides.
        loop {
            let above = self.nearest(high, true, now, &is_touched);
            let below = self.nearest(low, false, now, &is_touched);
            let widened_high = above.filter(|&t| t <= high + BAND);
            let widened_low = below.filter(|&t| t >= low - BAND);
            if widened_high.is_none() && widened_low.is_none() {
                break;
            }
            high = widened_high.unwrap_or(high);
            low = widened_low.unwrap_or(low);
        }
        Some((low, high))
    }

    /// Below the window the places are filled: only a changed region can
    /// change status there, across the minimum total.
    fn changes_below<'n>(
        &'n self,
        now: &'n [(usize, f64)],
        low: f64,
    ) -> impl Iterator<Item = (usize, Status)> + 'n {
        now.iter()
            .filter(move |&&(_, t)| t < low)
            .filter_map(|&(r, total)| {
                let status = if self.below(total) {
                    Status::BelowThreshold
                } else {
                    Status::NotSelected
                };
                (status != self.official.status[r]).then_some((r, status))
            })
    }

    /// The nearest current total strictly above (or below) `from`.
    fn nearest(
        &self,
        from: f64,
        up: bool,
        now: &[(usize, f64)],
        is_touched: &dyn Fn(usize) -> bool,
    ) -> Option<f64> {
        let untouched = if up {
            let at = self.sorted.partition_point(|&(t, _)| t <= from);
            self.sorted[at..]
                .iter()
                .find(|&&(_, r)| !is_touched(r))
                .map(|&(t, _)| t)
        } else {
            let at = self.sorted.partition_point(|&(t, _)| t < from);
            self.sorted[..at]
                .iter()
                .rev()
                .find(|&&(_, r)| !is_touched(r))
                .map(|&(t, _)| t)
        };
        let changed = now
            .iter()
            .map(|&(_, t)| t)
            .filter(|&t| if up { t > from } else { t < from });
        let all = untouched.into_iter().chain(changed);
        if up {
            all.reduce(f64::min)
        } else {
            all.reduce(f64::max)
        }
    }
}

/// Whether the review's rules go beyond one cutoff on the total.
fn uses_programme(review: &crate::model::Review) -> bool {
    let committee = &review.committee;
    !committee.tiers.is_empty()
        || committee.eligibility.is_some()
        || committee.budget.is_some()
        || review
            .all_categories()
            .iter()
            .any(|p| p.category.min.is_some())
        || review.criteria().any(|(_, c)| c.min.is_some())
}
