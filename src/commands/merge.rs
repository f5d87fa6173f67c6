//! `panelist merge`: committee results from the panel files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::progress_bar;
use crate::cli::MergeArgs;
use crate::merge::{MergeOptions, Results, SheetInput, merge};
use crate::model::Index;
use crate::report::{self, InputFile};
use crate::source::SourceText;
use crate::store::{self, LoadedPanelFile, LoadedReview, RESULTS_FILE_MODE, write_atomic};
use crate::validate::PanelFileRole;
use crate::{Error, Problems, config};

pub fn run(args: MergeArgs) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let files = load_inputs(&review, &args.add)?;
    let options = MergeOptions {
        include_drafts: args.include_drafts,
    };
    let results = merge_files(&review, &files, options)?;
    for warning in &results.warnings {
        eprintln!("warning: {warning}");
    }
    let out = args.out.unwrap_or(dir);
    write_results(&out, &results, &review, &files)?;
    print!("{}", report::table(&results));
    println!(
        "\nwrote results.ron, results.csv, results.svg and report.md to {}",
        out.display()
    );
    Ok(())
}

/// Every panel file of `scores/` and every `--add` file, read and validated;
/// the problems of all of them at once.
pub fn load_inputs(
    review: &LoadedReview,
    added: &[PathBuf],
) -> Result<Vec<LoadedPanelFile>, Error> {
    let index = Index::new(&review.review);
    let mut problems = Vec::new();
    let mut paths = Vec::new();
    match store::panel_file_paths(&review.dir) {
        Ok(found) => paths.extend(found.into_iter().map(|p| (p, PanelFileRole::Scores))),
        Err(problem) => problems.push(problem),
    }
    problems.extend(store::lost_panel_files(review));
    paths.extend(added.iter().map(|p| (p.clone(), PanelFileRole::Added)));
    let bar = progress_bar::reading(paths.len());
    let mut files = Vec::new();
    for (path, role) in &paths {
        bar.set_message(path.display().to_string());
        match store::read_panel_file(review, &index, path, *role) {
            Ok(file) => files.push(file),
            Err(found) => problems.extend(found.0),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Error::Invalid(Problems(problems)))
    }
}

/// Runs the pure merge over loaded files, locating its errors in them.
pub fn merge_files(
    review: &LoadedReview,
    files: &[LoadedPanelFile],
    options: MergeOptions,
) -> Result<Results, Error> {
    let inputs: Vec<SheetInput> = files
        .iter()
        .flat_map(|loaded| {
            loaded
                .file
                .sheets
                .iter()
                .map(|(reviewer, sheet)| SheetInput {
                    origin: loaded.source.path.clone(),
                    panel: loaded.file.panel.clone(),
                    reviewer: reviewer.clone(),
                    sheet: sheet.clone(),
                })
        })
        .collect();
    merge(&review.review, &inputs, options).map_err(|errors| {
        let sources: HashMap<&Path, &SourceText> = files
            .iter()
            .map(|f| (f.source.path.as_path(), &f.source))
            .collect();
        let problems = errors
            .iter()
            .map(|e| match sources.get(e.origin.as_path()) {
                Some(source) => e.finding.locate(source),
                None => crate::Problem::at(&e.origin, None, e.finding.message.clone()),
            })
            .collect();
        Error::Invalid(Problems(problems))
    })
}

/// The files the results were computed from, with their SHA-256.
fn input_files(review: &LoadedReview, files: &[LoadedPanelFile]) -> Vec<InputFile> {
    let describe = |source: &SourceText| InputFile {
        path: source
            .path
            .strip_prefix(&review.dir)
            .unwrap_or(&source.path)
            .display()
            .to_string(),
        sha256: format!("{:x}", Sha256::digest(source.text.as_bytes())),
    };
    std::iter::once(describe(&review.source))
        .chain(files.iter().map(|f| describe(&f.source)))
        .collect()
}

/// The results with the review directory left out of the file names in
/// warnings, so that the report reads the same wherever the chair ran
/// `merge` from (its input files are listed the same way).
fn within_review(results: &Results, review: &LoadedReview, files: &[LoadedPanelFile]) -> Results {
    let mut results = results.clone();
    for file in files {
        let path = &file.source.path;
        let Ok(relative) = path.strip_prefix(&review.dir) else {
            continue;
        };
        let (full, short) = (path.display().to_string(), relative.display().to_string());
        for warning in &mut results.warnings {
            *warning = warning.replace(&full, &short);
        }
    }
    results
}

/// Writes `results.ron`, `results.csv`, `results.svg` and `report.md` into
/// `out`, each atomically.
fn write_results(
    out: &Path,
    results: &Results,
    review: &LoadedReview,
    files: &[LoadedPanelFile],
) -> Result<(), Error> {
    let inputs = &input_files(review, files);
    std::fs::create_dir_all(out).map_err(|e| Error::io("create", out, e))?;
    let csv = report::csv(results)
        .map_err(|e| Error::Refused(format!("cannot write results.csv: {e}")))?;
    let svg = report::svg(results)
        .map_err(|e| Error::Refused(format!("cannot draw results.svg: {e}")))?;
    let outputs = [
        ("results.ron", store::to_ron(results)),
        ("results.csv", csv),
        ("results.svg", svg),
        (
            "report.md",
            report::markdown(
                &within_review(results, review, files),
                &review.review,
                inputs,
            ),
        ),
    ];
    for (name, text) in outputs {
        write_atomic(&out.join(name), text.as_bytes(), RESULTS_FILE_MODE)?;
    }
    Ok(())
}
