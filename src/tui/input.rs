//! Keys from raw terminal bytes. The same parser reads the local terminal and
//! an SSH channel, so both behave alike; reading bytes ourselves also means
//! the end of input (a dropped connection) is seen at once instead of being
//! polled in a loop.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};

/// Turns a stream of bytes into key and paste events. Bytes may arrive in
/// any chunks; an escape sequence or a UTF-8 character split across chunks is
/// completed by the next one.
#[derive(Debug, Default)]
pub struct KeyParser {
    pending: Vec<u8>,
    paste: Option<Vec<u8>>,
}

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
/// A paste larger than this is cut: a note is not a file upload.
const MAX_PASTE: usize = 64 * 1024;

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn plain(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

/// What the start of the buffer holds.
enum Parsed {
    /// An event, and the bytes it took.
    Event(Event, usize),
    /// Bytes to drop (an unknown sequence), without an event.
    Skip(usize),
    /// The buffer ends inside a sequence: wait for more bytes.
    Incomplete,
}

impl KeyParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `bytes`; returns the complete events.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        loop {
            if self.paste.is_some() {
                let Some(end) = find(&self.pending, PASTE_END) else {
                    // Keep a possible start of the end marker for the next chunk.
                    let take = self.pending.len() - partial_suffix(&self.pending, PASTE_END);
                    if let Some(paste) = &mut self.paste
                        && paste.len() < MAX_PASTE
                    {
                        paste.extend_from_slice(&self.pending[..take]);
                    }
                    self.pending.drain(..take);
                    return events;
                };
                let mut text = self.paste.take().unwrap_or_default();
                text.extend_from_slice(&self.pending[..end]);
                text.truncate(MAX_PASTE);
                self.pending.drain(..end + PASTE_END.len());
                events.push(Event::Paste(String::from_utf8_lossy(&text).into_owned()));
                continue;
            }
            if self.pending.is_empty() {
                return events;
            }
            if self.pending.starts_with(PASTE_START) {
                self.pending.drain(..PASTE_START.len());
                self.paste = Some(Vec::new());
                continue;
            }
            match parse(&self.pending) {
                Parsed::Event(event, used) => {
                    self.pending.drain(..used);
                    events.push(event);
                }
                Parsed::Skip(used) => {
                    self.pending.drain(..used);
                }
                Parsed::Incomplete => return events,
            }
        }
    }

    /// Called when no byte followed for a moment: a lone ESC is the Esc key,
    /// and an unfinished sequence is given up.
    pub fn flush(&mut self) -> Vec<Event> {
        if self.paste.is_some() {
            return Vec::new();
        }
        let mut events = Vec::new();
        if self.pending.first() == Some(&ESC) {
            self.pending.remove(0);
            events.push(plain(KeyCode::Esc));
            events.extend(self.feed(&[]));
        }
        self.pending.clear();
        events
    }

    /// Whether bytes are waiting for the rest of a sequence.
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty() && self.paste.is_none()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `bytes` could begin `marker`.
fn partial_suffix(bytes: &[u8], marker: &[u8]) -> usize {
    (1..marker.len())
        .rev()
        .find(|&n| bytes.len() >= n && bytes[bytes.len() - n..] == marker[..n])
        .unwrap_or(0)
}

