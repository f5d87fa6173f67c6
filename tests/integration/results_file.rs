//! results.ron holds results, not a copy of the marks (format 2): what it
//! records, that it reads back, and the results screen saying when a panel
//! file changed since it was written.

use std::path::{Path, PathBuf};

use crate::common::{copy_review, panelist, sample_dir};
use panelist::merge::MergeOptions;
use panelist::report::{ReadResults, ResultsFile};
use panelist::store;
use panelist::tui::results::{App, Data, View};
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const PLAIN: Theme = Theme {
    color: false,
    unicode: true,
};

fn merged_copy(into: &Path) -> PathBuf {
    let dir = into.join("kci-2007");
    copy_review(&sample_dir(), &dir);
    panelist()
        .args(["merge", "--no-analysis"])
        .arg(&dir)
        .assert()
        .success();
    dir
}

#[test]
fn results_ron_holds_results_and_checksums_not_marks() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = merged_copy(tmp.path());
    let text = std::fs::read_to_string(dir.join("results.ron")).expect("results.ron");
    // No note and no mark of any reviewer is copied into the results.
    let committee = std::fs::read_to_string(dir.join("scores/committee.ron")).expect("panel");
    let note = "Fukuoka IST has run matching-fund calls for local SMEs every year since 2003.";
    assert!(committee.contains(note));
    assert!(!text.contains(note), "{text}");
    assert!(!text.contains("Score("), "{text}");
    // What it holds is the merge's results but the marks, to the bit.
    let read = ReadResults::from_ron(&text).expect("results.ron reads back");
    let review = store::load_review(&dir).expect("review");
    let files = store::load_inputs(&review, &[], &()).expect("panel files");
    let mut results = store::merge_inputs(&review, &files, MergeOptions::default()).expect("merge");
    for region in &mut results.regions {
        for criterion in &mut region.criteria {
            assert!(criterion.scores.len() as u32 == criterion.marks);
            criterion.scores.clear();
        }
    }
    assert_eq!(read.file.results, results);
    // Every input with its SHA-256, as report.md lists them.
    let report = std::fs::read_to_string(dir.join("report.md")).expect("report.md");
    assert_eq!(read.inputs.len(), 1 + files.len());
    for input in &read.inputs {
        let bytes = std::fs::read(dir.join(&input.path)).expect("an input file");
        assert_eq!(input.sha256, store::sha256_hex(&bytes), "{}", input.path);
        assert!(report.contains(&input.sha256), "{}", input.path);
    }
    assert_eq!(
        ResultsFile::from_ron(&text).expect("reads").results,
        read.file.results
    );
}

fn marks_screen(dir: &Path) -> (App, String) {
    let data = Data::load(dir).expect("loads");
    let mut app = App::new(data, PLAIN);
    // Nagano, category 1, criterion 1-a: the committee's marks.
    for code in [
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Enter,
        KeyCode::Enter,
    ] {
        app.update(panelist::tui::results::Msg::Key(KeyEvent::new(
            code,
            KeyModifiers::NONE,
        )));
    }
    assert_eq!(app.view(), View::Marks);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    terminal
        .draw(|frame| panelist::tui::results::screens::render(&app, frame))
        .expect("draws");
    let text = terminal.backend().to_string();
    (app, text)
}

#[test]
fn the_marks_screen_says_when_a_panel_file_changed_since_the_merge() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = merged_copy(tmp.path());
    let (app, text) = marks_screen(&dir);
    assert!(app.data.changed_since_merge.is_empty());
    assert!(!text.contains("changed since results.ron"), "{text}");

    panelist()
        .args([
            "mark",
            "--reviewer",
            "suematsu",
            "--panel",
            "committee",
            "--reopen",
        ])
        .arg(&dir)
        .args(["nagano", "1-a", "1"])
        .assert()
        .success();
    let (app, text) = marks_screen(&dir);
    let changed: Vec<_> = app
        .data
        .changed_since_merge
        .iter()
        .map(|c| (c.path.as_str(), c.panel.as_deref()))
        .collect();
    assert_eq!(changed, [("scores/committee.ron", Some("committee"))]);
    assert!(
        text.contains("scores/committee.ron changed since results.ron was written"),
        "{text}"
    );

    // Another panel's change is not said over the committee's marks.
    panelist()
        .args(["merge", "--no-analysis"])
        .arg(&dir)
        .assert()
        .success();
    panelist()
        .args([
            "mark",
            "--reviewer",
            "t01",
            "--panel",
            "tech-it",
            "--reopen",
        ])
        .arg(&dir)
        .args(["sapporo", "4-a", "1"])
        .assert()
        .success();
    let (app, text) = marks_screen(&dir);
    assert_eq!(app.data.changed_since_merge.len(), 1);
    assert!(!text.contains("changed since results.ron"), "{text}");
}
