//! The loop every screen runs in: draw, wait for an event, update, save.
//! Generic over the backend and the event source, so the same loop serves a
//! local terminal, an SSH channel and the tests.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use ratatui::{Frame, Terminal};

/// A screen: state with an update and a view.
pub trait Screen {
    /// Handles one terminal event.
    fn handle(&mut self, event: Event);
    /// Draws the state; changes nothing.
    fn render(&self, frame: &mut Frame);
    /// Runs pending effects (saving) before the next draw and the next event.
    /// Returns whether anything changed on screen.
    fn settle(&mut self, idle: bool) -> bool;
    fn finished(&self) -> bool;
}

/// Where events come from.
pub trait Events {
    /// The next event, or `None` after `timeout` without one. An error means
    /// the terminal is gone.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The screen was done (the reviewer quit or chose).
    Finished,
    /// A signal (SIGHUP, SIGTERM) or the server asked to stop.
    Stopped,
}

/// How often an idle loop wakes up to retry saves and check for a stop.
pub const TICK: Duration = Duration::from_millis(200);

/// Runs `screen` until it finishes or `stop` is set. Only redraws after
/// something changed, and ratatui sends only the cells that differ, so a
/// keystroke costs a few bytes over a slow link. Any I/O error ends the loop
/// (a dead terminal must not make the process spin).
pub fn run<B: Backend, S: Screen>(
    terminal: &mut Terminal<B>,
    screen: &mut S,
    events: &mut dyn Events,
    stop: &AtomicBool,
) -> io::Result<Exit>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut dirty = true;
    let mut idle = false;
    loop {
        if stop.load(Ordering::Relaxed) {
            screen.settle(false);
            return Ok(Exit::Stopped);
        }
        dirty |= screen.settle(idle);
        if screen.finished() {
            return Ok(Exit::Finished);
        }
        if dirty {
            terminal
                .draw(|frame| screen.render(frame))
                .map_err(io::Error::other)?;
            dirty = false;
        }
        match events.next(TICK)? {
            Some(Event::Resize(_, _)) => {
                terminal.autoresize().map_err(io::Error::other)?;
                dirty = true;
                idle = false;
            }
            Some(event) => {
                screen.handle(event);
                dirty = true;
                idle = false;
            }
            None => idle = true,
        }
    }
}
