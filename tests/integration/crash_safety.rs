//! Every save is atomic (SPEC.md, "Panel files"): `panelist mark` killed
//! with SIGKILL at random moments leaves the panel file either as it was or
//! as the save would have written it, never torn, and the next save works.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::*;
use panelist::model::PanelFile;

fn mark_command(
    dir: &Path,
    reviewer: &str,
    panel: &str,
    cell: (&str, &str),
    points: f64,
) -> std::process::Command {
    let mut cmd = panelist_std();
    cmd.args([
        "mark",
        &arg(dir),
        "--reviewer",
        reviewer,
        "--panel",
        panel,
        "--reopen",
    ])
    .args([cell.0, cell.1, &points.to_string()])
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    cmd
}

/// How long one uninterrupted save takes here: the median of five, so
/// that one slow run on a busy machine does not stretch the window past
/// most saves.
fn save_time(dir: &Path, reviewer: &str, panel: &str, cell: (&str, &str)) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let status = mark_command(dir, reviewer, panel, cell, 3.0)
                .status()
                .unwrap();
            assert!(status.success());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

/// Parses the panel file; a torn or half-written file fails here.
#[track_caller]
fn parse(path: &Path, round: usize) -> PanelFile {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("round {round}: cannot read {}: {e}", path.display()));
    ron::from_str(&text).unwrap_or_else(|e| panic!("round {round}: torn panel file ({e}):\n{text}"))
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    // The sample's committee file (100 kB, 12 sheets): the largest write.
    let sample = Sample::new();
    let dir = sample.path();
    let path = sample.panel_path("committee");
    let (reviewer, panel, cell) = ("suematsu", "committee", ("fukuoka", "1-a"));
    let original = parse(&path, 0);
    let window = save_time(&dir, reviewer, panel, cell).mul_f64(1.5);
    let mut rng = Rng::from_env_or_random("CRASH_SEED");

    let mut current = parse(&path, 0).sheets[reviewer]
        .mark(cell.0, cell.1)
        .unwrap()
        .points;
    let (mut killed_running, mut saved) = (0, 0);
    for round in 1..=50 {
        // a different value every round: 0.5 .. 5 on the grid of 0.5
        let new = if current == 5.0 { 0.5 } else { current + 0.5 };
        let mut child = mark_command(&dir, reviewer, panel, cell, new)
            .spawn()
            .unwrap();
        std::thread::sleep(rng.duration(window));
        if child.try_wait().unwrap().is_none() {
            killed_running += 1;
        }
        child.kill().unwrap(); // SIGKILL; a no-op error-free call if it has exited
        child.wait().unwrap();

        let file = parse(&path, round);
        let found = file.sheets[reviewer].mark(cell.0, cell.1).unwrap().points;
        assert!(
            found == current || found == new,
            "round {round}: mark is {found}, neither the old {current} nor the new {new}"
        );
        if found == new {
            saved += 1;
        }
        current = found;
        // everything else is exactly as it was
        assert_eq!(file.review, original.review);
        assert_eq!(file.rubric, original.rubric);
        for (id, sheet) in original.sheets.iter().filter(|(id, _)| *id != reviewer) {
            assert_eq!(
                Some(sheet),
                file.sheets.get(id),
                "round {round}: sheet of {id}"
            );
        }
        let mut expected = original.sheets[reviewer].clone();
        let mine = &file.sheets[reviewer];
        expected.updated = mine.updated;
        expected.submitted = mine.submitted;
        // `mark` reopens a submitted sheet: a changed mark is then revised,
        // with the points it had at the submission as preliminary.
        expected.was_submitted = mine.was_submitted;
        let first = original.sheets[reviewer].scores[cell.0][cell.1].points;
        let mark = expected
            .scores
            .get_mut(cell.0)
            .unwrap()
            .get_mut(cell.1)
            .unwrap();
        mark.points = found;
        if expected.was_submitted || original.sheets[reviewer].submitted {
            mark.preliminary = (found != first).then_some(first);
        }
        assert_eq!(
            &expected, mine,
            "round {round}: the saving reviewer's sheet"
        );
    }
    eprintln!("{killed_running} of 50 kills hit a running save; {saved} saves completed");
    assert!(killed_running >= 10, "the kills must land inside saves");

    // Locks held by killed processes are gone: the next save and check work.
    let status = mark_command(&dir, reviewer, panel, cell, 2.5)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        parse(&path, 51).sheets[reviewer]
            .mark(cell.0, cell.1)
            .unwrap()
            .points,
        2.5
    );
    run(["check", &arg(&dir)]).assert_code(0);
    // The temporary files of the killed saves went with that save.
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let left: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.")) && n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_first_save_killed_at_any_moment_leaves_no_file_or_a_whole_one() {
    let mut rng = Rng::from_env_or_random("CRASH_SEED");
    let probe = ReviewDir::from_text(SMALL_REVIEW);
    let window = save_time(&probe.path(), "cy", "board", ("east", "a2")).mul_f64(1.5);
    for round in 1..=15 {
        let dir = ReviewDir::from_text(SMALL_REVIEW);
        let path = dir.panel_path("board");
        let mut child = mark_command(&dir.path(), "cy", "board", ("east", "a2"), 4.0)
            .spawn()
            .unwrap();
        std::thread::sleep(rng.duration(window));
        child.kill().unwrap();
        child.wait().unwrap();
        if path.exists() {
            let file = parse(&path, round);
            assert_eq!(file.sheets["cy"].mark("east", "a2").unwrap().points, 4.0);
        }
        // Whatever happened, the next save works, and then the review is
        // valid. (Killed between the journal and the file, the panel file is
        // missing while its journal holds the change: the next save rebuilds
        // it from the journal; until then check and merge say so.)
        let status = mark_command(&dir.path(), "cy", "board", ("east", "a1"), 1.0)
            .status()
            .unwrap();
        assert!(status.success(), "round {round}");
        run(["check", &arg(&dir.path())]).assert_code(0);
    }
}

