//! Which regions a bootstrap round can move, so that only those are
//! recomputed and ranked again.
//!
//! Under the reviewer bootstrap each cell's score is an aggregate (mean,
//! median or trimmed mean) of a multiset drawn from that cell's marks, so it
//! stays within their lowest and highest, and each region's total within
//! exact bounds. A region whose bounds keep it, in every round, among the
//! places of one tier (or past the last place) lands there in every round:
//! it is *settled*. The others are *contested*: in each round they are
//! ranked again among themselves and the settled regions their bounds can
//! meet, under the places left by the settled regions certainly above them.
//! This gives exactly the statuses, tiers and funding of the full ranking
//! (a test holds it to that on random reviews).

use super::marks::{Marks, Outcome};
use super::stability::Landing;
use crate::merge::{self, EPSILON, Status, Thresholds};
use crate::model::{Aggregate, Committee, Tier};

/// Totals this close count as touching: far more than `EPSILON`, so that
/// no chain of totals equal within `EPSILON` (one ex-aequo group) reaches
/// across a gap this wide, and far more than the rounding of a mean of
/// copies of marks.
const MARGIN: f64 = 1e-6;
/// A cell's score is taken to lie within its marks widened by this: a mean
/// of copies of one mark may round past it by an ulp.
const CELL_MARGIN: f64 = 1e-7;

/// Below this many regions every region is ranked again in every round:
/// the rounds cost little, and every rank range is the middle 90% of the
/// ranks. (A settled region is not ranked again, so its range is the ranks
/// its bounds allow, which are wider.)
pub(crate) const SETTLED_FROM: usize = 1000;

/// Whether a region passes every threshold (minimum total, of a category
/// or of a criterion) in every round, fails one in every round, or either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Always,
    Never,
    Maybe,
}

/// What the rounds need to know of the review's regions.
#[derive(Debug, Clone)]
pub(crate) struct Contest {
    /// Per region in `review.ron` order: where it lands in every round,
    /// when that is certain (ineligible regions too).
    pub settled: Vec<Option<Landing>>,
    /// Per settled region: the ranks it can take (0 for an ineligible one).
    pub rank_bounds: Vec<(u32, u32)>,
    /// The regions ranked again in every round, in `review.ron` order:
    /// every contested region, and the settled ones that can come between
    /// them. Empty when no region is contested.
    pub ranked: Vec<usize>,
    /// The settled regions above every ranked one, each taking a place.
    pub above: u32,
    /// The committee with the places of the regions `above` taken.
    pub committee: Committee,
    /// Per tier of `committee`, its index in the review's tiers, as a
    /// [`Landing`] gives it (found by id, as for the merge's results).
    tier_index: Vec<Option<u16>>,
}

impl Contest {
    /// Every eligible region contested: the full ranking in every round.
    pub fn none(marks: &Marks) -> Contest {
        let ineligible = |r: usize| marks.ineligible[r];
        let landing = ineligible_landing(marks);
        Contest {
            settled: (0..marks.regions())
                .map(|r| ineligible(r).then_some(landing))
                .collect(),
            rank_bounds: vec![(0, 0); marks.regions()],
            ranked: (0..marks.regions()).filter(|&r| !ineligible(r)).collect(),
            above: 0,
            committee: marks.review.committee.clone(),
            tier_index: tier_index(&marks.review.committee, &marks.review.committee),
        }
    }

    /// How many eligible regions are settled.
    pub fn settled_eligible(&self, marks: &Marks) -> u32 {
        let settled = (0..marks.regions())
            .filter(|&r| !marks.ineligible[r] && self.settled[r].is_some())
            .count();
        u32::try_from(settled).unwrap_or(u32::MAX)
    }

    /// [`Contest::new`] from [`SETTLED_FROM`] regions, else [`Contest::none`].
    pub fn of(marks: &Marks, official: &Outcome) -> Contest {
        if marks.regions() >= SETTLED_FROM {
            Contest::new(marks, official)
        } else {
            Contest::none(marks)
        }
    }

