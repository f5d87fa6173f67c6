//! Reading RON files so that every problem can name a file, a line and a column.
//!
//! ron reports syntax and type errors with a position. Problems found after
//! parsing (an unknown reviewer, a mark over the maximum) are located with
//! [`SourceText::locate`], which walks the file's tokens along a path of
//! anchors such as `panels` → `"committee"` → `"xyz"`.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub use crate::error::Position;
use crate::model::{PanelFile, Review};

mod cursor;
mod de;
mod fast;
mod spans;
mod tokens;
mod values;

pub use de::read_implicit_some;
pub use spans::{panel_regions_span, with_per_member};
use tokens::{TokenKind, Tokens};

/// One step of a path through a RON file: a field or struct name, or a string
/// literal (an id or a map key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Field(&'static str),
    Str(String),
}

impl Anchor {
    pub fn str(s: impl Into<String>) -> Anchor {
        Anchor::Str(s.into())
    }
}

/// The text of a file that was read, kept to locate problems in it.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
}

/// Maximum size of a file panelist reads: large enough for a panel of a
/// national funding agency, small enough that a hostile file can't exhaust memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

impl SourceText {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceText {
        SourceText {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Parses the text as `T`, turning ron's error into one with the file,
    /// line and column.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, crate::Problem> {
        ron::Options::default()
            .with_recursion_limit(64)
            .from_str(&self.text)
            .map_err(|e| {
                let pos = Position {
                    line: e.span.start.line,
                    col: e.span.start.col,
                };
                let message = values::message(&self.text, pos, &e.code)
                    .unwrap_or_else(|| syntax_message(&e.code));
                crate::Problem::at(&self.path, Some(pos), message)
            })
    }

    /// Parses the text as a panel file: with the fast reader of [`fast`]
    /// when it takes the file, else with ron. The result is the same; the
    /// errors are always ron's.
    pub fn parse_panel_file(&self) -> Result<PanelFile, crate::Problem> {
        match fast::panel_file(&self.text) {
            Some(file) => Ok(file),
            None => self.parse(),
        }
    }

    /// Parses the text as a `review.ron`: with the fast reader of [`de`]
    /// when it takes the file, else with ron. The result is the same; the
    /// errors are always ron's.
    pub fn parse_review(&self) -> Result<Review, crate::Problem> {
        match de::read(&self.text) {
            Some(review) => Ok(review),
            None => self.parse(),
        }
    }

    /// The position of the last anchor of `path`, each anchor searched for after
    /// the previous one. When an anchor can't be found, the position of the
    /// last one that was (or `None`).
    pub fn locate(&self, path: &[Anchor]) -> Option<Position> {
        let mut found = None;
        let mut tokens = Tokens::new(&self.text);
        'anchors: for anchor in path {
            for token in tokens.by_ref() {
                let hit = match (&token.kind, anchor) {
                    (TokenKind::Ident(name), Anchor::Field(field)) => name == field,
                    (TokenKind::Str(value), Anchor::Str(wanted)) => value == wanted,
                    _ => false,
                };
                if hit {
                    found = Some(token.pos);
                    continue 'anchors;
                }
            }
            break;
        }
        found
    }
}

fn syntax_message(code: &ron::Error) -> String {
    let hint = match code {
        ron::Error::NoSuchStructField { .. } | ron::Error::NoSuchEnumVariant { .. } => {
            crate::t!("src-hint-spelling")
        }
        ron::Error::MissingStructField { .. } => crate::t!("src-hint-add-field"),
        ron::Error::ExceededRecursionLimit => String::new(),
        _ => crate::t!("src-hint-syntax"),
    };
    match code {
        ron::Error::ExceededRecursionLimit => {
            crate::t!("src-too-deep")
        }
        _ => format!("{code}{hint}"),
    }
}

/// Reads a file as UTF-8 text, refusing files too large to be ours and
/// anything that is not a regular file (a FIFO would hang the reader, a
/// device never end).
pub fn read_text(path: &Path) -> Result<SourceText, crate::Problem> {
    read_text_with(path, 0)
}

/// [`read_text`] refusing a symbolic link too: the files of `scores/`, which
/// reviewers may be able to create, must not lead outside the review.
pub fn read_text_no_link(path: &Path) -> Result<SourceText, crate::Problem> {
    read_text_with(path, libc::O_NOFOLLOW)
}

fn read_text_with(path: &Path, flags: libc::c_int) -> Result<SourceText, crate::Problem> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        // Non-blocking, so that opening a FIFO returns at once; it has no
        // effect on the regular file read below.
        .custom_flags(flags | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ELOOP) && flags & libc::O_NOFOLLOW != 0 {
                crate::Problem::at(path, None, crate::t!("store-symlink"))
            } else {
                crate::Problem::io(path, "read", &e)
            }
        })?;
    let kind = file
        .metadata()
        .map_err(|e| crate::Problem::io(path, "read", &e))?;
    if !kind.is_file() {
        return Err(crate::Problem::at(path, None, crate::t!("src-not-a-file")));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::Problem::io(path, "read", &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(crate::Problem::at(
            path,
            None,
            crate::t!("src-too-large", mib = MAX_FILE_BYTES / 1024 / 1024),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        crate::Problem::at(
            path,
            Some(Position { line, col: 1 }),
            crate::t!("src-not-utf8"),
        )
    })?;
    Ok(SourceText::new(path, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"Review(
    // "committee" in a comment is not a hit
    panels: [
        Panel(id: "committee", members: ["a", "b"]),
        Panel(id: "tech", members: ["b", r#"c"#]),
    ],
)"##;

    #[test]
    fn locates_a_string_after_its_parents() {
        let src = SourceText::new("review.ron", TEXT);
        let pos = src.locate(&[
            Anchor::Field("panels"),
            Anchor::str("tech"),
            Anchor::str("b"),
        ]);
        assert_eq!(pos, Some(Position { line: 5, col: 37 }));
    }

    #[test]
    fn skips_comments_and_reads_raw_strings() {
        let src = SourceText::new("review.ron", TEXT);
        assert_eq!(
            src.locate(&[Anchor::str("committee")]),
            Some(Position { line: 4, col: 19 })
        );
        assert_eq!(
            src.locate(&[Anchor::str("c")]),
            Some(Position { line: 5, col: 42 })
        );
    }

    #[test]
    fn falls_back_to_the_last_anchor_found() {
        let src = SourceText::new("review.ron", TEXT);
        let pos = src.locate(&[Anchor::Field("panels"), Anchor::str("nowhere")]);
        assert_eq!(pos, Some(Position { line: 3, col: 5 }));
    }
}
