//! SPEC.md's merge rules, one hand-worked example per rule: through the pure
//! library (`panelist::merge::merge`) and, for whole results, through
//! `panelist merge DIR --out OUT` with `results.csv` compared field by field.
//! Every expected number below was worked out by hand in the comments.

use crate::common::*;
use panelist::merge::{self, MergeOptions, Status};
use panelist::model::{Aggregate, Review};

// ---------------------------------------------------------------------------
// Rule 3: aggregates
// ---------------------------------------------------------------------------

/// One criterion `c` (max 10, step 0.5) in category `A`; one region `r`;
/// reviewers `p1..p5` on one panel.
fn one_cell(aggregate: Aggregate) -> Review {
    ReviewBuilder::new()
        .category("A", &[("c", 10.0, 0.5)])
        .regions(&["r"])
        .reviewers(&["p1", "p2", "p3", "p4", "p5"])
        .panel("board", &["p1", "p2", "p3", "p4", "p5"], &["c"], None)
        .aggregate(aggregate)
        .build()
}

/// The aggregate of `c` for `r` when reviewer `p<i+1>` marks `points[i]`.
fn aggregate_of(aggregate: Aggregate, points: &[f64]) -> (Option<f64>, u32) {
    let review = one_cell(aggregate);
    let sheets: Vec<_> = points
        .iter()
        .enumerate()
        .map(|(i, &p)| scored("board", &format!("p{}", i + 1), sheet().mark("r", "c", p)))
        .collect();
    let results = merged(&review, &sheets);
    let cell = criterion(&results, "r", "c");
    (cell.aggregate, cell.marks)
}

#[test]
fn mean_is_the_plain_average() {
    // (4 + 5 + 9) / 3 = 6
    assert_eq!(
        aggregate_of(Aggregate::Mean, &[4.0, 5.0, 9.0]),
        (Some(6.0), 3)
    );
    // (1 + 2) / 2 = 1.5
    assert_eq!(aggregate_of(Aggregate::Mean, &[1.0, 2.0]), (Some(1.5), 2));
    // (0 + 0.5 + 0.5) / 3 = 1/3
    let (mean, _) = aggregate_of(Aggregate::Mean, &[0.0, 0.5, 0.5]);
    assert_close(mean.unwrap(), 1.0 / 3.0);
}

#[test]
fn median_of_an_odd_count_is_the_middle_mark() {
    // sorted 4, 5, 9 → 5; order of reviewers doesn't matter
    assert_eq!(
        aggregate_of(Aggregate::Median, &[9.0, 4.0, 5.0]),
        (Some(5.0), 3)
    );
    // sorted 0, 1, 7, 8, 10 → 7
    assert_eq!(
        aggregate_of(Aggregate::Median, &[10.0, 0.0, 8.0, 1.0, 7.0]),
        (Some(7.0), 5)
    );
    assert_eq!(aggregate_of(Aggregate::Median, &[3.5]), (Some(3.5), 1));
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_two_middle_marks() {
    // sorted 4, 5, 8, 9 → (5 + 8) / 2 = 6.5
    assert_eq!(
        aggregate_of(Aggregate::Median, &[9.0, 5.0, 4.0, 8.0]),
        (Some(6.5), 4)
    );
    // 2 and 7 → 4.5
    assert_eq!(aggregate_of(Aggregate::Median, &[7.0, 2.0]), (Some(4.5), 2));
}

#[test]
fn trimmed_mean_drops_one_highest_and_one_lowest_from_three_marks_on() {
    // 4 marks 10, 2, 6, 7: drop 2 and 10 → (6 + 7) / 2 = 6.5; `marks` counts all 4
    assert_eq!(
        aggregate_of(Aggregate::TrimmedMean, &[10.0, 2.0, 6.0, 7.0]),
        (Some(6.5), 4)
    );
    // 3 marks 2, 5, 9: drop 2 and 9 → 5
    assert_eq!(
        aggregate_of(Aggregate::TrimmedMean, &[2.0, 9.0, 5.0]),
        (Some(5.0), 3)
    );
    // 5 marks with repeated extremes 1, 1, 4, 9, 9: drop ONE 1 and ONE 9 →
    // (1 + 4 + 9) / 3 = 14/3
    let (trimmed, marks) = aggregate_of(Aggregate::TrimmedMean, &[9.0, 1.0, 4.0, 1.0, 9.0]);
    assert_close(trimmed.unwrap(), 14.0 / 3.0);
    assert_eq!(marks, 5);
}

#[test]
fn trimmed_mean_of_fewer_than_three_marks_is_the_plain_mean() {
    // 4 and 9: nothing dropped → 6.5
    assert_eq!(
        aggregate_of(Aggregate::TrimmedMean, &[4.0, 9.0]),
        (Some(6.5), 2)
    );
    assert_eq!(aggregate_of(Aggregate::TrimmedMean, &[8.0]), (Some(8.0), 1));
}

#[test]
fn a_criterion_without_marks_is_missing_adds_zero_and_flags_incomplete() {
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 1.0), ("a2", 10.0, 1.0)])
        .regions(&["r", "s"])
        .reviewers(&["p1"])
        .panel("board", &["p1"], &["a1", "a2"], None)
        .build();
    let results = merged(
        &review,
        &[scored(
            "board",
            "p1",
            sheet()
                .marks("r", &[("a1", 7.0)])
                .marks("s", &[("a1", 3.0), ("a2", 4.0)]),
        )],
    );
    assert_eq!(criterion(&results, "r", "a2").aggregate, None);
    assert_eq!(criterion(&results, "r", "a2").marks, 0);
    assert_eq!(region(&results, "r").total, 7.0);
    assert_eq!(region(&results, "r").flags, ["incomplete"]);
    assert_eq!(region(&results, "r").marks, 1);
    assert_eq!(region(&results, "s").total, 7.0);
    assert!(region(&results, "s").flags.is_empty());
}

// ---------------------------------------------------------------------------
// Rule 4: subtotals and totals
// ---------------------------------------------------------------------------

#[test]
fn subtotals_sum_their_criteria_and_the_total_sums_all_aggregates() {
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.5), ("a2", 5.0, 0.5)])
        .category("B", &[("b1", 10.0, 1.0)])
        .regions(&["r"])
        .reviewers(&["p1", "p2"])
        .panel("board", &["p1", "p2"], &["a1", "a2", "b1"], None)
        .build();
    let results = merged(
        &review,
        &[
            scored(
                "board",
                "p1",
                sheet().marks("r", &[("a1", 7.5), ("a2", 2.0), ("b1", 3.0)]),
            ),
            scored(
                "board",
                "p2",
                sheet().marks("r", &[("a1", 8.0), ("a2", 2.5), ("b1", 6.0)]),
            ),
        ],
    );
    // a1 = 7.75, a2 = 2.25, b1 = 4.5; A = 10, B = 4.5, total 14.5
    assert_eq!(subtotal(&results, "r", "A"), 10.0);
    assert_eq!(subtotal(&results, "r", "B"), 4.5);
    assert_eq!(region(&results, "r").total, 14.5);
    let categories: Vec<&str> = region(&results, "r")
        .subtotals
        .iter()
        .map(|s| s.category.as_str())
        .collect();
    assert_eq!(categories, ["A", "B"]);
}