    /// The settled and contested regions of `marks` under its committee.
    pub fn new(marks: &Marks, official: &Outcome) -> Contest {
        let n = marks.regions();
        let Some(bounds) = Bounds::new(marks) else {
            return Contest::none(marks);
        };
        let committee = &marks.review.committee;
        let eligible: Vec<usize> = (0..n).filter(|&r| !marks.ineligible[r]).collect();
        let count = Counter::new(&bounds, &eligible);
        let tiers = committee.tiers();
        let places = committee.places() as usize;
        let out_landing = (
            Status::NotSelected,
            None,
            committee.budget.as_ref().map(|_| false),
        );
        let mut settled: Vec<Option<Landing>> = vec![None; n];
        let mut rank_bounds = vec![(0, 0); n];
        for r in 0..n {
            if marks.ineligible[r] {
                settled[r] = Some(ineligible_landing(marks));
                continue;
            }
            let (lo, hi) = (bounds.lo[r], bounds.hi[r]);
            // Regions certainly ahead of it, taking a place; regions that
            // may be ahead of it or ex aequo, and may take a place.
            let ahead = count.passing_above(hi + MARGIN);
            rank_bounds[r] = (
                count.above(hi + MARGIN) as u32 + 1,
                count.from(lo - MARGIN) as u32,
            );
            if bounds.loose[r] {
                continue;
            }
            if bounds.pass[r] == Pass::Never || ahead >= places {
                settled[r] = Some(out_landing);
            } else if bounds.pass[r] == Pass::Always && committee.budget.is_none() {
                // Itself among them.
                let maybe_ahead = count.maybe_passing_from(lo - MARGIN).saturating_sub(1);
                settled[r] = tier_of(&tiers, ahead, maybe_ahead + 1).map(|k| {
                    let tier = (!committee.tiers.is_empty())
                        .then(|| u16::try_from(k).ok())
                        .flatten();
                    (Status::Selected, tier, None)
                });
            }
        }
        // The official outcome is one of the rounds: a settled region must
        // land there. Should a bound be wrong, it is ranked again.
        for (r, slot) in settled.iter_mut().enumerate() {
            if let Some((status, tier, funded)) = *slot
                && (standing_differs(status, official.status[r])
                    || tier != official.tier[r]
                    || funded != official.funded[r])
            {
                *slot = None;
            }
        }
        let contested: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|&r| settled[r].is_none())
            .collect();
        if contested.is_empty() {
            return Contest {
                settled,
                rank_bounds,
                ranked: Vec::new(),
                above: 0,
                committee: committee.clone(),
                tier_index: tier_index(committee, committee),
            };
        }
        let low = contested
            .iter()
            .map(|&r| bounds.lo[r])
            .fold(f64::MAX, f64::min)
            - MARGIN;
        let high = contested
            .iter()
            .map(|&r| bounds.hi[r])
            .fold(f64::MIN, f64::max)
            + MARGIN;
        let selected = |r: usize| settled[r].is_some_and(|s| s.0 == Status::Selected);
        let clear_above = |r: usize| selected(r) && bounds.lo[r] > high;
        let ranked: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|&r| bounds.hi[r] >= low && !clear_above(r))
            .collect();
        let above = eligible.iter().filter(|&&r| clear_above(r)).count();
        Contest {
            settled,
            rank_bounds,
            ranked,
            above: above as u32,
            committee: without_places(committee, above as u32),
            tier_index: tier_index(committee, committee),
        }
    }
}

impl Contest {
    /// Each contested region's landing and rank when the cells' scores are
    /// as in `cells` (read only for the regions [`Contest::ranked`]), in
    /// rank order.
    ///
    /// Ranked by [`merge::Ranking`] and funded by [`merge::share`], the
    /// merge's own rules, from flat arrays of totals and subtotals: a round
    /// builds no [`merge::RegionResult`] and looks no id up.
    pub fn rank(&self, marks: &Marks, cells: &[Option<f64>]) -> Vec<(usize, Landing, u32)> {
        let review = marks.review;
        let ranked = &self.ranked;
        let categories = marks.parent_of.len();
        let n_criteria = marks.n_criteria;
        let mut totals = Vec::with_capacity(ranked.len());
        let mut subtotals = vec![0.0; ranked.len() * categories];
        for (m, &r) in ranked.iter().enumerate() {
            totals.push(marks.total(cells, r));
            marks.subtotals(
                cells,
                r,
                &mut subtotals[m * categories..(m + 1) * categories],
            );
        }
        let subtotals_of = |m: usize| &subtotals[m * categories..(m + 1) * categories];
        let ranking = merge::Ranking::new(&self.committee, &review.categories);
        let thresholds = Thresholds::new(&self.committee, &review.categories);
        let places = ranking.places(
            ranked.len(),
            |m, level| ranking.key(level, totals[m], |c| subtotals_of(m)[c]),
            |a, b| {
                review.regions[ranked[a]]
                    .id
                    .cmp(&review.regions[ranked[b]].id)
            },
            |m| marks.ineligible[ranked[m]],
            |m| {
                let start = ranked[m] * n_criteria;
                thresholds.below_by(
                    totals[m],
                    |at| subtotals_of(m).get(at).copied(),
                    |at| (at < n_criteria).then(|| cells[start + at]),
                )
            },
        );
        let funded = review
            .committee
            .budget
            .as_ref()
            .map(|budget| self.funded(marks, budget, &places, &totals));
        places
            .iter()
            .enumerate()
            .map(|(k, place)| (ranked[place.member], k, place))
            .filter(|&(r, _, _)| self.settled[r].is_none())
            .map(|(r, k, place)| {
                let tier = place
                    .tier
                    .and_then(|t| self.tier_index.get(t).copied().flatten());
                let landing = (
                    place.status,
                    tier,
                    funded
                        .as_ref()
                        .map(|f| f.as_ref().is_some_and(|amounts| amounts[k] > 0.0)),
                );
                (r, landing, self.above + place.rank)
            })
            .collect()
    }

