//! How solid the selection is (`panelist::analysis`), on reviews built so
//! that the answer is known: a uniformly harsh reviewer whose offset comes
//! out exactly, a selection that flips without one named reviewer, a
//! landslide every resampling round agrees on, a region no draw may leave
//! without marks, overlap too thin to calibrate, and knife-edge cutoffs
//! whose smallest swap is worked out by hand. Then properties: the analysis
//! is deterministic, and marks without offsets calibrate to zero offsets;
//! and `merge` writes the same bytes however many threads it runs on. The
//! analysis's own path to the ranking is held equal to `merge` in the
//! crate's unit tests.

use crate::common::*;
use panelist::analysis::{self, Analysis, Reading, Settings, Swap, Thin, Uncalibrated, Verdict};
use panelist::merge::{Results, SheetInput, Status};
use panelist::model::{Aggregate, Review};
use panelist::report::ResultsFile;
use proptest::prelude::*;

fn analysed(review: &Review, sheets: &[SheetInput]) -> (Results, Analysis) {
    let results = merged(review, sheets);
    let analysis = analysis::analyse(review, &results, Settings::default());
    (results, analysis)
}

fn offset(analysis: &Analysis, reviewer: &str) -> f64 {
    analysis
        .calibration
        .reviewer(reviewer)
        .and_then(|r| r.offset)
        .unwrap_or_else(|| panic!("{reviewer} has no offset: {:#?}", analysis.calibration))
}

fn check<'a>(analysis: &'a Analysis, region: &str) -> &'a analysis::RegionCheck {
    analysis
        .region(region)
        .unwrap_or_else(|| panic!("no check for {region}"))
}

/// The sheets with the swap's changes made to them.
fn with_swap(sheets: &[SheetInput], swap: &Swap) -> Vec<SheetInput> {
    let mut sheets = sheets.to_vec();
    for change in &swap.changes {
        let mark = sheets
            .iter_mut()
            .filter(|s| s.reviewer == change.reviewer)
            .find_map(|s| {
                s.sheet
                    .scores
                    .get_mut(&change.region)
                    .and_then(|m| m.get_mut(&change.criterion))
            })
            .unwrap_or_else(|| panic!("no mark for {change:?}"));
        assert_eq!(mark.points, change.from, "{change:?}");
        mark.points = change.to;
    }
    sheets
}

// ---------------------------------------------------------------------------
// A uniformly harsh reviewer
// ---------------------------------------------------------------------------

/// Quality of each (region, criterion): what three fair reviewers mark.
const QUALITY: [(&str, [f64; 3]); 3] = [
    ("north", [7.0, 7.0, 6.0]),
    ("south", [7.0, 6.5, 6.0]),
    ("east", [4.0, 5.0, 3.5]),
];

fn harsh_review() -> Review {
    ReviewBuilder::new()
        .category(
            "A",
            &[("a1", 10.0, 0.5), ("a2", 10.0, 0.5), ("a3", 10.0, 0.5)],
        )
        .regions(&["north", "south", "east"])
        .reviewers(&["fair1", "fair2", "fair3", "harsh"])
        .panel(
            "board",
            &["fair1", "fair2", "fair3", "harsh"],
            &["a1", "a2", "a3"],
            None,
        )
        .select(1)
        .build()
}

/// The fair reviewers mark the quality; `harsh` marks 1.5 below it, on
/// every region but those in `skip`.
fn harsh_sheets(skip: &[&str]) -> Vec<SheetInput> {
    let marks = |shift: f64, skip: &[&str]| {
        let mut s = sheet();
        for (region, quality) in QUALITY {
            if skip.contains(&region) {
                s = s.conflict(region);
                continue;
            }
            for (c, q) in ["a1", "a2", "a3"].iter().zip(quality) {
                s = s.mark(region, c, q + shift);
            }
        }
        s
    };
    vec![
        scored("board", "fair1", marks(0.0, &[])),
        scored("board", "fair2", marks(0.0, &[])),
        scored("board", "fair3", marks(0.0, &[])),
        scored("board", "harsh", marks(-1.5, skip)),
    ]
}

#[test]
fn a_uniformly_harsh_reviewer_is_found_with_their_exact_offset() {
    let review = harsh_review();
    let (_, analysis) = analysed(&review, &harsh_sheets(&[]));
    // 1.5 below the others, measured from the median reviewer (a fair one):
    // the harsh one reads -1.5, the fair ones 0, in line.
    assert_close(offset(&analysis, "harsh"), -1.5);
    for fair in ["fair1", "fair2", "fair3"] {
        assert_close(offset(&analysis, fair), 0.0);
        let reading = analysis
            .calibration
            .reviewer(fair)
            .map(panelist::analysis::ReviewerOffset::reading);
        assert_eq!(reading, Some(Reading::InLine), "{fair}");
    }
    let harsh = analysis.calibration.reviewer("harsh").expect("harsh");
    assert_eq!(harsh.shared_cells, 9);
    assert_eq!(harsh.co_reviewers, 3);
    assert!(
        harsh.standard_error.is_some_and(|se| se < 1e-6),
        "no noise: {harsh:?}"
    );
    assert_eq!(harsh.group, Some(1));
    assert_eq!(analysis.calibration.groups.len(), 1);
    // Everyone marked every region: calibrating moves every total alike.
    for region in ["north", "south", "east"] {
        let c = check(&analysis, region);
        assert_eq!(c.calibrated.map(|p| p.status), Some(c.status), "{region}");
    }
}

