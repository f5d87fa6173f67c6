//! results.ron holds results, not a copy of the marks (format 2): what it
//! records, that it reads back, and the results screen saying when a panel
//! file changed since it was written.

use std::path::{Path, PathBuf};

use crate::common::{copy_review, panelist, sample_dir};
use panelist::merge::MergeOptions;
use panelist::report::{ReadResults, ResultsFile};
use panelist::store;
use panelist::tui::results::{self as results, App, Data, Effect, Marks, Msg, View};
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

/// Presses `keys` and carries out what the app asks of its shell (the
/// merges and the analysis) as the shell would, before the next frame.
fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        settle(app);
    }
}

fn settle(app: &mut App) {
    while let Some(effect) = app.effect() {
        let msg = match effect {
            Effect::ReadFiles => results::read_files(app),
            Effect::Merge { drafts } => results::merge(app, drafts),
            Effect::Analyse => results::analyse(app),
            Effect::Reload => panic!("not asked to read again"),
        };
        app.update(msg);
    }
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| results::screens::render(app, frame))
        .expect("draws");
    terminal.backend().to_string()
}

/// Nagano, category 1, criterion 1-a: the committee's marks.
const TO_MARKS: [KeyCode; 4] = [
    KeyCode::Down,
    KeyCode::Enter,
    KeyCode::Enter,
    KeyCode::Enter,
];

fn marks_screen(dir: &Path) -> (App, String) {
    let data = Data::load(dir).expect("loads");
    let mut app = App::new(data, PLAIN);
    press(&mut app, &TO_MARKS);
    assert_eq!(app.view(), View::Marks);
    let text = draw(&app, 100, 30);
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

/// Every screen the keys in `walks` lead to, at 80x24 and 120x40, each
/// walk from the ranking, with the effects carried out.
fn screens(dir: &Path, walks: &[&[KeyCode]]) -> Vec<String> {
    let mut shown = Vec::new();
    for walk in walks {
        let mut app = App::new(Data::load(dir).expect("loads"), PLAIN);
        settle(&mut app);
        press(&mut app, walk);
        shown.push(draw(&app, 80, 24));
        shown.push(draw(&app, 120, 40));
    }
    shown
}

#[test]
fn opening_from_results_ron_shows_what_merging_the_files_shows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let written = merged_copy(&tmp.path().join("written"));
    let unmerged = tmp.path().join("unmerged/kci-2007");
    copy_review(&sample_dir(), &unmerged);
    let data = Data::load(&written).expect("loads");
    assert_eq!(data.marks, Marks::Unread, "results.ron's, without marks");
    assert!(data.with_drafts.is_none(), "drafts are merged when counted");
    assert!(data.changed_since_merge.is_empty());
    let data = Data::load(&unmerged).expect("loads");
    assert_eq!(data.marks, Marks::Merged);
    assert!(data.with_drafts.is_some());

    use KeyCode::{Char, Down, Enter, Tab};
    let walks: &[&[KeyCode]] = &[
        &[],
        &[Down, Down, Enter],
        &[Down, Enter, Enter],
        &TO_MARKS,
        &[Down, Down, Down, Enter, Enter, Enter, Down, Tab],
        &[Down, Enter, Char('c')],
        &[Char('a')],
        &[Char('d')],
        &[Char('d'), Down, Enter, Enter, Enter],
        &[Down, Enter, Enter, Enter, Char('d')],
        &[Char('d'), Char('d'), Down, Enter, Enter, Enter],
    ];
    let from_file = screens(&written, walks);
    for (i, (shown, merged)) in from_file.iter().zip(screens(&unmerged, walks)).enumerate() {
        assert_eq!(*shown, merged, "walk {:?}", walks[i / 2]);
    }
    // They are the screens they should be.
    assert!(
        !from_file[6].contains("DRAFTS INCLUDED"),
        "{}",
        from_file[6]
    );
    assert!(
        from_file[14].contains("DRAFTS INCLUDED"),
        "{}",
        from_file[14]
    );
    assert!(from_file[6].contains("Suematsu"), "{}", from_file[6]);
}

