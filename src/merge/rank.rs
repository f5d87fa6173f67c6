//! Rules 6 and 7: the ranking, ties and their tie-break, the statuses and
//! the tiers.

use super::exclude::Thresholds;
use super::limits::EPSILON;
use super::results::{RegionResult, Status};
use crate::model::{Category, Committee, Review, depth_first};

/// A run of regions in rank order that share a rank (one region unless ex
/// aequo): `order[start..end]` of the regions being ranked.
#[derive(Debug, Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
    /// The ranking level that separated this group from the one above:
    /// 0 the total, i the `tie_break[i - 1]` subtotal.
    decided_at: Option<usize>,
}

/// Rules 6 and 7: orders the regions, gives ranks, statuses and tiers.
pub(super) fn rank(review: &Review, regions: Vec<RegionResult>) -> Vec<RegionResult> {
    rank_by(&review.committee, &review.categories, regions)
}

/// Regions as results, as the ranking reads them.
struct Results<'r> {
    ranking: &'r Ranking,
    thresholds: Thresholds,
    regions: &'r [RegionResult],
}

impl Ranked for Results<'_> {
    fn key(&self, m: usize, level: usize) -> f64 {
        let region = &self.regions[m];
        self.ranking
            .key(level, region.total, |c| region.subtotals[c].points)
    }

    fn id_order(&self, a: usize, b: usize) -> std::cmp::Ordering {
        self.regions[a].region.cmp(&self.regions[b].region)
    }

    fn ineligible(&self, m: usize) -> bool {
        self.regions[m].status == Status::Ineligible
    }

    fn below(&self, m: usize) -> bool {
        self.thresholds.below(&self.regions[m])
    }
}

/// [`rank`] under `committee`'s rules. Reads only each region's `region`,
/// `total`, `subtotals`, `criteria` (for thresholds on criteria) and
/// whether its status is `Ineligible`, and sets only `rank`, `status`,
/// `tier` and `decided_by`, so the analysis can rank recomputed totals by
/// the very same rules, or a run of regions with the places left to them.
pub(crate) fn rank_by(
    committee: &Committee,
    categories: &[Category],
    regions: Vec<RegionResult>,
) -> Vec<RegionResult> {
    let ranking = Ranking::new(committee, categories);
    let results = Results {
        ranking: &ranking,
        thresholds: Thresholds::new(committee, categories),
        regions: &regions,
    };
    let places = ranking.places(regions.len(), &results);
    let tiers = committee.tiers();
    let mut regions: Vec<Option<RegionResult>> = regions.into_iter().map(Some).collect();
    places
        .into_iter()
        .filter_map(|place| {
            let mut region = regions[place.member].take()?;
            region.rank = place.rank;
            region.status = place.status;
            region.tier = place.tier.and_then(|k| tiers.get(k)).map(|t| t.id.clone());
            region.decided_by = place
                .decided_at
                .map(|level| committee.tie_break[level - 1].clone());
            Some(region)
        })
        .collect()
}

/// What the ranking reads of the regions it ranks, each by its index
/// (`m`, `a`, `b`).
pub(crate) trait Ranked {
    /// Its key at `level` (see [`Ranking::key`]).
    fn key(&self, m: usize, level: usize) -> f64;
    /// The order of two regions' ids.
    fn id_order(&self, a: usize, b: usize) -> std::cmp::Ordering;
    fn ineligible(&self, m: usize) -> bool;
    /// Whether it is below a threshold.
    fn below(&self, m: usize) -> bool;
}

/// Regions ranked ahead of those [`Ranking::places_after`] ranks: how
/// many, and how many of them take a place (are not below a threshold).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Ahead {
    pub regions: usize,
    pub places: usize,
}

/// Where the ranking puts one region (see [`Ranking::places`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Place {
    /// Which of the ranked regions.
    pub member: usize,
    pub rank: u32,
    pub status: Status,
    /// Its tier, an index into `committee.tiers`, when the review has tiers.
    pub tier: Option<usize>,
    /// For the first region of a group separated from the one above by a
    /// tie-break: the level, i the `tie_break[i - 1]` subtotal.
    pub decided_at: Option<usize>,
}

