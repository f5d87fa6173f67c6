//! `panelist serve` against hostile and careless clients: floods of held
//! sockets, slow and idle connections, connections that log in and do
//! nothing, forged user names, too many keys, a client that stops reading,
//! and the messages a reviewer sees. The real OpenSSH client where it can
//! express the attack; russh's client where it cannot.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::pty::PtyApp;
use crate::common::ssh::{Launch, Server, have_ssh, keygen, raw_connect, raw_login, runtime};

/// Whether the server closed its end of `socket` (without waiting).
fn closed_by_server(socket: &mut TcpStream) -> bool {
    let _ = socket.set_nonblocking(true);
    let mut byte = [0u8; 64];
    loop {
        match socket.read(&mut byte) {
            Ok(0) => return true,
            // The server's version line, sent to every new connection.
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::WouldBlock => return false,
            Err(_) => return true,
        }
    }
}

/// Waits up to `limit` for `socket` to be closed by the server; how long it took.
fn wait_closed(socket: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if closed_by_server(socket) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn a_reviewer_logs_in_within_seconds_while_a_thousand_sockets_are_held() {
    if !have_ssh() {
        return;
    }
    let mut server = Server::start();
    let mut held: Vec<TcpStream> = (0..1000)
        .map(|_| TcpStream::connect(server.address()).expect("open a socket"))
        .collect();
    let started = Instant::now();
    let t33 = server.connect("t33");
    t33.wait_for("Region 2/2: Nagoya");
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "the reviewer got in after {took:?}"
    );
    assert!(server.alive(), "the server still runs");
    // Of the thousand, the server keeps at most its cap (100) waiting, once
    // they have had their second to speak.
    let mut open = held.len();
    let watch = Instant::now();
    while open > 100 && watch.elapsed() < Duration::from_secs(4) {
        std::thread::sleep(Duration::from_millis(200));
        open = held.iter_mut().map(closed_by_server).filter(|c| !c).count();
    }
    assert!(open <= 100, "{open} held sockets still open");
}

/// The same flood against a server whose hard limit is 96 open files: the
/// cap on connections not logged in shrinks to leave the sessions room, so
/// the reviewer gets in and their marks are saved.
#[test]
fn under_a_low_file_limit_a_flood_still_lets_a_reviewer_in_and_save() {
    if !have_ssh() {
        return;
    }
    let mut server = Server::start_with(&Launch {
        files: Some(96),
        ..Launch::default()
    });
    let _held: Vec<TcpStream> = (0..1000)
        .filter_map(|_| TcpStream::connect(server.address()).ok())
        .collect();
    let mut t33 = server.connect("t33");
    // Patience for a loaded test machine: the server has 1000 strangers to shed.
    t33.wait_for_within("Region 2/2: Nagoya", Duration::from_secs(30));
    t33.send(b"4\r");
    t33.wait_for("Criterion 4-d");
    t33.send(b"q");
    assert!(t33.wait_exit(Duration::from_secs(5)).is_some());
    assert!(server.alive(), "the server still runs");
    let sheet = server.sheet("t33");
    assert_eq!(sheet.mark("nagoya", "4-c").map(|m| m.points), Some(4.0));
}