#[test]
fn counting_drafts_merges_them_when_asked_and_shows_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = merged_copy(tmp.path());
    let mut app = App::new(Data::load(&dir).expect("loads"), PLAIN);
    settle(&mut app);
    let fukuoka = |app: &App| {
        let region = app.results().regions.iter().find(|r| r.region == "fukuoka");
        region.map(|r| r.total).unwrap_or_default()
    };
    let submitted = fukuoka(&app);
    assert!(draw(&app, 80, 24).contains("1 draft left out (d: count)"));
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('d'),
        KeyModifiers::NONE,
    )));
    // Not counted before they are merged: the shell merges them first.
    assert!(!app.include_drafts);
    assert_eq!(app.effect(), Some(Effect::Merge { drafts: true }));
    settle(&mut app);
    assert!(app.include_drafts);
    assert_ne!(fukuoka(&app), submitted, "t33's draft marks fukuoka");
    let text = draw(&app, 80, 24);
    assert!(text.contains("DRAFTS INCLUDED"), "{text}");
    assert!(text.contains("1 draft sheet now counts"), "{text}");
    press(&mut app, &[KeyCode::Char('d')]);
    assert!(!app.include_drafts);
    assert_eq!(fukuoka(&app), submitted);
    assert_eq!(app.effect(), None, "merged once");
}

#[test]
fn a_file_changed_after_the_merge_is_said_on_opening_over_results_ron() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = merged_copy(tmp.path());
    let before = Data::load(&dir).expect("loads").submitted.results;
    panelist()
        .args(["mark", "--reviewer", "suematsu", "--panel", "committee"])
        .args(["--reopen"])
        .arg(&dir)
        .args(["nagano", "1-a", "1"])
        .assert()
        .success();
    let data = Data::load(&dir).expect("loads");
    // The results shown are those results.ron holds, and the screen says
    // plainly that a file changed since.
    assert_eq!(data.marks, Marks::Unread);
    assert_eq!(data.submitted.results, before);
    let mut app = App::new(data, PLAIN);
    // Said once the panel files, read after the first frame, are compared.
    assert_eq!(app.message, None);
    assert_eq!(app.effect(), Some(Effect::ReadFiles));
    let read = results::read_files(&app);
    app.update(read);
    let said =
        "scores/committee.ron changed since results.ron was written: run panelist merge again";
    assert_eq!(app.message.as_deref(), Some(said));
    assert!(draw(&app, 120, 30).contains(said));
}

#[test]
fn before_the_panel_files_are_read_nothing_that_needs_them_is_shown_as_if_known() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = merged_copy(tmp.path());
    let mut app = App::new(Data::load(&dir).expect("loads"), PLAIN);
    assert!(app.data.files_unread());
    assert!(app.data.conflicts.is_empty(), "not read yet");
    let keys = |app: &mut App, keys: &[KeyCode]| {
        for &code in keys {
            app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        }
    };
    // Nagano's marks, where kobayashi has a conflict of interest.
    keys(&mut app, &TO_MARKS);
    assert_eq!(app.view(), View::Marks);
    // The shell reads the files first: nothing is merged before.
    assert_eq!(app.effect(), Some(Effect::ReadFiles));
    app.update(Msg::ReadingFiles);
    assert_eq!(app.effect(), None, "the merges wait for the files");
    let text = draw(&app, 100, 30);
    assert!(
        text.contains("Reading the marks from the panel files..."),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("conflict"), "{text}");
    assert!(
        app.mark_rows(app.cursor.region, app.cursor.criterion)
            .is_empty()
    );
    assert!(app.analysing(), "the analysis waits for the marks");
    // Drafts wait for the files too, then are merged.
    keys(&mut app, &[KeyCode::Char('d')]);
    assert!(!app.include_drafts);
    assert_eq!(app.effect(), None);
    let read = results::read_files(&app);
    app.update(read);
    assert_eq!(app.effect(), Some(Effect::Merge { drafts: true }));
    settle(&mut app);
    assert!(app.include_drafts);
    let text = draw(&app, 100, 30);
    assert!(text.contains("conflict of interest"), "{text}");
    // The same marks view as when the files are merged on opening.
    let merged_dir = tmp.path().join("unmerged/kci-2007");
    copy_review(&sample_dir(), &merged_dir);
    let mut merged = App::new(Data::load(&merged_dir).expect("loads"), PLAIN);
    press(&mut merged, &TO_MARKS);
    press(&mut merged, &[KeyCode::Char('d')]);
    assert_eq!(text, draw(&merged, 100, 30));
}

