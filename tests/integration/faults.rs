//! Faults while saving, each reproduced: a full disk, a read-only file
//! system, a panel file removed or replaced under the TUI, a lock held by
//! someone else, symbolic links, a panic. Nothing confirmed may be lost, and
//! every problem must reach the user as a clear message.
//!
//! The file-system faults need a tiny tmpfs (root, or CAP_SYS_ADMIN); where
//! none can be mounted they are skipped with a message. The store's I/O seam
//! covers the same faults everywhere.

use crate::common;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::common::pty::PtyApp;
use crate::common::{Sample, arg, run};
use panelist::Error;
use panelist::model::{Change, Mark, Sheet};
use panelist::store::journal::{self, Entry};
use panelist::store::{self, SaveIo};

/// A tiny tmpfs mounted on a temporary directory, unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("SKIPPED: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the file system to the last byte.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler");
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=4k"])
            .arg(format!("of={}", filler.display()))
            .stderr(std::process::Stdio::null())
            .status();
        filler
    }

    fn remount(&self, mode: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.path())
            .status()
            .expect("remount");
        assert!(status.success(), "remount {mode}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Copies the sample review into `dir`.
fn copy_sample(dir: &Path) -> PathBuf {
    let to = dir.join("kci-2007");
    common::copy_review(&common::sample_dir(), &to);
    to
}

fn panel(review: &Path, name: &str) -> PathBuf {
    review.join("scores").join(name)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn t33_mark(review: &Path, criterion: &str) -> Option<f64> {
    let file = common::read_panel_file(&panel(review, "tech-env.ron"));
    file.sheets["t33"]
        .mark("nagoya", criterion)
        .map(|m| m.points)
}

fn mark(review: &Path, criterion: &str, points: &str) -> common::Run {
    run([
        "mark",
        &arg(review),
        "--reviewer",
        "t33",
        "--panel",
        "tech-env",
        "nagoya",
        criterion,
        points,
    ])
}

// ---- the store's I/O seam ----

/// File operations that fail like a full disk, at the journal or at the file.
struct Full {
    at_journal: bool,
}

impl SaveIo for Full {
    fn append_journal(&self, path: &Path, entries: &[Entry]) -> Result<(), Error> {
        if self.at_journal {
            return Err(Error::io(
                "write the journal",
                path,
                std::io::Error::from(std::io::ErrorKind::StorageFull),
            ));
        }
        journal::append(path, entries)
    }

    fn replace(&self, path: &Path, _bytes: &[u8], _mode: u32) -> Result<(), Error> {
        Err(Error::io(
            "replace",
            path,
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        ))
    }
}

fn save_with(io: &dyn SaveIo, review: &store::LoadedReview) -> Result<store::Saved, Error> {
    store::save_changes_with(
        io,
        Duration::from_secs(1),
        review,
        "tech-env",
        "t33",
        |_: &Sheet| {
            Ok(vec![Change::Cell {
                region: "nagoya".into(),
                criterion: "4-c".into(),
                mark: Some(Mark {
                    points: 4.0,
                    note: String::new(),
                    preliminary: None,
                }),
            }])
        },
    )
}

#[test]
fn a_full_disk_at_the_journal_writes_nothing_and_says_so() {
    let sample = Sample::new();
    let review = store::load_review(&sample.path()).expect("load");
    let before = read(&sample.panel_path("tech-env"));
    let error = save_with(&Full { at_journal: true }, &review).expect_err("the save fails");
    assert!(error.to_string().contains("the disk is full"), "{error}");
    assert_eq!(
        read(&sample.panel_path("tech-env")),
        before,
        "the panel file is untouched"
    );
}

#[test]
fn a_full_disk_at_the_file_leaves_the_old_file_and_an_interrupted_save_in_the_journal() {
    let sample = Sample::new();
    let review = store::load_review(&sample.path()).expect("load");
    let before = read(&sample.panel_path("tech-env"));
    let error = save_with(&Full { at_journal: false }, &review).expect_err("the save fails");
    assert!(error.to_string().contains("the disk is full"), "{error}");
    assert_eq!(
        read(&sample.panel_path("tech-env")),
        before,
        "the panel file is untouched"
    );
    // The change is in the journal, for the record, but was never
    // committed: it counts for nothing.
    let journal = journal::read(&sample.path().join("scores/tech-env.journal")).expect("journal");
    assert!(journal.problems.is_empty());
    assert_eq!(journal.interrupted().len(), 1);
    let sheets = journal.replay();
    assert!(
        !sheets.contains_key("t33"),
        "the journal's first save never completed"
    );
    // check keeps the file and says that a save was interrupted.
    let checked = run(["check", &arg(&sample.path())]);
    checked
        .assert_code(0)
        .assert_stderr_has("a save of t33 (1 change) was interrupted before it completed");
    assert!(
        !checked.stderr.contains("differ from"),
        "{}",
        checked.stderr
    );
}

/// File operations of a save killed after it replaced the panel file,
/// before its commit line reached the journal.
struct NoCommit;

impl SaveIo for NoCommit {
    fn append_journal(&self, path: &Path, entries: &[Entry]) -> Result<(), Error> {
        if entries.iter().any(|e| e.event == journal::Event::Committed) {
            return Err(Error::io(
                "write the journal",
                path,
                std::io::Error::from(std::io::ErrorKind::StorageFull),
            ));
        }
        journal::append(path, entries)
    }

    fn replace(&self, path: &Path, bytes: &[u8], mode: u32) -> Result<(), Error> {
        store::RealIo.replace(path, bytes, mode)
    }
}

#[test]
fn a_save_cut_short_after_it_replaced_the_file_counts_and_its_record_is_completed() {
    let sample = Sample::new();
    let review = store::load_review(&sample.path()).expect("load");
    // A first save starts the journal; the second loses its commit line.
    mark(&sample.path(), "4-d", "2").assert_code(0);
    save_with(&NoCommit, &review).expect_err("the commit line fails");
    assert_eq!(
        t33_mark(&sample.path(), "4-c"),
        Some(4.0),
        "the file holds it"
    );
    let journal_path = sample.path().join("scores/tech-env.journal");
    let journal = journal::read(&journal_path).expect("journal");
    assert_eq!(journal.interrupted().len(), 1);
    // check says it counts, and the merge counts it.
    run(["check", &arg(&sample.path())])
        .assert_code(0)
        .assert_stderr_has("was interrupted after it replaced the panel file")
        .assert_stderr_has("so it counts");
    // The next save completes its record: the journal replays to the file.
    mark(&sample.path(), "4-e", "1").assert_code(0);
    let journal = journal::read(&journal_path).expect("journal");
    assert!(journal.interrupted().is_empty());
    let replayed = journal.replay();
    let file = common::read_panel_file(&panel(&sample.path(), "tech-env.ron"));
    assert_eq!(
        replayed["t33"].scores, file.sheets["t33"].scores,
        "the journal replays to the file"
    );
    let checked = run(["check", &arg(&sample.path())]);
    checked.assert_code(0);
    assert!(
        !checked.stderr.contains("interrupted"),
        "{}",
        checked.stderr
    );
}

// ---- a real full or read-only file system ----

#[test]
fn a_full_disk_refuses_the_mark_with_a_clear_message_and_keeps_the_file() {
    let Some(fs) = Tmpfs::mount("1m") else { return };
    let review = copy_sample(fs.path());
    mark(&review, "4-c", "4").assert_code(0);
    let before = read(&panel(&review, "tech-env.ron"));
    let filler = fs.fill();
    mark(&review, "4-d", "3")
        .assert_code(1)
        .assert_stderr_has("the disk is full");
    assert_eq!(read(&panel(&review, "tech-env.ron")), before);
    let journal = journal::read(&panel(&review, "tech-env.journal")).expect("journal");
    assert!(
        journal.problems.iter().all(|p| p.message.contains("torn")),
        "{:?}",
        journal.problems
    );
    std::fs::remove_file(filler).expect("free the disk");
    mark(&review, "4-d", "3").assert_code(0);
    assert_eq!(t33_mark(&review, "4-d"), Some(3.0));
    assert_eq!(t33_mark(&review, "4-c"), Some(4.0));
    run(["check", &arg(&review)]).assert_code(0);
}

#[test]
fn a_read_only_file_system_refuses_the_mark_and_keeps_the_file() {
    let Some(fs) = Tmpfs::mount("1m") else { return };
    let review = copy_sample(fs.path());
    let before = read(&panel(&review, "tech-env.ron"));
    fs.remount("ro");
    mark(&review, "4-c", "4")
        .assert_code(1)
        .assert_stderr_has("read-only");
    assert_eq!(read(&panel(&review, "tech-env.ron")), before);
    fs.remount("rw");
}

#[test]
fn the_tui_keeps_a_mark_unsaved_on_a_full_disk_and_saves_it_when_space_returns() {
    let Some(fs) = Tmpfs::mount("1m") else { return };
    let review = copy_sample(fs.path());
    let mut app = PtyApp::spawn(
        &["review", &arg(&review), "--reviewer", "t33"],
        &[],
        100,
        30,
    );
    app.wait_for("Region 2/2: Nagoya");
    let filler = fs.fill();
    app.send(b"4\r");
    let screen = app.wait_for("Not saved (1 change)");
    assert!(screen.contains("the disk is full"), "{screen}");
    app.send(b"q");
    app.wait_for("1 change that could not be saved yet");
    app.send(b"n");
    std::fs::remove_file(filler).expect("free the disk");
    app.wait_for("Saved after all");
    assert_eq!(t33_mark(&review, "4-c"), Some(4.0));
    app.send(b"q");
    assert!(app.wait_exit(Duration::from_secs(2)).is_some());
}

// ---- the panel file changed under the TUI ----

fn start_t33(sample: &Sample) -> PtyApp {
    let app = PtyApp::spawn(
        &["review", &arg(&sample.path()), "--reviewer", "t33"],
        &[],
        100,
        30,
    );
    app.wait_for("Region 2/2: Nagoya");
    app
}

#[test]
fn a_panel_file_removed_under_the_tui_is_rebuilt_from_its_journal() {
    let sample = Sample::new();
    let mut app = start_t33(&sample);
    app.send(b"4\r");
    app.wait_for("Criterion 4-d");
    std::fs::remove_file(sample.panel_path("tech-env")).expect("remove the panel file");
    app.send(b"3\r");
    app.wait_for("rebuilt from its journal");
    let file = common::read_panel_file(&sample.panel_path("tech-env"));
    assert_eq!(file.sheets.len(), 7, "every sheet of the panel is back");
    assert_eq!(t33_mark(&sample.path(), "4-c"), Some(4.0));
    assert_eq!(t33_mark(&sample.path(), "4-d"), Some(3.0));
    app.send(b"q");
    assert!(app.wait_exit(Duration::from_secs(2)).is_some());
}

#[test]
fn a_panel_file_replaced_by_garbage_under_the_tui_is_not_overwritten_and_the_mark_waits() {
    let sample = Sample::new();
    let mut app = start_t33(&sample);
    app.send(b"4\r");
    app.wait_for("Criterion 4-d");
    let good = read(&sample.panel_path("tech-env"));
    std::fs::write(
        sample.panel_path("tech-env"),
        b"PanelFile(review: \"kci-2007\", gar",
    )
    .expect("damage");
    app.send(b"3\r");
    let screen = app.wait_for("Not saved (1 change)");
    assert!(screen.contains("invalid"), "{screen}");
    assert_eq!(
        read(&sample.panel_path("tech-env")),
        b"PanelFile(review: \"kci-2007\", gar"
    );
    std::fs::write(sample.panel_path("tech-env"), &good).expect("restore");
    app.wait_for("Saved after all");
    assert_eq!(t33_mark(&sample.path(), "4-d"), Some(3.0));
    app.send(b"q");
    assert!(app.wait_exit(Duration::from_secs(2)).is_some());
}

#[test]
fn a_lock_held_by_someone_else_keeps_the_mark_unsaved_until_it_is_released() {
    let sample = Sample::new();
    let mut app = start_t33(&sample);
    let lock = File::create(sample.path().join("scores/.tech-env.lock")).expect("lock file");
    lock.lock().expect("take the panel lock");
    app.send(b"4\r");
    let screen = app.wait_for("Not saved (1 change)");
    assert!(screen.contains("locked by another process"), "{screen}");
    drop(lock);
    app.wait_for("Saved after all");
    assert_eq!(t33_mark(&sample.path(), "4-c"), Some(4.0));
    app.send(b"q");
    assert!(app.wait_exit(Duration::from_secs(2)).is_some());
}

#[test]
fn a_save_clears_the_temporary_files_a_killed_writer_left_and_nothing_else() {
    let sample = Sample::new();
    let scores = sample.path().join("scores");
    let ours = scores.join(".tech-env.ron.Xy12Ab.panelist.tmp");
    let others = [
        // another panel's: its writer may be mid-save, under its own lock
        scores.join(".committee.ron.Qw34Er.panelist.tmp"),
        // not a temporary file of ours at all
        scores.join(".tech-env.ron.notes"),
        scores.join("tech-env.ron.panelist.tmp"),
    ];
    for path in std::iter::once(&ours).chain(&others) {
        std::fs::write(path, "Panel(review: \"half-written").expect("a leftover");
    }
    mark(&sample.path(), "4-c", "4").assert_code(0);
    assert!(!ours.exists(), "the killed save's temporary file is gone");
    for path in &others {
        assert!(path.exists(), "{} is kept", path.display());
    }
    assert_eq!(t33_mark(&sample.path(), "4-c"), Some(4.0));
}

#[test]
fn check_repair_waits_for_a_save_under_way_and_keeps_its_mark() {
    let sample = Sample::new();
    // A first save starts the journal; then the panel file is lost.
    mark(&sample.path(), "4-c", "4").assert_code(0);
    let path = panel(&sample.path(), "tech-env.ron");
    std::fs::remove_file(&path).expect("lose the panel file");
    // Someone is saving: the panel's lock is held.
    let lock = File::create(sample.path().join("scores/.tech-env.lock")).expect("lock file");
    lock.lock().expect("take the panel lock");
    let mut repair = common::panelist_std()
        .args(["check", "--repair", &arg(&sample.path())])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start check --repair");
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        repair.try_wait().expect("poll").is_none(),
        "the repair waits for the lock"
    );
    assert!(!path.exists(), "nothing written while the lock is held");
    // The save ends having appended a change to the journal, and its commit.
    let entry = |event| Entry {
        at: store::now(),
        reviewer: "t33".into(),
        event,
        save: Some(42),
    };
    let set = journal::Event::of(
        &Change::Cell {
            region: "nagoya".into(),
            criterion: "4-d".into(),
            mark: Some(Mark {
                points: 3.5,
                note: String::new(),
                preliminary: None,
            }),
        },
        &Sheet::new(store::now()),
    );
    journal::append(
        &journal::journal_path(&sample.path().join("scores"), "tech-env"),
        &[entry(set), entry(journal::Event::Committed)],
    )
    .expect("append to the journal");
    drop(lock);
    let output = repair.wait_with_output().expect("check --repair ends");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(t33_mark(&sample.path(), "4-c"), Some(4.0));
    assert_eq!(
        t33_mark(&sample.path(), "4-d"),
        Some(3.5),
        "the journal as it was once the lock was free"
    );
}

// ---- links and paths ----

#[test]
fn a_symlinked_panel_file_or_journal_is_refused() {
    let sample = Sample::new();
    let outside = sample.beside("outside.ron");
    std::fs::rename(sample.panel_path("tech-env"), &outside).expect("move the file out");
    std::os::unix::fs::symlink(&outside, sample.panel_path("tech-env")).expect("symlink");
    let before = read(&outside);
    mark(&sample.path(), "4-c", "4")
        .assert_code(1)
        .assert_stderr_has("symbolic link");
    assert_eq!(read(&outside), before, "nothing written through the link");
    std::fs::remove_file(sample.panel_path("tech-env")).expect("remove the link");
    std::fs::rename(&outside, sample.panel_path("tech-env")).expect("move the file back");
    let journal_outside = sample.beside("outside.journal");
    std::fs::write(&journal_outside, b"").expect("write");
    std::os::unix::fs::symlink(
        &journal_outside,
        sample.path().join("scores/tech-env.journal"),
    )
    .expect("symlink");
    mark(&sample.path(), "4-c", "4")
        .assert_code(1)
        .assert_stderr_has("symbolic link");
    assert_eq!(
        read(&journal_outside),
        b"",
        "nothing written through the link"
    );
}

#[test]
fn check_and_merge_refuse_a_linked_panel_file_and_never_wait_on_a_pipe() {
    let sample = Sample::new();
    let dir = sample.path().display().to_string();
    let out = sample.beside("out");
    let outside = sample.beside("outside.ron");
    std::fs::rename(sample.panel_path("tech-env"), &outside).expect("move the file out");
    std::os::unix::fs::symlink(&outside, sample.panel_path("tech-env")).expect("symlink");
    for args in [
        vec!["check", &dir],
        vec!["merge", &dir, "--out", out.to_str().expect("utf-8")],
    ] {
        run(&args)
            .assert_code(1)
            .assert_stderr_has("tech-env.ron: this is a symbolic link");
    }
    assert!(!out.join("results.ron").exists(), "nothing merged");
    // A FIFO where a panel file should be: refused at once, not waited on.
    std::fs::remove_file(sample.panel_path("tech-env")).expect("remove the link");
    let made = Command::new("mkfifo")
        .arg(sample.panel_path("tech-env"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let started = std::time::Instant::now();
    run(["check", &dir])
        .assert_code(1)
        .assert_stderr_has("tech-env.ron: this is not a regular file");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "did not wait on the pipe"
    );
}

// ---- a panic in the TUI ----

#[test]
fn a_panic_restores_the_terminal_and_keeps_every_confirmed_mark() {
    let sample = Sample::new();
    let mut app = PtyApp::spawn(
        &["review", &arg(&sample.path()), "--reviewer", "t33"],
        &[("PANELIST_TEST_PANIC", "1")],
        100,
        30,
    );
    app.wait_for("Region 2/2: Nagoya");
    app.send(b"4\r");
    app.wait_for("Criterion 4-d");
    app.send(b"\x1b[24~"); // F12
    let status = app
        .wait_exit(Duration::from_secs(1))
        .expect("gone within a second");
    assert!(!status.success());
    let output = String::from_utf8_lossy(&app.output()).into_owned();
    let tail = &output[output.len().saturating_sub(2000)..];
    assert!(
        tail.contains("\u{1b}[?1049l"),
        "left the alternate screen: {tail:?}"
    );
    assert!(
        tail.contains("panic requested by PANELIST_TEST_PANIC"),
        "the panic message is shown: {tail:?}"
    );
    assert_eq!(t33_mark(&sample.path(), "4-c"), Some(4.0));
}

#[test]
fn a_lost_panel_file_with_a_journal_is_refused_by_every_reader_until_repaired() {
    let sample = Sample::new();
    let review = sample.path();
    mark(&review, "4-c", "3.5").assert_code(0);
    std::fs::remove_file(panel(&review, "tech-env.ron")).expect("lose the panel file");
    let out = sample.beside("out");
    for args in [
        vec!["check".to_string(), arg(&review)],
        vec!["status".to_string(), arg(&review)],
        vec!["merge".into(), arg(&review), "--out".into(), arg(&out)],
    ] {
        run(&args)
            .assert_code(1)
            .assert_stderr_has("tech-env.ron: is missing, but")
            .assert_stderr_has("`panelist check --repair` rebuilds it");
    }
    assert!(!out.exists(), "merge wrote nothing");
    run(["check", "--repair", &arg(&review)]).assert_code(0);
    assert_eq!(t33_mark(&review, "4-c"), Some(3.5));
    run(["status", &arg(&review)]).assert_code(0);
}
