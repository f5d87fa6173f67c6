//! Errors of the library. Each problem names the file, the line and column
//! where it has one, and says what to do.

use std::fmt;
use std::path::{Path, PathBuf};

/// A 1-based line and column in a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One problem with one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub pos: Option<Position>,
    pub message: String,
    /// When this is the note that problems of the file went unlisted (see
    /// [`crate::validate::MAX_PROBLEMS_PER_FILE`]): how many; else 0.
    pub unlisted: usize,
}

impl Problem {
    pub fn at(file: &Path, pos: Option<Position>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_path_buf(),
            pos,
            message: message.into(),
            unlisted: 0,
        }
    }

    pub fn io(file: &Path, action: &str, err: &std::io::Error) -> Problem {
        Problem::at(
            file,
            None,
            crate::t!(
                "problem-io",
                action = action_words(action),
                reason = io_reason(err)
            ),
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

impl Problems {
    /// How many problems were found, listed or not.
    pub fn count(&self) -> usize {
        // A note of unlisted problems stands for them, not for one more.
        self.0.iter().map(|p| p.unlisted.max(1)).sum()
    }
}

impl From<Problem> for Problems {
    fn from(problem: Problem) -> Self {
        Problems(vec![problem])
    }
}

/// An error of the library. Displayed in the thread's language.
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
    /// A save found the panel file invalid and wrote nothing (writing would
    /// overwrite it). `journal`: a journal could rebuild it.
    #[error("{}\n{}", problems, if *journal { crate::t!("save-invalid-file-repair") } else { crate::t!("save-invalid-file") })]
    PanelFileInvalid { problems: Problems, journal: bool },
    /// Another session of the same reviewer on the same panel is running.
    #[error("{}", crate::t!("error-session-busy", reviewer = reviewer, panel = panel, host = host, pid = pid, since = since))]
    SessionBusy {
        reviewer: String,
        panel: String,
        host: String,
        pid: String,
        since: String,
    },
    /// The panel file stayed locked by another process too long.
    #[error("{}", crate::t!("error-lock-timeout", path = path.display(), seconds = seconds))]
    LockTimeout { path: PathBuf, seconds: u64 },
    /// `action` is an English verb phrase ("read", "write the journal");
    /// shown in the thread's language.
    #[error("{}", crate::t!("error-io", action = action_words(action), path = path.display(), reason = io_reason(source)))]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// An I/O action in the thread's language.
fn action_words(action: &str) -> String {
    let key = match action {
        "create" => "io-create",
        "create a temporary file in" => "io-create-temp",
        "list" => "io-list",
        "lock" => "io-lock",
        "open" => "io-open",
        "open the journal" => "io-open-journal",
        "open the lock file" => "io-open-lock",
        "open the session file" => "io-open-session",
        "read" => "io-read",
        "read the journal" => "io-read-journal",
        "replace" => "io-replace",
        "set aside" => "io-set-aside",
        "set permissions of" => "io-set-permissions",
        "set up" => "io-set-up",
        "start" => "io-start",
        "sync" => "io-sync",
        "write" => "io-write",
        "write the journal" => "io-write-journal",
        "draw on" => "io-draw",
        other => return other.to_string(),
    };
    crate::i18n::text(key, &[])
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
    /// The error as a reviewer connected to `panelist serve` is told it:
    /// what they can act on, without the server's paths, host name or
    /// process ids (the server logs the whole error).
    pub fn for_remote(&self) -> String {
        match self {
            Error::Refused(message) | Error::Usage(message) => message.clone(),
            Error::SessionBusy {
                reviewer,
                panel,
                since,
                ..
            } => crate::t!(
                "error-session-busy-remote",
                reviewer = reviewer,
                panel = panel,
                since = since
            ),
            _ => crate::t!("error-remote"),
        }
    }

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
                    ErrorKind::StorageFull => crate::t!("brief-disk-full"),
                    ErrorKind::ReadOnlyFilesystem => crate::t!("brief-read-only"),
                    ErrorKind::PermissionDenied => crate::t!("brief-permission"),
                    ErrorKind::NotFound => crate::t!("brief-missing"),
                    _ => source.to_string(),
                };
                format!("{what} ({})", name(path))
            }
            Error::LockTimeout { .. } => crate::t!("brief-locked"),
            Error::Invalid(problems) => match problems.0.first() {
                Some(problem) => crate::t!("brief-file-invalid", file = name(&problem.file)),
                None => crate::t!("brief-invalid-input"),
            },
            Error::PanelFileInvalid { .. } => crate::t!("brief-panel-invalid"),
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
        ErrorKind::NotFound => crate::t!("io-not-found"),
        ErrorKind::PermissionDenied => crate::t!("io-permission"),
        ErrorKind::StorageFull => crate::t!("io-disk-full"),
        ErrorKind::ReadOnlyFilesystem => crate::t!("io-read-only"),
        _ => err.to_string(),
    }
}
