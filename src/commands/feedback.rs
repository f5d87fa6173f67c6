//! `panelist feedback`: a letter to each applicant (*Feedback to
//! applicants*, issue 17). The review and its panel files are read and
//! merged in memory exactly as `merge` does (the same loader, the same
//! checks, the same results), and each region's letter is written from its
//! results and the consensus comments of the panel files in `scores/`,
//! as `feedback/<region>.md` and `feedback/<region>.html`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::merge::MergeOptions;
use crate::model::PanelFile;
use crate::report::feedback::{Feedback, Letter};
use crate::store::{self, Inspected, RESULTS_FILE_MODE};
use crate::{Error, Problems, config, i18n, t};

/// The directory of the letters, in the review directory or `--out`.
pub const FEEDBACK_DIR: &str = "feedback";

/// `panelist feedback [DIR] [--out OUT]`; the letters are in the language
/// of `--lang`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long, value_name = "OUT")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    // Every problem of review.ron and of every panel file at once, as
    // `merge` lists them: no letter goes out from a review merge refuses.
    // Panel files of `scores/` only: consensus comes from them alone.
    let (
        Inspected {
            review,
            problems,
            followed,
        },
        files,
    ) = store::inspect_and_load(&dir, &[], &super::progress_bar::Reading::new())?;
    if !problems.is_empty() {
        return Err(Error::Invalid(Problems(problems)));
    }
    let mut results = store::merge_inputs(&review, &files, MergeOptions::default())?;
    results.warnings.splice(0..0, followed.warnings);
    for warning in &results.warnings {
        crate::errln!("{}", t!("warning-line", message = warning.clone()));
    }
    let panel_files: Vec<&PanelFile> = files.iter().map(|f| &f.file).collect();
    let feedback = Feedback::new(&results, &review.review, &panel_files);
    let out = args.out.unwrap_or(dir).join(FEEDBACK_DIR);
    std::fs::create_dir_all(&out).map_err(|e| Error::io("create", &out, e))?;
    let lang = i18n::lang();
    results.regions.par_iter().try_for_each(|region| {
        let letter = i18n::with_lang(lang, || feedback.letter(region));
        write_letter(&out, &letter)
    })?;
    let written: BTreeSet<&str> = results.regions.iter().map(|r| r.region.as_str()).collect();
    for stale in stale_letters(&out, &written) {
        let message = t!("feedback-stale", file = stale.display());
        crate::errln!("{}", t!("warning-line", message = message));
    }
    crate::outln!(
        "{}",
        t!(
            "feedback-wrote",
            count = results.regions.len(),
            dir = out.display()
        )
    );
    Ok(())
}

/// `<region>.md` and `<region>.html` in `out`, each atomically: a letter
/// is there whole or as it was.
fn write_letter(out: &Path, letter: &Letter) -> Result<(), Error> {
    let md = out.join(format!("{}.md", letter.region));
    store::write_atomic_parts(&md, &[letter.markdown.as_bytes()], RESULTS_FILE_MODE)?;
    let html = out.join(format!("{}.html", letter.region));
    store::write_atomic_parts(&html, &[letter.html.as_bytes()], RESULTS_FILE_MODE)
}

/// Letters in `out` to a region that is no longer in the review (renamed
/// or withdrawn since an earlier run): they are left as they are, and
/// named, so that none is sent by mistake.
fn stale_letters(out: &Path, regions: &BTreeSet<&str>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut stale: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            let letter = path
                .extension()
                .is_some_and(|ext| ext == "md" || ext == "html");
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            letter && !stem.starts_with('.') && !regions.contains(stem)
        })
        .collect();
    stale.sort();
    stale
}
