//! The official lottery: the places of the last line's grey zone drawn by
//! lot among its regions, from the committee's published seed.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::zone::{by_region, lines, placed, zone};
use crate::analysis::{Analysis, Line};
use crate::merge::{self, Infeasible, RegionResult, Results, Status};
use crate::model::{Lottery, Review};
use crate::rng::SplitMix64;

/// What the lottery did, step by step, for report.md and results.ron.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lot {
    pub seed: u64,
    /// The line whose grey zone is drawn: the funding line under a budget
    /// that leaves a selected region unfunded, else the end of the last
    /// funded tier (with a budget) or of the last tier.
    pub line: Line,
    /// How many positions lie inside it.
    pub inside: u32,
    /// The zone's regions in id order: the list the draw takes from.
    pub zone: Vec<String>,
    /// The zone's official positions, best first: the places drawn.
    pub positions: Vec<u32>,
    /// Each draw in turn; none when nothing was drawn (`skipped`).
    pub steps: Vec<Step>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<Skip>,
}

/// One draw: from the `left` regions not drawn yet (in id order), the one
/// at `index = ⌊number·left / 2⁶⁴⌋` takes `position`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub left: u32,
    /// The generator's number the draw was taken from.
    pub number: u64,
    pub index: u32,
    pub region: String,
    pub position: u32,
}

/// Why nothing was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Skip {
    /// No line with regions on both sides of it.
    NoLine,
    /// Fewer than two regions in the zone.
    Fewer,
    /// The zone's positions all fall on one side of the line.
    OneSide,
}

/// The line the lottery draws at, with how many positions lie inside it
/// (see [`Lot::line`]).
pub fn lottery_line(review: &Review, results: &Results) -> Option<(Line, usize)> {
    let lines = lines(results);
    let last = match &review.committee.budget {
        None => lines.iter().rfind(|(l, _)| matches!(l, Line::TierEnd(_))),
        Some(_) => lines.iter().find(|(l, _)| *l == Line::Funding).or_else(|| {
            let tiers = review.committee.tiers();
            let k = u16::try_from(tiers.iter().rposition(|t| t.funded)?).ok()?;
            lines.iter().find(|(l, _)| *l == Line::TierEnd(k))
        }),
    };
    last.copied()
}

/// Draws the grey zone of the lottery's line and gives its regions their
/// new positions in `results`: statuses `Drawn` and `NotDrawn`, tiers and
/// the budget by the merge's own rules. `analysis` must be that of
/// `results` as the merge gave them. Fails only when the budget can no
/// longer give every region drawn in its least amount.
pub fn draw(
    review: &Review,
    results: &mut Results,
    analysis: &Analysis,
    lottery: Lottery,
) -> Result<Lot, Infeasible> {
    let mut lot = Lot {
        seed: lottery.seed,
        line: Line::TierEnd(0),
        inside: 0,
        zone: Vec::new(),
        positions: Vec::new(),
        steps: Vec::new(),
        skipped: Some(Skip::NoLine),
    };
    let Some((line, inside)) = lottery_line(review, results) else {
        return Ok(lot);
    };
    lot.line = line;
    lot.inside = u32::try_from(inside).unwrap_or(u32::MAX);
    let placed = placed(results);
    let checks = by_region(analysis);
    let Some(mut regions) = zone(&placed, &checks, analysis.rounds, inside) else {
        return Ok(lot);
    };
    let members: BTreeSet<&str> = regions.iter().map(String::as_str).collect();
    lot.positions = (1u32..)
        .zip(&placed)
        .filter(|(_, r)| members.contains(r.region.as_str()))
        .map(|(position, _)| position)
        .collect();
    regions.sort();
    lot.zone = regions;
    let one_side = lot.positions.iter().all(|&p| p <= lot.inside)
        || lot.positions.iter().all(|&p| p > lot.inside);
    lot.skipped = if lot.zone.len() < 2 {
        Some(Skip::Fewer)
    } else if one_side {
        Some(Skip::OneSide)
    } else {
        None
    };
    if lot.skipped.is_none() {
        lot.steps = steps(&lot.zone, &lot.positions, lottery.seed);
        place(review, results, &lot)?;
    }
    Ok(lot)
}

/// The draws: the regions of `zone` (id order) taken one by one by
/// SplitMix64 from `seed`, each the region at `⌊x·m/2⁶⁴⌋` of the `m` left
/// (Lemire's rejection keeps it unbiased), and given the next of
/// `positions`.
fn steps(zone: &[String], positions: &[u32], seed: u64) -> Vec<Step> {
    let mut rng = SplitMix64::new(seed);
    let mut left: Vec<&String> = zone.iter().collect();
    positions
        .iter()
        .map(|&position| {
            let m = left.len();
            let (index, number) = rng.below_from(m);
            let region = left.remove(index).clone();
            Step {
                left: u32::try_from(m).unwrap_or(u32::MAX),
                number,
                index: u32::try_from(index).unwrap_or(u32::MAX),
                region,
                position,
            }
        })
        .collect()
}

/// Puts the zone's regions at the positions drawn, in `results`' order
/// (each keeps its rank by total), gives them their status and tier, and
/// shares the budget again over the new order.
fn place(review: &Review, results: &mut Results, lot: &Lot) -> Result<(), Infeasible> {
    let committee = &review.committee;
    let tiers = committee.tiers();
    let drawn: HashMap<&str, &Step> = lot.steps.iter().map(|s| (s.region.as_str(), s)).collect();
    let slots: Vec<usize> = (0..results.regions.len())
        .filter(|&i| drawn.contains_key(results.regions[i].region.as_str()))
        .collect();
    let mut taken: HashMap<String, RegionResult> = slots
        .iter()
        .map(|&i| {
            (
                results.regions[i].region.clone(),
                results.regions[i].clone(),
            )
        })
        .collect();
    // The line's last position: that of the funding line's tier under a
    // budget's funding line, whose place the budget decides below.
    let limit = match lot.line {
        Line::Funding => funded_end(review),
        Line::TierEnd(_) => lot.inside as usize,
    };
    for (&slot, step) in slots.iter().zip(&lot.steps) {
        let Some(mut region) = taken.remove(&step.region) else {
            continue;
        };
        let position = step.position as usize;
        let (status, tier) = merge::place_alone(committee, position);
        region.tier = tier.and_then(|k| tiers.get(k)).map(|t| t.id.clone());
        region.status = if status == Status::Selected && position <= limit {
            Status::Drawn
        } else {
            Status::NotDrawn
        };
        results.regions[slot] = region;
    }
    if let Some(budget) = &committee.budget {
        for region in &mut results.regions {
            region.flags.retain(|f| f != "unfunded");
        }
        results.budget = Some(merge::allocate(review, budget, &mut results.regions)?);
        for &slot in &slots {
            let region = &mut results.regions[slot];
            if region.status == Status::Drawn && region.flags.iter().any(|f| f == "unfunded") {
                region.status = Status::NotDrawn;
            }
        }
    }
    Ok(())
}

/// The position after the last funded tier's last place.
fn funded_end(review: &Review) -> usize {
    let tiers = review.committee.tiers();
    let last = tiers.iter().rposition(|t| t.funded).map_or(0, |k| k + 1);
    tiers[..last].iter().map(|t| t.places as usize).sum()
}
