//! The grey zone of each line the rules draw through the ranking: the
//! regions whose middle-90% rank interval, from the analysis's resampling,
//! holds a rank on each side of it.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Line, RegionCheck};
use crate::merge::{RegionResult, Results};

/// The regions that could land on either side of one line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GreyZone {
    /// The line: the end of a tier (the last is the cutoff) or the funding
    /// line of a `RankOrder` budget.
    pub line: Line,
    /// How many positions lie inside the line.
    pub inside: u32,
    /// The zone's regions, in the official order.
    pub regions: Vec<String>,
}

/// The regions that take a position (neither ineligible nor below a
/// threshold), in the official order: position `k + 1` is `placed[k]`.
/// That is by rank, ex aequo by id (rule 6), which the results' own order
/// is until a lottery reorders its zone: so the zones of results after a
/// draw are those of the results before it.
pub(crate) fn placed(results: &Results) -> Vec<&RegionResult> {
    let mut placed: Vec<&RegionResult> = results
        .regions
        .iter()
        .filter(|r| !r.status.excluded())
        .collect();
    if !placed.is_sorted_by_key(|r| (r.rank, &r.region)) {
        placed.sort_by(|a, b| (a.rank, &a.region).cmp(&(b.rank, &b.region)));
    }
    placed
}

/// Every line the rules draw through the positions, with how many lie
/// inside it: each tier's end (with `select`, its one tier), then the
/// funding line where a `RankOrder` budget left a selected region unfunded.
pub fn lines(results: &Results) -> Vec<(Line, usize)> {
    let mut out = Vec::new();
    let places: Vec<u32> = if results.rules.tiers.is_empty() {
        vec![results.rules.select]
    } else {
        results.rules.tiers.iter().map(|t| t.places).collect()
    };
    let mut end = 0usize;
    for (k, places) in places.into_iter().enumerate() {
        end = end.saturating_add(places as usize);
        if let Ok(k) = u16::try_from(k) {
            out.push((Line::TierEnd(k), end));
        }
    }
    if let Some(first) = placed(results)
        .iter()
        .position(|r| r.flags.iter().any(|f| f == "unfunded"))
    {
        out.push((Line::Funding, first));
    }
    out
}

/// The grey zone of every line that has regions on both sides, when some
/// region's interval straddles it (see [`zone`]).
pub fn grey_zones(results: &Results, analysis: &Analysis) -> Vec<GreyZone> {
    let checks = by_region(analysis);
    let placed = placed(results);
    lines(results)
        .into_iter()
        .filter_map(|(line, inside)| {
            let regions = zone(&placed, &checks, analysis.rounds, inside)?;
            (!regions.is_empty()).then(|| GreyZone {
                line,
                inside: u32::try_from(inside).unwrap_or(u32::MAX),
                regions,
            })
        })
        .collect()
}

/// The analysis's findings by region id.
pub(crate) fn by_region(analysis: &Analysis) -> HashMap<&str, &RegionCheck> {
    analysis
        .regions
        .iter()
        .map(|c| (c.region.as_str(), c))
        .collect()
}

/// The grey zone of the line after position `inside` among `placed`, in
/// the official order; `None` when no region lies on one of its sides.
///
/// With `above` the rank of the last region inside and `below` that of the
/// first outside: a region is in when its middle-90% rank interval reaches
/// `above` and `below` both (`rank_low <= above` and `rank_high >= below`)
/// and it landed elsewhere than its official place in some round (a region
/// that never moved crossed no line, whatever its ranks), or when its
/// ex-aequo group straddles the line; then every region ex aequo with one
/// in the zone is in it too, so that a group is never split by it.
pub(crate) fn zone(
    placed: &[&RegionResult],
    checks: &HashMap<&str, &RegionCheck>,
    rounds: u32,
    inside: usize,
) -> Option<Vec<String>> {
    if inside == 0 || inside >= placed.len() {
        return None;
    }
    let (above, below) = (placed[inside - 1].rank, placed[inside].rank);
    let straddles = |region: &RegionResult| {
        if region.rank == above && above == below {
            return true;
        }
        checks.get(region.region.as_str()).is_some_and(|c| {
            c.rank_low <= above && c.rank_high >= below && c.agreement(rounds) < 1.0
        })
    };
    let ranks: BTreeSet<u32> = placed
        .iter()
        .filter(|r| straddles(r))
        .map(|r| r.rank)
        .collect();
    Some(
        placed
            .iter()
            .filter(|r| ranks.contains(&r.rank))
            .map(|r| r.region.clone())
            .collect(),
    )
}
