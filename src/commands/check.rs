//! `panelist check`: validates `review.ron` and every panel file, listing every problem.

use super::progress_bar;
use std::collections::HashSet;

use super::journals;
use crate::cli::CheckArgs;
use crate::model::Index;
use crate::store::{self, LoadedReview};
use crate::validate::{self, PanelFileRole};
use crate::{Error, Problems, config};

pub fn run(args: CheckArgs) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let (source, review) = store::read_review(&dir)?;
    let mut problems = validate::review(&review, &source);
    let fingerprint = review.fingerprint();
    crate::outln!(
        "{}: rubric fingerprint {fingerprint}",
        source.path.display()
    );
    let loaded = LoadedReview {
        dir: dir.clone(),
        source,
        review,
        fingerprint,
    };
    let index = Index::new(&loaded.review);
    let paths = store::panel_file_paths(&dir)?;
    let mut sheets = 0;
    let mut invalid = HashSet::new();
    let bar = progress_bar::reading(paths.len());
    for path in &paths {
        bar.set_message(path.display().to_string());
        match store::read_panel_file(&loaded, &index, path, PanelFileRole::Scores) {
            Ok(file) => sheets += file.file.sheets.len(),
            Err(found) => {
                invalid.insert(path.clone());
                problems.extend(found.0);
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let report = journals::check(&loaded, &invalid, args.repair);
    for warning in &report.warnings {
        crate::errln!("warning: {warning}");
    }
    for done in &report.done {
        crate::outln!("repaired: {done}");
    }
    problems.retain(|p| !report.repaired.contains(&p.file));
    problems.extend(report.problems);
    if problems.is_empty() {
        crate::outln!(
            "ok: review.ron and {} panel file(s) with {sheets} sheet(s) are valid",
            paths.len()
        );
        Ok(())
    } else {
        Err(Error::Invalid(Problems(problems)))
    }
}