/// Eight reviewers on the same cells, one planted 1.5 harsh, all with some
/// noise: the harsh one reads about -1.5, harsh; the seven about 0, in line.
/// (Offsets centred on the group's mean read -1.31 and +0.19 each, and
/// called all seven lenient.)
#[test]
fn one_harsh_reviewer_among_eight_leaves_the_seven_in_line() {
    let names = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "harsh"];
    let regions = ["n1", "n2", "n3", "n4", "n5", "n6"];
    let review = ReviewBuilder::new()
        .category(
            "A",
            &[("a1", 10.0, 0.25), ("a2", 10.0, 0.25), ("a3", 10.0, 0.25)],
        )
        .regions(&regions)
        .reviewers(&names)
        .panel("board", &names, &["a1", "a2", "a3"], None)
        .select(2)
        .build();
    let sheets: Vec<SheetInput> = names
        .iter()
        .enumerate()
        .map(|(r, name)| {
            let shift = if *name == "harsh" { -1.5 } else { 0.0 };
            let mut s = sheet();
            for (g, region) in regions.iter().enumerate() {
                for (c, criterion) in ["a1", "a2", "a3"].iter().enumerate() {
                    // Noise of ±0.25 that sums to zero over each reviewer's marks.
                    let k = 3 * g + c;
                    let noise = if (k + r) % 2 == 0 { 0.25 } else { -0.25 };
                    let quality = 5.0 + g as f64 * 0.5 + c as f64;
                    s = s.mark(region, criterion, quality + shift + noise);
                }
            }
            scored("board", name, s)
        })
        .collect();
    let (_, analysis) = analysed(&review, &sheets);
    let harsh = analysis.calibration.reviewer("harsh").expect("harsh");
    assert!((offset(&analysis, "harsh") + 1.5).abs() < 0.1, "{harsh:?}");
    assert_eq!(harsh.reading(), Reading::Harsh);
    for name in &names[..7] {
        let reviewer = analysis.calibration.reviewer(name).expect("a reviewer");
        assert!(offset(&analysis, name).abs() < 0.1, "{reviewer:?}");
        assert!(
            reviewer.standard_error.is_some_and(|se| se > 0.0) || offset(&analysis, name) == 0.0
        );
        assert_eq!(reviewer.reading(), Reading::InLine, "{reviewer:?}");
    }
}

#[test]
fn a_harsh_reviewer_absent_from_one_region_is_corrected_by_calibration() {
    // harsh has a conflict on south: south misses their low marks and
    // edges out north (19.5 against 18.875); calibrated, north is ahead.
    let review = harsh_review();
    let sheets = harsh_sheets(&["south"]);
    let (results, analysis) = analysed(&review, &sheets);
    assert_eq!(region(&results, "south").status, Status::Selected);
    assert_eq!(region(&results, "north").status, Status::NotSelected);
    assert_close(
        offset(&analysis, "harsh") - offset(&analysis, "fair1"),
        -1.5,
    );
    assert_close(offset(&analysis, "fair1"), 0.0);
    // Calibrating uses the offsets centred on the group's mean mark
    // (weighted by marks, harsh 6, each fair 9: 27b + 6(b - 1.5) = 0), so
    // it moves no group as a whole: the calibrated totals show it.
    let fair_shift = 9.0 / 33.0;
    let calibrated = |region: &str| check(&analysis, region).calibrated.map(|p| p.total);
    let north_marks: f64 = QUALITY[0].1.iter().sum();
    assert_close(
        calibrated("north").unwrap_or(f64::NAN),
        north_marks - fair_shift * 3.0,
    );
    let north = check(&analysis, "north");
    let south = check(&analysis, "south");
    assert_eq!(north.calibrated.map(|p| p.status), Some(Status::Selected));
    assert_eq!(
        south.calibrated.map(|p| p.status),
        Some(Status::NotSelected)
    );
    // Without harsh the fair marks alone decide: north again.
    assert_eq!(north.hangs_on, ["harsh"]);
    assert_eq!(south.hangs_on, ["harsh"]);
    assert_eq!(north.verdict, Verdict::Fragile);
    assert_eq!(south.verdict, Verdict::Fragile);
    assert_eq!(check(&analysis, "east").verdict, Verdict::Solid);
}

// ---------------------------------------------------------------------------
// A selection that hangs on one reviewer
// ---------------------------------------------------------------------------

fn two_regions(aggregate: Aggregate) -> Review {
    ReviewBuilder::new()
        .category("A", &[("x", 10.0, 1.0)])
        .regions(&["alpha", "beta"])
        .reviewers(&["r1", "r2", "r3"])
        .panel("board", &["r1", "r2", "r3"], &["x"], None)
        .select(1)
        .aggregate(aggregate)
        .build()
}

