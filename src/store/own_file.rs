//! How panelist opens its own files in `scores/` for writing: locks,
//! session files and journals. One policy for all of them.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Permissions of a new panel file: read and write for the owner and the
/// group (a panel's reviewers when they log in as separate users), nothing for
/// others. See the README's section on file permissions.
pub const PANEL_FILE_MODE: u32 = 0o660;

/// Permissions of the committee results: readable by all who may read the review.
pub const RESULTS_FILE_MODE: u32 = 0o644;

/// How the file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read and written anywhere (a lock, a session record).
    ReadWrite,
    /// Read, and written at its end only (a journal).
    Append,
}

/// Opens one of the review's own files in `scores/`, creating it if needed
/// and never truncating it: never through a symbolic link (a reviewer able
/// to create files in `scores/` must not lead panelist's writes outside the
/// review), and readable and writable by its owner and group alone whatever
/// the umask ([`share_with_group`]).
pub fn open(path: &Path, access: Access) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).create(true);
    match access {
        Access::ReadWrite => options.write(true).truncate(false),
        Access::Append => options.append(true),
    };
    let file = options
        .mode(PANEL_FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)?;
    share_with_group(&file);
    Ok(file)
}

/// Makes a file panelist created readable and writable by its group, whatever
/// the umask: the reviewers of a panel, logged in as separate users of one
/// group, share the lock and panel files. Only the owner may change the mode;
/// for anyone else this does nothing.
pub fn share_with_group(file: &File) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = file.metadata()
        && meta.permissions().mode() & PANEL_FILE_MODE != PANEL_FILE_MODE
    {
        let mode = meta.permissions().mode() | PANEL_FILE_MODE;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
}
