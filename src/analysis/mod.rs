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

mod blocks;
mod bounds;
mod calibration;
mod closeness;
mod contest;
mod draw;
mod findings;
mod ground;
mod marks;
mod meetings;
mod probe;
mod settings;
mod shift;
mod stability;
mod teams;
mod without;
pub use teams::teams;

use std::collections::HashMap;

pub use findings::{
    Analysis, Boundary, Calibration, CalibrationGroup, Closeness, Edge, Hinge, Line, MarkChange,
    Place, Placing, Reading, RegionCheck, ReviewerOffset, RuleOutcome, Standing, StatusChange,
    Swap, TeamShift, Thin, Uncalibrated, Verdict, standing,
};
use marks::{Marks, Outcome};
pub use settings::{
    BATCH_ROUNDS, DEFAULT_MIN_SHARED_CELLS, DEFAULT_SEED, MAX_ROUNDS, MIN_ROUNDS, SOLID_SHARE,
    STANDARD_ERROR, Settings, precise, standard_error,
};

use crate::merge::{self, EPSILON, Results, Status};
use crate::model::{Aggregate, Review};

/// The analysis of `results`, which `merge` computed from `review`.
pub fn analyse(review: &Review, results: &Results, settings: Settings) -> Analysis {
    let marks = Marks::new(review, results);
    let rule = marks.rule;
    let official_cells = marks.official_aggregates(rule);
    let official = marks.outcome(&official_cells);
    let rounds = settings
        .rounds
        .map_or(stability::Rounds::Precise, stability::Rounds::Exactly);
    let contest = contest::Contest::of(&marks, &official);
    // The rounds on every core; the other checks, each on one, beside them.
    let (resampled, (without, rules, (fitted, calibrated), teams)) = rayon::join(
        || stability::bootstrap(&marks, &official, &contest, rounds, settings.seed),
        || {
            let ((without, rules), (fitted, teams)) = rayon::join(
                || {
                    rayon::join(
                        || without::leave_one_out(&marks, &official_cells, &official, &contest),
                        || {
                            [Aggregate::Mean, Aggregate::Median, Aggregate::TrimmedMean]
                                .map(|a| (a, marks.outcome(&marks.official_aggregates(a))))
                        },
                    )
                },
                || {
                    rayon::join(
                        || calibrated(&marks, settings.min_shared_cells),
                        || teams::team_shifts(&marks, &official_cells, &official),
                    )
                },
            );
            (without, rules, fitted, teams)
        },
    );

    let hinges = hinges(review, &marks, &without, &official);
    let checks = Checks {
        official: &official,
        resampled: &resampled,
        rules: &rules,
        calibrated: calibrated.as_ref(),
    };
    let regions = region_checks(results, &marks, &hinges, &checks);

    Analysis {
        rounds: resampled.rounds,
        ceiling: resampled.ceiling,
        settled: contest.settled_eligible(&marks),
        seed: settings.seed,
        aggregate: rule,
        same_selection: resampled.same_selection,
        regions,
        reviewers_left_out: marks.reviewers.len() as u32,
        hinges,
        calibration: fitted.calibration,
        cutoff: cutoff(&marks, results),
        boundaries: boundaries(&marks, results),
        tiers: review
            .committee
            .tiers
            .iter()
            .map(|t| t.title.clone())
            .collect(),
        teams,
    }
}

/// The calibration, and the outcome under calibrated marks when any
/// reviewer is calibrated.
fn calibrated(marks: &Marks, min_shared_cells: u32) -> (calibration::Fitted, Option<Outcome>) {
    let fitted = calibration::calibrate(marks, min_shared_cells);
    let calibrated = fitted.calibration.any().then(|| {
        let cells = marks.aggregates(marks.rule, |_, entries, buffer| {
            buffer.extend(
                entries
                    .iter()
                    .map(|e| e.points - fitted.offsets[e.reviewer].unwrap_or(0.0)),
            );
        });
        marks.outcome(&cells)
    });
    (fitted, calibrated)
}

/// The reviewers without whom some region would be on the other side of
/// the cutoff, and what would change, in the official rank order.
fn hinges(
    review: &Review,
    marks: &Marks,
    without: &[without::Without],
    official: &Outcome,
) -> Vec<Hinge> {
    without
        .iter()
        .filter_map(|w| {
            // In the official rank order.
            let changes: Vec<StatusChange> = (official.changes(review, w.changes.iter().copied()))
                .into_iter()
                .filter(|change| change.before().crossed(&change.after()))
                .collect();
            (!changes.is_empty()).then(|| Hinge {
                reviewer: marks.reviewers[w.reviewer].clone(),
                changes,
                emptied: w.emptied,
            })
        })
        .collect()
}

