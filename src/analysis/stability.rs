//! The selection recomputed on other panels that could have been: reviewers
//! resampled (a bootstrap), and each reviewer left out in turn.

use rayon::prelude::*;

use super::contest::Contest;
use super::draw::{Panels, fill};
pub(crate) use super::marks::Landing;
use super::marks::{Marks, Outcome, moved, same_selection};
use super::settings::{BATCH_ROUNDS, MAX_ROUNDS, MIN_ROUNDS, largest_standard_error, precise};
use crate::merge::{self, EPSILON, RegionResult, Status, Thresholds};
use crate::model::Committee;
use crate::rng::SplitMix64;

/// What the bootstrap rounds did, per region in `review.ron` order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Resampled {
    pub rounds: u32,
    pub selected: Vec<u32>,
    pub tied: Vec<u32>,
    /// Each contested region's ranks over the rounds, sorted (see
    /// [`Resampled::rank_range`]).
    pub ranks: Vec<Vec<u32>>,
    /// Rounds whose selected regions are exactly the official ones (in
    /// the same tiers, with the same funding).
    pub same_selection: u32,
    /// Per region: rounds in which it kept its side of the cutoff, its tier
    /// and its funding.
    pub kept: Vec<u32>,
    /// The largest standard error of a region's share of rounds selected
    /// (or kept, under tiers or a budget).
    pub standard_error: f64,
    /// Whether the rounds stopped at [`MAX_ROUNDS`] short of the precision.
    pub ceiling: bool,
    /// Per region: where it lands in every round, when that is certain,
    /// and the ranks it can take.
    settled: Vec<Option<(Landing, (u32, u32))>>,
    /// The rounds in which the settled regions were not ranked again.
    pruned: u32,
}

impl Resampled {
    fn new(regions: usize) -> Resampled {
        Resampled {
            selected: vec![0; regions],
            tied: vec![0; regions],
            ranks: vec![Vec::new(); regions],
            kept: vec![0; regions],
            ..Resampled::default()
        }
    }

    /// Adds up two sets of rounds; which rounds came first doesn't matter,
    /// as counts add and ranks are sorted at the end.
    fn add(mut self, other: Resampled) -> Resampled {
        for r in 0..self.selected.len() {
            self.selected[r] += other.selected[r];
            self.tied[r] += other.tied[r];
            self.ranks[r].extend_from_slice(&other.ranks[r]);
            self.kept[r] += other.kept[r];
        }
        self.same_selection += other.same_selection;
        self.rounds += other.rounds;
        self.pruned += other.pruned;
        self
    }

    /// One round's landing of region `r`, against the official one.
    /// Returns whether it is selected alike.
    fn count(&mut self, r: usize, landing: Landing, official: Landing) -> bool {
        match landing.0 {
            Status::Selected => self.selected[r] += 1,
            Status::Tied => self.tied[r] += 1,
            _ => {}
        }
        self.kept[r] += u32::from(!moved(landing, official));
        same_selection(landing, official)
    }

    /// The settled regions' rounds that were not played, added at once.
    fn settle(&mut self, contest: &Contest, official: &Outcome) {
        self.settled = contest
            .settled
            .iter()
            .zip(&contest.rank_bounds)
            .map(|(s, &bounds)| s.map(|landing| (landing, bounds)))
            .collect();
        for r in 0..self.selected.len() {
            if let Some((landing, _)) = self.settled[r] {
                for _ in 0..self.pruned {
                    self.count(r, landing, official.landing(r));
                }
            }
        }
    }

    /// The middle 90% of region `r`'s ranks over the rounds; for a settled
    /// region, the ranks it can take at all (it is not ranked again).
    pub fn rank_range(&self, r: usize) -> (u32, u32) {
        match self.settled.get(r) {
            Some(Some((_, bounds))) => *bounds,
            _ => (
                quantile(&self.ranks[r], 0.05),
                quantile(&self.ranks[r], 0.95),
            ),
        }
    }

