//! Whether the official outcome survives new scores for a few regions, and
//! who moves when it does not, without ranking every region again.
//!
//! The official ranking falls into zones: runs of consecutive regions with
//! the same place (status, tier, funding; under a `RankOrder` budget the
//! first region the money misses is a zone of its own). A region that stays
//! among its zone's neighbours (further than [`BAND`] from every region of
//! another zone, as those stand now, and on the same side of every
//! minimum) changes no one's place. The others, and every region whose
//! total comes near theirs, are ranked again by the merge's own rules
//! ([`merge::rank_by`]) with the places the regions above them leave; the
//! money is shared again by [`merge::allocate`] among the regions it reads
//! (the selected regions of funded tiers). Rules 6 and 7 compare totals only
//! within `EPSILON` of each other, so this ranks as a full ranking would;
//! a test holds it to [`Marks::outcome`] on random reviews.

use super::marks::{Marks, Outcome};
use crate::merge::{self, EPSILON, RegionResult, Status, Thresholds};
use crate::model::{Budget, BudgetRule, Committee, Region, Review};

/// Where a region lands in a recomputed outcome: its status, its tier (an
/// index into `committee.tiers`) and whether it is funded, as in [`Outcome`].
pub(crate) type Landing = (Status, Option<u16>, Option<bool>);

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

/// What a probe found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Probed {
    /// Every region keeps its place. `slack`: how far (in points of a
    /// total, a subtotal or a score) the nearest region is from a line it
    /// could cross; 0 when some region had to be ranked again.
    Same { slack: f64 },
    /// The regions that land elsewhere, by index, ascending.
    Moved(Vec<(usize, Landing)>),
}

/// The official outcome, laid out for probes.
pub(crate) struct Ground<'m, 'a> {
    marks: &'m Marks<'a>,
    official: &'m Outcome,
    /// Eligible regions in the official rank order, and their totals.
    order: Vec<usize>,
    totals: Vec<f64>,
    /// Per region: its position in `order` (`usize::MAX` when ineligible).
    position: Vec<usize>,
    /// Per position: its zone; per zone: its first position and the one
    /// after its last, and whether its regions are tied.
    zone: Vec<usize>,
    zones: Vec<(usize, usize, bool)>,
    /// Per position (and one past the last): the regions above it that are
    /// not below a threshold, which take the places.
    counted: Vec<usize>,
    thresholds: Thresholds,
    /// Whether any minimum is set: else no region's scores are read against one.
    minimums: Vec<Minimum>,
    places: usize,
    money: Option<Money>,
}

/// What [`merge::allocate`] needs, without the regions it does not read.
struct Money {
    budget: Budget,
    /// The review's rules, and no regions: each probe puts in those it shares among.
    shell: Review,
    /// Per region: its id and request.
    requests: Vec<Region>,
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
            budget,
            shell: Review {
                id: review.id.clone(),
                title: String::new(),
                categories: review.categories.clone(),
                regions: Vec::new(),
                reviewers: Vec::new(),
                panels: Vec::new(),
                committee: review.committee.clone(),
                follows: None,
            },
            requests: review
                .regions
                .iter()
                .map(|r| Region {
                    id: r.id.clone(),
                    requested: r.requested,
                    ..Region::default()
                })
                .collect(),
        });
        Ground {
            marks,
            official,
            order,
            totals,
            position,
            zone,
            zones,
            counted,
            thresholds: Thresholds::new(&review.committee, &review.categories),
            minimums: minimums(review),
            places: review.committee.places() as usize,
            money,
        }
    }
}

/// A region the probe reads: where it stands now.
struct Now {
    region: usize,
    position: usize,
    total: f64,
    /// Whether it is on the other side of some minimum than officially.
    crossed_minimum: bool,
    /// How near its scores are to a minimum.
    to_minimum: f64,
}

