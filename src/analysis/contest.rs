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

use super::blocks::Scores;
use super::bounds::{Bounds, Counter, Pass};
use super::marks::{Landing, Marks, Outcome};
use crate::merge::{self, EPSILON, Status, Thresholds};
use crate::model::{Committee, Tier};

/// Totals this close count as touching: far more than `EPSILON`, so that
/// no chain of totals equal within `EPSILON` (one ex-aequo group) reaches
/// across a gap this wide, and far more than the rounding of a mean of
/// copies of marks.
const MARGIN: f64 = 1e-6;
/// Below this many regions every region is ranked again in every round:
/// the rounds cost little, and every rank range is the middle 90% of the
/// ranks. (A settled region is not ranked again, so its range is the ranks
/// its bounds allow, which are wider.)
pub(crate) const SETTLED_FROM: usize = 1000;

/// What the rounds need to know of the review's regions.
#[derive(Debug, Clone)]
pub(crate) struct Contest {
    /// Per region in `review.ron` order: where it lands in every round,
    /// when that is certain (ineligible regions too).
    pub settled: Vec<Option<Landing>>,
    /// Per settled region: the ranks it can take (0 for an ineligible one).
    pub rank_bounds: Vec<(u32, u32)>,
    /// Per region: whether it passes the thresholds in every round, in
    /// none, or in some (so that only those are asked in a round).
    pub pass: Vec<Pass>,
    /// The regions ranked again in every round, in `review.ron` order:
    /// every contested region, and the settled ones that can come between
    /// them. Empty when no region is contested.
    pub ranked: Vec<usize>,
    /// The settled regions above every ranked one, each taking a place.
    pub above: u32,
    /// The ranking under the committee with the places of the regions
    /// `above` taken, and its thresholds.
    ranking: merge::Ranking,
    thresholds: Thresholds,
    /// Per tier of that committee, its index in the review's tiers, as a
    /// [`Landing`] gives it (found by id, as for the merge's results).
    tier_index: Vec<Option<u16>>,
    /// Per ranked region (by its place in `ranked`), what a round asks of
    /// it, side by side; and the places of the contested ones.
    by_m: Vec<Ranked>,
    contested_m: Vec<usize>,
    /// Under a budget that funds every region chosen for money, whichever
    /// they are (see [`merge::funds_every_chosen`]): the money is not
    /// shared in a round, and regions certainly selected may be settled.
    funds_every_chosen: bool,
}

/// What [`Contest::rank`] reuses from one round to the next.
#[derive(Debug, Default)]
pub(crate) struct RankWork {
    /// The ranked regions (by place) to rank, in any order.
    pub order: Vec<usize>,
    near: Vec<usize>,
    scratch: merge::Scratch,
    places: Vec<merge::Place>,
    landings: Vec<(usize, Landing, u32)>,
}

/// The ranked regions in one round, as the ranking reads them.
struct InRound<'c, 'm, 'a, S> {
    contest: &'c Contest,
    marks: &'m Marks<'a>,
    scores: &'c S,
}

impl<S: Scores> merge::Ranked for InRound<'_, '_, '_, S> {
    fn key(&self, m: usize, level: usize) -> f64 {
        let scores = self.scores;
        let ranking = &self.contest.ranking;
        ranking.key(level, scores.total(m), |c| scores.subtotal(m, c))
    }

    fn id_order(&self, a: usize, b: usize) -> std::cmp::Ordering {
        let by_m = &self.contest.by_m;
        by_m[a].id.cmp(&by_m[b].id)
    }

    fn ineligible(&self, m: usize) -> bool {
        self.marks.ineligible[self.contest.ranked[m]]
    }

    fn below(&self, m: usize) -> bool {
        self.contest.below(self.marks, self.scores, m)
    }
}

/// A ranked region as a round reads it.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    /// The place of its id among the regions' ids in order (the same for
    /// the same id): ties are broken by these, not by ids.
    id: u32,
    pass: Gate,
    contested: bool,
}

/// [`Pass`] without the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Always,
    Never,
    Maybe,
}

/// What [`Contest::assemble`] makes a contest of.
struct Parts {
    settled: Vec<Option<Landing>>,
    rank_bounds: Vec<(u32, u32)>,
    pass: Vec<Pass>,
    ranked: Vec<usize>,
    above: u32,
}

