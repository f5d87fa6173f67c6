//! What the results screens show, read from the review directory: the
//! committee results as results.ron holds them when it is the merge of the
//! files as they are (else merged from them), the results with drafts
//! counted and the individual marks merged when first asked for, each with
//! its analysis once made, and every conflict of interest. Reading the
//! files, merging and analysing are the shell's effects; the screens only
//! read this.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::Error;
use crate::analysis::{self, Analysis};
use crate::merge::{CriterionResult, MergeOptions, Results};
use crate::model::{Conflict, Review};
use crate::report::{InputFile, ReadResults, ResultsFile};
use crate::store::{self, LoadedPanelFile, LoadedReview};
use crate::tui::session;
use crate::tui::theme::Theme;

/// Everything the screen shows, computed once per reading of the files.
#[derive(Debug, Clone)]
pub struct Data {
    pub review: Review,
    /// Drafts left out: the committee results. Those results.ron holds
    /// when it was merged from this review.ron with drafts left out (the
    /// panel files may have changed since: see `changed_since_merge`),
    /// else the merge of the files as they are.
    pub submitted: ResultsFile,
    /// Drafts counted too (`--include-drafts`): merged when the chair
    /// first counts them (`d`), unless they were merged on reading.
    pub with_drafts: Option<ResultsFile>,
    /// Whether `submitted` holds the individual marks: results.ron has
    /// none, and they are merged from the panel files when first shown.
    pub marks: Marks,
    /// (reviewer, region) pairs with a conflict of interest, from
    /// `review.ron` and from every sheet: the institution when an
    /// affiliation is the cause, else `None`. Empty until the panel files
    /// are read (see `files`): only the marks, merged from them, show it.
    pub conflicts: BTreeMap<(String, String), Option<String>>,
    /// The input files (`review.ron`, `scores/<panel>.ron`) that differ from
    /// those results.ron was merged from, by their SHA-256: the marks shown
    /// are the files' as they are now. Empty when the review has no
    /// results.ron yet, or one written before it recorded its inputs, and
    /// until the panel files are read.
    pub changed_since_merge: Vec<ChangedFile>,
    /// The panel files: read on opening when the files are merged, else
    /// by the shell once results.ron's results show.
    pub files: Files,
}

/// The panel files of the review on screen, which the merges made later
/// (the individual marks, drafts counted) read.
#[derive(Debug, Clone)]
pub enum Files {
    /// Not read from a review directory: the data are merged already.
    None,
    /// Not read yet: results.ron's results show meanwhile. `review.ron` as
    /// read, and the input files results.ron records (compared with the
    /// panel files once read).
    Unread {
        review: Arc<LoadedReview>,
        recorded: Arc<[InputFile]>,
    },
    /// Read and valid, for the merges made later.
    Read(Arc<Inputs>),
    /// They could not be read, or are not valid: why, in words.
    Failed(String),
}

/// Whether the committee results on screen hold the individual marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// They do: merged from the panel files.
    Merged,
    /// Not yet: the results are results.ron's, which holds none.
    Unread,
    /// The merge that would give them failed (and said why).
    Failed,
}

/// A review directory's files as read: what a merge reads.
#[derive(Debug)]
pub struct Inputs {
    pub review: Arc<LoadedReview>,
    pub files: Vec<LoadedPanelFile>,
}

impl Inputs {
    /// The committee results of the files, drafts counted or not.
    fn merge(&self, include_drafts: bool) -> Result<Results, Error> {
        let options = MergeOptions { include_drafts };
        store::merge_inputs(&self.review, &self.files, options).map_err(Error::Invalid)
    }
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
    /// Data merged already, not read from a review directory: drafts left
    /// out and counted, without conflicts.
    pub fn merged(review: Review, submitted: ResultsFile, with_drafts: ResultsFile) -> Data {
        Data {
            review,
            submitted,
            with_drafts: Some(with_drafts),
            marks: Marks::Merged,
            conflicts: BTreeMap::new(),
            changed_since_merge: Vec::new(),
            files: Files::None,
        }
    }

    /// Makes the data showable on `theme`'s terminal: without UTF-8, every
    /// character outside ASCII of a name, title, note or summary becomes `?`
    /// (ids are ASCII already). Returns whether any did.
    pub fn make_plain(&mut self, theme: &Theme) -> bool {
        if theme.unicode {
            return false;
        }
        let mut changed = session::make_plain(&mut self.review, theme);
        for file in std::iter::once(&mut self.submitted).chain(&mut self.with_drafts) {
            changed |= make_plain(&mut file.results, theme);
        }
        changed
    }