#[test]
fn a_panel_file_broken_after_the_merge_is_said_and_the_ranking_stays() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = merged_copy(tmp.path());
    let shown = Data::load(&dir).expect("loads").submitted.results;
    let committee = dir.join("scores/committee.ron");
    let text = std::fs::read_to_string(&committee).expect("committee.ron");
    std::fs::write(&committee, format!("{text}(")).expect("break committee.ron");
    // results.ron still opens: what was merged.
    let mut app = App::new(Data::load(&dir).expect("opens over results.ron"), PLAIN);
    assert_eq!(app.results(), &shown);
    let ranking = draw(&app, 80, 24);
    settle(&mut app);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.contains("The panel files cannot be read"),
        "{message}"
    );
    assert!(message.contains("committee.ron"), "{message}");
    assert_eq!(app.data.marks, Marks::Failed);
    assert_eq!(app.results(), &shown);
    let after = draw(&app, 80, 24);
    for line in ranking.lines().skip(1).take(12) {
        assert!(after.contains(line), "{line}\n{after}");
    }
    // Drafts cannot be counted: said, and the ranking stays.
    press(&mut app, &[KeyCode::Char('d')]);
    assert!(!app.include_drafts);
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("Could not merge the panel files"),
        "{message}"
    );
    assert!(message.contains("committee.ron"), "{message}");
    assert_eq!(app.results(), &shown);
    assert_eq!(app.effect(), None, "asked once");
}

#[test]
fn without_results_ron_or_with_one_it_cannot_show_the_files_are_merged() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("kci-2007");
    copy_review(&sample_dir(), &dir);
    let merged = Data::load(&dir).expect("loads");
    assert_eq!(merged.marks, Marks::Merged);
    let merged = merged.submitted.results;
    let results = dir.join("results.ron");
    let review = store::load_review(&dir).expect("review");
    let files = store::load_inputs(&review, &[], &()).expect("panel files");
    let with_marks = store::merge_inputs(&review, &files, MergeOptions::default()).expect("merge");
    let refused = [
        // Damaged.
        "(".to_string(),
        // Written before format 2: no checksums of its inputs.
        store::to_ron(&with_marks),
        // Drafts counted.
        {
            std::fs::remove_file(&results).ok();
            panelist()
                .args(["merge", "--no-analysis", "--include-drafts"])
                .arg(&dir)
                .assert()
                .success();
            std::fs::read_to_string(&results).expect("results.ron")
        },
    ];
    for text in refused {
        std::fs::write(&results, &text).expect("write results.ron");
        let data = Data::load(&dir).expect("loads");
        assert_eq!(data.marks, Marks::Merged, "{text}");
        assert!(data.with_drafts.is_some());
        assert_eq!(data.submitted.results, merged);
    }
    // review.ron changed since the merge: its results may not fit.
    panelist()
        .args(["merge", "--no-analysis"])
        .arg(&dir)
        .assert()
        .success();
    let review_ron = dir.join("review.ron");
    let text = std::fs::read_to_string(&review_ron).expect("review.ron");
    std::fs::write(&review_ron, format!("{text}\n")).expect("write review.ron");
    let data = Data::load(&dir).expect("loads");
    assert_eq!(data.marks, Marks::Merged);
    let changed: Vec<_> = data
        .changed_since_merge
        .iter()
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(changed, ["review.ron"]);
}

/// Never asked to read again here.
struct NoReload;

impl results::Loader for NoReload {
    fn load(&mut self) -> Result<Data, String> {
        Err("not asked".into())
    }
}

#[test]
fn the_shell_merges_the_marks_away_from_the_screen_then_analyses_them() {
    use panelist::tui::shell::Screen;
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = merged_copy(tmp.path());
    let data = Data::load(&dir).expect("loads");
    let mut screen = results::ResultsScreen::new(App::new(data, PLAIN), NoReload);
    // Before the first frame: results.ron holds no analysis, and the
    // analysis resamples the marks, which it does not hold either.
    assert!(screen.settle(false));
    assert_eq!(screen.app.data.marks, Marks::Unread);
    assert!(screen.app.analysing());
    let first = draw(&screen.app, 80, 24);
    assert!(first.contains("Fukuoka"), "the ranking at once: {first}");
    assert!(first.contains("How solid: being analysed..."), "{first}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while screen.app.analysis().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        screen.settle(true);
    }
    assert_eq!(screen.app.data.marks, Marks::Merged);
    // As if the files had been merged on opening.
    let mut merged = App::new(Data::load(&dir).expect("loads"), PLAIN);
    settle(&mut merged);
    assert_eq!(screen.app.analysis(), merged.analysis());
    assert_eq!(screen.app.effect(), None, "merged and analysed once");
    press(&mut screen.app, &TO_MARKS);
    press(&mut merged, &TO_MARKS);
    assert_eq!(draw(&screen.app, 100, 30), draw(&merged, 100, 30));
}
