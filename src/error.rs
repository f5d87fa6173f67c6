//! Errors of the library. Each problem names the file, the line and column
//! where it has one, and says what to do.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::source::Position;

/// One problem with one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub pos: Option<Position>,
    pub message: String,
}

impl Problem {
    pub fn at(file: &Path, pos: Option<Position>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_path_buf(),
            pos,
            message: message.into(),
        }
    }

    pub fn io(file: &Path, action: &str, err: &std::io::Error) -> Problem {
        Problem::at(
            file,
            None,
            format!("cannot {action} the file: {}", io_reason(err)),
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(pos) => write!(f, "{}:{}: {}", self.file.display(), pos, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Every problem found in a set of files, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Problems(vec![problem])
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input files are invalid; nothing was written.
    #[error("{0}")]
    Invalid(Problems),
    /// The command line is incomplete or contradictory (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// The request can't be carried out as asked (marks still due, a sheet
    /// already submitted, an id that isn't in the review...).
    #[error("{0}")]
    Refused(String),
    /// Another session of the same reviewer on the same panel is running.
    #[error(
        "{reviewer} already has a review session open on panel {panel}: on {host}, pid {pid}, since {since}.\nQuit that session first (or, if it is gone, wait a few seconds and try again)."
    )]
    SessionBusy {
        reviewer: String,
        panel: String,
        host: String,
        pid: String,
        since: String,
    },
    /// The panel file stayed locked by another process too long.
    #[error(
        "{}: locked by another process for more than {seconds} s; try again, and if it persists look for a hung panelist process",
        path.display()
    )]
    LockTimeout { path: PathBuf, seconds: u64 },
    #[error("cannot {action} {}: {}", path.display(), io_reason(source))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl From<Problem> for Error {
    fn from(problem: Problem) -> Self {
        Error::Invalid(problem.into())
    }
}

impl From<Problems> for Error {
    fn from(problems: Problems) -> Self {
        Error::Invalid(problems)
    }
}

impl Error {
    /// The error in a few words, for a status line: what went wrong and with
    /// which file, without the advice the full message gives.
    pub fn brief(&self) -> String {
        let name = |path: &Path| {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        match self {
            Error::Io { path, source, .. } => {
                use std::io::ErrorKind;
                let what = match source.kind() {
                    ErrorKind::StorageFull => "the disk is full".to_string(),
                    ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
                    ErrorKind::PermissionDenied => "permission denied".to_string(),
                    ErrorKind::NotFound => "a file or directory is missing".to_string(),
                    _ => source.to_string(),
                };
                format!("{what} ({})", name(path))
            }
            Error::LockTimeout { .. } => "the panel file is locked by another process".to_string(),
            Error::Invalid(problems) => match problems.0.first() {
                Some(problem) => format!("{} is invalid", name(&problem.file)),
                None => "invalid input".to_string(),
            },
            Error::Refused(message) if message.contains("The panel file is invalid") => {
                "the panel file is invalid; tell the chair (panelist check)".to_string()
            }
            other => other
                .to_string()
                .lines()
                .next()
                .unwrap_or_default()
                .to_string(),
        }
    }
}

/// An I/O error in words a reviewer can act on.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => {
            "permission denied; ask the chair for write access to the review directory".into()
        }
        ErrorKind::StorageFull => "the disk is full; free some space and try again".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        _ => err.to_string(),
    }
}