    /// Takes the individual marks of `merged` (the merge of the files as
    /// they are, drafts left out) into the committee results on screen,
    /// cell by cell: results.ron holds none.
    pub fn take_marks(&mut self, merged: Results) {
        let mut cells: HashMap<String, Vec<CriterionResult>> = (merged.regions.into_iter())
            .map(|r| (r.region, r.criteria))
            .collect();
        for region in &mut self.submitted.results.regions {
            let Some(cells) = cells.get_mut(&region.region) else {
                continue;
            };
            for criterion in &mut region.criteria {
                let cell = (cells.iter_mut()).find(|c| c.criterion == criterion.criterion);
                if let Some(cell) = cell {
                    criterion.scores = std::mem::take(&mut cell.scores);
                }
            }
        }
        self.marks = Marks::Merged;
    }
}

/// The committee results of the panel files as read (`files`), drafts
/// counted or not, made showable on `theme`'s terminal; or why they cannot
/// be merged.
pub fn merged(files: &Files, include_drafts: bool, theme: &Theme) -> Result<Results, String> {
    let inputs = match files {
        Files::Read(inputs) => inputs,
        Files::Failed(reason) => return Err(reason.clone()),
        Files::None | Files::Unread { .. } => return Err(crate::t!("results-not-read")),
    };
    let mut results = inputs.merge(include_drafts).map_err(in_words)?;
    make_plain(&mut results, theme);
    Ok(results)
}

/// What the screen takes from the panel files read once results.ron's
/// results show ([`Files::Unread`]).
#[derive(Debug, Clone)]
pub struct FilesRead {
    pub inputs: Arc<Inputs>,
    /// See [`Data::conflicts`].
    pub conflicts: BTreeMap<(String, String), Option<String>>,
    /// See [`Data::changed_since_merge`].
    pub changed_since_merge: Vec<ChangedFile>,
}

/// Reads the panel files of `files` when they are unread: each checked as
/// `merge` checks it, compared with the SHA-256 results.ron records, and
/// its conflicts gathered; or why they cannot be read, in words.
pub fn read_files(files: &Files) -> Result<FilesRead, String> {
    let Files::Unread { review, recorded } = files else {
        return Err(crate::t!("results-not-read"));
    };
    let read = store::load_inputs(review, &[], &()).map_err(|p| in_words(Error::Invalid(p)))?;
    Ok(FilesRead {
        changed_since_merge: changed_since_merge(review, Some(&read), recorded),
        conflicts: conflicts(&review.review, &read),
        inputs: Arc::new(Inputs {
            review: Arc::clone(review),
            files: read,
        }),
    })
}

impl Data {
    /// Takes the panel files as read ([`read_files`]).
    pub fn take_files(&mut self, read: FilesRead) {
        self.conflicts = read.conflicts;
        self.changed_since_merge = read.changed_since_merge;
        self.files = Files::Read(read.inputs);
    }

    /// Whether the panel files are still to be read (by the shell).
    pub fn files_unread(&self) -> bool {
        matches!(self.files, Files::Unread { .. })
    }
}

/// Makes `results` showable on `theme`'s terminal (see
/// [`Data::make_plain`]); whether anything changed.
fn make_plain(results: &mut Results, theme: &Theme) -> bool {
    if theme.unicode {
        return false;
    }
    let mut changed = false;
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
    changed
}

impl Data {
    /// Reads the review and results.ron. The results shown are
    /// results.ron's when it is the merge of this review.ron with drafts
    /// left out, written by this version (format 2): the panel files are
    /// read after, by the shell ([`read_files`]), for the conflicts, for
    /// the checksums results.ron records (a file changed since is said),
    /// and for the merges made later (the individual marks, drafts
    /// counted). Else the panel files are read and merged twice, drafts
    /// left out and counted. Nothing is analysed here: the analysis takes
    /// seconds on a large review, and the screen shows the results at once
    /// and analyses them (when results.ron has no analysis) as an effect
    /// of its shell.
    pub fn load(dir: &Path) -> Result<Data, Error> {
        let (review, written) = rayon::join(|| store::load_review(dir), || written(dir));
        Data::read(review?, written)
    }

    /// [`Data::load`] of a review whose `review.ron` is read already, and
    /// its results.ron ([`written`]).
    pub fn read(review: LoadedReview, written: Option<ReadResults>) -> Result<Data, Error> {
        let review = Arc::new(review);
        let Some(read) = written else {
            return Data::merge(review, &[]);
        };
        // Without the panel files: whether review.ron changed.
        let changed = changed_since_merge(&review, None, &read.inputs);
        let recorded: Arc<[InputFile]> = read.inputs.into();
        match shows(read.file, &recorded, &changed) {
            Some(submitted) => Ok(Data {
                review: review.review.clone(),
                submitted,
                with_drafts: None,
                marks: Marks::Unread,
                conflicts: BTreeMap::new(),
                changed_since_merge: Vec::new(),
                files: Files::Unread { review, recorded },
            }),
            None => Data::merge(review, &recorded),
        }
    }

