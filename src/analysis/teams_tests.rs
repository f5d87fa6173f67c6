//! Team sensitivity against brute force: the probe against the full
//! ranking, the exact answer under `Mean` against a fine scan, the search
//! under `Median`, and a planted harsh team found.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::ground::{Ground, minimums};
use super::marks::{Marks, Outcome};
use super::meetings::Lines;
use super::probe::Probed;
use super::shift::Shift;
use super::teams::team_shifts;
use super::{Place, TeamShift};
use crate::merge::{MergeOptions, Results, SheetInput, merge};
use crate::model::{
    Aggregate, Budget, BudgetRule, Category, Committee, Criterion, Mark, Panel, Region, Regions,
    Review, Reviewer, Sheet, Tier, UniqueMap,
};
use crate::rng::SplitMix64;

/// (id, category, max, step) of the random reviews' criteria.
const CRITERIA: [(&str, &str, f64, f64); 3] = [
    ("a1", "A", 5.0, 0.5),
    ("a2", "A", 10.0, 1.0),
    ("b1", "B", 4.0, 0.25),
];

fn criterion(id: &str, max: f64, step: f64, min: Option<f64>) -> Criterion {
    Criterion {
        id: id.into(),
        title: id.into(),
        max,
        step,
        guidance: String::new(),
        min,
    }
}

/// A random review: a board scores A for every region, two field teams
/// score B for regions of their own (some regions by both), under random
/// committee rules; and every sheet, on the grid, a few marks missing.
fn random_review(seed: u64, aggregate: Aggregate) -> (Review, Vec<SheetInput>) {
    random_review_of(5 + (seed % 6) as usize, seed, aggregate)
}

/// [`random_review`] of `n` regions.
fn random_review_of(n: usize, seed: u64, aggregate: Aggregate) -> (Review, Vec<SheetInput>) {
    let mut rng = SplitMix64::new(seed);
    let mut coin = |odds: usize| rng.below(odds) == 0;
    let categories = ["A", "B"]
        .iter()
        .map(|&cat| Category {
            id: cat.into(),
            title: cat.into(),
            criteria: CRITERIA
                .iter()
                .filter(|c| c.1 == cat)
                .map(|c| criterion(c.0, c.2, c.3, None))
                .collect(),
            categories: Vec::new(),
            min: None,
        })
        .collect();
    let regions: Vec<Region> = (0..n)
        .map(|r| Region {
            id: format!("r{r}"),
            name: format!("R{r}"),
            requested: Some(1.0 + (r % 3) as f64),
            ..Region::default()
        })
        .collect();
    let mut rng = SplitMix64::new(seed ^ 0x5eed);
    let mut field = |team: usize| -> Vec<String> {
        (0..n)
            .filter(|&r| r % 2 == team || rng.below(4) == 0)
            .map(|r| format!("r{r}"))
            .collect()
    };
    let (it, ls) = (field(0), field(1));
    let panels = vec![
        panel("board", &["b0", "b1", "b2"], &["a1", "a2"], Regions::All),
        panel("it", &["i0", "i1"], &["b1"], Regions::Only(it)),
        panel("ls", &["l0", "l1", "l2"], &["b1"], Regions::Only(ls)),
    ];
    let reviewers = panels
        .iter()
        .flat_map(|p| p.members.iter())
        .map(|id| Reviewer {
            id: id.clone(),
            name: id.clone(),
            ..Reviewer::default()
        })
        .collect();
    let select = 1 + (seed % n as u64) as u32;
    let mut committee = Committee {
        select: Some(select),
        aggregate,
        tie_break: if coin(2) {
            vec!["B".into(), "A".into()]
        } else {
            Vec::new()
        },
        min_total: coin(3).then_some(9.0),
        ..Committee::default()
    };
    if coin(3) && select >= 2 {
        committee.select = None;
        committee.tiers = vec![
            tier("gold", select / 2, true),
            tier("silver", select - select / 2, !coin(3)),
        ];
    }
    if coin(2) {
        committee.budget = Some(Budget {
            total: f64::from(select) * 1.5,
            unit: String::new(),
            rule: if coin(2) {
                BudgetRule::RankOrder
            } else {
                BudgetRule::Proportional { min: 0.5, max: 2.0 }
            },
            granularity: 0.5,
        });
    }
    let mut review = Review {
        id: "t".into(),
        title: "t".into(),
        categories,
        regions,
        reviewers,
        panels,
        committee,
        follows: None,
    };
    if coin(4) {
        review.categories[1].criteria[0].min = Some(1.0);
    }
    let sheets = sheets(&review, seed);
    (review, sheets)
}

