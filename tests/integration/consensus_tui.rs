//! The consensus screen (`panelist consensus` without a cell): snapshots
//! at 80×24 in English, Japanese and ASCII without color; key sequences
//! through the real event loop and the real store, checked on disk; one
//! run of the real binary in a pseudo-terminal. And the consensus in the
//! chair's results screens.

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::common::{self, Sample, replace_once};
use panelist::model::{Consensus, Index, Mark, PanelFile};
use panelist::store::{self, LoadedReview};
use panelist::tui::consensus::{App, ConsensusScreen, FileStore, Msg};
use panelist::tui::shell::{self, Events, Exit};
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;

const UNICODE: Theme = Theme {
    color: true,
    unicode: true,
};
const ASCII: Theme = Theme {
    color: false,
    unicode: false,
};

/// The sample (English or Japanese) with consensus in use: tech-env's
/// rapporteur is t29, the committee's chair kobayashi (conflicted on
/// nagano in review.ron), and the disagreement ratio 0.3 (a spread over
/// 1.5 of 5 is flagged: fukuoka 4-a's marks run from 3 to 5).
fn consensus_sample(name: &str) -> Sample {
    let sample = Sample::of(name);
    let path = sample.path().join("review.ron");
    let text = std::fs::read_to_string(&path).expect("read review.ron");
    let text = replace_once(
        &text,
        "regions: Only([\"fukuoka\", \"nagoya\"]),",
        "regions: Only([\"fukuoka\", \"nagoya\"]),\n            rapporteur: Some(\"t29\"),",
    );
    let text = replace_once(
        &text,
        "disagreement: 0.4,",
        "disagreement: 0.3,\n        chair: Some(\"kobayashi\"),\n        use_consensus: true,",
    );
    std::fs::write(&path, text).expect("write review.ron");
    sample
}

struct Session {
    sample: Sample,
    review: LoadedReview,
}

impl Session {
    fn new() -> Session {
        Session::of(consensus_sample("kci-2007"))
    }

    /// The Japanese sample, with the interface in Japanese on this thread.
    fn japanese() -> Session {
        panelist::i18n::set_lang(panelist::i18n::Lang::Ja);
        Session::of(consensus_sample("kci-2007-ja"))
    }

    fn of(sample: Sample) -> Session {
        let review = store::load_review(&sample.path()).expect("the review loads");
        Session { sample, review }
    }

    fn file(&self, panel: &str) -> PanelFile {
        common::read_panel_file(&self.sample.panel_path(panel))
    }

    /// The panel's consensus as on disk.
    fn consensus(&self, panel: &str) -> Option<Consensus> {
        self.file(panel).consensus
    }

    /// Records `marks` as `by`'s consensus of `panel` on disk, as a
    /// recorder would have before the screen opens.
    fn agree(&self, panel: &str, by: &str, marks: &[(&str, &str, f64, &str)]) {
        for &(region, criterion, points, note) in marks {
            store::save_consensus(&self.review, panel, by, |_| {
                Ok(vec![panelist::model::ConsensusChange {
                    region: region.into(),
                    criterion: criterion.into(),
                    mark: Some(Mark::new(points, note)),
                }])
            })
            .expect("save a consensus mark");
        }
    }

    /// The screen of `writer` on `panel`, opened as the command opens it.
    fn app(&self, panel: &str, writer: &str, theme: Theme) -> App {
        let loaded = store::load_inputs(&self.review, &[], &()).expect("the panel files load");
        let files: Vec<&PanelFile> = loaded.iter().map(|f| &f.file).collect();
        let index = Index::new(&self.review.review);
        let panel_def = self.review.review.panel(panel).expect("the panel");
        let barred = panelist::commands::consensus::barred(&index, &files, panel_def, writer);
        let file = files.iter().copied().find(|f| f.panel == panel);
        App::new(&self.review.review, panel, writer, file, &barred, theme)
    }

