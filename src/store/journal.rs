//! The per-panel journal, `scores/<panel>.journal`: every change of a mark,
//! note, conflict or submission, one line each, appended and fsynced before
//! the panel file is rewritten. It is the audit trail (`panelist history`)
//! and the way back when a panel file is lost or damaged (`check --repair`).
//!
//! A journal begins with a snapshot of every sheet the panel file held when
//! the journal was started, so that replaying it rebuilds the whole file.
//!
//! As in a write-ahead log, a save's entries carry its id, and once the
//! panel file has been replaced a commit line with the same id closes them:
//! a save whose commit is missing was interrupted (killed, or the machine
//! went down) and never confirmed to anyone. Its entries stay, for the
//! audit trail, but count for nothing: replay skips them, and a missing
//! panel file whose journal holds nothing committed is no loss. Journals
//! written before commits existed have entries without an id; those count,
//! as they always did.

use std::collections::{BTreeMap, HashSet};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::own_file::{self, Access};
use crate::model::{Change, Consensus, Mark, PanelFile, Sheet};
use crate::source::{MAX_FILE_BYTES, Position};
use crate::{Error, Problem};

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub at: jiff::Timestamp,
    pub reviewer: String,
    pub event: Event,
    /// The save the entry belongs to; `None` in journals written before
    /// saves were committed (such entries count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub save: Option<u64>,
}

/// What happened to a reviewer's sheet, with the value before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// The whole sheet as the panel file held it when the journal began.
    Snapshot(Sheet),
    /// A mark set, changed (points or note) or removed.
    Mark {
        region: String,
        criterion: String,
        old: Option<Mark>,
        new: Option<Mark>,
    },
    /// A conflict of interest declared (`true`) or withdrawn.
    Conflict { region: String, declared: bool },
    /// The sheet submitted (`true`) or reopened.
    Submitted(bool),
    /// The save of the entry's id completed: the panel file holds it.
    Committed,
    /// The panel's consensus as the panel file held it when the journal
    /// began.
    ConsensusSnapshot(Consensus),
    /// A consensus mark set, changed or removed, by the entry's reviewer
    /// (the rapporteur or the chair).
    Consensus {
        region: String,
        criterion: String,
        old: Option<Mark>,
        new: Option<Mark>,
    },
}

impl Event {
    /// The event of applying `change` to `before`.
    pub fn of(change: &Change, before: &Sheet) -> Event {
        match change {
            Change::Cell {
                region,
                criterion,
                mark,
            } => Event::Mark {
                region: region.clone(),
                criterion: criterion.clone(),
                old: before.mark(region, criterion).cloned(),
                new: mark.clone(),
            },
            Change::Conflict { region, declared } => Event::Conflict {
                region: region.clone(),
                declared: *declared,
            },
            Change::Submitted(submitted) => Event::Submitted(*submitted),
        }
    }

    fn apply(&self, sheet: &mut Sheet) {
        match self {
            Event::Snapshot(snapshot) => *sheet = snapshot.clone(),
            Event::Mark {
                region,
                criterion,
                new,
                ..
            } => Change::Cell {
                region: region.clone(),
                criterion: criterion.clone(),
                mark: new.clone(),
            }
            .apply(sheet),
            Event::Conflict { region, declared } => Change::Conflict {
                region: region.clone(),
                declared: *declared,
            }
            .apply(sheet),
            Event::Submitted(submitted) => Change::Submitted(*submitted).apply(sheet),
            Event::Committed | Event::ConsensusSnapshot(_) | Event::Consensus { .. } => {}
        }
    }

    /// Whether the event is about the panel's consensus, not a sheet.
    pub fn is_consensus(&self) -> bool {
        matches!(self, Event::ConsensusSnapshot(_) | Event::Consensus { .. })
    }

    /// Whether the event records the file as the journal found it.
    pub fn is_snapshot(&self) -> bool {
        matches!(self, Event::Snapshot(_) | Event::ConsensusSnapshot(_))
    }
}

pub fn journal_path(scores: &Path, panel: &str) -> PathBuf {
    scores.join(format!("{panel}.journal"))
}

/// The entries of a journal, with the problems of lines that couldn't be read.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    /// (line number, entry), in file order.
    pub entries: Vec<(usize, Entry)>,
    /// Torn or damaged lines: reported, and otherwise ignored.
    pub problems: Vec<Problem>,
}

/// A save whose entries are in the journal but whose commit is not: it was
/// interrupted before the panel file was replaced, or just after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interrupted {
    /// The save's id.
    pub save: u64,
    pub reviewer: String,
    /// The line of its first entry.
    pub line: usize,
    /// How many changes it held (snapshots aside).
    pub changes: usize,
}

