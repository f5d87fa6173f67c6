//! The rules of SPEC's "The selection programme" on `review.ron`: nested
//! categories, thresholds, eligibility, tiers and the budget. (A stage's
//! `follows` needs the earlier review's files: `store` checks it.)

use std::collections::HashSet;

use super::findings::{Finding, Findings, field, s};
use crate::model::{Budget, BudgetRule, Category, PROGRAMME_EPSILON, Review, Rule, valid_id};
use crate::source::SourceText;

/// Checks the programme's fields of `review`.
pub fn check(review: &Review, f: &mut Findings) {
    categories(review, f);
    minimums(review, f);
    regions(review, f);
    tiers(review, f);
    if let Some(rule) = &review.committee.eligibility {
        eligibility(rule, f);
    }
    if let Some(budget) = &review.committee.budget {
        budget_fields(budget, f);
        budget_fits(review, budget, f);
    }
}

fn categories(review: &Review, f: &mut Findings) {
    for placed in review.all_categories() {
        if placed.category.is_empty() {
            f.add(
                &[field("categories"), s(&placed.category.id)],
                crate::t!("check-category-empty", id = placed.category.id),
            );
        }
    }
}

/// A minimum is a number from 0 to the most that can be given.
fn minimums(review: &Review, f: &mut Findings) {
    let mut check = |id: &str, min: Option<f64>, max: f64| {
        if let Some(min) = min
            && !(min.is_finite() && min >= 0.0 && min <= max + PROGRAMME_EPSILON)
        {
            f.add(
                &[field("categories"), s(id), field("min")],
                crate::t!("check-min-range", id = id, value = min, max = max),
            );
        }
    };
    for placed in review.all_categories() {
        let category: &Category = placed.category;
        check(&category.id, category.min, category.max_total());
        for criterion in &category.criteria {
            check(&criterion.id, criterion.min, criterion.max);
        }
    }
}

fn regions(review: &Review, f: &mut Findings) {
    for region in &review.regions {
        for (name, value) in region.figures.iter() {
            if !value.is_finite() {
                f.add(
                    &[field("regions"), s(&region.id), field("figures"), s(name)],
                    crate::t!(
                        "check-figure-number",
                        region = region.id,
                        figure = name,
                        value = value
                    ),
                );
            }
        }
        if let Some(requested) = region.requested
            && !(requested.is_finite() && requested >= 0.0)
        {
            f.add(
                &[field("regions"), s(&region.id), field("requested")],
                crate::t!("check-requested", region = region.id, value = requested),
            );
        }
    }
}

fn tiers(review: &Review, f: &mut Findings) {
    let committee = &review.committee;
    match (committee.select, committee.tiers.is_empty()) {
        (Some(_), false) => f.add(
            &[field("committee"), field("tiers")],
            crate::t!("check-select-and-tiers"),
        ),
        (None, true) => f.add(&[field("committee")], crate::t!("check-no-selection")),
        _ => {}
    }
    let mut seen = HashSet::new();
    for tier in &committee.tiers {
        let at = [field("tiers"), s(&tier.id)];
        if !valid_id(&tier.id) {
            f.add(
                &at,
                crate::t!(
                    "check-id-invalid",
                    kind = crate::t!("kind-tier"),
                    id = tier.id,
                    rule = crate::t!("check-id-rule")
                ),
            );
        } else if !seen.insert(tier.id.as_str()) {
            f.add(
                &[field("tiers"), s(&tier.id), s(&tier.id)],
                crate::t!(
                    "check-id-repeats",
                    kind = crate::t!("kind-tier"),
                    id = tier.id
                ),
            );
        }
        if tier.places == 0 {
            f.add(
                &[field("tiers"), s(&tier.id), field("places")],
                crate::t!("check-tier-places", id = tier.id),
            );
        }
    }
    // A better place must never mean less money: tiers without money (a
    // reserve list) come after every funded one.
    if let Some(first) = committee.tiers.iter().position(|t| !t.funded)
        && let Some(funded) = committee.tiers[first..].iter().find(|t| t.funded)
    {
        f.add(
            &[field("tiers"), s(&funded.id)],
            crate::t!(
                "check-tier-funded-after",
                funded = funded.id,
                reserve = committee.tiers[first].id
            ),
        );
    }
}

fn eligibility(rule: &Rule, f: &mut Findings) {
    rule.walk(&mut |rule| match rule {
        Rule::All(rules) | Rule::Any(rules) if rules.is_empty() => {
            let kind = if matches!(rule, Rule::All(_)) {
                "All"
            } else {
                "Any"
            };
            f.add(
                &[field("eligibility")],
                crate::t!("check-rule-empty", kind = kind),
            );
        }
        Rule::AtLeast(name, x) | Rule::AtMost(name, x) if !x.is_finite() => {
            f.add(
                &[field("eligibility"), s(name)],
                crate::t!("check-rule-number", figure = name, value = x),
            );
        }
        _ => {}
    });
}

