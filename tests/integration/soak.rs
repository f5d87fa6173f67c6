//! Soak: several reviewers of one panel saving in loops while a killer
//! SIGKILLs their saves at random moments. Afterwards every confirmed mark is
//! in the panel file and in the journal alike.
//!
//! Ignored by default; CI runs it with a small count:
//! `SOAK_ROUNDS=40 cargo test --test integration soak -- --ignored`.

use crate::common;

use std::collections::HashMap;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::{ReviewDir, Rng, SMALL_REVIEW, arg, panelist_std, run};
use panelist::store::journal;

/// What one reviewer attempted and was told was saved, per cell, in order.
#[derive(Default)]
struct Log {
    attempts: Vec<(String, String, f64)>,
    confirmed: Vec<(String, String, f64)>,
}

const WRITERS: [(&str, &[&str]); 3] = [
    ("ann", &["north", "south", "east"]),
    ("bob", &["north", "south"]),
    ("cy", &["north", "east"]),
];

#[test]
#[ignore = "soak test: run with SOAK_ROUNDS=N cargo test --test integration soak -- --ignored"]
fn killed_writers_never_lose_a_confirmed_mark() {
    let rounds: usize = std::env::var("SOAK_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let dir = ReviewDir::from_text(SMALL_REVIEW);
    let review = dir.path();
    let slots: Vec<Arc<Mutex<Option<Child>>>> =
        WRITERS.iter().map(|_| Arc::new(Mutex::new(None))).collect();
    let done = Arc::new(AtomicBool::new(false));
    let killer = {
        let (slots, done) = (slots.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut rng = Rng::from_env_or_random("SOAK_SEED");
            let mut kills = 0;
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(rng.duration(Duration::from_millis(25)));
                if let Ok(mut slot) = slots[rng.below(slots.len())].lock()
                    && let Some(child) = slot.as_mut()
                    && child.kill().is_ok()
                {
                    kills += 1;
                }
            }
            kills
        })
    };
    let writers: Vec<_> = WRITERS
        .iter()
        .zip(&slots)
        .map(|(&(reviewer, regions), slot)| {
            let (review, slot) = (review.clone(), Arc::clone(slot));
            std::thread::spawn(move || {
                let mut log = Log::default();
                for round in 0..rounds {
                    let region = regions[round % regions.len()];
                    let criterion = if round % 2 == 0 { "a1" } else { "a2" };
                    let points = ((round / 2) % 5) as f64;
                    log.attempts.push((region.into(), criterion.into(), points));
                    let child = panelist_std()
                        .args([
                            "mark",
                            &arg(&review),
                            "--reviewer",
                            reviewer,
                            "--panel",
                            "board",
                            "--reopen",
                        ])
                        .args([region, criterion, &points.to_string()])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .spawn()
                        .expect("spawn panelist mark");
                    *slot.lock().expect("slot") = Some(child);
                    let status = loop {
                        let finished = slot
                            .lock()
                            .expect("slot")
                            .as_mut()
                            .and_then(|c| c.try_wait().ok().flatten());
                        if let Some(status) = finished {
                            break status;
                        }
                        std::thread::sleep(Duration::from_millis(1));
                    };
                    *slot.lock().expect("slot") = None;
                    if status.success() {
                        log.confirmed
                            .push((region.into(), criterion.into(), points));
                    }
                }
                (reviewer, log)
            })
        })
        .collect();
    let logs: Vec<(&str, Log)> = writers
        .into_iter()
        .map(|w| w.join().expect("a writer"))
        .collect();
    done.store(true, Ordering::Relaxed);
    let kills = killer.join().expect("the killer");
    eprintln!(
        "soak: {rounds} rounds x {} writers, {kills} saves killed",
        logs.len()
    );

    // The file parses and the review is valid (warnings allowed).
    run(["check", &arg(&review)]).assert_code(0);
    let file = common::read_panel_file(&dir.panel_path("board"));
    let journal = journal::read(&review.join("scores/board.journal")).expect("the journal reads");
    let replayed = journal.replay();
    for (reviewer, log) in &logs {
        // Per cell: the value now must be the last confirmed one, or one
        // attempted after it (a save killed after its rename is saved but
        // was never confirmed).
        let mut allowed: HashMap<(&str, &str), Vec<f64>> = HashMap::new();
        let mut confirmed_upto: HashMap<(&str, &str), usize> = HashMap::new();
        let mut confirmed = log.confirmed.iter().peekable();
        for (i, (region, criterion, points)) in log.attempts.iter().enumerate() {
            if confirmed
                .peek()
                .is_some_and(|c| c.0 == *region && c.1 == *criterion && c.2 == *points)
            {
                confirmed.next();
                confirmed_upto.insert((region, criterion), i);
            }
            allowed.entry((region, criterion)).or_default();
        }
        for ((region, criterion), values) in &mut allowed {
            let from = confirmed_upto.get(&(*region, *criterion)).copied();
            for (i, (r, c, p)) in log.attempts.iter().enumerate() {
                if r == region && c == criterion && from.is_none_or(|f| i >= f) {
                    values.push(*p);
                }
            }
            let in_file = file
                .sheets
                .get(*reviewer)
                .and_then(|s| s.mark(region, criterion))
                .map(|m| m.points);
            let in_journal = replayed
                .get(*reviewer)
                .and_then(|s| s.mark(region, criterion))
                .map(|m| m.points);
            for (place, value) in [("file", in_file), ("journal", in_journal)] {
                match (from, value) {
                    (Some(_), Some(v)) => assert!(
                        values.contains(&v),
                        "{reviewer} {region} {criterion}: the {place} holds {v}, expected one of {values:?}"
                    ),
                    (Some(_), None) => panic!(
                        "{reviewer} {region} {criterion}: a confirmed mark is missing from the {place}"
                    ),
                    (None, _) => {}
                }
            }
        }
    }
}

