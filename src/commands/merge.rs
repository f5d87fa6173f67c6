//! `panelist merge`: committee results from the panel files.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::progress_bar;
use crate::analysis;
use crate::merge::{MergeOptions, RegionResult};
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
    #[arg(long, value_name = "N", default_value_t = crate::analysis::DEFAULT_SEED)]
    pub seed: u64,
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    // Every problem `check` finds, of review.ron and of every panel file,
    // listed in one run: the chair fixes them all, not one kind a run.
    let Inspected {
        review,
        mut problems,
        followed,
    } = store::inspect_review(&dir)?;
    let files = match store::load_inputs(&review, &args.add, &progress_bar::Reading::new()) {
        Ok(files) => files,
        Err(found) => {
            problems.extend(found.0);
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return Err(Error::Invalid(Problems(problems)));
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
    let analysis = (!args.no_analysis).then(|| {
        let settings = analysis::Settings {
            rounds: args.rounds,
            seed: args.seed,
            ..analysis::Settings::default()
        };
        analysis::analyse(&review.review, &results, settings)
    });
    let mut file = ResultsFile { results, analysis };
    for warning in &file.results.warnings {
        crate::errln!("{}", crate::t!("warning-line", message = warning.clone()));
    }
    let report_warnings = within_review(&file.results.warnings, &review, &files);
    // The marks as read are no longer needed: freed while the outputs are
    // drawn, so that a national cycle's files and its results.ron are never
    // in memory at once.
    // Should no thread be had, the files are dropped here and now.
    let freed = std::thread::Builder::new().spawn(move || drop(files)).ok();
    let out = args.out.unwrap_or(dir);
    let table = write_results(&out, &mut file, &review, &inputs, report_warnings)?;
    if let Some(freed) = freed {
        let _ = freed.join();
    }
    crate::out!("{table}");
    if let Some(analysis) = &file.analysis {
        crate::out!("\n{}", report::solidity::table(&file.results, analysis));
    }
    crate::outln!("{}", crate::t!("merge-wrote", dir = out.display()));
    // The process ends here: freeing half a million scores one by one takes
    // longer than the operating system takes to reclaim them all.
    std::mem::forget((review, file));
    Ok(())
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

/// Writes `results.ron`, `results.csv`, `results.svg` and `report.md` into
/// `out`, each atomically, and returns the ranking as a table for the
/// terminal, drawn with them. The report names files within the review
/// directory: `report_warnings` are the warnings written so.
///
/// At a national scale, results.ron (every mark of every region) is the
/// largest output by far, so it is rendered on all cores while the other
/// three are drawn, and the four files are written at the same time.
/// `file` is borrowed mutably only to be rendered without a copy; it is
/// left as it was.
fn write_results(
    out: &Path,
    file: &mut ResultsFile,
    review: &LoadedReview,
    inputs: &[InputFile],
    report_warnings: Vec<String>,
) -> Result<String, Error> {
    std::fs::create_dir_all(out).map_err(|e| Error::io("create", out, e))?;
    let ron = ResultsRon::start(file);
    let warnings = std::mem::replace(&mut file.results.warnings, report_warnings);
    let (ron, others) = rayon::join(
        || ron.finish(&file.results.regions),
        || -> Result<_, Error> {
            let results = &file.results;
            let csv = report::csv(results)
                .map_err(|e| Error::Refused(crate::t!("merge-cannot-csv", error = e)))?;
            let svg = report::svg(results)
                .map_err(|e| Error::Refused(crate::t!("merge-cannot-svg", error = e)))?;
            let markdown = report::markdown(file, &review.review, inputs);
            Ok([csv, svg, markdown, report::table(results)])
        },
    );
    file.results.warnings = warnings;
    let [csv, svg, markdown, table] = others?;
    let ron: Vec<&[u8]> = ron.iter().map(std::string::String::as_bytes).collect();
    let outputs = [
        ("results.ron", ron),
        ("results.csv", vec![csv.as_bytes()]),
        ("results.svg", vec![svg.as_bytes()]),
        ("report.md", vec![markdown.as_bytes()]),
    ];
    outputs.par_iter().try_for_each(|(name, parts)| {
        store::write_atomic_parts(&out.join(name), parts, RESULTS_FILE_MODE)
    })?;
    Ok(table)
}

/// `results.ron`, rendered one region per task: byte for byte what
/// [`store::to_ron`] writes for the whole [`ResultsFile`] (a test holds it
/// to that), on every core.
///
/// The regions are cut out of the results and rendered alone, each line
/// indented by the two levels they sit at in the whole file; the rest of the
/// results is rendered with an empty list of regions, and the regions go
/// in its place.
struct ResultsRon {
    /// The results without their regions, and where the regions go.
    head: String,
    at: Option<usize>,
}

/// The line of an empty list of regions in the results.
const NO_REGIONS: &str = "\n    regions: [],\n";

impl ResultsRon {
    fn start(file: &mut ResultsFile) -> ResultsRon {
        let regions = std::mem::take(&mut file.results.regions);
        let head = store::to_ron(file);
        file.results.regions = regions;
        let at = match head.match_indices(NO_REGIONS).collect::<Vec<_>>()[..] {
            [(at, _)] => Some(at),
            _ => None,
        };
        ResultsRon { head, at }
    }

    /// The text in parts, to be written one after the other.
    fn finish(self, regions: &[RegionResult]) -> Vec<String> {
        let Some(at) = self.at.filter(|_| !regions.is_empty()) else {
            return vec![self.head];
        };
        let mut parts = Vec::with_capacity(regions.len() / REGIONS_PER_PART + 3);
        parts.push(format!("{}\n    regions: [\n", &self.head[..at]));
        parts.par_extend(regions.par_chunks(REGIONS_PER_PART).map(|chunk| {
            // Room for the whole part at once, so the text is never copied
            // to grow.
            let mut part = String::with_capacity(chunk.iter().map(rendered_size).sum());
            for region in chunk {
                part.push_str("        ");
                if !store::pretty::write_nested(&mut part, region, 2) {
                    part.truncate(part.len() - 8);
                    part.push_str(&indented(&store::to_ron_nested(region, 2), 2));
                    continue;
                }
                part.push_str(",\n");
            }
            part
        }));
        parts.push(format!("    ],\n{}", &self.head[at + NO_REGIONS.len()..]));
        parts
    }
}

/// Regions rendered by one task into one part of results.ron.
const REGIONS_PER_PART: usize = 64;

/// A little more than the bytes of a region in results.ron.
fn rendered_size(region: &RegionResult) -> usize {
    let criteria: usize = region
        .criteria
        .iter()
        .map(|c| {
            let scores: usize = c
                .scores
                .iter()
                .map(|s| 64 + s.reviewer.len() + 2 * s.note.len())
                .sum();
            400 + 2 * (c.criterion.len() + c.category.len()) + scores
        })
        .sum();
    1024 + 2 * region.name.len() + 80 * region.subtotals.len() + 64 * region.flags.len() + criteria
}

/// An element of a list `levels` deep: every line indented, and the
/// element followed by a comma, as ron's pretty printer writes it.
fn indented(text: &str, levels: usize) -> String {
    let indent = "    ".repeat(levels);
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut out = String::with_capacity(body.len() + body.len() / 8 + 8);
    for line in body.split('\n') {
        out.push_str(&indent);
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.len() - 1);
    out.push_str(",\n");
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::merge::merge;
    use crate::synthetic::{Shape, generate};

    fn results(regions: usize) -> ResultsFile {
        let synthetic = generate(&Shape::new(regions, 3));
        let inputs = synthetic.sheet_inputs();
        let results = merge(&synthetic.review, &inputs, MergeOptions::default()).unwrap();
        let settings = crate::analysis::Settings {
            rounds: Some(20),
            ..Default::default()
        };
        let analysis = Some(crate::analysis::analyse(
            &synthetic.review,
            &results,
            settings,
        ));
        ResultsFile { results, analysis }
    }

    fn rendered_in_parts(file: &mut ResultsFile) -> String {
        let before = file.clone();
        let ron = ResultsRon::start(file);
        let text = ron.finish(&file.results.regions).concat();
        assert_eq!(*file, before, "left as it was");
        text
    }

    #[test]
    fn results_ron_in_parts_is_byte_for_byte_the_whole() {
        let mut file = results(70);
        let results = &mut file.results;
        let score = &mut results.regions[3].criteria[2].scores[0];
        score.note = "two lines,\nquotes \" and ] brackets ), tabs\t and 日本語".into();
        results.regions[5].name = "regions: [],\n    regions: [],".into();
        results.warnings.push("\n    regions: [],\n".into());
        assert_eq!(rendered_in_parts(&mut file), store::to_ron(&file));
    }

    #[test]
    fn results_ron_of_the_sample_in_parts_is_the_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("panels/kci-2007");
        let review = store::load_review(&dir).unwrap();
        let files = store::load_inputs(&review, &[], &()).unwrap();
        for include_drafts in [false, true] {
            let options = MergeOptions { include_drafts };
            let results = store::merge_inputs(&review, &files, options).unwrap();
            let mut file = ResultsFile {
                results,
                analysis: None,
            };
            assert_eq!(rendered_in_parts(&mut file), store::to_ron(&file));
        }
    }

    #[test]
    fn results_ron_without_regions_is_the_whole() {
        let mut file = results(5);
        file.results.regions.clear();
        assert_eq!(rendered_in_parts(&mut file), store::to_ron(&file));
    }
}
