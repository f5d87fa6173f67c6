//! `panelist serve` end to end on loopback: the real OpenSSH client, driven
//! through a pseudo-terminal, against the real server and a temporary review.
//! Skipped (with a message) only where no `ssh` client exists; CI installs one.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::pty::PtyApp;
use crate::common::ssh::{Server, have_ssh};
use panelist::model::Sheet;

fn points(sheet: &Sheet, region: &str, criterion: &str) -> Option<f64> {
    sheet.mark(region, criterion).map(|m| m.points)
}

#[test]
fn a_reviewer_scores_over_ssh_and_a_dropped_connection_keeps_every_confirmed_mark() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let mut t33 = server.connect("t33");
    t33.wait_for("Technology review: Environment");
    t33.wait_for("Region 2/2: Nagoya");
    t33.send(b"4.5\r");
    t33.wait_for("Criterion 4-d");
    t33.send(b"\x1b[B"); // down: 4-e
    t33.wait_for("Criterion 4-e");
    t33.send(b"3\r");
    t33.wait_for("All 9/10");
    t33.send(b"2"); // typed, not confirmed
    t33.wait_for("typed: Enter saves");
    t33.signal("KILL"); // the connection drops without a goodbye
    let sheet = server.sheet("t33");
    assert_eq!(points(&sheet, "nagoya", "4-c"), Some(4.5));
    assert_eq!(points(&sheet, "nagoya", "4-e"), Some(3.0));
    assert_eq!(points(&sheet, "nagoya", "4-d"), None);
    let log = server.wait_log("logout: t33");
    assert!(log.contains("login: t33 at 127.0.0.1"), "{log}");
    assert!(log.contains("with key SHA256:"), "{log}");
    assert!(log.contains("(connection lost)"), "{log}");
}

#[test]
fn the_window_size_comes_from_the_client_and_follows_it() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let mut t33 = server.connect("t33");
    t33.wait_for("Region 2/2: Nagoya");
    t33.resize(100, 30);
    let screen = t33.wait_for("propose a cluster in nanomaterials     │");
    assert!(screen.lines().count() >= 30, "{screen}");
    t33.send(b"q");
    let status = t33
        .wait_exit(Duration::from_secs(5))
        .expect("ssh ended after q");
    assert_eq!(status.exit_code(), 0);
    server.wait_log("logout: t33 at 127.0.0.1");
}

#[test]
fn two_reviewers_of_one_panel_at_once_both_keep_their_marks() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let mut t33 = server.connect("t33");
    let mut t34 = server.connect("t34");
    t33.wait_for("Region 2/2: Nagoya");
    t34.wait_for("SUBMITTED");
    t34.send(b"R");
    t34.wait_for("Reopen your submitted sheet?");
    t34.send(b"y");
    t34.wait_for("draft again");
    for round in 0..3 {
        t33.send(b"5\r");
        t34.send(b"1\r");
        t33.wait_for(&format!("All {}/10", 8 + round));
        std::thread::sleep(Duration::from_millis(100));
    }
    // t34's sheet, submitted when the session began, is a draft now:
    // quitting asks first, and q again leaves it a draft.
    t34.send(b"q");
    t34.wait_for("its marks do not count");
    t34.send(b"q");
    t33.send(b"q");
    assert!(t33.wait_exit(Duration::from_secs(5)).is_some());
    assert!(t34.wait_exit(Duration::from_secs(5)).is_some());
    let (a, b) = (server.sheet("t33"), server.sheet("t34"));
    assert_eq!(points(&a, "nagoya", "4-c"), Some(5.0));
    assert_eq!(points(&a, "nagoya", "4-e"), Some(5.0));
    // t34 started at fukuoka 4-a (everything scored) and went on from there.
    assert_eq!(points(&b, "fukuoka", "4-a"), Some(1.0));
    assert_eq!(points(&b, "fukuoka", "4-c"), Some(1.0));
    assert!(!b.submitted);
}

#[test]
fn the_same_reviewer_twice_is_refused_while_the_first_session_answers() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let first = server.connect("t33");
    first.wait_for("Region 2/2: Nagoya");
    let mut second = server.connect("t33");
    second.wait_for("Checking whether it is still there");
    // The first answers the next keep-alive (10 s of silence at most).
    let screen = second.wait_for_within("still open and answering", Duration::from_secs(20));
    assert!(screen.contains("from 127.0.0.1"), "{screen}");
    for detail in ["pid", "/", "host"] {
        assert!(!screen.contains(detail), "no {detail:?} over SSH: {screen}");
    }
    let status = second
        .wait_exit(Duration::from_secs(5))
        .expect("the second ssh ended");
    assert_eq!(status.exit_code(), 1);
    server.wait_log("refused: t33 at 127.0.0.1");
    assert!(
        first.screen().contains("Region 2/2: Nagoya"),
        "the first goes on: {}",
        first.screen()
    );
}

