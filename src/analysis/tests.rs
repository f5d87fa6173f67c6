//! The analysis's lean path to the committee rules must give what
//! `merge::merge` gives, on the sample review: with every mark, without each
//! reviewer in turn, with reviewers counted twice (as the bootstrap does),
//! and under each aggregate rule.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use super::marks::{Marks, Outcome};
use super::{stability, without};
use crate::merge::{MergeOptions, Results, SheetInput, merge};
use crate::model::{Aggregate, Review};
use crate::store;

fn sample() -> (Review, Vec<SheetInput>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("panels/kci-2007");
    let review = store::load_review(&dir).expect("the sample loads");
    let files = store::load_inputs(&review, &[], &()).expect("its panel files load");
    let inputs = files
        .iter()
        .flat_map(|f| {
            f.file.sheets.iter().map(|(reviewer, sheet)| SheetInput {
                origin: f.source.path.clone(),
                panel: f.file.panel.clone(),
                reviewer: reviewer.clone(),
                sheet: sheet.clone(),
            })
        })
        .collect();
    (review.review, inputs)
}

fn merged(review: &Review, inputs: &[SheetInput]) -> Results {
    merge(review, inputs, MergeOptions::default()).expect("the sample merges")
}

/// The outcome as `merge` gives it, by region index.
fn outcome_of(review: &Review, results: &Results) -> Outcome {
    let n = review.regions.len();
    let mut outcome = Outcome {
        rank: vec![0; n],
        status: vec![crate::merge::Status::NotSelected; n],
        total: vec![0.0; n],
        order: Vec::new(),
        tier: vec![None; n],
        funded: vec![None; n],
    };
    for region in &results.regions {
        let r = review
            .regions
            .iter()
            .position(|g| g.id == region.region)
            .unwrap();
        outcome.rank[r] = region.rank;
        outcome.status[r] = region.status;
        outcome.total[r] = region.total;
        outcome.tier[r] = region.tier.as_deref().and_then(|id| {
            let k = results.rules.tiers.iter().position(|t| t.id == id)?;
            u16::try_from(k).ok()
        });
        outcome.funded[r] = results
            .budget
            .as_ref()
            .map(|_| region.allocation.is_some_and(|a| a > 0.0));
        outcome.order.push(r);
    }
    outcome
}

#[test]
fn under_use_consensus_the_lean_path_gives_the_merge_to_the_bit() {
    use crate::model::{Consensus, Mark};
    let (mut review, inputs) = sample();
    review.committee.use_consensus = true;
    review.committee.chair = Some(review.reviewers[0].id.clone());
    // The first panel agrees on a mark for every other region and criterion
    // it covers: low ones, so that the ranking moves.
    let panel = &review.panels[0];
    let mut agreed = Consensus::new(&review.reviewers[0].id, jiff::Timestamp::UNIX_EPOCH);
    for (k, region) in review
        .regions
        .iter()
        .enumerate()
        .filter(|(k, _)| k % 2 == 0)
    {
        for (_, criterion) in panel.criteria_in(&review) {
            if panel.covers_region(&region.id) {
                agreed.set(
                    &region.id,
                    &criterion.id,
                    Some(Mark::new(0.5 * (k % 3) as f64, "")),
                );
            }
        }
    }
    let refs: Vec<crate::merge::SheetRef> = inputs.iter().map(Into::into).collect();
    let sections = [crate::merge::ConsensusRef {
        origin: Path::new("scores/p.ron"),
        panel: &panel.id,
        consensus: &agreed,
    }];
    let results = crate::merge::merge_sheets_with_consensus(
        &review,
        &refs,
        &sections,
        MergeOptions::default(),
    )
    .expect("merges");
    let plain = merged(&review, &inputs);
    assert_ne!(
        outcome_of(&review, &results),
        outcome_of(&review, &plain),
        "the consensus changes the outcome"
    );
    let marks = Marks::new(&review, &results);
    let lean = marks.outcome(&marks.official_aggregates(marks.rule));
    assert_eq!(lean, outcome_of(&review, &results));
    // Leaving a reviewer out moves only cells without a consensus mark.
    let official = marks.official_aggregates(marks.rule);
    for (k, value) in marks.fixed.iter().enumerate() {
        if let Some(value) = value {
            assert_eq!(official[k], Some(*value));
            assert!(marks.cells[k].is_empty());
        }
    }
}

