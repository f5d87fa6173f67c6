//! The one save path of every writer: `mark`, `submit`, the TUI and the SSH
//! server's sessions.

use std::path::Path;
use std::time::Duration;

use super::atomic::{remove_leftovers, write_atomic};
use super::journal::{self, Entry, Event};
use super::lock::PanelLock;
use super::own_file::PANEL_FILE_MODE;
use super::panel_files::{now, read_panel_file};
use super::pretty::to_ron;
use super::review::LoadedReview;
use super::session::remove_dead_sessions;
use crate::Error;
use crate::model::{Change, Consensus, ConsensusChange, Index, PanelFile, Sheet, UniqueMap};
use crate::validate::PanelFileRole;

/// The file operations of a save, so that tests can make them fail (a full
/// disk, a read-only directory) exactly where a real one would.
pub trait SaveIo {
    /// Appends entries to the journal durably.
    fn append_journal(&self, path: &Path, entries: &[Entry]) -> Result<(), Error>;
    /// Replaces a file atomically and durably.
    fn replace(&self, path: &Path, bytes: &[u8], new_mode: u32) -> Result<(), Error>;
}

/// The real file system.
pub struct RealIo;

impl SaveIo for RealIo {
    fn append_journal(&self, path: &Path, entries: &[Entry]) -> Result<(), Error> {
        journal::append(path, entries)
    }

    fn replace(&self, path: &Path, bytes: &[u8], new_mode: u32) -> Result<(), Error> {
        write_atomic(path, bytes, new_mode)
    }
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The reviewer's sheet as the panel file held it before the save.
    pub before: Sheet,
    /// The sheet as saved.
    pub sheet: Sheet,
    /// The panel file was missing and was rebuilt from the journal first.
    pub rebuilt: bool,
    /// Whether anything was written (no changes, no write).
    pub written: bool,
}

/// How long a command-line save waits for another save of the same panel.
pub const CLI_WAIT: Duration = Duration::from_secs(10);

/// Changes one reviewer's sheet: under the panel's lock, re-reads the panel
/// file, lets `decide` turn the reviewer's current sheet into changes (or
/// refuse), appends them to the journal (fsynced), then replaces the panel
/// file atomically with only this reviewer's sheet changed.
///
/// When `decide` fails, or the journal can't be written, nothing is written.
pub fn save_changes(
    review: &LoadedReview,
    panel: &str,
    reviewer: &str,
    decide: impl FnOnce(&Sheet) -> Result<Vec<Change>, Error>,
) -> Result<Saved, Error> {
    save_changes_with(&RealIo, CLI_WAIT, review, panel, reviewer, decide)
}

/// [`save_changes`] with the file operations and the lock wait given.
pub fn save_changes_with(
    io: &dyn SaveIo,
    wait: Duration,
    review: &LoadedReview,
    panel: &str,
    reviewer: &str,
    decide: impl FnOnce(&Sheet) -> Result<Vec<Change>, Error>,
) -> Result<Saved, Error> {
    let mut sheets = None;
    let saved = save_file(io, wait, review, panel, reviewer, |file, now| {
        let before = file
            .sheets
            .get(reviewer)
            .cloned()
            .unwrap_or_else(|| Sheet::new(now));
        let changes = decide(&before)?;
        let mut sheet = before.clone();
        let mut events = Vec::new();
        for change in &changes {
            events.push(Event::of(change, &sheet));
            change.apply(&mut sheet);
        }
        if !events.is_empty() {
            sheet.updated = now;
            file.sheets.insert(reviewer.to_string(), sheet.clone());
        }
        sheets = Some((before, sheet));
        Ok(events)
    })?;
    // `save_file` returns Ok only after it ran the edit.
    let (before, sheet) = sheets.ok_or_else(|| Error::Refused(String::new()))?;
    Ok(Saved {
        before,
        sheet,
        rebuilt: saved.rebuilt,
        written: saved.written,
    })
}

/// What a save of a panel's consensus did.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedConsensus {
    /// The consensus as the panel file held it before the save.
    pub before: Option<Consensus>,
    /// The consensus as saved.
    pub consensus: Option<Consensus>,
    /// Whether anything was written (no changes, no write).
    pub written: bool,
}

/// Changes a panel's consensus, as `writer` (its rapporteur or the chair):
/// the same locked, journaled save as [`save_changes`], with `decide`
/// turning the current consensus into changes (or refusing).
pub fn save_consensus(
    review: &LoadedReview,
    panel: &str,
    writer: &str,
    decide: impl FnOnce(Option<&Consensus>) -> Result<Vec<ConsensusChange>, Error>,
) -> Result<SavedConsensus, Error> {
    save_consensus_with(&RealIo, CLI_WAIT, review, panel, writer, decide)
}

/// [`save_consensus`] with the file operations and the lock wait given.
pub fn save_consensus_with(
    io: &dyn SaveIo,
    wait: Duration,
    review: &LoadedReview,
    panel: &str,
    writer: &str,
    decide: impl FnOnce(Option<&Consensus>) -> Result<Vec<ConsensusChange>, Error>,
) -> Result<SavedConsensus, Error> {
    let mut outcome = None;
    let saved = save_file(io, wait, review, panel, writer, |file, now| {
        let before = file.consensus.clone();
        let changes = decide(before.as_ref())?;
        let mut consensus = before
            .clone()
            .unwrap_or_else(|| Consensus::new(writer, now));
        let mut events = Vec::new();
        for change in &changes {
            events.push(Event::Consensus {
                region: change.region.clone(),
                criterion: change.criterion.clone(),
                old: consensus.mark(&change.region, &change.criterion).cloned(),
                new: change.mark.clone(),
            });
            change.apply(&mut consensus);
        }
        if !events.is_empty() {
            writer.clone_into(&mut consensus.by);
            consensus.updated = now;
            file.consensus = Some(consensus);
        }
        outcome = Some((before, file.consensus.clone()));
        Ok(events)
    })?;
    // `save_file` returns Ok only after it ran the edit.
    let (before, consensus) = outcome.ok_or_else(|| Error::Refused(String::new()))?;
    Ok(SavedConsensus {
        before,
        consensus,
        written: saved.written,
    })
}