/// What the region-by-region checks found, besides who a region hangs on.
struct Checks<'c> {
    official: &'c Outcome,
    resampled: &'c stability::Resampled,
    /// Each aggregate rule with its outcome.
    rules: &'c [(Aggregate, Outcome); 3],
    calibrated: Option<&'c Outcome>,
}

/// Every region's checks, in the results' rank order.
fn region_checks(
    results: &Results,
    marks: &Marks,
    hinges: &[Hinge],
    checks: &Checks,
) -> Vec<RegionCheck> {
    let Checks {
        official,
        resampled,
        rules,
        calibrated,
    } = *checks;
    let rounds = resampled.rounds;
    let mut hangs_on: HashMap<&str, Vec<String>> = HashMap::new();
    for hinge in hinges {
        for change in &hinge.changes {
            hangs_on
                .entry(change.region.as_str())
                .or_default()
                .push(hinge.reviewer.clone());
        }
    }
    results
        .regions
        .iter()
        // A region screened out by the eligibility rule is in no
        // competition: no rank, nothing to be solid about.
        .filter(|result| result.status != Status::Ineligible)
        .filter_map(|result| {
            let r = marks.region_index(&result.region)?;
            let placing = |outcome: &Outcome| Placing {
                rank: outcome.rank[r],
                total: outcome.total[r],
                status: outcome.status[r],
                tier: outcome.tier[r],
                funded: outcome.funded[r],
            };
            let official = placing(official);
            let mut check = RegionCheck {
                region: result.region.clone(),
                status: result.status,
                tier: official.tier,
                funded: official.funded,
                selected: resampled.selected[r],
                tied: resampled.tied[r],
                // The rounds that kept its tier and funding too, where
                // those exist.
                kept: (official.tier.is_some() || official.funded.is_some())
                    .then_some(resampled.kept[r]),
                rank_low: resampled.rank_range(r).0,
                rank_high: resampled.rank_range(r).1,
                expected_rank: resampled.mean_rank(r),
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
                calibrated: calibrated.map(placing),
                verdict: Verdict::Fragile,
            };
            check.verdict = verdict(&check, rounds);
            Some(check)
        })
        .collect()
}

fn verdict(check: &RegionCheck, rounds: u32) -> Verdict {
    let home = check.place();
    let same = |placing: &Placing| !home.crossed(&placing.place());
    let solid = standing(check.status) != Standing::Tied
        && check.hangs_on.is_empty()
        && check.by_aggregate.iter().all(|r| same(&r.placing))
        && check.calibrated.is_none_or(|p| same(&p))
        && check.agreement(rounds) >= SOLID_SHARE;
    if solid {
        Verdict::Solid
    } else {
        Verdict::Fragile
    }
}

/// Every tier boundary but the last (that one is the cutoff), and the
/// funding line, each with how close the regions either side are. None
/// across a tie: the committee decides there.
fn boundaries(marks: &Marks, results: &Results) -> Vec<Boundary> {
    let ranked: Vec<&merge::RegionResult> = results
        .regions
        .iter()
        .filter(|r| !r.status.excluded())
        .collect();
    let mut pairs: Vec<(Line, usize, usize)> = Vec::new();
    let tiers = &results.rules.tiers;
    let mut end = 0usize;
    for (k, tier) in tiers.iter().enumerate().take(tiers.len().saturating_sub(1)) {
        end += tier.places as usize;
        if let Ok(k) = u16::try_from(k)
            && end > 0
            && end < ranked.len()
        {
            pairs.push((Line::TierEnd(k), end - 1, end));
        }
    }
    let paid = ranked
        .iter()
        .rposition(|r| r.status == Status::Selected && r.allocation.is_some_and(|a| a > 0.0));
    let unpaid = ranked
        .iter()
        .position(|r| r.flags.iter().any(|f| f == "unfunded"));
    if let (Some(paid), Some(unpaid)) = (paid, unpaid)
        && paid < unpaid
    {
        pairs.push((Line::Funding, paid, unpaid));
    }
    pairs
        .into_iter()
        .filter_map(|(line, above, below)| {
            let (a, b) = (ranked[above], ranked[below]);
            if a.status == Status::Tied || b.status == Status::Tied {
                return None;
            }
            let margin = Some(a.total - b.total)
                .filter(|m| m.abs() > EPSILON)
                .unwrap_or(0.0);
            let decided_by = (margin == 0.0 && below == above + 1)
                .then(|| b.decided_by.clone())
                .flatten();
            Some(Boundary {
                line,
                closeness: closeness::closeness(
                    marks,
                    marks.region_index(&a.region)?,
                    marks.region_index(&b.region)?,
                    margin,
                    decided_by,
                ),
            })
        })
        .collect()
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
mod teams_tests;
#[cfg(test)]
mod tests;
