//! Every open connection, by how far it got: what the login deadline, the
//! cap on connections that have not logged in, and the log of connections
//! that never did are computed from.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::wire::{Cut, Wire};

/// How far a connection got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Connected; the key exchange may be under way.
    Connected,
    /// Encrypted and asking to authenticate.
    Authenticating,
    /// Authenticated as this reviewer, without a session yet.
    LoggedIn(String),
    /// This reviewer's session is running.
    InSession(String),
    /// The session is over; the client should close the connection.
    Finished(String),
}

impl Stage {
    fn logged_in(&self) -> bool {
        !matches!(self, Stage::Connected | Stage::Authenticating)
    }
}

/// One connection.
#[derive(Debug, Clone)]
pub struct Entry {
    pub peer: SocketAddr,
    pub opened: Instant,
    pub stage: Stage,
    pub wire: Arc<Wire>,
    /// Authentication attempts refused, and the last SSH user name given
    /// (already made safe for the log).
    pub failures: usize,
    pub user: Option<String>,
    /// Cut when this passes.
    deadline: Option<Instant>,
}

/// Connections that never logged in, closed since the last summary: logged
/// as one line a minute rather than one each, so a flood cannot flood the log.
#[derive(Debug, Default, Clone)]
pub struct Quiet {
    pub closed: usize,
    pub cut: HashMap<&'static str, usize>,
    pub peers: HashMap<IpAddr, usize>,
}

/// Every open connection.
#[derive(Debug)]
pub struct Registry {
    inner: Mutex<Inner>,
    /// Connections that have not logged in, at most.
    cap: usize,
    /// From connecting to a running session, at most.
    login: Duration,
}

#[derive(Debug, Default)]
struct Inner {
    next: u64,
    entries: HashMap<u64, Entry>,
    quiet: Quiet,
}

/// How long a client may keep the connection open once its session is over.
const AFTER_SESSION: Duration = Duration::from_secs(5);