/// 50 reviewers score over `panelist serve` for `SOAK_SECONDS` (30 by
/// default), each re-marking five criteria in sweeps, while a flood holds
/// hundreds of sockets and a stranger keeps offering keys. Every session
/// quits normally and every mark it confirmed is in its panel file.
#[test]
#[ignore = "soak test: run with SOAK_SECONDS=N cargo test --test integration soak -- --ignored"]
fn fifty_sessions_over_serve_lose_no_mark_under_a_flood() {
    use crate::common::ssh::{Launch, raw_connect, raw_login, runtime, spawn_serve};
    use russh::keys::{Algorithm, PrivateKey};

    let seconds: u64 = std::env::var("SOAK_SECONDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(30);
    let keys: Vec<Arc<PrivateKey>> = (0..SESSIONS)
        .map(|_| Arc::new(PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).expect("a key")))
        .collect();
    let dir = ReviewDir::from_text(&fifty_reviewers(&keys));
    let host = dir.beside("host_key");
    let host_key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).expect("a host key");
    let text = host_key
        .to_openssh(russh::keys::ssh_key::LineEnding::LF)
        .expect("the host key as OpenSSH");
    std::fs::write(&host, text.as_bytes()).expect("write the host key");
    let (mut server, port) =
        spawn_serve(&dir.path(), &dir.beside("data"), &host, &Launch::default());
    let address = format!("127.0.0.1:{port}");
    let done = Arc::new(AtomicBool::new(false));
    let flood = {
        let (address, done) = (address.clone(), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut opened = 0usize;
            while !done.load(Ordering::Relaxed) {
                let held: Vec<std::net::TcpStream> = (0..300)
                    .filter_map(|_| std::net::TcpStream::connect(&address).ok())
                    .collect();
                opened += held.len();
                std::thread::sleep(Duration::from_secs(2));
            }
            opened
        })
    };
    let stranger =
        Arc::new(PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).expect("a key"));
    let outcomes = runtime().block_on(async {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(seconds);
        let stranger_task = tokio::spawn({
            let address = address.clone();
            async move {
                while tokio::time::Instant::now() < deadline {
                    let mut handle = raw_connect(&address).await;
                    assert!(!raw_login(&mut handle, "suematsu", Arc::clone(&stranger)).await);
                }
            }
        });
        let sessions: Vec<_> = keys
            .iter()
            .enumerate()
            .map(|(i, key)| {
                tokio::spawn(score_in_sweeps(
                    address.clone(),
                    i,
                    Arc::clone(key),
                    deadline,
                ))
            })
            .collect();
        let mut outcomes = Vec::new();
        for session in sessions {
            outcomes.push(session.await.expect("a session task"));
        }
        stranger_task.await.expect("the stranger");
        outcomes
    });
    done.store(true, Ordering::Relaxed);
    let opened = flood.join().expect("the flood");
    let _ = server.kill();
    let _ = server.wait();
    let mut saves = 0;
    let mut lost = Vec::new();
    for (i, (status, sent)) in outcomes.iter().enumerate() {
        assert_eq!(*status, Some(0), "session {i} ended with {status:?}");
        let reviewer = reviewer_id(i);
        let panel = panel_id(i);
        let file = common::read_panel_file(&dir.panel_path(&panel));
        let sheet = file.sheets.get(&reviewer);
        let journal = journal::read(&dir.path().join(format!("scores/{panel}.journal")))
            .expect("the journal reads");
        for (criterion, marks) in sent {
            saves += marks.len();
            // Each mark differs from the one before it in its cell: every
            // one is a change, in the journal in the order it was sent.
            let journaled: Vec<f64> = journal
                .confirmed()
                .filter_map(|(_, entry)| match &entry.event {
                    journal::Event::Mark {
                        region,
                        criterion: c,
                        new: Some(mark),
                        ..
                    } if entry.reviewer == reviewer && region == "r1" && c == criterion => {
                        Some(mark.points)
                    }
                    _ => None,
                })
                .collect();
            if &journaled != marks {
                lost.push(format!(
                    "{reviewer} {criterion}: journal {journaled:?}, sent {marks:?}"
                ));
            }
            let found = sheet
                .and_then(|s| s.mark("r1", criterion))
                .map(|m| m.points);
            if found != marks.last().copied() {
                lost.push(format!(
                    "{reviewer} {criterion}: file {found:?}, last sent {:?}",
                    marks.last()
                ));
            }
        }
    }
    eprintln!(
        "soak over serve: {SESSIONS} sessions, {saves} confirmed marks in {seconds} s, {opened} flood sockets, {} lost",
        lost.len()
    );
    assert!(lost.is_empty(), "marks lost: {lost:?}");
}

