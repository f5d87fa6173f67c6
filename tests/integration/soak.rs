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
