//! `panelist merge`: committee results from the panel files.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::progress_bar;
use crate::analysis;
use crate::merge::MergeOptions;
use crate::report::ResultsFile;
use crate::report::{self, InputFile};
use crate::source::SourceText;
use crate::store::{
    self, EarlierResults, Inspected, LoadedPanelFile, LoadedReview, RESULTS_FILE_MODE,
};
use crate::{Error, Problems, config};

/// `panelist merge [DIR] [--include-drafts] [--out DIR] [--add FILE]...` and the analysis's options.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub include_drafts: bool,
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub add: Vec<PathBuf>,
    /// Analyses how solid the selection is: the default, at every size
    /// (kept so that scripts written when large reviews needed it still run).
    #[arg(long, conflicts_with = "no_analysis", hide = true)]
    pub analysis: bool,
    #[arg(long)]
    pub no_analysis: bool,
    #[arg(long, value_name = "N")]
    pub rounds: Option<u32>,
    /// The bootstrap's seed [default: 2007].
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// report.md in full whatever the size, not its summary form.
    #[arg(long)]
    pub full_report: bool,
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    // Every problem `check` finds, of review.ron and of every panel file,
    // listed in one run: the chair fixes them all, not one kind a run.
    let (
        Inspected {
            review,
            problems,
            followed,
        },
        files,
    ) = store::inspect_and_load(&dir, &args.add, &progress_bar::Reading::new())?;
    if !problems.is_empty() {
        return Err(Error::Invalid(Problems(problems)));
    }
    let lottery = review.review.committee.lottery;
    if lottery.is_some() {
        refuse_with_lottery(&args)?;
    }
    let options = MergeOptions {
        include_drafts: args.include_drafts,
    };
    // The checksums of the inputs, for the report, while the merge runs.
    let (results, inputs) = rayon::join(
        || store::merge_inputs(&review, &files, options),
        || input_files(&review, &files, followed.results.as_ref()),
    );
    let mut results = results?;
    // About the review itself, as the review's own warnings, which come first.
    results.warnings.splice(0..0, followed.warnings);
    let report_warnings = within_review(&results.warnings, &review, &files);
    // The marks as read are no longer needed: freed while the analysis
    // runs, so that a national cycle's files, its results and the analysis
    // are never in memory at once.
    // Should no thread be had, the files are dropped here and now.
    let freed = std::thread::Builder::new().spawn(move || drop(files)).ok();
    let analysis = (!args.no_analysis).then(|| {
        let settings = analysis::Settings {
            rounds: args.rounds,
            seed: args.seed.unwrap_or(analysis::DEFAULT_SEED),
            ..analysis::Settings::default()
        };
        analysis::analyse(&review.review, &results, settings)
    });
    // The lottery draws from the analysis of the results as the rules gave
    // them, and then changes them.
    let lot = match (lottery, &analysis) {
        (Some(lottery), Some(analysis)) => Some(
            crate::lottery::draw(&review.review, &mut results, analysis, lottery).map_err(|e| {
                Error::Refused(crate::t!(
                    "merge-lottery-budget-infeasible",
                    needed = e.needed,
                    total = e.total,
                    short = e.needed - e.total
                ))
            })?,
        ),
        _ => None,
    };
    let mut file = ResultsFile {
        results,
        analysis,
        lottery: lot,
    };
    for warning in &file.results.warnings {
        crate::errln!("{}", crate::t!("warning-line", message = warning.clone()));
    }
    let out = args.out.unwrap_or(dir);
    let report = Report {
        inputs: &inputs,
        warnings: report_warnings,
        full: args.full_report,
    };
    let [table, solidity] = write_results(&out, &mut file, &review, report)?;
    if let Some(freed) = freed {
        let _ = freed.join();
    }
    crate::out!("{table}");
    if file.analysis.is_some() {
        crate::out!("\n{solidity}");
    }
    // percentiles.csv is written beside the others only with more than one
    // panel (see write_results): the line names it then.
    let wrote = if review.review.panels.len() > 1 {
        crate::t!("merge-wrote-percentiles", dir = out.display())
    } else {
        crate::t!("merge-wrote", dir = out.display())
    };
    crate::outln!("{wrote}");
    // The process ends here: freeing half a million scores one by one takes
    // longer than the operating system takes to reclaim them all.
    std::mem::forget((review, file));
    Ok(())
}

/// Under a lottery the analysis runs as it always does, so that the draw
/// is the same on any machine: its options are refused.
fn refuse_with_lottery(args: &Args) -> Result<(), Error> {
    let flag = if args.no_analysis {
        "--no-analysis"
    } else if args.rounds.is_some() {
        "--rounds"
    } else if args.seed.is_some() {
        "--seed"
    } else {
        return Ok(());
    };
    Err(Error::Refused(crate::t!(
        "merge-lottery-refuses",
        flag = flag
    )))
}

