//! The characters of RON as panelist's fast readers take them: whitespace
//! and comments, identifiers, strings with their escapes, numbers and the
//! commas between elements, each read exactly as ron reads it or declined
//! (`None`), for ron to read instead. [`super::fast`] reads panel files on
//! it, [`super::de`] any of panelist's types through serde.

use std::borrow::Cow;

#[derive(Clone, Copy)]
pub(super) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Cursor<'a> {
        Cursor { text, pos: 0 }
    }

    /// Whether the whole text was read.
    pub(super) fn at_end(&self) -> bool {
        self.pos == self.text.len()
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub(super) fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    pub(super) fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    pub(super) fn rest(&self) -> &'a [u8] {
        &self.text.as_bytes()[self.pos..]
    }

    /// Whitespace and comments, as ron skips them; declines Unicode
    /// whitespace and comments that don't end.
    pub(super) fn ws(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => self.pos += 1,
                Some(b'/') => self.comment()?,
                Some(byte) if byte >= 0x80 => {
                    // ron takes some non-ASCII characters for whitespace.
                    let c = self.text[self.pos..].chars().next()?;
                    if matches!(
                        c,
                        '\u{85}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}'
                    ) {
                        return None;
                    }
                    return Some(());
                }
                _ => return Some(()),
            }
        }
    }

    pub(super) fn comment(&mut self) -> Option<()> {
        let rest = self.rest();
        match rest.get(1) {
            Some(b'/') => {
                // A line comment must end with a newline: ron reads one
                // that ends the file differently.
                let end = rest.iter().position(|&b| b == b'\n')?;
                self.pos += end + 1;
            }
            Some(b'*') => {
                let mut depth = 0usize;
                let mut i = 0;
                loop {
                    match (rest.get(i)?, rest.get(i + 1)) {
                        (b'/', Some(b'*')) => {
                            depth += 1;
                            i += 2;
                        }
                        (b'*', Some(b'/')) => {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => i += 1,
                    }
                }
                self.pos += i;
            }
            _ => return None,
        }
        Some(())
    }

    /// A plain ASCII identifier; declines one that may go on with a
    /// non-ASCII character.
    pub(super) fn ident(&mut self) -> Option<&'a str> {
        let rest = self.rest();
        let first = *rest.first()?;
        if !(first.is_ascii_alphabetic() || first == b'_') {
            return None;
        }
        let len = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
            .unwrap_or(rest.len());
        if rest.get(len).is_some_and(|&b| b >= 0x80) {
            return None;
        }
        let ident = &self.text[self.pos..self.pos + len];
        self.pos += len;
        Some(ident)
    }

    /// A string, borrowed from the text when it has no escapes.
    pub(super) fn string(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        let rest = self.rest();
        let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
        if rest[end] == b'"' {
            let value = &self.text[self.pos..self.pos + end];
            self.pos += end + 1;
            return Some(Cow::Borrowed(value));
        }
        let mut value = String::new();
        loop {
            let rest = self.rest();
            let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            value.push_str(&self.text[self.pos..self.pos + end]);
            self.pos += end + 1;
            if rest[end] == b'"' {
                return Some(Cow::Owned(value));
            }
            value.push(self.escape()?);
        }
    }

    /// The character of an escape, after its `\`: the escapes of ron but
    /// `\x` and line continuations, which are declined.
    pub(super) fn escape(&mut self) -> Option<char> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(match byte {
            b'\'' => '\'',
            b'"' => '"',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => {
                self.expect(b'{')?;
                let mut code = 0u32;
                let mut digits = 0;
                while digits < 6 && self.peek() != Some(b'}') {
                    let digit = char::from(self.peek()?).to_digit(16)?;
                    self.pos += 1;
                    code = code << 4 | digit;
                    digits += 1;
                }
                if digits == 0 {
                    return None;
                }
                self.expect(b'}')?;
                char::from_u32(code)?
            }
            _ => return None,
        })
    }

    /// `-?[0-9]+(\.[0-9]+)?`, parsed as ron parses it; declines exponents,
    /// `inf`, suffixes and the rest.
    pub(super) fn number(&mut self) -> Option<f64> {
        let rest = self.rest();
        let digits = |from: usize| {
            rest[from.min(rest.len())..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let mut len = usize::from(rest.first() == Some(&b'-'));
        let whole = digits(len);
        if whole == 0 {
            return None;
        }
        len += whole;
        if rest.get(len) == Some(&b'.') {
            let fraction = digits(len + 1);
            if fraction == 0 {
                return None;
            }
            len += 1 + fraction;
        }
        if rest.get(len).is_some_and(|&b| ends_no_number(b)) {
            return None;
        }
        let value = self.text[self.pos..self.pos + len].parse().ok()?;
        self.pos += len;
        Some(value)
    }

    pub(super) fn boolean(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// `Name(` or `(`, as ron takes a struct's name to be optional.
    pub(super) fn open_struct(&mut self, name: &str) -> Option<()> {
        if self.peek() != Some(b'(') && self.ident()? != name {
            return None;
        }
        self.ws()?;
        self.expect(b'(')
    }

    /// The elements of a list, map or struct up to `close`, each read by
    /// `element`, with ron's rules for commas.
    pub(super) fn elements(
        &mut self,
        close: u8,
        mut element: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        let mut had_comma = true;
        loop {
            self.ws()?;
            if self.eat(close) {
                return Some(());
            }
            if !had_comma {
                return None;
            }
            element(self)?;
            self.ws()?;
            had_comma = self.eat(b',');
        }
    }

    /// `-?[0-9]+` as an integer of type `T` (`-` only when `signed`),
    /// parsed as ron parses it; declines `+`, `0x`, `_`, suffixes, a
    /// fraction and a value out of `T`'s range.
    pub(super) fn integer<T: std::str::FromStr>(&mut self, signed: bool) -> Option<T> {
        let rest = self.rest();
        let sign = usize::from(signed && rest.first() == Some(&b'-'));
        let digits = rest[sign..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 {
            return None;
        }
        let len = sign + digits;
        if rest.get(len).is_some_and(|&b| ends_no_number(b)) {
            return None;
        }
        let value = self.text[self.pos..self.pos + len].parse().ok()?;
        self.pos += len;
        Some(value)
    }
}

/// Whether `byte` right after digits makes them something other than a
/// number this reader takes (`1e3`, `1.`, `1_000`, `4f64`, `1..2`).
fn ends_no_number(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'+' | b'-' | b'_')
}
