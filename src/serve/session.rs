//! Starting a reviewer's session on a connection: one session per reviewer
//! on this server (a silent earlier one is taken over), the server's limit
//! on sessions, the thread its TUI runs on and the task that writes its
//! output to the channel.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use russh::ChannelWriteHalf;
use russh::server::Msg;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tracing::{info, warn};

use super::channel::{self, Ending, Flow, INPUT_LIMIT, Input, Output, Stop, Stopped};
use super::registry::Stage;
use super::shared::{Known, Running, Shared};
use super::wire::Wire;
use crate::tui::session::Setup;

/// A connection that sent nothing this long has missed a keep-alive (sent
/// after 10 s of silence; a live client answers within its round trip): a
/// new login of the same reviewer takes its session over.
pub const TAKEOVER_SILENCE: Duration = Duration::from_secs(15);

/// However an earlier session behaves, a new login waits no longer than
/// this for it: past its silence to be taken over, and its save.
const CLAIM_LIMIT: Duration = Duration::from_secs(40);

/// The connection's end of a session: the client's input goes in here.
pub struct Feed {
    input: Sender<Input>,
    flow: Arc<Flow>,
}

impl Feed {
    /// Hands the client's bytes to the session. While the session has
    /// [`INPUT_LIMIT`] unread, waits: the connection stops reading the
    /// client, whose sends then block, instead of the server buffering
    /// without end.
    pub async fn bytes(&self, data: &[u8]) {
        while self.flow.queued() > INPUT_LIMIT && !self.flow.ended() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        self.flow.queue(data.len());
        if self.input.send(Input::Bytes(data.to_vec())).is_err() {
            self.flow.end();
        }
    }

    /// The window's new size: the session hears of it once however many
    /// come before it redraws.
    pub fn resize(&self, columns: u32, rows: u32) {
        if self.flow.set_size(columns, rows) {
            let _ = self.input.send(Input::Resized);
        }
    }

    /// The client closed the channel.
    pub fn close(&self) {
        let _ = self.input.send(Input::Closed);
    }
}

/// Who asks for a session, and where it goes.
pub struct Request {
    pub connection: u64,
    pub peer: SocketAddr,
    pub known: Arc<Known>,
    pub reviewer: String,
    pub setup: Setup,
    /// When the reviewer authenticated.
    pub logged_in: Instant,
    pub wire: Arc<Wire>,
    pub flow: Arc<Flow>,
    pub channel: ChannelWriteHalf<Msg>,
}

/// Starts the session `request` asks for; returns where its input goes.
/// From now on the login deadline no longer applies (checking an earlier
/// session may take its while); the session's own limits do.
pub fn start(shared: &Arc<Shared>, request: Request) -> Feed {
    shared.registry.advance(
        request.connection,
        Stage::InSession(request.reviewer.clone()),
    );
    let (input, input_rx) = std::sync::mpsc::channel();
    let (out, out_rx) = unbounded_channel();
    let flow = Arc::clone(&request.flow);
    let stop = Arc::new(Stop::default());
    tokio::spawn(write_output(
        Arc::clone(shared),
        request.channel,
        out_rx,
        Arc::clone(&flow),
        Arc::clone(&stop),
        (request.connection, request.reviewer.clone()),
    ));
    let shared = Arc::clone(shared);
    let prepared = Prepared {
        connection: request.connection,
        peer: request.peer,
        known: request.known,
        reviewer: request.reviewer,
        setup: request.setup,
        logged_in: request.logged_in,
        wire: request.wire,
        flow: Arc::clone(&flow),
        stop,
        out,
    };
    tokio::spawn(async move {
        if let Err(refusal) = claim(&shared, &prepared).await {
            info!(
                "refused: {} at {}: {refusal}",
                prepared.reviewer, prepared.peer
            );
            return;
        }
        run_thread(shared, prepared, input_rx);
    });
    Feed { input, flow }
}

/// A session about to run.
struct Prepared {
    connection: u64,
    peer: SocketAddr,
    known: Arc<Known>,
    reviewer: String,
    setup: Setup,
    logged_in: Instant,
    wire: Arc<Wire>,
    flow: Arc<Flow>,
    stop: Arc<Stop>,
    out: UnboundedSender<Output>,
}

impl Prepared {
    fn say(&self, text: &str) {
        channel::tell(&self.out, Arc::clone(&self.flow), text);
    }

    fn refuse(&self, text: &str) {
        channel::refuse(&self.out, Arc::clone(&self.flow), text);
    }

    /// A message in the session's language.
    fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        crate::i18n::text_in(self.setup.lang, id, args)
    }
}