#[test]
fn a_selection_that_flips_without_one_named_reviewer() {
    // alpha 19/3 against beta 17/3, thanks to r1's 9; without r1, beta leads.
    let review = two_regions(Aggregate::Mean);
    let sheets = vec![
        scored(
            "board",
            "r1",
            sheet().mark("alpha", "x", 9.0).mark("beta", "x", 5.0),
        ),
        scored(
            "board",
            "r2",
            sheet().mark("alpha", "x", 5.0).mark("beta", "x", 6.0),
        ),
        scored(
            "board",
            "r3",
            sheet().mark("alpha", "x", 5.0).mark("beta", "x", 6.0),
        ),
    ];
    let (results, analysis) = analysed(&review, &sheets);
    assert_eq!(region(&results, "alpha").status, Status::Selected);
    assert_eq!(analysis.reviewers_left_out, 3);
    assert_eq!(analysis.hinges.len(), 1, "{:#?}", analysis.hinges);
    let hinge = &analysis.hinges[0];
    assert_eq!(hinge.reviewer, "r1");
    assert_eq!(hinge.emptied, 0);
    let moves: Vec<(&str, Status, Status)> = hinge
        .changes
        .iter()
        .map(|c| (c.region.as_str(), c.from, c.to))
        .collect();
    assert_eq!(
        moves,
        [
            ("alpha", Status::Selected, Status::NotSelected),
            ("beta", Status::NotSelected, Status::Selected)
        ]
    );
    assert_eq!(check(&analysis, "alpha").hangs_on, ["r1"]);
    assert_eq!(check(&analysis, "beta").hangs_on, ["r1"]);
    assert_eq!(check(&analysis, "alpha").verdict, Verdict::Fragile);
    // Alpha leads exactly when r1 is drawn at least once of three draws:
    // 1 - (2/3)^3 = 19/27 of the rounds.
    let share = f64::from(check(&analysis, "alpha").selected) / f64::from(analysis.rounds);
    assert!((share - 19.0 / 27.0).abs() < 0.03, "{share}");
    // The median ignores r1's outlier: beta leads under it.
    let median = check(&analysis, "beta").by_aggregate[1];
    assert_eq!(median.aggregate, Aggregate::Median);
    assert_eq!(median.placing.status, Status::Selected);
    // The report names the reviewer and what would change.
    let report = panelist::report::markdown(
        &ResultsFile {
            results: results.clone(),
            analysis: Some(analysis.clone()),
            lottery: None,
        },
        &review,
        &[],
    );
    assert!(
        report.contains("- Without r1 (Reviewer r1): Beta would be selected instead of Alpha."),
        "{report}"
    );
    assert!(
        report.contains("its place hangs on r1 (Reviewer r1)"),
        "{report}"
    );
    assert!(
        report.contains("- Under Median: Beta would be selected instead of Alpha."),
        "{report}"
    );
}

// ---------------------------------------------------------------------------
// A landslide
// ---------------------------------------------------------------------------

#[test]
fn a_landslide_is_selected_in_every_resampling_round() {
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.5), ("a2", 10.0, 0.5)])
        .regions(&["a", "b", "c", "d"])
        .reviewers(&["r1", "r2", "r3", "r4", "r5"])
        .panel(
            "board",
            &["r1", "r2", "r3", "r4", "r5"],
            &["a1", "a2"],
            None,
        )
        .select(2)
        .build();
    let base = [("a", 9.0), ("b", 8.5), ("c", 4.0), ("d", 3.5)];
    let sheets: Vec<SheetInput> = (0..5)
        .map(|k| {
            let mut s = sheet();
            for (region, q) in base {
                // spread of ±1 between reviewers, never enough to cross
                let noise = [0.0, 0.5, -0.5, 1.0, -1.0][k];
                s = s.marks(region, &[("a1", q + noise), ("a2", q - noise)]);
            }
            scored("board", &format!("r{}", k + 1), s)
        })
        .collect();
    let (_, analysis) = analysed(&review, &sheets);
    assert_eq!(analysis.rounds, 2000);
    assert_eq!(analysis.same_selection, 2000);
    for (id, selected) in [("a", 2000), ("b", 2000), ("c", 0), ("d", 0)] {
        let c = check(&analysis, id);
        assert_eq!(c.selected, selected, "{id}");
        assert_eq!(c.tied, 0, "{id}");
        assert!(c.hangs_on.is_empty(), "{id}");
        assert_eq!(c.verdict, Verdict::Solid, "{id}");
    }
    assert!(analysis.hinges.is_empty());
    let cutoff = analysis.cutoff.as_ref().expect("a cutoff");
    assert_eq!(
        (cutoff.last_in.as_str(), cutoff.first_out.as_str()),
        ("b", "c")
    );
    assert_close(cutoff.margin, 9.0);
}

#[test]
fn a_draw_never_leaves_a_region_without_the_marks_only_one_reviewer_gave() {
    // r2 has a conflict on alpha: its marks are r1's alone. A round that
    // drew r2 twice would leave alpha without marks, scoring 0, and select
    // beta; such a draw is drawn again, so alpha is selected every time.
    let review = ReviewBuilder::new()
        .category("A", &[("x", 10.0, 1.0), ("y", 10.0, 1.0)])
        .regions(&["alpha", "beta"])
        .reviewers(&["r1", "r2"])
        .conflicts("r2", &["alpha"])
        .panel("board", &["r1", "r2"], &["x", "y"], None)
        .select(1)
        .build();
    let sheets = vec![
        scored(
            "board",
            "r1",
            sheet()
                .marks("alpha", &[("x", 9.0), ("y", 8.0)])
                .marks("beta", &[("x", 4.0), ("y", 4.0)]),
        ),
        scored(
            "board",
            "r2",
            sheet().marks("beta", &[("x", 5.0), ("y", 5.0)]),
        ),
    ];
    let (_, analysis) = analysed(&review, &sheets);
    let alpha = check(&analysis, "alpha");
    assert_eq!(alpha.selected, analysis.rounds, "{alpha:?}");
    assert_eq!((alpha.rank_low, alpha.rank_high), (1, 1));
    assert_eq!(analysis.same_selection, analysis.rounds);
}

// ---------------------------------------------------------------------------
// Thin overlap
// ---------------------------------------------------------------------------

