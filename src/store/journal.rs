//! The per-panel journal, `scores/<panel>.journal`: every change of a mark,
//! note, conflict or submission, one line each, appended and fsynced before
//! the panel file is rewritten. It is the audit trail (`panelist history`)
//! and the way back when a panel file is lost or damaged (`check --repair`).
//!
//! A journal begins with a snapshot of every sheet the panel file held when
//! the journal was started, so that replaying it rebuilds the whole file.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::own_file::{self, Access};
use crate::model::{Change, Mark, Sheet};
use crate::source::{MAX_FILE_BYTES, Position};
use crate::{Error, Problem};

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub at: jiff::Timestamp,
    pub reviewer: String,
    pub event: Event,
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
        }
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

impl Journal {
    /// The sheets the journal describes, rebuilt by replaying it.
    pub fn replay(&self) -> BTreeMap<String, Sheet> {
        let mut sheets: BTreeMap<String, Sheet> = BTreeMap::new();
        for (_, entry) in &self.entries {
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
        }
    }

    fn mark(points: f64, note: &str) -> Option<Mark> {
        Some(Mark {
            points,
            note: note.into(),
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