fn panel(id: &str, members: &[&str], criteria: &[&str], regions: Regions) -> Panel {
    Panel {
        id: id.into(),
        title: id.into(),
        members: members.iter().map(|&m| m.into()).collect(),
        criteria: criteria.iter().map(|&c| c.into()).collect(),
        regions,
        ..Panel::default()
    }
}

fn tier(id: &str, places: u32, funded: bool) -> Tier {
    Tier {
        id: id.into(),
        title: id.into(),
        places,
        funded,
    }
}

/// Every member's sheet: a mark on the grid for each cell of the panel,
/// one in twenty missing.
fn sheets(review: &Review, seed: u64) -> Vec<SheetInput> {
    let mut rng = SplitMix64::new(seed.wrapping_mul(31).wrapping_add(7));
    let mut out = Vec::new();
    for panel in &review.panels {
        for member in &panel.members {
            let mut sheet = Sheet::new(jiff::Timestamp::UNIX_EPOCH);
            sheet.submitted = true;
            for region in panel.regions_in(review) {
                let mut scores = UniqueMap::default();
                for (_, c) in panel.criteria_in(review) {
                    if rng.below(20) == 0 {
                        continue;
                    }
                    let steps = (c.max / c.step) as usize;
                    let points = c.step * rng.below(steps + 1) as f64;
                    scores.insert(c.id.clone(), Mark::new(points, ""));
                }
                sheet.scores.insert(region.id.clone(), scores);
            }
            out.push(SheetInput {
                origin: format!("scores/{}.ron", panel.id).into(),
                panel: panel.id.clone(),
                reviewer: member.clone(),
                sheet,
            });
        }
    }
    out
}

/// Who lands elsewhere in `outcome` than in `official`, by region.
fn moves(official: &Outcome, outcome: &Outcome) -> Vec<usize> {
    (0..official.status.len())
        .filter(|&r| {
            let place = |o: &Outcome| Place {
                status: o.status[r],
                tier: o.tier[r],
                funded: o.funded[r],
            };
            place(official).crossed(&place(outcome))
        })
        .collect()
}

/// The full ranking with panel `p`'s marks moved by `delta`.
fn full(marks: &Marks, shift: &Shift, delta: f64) -> Outcome {
    let mut work = marks.official_aggregates(marks.rule);
    shift.apply(marks, marks.rule, delta, &mut work, &mut Vec::new());
    marks.outcome(&work)
}

fn merged(review: &Review, sheets: &[SheetInput]) -> Results {
    merge(review, sheets, MergeOptions::default()).expect("the random review merges")
}

/// Random reviews the exact answer is scanned on.
const CASES: u32 = 40;

/// Random reviews the probe is tried on.
const SEEDS: u64 = 160;

