//! One review session per reviewer and panel.
//!
//! A session holds an OS lock on `scores/.<panel>.<reviewer>.session` for as
//! long as it runs, writes where it runs into the file, and removes the file
//! when it ends. The OS drops the lock when the process dies, so a file left
//! by a killed session is recognised (the lock is free): the next session
//! takes it over, and the next save of the panel removes it.
//!
//! A file is only ever removed by whoever holds its lock, and whoever locks
//! one checks that it is still the file at its path (it may have been
//! removed between the opening and the locking): two sessions can never
//! lock two different files of one name.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::own_file::{self, Access};
use crate::Error;

/// How often, and how long apart, a session file found locked is tried
/// again before its session is said to be running: 100 ms in all, far
/// longer than a save's sweep holds a lock (see [`remove_dead_sessions`]).
const BUSY_RETRIES: u32 = 50;
const BUSY_PAUSE: std::time::Duration = std::time::Duration::from_millis(2);

/// Where a session runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    pub host: String,
    pub pid: String,
    pub since: String,
}

impl SessionInfo {
    pub fn here() -> SessionInfo {
        SessionInfo {
            host: hostname(),
            pid: std::process::id().to_string(),
            since: super::panel_files::now().to_string(),
        }
    }

    fn parse(text: &str) -> SessionInfo {
        let mut fields = text.split_whitespace();
        let mut next = || fields.next().unwrap_or("unknown").to_string();
        SessionInfo {
            host: next(),
            pid: next(),
            since: next(),
        }
    }
}

/// An open review session; dropping it ends the session.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
    /// A session whose previous holder died without cleaning up, if any.
    pub took_over: Option<SessionInfo>,
}

impl SessionLock {
    pub fn path(scores: &Path, panel: &str, reviewer: &str) -> PathBuf {
        scores.join(format!(".{panel}.{reviewer}.session"))
    }

    /// Opens the session, or says where the other one runs.
    pub fn acquire(scores: &Path, panel: &str, reviewer: &str) -> Result<SessionLock, Error> {
        std::fs::create_dir_all(scores).map_err(|e| Error::io("create", scores, e))?;
        let path = Self::path(scores, panel, reviewer);
        let mut file = Self::lock(&path, reviewer, panel)?;
        let mut previous = String::new();
        let _ = file.read_to_string(&mut previous);
        let took_over = (!previous.trim().is_empty()).then(|| SessionInfo::parse(&previous));
        let here = SessionInfo::here();
        let record = format!("{} {} {}\n", here.host, here.pid, here.since);
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(record.as_bytes()))
            .map_err(|e| Error::io("write", &path, e))?;
        Ok(SessionLock {
            file,
            path,
            took_over,
        })
    }

    /// Opens and locks the session file at `path`, or says where the other
    /// session runs. Opens again if the file was removed meanwhile.
    fn lock(path: &Path, reviewer: &str, panel: &str) -> Result<File, Error> {
        let (mut attempt, mut busy) = (0, 0);
        loop {
            attempt += 1;
            let mut file = own_file::open(path, Access::ReadWrite)
                .map_err(|e| Error::io("open the session file", path, e))?;
            match file.try_lock() {
                Ok(()) if is_at(&file, path) || attempt >= 100 => return Ok(file),
                Ok(()) => continue,
                // Held for a moment by a save's sweep of dead sessions
                // (`remove_dead_sessions`), which locks every session file
                // of the panel to see whether it is dead: a session that
                // runs holds it for as long as it runs, so wait that moment
                // out before calling it busy.
                Err(TryLockError::WouldBlock) if busy < BUSY_RETRIES => {
                    busy += 1;
                    std::thread::sleep(BUSY_PAUSE);
                }
                Err(TryLockError::WouldBlock) => {
                    // Best effort: the holder wrote where it runs right after locking.
                    let mut previous = String::new();
                    let _ = file.read_to_string(&mut previous);
                    let info = SessionInfo::parse(&previous);
                    return Err(Error::SessionBusy {
                        reviewer: reviewer.to_string(),
                        panel: panel.to_string(),
                        host: info.host,
                        pid: info.pid,
                        since: info.since,
                    });
                }
                Err(TryLockError::Error(e)) => return Err(Error::io("lock", path, e)),
            }
        }
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Removed while still locked; an opener that opened it meanwhile
        // finds it gone once it holds the lock, and opens again.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.set_len(0);
    }
}

/// Whether `file` is still the file at `path` (not removed or replaced).
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Removes the session files of `panel` that no running session holds: a
/// session killed without ending leaves its file. Best effort.
pub fn remove_dead_sessions(scores: &Path, panel: &str) {
    let prefix = format!(".{panel}.");
    let Ok(entries) = std::fs::read_dir(scores) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&prefix) && name.ends_with(".session")) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
        else {
            continue;
        };
        if file.try_lock().is_ok() && is_at(&file, &path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this host".to_string())
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    /// A save's sweep of dead sessions holds a session file's lock for a
    /// moment: a session opening then waits it out instead of saying that
    /// one is already open "on unknown, pid unknown" (seen under load in
    /// the six-reviewers test).
    #[test]
    fn a_session_opened_while_a_sweep_holds_its_file_waits_for_it() {
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let path = SessionLock::path(dir.path(), "board", "ann");
        std::fs::write(&path, "").expect("a file left by a killed session");
        let sweep = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .expect("the sweep opens it");
        sweep.try_lock().expect("the sweep locks it");
        let released = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            drop(sweep);
        });
        let session = SessionLock::acquire(dir.path(), "board", "ann");
        released.join().expect("the sweep ends");
        assert!(session.is_ok(), "{:?}", session.err());
    }

    #[test]
    fn a_session_that_runs_is_still_said_to_be_open() {
        let dir = tempfile::TempDir::new().expect("a temporary directory");
        let _running = SessionLock::acquire(dir.path(), "board", "ann").expect("the first opens");
        let second = SessionLock::acquire(dir.path(), "board", "ann");
        assert!(
            matches!(second, Err(Error::SessionBusy { .. })),
            "{:?}",
            second.err()
        );
    }
}
