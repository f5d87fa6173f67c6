//! What the analysis finds: `results.ron`'s `analysis` section, and the
//! readings every output gives of it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::settings::largest_standard_error;
use crate::merge::Status;
use crate::model::Aggregate;

/// `results.ron`'s `analysis` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Bootstrap rounds and their seed: the same give the same numbers.
    pub rounds: u32,
    /// Whether the rounds stopped at `MAX_ROUNDS` short of that precision.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ceiling: bool,
    /// Regions whose marks keep them in one place in every round, so that
    /// they were not ranked again: their rank range is the ranks they can
    /// take at all.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub settled: u32,
    pub seed: u64,
    /// The committee's aggregate rule, under which everything else is computed.
    pub aggregate: Aggregate,
    /// Bootstrap rounds that selected exactly the committee's regions.
    pub same_selection: u32,
    /// One per region, in the results' rank order.
    pub regions: Vec<RegionCheck>,
    /// How many reviewers with counting marks were each left out in turn.
    pub reviewers_left_out: u32,
    /// The reviewers without whom some region would be in or out, and what
    /// would change.
    pub hinges: Vec<Hinge>,
    pub calibration: Calibration,
    /// The cutoff: `None` when there is no region just either side of it
    /// (no places, every eligible region selected, or a tie across it).
    pub cutoff: Option<Closeness>,
    /// The titles of the review's tiers, which a `tier` of the places
    /// above indexes (none when the review selects without tiers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// The other lines the rules draw, each with how close it is: every
    /// boundary between two tiers, and the funding line of a `RankOrder`
    /// budget.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boundaries: Vec<Boundary>,
    /// Per panel, how far its members' marks could all move before the
    /// outcome changes (none in files written before it was computed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<TeamShift>,
}

/// A line inside the selection, and how close the regions either side are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boundary {
    pub line: Line,
    pub closeness: Closeness,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Line {
    /// The end of this tier (an index into `tiers`), where the next begins.
    TierEnd(u16),
    /// Where the money stops.
    Funding,
}

/// What the checks say about one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionCheck {
    pub region: String,
    /// The official status.
    pub status: Status,
    /// Its official tier and funding, as in [`Placing`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funded: Option<bool>,
    /// Bootstrap rounds in which it was selected, or tied at the cutoff.
    pub selected: u32,
    pub tied: u32,
    /// Bootstrap rounds in which it kept its tier and its funding as well
    /// as its side of the cutoff: only for reviews with tiers or a budget
    /// (otherwise that is `selected`, or the rounds out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<u32>,
    /// The middle 90% of its ranks over the bootstrap rounds.
    pub rank_low: u32,
    pub rank_high: u32,
    /// Its mean rank over the bootstrap rounds; `None` when it was not
    /// ranked again (settled: its landing is certain, and its rank range
    /// the ranks it can take), and in files written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_rank: Option<f64>,
    /// Reviewers without whom it would be in instead of out, or the reverse.
    pub hangs_on: Vec<String>,
    /// Its place under each aggregate rule: Mean, Median, TrimmedMean.
    pub by_aggregate: Vec<RuleOutcome>,
    /// Its place with calibrated marks; `None` when no reviewer could be
    /// calibrated.
    pub calibrated: Option<Placing>,
    pub verdict: Verdict,
}

/// A region's place in a recomputed ranking.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Placing {
    pub rank: u32,
    pub total: f64,
    pub status: Status,
    /// Its tier, when the review has tiers and it is selected: an index
    /// into the results' `rules.tiers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<u16>,
    /// Whether it receives money, when the review has a budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funded: Option<bool>,
}

impl Placing {
    pub fn place(&self) -> Place {
        Place {
            status: self.status,
            tier: self.tier,
            funded: self.funded,
        }
    }
}

/// Where a region lands, as far as the official outcome goes: its status,
/// its tier (reviews with tiers) and whether it is funded (with a budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub status: Status,
    /// An index into the results' `rules.tiers`.
    pub tier: Option<u16>,
    pub funded: Option<bool>,
}

impl Place {
    /// Whether `other` is on another side of some line than this: the
    /// cutoff (in, tied, out), a tier boundary or the funding line. A
    /// change within a side (not selected, then below a threshold) is not.
    pub fn crossed(&self, other: &Place) -> bool {
        standing(self.status) != standing(other.status)
            || self.tier != other.tier
            || self.funded != other.funded
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RuleOutcome {
    pub aggregate: Aggregate,
    pub placing: Placing,
}

/// Whether a region's place, in or out, survives every check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// In (or out) under every aggregate rule, without any one reviewer,
    /// with calibrated marks, and in at least 95% of the bootstrap rounds.
    Solid,
    /// Some check puts it on the other side of the cutoff.
    Fragile,
}

/// A reviewer whose marks decide some region's place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hinge {
    pub reviewer: String,
    /// Regions that would move across the cutoff without this reviewer.
    pub changes: Vec<StatusChange>,
    /// Scored criteria that would be left without any mark (they then count
    /// 0, as the rules say).
    pub emptied: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    pub region: String,
    pub from: Status,
    pub to: Status,
    /// Tiers before and after, when the review has tiers: indexes into the
    /// results' `rules.tiers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_tier: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_tier: Option<u16>,
    /// Funded before and after, when the review has a budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_funded: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_funded: Option<bool>,
}