impl Ground<'_, '_> {
    /// The outcome with the scores in `work`, which differ from the
    /// official ones only in cells of the regions `touched` (eligible,
    /// ascending; `mask` says the same per region).
    pub fn probe(&self, work: &[Option<f64>], touched: &[usize], mask: &[bool]) -> Probed {
        let nows = self.nows(work, touched);
        let (clear, slack) = self.clear(&nows, mask);
        let unclear: Vec<usize> = (0..nows.len()).filter(|&k| !clear[k]).collect();
        let window = (!unclear.is_empty()).then(|| {
            let (top, bottom) = self.window(&nows, &unclear, mask);
            (top, self.rank(work, top, bottom))
        });
        let funding = self.funding(work, window.as_ref());
        let funded = |r: usize| match &funding {
            None => self.official.funded[r],
            Some(list) => Some(
                list.binary_search_by_key(&r, |f| f.0)
                    .is_ok_and(|i| list[i].1),
            ),
        };
        let mut moved: Vec<(usize, Landing)> = Vec::new();
        let (top, bottom) = window
            .as_ref()
            .map_or((0, 0), |(top, ranked)| (*top, top + ranked.len()));
        if let Some((_, ranked)) = &window {
            for result in ranked {
                let r = result.marks as usize;
                let landing = (
                    result.status,
                    self.tier_index(result.tier.as_deref()),
                    funded(r),
                );
                if self.differs(r, landing) {
                    moved.push((r, landing));
                }
            }
        }
        for &(r, now) in funding.iter().flatten() {
            let inside = (top..bottom).contains(&self.position[r]);
            if !inside && self.official.funded[r] != Some(now) {
                let official = self.official;
                moved.push((r, (official.status[r], official.tier[r], Some(now))));
            }
        }
        if moved.is_empty() {
            Probed::Same {
                slack: if unclear.is_empty() { slack } else { 0.0 },
            }
        } else {
            moved.sort_by_key(|m| m.0);
            Probed::Moved(moved)
        }
    }

    /// Each touched region as it stands now, in the official rank order.
    fn nows(&self, work: &[Option<f64>], touched: &[usize]) -> Vec<Now> {
        let marks = self.marks;
        let mut nows: Vec<Now> = touched
            .iter()
            .filter(|&&r| self.position[r] != usize::MAX)
            .map(|&r| {
                let total = marks.total(work, r);
                let (crossed_minimum, to_minimum) = if self.minimums.is_empty() {
                    (false, f64::INFINITY)
                } else {
                    let input = marks.ranked_input(work, r);
                    let below = self.thresholds.below(&input);
                    let near = self
                        .minimums
                        .iter()
                        .map(|&m| match m {
                            Minimum::Total(min) => (total - min).abs(),
                            Minimum::Category(at, min) => input
                                .subtotals
                                .get(at)
                                .map_or(f64::INFINITY, |s| (s.points - min).abs()),
                            Minimum::Criterion(at, min) => {
                                (work[marks.cell(r, at)].unwrap_or(0.0) - min).abs()
                            }
                        })
                        .fold(f64::INFINITY, f64::min);
                    (
                        below != (self.official.status[r] == Status::BelowThreshold),
                        near,
                    )
                };
                Now {
                    region: r,
                    position: self.position[r],
                    total,
                    crossed_minimum,
                    to_minimum,
                }
            })
            .collect();
        nows.sort_by_key(|n| n.position);
        nows
    }