/// The probe says what the full ranking says, at random offsets and at
/// every offset where two of a panel's lines meet (and a hair either side),
/// where its shortcuts are most at risk.
#[test]
fn the_probe_agrees_with_the_full_ranking() {
    for seed in 0..SEEDS {
        // Small reviews, where every region is near a line, and larger
        // ones, where a window leaves most regions out.
        let n = if seed % 4 == 3 {
            30 + seed as usize % 31
        } else {
            5 + (seed % 6) as usize
        };
        let rule = [Aggregate::Mean, Aggregate::Median, Aggregate::TrimmedMean][seed as usize % 3];
        let (review, sheets) = random_review_of(n, seed, rule);
        let results = merged(&review, &sheets);
        let marks = Marks::new(&review, &results);
        let cells = marks.official_aggregates(marks.rule);
        let official = marks.outcome(&cells);
        let ground = Ground::new(&marks, &official);
        let mins = minimums(&review);
        let mut rng = SplitMix64::new(seed);
        for p in 0..review.panels.len() {
            let shift = Shift::of_panel(&marks, p);
            let mut mask = vec![false; marks.regions()];
            for &r in &shift.regions {
                mask[r] = true;
            }
            let lines = Lines::new(&marks, &shift, &cells, &official, &ground, &mins);
            let mut offsets: Vec<f64> = (0..20)
                .map(|_| (rng.below(2001) as f64 - 1000.0) / 100.0)
                .collect();
            for sign in [-1.0, 1.0] {
                for d in lines.meetings(&ground, &mask, sign, 10.0).take(30) {
                    offsets.extend([
                        sign * d,
                        sign * (d + 1e-9),
                        sign * (d + 1e-7),
                        sign * (d - 1e-7),
                    ]);
                }
            }
            let mut work = cells.clone();
            for delta in offsets {
                shift.apply(&marks, marks.rule, delta, &mut work, &mut Vec::new());
                let probed = ground.probe(&work, &shift.regions, &mask);
                let expected = moves(&official, &marks.outcome(&work));
                let got: Vec<usize> = match &probed {
                    Probed::Same { .. } => Vec::new(),
                    Probed::Moved(m) => m.iter().map(|x| x.0).collect(),
                };
                assert_eq!(got, expected, "seed {seed}, panel {p}, offset {delta}");
                if let Probed::Moved(m) = probed {
                    let outcome = marks.outcome(&work);
                    for (r, (status, tier, funded)) in m {
                        assert_eq!(
                            (status, tier, funded),
                            (outcome.status[r], outcome.tier[r], outcome.funded[r]),
                            "seed {seed}, panel {p}, offset {delta}, region {r}"
                        );
                    }
                }
            }
        }
    }
}

