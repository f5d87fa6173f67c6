//! A connection's socket as the server holds it: one it can cut at any
//! moment (a login deadline, a newer connection needing the room, a
//! finished session whose client keeps the line open), and one that tells
//! when the client last sent anything.
//!
//! Cutting works whatever state russh is in, even before the version
//! exchange: the next read fails, so its session ends and the socket closes.

use std::io;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// The server's hold on one connection.
#[derive(Debug)]
pub struct Wire {
    cut: AtomicBool,
    /// Why it was cut, for the log.
    reason: Mutex<Option<Cut>>,
    /// The reader waiting for the client, woken by a cut.
    reader: Mutex<Option<Waker>>,
    opened: Instant,
    /// When the client last sent a byte, in ms after `opened`.
    last_heard: AtomicU64,
    heard_any: AtomicBool,
}

/// Why the server cut a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// No session within the login deadline.
    Deadline,
    /// Dropped for a newer connection when too many had not logged in.
    Crowded,
    /// The session is over and the client did not close the connection.
    SessionOver,
    /// The server is stopping.
    Stopping,
}

impl Cut {
    pub fn describe(self) -> &'static str {
        match self {
            Cut::Deadline => "no session within the login deadline",
            Cut::Crowded => "dropped for a newer connection (too many not logged in)",
            Cut::SessionOver => "the session was over",
            Cut::Stopping => "the server is stopping",
        }
    }
}

impl Wire {
    pub fn new() -> Wire {
        Wire {
            cut: AtomicBool::new(false),
            reason: Mutex::new(None),
            reader: Mutex::new(None),
            opened: Instant::now(),
            last_heard: AtomicU64::new(0),
            heard_any: AtomicBool::new(false),
        }
    }

    /// Cuts the connection (the first reason given is kept).
    pub fn cut(&self, why: Cut) {
        if let Ok(mut reason) = self.reason.lock() {
            reason.get_or_insert(why);
        }
        self.cut.store(true, Ordering::SeqCst);
        let waker = self.reader.lock().ok().and_then(|mut w| w.take());
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Why the server cut the connection, if it did.
    pub fn cut_reason(&self) -> Option<Cut> {
        self.reason.lock().ok().and_then(|r| *r)
    }

    fn is_cut(&self) -> bool {
        self.cut.load(Ordering::SeqCst)
    }

    /// How long since the client last sent anything (or since it connected).
    pub fn silent_for(&self) -> Duration {
        let heard = Duration::from_millis(self.last_heard.load(Ordering::Relaxed));
        self.opened.elapsed().saturating_sub(heard)
    }

    /// Whether the client has sent anything at all.
    pub fn heard_anything(&self) -> bool {
        self.heard_any.load(Ordering::Relaxed)
    }

    pub(super) fn heard(&self) {
        self.heard_any.store(true, Ordering::Relaxed);
        let ms = u64::try_from(self.opened.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_heard.store(ms, Ordering::Relaxed);
    }
}

fn cut_error() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionAborted, "cut by the server")
}

/// The client's socket, read and written through its [`Wire`].
pub struct WiredStream {
    socket: TcpStream,
    wire: std::sync::Arc<Wire>,
}

impl WiredStream {
    pub fn new(socket: TcpStream, wire: std::sync::Arc<Wire>) -> WiredStream {
        WiredStream { socket, wire }
    }
}

impl AsyncRead for WiredStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.wire.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        if let Ok(mut reader) = self.wire.reader.lock() {
            *reader = Some(cx.waker().clone());
        }
        // A cut between the check and the waker's registration woke nobody.
        if self.wire.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.socket).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.wire.heard();
        }
        polled
    }
}

impl AsyncWrite for WiredStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.wire.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        Pin::new(&mut self.socket).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.wire.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        Pin::new(&mut self.socket).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.socket).poll_shutdown(cx)
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use tokio::io::AsyncReadExt;

    #[test]
    fn a_cut_wakes_a_waiting_reader_and_keeps_its_first_reason() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let address = listener.local_addr().expect("address");
            let _client = TcpStream::connect(address).await.expect("connect");
            let (socket, _) = listener.accept().await.expect("accept");
            let wire = Arc::new(Wire::new());
            let mut stream = WiredStream::new(socket, Arc::clone(&wire));
            let cutter = Arc::clone(&wire);
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                cutter.cut(Cut::Deadline);
                cutter.cut(Cut::Stopping);
            });
            let mut buf = [0u8; 8];
            let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
                .await
                .expect("the cut ends the wait");
            assert_eq!(
                read.map_err(|e| e.kind()),
                Err(io::ErrorKind::ConnectionAborted)
            );
            assert_eq!(wire.cut_reason(), Some(Cut::Deadline));
            assert!(wire.silent_for() >= Duration::from_millis(50));
        });
    }
}