impl StatusChange {
    pub fn before(&self) -> Place {
        Place {
            status: self.from,
            tier: self.from_tier,
            funded: self.from_funded,
        }
    }

    pub fn after(&self) -> Place {
        Place {
            status: self.to,
            tier: self.to_tier,
            funded: self.to_funded,
        }
    }
}

/// Reviewers' offsets in points per mark: positive marks higher (more
/// lenient) than the group's typical (median) reviewer on the same cells,
/// negative lower (harsher).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub min_shared_cells: u32,
    /// Groups of reviewers connected by shared cells, each fitted on its
    /// own: offsets compare reviewers within a group, never across.
    pub groups: Vec<CalibrationGroup>,
    /// Every reviewer with counting marks, by id.
    pub reviewers: Vec<ReviewerOffset>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationGroup {
    pub reviewers: Vec<String>,
    pub panels: Vec<String>,
    /// Cells marked by at least two of its reviewers: what the fit rests on.
    pub cells: u32,
    /// The spread of marks the offsets don't explain (points per mark).
    pub residual_sd: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewerOffset {
    pub reviewer: String,
    /// 1-based index into `groups`; `None` when not estimable.
    pub group: Option<u32>,
    pub marks: u32,
    /// Cells they marked that some other reviewer marked too.
    pub shared_cells: u32,
    /// Other reviewers who marked some of the same cells.
    pub co_reviewers: u32,
    /// From the group's median reviewer (see `analysis::calibration`).
    pub offset: Option<f64>,
    /// Of the difference from the median reviewer (0 for that reviewer).
    pub standard_error: Option<f64>,
    /// Why there is no offset.
    pub thin: Option<Thin>,
}

/// Why a reviewer's offset is not estimable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Thin {
    /// Shares only this many cells with the reviewers that could be calibrated.
    SharedCells(u32),
    /// Their group of connected reviewers has only this many (fewer than 3).
    Group(u32),
}

/// How close the cutoff is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closeness {
    pub last_in: String,
    pub first_out: String,
    /// Total of `last_in` minus total of `first_out`, unrounded.
    pub margin: f64,
    /// When their totals are equal: the tie-break category that decided.
    pub decided_by: Option<String>,
    /// The smallest change of marks found that puts `first_out` ahead.
    pub smallest: Option<Swap>,
    /// The fewest reviewers whose marks alone could do it, and how.
    pub fewest_reviewers: Option<Swap>,
    /// Whether `smallest` is the least change (Mean, up to one step of the
    /// grid) or an upper bound found by search (Median, TrimmedMean).
    pub exact: bool,
}

/// Changed marks that would swap the two regions at the cutoff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Swap {
    /// The sum of the changes, in points of marks.
    pub points: f64,
    pub reviewers: Vec<String>,
    pub changes: Vec<MarkChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkChange {
    pub reviewer: String,
    pub region: String,
    pub criterion: String,
    pub from: f64,
    pub to: f64,
}

impl Analysis {
    /// The largest standard error of a region's share of rounds (selected,
    /// or kept under tiers or a budget): the precision the rounds reached.
    pub fn standard_error(&self) -> f64 {
        largest_standard_error(
            self.regions.iter().map(|c| (c.selected, c.kept)),
            self.rounds,
        )
    }

    /// One region's checks. Linear: in loops over regions, use [`Analysis::by_region`].
    pub fn region(&self, id: &str) -> Option<&RegionCheck> {
        self.regions.iter().find(|r| r.region == id)
    }

    /// Every region's checks by region id.
    pub fn by_region(&self) -> HashMap<&str, &RegionCheck> {
        self.regions
            .iter()
            .map(|r| (r.region.as_str(), r))
            .collect()
    }
}

impl Calibration {
    pub fn reviewer(&self, id: &str) -> Option<&ReviewerOffset> {
        self.reviewers.iter().find(|r| r.reviewer == id)
    }

