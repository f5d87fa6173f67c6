//! `panelist serve`: an SSH server whose only service is the reviewer's TUI.
//!
//! Reviewers authenticate with one of their public keys from `review.ron`
//! and get `panelist review` as themselves; every other request (passwords,
//! shells, commands, forwarding, agents, X11) is refused and logged.

mod channel;
mod keys;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use russh::keys::ssh_key::PublicKey;
use russh::server::{
    Auth, ChannelOpenHandle, Handler, Msg, PublicKeyOffer, Server, Session, VerifiedPublicKey,
};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};
use tokio::sync::mpsc::unbounded_channel;
use tracing::{info, warn};

pub use keys::{KeyIndex, fingerprint, host_key};

use self::channel::{Ending, Input, Output};
use crate::store::{self, LoadedReview};
use crate::tui::session::Setup;
use crate::{Error, config};

/// Limits of one server, from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_sessions: usize,
    pub max_auth_attempts: usize,
    pub idle: Duration,
}

/// What every connection shares.
struct Shared {
    dir: PathBuf,
    limits: Limits,
    /// Sessions running now.
    active: AtomicUsize,
    /// The stop flag of every session ever started (dead ones are harmless).
    stops: Mutex<Vec<Arc<AtomicBool>>>,
    stopping: AtomicBool,
}

impl Shared {
    /// Tells every session to save and end.
    fn stop_all(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        if let Ok(stops) = self.stops.lock() {
            for stop in stops.iter() {
                stop.store(true, Ordering::SeqCst);
            }
        }
    }
}

struct PanelistServer {
    shared: Arc<Shared>,
}

impl Server for PanelistServer {
    type Handler = Connection;

    fn new_client(&mut self, peer: Option<SocketAddr>) -> Connection {
        Connection {
            shared: Arc::clone(&self.shared),
            peer: peer.map_or_else(|| "unknown".to_string(), |p| p.to_string()),
            review: None,
            keys: None,
            reviewer: None,
            key: None,
            channel: None,
            size: (80, 24),
            env: HashMap::new(),
            input: None,
            since: Instant::now(),
        }
    }
}

/// One SSH connection: at most one reviewer, one session channel, one TUI.
struct Connection {
    shared: Arc<Shared>,
    peer: String,
    /// `review.ron` as of this connection: read anew per connection, so the
    /// chair can add a reviewer's key without restarting the server.
    review: Option<Arc<LoadedReview>>,
    keys: Option<Arc<KeyIndex>>,
    reviewer: Option<String>,
    key: Option<String>,
    channel: Option<ChannelId>,
    size: (u16, u16),
    env: HashMap<String, String>,
    /// Bytes and resizes for the running TUI.
    input: Option<std::sync::mpsc::Sender<Input>>,
    since: Instant,
}

impl Connection {
    /// Reads `review.ron` and the reviewers' keys, once per connection.
    fn load(&mut self) -> Option<Arc<KeyIndex>> {
        if self.keys.is_none() {
            match store::load_review(&self.shared.dir) {
                Ok(review) => {
                    let (keys, problems) = KeyIndex::build(&review);
                    for problem in problems {
                        warn!("{problem}");
                    }
                    self.review = Some(Arc::new(review));
                    self.keys = Some(Arc::new(keys));
                }
                Err(e) => warn!("refused {}: review.ron is not usable: {e}", self.peer),
            }
        }
        self.keys.clone()
    }

    fn refuse(&self, what: &str) {
        let who = self.reviewer.as_deref().unwrap_or("(not logged in)");
        info!("refused: {what} from {who} at {}", self.peer);
    }

