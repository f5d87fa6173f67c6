//! Every input of the fuzz corpora (fuzz/corpus/<target>) through the body
//! of its fuzz target: what the fuzzer found once is tried on every test
//! run, without libFuzzer. Fuzzing itself, which looks for new inputs,
//! is `.ci/fuzz`.

use std::path::{Path, PathBuf};

use arbitrary::{Arbitrary, Unstructured};
use panelist::merge::{MergeOptions, Status, merge};
use panelist::model::{BudgetRule, Review, Rule};
use panelist::source::{Anchor, SourceText};

#[path = "../../fuzz/src/lib.rs"]
mod targets;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    corpus_of(target, 100)
}

/// The inputs of `target`'s corpus, more than `least` of them.
fn corpus_of(target: &str, least: usize) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("corpus entry").path();
            let bytes = std::fs::read(&path).expect("corpus file");
            (path, bytes)
        })
        .collect();
    inputs.sort();
    assert!(
        inputs.len() > least,
        "{target}: only {} inputs",
        inputs.len()
    );
    inputs
}

/// Runs `body` on every input of `target`'s corpus, naming the input that fails.
fn replay(target: &str, body: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    replay_inputs(target, corpus(target), body);
}

fn replay_inputs(
    target: &str,
    inputs: Vec<(PathBuf, Vec<u8>)>,
    body: impl Fn(&[u8]) + std::panic::RefUnwindSafe,
) {
    for (path, bytes) in inputs {
        if std::panic::catch_unwind(|| body(&bytes)).is_err() {
            panic!("{target}: the input {} fails", path.display());
        }
    }
}

#[test]
fn the_review_file_corpus_replays() {
    replay("review_file", targets::review_file);
}

#[test]
fn the_panel_file_corpus_replays() {
    replay("panel_file", targets::panel_file);
}

#[test]
fn the_journal_corpus_replays() {
    replay("journal", targets::journal);
}

/// The form corpora began with forms of the sample review (made, filled,
/// damaged) rather than a fuzzer's hundreds of inputs: 20 at least.
#[test]
fn the_form_corpora_replay() {
    replay_inputs("form_xlsx", corpus_of("form_xlsx", 20), targets::form_xlsx);
    replay_inputs("form_csv", corpus_of("form_csv", 20), targets::form_csv);
    // The seeds reach the end of the checks: some pass them with marks.
    let review: Review = SourceText::new(
        "review.ron",
        include_str!("../../panels/kci-2007/review.ron"),
    )
    .parse()
    .expect("the sample review");
    let index = panelist::model::Index::new(&review);
    for target in ["form_xlsx", "form_csv"] {
        let passing = corpus_of(target, 20)
            .iter()
            .filter_map(|(_, bytes)| {
                let read = panelist::form::read_form(bytes);
                panelist::form::check_form(&index, &review.fingerprint(), read, |_| Vec::new()).ok()
            })
            .filter(|filled| !filled.marks.is_empty())
            .count();
        assert!(
            passing >= 2,
            "{target}: {passing} seeds pass every check with marks"
        );
    }
}

#[test]
fn the_merge_corpus_replays() {
    replay("merge", |bytes| {
        // As libfuzzer-sys decodes a typed input.
        if let Ok(input) = targets::MergeInput::arbitrary_take_rest(Unstructured::new(bytes)) {
            targets::merge_sheets(&input);
        }
    });
}

