//! `panelist serve`: an SSH server whose only service is the reviewer's TUI.
//!
//! Reviewers authenticate with one of their public keys from `review.ron`
//! and get `panelist review` as themselves; every other request (passwords,
//! shells, commands, forwarding, agents, X11) is refused and logged.
//!
//! `listen` accepts connections and ends them (deadlines, the cap on
//! connections not logged in, each cut through its `wire`); `connection`
//! answers a client's requests; `session` starts a reviewer's session and
//! `channel` runs its TUI on the channel, with output and input bounded.

mod channel;
mod connection;
mod keys;
mod listen;
mod log;
mod registry;
mod session;
mod shared;
mod wire;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use russh::keys::ssh_key::PublicKey;
use russh::{MethodKind, MethodSet};
use tracing::info;

pub use keys::{KeyIndex, fingerprint, host_key};
pub use shared::Limits;

use self::shared::Shared;
use crate::{Error, config, store};

/// What the command line asks of the server.
#[derive(Debug, Clone)]
pub struct Options {
    /// The review directory.
    pub dir: PathBuf,
    /// The address to listen on, `host:port`.
    pub listen: String,
    /// The host key's file; by default one in panelist's data directory,
    /// created on first use.
    pub host_key: Option<PathBuf>,
    pub limits: Limits,
}

/// What the server has to tell whoever started it, before it runs and as
/// it starts: the caller prints it (the server itself only logs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Something the chair should fix before many reviewers connect.
    Warning(String),
    /// Logins, refusals and the rest are logged to this file too.
    LoggingTo(PathBuf),
    /// Listening, with the host key's fingerprint and how many reviewers'
    /// keys are accepted.
    Listening {
        address: SocketAddr,
        fingerprint: String,
        keys: usize,
    },
}

/// Runs the server until Ctrl-C or SIGTERM, telling `notify` what its
/// caller should show.
pub fn run(options: Options, notify: &(dyn Fn(Notice) + Sync)) -> Result<(), Error> {
    let Options {
        dir,
        listen,
        host_key: host_key_file,
        limits,
    } = options;
    let review = store::load_review(&dir)?;
    let keys = KeyIndex::new(&review).len();
    let mut limits = limits;
    if let Some(files) = raise_descriptor_limit()
        && let Some(warning) = fit_to_files(&mut limits, files)
    {
        notify(Notice::Warning(warning));
    }
    let data_dir = config::project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| Error::Refused(crate::t!("serve-no-home")))?;
    let created = host_key_file.is_none();
    let host_key_path = host_key_file.unwrap_or_else(|| data_dir.join("host_ed25519_key"));
    let host_key = host_key(&host_key_path, created)?;
    let _log = log::start(&data_dir)?;
    notify(Notice::LoggingTo(data_dir.join("serve.log")));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Refused(crate::t!("serve-runtime", error = crate::io_reason(&e))))?;
    let shared = Arc::new(Shared::new(dir, limits, review));
    runtime.block_on(serve(shared, &listen, host_key, keys, notify))
}

/// Raises the soft limit on open files to the hard one: every connection
/// takes one, and running out refused everyone. Returns the limit now.
fn raise_descriptor_limit() -> Option<u64> {
    use nix::sys::resource::{Resource, getrlimit, setrlimit};
    let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).ok()?;
    if soft < hard {
        let _ = setrlimit(Resource::RLIMIT_NOFILE, hard, hard);
    }
    getrlimit(Resource::RLIMIT_NOFILE).ok().map(|(now, _)| now)
}

/// Open files a session may hold at once (its connection, the panel file,
/// journal, lock and session record, and a few to spare), and the server
/// itself (its runtime, log, listener).
const FILES_PER_SESSION: u64 = 8;
const FILES_OF_THE_SERVER: u64 = 64;
/// Connections not logged in that are always allowed.
const FEWEST_UNAUTHENTICATED: usize = 4;

