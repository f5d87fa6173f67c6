//! The selection recomputed on other panels that could have been: reviewers
//! resampled (a bootstrap), and each reviewer left out in turn.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::marks::{Marks, Outcome};
use crate::merge::{self, EPSILON, RegionResult, Status};
use crate::model::Committee;
use crate::rng::SplitMix64;

/// A panel's draw that leaves one of its cells without marks is drawn
/// again, up to this many times (then it counts as drawn).
const REDRAWS: u32 = 100;

/// What the bootstrap rounds did, per region in `review.ron` order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Resampled {
    pub selected: Vec<u32>,
    pub tied: Vec<u32>,
    /// Each region's ranks over the rounds, sorted.
    pub ranks: Vec<Vec<u32>>,
    /// Rounds whose selected regions are exactly the official ones (in
    /// the same tiers, with the same funding).
    pub same_selection: u32,
    /// Per region: rounds in which it kept its side of the cutoff, its tier
    /// and its funding.
    pub kept: Vec<u32>,
}

impl Resampled {
    fn new(regions: usize) -> Resampled {
        Resampled {
            selected: vec![0; regions],
            tied: vec![0; regions],
            ranks: vec![Vec::new(); regions],
            same_selection: 0,
            kept: vec![0; regions],
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
        self
    }
}

/// The bootstrap over reviewers: in each round, every panel's reviewers
/// with counting marks are drawn with replacement, as many as there are,
/// and a reviewer drawn twice counts twice. Each round draws from its own
/// generator, seeded in turn from `seed`, so the rounds can run on every
/// core and still give the same numbers.
pub(crate) fn bootstrap(marks: &Marks, official: &Outcome, rounds: u32, seed: u64) -> Resampled {
    let n = marks.regions();
    let panels = Panels::new(marks);
    let mut seeds = SplitMix64::new(seed);
    let seeds: Vec<u64> = (0..rounds).map(|_| seeds.next_u64()).collect();
    let mut out = seeds
        .par_iter()
        .fold(
            || Resampled::new(n),
            |mut out, &round_seed| {
                let weights = panels.draw(marks.units.len(), round_seed);
                let aggregates = marks.aggregates(marks.rule, |_, entries, buffer| {
                    for entry in entries {
                        for _ in 0..weights[entry.unit] {
                            buffer.push(entry.points);
                        }
                    }
                });
                let outcome = marks.outcome(&aggregates);
                let mut same = true;
                for r in 0..n {
                    match outcome.status[r] {
                        Status::Selected => out.selected[r] += 1,
                        Status::Tied => out.tied[r] += 1,
                        _ => {}
                    }
                    out.ranks[r].push(outcome.rank[r]);
                    out.kept[r] += u32::from(!outcome.moved(official, r));
                    same &= outcome.same_selection(official, r);
                }
                out.same_selection += u32::from(same);
                out
            },
        )
        .reduce(|| Resampled::new(n), Resampled::add);
    for ranks in &mut out.ranks {
        ranks.sort_unstable();
    }
    out
}

/// What a round draws from: each panel's (panel, reviewer) units, and the
/// cells only that panel marks, which a draw must not leave without marks.
struct Panels {
    units: Vec<Vec<usize>>,
    /// Per panel: for each cell only its units mark, those units.
    own_cells: Vec<Vec<Vec<usize>>>,
}

impl Panels {
    fn new(marks: &Marks) -> Panels {
        let mut by_panel: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
        for (k, unit) in marks.units.iter().enumerate() {
            by_panel.entry(unit.panel).or_default().push(k);
        }
        let mut panel_of_unit = vec![0; marks.units.len()];
        let units: Vec<Vec<usize>> = by_panel.into_values().collect();
        for (p, members) in units.iter().enumerate() {
            for &u in members {
                panel_of_unit[u] = p;
            }
        }
        let mut own_cells = vec![Vec::new(); units.len()];
        for cell in &marks.cells {
            let Some(first) = cell.first() else {
                continue;
            };
            let p = panel_of_unit[first.unit];
            if cell.iter().all(|e| panel_of_unit[e.unit] == p) {
                own_cells[p].push(cell.iter().map(|e| e.unit).collect());
            }
        }
        Panels { units, own_cells }
    }

    /// One round's draw: how many times each (panel, reviewer) counts. Each
    /// panel draws as many of its units as it has, with replacement; a draw
    /// that leaves one of its cells without any mark is drawn again.
    fn draw(&self, n_units: usize, seed: u64) -> Vec<u32> {
        let mut rng = SplitMix64::new(seed);
        let mut weights = vec![0u32; n_units];
        for (units, cells) in self.units.iter().zip(&self.own_cells) {
            for _ in 0..=REDRAWS {
                for &u in units {
                    weights[u] = 0;
                }
                for _ in 0..units.len() {
                    weights[units[rng.below(units.len())]] += 1;
                }
                let keeps_every_cell = cells
                    .iter()
                    .all(|cell| cell.iter().any(|&u| weights[u] > 0));
                if keeps_every_cell {
                    break;
                }
            }
        }
        weights
    }
}

/// Where a region lands in a recomputed outcome: its status, its tier (an
/// index into `committee.tiers`) and whether it is funded, as in [`Outcome`].
pub(crate) type Landing = (Status, Option<u16>, Option<bool>);

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
) -> Vec<Without> {
    leave_one_out_with(marks, official_cells, official, true)
}

/// Totals closer than this count as touching: far more than `EPSILON`, so
/// that no chain of totals equal within `EPSILON` reaches across a gap this
/// wide (totals of marks on a grid are never that dense).
const BAND: f64 = 1e-6;

/// [`leave_one_out`]; with `shortcut`, a ranking is recomputed only for
/// the regions around the cutoff (see [`Cutoff::changes`]), which at a
/// national scale is a small part of them. Without it, every ranking is
/// recomputed in full.
pub(crate) fn leave_one_out_with(
    marks: &Marks,
    official_cells: &[Option<f64>],
    official: &Outcome,
    shortcut: bool,
) -> Vec<Without> {
    let cells_of = marks.cells_of_reviewers();
    let cutoff = Cutoff::new(marks, official);
    let mut work = official_cells.to_vec();
    let mut buffer = Vec::new();
    (0..marks.reviewers.len())
        .map(|i| {
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
                work[k] = merge::aggregate(marks.rule, &buffer);
                emptied += u32::from(work[k].is_none());
                let region = k / marks.n_criteria.max(1);
                if !touched.contains(&region) {
                    touched.push(region);
                }
            }
            let quick = if shortcut {
                cutoff.changes(&work, &touched)
            } else {
                None
            };
            let changes = quick.map_or_else(
                || {
                    let outcome = marks.outcome(&work);
                    (0..marks.regions())
                        .filter(|&r| {
                            outcome.status[r] != official.status[r]
                                || outcome.tier[r] != official.tier[r]
                                || outcome.funded[r] != official.funded[r]
                        })
                        .map(|r| (r, (outcome.status[r], outcome.tier[r], outcome.funded[r])))
                        .collect()
                },
                // The shortcut runs only for reviews without tiers or a budget.
                |quick| {
                    quick
                        .into_iter()
                        .map(|(r, status)| (r, (status, None, None)))
                        .collect()
                },
            );
            for &k in &cells_of[i] {
                work[k] = official_cells[k];
            }
            Without {
                reviewer: i,
                changes,
                emptied,
            }
        })
        .collect()
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
