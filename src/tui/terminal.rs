//! The local terminal: raw mode and the alternate screen behind a guard that
//! restores them on every exit path (return, panic, SIGHUP, SIGTERM).

use std::collections::VecDeque;
use std::io::{self, Read, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Once};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use super::input::KeyParser;
use super::shell::Events;

/// Restores the terminal when dropped.
pub struct Guard {
    signals: Vec<signal_hook::SigId>,
    /// Set by SIGHUP, SIGTERM, SIGINT and SIGQUIT.
    pub stop: Arc<AtomicBool>,
}

pub type LocalTerminal = Terminal<CrosstermBackend<Stdout>>;

impl Guard {
    /// Enters raw mode and the alternate screen, and arranges for the terminal
    /// to be restored on panic and for signals to end the event loop.
    pub fn enter() -> io::Result<(LocalTerminal, Guard)> {
        install_panic_hook();
        let stop = Arc::new(AtomicBool::new(false));
        let mut signals = Vec::new();
        for signal in [
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
        ] {
            signals.push(signal_hook::flag::register(signal, Arc::clone(&stop))?);
        }
        let guard = Guard { signals, stop };
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide
        )?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok((terminal, guard))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Leaves raw mode and the alternate screen; errors are ignored, since the
/// terminal may be gone (a dropped SSH connection).
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Events of the local terminal: a thread reads stdin's bytes, which
/// [`KeyParser`] turns into keys; SIGWINCH becomes a resize. The end of input
/// (a hang-up) is an error, which ends the event loop at once.
pub struct LocalEvents {
    bytes: Receiver<io::Result<Vec<u8>>>,
    parser: KeyParser,
    queue: VecDeque<Event>,
    resized: Arc<AtomicBool>,
    _signal: Option<signal_hook::SigId>,
}

/// How long a lone ESC waits for the rest of an escape sequence.
const ESCAPE_WAIT: Duration = Duration::from_millis(40);

impl LocalEvents {
    pub fn start() -> io::Result<LocalEvents> {
        let (sender, bytes) = mpsc::channel();
        std::thread::Builder::new()
            .name("stdin".into())
            .spawn(move || read_stdin(&sender))?;
        let resized = Arc::new(AtomicBool::new(false));
        let signal =
            signal_hook::flag::register(signal_hook::consts::SIGWINCH, Arc::clone(&resized)).ok();
        Ok(LocalEvents {
            bytes,
            parser: KeyParser::new(),
            queue: VecDeque::new(),
            resized,
            _signal: signal,
        })
    }
}

fn read_stdin(sender: &Sender<io::Result<Vec<u8>>>) {
    let mut stdin = io::stdin();
    let mut buf = [0u8; 4096];
    loop {
        let message = match stdin.read(&mut buf) {
            Ok(0) => Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal closed",
            )),
            Ok(n) => Ok(buf[..n].to_vec()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => Err(e),
        };
        let last = message.is_err();
        if sender.send(message).is_err() || last {
            return;
        }
    }
}

impl Events for LocalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if let Some(event) = self.queue.pop_front() {
            return Ok(Some(event));
        }
        if self.resized.swap(false, Ordering::Relaxed) {
            let (width, height) = ratatui::crossterm::terminal::size()?;
            return Ok(Some(Event::Resize(width, height)));
        }
        let wait = if self.parser.waiting() {
            ESCAPE_WAIT
        } else {
            timeout
        };
        match self.bytes.recv_timeout(wait) {
            Ok(Ok(bytes)) => self.queue.extend(self.parser.feed(&bytes)),
            Ok(Err(e)) => return Err(e),
            Err(RecvTimeoutError::Timeout) => self.queue.extend(self.parser.flush()),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal closed",
                ));
            }
        }
        Ok(self.queue.pop_front())
    }
}