/// What a review does with the fields of SPEC's selection programme.
fn programme_fields(review: &Review) -> Vec<&'static str> {
    let committee = &review.committee;
    let mut rules = Vec::new();
    if let Some(rule) = &committee.eligibility {
        rule.walk(&mut |r| rules.push(r.clone()));
    }
    let budget = committee.budget.as_ref();
    [
        (
            "three levels",
            review.all_categories().iter().any(|p| p.depth >= 2),
        ),
        (
            "category min",
            review
                .all_categories()
                .iter()
                .any(|p| p.category.min.is_some()),
        ),
        (
            "criterion min",
            review.criteria().any(|(_, c)| c.min.is_some()),
        ),
        (
            "figures",
            review.regions.iter().any(|r| !r.figures.is_empty()),
        ),
        (
            "requested",
            review.regions.iter().any(|r| r.requested.is_some()),
        ),
        ("All", rules.iter().any(|r| matches!(r, Rule::All(_)))),
        ("Any", rules.iter().any(|r| matches!(r, Rule::Any(_)))),
        ("Not", rules.iter().any(|r| matches!(r, Rule::Not(_)))),
        ("funded tier", committee.tiers.iter().any(|t| t.funded)),
        ("unfunded tier", committee.tiers.iter().any(|t| !t.funded)),
        (
            "RankOrder",
            budget.is_some_and(|b| b.rule == BudgetRule::RankOrder),
        ),
        (
            "Proportional",
            budget.is_some_and(|b| b.rule != BudgetRule::RankOrder),
        ),
        ("granularity", budget.is_some_and(|b| b.granularity != 1.0)),
        ("follows", review.follows.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, used)| used.then_some(name))
    .collect()
}

const PROGRAMME: [&str; 14] = [
    "three levels",
    "category min",
    "criterion min",
    "figures",
    "requested",
    "All",
    "Any",
    "Not",
    "funded tier",
    "unfunded tier",
    "RankOrder",
    "Proportional",
    "granularity",
    "follows",
];

/// The seeds that make the fuzzer reach the programme's parsing, checks and
/// merge stay in the corpus: a `cargo fuzz cmin` that drops them, or a
/// field renamed in review.ron, fails here.
#[test]
fn the_review_file_corpus_has_valid_reviews_with_every_programme_field() {
    let mut seen = std::collections::BTreeSet::new();
    for (_, bytes) in corpus("review_file") {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let source = SourceText::new("review.ron", text);
        let Ok(review) = source.parse::<Review>() else {
            continue;
        };
        if panelist::validate::review(&review, &source).is_empty() {
            seen.extend(programme_fields(&review));
        }
    }
    let missing: Vec<&str> = PROGRAMME
        .into_iter()
        .filter(|f| !seen.contains(f))
        .collect();
    assert!(missing.is_empty(), "no valid review with: {missing:?}");
}

/// As above for the merge: inputs that make a review `check` accepts with
/// every programme field but `follows` (the merge target reads no file),
/// and merges that select, screen out, find regions below a minimum,
/// share money, draw a funding line and refuse a budget.
#[test]
fn the_merge_corpus_merges_with_every_programme_field() {
    let mut seen = std::collections::BTreeSet::new();
    let mut outcomes = std::collections::BTreeSet::new();
    for (_, bytes) in corpus("merge") {
        let Ok(input) = targets::MergeInput::arbitrary_take_rest(Unstructured::new(&bytes)) else {
            continue;
        };
        let Some(case) = targets::merge_case(&input) else {
            continue;
        };
        if case.valid {
            seen.extend(programme_fields(&case.review));
        }
        let results = match merge(&case.review, &case.sheets, MergeOptions::default()) {
            Ok(results) => results,
            Err(errors) => {
                let budget = Anchor::Field("budget");
                if errors.iter().any(|e| e.finding.at.contains(&budget)) {
                    outcomes.insert("budget refused");
                }
                continue;
            }
        };
        for region in &results.regions {
            outcomes.extend(
                [
                    (region.status == Status::Selected).then_some("selected"),
                    (region.status == Status::Ineligible).then_some("ineligible"),
                    (region.flags.iter().any(|f| f.starts_with("below:"))).then_some("below"),
                    (region.allocation.is_some_and(|a| a > 0.0)).then_some("money"),
                    (region.flags.iter().any(|f| f == "unfunded")).then_some("unfunded"),
                ]
                .into_iter()
                .flatten(),
            );
        }
    }
    let merged = PROGRAMME.into_iter().filter(|&f| f != "follows");
    let missing: Vec<&str> = merged.filter(|f| !seen.contains(f)).collect();
    assert!(missing.is_empty(), "no valid review with: {missing:?}");
    let outcome = [
        "selected",
        "ineligible",
        "below",
        "money",
        "unfunded",
        "budget refused",
    ];
    let missing: Vec<&str> = outcome
        .into_iter()
        .filter(|o| !outcomes.contains(o))
        .collect();
    assert!(missing.is_empty(), "no merge that gives: {missing:?}");
}
