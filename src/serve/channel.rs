//! One reviewer's TUI over an SSH channel: bytes in become keys through the
//! same parser as a local terminal; frames out go to the channel. The TUI
//! runs on its own thread with the same event loop as `panelist review`.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use tokio::sync::mpsc::UnboundedSender;

use crate::store::LoadedReview;
use crate::tui::input::KeyParser;
use crate::tui::review;
use crate::tui::session::Setup;
use crate::tui::shell::{Events, Exit};

/// What the connection sends to the session.
#[derive(Debug)]
pub enum Input {
    Bytes(Vec<u8>),
    Resize(u16, u16),
}

/// What the session sends to the connection.
#[derive(Debug)]
pub enum Output {
    Data(Vec<u8>),
    /// The session is over: send the exit status and close the channel.
    End(u32),
}

/// Frames for the channel: collected, and sent as one message on flush.
pub struct ChannelWriter {
    out: UnboundedSender<Output>,
    pending: Vec<u8>,
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.pending);
        self.out
            .send(Output::Data(data))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the connection is closed"))
    }
}

/// Keys from the channel; the end of the connection is an error, and so is
/// `idle` without a key.
pub struct ChannelEvents {
    input: Receiver<Input>,
    parser: KeyParser,
    queue: VecDeque<Event>,
    idle: Duration,
    last_key: Instant,
    pub idled: bool,
}

const ESCAPE_WAIT: Duration = Duration::from_millis(40);

impl ChannelEvents {
    pub fn new(input: Receiver<Input>, idle: Duration) -> Self {
        ChannelEvents {
            input,
            parser: KeyParser::new(),
            queue: VecDeque::new(),
            idle,
            last_key: Instant::now(),
            idled: false,
        }
    }
}

impl Events for ChannelEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if let Some(event) = self.queue.pop_front() {
            return Ok(Some(event));
        }
        let wait = if self.parser.waiting() {
            ESCAPE_WAIT
        } else {
            timeout
        };
        match self.input.recv_timeout(wait) {
            Ok(Input::Bytes(bytes)) => {
                self.last_key = Instant::now();
                self.queue.extend(self.parser.feed(&bytes));
            }
            Ok(Input::Resize(width, height)) => return Ok(Some(Event::Resize(width, height))),
            Err(RecvTimeoutError::Timeout) => {
                self.queue.extend(self.parser.flush());
                if self.last_key.elapsed() >= self.idle {
                    self.idled = true;
                    return Err(io::Error::new(io::ErrorKind::TimedOut, "idle"));
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the connection closed",
                ));
            }
        }
        Ok(self.queue.pop_front())
    }
}

/// Everything a session needs, decided by the connection.
pub struct Session {
    pub review: Arc<LoadedReview>,
    pub reviewer: String,
    pub size: (u16, u16),
    /// Its language and theme, from the client's environment.
    pub setup: Setup,
    pub idle: Duration,
    /// Set when the server stops or the connection's output fails.
    pub stop: Arc<AtomicBool>,
}

/// How a session ended, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    ConnectionLost,
    Idle,
    ServerStopping,
    Refused,
    Crashed,
}

impl Ending {
    pub fn describe(self) -> &'static str {
        match self {
            Ending::Quit => "quit",
            Ending::ConnectionLost => "connection lost",
            Ending::Idle => "idle",
            Ending::ServerStopping => "server stopping",
            Ending::Refused => "refused",
            Ending::Crashed => "session failed",
        }
    }
}

/// Runs the reviewer's TUI on the channel until it ends; then closes the
/// channel with an exit status. A panic ends only this session.
pub fn run(
    session: Session,
    input: Receiver<Input>,
    out: UnboundedSender<Output>,
) -> (Ending, String) {
    session.setup.enter();
    let mut writer = ChannelWriter {
        out: out.clone(),
        pending: Vec::new(),
    };
    let say = |writer: &mut ChannelWriter, text: &str| {
        let _ = writer.write_all(text.replace('\n', "\r\n").as_bytes());
        let _ = writer.write_all(b"\r\n");
        let _ = writer.flush();
    };
    let opened = match review::open_panel(&session.review, &session.reviewer, None) {
        Ok(opened) => opened,
        Err(e) => {
            let message = e.to_string();
            say(&mut writer, &format!("panelist: {message}"));
            let _ = out.send(Output::End(1));
            return (Ending::Refused, message);
        }
    };
    let _ = execute!(
        writer,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    );
    let (width, height) = session.size;
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width.max(1), height.max(1))),
    };
    let mut events = ChannelEvents::new(input, session.idle);
    let (ending, detail) = match Terminal::with_options(CrosstermBackend::new(writer), options) {
        Ok(mut terminal) => {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                review::run_session(
                    &mut terminal,
                    &mut events,
                    &session.stop,
                    &session.review,
                    &session.reviewer,
                    opened,
                    session.setup,
                )
            }));
            match result {
                Ok(Ok(Exit::Finished)) => (Ending::Quit, String::new()),
                Ok(Ok(Exit::Stopped)) => (Ending::ServerStopping, String::new()),
                Ok(Ok(Exit::TerminalGone)) if events.idled => (Ending::Idle, String::new()),
                Ok(Ok(Exit::TerminalGone)) => (Ending::ConnectionLost, String::new()),
                Ok(Err(e)) => (Ending::Crashed, e.to_string()),
                Err(_) => (Ending::Crashed, "the session panicked".to_string()),
            }
        }
        Err(e) => (Ending::Crashed, e.to_string()),
    };
    // The terminal flushed its last frame; what follows goes after it.
    let mut writer = ChannelWriter {
        out: out.clone(),
        pending: Vec::new(),
    };
    let _ = execute!(
        writer,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let farewell = match ending {
        Ending::ServerStopping => crate::t!("serve-stopping"),
        Ending::Idle => crate::t!("serve-idle", minutes = session.idle.as_secs() / 60),
        Ending::Crashed => format!("panelist: {}", crate::t!("serve-crashed", detail = detail)),
        _ => String::new(),
    };
    if !farewell.is_empty() {
        say(&mut writer, &farewell);
    }
    let _ = writer.flush();
    let code = if ending == Ending::Crashed { 1 } else { 0 };
    let _ = out.send(Output::End(code));
    (ending, detail)
}