const SESSIONS: usize = 50;
const PANELS: usize = 10;
const SWEEP: usize = 5;

fn reviewer_id(i: usize) -> String {
    format!("s{i:02}")
}

fn panel_id(i: usize) -> String {
    format!("p{:02}", i % PANELS)
}

/// A review of 3 regions, 6 criteria (0–10 in whole points) and 50
/// reviewers in 10 panels of 5, each reviewer with their key.
fn fifty_reviewers(keys: &[Arc<russh::keys::PrivateKey>]) -> String {
    let criteria: Vec<String> = (1..=6)
        .map(|c| format!("Criterion(id: \"c{c}\", title: \"Criterion {c}\", max: 10.0)"))
        .collect();
    let reviewers: Vec<String> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let line = key
                .public_key()
                .to_openssh()
                .expect("an OpenSSH public key");
            format!(
                "Reviewer(id: \"{}\", name: \"Reviewer {i}\", keys: [\"{line}\"])",
                reviewer_id(i)
            )
        })
        .collect();
    let panels: Vec<String> = (0..PANELS)
        .map(|p| {
            let members: Vec<String> = (0..SESSIONS)
                .filter(|i| i % PANELS == p)
                .map(|i| format!("\"{}\"", reviewer_id(i)))
                .collect();
            format!(
                "Panel(id: \"p{p:02}\", title: \"Panel {p}\", members: [{}], criteria: [\"c1\", \"c2\", \"c3\", \"c4\", \"c5\", \"c6\"], regions: All)",
                members.join(", ")
            )
        })
        .collect();
    format!(
        r#"Review(
    id: "soak", title: "Soak over serve",
    categories: [Category(id: "A", title: "A", criteria: [{}])],
    regions: [Region(id: "r1", name: "One"), Region(id: "r2", name: "Two"), Region(id: "r3", name: "Three")],
    reviewers: [{}],
    panels: [{}],
    committee: Committee(select: 1, aggregate: Mean, tie_break: ["A"], min_total: None, disagreement: 0.4),
)
"#,
        criteria.join(", "),
        reviewers.join(",\n        "),
        panels.join(",\n        ")
    )
}

/// One reviewer's session: sweeps marking c1..c5 of the first region (Enter
/// saves and moves on), then back up with ↑, until `deadline`; then `q`.
/// Returns the exit status and, per criterion, the marks confirmed in order.
async fn score_in_sweeps(
    address: String,
    i: usize,
    key: Arc<russh::keys::PrivateKey>,
    deadline: tokio::time::Instant,
) -> (Option<u32>, HashMap<String, Vec<f64>>) {
    use crate::common::ssh::{raw_connect, raw_login};
    let mut handle = raw_connect(&address).await;
    assert!(
        raw_login(&mut handle, "reviewer", key).await,
        "session {i} logs in"
    );
    let channel = handle.channel_open_session().await.expect("a channel");
    channel
        .request_pty(false, "xterm", 80, 24, 0, 0, &[])
        .await
        .expect("a pty");
    channel.request_shell(false).await.expect("a shell");
    let (mut read, write) = channel.split();
    let reader = tokio::spawn(async move {
        let mut status = None;
        while let Some(message) = read.wait().await {
            if let russh::ChannelMsg::ExitStatus { exit_status } = message {
                status = Some(exit_status);
            }
        }
        status
    });
    let mut sent: HashMap<String, Vec<f64>> = HashMap::new();
    let mut round = i;
    while tokio::time::Instant::now() < deadline {
        for c in 1..=SWEEP {
            let points = (round + c) % 11;
            write
                .data_bytes(format!("{points}\r").into_bytes())
                .await
                .expect("send a mark");
            sent.entry(format!("c{c}")).or_default().push(points as f64);
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        write
            .data_bytes(b"\x1b[A".repeat(SWEEP))
            .await
            .expect("send the arrows");
        tokio::time::sleep(Duration::from_millis(150)).await;
        round += 1;
    }
    write.data_bytes(&b"q"[..]).await.expect("send q");
    let status = tokio::time::timeout(Duration::from_secs(30), reader)
        .await
        .ok()
        .and_then(Result::ok)
        .flatten();
    (status, sent)
}