/// The files the results were computed from, with their SHA-256: review.ron,
/// the results of the review it follows (whose selection it scores), and
/// the panel files.
fn input_files(
    review: &LoadedReview,
    files: &[LoadedPanelFile],
    earlier: Option<&EarlierResults>,
) -> Vec<InputFile> {
    let describe = |source: &SourceText| InputFile {
        path: source
            .path
            .strip_prefix(&review.dir)
            .unwrap_or(&source.path)
            .display()
            .to_string(),
        sha256: store::sha256_hex(source.text.as_bytes()),
        followed: false,
    };
    let mut inputs = vec![describe(&review.source)];
    inputs.extend(earlier.map(|earlier| InputFile {
        path: earlier.path.clone(),
        sha256: earlier.sha256.clone(),
        followed: true,
    }));
    inputs.extend(
        files
            .par_iter()
            .map(|f| describe(&f.source))
            .collect::<Vec<_>>(),
    );
    inputs
}

/// The warnings with the review directory left out of the file names, so
/// that the report reads the same wherever the chair ran `merge` from (its
/// input files are listed the same way): the review this one follows is
/// named as `follows` names it.
fn within_review(
    warnings: &[String],
    review: &LoadedReview,
    files: &[LoadedPanelFile],
) -> Vec<String> {
    let mut warnings = warnings.to_vec();
    let earlier = review.review.follows.as_ref().map(|follows| {
        let full = store::earlier_dir(&review.dir, follows);
        (full.display().to_string(), follows.review.clone())
    });
    let panel_files = files.iter().filter_map(|file| {
        let path = &file.source.path;
        let relative = path.strip_prefix(&review.dir).ok()?;
        Some((path.display().to_string(), relative.display().to_string()))
    });
    for (full, short) in panel_files.chain(earlier) {
        for warning in &mut warnings {
            if warning.contains(&full) {
                *warning = warning.replace(&full, &short);
            }
        }
    }
    warnings
}

/// What report.md is written from besides the results: the input files,
/// the warnings as the report words them, and whether in full.
struct Report<'a> {
    inputs: &'a [InputFile],
    warnings: Vec<String>,
    full: bool,
}

/// Writes `results.ron`, `results.csv`, `results.svg` and `report.md` (and
/// `percentiles.csv` when the review has more than one panel) into `out`,
/// each atomically, and returns what the terminal shows, drawn with them:
/// the ranking as a table, and the analysis's table when there is one.
/// The report names files within the review directory: `report.warnings`
/// are the warnings written so; results.ron has the warnings as merge
/// gave them, and is rendered while the others are drawn.
fn write_results(
    out: &Path,
    file: &mut ResultsFile,
    review: &LoadedReview,
    mut report: Report,
) -> Result<[String; 2], Error> {
    std::fs::create_dir_all(out).map_err(|e| Error::io("create", out, e))?;
    // results.ron with the warnings as merge gave them; the others with
    // the report's.
    let ron = file.ron(report.inputs);
    let warnings = std::mem::replace(
        &mut file.results.warnings,
        std::mem::take(&mut report.warnings),
    );
    // results.ron rendered while the others are drawn.
    let (ron, others) = rayon::join(|| ron.text(), || draw(&*file, review, &report));
    file.results.warnings = warnings;
    let [csv, svg, markdown, table, solidity] = others?;
    let mut outputs = vec![
        ("results.ron", ron),
        ("results.csv", csv),
        ("results.svg", svg),
        ("report.md", markdown),
    ];
    // Within-panel percentiles, beside results.csv (whose columns SPEC.md
    // fixes), when there is more than one panel to be within.
    if review.review.panels.len() > 1 {
        let percentiles = report::percentiles_csv(&file.results)
            .map_err(|e| Error::Refused(crate::t!("merge-cannot-csv", error = e)))?;
        outputs.push(("percentiles.csv", percentiles));
    }
    outputs.par_iter().try_for_each(|(name, text)| {
        store::write_atomic_parts(&out.join(name), &[text.as_bytes()], RESULTS_FILE_MODE)
    })?;
    Ok([table, solidity])
}

/// results.csv, results.svg, report.md and the terminal's tables (the
/// analysis's empty without one).
fn draw(file: &ResultsFile, review: &LoadedReview, report: &Report) -> Result<[String; 5], Error> {
    let results = &file.results;
    let csv = report::csv(results)
        .map_err(|e| Error::Refused(crate::t!("merge-cannot-csv", error = e)))?;
    let svg = report::svg(results)
        .map_err(|e| Error::Refused(crate::t!("merge-cannot-svg", error = e)))?;
    let markdown = if report.full {
        report::full_markdown(file, &review.review, report.inputs)
    } else {
        report::markdown(file, &review.review, report.inputs)
    };
    let solidity = file
        .analysis
        .as_ref()
        .map(|analysis| report::solidity::table(results, analysis))
        .unwrap_or_default();
    Ok([csv, svg, markdown, report::table(results), solidity])
}