    /// The reviewers in the order every output lists them: by group, the
    /// harshest first within it; those not estimable last; ties by id.
    pub fn in_order(&self) -> Vec<&ReviewerOffset> {
        let mut rows: Vec<&ReviewerOffset> = self.reviewers.iter().collect();
        rows.sort_by(|a, b| {
            (a.group.is_none(), a.group)
                .cmp(&(b.group.is_none(), b.group))
                .then(a.offset.unwrap_or(0.0).total_cmp(&b.offset.unwrap_or(0.0)))
                .then(a.reviewer.cmp(&b.reviewer))
        });
        rows
    }

    /// Whether any reviewer could be calibrated.
    pub fn any(&self) -> bool {
        !self.groups.is_empty()
    }

    /// Why no reviewer could be calibrated; `None` when some could.
    pub fn why_none(&self) -> Option<Uncalibrated> {
        if self.any() {
            None
        } else if self.reviewers.is_empty() {
            Some(Uncalibrated::NoMarks)
        } else if self
            .reviewers
            .iter()
            .any(|r| matches!(r.thin, Some(Thin::Group(_))))
        {
            Some(Uncalibrated::SmallGroups)
        } else {
            Some(Uncalibrated::FewSharedCells)
        }
    }
}

/// Why calibration means nothing for a review: said instead of offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncalibrated {
    /// No counting marks at all.
    NoMarks,
    /// No reviewer shares enough cells with the others.
    FewSharedCells,
    /// Those who do share enough come in groups too small (fewer than 3)
    /// to tell who is the harsh one.
    SmallGroups,
}

/// How a reviewer marks against the group's typical reviewer, as far as
/// the fit can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Harsh,
    Lenient,
    /// Within twice the standard error of the typical reviewer.
    InLine,
    /// An offset without a standard error (a very large group).
    NoErrorEstimate,
    NotEstimable,
}

impl ReviewerOffset {
    /// Harsh or lenient only when the offset is more than twice its
    /// standard error: a smaller one could be noise.
    pub fn reading(&self) -> Reading {
        match (self.offset, self.standard_error) {
            (Some(b), Some(se)) if b.abs() > 2.0 * se && b < 0.0 => Reading::Harsh,
            (Some(b), Some(se)) if b.abs() > 2.0 * se => Reading::Lenient,
            (Some(_), Some(_)) => Reading::InLine,
            (Some(_), None) => Reading::NoErrorEstimate,
            (None, _) => Reading::NotEstimable,
        }
    }
}

impl RegionCheck {
    /// Its official place.
    pub fn place(&self) -> Place {
        Place {
            status: self.status,
            tier: self.tier,
            funded: self.funded,
        }
    }

    /// Share of the bootstrap rounds in which it kept its place, in or out.
    pub fn agreement(&self, rounds: u32) -> f64 {
        if rounds == 0 {
            return 1.0;
        }
        let kept = match (self.kept, standing(self.status)) {
            (Some(kept), _) => kept,
            (None, Standing::In) => self.selected,
            (None, Standing::Out) => rounds
                .saturating_sub(self.selected)
                .saturating_sub(self.tied),
            (None, Standing::Tied) => self.tied,
        };
        f64::from(kept) / f64::from(rounds)
    }
}

/// Which side of the cutoff a status is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    In,
    Tied,
    Out,
}

pub fn standing(status: Status) -> Standing {
    match status {
        Status::Selected | Status::Drawn => Standing::In,
        Status::Tied => Standing::Tied,
        Status::NotSelected | Status::NotDrawn | Status::BelowThreshold | Status::Ineligible => {
            Standing::Out
        }
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// How far one panel's marks can all move before the official outcome
/// changes (`results.ron`: the analysis's `teams`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamShift {
    pub panel: String,
    /// The counting marks the shift moves: its members' on the cells it covers.
    pub marks: u32,
    /// How far it was looked each way, in points per mark: the largest
    /// maximum of a criterion.
    pub reach: f64,
    /// `None` when exact (`Mean`); else found by search in steps of at
    /// most this many points per mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_step: Option<f64>,
    /// Marking lower: `None` when no offset down to `-reach` changes the outcome.
    pub down: Option<Edge>,
    /// Marking higher: `None` when no offset up to `reach` does.
    pub up: Option<Edge>,
}

/// Where the outcome stops surviving, one way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// The outcome is the official one for every offset strictly between 0
    /// and this (negative downwards).
    pub limit: f64,
    /// The offset at which `changes` were found: the first hundredth of a
    /// point past `limit`, unless the outcome is the official one again
    /// there; then just past `limit` (or at it, when the change is a tie).
    pub at: f64,
    /// The regions that land elsewhere at `at`, in the official rank order.
    pub changes: Vec<StatusChange>,
}

impl TeamShift {
    /// Whether the outcome survives any offset within the reach both ways.
    pub fn any_offset(&self) -> bool {
        self.down.is_none() && self.up.is_none()
    }
}