#[test]
fn reviewers_who_share_no_cells_are_not_calibrated() {
    // Each reviewer alone on their own region: nobody to compare with.
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 1.0), ("a2", 10.0, 1.0)])
        .regions(&["a", "b", "c"])
        .reviewers(&["r1", "r2", "r3"])
        .panel("pa", &["r1"], &["a1", "a2"], Some(&["a"]))
        .panel("pb", &["r2"], &["a1", "a2"], Some(&["b"]))
        .panel("pc", &["r3"], &["a1", "a2"], Some(&["c"]))
        .select(1)
        .build();
    let sheets = vec![
        scored("pa", "r1", sheet().marks("a", &[("a1", 8.0), ("a2", 7.0)])),
        scored("pb", "r2", sheet().marks("b", &[("a1", 3.0), ("a2", 4.0)])),
        scored("pc", "r3", sheet().marks("c", &[("a1", 5.0), ("a2", 5.0)])),
    ];
    let (results, analysis) = analysed(&review, &sheets);
    assert!(!analysis.calibration.any());
    assert_eq!(
        analysis.calibration.why_none(),
        Some(Uncalibrated::FewSharedCells)
    );
    assert!(analysis.calibration.groups.is_empty());
    for r in &analysis.calibration.reviewers {
        assert_eq!(r.offset, None, "{r:?}");
        assert_eq!(r.thin, Some(Thin::SharedCells(0)), "{r:?}");
    }
    assert!(analysis.regions.iter().all(|c| c.calibrated.is_none()));
    let report = panelist::report::markdown(
        &ResultsFile {
            results: results.clone(),
            analysis: Some(analysis),
            lottery: None,
        },
        &review,
        &[],
    );
    assert!(
        report.contains("**Calibration is not possible with these panels**"),
        "{report}"
    );
    assert!(report.contains("not estimable: shares 0 cells"), "{report}");
}

#[test]
fn a_reviewer_on_too_few_shared_cells_or_in_a_pair_is_not_estimable() {
    // board: three reviewers on north, south, east (9 shared cells each).
    // visitor: one reviewer on north only (3 cells shared with board).
    // pair: two reviewers on west and far (6 cells, but only each other).
    let review = ReviewBuilder::new()
        .category(
            "A",
            &[("a1", 10.0, 1.0), ("a2", 10.0, 1.0), ("a3", 10.0, 1.0)],
        )
        .regions(&["north", "south", "east", "west", "far"])
        .reviewers(&["b1", "b2", "b3", "v1", "p1", "p2"])
        .panel(
            "board",
            &["b1", "b2", "b3"],
            &["a1", "a2", "a3"],
            Some(&["north", "south", "east"]),
        )
        .panel("visitor", &["v1"], &["a1", "a2", "a3"], Some(&["north"]))
        .panel(
            "pair",
            &["p1", "p2"],
            &["a1", "a2", "a3"],
            Some(&["west", "far"]),
        )
        .select(2)
        .build();
    let all = |regions: &[&str], shift: f64| {
        let mut s = sheet();
        for (k, region) in regions.iter().enumerate() {
            let q = 4.0 + k as f64;
            s = s.marks(region, &[("a1", q + shift), ("a2", q), ("a3", q - shift)]);
        }
        s
    };
    let sheets = vec![
        scored("board", "b1", all(&["north", "south", "east"], 1.0)),
        scored("board", "b2", all(&["north", "south", "east"], 0.0)),
        scored("board", "b3", all(&["north", "south", "east"], -1.0)),
        scored("visitor", "v1", all(&["north"], 2.0)),
        scored("pair", "p1", all(&["west", "far"], 1.0)),
        scored("pair", "p2", all(&["west", "far"], 0.0)),
    ];
    let (_, analysis) = analysed(&review, &sheets);
    let thin = |id: &str| analysis.calibration.reviewer(id).and_then(|r| r.thin);
    assert_eq!(thin("v1"), Some(Thin::SharedCells(3)));
    assert_eq!(thin("p1"), Some(Thin::Group(2)));
    assert_eq!(thin("p2"), Some(Thin::Group(2)));
    for id in ["b1", "b2", "b3"] {
        assert_eq!(thin(id), None, "{id}");
        offset(&analysis, id);
    }
    assert_eq!(analysis.calibration.groups.len(), 1);
    assert_eq!(analysis.calibration.groups[0].panels, ["board"]);
}

#[test]
fn two_reviewers_alone_are_never_called_harsh_or_lenient() {
    // One marks every cell a point below the other: which of them is the
    // harsh one cannot be told, however many cells they share.
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 0.5), ("a2", 10.0, 0.5)])
        .regions(&["north", "south", "east"])
        .reviewers(&["r1", "r2"])
        .panel("pair", &["r1", "r2"], &["a1", "a2"], None)
        .select(1)
        .build();
    let marks = |shift: f64| {
        sheet()
            .marks("north", &[("a1", 7.0 + shift), ("a2", 6.0 + shift)])
            .marks("south", &[("a1", 5.0 + shift), ("a2", 6.5 + shift)])
            .marks("east", &[("a1", 4.0 + shift), ("a2", 3.0 + shift)])
    };
    let sheets = vec![
        scored("pair", "r1", marks(0.0)),
        scored("pair", "r2", marks(-1.0)),
    ];
    let (results, analysis) = analysed(&review, &sheets);
    assert_eq!(
        analysis.calibration.why_none(),
        Some(Uncalibrated::SmallGroups)
    );
    for r in &analysis.calibration.reviewers {
        assert_eq!((r.offset, r.thin), (None, Some(Thin::Group(2))), "{r:?}");
        assert_eq!(r.shared_cells, 6);
    }
    let report = panelist::report::markdown(
        &ResultsFile {
            results: results.clone(),
            analysis: Some(analysis),
            lottery: None,
        },
        &review,
        &[],
    );
    assert!(report.contains("groups of fewer than 3"), "{report}");
    assert!(!report.contains("| harsh |"), "{report}");
}

// ---------------------------------------------------------------------------
// The closeness of the cutoff
// ---------------------------------------------------------------------------