impl Journal {
    /// The ids of the saves that completed.
    fn committed(&self) -> HashSet<u64> {
        self.entries
            .iter()
            .filter(|(_, e)| e.event == Event::Committed)
            .filter_map(|(_, e)| e.save)
            .collect()
    }

    /// The entries that count: those of completed saves, and those written
    /// before saves were committed.
    pub fn confirmed(&self) -> impl Iterator<Item = &(usize, Entry)> {
        let committed = self.committed();
        self.entries.iter().filter(move |(_, e)| {
            e.event != Event::Committed && e.save.is_none_or(|id| committed.contains(&id))
        })
    }

    /// Whether the journal holds any confirmed change: a panel file missing
    /// beside it is a loss.
    pub fn holds_confirmed(&self) -> bool {
        self.confirmed().next().is_some()
    }

    /// The saves that were interrupted, in the order they began.
    pub fn interrupted(&self) -> Vec<Interrupted> {
        let committed = self.committed();
        let mut found: Vec<(u64, Interrupted)> = Vec::new();
        for (line, entry) in &self.entries {
            let Some(id) = entry.save.filter(|id| !committed.contains(id)) else {
                continue;
            };
            // A save's snapshots (of every sheet, when it began the
            // journal) come before the saving reviewer's changes.
            let change = !entry.event.is_snapshot();
            let k = match found.iter().position(|(seen, _)| *seen == id) {
                Some(k) => k,
                None => {
                    let save = Interrupted {
                        save: id,
                        reviewer: entry.reviewer.clone(),
                        line: *line,
                        changes: 0,
                    };
                    found.push((id, save));
                    found.len() - 1
                }
            };
            let save = &mut found[k].1;
            if change {
                if save.changes == 0 {
                    save.reviewer.clone_from(&entry.reviewer);
                }
                save.changes += 1;
            }
        }
        found.into_iter().map(|(_, save)| save).collect()
    }

    /// The id of the journal's last save when it was interrupted after the
    /// panel file was replaced, but before its commit line was written: the
    /// file (`sheets`) already holds every change it made. Such a save is
    /// complete in all but its record, which the next writer completes.
    pub fn completed_uncommitted(&self, file: &PanelFile) -> Option<u64> {
        let (_, last) = self.entries.last()?;
        let id = last.save.filter(|_| last.event != Event::Committed)?;
        let mut changed = false;
        for (_, entry) in self.entries.iter().filter(|(_, e)| e.save == Some(id)) {
            let sheet = file.sheets.get(&entry.reviewer);
            let holds = match &entry.event {
                Event::Snapshot(_) | Event::ConsensusSnapshot(_) | Event::Committed => continue,
                Event::Consensus {
                    region,
                    criterion,
                    new,
                    ..
                } => {
                    file.consensus
                        .as_ref()
                        .and_then(|c| c.mark(region, criterion))
                        == new.as_ref()
                }
                Event::Mark {
                    region,
                    criterion,
                    new,
                    ..
                } => sheet.and_then(|s| s.mark(region, criterion)) == new.as_ref(),
                Event::Conflict { region, declared } => {
                    sheet.is_some_and(|s| s.has_conflict(region)) == *declared
                }
                Event::Submitted(submitted) => sheet.is_some_and(|s| s.submitted) == *submitted,
            };
            if !holds {
                return None;
            }
            changed = true;
        }
        changed.then_some(id)
    }

    /// The sheets the journal describes, rebuilt by replaying its confirmed
    /// entries.
    pub fn replay(&self) -> BTreeMap<String, Sheet> {
        let mut sheets: BTreeMap<String, Sheet> = BTreeMap::new();
        for (_, entry) in self.confirmed().filter(|(_, e)| !e.event.is_consensus()) {
            let sheet = sheets
                .entry(entry.reviewer.clone())
                .or_insert_with(|| Sheet::new(entry.at));
            entry.event.apply(sheet);
            if !matches!(entry.event, Event::Snapshot(_)) {
                sheet.updated = entry.at;
            }
        }
        sheets
    }