// ---------------------------------------------------------------------------
// Rule 2: conflicts
// ---------------------------------------------------------------------------

/// Two panels sharing reviewer `cy`: `board` scores `a1` (max 10, step 0.5),
/// `tech` scores `b1` (max 10, step 0.5), both for all regions. `bob` has a
/// conflict on `south` in review.ron.
fn two_panels() -> Review {
    ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.5)])
        .category("B", &[("b1", 10.0, 0.5)])
        .regions(&["north", "south"])
        .reviewers(&["ann", "bob", "cy", "dee"])
        .conflicts("bob", &["south"])
        .panel("board", &["ann", "bob", "cy"], &["a1"], None)
        .panel("tech", &["cy", "dee"], &["b1"], None)
        .select(1)
        .build()
}

#[test]
fn marks_of_a_reviewer_conflicted_in_review_ron_are_left_out_with_a_warning() {
    let review = two_panels();
    let results = merged(
        &review,
        &[
            scored(
                "board",
                "ann",
                sheet().mark("north", "a1", 4.0).mark("south", "a1", 6.0),
            ),
            scored(
                "board",
                "bob",
                sheet().mark("north", "a1", 8.0).mark("south", "a1", 10.0),
            ),
        ],
    );
    // north a1: (4 + 8) / 2 = 6; south a1: only ann's 6 (bob's 10 left out)
    assert_eq!(criterion(&results, "north", "a1").aggregate, Some(6.0));
    assert_eq!(criterion(&results, "south", "a1").aggregate, Some(6.0));
    assert_eq!(criterion(&results, "south", "a1").marks, 1);
    assert_eq!(region(&results, "south").marks, 1);
    let warnings: Vec<&String> = results
        .warnings
        .iter()
        .filter(|w| w.contains("\"bob\"") && w.contains("\"south\""))
        .collect();
    assert_eq!(warnings.len(), 1, "{:#?}", results.warnings);
    assert!(warnings[0].contains("conflict"), "{}", warnings[0]);
    assert!(
        results.warnings.iter().all(|w| !w.contains("\"ann\"")),
        "{:#?}",
        results.warnings
    );
}

#[test]
fn a_conflict_declared_in_one_panels_sheet_applies_in_the_other_panel() {
    let review = two_panels();
    let results = merged(
        &review,
        &[
            scored(
                "board",
                "ann",
                sheet().mark("north", "a1", 2.0).mark("south", "a1", 2.0),
            ),
            // cy scores south on the board...
            scored(
                "board",
                "cy",
                sheet().mark("north", "a1", 6.0).mark("south", "a1", 9.0),
            ),
            // ...but declares a conflict on south in the tech panel's sheet.
            scored(
                "tech",
                "cy",
                sheet().mark("north", "b1", 5.0).conflict("south"),
            ),
            scored(
                "tech",
                "dee",
                sheet().mark("north", "b1", 7.0).mark("south", "b1", 3.0),
            ),
        ],
    );
    // north a1 = (2 + 6) / 2 = 4; south a1 = ann's 2 only
    assert_eq!(criterion(&results, "north", "a1").aggregate, Some(4.0));
    assert_eq!(criterion(&results, "south", "a1").aggregate, Some(2.0));
    assert_eq!(criterion(&results, "south", "a1").marks, 1);
    // north b1 = (5 + 7) / 2 = 6; south b1 = dee's 3
    assert_eq!(criterion(&results, "north", "b1").aggregate, Some(6.0));
    assert_eq!(criterion(&results, "south", "b1").aggregate, Some(3.0));
    assert!(
        results
            .warnings
            .iter()
            .any(|w| w.contains("\"cy\"") && w.contains("\"south\"")),
        "{:#?}",
        results.warnings
    );
}

#[test]
fn a_conflict_in_a_sheet_that_does_not_count_does_not_apply() {
    // cy's tech sheet is a draft, so it doesn't count, and neither does its conflict.
    let review = two_panels();
    let sheets = [
        scored("board", "cy", sheet().mark("south", "a1", 9.0)),
        scored("tech", "cy", sheet().draft().conflict("south")),
    ];
    let results = merged(&review, &sheets);
    assert_eq!(criterion(&results, "south", "a1").aggregate, Some(9.0));
    // With drafts included, the sheet counts and its conflict applies.
    let results = merged_with(&review, &sheets, true);
    assert_eq!(criterion(&results, "south", "a1").aggregate, None);
    assert_eq!(region(&results, "south").flags, ["incomplete"]);
}

// ---------------------------------------------------------------------------
// Rule 1: drafts and duplicate sheets
// ---------------------------------------------------------------------------

#[test]
fn drafts_are_excluded_by_default_and_counted_with_include_drafts() {
    let review = two_panels();
    let sheets = [
        scored("board", "ann", sheet().mark("north", "a1", 3.0)),
        scored("board", "cy", sheet().draft().mark("north", "a1", 9.0)),
    ];
    let results = merged(&review, &sheets);
    assert_eq!(criterion(&results, "north", "a1").aggregate, Some(3.0));
    assert_eq!(region(&results, "north").marks, 1);
    assert!(
        results
            .warnings
            .iter()
            .any(|w| w.contains("\"cy\"") && w.contains("draft")),
        "{:#?}",
        results.warnings
    );
    let cy = results.sheets.iter().find(|s| s.reviewer == "cy").unwrap();
    assert!(!cy.counted && !cy.submitted);

    // (3 + 9) / 2 = 6
    let results = merged_with(&review, &sheets, true);
    assert_eq!(criterion(&results, "north", "a1").aggregate, Some(6.0));
    assert_eq!(region(&results, "north").marks, 2);
    assert!(results.sheets.iter().all(|s| s.counted));
}

#[test]
fn identical_copies_of_a_sheet_count_once() {
    let review = two_panels();
    let ann = || sheet().mark("north", "a1", 4.0);
    let results = merged(
        &review,
        &[
            scored("board", "ann", ann()),
            input("mail/board.ron", "board", "ann", ann()),
            scored("board", "bob", sheet().mark("north", "a1", 8.0)),
        ],
    );
    // (4 + 8) / 2 = 6, not (4 + 4 + 8) / 3
    assert_eq!(criterion(&results, "north", "a1").aggregate, Some(6.0));
    assert_eq!(criterion(&results, "north", "a1").marks, 2);
    assert!(results.warnings.is_empty(), "{:#?}", results.warnings);
    let counted = results
        .sheets
        .iter()
        .filter(|s| s.reviewer == "ann" && s.counted)
        .count();
    assert_eq!(counted, 1);
}

