//! How solid is the selection? Evidence around the committee results, shown
//! beside them and never applied to them: the merge rules of SPEC.md stay
//! the official result.
//!
//! - Stability: the selection recomputed when each panel's reviewers are
//!   resampled (a bootstrap, deterministic from a seed), when any one
//!   reviewer is left out, and under each aggregate rule.
//! - Calibration: each reviewer's leniency relative to those who marked the
//!   same cells (an additive offset model fitted by least squares), and the
//!   ranking recomputed with calibrated marks; "not estimable" where the
//!   overlap is too thin to tell.
//! - Closeness: the margin at the cutoff, and the smallest change of marks
//!   that would swap the regions either side of it.
//!
//! Pure and deterministic: the same review and results give the same
//! numbers, to the bit. Every ranking here comes from the merge's own
//! aggregate and ranking functions (see [`marks`]).

mod calibration;
mod closeness;
mod marks;
mod stability;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::merge::{EPSILON, Results, Status};
use crate::model::{Aggregate, Review};
use marks::{Marks, Outcome};

/// How many bootstrap rounds, unless the review is very large.
pub const DEFAULT_ROUNDS: u32 = 2000;
/// The seed of the bootstrap, unless another is asked for.
pub const DEFAULT_SEED: u64 = 1;
/// A reviewer sharing fewer cells than this with the others is not calibrated.
pub const DEFAULT_MIN_SHARED_CELLS: u32 = 5;
/// A region is solid when, besides passing every other check, it keeps its
/// place (in or out) in at least this share of the bootstrap rounds.
pub const SOLID_SHARE: f64 = 0.95;

/// Work of the bootstrap, in rounds × (marks + 1000 × regions): ranking
/// the regions again is what each round costs most at a national scale.
/// This keeps 10,000 regions around a second and a half on one core.
const BUDGET: usize = 1_000_000_000;
/// Fewer rounds than this would say too little.
pub const MIN_ROUNDS: u32 = 100;

/// How the analysis is made; recorded with it, so that it can be redone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub rounds: u32,
    pub seed: u64,
    pub min_shared_cells: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            rounds: DEFAULT_ROUNDS,
            seed: DEFAULT_SEED,
            min_shared_cells: DEFAULT_MIN_SHARED_CELLS,
        }
    }
}

/// Up to this many counting marks the analysis runs by default, in `merge`
/// and `results`: about a third of a second at 1,000 regions (53,000
/// marks), but a second more at 10,000, where the merge alone takes half a
/// second. Above, `merge --analysis` asks for it.
pub const BY_DEFAULT_UP_TO: usize = 100_000;

/// Whether the analysis runs unless asked not to (`merge`, `results`): up
/// to [`BY_DEFAULT_UP_TO`] counting marks.
pub fn by_default(results: &Results) -> bool {
    counting_marks(results) <= BY_DEFAULT_UP_TO
}

/// The counting marks of these results: what the analysis's cost grows with.
pub fn counting_marks(results: &Results) -> usize {
    results.regions.iter().map(|r| r.marks as usize).sum()
}

impl Settings {
    /// The defaults for these results: 2,000 rounds, fewer (never below
    /// 100) when a review is so large that 2,000 would take more than a
    /// second or two.
    pub fn for_results(results: &Results) -> Settings {
        let marks = counting_marks(results);
        let per_round = marks + 1000 * results.regions.len();
        let affordable = BUDGET / per_round.max(1);
        Settings {
            rounds: (affordable.min(DEFAULT_ROUNDS as usize) as u32).max(MIN_ROUNDS),
            ..Settings::default()
        }
    }
}

/// `results.ron`'s `analysis` section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Bootstrap rounds and their seed: the same give the same numbers.
    pub rounds: u32,
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
}

/// What the checks say about one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionCheck {
    pub region: String,
    /// The official status.
    pub status: Status,
    /// Bootstrap rounds in which it was selected, or tied at the cutoff.
    pub selected: u32,
    pub tied: u32,
    /// The middle 90% of its ranks over the bootstrap rounds.
    pub rank_low: u32,
    pub rank_high: u32,
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
}

/// Reviewers' offsets in points per mark: positive marks higher (more
/// lenient) than the others on the same cells, negative lower (harsher).
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
    pub offset: Option<f64>,
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

/// How a reviewer marks against the others on the same cells, as far as
/// the fit can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Harsh,
    Lenient,
    /// Within twice the standard error of the others.
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
    /// Share of the bootstrap rounds in which it kept its place, in or out.
    pub fn agreement(&self, rounds: u32) -> f64 {
        if rounds == 0 {
            return 1.0;
        }
        let kept = match standing(self.status) {
            Standing::In => self.selected,
            Standing::Out => rounds
                .saturating_sub(self.selected)
                .saturating_sub(self.tied),
            Standing::Tied => self.tied,
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
        Status::Selected => Standing::In,
        Status::Tied => Standing::Tied,
        Status::NotSelected | Status::BelowThreshold => Standing::Out,
    }
}