impl Contest {
    /// A contest of its parts, with what a round reads of them.
    fn assemble(marks: &Marks, parts: Parts) -> Contest {
        let review = marks.review;
        let committee = &review.committee;
        let id_order = id_order(marks);
        let by_m: Vec<Ranked> = parts
            .ranked
            .iter()
            .map(|&r| Ranked {
                id: id_order[r],
                pass: match parts.pass[r] {
                    Pass::Always => Gate::Always,
                    Pass::Never => Gate::Never,
                    Pass::Maybe(_) => Gate::Maybe,
                },
                contested: parts.settled[r].is_none(),
            })
            .collect();
        let places = without_places(committee, parts.above);
        Contest {
            contested_m: (0..by_m.len()).filter(|&m| by_m[m].contested).collect(),
            by_m,
            settled: parts.settled,
            rank_bounds: parts.rank_bounds,
            pass: parts.pass,
            ranked: parts.ranked,
            above: parts.above,
            ranking: merge::Ranking::new(&places, &review.categories),
            thresholds: Thresholds::new(&places, &review.categories),
            tier_index: tier_index(&places, committee),
            funds_every_chosen: funds_every_chosen(marks),
        }
    }

    /// Every eligible region contested: the full ranking in every round.
    pub fn none(marks: &Marks) -> Contest {
        let ineligible = |r: usize| marks.ineligible[r];
        let landing = ineligible_landing(marks);
        let parts = Parts {
            settled: (0..marks.regions())
                .map(|r| ineligible(r).then_some(landing))
                .collect(),
            rank_bounds: vec![(0, 0); marks.regions()],
            pass: vec![Pass::Maybe(every_test(marks)); marks.regions()],
            ranked: (0..marks.regions()).filter(|&r| !ineligible(r)).collect(),
            above: 0,
        };
        Contest::assemble(marks, parts)
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
        let funds_every_chosen = funds_every_chosen(marks);
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
            } else if bounds.pass[r] == Pass::Always
                && (committee.budget.is_none() || funds_every_chosen)
            {
                // Itself among them.
                let maybe_ahead = count.maybe_passing_from(lo - MARGIN).saturating_sub(1);
                settled[r] = tier_of(&tiers, ahead, maybe_ahead + 1).map(|k| {
                    let tier = (!committee.tiers.is_empty())
                        .then(|| u16::try_from(k).ok())
                        .flatten();
                    let funded = committee
                        .budget
                        .as_ref()
                        .map(|_| merge::funded_tier(&tiers, Some(k)));
                    (Status::Selected, tier, funded)
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
            let parts = Parts {
                settled,
                rank_bounds,
                pass: bounds.pass,
                ranked: Vec::new(),
                above: 0,
            };
            return Contest::assemble(marks, parts);
        }
        let (ranked, above) = around(&bounds, &eligible, &contested, &settled);
        let parts = Parts {
            settled,
            rank_bounds,
            pass: bounds.pass,
            ranked,
            above: above as u32,
        };
        Contest::assemble(marks, parts)
    }
}

/// The regions ranked again in every round around the `contested` ones:
/// every eligible region whose bounds can reach theirs, except the
/// settled ones selected clear above them; and how many those are.
fn around(
    bounds: &Bounds,
    eligible: &[usize],
    contested: &[usize],
    settled: &[Option<Landing>],
) -> (Vec<usize>, usize) {
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
    (ranked, above)
}

/// Per region, the place of its id among the ids in order, equal ids
/// sharing one.
fn id_order(marks: &Marks) -> Vec<u32> {
    let regions = &marks.review.regions;
    let mut by_id: Vec<usize> = (0..regions.len()).collect();
    by_id.sort_by(|&a, &b| regions[a].id.cmp(&regions[b].id));
    let mut order = vec![0; regions.len()];
    let mut place = 0;
    for (k, &r) in by_id.iter().enumerate() {
        if k > 0 && regions[by_id[k - 1]].id != regions[r].id {
            place = k as u32;
        }
        order[r] = place;
    }
    order
}

/// Every test of the review's thresholds (see [`Thresholds::tests`]).
fn every_test(marks: &Marks) -> Vec<usize> {
    let review = marks.review;
    (0..Thresholds::new(&review.committee, &review.categories).tests()).collect()
}

/// Whether the review's budget funds every region chosen for money.
fn funds_every_chosen(marks: &Marks) -> bool {
    let review = marks.review;
    review
        .committee
        .budget
        .as_ref()
        .is_some_and(|budget| merge::funds_every_chosen(review, budget))
}

impl Contest {
    /// Each contested region's landing and rank when the regions
    /// [`Contest::ranked`] score as in `scores` (by their place in that
    /// list), in rank order, into `work`.
    ///
    /// Ranked by [`merge::Ranking`] and funded by [`merge::share`], the
    /// merge's own rules, from the scores alone: a round builds no
    /// [`merge::RegionResult`] and looks no id up.
    pub fn rank<'w>(
        &self,
        marks: &Marks,
        scores: &impl Scores,
        work: &'w mut RankWork,
    ) -> &'w [(usize, Landing, u32)] {
        work.order.clear();
        work.order.extend(0..self.ranked.len());
        self.rank_order(marks, scores, work)
    }

    /// [`Contest::rank`], the ranked regions (by their place in
    /// [`Contest::ranked`]) given in `work.order`, each once: the same
    /// whatever the order.
    ///
    /// Only the regions whose totals come near the contested ones' in this
    /// round are ranked: those clear above them (by more than [`MARGIN`])
    /// are counted as ahead, those clear below left out, as the full
    /// ranking would place them before or after every contested region.
    pub fn rank_order<'w>(
        &self,
        marks: &Marks,
        scores: &impl Scores,
        work: &'w mut RankWork,
    ) -> &'w [(usize, Landing, u32)] {
        let ahead = self.near(marks, scores, work);
        self.rank_after(marks, scores, ahead, work)
    }

    /// The contested regions among those in `work.near` ranked after the
    /// regions `ahead`, into `work.landings`.
    fn rank_after<'w>(
        &self,
        marks: &Marks,
        scores: &impl Scores,
        ahead: merge::Ahead,
        work: &'w mut RankWork,
    ) -> &'w [(usize, Landing, u32)] {
        let review = marks.review;
        let ranked = &self.ranked;
        let round = InRound {
            contest: self,
            marks,
            scores,
        };
        let RankWork {
            near,
            scratch,
            places,
            landings,
            ..
        } = work;
        self.ranking
            .places_into(ahead, near, &round, scratch, places);
        let tiers = review.committee.tiers();
        let funded = review.committee.budget.as_ref().map(|budget| {
            if self.funds_every_chosen {
                let amount = |place: &merge::Place| {
                    let chosen =
                        place.status == Status::Selected && merge::funded_tier(&tiers, place.tier);
                    f64::from(u8::from(chosen))
                };
                Some(places.iter().map(amount).collect::<Vec<f64>>())
            } else {
                self.funded(marks, budget, places, scores)
            }
        });
        landings.clear();
        for (k, place) in places.iter().enumerate() {
            if !self.by_m[place.member].contested {
                continue;
            }
            let tier = place
                .tier
                .and_then(|t| self.tier_index.get(t).copied().flatten());
            let funded = funded
                .as_ref()
                .map(|f| f.as_ref().is_some_and(|amounts| amounts[k] > 0.0));
            let landing = (place.status, tier, funded);
            landings.push((ranked[place.member], landing, self.above + place.rank));
        }
        landings
    }

    /// Whether the ranked region `m` is below a threshold in this round.
    fn below(&self, marks: &Marks, scores: &impl Scores, m: usize) -> bool {
        match self.by_m[m].pass {
            Gate::Always => false,
            Gate::Never => true,
            Gate::Maybe => {
                let Pass::Maybe(tests) = &self.pass[self.ranked[m]] else {
                    return false;
                };
                let (n_criteria, categories) = (marks.n_criteria, marks.parent_of.len());
                tests.iter().any(|&test| {
                    self.thresholds.misses(
                        test,
                        scores.total(m),
                        |at| (at < categories).then(|| scores.subtotal(m, at)),
                        |at| (at < n_criteria).then(|| scores.criterion(m, at)),
                    )
                })
            }
        }
    }

    /// Of the ranked regions in `work.order`, those whose totals come
    /// within [`MARGIN`] of the contested ones' span in this round, in the
    /// same order, into `work.near`; and those clear above them, which are
    /// ranked ahead. When totals chain within `EPSILON` across the span's
    /// edges (no gap wider than that apart from it), every one of them.
    fn near(&self, marks: &Marks, scores: &impl Scores, work: &mut RankWork) -> merge::Ahead {
        let RankWork { order, near, .. } = work;
        near.clear();
        // Money shared among every region chosen: none is left out.
        if marks.review.committee.budget.is_some() && !self.funds_every_chosen {
            near.extend_from_slice(order);
            return merge::Ahead::default();
        }
        let totals = self.contested_m.iter().map(|&m| scores.total(m));
        let Some((low, high)) = totals.fold(None, |span: Option<(f64, f64)>, t| {
            Some(span.map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))))
        }) else {
            near.extend_from_slice(order);
            return merge::Ahead::default();
        };
        let (low, high) = (low - MARGIN, high + MARGIN);
        let mut ahead = merge::Ahead::default();
        // The nearest totals left out either side, and the span of those kept.
        let (mut above, mut below) = (f64::INFINITY, f64::NEG_INFINITY);
        let (mut lowest, mut highest) = (f64::INFINITY, f64::NEG_INFINITY);
        for &m in order.iter() {
            let total = scores.total(m);
            if total > high {
                above = above.min(total);
                ahead.regions += 1;
                ahead.places += usize::from(!self.below(marks, scores, m));
            } else if total < low {
                below = below.max(total);
            } else {
                lowest = lowest.min(total);
                highest = highest.max(total);
                near.push(m);
            }
        }
        if above - highest <= EPSILON || lowest - below <= EPSILON {
            near.clear();
            near.extend_from_slice(order);
            return merge::Ahead::default();
        }
        ahead
    }

    /// Per place, the amount the budget gives it (0 for an ineligible
    /// region), as [`merge::allocate`] shares it; `None` when the budget
    /// cannot be shared.
    fn funded(
        &self,
        marks: &Marks,
        budget: &crate::model::Budget,
        places: &[merge::Place],
        scores: &impl Scores,
    ) -> Option<Vec<f64>> {
        let review = marks.review;
        merge::share_places(budget, &review.committee.tiers(), places, |m| {
            (scores.total(m), review.regions[self.ranked[m]].requested)
        })
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

const _: () = assert!(MARGIN > EPSILON * 100.0);

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::blocks::{Blocks, Round};
    use crate::analysis::draw::Panels;
    use crate::merge::{MergeOptions, merge};
    use crate::synthetic::{Shape, generate};

    #[test]
    fn regions_clear_of_the_contested_ones_are_counted_not_ranked() {
        // Plain, and under the programme (tiers, thresholds, a budget).
        for programme in [false, true] {
            let synthetic = generate(&Shape {
                programme,
                ..Shape::new(1500, 5)
            });
            let review = &synthetic.review;
            let inputs = synthetic.sheet_inputs();
            let results = merge(review, &inputs, MergeOptions::default()).unwrap();
            let marks = Marks::new(review, &results);
            let official = marks.outcome(&marks.official_aggregates(marks.rule));
            let contest = Contest::new(&marks, &official);
            let blocks = Blocks::new(&marks, &contest.ranked).unwrap();
            let panels = Panels::new(&marks);
            let mut left_out = 0;
            for seed in 0..20 {
                let (weights, complete) = panels.draw(marks.units.len(), seed);
                if !complete {
                    continue;
                }
                let mut round = Round::default();
                let scores = blocks.scores(&marks, &weights, &mut round);
                let mut work = RankWork::default();
                work.order.extend(0..contest.ranked.len());
                let ahead = contest.near(&marks, &scores, &mut work);
                left_out += work.order.len() - work.near.len();
                let near = contest
                    .rank_after(&marks, &scores, ahead, &mut work)
                    .to_vec();
                work.near = work.order.clone();
                let every = contest.rank_after(&marks, &scores, merge::Ahead::default(), &mut work);
                assert_eq!(near, every, "programme {programme}, round {seed}");
            }
            assert!(
                left_out > 1000,
                "programme {programme}: {left_out} left out"
            );
        }
    }
}