/// The status and tier (an index into `committee.tiers()`, when the review
/// names its tiers) of a region alone at `position` (1-based, among the
/// regions that take a place): the tiers' rule for a group of one, for the
/// places a lottery gives.
pub(crate) fn place_alone(committee: &Committee, position: usize) -> (Status, Option<usize>) {
    Places::new(committee).of(position.saturating_sub(1), position)
}

/// Rules 6 and 7 over regions given by their keys alone: the one home of
/// the ranking, for `merge` and for the analysis's rounds.
#[derive(Debug, Clone)]
pub(crate) struct Ranking {
    /// Per tie-break level, the depth-first index of its category.
    category_index: Vec<Option<usize>>,
    places: Places,
}

impl Ranking {
    pub fn new(committee: &Committee, categories: &[Category]) -> Ranking {
        let placed = depth_first(categories);
        Ranking {
            category_index: committee
                .tie_break
                .iter()
                .map(|id| placed.iter().position(|p| &p.category.id == id))
                .collect(),
            places: Places::new(committee),
        }
    }

    /// A region's key at `level`: 0 its total, i its `tie_break[i - 1]`
    /// subtotal (0 when that category is unknown), given its depth-first
    /// subtotals.
    pub fn key(&self, level: usize, total: f64, subtotal: impl Fn(usize) -> f64) -> f64 {
        if level == 0 {
            total
        } else {
            self.category_index[level - 1].map_or(0.0, subtotal)
        }
    }

    /// The places of `n` regions, in rank order (the ineligible last), from
    /// what the ranking reads of them.
    pub fn places(&self, n: usize, regions: &impl Ranked) -> Vec<Place> {
        let order: Vec<usize> = (0..n).collect();
        let mut out = Vec::with_capacity(n);
        let mut scratch = Scratch::default();
        self.places_into(Ahead::default(), &order, regions, &mut scratch, &mut out);
        out
    }

    /// [`Ranking::places`] of the regions in `order` (each once), ranked
    /// after the regions `ahead` (apart by more than `EPSILON` from them),
    /// into `out`: the same places whatever their order.
    pub fn places_into(
        &self,
        ahead: Ahead,
        order: &[usize],
        regions: &impl Ranked,
        scratch: &mut Scratch,
        out: &mut Vec<Place>,
    ) {
        out.clear();
        let Scratch {
            ranked,
            ineligible,
            split,
        } = scratch;
        ranked.clear();
        ineligible.clear();
        for &m in order {
            if regions.ineligible(m) {
                ineligible.push(m);
            } else {
                ranked.push(m);
            }
        }
        split.groups.clear();
        split
            .keys
            .resize_with(self.category_index.len() + 1, Vec::new);
        split.split(ranked, 0, 0, regions, None);
        let mut taken = ahead.places;
        for group in &split.groups {
            let members = &mut ranked[group.start..group.end];
            if members.len() > 1 {
                members.sort_by(|&a, &b| regions.id_order(a, b));
            }
            let decided_at = group.decided_at.filter(|&level| level > 0);
            // Below a threshold, a region takes no place: asked once each.
            let first = out.len();
            for (k, &m) in members.iter().enumerate() {
                let below = regions.below(m);
                out.push(Place {
                    member: m,
                    rank: (ahead.regions + group.start) as u32 + 1,
                    status: if below {
                        Status::BelowThreshold
                    } else {
                        Status::Selected
                    },
                    tier: None,
                    decided_at: decided_at.filter(|_| k == 0),
                });
            }
            let counted = out[first..]
                .iter()
                .filter(|p| p.status != Status::BelowThreshold)
                .count();
            let (status, tier) = self.places.of(taken, taken + counted);
            taken += counted;
            for place in &mut out[first..] {
                if place.status != Status::BelowThreshold {
                    place.status = status;
                    place.tier = tier;
                }
            }
        }
        ineligible.sort_by(|&a, &b| regions.id_order(a, b));
        out.extend(ineligible.iter().map(|&m| Place {
            member: m,
            rank: 0,
            status: Status::Ineligible,
            tier: None,
            decided_at: None,
        }));
    }
}