    /// Per place, the amount the budget gives it (0 for an ineligible
    /// region), as [`merge::allocate`] shares it; `None` when the budget
    /// cannot be shared.
    fn funded(
        &self,
        marks: &Marks,
        budget: &crate::model::Budget,
        places: &[merge::Place],
        totals: &[f64],
    ) -> Option<Vec<f64>> {
        let review = marks.review;
        let tiers = review.committee.tiers();
        let chosen: Vec<usize> = (0..places.len())
            .filter(|&k| {
                places[k].status == Status::Selected && merge::funded_tier(&tiers, places[k].tier)
            })
            .collect();
        let asks: Vec<(f64, Option<f64>)> = chosen
            .iter()
            .map(|&k| {
                let m = places[k].member;
                (totals[m], review.regions[self.ranked[m]].requested)
            })
            .collect();
        let (shares, _) = merge::share(budget, &asks).ok()?;
        let mut amounts = vec![0.0; places.len()];
        for (&k, amount) in chosen.iter().zip(shares) {
            amounts[k] = amount;
        }
        Some(amounts)
    }
}

/// Per tier of `committee`, the index in `review`'s tiers of the first
/// with its id: where [`Marks::landing`] finds a ranked region's tier.
/// (`without_places` keeps the tiers' ids and order.)
fn tier_index(committee: &Committee, review: &Committee) -> Vec<Option<u16>> {
    committee
        .tiers()
        .iter()
        .map(|tier| {
            let k = review.tiers.iter().position(|t| t.id == tier.id)?;
            u16::try_from(k).ok()
        })
        .collect()
}

/// Where an ineligible region lands: nowhere, in every round.
fn ineligible_landing(marks: &Marks) -> Landing {
    (
        Status::Ineligible,
        None,
        marks.review.committee.budget.as_ref().map(|_| false),
    )
}

fn standing_differs(a: Status, b: Status) -> bool {
    crate::analysis::findings::standing(a) != crate::analysis::findings::standing(b)
}

/// The tier holding every position from `first + 1` to `last`, if one does.
fn tier_of(tiers: &[Tier], first: usize, last: usize) -> Option<usize> {
    let mut start = 0usize;
    for (k, tier) in tiers.iter().enumerate() {
        let end = start.saturating_add(tier.places as usize);
        if first >= start && last <= end && first < end {
            return Some(k);
        }
        start = end;
    }
    None
}

/// `committee` with its first `taken` places gone, tier after tier.
fn without_places(committee: &Committee, taken: u32) -> Committee {
    let mut left = taken;
    if committee.tiers.is_empty() {
        return Committee {
            select: committee.select.map(|s| s.saturating_sub(left)),
            ..committee.clone()
        };
    }
    let tiers = committee
        .tiers
        .iter()
        .map(|tier| {
            let gone = left.min(tier.places);
            left -= gone;
            Tier {
                places: tier.places - gone,
                ..tier.clone()
            }
        })
        .collect();
    Committee {
        tiers,
        ..committee.clone()
    }
}

/// Each region's lowest and highest total over every round.
struct Bounds {
    lo: Vec<f64>,
    hi: Vec<f64>,
    pass: Vec<Pass>,
    /// Regions with a cell a draw may leave without marks (marked by more
    /// than one panel): never settled.
    loose: Vec<bool>,
}

impl Bounds {
    /// `None` when no cell has marks.
    fn new(marks: &Marks) -> Option<Bounds> {
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
            bounds.lo.push(lo);
            bounds.hi.push(hi);
            bounds.pass.push(if !thresholds.below(&low) {
                Pass::Always
            } else if thresholds.below(&high) {
                Pass::Never
            } else {
                Pass::Maybe
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
struct Counter {
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
    fn new(bounds: &Bounds, eligible: &[usize]) -> Counter {
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
    fn above(&self, total: f64) -> usize {
        self.lo.len() - self.lo.partition_point(|&t| t <= total)
    }

    /// Regions that always pass with their lowest total above `total`.
    fn passing_above(&self, total: f64) -> usize {
        self.lo_passing.len() - self.lo_passing.partition_point(|&t| t <= total)
    }

    /// Eligible regions whose highest total reaches `total`.
    fn from(&self, total: f64) -> usize {
        self.hi.len() - self.hi.partition_point(|&t| t < total)
    }

    /// Regions that may pass with their highest total reaching `total`.
    fn maybe_passing_from(&self, total: f64) -> usize {
        self.hi_maybe_passing.len() - self.hi_maybe_passing.partition_point(|&t| t < total)
    }
}

const _: () = assert!(MARGIN > EPSILON * 100.0);
