//! Properties of the merge (STYLE.md, "Tests that would catch a real bug"),
//! over random reviews and sheets: the order of files and sheets never
//! matters, a conflicted reviewer's marks never matter, aggregates lie
//! between the marks, a reviewer agreeing with the mean doesn't move it,
//! totals add up, ranks and statuses are consistent; and a panel file
//! survives a round trip through panelist's RON writer.

use crate::common::*;
use panelist::merge::{self, MergeOptions, Results, SheetInput, Status};
use panelist::model::{Aggregate, Mark, PanelFile, Review, Sheet, UniqueMap};
use proptest::prelude::*;
use proptest::sample::Index;

// ---------------------------------------------------------------------------
// Random reviews and sheets
// ---------------------------------------------------------------------------

/// Criteria of the random reviews: (id, category, max, step).
const CRITERIA: [(&str, &str, f64, f64); 3] = [
    ("a1", "A", 5.0, 0.5),
    ("a2", "A", 10.0, 1.0),
    ("b1", "B", 4.0, 0.25),
];

/// Panel members: `board` (p0–p3) scores a1 and a2 for every region; `tech`
/// (p3–p5) scores b1 for some regions. p3 sits on both.
const SLOTS: [(&str, &str); 7] = [
    ("board", "p0"),
    ("board", "p1"),
    ("board", "p2"),
    ("board", "p3"),
    ("tech", "p3"),
    ("tech", "p4"),
    ("tech", "p5"),
];

const TIMES: [&str; 4] = [
    "2007-06-01T10:00:00Z",
    "2007-06-02T10:00:00Z",
    "2007-06-03T10:00:00Z",
    "2007-06-04T10:00:00Z",
];

#[derive(Debug, Clone)]
struct SheetSpec {
    submitted: bool,
    updated: usize,
    /// Per (region, criterion of CRITERIA): grid steps, if marked.
    marks: Vec<Option<u32>>,
    conflicts: Vec<bool>,
}

#[derive(Debug, Clone)]
enum Copy {
    None,
    /// The same sheet again from another file.
    Identical,
    /// Another version from another file, updated later.
    Newer(SheetSpec),
}

#[derive(Debug, Clone)]
struct Case {
    review: Review,
    sheets: Vec<SheetInput>,
}

fn sheet_spec(regions: usize) -> impl Strategy<Value = SheetSpec> {
    (
        prop::bool::weighted(0.8),
        0..3usize,
        prop::collection::vec(prop::option::weighted(0.8, 0..=8u32), regions * 3),
        prop::collection::vec(prop::bool::weighted(0.1), regions),
    )
        .prop_map(|(submitted, updated, marks, conflicts)| SheetSpec {
            submitted,
            updated,
            marks,
            conflicts,
        })
}

fn copy_spec(regions: usize) -> impl Strategy<Value = Copy> {
    prop_oneof![
        6 => Just(Copy::None),
        1 => Just(Copy::Identical),
        1 => sheet_spec(regions).prop_map(Copy::Newer),
    ]
}

/// `tech[r]`: whether the tech panel covers region r.
fn build_sheet(spec: &SheetSpec, panel: &str, tech: &[bool], updated: &str) -> Sheet {
    let mut s = sheet().updated(updated);
    if !spec.submitted {
        s = s.draft();
    }
    for (r, &on_tech) in tech.iter().enumerate() {
        for (c, &(criterion, _, max, step)) in CRITERIA.iter().enumerate() {
            let covered = if panel == "board" {
                criterion != "b1"
            } else {
                criterion == "b1" && on_tech
            };
            if let (true, Some(k)) = (covered, spec.marks[r * 3 + c]) {
                let points = (f64::from(k) * step).min(max);
                s = s.mark(&format!("r{r}"), criterion, points);
            }
        }
        if spec.conflicts[r] {
            s = s.conflict(&format!("r{r}"));
        }
    }
    s.build()
}