/// Checks one panel's answer by brute force: the full ranking is the
/// official one at every scanned offset strictly inside the interval, and
/// not at the offset where the answer says it changes.
fn check_by_scan(marks: &Marks, p: usize, team: &TeamShift, official: &Outcome, step: f64) {
    let shift = Shift::of_panel(marks, p);
    for (sign, edge) in [(-1.0, &team.down), (1.0, &team.up)] {
        let inside = edge.as_ref().map_or(team.reach, |e| e.limit.abs());
        let mut d = step;
        while d < inside - 1e-6 {
            let outcome = full(marks, &shift, sign * d);
            assert!(
                moves(official, &outcome).is_empty(),
                "panel {} moves at {} inside {:?}",
                team.panel,
                sign * d,
                edge.as_ref().map(|e| e.limit)
            );
            d += step;
        }
        if let Some(edge) = edge {
            let outcome = full(marks, &shift, edge.at);
            let moved: Vec<String> = moves(official, &outcome)
                .into_iter()
                .map(|r| marks.review.regions[r].id.clone())
                .collect();
            let mut said: Vec<String> = edge.changes.iter().map(|c| c.region.clone()).collect();
            said.sort();
            assert!(
                !moved.is_empty(),
                "panel {} changes at {}",
                team.panel,
                edge.at
            );
            let mut moved = moved;
            moved.sort();
            assert_eq!(said, moved, "panel {} at {}", team.panel, edge.at);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Under `Mean`, the exact answer against a fine scan of the full
    /// ranking: constant strictly inside, changed at its ends.
    #[test]
    fn the_exact_answer_survives_a_fine_scan(seed in 0u64..1_000_000) {
        let (review, sheets) = random_review(seed, Aggregate::Mean);
        let results = merged(&review, &sheets);
        let marks = Marks::new(&review, &results);
        let cells = marks.official_aggregates(marks.rule);
        let official = marks.outcome(&cells);
        let teams = team_shifts(&marks, &cells, &official);
        prop_assert_eq!(teams.len(), review.panels.len());
        for (p, team) in teams.iter().enumerate() {
            prop_assert!(team.search_step.is_none());
            check_by_scan(&marks, p, team, &official, 0.02);
        }
    }
}

/// Under `Median` the answer is searched for; it holds as well.
#[test]
fn under_median_the_search_finds_the_change() {
    for seed in 0..12 {
        let (review, sheets) = random_review(seed, Aggregate::Median);
        let results = merged(&review, &sheets);
        let marks = Marks::new(&review, &results);
        let cells = marks.official_aggregates(marks.rule);
        let official = marks.outcome(&cells);
        let teams = team_shifts(&marks, &cells, &official);
        for (p, team) in teams.iter().enumerate() {
            assert_eq!(team.search_step, Some(0.0025), "a hundredth of 0.25");
            check_by_scan(&marks, p, team, &official, 0.05);
        }
    }
}

/// Field teams planted: a board scores category 1 for every region, team
/// `it` scores category 4 for the IT regions alone and team `ls` for the
/// life-science ones. Each cell's three marks agree; `harsh` is what the
/// IT team takes off every mark.
fn planted(harsh: f64, aggregate: Aggregate) -> (Review, Vec<SheetInput>) {
    // (region, board's two marks, field team's two marks, unplanted)
    let rows: [(&str, [f64; 2], [f64; 2]); 7] = [
        ("ls1", [5.0, 5.0], [2.5, 2.5]),
        ("ls2", [5.0, 4.5], [2.5, 2.0]),
        ("it1", [5.0, 4.0], [2.5, 2.0]),
        ("ls3", [4.5, 4.5], [2.0, 2.0]),
        ("it2", [4.0, 3.0], [1.5, 1.5]),
        ("it3", [3.5, 3.0], [1.5, 1.0]),
        ("ls4", [3.0, 3.0], [1.0, 1.0]),
    ];
    let category = |id: &str, criteria: [&str; 2]| Category {
        id: id.into(),
        title: id.into(),
        criteria: criteria
            .iter()
            .map(|&c| criterion(c, 5.0, 0.5, None))
            .collect(),
        categories: Vec::new(),
        min: None,
    };
    let ids = |prefix: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r.0.starts_with(prefix))
            .map(|r| r.0.to_string())
            .collect()
    };
    let panels = vec![
        panel("board", &["b0", "b1", "b2"], &["1a", "1b"], Regions::All),
        panel(
            "it",
            &["i0", "i1", "i2"],
            &["4a", "4b"],
            Regions::Only(ids("it")),
        ),
        panel(
            "ls",
            &["l0", "l1", "l2"],
            &["4a", "4b"],
            Regions::Only(ids("ls")),
        ),
    ];
    let review = Review {
        id: "t".into(),
        title: "t".into(),
        categories: vec![category("1", ["1a", "1b"]), category("4", ["4a", "4b"])],
        regions: rows
            .iter()
            .map(|r| Region {
                id: r.0.into(),
                name: r.0.to_uppercase(),
                ..Region::default()
            })
            .collect(),
        reviewers: panels
            .iter()
            .flat_map(|p| p.members.iter())
            .map(|id| Reviewer {
                id: id.clone(),
                name: id.clone(),
                ..Reviewer::default()
            })
            .collect(),
        panels,
        committee: Committee {
            select: Some(3),
            aggregate,
            ..Committee::default()
        },
        follows: None,
    };
    let mut sheets = Vec::new();
    for panel in &review.panels {
        for member in &panel.members {
            let mut sheet = Sheet::new(jiff::Timestamp::UNIX_EPOCH);
            sheet.submitted = true;
            for (region, board, field) in &rows {
                if !panel.covers_region(region) {
                    continue;
                }
                let (marks, off) = match panel.id.as_str() {
                    "board" => (board, 0.0),
                    "it" => (field, harsh),
                    _ => (field, 0.0),
                };
                let scores = panel
                    .criteria
                    .iter()
                    .zip(marks)
                    .map(|(c, &points)| (c.clone(), Mark::new(points - off, "")))
                    .collect();
                sheet.scores.insert((*region).to_string(), scores);
            }
            sheets.push(SheetInput {
                origin: format!("scores/{}.ron", panel.id).into(),
                panel: panel.id.clone(),
                reviewer: member.clone(),
                sheet,
            });
        }
    }
    (review, sheets)
}