#[test]
fn of_two_different_copies_the_latest_wins_with_a_warning_naming_both_files() {
    let review = two_panels();
    let results = merged(
        &review,
        &[
            scored(
                "board",
                "ann",
                sheet()
                    .updated("2007-06-01T10:00:00Z")
                    .mark("north", "a1", 4.0),
            ),
            input(
                "mail/board.ron",
                "board",
                "ann",
                sheet()
                    .updated("2007-06-02T09:00:00Z")
                    .mark("north", "a1", 7.0),
            ),
        ],
    );
    assert_eq!(criterion(&results, "north", "a1").aggregate, Some(7.0));
    assert_eq!(criterion(&results, "north", "a1").marks, 1);
    let warning = results
        .warnings
        .iter()
        .find(|w| w.contains("\"ann\""))
        .expect("a warning about ann's two sheets");
    assert!(warning.contains("scores/board.ron"), "{warning}");
    assert!(warning.contains("mail/board.ron"), "{warning}");
    // the newer file is named as the winner, first
    assert!(
        warning.find("mail/board.ron") < warning.find("scores/board.ron"),
        "{warning}"
    );
}

#[test]
fn the_latest_copy_wins_even_when_it_is_a_draft() {
    // Duplicates are resolved first, drafts included; the winner then counts
    // only if submitted.
    let review = two_panels();
    let results = merged(
        &review,
        &[
            scored("board", "ann", sheet().mark("north", "a1", 4.0)),
            input(
                "mail/board.ron",
                "board",
                "ann",
                sheet()
                    .draft()
                    .updated("2007-06-03T00:00:00Z")
                    .mark("north", "a1", 9.0),
            ),
        ],
    );
    assert_eq!(criterion(&results, "north", "a1").aggregate, None);
}

#[test]
fn the_drafts_are_counted_alike_whether_they_count_or_not() {
    // ann: a draft newer than her submitted copy (it wins: a draft); bob:
    // a submitted copy newer than his draft (not a draft); cy: one draft;
    // dee: submitted. Two drafts either way.
    let review = two_panels();
    let newer = "2007-06-03T00:00:00Z";
    let sheets = [
        scored("board", "ann", sheet().mark("north", "a1", 4.0)),
        input(
            "mail/board.ron",
            "board",
            "ann",
            sheet().draft().updated(newer).mark("north", "a1", 9.0),
        ),
        scored("board", "bob", sheet().draft().mark("north", "a1", 5.0)),
        input(
            "mail/board.ron",
            "board",
            "bob",
            sheet().updated(newer).mark("north", "a1", 6.0),
        ),
        scored("board", "cy", sheet().draft().mark("north", "a1", 7.0)),
        scored("tech", "dee", sheet().mark("north", "b1", 3.0)),
    ];
    assert_eq!(merged(&review, &sheets).drafts(), 2);
    assert_eq!(merged_with(&review, &sheets, true).drafts(), 2);
    assert_eq!(merged(&review, &sheets[3..]).drafts(), 1);
    assert_eq!(merged(&review, &sheets[5..]).drafts(), 0);
}

#[test]
fn two_different_copies_updated_at_the_same_time_are_an_error_naming_both_files() {
    let review = two_panels();
    let errors = merge::merge(
        &review,
        &[
            scored("board", "ann", sheet().mark("north", "a1", 4.0)),
            input(
                "mail/board.ron",
                "board",
                "ann",
                sheet().mark("north", "a1", 5.0),
            ),
        ],
        MergeOptions::default(),
    )
    .expect_err("equal `updated` with different content is an error");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let message = &errors[0].finding.message;
    assert!(message.contains("scores/board.ron"), "{message}");
    assert!(message.contains("mail/board.ron"), "{message}");
    assert!(message.contains("\"ann\""), "{message}");
}

#[test]
fn a_sheet_of_a_non_member_is_an_error() {
    let review = two_panels();
    let errors = merge::merge(
        &review,
        &[scored("tech", "ann", sheet().mark("north", "b1", 4.0))],
        MergeOptions::default(),
    )
    .expect_err("ann is not on the tech panel");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].origin, std::path::Path::new("scores/tech.ron"));
    assert!(
        errors[0]
            .finding
            .message
            .contains("reviewer \"ann\" is not a member of panel \"tech\""),
        "{}",
        errors[0].finding.message
    );
}

#[test]
fn marks_the_panel_does_not_cover_or_off_the_rubric_are_errors() {
    let review = two_panels();
    for (mark, wanted) in [
        (("north", "b1", 4.0), "does not cover criterion \"b1\""),
        (("north", "a1", 10.5), "mark 10.5"),
        (("north", "a1", 4.25), "mark 4.25"),
        (("north", "a1", -0.5), "mark -0.5"),
        (("north", "a1", f64::NAN), "mark NaN"),
        (("west", "a1", 4.0), "unknown region \"west\""),
    ] {
        let (r, c, p) = mark;
        let errors = merge::merge(
            &review,
            &[scored("board", "ann", sheet().mark(r, c, p))],
            MergeOptions::default(),
        )
        .expect_err(wanted);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0].finding.message.contains(wanted),
            "{wanted}: {}",
            errors[0].finding.message
        );
    }
}

// ---------------------------------------------------------------------------
// Rule 5: disagreement
// ---------------------------------------------------------------------------

#[test]
fn disagreement_is_flagged_only_when_the_spread_is_strictly_greater() {
    // threshold 0.4 × max 10 = 4
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.5), ("a2", 10.0, 0.5)])
        .category("B", &[("b1", 10.0, 0.5)])
        .regions(&["r", "s"])
        .reviewers(&["p1", "p2", "p3"])
        .panel("board", &["p1", "p2", "p3"], &["a1", "a2", "b1"], None)
        .build();
    let results = merged(
        &review,
        &[
            // r: a1 spread 6 − 2 = 4 (at the threshold: not flagged),
            //    a2 spread 7 − 2.5 = 4.5 (flagged), b1 spread 9 − 4.5 = 4.5 (flagged)
            // s: a1 one mark only (never flagged), a2 spread 0
            scored(
                "board",
                "p1",
                sheet()
                    .marks("r", &[("a1", 2.0), ("a2", 2.5), ("b1", 9.0)])
                    .marks("s", &[("a1", 0.0), ("a2", 5.0)]),
            ),
            scored(
                "board",
                "p2",
                sheet()
                    .marks("r", &[("a1", 6.0), ("a2", 7.0), ("b1", 4.5)])
                    .marks("s", &[("a2", 5.0)]),
            ),
            scored("board", "p3", sheet().marks("r", &[("a1", 4.0)])),
        ],
    );
    assert!(!criterion(&results, "r", "a1").disagreement);
    assert!(criterion(&results, "r", "a2").disagreement);
    assert!(criterion(&results, "r", "b1").disagreement);
    assert_eq!(
        region(&results, "r").flags,
        ["disagreement:a2", "disagreement:b1"]
    );
    // s: b1 missing → incomplete first
    assert_eq!(region(&results, "s").flags, ["incomplete"]);
    assert_eq!(criterion(&results, "r", "a2").min, Some(2.5));
    assert_eq!(criterion(&results, "r", "a2").max, Some(7.0));
}

