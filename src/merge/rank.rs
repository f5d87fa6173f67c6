//! Rules 6 and 7: the ranking, ties and their tie-break, and the statuses.

use super::limits::EPSILON;
use super::results::{RegionResult, Status};
use crate::model::{Category, Committee, Review};

/// A run of regions in rank order that share a rank (one region unless ex aequo).
struct Group {
    members: Vec<usize>,
    /// The ranking level that separated this group from the one above:
    /// 0 the total, i the `tie_break[i - 1]` subtotal.
    decided_at: Option<usize>,
}

/// Rules 6 and 7: orders the regions, gives ranks and statuses.
pub(super) fn rank(review: &Review, regions: Vec<RegionResult>) -> Vec<RegionResult> {
    rank_by(&review.committee, &review.categories, regions)
}

/// [`rank`] under `committee`'s rules. Reads only each region's `region`,
/// `total` and `subtotals` and sets only `rank`, `status` and `decided_by`,
/// so the analysis can rank recomputed totals by the very same rules, or a
/// run of regions with the places left to them.
pub(crate) fn rank_by(
    committee: &Committee,
    categories: &[Category],
    regions: Vec<RegionResult>,
) -> Vec<RegionResult> {
    let category_index: Vec<Option<usize>> = committee
        .tie_break
        .iter()
        .map(|id| categories.iter().position(|c| &c.id == id))
        .collect();
    let key = |region: usize, level: usize| -> f64 {
        if level == 0 {
            regions[region].total
        } else {
            category_index[level - 1].map_or(0.0, |c| regions[region].subtotals[c].points)
        }
    };
    let mut groups = Vec::new();
    split(
        (0..regions.len()).collect(),
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

    let below = |total: f64| committee.min_total.is_some_and(|min| total < min - EPSILON);
    let select = committee.select as usize;
    let mut slots = vec![(0u32, Status::NotSelected, None); regions.len()];
    let mut position = 0;
    let mut eligible_seen = 0;
    for group in &groups {
        let eligible = group
            .members
            .iter()
            .filter(|&&m| !below(regions[m].total))
            .count();
        let (start, end) = (eligible_seen, eligible_seen + eligible);
        let status = if end <= select {
            Status::Selected
        } else if start >= select {
            Status::NotSelected
        } else {
            Status::Tied
        };
        eligible_seen = end;
        let decided_by = group
            .decided_at
            .filter(|&level| level > 0)
            .map(|level| committee.tie_break[level - 1].clone());
        for (k, &m) in group.members.iter().enumerate() {
            let status = if below(regions[m].total) {
                Status::BelowThreshold
            } else {
                status
            };
            slots[m] = (
                position as u32 + 1,
                status,
                decided_by.clone().filter(|_| k == 0),
            );
        }
        position += group.members.len();
    }
    let order: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .collect();
    let mut regions: Vec<Option<RegionResult>> = regions.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|m| {
            let mut region = regions[m].take()?;
            let (rank, status, decided_by) = slots[m].clone();
            region.rank = rank;
            region.status = status;
            region.decided_by = decided_by;
            Some(region)
        })
        .collect()
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
