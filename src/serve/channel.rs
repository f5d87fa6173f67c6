//! One reviewer's TUI over an SSH channel: bytes in become keys through the
//! same parser as a local terminal; frames out go to the channel. The TUI
//! runs on its own thread with the same event loop as `panelist review`.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, AtomicUsize, Ordering};
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
    /// The window changed size: [`Flow::take_resize`] has the latest.
    Resized,
    /// The client closed the channel (or sent its end of input).
    Closed,
}

/// What the session sends to the connection.
#[derive(Debug)]
pub enum Output {
    Data(Vec<u8>),
    /// The session is over: send the exit status and close the channel.
    End(u32),
}

/// Output bytes on their way to the client, at most, before frames are
/// dropped: a client that stops reading costs the server this much, not
/// a frame per keystroke or resize for as long as it likes.
pub const OUTPUT_LIMIT: usize = 256 * 1024;
/// Input bytes the session has not read yet, at most: beyond, the
/// connection stops reading the client (TCP pushes back) until it catches up.
pub const INPUT_LIMIT: usize = 64 * 1024;
/// The largest window a session draws: 512 columns by 256 rows is more
/// than a 4K screen in a small font, and bounds the screen's buffers.
pub const MAX_SIZE: (u16, u16) = (512, 256);

/// What the connection and its session share about the bytes between them.
#[derive(Debug)]
pub struct Flow {
    /// Output handed to the connection and not yet accepted by the channel
    /// (within the client's window).
    in_flight: AtomicUsize,
    /// Frames were dropped: the client's screen needs a full redraw once
    /// the output has caught up.
    stale: AtomicBool,
    /// The window's latest size, columns << 16 | rows.
    size: AtomicU32,
    /// The session has yet to see the latest size.
    resized: AtomicBool,
    /// Input sent to the session and not read yet.
    queued: AtomicUsize,
    /// The session is over.
    ended: AtomicBool,
}

impl Flow {
    pub fn new() -> Flow {
        Flow {
            in_flight: AtomicUsize::new(0),
            stale: AtomicBool::new(false),
            size: AtomicU32::new((80 << 16) | 24),
            resized: AtomicBool::new(false),
            queued: AtomicUsize::new(0),
            ended: AtomicBool::new(false),
        }
    }

    /// The client's window size, within 1×1 and [`MAX_SIZE`]. Whether the
    /// session must be told (it is not while it has one resize unread:
    /// four hundred resizes in a row cost one redraw).
    pub fn set_size(&self, columns: u32, rows: u32) -> bool {
        self.set_first_size(columns, rows);
        !self.resized.swap(true, Ordering::SeqCst)
    }

    /// The size the session starts with (the pty request's).
    pub fn set_first_size(&self, columns: u32, rows: u32) {
        let clamp = |n: u32, max: u16| n.clamp(1, u32::from(max));
        let packed = (clamp(columns, MAX_SIZE.0) << 16) | clamp(rows, MAX_SIZE.1);
        self.size.store(packed, Ordering::SeqCst);
    }

    pub fn size(&self) -> (u16, u16) {
        let packed = self.size.load(Ordering::SeqCst);
        let columns = u16::try_from(packed >> 16).unwrap_or(MAX_SIZE.0);
        let rows = u16::try_from(packed & 0xffff).unwrap_or(MAX_SIZE.1);
        (columns, rows)
    }

    /// The latest size, once per change.
    fn take_resize(&self) -> Option<(u16, u16)> {
        self.resized
            .swap(false, Ordering::SeqCst)
            .then(|| self.size())
    }

    /// `bytes` of output reached the channel.
    pub fn sent(&self, bytes: usize) {
        let _ = self
            .in_flight
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                Some(n.saturating_sub(bytes))
            });
    }

    /// Input the session has not read yet.
    pub fn queued(&self) -> usize {
        self.queued.load(Ordering::SeqCst)
    }

    /// `bytes` of input are on their way to the session.
    pub fn queue(&self, bytes: usize) {
        self.queued.fetch_add(bytes, Ordering::SeqCst);
    }

    pub fn end(&self) {
        self.ended.store(true, Ordering::SeqCst);
    }

    pub fn ended(&self) -> bool {
        self.ended.load(Ordering::SeqCst)
    }
}

impl Default for Flow {
    fn default() -> Self {
        Flow::new()
    }
}

/// Frames for the channel: collected, and sent as one message on flush;
/// dropped while the client is behind (see [`OUTPUT_LIMIT`]).
pub struct ChannelWriter {
    out: UnboundedSender<Output>,
    flow: Arc<Flow>,
    pending: Vec<u8>,
    /// Sends even while the client is behind: the last words of a session.
    always: bool,
}

