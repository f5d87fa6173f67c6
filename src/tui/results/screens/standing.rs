//! A region's standing in words beyond its rank and total: its flags (the
//! minimums it misses, the funding line, its criteria's marks), why it is
//! not eligible, its tier and what it receives of the budget. For the
//! ranking's detail and the region screen alike.

use super::super::app::App;
use super::parts::shown;
use crate::merge::{RegionResult, Status};
use crate::model::format_points;
use crate::report::eligibility::rule_in_words;
use crate::report::{amount_in, points, words};
use crate::t;

/// A region's flags in words: the minimums it falls short of, whether the
/// money stopped before it, each criterion without marks or with
/// disagreeing ones, then the criteria without a consensus mark (under
/// `use_consensus`). That it is not eligible is said apart (see
/// [`eligibility_text`]).
pub(super) fn flags_text(app: &App, region: &RegionResult) -> String {
    let mut parts = flag_parts(app, region);
    parts.extend(no_consensus_text(region));
    in_a_line(region, &parts)
}

/// The parts of a region's flags in a line; that it has none, or none
/// but what is said apart.
fn in_a_line(region: &RegionResult, parts: &[String]) -> String {
    if region.flags.is_empty() {
        t!("results-no-flags")
    } else if parts.is_empty() {
        t!("results-no-other-flags")
    } else {
        parts.join(&t!("results-flags-separator"))
    }
}

/// [`flags_text`] without the criteria lacking a consensus mark, for a
/// screen that says those on a line of their own ([`no_consensus_text`]).
pub(super) fn flags_but_consensus(app: &App, region: &RegionResult) -> String {
    in_a_line(region, &flag_parts(app, region))
}

/// The criteria a panel covers without any consensus mark (the region's
/// `no-consensus:` flags), in words; `None` when there are none.
pub(super) fn no_consensus_text(region: &RegionResult) -> Option<String> {
    let criteria: Vec<&str> = region
        .flags
        .iter()
        .filter_map(|f| f.strip_prefix("no-consensus:"))
        .collect();
    (!criteria.is_empty()).then(|| words::no_consensus(&criteria))
}

/// Every flag but `ineligible` and `no-consensus` in words.
fn flag_parts(app: &App, region: &RegionResult) -> Vec<String> {
    let mut parts = thresholds_text(app, region);
    if region.flags.iter().any(|f| f == "unfunded") {
        parts.push(t!("results-unfunded"));
    }
    for c in &region.criteria {
        if c.aggregate.is_none() {
            parts.push(t!("results-no-marks", criterion = &c.criterion));
        }
        if let (true, Some(lo), Some(hi)) = (c.disagreement, c.min, c.max) {
            let limit = app
                .data
                .review
                .criterion(&c.criterion)
                .map_or(0.0, |k| app.results().rules.disagreement_limit(k.max));
            parts.push(t!(
                "results-disagreement",
                criterion = &c.criterion,
                low = format_points(lo),
                high = format_points(hi),
                spread = format_points(hi - lo),
                limit = format_points(limit)
            ));
        }
    }
    parts
}

/// Each minimum the region falls short of (its `below:` flags), with the
/// value and the minimum: `c 2.50 < 3`.
fn thresholds_text(app: &App, region: &RegionResult) -> Vec<String> {
    let review = &app.data.review;
    let below = |id: &str, value: f64, min: Option<f64>| {
        t!(
            "results-below-min",
            id = id,
            value = points(value),
            min = min.map_or_else(String::new, format_points)
        )
    };
    region
        .flags
        .iter()
        .filter_map(|flag| flag.strip_prefix("below:"))
        .map(|id| {
            if id == "total" {
                return below(id, region.total, app.results().rules.min_total);
            }
            if let Some(criterion) = review.criterion(id) {
                let value = region
                    .criteria
                    .iter()
                    .find(|c| c.criterion == id)
                    .and_then(|c| c.aggregate)
                    .unwrap_or(0.0);
                return below(id, value, criterion.min);
            }
            let min = review
                .all_categories()
                .iter()
                .find(|p| p.category.id == id)
                .and_then(|p| p.category.min);
            below(id, region.subtotal(id), min)
        })
        .collect()
}

/// The title of the tier a region is in, when the review has tiers.
pub(super) fn tier_title(app: &App, region: &RegionResult) -> Option<String> {
    let tier = region.tier.as_ref()?;
    let title = app
        .results()
        .rules
        .tiers
        .iter()
        .find(|t| &t.id == tier)
        .map_or(tier.as_str(), |t| t.title.as_str());
    Some(title.to_string())
}

/// What a selected region receives, in the budget's unit, when the review
/// has a budget; `None` for a region that cannot receive any.
pub(super) fn allocation_text(app: &App, region: &RegionResult) -> Option<String> {
    let budget = app.results().budget.as_ref()?;
    let allocation = region.allocation?;
    region
        .status
        .chosen()
        .then(|| amount_in(allocation, &budget.unit))
}

/// Which figures keep a region out, and what the rule needs; `None` for
/// a region that is eligible.
pub(super) fn ineligible_reason(app: &App, region: &RegionResult) -> Option<String> {
    if region.status != Status::Ineligible {
        return None;
    }
    let review = &app.data.review;
    let reason = match (&review.committee.eligibility, review.region(&region.region)) {
        (Some(rule), Some(def)) => rule_in_words(rule, def),
        _ => String::new(),
    };
    Some(shown(&app.theme, &reason))
}

/// [`ineligible_reason`] in a sentence: `Not eligible: …`.
pub(super) fn eligibility_text(app: &App, region: &RegionResult) -> Option<String> {
    ineligible_reason(app, region).map(|reason| t!("results-not-eligible", reason = reason))
}

/// The tier a region is in, by its title, and what it receives of the
/// budget (of what it asked for): `Tier: Knowledge cluster  Allocation:
/// 850M JPY (requested 1B JPY)`; empty when the review has neither.
pub(super) fn tier_and_allocation(app: &App, region: &RegionResult) -> String {
    let results = app.results();
    let mut parts = Vec::new();
    if let Some(title) = tier_title(app, region) {
        parts.push(t!("results-tier", tier = title));
    }
    if let (Some(allocation), Some(budget)) = (region.allocation, &results.budget) {
        let mut text = t!(
            "results-allocation",
            amount = amount_in(allocation, &budget.unit)
        );
        if let Some(requested) = app
            .data
            .review
            .region(&region.region)
            .and_then(|r| r.requested)
        {
            text.push_str(&t!(
                "results-requested",
                amount = amount_in(requested, &budget.unit)
            ));
        }
        parts.push(text);
    }
    parts.join("  ")
}
