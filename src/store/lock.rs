//! The panel file's exclusive lock, held only for the duration of one save.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::own_file::{self, Access};
use crate::Error;

/// How long a save waits for another process's save to finish.
const WAIT: Duration = Duration::from_secs(10);

/// Held while a panel file is re-read and replaced. The lock is a separate,
/// hidden file (`scores/.<panel>.lock`): locking the panel file itself would
/// not survive its atomic replacement by rename.
#[derive(Debug)]
pub struct PanelLock {
    _file: File,
}

impl PanelLock {
    pub fn lock_path(scores: &Path, panel: &str) -> PathBuf {
        scores.join(format!(".{panel}.lock"))
    }

    /// Waits up to 10 s for the lock; the OS releases it if its holder dies.
    pub fn acquire(scores: &Path, panel: &str) -> Result<PanelLock, Error> {
        Self::acquire_within(scores, panel, WAIT)
    }

    /// Waits up to `wait` for the lock.
    pub fn acquire_within(scores: &Path, panel: &str, wait: Duration) -> Result<PanelLock, Error> {
        let path = Self::lock_path(scores, panel);
        let file = own_file::open(&path, Access::ReadWrite)
            .map_err(|e| Error::io("open the lock file", &path, e))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(PanelLock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::LockTimeout {
                        path,
                        seconds: wait.as_secs().max(1),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(Error::io("lock", &path, e)),
            }
        }
    }
}