impl ChannelWriter {
    pub fn new(out: UnboundedSender<Output>, flow: Arc<Flow>) -> ChannelWriter {
        ChannelWriter {
            out,
            flow,
            pending: Vec::new(),
            always: false,
        }
    }
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
        let flow = &self.flow;
        if !self.always
            && (flow.stale.load(Ordering::SeqCst)
                || flow.in_flight.load(Ordering::SeqCst) > OUTPUT_LIMIT)
        {
            // The client's screen now differs from ours; redrawn in full
            // once it has caught up (ChannelEvents).
            flow.stale.store(true, Ordering::SeqCst);
            self.pending.clear();
            return Ok(());
        }
        let data = std::mem::take(&mut self.pending);
        flow.in_flight.fetch_add(data.len(), Ordering::SeqCst);
        self.out
            .send(Output::Data(data))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the connection is closed"))
    }
}

/// Why the channel's events ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    /// Still there.
    No,
    /// No key for the idle limit.
    Idle,
    /// The client closed the channel.
    ClientClosed,
    /// The connection ended without the client closing the channel.
    ConnectionLost,
}

/// Keys from the channel; the end of the connection is an error, and so is
/// `idle` without a key. A resize, and a full redraw once output that fell
/// behind has caught up, come as `Event::Resize`.
pub struct ChannelEvents {
    input: Receiver<Input>,
    flow: Arc<Flow>,
    parser: KeyParser,
    queue: VecDeque<Event>,
    idle: Duration,
    last_key: Instant,
    pub gone: Gone,
}

const ESCAPE_WAIT: Duration = Duration::from_millis(40);
/// How often a session whose output fell behind looks whether it caught up.
const CATCH_UP_WAIT: Duration = Duration::from_millis(50);

impl ChannelEvents {
    pub fn new(input: Receiver<Input>, flow: Arc<Flow>, idle: Duration) -> Self {
        ChannelEvents {
            input,
            flow,
            parser: KeyParser::new(),
            queue: VecDeque::new(),
            idle,
            last_key: Instant::now(),
            gone: Gone::No,
        }
    }

    fn gone(&mut self, why: Gone) -> io::Error {
        self.gone = why;
        match why {
            Gone::Idle => io::Error::new(io::ErrorKind::TimedOut, "idle"),
            _ => io::Error::new(io::ErrorKind::UnexpectedEof, "the connection closed"),
        }
    }

    /// A full redraw, when frames were dropped and the output has caught up.
    fn caught_up(&self) -> Option<Event> {
        let flow = &self.flow;
        if flow.stale.load(Ordering::SeqCst)
            && flow.in_flight.load(Ordering::SeqCst) <= OUTPUT_LIMIT / 4
        {
            flow.stale.store(false, Ordering::SeqCst);
            let (columns, rows) = flow.size();
            // The shell clears the screen at a resize and draws it whole.
            return Some(Event::Resize(columns, rows));
        }
        None
    }
}

impl Events for ChannelEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if let Some(event) = self.queue.pop_front() {
            return Ok(Some(event));
        }
        if let Some(redraw) = self.caught_up() {
            return Ok(Some(redraw));
        }
        let wait = if self.parser.waiting() {
            ESCAPE_WAIT
        } else if self.flow.stale.load(Ordering::SeqCst) {
            timeout.min(CATCH_UP_WAIT)
        } else {
            timeout
        };
        match self.input.recv_timeout(wait) {
            Ok(Input::Bytes(bytes)) => {
                self.flow.queued.fetch_sub(bytes.len(), Ordering::SeqCst);
                self.last_key = Instant::now();
                self.queue.extend(self.parser.feed(&bytes));
            }
            Ok(Input::Resized) => {
                if let Some((columns, rows)) = self.flow.take_resize() {
                    return Ok(Some(Event::Resize(columns, rows)));
                }
            }
            Ok(Input::Closed) => return Err(self.gone(Gone::ClientClosed)),
            Err(RecvTimeoutError::Timeout) => {
                self.queue.extend(self.parser.flush());
                if self.last_key.elapsed() >= self.idle {
                    return Err(self.gone(Gone::Idle));
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Err(self.gone(Gone::ConnectionLost)),
        }
        Ok(self.queue.pop_front())
    }
}

/// Everything a session needs, decided by the connection.
pub struct Session {
    pub review: Arc<LoadedReview>,
    pub reviewer: String,
    /// Its language and theme, from the client's environment.
    pub setup: Setup,
    pub idle: Duration,
    pub stop: Arc<Stop>,
    pub flow: Arc<Flow>,
}

/// Why the server asked a session to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// The server is stopping.
    Server = 1,
    /// The same reviewer logged in anew while this connection was silent.
    TakenOver = 2,
    /// Its output could not be sent: the connection is gone.
    OutputFailed = 3,
}

/// A session's stop flag, with the reason it was set for.
#[derive(Debug, Default)]
pub struct Stop {
    flag: AtomicBool,
    why: AtomicU8,
}

impl Stop {
    /// Asks the session to save and end (the first reason given is kept).
    pub fn stop(&self, why: Stopped) {
        let _ = self
            .why
            .compare_exchange(0, why as u8, Ordering::SeqCst, Ordering::SeqCst);
        self.flag.store(true, Ordering::SeqCst);
    }