/// A connection that went silent (its client stopped; its TCP connection
/// still open) is taken over by the same reviewer's next login, with its
/// marks saved, instead of locking them out until keep-alives give up.
#[test]
fn a_new_login_takes_over_a_silent_session_and_keeps_its_marks() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let mut first = server.connect("t33");
    first.wait_for("Region 2/2: Nagoya");
    first.send(b"3\r");
    first.wait_for("Criterion 4-d");
    first.signal("STOP");
    let started = Instant::now();
    let second = server.connect("t33");
    let shown = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        second.wait_for_within("Region 2/2: Nagoya", Duration::from_secs(25))
    }));
    assert!(shown.is_ok(), "the log:\n{}", server.log());
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(20),
        "took over after {waited:?}"
    );
    let log = server.wait_log("takeover: t33 at 127.0.0.1");
    assert!(log.contains("taken over by a new login"), "{log}");
    assert_eq!(
        points(&server.sheet("t33"), "nagoya", "4-c"),
        Some(3.0),
        "the first session's mark is saved"
    );
    first.signal("CONT");
}

#[test]
fn unknown_keys_passwords_commands_and_forwarding_are_refused() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let (code, text) = server.run("stranger", &["-tt", "x@127.0.0.1"]);
    assert_eq!(code, 255, "{text}");
    assert!(text.contains("Permission denied"), "{text}");
    let (code, text) = server.run(
        "stranger",
        &[
            "-o",
            "PreferredAuthentications=password,keyboard-interactive",
            "-o",
            "PubkeyAuthentication=no",
            "x@127.0.0.1",
        ],
    );
    assert_eq!(code, 255, "{text}");
    assert!(
        text.contains("Permission denied (publickey)"),
        "only keys are offered: {text}"
    );
    let (code, text) = server.run("t33", &["x@127.0.0.1", "cat", "/etc/passwd"]);
    assert_ne!(code, 0, "{text}");
    assert!(text.contains("exec request failed"), "{text}");
    assert!(!text.contains("root:"), "{text}");
    let (code, text) = server.run("t33", &["-s", "x@127.0.0.1", "sftp"]);
    assert_ne!(code, 0, "{text}");
    let (code, text) = server.run("t33", &["-A", "-X", "x@127.0.0.1", "bash"]);
    assert_ne!(code, 0, "{text}");
    let (code, text) = server.run("t33", &["-W", "127.0.0.1:22", "x@127.0.0.1"]);
    assert_ne!(code, 0, "{text}");
    assert!(text.contains("forwarding failed"), "{text}");
    let (code, text) = server.run(
        "t33",
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            "0:127.0.0.1:22",
            "x@127.0.0.1",
        ],
    );
    assert_ne!(code, 0, "{text}");
    let log = server.wait_log("remote port forwarding");
    for refusal in [
        "refused: unknown key SHA256:",
        "refused: running a command (\"cat /etc/passwd\")",
        "refused: port forwarding to \"127.0.0.1\":22",
        "refused: the subsystem \"sftp\"",
        "refused: running a command (\"bash\")",
    ] {
        assert!(log.contains(refusal), "{refusal} in\n{log}");
    }
}

#[test]
fn stopping_the_server_tells_the_sessions_and_saves_their_marks() {
    if !have_ssh() {
        return;
    }
    let mut server = Server::start();
    let mut t33 = server.connect("t33");
    t33.wait_for("Region 2/2: Nagoya");
    t33.send(b"4\r");
    t33.wait_for("Criterion 4-d");
    let pid = server.process.id().to_string();
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    let screen = t33.wait_for("The review server is stopping");
    assert!(screen.contains("Every confirmed mark is saved"), "{screen}");
    assert!(
        t33.wait_exit(Duration::from_secs(10)).is_some(),
        "ssh ended"
    );
    let start = Instant::now();
    while server.process.try_wait().ok().flatten().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the server still runs"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(points(&server.sheet("t33"), "nagoya", "4-c"), Some(4.0));
    assert!(
        server.log().contains("(server stopping)"),
        "{}",
        server.log()
    );
}

#[test]
fn a_session_speaks_the_language_the_client_sends() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let mut args = vec!["-tt".to_string(), "-o".into(), "SendEnv=LANG".into()];
    args.extend(server.ssh_args("t33"));
    args.push("t33@127.0.0.1".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t33 = PtyApp::spawn_program("ssh", &args, &[("LANG", "ja_JP.UTF-8")], 80, 24);
    let screen = t33.wait_for("保存して次へ");
    assert!(screen.contains("評価項目 4-c"), "{screen}");
    // Another session at the same time, without LANG, stays in English.
    let mut t34 = server.connect("t34");
    t34.wait_for("save mark, next");
    t33.send(b"q");
    t34.send(b"q");
    assert!(t33.wait_exit(Duration::from_secs(5)).is_some());
    assert!(t34.wait_exit(Duration::from_secs(5)).is_some());
}