    /// The data of `review` read with its panel files and merged twice,
    /// drafts left out and counted; `recorded`: the input files
    /// results.ron records.
    fn merge(review: Arc<LoadedReview>, recorded: &[InputFile]) -> Result<Data, Error> {
        let files = store::load_inputs(&review, &[], &())?;
        let inputs = Inputs { review, files };
        let changed_since_merge =
            changed_since_merge(&inputs.review, Some(&inputs.files), recorded);
        let (submitted, with_drafts) = rayon::join(|| inputs.merge(false), || inputs.merge(true));
        let unanalysed = |results| ResultsFile {
            results,
            analysis: None,
            lottery: None,
        };
        Ok(Data {
            conflicts: conflicts(&inputs.review.review, &inputs.files),
            review: inputs.review.review.clone(),
            submitted: unanalysed(submitted?),
            with_drafts: Some(unanalysed(with_drafts?)),
            marks: Marks::Merged,
            changed_since_merge,
            files: Files::Read(Arc::new(inputs)),
        })
    }
}

/// results.ron in review directory `dir`, read by the fast reader, if the
/// results screen can take it: one that cannot be read (damaged, or of a
/// later version) is merged again, as if there were none.
pub fn written(dir: &Path) -> Option<ReadResults> {
    store::read_results(dir)
        .ok()
        .flatten()
        .map(|(_, read)| read)
}

/// The results of results.ron (`file`, which records `recorded`) if they
/// are those to show: the merge of this review.ron (unchanged since) with
/// drafts left out, by a version that records its inputs.
fn shows(
    file: ResultsFile,
    recorded: &[InputFile],
    changed: &[ChangedFile],
) -> Option<ResultsFile> {
    // A changed file of no panel: review.ron (or one it does not know).
    let review_changed = changed.iter().any(|c| c.panel.is_none());
    let fits = !recorded.is_empty() && !review_changed && !file.results.rules.include_drafts;
    fits.then_some(file)
}

/// The input files whose SHA-256 differs from the one `recorded` (as
/// results.ron records them) gives, or that it does not record, or that are
/// gone: by their path within the review directory, as results.ron names
/// them. Empty when nothing is recorded (results.ron before format 2).
/// Without the panel `files` (`None`: not read yet), only the files of no
/// panel are compared: `review.ron`, and those recorded it does not know.
fn changed_since_merge(
    review: &LoadedReview,
    files: Option<&[LoadedPanelFile]>,
    recorded: &[InputFile],
) -> Vec<ChangedFile> {
    use rayon::prelude::*;
    let relative = |path: &Path| {
        path.strip_prefix(&review.dir)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let panels: BTreeMap<String, &str> = review
        .review
        .panels
        .iter()
        .map(|p| (relative(&review.panel_path(&p.id)), p.id.as_str()))
        .collect();
    let recorded: BTreeMap<&str, &str> = (recorded.iter())
        .filter(|i| !i.followed && (files.is_some() || !panels.contains_key(&i.path)))
        .map(|i| (i.path.as_str(), i.sha256.as_str()))
        .collect();
    if recorded.is_empty() {
        return Vec::new();
    }
    let sources: Vec<_> = std::iter::once(&review.source)
        .chain(files.unwrap_or_default().iter().map(|f| &f.source))
        .collect();
    let now: BTreeMap<String, String> = sources
        .par_iter()
        .map(|source| {
            let sha = store::sha256_hex(source.text.as_bytes());
            (relative(&source.path), sha)
        })
        .collect();
    let mut changed: Vec<&str> = now
        .iter()
        .filter(|(path, sha)| recorded.get(path.as_str()) != Some(&sha.as_str()))
        .map(|(path, _)| path.as_str())
        .collect();
    changed.extend(recorded.keys().filter(|p| !now.contains_key(**p)));
    changed.sort_unstable();
    changed
        .into_iter()
        .map(|path| ChangedFile {
            panel: panels.get(path).map(|p| (*p).to_string()),
            path: path.to_string(),
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
        Data::load(&self.0).map_err(in_words)
    }
}

/// Why the files cannot be read or merged, in a line for the screen.
fn in_words(error: Error) -> String {
    match error {
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
    }
}
