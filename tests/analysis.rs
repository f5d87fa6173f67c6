//! The analysis of a selection, on reviews built so that the answer is known.

mod common;

use common::{ReviewBuilder, merged, scored, sheet};
use panelist::analysis::{Analysis, analyse};
use panelist::merge::{SheetInput, Status};
use panelist::model::Review;

fn run(review: &Review, sheets: &[SheetInput]) -> Analysis {
    analyse(review, &merged(review, sheets), 500, 1)
}

fn offset(analysis: &Analysis, reviewer: &str) -> Option<f64> {
    analysis
        .calibration
        .reviewers
        .iter()
        .find(|o| o.reviewer == reviewer)
        .and_then(|o| o.offset)
}

fn region<'a>(analysis: &'a Analysis, id: &str) -> &'a panelist::analysis::RegionStability {
    analysis
        .stability
        .regions
        .iter()
        .find(|r| r.region == id)
        .unwrap_or_else(|| panic!("{id} in the analysis"))
}

/// Six regions, three criteria; four reviewers mark every cell with its
/// quality, except `harsh`, who marks everything exactly one point lower.
fn harsh_review() -> (Review, Vec<SheetInput>) {
    let regions = ["r1", "r2", "r3", "r4", "r5", "r6"];
    let review = ReviewBuilder::new()
        .category(
            "A",
            &[("a1", 10.0, 0.5), ("a2", 10.0, 0.5), ("a3", 10.0, 0.5)],
        )
        .regions(&regions)
        .reviewers(&["ann", "bob", "cy", "harsh"])
        .panel(
            "p",
            &["ann", "bob", "cy", "harsh"],
            &["a1", "a2", "a3"],
            None,
        )
        .select(3)
        .build();
    let quality = |r: usize, c: usize| 4.0 + r as f64 * 0.5 + c as f64;
    let sheets = ["ann", "bob", "cy", "harsh"]
        .iter()
        .map(|&who| {
            let mut s = sheet();
            for (r, id) in regions.iter().enumerate() {
                let shift = if who == "harsh" { -1.0 } else { 0.0 };
                s = s.marks(
                    id,
                    &[
                        ("a1", quality(r, 0) + shift),
                        ("a2", quality(r, 1) + shift),
                        ("a3", quality(r, 2) + shift),
                    ],
                );
            }
            scored("p", who, s)
        })
        .collect();
    (review, sheets)
}

#[test]
fn a_uniformly_harsh_reviewer_is_found_and_its_offset_recovered_exactly() {
    let (review, sheets) = harsh_review();
    let analysis = run(&review, &sheets);
    assert!(
        analysis.calibration.meaningful,
        "{:?}",
        analysis.calibration.why_not
    );
    let harsh = offset(&analysis, "harsh").expect("estimable");
    for other in ["ann", "bob", "cy"] {
        let o = offset(&analysis, other).expect("estimable");
        assert!(
            (harsh - o + 1.0).abs() < 1e-9,
            "harsh is one point below {other}: {harsh} vs {o}"
        );
    }
    // Offsets sum to zero: -0.75 and three times +0.25.
    assert!((harsh + 0.75).abs() < 1e-9, "{harsh}");
    assert!(analysis.calibration.noise < 1e-9, "no noise in the data");
    // Calibrated, every region moves by the same amount: the order stays.
    let ranking = &analysis.calibration.ranking;
    assert!(
        ranking.iter().all(|r| r.rank == r.official_rank),
        "{ranking:?}"
    );
}

#[test]
fn calibration_of_marks_without_bias_finds_no_offsets() {
    let (review, mut sheets) = harsh_review();
    sheets.retain(|s| s.reviewer != "harsh");
    let analysis = run(&review, &sheets);
    for reviewer in ["ann", "bob", "cy"] {
        let o = offset(&analysis, reviewer).expect("estimable");
        assert!(o.abs() < 1e-9, "{reviewer}: {o}");
    }
}

/// Two regions, one place. ann and bob slightly prefer `x`; cy strongly
/// prefers `y`, enough to put it ahead: without cy, `x` is selected.
fn knife_edge() -> (Review, Vec<SheetInput>) {
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.5)])
        .regions(&["x", "y"])
        .reviewers(&["ann", "bob", "cy"])
        .panel("p", &["ann", "bob", "cy"], &["a1"], None)
        .select(1)
        .build();
    let sheets = vec![
        scored(
            "p",
            "ann",
            sheet().mark("x", "a1", 6.0).mark("y", "a1", 5.5),
        ),
        scored(
            "p",
            "bob",
            sheet().mark("x", "a1", 6.0).mark("y", "a1", 5.5),
        ),
        scored("p", "cy", sheet().mark("x", "a1", 4.0).mark("y", "a1", 7.5)),
    ];
    (review, sheets)
}

#[test]
fn a_selection_that_flips_without_one_reviewer_names_that_reviewer() {
    let (review, sheets) = knife_edge();
    let results = merged(&review, &sheets);
    // Officially y (18.5/3) beats x (16/3).
    assert_eq!(results.regions[0].region, "y");
    let analysis = analyse(&review, &results, 500, 1);
    assert_eq!(region(&analysis, "y").hangs_on, ["cy"]);
    assert_eq!(region(&analysis, "x").hangs_on, ["cy"]);
    let y = region(&analysis, "y").selected_share;
    assert!(y > 0.2 && y < 0.9, "y is selected in some rounds only: {y}");
    let closeness = analysis.closeness.expect("a cutoff");
    assert_eq!(
        (
            closeness.last_selected.as_str(),
            closeness.first_not_selected.as_str()
        ),
        ("y", "x")
    );
    assert!(
        (closeness.margin - 2.5 / 3.0).abs() < 1e-9,
        "{}",
        closeness.margin
    );
    let swap = closeness.swap.expect("a swap");
    // Each one-step change moves one aggregate by 0.5/3 = 1/6: a gap of 5/6
    // needs 6 steps to be crossed.
    assert_eq!(swap.steps, 6, "{swap:?}");
    assert!((swap.points - 3.0).abs() < 1e-9);
}