#[allow(clippy::too_many_arguments)]
fn build_case(
    regions: usize,
    tech_regions: Vec<bool>,
    review_conflicts: Vec<Vec<bool>>,
    select: u32,
    aggregate: Aggregate,
    tie_break: Vec<&'static str>,
    min_total: Option<u32>,
    disagreement: f64,
    sheets: Vec<Option<(SheetSpec, Copy)>>,
) -> Case {
    let ids: Vec<String> = (0..regions).map(|r| format!("r{r}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let tech: Vec<&str> = ids
        .iter()
        .zip(&tech_regions)
        .filter(|(_, on)| **on)
        .map(|(id, _)| *id)
        .collect();
    let mut builder = ReviewBuilder::new()
        .category("A", &[("a1", 5.0, 0.5), ("a2", 10.0, 1.0)])
        .category("B", &[("b1", 4.0, 0.25)])
        .regions(&ids)
        .reviewers(&["p0", "p1", "p2", "p3", "p4", "p5"])
        .panel("board", &["p0", "p1", "p2", "p3"], &["a1", "a2"], None)
        .panel("tech", &["p3", "p4", "p5"], &["b1"], Some(&tech))
        .select(select)
        .aggregate(aggregate)
        .tie_break(&tie_break)
        .min_total(min_total.map(|m| f64::from(m) * 0.5))
        .disagreement(disagreement);
    for (p, conflicts) in review_conflicts.iter().enumerate() {
        let on: Vec<&str> = ids
            .iter()
            .zip(conflicts)
            .filter(|(_, c)| **c)
            .map(|(id, _)| *id)
            .collect();
        builder = builder.conflicts(&format!("p{p}"), &on);
    }
    let review = builder.build();
    let mut inputs = Vec::new();
    for ((panel, reviewer), spec) in SLOTS.iter().zip(sheets) {
        let Some((spec, copy)) = spec else { continue };
        let origin = format!("scores/{panel}.ron");
        let first = build_sheet(&spec, panel, &tech_regions, TIMES[spec.updated]);
        let mail = format!("mail/{panel}-{reviewer}.ron");
        let second = match copy {
            Copy::None => None,
            Copy::Identical => Some(first.clone()),
            // strictly later than the first copy, so never an equal-time conflict
            Copy::Newer(newer) => Some(build_sheet(&newer, panel, &tech_regions, TIMES[3])),
        };
        let input = |origin: &str, sheet: Sheet| SheetInput {
            origin: origin.into(),
            panel: panel.to_string(),
            reviewer: reviewer.to_string(),
            sheet,
        };
        inputs.push(input(&origin, first));
        if let Some(second) = second {
            inputs.push(input(&mail, second));
        }
    }
    Case {
        review,
        sheets: inputs,
    }
}

fn case() -> impl Strategy<Value = Case> {
    (2usize..=6).prop_flat_map(|regions| {
        (
            prop::collection::vec(any::<bool>(), regions),
            prop::collection::vec(prop::collection::vec(prop::bool::weighted(0.1), regions), 6),
            0..=(regions as u32 + 1),
            prop_oneof![
                Just(Aggregate::Mean),
                Just(Aggregate::Median),
                Just(Aggregate::TrimmedMean)
            ],
            prop_oneof![
                Just(vec![]),
                Just(vec!["A"]),
                Just(vec!["B", "A"]),
                Just(vec!["A", "B"])
            ],
            prop::option::weighted(0.4, 0..40u32),
            prop_oneof![Just(0.0), Just(0.1), Just(0.25), Just(0.4), Just(1.0)],
            prop::collection::vec(
                prop::option::weighted(0.85, (sheet_spec(regions), copy_spec(regions))),
                SLOTS.len(),
            ),
        )
            .prop_map(
                move |(
                    tech,
                    conflicts,
                    select,
                    aggregate,
                    tie_break,
                    min,
                    disagreement,
                    sheets,
                )| {
                    build_case(
                        regions,
                        tech,
                        conflicts,
                        select,
                        aggregate,
                        tie_break,
                        min,
                        disagreement,
                        sheets,
                    )
                },
            )
    })
}

fn run_merge(review: &Review, sheets: &[SheetInput], include_drafts: bool) -> Results {
    merge::merge(review, sheets, MergeOptions { include_drafts })
        .unwrap_or_else(|e| panic!("a valid case must merge: {e:#?}"))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// Neither the order of the files nor the order of the sheets in them
    /// changes anything in the results, warnings included.
    #[test]
    fn order_of_files_and_sheets_never_matters(
        (case, shuffled) in case().prop_flat_map(|case| {
            let sheets = case.sheets.clone();
            (Just(case), Just(sheets).prop_shuffle())
        }),
        include_drafts in any::<bool>(),
    ) {
        let a = run_merge(&case.review, &case.sheets, include_drafts);
        let b = run_merge(&case.review, &shuffled, include_drafts);
        prop_assert_eq!(a, b);
    }

    /// Marks of a reviewer for a region they are conflicted on, in review.ron
    /// or in a counting sheet of any of their panels, never change a region's
    /// results: whatever they are, or if they are not there at all.
    #[test]
    fn a_conflicted_reviewers_marks_never_matter(
        case in case(),
        reviewer in 0..6usize,
        region in any::<Index>(),
        declared_in_sheet in any::<bool>(),
        new_points in prop::collection::vec(0..=8u32, 3),
    ) {
        let mut review = case.review.clone();
        let mut sheets = case.sheets.clone();
        let reviewer = format!("p{reviewer}");
        let region = review.regions[region.index(review.regions.len())].id.clone();
        if declared_in_sheet {
            // declared in the sheets of the reviewer's first panel only
            let panel = review.panels_of(&reviewer).next().unwrap().id.clone();
            let mut has_sheet = false;
            for input in sheets.iter_mut().filter(|s| s.reviewer == reviewer && s.panel == panel) {
                input.sheet.conflicts.push(region.clone());
                has_sheet = true;
            }
            if !has_sheet {
                sheets.push(SheetInput {
                    origin: format!("scores/{panel}.ron").into(),
                    panel,
                    reviewer: reviewer.clone(),
                    sheet: sheet().conflict(&region).build(),
                });
            }
        } else {
            let r = review.reviewers.iter_mut().find(|r| r.id == reviewer).unwrap();
            r.conflicts.push(region.clone());
        }
        // With drafts included every sheet counts, and so do their conflicts.
        let before = run_merge(&review, &sheets, true);

        let mut changed = sheets.clone();
        for input in changed.iter_mut().filter(|s| s.reviewer == reviewer) {
            let panel = review.panel(&input.panel).unwrap();
            if !panel.covers_region(&region) {
                continue;
            }
            let marks = input.sheet.scores.entry(region.clone()).or_default();
            for (c, &(criterion, _, max, step)) in CRITERIA.iter().enumerate() {
                if panel.covers_criterion(criterion) {
                    let points = (f64::from(new_points[c]) * step).min(max);
                    marks.insert(criterion.into(), Mark::new(points, String::new()));
                }
            }
        }
        let after = run_merge(&review, &changed, true);
        prop_assert_eq!(&before.regions, &after.regions);

        let mut removed = sheets.clone();
        for input in removed.iter_mut().filter(|s| s.reviewer == reviewer) {
            input.sheet.scores.remove(&region);
        }
        let without = run_merge(&review, &removed, true);
        prop_assert_eq!(&before.regions, &without.regions);
    }

    /// Each aggregate lies between the least and the greatest of its marks;
    /// min, max and the number of marks describe the counting marks; a
    /// criterion is missing exactly when it has no marks.
    #[test]
    fn aggregates_lie_between_their_marks(case in case(), include_drafts in any::<bool>()) {
        let results = run_merge(&case.review, &case.sheets, include_drafts);
        for region in &results.regions {
            let mut marks = 0;
            for c in &region.criteria {
                let points: Vec<f64> = c.scores.iter().map(|s| s.points).collect();
                prop_assert_eq!(c.marks as usize, points.len());
                marks += c.marks;
                match c.aggregate {
                    None => {
                        prop_assert!(points.is_empty());
                        prop_assert_eq!((c.min, c.max), (None, None));
                    }
                    Some(aggregate) => {
                        let lo = points.iter().copied().fold(f64::INFINITY, f64::min);
                        let hi = points.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                        prop_assert_eq!((c.min, c.max), (Some(lo), Some(hi)));
                        prop_assert!(lo - 1e-9 <= aggregate && aggregate <= hi + 1e-9,
                            "{} of {:?} is {}", results.rules.aggregate, points, aggregate);
                    }
                }
            }
            prop_assert_eq!(region.marks, marks);
            let incomplete = region.criteria.iter().any(|c| c.aggregate.is_none());
            prop_assert_eq!(region.flags.first().map(String::as_str) == Some("incomplete"), incomplete);
        }
    }

    /// Totals are the sum of the subtotals, and subtotals the sum of their
    /// criteria's aggregates, within 1e-9.
    #[test]
    fn totals_are_the_sum_of_subtotals(case in case()) {
        let results = run_merge(&case.review, &case.sheets, false);
        for region in &results.regions {
            let sum: f64 = region.subtotals.iter().map(|s| s.points).sum();
            prop_assert!((region.total - sum).abs() <= 1e-9, "{} vs {}", region.total, sum);
            for subtotal in &region.subtotals {
                let sum: f64 = region
                    .criteria
                    .iter()
                    .filter(|c| c.category == subtotal.category)
                    .filter_map(|c| c.aggregate)
                    .sum();
                prop_assert!((subtotal.points - sum).abs() <= 1e-9);
                prop_assert!(subtotal.points >= 0.0 && !subtotal.points.is_sign_negative());
            }
        }
    }

    /// Ranks don't decrease; a region shares the rank above only when it is
    /// ex aequo with it, otherwise its rank is its place; statuses follow
    /// `select` and `min_total`.
    #[test]
    fn ranks_and_statuses_are_consistent(case in case(), include_drafts in any::<bool>()) {
        let results = run_merge(&case.review, &case.sheets, include_drafts);
        let committee = &case.review.committee;
        let regions = &results.regions;
        prop_assert_eq!(regions.len(), case.review.regions.len());
        let key = |i: usize| -> Vec<f64> {
            let r = &regions[i];
            std::iter::once(r.total)
                .chain(committee.tie_break.iter().map(|id| {
                    r.subtotals.iter().find(|s| &s.category == id).unwrap().points
                }))
                .collect()
        };
        for i in 0..regions.len() {
            if i == 0 {
                prop_assert_eq!(regions[0].rank, 1);
                continue;
            }
            let (above, here) = (key(i - 1), key(i));
            let first_unequal = above.iter().zip(&here).find(|(a, b)| (*a - *b).abs() > 1e-9);
            match first_unequal {
                None => {
                    prop_assert_eq!(regions[i].rank, regions[i - 1].rank);
                    prop_assert!(regions[i - 1].region < regions[i].region, "ex aequo by id");
                }
                Some((a, b)) => {
                    prop_assert!(a > b, "higher first: {:?} then {:?}", above, here);
                    prop_assert_eq!(regions[i].rank as usize, i + 1);
                }
            }
        }
        let below = |total: f64| committee.min_total.is_some_and(|m| total < m - 1e-9);
        let mut seen = Vec::new();
        for r in regions {
            prop_assert_eq!(r.status == Status::BelowThreshold, below(r.total));
            if r.status != Status::BelowThreshold {
                seen.push(r);
            }
        }
        let select = committee.places() as usize;
        let count = |status| seen.iter().filter(|r| r.status == status).count();
        let (selected, tied) = (count(Status::Selected), count(Status::Tied));
        if tied == 0 {
            prop_assert_eq!(selected, select.min(seen.len()));
        } else {
            prop_assert!(selected < select && select < selected + tied);
            let ranks: Vec<u32> = seen.iter().filter(|r| r.status == Status::Tied).map(|r| r.rank).collect();
            prop_assert!(ranks.iter().all(|&rank| rank == ranks[0]), "one tied group");
        }
        // in rank order: Selected, then Tied, then NotSelected
        let order = |s: Status| match s {
            Status::Selected => 0,
            Status::Tied => 1,
            _ => 2,
        };
        prop_assert!(seen.windows(2).all(|w| order(w[0].status) <= order(w[1].status)));
    }
}

// ---------------------------------------------------------------------------
// A reviewer who agrees with the mean (or the median) doesn't move it
// ---------------------------------------------------------------------------

/// One criterion with max 10 and step 1/120, so that the mean (and median)
/// of up to 6 marks on halves is itself on the grid.
fn agreeing_review(aggregate: Aggregate) -> Review {
    ReviewBuilder::new()
        .category("A", &[("a1", 10.0, 1.0 / 120.0)])
        .regions(&["r"])
        .reviewers(&["p0", "p1", "p2", "p3", "p4", "p5", "p6"])
        .panel(
            "board",
            &["p0", "p1", "p2", "p3", "p4", "p5", "p6"],
            &["a1"],
            None,
        )
        .aggregate(aggregate)
        .build()
}

fn aggregate_with(review: &Review, points: &[f64]) -> f64 {
    let sheets: Vec<SheetInput> = points
        .iter()
        .enumerate()
        .map(|(i, &p)| scored("board", &format!("p{i}"), sheet().mark("r", "a1", p)))
        .collect();
    let results = merged(review, &sheets);
    criterion(&results, "r", "a1").aggregate.unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_reviewer_agreeing_with_the_mean_does_not_move_it(
        halves in prop::collection::vec(0..=20u32, 1..=6),
        median in any::<bool>(),
    ) {
        let aggregate = if median { Aggregate::Median } else { Aggregate::Mean };
        let review = agreeing_review(aggregate);
        let mut points: Vec<f64> = halves.iter().map(|&h| f64::from(h) * 0.5).collect();
        let before = aggregate_with(&review, &points);
        points.push(before);
        let after = aggregate_with(&review, &points);
        prop_assert!((after - before).abs() <= 1e-9, "{} moved from {} to {}", aggregate, before, after);
    }
}

// ---------------------------------------------------------------------------
// Panel files survive panelist's RON writer
// ---------------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z0-9_-]{1,12}",
        1 => any::<String>(),
        1 => Just("say \"no\" \\ then\nnew line\t/* not a comment */ // r#\"raw\"#".to_string()),
    ]
}