#[test]
fn a_spread_exactly_at_the_threshold_is_not_flagged_despite_decimal_rounding() {
    // max 10, step 0.1, disagreement 0.4: threshold 4. Marks 4.3 and 8.3
    // spread by exactly 4 in decimal, but 8.3 - 4.3 is 4.000000000000001 in
    // binary floating point; SPEC says the spread must be strictly greater.
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.1)])
        .regions(&["r"])
        .reviewers(&["p1", "p2"])
        .panel("board", &["p1", "p2"], &["a1"], None)
        .build();
    let results = merged(
        &review,
        &[
            scored("board", "p1", sheet().mark("r", "a1", 4.3)),
            scored("board", "p2", sheet().mark("r", "a1", 8.3)),
        ],
    );
    assert!(!criterion(&results, "r", "a1").disagreement);
    assert!(region(&results, "r").flags.is_empty());
}

#[test]
fn flags_list_incomplete_first_then_disagreements_in_rubric_order() {
    // Rubric order is z1, a1 (category Z before A), not alphabetical.
    let review = ReviewBuilder::new()
        .category("Z", &[("z1", 10.0, 1.0)])
        .category("A", &[("a1", 10.0, 1.0), ("a2", 10.0, 1.0)])
        .regions(&["r"])
        .reviewers(&["p1", "p2"])
        .panel("board", &["p1", "p2"], &["z1", "a1", "a2"], None)
        .build();
    let results = merged(
        &review,
        &[
            scored(
                "board",
                "p1",
                sheet().marks("r", &[("z1", 0.0), ("a1", 0.0)]),
            ),
            scored(
                "board",
                "p2",
                sheet().marks("r", &[("z1", 10.0), ("a1", 10.0)]),
            ),
        ],
    );
    assert_eq!(
        region(&results, "r").flags,
        ["incomplete", "disagreement:z1", "disagreement:a1"]
    );
}

// ---------------------------------------------------------------------------
// Rules 6 and 7: ranking and status
// ---------------------------------------------------------------------------

/// Categories `A` (`a1`), `B` (`b1`), `C` (`c1`), each max 10 step 0.5;
/// one reviewer `p1` whose marks are the aggregates.
fn ranking_review(regions: &[&str]) -> Review {
    ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.5)])
        .category("B", &[("b1", 10.0, 0.5)])
        .category("C", &[("c1", 10.0, 0.5)])
        .regions(regions)
        .reviewers(&["p1"])
        .panel("board", &["p1"], &["a1", "b1", "c1"], None)
        .build()
}

/// p1's sheet: region → (a1, b1, c1).
fn ranking_sheet(marks: &[(&str, [f64; 3])]) -> Vec<merge::SheetInput> {
    let mut s = sheet();
    for (region, [a, b, c]) in marks {
        s = s.marks(region, &[("a1", *a), ("b1", *b), ("c1", *c)]);
    }
    vec![scored("board", "p1", s)]
}

fn ranking(results: &merge::Results) -> Vec<(u32, &str, Status)> {
    results
        .regions
        .iter()
        .map(|r| (r.rank, r.region.as_str(), r.status))
        .collect()
}

#[test]
fn ex_aequo_regions_share_a_rank_listed_by_id_and_the_next_rank_skips() {
    let mut review = ranking_review(&["d", "c", "b", "a"]);
    review.committee.select = Some(4);
    // totals: a 10, b 8, c 8 (different subtotals, but no tie_break), d 5
    let results = merged(
        &review,
        &ranking_sheet(&[
            ("a", [5.0, 5.0, 0.0]),
            ("c", [8.0, 0.0, 0.0]),
            ("b", [0.0, 0.0, 8.0]),
            ("d", [5.0, 0.0, 0.0]),
        ]),
    );
    assert_eq!(
        ranking(&results),
        [
            (1, "a", Status::Selected),
            (2, "b", Status::Selected),
            (2, "c", Status::Selected),
            (4, "d", Status::Selected),
        ]
    );
}

#[test]
fn equal_totals_are_ordered_by_the_first_unequal_tie_break_subtotal() {
    let mut review = ranking_review(&["p", "q", "s", "t"]);
    review.committee.select = Some(4);
    review.committee.tie_break = vec!["C".into(), "B".into()];
    // all totals 12; C: p 4, q 4, s 4, t 6 → t first.
    // Among p, q, s (C equal), B: p 3, q 5, s 3 → q; p and s still equal on
    // C and B (A is not in tie_break) → ex aequo, by id.
    let results = merged(
        &review,
        &ranking_sheet(&[
            ("p", [5.0, 3.0, 4.0]),
            ("q", [3.0, 5.0, 4.0]),
            ("s", [5.0, 3.0, 4.0]),
            ("t", [3.0, 3.0, 6.0]),
        ]),
    );
    assert_eq!(
        ranking(&results),
        [
            (1, "t", Status::Selected),
            (2, "q", Status::Selected),
            (3, "p", Status::Selected),
            (3, "s", Status::Selected),
        ]
    );
    assert_eq!(region(&results, "q").decided_by.as_deref(), Some("C"));
    assert_eq!(region(&results, "p").decided_by.as_deref(), Some("B"));
    assert_eq!(region(&results, "s").decided_by, None);
}

#[test]
fn totals_within_1e_9_are_equal() {
    // Step 0.1: p's total is 0.1 + 0.2 + 0.3 = 0.6000000000000001 in f64,
    // q's is 0.3 + 0.2 + 0.1 = 0.6; they are equal.
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 1.0, 0.1), ("a2", 1.0, 0.1), ("a3", 1.0, 0.1)])
        .regions(&["q", "p"])
        .reviewers(&["p1"])
        .panel("board", &["p1"], &["a1", "a2", "a3"], None)
        .select(1)
        .build();
    let results = merged(
        &review,
        &[scored(
            "board",
            "p1",
            sheet()
                .marks("p", &[("a1", 0.1), ("a2", 0.2), ("a3", 0.3)])
                .marks("q", &[("a1", 0.3), ("a2", 0.2), ("a3", 0.1)]),
        )],
    );
    assert_ne!(region(&results, "p").total, region(&results, "q").total);
    assert_eq!(
        ranking(&results),
        [(1, "p", Status::Tied), (1, "q", Status::Tied)]
    );
}

