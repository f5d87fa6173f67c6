//! Rules 6 and 7: the ranking, ties and their tie-break, the statuses and
//! the tiers.

use super::exclude::Thresholds;
use super::limits::EPSILON;
use super::results::{RegionResult, Status};
use crate::model::{Category, Committee, Review, depth_first};

/// A run of regions in rank order that share a rank (one region unless ex aequo).
struct Group {
    members: Vec<usize>,
    /// The ranking level that separated this group from the one above:
    /// 0 the total, i the `tie_break[i - 1]` subtotal.
    decided_at: Option<usize>,
}

/// Rules 6 and 7: orders the regions, gives ranks, statuses and tiers.
pub(super) fn rank(review: &Review, regions: Vec<RegionResult>) -> Vec<RegionResult> {
    rank_by(&review.committee, &review.categories, regions)
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
    let thresholds = Thresholds::new(committee, categories);
    let places = ranking.places(
        regions.len(),
        |m, level| ranking.key(level, regions[m].total, |c| regions[m].subtotals[c].points),
        |a, b| regions[a].region.cmp(&regions[b].region),
        |m| regions[m].status == Status::Ineligible,
        |m| thresholds.below(&regions[m]),
    );
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

/// Rules 6 and 7 over regions given by their keys alone: the one home of
/// the ranking, for `merge` and for the analysis's rounds.
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
    /// each region's key at a level (see [`Ranking::key`]), the order of
    /// their ids, and whether it is ineligible or below a threshold.
    pub fn places(
        &self,
        n: usize,
        key: impl Fn(usize, usize) -> f64,
        id_order: impl Fn(usize, usize) -> std::cmp::Ordering,
        ineligible: impl Fn(usize) -> bool,
        below: impl Fn(usize) -> bool,
    ) -> Vec<Place> {
        let (mut ineligible, ranked): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&m| ineligible(m));
        let mut groups = Vec::new();
        split(
            ranked,
            0,
            &key,
            self.category_index.len(),
            None,
            &mut groups,
        );
        let mut out = Vec::with_capacity(n);
        let mut position = 0;
        let mut taken = 0;
        for group in &mut groups {
            group.members.sort_by(|&a, &b| id_order(a, b));
            let counted = group.members.iter().filter(|&&m| !below(m)).count();
            let (status, tier) = self.places.of(taken, taken + counted);
            taken += counted;
            let decided_at = group.decided_at.filter(|&level| level > 0);
            for (k, &m) in group.members.iter().enumerate() {
                let below = below(m);
                out.push(Place {
                    member: m,
                    rank: position as u32 + 1,
                    status: if below {
                        Status::BelowThreshold
                    } else {
                        status
                    },
                    tier: if below { None } else { tier },
                    decided_at: decided_at.filter(|_| k == 0),
                });
            }
            position += group.members.len();
        }
        ineligible.sort_by(|&a, &b| id_order(a, b));
        out.extend(ineligible.into_iter().map(|m| Place {
            member: m,
            rank: 0,
            status: Status::Ineligible,
            tier: None,
            decided_at: None,
        }));
        out
    }
}

/// The places of the tiers, one after the other: tier k holds positions
/// P(k−1)+1 ..= P(k).
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

/// Orders `items` by `key` at `level`, descending; runs of equal keys (within
/// EPSILON of their neighbour) are split further at the next level, and what
/// is still equal after the last level becomes one ex-aequo group.
fn split(
    mut items: Vec<usize>,
    level: usize,
    key: &impl Fn(usize, usize) -> f64,
    levels: usize,
    decided_at: Option<usize>,
    out: &mut Vec<Group>,
) {
    items.sort_by(|&a, &b| key(b, level).total_cmp(&key(a, level)));
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for item in items {
        match runs.last_mut() {
            Some(run) if key(run[run.len() - 1], level) - key(item, level) <= EPSILON => {
                run.push(item);
            }
            _ => runs.push(vec![item]),
        }
    }
    for (k, run) in runs.into_iter().enumerate() {
        let decided = if k == 0 { decided_at } else { Some(level) };
        if run.len() > 1 && level < levels {
            split(run, level + 1, key, levels, decided, out);
        } else {
            out.push(Group {
                members: run,
                decided_at: decided,
            });
        }
    }
}