    /// The panel's consensus the journal describes, rebuilt by replaying
    /// its confirmed entries: `by` the last writer, `updated` their time.
    pub fn replay_consensus(&self) -> Option<Consensus> {
        let mut agreed: Option<Consensus> = None;
        for (_, entry) in self.confirmed() {
            match &entry.event {
                Event::ConsensusSnapshot(snapshot) => agreed = Some(snapshot.clone()),
                Event::Consensus {
                    region,
                    criterion,
                    new,
                    ..
                } => {
                    let consensus =
                        agreed.get_or_insert_with(|| Consensus::new(&entry.reviewer, entry.at));
                    consensus.set(region, criterion, new.clone());
                    consensus.by.clone_from(&entry.reviewer);
                    consensus.updated = entry.at;
                }
                _ => {}
            }
        }
        agreed
    }
}

/// One entry as a line: compact RON with struct names, newline-terminated.
pub fn line(entry: &Entry) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .new_line(String::new())
        .indentor(String::new())
        .separator(" ".to_string())
        .compact_arrays(true)
        .compact_maps(true)
        .compact_structs(true);
    match ron::ser::to_string_pretty(entry, config) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        Err(e) => format!("// panelist could not write this entry: {e}\n"),
    }
}

const HEADER: &str =
    "// panelist journal: one change per line, appended before every save. Do not edit.\n";

/// Refuses a symbolic link where panelist keeps a panel file or journal:
/// following it could write outside the review directory.
pub fn refuse_symlink(path: &Path) -> Result<(), Problem> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            Err(Problem::at(path, None, crate::t!("store-symlink")))
        }
        _ => Ok(()),
    }
}

/// Reads a journal; a missing journal is empty.
pub fn read(path: &Path) -> Result<Journal, Problem> {
    refuse_symlink(path)?;
    let mut bytes = Vec::new();
    match std::fs::File::open(path) {
        Ok(file) => {
            file.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Problem::io(path, "read", &e))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Journal::default()),
        Err(e) => return Err(Problem::io(path, "read", &e)),
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::at(path, None, crate::t!("journal-too-large")));
    }
    Ok(parse(path, &bytes))
}

/// Whether the journal at `path` holds a confirmed change (see
/// [`Journal::holds_confirmed`]). Cheap in the usual case, where its last
/// line is a commit (or an entry from before commits): only that line is
/// read. After an interrupted save, the whole journal is.
pub fn holds_confirmed(path: &Path) -> Result<bool, Problem> {
    Ok(ends_closed(path)? || read(path)?.holds_confirmed())
}

/// What a writer must know of a journal before it saves, under the panel's
/// lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recovery {
    /// The journal holds the panel's confirmed history (its snapshot among
    /// it); otherwise the save starts it.
    pub holds_confirmed: bool,
    /// The journal's last save reached the panel file but lacks its commit
    /// line ([`Journal::completed_uncommitted`]): the writer completes it.
    pub unfinished: Option<u64>,
}

/// The [`Recovery`] of the journal at `path`, whose panel file holds
/// `sheets`. Only its last line is read when that is a commit, as it is
/// but after an interrupted save.
pub fn recovery(path: &Path, file: &PanelFile) -> Result<Recovery, Problem> {
    if ends_closed(path)? {
        return Ok(Recovery {
            holds_confirmed: true,
            unfinished: None,
        });
    }
    let journal = read(path)?;
    let unfinished = journal.completed_uncommitted(file);
    Ok(Recovery {
        holds_confirmed: journal.holds_confirmed() || unfinished.is_some(),
        unfinished,
    })
}

/// Whether the journal's last line closes every save before it: a commit,
/// or an entry written before commits existed. A missing journal is not.
fn ends_closed(path: &Path) -> Result<bool, Problem> {
    refuse_symlink(path)?;
    let last = match last_line(path) {
        Ok(last) => last,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Problem::io(path, "read", &e)),
    };
    Ok(last.as_deref().is_some_and(|line| {
        let text = String::from_utf8_lossy(line);
        ron::Options::default()
            .with_recursion_limit(32)
            .from_str::<Entry>(text.trim())
            .is_ok_and(|e| e.event == Event::Committed || e.save.is_none())
    }))
}

/// The last non-empty line of a file, read from its end.
fn last_line(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    const CHUNK: u64 = 64 * 1024;
    let mut file = std::fs::File::open(path)?;
    let length = file.seek(SeekFrom::End(0))?;
    let mut tail: Vec<u8> = Vec::new();
    let mut start = length;
    loop {
        let trimmed = tail.len()
            - tail
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        if let Some(newline) = tail[..trimmed].iter().rposition(|&b| b == b'\n') {
            return Ok(Some(tail[newline + 1..trimmed].to_vec()));
        }
        if start == 0 || length - start > MAX_FILE_BYTES {
            return Ok((trimmed > 0).then(|| tail[..trimmed].to_vec()));
        }
        let read_from = start.saturating_sub(CHUNK);
        let mut chunk = vec![0; (start - read_from) as usize];
        file.seek(SeekFrom::Start(read_from))?;
        file.read_exact(&mut chunk)?;
        chunk.extend_from_slice(&tail);
        tail = chunk;
        start = read_from;
    }
}

