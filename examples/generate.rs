//! Writes a synthetic review: `review.ron` and its panel files, deterministic
//! from a seed, for benchmarks and load tests.
//!
//! ```sh
//! cargo run --release --example generate -- --regions 10000 --out /tmp/r10k --seed 1
//! panelist check /tmp/r10k && panelist merge /tmp/r10k
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)] // a measurement or a tool prints its results

use std::path::PathBuf;

use clap::Parser;
use panelist::synthetic::{Shape, generate};

#[derive(Debug, Parser)]
#[command(about = "Write a synthetic review (review.ron and scores/) for benchmarks")]
struct Args {
    /// Regions (applications) in the review
    #[arg(long, default_value_t = 10_000)]
    regions: usize,
    /// Criteria of the rubric, in categories of five
    #[arg(long, default_value_t = 18)]
    criteria: usize,
    /// Reviewers per panel: the marks per region and criterion
    #[arg(long, default_value_t = 3)]
    reviewers_per_panel: usize,
    /// Regions per panel
    #[arg(long, default_value_t = 34)]
    regions_per_panel: usize,
    /// Groups of criteria, each scored by its own panels
    #[arg(long, default_value_t = 2)]
    criterion_groups: usize,
    /// Seed of the generator: the same seed writes the same files
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The same review under the selection programme: nested categories,
    /// minimums, eligibility, tiers and a Proportional budget
    #[arg(long)]
    programme: bool,
    /// Directory to write into (created; existing panel files of the same names are replaced)
    #[arg(long)]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let shape = Shape {
        criteria: args.criteria,
        reviewers_per_panel: args.reviewers_per_panel,
        regions_per_panel: args.regions_per_panel,
        criterion_groups: args.criterion_groups,
        programme: args.programme,
        ..Shape::new(args.regions, args.seed)
    };
    let synthetic = generate(&shape);
    synthetic.write(&args.out)?;
    println!(
        "{}: {} regions, {} criteria, {} reviewers, {} panel files, {} marks",
        args.out.display(),
        synthetic.review.regions.len(),
        synthetic.review.criteria().count(),
        synthetic.review.reviewers.len(),
        synthetic.panel_files.len(),
        synthetic.marks()
    );
    Ok(())
}
