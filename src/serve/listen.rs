//! Accepting connections, and what happens around them: the login deadline
//! and the cap on connections that have not logged in (the registry, cut by
//! a reaper ten times a second), an accept that fails survived, and a line in the
//! log for every connection that ends.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::net::{TcpListener, TcpStream};
use tracing::{info, warn};

use super::connection::Connection;
use super::registry::{Entry, Quiet, Registry, STRANGER_LINES, Stage};
use super::shared::Shared;
use super::wire::{Wire, WiredStream};

/// How often deadlines and the cap on connections not logged in are applied.
const REAP_EVERY: Duration = Duration::from_millis(100);
/// How often connections that never logged in are summed up in the log.
const SUMMARY_EVERY: Duration = Duration::from_secs(60);

/// Accepts connections until `stop` resolves. An accept that fails (out of
/// file descriptors, most likely) is logged, a connection that has not
/// logged in is cut to make room, and the loop goes on after a pause.
pub async fn accept(
    listener: TcpListener,
    config: Arc<russh::server::Config>,
    shared: Arc<Shared>,
    stop: impl std::future::Future<Output = ()>,
) {
    let reaper = tokio::spawn(reap(Arc::clone(&shared)));
    tokio::pin!(stop);
    let mut failures = 0u64;
    let mut pause = Duration::from_millis(5);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((socket, peer)) => {
                    if failures > 0 {
                        info!("accepting connections again, after {failures} failed accept(s)");
                        failures = 0;
                        pause = Duration::from_millis(5);
                    }
                    tokio::spawn(serve_connection(Arc::clone(&shared), Arc::clone(&config), socket, peer));
                }
                Err(e) => {
                    failures += 1;
                    failed_accept(&shared.registry, &e, failures);
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_millis(500));
                }
            },
            () = &mut stop => break,
        }
    }
    reaper.abort();
}

/// After the `failures`th accept in a row failed: out of file descriptors,
/// a connection that has not logged in is cut to make room (whether one
/// was); the first failure of a run is logged, the run's end too (above).
fn failed_accept(registry: &Registry, e: &std::io::Error, failures: u64) -> bool {
    let out_of_files = matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE));
    let room = out_of_files && registry.make_room();
    if failures == 1 {
        let (open, waiting) = registry.counts();
        warn!(
            "cannot accept a connection: {e} ({open} open, {waiting} not logged in); {}",
            if room {
                "cutting connections that have not logged in to make room"
            } else {
                "retrying"
            }
        );
    }
    room
}

/// Cuts connections past their deadline and those beyond the cap on
/// connections not logged in; once a minute, sums up in the log
/// the connections that closed without trying to log in.
async fn reap(shared: Arc<Shared>) {
    let mut summed = Instant::now();
    loop {
        tokio::time::sleep(REAP_EVERY).await;
        let now = Instant::now();
        shared.registry.expire(now);
        shared.registry.trim(now);
        if summed.elapsed() >= SUMMARY_EVERY {
            log_quiet(&shared.registry.summary());
            summed = Instant::now();
        }
    }
}

fn log_quiet(quiet: &Quiet) {
    if quiet.unlogged > 0 {
        info!(
            "quiet: {} line(s) about connections that did not log in were left out in the last minute (over {STRANGER_LINES})",
            quiet.unlogged
        );
    }
    if quiet.closed == 0 {
        return;
    }
    let mut cuts: Vec<String> = quiet
        .cut
        .iter()
        .map(|(why, n)| format!("{n} cut: {why}"))
        .collect();
    cuts.sort();
    let busiest = quiet
        .peers
        .iter()
        .max_by_key(|(ip, n)| (**n, std::cmp::Reverse(**ip)));
    info!(
        "closed: {} connection(s) in the last minute that never tried to log in{}{}",
        quiet.closed,
        if cuts.is_empty() {
            String::new()
        } else {
            format!(" ({})", cuts.join("; "))
        },
        busiest.map_or_else(String::new, |(ip, n)| format!("; most from {ip} ({n})")),
    );
}