#[test]
fn a_landslide_is_selected_in_every_round_under_every_aggregate() {
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 5.0, 0.5), ("a2", 5.0, 0.5)])
        .regions(&["win", "lose"])
        .reviewers(&["ann", "bob", "cy"])
        .panel("p", &["ann", "bob", "cy"], &["a1", "a2"], None)
        .select(1)
        .build();
    let sheets: Vec<SheetInput> = ["ann", "bob", "cy"]
        .iter()
        .map(|&who| {
            scored(
                "p",
                who,
                sheet()
                    .marks("win", &[("a1", 5.0), ("a2", 4.5)])
                    .marks("lose", &[("a1", 1.0), ("a2", 1.5)]),
            )
        })
        .collect();
    let analysis = run(&review, &sheets);
    let win = region(&analysis, "win");
    assert_eq!(win.selected_share, 1.0);
    assert!(win.selected_under_all);
    assert!(win.hangs_on.is_empty());
    assert_eq!(region(&analysis, "lose").selected_share, 0.0);
    assert_eq!(win.status, Status::Selected);
}

#[test]
fn thin_overlap_is_reported_and_no_calibrated_ranking_pretended() {
    // Each reviewer scores a region of their own: nothing is shared.
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 5.0, 0.5)])
        .regions(&["x", "y", "z"])
        .reviewers(&["ann", "bob", "cy"])
        .panel("px", &["ann"], &["a1"], Some(&["x"]))
        .panel("py", &["bob"], &["a1"], Some(&["y"]))
        .panel("pz", &["cy"], &["a1"], Some(&["z"]))
        .select(1)
        .build();
    let sheets = vec![
        scored("px", "ann", sheet().mark("x", "a1", 4.0)),
        scored("py", "bob", sheet().mark("y", "a1", 3.0)),
        scored("pz", "cy", sheet().mark("z", "a1", 2.0)),
    ];
    let analysis = run(&review, &sheets);
    assert!(!analysis.calibration.meaningful);
    let why = analysis
        .calibration
        .why_not
        .clone()
        .map(|w| panelist::report::solidity::why_not(&w))
        .unwrap_or_default();
    assert!(why.contains("too thin"), "{why}");
    assert!(analysis.calibration.ranking.is_empty());
    assert!(
        analysis
            .calibration
            .reviewers
            .iter()
            .all(|o| o.offset.is_none())
    );
}

#[test]
fn the_analysis_is_deterministic() {
    let (review, sheets) = knife_edge();
    let results = merged(&review, &sheets);
    assert_eq!(
        analyse(&review, &results, 300, 7),
        analyse(&review, &results, 300, 7)
    );
    let sample = common::Sample::new();
    let loaded = panelist::store::load_review(&sample.path()).expect("load");
    let output = common::run([
        "merge",
        &common::arg(&sample.path()),
        "--out",
        &common::arg(&sample.beside("a")),
    ]);
    output.assert_code(0);
    let again = common::run([
        "merge",
        &common::arg(&sample.path()),
        "--out",
        &common::arg(&sample.beside("b")),
    ]);
    again.assert_code(0);
    let read = |dir: &str| {
        std::fs::read_to_string(sample.beside(dir).join("results.ron")).expect("results.ron")
    };
    assert_eq!(
        read("a"),
        read("b"),
        "two merges of the same files write the same analysis"
    );
    let _ = loaded;
}

#[test]
fn merge_writes_the_analysis_to_results_ron_the_report_and_the_terminal() {
    let (review, _) = knife_edge();
    let dir = common::ReviewDir::new(review);
    dir.write_panel(
        "p",
        vec![
            ("ann", sheet().mark("x", "a1", 6.0).mark("y", "a1", 5.5)),
            ("bob", sheet().mark("x", "a1", 6.0).mark("y", "a1", 5.5)),
            ("cy", sheet().mark("x", "a1", 4.0).mark("y", "a1", 7.5)),
        ],
    );
    let out = dir.beside("out");
    let run = common::run([
        "merge",
        &common::arg(&dir.path()),
        "--out",
        &common::arg(&out),
    ]);
    run.assert_code(0)
        .assert_stdout_has("How solid is the selection");
    assert!(
        run.stdout.contains("cy"),
        "the table names the reviewer the selection hangs on: {}",
        run.stdout
    );
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(
        report.contains("Y would not be selected without the marks of Reviewer cy (cy)."),
        "{report}"
    );
    let results: panelist::merge::Results =
        ron::from_str(&std::fs::read_to_string(out.join("results.ron")).expect("results.ron"))
            .expect("parses");
    let analysis = results.analysis.expect("results.ron holds the analysis");
    assert_eq!(region(&analysis, "y").hangs_on, ["cy"]);
    // Without it when asked.
    let out = dir.beside("plain");
    common::run([
        "merge",
        &common::arg(&dir.path()),
        "--out",
        &common::arg(&out),
        "--no-analysis",
    ])
    .assert_code(0);
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(!report.contains("How solid"), "{report}");
}
