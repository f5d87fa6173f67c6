//! What `merge` spends drawing report.md and results.svg for a national
//! cycle: 10,000 regions of the synthetic review (seed 1), plain and under
//! the selection programme, merged once in memory; then report.md in its
//! summary form (what `merge` writes at this size), in full (what it wrote
//! before, and writes with `--full-report`), and results.svg. The sizes of
//! each are printed before the timings.
//!
//! `cargo bench --bench report` (release build);
//! `PANELIST_BENCH_REGIONS=1000` another size.
#![allow(clippy::print_stdout)] // a measurement prints its results

use std::sync::OnceLock;

use panelist::merge::{MergeOptions, merge};
use panelist::model::Review;
use panelist::report::{self, ResultsFile};
use panelist::synthetic::{Shape, generate};

fn main() {
    for programme in [false, true] {
        let (review, file) = merged(programme);
        println!(
            "{} regions{}: report.md {} bytes (full: {}), results.svg {} bytes",
            file.results.regions.len(),
            if programme {
                " under the programme"
            } else {
                ""
            },
            report::markdown(file, review, &[]).len(),
            report::full_markdown(file, review, &[]).len(),
            report::svg(&file.results).map_or(0, |s| s.len()),
        );
    }
    divan::main();
}

fn regions() -> usize {
    std::env::var("PANELIST_BENCH_REGIONS")
        .ok()
        .and_then(|n| n.split(',').next()?.trim().parse().ok())
        .unwrap_or(10_000)
}

/// The review and its results, merged once per process.
fn merged(programme: bool) -> (&'static Review, &'static ResultsFile) {
    static PLAIN: OnceLock<(Review, ResultsFile)> = OnceLock::new();
    static PROGRAMME: OnceLock<(Review, ResultsFile)> = OnceLock::new();
    let cell = if programme { &PROGRAMME } else { &PLAIN };
    let (review, file) = cell.get_or_init(|| {
        let shape = Shape {
            programme,
            ..Shape::new(regions(), 1)
        };
        let synthetic = generate(&shape);
        let results = merge(
            &synthetic.review,
            &synthetic.sheet_inputs(),
            MergeOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let file = ResultsFile {
            results,
            analysis: None,
            lottery: None,
        };
        (synthetic.review, file)
    });
    (review, file)
}

/// report.md as `merge` writes it at this size: the summary.
#[divan::bench(args = [false, true], sample_count = 10)]
fn report_md(programme: bool) -> usize {
    let (review, file) = merged(programme);
    report::markdown(file, review, &[]).len()
}

/// report.md in full, a row for every region (`merge --full-report`).
#[divan::bench(args = [false, true], sample_count = 10)]
fn report_md_full(programme: bool) -> usize {
    let (review, file) = merged(programme);
    report::full_markdown(file, review, &[]).len()
}

/// results.svg: the histogram and the regions around each line.
#[divan::bench(args = [false, true], sample_count = 10)]
fn results_svg(programme: bool) -> usize {
    let (_, file) = merged(programme);
    report::svg(&file.results).map_or(0, |s| s.len())
}
