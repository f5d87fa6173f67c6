//! The official outcome laid out for probes: the eligible regions in rank
//! order with their totals, and the zones they fall into, runs of
//! consecutive regions with the same place (status, tier, funding; under a
//! `RankOrder` budget the first region the money misses is a zone of its
//! own). A region that moves without leaving its zone changes no one's
//! place; see [`probe`](super::probe).

pub(crate) use super::marks::Landing;
use super::marks::{Marks, Outcome};
use crate::merge::{self, Status, Thresholds};
use crate::model::{Budget, BudgetRule, Review, Tier};

/// Totals closer than this count as touching: far more than `EPSILON`, so
/// that no chain of totals equal within `EPSILON` reaches across a gap this
/// wide.
pub(crate) const BAND: f64 = 1e-6;

/// A minimum of the rubric or the committee, where a region's scores are
/// read against it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Minimum {
    Total(f64),
    /// A subtotal, by its category's index depth first.
    Category(usize, f64),
    /// A criterion's score, by its index in rubric order.
    Criterion(usize, f64),
}

/// Every minimum of `review`.
pub(crate) fn minimums(review: &Review) -> Vec<Minimum> {
    let mut out: Vec<Minimum> = review
        .committee
        .min_total
        .map(Minimum::Total)
        .into_iter()
        .collect();
    for (at, placed) in review.all_categories().iter().enumerate() {
        if let Some(min) = placed.category.min {
            out.push(Minimum::Category(at, min));
        }
    }
    for (at, (_, criterion)) in review.criteria().enumerate() {
        if let Some(min) = criterion.min {
            out.push(Minimum::Criterion(at, min));
        }
    }
    out
}

/// The official outcome, laid out for probes.
pub(crate) struct Ground<'m, 'a> {
    pub(super) marks: &'m Marks<'a>,
    pub(super) official: &'m Outcome,
    /// Eligible regions in the official rank order, and their totals.
    pub(super) order: Vec<usize>,
    pub(super) totals: Vec<f64>,
    /// Per region: its position in `order` (`usize::MAX` when ineligible).
    pub(super) position: Vec<usize>,
    /// Per position: its zone; per zone: its first position and the one
    /// after its last, and whether its regions are tied.
    pub(super) zone: Vec<usize>,
    pub(super) zones: Vec<(usize, usize, bool)>,
    /// Per position (and one past the last): the regions above it that are
    /// not below a threshold, which take the places.
    pub(super) counted: Vec<usize>,
    /// The positions of the selected regions, ascending.
    pub(super) selected: Vec<usize>,
    pub(super) thresholds: Thresholds,
    /// The committee's ranking, and its tiers as the ranking numbers them
    /// (`Committee::tiers`).
    pub(super) ranking: merge::Ranking,
    pub(super) tiers: Vec<Tier>,
    /// Whether any minimum is set: else no region's scores are read against one.
    pub(super) minimums: Vec<Minimum>,
    pub(super) places: usize,
    pub(super) money: Option<Money>,
}

/// What [`merge::share`] needs.
pub(super) struct Money {
    pub(super) budget: Budget,
    /// Per region: its request.
    pub(super) requests: Vec<Option<f64>>,
    /// A `Proportional` budget whose least amount, rounded down, is more
    /// than nothing for every region: then whoever it shares among is paid
    /// (or no one, when the least amounts exceed it), whatever the totals.
    pub(super) always_pays: bool,
}

/// Whether `budget` is `Proportional` and pays something to every region
/// it shares among: `merge::allocate` gives each at least its least amount
/// (the minimum, or its request or the maximum when less), rounded down.
fn always_pays(review: &Review, budget: &Budget) -> bool {
    let BudgetRule::Proportional { min, max } = budget.rule else {
        return false;
    };
    review.regions.iter().all(|r| {
        let cap = r.requested.map_or(max, |asked| asked.min(max));
        crate::merge::round_down(min.min(cap), budget.granularity) > 0.0
    })
}

