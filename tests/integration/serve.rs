//! `panelist serve` end to end on loopback: the real OpenSSH client, driven
//! through a pseudo-terminal, against the real server and a temporary review.
//! Skipped (with a message) only where no `ssh` client exists; CI installs one.

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::Sample;
use crate::common::pty::PtyApp;
use panelist::model::Sheet;

/// A running server on a free loopback port, with keys made for the test.
struct Server {
    sample: Sample,
    process: Child,
    port: u16,
    keys: PathBuf,
}

fn have_ssh() -> bool {
    let found = ["ssh", "ssh-keygen"].iter().all(|tool| {
        Command::new(tool)
            .arg("-V")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    });
    if !found {
        eprintln!(
            "SKIPPED: no OpenSSH client (ssh, ssh-keygen) on this machine; install openssh-client"
        );
    }
    found
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f"])
        .arg(path)
        .status()
        .expect("run ssh-keygen");
    assert!(status.success(), "ssh-keygen failed");
}

/// Gives `reviewer` the public key at `key.pub` in review.ron.
fn add_key(review_ron: &Path, reviewer: &str, key: &Path) {
    let public = std::fs::read_to_string(key.with_extension("pub")).expect("read the public key");
    let text = std::fs::read_to_string(review_ron).expect("read review.ron");
    let anchor = format!("Reviewer(id: \"{reviewer}\", ");
    assert!(text.contains(&anchor), "{reviewer} in review.ron");
    let text = text.replacen(
        &anchor,
        &format!("{anchor}keys: [\"{}\"], ", public.trim()),
        1,
    );
    std::fs::write(review_ron, text).expect("write review.ron");
}

impl Server {
    /// Keys for t33 and t34 (panel tech-env) and a stranger; starts the server.
    fn start() -> Server {
        let sample = Sample::new();
        let keys = sample.beside("keys");
        std::fs::create_dir_all(&keys).expect("create the key directory");
        for name in ["t33", "t34", "stranger", "host"] {
            keygen(&keys.join(name));
        }
        let review_ron = sample.path().join("review.ron");
        add_key(&review_ron, "t33", &keys.join("t33"));
        add_key(&review_ron, "t34", &keys.join("t34"));
        let mut process = Command::new(env!("CARGO_BIN_EXE_panelist"))
            .arg("serve")
            .arg(sample.path())
            .args(["--listen", "127.0.0.1:0", "--host-key"])
            .arg(keys.join("host"))
            .env("XDG_DATA_HOME", sample.beside("data"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start panelist serve");
        let stdout = process.stdout.take().expect("the server's stdout");
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        let port = first
            .rsplit(':')
            .next()
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| panic!("the server printed {first:?}, not its address"));
        std::thread::spawn(move || for _ in lines {});
        Server {
            sample,
            process,
            port,
            keys,
        }
    }

    fn ssh_args(&self, key: &str) -> Vec<String> {
        [
            "-i",
            self.keys.join(key).to_str().expect("utf-8 path"),
            "-p",
            &self.port.to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "ConnectTimeout=5",
        ]
        .iter()
        .map(std::string::ToString::to_string)
        .collect()
    }

    /// A reviewer at a terminal: `ssh -tt` in an 80×24 pty.
    fn connect(&self, key: &str) -> PtyApp {
        let mut args = vec!["-tt".to_string()];
        args.extend(self.ssh_args(key));
        args.push(format!("{key}@127.0.0.1"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        PtyApp::spawn_program("ssh", &args, &[], 80, 24)
    }

    /// `ssh` without a terminal, with extra arguments; returns its exit code and output.
    fn run(&self, key: &str, extra: &[&str]) -> (i32, String) {
        let output = Command::new("ssh")
            .args(self.ssh_args(key))
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .expect("run ssh");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.code().unwrap_or(-1), text)
    }

    fn sheet(&self, reviewer: &str) -> Sheet {
        let file = common::read_panel_file(&self.sample.panel_path("tech-env"));
        file.sheets
            .get(reviewer)
            .cloned()
            .expect("the reviewer's sheet")
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.sample.beside("data/panelist/serve.log")).unwrap_or_default()
    }

    /// Waits until the log shows `needle`.
    fn wait_log(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the log never showed {needle:?}:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

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
fn the_same_reviewer_twice_is_refused_saying_where_the_first_runs() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let first = server.connect("t33");
    first.wait_for("Region 2/2: Nagoya");
    let mut second = server.connect("t33");
    let screen = second.wait_for("already has a review session open");
    assert!(screen.contains("pid "), "{screen}");
    let status = second
        .wait_exit(Duration::from_secs(5))
        .expect("the second ssh ended");
    assert_eq!(status.exit_code(), 1);
    server.wait_log("refused: t33 at 127.0.0.1");
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
        "refused: port forwarding to 127.0.0.1:22",
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
