//! One review session per reviewer and panel.
//!
//! A session holds an OS lock on `scores/.<panel>.<reviewer>.session` for as
//! long as it runs, and writes where it runs into the file. The OS drops the
//! lock when the process dies, so a stale file left by a killed session is
//! recognised (the lock is free) and taken over.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::own_file::{self, Access};
use crate::Error;

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
        let mut file = own_file::open(&path, Access::ReadWrite)
            .map_err(|e| Error::io("open the session file", &path, e))?;
        let mut previous = String::new();
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                // Best effort: the holder wrote where it runs right after locking.
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
            Err(TryLockError::Error(e)) => return Err(Error::io("lock", &path, e)),
        }
        let _ = file.read_to_string(&mut previous);
        let took_over = (!previous.trim().is_empty()).then(|| SessionInfo::parse(&previous));
        let here = SessionInfo::here();
        let record = format!("{} {} {}\n", here.host, here.pid, here.since);
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(record.as_bytes()))
            .map_err(|e| Error::io("write", &path, e))?;
        Ok(SessionLock { file, took_over })
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Empty the record; the file stays, since removing a locked file would
        // let a waiting opener lock an orphaned inode. The lock goes with the handle.
        let _ = self.file.set_len(0);
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