    /// The largest standard error of a share of these rounds: selected,
    /// and kept where the official outcome has tiers or funding. (A settled
    /// region's shares are 0 or 1, without error, whether or not its rounds
    /// not played are added yet, by [`Resampled::settle`].)
    fn largest_error(&self, official: &Outcome) -> f64 {
        let regions = (0..self.selected.len())
            .filter(|&r| official.status[r] != Status::Ineligible)
            .map(|r| {
                (
                    self.selected[r],
                    has_kept(official, r).then_some(self.kept[r]),
                )
            });
        largest_standard_error(regions, self.rounds)
    }
}

/// Whether region `r`'s rounds that kept its tier and funding are told
/// apart from those that kept its side: under tiers or a budget.
pub(crate) fn has_kept(official: &Outcome, r: usize) -> bool {
    official.tier[r].is_some() || official.funded[r].is_some()
}

/// How many rounds the bootstrap plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rounds {
    Exactly(u32),
    /// From [`MIN_ROUNDS`], [`BATCH_ROUNDS`] more at a time, until every
    /// share is precise or [`MAX_ROUNDS`] are played.
    Precise,
}

/// The bootstrap over reviewers: in each round, every panel's reviewers
/// with counting marks are drawn with replacement, as many as there are,
/// and a reviewer drawn twice counts twice. Each round draws from its own
/// generator, seeded in turn from `seed`, so the rounds can run on every
/// core, in batches of any size, and still give the same numbers. Only the
/// contested regions are ranked again (see [`Contest`]).
pub(crate) fn bootstrap(
    marks: &Marks,
    official: &Outcome,
    contest: &Contest,
    rounds: Rounds,
    seed: u64,
) -> Resampled {
    bootstrap_with(marks, official, Some(contest), rounds, seed)
}

/// [`bootstrap`]; without a `contest`, every round ranks every region again.
pub(crate) fn bootstrap_with(
    marks: &Marks,
    official: &Outcome,
    contest: Option<&Contest>,
    rounds: Rounds,
    seed: u64,
) -> Resampled {
    let everyone;
    let (contest, prune) = match contest {
        Some(contest) => (contest, true),
        None => {
            everyone = Contest::none(marks);
            (&everyone, false)
        }
    };
    let player = Player {
        marks,
        official,
        contest,
        panels: Panels::new(marks),
        prune,
    };
    let mut seeds = SplitMix64::new(seed);
    let mut out = Resampled::new(marks.regions());
    loop {
        let batch = match rounds {
            Rounds::Exactly(n) => n.saturating_sub(out.rounds),
            Rounds::Precise if out.rounds < MIN_ROUNDS => MIN_ROUNDS - out.rounds,
            Rounds::Precise => {
                out.standard_error = out.largest_error(official);
                if precise(out.standard_error) || out.rounds >= MAX_ROUNDS {
                    out.ceiling = !precise(out.standard_error);
                    0
                } else {
                    BATCH_ROUNDS.min(MAX_ROUNDS - out.rounds)
                }
            }
        };
        if batch == 0 {
            break;
        }
        let batch: Vec<u64> = (0..batch).map(|_| seeds.next_u64()).collect();
        out = out.add(player.play(&batch));
    }
    if prune {
        out.settle(contest, official);
    }
    out.standard_error = out.largest_error(official);
    for ranks in &mut out.ranks {
        ranks.sort_unstable();
    }
    out
}

/// What plays the rounds.
struct Player<'p, 'a> {
    marks: &'p Marks<'a>,
    official: &'p Outcome,
    contest: &'p Contest,
    panels: Panels,
    prune: bool,
}

impl Player<'_, '_> {
    /// The rounds of these seeds, on every core.
    fn play(&self, seeds: &[u64]) -> Resampled {
        let marks = self.marks;
        let n = marks.regions();
        seeds
            .par_iter()
            .fold(
                || (Resampled::new(n), vec![None; marks.cells.len()], Vec::new()),
                |(mut out, mut work, mut buffer), &seed| {
                    let (weights, complete) = self.panels.draw(marks.units.len(), seed);
                    out.rounds += 1;
                    if self.prune && complete {
                        out.pruned += 1;
                        self.contested(&mut out, &weights, &mut work, &mut buffer);
                    } else {
                        self.full(&mut out, &weights);
                    }
                    (out, work, buffer)
                },
            )
            .map(|(out, _, _)| out)
            .reduce(|| Resampled::new(n), Resampled::add)
    }

