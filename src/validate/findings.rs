//! Problems of one file, found by pure code and located by a path of
//! anchors through the file's text.

use crate::Problem;
use crate::source::{Anchor, SourceText};

/// A problem found in a file, located by a path of anchors through it
/// rather than by line: found by pure code, located by the caller who has the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub at: Vec<Anchor>,
    pub message: String,
}

impl Finding {
    pub fn new(at: &[Anchor], message: String) -> Finding {
        Finding {
            at: at.to_vec(),
            message,
        }
    }

    /// The problem with its line and column in `source`.
    pub fn locate(&self, source: &SourceText) -> Problem {
        Problem::at(&source.path, source.locate(&self.at), self.message.clone())
    }
}

/// At most this many problems of one file are listed (each with its line
/// and column); the rest are counted. Locating a problem reads the file
/// from its start, so a hostile file with a problem on every line would
/// otherwise take minutes, and nobody reads sixty thousand lines of errors.
pub const MAX_PROBLEMS_PER_FILE: usize = 50;

/// Collects problems of one file, each located by a path of anchors.
pub struct Findings<'s> {
    source: &'s SourceText,
    pub problems: Vec<Problem>,
    /// Problems found beyond [`MAX_PROBLEMS_PER_FILE`].
    more: usize,
}

impl<'s> Findings<'s> {
    pub fn new(source: &'s SourceText) -> Self {
        Findings {
            source,
            problems: Vec::new(),
            more: 0,
        }
    }

    pub fn add(&mut self, at: &[Anchor], message: String) {
        if self.problems.len() >= MAX_PROBLEMS_PER_FILE {
            self.more += 1;
            return;
        }
        let pos = self.source.locate(at);
        self.problems
            .push(Problem::at(&self.source.path, pos, message));
    }

    /// The problems listed, then how many more there are.
    pub fn finish(mut self) -> Vec<Problem> {
        if self.more > 0 {
            let mut more = Problem::at(
                &self.source.path,
                None,
                crate::t!(
                    "check-more-problems",
                    count = self.more,
                    shown = MAX_PROBLEMS_PER_FILE
                ),
            );
            more.unlisted = self.more;
            self.problems.push(more);
        }
        self.problems
    }
}

pub fn field(name: &'static str) -> Anchor {
    Anchor::Field(name)
}

pub fn s(value: &str) -> Anchor {
    Anchor::str(value)
}
