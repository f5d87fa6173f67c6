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
    /// When the client last asked to authenticate (or finished the key
    /// exchange).
    asked: Option<Instant>,
}

/// Connections that never logged in, closed since the last summary: logged
/// as one line a minute rather than one each, so a flood cannot flood the log.
#[derive(Debug, Default, Clone)]
pub struct Quiet {
    pub closed: usize,
    pub cut: HashMap<&'static str, usize>,
    pub peers: HashMap<IpAddr, usize>,
    /// Lines about connections that never logged in left out of the log,
    /// past [`STRANGER_LINES`] in the minute.
    pub unlogged: usize,
}

/// Lines a minute about connections that never logged in (refused keys,
/// passwords, their closing), at most: a stranger trying keys on a hundred
/// connections cannot fill the disk. The rest are counted in the summary.
pub const STRANGER_LINES: usize = 600;

/// Every open connection.
#[derive(Debug)]
pub struct Registry {
    inner: Mutex<Inner>,
    /// Connections that have not logged in, at most, of those that had
    /// their moment to speak.
    cap: usize,
    /// Connections that have not logged in, at most, however new: what the
    /// open-file limit leaves beside the sessions' files.
    room: usize,
    /// From connecting to a running session, at most.
    login: Duration,
}

#[derive(Debug, Default)]
struct Inner {
    next: u64,
    entries: HashMap<u64, Entry>,
    quiet: Quiet,
    /// Lines about strangers written since the last summary.
    stranger_lines: usize,
}

/// How long a client may keep the connection open once its session is over.
const AFTER_SESSION: Duration = Duration::from_secs(5);

