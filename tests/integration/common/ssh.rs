//! `panelist serve` under test: the server on a free loopback port with a
//! copy of the sample and keys made for the test, reached with the real
//! OpenSSH client (through a pseudo-terminal) or with russh's client, for
//! what OpenSSH cannot express.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Sample;
use super::pty::PtyApp;
use panelist::model::Sheet;

/// Whether the OpenSSH client is here; says so when it isn't.
pub fn have_ssh() -> bool {
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

pub fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f"])
        .arg(path)
        .status()
        .expect("run ssh-keygen");
    assert!(status.success(), "ssh-keygen failed");
}

/// Gives `reviewer` the public key at `key.pub` in review.ron.
pub fn add_key(review_ron: &Path, reviewer: &str, key: &Path) {
    let public = std::fs::read_to_string(key.with_extension("pub")).expect("read the public key");
    add_key_line(review_ron, reviewer, public.trim());
}

/// Gives `reviewer` the key `line` in review.ron.
pub fn add_key_line(review_ron: &Path, reviewer: &str, line: &str) {
    let text = std::fs::read_to_string(review_ron).expect("read review.ron");
    let anchor = format!("Reviewer(id: \"{reviewer}\", ");
    assert!(text.contains(&anchor), "{reviewer} in review.ron");
    let text = text.replacen(&anchor, &format!("{anchor}keys: [\"{line}\"], "), 1);
    std::fs::write(review_ron, text).expect("write review.ron");
}

/// How to start the server.
#[derive(Default)]
pub struct Launch<'a> {
    /// More arguments for `panelist serve`.
    pub args: &'a [&'a str],
    /// The open-file limit to start it under (soft and hard).
    pub files: Option<u32>,
}

/// Starts `panelist serve` on `review` at a free loopback port, with its data
/// directory (log, and host key if none is given) under `data`; returns it
/// and its port.
pub fn spawn_serve(review: &Path, data: &Path, host_key: &Path, launch: &Launch) -> (Child, u16) {
    let mut command = match launch.files {
        Some(files) => {
            let mut sh = Command::new("sh");
            sh.args(["-c", &format!("ulimit -n {files} && exec \"$0\" \"$@\"")]);
            sh.arg(env!("CARGO_BIN_EXE_panelist"));
            sh
        }
        None => Command::new(env!("CARGO_BIN_EXE_panelist")),
    };
    std::fs::create_dir_all(data).expect("create the data directory");
    let stderr_path = data.join("stderr.txt");
    let stderr = std::fs::File::create(&stderr_path).expect("create the server's stderr file");
    let mut process = command
        .arg("serve")
        .arg(review)
        .args(["--listen", "127.0.0.1:0", "--host-key"])
        .arg(host_key)
        .args(launch.args)
        .env("XDG_DATA_HOME", data)
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("start panelist serve");
    let stdout = process.stdout.take().expect("the server's stdout");
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    let port = first
        .rsplit(':')
        .next()
        .and_then(|p| p.trim().parse().ok())
        .unwrap_or_else(|| {
            let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
            panic!("the server printed {first:?}, not its address; its stderr:\n{stderr}")
        });
    std::thread::spawn(move || for _ in lines {});
    (process, port)
}

/// A running server on a free loopback port, with keys made for the test.
pub struct Server {
    pub sample: Sample,
    pub process: Child,
    pub port: u16,
    pub keys: PathBuf,
}

impl Server {
    /// Keys for t33 and t34 (panel tech-env) and a stranger; starts the server.
    pub fn start() -> Server {
        Server::start_with(&Launch::default())
    }

    pub fn start_with(launch: &Launch) -> Server {
        let sample = Sample::new();
        let keys = sample.beside("keys");
        std::fs::create_dir_all(&keys).expect("create the key directory");
        for name in ["t33", "t34", "stranger", "host"] {
            keygen(&keys.join(name));
        }
        let review_ron = sample.path().join("review.ron");
        add_key(&review_ron, "t33", &keys.join("t33"));
        add_key(&review_ron, "t34", &keys.join("t34"));
        let (process, port) = spawn_serve(
            &sample.path(),
            &sample.beside("data"),
            &keys.join("host"),
            launch,
        );
        Server {
            sample,
            process,
            port,
            keys,
        }
    }

    pub fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn ssh_args(&self, key: &str) -> Vec<String> {
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
    pub fn connect(&self, key: &str) -> PtyApp {
        let mut args = vec!["-tt".to_string()];
        args.extend(self.ssh_args(key));
        args.push(format!("{key}@127.0.0.1"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        PtyApp::spawn_program("ssh", &args, &[], 80, 24)
    }

    /// `ssh` without a terminal, with extra arguments; returns its exit code and output.
    pub fn run(&self, key: &str, extra: &[&str]) -> (i32, String) {
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

    pub fn sheet(&self, reviewer: &str) -> Sheet {
        let file = super::read_panel_file(&self.sample.panel_path("tech-env"));
        file.sheets
            .get(reviewer)
            .cloned()
            .expect("the reviewer's sheet")
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    pub fn log_path(&self) -> PathBuf {
        self.sample.beside("data/panelist/serve.log")
    }

    /// Waits until the log shows `needle`.
    pub fn wait_log(&self, needle: &str) -> String {
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

    /// Whether the server still runs.
    pub fn alive(&mut self) -> bool {
        self.process.try_wait().ok().flatten().is_none()
    }

    /// The server's resident memory, in kB.
    pub fn rss_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.process.id()))
            .expect("the server's /proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS")
    }

    /// The private key made for `name`, for russh's client.
    pub fn key(&self, name: &str) -> Arc<russh::keys::PrivateKey> {
        Arc::new(russh::keys::load_secret_key(self.keys.join(name), None).expect("load the key"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// russh's client, trusting any host key (the tests make their own).
pub struct Trusting;

impl russh::client::Handler for Trusting {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A russh client connected to `address`, not yet authenticated.
pub async fn raw_connect(address: &str) -> russh::client::Handle<Trusting> {
    let config = Arc::new(russh::client::Config {
        inactivity_timeout: None,
        ..Default::default()
    });
    russh::client::connect(config, address, Trusting)
        .await
        .expect("connect with russh")
}

/// Authenticates `handle` as `user` with `key`; whether it was accepted.
pub async fn raw_login(
    handle: &mut russh::client::Handle<Trusting>,
    user: &str,
    key: Arc<russh::keys::PrivateKey>,
) -> bool {
    handle
        .authenticate_publickey(user, russh::keys::PrivateKeyWithHashAlg::new(key, None))
        .await
        .is_ok_and(|r| r.success())
}

/// A runtime for russh's client in a test.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}