    fn why(&self) -> Option<Stopped> {
        match self.why.load(Ordering::SeqCst) {
            1 => Some(Stopped::Server),
            2 => Some(Stopped::TakenOver),
            3 => Some(Stopped::OutputFailed),
            _ => None,
        }
    }
}

/// How a session ended, for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// The client closed the channel (its end of input).
    ClientClosed,
    /// The connection ended without the client closing the channel.
    ConnectionLost,
    Idle,
    ServerStopping,
    TakenOver,
    Refused,
    Crashed,
}

impl Ending {
    pub fn describe(self) -> &'static str {
        match self {
            Ending::Quit => "quit",
            Ending::ClientClosed => "the client closed the session",
            Ending::ConnectionLost => "connection lost",
            Ending::Idle => "idle",
            Ending::ServerStopping => "server stopping",
            Ending::TakenOver => "taken over by a new login",
            Ending::Refused => "refused",
            Ending::Crashed => "session failed",
        }
    }
}

/// Writes `text` as lines of a terminal's main screen.
fn say(writer: &mut ChannelWriter, text: &str) {
    let _ = writer.write_all(text.replace('\n', "\r\n").as_bytes());
    let _ = writer.write_all(b"\r\n");
    let _ = writer.flush();
}

/// Tells the client `text`, on lines of the main screen (before the TUI
/// starts).
pub fn tell(out: &UnboundedSender<Output>, flow: Arc<Flow>, text: &str) {
    let mut writer = ChannelWriter::new(out.clone(), flow);
    writer.always = true;
    say(&mut writer, text);
}

/// Tells the client `text` and ends the channel with status 1: a refusal
/// before the TUI starts.
pub fn refuse(out: &UnboundedSender<Output>, flow: Arc<Flow>, text: &str) {
    tell(out, flow, &format!("panelist: {text}"));
    let _ = out.send(Output::End(1));
}

/// Runs the reviewer's TUI on the channel until it ends; then closes the
/// channel with an exit status. A panic ends only this session. Returns how
/// it ended, and for the log what the reviewer was not shown.
pub fn run(
    session: Session,
    input: Receiver<Input>,
    out: UnboundedSender<Output>,
) -> (Ending, String) {
    session.setup.enter();
    let opened = match review::open_panel(&session.review, &session.reviewer, None) {
        Ok(opened) => opened,
        Err(e) => {
            refuse(&out, Arc::clone(&session.flow), &e.for_remote());
            return (Ending::Refused, e.to_string());
        }
    };
    let mut writer = ChannelWriter::new(out.clone(), Arc::clone(&session.flow));
    let _ = execute!(
        writer,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    );
    let (width, height) = session.flow.size();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let mut events = ChannelEvents::new(input, Arc::clone(&session.flow), session.idle);
    let (ending, detail) = match Terminal::with_options(CrosstermBackend::new(writer), options) {
        Ok(mut terminal) => {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                review::run_session(
                    &mut terminal,
                    &mut events,
                    &session.stop.flag,
                    &session.review,
                    &session.reviewer,
                    opened,
                    session.setup,
                )
            }));
            match result {
                Ok(Ok(Exit::Finished)) => (Ending::Quit, String::new()),
                Ok(Ok(Exit::Stopped)) => match session.stop.why() {
                    Some(Stopped::TakenOver) => (Ending::TakenOver, String::new()),
                    Some(Stopped::Server) => (Ending::ServerStopping, String::new()),
                    _ => (Ending::ConnectionLost, String::new()),
                },
                Ok(Ok(Exit::TerminalGone)) => match events.gone {
                    Gone::Idle => (Ending::Idle, String::new()),
                    Gone::ClientClosed => (Ending::ClientClosed, String::new()),
                    Gone::No | Gone::ConnectionLost => (Ending::ConnectionLost, String::new()),
                },
                Ok(Err(e)) => (Ending::Crashed, e.to_string()),
                Err(_) => (Ending::Crashed, "the session panicked".to_string()),
            }
        }
        Err(e) => (Ending::Crashed, e.to_string()),
    };
    // The terminal flushed its last frame; what follows goes after it, even
    // to a client that fell behind.
    let mut writer = ChannelWriter::new(out.clone(), Arc::clone(&session.flow));
    writer.always = true;
    let _ = execute!(
        writer,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let farewell = match ending {
        Ending::ServerStopping => crate::t!("serve-stopping"),
        Ending::TakenOver => crate::t!("serve-taken-over"),
        Ending::Idle => crate::t!("serve-idle", minutes = session.idle.as_secs() / 60),
        Ending::Crashed => format!("panelist: {}", crate::t!("serve-crashed")),
        _ => String::new(),
    };
    if !farewell.is_empty() {
        say(&mut writer, &farewell);
    }
    let _ = writer.flush();
    let code = u32::from(ending == Ending::Crashed);
    let _ = out.send(Output::End(code));
    (ending, detail)
}