/// One connection, from accepting it to its last line in the log.
async fn serve_connection(
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    socket: TcpStream,
    peer: SocketAddr,
) {
    let _ = socket.set_nodelay(true);
    let wire = Arc::new(Wire::new());
    let id = shared.registry.admit(peer, Arc::clone(&wire));
    let handler = Connection::new(Arc::clone(&shared), id, peer, Arc::clone(&wire));
    let stream = WiredStream::new(socket, Arc::clone(&wire));
    let result = match russh::server::run_stream(config, stream, handler).await {
        Ok(running) => running.await,
        Err(e) => Err(e),
    };
    if let Some(entry) = shared.registry.remove(id) {
        log_end(&entry, &result, shared.limits.max_auth_attempts, || {
            shared.registry.may_log_stranger()
        });
    }
}

/// The last line of a connection that logged in or tried to (a session's
/// own end is logged by the session, as `logout`).
fn log_end(
    entry: &Entry,
    result: &Result<(), russh::Error>,
    max_attempts: usize,
    budget: impl Fn() -> bool,
) {
    let exhausted = entry.failures >= max_attempts;
    let why = match (entry.wire.cut_reason(), result) {
        (Some(cut), _) => cut.describe().to_string(),
        (None, Ok(())) if exhausted => "disconnected: no attempts left".to_string(),
        (None, Ok(())) => "the client closed the connection".to_string(),
        (None, Err(e)) => describe(e),
    };
    let seconds = entry.opened.elapsed().as_secs();
    let peer = entry.peer;
    match &entry.stage {
        Stage::InSession(_) | Stage::Finished(_) => {}
        Stage::LoggedIn(reviewer) => {
            info!("logout: {reviewer} at {peer} after {seconds} s without a session ({why})");
        }
        Stage::Connected | Stage::Authenticating if !budget() => {}
        Stage::Connected | Stage::Authenticating => {
            let user = entry.user.as_deref().unwrap_or("\"\"");
            let most = if exhausted { ", the most allowed" } else { "" };
            info!(
                "closed: {peer}, ssh user {user}, after {} refused authentication attempt(s){most} ({why})",
                entry.failures
            );
        }
    }
}

/// Why a connection ended, from russh's error.
fn describe(e: &russh::Error) -> String {
    match e {
        russh::Error::KeepaliveTimeout => "no answer to keep-alives".to_string(),
        russh::Error::InactivityTimeout => "inactive".to_string(),
        russh::Error::Disconnect => "the client disconnected".to_string(),
        // Most clients just close the socket when they are done.
        russh::Error::IO(io) if io.kind() == ErrorKind::UnexpectedEof => {
            "the client closed the connection".to_string()
        }
        russh::Error::IO(io)
            if matches!(
                io.kind(),
                ErrorKind::ConnectionReset | ErrorKind::BrokenPipe
            ) =>
        {
            "the connection dropped".to_string()
        }
        // The error may quote what the client sent: escaped and cut like it.
        other => format!(
            "the connection failed: {}",
            super::log::client(&other.to_string())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::wire::Cut;

    #[test]
    fn out_of_files_an_accept_cuts_a_connection_not_logged_in() {
        let registry = Registry::new(10, 1000, Duration::from_secs(30));
        let (idle, reviewer) = (Arc::new(Wire::new()), Arc::new(Wire::new()));
        registry.admit(SocketAddr::from(([10, 0, 0, 1], 1)), Arc::clone(&idle));
        let logged_in = registry.admit(SocketAddr::from(([10, 0, 0, 2], 1)), Arc::clone(&reviewer));
        registry.advance(logged_in, Stage::LoggedIn("t33".into()));
        let other = std::io::Error::from(ErrorKind::ConnectionAborted);
        assert!(
            !failed_accept(&registry, &other, 1),
            "only for want of files"
        );
        assert_eq!(idle.cut_reason(), None);
        let emfile = std::io::Error::from_raw_os_error(libc::EMFILE);
        assert!(failed_accept(&registry, &emfile, 2));
        assert_eq!(idle.cut_reason(), Some(Cut::Crowded));
        assert!(!failed_accept(&registry, &emfile, 3), "no one else to cut");
        assert_eq!(reviewer.cut_reason(), None);
    }
}
