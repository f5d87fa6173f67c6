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
    /// Handles one terminal event; a resize comes after the terminal has
    /// taken the new size, and once with the size at the start.
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
    /// Reading or drawing failed: the terminal or connection is gone.
    TerminalGone,
}

/// How often an idle loop wakes up to retry saves and check for a stop.
pub const TICK: Duration = Duration::from_millis(200);

/// Runs `screen` until it finishes, `stop` is set or the terminal is gone.
/// Only redraws after something changed, and ratatui sends only the cells
/// that differ, so a keystroke costs a few bytes over a slow link. An I/O
/// error of the terminal (a dead SSH connection) ends the loop at once: it
/// must not spin. Pending saves are attempted once more on the way out.
pub fn run<B: Backend, S: Screen>(
    terminal: &mut Terminal<B>,
    screen: &mut S,
    events: &mut dyn Events,
    stop: &AtomicBool,
) -> Exit
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let exit = event_loop(terminal, screen, events, stop);
    if exit != Exit::Finished {
        screen.settle(false);
    }
    exit
}

fn event_loop<B: Backend, S: Screen>(
    terminal: &mut Terminal<B>,
    screen: &mut S,
    events: &mut dyn Events,
    stop: &AtomicBool,
) -> Exit
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut dirty = true;
    let mut idle = false;
    // The screen learns the window's size now, and again at every resize.
    if let Ok(size) = terminal.size() {
        screen.handle(Event::Resize(size.width, size.height));
    }
    loop {
        if stop.load(Ordering::Relaxed) {
            return Exit::Stopped;
        }
        dirty |= screen.settle(idle);
        if screen.finished() {
            return Exit::Finished;
        }
        if dirty {
            if terminal.draw(|frame| screen.render(frame)).is_err() {
                return Exit::TerminalGone;
            }
            dirty = false;
        }
        let Ok(next) = events.next(TICK) else {
            return Exit::TerminalGone;
        };
        // Input that arrives with a hang-up is not the reviewer's.
        if stop.load(Ordering::Relaxed) {
            return Exit::Stopped;
        }
        match next {
            Some(Event::Resize(width, height)) => {
                // The event's size, not a query: an SSH channel has no tty to ask.
                if terminal
                    .resize(ratatui::layout::Rect::new(0, 0, width, height))
                    .is_err()
                {
                    return Exit::TerminalGone;
                }
                screen.handle(Event::Resize(width, height));
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
