//! The selection programme (SPEC's version 2) laid over a synthetic review,
//! so that a benchmark can compare the same marks merged with and without
//! it: each category split into two sub-categories holding its criteria,
//! minimums on some criteria and categories, two figures per region screened
//! by the seed's first-stage rule (about one region in ten fails it), two
//! funded tiers and a reserve list in the places of `select`, and a
//! `Proportional` budget on what each region requested.
//!
//! Only the review changes: the criteria keep their depth-first order, so the
//! generator scores them as it would without the programme and every mark is
//! the same. The figures and requests are drawn from the seed, per region,
//! apart from the generator's own stream.

use std::collections::BTreeMap;

use crate::model::{
    Budget, BudgetRule, Category, Criterion, Region, Review, Rule, Tier, UniqueMap,
};
use crate::rng::SplitMix64;

/// The share of `select` in each funded tier's places; the reserve list
/// takes what is left.
const CLUSTER_SHARE: f64 = 0.6;
const STUDY_SHARE: f64 = 0.2;

/// The seed's ¥0.5–1 billion per region, in steps of ¥10 million.
const LEAST: f64 = 0.5e9;
const MOST: f64 = 1.0e9;
const GRANULARITY: f64 = 1.0e7;
/// The budget per funded place: between the least and the most, so that the
/// share follows the totals rather than giving everyone the most.
const PER_PLACE: f64 = 0.75e9;

/// Turns `review` (flat, with `select`) into the same review under the
/// selection programme, deterministic from `seed`.
pub fn apply(review: &mut Review, seed: u64) {
    review.title.push_str(", under the selection programme");
    for (k, category) in review.categories.iter_mut().enumerate() {
        nest(category, k == 0);
    }
    for (i, region) in review.regions.iter_mut().enumerate() {
        figures(region, seed, i);
    }
    let committee = &mut review.committee;
    committee.eligibility = Some(Rule::Any(vec![
        Rule::AtLeast("industry".into(), 3.0),
        Rule::AtLeast("machinery".into(), 1.0),
    ]));
    let select = committee.select.take().unwrap_or(1);
    committee.tiers = tiers(select);
    let funded: u32 = committee
        .tiers
        .iter()
        .filter(|t| t.funded)
        .map(|t| t.places)
        .sum();
    committee.budget = Some(Budget {
        total: f64::from(funded) * PER_PLACE,
        unit: "JPY".into(),
        rule: BudgetRule::Proportional {
            min: LEAST,
            max: MOST,
        },
        granularity: GRANULARITY,
    });
}

/// Moves the category's criteria into two sub-categories (one when it has a
/// single criterion), in their order. Its first criterion must reach 30% of
/// its maximum, the second sub-category 35% of its own; and the first
/// category (`first`) 40% of its whole.
fn nest(category: &mut Category, first: bool) {
    let mut criteria = std::mem::take(&mut category.criteria);
    if let Some(lead) = criteria.first_mut() {
        lead.min = Some(at_least(0.3, lead.max, lead.step));
    }
    let rest = criteria.split_off(criteria.len().div_ceil(2));
    let mut parts = vec![part(category, 1, "track record", criteria)];
    if !rest.is_empty() {
        let mut second = part(category, 2, "prospects", rest);
        second.min = Some(at_least(0.35, second.max_total(), 0.5));
        parts.push(second);
    }
    category.categories = parts;
    if first {
        category.min = Some(at_least(0.4, category.max_total(), 0.5));
    }
}

fn part(parent: &Category, n: usize, what: &str, criteria: Vec<Criterion>) -> Category {
    Category {
        id: format!("{}-{n}", parent.id),
        title: format!("{}: {what}", parent.title),
        criteria,
        categories: Vec::new(),
        min: None,
    }
}

/// `share` of `max`, rounded to a multiple of `step`.
fn at_least(share: f64, max: f64, step: f64) -> f64 {
    (share * max / step).round() * step
}

/// The region's figures in billion yen and what it asks for: industry from
/// 1 to 11 (below 3 one time in five), machinery from 0 to 2 (below 1 one
/// time in two), so that the rule screens out one region in ten; requests
/// from ¥0.6 to 1.2 billion.
fn figures(region: &mut Region, seed: u64, index: usize) {
    let mut rng =
        SplitMix64::new(seed ^ 0x5eed_f16e ^ (index as u64).wrapping_mul(0xd1b5_4a32_d192_ed03));
    let hundredths = |x: f64| (x * 100.0).round() / 100.0;
    let industry = hundredths(1.0 + 10.0 * rng.unit());
    let machinery = hundredths(2.0 * rng.unit());
    region.figures = UniqueMap(BTreeMap::from([
        ("industry".to_string(), industry),
        ("machinery".to_string(), machinery),
    ]));
    let requested = 0.6e9 + 0.6e9 * rng.unit();
    region.requested = Some((requested / GRANULARITY).round() * GRANULARITY);
}

/// Knowledge clusters, feasibility studies (both funded) and a reserve list,
/// in the places of `select`, each at least one.
fn tiers(select: u32) -> Vec<Tier> {
    let share = |s: f64| ((f64::from(select) * s).round() as u32).max(1);
    let clusters = share(CLUSTER_SHARE);
    let studies = share(STUDY_SHARE);
    let reserve = select.saturating_sub(clusters + studies).max(1);
    let tier = |id: &str, title: &str, places: u32, funded: bool| Tier {
        id: id.into(),
        title: title.into(),
        places,
        funded,
    };
    vec![
        tier("cluster", "Knowledge cluster", clusters, true),
        tier("fs", "Feasibility study", studies, true),
        tier("reserve", "Reserve list", reserve, false),
    ]
}
