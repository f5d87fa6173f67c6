//! One SSH connection: at most one reviewer, one session channel, one TUI.
//! Every request but a reviewer's key, a terminal and a shell is refused
//! and logged; every string the client chose is logged through
//! `log::client`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use russh::server::{
    Auth, ChannelOpenHandle, Handler, Msg, PublicKeyOffer, Session, VerifiedPublicKey,
};
use russh::{Channel, ChannelId, ChannelWriteHalf, Pty};
use tracing::info;

use super::channel::Flow;
use super::keys::fingerprint;
use super::log::{client, client_bytes};
use super::registry::Stage;
use super::session::{self, Feed, Request};
use super::shared::{Known, Shared};
use super::wire::Wire;
use crate::tui::session::Setup;

pub struct Connection {
    shared: Arc<Shared>,
    /// Its number in the registry.
    id: u64,
    peer: SocketAddr,
    wire: Arc<Wire>,
    /// `review.ron` as of this connection's first key.
    known: Option<Arc<Known>>,
    reviewer: Option<String>,
    logged_in: Option<Instant>,
    /// The session channel, until its shell starts.
    channel: Option<ChannelWriteHalf<Msg>>,
    channel_id: Option<ChannelId>,
    flow: Arc<Flow>,
    env: HashMap<String, String>,
    /// The running session's input.
    feed: Option<Feed>,
}

impl Connection {
    pub fn new(shared: Arc<Shared>, id: u64, peer: SocketAddr, wire: Arc<Wire>) -> Connection {
        Connection {
            shared,
            id,
            peer,
            wire,
            known: None,
            reviewer: None,
            logged_in: None,
            channel: None,
            channel_id: None,
            flow: Arc::new(Flow::new()),
            env: HashMap::new(),
            feed: None,
        }
    }

    fn known(&mut self) -> Option<Arc<Known>> {
        if self.known.is_none() {
            self.known = self.shared.known();
        }
        self.known.clone()
    }

    fn refuse(&self, what: &str) {
        match self.reviewer.as_deref() {
            Some(who) => info!("refused: {what} from {who} at {}", self.peer),
            None if self.shared.registry.may_log_stranger() => {
                info!("refused: {what} from (not logged in) at {}", self.peer);
            }
            None => {}
        }
    }

    /// Whether a line about this connection, not logged in, may be written.
    fn may_log(&self) -> bool {
        self.shared.registry.may_log_stranger()
    }

    /// A refused authentication attempt.
    fn failed(&self, user: &str) -> Auth {
        self.shared.registry.failed(self.id, client(user));
        Auth::reject()
    }

    /// Whether the connection has used up its attempts: then even a right
    /// key is refused (russh disconnects at the next attempt).
    fn exhausted(&self) -> bool {
        self.shared
            .registry
            .get(self.id)
            .is_some_and(|c| c.failures >= self.shared.limits.max_auth_attempts)
    }

    /// The session's language and terminal capabilities, from the
    /// client's environment (sent with `SendEnv`): the language of its
    /// locale, and UTF-8 unless the client says otherwise.
    fn setup(&self) -> Setup {
        let lang = crate::i18n::Lang::choose(None, None, |name| self.env.get(name).cloned());
        let mut setup = Setup::new(lang, |name| match name {
            "LANG" => Some(
                self.env
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| "C.UTF-8".into()),
            ),
            _ => self.env.get(name).cloned(),
        });
        setup.remote = true;
        setup
    }

    fn start_session(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), russh::Error> {
        let (Some(known), Some(reviewer), Some(logged_in)) =
            (self.known.clone(), self.reviewer.clone(), self.logged_in)
        else {
            return session.channel_failure(channel);
        };
        let Some(writer) = self.channel.take() else {
            self.refuse("a second shell on one connection");
            return session.channel_failure(channel);
        };
        session.channel_success(channel)?;
        let request = Request {
            connection: self.id,
            peer: self.peer,
            known,
            reviewer,
            setup: self.setup(),
            logged_in,
            wire: Arc::clone(&self.wire),
            flow: Arc::clone(&self.flow),
            channel: writer,
        };
        self.feed = Some(session::start(&self.shared, request));
        Ok(())
    }
}

impl Handler for Connection {
    type Error = russh::Error;

    async fn authentication_banner(&mut self) -> Result<Option<String>, Self::Error> {
        // Called once the key exchange is done: no longer an idle socket.
        self.shared.registry.advance(self.id, Stage::Authenticating);
        Ok(None)
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.exhausted() {
            return Ok(Auth::reject());
        }
        self.shared.registry.asked(self.id);
        let Some(known) = self.known() else {
            return Ok(self.failed(user));
        };
        if known.keys.reviewer(offer.public_key).is_some() {
            Ok(Auth::Accept)
        } else {
            if self.may_log() {
                info!(
                    "refused: unknown key {} offered by ssh user {} from {}",
                    fingerprint(offer.public_key),
                    client(user),
                    self.peer
                );
            }
            Ok(self.failed(user))
        }
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.exhausted() {
            return Ok(Auth::reject());
        }
        self.shared.registry.asked(self.id);
        let Some(known) = self.known() else {
            return Ok(self.failed(user));
        };
        match known.keys.reviewer(key.public_key) {
            Some(reviewer) => {
                info!(
                    "login: {reviewer} at {} with key {} (ssh user {})",
                    self.peer,
                    fingerprint(key.public_key),
                    client(user)
                );
                self.shared
                    .registry
                    .advance(self.id, Stage::LoggedIn(reviewer.to_string()));
                self.reviewer = Some(reviewer.to_string());
                self.logged_in = Some(Instant::now());
                Ok(Auth::Accept)
            }
            None => Ok(self.failed(user)),
        }
    }

    async fn auth_password(&mut self, user: &str, _password: &str) -> Result<Auth, Self::Error> {
        if self.may_log() {
            info!(
                "refused: password authentication for ssh user {} from {} (keys only)",
                client(user),
                self.peer
            );
        }
        Ok(self.failed(user))
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        _response: Option<russh::server::Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        if self.may_log() {
            info!(
                "refused: keyboard-interactive authentication for ssh user {} from {} (keys only)",
                client(user),
                self.peer
            );
        }
        Ok(self.failed(user))
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel_id.is_some() {
            self.refuse("a second session channel");
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel_id = Some(channel.id());
        // The client's data comes through the handler's calls; the read
        // half, unread, would only hold it up.
        let (_, writer) = channel.split();
        self.channel = Some(writer);
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
        self.refuse(&format!("port forwarding to {}:{port}", client(host)));
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        socket_path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refuse(&format!("socket forwarding to {}", client(socket_path)));
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
        self.refuse(&format!(
            "remote port forwarding of {}:{port}",
            client(address)
        ));
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refuse(&format!("remote socket forwarding of {}", client(path)));
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
        self.flow.set_first_size(columns, rows);
        if term.len() <= 64 && term.bytes().all(|b| b.is_ascii_graphic()) {
            self.env.insert("TERM".into(), term.to_string());
        }
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
        self.refuse(&format!("running a command ({})", client_bytes(data)));
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
        self.refuse(&format!("the subsystem {}", client(name)));
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
        match &self.feed {
            Some(feed) => feed.resize(columns, rows),
            None => self.flow.set_first_size(columns, rows),
        }
        Ok(())
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(feed) = &self.feed {
            feed.bytes(data).await;
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(feed) = self.feed.take() {
            feed.close();
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(feed) = self.feed.take() {
            feed.close();
        }
        Ok(())
    }
}