/// What `scores/` holds besides panel files and journals: temporary files
/// and session files, which no dead writer may leave behind.
fn leftovers(scores: &Path) -> Vec<String> {
    std::fs::read_dir(scores)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".panelist.tmp") || name.ends_with(".session"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_first_save_killed_at_any_moment_leaves_a_review_that_checks() {
    // A panel without a file: each round's save is the panel's first.
    let dir = ReviewDir::from_text(SMALL_REVIEW);
    let (review, scores) = (dir.path(), dir.scores());
    let (reviewer, panel, cell, other) = ("ann", "board", ("north", "a1"), ("south", "a2"));
    let path = dir.panel_path(panel);
    // How long a first save takes here: the median of five.
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let _ = std::fs::remove_dir_all(&scores);
            let start = Instant::now();
            assert!(
                mark_command(&review, reviewer, panel, cell, 2.5)
                    .status()
                    .unwrap()
                    .success()
            );
            start.elapsed()
        })
        .collect();
    times.sort();
    let window = times[2];
    let mut rng = Rng::from_env_or_random("CRASH_SEED");
    let rounds: usize = std::env::var("CRASH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let (mut killed_running, mut reached) = (0, 0);
    for round in 1..=rounds {
        let _ = std::fs::remove_dir_all(&scores);
        let mut child = mark_command(&review, reviewer, panel, cell, 2.5)
            .spawn()
            .unwrap();
        std::thread::sleep(rng.duration(window.mul_f64(1.2)));
        if child.try_wait().unwrap().is_none() {
            killed_running += 1;
        }
        child.kill().unwrap();
        let confirmed = child.wait().unwrap().success();
        // What the save left: no file (the old state) or the file with the
        // mark (the new one), never anything else.
        let file = path.exists().then(|| parse(&path, round));
        let marked = file.as_ref().and_then(|f| {
            f.sheets
                .get(reviewer)?
                .mark(cell.0, cell.1)
                .map(|m| m.points)
        });
        assert!(
            marked.is_none() || marked == Some(2.5),
            "round {round}: {marked:?}"
        );
        assert!(
            !confirmed || marked == Some(2.5),
            "round {round}: a confirmed save is in the file"
        );
        reached += usize::from(marked.is_some());
        // check never calls an interrupted save a loss.
        let checked = run(["check", &arg(&review)]);
        assert_eq!(checked.code, Some(0), "round {round}: {}", checked.stderr);
        if round % 2 == 0 {
            // check --repair: no mark appears that never reached the file,
            // and nothing of the dead writer stays.
            run(["check", "--repair", &arg(&review)]).assert_code(0);
            let after = path.exists().then(|| parse(&path, round));
            assert_eq!(after, file, "round {round}: the repair changed nothing");
        } else {
            // The next save: the interrupted one counts only if it reached
            // the file.
            let next = mark_command(&review, reviewer, panel, other, 3.0).status();
            assert!(
                next.unwrap().success(),
                "round {round}: the next save fails"
            );
            let after = parse(&path, round);
            let sheet = &after.sheets[reviewer];
            assert_eq!(
                sheet.mark(cell.0, cell.1).map(|m| m.points),
                marked,
                "round {round}"
            );
            assert_eq!(sheet.mark(other.0, other.1).map(|m| m.points), Some(3.0));
            // The journal replays to the same file.
            let journal = panelist::store::journal::read(&scores.join("board.journal")).unwrap();
            assert_eq!(
                journal.replay().get(reviewer).map(|s| s.marks().count()),
                Some(sheet.marks().count()),
                "round {round}: the journal replays to the file"
            );
        }
        assert_eq!(leftovers(&scores), Vec::<String>::new(), "round {round}");
    }
    eprintln!("{killed_running} of {rounds} kills hit a running save; {reached} reached the file");
    assert!(
        killed_running >= rounds / 5,
        "the kills must land inside saves"
    );
}