#[test]
fn the_smallest_swap_at_a_knife_edge_is_worked_out_by_hand() {
    // alpha 6 from four 6s, beta 5 from four 5s: margin 1. Under Mean each
    // point of marks moves a total by 1/4; 4 points only level them (the
    // tie-break then has nothing to go on and they share the rank), so 5.
    let review = ReviewBuilder::new()
        .category("A", &[("x", 10.0, 1.0)])
        .regions(&["alpha", "beta"])
        .reviewers(&["r1", "r2", "r3", "r4"])
        .panel("board", &["r1", "r2", "r3", "r4"], &["x"], None)
        .select(1)
        .build();
    let sheets: Vec<SheetInput> = ["r1", "r2", "r3", "r4"]
        .iter()
        .map(|r| {
            scored(
                "board",
                r,
                sheet().mark("alpha", "x", 6.0).mark("beta", "x", 5.0),
            )
        })
        .collect();
    let (_, analysis) = analysed(&review, &sheets);
    let cutoff = analysis.cutoff.as_ref().expect("a cutoff");
    assert_close(cutoff.margin, 1.0);
    assert!(cutoff.exact);
    let smallest = cutoff.smallest.as_ref().expect("a swap");
    assert_close(smallest.points, 5.0);
    // One reviewer can do it alone, with the same 5 points.
    let fewest = cutoff.fewest_reviewers.as_ref().expect("fewest");
    assert_eq!(fewest.reviewers.len(), 1);
    assert_close(fewest.points, 5.0);
    // Made, the changes do swap them: merge says so.
    for swap in [smallest, fewest] {
        let after = merged(&review, &with_swap(&sheets, swap));
        assert_eq!(region(&after, "beta").status, Status::Selected, "{swap:?}");
        assert_eq!(region(&after, "alpha").status, Status::NotSelected);
    }
    // And 4 points would not have: the same changes less one step.
    let mut short = smallest.clone();
    let last = short.changes.last_mut().expect("a change");
    last.to += if last.to > last.from { -1.0 } else { 1.0 };
    let after = merged(&review, &with_swap(&sheets, &short));
    assert_ne!(region(&after, "beta").status, Status::Selected);
}

#[test]
fn a_knife_edge_on_half_points_hangs_on_one_reviewer_and_needs_a_step_past_level() {
    // y 18.5/3 against x 16/3, thanks to cy alone: a margin of 5/6. Each
    // half point moves a mean by 1/6, so 5 steps (2.5 points) only level
    // them (no tie-break: they share the rank, tied), and 6 (3 points) swap.
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
    let (results, analysis) = analysed(&review, &sheets);
    assert_eq!(results.regions[0].region, "y");
    assert_eq!(check(&analysis, "y").hangs_on, ["cy"]);
    assert_eq!(check(&analysis, "x").hangs_on, ["cy"]);
    let share = f64::from(check(&analysis, "y").selected) / f64::from(analysis.rounds);
    assert!(share > 0.2 && share < 0.9, "y in some rounds only: {share}");
    let cutoff = analysis.cutoff.as_ref().expect("a cutoff");
    assert_eq!(
        (cutoff.last_in.as_str(), cutoff.first_out.as_str()),
        ("y", "x")
    );
    assert_close(cutoff.margin, 2.5 / 3.0);
    assert!(cutoff.exact);
    let smallest = cutoff.smallest.as_ref().expect("a swap");
    assert_close(smallest.points, 3.0);
    let after = merged(&review, &with_swap(&sheets, smallest));
    assert_eq!(region(&after, "x").status, Status::Selected, "{smallest:?}");
}

#[test]
fn a_cutoff_decided_by_the_tie_break_needs_one_step() {
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 1.0)])
        .category("B", &[("b1", 10.0, 1.0)])
        .regions(&["alpha", "beta"])
        .reviewers(&["r1", "r2", "r3"])
        .panel("board", &["r1", "r2", "r3"], &["a1", "b1"], None)
        .select(1)
        .tie_break(&["B"])
        .build();
    let sheets: Vec<SheetInput> = ["r1", "r2", "r3"]
        .iter()
        .map(|r| {
            scored(
                "board",
                r,
                sheet()
                    .marks("alpha", &[("a1", 4.0), ("b1", 6.0)])
                    .marks("beta", &[("a1", 5.0), ("b1", 5.0)]),
            )
        })
        .collect();
    let (_, analysis) = analysed(&review, &sheets);
    let cutoff = analysis.cutoff.as_ref().expect("a cutoff");
    assert_close(cutoff.margin, 0.0);
    assert_eq!(cutoff.decided_by.as_deref(), Some("B"));
    let smallest = cutoff.smallest.as_ref().expect("a swap");
    assert_close(smallest.points, 1.0);
    assert_eq!(smallest.changes.len(), 1);
}

#[test]
fn under_the_median_the_swap_found_is_real() {
    // Median of five marks: alpha 6, beta 5.
    let review = ReviewBuilder::new()
        .category("A", &[("x", 10.0, 1.0), ("y", 10.0, 1.0)])
        .regions(&["alpha", "beta"])
        .reviewers(&["r1", "r2", "r3", "r4", "r5"])
        .panel("board", &["r1", "r2", "r3", "r4", "r5"], &["x", "y"], None)
        .select(1)
        .aggregate(Aggregate::Median)
        .build();
    let alpha = [4.0, 6.0, 6.0, 7.0, 9.0];
    let beta = [2.0, 5.0, 5.0, 6.0, 8.0];
    let sheets: Vec<SheetInput> = (0..5)
        .map(|k| {
            scored(
                "board",
                &format!("r{}", k + 1),
                sheet()
                    .marks("alpha", &[("x", alpha[k]), ("y", alpha[k])])
                    .marks("beta", &[("x", beta[k]), ("y", beta[k])]),
            )
        })
        .collect();
    let (_, analysis) = analysed(&review, &sheets);
    let cutoff = analysis.cutoff.as_ref().expect("a cutoff");
    assert_close(cutoff.margin, 2.0);
    assert!(!cutoff.exact);
    let smallest = cutoff.smallest.as_ref().expect("a swap");
    let after = merged(&review, &with_swap(&sheets, smallest));
    assert_eq!(region(&after, "beta").status, Status::Selected);
    // Moving the middle marks: beta's two 5s to 6 and 7 (or alpha's
    // down) take at least 3 points; the search must not do much worse.
    assert!(smallest.points <= 4.0 + 1e-9, "{smallest:#?}");
}

