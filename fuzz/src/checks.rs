//! What must hold of the merge's results whatever the review and the
//! sheets (SPEC's "The selection programme"): the order of ranked and
//! ineligible regions, statuses that agree with flags, tiers within their
//! places, money only where it may go; and on a review `check` accepts,
//! amounts that are whole multiples of the granularity, within what was
//! requested and the rule's maximum, and within the total. A failed
//! assertion is a finding of the fuzzer.

use panelist::analysis::Analysis;
use panelist::i18n::{Lang, with_lang};
use panelist::merge::{
    MergeError, MergeOptions, RegionResult, Results, SheetInput, Status, merge, round_down,
};
use panelist::model::{Budget, BudgetRule, Consensus, Review, SELECTED_TIER, Tier};
use panelist::report::{self, InputFile, ResultsFile};
use panelist::source::Anchor;

/// Amounts, money and totals are equal within this (SPEC's 1e-9).
const EPSILON: f64 = 1e-9;

/// The results of `review`: every invariant, and those of the money too
/// when the review is `valid`.
pub fn results(review: &Review, results: &Results, valid: bool) {
    order(&results.regions);
    let minimums = review.criteria().any(|(_, c)| c.min.is_some())
        || review
            .all_categories()
            .iter()
            .any(|p| p.category.min.is_some());
    for region in &results.regions {
        flags(region, minimums);
        if valid {
            assert!(region.total.is_finite(), "{region:?}");
        }
    }
    tiers(review, &results.regions);
    counted(review, results);
    match (&review.committee.budget, &results.budget) {
        (None, None) => assert!(results.regions.iter().all(|r| r.allocation.is_none())),
        (Some(budget), Some(_)) => money(review, budget, results, valid),
        (budget, outcome) => panic!("a budget {budget:?} gives the outcome {outcome:?}"),
    }
}

/// Rule 2 with *Assignment*: every counted mark is by a reviewer one of
/// whose panels gives them the region (under `PerMember`, their own) and
/// the criterion, and whom `review.ron` does not conflict on the region
/// (declared, or through an institution).
fn counted(review: &Review, results: &Results) {
    for region in &results.regions {
        let Some(def) = review.region(&region.region) else {
            continue;
        };
        for criterion in &region.criteria {
            for score in &criterion.scores {
                let Some(reviewer) = review.reviewer(&score.reviewer) else {
                    panic!("a counted mark by unknown {score:?}");
                };
                assert!(
                    panelist::model::conflict(reviewer, def).is_none(),
                    "{} counts on {} despite a conflict",
                    reviewer.id,
                    def.id
                );
                assert!(
                    review.panels.iter().any(|p| p.has_member(&reviewer.id)
                        && p.assigns(&reviewer.id, &def.id)
                        && p.covers_criterion(&criterion.criterion)),
                    "{} counts on {} {} without a panel giving it to them",
                    reviewer.id,
                    def.id,
                    criterion.criterion
                );
            }
        }
    }
}

/// *Discussion and consensus*: without `use_consensus` nothing of a
/// consensus shows; with it, a cell that one panel covers and whose
/// consensus has a mark there counts that mark, a covered cell without any
/// is flagged `no-consensus`, and `marks` counts the members' marks.
pub fn consensus(review: &Review, results: &Results, section: &Option<(String, Consensus)>) {
    let on = review.committee.use_consensus;
    for region in &results.regions {
        for criterion in &region.criteria {
            let flagged = region
                .flags
                .contains(&format!("no-consensus:{}", criterion.criterion));
            assert_eq!(flagged, criterion.no_consensus, "{region:?}");
            assert_eq!(criterion.marks as usize, criterion.scores.len());
            if !on {
                assert!(criterion.members.is_none() && criterion.consensus.is_none());
                assert!(!criterion.no_consensus);
                continue;
            }
            let covering: Vec<&str> = review
                .panels
                .iter()
                .filter(|p| {
                    p.covers_region(&region.region) && p.covers_criterion(&criterion.criterion)
                })
                .map(|p| p.id.as_str())
                .collect();
            let agreed = section.as_ref().and_then(|(panel, c)| {
                covering
                    .contains(&panel.as_str())
                    .then(|| c.mark(&region.region, &criterion.criterion))
                    .flatten()
            });
            assert_eq!(
                criterion.no_consensus,
                !covering.is_empty() && agreed.is_none(),
                "{region:?}"
            );
            if let (Some(mark), [_]) = (agreed, covering.as_slice()) {
                assert_eq!(criterion.aggregate, Some(mark.points), "{region:?}");
                assert_eq!(criterion.consensus, Some(mark.points));
            }
        }
    }
}

