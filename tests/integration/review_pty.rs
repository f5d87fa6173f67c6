//! The reviewer's TUI end to end: the real binary in a pseudo-terminal,
//! scored, resized, hung up and signalled; then the panel file on disk.

use crate::common;

use std::time::Duration;

use crate::common::Sample;
use crate::common::pty::PtyApp;
use panelist::model::Sheet;

fn sheet(sample: &Sample, panel: &str, reviewer: &str) -> Sheet {
    let file = common::read_panel_file(&sample.panel_path(panel));
    file.sheets
        .get(reviewer)
        .cloned()
        .expect("the reviewer's sheet")
}

fn start(sample: &Sample) -> PtyApp {
    let dir = sample.path();
    let app = PtyApp::spawn(
        &[
            "review",
            dir.to_str().expect("utf-8 path"),
            "--reviewer",
            "t33",
        ],
        &[],
        80,
        24,
    );
    app.wait_for("Region 2/2: Nagoya");
    app
}

/// Scores 4-c (confirmed), types a mark for 4-d without confirming, resizes.
fn score_some(app: &mut PtyApp) {
    app.send(b"4.5\r");
    app.wait_for("Criterion 4-d");
    app.send(b"3");
    app.wait_for("typed: Enter saves");
    app.resize(100, 30);
    app.wait_for("All 8/10");
    app.settle(Duration::from_millis(300));
    let screen = app.screen();
    assert!(
        screen.contains("propose a cluster in nanomaterials     │"),
        "the summary is wrapped for 100 columns:\n{screen}"
    );
    assert!(
        screen
            .lines()
            .last()
            .is_some_and(|l| l.trim_end().ends_with("? help  q quit")),
        "the footer sits on the last row:\n{screen}"
    );
}

fn assert_only_the_confirmed_mark(sample: &Sample) {
    let t33 = sheet(sample, "tech-env", "t33");
    assert_eq!(
        t33.mark("nagoya", "4-c").map(|m| m.points),
        Some(4.5),
        "the confirmed mark"
    );
    assert_eq!(
        t33.mark("nagoya", "4-d"),
        None,
        "the typed, unconfirmed mark"
    );
    assert!(!t33.submitted);
}

#[test]
fn a_hang_up_ends_the_session_promptly_with_every_confirmed_mark_saved() {
    let sample = Sample::new();
    let mut app = start(&sample);
    score_some(&mut app);
    app.hang_up();
    let status = app.wait_exit(Duration::from_secs(1));
    assert!(
        status.is_some(),
        "panelist still runs 1 s after the hang-up"
    );
    assert_only_the_confirmed_mark(&sample);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_marks() {
    let sample = Sample::new();
    let mut app = start(&sample);
    score_some(&mut app);
    app.signal("TERM");
    let status = app.wait_exit(Duration::from_secs(1));
    assert!(status.is_some(), "panelist still runs 1 s after SIGTERM");
    let output = app.output();
    let tail = &output[output.len().saturating_sub(200)..];
    let text = String::from_utf8_lossy(tail);
    assert!(
        text.contains("\u{1b}[?1049l"),
        "left the alternate screen: {text:?}"
    );
    assert!(
        text.contains("\u{1b}[?25h"),
        "showed the cursor again: {text:?}"
    );
    assert_only_the_confirmed_mark(&sample);
}

#[test]
fn sighup_while_the_terminal_stays_open_ends_the_session_too() {
    let sample = Sample::new();
    let mut app = start(&sample);
    score_some(&mut app);
    app.signal("HUP");
    assert!(
        app.wait_exit(Duration::from_secs(1)).is_some(),
        "still running after SIGHUP"
    );
    assert_only_the_confirmed_mark(&sample);
}

#[test]
fn quitting_asks_about_the_typed_mark_and_exits_cleanly() {
    let sample = Sample::new();
    let mut app = start(&sample);
    score_some(&mut app);
    app.send(b"q");
    app.wait_for("the mark 3 you typed for 4-d");
    app.send(b"y");
    let status = app
        .wait_exit(Duration::from_secs(1))
        .expect("panelist quit");
    assert!(status.success(), "exit status {status:?}");
    assert_only_the_confirmed_mark(&sample);
}

#[test]
fn a_second_session_of_the_same_reviewer_is_refused_saying_where_the_first_runs() {
    let sample = Sample::new();
    let first = start(&sample);
    let dir = sample.path();
    let mut second = PtyApp::spawn(
        &[
            "review",
            dir.to_str().expect("utf-8 path"),
            "--reviewer",
            "t33",
        ],
        &[],
        80,
        24,
    );
    let pid = first.child.process_id().expect("pid").to_string();
    let screen = second.wait_for("already has a review session open");
    assert!(screen.contains(&format!("pid {pid}")), "{screen}");
    let status = second
        .wait_exit(Duration::from_secs(1))
        .expect("the second session ended");
    assert_eq!(status.exit_code(), 1);
}

#[test]
fn a_killed_session_leaves_a_stale_lock_that_the_next_one_takes_over() {
    let sample = Sample::new();
    let mut first = start(&sample);
    first.signal("KILL");
    assert!(first.wait_exit(Duration::from_secs(1)).is_some());
    let second = start(&sample);
    second.wait_for("Criterion 4-c");
}

#[test]
fn a_keystroke_costs_a_few_hundred_bytes_not_a_screen() {
    let sample = Sample::new();
    let mut app = start(&sample);
    app.settle(Duration::from_millis(300));
    let before = app.written();
    app.send(b"4");
    app.wait_for("typed: Enter saves");
    app.settle(Duration::from_millis(300));
    let cost = app.written() - before;
    assert!(cost < 600, "typing one digit wrote {cost} bytes");
}