#[test]
fn no_cutoff_to_be_close_to_when_every_eligible_region_is_selected() {
    let review = two_regions(Aggregate::Mean);
    let review = Review {
        committee: panelist::model::Committee {
            select: Some(2),
            ..review.committee
        },
        ..review
    };
    let sheets = vec![scored(
        "board",
        "r1",
        sheet().mark("alpha", "x", 9.0).mark("beta", "x", 5.0),
    )];
    let (_, analysis) = analysed(&review, &sheets);
    assert!(analysis.cutoff.is_none());
}

// ---------------------------------------------------------------------------
// The sample review
// ---------------------------------------------------------------------------

#[test]
fn the_sample_selection_is_solid_and_its_cutoff_is_far() {
    let dir = sample_dir();
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("review.ron");
    let review: Review = ron::from_str(&text).expect("the sample review parses");
    let mut sheets = Vec::new();
    for entry in std::fs::read_dir(dir.join("scores")).expect("scores/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let file = read_panel_file(&path);
        for (reviewer, sheet) in file.sheets.0 {
            sheets.push(SheetInput {
                origin: path.clone(),
                panel: file.panel.clone(),
                reviewer,
                sheet,
            });
        }
    }
    let results = merged(&review, &sheets);
    let analysis = &analysis::analyse(&review, &results, Settings::default());
    assert_eq!(analysis.same_selection, analysis.rounds);
    assert!(analysis.hinges.is_empty());
    assert!(
        analysis.regions.iter().all(|r| r.verdict == Verdict::Solid),
        "{:#?}",
        analysis.regions
    );
    let cutoff = analysis.cutoff.as_ref().expect("a cutoff");
    assert_eq!(
        (cutoff.last_in.as_str(), cutoff.first_out.as_str()),
        ("sapporo", "hiroshima")
    );
    // 4.81 points of total, at 1/10 of a point per point of a technology
    // mark: at least 48.1 points of marks, 48.5 on the 0.5 grid.
    assert_close(cutoff.smallest.as_ref().expect("a swap").points, 48.5);
    // Two groups: the committee, and the technology experts joined by the
    // regions two teams share.
    assert_eq!(analysis.calibration.groups.len(), 2);
    assert_eq!(analysis.calibration.groups[0].panels, ["committee"]);
    assert_eq!(analysis.calibration.groups[1].reviewers.len(), 34);
    let morita = analysis.calibration.reviewer("morita").expect("morita");
    assert!(morita.offset.is_some_and(|b| b < -0.5), "{morita:?}");
}

// ---------------------------------------------------------------------------
// Through the command line
// ---------------------------------------------------------------------------

#[test]
fn merge_writes_the_analysis_beside_the_results_and_prints_its_table() {
    let review = harsh_review();
    let dir = ReviewDir::new(review.clone());
    let sheets: Vec<(&str, SheetBuilder)> = Vec::new();
    dir.write_panel("board", sheets);
    // Every sheet through the panel file, harsh with a conflict on south.
    let mut file = dir.read_panel("board");
    for input in harsh_sheets(&["south"]) {
        file.sheets.0.insert(input.reviewer.clone(), input.sheet);
    }
    write_ron(&dir.panel_path("board"), &file);
    let out = dir.beside("out");
    let result = run(["merge", &arg(&dir.path()), "--out", &arg(&out)]);
    result
        .assert_code(0)
        .assert_stdout_has("How solid is the selection? 2500 resampling rounds (seed 1)")
        .assert_stdout_has("FRAGILE")
        .assert_stdout_has("harsh");
    let text = std::fs::read_to_string(out.join("results.ron")).expect("results.ron");
    let written = ResultsFile::from_ron(&text).expect("results.ron reads back");
    let analysis = written.analysis.clone().expect("an analysis section");
    // The analysis needs the marks, which results.ron does not copy.
    let results = crate::common::merged_in_memory(&dir.path());
    assert_eq!(
        written.results,
        crate::common::without_marks(results.clone())
    );
    assert_eq!(
        analysis,
        analysis::analyse(&review, &results, Settings::default()),
        "the analysis of the results written"
    );
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(
        report.contains("## How solid is the selection?"),
        "{report}"
    );
    assert!(
        report.contains(
            "- Without harsh (Reviewer harsh): North would be selected instead of South."
        ),
        "{report}"
    );
    assert!(
        report.contains("| harsh (Reviewer harsh) | 1 | 6 | 6 | -1.50 |"),
        "{report}"
    );

    // Another seed moves the resampling only; --no-analysis leaves it out.
    let seeded = dir.beside("seeded");
    run([
        "merge",
        &arg(&dir.path()),
        "--out",
        &arg(&seeded),
        "--seed",
        "99",
        "--rounds",
        "300",
    ])
    .assert_code(0);
    let text = std::fs::read_to_string(seeded.join("results.ron")).expect("results.ron");
    let other = ResultsFile::from_ron(&text)
        .expect("reads")
        .analysis
        .expect("analysed");
    assert_eq!((other.rounds, other.seed), (300, 99));
    assert_eq!(other.calibration, analysis.calibration);
    assert_eq!(other.hinges, analysis.hinges);
    let bare = dir.beside("bare");
    let result = run([
        "merge",
        &arg(&dir.path()),
        "--out",
        &arg(&bare),
        "--no-analysis",
    ]);
    result.assert_code(0);
    assert!(!result.stdout.contains("How solid"), "{}", result.stdout);
    let text = std::fs::read_to_string(bare.join("results.ron")).expect("results.ron");
    assert!(!text.contains("analysis"), "{text}");
    let report = std::fs::read_to_string(bare.join("report.md")).expect("report.md");
    assert!(!report.contains("How solid"), "{report}");
}

