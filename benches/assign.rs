//! The solver behind `panelist assign` at the sizes: 1,000 regions
//! × 300 members and 10,000 regions × 2,000 members, K = 3, each tight
//! (loads of ceil(K·R/M): for 10,000 × 2,000 every member is full) and with
//! 20% slack; 12 fields, experts scarce in the popular ones, 1% of pairs
//! conflicted plus each member's institution's regions
//! (`panelist::synthetic::assign`). The bars: under 5 s for the small size,
//! under 60 s and 1 GB for the large (release build, 2 cores).
//!
//! `cargo bench --bench assign`; `PANELIST_BENCH_ASSIGN=small` runs only
//! the small size. It also runs `panelist assign` end to end on the same
//! calls written as reviews, once each, printing the time and peak memory.
//! Before the timings it solves each problem once and
//! prints its objective, the time it took and the peak memory (max RSS) of
//! the process so far, after the problems were generated (the large
//! problems' conflict lists are most of that).
#![allow(clippy::print_stdout, clippy::print_stderr)] // a measurement prints its results

use std::sync::OnceLock;
use std::time::Instant;

use panelist::assign::{Problem, solve};
use panelist::synthetic::assign::{AssignShape, assign_problem, assign_review};

/// (regions, members) of each size.
const SMALL: (usize, usize) = (1_000, 300);
const LARGE: (usize, usize) = (10_000, 2_000);
const SLACK_PERCENT: u32 = 20;

fn main() {
    let _ = problems();
    println!(
        "problems generated: peak memory (max RSS) {} MiB",
        peak_rss_mib()
    );
    for (name, problem) in problems() {
        let start = Instant::now();
        let outcome = solve(problem);
        let took = start.elapsed().as_secs_f64();
        match outcome {
            Ok(assignment) => println!(
                "{name}: objective {} in {took:.2} s; peak memory (max RSS) so far {} MiB",
                assignment.objective,
                peak_rss_mib()
            ),
            Err(why) => println!("{name}: infeasible ({why:?})"),
        }
    }
    for (regions, members) in sizes() {
        end_to_end(regions, members);
    }
    divan::main();
}

/// The sizes measured: both, or only the small one.
fn sizes() -> Vec<(usize, usize)> {
    match std::env::var("PANELIST_BENCH_ASSIGN").as_deref() {
        Ok("small") => vec![SMALL],
        _ => vec![SMALL, LARGE],
    }
}

/// `panelist assign` end to end on the same call written as a review
/// (`synthetic::assign::assign_review`): reading and validating review.ron
/// and the (empty) scores, building the problem, solving it, rewriting the
/// panel's regions and writing review.ron; the time and the peak memory
/// (max RSS) of the process, measured once.
fn end_to_end(regions: usize, members: usize) {
    let shape = AssignShape::new(regions, members, 3, 1);
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("call");
    std::fs::create_dir_all(dir.join("scores")).expect("create the review");
    let text = panelist::store::to_ron(&assign_review(&shape));
    std::fs::write(dir.join("review.ron"), &text).expect("write review.ron");
    let start = Instant::now();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_panelist"))
        .arg("assign")
        .arg(&dir)
        .args(["--panel", "experts", "--per-region", "3"])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run panelist assign");
    let took = start.elapsed().as_secs_f64();
    assert!(status.success(), "panelist assign failed: {status}");
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    println!(
        "panelist assign {regions}x{members} end to end ({} KiB review.ron): {took:.2} s, \
         peak memory (max RSS) of the largest so far {} MiB",
        text.len() / 1024,
        usage.max_rss() as u64 / 1024
    );
}

/// Every problem benchmarked, by name (`1000x300 tight`), generated once.
fn problems() -> &'static [(String, Problem)] {
    static PROBLEMS: OnceLock<Vec<(String, Problem)>> = OnceLock::new();
    PROBLEMS.get_or_init(|| {
        let mut all = Vec::new();
        for (regions, members) in sizes() {
            for slack in [0, SLACK_PERCENT] {
                let mut shape = AssignShape::new(regions, members, 3, 1);
                shape.slack_percent = slack;
                let kind = if slack == 0 {
                    "tight".to_string()
                } else {
                    format!("slack {slack}%")
                };
                all.push((
                    format!("{regions}x{members} {kind}"),
                    assign_problem(&shape),
                ));
            }
        }
        all
    })
}

fn names() -> Vec<&'static str> {
    problems().iter().map(|(name, _)| name.as_str()).collect()
}

fn peak_rss_mib() -> u64 {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_SELF)
        .expect("getrusage");
    usage.max_rss() as u64 / 1024
}

#[divan::bench(args = names(), sample_count = 5, sample_size = 1)]
fn solve_assignment(bencher: divan::Bencher, name: &str) {
    let problem = problems()
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, problem)| problem)
        .expect("every name is a generated problem");
    bencher.bench(|| solve(problem));
}