/// A merge that failed: when the sheets merge without the budget, the
/// budget is what failed, and the one error says so.
pub fn refused(review: &Review, sheets: &[SheetInput], errors: &[MergeError]) {
    if review.committee.budget.is_none() {
        return;
    }
    let mut without = review.clone();
    without.committee.budget = None;
    if merge(&without, sheets, MergeOptions::default()).is_err() {
        return;
    }
    assert_eq!(errors.len(), 1, "{errors:?}");
    let finding = &errors[0].finding;
    assert!(finding.at.contains(&Anchor::Field("budget")), "{finding:?}");
    // In the language of the thread that merged.
    let message = &finding.message;
    assert!(
        message.contains("budget") || message.contains("予算"),
        "{message}"
    );
}

/// Ranked regions first, ranks from 1 and never down; then the
/// ineligible, without a rank, by id.
fn order(regions: &[RegionResult]) {
    let first = regions
        .iter()
        .position(|r| r.status == Status::Ineligible)
        .unwrap_or(regions.len());
    let (ranked, ineligible) = regions.split_at(first);
    let mut last = 1;
    for region in ranked {
        assert!(region.rank >= last, "ranks never go down: {region:?}");
        last = region.rank;
    }
    for region in ineligible {
        assert_eq!(region.status, Status::Ineligible, "ineligible come last");
        assert_eq!(region.rank, 0, "an ineligible region has no rank");
        assert_eq!(region.tier, None);
    }
    assert!(
        ineligible.windows(2).all(|w| w[0].region <= w[1].region),
        "ineligible regions by id"
    );
}

/// Flags that agree with the status, in SPEC's order.
fn flags(region: &RegionResult, minimums: bool) {
    let ineligible = region.flags.iter().any(|f| f == "ineligible");
    assert_eq!(
        ineligible,
        region.status == Status::Ineligible,
        "{region:?}"
    );
    let below = region.flags.iter().any(|f| f.starts_with("below:"));
    assert!(!below || minimums, "below: without a minimum: {region:?}");
    if below {
        assert!(region.status.excluded(), "below but ranked: {region:?}");
    }
    if minimums && region.status == Status::BelowThreshold {
        assert!(below, "below a threshold without saying which: {region:?}");
    }
    let kinds: Vec<u8> = region.flags.iter().map(|f| flag_order(f)).collect();
    assert!(kinds.is_sorted(), "flags out of order: {:?}", region.flags);
}

/// SPEC's order: `incomplete`, `ineligible`, `below:…`, `unfunded`,
/// `no-consensus:…`, `disagreement:…`.
fn flag_order(flag: &str) -> u8 {
    match flag.split(':').next().unwrap_or(flag) {
        "incomplete" => 0,
        "ineligible" => 1,
        "below" => 2,
        "unfunded" => 3,
        "no-consensus" => 4,
        _ => 5,
    }
}

/// A tier never holds more selected regions than its places; a tier is
/// named for the selected regions, and only for them, when the review
/// gives tiers.
fn tiers(review: &Review, regions: &[RegionResult]) {
    let all = review.committee.tiers();
    let named = !review.committee.tiers.is_empty();
    for tier in &all {
        let held = regions
            .iter()
            .filter(|r| r.status == Status::Selected && tier_of(r) == tier.id)
            .count();
        // A review that `check` refuses may repeat a tier id.
        let places: u64 = all
            .iter()
            .filter(|t| t.id == tier.id)
            .map(|t| u64::from(t.places))
            .sum();
        assert!(held as u64 <= places, "tier {} holds {held}", tier.id);
    }
    for region in regions {
        let selected = region.status == Status::Selected;
        assert_eq!(region.tier.is_some(), selected && named, "{region:?}");
    }
}

fn tier_of(region: &RegionResult) -> &str {
    region.tier.as_deref().unwrap_or(SELECTED_TIER)
}