/// What [`save_file`] did.
struct SavedFile {
    rebuilt: bool,
    written: bool,
}

/// The one save: under the panel's lock, re-reads the panel file (rebuilt
/// from the journal when it was lost), lets `edit` change it and say what
/// it changed (or refuse), appends that to the journal (fsynced), replaces
/// the panel file atomically, then closes the save with its commit line.
/// When `edit` fails or changes nothing, or the journal can't be written,
/// nothing is written.
fn save_file(
    io: &dyn SaveIo,
    wait: Duration,
    review: &LoadedReview,
    panel: &str,
    writer: &str,
    edit: impl FnOnce(&mut PanelFile, jiff::Timestamp) -> Result<Vec<Event>, Error>,
) -> Result<SavedFile, Error> {
    let scores = review.scores_dir();
    std::fs::create_dir_all(&scores).map_err(|e| Error::io("create", &scores, e))?;
    let path = review.panel_path(panel);
    let journal_path = journal::journal_path(&scores, panel);
    journal::refuse_symlink(&path)?;
    journal::refuse_symlink(&journal_path)?;
    let _lock = PanelLock::acquire_within(&scores, panel, wait)?;
    // Under the lock no other save of this file is under way: any temporary
    // file of it was left by a writer that was killed, as was any session
    // file of the panel that no session holds.
    remove_leftovers(&path);
    remove_dead_sessions(&scores, panel);
    let (mut file, rebuilt) = current_file(review, panel, &path, &journal_path)?;
    let recovery = journal::recovery(&journal_path, &file)?;
    // A save killed after it replaced the file, before its commit line: the
    // file holds its changes, so its record is completed first.
    if let Some(id) = recovery.unfinished {
        io.append_journal(&journal_path, &[commit(id, writer)])?;
    }
    let now = now();
    // This save's id in the journal: its commit line closes its entries.
    let save = rand::random::<u64>();
    let entry = |who: &str, event: Event| Entry {
        at: now,
        reviewer: who.to_string(),
        event,
        save: Some(save),
    };
    let mut entries = Vec::new();
    if !recovery.holds_confirmed {
        // The journal begins with the file as it was, so replaying it
        // rebuilds every sheet and the consensus.
        for (who, sheet) in file.sheets.iter() {
            entries.push(entry(who, Event::Snapshot(sheet.clone())));
        }
        if let Some(consensus) = &file.consensus {
            entries.push(entry(
                &consensus.by,
                Event::ConsensusSnapshot(consensus.clone()),
            ));
        }
    }
    let events = edit(&mut file, now)?;
    if events.is_empty() {
        return Ok(SavedFile {
            rebuilt: false,
            written: false,
        });
    }
    entries.extend(events.into_iter().map(|event| entry(writer, event)));
    io.append_journal(&journal_path, &entries)?;
    io.replace(&path, to_ron(&file).as_bytes(), PANEL_FILE_MODE)?;
    // Only now is the save complete: the commit line says so, and a save
    // without one counts for nothing (it was interrupted).
    io.append_journal(&journal_path, &[commit(save, writer)])?;
    Ok(SavedFile {
        rebuilt,
        written: true,
    })
}

/// The commit line of save `id`, written by `reviewer`'s save.
fn commit(id: u64, reviewer: &str) -> Entry {
    Entry {
        at: now(),
        reviewer: reviewer.to_string(),
        event: Event::Committed,
        save: Some(id),
    }
}

/// The panel file as it stands: read and validated; rebuilt from the journal
/// when it is missing while the journal holds confirmed changes; a new,
/// empty one for a panel's first save (an interrupted first save counts for
/// nothing).
fn current_file(
    review: &LoadedReview,
    panel: &str,
    path: &Path,
    journal_path: &Path,
) -> Result<(PanelFile, bool), Error> {
    let empty = || PanelFile {
        review: review.review.id.clone(),
        panel: panel.to_string(),
        rubric: review.fingerprint.clone(),
        sheets: UniqueMap::default(),
        consensus: None,
    };
    if path.exists() {
        let index = Index::new(&review.review);
        let loaded =
            read_panel_file(review, &index, path, PanelFileRole::Scores).map_err(|problems| {
                Error::PanelFileInvalid {
                    problems,
                    journal: journal::holds_confirmed(journal_path).unwrap_or(false),
                }
            })?;
        return Ok((loaded.file, false));
    }
    let journal = journal::read(journal_path)?;
    if !journal.holds_confirmed() {
        return Ok((empty(), false));
    }
    if !journal.problems.is_empty() {
        return Err(Error::Refused(crate::t!(
            "store-missing-damaged-journal",
            file = path.display()
        )));
    }
    let mut file = empty();
    file.sheets = journal.replay().into_iter().collect();
    file.consensus = journal.replay_consensus();
    Ok((file, true))
}