fn points() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (0..=40u32).prop_map(|k| f64::from(k) * 0.25),
        1 => any::<f64>().prop_filter("finite", |p| p.is_finite()),
        1 => prop_oneof![Just(0.1), Just(1e-300), Just(1e300), Just(-0.0), Just(f64::MAX), Just(f64::MIN_POSITIVE)],
    ]
}

fn a_sheet() -> impl Strategy<Value = Sheet> {
    (
        any::<bool>(),
        0i64..4_102_444_800,
        prop::option::weighted(0.2, 0..1_000_000_000i32),
        prop::collection::btree_map(
            text(),
            prop::collection::btree_map(text(), (points(), text()), 0..4),
            0..4,
        ),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(submitted, seconds, nanos, scores, conflicts)| Sheet {
            submitted,
            updated: jiff::Timestamp::new(seconds, nanos.unwrap_or(0)).unwrap(),
            scores: scores
                .into_iter()
                .map(|(region, marks)| {
                    let marks: UniqueMap<Mark> = marks
                        .into_iter()
                        .map(|(criterion, (points, note))| (criterion, Mark::new(points, note)))
                        .collect();
                    (region, marks)
                })
                .collect(),
            conflicts,
            was_submitted: false,
        })
}

fn panel_file() -> impl Strategy<Value = PanelFile> {
    (
        text(),
        text(),
        "[0-9a-f]{16}",
        prop::collection::btree_map(text(), a_sheet(), 0..4),
    )
        .prop_map(|(review, panel, rubric, sheets)| PanelFile {
            review,
            panel,
            rubric,
            sheets: UniqueMap(sheets),
            consensus: None,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn panel_files_round_trip_through_ron(file in panel_file()) {
        let text = panelist::store::to_ron(&file);
        let back: PanelFile = ron::from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &file, "{}", text);
        // and panelist's own reader agrees
        let source = panelist::source::SourceText::new("scores/x.ron", text.clone());
        let parsed: PanelFile = source.parse().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parsed, file);
    }
}
