//! serve.log: where the server writes what happened, and how a string a
//! client sent gets into it.

use std::fs::OpenOptions;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::Error;

/// Permissions of serve.log: the chair and their group read it, nobody else
/// (it names reviewers and their addresses).
const LOG_MODE: u32 = 0o640;

/// Starts logging to `dir/serve.log` (and stderr). Keep the guard for as long
/// as the server runs: dropping it flushes the log.
pub fn start(dir: &Path) -> Result<tracing_appender::non_blocking::WorkerGuard, Error> {
    use tracing_subscriber::fmt::writer::MakeWriterExt;
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    let path = dir.join("serve.log");
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(LOG_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path)
        .map_err(|e| Error::io("open", &path, e))?;
    // A log an older panelist created 0644 is narrowed too.
    if let Ok(meta) = file.metadata()
        && meta.permissions().mode() & 0o777 & !LOG_MODE != 0
    {
        let mode = meta.permissions().mode() & LOG_MODE;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    let (file, guard) = tracing_appender::non_blocking(file);
    let _ = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        .with_writer(std::io::stderr.and(file))
        .try_init();
    Ok(guard)
}

/// Characters of a client's string that reach the log, at most.
const CLIENT_CHARS: usize = 64;

/// A string the client chose (an SSH user name, a command, a forwarding
/// address), fit for one line of the log: quoted, with every control,
/// format and non-printing character escaped as Rust escapes them (so no
/// newline, NUL or bidi override can forge or hide a line), and cut after
/// 64 characters, saying how long it was.
pub fn client(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars().take(CLIENT_CHARS) {
        out.extend(c.escape_debug());
    }
    out.push('"');
    let chars = text.chars().count();
    if chars > CLIENT_CHARS {
        out.push_str(&format!("… ({} bytes)", text.len()));
    }
    out
}

/// `client` for bytes that may not be UTF-8.
pub fn client_bytes(bytes: &[u8]) -> String {
    client(&String::from_utf8_lossy(
        &bytes[..bytes.len().min(4 * CLIENT_CHARS)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_string_cannot_start_a_line_or_run_on() {
        assert_eq!(client("t33"), "\"t33\"");
        assert_eq!(
            client("x\" from 1.2.3.4\nlogin: suematsu"),
            "\"x\\\" from 1.2.3.4\\nlogin: suematsu\""
        );
        assert_eq!(client("a\0b\u{202e}c"), "\"a\\0b\\u{202e}c\"");
        assert_eq!(client("名古屋"), "\"名古屋\"");
        let long = "a".repeat(250_000);
        let shown = client(&long);
        assert!(
            shown.starts_with(&format!("\"{}\"", "a".repeat(64))),
            "{shown}"
        );
        assert!(shown.ends_with("… (250000 bytes)"), "{shown}");
        assert!(shown.len() < 100);
    }
}