/// The analysis of `results`, which `merge` computed from `review`.
pub fn analyse(review: &Review, results: &Results, settings: Settings) -> Analysis {
    let marks = Marks::new(review, results);
    let rule = marks.rule;
    let official_cells = marks.official_aggregates(rule);
    let official = marks.outcome(&official_cells);
    let resampled = stability::bootstrap(&marks, &official, settings.rounds, settings.seed);
    let without = stability::leave_one_out(&marks, &official_cells, &official);
    let rules = [Aggregate::Mean, Aggregate::Median, Aggregate::TrimmedMean]
        .map(|a| (a, marks.outcome(&marks.official_aggregates(a))));
    let fitted = calibration::calibrate(&marks, settings.min_shared_cells);
    let calibrated = fitted.calibration.any().then(|| {
        let cells = marks.aggregates(rule, |_, entries, buffer| {
            buffer.extend(
                entries
                    .iter()
                    .map(|e| e.points - fitted.offsets[e.reviewer].unwrap_or(0.0)),
            )
        });
        marks.outcome(&cells)
    });

    let hinges: Vec<Hinge> = without
        .iter()
        .filter_map(|w| {
            let mut changes: Vec<(u32, StatusChange)> = w
                .changes
                .iter()
                .filter(|&&(r, to)| standing(to) != standing(official.status[r]))
                .map(|&(r, to)| {
                    let change = StatusChange {
                        region: review.regions[r].id.clone(),
                        from: official.status[r],
                        to,
                    };
                    (official.rank[r], change)
                })
                .collect();
            // In the official rank order.
            changes.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.region.cmp(&b.1.region)));
            let changes: Vec<StatusChange> = changes.into_iter().map(|(_, c)| c).collect();
            (!changes.is_empty()).then(|| Hinge {
                reviewer: marks.reviewers[w.reviewer].clone(),
                changes,
                emptied: w.emptied,
            })
        })
        .collect();

    let mut hangs_on: HashMap<&str, Vec<String>> = HashMap::new();
    for hinge in &hinges {
        for change in &hinge.changes {
            hangs_on
                .entry(change.region.as_str())
                .or_default()
                .push(hinge.reviewer.clone());
        }
    }
    let regions = results
        .regions
        .iter()
        .filter_map(|result| {
            let r = marks.region_index(&result.region)?;
            let placing = |outcome: &Outcome| Placing {
                rank: outcome.rank[r],
                total: outcome.total[r],
                status: outcome.status[r],
            };
            let mut check = RegionCheck {
                region: result.region.clone(),
                status: result.status,
                selected: resampled.selected[r],
                tied: resampled.tied[r],
                rank_low: stability::quantile(&resampled.ranks[r], 0.05),
                rank_high: stability::quantile(&resampled.ranks[r], 0.95),
                hangs_on: hangs_on
                    .get(result.region.as_str())
                    .cloned()
                    .unwrap_or_default(),
                by_aggregate: rules
                    .iter()
                    .map(|(aggregate, outcome)| RuleOutcome {
                        aggregate: *aggregate,
                        placing: placing(outcome),
                    })
                    .collect(),
                calibrated: calibrated.as_ref().map(placing),
                verdict: Verdict::Fragile,
            };
            check.verdict = verdict(&check, settings.rounds);
            Some(check)
        })
        .collect();

    Analysis {
        rounds: settings.rounds,
        seed: settings.seed,
        aggregate: rule,
        same_selection: resampled.same_selection,
        regions,
        reviewers_left_out: marks.reviewers.len() as u32,
        hinges,
        calibration: fitted.calibration,
        cutoff: cutoff(&marks, results),
    }
}

fn verdict(check: &RegionCheck, rounds: u32) -> Verdict {
    let side = standing(check.status);
    let same = |status: Status| standing(status) == side;
    let solid = side != Standing::Tied
        && check.hangs_on.is_empty()
        && check.by_aggregate.iter().all(|r| same(r.placing.status))
        && check.calibrated.is_none_or(|p| same(p.status))
        && check.agreement(rounds) >= SOLID_SHARE;
    if solid {
        Verdict::Solid
    } else {
        Verdict::Fragile
    }
}

/// The regions either side of the cutoff, and how close they are.
fn cutoff(marks: &Marks, results: &Results) -> Option<Closeness> {
    let regions = &results.regions;
    if regions.iter().any(|r| r.status == Status::Tied) {
        return None;
    }
    let last_in = regions.iter().rposition(|r| r.status == Status::Selected)?;
    let first_out = regions
        .iter()
        .position(|r| r.status == Status::NotSelected)?;
    if first_out < last_in {
        return None;
    }
    let (a, b) = (&regions[last_in], &regions[first_out]);
    // Equal totals decided by the tie-break: no margin, not a rounding -0.00.
    let margin = Some(a.total - b.total)
        .filter(|m| m.abs() > EPSILON)
        .unwrap_or(0.0);
    let decided_by = if margin.abs() <= EPSILON && first_out == last_in + 1 {
        b.decided_by.clone()
    } else {
        None
    };
    Some(closeness::closeness(
        marks,
        marks.region_index(&a.region)?,
        marks.region_index(&b.region)?,
        margin,
        decided_by,
    ))
}

#[cfg(test)]
mod tests;