impl Registry {
    pub fn new(cap: usize, room: usize, login: Duration) -> Registry {
        Registry {
            inner: Mutex::new(Inner::default()),
            cap: cap.max(1),
            room: room.max(cap).max(1),
            login,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic elsewhere never leaves the map half-changed: every change is one call.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Registers a new connection. It is judged by the next [`Registry::trim`],
    /// once it has had its moment to speak: a flood of held sockets cannot
    /// lock reviewers out.
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
                asked: None,
            },
        );
        // Files are needed now: beyond the room they leave, one goes at once
        // (perhaps this one, the newest not yet heard).
        trim(&inner.entries, self.cap, self.room, now);
        id
    }

    /// Cuts connections that have not logged in, those least likely to be
    /// a reviewer about to log in first (see [`ranked`]), until at most
    /// `cap` remain of those that had their moment to speak. Called every
    /// tenth of a second.
    pub fn trim(&self, now: Instant) {
        trim(&self.lock().entries, self.cap, self.room, now);
    }

    /// Cuts one connection that has not logged in, to make room (the
    /// server ran out of file descriptors). Whether there was one.
    pub fn make_room(&self) -> bool {
        self.make_room_at(Instant::now())
    }

    fn make_room_at(&self, now: Instant) -> bool {
        let inner = self.lock();
        match victim(&inner.entries, now).and_then(|id| inner.entries.get(&id)) {
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
            if stage == Stage::Authenticating {
                entry.asked = Some(Instant::now());
            }
            entry.stage = stage;
        }
    }

    /// A refused authentication attempt, by the SSH user `user`.
    pub fn failed(&self, id: u64, user: String) -> usize {
        let mut inner = self.lock();
        match inner.entries.get_mut(&id) {
            Some(entry) => {
                entry.asked = Some(Instant::now());
                entry.failures += 1;
                entry.user = Some(user);
                entry.failures
            }
            None => 0,
        }
    }

    /// The client asks to authenticate (a key offered, a signature).
    pub fn asked(&self, id: u64) {
        if let Some(entry) = self.lock().entries.get_mut(&id) {
            entry.asked = Some(Instant::now());
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
        let mut inner = self.lock();
        inner.stranger_lines = 0;
        std::mem::take(&mut inner.quiet)
    }

    /// Whether a line about a connection that has not logged in may be
    /// written: up to [`STRANGER_LINES`] between two summaries; the others
    /// are counted in the next summary.
    pub fn may_log_stranger(&self) -> bool {
        let mut inner = self.lock();
        if inner.stranger_lines < STRANGER_LINES {
            inner.stranger_lines += 1;
            true
        } else {
            inner.quiet.unlogged += 1;
            false
        }
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

/// A client past the key exchange that has not asked anything for this
/// long is holding its place rather than logging in (a reviewer typing a
/// passphrase may take this long, so only a flood cuts it, and after the
/// held sockets).
const STALLED: Duration = Duration::from_secs(10);

/// An SSH client speaks as soon as it connects; one that has not yet been
/// heard is given this long (a slow link, a busy server) before it counts
/// as a held socket. Until then only running out of files cuts it.
const GRACE: Duration = Duration::from_secs(1);

/// Cuts connections that have not logged in, in the order of [`ranked`],
/// until at most `cap` remain of those that had their chance to speak and
/// at most `room` in all.
fn trim(entries: &HashMap<u64, Entry>, cap: usize, room: usize, now: Instant) {
    let ranked = ranked(entries, now);
    let judged = ranked
        .iter()
        .filter(|(rank, _)| rank.class != Class::Unheard)
        .count();
    let mut over_cap = judged.saturating_sub(cap);
    let mut over_room = ranked.len().saturating_sub(room);
    for (rank, id) in &ranked {
        if over_cap == 0 && over_room == 0 {
            break;
        }
        let judged = rank.class != Class::Unheard;
        if (judged && over_cap > 0) || over_room > 0 {
            if let Some(entry) = entries.get(id) {
                entry.wire.cut(Cut::Crowded);
            }
            over_room = over_room.saturating_sub(1);
            if judged {
                over_cap = over_cap.saturating_sub(1);
            }
        }
    }
}

/// The connection to cut first, among those not logged in and not cut.
fn victim(entries: &HashMap<u64, Entry>, now: Instant) -> Option<u64> {
    ranked(entries, now).first().map(|(_, id)| *id)
}

/// What a connection that has not logged in looks like, most suspect first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// Sent nothing for [`GRACE`] or longer: a held socket.
    Silent,
    /// Spoke, but has not finished the key exchange in [`SLOW`].
    Slow,
    /// Past the key exchange, but asked nothing for [`STALLED`].
    Stalled,
    /// Sent nothing yet, but only just connected (the oldest goes first:
    /// a client speaks at once, so by the time newer ones push it out, a
    /// reviewer's has spoken).
    Unheard,
    /// Spoke and is within [`SLOW`] of connecting.
    Speaking,
    /// Past the key exchange (a client may be asking its user for the key's
    /// passphrase).
    Authenticating,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    class: Class,
    /// The address holding the most connections goes first.
    crowd: std::cmp::Reverse<usize>,
    /// Oldest first for the suspect classes, newest first for the others.
    order: i128,
}

/// The connections not logged in and not cut yet, those least likely to be
/// a reviewer about to log in first: by [`Class`]; within one, the busiest
/// address first; then the oldest of those not heard from or stuck, the
/// newest of those under way.
fn ranked(entries: &HashMap<u64, Entry>, now: Instant) -> Vec<(Rank, u64)> {
    let waiting: Vec<(&u64, &Entry)> = entries
        .iter()
        .filter(|(_, e)| !e.stage.logged_in() && e.wire.cut_reason().is_none())
        .collect();
    let mut per_peer: HashMap<IpAddr, usize> = HashMap::new();
    for (_, entry) in &waiting {
        *per_peer.entry(entry.peer.ip()).or_default() += 1;
    }
    let Some(base) = waiting.iter().map(|(_, e)| e.opened).min() else {
        return Vec::new();
    };
    let mut ranked: Vec<(Rank, u64)> = waiting
        .iter()
        .map(|(id, e)| {
            let age = now.saturating_duration_since(e.opened);
            let since =
                i128::try_from(e.opened.duration_since(base).as_nanos()).unwrap_or(i128::MAX);
            let class = if e.stage == Stage::Authenticating {
                let asked = e.asked.unwrap_or(e.opened);
                if now.saturating_duration_since(asked) >= STALLED {
                    Class::Stalled
                } else {
                    Class::Authenticating
                }
            } else if !e.wire.heard_anything() {
                if age >= GRACE {
                    Class::Silent
                } else {
                    Class::Unheard
                }
            } else if age >= SLOW {
                Class::Slow
            } else {
                Class::Speaking
            };
            let order = match class {
                Class::Silent | Class::Slow | Class::Stalled | Class::Unheard => since,
                Class::Speaking | Class::Authenticating => -since,
            };
            let crowd = std::cmp::Reverse(per_peer.get(&e.peer.ip()).copied().unwrap_or(0));
            (
                Rank {
                    class,
                    crowd,
                    order,
                },
                **id,
            )
        })
        .collect();
    ranked.sort_unstable();
    ranked
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
        let registry = Registry::new(3, 1000, Duration::from_secs(30));
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
        registry.trim(at(100));
        assert!(
            wires.iter().all(|w| w.cut_reason().is_none()),
            "the held sockets have had no time to speak yet"
        );
        registry.trim(at(1100));
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
    fn a_reviewer_amid_a_burst_of_held_sockets_keeps_the_connection() {
        let registry = Registry::new(1, 1000, Duration::from_secs(30));
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let wires: Vec<Arc<Wire>> = (0..7).map(|_| Arc::new(Wire::new())).collect();
        for (n, wire) in wires.iter().enumerate() {
            registry.admit_at(peer(1, n as u16), Arc::clone(wire), at(n as u64));
        }
        let cut = || -> Vec<bool> { wires.iter().map(|w| w.cut_reason().is_some()).collect() };
        // The reviewer, connected in the middle of the burst, is heard at once.
        wires[3].heard();
        registry.trim(at(100));
        assert_eq!(
            cut(),
            [false; 7],
            "only the reviewer had its chance to speak"
        );
        // Out of files, the oldest of those not heard yet goes first.
        assert!(registry.make_room_at(at(100)));
        assert_eq!(cut(), [true, false, false, false, false, false, false]);
        registry.trim(at(1200));
        assert_eq!(cut(), [true, true, true, false, true, true, true]);
    }

    #[test]
    fn a_connection_that_stops_asking_to_log_in_goes_before_one_that_speaks() {
        let registry = Registry::new(1, 1000, Duration::from_secs(60));
        let start = Instant::now();
        let (stalled, speaking) = (Arc::new(Wire::new()), Arc::new(Wire::new()));
        let id = registry.admit_at(peer(1, 1), Arc::clone(&stalled), start);
        stalled.heard();
        registry.advance(id, Stage::Authenticating);
        registry.admit_at(peer(2, 1), Arc::clone(&speaking), start);
        speaking.heard();
        registry.trim(Instant::now() + Duration::from_secs(1));
        assert_eq!(
            speaking.cut_reason(),
            Some(Cut::Crowded),
            "the newer one, still asking"
        );
        let other = Arc::new(Wire::new());
        registry.admit_at(
            peer(3, 1),
            Arc::clone(&other),
            start + Duration::from_secs(10),
        );
        other.heard();
        registry.trim(Instant::now() + Duration::from_secs(11));
        assert_eq!(
            stalled.cut_reason(),
            Some(Cut::Crowded),
            "asked nothing for 10 s"
        );
        assert_eq!(other.cut_reason(), None);
    }

    #[test]
    fn lines_about_strangers_are_counted_past_the_budget() {
        let registry = Registry::new(1, 1000, Duration::from_secs(30));
        let written = (0..STRANGER_LINES + 5)
            .filter(|_| registry.may_log_stranger())
            .count();
        assert_eq!(written, STRANGER_LINES);
        assert_eq!(registry.summary().unlogged, 5);
        assert!(registry.may_log_stranger(), "a new minute, a new budget");
        assert_eq!(registry.summary().unlogged, 0);
    }

    #[test]
    fn logged_in_connections_are_never_cut_for_room() {
        let registry = Registry::new(1, 1000, Duration::from_secs(30));
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
        let registry = Registry::new(10, 1000, Duration::from_secs(30));
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