/// What [`Ranking::places_into`] reuses from one ranking to the next.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    ranked: Vec<usize>,
    ineligible: Vec<usize>,
    split: Split,
}

/// The groups found so far, and buffers to find them with.
#[derive(Debug, Default)]
struct Split {
    groups: Vec<Group>,
    /// One buffer of keys a level, reused by every run split at it.
    keys: Vec<Vec<(f64, usize)>>,
    /// Where the keys are sorted by bucket, and the buckets' counts.
    spare: Vec<(f64, usize)>,
    counts: Vec<u32>,
}

/// The places of the tiers, one after the other: tier k holds positions
/// P(k−1)+1 ..= P(k).
#[derive(Debug, Clone)]
struct Places {
    /// Per tier, the position after its last place, P(k).
    ends: Vec<usize>,
    /// Whether the review has `tiers` (else its one tier is not written).
    named: bool,
}

impl Places {
    fn new(committee: &Committee) -> Places {
        let mut end = 0usize;
        let ends = committee
            .tiers()
            .into_iter()
            .map(|tier| {
                end = end.saturating_add(tier.places as usize);
                end
            })
            .collect();
        Places {
            ends,
            named: !committee.tiers.is_empty(),
        }
    }

    /// The status and tier of a group that takes positions `start + 1 ..= end`
    /// (counted among regions that are not excluded): `Selected` in a tier
    /// when they all fall in it; `Tied` when they straddle two tiers or the
    /// last place; `NotSelected` after it.
    fn of(&self, start: usize, end: usize) -> (Status, Option<usize>) {
        let last = self.ends.last().copied().unwrap_or(0);
        if start >= last {
            return (Status::NotSelected, None);
        }
        let tier = self.ends.iter().position(|&tier_end| start < tier_end);
        match tier {
            Some(k) if end <= self.ends[k] => (Status::Selected, self.named.then_some(k)),
            _ => (Status::Tied, None),
        }
    }
}

impl Split {
    /// Orders `items` by their key at `level`, descending; runs of equal
    /// keys (within EPSILON of their neighbour) are split further at the
    /// next level, and what is still equal after the last level becomes one
    /// ex-aequo group. `items` sit at `offset` in the whole order, which the
    /// groups index.
    ///
    /// The order of regions with the very same key does not matter: they
    /// are in one run whatever it is, which the next level orders again and
    /// a group by id. So the keys are sorted unstably, each read once.
    fn split(
        &mut self,
        items: &mut [usize],
        offset: usize,
        level: usize,
        regions: &impl Ranked,
        decided_at: Option<usize>,
    ) {
        let mut keyed = std::mem::take(&mut self.keys[level]);
        keyed.clear();
        keyed.extend(items.iter().map(|&m| (regions.key(m, level), m)));
        self.sort(&mut keyed);
        for (item, &(_, m)) in items.iter_mut().zip(keyed.iter()) {
            *item = m;
        }
        let deeper = level + 1 < self.keys.len();
        let mut start = 0;
        while start < keyed.len() {
            let mut end = start + 1;
            while end < keyed.len() && keyed[end - 1].0 - keyed[end].0 <= EPSILON {
                end += 1;
            }
            let decided = if start == 0 { decided_at } else { Some(level) };
            if end - start > 1 && deeper {
                let run = &mut items[start..end];
                self.split(run, offset + start, level + 1, regions, decided);
            } else {
                self.groups.push(Group {
                    start: offset + start,
                    end: offset + end,
                    decided_at: decided,
                });
            }
            start = end;
        }
        self.keys[level] = keyed;
    }

