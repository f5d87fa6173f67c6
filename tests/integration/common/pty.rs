//! Runs the real binary in a pseudo-terminal and reads its screen back
//! through a terminal emulator (vt100), as a person at a terminal would see it.

use std::io::Read;
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct PtyApp {
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    output: Arc<Mutex<Vec<u8>>>,
    /// Tells the reader thread to let go of its copy of the master.
    closing: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is not zero")
}

impl PtyApp {
    /// Starts `panelist ARGS` in a `cols`×`rows` pseudo-terminal with a UTF-8
    /// locale and colors, plus `env`.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> PtyApp {
        PtyApp::spawn_program(env!("CARGO_BIN_EXE_panelist"), args, env, cols, rows)
    }

    /// Starts any program (an `ssh` client, say) in the pseudo-terminal.
    pub fn spawn_program(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> PtyApp {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("open a pty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "en_US.UTF-8");
        command.env_remove("NO_COLOR");
        command.env_remove("LC_ALL");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("spawn panelist in the pty");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        // Non-blocking (for every copy of the master: the flag belongs to the
        // open file), so that the reader thread can let go of its copy when the
        // test hangs up: the terminal closes only when every copy is closed.
        let fd = pair.master.as_raw_fd().expect("the pty master's fd");
        nix::fcntl::fcntl(
            fd,
            nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::O_NONBLOCK),
        )
        .expect("make the pty master non-blocking");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(rows),
            nonzero(cols),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let closing = Arc::new(AtomicBool::new(false));
        let (screen_in, output_in, closing_in) = (
            Arc::clone(&screen),
            Arc::clone(&output),
            Arc::clone(&closing),
        );
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        if let Ok(mut parser) = screen_in.lock() {
                            parser.process(&buf[..n]);
                        }
                        if let Ok(mut all) = output_in.lock() {
                            all.extend_from_slice(&buf[..n]);
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        if closing_in.load(Ordering::Relaxed) {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        PtyApp {
            child,
            master: Some(pair.master),
            screen,
            output,
            closing,
            reader: Some(reader),
        }
    }

    /// Types `bytes`. Written straight to the master's descriptor: portable-pty's
    /// writer sends "\n" and EOF when dropped, which a real hang-up doesn't.
    pub fn send(&mut self, bytes: &[u8]) {
        let master = self.master.as_ref().expect("the pty is still open");
        let fd = master.as_raw_fd().expect("the pty master's fd");
        // SAFETY: `fd` belongs to `self.master`, which outlives this borrow.
        let fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
        let mut rest = bytes;
        let start = Instant::now();
        while !rest.is_empty() {
            match nix::unistd::write(fd, rest) {
                Ok(n) => rest = &rest[n..],
                Err(nix::errno::Errno::EAGAIN) if start.elapsed() < Duration::from_secs(5) => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => panic!("write to the pty: {e}"),
            }
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// How many bytes the program has written so far.
    pub fn written(&self) -> usize {
        self.output.lock().expect("output lock").len()
    }

    /// Everything the program wrote.
    pub fn output(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").clone()
    }

    /// Waits until the screen shows `needle`; panics with the screen if it doesn't within 10 s.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_for_within(needle, Duration::from_secs(10))
    }

    /// Waits until the screen shows `needle`; panics with the screen if it doesn't within `limit`.
    pub fn wait_for_within(&self, needle: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < limit,
                "waited {limit:?} for {needle:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the program has written nothing for `quiet`.
    pub fn settle(&self, quiet: Duration) {
        let mut last = self.written();
        let mut since = Instant::now();
        let start = Instant::now();
        while since.elapsed() < quiet && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.written();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the pty is still open")
            .resize(size(cols, rows))
            .expect("resize the pty");
        self.screen
            .lock()
            .expect("screen lock")
            .set_size(nonzero(rows), nonzero(cols));
    }

    /// Closes the terminal, as a dropped SSH connection does: the program gets
    /// SIGHUP and end of input.
    pub fn hang_up(&mut self) {
        self.closing.store(true, Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.master = None;
    }

    /// Sends a signal to the program.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("the child's pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// Waits up to `timeout` for the program to end; `None` if it still runs.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<portable_pty::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Ok(Some(status)) = self.child.try_wait() {
                self.drain();
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }
}

impl PtyApp {
    /// After the program ended: waits (up to 2 s) until its last bytes are read.
    fn drain(&mut self) {
        let start = Instant::now();
        while self.reader.as_ref().is_some_and(|r| !r.is_finished())
            && start.elapsed() < Duration::from_secs(2)
        {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for PtyApp {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.try_wait();
        }
    }
}
