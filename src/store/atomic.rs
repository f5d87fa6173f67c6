//! Atomic, durable replacement of a file.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::Error;

/// Replaces `path` with `bytes` so that a crash at any instant leaves either
/// the old or the new file: a temporary file in the same directory is written
/// and fsynced, renamed over `path`, and the directory is fsynced.
///
/// The new file keeps the permissions of the file it replaces, so a panel file
/// shared by a panel's group stays writable for the group.
/// `new_mode` gives the permissions of a file that did not exist before.
pub fn write_atomic(path: &Path, bytes: &[u8], new_mode: u32) -> Result<(), Error> {
    write_atomic_parts(path, &[bytes], new_mode)
}

/// [`write_atomic`] of `parts` one after the other: a large file rendered in
/// pieces is written without first being copied into one.
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]], new_mode: u32) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a temporary file in", dir, e))?;
    for bytes in parts {
        temp.write_all(bytes)
            .map_err(|e| Error::io("write", temp.path(), e))?;
    }
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => std::fs::Permissions::from_mode(new_mode),
    };
    std::fs::set_permissions(temp.path(), permissions)
        .map_err(|e| Error::io("set permissions of", temp.path(), e))?;
    temp.as_file()
        .sync_all()
        .map_err(|e| Error::io("write", temp.path(), e))?;
    temp.persist(path)
        .map_err(|e| Error::io("replace", path, e.error))?;
    sync_dir(dir)
}

/// The temporary file of `path` is `.<name>.<random>.panelist.tmp` beside
/// it: hidden, never a `.ron`, and named after the file it will replace, so
/// that whoever holds that file's lock knows which leftovers are its own.
const TEMP_SUFFIX: &str = ".panelist.tmp";

fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

/// Removes the temporary files of `path` that a writer killed between
/// creating and renaming them left behind (a SIGKILL or a power cut runs no
/// destructor). Only for a caller holding the lock that every writer of
/// `path` takes: then no other writer's temporary file can be in the middle
/// of its write. Best effort: what can't be removed stays, harmless. Returns
/// how many were removed.
pub fn remove_leftovers(path: &Path) -> usize {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with(&prefix)
                && name.ends_with(TEMP_SUFFIX)
                && name.len() > prefix.len() + TEMP_SUFFIX.len()
                && entry.file_type().is_ok_and(|t| t.is_file())
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), Error> {
    let handle = std::fs::File::open(dir).map_err(|e| Error::io("open", dir, e))?;
    handle.sync_all().map_err(|e| Error::io("sync", dir, e))
}