    /// Which touched regions stay among their zone's neighbours, and the
    /// least room any of them has left (in points).
    fn clear(&self, nows: &[Now], mask: &[bool]) -> (Vec<bool>, f64) {
        let n = nows.len();
        // Per touched region: the lowest total now of the touched regions
        // in zones above its own, and the highest of those below.
        let mut above = vec![f64::INFINITY; n];
        let mut below = vec![f64::NEG_INFINITY; n];
        let zone_of = |k: usize| self.zone[nows[k].position];
        let mut run = f64::INFINITY;
        let mut i = 0;
        while i < n {
            let j = (i..n).find(|&j| zone_of(j) != zone_of(i)).unwrap_or(n);
            above[i..j].fill(run);
            run = nows[i..j].iter().map(|x| x.total).fold(run, f64::min);
            i = j;
        }
        let mut run = f64::NEG_INFINITY;
        let mut j = n;
        while j > 0 {
            let i = (0..j)
                .rev()
                .find(|&i| zone_of(i) != zone_of(j - 1))
                .map_or(0, |i| i + 1);
            below[i..j].fill(run);
            run = nows[i..j].iter().map(|x| x.total).fold(run, f64::max);
            j = i;
        }
        let mut slack = f64::INFINITY;
        let clear = (0..n)
            .map(|k| {
                let now = &nows[k];
                let (start, end, tied) = self.zones[zone_of(k)];
                let up = above[k].min(self.untouched_before(start, mask).unwrap_or(f64::INFINITY));
                let down =
                    below[k].max(self.untouched_from(end, mask).unwrap_or(f64::NEG_INFINITY));
                let room = (up - BAND - now.total)
                    .min(now.total - down - BAND)
                    .min(now.to_minimum);
                slack = slack.min(room);
                !tied && !now.crossed_minimum && room > 0.0 && now.to_minimum > EPSILON
            })
            .collect();
        (clear, slack.max(0.0))
    }

    /// The total of the nearest region at a position before `at` that is
    /// not touched.
    fn untouched_before(&self, at: usize, mask: &[bool]) -> Option<f64> {
        (0..at)
            .rev()
            .find(|&i| !mask[self.order[i]])
            .map(|i| self.totals[i])
    }

    /// The total of the nearest untouched region at `at` or after.
    fn untouched_from(&self, at: usize, mask: &[bool]) -> Option<f64> {
        (at..self.order.len())
            .find(|&i| !mask[self.order[i]])
            .map(|i| self.totals[i])
    }

    /// The positions to rank again: every region whose total now or
    /// officially comes within [`BAND`] of the span of a region that left
    /// its zone, widened until a gap wider than `BAND` separates them from
    /// the rest. Returns (first position, position after the last).
    fn window(&self, nows: &[Now], unclear: &[usize], mask: &[bool]) -> (usize, usize) {
        let official = self.official;
        let span = |k: usize| {
            let (was, is) = (official.total[nows[k].region], nows[k].total);
            (was.min(is), was.max(is))
        };
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for &k in unclear {
            let (a, b) = span(k);
            low = low.min(a);
            high = high.max(b);
        }
        loop {
            let mut wider = false;
            for k in 0..nows.len() {
                let (a, b) = span(k);
                if b >= low - BAND && a <= high + BAND && (a < low || b > high) {
                    low = low.min(a);
                    high = high.max(b);
                    wider = true;
                }
            }
            let over = self.totals.partition_point(|&t| t > high);
            if let Some(t) = self
                .untouched_before(over, mask)
                .filter(|&t| t <= high + BAND)
            {
                high = t;
                wider = true;
            }
            let under = self.totals.partition_point(|&t| t >= low);
            if let Some(t) = self
                .untouched_from(under, mask)
                .filter(|&t| t >= low - BAND)
            {
                low = t;
                wider = true;
            }
            if !wider {
                break;
            }
        }
        (
            self.totals.partition_point(|&t| t > high),
            self.totals.partition_point(|&t| t >= low),
        )
    }

    /// The regions at positions `top..bottom` ranked by the merge's rules
    /// with the places those above leave them; to the last region when the
    /// places they take are not the official ones and some are left below.
    fn rank(&self, work: &[Option<f64>], top: usize, bottom: usize) -> Vec<RegionResult> {
        let review = self.marks.review;
        let committee = places_left(&review.committee, self.counted[top]);
        let ranked_of = |bottom: usize| {
            let inputs: Vec<RegionResult> = self.order[top..bottom]
                .iter()
                .map(|&r| self.marks.ranked_input(work, r))
                .collect();
            merge::rank_by(&committee, &review.categories, inputs)
        };
        let ranked = ranked_of(bottom);
        let counted = ranked
            .iter()
            .filter(|r| r.status != Status::BelowThreshold)
            .count();
        let was = self.counted[bottom] - self.counted[top];
        if counted != was
            && self.counted[top] + counted.min(was) < self.places
            && bottom < self.order.len()
        {
            return ranked_of(self.order.len());
        }
        ranked
    }