/// Whether `region` is one that money may go to: selected in a funded tier.
fn funded(tiers: &[Tier], region: &RegionResult) -> bool {
    region.status == Status::Selected && tiers.iter().any(|t| t.id == tier_of(region) && t.funded)
}

/// Money only to the selected of funded tiers; none and no place for an
/// ineligible region; `unfunded` only past a funding line. On a valid
/// review, the amounts themselves (see [`amounts`]).
fn money(review: &Review, budget: &Budget, results: &Results, valid: bool) {
    let tiers = review.committee.tiers();
    for region in &results.regions {
        if region.status == Status::Ineligible {
            assert_eq!(region.allocation, None, "{region:?}");
            continue;
        }
        let Some(amount) = region.allocation else {
            panic!("an eligible region without an allocation: {region:?}");
        };
        if amount != 0.0 {
            assert!(funded(&tiers, region), "money to {region:?}");
        }
        if region.flags.iter().any(|f| f == "unfunded") {
            assert_eq!(budget.rule, BudgetRule::RankOrder, "{region:?}");
            assert!(funded(&tiers, region) && amount == 0.0, "{region:?}");
        }
    }
    if valid {
        amounts(review, budget, results);
    }
}

/// On a valid review: every amount at least 0, a multiple of the
/// granularity, within what the region requested and the rule's maximum;
/// together within the total; the funding line of `RankOrder` crossed once.
fn amounts(review: &Review, budget: &Budget, results: &Results) {
    let granularity = budget.granularity;
    let slack = |x: f64| EPSILON * (granularity + x.abs());
    let tiers = review.committee.tiers();
    let mut sum = 0.0;
    let mut line_passed = false;
    for region in &results.regions {
        let Some(amount) = region.allocation else {
            continue;
        };
        sum += amount;
        assert!(amount >= 0.0 && amount.is_finite(), "{region:?}");
        // Past what an f64 counts, any amount is a multiple.
        let granules = amount / granularity;
        assert!(
            !granules.is_finite()
                || (amount - granules.round() * granularity).abs()
                    <= EPSILON * amount.max(granularity),
            "{amount} is not a multiple of {granularity}"
        );
        let requested = review.region(&region.region).and_then(|r| r.requested);
        if let Some(requested) = requested {
            assert!(amount <= requested + slack(requested), "{region:?}");
        }
        if let BudgetRule::Proportional { max, .. } = budget.rule {
            assert!(amount <= max + slack(max), "{region:?}");
        }
        if budget.rule == BudgetRule::RankOrder && funded(&tiers, region) {
            let unfunded = region.flags.iter().any(|f| f == "unfunded");
            assert!(unfunded || !line_passed, "funded past the line: {region:?}");
            line_passed |= unfunded;
            if !unfunded {
                let asked = round_down(requested.unwrap_or(0.0), granularity);
                assert_eq!(amount, asked, "what it asked for: {region:?}");
            }
        }
    }
    let outcome = results.budget.as_ref().map(|b| (b.allocated, b.left));
    assert_eq!(outcome, Some((sum, budget.total - sum)));
    // Within 1e-6, or what SPEC allows on top of it: each amount may be
    // 1e-9·granularity over (counted as the multiple just above), and the
    // sum of n amounts near a total of 1e300 is exact only to n units in
    // the last place of the total.
    let n = results.regions.len() as f64;
    let allowed = 1e-6 + n * (EPSILON * granularity + f64::EPSILON * budget.total);
    assert!(
        sum <= budget.total + allowed,
        "{sum} allocated of {}",
        budget.total
    );
}

/// report.md, results.csv, results.svg and the table of `merge` from the
/// results, in English or Japanese.
pub fn reports(review: &Review, results: Results, analysis: Option<Analysis>, japanese: bool) {
    let lang = if japanese { Lang::Ja } else { Lang::En };
    let file = ResultsFile {
        results,
        analysis,
        lottery: None,
    };
    let inputs = [InputFile {
        path: "scores/committee.ron".to_string(),
        sha256: "0".repeat(64),
        followed: false,
    }];
    with_lang(lang, || {
        let _ = report::markdown(&file, review, &inputs);
        let _ = report::csv(&file.results);
        let _ = report::svg(&file.results);
        let _ = report::table(&file.results);
    });
}