#[test]
fn a_tie_group_straddling_the_cutoff_is_tied() {
    let mut review = ranking_review(&["a", "b", "c", "d", "e"]);
    review.committee.select = Some(2);
    // a 9; b, c, d 6 (ex aequo); e 3 → places 2..4 straddle select 2
    let results = merged(
        &review,
        &ranking_sheet(&[
            ("a", [9.0, 0.0, 0.0]),
            ("b", [6.0, 0.0, 0.0]),
            ("c", [6.0, 0.0, 0.0]),
            ("d", [6.0, 0.0, 0.0]),
            ("e", [3.0, 0.0, 0.0]),
        ]),
    );
    assert_eq!(
        ranking(&results),
        [
            (1, "a", Status::Selected),
            (2, "b", Status::Tied),
            (2, "c", Status::Tied),
            (2, "d", Status::Tied),
            (5, "e", Status::NotSelected),
        ]
    );
}

#[test]
fn an_ex_aequo_group_that_fits_inside_the_cutoff_is_selected() {
    let mut review = ranking_review(&["a", "b", "c", "d"]);
    review.committee.select = Some(3);
    // a 9; b, c 6 ex aequo at places 2 and 3 (select 3); d 5 → NotSelected.
    let results = merged(
        &review,
        &ranking_sheet(&[
            ("a", [9.0, 0.0, 0.0]),
            ("b", [6.0, 0.0, 0.0]),
            ("c", [6.0, 0.0, 0.0]),
            ("d", [5.0, 0.0, 0.0]),
        ]),
    );
    assert_eq!(
        ranking(&results),
        [
            (1, "a", Status::Selected),
            (2, "b", Status::Selected),
            (2, "c", Status::Selected),
            (4, "d", Status::NotSelected),
        ]
    );
}

#[test]
fn a_region_below_min_total_is_below_threshold_and_takes_no_place() {
    let mut review = ranking_review(&["a", "b", "c", "d"]);
    review.committee.select = Some(4);
    review.committee.min_total = Some(5.0);
    // a 9, b 5 (exactly the minimum: not below), c 4.5 and d 0 below.
    // 4 places but only a and b are eligible: 2 Selected, nobody NotSelected.
    let results = merged(
        &review,
        &ranking_sheet(&[
            ("a", [9.0, 0.0, 0.0]),
            ("b", [2.5, 2.5, 0.0]),
            ("c", [4.5, 0.0, 0.0]),
            ("d", [0.0, 0.0, 0.0]),
        ]),
    );
    assert_eq!(
        ranking(&results),
        [
            (1, "a", Status::Selected),
            (2, "b", Status::Selected),
            (3, "c", Status::BelowThreshold),
            (4, "d", Status::BelowThreshold),
        ]
    );
}

#[test]
fn min_total_compares_within_1e_9() {
    // r: 0.1 + 0.7 is 0.7999999999999999 in f64, within 1e-9 of Some(0.8):
    // not below. s: 0.1 + 0.6 = 0.7 is below.
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 1.0, 0.1), ("a2", 1.0, 0.1)])
        .regions(&["r", "s"])
        .reviewers(&["p1"])
        .panel("board", &["p1"], &["a1", "a2"], None)
        .select(2)
        .min_total(Some(0.8))
        .build();
    let results = merged(
        &review,
        &[scored(
            "board",
            "p1",
            sheet()
                .marks("r", &[("a1", 0.1), ("a2", 0.7)])
                .marks("s", &[("a1", 0.1), ("a2", 0.6)]),
        )],
    );
    assert!(region(&results, "r").total < 0.8);
    assert_eq!(region(&results, "r").status, Status::Selected);
    assert_eq!(region(&results, "s").status, Status::BelowThreshold);
}

#[test]
fn with_select_zero_nobody_is_selected() {
    let mut review = ranking_review(&["a", "b"]);
    review.committee.select = Some(0);
    let results = merged(
        &review,
        &ranking_sheet(&[("a", [9.0, 0.0, 0.0]), ("b", [9.0, 0.0, 0.0])]),
    );
    assert_eq!(
        ranking(&results),
        [(1, "a", Status::NotSelected), (1, "b", Status::NotSelected)]
    );
}

// ---------------------------------------------------------------------------
// Through the command line: results.csv
// ---------------------------------------------------------------------------

/// Categories A (a1 max 10 step 0.5, a2 max 5 step 0.5) and B (b1 max 10
/// step 1); regions north, south, east ("East, Far"), west; ann, bob and cy on
/// one panel; select 2, Mean, tie-break B then A, disagreement 0.4.
fn mean_review() -> ReviewDir {
    let review = ReviewBuilder::new()
        .id("mean-demo")
        .category("A", &[("a1", 10.0, 0.5), ("a2", 5.0, 0.5)])
        .category("B", &[("b1", 10.0, 1.0)])
        .region("north", "North")
        .region("south", "South")
        .region("east", "East, Far")
        .region("west", "West")
        .reviewers(&["ann", "bob", "cy"])
        .panel("board", &["ann", "bob", "cy"], &["a1", "a2", "b1"], None)
        .select(2)
        .tie_break(&["B", "A"])
        .build();
    let dir = ReviewDir::new(review);
    dir.write_panel(
        "board",
        vec![
            (
                "ann",
                sheet()
                    .marks("north", &[("a1", 8.0), ("a2", 4.0), ("b1", 7.0)])
                    .marks("south", &[("a1", 6.0), ("a2", 3.0), ("b1", 9.0)])
                    .marks("east", &[("a1", 2.0), ("a2", 1.0), ("b1", 3.0)])
                    .marks("west", &[("a1", 2.0), ("a2", 0.5)]),
            ),
            (
                "bob",
                sheet()
                    .marks("north", &[("a1", 9.0), ("a2", 4.5), ("b1", 6.0)])
                    .marks("south", &[("a1", 7.0), ("a2", 2.5), ("b1", 8.0)])
                    .marks("east", &[("a1", 3.0), ("a2", 1.5), ("b1", 3.0)])
                    .marks("west", &[("a1", 8.0)]),
            ),
            (
                "cy",
                sheet()
                    .marks("north", &[("a1", 7.0), ("a2", 5.0), ("b1", 8.0)])
                    .marks("south", &[("a1", 8.0), ("a2", 3.5), ("b1", 4.0)])
                    .marks("east", &[("a1", 1.0), ("a2", 1.0), ("b1", 2.0)])
                    .marks("west", &[("a2", 4.5)]),
            ),
        ],
    );
    dir
}

