//! A minimal RON tokenizer, enough to find a place in a file that parsed:
//! identifiers, strings and punctuation, with their positions and byte
//! spans.

use std::ops::Range;

use crate::error::Position;

#[derive(Debug)]
pub struct Token {
    pub kind: TokenKind,
    pub pos: Position,
    /// Where the token starts and ends in the text, in bytes.
    pub span: Range<usize>,
}

#[derive(Debug, PartialEq)]
pub enum TokenKind {
    Ident(String),
    Str(String),
    /// `(`, `[` or `{`.
    Open(char),
    /// `)`, `]` or `}`.
    Close(char),
    Colon,
    Comma,
}

/// A minimal RON tokenizer: identifiers, string literals and punctuation
/// with their positions; comments and numbers are skipped.
pub struct Tokens<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    col: usize,
    /// The byte just after the last character read.
    offset: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        Tokens {
            chars: text.char_indices().peekable(),
            line: 1,
            col: 1,
            offset: 0,
        }
    }

    fn bump(&mut self) -> Option<char> {
        let (at, c) = self.chars.next()?;
        self.offset = at + c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn skip_comment(&mut self) {
        match self.peek() {
            Some('/') => {
                while let Some(c) = self.bump() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            Some('*') => {
                self.bump();
                let mut depth = 1;
                while depth > 0 {
                    match self.bump() {
                        Some('*') if self.peek() == Some('/') => {
                            self.bump();
                            depth -= 1;
                        }
                        Some('/') if self.peek() == Some('*') => {
                            self.bump();
                            depth += 1;
                        }
                        Some(_) => {}
                        None => break,
                    }
                }
            }
            _ => {}
        }
    }

    fn string(&mut self) -> String {
        let mut value = String::new();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => {
                    if let Some(escaped) = self.bump() {
                        value.push(match escaped {
                            'n' => '\n',
                            't' => '\t',
                            other => other,
                        });
                    }
                }
                other => value.push(other),
            }
        }
        value
    }

    fn raw_string(&mut self) -> Option<String> {
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.bump() != Some('"') {
            return None;
        }
        let closing: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        let mut value = String::new();
        while let Some(c) = self.bump() {
            value.push(c);
            if value.ends_with(&closing) {
                value.truncate(value.len() - closing.len());
                break;
            }
        }
        Some(value)
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            let pos = Position {
                line: self.line,
                col: self.col,
            };
            let start = self.offset;
            let c = self.bump()?;
            let punctuation = match c {
                '(' | '[' | '{' => Some(TokenKind::Open(c)),
                ')' | ']' | '}' => Some(TokenKind::Close(c)),
                ':' => Some(TokenKind::Colon),
                ',' => Some(TokenKind::Comma),
                _ => None,
            };
            if let Some(kind) = punctuation {
                return Some(Token {
                    kind,
                    pos,
                    span: start..self.offset,
                });
            }
            match c {
                '/' => self.skip_comment(),
                '"' => {
                    return Some(Token {
                        kind: TokenKind::Str(self.string()),
                        pos,
                        span: start..self.offset,
                    });
                }
                'r' if matches!(self.peek(), Some('#' | '"')) => {
                    if let Some(value) = self.raw_string() {
                        return Some(Token {
                            kind: TokenKind::Str(value),
                            pos,
                            span: start..self.offset,
                        });
                    }
                }
                c if c.is_alphabetic() || c == '_' => {
                    let mut name = String::from(c);
                    while let Some(next) = self.peek() {
                        if next.is_alphanumeric() || next == '_' {
                            name.push(next);
                            self.bump();
                        } else {
                            break;
                        }
                    }
                    return Some(Token {
                        kind: TokenKind::Ident(name),
                        pos,
                        span: start..self.offset,
                    });
                }
                '\'' => {
                    // A char literal: skip it so that '"' isn't taken for a string.
                    if self.bump() == Some('\\') {
                        self.bump();
                    }
                    self.bump();
                }
                _ => {}
            }
        }
    }
}
