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
    let placed = depth_first(categories);
    let category_index: Vec<Option<usize>> = committee
        .tie_break
        .iter()
        .map(|id| placed.iter().position(|p| &p.category.id == id))
        .collect();
    let key = |region: usize, level: usize| -> f64 {
        if level == 0 {
            regions[region].total
        } else {
            category_index[level - 1].map_or(0.0, |c| regions[region].subtotals[c].points)
        }
    };
    let (ineligible, ranked): (Vec<usize>, Vec<usize>) =
        (0..regions.len()).partition(|&m| regions[m].status == Status::Ineligible);
    let mut groups = Vec::new();
    split(
        ranked,
        0,
        &key,
        committee.tie_break.len(),
        None,
        &mut groups,
    );
    for group in &mut groups {
        group
            .members
            .sort_by(|&a, &b| regions[a].region.cmp(&regions[b].region));
    }
    let thresholds = Thresholds::new(committee, categories);
    let below: Vec<bool> = regions.iter().map(|r| thresholds.below(r)).collect();
    let places = Places::new(committee);
    let mut slots = vec![Slot::default(); regions.len()];
    let mut position = 0;
    let mut taken = 0;
    for group in &groups {
        let counted = group.members.iter().filter(|&&m| !below[m]).count();
        let (status, tier) = places.of(taken, taken + counted);
        taken += counted;
        let decided_by = group
            .decided_at
            .filter(|&level| level > 0)
            .map(|level| committee.tie_break[level - 1].clone());
        for (k, &m) in group.members.iter().enumerate() {
            slots[m] = if below[m] {
                Slot {
                    rank: position as u32 + 1,
                    status: Status::BelowThreshold,
                    tier: None,
                    decided_by: decided_by.clone().filter(|_| k == 0),
                }
            } else {
                Slot {
                    rank: position as u32 + 1,
                    status,
                    tier: tier.clone(),
                    decided_by: decided_by.clone().filter(|_| k == 0),
                }
            };
        }
        position += group.members.len();
    }
    let mut ineligible = ineligible;
    ineligible.sort_by(|&a, &b| regions[a].region.cmp(&regions[b].region));
    for &m in &ineligible {
        slots[m] = Slot {
            rank: 0,
            status: Status::Ineligible,
            tier: None,
            decided_by: None,
        };
    }
    let order: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .chain(ineligible)
        .collect();
    let mut regions: Vec<Option<RegionResult>> = regions.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|m| {
            let mut region = regions[m].take()?;
            let slot = std::mem::take(&mut slots[m]);
            region.rank = slot.rank;
            region.status = slot.status;
            region.tier = slot.tier;
            region.decided_by = slot.decided_by;
            Some(region)
        })
        .collect()
}

/// What the ranking gives one region.
#[derive(Debug, Clone, Default)]
struct Slot {
    rank: u32,
    status: Status,
    tier: Option<String>,
    decided_by: Option<String>,
}

/// The places of the tiers, one after the other: tier k holds positions
/// P(k−1)+1 ..= P(k).
struct Places {
    /// Per tier, its id (written only when the review has `tiers`) and the
    /// position after its last place, P(k).
    tiers: Vec<(Option<String>, usize)>,
}

impl Places {
    fn new(committee: &Committee) -> Places {
        let named = !committee.tiers.is_empty();
        let mut end = 0usize;
        let tiers = committee
            .tiers()
            .into_iter()
            .map(|tier| {
                end = end.saturating_add(tier.places as usize);
                (named.then_some(tier.id), end)
            })
            .collect();
        Places { tiers }
    }

    /// The status and tier of a group that takes positions `start + 1 ..= end`
    /// (counted among regions that are not excluded): `Selected` in a tier
    /// when they all fall in it; `Tied` when they straddle two tiers or the
    /// last place; `NotSelected` after it.
    fn of(&self, start: usize, end: usize) -> (Status, Option<String>) {
        let last = self.tiers.last().map_or(0, |t| t.1);
        if start >= last {
            return (Status::NotSelected, None);
        }
        let tier = self.tiers.iter().find(|t| start < t.1);
        match tier {
            Some((id, tier_end)) if end <= *tier_end => (Status::Selected, id.clone()),
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
