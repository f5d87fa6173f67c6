//! What every connection of one server shares: its limits, the review as
//! last read, the open connections and the running sessions.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tracing::warn;

use super::channel::{Stop, Stopped};
use super::keys::KeyIndex;
use super::registry::Registry;
use super::wire::Wire;
use crate::store::{self, LoadedReview};

/// Limits of one server, from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Sessions running at once, at most.
    pub max_sessions: usize,
    /// Authentication attempts refused per connection, at most (the
    /// client's first `none` request, asking which methods there are, is
    /// not one).
    pub max_auth_attempts: usize,
    /// A session without a key this long is closed (its marks are saved).
    pub idle: Duration,
    /// From connecting to a running session, at most.
    pub login: Duration,
    /// Connections that have not logged in, at most: a newer one takes the
    /// place of one of them.
    pub max_unauthenticated: usize,
    /// Connections not logged in that the open-file limit leaves room for,
    /// counting those too new to judge (at least `max_unauthenticated`).
    pub room: usize,
}

/// The review as the server last read it, with its reviewers' keys.
pub struct Known {
    pub review: Arc<LoadedReview>,
    pub keys: KeyIndex,
}

/// A running session, as others may need to stop or take it over.
#[derive(Clone)]
pub struct Running {
    pub connection: u64,
    pub reviewer: String,
    pub peer: SocketAddr,
    /// When it started, UTC, `2007-06-01 10:15`.
    pub since: String,
    pub stop: Arc<Stop>,
    pub wire: Arc<Wire>,
}

/// What every connection shares.
pub struct Shared {
    pub dir: PathBuf,
    pub limits: Limits,
    pub registry: Registry,
    pub stopping: AtomicBool,
    sessions: Mutex<Vec<Running>>,
    /// The review in use, why the file is not usable (once said), and the
    /// file's stamp when it was read.
    known: Mutex<(Option<Arc<Known>>, String, Option<Stamp>)>,
}

/// What tells one version of a file from the next without reading it.
type Stamp = (std::time::SystemTime, u64, u64);

fn stamp(path: &std::path::Path) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len(), meta.ino()))
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every change under these locks is one call: a panic leaves no half.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    pub fn new(dir: PathBuf, limits: Limits, review: LoadedReview) -> Shared {
        let keys = KeyIndex::new(&review);
        Shared {
            dir,
            limits,
            registry: Registry::new(limits.max_unauthenticated, limits.room, limits.login),
            stopping: AtomicBool::new(false),
            sessions: Mutex::new(Vec::new()),
            known: Mutex::new((
                Some(Arc::new(Known {
                    review: Arc::new(review),
                    keys,
                })),
                String::new(),
                None,
            )),
        }
    }

    /// `review.ron` read anew, so the chair can add a reviewer's key without
    /// restarting the server. While it is invalid (the chair is editing it),
    /// the last valid one stays in use, and the log says why once.
    /// It is read again only when the file changed (its time, size or inode):
    /// a flood of logins does not make the server parse it for each.
    pub fn known(&self) -> Option<Arc<Known>> {
        let stamp = stamp(&self.dir.join("review.ron"));
        {
            let known = locked(&self.known);
            if stamp.is_some() && stamp == known.2 {
                return known.0.clone();
            }
        }
        let loaded = store::load_review(&self.dir);
        let mut known = locked(&self.known);
        known.2 = stamp.filter(|_| loaded.is_ok());
        match loaded {
            Ok(review) => {
                let keys = KeyIndex::new(&review);
                known.0 = Some(Arc::new(Known {
                    review: Arc::new(review),
                    keys,
                }));
                known.1.clear();
            }
            Err(e) => {
                let why = e.to_string();
                if known.1 != why {
                    warn!("review.ron is not usable, so the last valid one is: {why}");
                    known.1 = why;
                }
            }
        }
        known.0.clone()
    }

    /// Sessions running now.
    pub fn active(&self) -> usize {
        locked(&self.sessions).len()
    }

    /// Registers a session, unless the server is full or stopping.
    pub fn begin(&self, running: Running) -> bool {
        let mut sessions = locked(&self.sessions);
        if self.stopping.load(Ordering::SeqCst) || sessions.len() >= self.limits.max_sessions {
            return false;
        }
        sessions.push(running);
        true
    }

    pub fn end(&self, connection: u64) {
        locked(&self.sessions).retain(|s| s.connection != connection);
    }

    pub fn is_running(&self, connection: u64) -> bool {
        locked(&self.sessions)
            .iter()
            .any(|s| s.connection == connection)
    }

    /// The running session of `reviewer` on another connection than `connection`.
    pub fn running_of(&self, reviewer: &str, connection: u64) -> Option<Running> {
        locked(&self.sessions)
            .iter()
            .find(|s| s.reviewer == reviewer && s.connection != connection)
            .cloned()
    }

    /// Tells every session to save and end.
    pub fn stop_all(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        for session in locked(&self.sessions).iter() {
            session.stop.stop(Stopped::Server);
        }
    }

    /// Waits until no session runs, or `limit` has passed.
    pub async fn drained(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        while self.active() > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
