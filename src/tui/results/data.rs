//! What the results screens show, read from the review directory: the
//! committee results merged twice (drafts left out, drafts counted), each
//! with its analysis once made, and every conflict of interest. Reading the
//! files and analysing are the shell's effects; the screens only read this.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::Error;
use crate::analysis::{self, Analysis};
use crate::merge::MergeOptions;
use crate::model::{Conflict, Review};
use crate::report::{self, ResultsFile};
use crate::store::{self, LoadedPanelFile, LoadedReview};
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
    /// `review.ron` and from every sheet: the institution when an
    /// affiliation is the cause, else `None`.
    pub conflicts: BTreeMap<(String, String), Option<String>>,
    /// The input files (`review.ron`, `scores/<panel>.ron`) that differ from
    /// those results.ron was merged from, by their SHA-256: the marks shown
    /// are the files' as they are now. Empty when the review has no
    /// results.ron yet, or one written before it recorded its inputs.
    pub changed_since_merge: Vec<ChangedFile>,
}

/// An input file that differs from the one results.ron was merged from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedFile {
    /// As results.ron names it: within the review directory.
    pub path: String,
    /// The panel whose file it is; `None` for review.ron, which every
    /// mark depends on.
    pub panel: Option<String>,
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
        let drafts = MergeOptions {
            include_drafts: true,
        };
        let ((submitted, with_drafts), changed_since_merge) = rayon::join(
            || {
                rayon::join(
                    || store::merge_inputs(&review, &files, MergeOptions::default()),
                    || store::merge_inputs(&review, &files, drafts),
                )
            },
            || changed_since_merge(&review, &files),
        );
        let (submitted, with_drafts) = (submitted?, with_drafts?);
        Ok(Data {
            conflicts: conflicts(&review.review, &files),
            review: review.review,
            submitted: ResultsFile {
                results: submitted,
                analysis: None,
                lottery: None,
            },
            with_drafts: ResultsFile {
                results: with_drafts,
                analysis: None,
                lottery: None,
            },
            changed_since_merge,
        })
    }
}

/// The input files whose SHA-256 differs from the one the review's
/// results.ron records, or that it does not record, or that are gone: by
/// their path within the review directory, as results.ron names them.
fn changed_since_merge(review: &LoadedReview, files: &[LoadedPanelFile]) -> Vec<ChangedFile> {
    let Ok(text) = std::fs::read_to_string(review.dir.join("results.ron")) else {
        return Vec::new();
    };
    let recorded: BTreeMap<String, String> = match report::recorded_inputs(&text) {
        Ok(inputs) => inputs
            .into_iter()
            .filter(|i| !i.followed)
            .map(|i| (i.path, i.sha256))
            .collect(),
        Err(_) => return Vec::new(),
    };
    if recorded.is_empty() {
        return Vec::new();
    }
    let relative = |path: &Path| {
        path.strip_prefix(&review.dir)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let now: BTreeMap<String, String> = std::iter::once(&review.source)
        .chain(files.iter().map(|f| &f.source))
        .map(|source| {
            let sha = store::sha256_hex(source.text.as_bytes());
            (relative(&source.path), sha)
        })
        .collect();
    let mut changed: Vec<&String> = now
        .iter()
        .filter(|(path, sha)| recorded.get(*path) != Some(sha))
        .map(|(path, _)| path)
        .collect();
    changed.extend(recorded.keys().filter(|p| !now.contains_key(*p)));
    changed.sort();
    let panels: BTreeMap<String, &str> = review
        .review
        .panels
        .iter()
        .map(|p| (relative(&review.panel_path(&p.id)), p.id.as_str()))
        .collect();
    changed
        .into_iter()
        .map(|path| ChangedFile {
            panel: panels.get(path).map(|p| (*p).to_string()),
            path: path.clone(),
        })
        .collect()
}

/// The analysis of `file` as `merge` makes it by default.
pub fn analysed(review: &Review, file: &ResultsFile) -> Analysis {
    analysis::analyse(review, &file.results, analysis::Settings::default())
}

/// The committee's lottery drawn on `file`, once analysed, as `merge`
/// draws it (see `lottery`), when the review asks for one; the reason in
/// words when the budget can no longer be shared after it (the results
/// are then shown as the rules gave them).
pub fn draw_lottery(review: &Review, file: &mut ResultsFile) -> Option<String> {
    let lottery = review.committee.lottery?;
    let analysis = file.analysis.as_ref()?;
    if file.lottery.is_some() {
        return None;
    }
    let mut results = file.results.clone();
    match crate::lottery::draw(review, &mut results, analysis, lottery) {
        Ok(lot) => {
            file.results = results;
            file.lottery = Some(lot);
            None
        }
        Err(e) => Some(crate::t!(
            "merge-lottery-budget-infeasible",
            needed = e.needed,
            total = e.total,
            short = e.needed - e.total
        )),
    }
}

/// Every (reviewer, region) conflict: from `review.ron` and every sheet,
/// with the institution when an affiliation is the cause.
fn conflicts(
    review: &crate::model::Review,
    files: &[LoadedPanelFile],
) -> BTreeMap<(String, String), Option<String>> {
    let index = crate::model::Index::new(review);
    let mut conflicts = BTreeMap::new();
    for reviewer in &review.reviewers {
        for &(r, conflict) in index.conflicts_of(&reviewer.id) {
            let institution = match conflict {
                Conflict::Declared => None,
                Conflict::Institution(name) => Some(name.to_string()),
            };
            conflicts.insert(
                (reviewer.id.clone(), review.regions[r].id.clone()),
                institution,
            );
        }
    }
    for file in files {
        for (reviewer, sheet) in file.file.sheets.iter() {
            for region in &sheet.conflicts {
                conflicts.insert((reviewer.clone(), region.clone()), None);
            }
        }
    }
    conflicts
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