#[test]
fn cli_merge_writes_the_hand_computed_csv() {
    // north: a1 (8+9+7)/3 = 8, a2 (4+4.5+5)/3 = 4.5, b1 (7+6+8)/3 = 7
    //        A 12.5, B 7, total 19.5; 9 marks; spreads 2, 1, 2: no flags
    // south: a1 (6+7+8)/3 = 7, a2 (3+2.5+3.5)/3 = 3, b1 (9+8+4)/3 = 7
    //        A 10, B 7, total 17; b1 spread 5 > 4 → disagreement:b1
    // east:  a1 (2+3+1)/3 = 2, a2 (1+1.5+1)/3 = 1.1667, b1 (3+3+2)/3 = 2.6667
    //        A 3.1667 → 3.17, B 2.67, total 5.8333 → 5.83
    // west:  a1 (2+8)/2 = 5 (spread 6 > 4), a2 (0.5+4.5)/2 = 2.5 (spread 4 > 2),
    //        b1 missing → incomplete; A 7.5, B 0, total 7.5; 4 marks
    // rank by total: north 19.5, south 17, west 7.5, east 5.83; select 2.
    let dir = mean_review();
    let out = dir.beside("out");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    let expected = "\
rank,region,name,total,A,B,status,marks,flags
1,north,North,19.50,12.50,7.00,Selected,9,
2,south,South,17.00,10.00,7.00,Selected,9,disagreement:b1
3,west,West,7.50,7.50,0.00,NotSelected,4,incomplete;disagreement:a1;disagreement:a2
4,east,\"East, Far\",5.83,3.17,2.67,NotSelected,9,
";
    assert_csv(&out.join("results.csv"), expected);
    // and byte for byte, as the csv crate writes it (quoted only when needed)
    let text = std::fs::read_to_string(out.join("results.csv")).unwrap();
    assert_eq!(text, expected);
    // the other outputs are there, and nothing was written into the review dir
    assert!(out.join("results.ron").is_file());
    assert!(out.join("report.md").is_file());
    assert!(!dir.path().join("results.csv").exists());
}

#[test]
fn cli_merge_without_out_writes_into_the_review_directory() {
    let dir = mean_review();
    run(["merge", &arg(&dir.path())]).assert_code(0);
    let rows = read_csv(&dir.path().join("results.csv"));
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[1][..4], ["1", "north", "North", "19.50"]);
}

/// Categories A (a1) and B (b1), max 10 step 1; one reviewer; marks chosen
/// for ties: select and min_total set by the test.
fn ties_review(select: u32, min_total: Option<f64>) -> ReviewDir {
    let review = ReviewBuilder::new()
        .id("ties")
        .category("A", &[("a1", 10.0, 1.0)])
        .category("B", &[("b1", 10.0, 1.0)])
        .regions(&["p", "q", "s", "t", "u", "v", "w", "x"])
        .reviewers(&["ann"])
        .panel("board", &["ann"], &["a1", "b1"], None)
        .select(select)
        .tie_break(&["B", "A"])
        .min_total(min_total)
        .build();
    let dir = ReviewDir::new(review);
    dir.write_panel(
        "board",
        vec![(
            "ann",
            sheet()
                .marks("p", &[("a1", 6.0), ("b1", 4.0)])
                .marks("q", &[("a1", 4.0), ("b1", 6.0)])
                .marks("s", &[("a1", 5.0), ("b1", 5.0)])
                .marks("t", &[("a1", 3.0), ("b1", 4.0)])
                .marks("u", &[("a1", 4.0), ("b1", 3.0)])
                .marks("v", &[("a1", 3.0), ("b1", 4.0)])
                .marks("w", &[("a1", 1.0), ("b1", 1.0)])
                .marks("x", &[("a1", 2.0), ("b1", 1.0)]),
        )],
    );
    dir
}

#[test]
fn cli_ties_straddling_the_cutoff_and_min_total() {
    // totals: p, q, s 10; t, u, v 7; x 3; w 2.
    // 10s by B: q 6, s 5, p 4 → ranks 1, 2, 3.
    // 7s by B: t 4, v 4, u 3; t and v equal on A too (3) → ex aequo rank 4
    // (listed t, v), u rank 6.
    // min_total 3: x (3.00, exactly the minimum) is not below; w (2) is.
    // select 4: q, s, p take places 1–3; {t, v} takes places 4–5 and
    // straddles the cutoff → Tied; u NotSelected; x NotSelected.
    let dir = ties_review(4, Some(3.0));
    let out = dir.beside("out");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,B,status,marks,flags
1,q,Q,10.00,4.00,6.00,Selected,2,
2,s,S,10.00,5.00,5.00,Selected,2,
3,p,P,10.00,6.00,4.00,Selected,2,
4,t,T,7.00,3.00,4.00,Tied,2,
4,v,V,7.00,3.00,4.00,Tied,2,
6,u,U,7.00,4.00,3.00,NotSelected,2,
7,x,X,3.00,2.00,1.00,NotSelected,2,
8,w,W,2.00,1.00,1.00,BelowThreshold,2,
",
    );
}