impl<'m, 'a> Ground<'m, 'a> {
    pub fn new(marks: &'m Marks<'a>, official: &'m Outcome) -> Ground<'m, 'a> {
        let review = marks.review;
        let order: Vec<usize> = official
            .order
            .iter()
            .copied()
            .filter(|&r| official.status[r] != Status::Ineligible)
            .collect();
        let totals: Vec<f64> = order.iter().map(|&r| official.total[r]).collect();
        let mut position = vec![usize::MAX; marks.regions()];
        for (i, &r) in order.iter().enumerate() {
            position[r] = i;
        }
        let place = |r: usize| {
            (
                super::standing(official.status[r]),
                official.tier[r],
                official.funded[r],
            )
        };
        // Under a RankOrder budget, the first selected region the money
        // misses: past it no one is paid, so an unpaid region that passes it
        // may be paid.
        let missed = review
            .committee
            .budget
            .as_ref()
            .filter(|b| b.rule == BudgetRule::RankOrder)
            .and_then(|_| {
                order.iter().position(|&r| {
                    official.status[r] == Status::Selected && official.funded[r] == Some(false)
                })
            });
        let mut zone = Vec::with_capacity(order.len());
        let mut zones: Vec<(usize, usize, bool)> = Vec::new();
        for (i, &r) in order.iter().enumerate() {
            let same = i > 0
                && place(order[i - 1]) == place(r)
                && missed != Some(i)
                && missed != Some(i - 1);
            if !same {
                zones.push((i, i, official.status[r] == Status::Tied));
            }
            let last = zones.len() - 1;
            zones[last].1 = i + 1;
            zone.push(last);
        }
        let mut counted = Vec::with_capacity(order.len() + 1);
        counted.push(0);
        for &r in &order {
            let before = counted[counted.len() - 1];
            counted.push(before + usize::from(official.status[r] != Status::BelowThreshold));
        }
        let money = review.committee.budget.clone().map(|budget| Money {
            always_pays: always_pays(review, &budget),
            budget,
            requests: review.regions.iter().map(|r| r.requested).collect(),
        });
        let selected = (0..order.len())
            .filter(|&i| official.status[order[i]] == Status::Selected)
            .collect();
        Ground {
            marks,
            official,
            order,
            totals,
            position,
            zone,
            zones,
            counted,
            selected,
            thresholds: Thresholds::new(&review.committee, &review.categories),
            ranking: merge::Ranking::new(&review.committee, &review.categories),
            tiers: review.committee.tiers(),
            minimums: minimums(review),
            places: review.committee.places() as usize,
            money,
        }
    }
}

impl Ground<'_, '_> {
    /// The total of the nearest region at a position before `at` that is
    /// not touched.
    pub(super) fn untouched_before(&self, at: usize, mask: &[bool]) -> Option<f64> {
        (0..at)
            .rev()
            .find(|&i| !mask[self.order[i]])
            .map(|i| self.totals[i])
    }

    /// The total of the nearest untouched region at `at` or after.
    pub(super) fn untouched_from(&self, at: usize, mask: &[bool]) -> Option<f64> {
        (at..self.order.len())
            .find(|&i| !mask[self.order[i]])
            .map(|i| self.totals[i])
    }
}

/// The official totals of the untouched regions one meets moving up (or
/// down) from a region, nearest first: those of other zones only, unless
/// its own is a tie (then its partners too).
pub(crate) struct Neighbours<'g> {
    totals: &'g [f64],
    order: &'g [usize],
    mask: &'g [bool],
    /// The next position to look at, up or down.
    next: Option<usize>,
    up: bool,
}

impl Ground<'_, '_> {
    /// The regions region `r` (eligible) meets moving up, or down.
    pub fn neighbours<'g>(&'g self, r: usize, up: bool, mask: &'g [bool]) -> Neighbours<'g> {
        let at = self.position[r];
        let (start, end, tied) = self.zones[self.zone[at]];
        let next = match (up, tied) {
            (true, true) => at.checked_sub(1),
            (true, false) => start.checked_sub(1),
            (false, true) => Some(at + 1),
            (false, false) => Some(end),
        };
        Neighbours {
            totals: &self.totals,
            order: &self.order,
            mask,
            next,
            up,
        }
    }

    /// Whether eligible region `r` is in a tie across a line (a zone of
    /// `Tied` regions): moving at all, it may part from it, whichever way.
    pub fn tied(&self, r: usize) -> bool {
        self.zones[self.zone[self.position[r]]].2
    }

    /// Whether the changes of two eligible regions' order can matter: they
    /// are in different zones, or in a tie.
    pub fn apart(&self, a: usize, b: usize) -> bool {
        let (za, zb) = (self.zone[self.position[a]], self.zone[self.position[b]]);
        za != zb || self.zones[za].2
    }
}

impl Iterator for Neighbours<'_> {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        loop {
            let at = self.next.filter(|&at| at < self.order.len())?;
            self.next = if self.up {
                at.checked_sub(1)
            } else {
                Some(at + 1)
            };
            if !self.mask[self.order[at]] {
                return Some(self.totals[at]);
            }
        }
    }
}