/// A harsh IT team found: marking half a point lower drops `it1` (13.5 to
/// 12.5) below `ls3` (13.0); the analysis of the planted review says that
/// moving the IT team's marks up by at most 0.5 changes the outcome, and
/// that the outcome just inside its interval is the official one.
#[test]
fn a_planted_harsh_team_is_bracketed() {
    for aggregate in [Aggregate::Mean, Aggregate::Median] {
        let (review, sheets) = planted(0.5, aggregate);
        let (_, fair_sheets) = planted(0.0, aggregate);
        let results = merged(&review, &sheets);
        let fair = merged(&review, &fair_sheets);
        let status = |results: &Results, id: &str| {
            results
                .regions
                .iter()
                .find(|r| r.region == id)
                .map(|r| r.status)
        };
        assert_ne!(
            status(&results, "it1"),
            status(&fair, "it1"),
            "the plant matters"
        );
        let marks = Marks::new(&review, &results);
        let cells = marks.official_aggregates(marks.rule);
        let official = marks.outcome(&cells);
        let teams = team_shifts(&marks, &cells, &official);
        let it = teams.iter().find(|t| t.panel == "it").expect("the IT team");
        let p = review.panels.iter().position(|p| p.id == "it").unwrap();
        let shift = Shift::of_panel(&marks, p);
        // Moving the IT team up by the plant restores the fair outcome.
        let restored = full(&marks, &shift, 0.5);
        let fair_marks = Marks::new(&review, &fair);
        let fair_outcome = fair_marks.outcome(&fair_marks.official_aggregates(marks.rule));
        assert_eq!(restored.status, fair_outcome.status, "{aggregate}");
        let up = it.up.as_ref().expect("some offset up changes the outcome");
        assert!(
            up.limit > 0.0 && up.limit <= 0.5,
            "{aggregate}: {}",
            up.limit
        );
        // Exactly where it1 (12.5 + 2δ) meets ls3 (13.0): δ = 0.25.
        let tolerance = it.search_step.unwrap_or(1e-9);
        assert!(
            (up.limit - 0.25).abs() <= tolerance,
            "{aggregate}: {}",
            up.limit
        );
        let inside = full(&marks, &shift, up.limit * (1.0 - 1e-6));
        assert!(moves(&official, &inside).is_empty(), "{aggregate}");
        let moved: Vec<&str> = up.changes.iter().map(|c| c.region.as_str()).collect();
        assert_eq!(moved, ["ls3", "it1"], "{aggregate}: it1 in, ls3 out");
        // The life-science team moving down does the same.
        let ls = teams.iter().find(|t| t.panel == "ls").unwrap();
        let down = ls.down.as_ref().expect("down changes it");
        assert!(
            (down.limit + 0.25).abs() <= tolerance,
            "{aggregate}: {}",
            down.limit
        );
    }
}

/// Found by the scan above: two regions tied across the cutoff, one moved
/// by the panel, part whichever way it moves.
#[test]
fn a_tie_across_the_cutoff_parts_at_the_smallest_offset() {
    let (review, sheets) = random_review(54688, Aggregate::Mean);
    let results = merged(&review, &sheets);
    let marks = Marks::new(&review, &results);
    let cells = marks.official_aggregates(marks.rule);
    let official = marks.outcome(&cells);
    let teams = team_shifts(&marks, &cells, &official);
    for (p, team) in teams.iter().enumerate() {
        check_by_scan(&marks, p, team, &official, 0.001);
    }
    let it = teams.iter().find(|t| t.panel == "it").unwrap();
    assert_eq!(it.up.as_ref().map(|e| e.limit), Some(0.0));
    assert_eq!(it.down.as_ref().map(|e| e.limit), Some(0.0));
}
