//! The panel file's exclusive lock, held only for the duration of one save.

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o660)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&path)
            .map_err(|e| Error::io("open the lock file", &path, e))?;
        share_with_group(&file);
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

/// Makes a file panelist created readable and writable by its group, whatever
/// the umask: the reviewers of a panel, logged in as separate users of one
/// group, share the lock and panel files. Only the owner may change the mode;
/// for anyone else this does nothing.
pub fn share_with_group(file: &File) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = file.metadata()
        && meta.permissions().mode() & 0o660 != 0o660
    {
        let mode = meta.permissions().mode() | 0o660;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
}