/// Makes room for the session: an earlier session of the same reviewer on
/// this server that has gone silent is stopped (it saves and ends); one
/// still answering keeps its place, and this one is refused. Then takes a
/// place among the server's sessions. `Err` says why not, for the log; the
/// client has been told.
async fn claim(shared: &Shared, session: &Prepared) -> Result<(), String> {
    let waiting = Instant::now();
    let mut told = false;
    while let Some(earlier) = shared.running_of(&session.reviewer, session.connection) {
        let silent = earlier.wire.silent_for();
        let peer = earlier.peer.ip().to_string();
        if silent >= TAKEOVER_SILENCE {
            info!(
                "takeover: {} at {}: the session at {} sent nothing for {} s; it saves and ends",
                session.reviewer,
                session.peer,
                earlier.peer,
                silent.as_secs()
            );
            earlier.stop.stop(Stopped::TakenOver);
            wait_for_end(shared, earlier.connection).await;
            session.say(&session.text(
                "serve-taking-over",
                &[("peer", peer), ("since", earlier.since.clone())],
            ));
            continue;
        }
        if silent < waiting.elapsed() && told {
            // It sent something after this login began: it is there.
            session.refuse(&session.text(
                "serve-session-elsewhere",
                &[("peer", peer), ("since", earlier.since.clone())],
            ));
            return Err(format!("a session of theirs at {} answers", earlier.peer));
        }
        if !told {
            let left = TAKEOVER_SILENCE.saturating_sub(silent).as_secs() + 1;
            session.say(&session.text(
                "serve-checking-earlier",
                &[
                    ("peer", peer),
                    ("since", earlier.since.clone()),
                    ("seconds", left.to_string()),
                ],
            ));
            told = true;
        }
        if session.flow.ended() {
            return Err("the client left while its earlier session was checked".into());
        }
        if waiting.elapsed() > CLAIM_LIMIT {
            session.refuse(&session.text("serve-busy", &[]));
            return Err("its earlier session did not end in time".into());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let running = Running {
        connection: session.connection,
        reviewer: session.reviewer.clone(),
        peer: session.peer,
        since: jiff::Timestamp::now()
            .strftime("%Y-%m-%d %H:%M UTC")
            .to_string(),
        stop: Arc::clone(&session.stop),
        wire: Arc::clone(&session.wire),
    };
    if shared.begin(running) {
        Ok(())
    } else {
        session.refuse(&session.text("serve-busy", &[]));
        Err("the server is full or stopping".into())
    }
}

/// Waits (10 s at most) until the session of `connection` has ended.
async fn wait_for_end(shared: &Shared, connection: u64) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline && shared.is_running(connection) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Runs the TUI on a thread of its own until it ends; logs how it ended.
fn run_thread(shared: Arc<Shared>, session: Prepared, input: std::sync::mpsc::Receiver<Input>) {
    let connection = session.connection;
    let spec = channel::Session {
        review: Arc::clone(&session.known.review),
        reviewer: session.reviewer.clone(),
        setup: session.setup,
        idle: shared.limits.idle,
        stop: Arc::clone(&session.stop),
        flow: Arc::clone(&session.flow),
    };
    let (reviewer, peer, since) = (session.reviewer, session.peer, session.logged_in);
    let out = session.out;
    let finish = Finish {
        shared,
        connection,
        reviewer: reviewer.clone(),
        flow: Arc::clone(&session.flow),
    };
    let spawned = std::thread::Builder::new()
        .name(format!("session {reviewer}"))
        .spawn(move || {
            // Whatever happens on this thread, the session's place is given
            // back when it ends (`finish` is dropped even by a panic).
            let _finish = finish;
            let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                channel::run(spec, input, out)
            }));
            let (ending, detail) = ran.unwrap_or_else(|_| {
                (
                    Ending::Crashed,
                    "the session panicked while it opened".into(),
                )
            });
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
        warn!("cannot start a session thread: {e}");
    }
}

/// Gives a session's place back when dropped: the server's count of
/// sessions, the connection's stage, the flow that connection waits on.
struct Finish {
    shared: Arc<Shared>,
    connection: u64,
    reviewer: String,
    flow: Arc<Flow>,
}

impl Drop for Finish {
    fn drop(&mut self) {
        self.shared.end(self.connection);
        self.shared.registry.advance(
            self.connection,
            Stage::Finished(std::mem::take(&mut self.reviewer)),
        );
        self.flow.end();
    }
}

/// Writes the session's output to the channel, within the client's window
/// (so what waits is bounded: see `channel::OUTPUT_LIMIT`), then its exit
/// status. If the channel is gone, the session is told to end.
async fn write_output(
    shared: Arc<Shared>,
    channel: ChannelWriteHalf<Msg>,
    mut out: UnboundedReceiver<Output>,
    flow: Arc<Flow>,
    stop: Arc<Stop>,
    (connection, reviewer): (u64, String),
) {
    while let Some(message) = out.recv().await {
        match message {
            Output::Data(bytes) => {
                let len = bytes.len();
                let sent = channel.data_bytes(bytes).await;
                flow.sent(len);
                if sent.is_err() {
                    stop.stop(Stopped::OutputFailed);
                    break;
                }
            }
            Output::End(code) => {
                let _ = channel.exit_status(code).await;
                let _ = channel.eof().await;
                let _ = channel.close().await;
                break;
            }
        }
    }
    flow.end();
    // The client has a few seconds to hang up (a session refused before it
    // ran is over too).
    shared
        .registry
        .advance(connection, Stage::Finished(reviewer));
}