    /// The session's language and terminal capabilities, from the
    /// client's environment (sent with `SendEnv`): the language of its
    /// locale, and UTF-8 unless the client says otherwise.
    fn setup(&self) -> Setup {
        let lang = crate::i18n::Lang::choose(None, None, |name| self.env.get(name).cloned());
        Setup::new(lang, |name| match name {
            "LANG" => Some(
                self.env
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| "C.UTF-8".into()),
            ),
            _ => self.env.get(name).cloned(),
        })
    }

    fn start_session(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let (Some(review), Some(reviewer)) = (self.review.clone(), self.reviewer.clone()) else {
            session.channel_failure(channel)?;
            return session.close(channel);
        };
        if self.input.is_some() {
            self.refuse("a second shell on one connection");
            return session.channel_failure(channel);
        }
        session.channel_success(channel)?;
        let handle = session.handle();
        if self.shared.stopping.load(Ordering::SeqCst)
            || self.shared.active.load(Ordering::SeqCst) >= self.shared.limits.max_sessions
        {
            self.refuse("a session (the server is full or stopping)");
            let text = format!(
                "panelist: {}\r\n",
                crate::i18n::text_in(self.setup().lang, "serve-busy", &[])
            );
            tokio::spawn(async move {
                let _ = handle.data(channel, text.into_bytes()).await;
                let _ = handle.exit_status_request(channel, 1).await;
                let _ = handle.eof(channel).await;
                let _ = handle.close(channel).await;
            });
            return Ok(());
        }
        let (input, input_rx) = std::sync::mpsc::channel();
        let (out, mut out_rx) = unbounded_channel();
        let stop = Arc::new(AtomicBool::new(false));
        if let Ok(mut stops) = self.shared.stops.lock() {
            stops.retain(|s| Arc::strong_count(s) > 1);
            stops.push(Arc::clone(&stop));
        }
        self.input = Some(input);
        let spec = channel::Session {
            review,
            reviewer: reviewer.clone(),
            size: self.size,
            setup: self.setup(),
            idle: self.shared.limits.idle,
            stop: Arc::clone(&stop),
        };
        let shared = Arc::clone(&self.shared);
        shared.active.fetch_add(1, Ordering::SeqCst);
        let (peer, since) = (self.peer.clone(), self.since);
        let writer_stop = Arc::clone(&stop);
        // The channel's output: frames while the TUI runs, then the exit status.
        tokio::spawn(async move {
            while let Some(message) = out_rx.recv().await {
                match message {
                    Output::Data(bytes) => {
                        if handle.data(channel, bytes).await.is_err() {
                            writer_stop.store(true, Ordering::SeqCst);
                            break;
                        }
                    }
                    Output::End(code) => {
                        let _ = handle.exit_status_request(channel, code).await;
                        let _ = handle.eof(channel).await;
                        let _ = handle.close(channel).await;
                        break;
                    }
                }
            }
        });
        let spawned = std::thread::Builder::new()
            .name(format!("session {reviewer}"))
            .spawn(move || {
                let (mut ending, detail) = channel::run(spec, input_rx, out);
                // A stop the server didn't ask for came from a dead connection.
                if ending == Ending::ServerStopping && !shared.stopping.load(Ordering::SeqCst) {
                    ending = Ending::ConnectionLost;
                }
                shared.active.fetch_sub(1, Ordering::SeqCst);
                let minutes = since.elapsed().as_secs() / 60;
                match ending {
                    Ending::Refused => info!("refused: {reviewer} at {peer}: {detail}"),
                    Ending::Crashed => warn!(
                        "logout: {reviewer} at {peer} after {minutes} min ({}: {detail})",
                        ending.describe()
                    ),
                    _ => info!(
                        "logout: {reviewer} at {peer} after {minutes} min ({})",
                        ending.describe()
                    ),
                }
            });
        if let Err(e) = spawned {
            self.shared.active.fetch_sub(1, Ordering::SeqCst);
            warn!("cannot start a session thread: {e}");
            return session.close(channel);
        }
        Ok(())
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        let Some(keys) = self.load() else {
            return Ok(Auth::reject());
        };
        if keys.reviewer(offer.public_key).is_some() {
            Ok(Auth::Accept)
        } else {
            info!(
                "refused: unknown key {} offered by \"{user}\" from {}",
                fingerprint(offer.public_key),
                self.peer
            );
            Ok(Auth::reject())
        }
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let Some(keys) = self.load() else {
            return Ok(Auth::reject());
        };
        match keys.reviewer(key.public_key) {
            Some(reviewer) => {
                let print = fingerprint(key.public_key);
                info!(
                    "login: {reviewer} at {} with key {print} (ssh user \"{user}\")",
                    self.peer
                );
                self.reviewer = Some(reviewer.to_string());
                self.key = Some(print);
                Ok(Auth::Accept)
            }
            None => Ok(Auth::reject()),
        }
    }

    async fn auth_password(&mut self, user: &str, _password: &str) -> Result<Auth, Self::Error> {
        info!(
            "refused: password authentication for \"{user}\" from {} (keys only)",
            self.peer
        );
        Ok(Auth::reject())
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        info!(
            "refused: keyboard-interactive authentication for \"{user}\" from {} (keys only)",
            self.peer
        );
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            self.refuse("a second session channel");
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(&format!("port forwarding to {host}:{port}"));
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _address: &str,
        _port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse("an X11 channel");
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse(&format!("remote port forwarding of {address}:{port}"));
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse(&format!("socket forwarding of {path}"));
        Ok(false)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse("agent forwarding");
        Ok(false)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse("X11 forwarding");
        session.channel_failure(channel)
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = (clamp_size(columns), clamp_size(rows));
        self.env.insert("TERM".into(), term.to_string());
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if matches!(
            name,
            "LANG" | "LC_ALL" | "LC_CTYPE" | "LC_MESSAGES" | "NO_COLOR"
        ) && value.len() < 256
        {
            self.env.insert(name.to_string(), value.to_string());
            session.channel_success(channel)
        } else {
            session.channel_failure(channel)
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.start_session(channel, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let command: String = String::from_utf8_lossy(data).chars().take(80).collect();
        self.refuse(&format!("running a command ({command:?})"));
        // OpenSSH's client reports "exec request failed" and closes.
        session.channel_failure(channel)?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(&format!("the subsystem {name:?}"));
        session.channel_failure(channel)?;
        session.close(channel)
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = (clamp_size(columns), clamp_size(rows));
        if let Some(input) = &self.input {
            let _ = input.send(Input::Resize(self.size.0, self.size.1));
        }
        Ok(())
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(input) = &self.input {
            let _ = input.send(Input::Bytes(data.to_vec()));
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.input = None;
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.input = None;
        Ok(())
    }
}

/// A terminal dimension from the client, within what a screen can be.
fn clamp_size(n: u32) -> u16 {
    n.clamp(1, 1000) as u16
}

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
    /// A key in `review.ron` that cannot be used, and why.
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
    let (keys, problems) = KeyIndex::build(&review);
    for problem in &problems {
        notify(Notice::Warning(problem.to_string()));
    }
    let data_dir = config::project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| Error::Refused(crate::t!("serve-no-home")))?;
    let created = host_key_file.is_none();
    let host_key_path = host_key_file.unwrap_or_else(|| data_dir.join("host_ed25519_key"));
    let host_key = host_key(&host_key_path, created)?;
    let _log = start_log(&data_dir)?;
    notify(Notice::LoggingTo(data_dir.join("serve.log")));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Refused(crate::t!("serve-runtime", error = crate::io_reason(&e))))?;
    runtime.block_on(serve(dir, &listen, host_key, limits, keys.len(), notify))
}