#[test]
fn the_lean_path_gives_the_merge_to_the_bit() {
    let (review, inputs) = sample();
    let results = merged(&review, &inputs);
    let marks = Marks::new(&review, &results);
    let lean = marks.outcome(&marks.official_aggregates(marks.rule));
    assert_eq!(lean, outcome_of(&review, &results));
}

#[test]
fn leaving_a_reviewer_out_gives_the_merge_without_their_sheets() {
    let (review, inputs) = sample();
    let results = merged(&review, &inputs);
    let marks = Marks::new(&review, &results);
    let cells = marks.official_aggregates(marks.rule);
    let official = marks.outcome(&cells);
    let contest = super::contest::Contest::new(&marks, &official);
    let quick = without::leave_one_out(&marks, &cells, &official, &contest);
    let full = without::leave_one_out_with(&marks, &cells, &official, None);
    assert_eq!(quick, full, "the shortcut changes nothing");
    assert_eq!(quick.len(), 46, "every reviewer with counting marks");
    for w in &quick {
        let id = &marks.reviewers[w.reviewer];
        let rest: Vec<SheetInput> = inputs
            .iter()
            .filter(|i| &i.reviewer != id)
            .cloned()
            .collect();
        let expected = outcome_of(&review, &merged(&review, &rest));
        let changed: Vec<(usize, stability::Landing)> = (0..review.regions.len())
            .filter(|&r| expected.status[r] != official.status[r])
            .map(|r| (r, (expected.status[r], None, None)))
            .collect();
        assert_eq!(w.changes, changed, "without {id}");
    }
}

#[test]
fn the_shortcut_of_leaving_one_out_agrees_near_the_cutoff() {
    // The sample with the cutoff at one place: every committee member
    // touches both regions either side of it.
    let (mut review, inputs) = sample();
    for select in 1..=8 {
        review.committee.select = Some(select);
        let results = merged(&review, &inputs);
        let marks = Marks::new(&review, &results);
        let cells = marks.official_aggregates(marks.rule);
        let official = marks.outcome(&cells);
        let contest = super::contest::Contest::new(&marks, &official);
        assert_eq!(
            without::leave_one_out(&marks, &cells, &official, &contest),
            without::leave_one_out_with(&marks, &cells, &official, None),
            "select {select}"
        );
    }
}

#[test]
fn a_reviewer_counted_twice_is_the_merge_with_a_copy_of_them() {
    let (review, inputs) = sample();
    let results = merged(&review, &inputs);
    let marks = Marks::new(&review, &results);
    // t01 (tech-it) and kiyonari (committee) twice; t12 (tech-ls) not at all.
    let weight = |id: &str| match id {
        "t01" | "kiyonari" => 2,
        "t12" => 0,
        _ => 1,
    };
    let lean = marks.outcome(&marks.aggregates(marks.rule, |_, entries, buffer| {
        for e in entries {
            for _ in 0..weight(&marks.reviewers[e.reviewer]) {
                buffer.push(e.points);
            }
        }
    }));
    // The same as a review where each doubled reviewer has a twin with
    // their sheet; the twin's id sorts right after them, as merge orders marks.
    let mut twin_review = review.clone();
    let mut twin_inputs: Vec<SheetInput> = inputs
        .iter()
        .filter(|i| weight(&i.reviewer) > 0)
        .cloned()
        .collect();
    for id in ["t01", "kiyonari"] {
        let twin = format!("{id}_");
        let mut reviewer = review.reviewer(id).unwrap().clone();
        reviewer.id = twin.clone();
        twin_review.reviewers.push(reviewer);
        for panel in &mut twin_review.panels {
            if panel.has_member(id) {
                panel.members.push(twin.clone());
            }
        }
        let mut copy = inputs.iter().find(|i| i.reviewer == id).unwrap().clone();
        copy.reviewer = twin;
        twin_inputs.push(copy);
    }
    let expected = outcome_of(&twin_review, &merged(&twin_review, &twin_inputs));
    assert_eq!(lean, expected);
}

#[test]
fn each_aggregate_rule_gives_the_merge_under_that_rule() {
    let (review, inputs) = sample();
    let results = merged(&review, &inputs);
    let marks = Marks::new(&review, &results);
    for rule in [Aggregate::Mean, Aggregate::Median, Aggregate::TrimmedMean] {
        let mut under = review.clone();
        under.committee.aggregate = rule;
        let expected = outcome_of(&under, &merged(&under, &inputs));
        assert_eq!(
            marks.outcome(&marks.official_aggregates(rule)),
            expected,
            "{rule}"
        );
    }
}

