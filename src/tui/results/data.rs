//! What the results screens show, read from the review directory: the
//! committee results merged twice (drafts left out, drafts counted), each
//! with its analysis once made, and every conflict of interest. Reading the
//! files and analysing are the shell's effects; the screens only read this.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::Error;
use crate::analysis::{self, Analysis};
use crate::merge::MergeOptions;
use crate::model::Review;
use crate::report::ResultsFile;
use crate::store::{self, LoadedPanelFile};
use crate::tui::session;
use crate::tui::theme::Theme;

/// Everything the screen shows, computed once per reading of the files.
#[derive(Debug, Clone)]
pub struct Data {
    pub review: Review,
    /// Drafts left out: the committee results.
    pub submitted: ResultsFile,
    /// Drafts counted too (`--include-drafts`).
    pub with_drafts: ResultsFile,
    /// (reviewer, region) pairs with a conflict of interest, from
    /// `review.ron` and from every sheet.
    pub conflicts: BTreeSet<(String, String)>,
}

impl Data {
    /// Makes the data showable on `theme`'s terminal: without UTF-8, every
    /// character outside ASCII of a name, title, note or summary becomes `?`
    /// (ids are ASCII already). Returns whether any did.
    pub fn make_plain(&mut self, theme: &Theme) -> bool {
        if theme.unicode {
            return false;
        }
        let mut changed = session::make_plain(&mut self.review, theme);
        for file in [&mut self.submitted, &mut self.with_drafts] {
            let results = &mut file.results;
            let mut plain = |text: &mut String| {
                if !text.is_ascii() {
                    *text = theme.plain(text);
                    changed = true;
                }
            };
            plain(&mut results.title);
            for region in &mut results.regions {
                plain(&mut region.name);
                for criterion in &mut region.criteria {
                    for score in &mut criterion.scores {
                        plain(&mut score.note);
                    }
                }
            }
        }
        changed
    }
}

impl Data {
    /// Reads the review and its panel files and merges them twice: drafts
    /// left out, and drafts counted. Neither is analysed: the analysis
    /// takes seconds on a large review, and the screen shows the results
    /// at once and analyses them as an effect of its shell.
    pub fn load(dir: &Path) -> Result<Data, Error> {
        let review = store::load_review(dir)?;
        let files = store::load_inputs(&review, &[], &())?;
        let submitted = store::merge_inputs(&review, &files, MergeOptions::default())?;
        let with_drafts = store::merge_inputs(
            &review,
            &files,
            MergeOptions {
                include_drafts: true,
            },
        )?;
        Ok(Data {
            conflicts: conflicts(&review.review, &files),
            review: review.review,
            submitted: ResultsFile {
                results: submitted,
                analysis: None,
            },
            with_drafts: ResultsFile {
                results: with_drafts,
                analysis: None,
            },
        })
    }
}

/// The analysis of `file` as `merge` makes it by default: `None` above
/// [`analysis::BY_DEFAULT_UP_TO`] counting marks, where it would hold up
/// the screen by seconds.
pub fn analysed(review: &Review, file: &ResultsFile) -> Option<Analysis> {
    if !analysis::by_default(&file.results) {
        return None;
    }
    let settings = analysis::Settings::for_results(&file.results);
    Some(analysis::analyse(review, &file.results, settings))
}

/// Every (reviewer, region) conflict: from `review.ron` and every sheet.
fn conflicts(
    review: &crate::model::Review,
    files: &[LoadedPanelFile],
) -> BTreeSet<(String, String)> {
    let from_review = review.reviewers.iter().flat_map(|r| {
        r.conflicts
            .iter()
            .map(move |region| (r.id.clone(), region.clone()))
    });
    let from_sheets = files.iter().flat_map(|f| {
        f.file.sheets.iter().flat_map(|(reviewer, sheet)| {
            sheet
                .conflicts
                .iter()
                .map(move |region| (reviewer.clone(), region.clone()))
        })
    });
    from_review.chain(from_sheets).collect()
}

/// Where fresh data come from when the chair asks to read again.
pub trait Loader {
    fn load(&mut self) -> Result<Data, String>;
}

/// Reads the review directory again.
pub struct DirLoader(pub PathBuf);

impl Loader for DirLoader {
    fn load(&mut self) -> Result<Data, String> {
        Data::load(&self.0).map_err(|e| match e {
            Error::Invalid(problems) => crate::t!(
                "results-problems",
                count = problems.0.len(),
                first = problems
                    .0
                    .first()
                    .map(std::string::ToString::to_string)
                    .unwrap_or_default()
            ),
            other => other.to_string(),
        })
    }
}