/// Parses journal bytes: each line on its own, so that one damaged line (a
/// torn last line after a crash, say) costs only that line.
pub fn parse(path: &Path, bytes: &[u8]) -> Journal {
    let mut journal = Journal::default();
    let ends_with_newline = bytes.last() == Some(&b'\n');
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let last = lines
        .len()
        .saturating_sub(if ends_with_newline { 2 } else { 1 });
    for (i, raw) in lines.iter().enumerate() {
        let number = i + 1;
        let text = String::from_utf8_lossy(raw);
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.starts_with("//") {
            continue;
        }
        match ron::Options::default()
            .with_recursion_limit(32)
            .from_str::<Entry>(trimmed)
        {
            Ok(entry) => journal.entries.push((number, entry)),
            Err(e) => {
                let pos = Some(Position {
                    line: number,
                    col: 1,
                });
                let message = if i == last && !ends_with_newline {
                    crate::t!("journal-torn")
                } else {
                    crate::t!("journal-bad-line", error = e.code)
                };
                journal.problems.push(Problem::at(path, pos, message));
            }
        }
    }
    journal
}

/// Appends entries durably: written, then fsynced. A torn last line from an
/// earlier crash is closed first, so the new entries start on a line of their own.
pub fn append(path: &Path, entries: &[Entry]) -> Result<(), Error> {
    refuse_symlink(path).map_err(Error::from)?;
    let mut file =
        own_file::open(path, Access::Append).map_err(|e| Error::io("open the journal", path, e))?;
    let length = file
        .seek(SeekFrom::End(0))
        .map_err(|e| Error::io("read the journal", path, e))?;
    let mut text = String::new();
    if length == 0 {
        text.push_str(HEADER);
    } else {
        let mut last = [0u8];
        file.seek(SeekFrom::End(-1))
            .and_then(|_| file.read_exact(&mut last))
            .map_err(|e| Error::io("read the journal", path, e))?;
        if last[0] != b'\n' {
            text.push('\n');
        }
    }
    for entry in entries {
        text.push_str(&line(entry));
    }
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_data())
        .map_err(|e| Error::io("write the journal", path, e))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn at(s: &str) -> jiff::Timestamp {
        s.parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    fn entry(reviewer: &str, time: &str, event: Event) -> Entry {
        Entry {
            at: at(time),
            reviewer: reviewer.into(),
            event,
            save: None,
        }
    }

    fn of_save(save: u64, entry: Entry) -> Entry {
        Entry {
            save: Some(save),
            ..entry
        }
    }

    fn set(reviewer: &str, region: &str, points: f64) -> Entry {
        entry(
            reviewer,
            "2007-06-01T10:00:00Z",
            Event::Mark {
                region: region.into(),
                criterion: "c".into(),
                old: None,
                new: mark(points, ""),
            },
        )
    }

    fn commit(save: u64) -> Entry {
        of_save(save, entry("a", "2007-06-01T10:00:00Z", Event::Committed))
    }

    fn journal_of(entries: Vec<Entry>) -> Journal {
        let text: String = entries.iter().map(line).collect();
        parse(Path::new("j"), format!("{HEADER}{text}").as_bytes())
    }

    #[test]
    fn only_committed_saves_count() {
        let journal = journal_of(vec![
            of_save(1, set("a", "r1", 1.0)),
            commit(1),
            // Interrupted: no commit follows.
            of_save(2, set("a", "r2", 2.0)),
            of_save(3, set("a", "r3", 3.0)),
            commit(3),
        ]);
        let sheets = journal.replay();
        let a = &sheets["a"];
        assert_eq!(a.mark("r1", "c").map(|m| m.points), Some(1.0));
        assert_eq!(
            a.mark("r2", "c"),
            None,
            "the interrupted save counts for nothing"
        );
        assert_eq!(a.mark("r3", "c").map(|m| m.points), Some(3.0));
        assert!(journal.holds_confirmed());
        let interrupted = journal.interrupted();
        assert_eq!(interrupted.len(), 1);
        assert_eq!((interrupted[0].line, interrupted[0].changes), (4, 1));
    }

    #[test]
    fn an_interrupted_first_save_confirms_nothing() {
        let journal = journal_of(vec![of_save(7, set("a", "r1", 2.5))]);
        assert!(!journal.holds_confirmed());
        assert!(journal.replay().is_empty());
        assert_eq!(journal.interrupted().len(), 1);
    }

    #[test]
    fn journals_written_before_commits_count_whole() {
        // Entries without a save id, as every journal had before.
        let journal = journal_of(vec![set("a", "r1", 1.0), set("a", "r2", 2.0)]);
        assert!(journal.holds_confirmed());
        assert!(journal.interrupted().is_empty());
        assert_eq!(journal.replay()["a"].marks().count(), 2);
        // ... and saves after them are committed as any other.
        let journal = journal_of(vec![set("a", "r1", 1.0), of_save(5, set("a", "r2", 2.0))]);
        assert_eq!(journal.replay()["a"].marks().count(), 1);
    }

    #[test]
    fn the_last_line_tells_whether_a_journal_holds_confirmed_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.journal");
        assert!(!holds_confirmed(&path).unwrap(), "no journal");
        let big = "n".repeat(200_000);
        let mut long = of_save(1, set("a", "r1", 1.0));
        if let Event::Mark { new: Some(m), .. } = &mut long.event {
            m.note = big;
        }
        append(&path, &[long]).unwrap();
        assert!(
            !holds_confirmed(&path).unwrap(),
            "its first save interrupted"
        );
        append(&path, &[commit(1)]).unwrap();
        assert!(holds_confirmed(&path).unwrap());
        append(&path, &[of_save(2, set("a", "r2", 2.0))]).unwrap();
        assert!(holds_confirmed(&path).unwrap(), "an earlier save completed");
    }

    fn mark(points: f64, note: &str) -> Option<Mark> {
        Some(Mark {
            points,
            note: note.into(),
            preliminary: None,
        })
    }

    #[test]
    fn an_entry_is_one_line_and_reads_back() {
        let e = entry(
            "t01",
            "2007-06-01T10:00:00Z",
            Event::Mark {
                region: "sapporo".into(),
                criterion: "4-a".into(),
                old: None,
                new: mark(4.5, "two\nlines \"quoted\" 日本"),
            },
        );
        let text = line(&e);
        assert_eq!(text.matches('\n').count(), 1, "{text}");
        let journal = parse(Path::new("j"), text.as_bytes());
        assert_eq!(journal.entries, [(1, e)]);
        assert!(journal.problems.is_empty());
    }

    #[test]
    fn a_torn_last_line_is_reported_and_ignored() {
        let good = line(&entry(
            "t01",
            "2007-06-01T10:00:00Z",
            Event::Submitted(true),
        ));
        let torn = &good[..good.len() / 2];
        let text = format!("{HEADER}{good}{torn}");
        let journal = parse(Path::new("j"), text.as_bytes());
        assert_eq!(journal.entries.len(), 1);
        assert_eq!(journal.problems.len(), 1);
        assert!(
            journal.problems[0].message.contains("torn"),
            "{:?}",
            journal.problems
        );
        assert_eq!(journal.problems[0].pos.map(|p| p.line), Some(3));
    }

    #[test]
    fn replay_rebuilds_sheets_from_a_snapshot_and_changes() {
        let mut start = Sheet::new(at("2007-06-01T00:00:00Z"));
        start.scores.entry("r".into()).or_default().insert(
            "c".into(),
            Mark {
                points: 1.0,
                note: String::new(),
                preliminary: None,
            },
        );
        let journal = Journal {
            entries: vec![
                (
                    1,
                    entry("a", "2007-06-01T00:00:00Z", Event::Snapshot(start)),
                ),
                (
                    2,
                    entry(
                        "a",
                        "2007-06-02T00:00:00Z",
                        Event::Mark {
                            region: "r".into(),
                            criterion: "c".into(),
                            old: mark(1.0, ""),
                            new: mark(2.5, "better"),
                        },
                    ),
                ),
                (
                    3,
                    entry(
                        "a",
                        "2007-06-03T00:00:00Z",
                        Event::Conflict {
                            region: "q".into(),
                            declared: true,
                        },
                    ),
                ),
                (
                    4,
                    entry("a", "2007-06-04T00:00:00Z", Event::Submitted(true)),
                ),
            ],
            problems: Vec::new(),
        };
        let sheets = journal.replay();
        let a = &sheets["a"];
        assert_eq!(a.mark("r", "c"), mark(2.5, "better").as_ref());
        assert_eq!(a.conflicts, ["q"]);
        assert!(a.submitted);
        assert_eq!(a.updated, at("2007-06-04T00:00:00Z"));
    }
}