impl Registry {
    pub fn new(cap: usize, login: Duration) -> Registry {
        Registry {
            inner: Mutex::new(Inner::default()),
            cap: cap.max(1),
            login,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic elsewhere never leaves the map half-changed: every change is one call.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Registers a new connection. When more than `cap` connections have not
    /// logged in, the one least likely to be a reviewer about to log in is
    /// cut, perhaps the newcomer (see [`victim`]): a flood of held sockets
    /// cannot lock reviewers out.
    pub fn admit(&self, peer: SocketAddr, wire: Arc<Wire>) -> u64 {
        self.admit_at(peer, wire, Instant::now())
    }

    fn admit_at(&self, peer: SocketAddr, wire: Arc<Wire>, now: Instant) -> u64 {
        let mut inner = self.lock();
        inner.next += 1;
        let id = inner.next;
        inner.entries.insert(
            id,
            Entry {
                peer,
                opened: now,
                stage: Stage::Connected,
                wire,
                failures: 0,
                user: None,
                deadline: Some(now + self.login),
            },
        );
        // Beyond twice the cap at once, room is made now; up to it, by the
        // next `trim`, once the newcomers have had a moment to speak.
        trim(&inner.entries, 2 * self.cap, now);
        id
    }

    /// Cuts connections that have not logged in, those least likely to be
    /// a reviewer about to log in first (see [`victim`]), until at most
    /// `cap` remain. Called every tenth of a second.
    pub fn trim(&self, now: Instant) {
        trim(&self.lock().entries, self.cap, now);
    }

    /// Cuts one connection that has not logged in, to make room (the
    /// server ran out of file descriptors). Whether there was one.
    pub fn make_room(&self) -> bool {
        let inner = self.lock();
        match victim(&inner.entries, Instant::now()).and_then(|id| inner.entries.get(&id)) {
            Some(entry) => {
                entry.wire.cut(Cut::Crowded);
                true
            }
            None => false,
        }
    }

    /// The connection got to `stage`: before a session it keeps the login
    /// deadline; a running session has none (its idle limit applies); a
    /// finished one has a few seconds for the client to hang up.
    pub fn advance(&self, id: u64, stage: Stage) {
        let mut inner = self.lock();
        if let Some(entry) = inner.entries.get_mut(&id) {
            entry.deadline = match stage {
                Stage::InSession(_) => None,
                Stage::Finished(_) => Some(Instant::now() + AFTER_SESSION),
                _ => entry.deadline,
            };
            entry.stage = stage;
        }
    }

    /// A refused authentication attempt, by the SSH user `user`.
    pub fn failed(&self, id: u64, user: String) -> usize {
        let mut inner = self.lock();
        match inner.entries.get_mut(&id) {
            Some(entry) => {
                entry.failures += 1;
                entry.user = Some(user);
                entry.failures
            }
            None => 0,
        }
    }

    pub fn get(&self, id: u64) -> Option<Entry> {
        self.lock().entries.get(&id).cloned()
    }

    /// The connection closed. Returns its entry, unless it never logged in
    /// nor tried to: such connections are counted for [`Registry::summary`].
    pub fn remove(&self, id: u64) -> Option<Entry> {
        let mut inner = self.lock();
        let entry = inner.entries.remove(&id)?;
        if entry.stage.logged_in() || entry.failures > 0 {
            return Some(entry);
        }
        let quiet = &mut inner.quiet;
        quiet.closed += 1;
        if let Some(cut) = entry.wire.cut_reason() {
            *quiet.cut.entry(cut.describe()).or_default() += 1;
        }
        *quiet.peers.entry(entry.peer.ip()).or_default() += 1;
        None
    }

    /// Cuts every connection past its deadline.
    pub fn expire(&self, now: Instant) {
        let inner = self.lock();
        for entry in inner.entries.values() {
            if entry.deadline.is_some_and(|d| d <= now) {
                let why = match entry.stage {
                    Stage::Finished(_) => Cut::SessionOver,
                    _ => Cut::Deadline,
                };
                entry.wire.cut(why);
            }
        }
    }

    /// Cuts every connection.
    pub fn cut_all(&self) {
        for entry in self.lock().entries.values() {
            entry.wire.cut(Cut::Stopping);
        }
    }

    /// The quiet connections closed since the last call.
    pub fn summary(&self) -> Quiet {
        std::mem::take(&mut self.lock().quiet)
    }

    /// Connections open now, and how many of them have not logged in.
    pub fn counts(&self) -> (usize, usize) {
        let inner = self.lock();
        let waiting = inner
            .entries
            .values()
            .filter(|e| !e.stage.logged_in())
            .count();
        (inner.entries.len(), waiting)
    }
}

/// A connection whose client spoke but has not finished the key exchange
/// in this long is a slow one (a reviewer's client takes well under a
/// second, over a slow link a few).
const SLOW: Duration = Duration::from_secs(5);

fn trim(entries: &HashMap<u64, Entry>, cap: usize, now: Instant) {
    let waiting = |e: &&Entry| !e.stage.logged_in() && e.wire.cut_reason().is_none();
    let mut excess = entries.values().filter(waiting).count().saturating_sub(cap);
    while excess > 0
        && let Some(id) = victim(entries, now)
        && let Some(entry) = entries.get(&id)
    {
        entry.wire.cut(Cut::Crowded);
        excess -= 1;
    }
}

/// The connection to cut for room, among those not logged in and not cut
/// already. An SSH client speaks first, at once: so first those whose
/// client has sent nothing (held sockets), oldest first; then those that
/// spoke but have not finished the key exchange in [`SLOW`] (one byte a
/// second), oldest first; then the others that have not, newest first;
/// last those past the key exchange (a client may be asking its user for
/// the key's passphrase), newest first. Within each, the address holding
/// the most connections goes first.
fn victim(entries: &HashMap<u64, Entry>, now: Instant) -> Option<u64> {
    let waiting: Vec<(&u64, &Entry)> = entries
        .iter()
        .filter(|(_, e)| !e.stage.logged_in() && e.wire.cut_reason().is_none())
        .collect();
    let mut per_peer: HashMap<IpAddr, usize> = HashMap::new();
    for (_, entry) in &waiting {
        *per_peer.entry(entry.peer.ip()).or_default() += 1;
    }
    let base = waiting.iter().map(|(_, e)| e.opened).min()?;
    waiting
        .iter()
        .min_by_key(|(id, e)| {
            let age = now.saturating_duration_since(e.opened);
            let crowd = std::cmp::Reverse(per_peer.get(&e.peer.ip()).copied().unwrap_or(0));
            let since =
                i128::try_from(e.opened.duration_since(base).as_nanos()).unwrap_or(i128::MAX);
            let (class, order) = if e.stage == Stage::Authenticating {
                (3, -since)
            } else if !e.wire.heard_anything() {
                (0, since)
            } else if age >= SLOW {
                (1, since)
            } else {
                (2, -since)
            };
            (class, crowd, order, **id)
        })
        .map(|(id, _)| **id)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn peer(last: u8, port: u16) -> SocketAddr {
        SocketAddr::from(([10, 0, 0, last], port))
    }

    #[test]
    fn the_cap_cuts_held_sockets_of_the_busiest_address_first() {
        let registry = Registry::new(3, Duration::from_secs(30));
        let wires: Vec<Arc<Wire>> = (0..5).map(|_| Arc::new(Wire::new())).collect();
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let reviewer = registry.admit_at(peer(1, 1), Arc::clone(&wires[0]), at(0));
        registry.advance(reviewer, Stage::Authenticating);
        let flood_a = registry.admit_at(peer(2, 1), Arc::clone(&wires[1]), at(10));
        registry.admit_at(peer(2, 2), Arc::clone(&wires[2]), at(20));
        registry.admit_at(peer(2, 3), Arc::clone(&wires[3]), at(30));
        // A newcomer from elsewhere, who has spoken.
        registry.admit_at(peer(3, 1), Arc::clone(&wires[4]), at(40));
        wires[4].heard();
        assert!(
            wires.iter().all(|w| w.cut_reason().is_none()),
            "up to twice the cap at once"
        );
        registry.trim(at(100));
        let cut: Vec<bool> = wires.iter().map(|w| w.cut_reason().is_some()).collect();
        assert_eq!(
            cut,
            [false, true, true, false, false],
            "the two oldest held sockets"
        );
        assert!(registry.remove(flood_a).is_none(), "counted, not returned");
        assert_eq!(
            registry.summary().cut.get(Cut::Crowded.describe()),
            Some(&1)
        );
    }

    #[test]
    fn beyond_twice_the_cap_room_is_made_at_once() {
        let registry = Registry::new(1, Duration::from_secs(30));
        let wires: Vec<Arc<Wire>> = (0..3).map(|_| Arc::new(Wire::new())).collect();
        let start = Instant::now();
        for (n, wire) in wires.iter().enumerate() {
            wire.heard();
            let at = start + Duration::from_millis(10 * n as u64);
            registry.admit_at(peer(1, n as u16), Arc::clone(wire), at);
        }
        // All spoke, none is slow yet: the newcomer is turned away.
        let cut: Vec<bool> = wires.iter().map(|w| w.cut_reason().is_some()).collect();
        assert_eq!(cut, [false, false, true]);
    }

    #[test]
    fn logged_in_connections_are_never_cut_for_room() {
        let registry = Registry::new(1, Duration::from_secs(30));
        let wire = Arc::new(Wire::new());
        let id = registry.admit(peer(1, 1), Arc::clone(&wire));
        registry.advance(id, Stage::LoggedIn("t33".into()));
        assert!(!registry.make_room());
        let other = Arc::new(Wire::new());
        registry.admit(peer(2, 1), Arc::clone(&other));
        assert!(registry.make_room());
        assert_eq!(wire.cut_reason(), None);
        assert_eq!(other.cut_reason(), Some(Cut::Crowded));
    }

    #[test]
    fn deadlines_hold_until_the_session_and_return_when_it_is_over() {
        let registry = Registry::new(10, Duration::from_secs(30));
        let (slow, reviewer) = (Arc::new(Wire::new()), Arc::new(Wire::new()));
        registry.admit(peer(1, 1), Arc::clone(&slow));
        let id = registry.admit(peer(1, 2), Arc::clone(&reviewer));
        registry.advance(id, Stage::InSession("t33".into()));
        let later = Instant::now() + Duration::from_secs(31);
        registry.expire(later);
        assert_eq!(slow.cut_reason(), Some(Cut::Deadline));
        assert_eq!(
            reviewer.cut_reason(),
            None,
            "a session has no login deadline"
        );
        registry.advance(id, Stage::Finished("t33".into()));
        registry.expire(Instant::now() + Duration::from_secs(6));
        assert_eq!(reviewer.cut_reason(), Some(Cut::SessionOver));
        let entry = registry
            .remove(id)
            .expect("a logged-in connection is returned");
        assert_eq!(entry.stage, Stage::Finished("t33".into()));
    }
}