#[test]
fn merge_writes_the_same_bytes_on_one_thread_or_many() {
    // The bootstrap runs its rounds on every core; counts add up and ranks
    // are sorted, so the thread count changes nothing, to the byte.
    let sample = Sample::new();
    let mut written = Vec::new();
    for (threads, out) in [("1", "one"), ("3", "three"), ("3", "again")] {
        let out = sample.beside(out);
        let status = panelist_std()
            .env("RAYON_NUM_THREADS", threads)
            .args(["merge", &arg(&sample.path()), "--out", &arg(&out)])
            .output()
            .expect("run panelist");
        assert!(status.status.success(), "{status:?}");
        let read = |name: &str| std::fs::read(out.join(name)).expect("an output");
        // The table printed, without the line naming where it was written.
        let stdout = String::from_utf8_lossy(&status.stdout).into_owned();
        let table = stdout.split("\nwrote ").next().map(str::to_string);
        written.push((read("results.ron"), read("report.md"), table));
    }
    let ron = String::from_utf8_lossy(&written[0].0).into_owned();
    assert!(
        ron.contains("analysis:Analysis("),
        "the analysis is on by default"
    );
    assert!(written.windows(2).all(|w| w[0] == w[1]), "same bytes");
}

#[test]
fn results_written_before_the_analysis_still_read() {
    let results = merged(&harsh_review(), &harsh_sheets(&[]));
    let text =
        ron::ser::to_string_pretty(&results, ron::ser::PrettyConfig::default()).expect("serialise");
    assert!(!text.contains("analysis"));
    let read = ResultsFile::from_ron(&text).expect("reads without an analysis section");
    assert_eq!(read.analysis, None);
    // Read as results.ron is read now: without the marks it copied.
    assert_eq!(read.results, crate::common::without_marks(results));
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// A board of reviewers on every region and three criteria (max 10, step
/// 0.5), each marking `quality + offset` on the cells they mark.
#[derive(Debug, Clone)]
struct Planted {
    regions: usize,
    /// In half points, per region × criterion: 2..=14.
    quality: Vec<u32>,
    /// In half points, per reviewer: -2..=2.
    offsets: Vec<i32>,
    /// Per reviewer × region × criterion: whether they marked it.
    marked: Vec<bool>,
    /// Per reviewer × region × criterion: noise in half points.
    noise: Vec<i32>,
}

impl Planted {
    fn reviewers(&self) -> usize {
        self.offsets.len()
    }

    fn build(&self, noisy: bool, zero_offsets: bool) -> (Review, Vec<SheetInput>) {
        let ids: Vec<String> = (0..self.regions).map(|r| format!("g{r}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let names: Vec<String> = (0..self.reviewers()).map(|i| format!("r{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let review = ReviewBuilder::new()
            .category("A", &[("a1", 10.0, 0.5), ("a2", 10.0, 0.5)])
            .category("B", &[("b1", 10.0, 0.5)])
            .regions(&ids)
            .reviewers(&names)
            .panel("board", &names, &["a1", "a2", "b1"], None)
            .select(2)
            .build();
        let mut sheets = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let mut s = sheet();
            for (r, region) in ids.iter().enumerate() {
                for (c, criterion) in ["a1", "a2", "b1"].iter().enumerate() {
                    let k = (i * self.regions + r) * 3 + c;
                    if !self.marked[k] {
                        continue;
                    }
                    let offset = if zero_offsets { 0 } else { self.offsets[i] };
                    let noise = if noisy { self.noise[k] } else { 0 };
                    let half = self.quality[r * 3 + c] as i32 + offset + noise;
                    s = s.mark(region, criterion, f64::from(half.clamp(0, 20)) * 0.5);
                }
            }
            sheets.push(scored("board", name, s));
        }
        (review, sheets)
    }
}

fn planted() -> impl Strategy<Value = Planted> {
    (2usize..=5, 3usize..=6).prop_flat_map(|(regions, reviewers)| {
        let cells = regions * 3;
        (
            prop::collection::vec(2u32..=14, cells),
            prop::collection::vec(-2i32..=2, reviewers),
            prop::collection::vec(prop::bool::weighted(0.85), reviewers * cells),
            prop::collection::vec(-2i32..=2, reviewers * cells),
        )
            .prop_map(move |(quality, offsets, marked, noise)| Planted {
                regions,
                quality,
                offsets,
                marked,
                noise,
            })
    })
}

const QUICK: Settings = Settings {
    rounds: Some(60),
    seed: 7,
    min_shared_cells: 5,
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_analysis_is_deterministic(case in planted()) {
        let (review, sheets) = case.build(true, false);
        let results = merged(&review, &sheets);
        let first = analysis::analyse(&review, &results, QUICK);
        let second = analysis::analyse(&review, &results, QUICK);
        prop_assert_eq!(&first, &second);
        // The seed moves only the resampling.
        let other = analysis::analyse(&review, &results, Settings { seed: 8, ..QUICK });
        prop_assert_eq!(&first.calibration, &other.calibration);
        prop_assert_eq!(&first.hinges, &other.hinges);
        prop_assert_eq!(&first.cutoff, &other.cutoff);
    }

    #[test]
    fn marks_without_offsets_calibrate_to_zero_offsets(case in planted()) {
        let (review, sheets) = case.build(false, true);
        let results = merged(&review, &sheets);
        let analysis = analysis::analyse(&review, &results, QUICK);
        for r in &analysis.calibration.reviewers {
            if let Some(b) = r.offset {
                prop_assert!(b.abs() < 1e-9, "{:?}", r);
            }
        }
    }

    #[test]
    fn planted_offsets_are_recovered_between_calibrated_reviewers(case in planted()) {
        // Without noise, and where no mark was clamped at 0 or 10, the
        // difference of two reviewers' offsets is the planted difference.
        let (review, sheets) = case.build(false, false);
        let results = merged(&review, &sheets);
        let analysis = analysis::analyse(&review, &results, QUICK);
        let fitted: Vec<(usize, f64, Option<u32>)> = (0..case.reviewers())
            .filter_map(|i| {
                let r = analysis.calibration.reviewer(&format!("r{i}"))?;
                Some((i, r.offset?, r.group))
            })
            .collect();
        for &(i, bi, gi) in &fitted {
            for &(j, bj, gj) in &fitted {
                if gi != gj {
                    continue;
                }
                let planted = f64::from(case.offsets[i] - case.offsets[j]) * 0.5;
                prop_assert!(
                    ((bi - bj) - planted).abs() < 1e-9,
                    "r{} - r{}: {} against {}", i, j, bi - bj, planted
                );
            }
        }
    }

    #[test]
    fn every_swap_found_is_real(case in planted()) {
        let (review, sheets) = case.build(true, false);
        let results = merged(&review, &sheets);
        let analysis = analysis::analyse(&review, &results, QUICK);
        if let Some(cutoff) = &analysis.cutoff {
            // The region out now ranks ahead of the region in, which drops
            // out; the one out comes in, or ties for the place with another
            // region it was level with.
            for swap in cutoff.smallest.iter().chain(cutoff.fewest_reviewers.iter()) {
                let after = merged(&review, &with_swap(&sheets, swap));
                let (first, last) = (region(&after, &cutoff.first_out), region(&after, &cutoff.last_in));
                prop_assert!(first.rank < last.rank, "{:?}", swap);
                prop_assert!(matches!(first.status, Status::Selected | Status::Tied));
                prop_assert_ne!(last.status, Status::Selected);
            }
        }
    }
}

#[test]
fn a_large_review_is_analysed_by_default_with_rounds_chosen_by_precision() {
    // 2,000 regions: about 105,000 counting marks, above the 100,000 that
    // were once the most analysed by default.
    let shape = panelist::synthetic::Shape::new(2000, 7);
    let synthetic = panelist::synthetic::generate(&shape);
    let dir = tempfile::tempdir().expect("a temporary directory");
    synthetic.write(dir.path()).expect("write the review");
    let out = dir.path().join("out");
    let result = run(["merge", &arg(dir.path()), "--out", &arg(&out)]);
    result.assert_code(0).assert_stdout_has("How solid");
    assert!(!result.stderr.contains("not analysed"), "{}", result.stderr);
    let text = std::fs::read_to_string(out.join("results.ron")).expect("results.ron");
    let written = ResultsFile::from_ron(&text).expect("results.ron reads back");
    let marks: u32 = written.results.regions.iter().map(|r| r.marks).sum();
    assert!(marks > 100_000, "{marks} counting marks");
    let analysis = written.analysis.expect("analysed by default");
    assert!(
        (analysis::MIN_ROUNDS..=analysis::MAX_ROUNDS).contains(&analysis.rounds),
        "{} rounds",
        analysis.rounds
    );
    assert!(analysis::precise(analysis.standard_error()));
    assert!(
        analysis.standard_error() > 0.0,
        "some region is contested at this size"
    );
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(
        report.contains(&format!(
            "The largest standard error of a region's share of rounds is {:.1} percentage points",
            100.0 * analysis.standard_error()
        )),
        "{report}"
    );

    // --rounds forces a number; --analysis, the default now, is still read.
    let asked = dir.path().join("asked");
    let result = run([
        "merge",
        &arg(dir.path()),
        "--out",
        &arg(&asked),
        "--analysis",
        "--rounds",
        "20",
    ]);
    result
        .assert_code(0)
        .assert_stdout_has("How solid is the selection? 20 resampling rounds");
    let text = std::fs::read_to_string(asked.join("results.ron")).expect("results.ron");
    let written = ResultsFile::from_ron(&text).expect("results.ron reads back");
    assert_eq!(written.analysis.map(|a| a.rounds), Some(20));

    // --no-analysis leaves it out.
    let none = dir.path().join("none");
    run([
        "merge",
        &arg(dir.path()),
        "--out",
        &arg(&none),
        "--no-analysis",
    ])
    .assert_code(0);
    let text = std::fs::read_to_string(none.join("results.ron")).expect("results.ron");
    assert!(
        ResultsFile::from_ron(&text)
            .expect("reads")
            .analysis
            .is_none()
    );

    // --analysis and --no-analysis together are a usage error.
    run([
        "merge",
        &arg(dir.path()),
        "--out",
        &arg(&out),
        "--analysis",
        "--no-analysis",
    ])
    .assert_code(2);
}
