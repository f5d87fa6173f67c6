//! `panelist results`: the chair's TUI over the committee results, merged
//! on the fly from the panel files. The ranking with a bar chart and the
//! cutoff; drill down region → category → criterion → the marks; one
//! criterion across regions; drafts counted or not at a key.

pub mod app;
pub mod keys;
pub mod screens;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind};

pub use app::{App, Data, Msg, View};

use crate::Error;
use crate::analysis;
use crate::merge::MergeOptions;
use crate::report::ResultsFile;
use crate::store::{self, LoadedPanelFile};
use crate::tui::shell::Screen;

impl Data {
    /// Reads the review and its panel files and merges them twice: drafts
    /// left out, and drafts counted.
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
        let mut submitted = ResultsFile {
            results: submitted,
            analysis: None,
        };
        // The results with drafts are analysed when first shown (`d`):
        // most sessions never show them.
        analyse_by_default(&review.review, &mut submitted);
        Ok(Data {
            conflicts: conflicts(&review.review, &files),
            review: review.review,
            submitted,
            with_drafts: ResultsFile {
                results: with_drafts,
                analysis: None,
            },
        })
    }
}

/// Analyses `results` as `merge` does by default, unless they already are:
/// not above BY_DEFAULT_UP_TO counting marks, where it would hold up the
/// screen by seconds.
pub(crate) fn analyse_by_default(review: &crate::model::Review, file: &mut ResultsFile) {
    if file.analysis.is_some() || !analysis::by_default(&file.results) {
        return;
    }
    let settings = analysis::Settings::for_results(&file.results);
    file.analysis = Some(analysis::analyse(review, &file.results, settings));
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
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            ),
            other => other.to_string(),
        })
    }
}

/// The results screen with its loader.
pub struct ResultsScreen<L: Loader> {
    pub app: App,
    pub loader: L,
}

impl<L: Loader> Screen for ResultsScreen<L> {
    fn handle(&mut self, event: Event) {
        if let Event::Key(key) = event
            && key.kind != KeyEventKind::Release
        {
            self.app.update(Msg::Key(key));
        }
    }

    fn render(&self, frame: &mut Frame) {
        screens::render(&self.app, frame);
    }

    fn settle(&mut self, _idle: bool) -> bool {
        if !self.app.reload {
            return false;
        }
        self.app.reload = false;
        let loaded = self.loader.load();
        self.app.update(Msg::Loaded(Box::new(loaded)));
        true
    }

    fn finished(&self) -> bool {
        self.app.quit
    }
}