#[test]
fn cli_an_ex_aequo_group_ending_exactly_at_the_cutoff_is_selected() {
    // as above with select 5: {t, v} takes places 4–5 → Selected.
    // select 8 with min_total 3: seven eligible regions all Selected, w
    // BelowThreshold (not counted among the places).
    let dir = ties_review(5, None);
    let out = dir.beside("out5");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    let status: Vec<(String, String)> = read_csv(&out.join("results.csv"))
        .into_iter()
        .skip(1)
        .map(|row| (row[1].clone(), row[6].clone()))
        .collect();
    let expected = [
        ("q", "Selected"),
        ("s", "Selected"),
        ("p", "Selected"),
        ("t", "Selected"),
        ("v", "Selected"),
        ("u", "NotSelected"),
        ("x", "NotSelected"),
        ("w", "NotSelected"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(r, s)| (r.to_string(), s.to_string()))
        .collect();
    assert_eq!(status, expected);

    let dir = ties_review(8, Some(3.0));
    let out = dir.beside("out8");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    let rows = read_csv(&out.join("results.csv"));
    let selected = rows.iter().filter(|r| r[6] == "Selected").count();
    assert_eq!(selected, 7);
    assert_eq!(
        rows[8][1..],
        ["w", "W", "2.00", "1.00", "1.00", "BelowThreshold", "2", ""]
    );
}

/// Two panels: `board` (ann, bob, cy) scores A's a1 and a2, `tech` (cy, dee)
/// scores B's b1; all max 10 step 0.5; regions north and south. bob has a
/// conflict on south in review.ron; cy declares one on south in the tech sheet;
/// dee's tech sheet is a draft.
fn conflicts_review() -> ReviewDir {
    let review = ReviewBuilder::new()
        .id("conflicts")
        .category("A", &[("a1", 10.0, 0.5), ("a2", 10.0, 0.5)])
        .category("B", &[("b1", 10.0, 0.5)])
        .regions(&["north", "south"])
        .reviewers(&["ann", "bob", "cy", "dee"])
        .conflicts("bob", &["south"])
        .panel("board", &["ann", "bob", "cy"], &["a1", "a2"], None)
        .panel("tech", &["cy", "dee"], &["b1"], None)
        .select(1)
        .build();
    let dir = ReviewDir::new(review);
    dir.write_panel(
        "board",
        vec![
            (
                "ann",
                sheet()
                    .marks("north", &[("a1", 6.0), ("a2", 6.0)])
                    .marks("south", &[("a1", 4.0), ("a2", 4.0)]),
            ),
            (
                "bob",
                sheet()
                    .marks("north", &[("a1", 8.0), ("a2", 8.0)])
                    .marks("south", &[("a1", 9.0), ("a2", 9.0)]),
            ),
            (
                "cy",
                sheet()
                    .marks("north", &[("a1", 7.0), ("a2", 7.0)])
                    .marks("south", &[("a1", 5.0), ("a2", 5.0)]),
            ),
        ],
    );
    dir.write_panel(
        "tech",
        vec![
            ("cy", sheet().mark("north", "b1", 6.0).conflict("south")),
            (
                "dee",
                sheet()
                    .draft()
                    .mark("north", "b1", 10.0)
                    .mark("south", "b1", 2.0),
            ),
        ],
    );
    dir
}

#[test]
fn cli_conflicts_and_drafts() {
    // north: a1 (6+8+7)/3 = 7, a2 7, b1 cy's 6 (dee's draft left out)
    //        A 14, B 6, total 20; 7 marks
    // south: bob (review.ron) and cy (tech sheet) conflicted: a1 4, a2 4 from
    //        ann only; b1 no counting mark → incomplete. A 8, B 0, total 8; 2 marks
    let dir = conflicts_review();
    let out = dir.beside("out");
    let result = run(["merge", &arg(&dir.path()), "--out", &arg(&out)]);
    result
        .assert_code(0)
        .assert_stderr_has("warning: 2 marks of reviewer \"bob\" for region \"south\" are left out")
        .assert_stderr_has("2 marks of reviewer \"cy\" for region \"south\" are left out")
        .assert_stderr_has("reviewer \"dee\" on panel \"tech\" is a draft");
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,B,status,marks,flags
1,north,North,20.00,14.00,6.00,Selected,7,
2,south,South,8.00,8.00,0.00,NotSelected,2,incomplete
",
    );
}

#[test]
fn cli_merge_warnings_in_japanese_with_the_same_numbers() {
    let dir = conflicts_review();
    let out = dir.beside("out");
    run([
        "--lang",
        "ja",
        "merge",
        &arg(&dir.path()),
        "--out",
        &arg(&out),
    ])
    .assert_code(0)
    .assert_stderr_has("警告：委員「bob」の地域「south」への点数 2 件は除外されます")
    .assert_stderr_has("部会「tech」の委員「dee」の採点表は下書き");
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,B,status,marks,flags
1,north,North,20.00,14.00,6.00,Selected,7,
2,south,South,8.00,8.00,0.00,NotSelected,2,incomplete
",
    );
}

#[test]
fn cli_include_drafts_counts_the_draft_and_a_spread_at_the_threshold_is_not_flagged() {
    // with dee's draft: north b1 (6+10)/2 = 8, spread 4 = 0.4 × 10: not flagged;
    // total 22, 8 marks. south b1 = dee's 2, total 10, 3 marks, complete.
    let dir = conflicts_review();
    let out = dir.beside("out");
    run([
        "merge",
        &arg(&dir.path()),
        "--include-drafts",
        "--out",
        &arg(&out),
    ])
    .assert_code(0);
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,B,status,marks,flags
1,north,North,22.00,14.00,8.00,Selected,8,
2,south,South,10.00,8.00,2.00,NotSelected,3,
",
    );
}

#[test]
fn cli_add_a_newer_copy_wins_with_a_warning_naming_both_files() {
    // ann's sheet returned by mail, updated later, with north a1 9 instead of 6:
    // north a1 (9+8+7)/3 = 8 → A 15, total 21.
    let dir = conflicts_review();
    let mail = dir.beside("mail/board.ron");
    let file = dir.panel_file(
        "board",
        vec![(
            "ann",
            sheet()
                .updated("2007-06-05T00:00:00Z")
                .marks("north", &[("a1", 9.0), ("a2", 6.0)])
                .marks("south", &[("a1", 4.0), ("a2", 4.0)]),
        )],
    );
    write_ron(&mail, &file);
    let out = dir.beside("out");
    let result = run([
        "merge",
        &arg(&dir.path()),
        "--add",
        &arg(&mail),
        "--out",
        &arg(&out),
    ]);
    result.assert_code(0);
    let warning = result
        .stderr
        .lines()
        .find(|l| l.contains("\"ann\"") && l.contains("differs"))
        .unwrap_or_else(|| panic!("no warning about ann's copies:\n{}", result.stderr));
    assert!(warning.contains(&arg(&mail)), "{warning}");
    assert!(
        warning.contains(&arg(&dir.panel_path("board"))),
        "{warning}"
    );
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,B,status,marks,flags
1,north,North,21.00,15.00,6.00,Selected,7,
2,south,South,8.00,8.00,0.00,NotSelected,2,incomplete
",
    );
}

#[test]
fn cli_add_an_identical_copy_counts_once() {
    let dir = conflicts_review();
    let copy = dir.beside("mail/board.ron");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(dir.panel_path("board"), &copy).unwrap();
    let out = dir.beside("out");
    let result = run([
        "merge",
        &arg(&dir.path()),
        "--add",
        &arg(&copy),
        "--out",
        &arg(&out),
    ]);
    result.assert_code(0);
    assert!(!result.stderr.contains("differs"), "{}", result.stderr);
    // the same numbers and mark counts as without the copy
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,B,status,marks,flags
1,north,North,20.00,14.00,6.00,Selected,7,
2,south,South,8.00,8.00,0.00,NotSelected,2,incomplete
",
    );
}

#[test]
fn cli_add_a_different_copy_updated_at_the_same_time_is_refused() {
    let dir = conflicts_review();
    let mail = dir.beside("mail/board.ron");
    // same `updated` (T0) as the copy in scores/, different mark
    let file = dir.panel_file("board", vec![("ann", sheet().mark("north", "a1", 1.0))]);
    write_ron(&mail, &file);
    let out = dir.beside("out");
    let result = run([
        "merge",
        &arg(&dir.path()),
        "--add",
        &arg(&mail),
        "--out",
        &arg(&out),
    ]);
    result
        .assert_code(1)
        .assert_stderr_has(&arg(&mail))
        .assert_stderr_has(&arg(&dir.panel_path("board")))
        .assert_stderr_has("reviewer \"ann\" on panel \"board\" differs");
    assert!(!out.exists(), "nothing may be written on invalid input");
}