fn start_log(dir: &Path) -> Result<tracing_appender::non_blocking::WorkerGuard, Error> {
    use tracing_subscriber::fmt::writer::MakeWriterExt;
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    let file = tracing_appender::rolling::never(dir, "serve.log");
    let (file, guard) = tracing_appender::non_blocking(file);
    let _ = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        .with_writer(std::io::stderr.and(file))
        .try_init();
    Ok(guard)
}

async fn serve(
    dir: PathBuf,
    listen: &str,
    host_key: russh::keys::PrivateKey,
    limits: Limits,
    keys: usize,
    notify: &(dyn Fn(Notice) + Sync),
) -> Result<(), Error> {
    let print = fingerprint(host_key.public_key());
    let config = russh::server::Config {
        methods: MethodSet::from(&[MethodKind::PublicKey][..]),
        keys: vec![host_key],
        auth_rejection_time: Duration::from_millis(500),
        auth_rejection_time_initial: Some(Duration::from_millis(0)),
        max_auth_attempts: limits.max_auth_attempts,
        inactivity_timeout: None,
        keepalive_interval: Some(Duration::from_secs(30)),
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
    let shared = Arc::new(Shared {
        dir,
        limits,
        active: AtomicUsize::new(0),
        stops: Mutex::new(Vec::new()),
        stopping: AtomicBool::new(false),
    });
    notify(Notice::Listening {
        address,
        fingerprint: print.clone(),
        keys,
    });
    info!("listening on {address}, host key {print}");
    let mut server = PanelistServer {
        shared: Arc::clone(&shared),
    };
    let running = server.run_on_socket(Arc::new(config), &listener);
    let handle = running.handle();
    tokio::select! {
        result = running => {
            result.map_err(|e| Error::Refused(crate::t!("serve-stopped", error = e)))?;
        }
        () = shutdown_signal() => {
            info!("stopping: telling {} session(s) to save and end", shared.active.load(Ordering::SeqCst));
            shared.stop_all();
            let deadline = Instant::now() + Duration::from_secs(10);
            while shared.active.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            // Let the last frames and exit statuses reach the clients.
            tokio::time::sleep(Duration::from_millis(200)).await;
            handle.shutdown("the review server is stopping".into());
            info!("stopped");
        }
    }
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