    /// Sorts `keyed` by descending key: many keys by bucket first (the
    /// buckets follow the keys' order, and each is sorted), few as they are.
    fn sort(&mut self, keyed: &mut Vec<(f64, usize)>) {
        let descending = |a: &(f64, usize), b: &(f64, usize)| b.0.total_cmp(&a.0);
        if keyed.is_sorted_by(|a, b| descending(a, b).is_le()) {
            return;
        }
        let n = keyed.len();
        let (low, high, numbers) = keyed.iter().fold(
            (f64::INFINITY, f64::NEG_INFINITY, true),
            |(lo, hi, numbers), k| (lo.min(k.0), hi.max(k.0), numbers && k.0.is_finite()),
        );
        let scale = n.saturating_sub(1) as f64 / (high - low);
        if n < BUCKETS_FROM || !numbers || !scale.is_finite() || scale <= 0.0 {
            keyed.sort_unstable_by(descending);
            return;
        }
        // Highest first; a key's bucket never falls as the key rises.
        let bucket = |key: f64| (((high - key) * scale) as usize).min(n - 1);
        self.counts.clear();
        self.counts.resize(n + 1, 0);
        for k in keyed.iter() {
            self.counts[bucket(k.0) + 1] += 1;
        }
        for b in 1..=n {
            self.counts[b] += self.counts[b - 1];
        }
        self.spare.clear();
        self.spare.resize(n, (0.0, 0));
        for &k in keyed.iter() {
            let at = &mut self.counts[bucket(k.0)];
            self.spare[*at as usize] = k;
            *at += 1;
        }
        // Each bucket now ends where the next began.
        let mut start = 0;
        for b in 0..n {
            let end = self.counts[b] as usize;
            if end - start > 1 {
                self.spare[start..end].sort_unstable_by(descending);
            }
            start = end;
        }
        std::mem::swap(keyed, &mut self.spare);
    }
}

/// From this many keys, [`Split::sort`] sorts by bucket.
const BUCKETS_FROM: usize = 256;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    /// Keys sorted by [`Split::sort`]: the same keys, by descending
    /// `total_cmp`, however many and however tied.
    fn sorted(keys: &[f64]) -> Vec<(f64, usize)> {
        let mut keyed: Vec<(f64, usize)> = keys.iter().copied().zip(0..).collect();
        Split::default().sort(&mut keyed);
        keyed
    }

    fn check(keys: &[f64]) {
        let out = sorted(keys);
        let mut seen: Vec<usize> = out.iter().map(|k| k.1).collect();
        seen.sort_unstable();
        assert!(seen.iter().copied().eq(0..keys.len()), "each key once");
        assert!(
            out.iter()
                .all(|&(key, m)| key.to_bits() == keys[m].to_bits())
        );
        for pair in out.windows(2) {
            assert!(pair[0].0.total_cmp(&pair[1].0).is_ge(), "{pair:?}");
        }
    }

    #[test]
    fn many_keys_sort_by_bucket_as_few_sort_by_comparison() {
        let mut rng = SplitMix64::new(11);
        for n in [0, 1, 2, 255, 256, 257, 1000, 5000] {
            // Totals on a grid (many equal), a hair apart, and spread wide.
            let grid: Vec<f64> = (0..n).map(|_| rng.below(60) as f64 / 6.0).collect();
            let hairs: Vec<f64> = (0..n).map(|k| 50.0 + k as f64 * 1e-10).collect();
            let wide: Vec<f64> = (0..n).map(|_| (rng.unit() - 0.5) * 1e12).collect();
            for keys in [grid, hairs, wide] {
                check(&keys);
            }
        }
        // Keys no bucket holds: infinities, NaN, zeros of both signs, one value.
        let mut odd: Vec<f64> = (0..600).map(|k| f64::from(k % 7)).collect();
        odd[3] = f64::INFINITY;
        check(&odd);
        odd[3] = f64::NAN;
        check(&odd);
        odd[3] = f64::NEG_INFINITY;
        check(&odd);
        check(&[0.0, -0.0].repeat(300));
        check(&[4.5; 700]);
    }
}