    fn screen(&self, panel: &str, writer: &str) -> ConsensusScreen<FileStore<'_>> {
        let store = FileStore {
            review: &self.review,
            panel: panel.into(),
            writer: writer.into(),
        };
        ConsensusScreen::new(self.app(panel, writer, UNICODE), store)
    }
}

/// Events typed by a script; when it runs out, the terminal "hangs up".
struct Script(VecDeque<Event>);

impl Events for Script {
    fn next(&mut self, _timeout: Duration) -> io::Result<Option<Event>> {
        self.0
            .pop_front()
            .map(Some)
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "script done"))
    }
}

/// Runs the real event loop over `input` (keys as `review_tui::keys`
/// reads them) at 80×24; returns how it ended and the screen.
fn drive(screen: &mut ConsensusScreen<FileStore>, input: &str) -> (Exit, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let mut script = Script(crate::review_tui::keys(input).into());
    let stop = AtomicBool::new(false);
    let exit = shell::run(&mut terminal, screen, &mut script, &stop);
    terminal
        .draw(|frame| panelist::tui::consensus::view::render(&screen.app, frame))
        .expect("draw");
    (exit, terminal.backend().to_string())
}

/// Feeds keys to the app without saving (snapshots of the screens only).
fn typed(mut app: App, input: &str) -> App {
    for event in crate::review_tui::keys(input) {
        if let Event::Key(key) = event {
            app.update(Msg::Key(key));
        }
    }
    app
}

/// Draws the app at `width` × `height`, every row checked to be exactly as
/// wide as the frame (double-width characters included).
fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| panelist::tui::consensus::view::render(app, frame))
        .expect("draw");
    common::assert_aligned(terminal.backend().buffer());
    terminal.backend().to_string()
}

fn at(app: &App) -> (String, String) {
    (
        app.region().map(|r| r.id.clone()).unwrap_or_default(),
        app.criterion().map(|c| c.id.clone()).unwrap_or_default(),
    )
}

fn cell(region: &str, criterion: &str) -> (String, String) {
    (region.to_string(), criterion.to_string())
}

fn points(consensus: Option<&Consensus>, region: &str, criterion: &str) -> Option<f64> {
    consensus
        .and_then(|c| c.mark(region, criterion))
        .map(|m| m.points)
}

// ---- what the screen shows ----

#[test]
fn every_member_shows_with_their_mark_the_draft_and_the_numbers() {
    let s = Session::new();
    let app = s.app("tech-env", "t29", UNICODE);
    assert_eq!(
        at(&app),
        cell("fukuoka", "4-a"),
        "the first cell without one"
    );
    let rows = app.member_marks(app.pos);
    let ids: Vec<&str> = rows.iter().map(|r| r.id).collect();
    assert_eq!(ids, ["t29", "t30", "t31", "t32", "t33", "t34", "t35"]);
    let drafts: Vec<&str> = rows.iter().filter(|r| r.draft).map(|r| r.id).collect();
    assert_eq!(drafts, ["t33"], "t33's sheet is a draft");
    // fukuoka 4-a: 4, 5, 3.5, 4, 4.5, 4, 3 — mean 4, from 3 to 5; the
    // spread 2 is over 0.3 × 5.
    let spread = app.spread(app.pos).expect("marks");
    assert_eq!((spread.count, spread.drafts), (7, 1));
    common::assert_close(spread.mean, 4.0);
    assert_eq!((spread.low, spread.high), (3.0, 5.0));
    common::assert_close(spread.limit, 1.5);
    assert!(spread.disagrees);
    // fukuoka 4-b runs from 3.5 to 5: a spread of exactly 1.5 is not flagged.
    let next = typed(app, "<down>");
    assert!(!next.spread(next.pos).expect("marks").disagrees);
    assert_eq!(next.overall_progress(), (0, 10));
}