fn parse(bytes: &[u8]) -> Parsed {
    let first = bytes[0];
    match first {
        ESC => escape(bytes),
        b'\r' | b'\n' => Parsed::Event(plain(KeyCode::Enter), 1),
        b'\t' => Parsed::Event(plain(KeyCode::Tab), 1),
        0x7f | 0x08 => Parsed::Event(plain(KeyCode::Backspace), 1),
        0x00 => Parsed::Event(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        0x01..=0x1a => Parsed::Event(
            key(
                KeyCode::Char((b'a' + first - 1) as char),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        0x1c..=0x1f => Parsed::Skip(1),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Parsed {
    let len = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Parsed::Skip(1),
    };
    if bytes.len() < len {
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&bytes[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let modifiers = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Parsed::Event(key(KeyCode::Char(c), modifiers), len)
        }
        None => Parsed::Skip(1),
    }
}

fn escape(bytes: &[u8]) -> Parsed {
    match bytes.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => csi(bytes),
        Some(b'O') => match bytes.get(2) {
            None => Parsed::Incomplete,
            Some(&final_byte) => match final_key(final_byte) {
                Some(code) => Parsed::Event(plain(code), 3),
                None => Parsed::Skip(3),
            },
        },
        Some(&ESC) => Parsed::Event(plain(KeyCode::Esc), 1),
        Some(_) => match parse(&bytes[1..]) {
            // Alt-key: ESC then the key.
            Parsed::Event(Event::Key(mut k), used) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Event::Key(k), used + 1)
            }
            Parsed::Event(_, used) | Parsed::Skip(used) => Parsed::Skip(used + 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

/// The key of a CSI or SS3 sequence's final byte, for the keys without a number.
fn final_key(byte: u8) -> Option<KeyCode> {
    Some(match byte {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// `ESC [ params final`: arrows, Home/End, Delete, PageUp/Down, Shift-Tab,
/// with xterm's modifier parameter (`1;5C` is Ctrl-Right).
fn csi(bytes: &[u8]) -> Parsed {
    const MAX_LEN: usize = 32;
    let Some(end) = bytes.iter().skip(2).position(|b| (0x40..=0x7e).contains(b)) else {
        return if bytes.len() > MAX_LEN {
            Parsed::Skip(bytes.len())
        } else {
            Parsed::Incomplete
        };
    };
    let end = end + 2;
    let used = end + 1;
    let params = std::str::from_utf8(&bytes[2..end]).unwrap_or("");
    let mut numbers = params.split(';').map(|p| p.parse::<u16>().ok());
    let first = numbers.next().flatten();
    let modifiers = numbers
        .next()
        .flatten()
        .map_or(KeyModifiers::NONE, modifiers);
    let code = match (bytes[end], first) {
        (b'Z', _) => return Parsed::Event(key(KeyCode::BackTab, KeyModifiers::SHIFT), used),
        (b'~', Some(1 | 7)) => KeyCode::Home,
        (b'~', Some(2)) => KeyCode::Insert,
        (b'~', Some(3)) => KeyCode::Delete,
        (b'~', Some(4 | 8)) => KeyCode::End,
        (b'~', Some(5)) => KeyCode::PageUp,
        (b'~', Some(6)) => KeyCode::PageDown,
        (b'~', Some(n @ 11..=15)) => KeyCode::F((n - 10) as u8),
        (b'~', Some(n @ 17..=21)) => KeyCode::F((n - 11) as u8),
        (b'~', Some(n @ 23..=24)) => KeyCode::F((n - 12) as u8),
        (final_byte, _) => match final_key(final_byte) {
            Some(code) => code,
            None => return Parsed::Skip(used),
        },
    };
    Parsed::Event(key(code, modifiers), used)
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers(param: u16) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(events: &[Event]) -> Vec<KeyCode> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some(k.code),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn reads_keys_a_reviewer_types() {
        let mut p = KeyParser::new();
        let events = p.feed(b"4.5\r\x1b[A\x1b[B\x1b[C\x1b[D\t\x1b[Z\x7f\x1b[3~");
        assert_eq!(
            codes(&events),
            [
                KeyCode::Char('4'),
                KeyCode::Char('.'),
                KeyCode::Char('5'),
                KeyCode::Enter,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Right,
                KeyCode::Left,
                KeyCode::Tab,
                KeyCode::BackTab,
                KeyCode::Backspace,
                KeyCode::Delete,
            ]
        );
    }

    #[test]
    fn ctrl_c_is_a_key_with_control() {
        let events = KeyParser::new().feed(b"\x03");
        assert_eq!(events, [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    }

    #[test]
    fn application_mode_arrows() {
        assert_eq!(
            codes(&KeyParser::new().feed(b"\x1bOA\x1bOD")),
            [KeyCode::Up, KeyCode::Left]
        );
    }

    #[test]
    fn a_lone_escape_waits_then_is_esc() {
        let mut p = KeyParser::new();
        assert!(p.feed(b"\x1b").is_empty());
        assert!(p.waiting());
        assert_eq!(codes(&p.flush()), [KeyCode::Esc]);
        assert!(!p.waiting());
    }

    #[test]
    fn sequences_and_utf8_split_across_chunks() {
        let mut p = KeyParser::new();
        assert!(p.feed(b"\x1b[").is_empty());
        assert_eq!(codes(&p.feed(b"C")), [KeyCode::Right]);
        let text = "札".as_bytes();
        assert!(p.feed(&text[..1]).is_empty());
        assert_eq!(codes(&p.feed(&text[1..])), [KeyCode::Char('札')]);
    }

    #[test]
    fn bracketed_paste_is_one_event_even_in_pieces() {
        let mut p = KeyParser::new();
        assert!(p.feed(b"\x1b[200~line one\rline").is_empty());
        assert!(p.feed(" two 日本\x1b[20".as_bytes()).is_empty());
        let events = p.feed(b"1~x");
        assert_eq!(events[0], Event::Paste("line one\rline two 日本".into()));
        assert_eq!(codes(&events[1..]), [KeyCode::Char('x')]);
    }

    #[test]
    fn modifiers_and_alt() {
        let events = KeyParser::new().feed(b"\x1b[1;5C\x1bx");
        assert_eq!(events[0], key(KeyCode::Right, KeyModifiers::CONTROL));
        assert_eq!(events[1], key(KeyCode::Char('x'), KeyModifiers::ALT));
    }

    #[test]
    fn garbage_never_panics_and_is_dropped() {
        let mut p = KeyParser::new();
        let _ = p.feed(&[0xff, 0xfe, 0x1b, b'[', 0xff, b'~', 0xc3]);
        let _ = p.flush();
        let _ = p.feed(&[0x1b; 100]);
        let _ = p.flush();
        assert!(!p.waiting());
    }
}