    /// Whether each selected region is paid, when the money may have
    /// moved: always under a `Proportional` budget (its amounts follow every
    /// total), under `RankOrder` when some region was ranked again (else the
    /// paid regions are the same, in another order at most). By region,
    /// ascending; a region not listed is not paid.
    fn funding(
        &self,
        work: &[Option<f64>],
        window: Option<&(usize, Vec<RegionResult>)>,
    ) -> Option<Vec<(usize, bool)>> {
        let money = self.money.as_ref()?;
        if money.budget.rule == BudgetRule::RankOrder && window.is_none() {
            return None;
        }
        let official = self.official;
        let tiers = &self.marks.review.committee.tiers;
        let tier_id = |k: Option<u16>| {
            k.and_then(|k| tiers.get(usize::from(k)))
                .map(|t| t.id.clone())
        };
        // The selected regions in their order now, with their tiers.
        let mut selected: Vec<(usize, Option<String>)> = Vec::new();
        let official_from = |at: std::ops::Range<usize>, out: &mut Vec<(usize, Option<String>)>| {
            for &r in &self.order[at] {
                if official.status[r] == Status::Selected {
                    out.push((r, tier_id(official.tier[r])));
                }
            }
        };
        let m = self.order.len();
        match window {
            None => official_from(0..m, &mut selected),
            Some((top, ranked)) => {
                official_from(0..*top, &mut selected);
                selected.extend(
                    ranked
                        .iter()
                        .filter(|r| r.status == Status::Selected)
                        .map(|r| (r.marks as usize, r.tier.clone())),
                );
                official_from(top + ranked.len()..m, &mut selected);
            }
        }
        let mut shell = money.shell.clone();
        shell.regions = selected
            .iter()
            .map(|&(r, _)| money.requests[r].clone())
            .collect();
        let mut list: Vec<RegionResult> = selected
            .into_iter()
            .map(|(r, tier)| bare(&money.requests[r].id, r, self.marks.total(work, r), tier))
            .collect();
        let shared = merge::allocate(&shell, &money.budget, &mut list).is_ok();
        let mut paid: Vec<(usize, bool)> = list
            .iter()
            .map(|x| {
                (
                    x.marks as usize,
                    shared && x.allocation.is_some_and(|a| a > 0.0),
                )
            })
            .collect();
        paid.sort_unstable_by_key(|p| p.0);
        Some(paid)
    }

    fn tier_index(&self, tier: Option<&str>) -> Option<u16> {
        let tiers = &self.marks.review.committee.tiers;
        let id = tier?;
        u16::try_from(tiers.iter().position(|t| t.id == id)?).ok()
    }

    /// Whether region `r` landing at `landing` is elsewhere than officially.
    fn differs(&self, r: usize, landing: Landing) -> bool {
        let official = self.official;
        let was = super::Place {
            status: official.status[r],
            tier: official.tier[r],
            funded: official.funded[r],
        };
        was.crossed(&super::Place {
            status: landing.0,
            tier: landing.1,
            funded: landing.2,
        })
    }
}

/// The committee's rules with `taken` places already taken, from the
/// first tier on.
fn places_left(committee: &Committee, taken: usize) -> Committee {
    let mut left = committee.clone();
    let mut taken = u32::try_from(taken).unwrap_or(u32::MAX);
    if left.tiers.is_empty() {
        left.select = left.select.map(|n| n.saturating_sub(taken));
    }
    for tier in &mut left.tiers {
        let used = taken.min(tier.places);
        tier.places -= used;
        taken -= used;
    }
    left
}

/// A selected region as [`merge::allocate`] reads it: its id, total, status
/// and tier; its index rides in `marks`.
fn bare(id: &str, r: usize, total: f64, tier: Option<String>) -> RegionResult {
    RegionResult {
        rank: 0,
        region: id.to_string(),
        name: String::new(),
        total,
        subtotals: Vec::new(),
        status: Status::Selected,
        tier,
        allocation: None,
        marks: r as u32,
        flags: Vec::new(),
        decided_by: None,
        criteria: Vec::new(),
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
