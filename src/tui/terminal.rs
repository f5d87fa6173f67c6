//! The local terminal: raw mode and the alternate screen behind a guard that
//! restores them on every exit path (return, panic, SIGHUP, SIGTERM).

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

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

/// Events of the local terminal.
pub struct LocalEvents;

impl Events for LocalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    }
}
