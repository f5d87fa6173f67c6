//! `panelist check`: validates `review.ron` and every panel file, listing every problem.

use super::progress_bar;
use std::collections::HashSet;
use std::path::PathBuf;

use crate::model::Index;
use crate::store::{self, Inspected, Progress};
use crate::validate::{self, PanelFileRole};
use crate::{Error, Problems, config};

/// `panelist check [DIR] [--repair]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub repair: bool,
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let Inspected {
        review: loaded,
        mut problems,
        followed,
    } = store::inspect_review(&dir)?;
    crate::outln!(
        "{}",
        crate::t!(
            "cmd-fingerprint",
            file = loaded.source.path.display(),
            fingerprint = loaded.fingerprint
        )
    );
    let index = Index::new(&loaded.review);
    let paths: Vec<_> = store::panel_file_paths(&dir)?
        .into_iter()
        .map(|path| (path, PanelFileRole::Scores))
        .collect();
    let mut sheets = 0;
    let mut invalid = HashSet::new();
    let progress = progress_bar::Reading::new();
    progress.start(paths.len());
    // Only the number of sheets is kept of each file: check holds one file
    // per thread at a time, not the whole review.
    let outcomes = store::read_panel_files(&loaded, &index, &paths, |path, outcome| {
        progress.read(path);
        outcome.map(|file| file.file.sheets.len())
    });
    progress.finish();
    for ((path, _), outcome) in paths.iter().zip(outcomes) {
        match outcome {
            Ok(count) => sheets += count,
            Err(found) => {
                invalid.insert(path.clone());
                problems.extend(found.0);
            }
        }
    }
    let report = store::check_journals(&loaded, &invalid, args.repair);
    let review_warnings = validate::located_review_warnings(&loaded.review, &loaded.source);
    let warnings = review_warnings.iter().chain(&followed.warnings);
    for warning in warnings.chain(&report.warnings) {
        crate::errln!("{}", crate::t!("cmd-warning", warning = warning));
    }
    for done in &report.done {
        crate::outln!("{}", crate::t!("cmd-repaired", done = done));
    }
    problems.retain(|p| !report.repaired.contains(&p.file));
    problems.extend(report.problems);
    if problems.is_empty() {
        crate::outln!(
            "{}",
            crate::t!("cmd-check-ok", files = paths.len(), sheets = sheets)
        );
        Ok(())
    } else {
        Err(Error::Invalid(Problems(problems)))
    }
}