#[test]
fn every_mark_goes_to_the_panel_that_covers_it() {
    let (review, inputs) = sample();
    let results = merged(&review, &inputs);
    let marks = Marks::new(&review, &results);
    assert!(marks.units.iter().all(|u| u.panel.is_some()));
    // 12 committee members, 10 + 10 + 8 + 6 technology experts with
    // submitted sheets (t33's is a draft).
    assert_eq!(marks.units.len(), 46);
}

#[test]
fn the_shortcut_of_leaving_one_out_agrees_on_a_synthetic_review() {
    // Three marks per cell: leaving one reviewer out moves totals a lot,
    // across the cutoff and across the minimum total.
    use crate::synthetic::{Shape, generate};
    for (regions, seed) in [(120, 1), (300, 2)] {
        let synthetic = generate(&Shape::new(regions, seed));
        let inputs = synthetic.sheet_inputs();
        let mut review = synthetic.review.clone();
        for select in [1, review.committee.places(), (regions / 2) as u32] {
            review.committee.select = Some(select);
            let results = merged(&review, &inputs);
            let marks = Marks::new(&review, &results);
            let cells = marks.official_aggregates(marks.rule);
            let official = marks.outcome(&cells);
            let contest = super::contest::Contest::new(&marks, &official);
            let quick = without::leave_one_out(&marks, &cells, &official, &contest);
            assert!(quick.iter().any(|w| !w.changes.is_empty()), "some hinge");
            assert_eq!(
                quick,
                without::leave_one_out_with(&marks, &cells, &official, None),
                "{regions} regions, select {select}"
            );
        }
    }
}

/// A small synthetic review with its rules varied: the places, a minimum
/// total, the aggregate rule, the programme (tiers, thresholds, an
/// eligibility rule, a budget shared in proportion or in rank order).
#[derive(Debug, Clone)]
struct Varied {
    regions: usize,
    seed: u64,
    reviewers: usize,
    per_panel: usize,
    programme: bool,
    rank_order: bool,
    select: f64,
    min_total: Option<f64>,
    rule: Aggregate,
}

fn varied() -> impl proptest::strategy::Strategy<Value = Varied> {
    use proptest::prelude::*;
    (
        (12usize..60, any::<u64>(), 1usize..5, 3usize..20),
        (any::<bool>(), any::<bool>(), 0.02f64..0.9),
        (proptest::option::of(0.2f64..0.8), 0usize..3),
    )
        .prop_map(
            |(
                (regions, seed, reviewers, per_panel),
                (programme, rank_order, select),
                (min, rule),
            )| {
                Varied {
                    regions,
                    seed,
                    reviewers,
                    per_panel,
                    programme,
                    rank_order,
                    select,
                    min_total: min,
                    rule: [Aggregate::Mean, Aggregate::Median, Aggregate::TrimmedMean][rule],
                }
            },
        )
}

fn varied_review(v: &Varied) -> (Review, Vec<SheetInput>) {
    use crate::synthetic::{Shape, generate};
    let shape = Shape {
        criteria: 6,
        reviewers_per_panel: v.reviewers,
        regions_per_panel: v.per_panel,
        programme: v.programme,
        ..Shape::new(v.regions, v.seed)
    };
    let synthetic = generate(&shape);
    let inputs = synthetic.sheet_inputs();
    let mut review = synthetic.review;
    let committee = &mut review.committee;
    committee.aggregate = v.rule;
    let places = ((v.regions as f64 * v.select) as u32).max(1);
    if committee.tiers.is_empty() {
        committee.select = Some(places);
    }
    let most: f64 = review.criteria().map(|(_, c)| c.max).sum();
    review.committee.min_total = v.min_total.map(|m| (m * most).round());
    if v.rank_order
        && let Some(budget) = review.committee.budget.as_mut()
    {
        budget.rule = crate::model::BudgetRule::RankOrder;
    }
    (review, inputs)
}

