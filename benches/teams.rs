//! What the analysis spends on team sensitivity (issue 20): 1,000 regions
//! of the synthetic review (seed 1), 60 panels,
//! plain (`select`, `Mean`: exact) and under the selection programme
//! (tiers, minimums, a `Proportional` budget), and the plain review under
//! `Median` (found by search). Each is merged once in memory; how many
//! panels survive any offset is printed before the timings.
//!
//! `cargo bench --bench teams` (release build);
//! `PANELIST_BENCH_REGIONS=10000` a national cycle (590 panels; the
//! `Median` search there takes many minutes a sample).
#![allow(clippy::print_stdout)] // a measurement prints its results

use std::sync::OnceLock;

use panelist::analysis;
use panelist::merge::{MergeOptions, Results, merge};
use panelist::model::{Aggregate, Review};
use panelist::synthetic::{Shape, generate};

const CASES: [&str; 3] = ["plain", "programme", "median"];

fn main() {
    for case in CASES {
        let (review, results) = merged(case);
        let teams = analysis::teams(review, results);
        let any = teams.iter().filter(|t| t.any_offset()).count();
        println!(
            "{case}: {} regions, {} panels, {any} survive any offset",
            results.regions.len(),
            teams.len()
        );
    }
    divan::main();
}

fn regions() -> usize {
    std::env::var("PANELIST_BENCH_REGIONS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1_000)
}

/// The review and its results, merged once per process.
fn merged(case: &str) -> &'static (Review, Results) {
    static CELLS: [OnceLock<(Review, Results)>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let k = CASES.iter().position(|&c| c == case).unwrap_or(0);
    CELLS[k].get_or_init(|| {
        let shape = Shape {
            programme: case == "programme",
            ..Shape::new(regions(), 1)
        };
        let mut synthetic = generate(&shape);
        if case == "median" {
            synthetic.review.committee.aggregate = Aggregate::Median;
        }
        let results = merge(
            &synthetic.review,
            &synthetic.sheet_inputs(),
            MergeOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        (synthetic.review, results)
    })
}

/// Every panel's team sensitivity.
#[divan::bench(args = CASES, sample_count = 5, sample_size = 1)]
fn team_sensitivity(case: &str) -> usize {
    let (review, results) = merged(case);
    analysis::teams(review, results).len()
}