#[test]
fn cli_trimmed_mean_and_median_count_marks_before_trimming() {
    // one criterion a1 (max 10, step 0.5), regions r and s, five reviewers.
    // r: 2, 6, 7, 10 → TrimmedMean drops 2 and 10: 6.5; Median (6+7)/2 = 6.5
    // s: 1, 3, 3.5, 9.5, 10 → TrimmedMean (3+3.5+9.5)/3 = 5.3333; Median 3.5
    // marks: r 4, s 5 (before trimming). spreads 8 and 9 > 4 → disagreement.
    let build = |aggregate| {
        let review = ReviewBuilder::new()
            .category("A", &[("a1", 10.0, 0.5)])
            .regions(&["r", "s"])
            .reviewers(&["p1", "p2", "p3", "p4", "p5"])
            .panel("board", &["p1", "p2", "p3", "p4", "p5"], &["a1"], None)
            .aggregate(aggregate)
            .select(1)
            .build();
        let dir = ReviewDir::new(review);
        dir.write_panel(
            "board",
            vec![
                ("p1", sheet().mark("r", "a1", 2.0).mark("s", "a1", 1.0)),
                ("p2", sheet().mark("r", "a1", 6.0).mark("s", "a1", 3.0)),
                ("p3", sheet().mark("r", "a1", 7.0).mark("s", "a1", 3.5)),
                ("p4", sheet().mark("r", "a1", 10.0).mark("s", "a1", 9.5)),
                ("p5", sheet().mark("s", "a1", 10.0)),
            ],
        );
        dir
    };
    let dir = build(Aggregate::TrimmedMean);
    let out = dir.beside("out");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,status,marks,flags
1,r,R,6.50,6.50,Selected,4,disagreement:a1
2,s,S,5.33,5.33,NotSelected,5,disagreement:a1
",
    );
    let dir = build(Aggregate::Median);
    let out = dir.beside("out");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    assert_csv(
        &out.join("results.csv"),
        "\
rank,region,name,total,A,status,marks,flags
1,r,R,6.50,6.50,Selected,4,disagreement:a1
2,s,S,3.50,3.50,NotSelected,5,disagreement:a1
",
    );
}

#[test]
fn cli_merge_of_the_sample_matches_its_known_ranking() {
    // The sample's 46 submitted sheets (t33's draft left out, ishikawa's
    // hamamatsu marks left out); numbers pinned from a reviewed run.
    let sample = Sample::new();
    let out = sample.beside("out");
    let result = run(["merge", &arg(&sample.path()), "--out", &arg(&out)]);
    result
        .assert_code(0)
        .assert_stderr_has("reviewer \"t33\" on panel \"tech-env\" is a draft")
        .assert_stderr_has("13 marks of reviewer \"ishikawa\" for region \"hamamatsu\"");
    let rows = read_csv(&out.join("results.csv"));
    assert_eq!(
        rows[0],
        [
            "rank",
            "region",
            "name",
            "total",
            "1",
            "2",
            "3",
            "4",
            "status",
            "marks",
            "flags",
            "allocation"
        ]
    );
    let summary: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[1].as_str(), r[3].as_str(), r[8].as_str()))
        .collect();
    // marks, by hand: fukuoka 12 committee × 13 criteria + 10 tech-it × 5 +
    // 6 submitted tech-env × 5 = 236; nagano 11 committee (kobayashi is
    // conflicted) × 13 + 8 tech-nano × 5 = 183.
    assert_eq!(rows[1][9], "236");
    assert_eq!(rows[2][9], "183");
    assert_eq!(
        summary,
        [
            ("fukuoka", "76.92", "Selected"),
            ("nagano", "74.14", "Selected"),
            ("kansai", "70.89", "Selected"),
            ("sendai", "67.82", "Selected"),
            ("hamamatsu", "65.00", "Selected"),
            ("sapporo", "62.06", "Selected"),
            ("hiroshima", "57.25", "NotSelected"),
            ("toyama", "55.67", "NotSelected"),
            ("nagoya", "46.35", "BelowThreshold"),
        ]
    );
}

#[test]
fn cli_csv_has_the_category_columns_even_without_regions() {
    // A review still being set up: no regions yet. Scripts reading
    // results.csv rely on the header of SPEC.md all the same.
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 5.0, 1.0)])
        .category("B", &[("b1", 5.0, 1.0)])
        .build();
    let dir = ReviewDir::new(review);
    let out = dir.beside("out");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    assert_eq!(
        std::fs::read_to_string(out.join("results.csv")).unwrap(),
        "rank,region,name,total,A,B,status,marks,flags\n"
    );
}

#[test]
fn cli_results_ron_holds_what_the_library_computes_and_every_output_is_written() {
    // results.ron is the pure merge of the same files, to the last bit.
    let dir = conflicts_review();
    let out = dir.beside("out");
    let result = run(["merge", &arg(&dir.path()), "--out", &arg(&out)]);
    result.assert_code(0);
    let mut inputs = Vec::new();
    for panel in ["board", "tech"] {
        let path = dir.panel_path(panel);
        for (reviewer, sheet) in read_panel_file(&path).sheets.0 {
            inputs.push(merge::SheetInput {
                origin: path.clone(),
                panel: panel.into(),
                reviewer,
                sheet,
            });
        }
    }
    let expected = merged(&dir.review, &inputs);
    // with the analysis of how solid the selection is, on by default
    let analysis = panelist::analysis::analyse(
        &dir.review,
        &expected,
        panelist::analysis::Settings::default(),
    );
    let text = std::fs::read_to_string(out.join("results.ron")).unwrap();
    let written = panelist::report::ResultsFile::from_ron(&text).unwrap();
    // results.ron holds the results, not the marks, which the panel files hold.
    assert_eq!(written.results, crate::common::without_marks(expected));
    assert_eq!(written.analysis, Some(analysis));
    assert_eq!(
        text.lines().nth(1),
        Some("Results("),
        "written with struct names"
    );
    for name in ["results.csv", "report.md", "results.svg"] {
        let bytes = std::fs::read(out.join(name)).unwrap();
        assert!(!bytes.is_empty(), "{name}");
    }
    // the summary table on stdout, warnings on stderr
    result
        .assert_stdout_has("North")
        .assert_stdout_has("Selected")
        .assert_stderr_has("warning: ");
    assert!(!result.stdout.contains("warning"), "{}", result.stdout);
}