    /// A round in which every region is ranked again.
    fn full(&self, out: &mut Resampled, weights: &[u32]) {
        let marks = self.marks;
        let aggregates = marks.aggregates(marks.rule, |_, entries, buffer| {
            fill(entries, weights, buffer);
        });
        let outcome = marks.outcome(&aggregates);
        let mut same = true;
        for r in 0..marks.regions() {
            same &= out.count(r, outcome.landing(r), self.official.landing(r));
            out.ranks[r].push(outcome.rank[r]);
        }
        out.same_selection += u32::from(same);
    }

    /// A round in which only the contested regions, and the settled ones
    /// they may meet, are ranked again: each settled region lands where it
    /// always does (counted at the end, in [`Resampled::settle`]).
    fn contested(
        &self,
        out: &mut Resampled,
        weights: &[u32],
        work: &mut [Option<f64>],
        buffer: &mut Vec<f64>,
    ) {
        let marks = self.marks;
        let contest = self.contest;
        for &r in &contest.ranked {
            for c in 0..marks.n_criteria {
                let k = marks.cell(r, c);
                buffer.clear();
                fill(&marks.cells[k], weights, buffer);
                work[k] = marks.value(marks.rule, k, buffer);
            }
        }
        let mut same = true;
        for (r, landing, rank) in contest.rank(marks, work) {
            same &= out.count(r, landing, self.official.landing(r));
            out.ranks[r].push(rank);
        }
        out.same_selection += u32::from(same);
    }
}

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
/// national scale is a small part of them. Without, or when a cell is left
/// without marks, every ranking is recomputed in full.
pub(crate) fn leave_one_out_with(
    marks: &Marks,
    official_cells: &[Option<f64>],
    official: &Outcome,
    contest: Option<&Contest>,
) -> Vec<Without> {
    let cells_of = marks.cells_of_reviewers();
    let cutoff = Cutoff::new(marks, official);
    let thresholds = Thresholds::new(&marks.review.committee, &marks.review.categories);
    (0..marks.reviewers.len())
        .into_par_iter()
        .map_init(
            || (official_cells.to_vec(), Vec::new()),
            |(work, buffer), i| {
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
                let quick = contest.and_then(|contest| {
                    // The shortcut runs only for reviews without tiers or a budget.
                    let around = cutoff.changes(work, &touched).map(|quick| {
                        quick
                            .into_iter()
                            .map(|(r, status)| (r, (status, None, None)))
                            .collect()
                    });
                    around.or_else(|| {
                        (emptied == 0).then(|| {
                            contested_changes(marks, contest, &thresholds, work, &touched, official)
                        })
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
                Without {
                    reviewer: i,
                    changes,
                    emptied,
                }
            },
        )
        .collect()
}

/// The regions that land elsewhere than officially when the cells are as
/// in `cells`, only the `touched` regions' having changed, each within its
/// marks: the contested regions as ranked again, and a touched settled
/// region out of the selection below a threshold or not.
fn contested_changes(
    marks: &Marks,
    contest: &Contest,
    thresholds: &Thresholds,
    cells: &[Option<f64>],
    touched: &[usize],
    official: &Outcome,
) -> Vec<(usize, Landing)> {
    let mut changes: Vec<(usize, Landing)> = contest
        .rank(marks, cells)
        .into_iter()
        .map(|(r, landing, _)| (r, landing))
        .collect();
    for &r in touched {
        if let Some((status, tier, funded)) = contest.settled[r]
            && matches!(status, Status::NotSelected | Status::BelowThreshold)
        {
            let status = if thresholds.below(&marks.ranked_input(cells, r)) {
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
                Status::Selected => total > edge_high + BAND && before > edge_high + BAND,
                Status::NotSelected | Status::BelowThreshold | Status::Ineligible => {
                    total < edge_low - BAND && before < edge_low - BAND
                }
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

/// The value below which `share` of the sorted `values` lie (nearest rank).
pub(crate) fn quantile(values: &[u32], share: f64) -> u32 {
    if values.is_empty() {
        return 0;
    }
    let at = ((share * values.len() as f64).ceil() as usize).clamp(1, values.len());
    values[at - 1]
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
