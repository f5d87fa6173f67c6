//! Revised marks (SPEC *Discussion and consensus*): a mark changed after
//! its sheet's first submission keeps its preliminary points, and
//! `history`, report.md and the results screen show preliminary → final.

use crate::common::{Sample, panelist, read_panel_file};
use panelist::tui::results::{App, Data, Msg, View, screens};
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

/// Runs `panelist ARGS...` and returns its stdout; it must succeed.
fn run(args: &[&str]) -> String {
    let out = panelist().args(args).output().expect("panelist runs");
    assert!(
        out.status.success(),
        "panelist {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// On the sample's tech-env panel: t29 (submitted) reopens and revises
/// Fukuoka 4-a twice (4 → 3 → 4.5) and submits again; t33 (a draft, never
/// submitted) changes Nagoya 4-a (3 → 3.5), submits with marks missing,
/// reopens, scores Nagoya 4-c for the first time, revises Nagoya 4-a
/// (3.5 → 2.5) and submits again.
fn discussed(dir: &Path) {
    let dir = dir.to_str().expect("a UTF-8 path");
    let t29 = ["mark", dir, "--reviewer", "t29", "--panel", "tech-env"];
    let t33 = ["mark", dir, "--reviewer", "t33", "--panel", "tech-env"];
    run(&[&t29[..], &["--reopen", "fukuoka", "4-a", "3"]].concat());
    run(&[&t29[..], &["fukuoka", "4-a", "4.5"]].concat());
    run(&["submit", dir, "--reviewer", "t29", "--panel", "tech-env"]);
    run(&[&t33[..], &["nagoya", "4-a", "3.5"]].concat());
    run(&[
        "submit",
        dir,
        "--reviewer",
        "t33",
        "--panel",
        "tech-env",
        "--force",
    ]);
    run(&[&t33[..], &["--reopen", "nagoya", "4-c", "2"]].concat());
    run(&[&t33[..], &["nagoya", "4-a", "2.5"]].concat());
    run(&[
        "submit",
        dir,
        "--reviewer",
        "t33",
        "--panel",
        "tech-env",
        "--force",
    ]);
}

#[test]
fn history_labels_every_mark_changed_after_the_first_submission_as_revised() {
    let s = Sample::new();
    discussed(&s.path());
    let dir = s.path();
    let dir = dir.to_str().expect("a UTF-8 path");
    let history = run(&["history", dir, "--panel", "tech-env"]);
    for line in [
        "t29        fukuoka 4-a: revised 4 -> 3 (preliminary 4)",
        "t29        fukuoka 4-a: revised 3 -> 4.5 (preliminary 4)",
        // Before t33's first submission: a plain change.
        "t33        nagoya 4-a: mark 3 -> 3.5",
        "t33        nagoya 4-c: revised - -> 2 (no mark at the first submission)",
        "t33        nagoya 4-a: revised 3.5 -> 2.5 (preliminary 3.5)",
    ] {
        assert!(history.contains(line), "{line}:\n{history}");
    }
    assert!(!history.contains("mark 4 -> 3"), "{history}");
    // The panel file keeps the same preliminary points.
    let file = read_panel_file(&s.panel_path("tech-env"));
    let mark = |reviewer: &str, region: &str, criterion: &str| {
        file.sheets[reviewer]
            .mark(region, criterion)
            .map(|m| (m.points, m.preliminary))
    };
    assert_eq!(mark("t29", "fukuoka", "4-a"), Some((4.5, Some(4.0))));
    assert_eq!(mark("t33", "nagoya", "4-a"), Some((2.5, Some(3.5))));
    assert_eq!(mark("t33", "nagoya", "4-c"), Some((2.0, None)));
    let japanese = run(&["--lang", "ja", "history", dir, "--panel", "tech-env"]);
    for line in [
        "t29        fukuoka 4-a: 修正 4 -> 3（当初 4）",
        "t33        nagoya 4-a: 点数 3 -> 3.5",
        "t33        nagoya 4-c: 修正 - -> 2（初回提出時は未採点）",
    ] {
        assert!(japanese.contains(line), "{line}:\n{japanese}");
    }
}

#[test]
fn the_report_lists_the_revised_counting_marks_and_the_merge_keeps_both_points() {
    let s = Sample::new();
    discussed(&s.path());
    let dir = s.path();
    let dir = dir.to_str().expect("a UTF-8 path");
    run(&["merge", dir]);
    let report = std::fs::read_to_string(s.path().join("report.md")).expect("report.md");
    let section = report
        .split("## Revised after discussion\n\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("no section:\n{report}"));
    assert_eq!(
        section.trim_end(),
        "2 counting marks were changed after the reviewer's sheet was first submitted: \
         the preliminary mark, then the final one, which is the one that counts.\n\
         \n\
         | Region | Criterion | Reviewer | Preliminary | Final | Change |\n\
         |---|---|---|---:|---:|---:|\n\
         | Fukuoka / North Kyushu / Iizuka | 4-a | Technology expert 29 | 4 | 4.5 | +0.5 |\n\
         | Nagoya | 4-a | Technology expert 33 | 3.5 | 2.5 | -1 |"
    );
    // After the flags, before the rules.
    let at = |heading: &str| report.find(heading).expect(heading);
    assert!(at("## Flags") < at("## Revised after discussion"));
    assert!(at("## Revised after discussion") < at("## Rules"));
    // The marks are the panel files': the merge keeps both points of each.
    let results = crate::common::merged_in_memory(&s.path());
    let revised = results
        .regions
        .iter()
        .flat_map(|r| &r.criteria)
        .flat_map(|c| &c.scores)
        .filter(|s| s.preliminary.is_some())
        .count();
    assert_eq!(revised, 2);

    run(&["--lang", "ja", "merge", dir]);
    let report = std::fs::read_to_string(s.path().join("report.md")).expect("report.md");
    assert!(report.contains("## 討議後の修正\n"), "{report}");
    assert!(
        report.contains("| 地域 | 評価項目 | 委員 | 当初 | 修正後 | 増減 |"),
        "{report}"
    );
}

#[test]
fn without_revised_marks_there_is_no_such_section() {
    let s = Sample::new();
    let dir = s.path();
    let dir = dir.to_str().expect("a UTF-8 path");
    run(&["merge", dir]);
    let report = std::fs::read_to_string(s.path().join("report.md")).expect("report.md");
    assert!(report.contains("## Flags"), "{report}");
    assert!(!report.contains("Revised after discussion"), "{report}");
    let results = std::fs::read_to_string(s.path().join("results.ron")).expect("results.ron");
    assert!(!results.contains("preliminary"), "{results}");
    // A revised mark on a sheet reopened and not submitted again does not
    // count, and is not listed either.
    run(&[
        "mark",
        dir,
        "--reviewer",
        "t29",
        "--panel",
        "tech-env",
        "--reopen",
        "fukuoka",
        "4-a",
        "3",
    ]);
    run(&["merge", dir]);
    let report = std::fs::read_to_string(s.path().join("report.md")).expect("report.md");
    assert!(!report.contains("Revised after discussion"), "{report}");
}

#[test]
fn the_results_screen_says_a_mark_was_revised_and_what_it_was() {
    let s = Sample::new();
    discussed(&s.path());
    let data = Data::load(&s.path()).expect("the review loads");
    let mut app = App::new(
        data,
        Theme {
            color: false,
            unicode: true,
        },
    );
    let review = panelist::store::load_review(&s.path()).expect("the review loads");
    let fukuoka = review
        .review
        .regions
        .iter()
        .position(|r| r.id == "fukuoka")
        .expect("fukuoka");
    let criterion = app
        .criteria()
        .iter()
        .position(|(_, c)| c.id == "4-a")
        .expect("4-a");
    let rows = app.mark_rows(fukuoka, criterion);
    let t29 = rows
        .iter()
        .find(|r| r.reviewer == "t29")
        .expect("t29's row");
    assert_eq!((t29.points, t29.preliminary), (Some(4.5), Some(4.0)));
    assert!(
        rows.iter()
            .filter(|r| r.reviewer != "t29")
            .all(|r| r.preliminary.is_none())
    );
    // Down to the marks of Fukuoka 4-a, t29 selected.
    let category = review
        .review
        .all_categories()
        .iter()
        .position(|p| p.category.id == "4")
        .expect("category 4");
    app.cursor.region = fukuoka;
    press(&mut app, KeyCode::Enter);
    app.cursor.category = category;
    press(&mut app, KeyCode::Enter);
    app.cursor.criterion = criterion;
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view(), View::Marks);
    app.cursor.mark = app
        .mark_rows(fukuoka, criterion)
        .iter()
        .position(|r| r.reviewer == "t29")
        .expect("t29's row");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|frame| screens::render(&app, frame))
        .expect("draw");
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Revised after discussion: 4 at first submission, now 4.5."),
        "{screen}"
    );
}

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}