#[test]
fn idle_slow_and_sessionless_connections_end_at_the_login_deadline() {
    let server = Server::start_with(&Launch {
        args: &["--login-seconds", "2"],
        ..Launch::default()
    });
    let mut idle = TcpStream::connect(server.address()).expect("connect");
    let mut slow = TcpStream::connect(server.address()).expect("connect");
    let banner = b"SSH-2.0-slowloris_one_byte_a_time\r\n";
    let mut sent = 0;
    let runtime = runtime();
    // A reviewer who logs in and opens no session.
    let logged_in = runtime.block_on(async {
        let mut handle = raw_connect(&server.address()).await;
        let ok = raw_login(&mut handle, "t33", server.key("t33")).await;
        (handle, ok)
    });
    assert!(logged_in.1, "t33's key is accepted");
    let start = Instant::now();
    let mut slow_closed = None;
    while start.elapsed() < Duration::from_secs(6) && slow_closed.is_none() {
        if sent < banner.len() {
            if slow.write_all(&banner[sent..=sent]).is_err() {
                slow_closed = Some(start.elapsed());
            }
            sent += 1;
        }
        if closed_by_server(&mut slow) {
            slow_closed = Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    let slow_closed = slow_closed.expect("the one-byte-at-a-time client was cut");
    assert!(
        slow_closed < Duration::from_secs(4),
        "after {slow_closed:?}"
    );
    assert!(
        wait_closed(&mut idle, Duration::from_secs(2)).is_some(),
        "the idle socket was cut"
    );
    let closed = runtime.block_on(async {
        let handle = logged_in.0;
        tokio::time::timeout(Duration::from_secs(4), async {
            while !handle.is_closed() {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
        .await
        .is_ok()
    });
    assert!(closed, "the sessionless connection was closed");
    let log = server.wait_log("without a session");
    assert!(
        log.contains("logout: t33 at 127.0.0.1")
            && log.contains("without a session (no session within the login deadline)"),
        "{log}"
    );
}

#[test]
fn forged_user_names_stay_on_their_line_and_short() {
    let server = Server::start();
    let forged = "x\" from 127.0.0.1\nlogin: suematsu at 10.0.0.1 with key SHA256:forged\u{0}";
    let long = "u".repeat(30_000);
    let runtime = runtime();
    runtime.block_on(async {
        for user in [forged, long.as_str()] {
            let mut handle = raw_connect(&server.address()).await;
            assert!(!raw_login(&mut handle, user, server.key("stranger")).await);
        }
    });
    let log = server.wait_log("uuuuuuuu");
    for line in log.lines() {
        assert!(
            !line.starts_with("login:") && !line.contains(" INFO login: suematsu"),
            "a forged line: {line}"
        );
        assert!(line.len() < 400, "a line of {} bytes", line.len());
        assert!(!line.contains('\0'), "a NUL: {line:?}");
    }
    assert!(log.contains("\\nlogin: suematsu"), "{log}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(server.log_path())
        .expect("serve.log")
        .permissions()
        .mode();
    assert_eq!(
        mode & 0o777,
        0o640,
        "serve.log is the chair's and their group's"
    );
    assert!(log.contains("… (30000 bytes)"), "{log}");
}

#[test]
fn the_first_none_request_is_not_an_attempt_and_the_last_refusal_is_logged() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    for n in 1..=6 {
        keygen(&server.keys.join(format!("wrong{n}")));
    }
    let identities = |wrong: usize, last: &str| {
        let mut args = Vec::new();
        for n in 1..=wrong {
            args.push("-i".to_string());
            args.push(server.keys.join(format!("wrong{n}")).display().to_string());
        }
        args.push("-i".to_string());
        args.push(server.keys.join(last).display().to_string());
        args
    };
    // Five wrong keys, then the right one sixth: in (the limit is 6).
    let mut args = identities(5, "t33");
    args.extend(["-p", &server.port.to_string()].map(String::from));
    args.extend(
        [
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "-tt",
            "t33@127.0.0.1",
        ]
        .map(String::from),
    );
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut t33 = PtyApp::spawn_program("ssh", &refs, &[], 80, 24);
    t33.wait_for("Region 2/2: Nagoya");
    t33.send(b"q");
    assert!(t33.wait_exit(Duration::from_secs(5)).is_some());
    // Six wrong keys, then the right one: out, and the log says why.
    let mut args = identities(6, "t33");
    args.extend(
        [
            "-p",
            &server.port.to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "BatchMode=yes",
            "t33@127.0.0.1",
            "true",
        ]
        .map(String::from),
    );
    let output = std::process::Command::new("ssh")
        .args(&args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run ssh");
    assert_ne!(output.status.code(), Some(0));
    let log = server.wait_log("the most allowed");
    assert!(
        log.contains("after 6 refused authentication attempt(s), the most allowed"),
        "{log}"
    );
}

#[test]
fn a_client_that_stops_reading_costs_the_server_little_memory() {
    let server = Server::start();
    let runtime = runtime();
    let before = server.rss_kb();
    let (after, redrawn) = runtime.block_on(async {
        let mut handle = raw_connect(&server.address()).await;
        assert!(raw_login(&mut handle, "t33", server.key("t33")).await);
        let mut channel = handle.channel_open_session().await.expect("a channel");
        channel
            .request_pty(false, "xterm", 1000, 1000, 0, 0, &[])
            .await
            .expect("a pty");
        channel.request_shell(false).await.expect("a shell");
        // Never reading: 1000 resizes at 1000×1000, each a full redraw.
        for n in 0..1000u32 {
            let size = 1000 - n % 2;
            channel
                .window_change(size, size, 0, 0)
                .await
                .expect("a resize");
        }
        tokio::time::sleep(Duration::from_secs(3)).await;
        let after = server.rss_kb();
        // Reading again: the screen comes whole.
        let mut seen = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            match tokio::time::timeout(Duration::from_secs(1), channel.wait()).await {
                Ok(Some(russh::ChannelMsg::Data { data })) => {
                    seen.extend_from_slice(&data);
                    if String::from_utf8_lossy(&seen).contains("Region 2/2: Nagoya") {
                        break;
                    }
                }
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(_) => {}
            }
        }
        (
            after,
            String::from_utf8_lossy(&seen).contains("Region 2/2: Nagoya"),
        )
    });
    let grown_mb = after.saturating_sub(before) / 1024;
    eprintln!("a client not reading: the server grew {grown_mb} MB ({before} kB to {after} kB)");
    assert!(
        grown_mb < 60,
        "the server grew {grown_mb} MB ({before} kB to {after} kB)"
    );
    assert!(redrawn, "the screen was drawn once the client read again");
}

#[test]
fn a_client_ending_its_input_is_logged_as_such() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let (_, _) = server.run("t33", &["-tt", "t33@127.0.0.1"]);
    let log = server.wait_log("logout: t33");
    assert!(log.contains("(the client closed the session)"), "{log}");
}

#[test]
fn a_socket_forwarding_request_is_refused_and_logged() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let socket = server.sample.beside("forwarded.sock");
    let (code, text) = server.run(
        "t33",
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            &format!("{}:127.0.0.1:22", socket.display()),
            "t33@127.0.0.1",
        ],
    );
    assert_ne!(code, 0, "{text}");
    server.wait_log("refused: remote socket forwarding of \"");
}

#[test]
fn a_session_open_elsewhere_is_named_without_the_servers_details() {
    if !have_ssh() {
        return;
    }
    let server = Server::start();
    let path = server.sample.path();
    let dir = path.display().to_string();
    let local = PtyApp::spawn(
        &["review", &dir, "--reviewer", "t33"],
        &[("LANG", "C.UTF-8")],
        80,
        24,
    );
    local.wait_for("Region 2/2: Nagoya");
    let remote = server.connect("t33");
    let screen = remote.wait_for("already has a review session open on panel tech-env");
    assert!(
        screen.contains("in another window or on another computer"),
        "{screen}"
    );
    for detail in ["pid", &dir, "/"] {
        assert!(!screen.contains(detail), "no {detail:?} over SSH: {screen}");
    }
    let log = server.wait_log("refused: t33 at 127.0.0.1");
    assert!(log.contains("pid"), "the log keeps the detail: {log}");
}