#[test]
fn snapshot_cell_with_a_disagreement_and_a_recorded_comment() {
    let s = Session::new();
    s.agree(
        "tech-env",
        "t29",
        &[(
            "fukuoka",
            "4-a",
            4.0,
            "A strong base of LSI design firms; the panel agreed on 4 after discussing t35's doubts about the universities' share.",
        )],
    );
    let app = typed(s.app("tech-env", "t29", UNICODE), "<up>");
    assert_eq!(at(&app), cell("fukuoka", "4-a"));
    let shown = render(&app, 80, 24);
    assert!(shown.contains("Disagreement"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn snapshot_cell_with_members_notes_and_a_typed_mark() {
    let s = Session::new();
    let app = typed(s.app("tech-env", "t29", UNICODE), "<tab><down>3.");
    assert_eq!(at(&app), cell("nagoya", "4-b"));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn snapshot_barred_region() {
    let s = Session::new();
    let app = s.app("tech-nano", "kobayashi", UNICODE);
    assert_ne!(at(&app).0, "nagano", "starts past the barred region");
    let app = typed(app, "<backtab>");
    assert_eq!(at(&app).0, "nagano");
    let app = typed(app, "4");
    let shown = render(&app, 80, 24);
    assert!(shown.contains("declared in review.ron"), "{shown}");
    assert!(
        !shown.contains("Technology expert 21"),
        "no member's mark is shown on it: {shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn snapshot_summary() {
    let s = Session::new();
    s.agree(
        "tech-nano",
        "kobayashi",
        &[("toyama", "4-a", 3.5, ""), ("toyama", "4-b", 3.0, "")],
    );
    let app = typed(s.app("tech-nano", "kobayashi", UNICODE), "s");
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn snapshot_members_notes_in_full() {
    let s = Session::new();
    let app = typed(s.app("tech-env", "t29", UNICODE), "<tab><down>m");
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn snapshot_help() {
    let s = Session::new();
    insta::assert_snapshot!(render(
        &typed(s.app("tech-env", "t29", UNICODE), "?"),
        80,
        24
    ));
}

#[test]
fn snapshot_ascii_without_color() {
    let s = Session::new();
    s.agree(
        "tech-env",
        "t29",
        &[("fukuoka", "4-a", 4.0, "Agreed after discussion.")],
    );
    let app = typed(s.app("tech-env", "t29", ASCII), "<up>");
    let shown = render(&app, 80, 24);
    assert!(shown.is_ascii(), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn snapshot_japanese_cell() {
    let s = Session::japanese();
    let app = typed(s.app("tech-env", "t29", UNICODE), "<tab><down>");
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn snapshot_japanese_barred_region() {
    let s = Session::japanese();
    let app = typed(s.app("tech-nano", "kobayashi", UNICODE), "<backtab>4");
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn snapshot_japanese_summary() {
    let s = Session::japanese();
    let app = typed(s.app("tech-env", "t29", UNICODE), "4\ns");
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn every_frame_fits_at_80_and_at_the_minimum() {
    let s = Session::new();
    for (w, h) in [(80, 24), (60, 18), (200, 60)] {
        for input in ["", "<tab><down>", "s", "m", "?", "4\n<up>n", "4q"] {
            let app = typed(s.app("committee", "kobayashi", UNICODE), input);
            let shown = render(&app, w, h);
            assert!(
                !shown.contains("too small"),
                "{w}x{h} after {input:?}: {shown}"
            );
        }
    }
    let shown = render(&s.app("tech-env", "t29", UNICODE), 50, 12);
    assert!(shown.contains("too small"), "{shown}");
}

// ---- what the screen does, on disk ----

#[test]
fn a_typed_mark_confirmed_is_in_the_consensus_with_the_writer_before_the_next_key() {
    let s = Session::new();
    let sheets = s.file("tech-env").sheets;
    let mut screen = s.screen("tech-env", "t29");
    let (_, shown) = drive(&mut screen, "4.5\n");
    let consensus = s.consensus("tech-env").expect("a consensus section");
    assert_eq!(consensus.by, "t29");
    assert_eq!(consensus.mark("fukuoka", "4-a"), Some(&Mark::new(4.5, "")));
    assert_eq!(at(&screen.app), cell("fukuoka", "4-b"), "Enter moves on");
    assert!(shown.contains("1/10 recorded"), "{shown}");
    assert!(shown.contains("saved "), "when it last saved: {shown}");
    assert_eq!(
        s.file("tech-env").sheets,
        sheets,
        "the members' sheets are untouched"
    );
    // The chair records the next one: `by` is the last writer.
    let mut chair = s.screen("tech-env", "kobayashi");
    assert_eq!(at(&chair.app), cell("fukuoka", "4-b"));
    drive(&mut chair, "<right><right>\n");
    let consensus = s.consensus("tech-env").expect("consensus");
    assert_eq!(consensus.by, "kobayashi");
    assert_eq!(points(Some(&consensus), "fukuoka", "4-b"), Some(0.5));
    assert_eq!(points(Some(&consensus), "fukuoka", "4-a"), Some(4.5));
}

#[test]
fn a_comment_is_saved_with_its_mark_and_a_discarded_edit_is_not() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t29");
    let (_, shown) = drive(&mut screen, "n");
    assert!(shown.contains("Record the agreed mark first"), "{shown}");
    drive(&mut screen, "4\n<up>nStrong LSI base.\n合意しました<esc>");
    let consensus = s.consensus("tech-env").expect("consensus");
    assert_eq!(
        consensus.mark("fukuoka", "4-a"),
        Some(&Mark::new(4.0, "Strong LSI base.\n合意しました"))
    );
    // Changing the points keeps the comment.
    drive(&mut screen, "4.5\n<up>nchanged<c-c>");
    let consensus = s.consensus("tech-env").expect("consensus");
    assert_eq!(
        consensus.mark("fukuoka", "4-a"),
        Some(&Mark::new(4.5, "Strong LSI base.\n合意しました"))
    );
}

#[test]
fn undo_restores_the_previous_consensus_on_disk() {
    let s = Session::new();
    s.agree(
        "tech-env",
        "kobayashi",
        &[("fukuoka", "4-a", 3.5, "Before the meeting.")],
    );
    let mut screen = s.screen("tech-env", "t29");
    assert_eq!(at(&screen.app), cell("fukuoka", "4-b"));
    drive(&mut screen, "<up>5\n4\n");
    let consensus = s.consensus("tech-env");
    assert_eq!(points(consensus.as_ref(), "fukuoka", "4-a"), Some(5.0));
    assert_eq!(points(consensus.as_ref(), "fukuoka", "4-b"), Some(4.0));
    // Undo the last first: 4-b had none, so it has none again.
    drive(&mut screen, "u");
    let consensus = s.consensus("tech-env");
    assert_eq!(points(consensus.as_ref(), "fukuoka", "4-b"), None);
    assert_eq!(
        at(&screen.app),
        cell("fukuoka", "4-b"),
        "undo goes to the cell"
    );
    drive(&mut screen, "u");
    let consensus = s.consensus("tech-env").expect("consensus");
    assert_eq!(
        consensus.mark("fukuoka", "4-a"),
        Some(&Mark::new(3.5, "Before the meeting.")),
        "the mark and comment as before"
    );
    let (_, shown) = drive(&mut screen, "u");
    assert!(shown.contains("Nothing to undo."), "{shown}");
}

#[test]
fn a_barred_region_refuses_everything_and_nothing_is_written() {
    let s = Session::new();
    let before = common::snapshot(&s.sample.path());
    let mut screen = s.screen("tech-nano", "kobayashi");
    let (_, shown) = drive(&mut screen, "<backtab>4");
    assert_eq!(at(&screen.app).0, "nagano");
    assert!(
        shown.contains("! Conflict of interest (declared in review.ron)"),
        "{shown}"
    );
    assert_eq!(screen.app.input, None, "nothing was typed");
    drive(&mut screen, "\n<backtab><right>\nxn");
    assert_eq!(screen.app.unsaved(), 0);
    assert_eq!(
        common::snapshot(&s.sample.path()),
        before,
        "nothing written"
    );
    // ↓ from the barred region moves on to a cell that may be recorded.
    drive(&mut screen, "<tab><down>");
    assert_ne!(at(&screen.app).0, "nagano");
}

#[test]
fn a_mark_off_the_grid_or_over_the_maximum_is_refused_and_never_saved() {
    let s = Session::new();
    let before = common::snapshot(&s.sample.path());
    let mut screen = s.screen("tech-env", "t29");
    let (_, shown) = drive(&mut screen, "7\n");
    assert!(
        shown.contains("7 is over the maximum of 5; not saved."),
        "{shown}"
    );
    let (_, shown) = drive(&mut screen, "<esc>4.3\n");
    assert!(
        shown.contains("4.3 is not a multiple of 0.5; not saved."),
        "{shown}"
    );
    assert_eq!(at(&screen.app), cell("fukuoka", "4-a"), "stays on the cell");
    assert_eq!(common::snapshot(&s.sample.path()), before);
}

#[test]
fn quitting_with_a_typed_mark_asks_first() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t29");
    let (exit, shown) = drive(&mut screen, "4q");
    assert_eq!(exit, Exit::TerminalGone, "still open when the script ended");
    assert!(shown.contains("the mark 4 you typed for 4-a"), "{shown}");
    let (exit, _) = drive(&mut screen, "y");
    assert_eq!(exit, Exit::Finished);
    assert_eq!(s.consensus("tech-env"), None);
}

// ---- the real binary ----

#[test]
fn the_command_refuses_without_a_terminal() {
    let sample = consensus_sample("kci-2007");
    let out = common::panelist()
        .arg("consensus")
        .arg(sample.path())
        .args(["--panel", "tech-env", "--as", "t29"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("needs a terminal"), "{err}");
    let out = common::panelist()
        .arg("consensus")
        .arg(sample.path())
        .args(["--panel", "tech-env", "--as", "t30"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("t30 may not record the consensus of panel \"tech-env\""),
        "anyone else is refused before the screen: {err}"
    );
}

#[test]
fn in_a_terminal_a_mark_and_a_comment_are_saved_and_merge_counts_them() {
    let sample = consensus_sample("kci-2007");
    let dir = sample.path();
    let mut app = common::pty::PtyApp::spawn(
        &[
            "consensus",
            dir.to_str().expect("utf-8 path"),
            "--panel",
            "tech-env",
            "--as",
            "t29",
        ],
        &[],
        80,
        24,
    );
    app.wait_for("(fukuoka)");
    app.send(b"4.5\r");
    app.wait_for("1/10 recorded");
    app.send(b"\x1b[An");
    app.wait_for("Comment (the applicant reads it)");
    app.send("Agreed: strong LSI base.".as_bytes());
    app.send(b"\x1b");
    app.wait_for("Comment saved.");
    app.send(b"q");
    assert!(
        app.wait_exit(Duration::from_secs(10))
            .is_some_and(|status| status.success()),
        "quits cleanly"
    );
    let file = common::read_panel_file(&sample.panel_path("tech-env"));
    let consensus = file.consensus.expect("a consensus section");
    assert_eq!(consensus.by, "t29");
    assert_eq!(
        consensus.mark("fukuoka", "4-a"),
        Some(&Mark::new(4.5, "Agreed: strong LSI base."))
    );
    common::panelist().arg("check").arg(&dir).assert().success();
    // The merge counts it: report.md's consensus section has fukuoka 4-a
    // with tech-env's consensus beside the members' aggregate, and what
    // counts is the mean of tech-it's members (41.5 / 10) and tech-env's
    // consensus: (4.15 + 4.5) / 2.
    common::panelist()
        .arg("merge")
        .arg(&dir)
        .arg("--no-analysis")
        .assert()
        .success();
    let report = std::fs::read_to_string(dir.join("report.md")).expect("report.md");
    let line = report
        .lines()
        .find(|l| l.starts_with("| Fukuoka / North Kyushu / Iizuka | 4-a "))
        .unwrap_or_else(|| panic!("fukuoka 4-a in the consensus section: {report}"));
    assert!(line.ends_with("| 4.50 | 4.33 |"), "{line}");
}

// ---- the consensus in the chair's results screens ----

/// The results screens over `s`'s review, analysed as the shell would.
fn results_app(s: &Session, theme: Theme) -> panelist::tui::results::App {
    use panelist::tui::results::{self as results, Data};
    let mut data = Data::load(&s.sample.path()).expect("the results load");
    data.submitted.analysis = Some(results::data::analysed(&data.review, &data.submitted));
    results::App::new(data, theme)
}

/// Presses `keys` (`down`, `enter`) on the results screens.
fn press(app: &mut panelist::tui::results::App, keys: &[&str]) {
    use panelist::tui::results::{Effect, Msg as ResultsMsg};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for key in keys {
        let code = match *key {
            "down" => KeyCode::Down,
            "enter" => KeyCode::Enter,
            other => panic!("unknown key {other}"),
        };
        app.update(ResultsMsg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        while app.effect() == Some(Effect::Analyse) {
            let analysed = panelist::tui::results::analyse(app);
            app.update(analysed);
        }
    }
}

/// Drills down to fukuoka's category 4 (its criteria), through its region
/// screen; returns both screens at 80×24.
fn fukuoka_category_4(s: &Session) -> (String, String) {
    let mut app = results_app(
        s,
        Theme {
            color: false,
            unicode: true,
        },
    );
    let rank = app
        .results()
        .regions
        .iter()
        .position(|r| r.region == "fukuoka")
        .expect("fukuoka is ranked");
    let mut keys = vec!["down"; rank];
    keys.push("enter");
    press(&mut app, &keys);
    let region = render_results(&app);
    press(&mut app, &["down", "down", "down", "enter"]);
    (region, render_results(&app))
}

fn render_results(app: &panelist::tui::results::App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|frame| panelist::tui::results::screens::render(app, frame))
        .expect("draw");
    common::assert_aligned(terminal.backend().buffer());
    terminal.backend().to_string()
}

#[test]
fn results_show_the_consensus_beside_the_members_aggregate_and_say_where_there_is_none() {
    let s = Session::new();
    s.agree(
        "tech-env",
        "t29",
        &[
            ("fukuoka", "4-a", 4.5, "Agreed."),
            ("fukuoka", "4-b", 4.0, ""),
        ],
    );
    let (region, category) = fukuoka_category_4(&s);
    // The flags name the criteria without a consensus mark, in words.
    assert!(
        region.contains("no-consensus:1-a, 1-b"),
        "the region's flags: {region}"
    );
    // 4-a: tech-it's members 4.15 and tech-env's consensus 4.5 count, 4.33.
    assert!(
        category.contains("R&D Potential")
            && category.contains("4.33")
            && category.contains("4.50"),
        "{category}"
    );
    assert!(
        category.contains("none"),
        "4-c has no consensus: {category}"
    );
    insta::assert_snapshot!("results_region_with_consensus", region);
    insta::assert_snapshot!("results_category_with_consensus", category);
}

#[test]
fn results_in_japanese_put_no_consensus_in_words() {
    let s = Session::japanese();
    s.agree("tech-env", "t29", &[("fukuoka", "4-a", 4.5, "合意。")]);
    let (region, category) = fukuoka_category_4(&s);
    assert!(region.contains("合意評点なし:1-a、1-b"), "{region}");
    insta::assert_snapshot!("results_japanese_region_with_consensus", region);
    insta::assert_snapshot!("results_japanese_category_with_consensus", category);
}