/// Settled regions counted and ranked as the full ranking does, round by
/// round: the same counts, and the ranks of the contested regions.
fn pruned_agrees(review: &Review, inputs: &[SheetInput]) -> Result<usize, String> {
    let results = merged(review, inputs);
    let marks = Marks::new(review, &results);
    let official = marks.outcome(&marks.official_aggregates(marks.rule));
    let rounds = stability::Rounds::Exactly(60);
    let contest = super::contest::Contest::new(&marks, &official);
    let pruned = stability::bootstrap(&marks, &official, &contest, rounds, 5);
    let full = stability::bootstrap_with(&marks, &official, None, rounds, 5);
    if pruned.selected != full.selected
        || pruned.tied != full.tied
        || pruned.kept != full.kept
        || pruned.same_selection != full.same_selection
        || pruned.rounds != full.rounds
    {
        return Err(format!(
            "counts differ:\n selected {:?}\n      vs {:?}\n kept {:?}\n  vs {:?}\n same {} vs {}",
            pruned.selected,
            full.selected,
            pruned.kept,
            full.kept,
            pruned.same_selection,
            full.same_selection
        ));
    }
    for r in 0..marks.regions() {
        let (low, high) = pruned.rank_range(r);
        if contest.settled[r].is_none() {
            if pruned.ranks[r] != full.ranks[r] {
                return Err(format!("ranks of region {r} differ"));
            }
        } else if full.ranks[r].iter().any(|&k| k < low || k > high) {
            return Err(format!("region {r} ranked outside {low}-{high}"));
        }
    }
    let cells = marks.official_aggregates(marks.rule);
    if without::leave_one_out(&marks, &cells, &official, &contest)
        != without::leave_one_out_with(&marks, &cells, &official, None)
    {
        return Err("leaving a reviewer out differs".into());
    }
    Ok(contest.settled.iter().filter(|s| s.is_some()).count())
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(40))]

    #[test]
    fn the_pruned_bootstrap_counts_what_the_full_one_counts(v in varied()) {
        let (review, inputs) = varied_review(&v);
        if let Err(why) = pruned_agrees(&review, &inputs) {
            proptest::prop_assert!(false, "{why}");
        }
    }
}

#[test]
fn regions_far_from_every_line_are_settled_and_the_rest_ranked_again() {
    // Plain and under the programme (tiers, thresholds, a budget), with
    // a minimum total: some regions settled, some contested, and the
    // counts those of the full ranking.
    for programme in [false, true] {
        let v = Varied {
            regions: 300,
            seed: 3,
            reviewers: 3,
            per_panel: 30,
            programme,
            rank_order: false,
            select: 0.2,
            min_total: Some(0.3),
            rule: Aggregate::Mean,
        };
        let (review, inputs) = varied_review(&v);
        let settled = pruned_agrees(&review, &inputs).unwrap();
        assert!(
            settled > 30 && settled < 300,
            "programme {programme}: {settled} settled"
        );
    }
}

#[test]
fn a_forced_number_of_rounds_is_played_and_precision_asks_for_enough() {
    let (review, inputs) = sample();
    let results = merged(&review, &inputs);
    let marks = Marks::new(&review, &results);
    let official = marks.outcome(&marks.official_aggregates(marks.rule));
    let contest = super::contest::Contest::new(&marks, &official);
    let forced = stability::bootstrap(
        &marks,
        &official,
        &contest,
        stability::Rounds::Exactly(700),
        1,
    );
    assert_eq!(forced.rounds, 700);
    let precise = stability::bootstrap(&marks, &official, &contest, stability::Rounds::Precise, 1);
    assert!(precise.rounds >= super::MIN_ROUNDS && precise.rounds <= super::MAX_ROUNDS);
    assert_eq!(
        (precise.rounds - super::MIN_ROUNDS) % super::BATCH_ROUNDS,
        0
    );
    assert!(
        super::precise(precise.standard_error),
        "{}",
        precise.standard_error
    );
    assert!(!precise.ceiling);
    // The rounds are the same whatever the batches: the precise run's
    // rounds played at once give the same numbers.
    let at_once = stability::bootstrap(
        &marks,
        &official,
        &contest,
        stability::Rounds::Exactly(precise.rounds),
        1,
    );
    assert_eq!(at_once, precise);
}

/// `cargo test --release --lib contest_at_scale -- --ignored --nocapture`:
/// how many regions a national review settles.
#[test]
#[ignore = "a measurement, not a check"]
#[allow(clippy::print_stdout)]
fn contest_at_scale() {
    use crate::synthetic::{Shape, generate};
    for programme in [false, true] {
        let synthetic = generate(&Shape {
            programme,
            ..Shape::new(10_000, 1)
        });
        let review = synthetic.review.clone();
        let results = merged(&review, &synthetic.sheet_inputs());
        let marks = Marks::new(&review, &results);
        let official = marks.outcome(&marks.official_aggregates(marks.rule));
        let contest = super::contest::Contest::new(&marks, &official);
        let settled = contest.settled.iter().filter(|s| s.is_some()).count();
        println!(
            "programme {programme}: {} regions, {settled} settled, {} ranked again, {} above, places {}",
            marks.regions(),
            contest.ranked.len(),
            contest.above,
            review.committee.places()
        );
    }
}
