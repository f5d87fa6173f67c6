//! What comes into the results screen's `update` ([`Msg`]), and the work
//! it asks of its shell ([`Effect`]), which reports back with a message.

use ratatui::crossterm::event::KeyEvent;

use super::data::{Data, FilesRead};
use crate::analysis::Analysis;
use crate::merge::Results;

/// What comes into `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// The window's size, in columns and rows.
    Resized(u16, u16),
    /// The files were read again (or could not be).
    Loaded(Box<Result<Data, String>>),
    /// The shell started reading the panel files, away from the screen:
    /// they come as [`Msg::FilesRead`].
    ReadingFiles,
    /// The panel files were read after results.ron's results showed (or
    /// could not be): asked for with [`Effect::ReadFiles`].
    FilesRead(Box<Result<FilesRead, String>>),
    /// The files as read were merged, drafts counted or not (or could not
    /// be): asked for with [`Effect::Merge`].
    Merged {
        drafts: bool,
        results: Box<Result<Results, String>>,
    },
    /// The shell started merging the files as read, drafts counted or not,
    /// away from the screen: the results come as [`Msg::Merged`].
    MergeStarted {
        drafts: bool,
    },
    /// The shell started analysing the results with (or without) drafts,
    /// away from the screen: the analysis comes later as [`Msg::Analysed`].
    AnalysisStarted {
        drafts: bool,
    },
    /// The results with (or without) drafts were analysed: `None` when
    /// they are too large to be by default, or the analysis failed.
    Analysed {
        drafts: bool,
        analysis: Box<Option<Analysis>>,
    },
}

/// Where the analysis of one set of results (drafts left out, or counted)
/// stands: the screen shows the results at once and the analysis when it
/// comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisRun {
    /// Not asked of the shell yet.
    #[default]
    NotStarted,
    /// The shell is analysing them.
    Running,
    /// The analysis came (or could not be made).
    Finished,
}

/// Work the app asks of the shell, which carries it out and reports back
/// with a [`Msg`]: it takes time, and `update` takes none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Read the review directory again ([`Msg::Loaded`]).
    Reload,
    /// Read the panel files, which results.ron's results showed without
    /// ([`Msg::FilesRead`]): the merges wait for them.
    ReadFiles,
    /// Merge the files as read, drafts counted or not ([`Msg::Merged`]):
    /// the results with drafts counted when the chair first counts them,
    /// the individual marks when first shown.
    Merge { drafts: bool },
    /// Analyse the results on screen ([`Msg::Analysed`]).
    Analyse,
}