fn budget_fields(budget: &Budget, f: &mut Findings) {
    let amount = |value: f64| value.is_finite() && value >= 0.0;
    let mut bad = |name: &'static str, value: f64| {
        f.add(
            &[field("budget"), field(name)],
            crate::t!("check-budget-amount", field = name, value = value),
        );
    };
    if !amount(budget.total) {
        bad("total", budget.total);
    }
    if let BudgetRule::Proportional { min, max } = budget.rule {
        if !amount(min) {
            bad("min", min);
        }
        if !amount(max) {
            bad("max", max);
        }
        if amount(min) && amount(max) && min > max {
            f.add(
                &[field("budget"), field("min")],
                crate::t!("check-budget-min-max", min = min, max = max),
            );
        }
    }
    if !(budget.granularity.is_finite() && budget.granularity > 0.0) {
        f.add(
            &[field("budget"), field("granularity")],
            crate::t!("check-budget-granularity", value = budget.granularity),
        );
    }
}

/// What the budget needs of the regions: under `RankOrder` every eligible
/// region's `requested`; under `Proportional`, least amounts that fit the
/// total however the funded places are filled by the cheapest regions.
fn budget_fits(review: &Review, budget: &Budget, f: &mut Findings) {
    let eligible: Vec<_> = review.regions.iter().filter(|r| review.admits(r)).collect();
    match budget.rule {
        BudgetRule::RankOrder => {
            for region in eligible.iter().filter(|r| r.requested.is_none()) {
                f.add(
                    &[field("regions"), s(&region.id)],
                    crate::t!("check-budget-requested", region = region.id),
                );
            }
        }
        BudgetRule::Proportional { min, max } => {
            if !(min.is_finite() && max.is_finite() && min <= max) {
                return;
            }
            let funded: u32 = review
                .committee
                .tiers()
                .iter()
                .filter(|t| t.funded)
                .map(|t| t.places)
                .fold(0, u32::saturating_add);
            let mut least: Vec<f64> = eligible
                .iter()
                .map(|r| min.min(r.requested.map_or(max, |q| q.min(max))))
                .collect();
            least.sort_by(f64::total_cmp);
            let places = least.len().min(funded as usize);
            let needed: f64 = least[..places].iter().sum();
            if needed > budget.total + PROGRAMME_EPSILON {
                f.add(
                    &[field("budget"), field("total")],
                    crate::t!(
                        "check-budget-minimums",
                        places = places,
                        needed = needed,
                        total = budget.total,
                        short = needed - budget.total
                    ),
                );
            }
        }
    }
}

/// What `check` and `merge` warn about in `review` without refusing it:
/// figures the eligibility rule names that regions lack; a member given a
/// region they are conflicted on.
pub fn warnings(review: &Review) -> Vec<String> {
    findings(review).into_iter().map(|f| f.message).collect()
}

/// [`warnings`], each with its place in `review.ron`.
pub fn located_warnings(review: &Review, source: &SourceText) -> Vec<String> {
    findings(review)
        .iter()
        .map(|f| f.locate(source).to_string())
        .collect()
}

fn findings(review: &Review) -> Vec<Finding> {
    let mut found = figure_findings(review);
    found.extend(super::assignment::warnings(review));
    found
}

fn figure_findings(review: &Review) -> Vec<Finding> {
    let Some(rule) = &review.committee.eligibility else {
        return Vec::new();
    };
    let known: Vec<&str> = {
        let mut names: Vec<&str> = review
            .regions
            .iter()
            .flat_map(|r| r.figures.keys().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    rule.figures()
        .into_iter()
        .filter_map(|figure| {
            let lacking: Vec<&str> = review
                .regions
                .iter()
                .filter(|r| !r.figures.contains_key(figure))
                .map(|r| r.id.as_str())
                .collect();
            if lacking.is_empty() {
                return None;
            }
            let at = [field("eligibility"), s(figure)];
            if lacking.len() == review.regions.len() {
                // No region has it: most likely a misspelt name.
                let like = known
                    .iter()
                    .map(|k| (strsim::jaro_winkler(k, figure), *k))
                    .filter(|(score, _)| *score > 0.85)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, k)| k);
                let message = match like {
                    Some(like) => {
                        crate::t!("check-figure-unknown-like", figure = figure, like = like)
                    }
                    None => crate::t!("check-figure-unknown", figure = figure),
                };
                return Some(Finding::new(&at, message));
            }
            let shown: Vec<&str> = lacking.iter().take(10).copied().collect();
            let more = lacking.len() - shown.len();
            Some(Finding::new(
                &at,
                crate::t!(
                    "check-figure-missing",
                    figure = figure,
                    count = lacking.len(),
                    regions = shown.join(", "),
                    more = more
                ),
            ))
        })
        .collect()
}