/// Fits the connections not logged in to the open files left beside the
/// most sessions: their room, and the cap, lowered if need be, so that
/// every session can still open its files: a flood then costs newcomers
/// their place, never a reviewer their save. A warning when the cap was
/// lowered.
fn fit_to_files(limits: &mut Limits, files: u64) -> Option<String> {
    let sessions = FILES_PER_SESSION
        .saturating_mul(limits.max_sessions as u64)
        .saturating_add(FILES_OF_THE_SERVER);
    let room = usize::try_from(files.saturating_sub(sessions)).unwrap_or(usize::MAX);
    let cap = limits
        .max_unauthenticated
        .min(room)
        .max(FEWEST_UNAUTHENTICATED);
    limits.room = room.max(cap);
    if cap == limits.max_unauthenticated {
        return None;
    }
    limits.max_unauthenticated = cap;
    Some(crate::t!(
        "serve-few-descriptors",
        limit = files,
        cap = cap,
        wanted = sessions.saturating_add(FILES_PER_SESSION * 100)
    ))
}

async fn serve(
    shared: Arc<Shared>,
    listen: &str,
    host_key: russh::keys::PrivateKey,
    keys: usize,
    notify: &(dyn Fn(Notice) + Sync),
) -> Result<(), Error> {
    let print = fingerprint(host_key.public_key());
    let config = russh::server::Config {
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        keys: vec![host_key],
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::from_millis(0)),
        // russh counts the client's first `none` request (which asks what
        // methods there are) as an attempt; the limit does not.
        max_auth_attempts: shared.limits.max_auth_attempts + 1,
        // The login deadline and the session's idle limit apply instead.
        inactivity_timeout: None,
        // A keep-alive after 10 s of silence, the connection closed after
        // three unanswered: a dropped reviewer's session ends within a
        // minute, and a new login can tell a silent one (session.rs).
        keepalive_interval: Some(Duration::from_secs(10)),
        keepalive_max: 3,
        nodelay: true,
        ..Default::default()
    };
    let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
        Error::Refused(crate::t!(
            "serve-cannot-listen",
            address = listen,
            error = crate::io_reason(&e)
        ))
    })?;
    let address = listener.local_addr().map_err(|e| {
        Error::Refused(crate::t!(
            "serve-cannot-listen",
            address = listen,
            error = e
        ))
    })?;
    notify(Notice::Listening {
        address,
        fingerprint: print.clone(),
        keys,
    });
    info!("listening on {address}, host key {print}");
    listen::accept(
        listener,
        Arc::new(config),
        Arc::clone(&shared),
        shutdown_signal(),
    )
    .await;
    info!(
        "stopping: telling {} session(s) to save and end",
        shared.active()
    );
    shared.stop_all();
    // Longer than a save waits for its panel's lock (10 s).
    shared.drained(Duration::from_secs(15)).await;
    // Let the last frames and exit statuses reach the clients.
    tokio::time::sleep(Duration::from_millis(200)).await;
    shared.registry.cut_all();
    info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

/// The public key of an OpenSSH private key file, for messages.
pub fn public_key_of(key: &russh::keys::PrivateKey) -> PublicKey {
    key.public_key().clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(max_sessions: usize, max_unauthenticated: usize) -> Limits {
        Limits {
            max_sessions,
            max_auth_attempts: 6,
            idle: Duration::from_secs(3600),
            login: Duration::from_secs(30),
            max_unauthenticated,
            room: usize::MAX,
        }
    }

    #[test]
    fn the_cap_on_connections_not_logged_in_leaves_sessions_their_files() {
        let mut plenty = limits(64, 100);
        assert_eq!(fit_to_files(&mut plenty, 20_000), None);
        assert_eq!(plenty.max_unauthenticated, 100);
        assert_eq!(plenty.room, 20_000 - 64 * 8 - 64);
        // 1024 files: 64 sessions × 8 + 64 leave 448, more than asked.
        let mut soft = limits(64, 100);
        assert_eq!(fit_to_files(&mut soft, 1024), None);
        let mut tight = limits(4, 1000);
        assert!(fit_to_files(&mut tight, 256).is_some());
        assert_eq!(tight.max_unauthenticated, 256 - 4 * 8 - 64);
        let mut starved = limits(64, 100);
        assert!(fit_to_files(&mut starved, 128).is_some());
        assert_eq!(starved.max_unauthenticated, FEWEST_UNAUTHENTICATED);
        assert_eq!(starved.room, FEWEST_UNAUTHENTICATED);
    }
}
