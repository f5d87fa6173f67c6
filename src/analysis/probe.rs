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
//! money is shared again by [`merge::share`] among the regions it reads
//! (the selected regions of funded tiers). Rules 6 and 7 compare totals only
//! within `EPSILON` of each other, so this ranks as a full ranking would;
//! a test holds it to [`Marks::outcome`] on random reviews.

use super::ground::{BAND, Ground, Landing, Minimum};
use crate::merge::{self, EPSILON, Ranked, RegionResult, Status};
use crate::model::{BudgetRule, Committee};

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
/// Regions ranked again: those whose totals now are within `low..=high`,
/// below the `taken` places of the regions above.
struct Window {
    low: f64,
    high: f64,
    /// The positions of the untouched regions in it: `over..under`.
    over: usize,
    under: usize,
    taken: usize,
    ranked: Vec<Landed>,
}

/// A region ranked again: its index, status and tier (an index into
/// `Committee::tiers`, as the ranking gives it).
struct Landed {
    region: usize,
    status: Status,
    tier: Option<usize>,
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
        let (spans, slack) = self.clear(&nows, mask);
        let unclear: Vec<usize> = (0..nows.len()).filter(|&k| spans[k].is_some()).collect();
        let window =
            (!unclear.is_empty()).then(|| self.window(work, &nows, &spans, &unclear, mask));
        let funding = self.funding(work, &nows, window.as_ref(), mask);
        let funded = |r: usize| match &funding {
            None => self.official.funded[r],
            Some(list) => Some(
                list.binary_search_by_key(&r, |f| f.0)
                    .is_ok_and(|i| list[i].1),
            ),
        };
        let mut moved: Vec<(usize, Landing)> = Vec::new();
        let mut ranked_again: Vec<usize> = Vec::new();
        if let Some(window) = &window {
            for result in &window.ranked {
                let r = result.region;
                ranked_again.push(r);
                let landing = (result.status, self.landed_tier(result.tier), funded(r));
                if self.differs(r, landing) {
                    moved.push((r, landing));
                }
            }
        }
        ranked_again.sort_unstable();
        for &(r, now) in funding.iter().flatten() {
            let again = ranked_again.binary_search(&r).is_ok();
            if !again && self.official.funded[r] != Some(now) {
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
        let eligible: Vec<usize> = touched
            .iter()
            .copied()
            .filter(|&r| self.position[r] != usize::MAX)
            .collect();
        // The total alone is read when it is the only minimum: no need for
        // the rest.
        let total_only = matches!(self.minimums[..], [] | [Minimum::Total(_)]);
        let scored = (!total_only)
            .then(|| marks.scored(work, &self.thresholds, &self.ranking, eligible.clone()));
        let mut nows: Vec<Now> = eligible
            .iter()
            .enumerate()
            .map(|(m, &r)| {
                let total = marks.total(work, r);
                let was_below = self.official.status[r] == Status::BelowThreshold;
                let (crossed_minimum, to_minimum) = if let Some(scored) = &scored {
                    let near = self
                        .minimums
                        .iter()
                        .map(|&minimum| match minimum {
                            Minimum::Total(min) => (total - min).abs(),
                            Minimum::Category(at, min) => scored
                                .subtotal(m, at)
                                .map_or(f64::INFINITY, |points| (points - min).abs()),
                            Minimum::Criterion(at, min) => {
                                (work[marks.cell(r, at)].unwrap_or(0.0) - min).abs()
                            }
                        })
                        .fold(f64::INFINITY, f64::min);
                    (scored.below(m) != was_below, near)
                } else if let [Minimum::Total(min)] = self.minimums[..] {
                    (
                        merge::short_of_total(total, min) != was_below,
                        (total - min).abs(),
                    )
                } else {
                    (false, f64::INFINITY)
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

    /// Which touched regions stay among their zone's neighbours (`None`),
    /// and for the others the totals whose regions must be ranked again
    /// with them; and the least room any of them has left (in points).
    fn clear(&self, nows: &[Now], mask: &[bool]) -> (Vec<Option<(f64, f64)>>, f64) {
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
        let spans = (0..n)
            .map(|k| {
                let now = &nows[k];
                let (start, end, tied) = self.zones[zone_of(k)];
                let up = above[k].min(self.untouched_before(start, mask).unwrap_or(f64::INFINITY));
                let down =
                    below[k].max(self.untouched_from(end, mask).unwrap_or(f64::NEG_INFINITY));
                let room = (up - BAND - now.total).min(now.total - down - BAND);
                // Past the last place, whatever the regions above do, a
                // region crossing a minimum takes no place from anyone.
                let past = self.counted[now.position].saturating_sub(n) >= self.places;
                let minimum = !past && (now.crossed_minimum || now.to_minimum <= EPSILON);
                slack = slack.min(if past { room } else { room.min(now.to_minimum) });
                if tied || minimum {
                    // From where it was to where it is: the places of
                    // everyone in between may move.
                    let was = self.official.total[now.region];
                    Some((was.min(now.total), was.max(now.total)))
                } else if room <= 0.0 {
                    // Out of its zone: the regions it passed within it keep
                    // their places; from where it is to the zone it reached.
                    let low = if now.total >= up - BAND {
                        up
                    } else {
                        now.total
                    };
                    let high = if now.total <= down + BAND {
                        down
                    } else {
                        now.total
                    };
                    Some((low.min(now.total), high.max(now.total)))
                } else {
                    None
                }
            })
            .collect();
        (spans, slack.max(0.0))
    }

    /// The regions to rank again: those whose total now lies within the
    /// `spans` of the regions that left their zones, widened until a gap
    /// wider than [`BAND`] separates them from every other total now;
    /// ranked by the merge's rules with the places the regions above leave
    /// them. When some region crossed a
    /// minimum, the places the regions below find are not the official
    /// ones: then every region from the window down is ranked again.
    fn window(
        &self,
        work: &[Option<f64>],
        nows: &[Now],
        spans: &[Option<(f64, f64)>],
        unclear: &[usize],
        mask: &[bool],
    ) -> Window {
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for &(a, b) in spans.iter().flatten() {
            low = low.min(a);
            high = high.max(b);
        }
        loop {
            let over = self.totals.partition_point(|&t| t > high);
            let above = nows
                .iter()
                .map(|n| n.total)
                .filter(|&t| t > high)
                .chain(self.untouched_before(over, mask))
                .reduce(f64::min);
            let under = self.totals.partition_point(|&t| t >= low);
            let below = nows
                .iter()
                .map(|n| n.total)
                .filter(|&t| t < low)
                .chain(self.untouched_from(under, mask))
                .reduce(f64::max);
            let mut wider = false;
            // (Strictly wider: totals equal within EPSILON may be a hair out
            // of order in the ranking.)
            if let Some(t) = above.filter(|&t| t > high && t <= high + BAND) {
                high = t;
                wider = true;
            }
            if let Some(t) = below.filter(|&t| t < low && t >= low - BAND) {
                low = t;
                wider = true;
            }
            if !wider {
                break;
            }
        }
        // Regions that changed sides of a minimum, all told: the places
        // those below the window find move by as many.
        let flipped = unclear.iter().filter(|&&k| nows[k].crossed_minimum).count();
        let window = self.rank_between(work, nows, low, high, mask);
        let counted = window
            .ranked
            .iter()
            .filter(|r| r.status != Status::BelowThreshold)
            .count();
        // Past the last place either way, they are out either way.
        let now = window.taken + counted;
        if flipped > 0 && now.saturating_sub(flipped) < self.places {
            return self.rank_between(work, nows, f64::NEG_INFINITY, high, mask);
        }
        window
    }

    /// The regions whose total now is within `low..=high`, ranked by the
    /// merge's rules with the places the regions above (whose totals now are
    /// higher) leave them.
    fn rank_between(
        &self,
        work: &[Option<f64>],
        nows: &[Now],
        low: f64,
        high: f64,
        mask: &[bool],
    ) -> Window {
        let official = self.official;
        // The window's edges are gaps wider than BAND in the totals now, so
        // an untouched region is in it by its position; halfway into the
        // gap, the ranking's order of totals equal within EPSILON is not.
        let over = self.totals.partition_point(|&t| t > high + BAND / 2.0);
        let under = self.totals.partition_point(|&t| t >= low - BAND / 2.0);
        let mut members: Vec<usize> = self.order[over..under]
            .iter()
            .copied()
            .filter(|&r| !mask[r])
            .collect();
        members.extend(
            nows.iter()
                .filter(|n| n.total >= low && n.total <= high)
                .map(|n| n.region),
        );
        // The places taken above: officially, less the touched regions
        // that were above and more those that are above now.
        let mut taken = self.counted[over];
        for now in nows {
            let was_below = official.status[now.region] == Status::BelowThreshold;
            if now.position < over {
                taken -= usize::from(!was_below);
            }
            if now.total > high {
                taken += usize::from(was_below == now.crossed_minimum);
            }
        }
        let review = self.marks.review;
        let committee = places_left(&review.committee, taken);
        let ranking = merge::Ranking::new(&committee, &review.categories);
        let scored = self.marks.scored(work, &self.thresholds, &ranking, members);
        let ranked = ranking
            .places(scored.regions.len(), &scored)
            .into_iter()
            .map(|place| Landed {
                region: scored.regions[place.member],
                status: place.status,
                tier: place.tier,
            })
            .collect();
        Window {
            high,
            low,
            over,
            under,
            taken,
            ranked,
        }
    }

    /// Whether each selected region is paid, when the money may have
    /// moved: under `RankOrder` when some region was ranked again (else the
    /// paid regions are the same, in another order at most); under
    /// `Proportional`, whose amounts follow every total, unless it pays
    /// every region something and the selection is the same. By region,
    /// ascending; a region not listed is not paid.
    fn funding(
        &self,
        work: &[Option<f64>],
        nows: &[Now],
        window: Option<&Window>,
        mask: &[bool],
    ) -> Option<Vec<(usize, bool)>> {
        let money = self.money.as_ref()?;
        let official = self.official;
        let same_selection = window.is_none_or(|w| {
            w.ranked.iter().all(|x| {
                x.status == official.status[x.region]
                    && self.landed_tier(x.tier) == official.tier[x.region]
            })
        });
        match money.budget.rule {
            BudgetRule::RankOrder if window.is_none() => return None,
            BudgetRule::Proportional { .. } if money.always_pays && same_selection => return None,
            _ => {}
        }
        let tiers = &self.marks.review.committee.tiers;
        let tier_id = |r: usize| {
            official.tier[r]
                .and_then(|k| tiers.get(usize::from(k)))
                .map(|t| t.id.clone())
        };
        let m = self.order.len();
        let (low, high, over, under) = window
            .map_or((f64::NEG_INFINITY, f64::INFINITY, m, m), |w| {
                (w.low, w.high, w.over, w.under)
            });
        // The selected regions outside the window, above it and below it,
        // each part in the official order: a region that kept its zone
        // changes no one's money by where it is in it, unless the money
        // stops elsewhere (see below).
        let mut above: Vec<usize> = Vec::new();
        let mut below: Vec<usize> = Vec::new();
        for &at in &self.selected {
            let r = self.order[at];
            let (up, down) = match nows.iter().find(|n| n.region == r) {
                Some(now) if mask[r] => (now.total > high, now.total < low),
                _ => (at < over, at >= under),
            };
            if up {
                above.push(r);
            } else if down {
                below.push(r);
            }
        }
        let mut selected: Vec<(usize, Option<String>)> =
            above.into_iter().map(|r| (r, tier_id(r))).collect();
        if let Some(window) = window {
            selected.extend(
                window
                    .ranked
                    .iter()
                    .filter(|r| r.status == Status::Selected)
                    .map(|r| (r.region, self.tier_id(r.tier))),
            );
        }
        selected.extend(below.into_iter().map(|r| (r, tier_id(r))));
        if money.budget.rule == BudgetRule::RankOrder {
            selected = self.in_order_now(work, nows, mask, selected);
        }
        // As `merge::allocate` shares it: among the chosen regions of
        // funded tiers, in this order; no one is paid when it cannot be.
        let chosen: Vec<usize> = (0..selected.len())
            .filter(|&k| merge::in_funded_tier(&self.tiers, selected[k].1.as_deref()))
            .collect();
        let asks: Vec<(f64, Option<f64>)> = chosen
            .iter()
            .map(|&k| {
                let r = selected[k].0;
                (self.marks.total(work, r), money.requests[r])
            })
            .collect();
        let mut amounts = vec![0.0; selected.len()];
        if let Ok((shares, _)) = merge::share(&money.budget, &asks) {
            for (&k, amount) in chosen.iter().zip(shares) {
                amounts[k] = amount;
            }
        }
        let mut paid: Vec<(usize, bool)> = selected
            .iter()
            .zip(amounts)
            .map(|(&(r, _), amount)| (r, amount > 0.0))
            .collect();
        paid.sort_unstable_by_key(|p| p.0);
        Some(paid)
    }

    /// The `selected` regions (with their tiers) in their order now: when
    /// the money stops elsewhere, who is just past it depends on it. The
    /// merge's ranking gives it (its statuses here mean nothing), of the
    /// selected regions and every region whose total comes within [`BAND`]
    /// of one of theirs, through which totals equal within `EPSILON` chain.
    fn in_order_now(
        &self,
        work: &[Option<f64>],
        nows: &[Now],
        mask: &[bool],
        mut selected: Vec<(usize, Option<String>)>,
    ) -> Vec<(usize, Option<String>)> {
        let total_now = |r: usize| {
            nows.iter()
                .find(|n| n.region == r)
                .map_or(self.official.total[r], |n| n.total)
        };
        let mut near: Vec<usize> = selected.iter().map(|s| s.0).collect();
        for &(r, _) in &selected {
            let t = total_now(r);
            let from = self.totals.partition_point(|&x| x > t + BAND);
            let to = self.totals.partition_point(|&x| x >= t - BAND);
            near.extend(self.order[from..to].iter().filter(|&&u| !mask[u]));
            near.extend(
                nows.iter()
                    .filter(|n| (n.total - t).abs() <= BAND)
                    .map(|n| n.region),
            );
        }
        near.sort_unstable();
        near.dedup();
        let review = self.marks.review;
        let inputs: Vec<RegionResult> = near
            .iter()
            .map(|&r| self.marks.ranked_input(work, r))
            .collect();
        let order = merge::rank_by(&review.committee, &review.categories, inputs);
        selected.sort_unstable_by_key(|s| s.0);
        order
            .iter()
            .filter_map(|x| {
                let r = x.marks as usize;
                let at = selected.binary_search_by_key(&r, |s| s.0).ok()?;
                Some((r, selected[at].1.clone()))
            })
            .collect()
    }

    /// The id of tier `tier` of the ranking (see [`Landed`]).
    fn tier_id(&self, tier: Option<usize>) -> Option<String> {
        tier.and_then(|k| self.tiers.get(k)).map(|t| t.id.clone())
    }

    /// [`Ground::tier_index`] of tier `tier` of the ranking.
    fn landed_tier(&self, tier: Option<usize>) -> Option<u16> {
        self.tier_index(tier.and_then(|k| self.tiers.get(k)).map(|t| t.id.as_str()))
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
