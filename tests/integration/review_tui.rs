//! The reviewer's TUI: key sequences through the real event loop, a
//! TestBackend and the real store, checked on screen and on disk.

use crate::common;

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::common::Sample;
use panelist::model::{Change, Sheet};
use panelist::store::{self, LoadedReview};
use panelist::tui::review::{App, FileStore, ReviewScreen, Store};
use panelist::tui::shell::{self, Events, Exit};
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub(crate) const UNICODE: Theme = Theme {
    color: true,
    unicode: true,
};

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

/// Keys as a reviewer types them: `"4.5\n"` types 4, ., 5 and Enter; named
/// keys go in angle brackets: `<up>`, `<tab>`, `<esc>`, `<c-c>`.
pub(crate) fn keys(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let (code, modifiers) = match name {
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "backtab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "c-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
                other => panic!("unknown key <{other}>"),
            };
            events.push(Event::Key(KeyEvent::new(code, modifiers)));
            rest = &rest[end + 1..];
            continue;
        }
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        events.push(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        rest = &rest[c.len_utf8()..];
    }
    events
}

struct Session {
    sample: Sample,
    review: LoadedReview,
}

impl Session {
    fn new() -> Session {
        Session::of(Sample::new())
    }

    /// The Japanese sample, with the interface in Japanese on this thread.
    fn japanese() -> Session {
        panelist::i18n::set_lang(panelist::i18n::Lang::Ja);
        Session::of(Sample::of("kci-2007-ja"))
    }

    fn of(sample: Sample) -> Session {
        let review = store::load_review(&sample.path()).expect("the sample review loads");
        Session { sample, review }
    }

    fn sheet(&self, panel: &str, reviewer: &str) -> Option<Sheet> {
        store::read_sheet(&self.review, panel, reviewer).expect("the panel file reads")
    }

    fn app(&self, panel: &str, reviewer: &str, theme: Theme) -> App {
        let elsewhere = store::conflicts_elsewhere(&self.review, reviewer, panel);
        App::new(
            &self.review.review,
            panel,
            reviewer,
            self.sheet(panel, reviewer),
            &elsewhere,
            theme,
        )
    }

    fn screen(&self, panel: &str, reviewer: &str) -> ReviewScreen<FileStore<'_>> {
        let store = FileStore {
            review: &self.review,
            panel: panel.into(),
            reviewer: reviewer.into(),
        };
        ReviewScreen::new(self.app(panel, reviewer, UNICODE), store)
    }
}

/// Runs the real event loop over `input` at 80×24; returns how it ended and the screen.
fn drive<S: Store>(screen: &mut ReviewScreen<S>, input: &str) -> (Exit, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    let mut script = Script(keys(input).into());
    let stop = AtomicBool::new(false);
    let exit = shell::run(&mut terminal, screen, &mut script, &stop);
    terminal
        .draw(|frame| panelist::tui::review::view::render(&screen.app, frame))
        .expect("draw");
    (exit, terminal.backend().to_string())
}

fn points(sheet: &Sheet, region: &str, criterion: &str) -> Option<f64> {
    sheet.mark(region, criterion).map(|m| m.points)
}

#[test]
fn starts_at_the_first_unscored_criterion() {
    let s = Session::new();
    let app = s.app("tech-env", "t33", UNICODE);
    let (region, criterion) = (
        app.region().expect("a region"),
        app.criterion().expect("a criterion"),
    );
    // t33's draft holds fukuoka 4-a..4-e and nagoya 4-a, 4-b.
    assert_eq!(
        (region.id.as_str(), criterion.id.as_str()),
        ("nagoya", "4-c")
    );
    assert_eq!(app.overall_progress(), (7, 10));
}

#[test]
fn a_confirmed_mark_is_on_disk_before_the_next_key() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    let before = s.sheet("tech-env", "t34");
    let (_, shown) = drive(&mut screen, "4.5\n");
    let sheet = s.sheet("tech-env", "t33").expect("t33 has a sheet");
    assert_eq!(points(&sheet, "nagoya", "4-c"), Some(4.5));
    assert!(!sheet.submitted);
    assert_eq!(
        screen.app.criterion().map(|c| c.id.as_str()),
        Some("4-d"),
        "Enter moves on"
    );
    assert!(shown.contains("All 8/10"), "{shown}");
    assert_eq!(
        s.sheet("tech-env", "t34"),
        before,
        "another reviewer's sheet is untouched"
    );
}

#[test]
fn invalid_marks_are_refused_on_the_spot_and_never_saved() {
    let s = Session::new();
    let before = std::fs::read(s.sample.panel_path("tech-env")).expect("read");
    let mut screen = s.screen("tech-env", "t33");
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
    assert_eq!(
        std::fs::read(s.sample.panel_path("tech-env")).expect("read"),
        before
    );
    assert_eq!(
        screen.app.criterion().map(|c| c.id.as_str()),
        Some("4-c"),
        "stays on the criterion"
    );
}

#[test]
fn arrows_step_by_the_criterion_step_within_range() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    drive(&mut screen, "<right><right><right>\n");
    assert_eq!(
        points(&s.sheet("tech-env", "t33").expect("sheet"), "nagoya", "4-c"),
        Some(1.0)
    );
    // Back on 4-c: left from 1 to 0.5, then left twice more stops at 0.
    drive(&mut screen, "<up><left>\n<up><left><left><left>\n");
    assert_eq!(
        points(&s.sheet("tech-env", "t33").expect("sheet"), "nagoya", "4-c"),
        Some(0.0)
    );
}

#[test]
fn navigation_moves_by_criterion_region_and_to_the_next_unscored() {
    let s = Session::new();
    let mut screen = s.screen("committee", "kobayashi");
    let at = |screen: &ReviewScreen<FileStore>| {
        (
            screen
                .app
                .region()
                .map(|r| r.id.clone())
                .unwrap_or_default(),
            screen
                .app
                .criterion()
                .map(|c| c.id.clone())
                .unwrap_or_default(),
        )
    };
    // kobayashi has everything scored: starts at the first cell.
    assert_eq!(at(&screen), ("fukuoka".into(), "1-a".into()));
    drive(&mut screen, "<down><down>");
    assert_eq!(at(&screen), ("fukuoka".into(), "2-a".into()));
    // Tab skips nagano, kobayashi's conflict in review.ron.
    drive(&mut screen, "<tab>");
    assert_eq!(at(&screen), ("kansai".into(), "2-a".into()));
    drive(&mut screen, "<backtab>");
    assert_eq!(at(&screen), ("fukuoka".into(), "2-a".into()));
}

#[test]
fn a_conflict_is_declared_saved_and_undone() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    let (_, shown) = drive(&mut screen, "c");
    assert!(
        shown.contains("Declare a conflict of interest on Nagoya?"),
        "{shown}"
    );
    assert!(
        shown.contains("Your 2 marks for it will not count."),
        "{shown}"
    );
    drive(&mut screen, "y");
    let sheet = s.sheet("tech-env", "t33").expect("sheet");
    assert_eq!(sheet.conflicts, ["nagoya"]);
    assert_eq!(
        screen.app.overall_progress(),
        (5, 5),
        "nagoya's cells are no longer due"
    );
    drive(&mut screen, "u");
    assert!(
        s.sheet("tech-env", "t33")
            .expect("sheet")
            .conflicts
            .is_empty()
    );
}

#[test]
fn a_conflicted_region_refuses_marks() {
    let s = Session::new();
    let mut screen = s.screen("committee", "ishikawa");
    // ishikawa declared a conflict on hamamatsu in the sheet; go there via the summary.
    screen.app.summary.region = 4;
    screen.app.mode = panelist::tui::review::keys::Mode::Summary;
    let (_, shown) = drive(&mut screen, "\n");
    assert_eq!(
        screen.app.region().map(|r| r.id.as_str()),
        Some("hamamatsu")
    );
    assert!(
        shown.contains("You declared a conflict of interest on this region"),
        "{shown}"
    );
    // ishikawa's sheet is submitted: reopen first, then try to score.
    let (_, shown) = drive(&mut screen, "Ry4");
    assert!(
        shown.contains("You have a conflict on this region: no marks."),
        "{shown}"
    );
    assert_eq!(screen.app.input, None);
    let sheet = s.sheet("committee", "ishikawa").expect("sheet");
    assert!(!sheet.submitted, "reopened");
    assert_eq!(
        points(&sheet, "hamamatsu", "1-a"),
        Some(4.0),
        "the old mark stays in the sheet"
    );
}

#[test]
fn a_note_is_saved_with_its_mark_and_a_discarded_edit_is_not() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    drive(&mut screen, "n");
    assert!(
        screen
            .app
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("Score this criterion first"))
    );
    drive(&mut screen, "3\n<up>nStrong team\n日本語も<esc>");
    let sheet = s.sheet("tech-env", "t33").expect("sheet");
    let mark = sheet.mark("nagoya", "4-c").expect("a mark");
    assert_eq!(
        (mark.points, mark.note.as_str()),
        (3.0, "Strong team\n日本語も")
    );
    drive(&mut screen, "nchanged<c-c>");
    let sheet = s.sheet("tech-env", "t33").expect("sheet");
    assert_eq!(
        sheet.mark("nagoya", "4-c").map(|m| m.note.as_str()),
        Some("Strong team\n日本語も")
    );
}

#[test]
fn submit_lists_what_is_due_then_makes_the_sheet_read_only_until_reopened() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    let (_, shown) = drive(&mut screen, "S");
    assert!(shown.contains("Still unscored: 3 marks"), "{shown}");
    assert!(shown.contains("Nagoya: 4-c, 4-d, 4-e"), "{shown}");
    drive(&mut screen, "y");
    assert!(s.sheet("tech-env", "t33").expect("sheet").submitted);
    let (_, shown) = drive(&mut screen, "4");
    assert!(
        shown.contains("Your sheet is submitted and read-only."),
        "{shown}"
    );
    drive(&mut screen, "\n");
    assert_eq!(
        points(&s.sheet("tech-env", "t33").expect("sheet"), "nagoya", "4-c"),
        None
    );
    drive(&mut screen, "Ry");
    assert!(
        !s.sheet("tech-env", "t33").expect("sheet").submitted,
        "reopened as a draft"
    );
    assert!(
        screen
            .app
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains("draft again"))
    );
}

#[test]
fn undo_restores_the_previous_mark_on_disk() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    // 4-b of nagoya holds 3.0 with a note; change it, then undo.
    drive(&mut screen, "<up>5\n");
    assert_eq!(
        points(&s.sheet("tech-env", "t33").expect("sheet"), "nagoya", "4-b"),
        Some(5.0)
    );
    drive(&mut screen, "u");
    let sheet = s.sheet("tech-env", "t33").expect("sheet");
    let mark = sheet.mark("nagoya", "4-b").expect("mark");
    assert_eq!(mark.points, 3.0);
    assert_eq!(
        mark.note,
        "To finish after re-reading the environment annex."
    );
}

#[test]
fn quitting_with_a_typed_mark_asks_and_says_what_is_lost() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    let (exit, shown) = drive(&mut screen, "4q");
    assert_eq!(
        exit,
        Exit::TerminalGone,
        "still running when the script ended"
    );
    assert!(shown.contains("the mark 4 you typed for 4-c"), "{shown}");
    let (exit, _) = drive(&mut screen, "y");
    assert_eq!(exit, Exit::Finished);
    assert_eq!(
        points(&s.sheet("tech-env", "t33").expect("sheet"), "nagoya", "4-c"),
        None
    );
}

/// A store whose saves fail until told otherwise.
struct Flaky<'r> {
    inner: FileStore<'r>,
    failing: bool,
}

impl Store for Flaky<'_> {
    fn save(&mut self, change: &Change) -> Result<panelist::store::Saved, String> {
        if self.failing {
            Err("the disk is full".into())
        } else {
            self.inner.save(change)
        }
    }
}

#[test]
fn a_failed_save_keeps_the_mark_unsaved_and_retries_it() {
    let s = Session::new();
    let store = Flaky {
        inner: FileStore {
            review: &s.review,
            panel: "tech-env".into(),
            reviewer: "t33".into(),
        },
        failing: true,
    };
    let mut screen = ReviewScreen::new(s.app("tech-env", "t33", UNICODE), store);
    let (_, shown) = drive(&mut screen, "4\n");
    assert!(
        shown.contains("Not saved (1 change): the disk is full"),
        "{shown}"
    );
    assert_eq!(screen.app.unsaved(), 1);
    assert_eq!(
        points(&s.sheet("tech-env", "t33").expect("sheet"), "nagoya", "4-c"),
        None
    );
    let (_, shown) = drive(&mut screen, "q");
    assert!(
        shown.contains("1 change that could not be saved yet"),
        "{shown}"
    );
    screen.store.failing = false;
    drive(&mut screen, "n");
    assert_eq!(screen.app.unsaved(), 0);
    assert_eq!(
        points(&s.sheet("tech-env", "t33").expect("sheet"), "nagoya", "4-c"),
        Some(4.0)
    );
}

// ---- snapshots of every screen ----

pub(crate) fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| panelist::tui::review::view::render(app, frame))
        .expect("draw");
    terminal.backend().to_string()
}

/// Feeds keys to the app without saving (snapshots of the screens only).
pub(crate) fn typed(mut app: App, input: &str) -> App {
    for event in keys(input) {
        if let Event::Key(key) = event {
            app.update(panelist::tui::review::Msg::Key(key));
        }
    }
    app
}

#[test]
fn snapshot_scoring() {
    let s = Session::new();
    insta::assert_snapshot!(render(&s.app("tech-env", "t33", UNICODE), 80, 24));
}

#[test]
fn snapshot_scoring_with_a_typed_mark_and_a_note() {
    let s = Session::new();
    let app = typed(s.app("tech-env", "t33", UNICODE), "<up>4.");
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn snapshot_sheet_summary() {
    let s = Session::new();
    insta::assert_snapshot!(render(
        &typed(s.app("tech-env", "t33", UNICODE), "s"),
        80,
        24
    ));
}

#[test]
fn snapshot_summary_of_a_committee_member_with_a_conflict() {
    let s = Session::new();
    insta::assert_snapshot!(render(
        &typed(s.app("committee", "kobayashi", UNICODE), "s<down>"),
        80,
        24
    ));
}

#[test]
fn snapshot_help() {
    let s = Session::new();
    insta::assert_snapshot!(render(
        &typed(s.app("tech-env", "t33", UNICODE), "?"),
        80,
        24
    ));
}

#[test]
fn snapshot_note_editor() {
    let s = Session::new();
    insta::assert_snapshot!(render(
        &typed(s.app("tech-env", "t33", UNICODE), "<up>n"),
        80,
        24
    ));
}

#[test]
fn snapshot_submit_confirmation() {
    let s = Session::new();
    insta::assert_snapshot!(render(
        &typed(s.app("tech-env", "t33", UNICODE), "S"),
        80,
        24
    ));
}

#[test]
fn snapshot_submitted_sheet_is_read_only() {
    let s = Session::new();
    insta::assert_snapshot!(render(&s.app("committee", "suematsu", UNICODE), 80, 24));
}

#[test]
fn snapshot_ascii_without_color() {
    let s = Session::new();
    let plain = Theme {
        color: false,
        unicode: false,
    };
    insta::assert_snapshot!(render(&typed(s.app("tech-env", "t33", plain), "s"), 80, 24));
}

#[test]
fn snapshot_large_window() {
    let s = Session::new();
    insta::assert_snapshot!(render(&s.app("committee", "morita", UNICODE), 120, 40));
}

#[test]
fn snapshot_window_too_small() {
    let s = Session::new();
    insta::assert_snapshot!(render(&s.app("tech-env", "t33", UNICODE), 50, 12));
}

#[test]
fn every_frame_line_fits_the_width_at_80_and_at_the_minimum() {
    let s = Session::new();
    for (w, h) in [(80, 24), (60, 18), (61, 19), (200, 60)] {
        for input in ["", "s", "?", "<up>n", "S", "c"] {
            let screen = render(&typed(s.app("tech-env", "t33", UNICODE), input), w, h);
            for line in screen.lines() {
                let line = line.trim_start_matches('"').trim_end_matches('"');
                assert!(
                    panelist::text::width(line) <= w as usize,
                    "{w}x{h} after {input:?}: {line}"
                );
            }
        }
    }
}

#[test]
fn a_conflict_declared_on_another_panel_is_shown_and_withdrawn_only_there() {
    let dir = common::small_review();
    dir.write_panel("board", vec![("cy", common::sheet().conflict("north"))]);
    let review = store::load_review(&dir.path()).expect("load");
    let elsewhere = store::conflicts_elsewhere(&review, "cy", "experts");
    assert_eq!(elsewhere, [("north".to_string(), "board".to_string())]);
    let app = App::new(&review.review, "experts", "cy", None, &elsewhere, UNICODE);
    assert_eq!(
        app.region().map(|r| r.id.as_str()),
        Some("south"),
        "starts past the conflict"
    );
    assert_eq!(app.overall_progress(), (0, 1));
    // To north through the sheet summary, then c.
    let app = typed(app, "s<up>\nc");
    let shown = render(&app, 80, 24);
    assert!(
        shown.contains("In your sheet of panel \"board\" you declared"),
        "{shown}"
    );
    assert!(shown.contains("withdraw it there"), "{shown}");
}

/// The note being edited, as text.
fn note_text(app: &App) -> String {
    app.note
        .as_ref()
        .map(|n| n.lines().join("\n"))
        .unwrap_or_default()
}

#[test]
fn the_note_editor_moves_and_deletes_by_grapheme_and_takes_japanese() {
    let s = Session::new();
    // On 4-b of nagoya, which has a mark; clear the note first.
    let mut app = typed(s.app("tech-env", "t33", UNICODE), "<up>n");
    for _ in 0..60 {
        app.update(panelist::tui::review::Msg::Key(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    assert_eq!(note_text(&app), "");
    let app = typed(app, "日本<left>x");
    assert_eq!(note_text(&app), "日x本");
    // か + combining ゛ is one grapheme: one Left passes it, one Backspace deletes it.
    let mut app = typed(app, "<right>a");
    app.update(panelist::tui::review::Msg::Paste("か\u{3099}b".into()));
    let app = typed(app, "<left><left>Z");
    assert_eq!(note_text(&app), "日x本aZか\u{3099}b");
    let app = typed(app, "<right><bs>");
    assert_eq!(note_text(&app), "日x本aZb");
}

// ---- Japanese ----

/// Renders and checks that every row of the frame is exactly as wide as
/// the frame when drawn: double-width characters take two columns (the cell
/// after one is hidden) and none sticks out past the edge.
pub(crate) fn render_aligned(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| panelist::tui::review::view::render(app, frame))
        .expect("draw");
    crate::common::assert_aligned(terminal.backend().buffer());
    terminal.backend().to_string()
}

#[test]
fn snapshot_japanese_scoring() {
    let s = Session::japanese();
    insta::assert_snapshot!(render_aligned(&s.app("tech-env", "t33", UNICODE), 80, 24));
}

#[test]
fn snapshot_japanese_with_a_note() {
    let s = Session::japanese();
    insta::assert_snapshot!(render_aligned(
        &typed(s.app("committee", "suematsu", UNICODE), "<down>"),
        80,
        24
    ));
}

#[test]
fn snapshot_japanese_sheet_summary() {
    let s = Session::japanese();
    insta::assert_snapshot!(render_aligned(
        &typed(s.app("committee", "kobayashi", UNICODE), "s"),
        80,
        24
    ));
}

#[test]
fn snapshot_japanese_help() {
    let s = Session::japanese();
    insta::assert_snapshot!(render_aligned(
        &typed(s.app("tech-env", "t33", UNICODE), "?"),
        80,
        24
    ));
}

#[test]
fn snapshot_japanese_note_editor() {
    let s = Session::japanese();
    let app = typed(s.app("tech-env", "t33", UNICODE), "<up>n");
    let app = typed(app, "日本語のコメント");
    insta::assert_snapshot!(render_aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_submit_confirmation() {
    let s = Session::japanese();
    insta::assert_snapshot!(render_aligned(
        &typed(s.app("tech-env", "t33", UNICODE), "S"),
        80,
        24
    ));
}

#[test]
fn snapshot_japanese_conflict_confirmation() {
    let s = Session::japanese();
    insta::assert_snapshot!(render_aligned(
        &typed(s.app("tech-env", "t33", UNICODE), "c"),
        80,
        24
    ));
}

#[test]
fn japanese_data_on_an_ascii_terminal_is_question_marks_and_said_once() {
    let s = Session::japanese();
    let plain = Theme {
        color: false,
        unicode: false,
    };
    panelist::i18n::set_lang(panelist::i18n::Lang::En);
    let screen = render_aligned(&s.app("tech-env", "t33", plain), 80, 24);
    assert!(
        screen.contains("Japanese text needs a UTF-8 terminal"),
        "{screen}"
    );
    assert!(screen.is_ascii(), "{screen}");
}

/// Halfwidth katakana with sound marks (ｶﾞ, ﾊﾟ): one grapheme of two
/// columns each, on screen and in every width panelist lays out.
#[test]
fn snapshot_halfwidth_katakana_in_names_summaries_notes_and_the_sheet() {
    let text = crate::common::SMALL_REVIEW
        .replace(
            r#"Region(id: "north", name: "North")"#,
            r#"Region(id: "north", name: "名古屋ｶﾞｽ", summary: "ｶﾞｽ・ﾊﾟｲﾌﾟﾗｲﾝの拠点。ﾊﾟﾝﾌﾚｯﾄ参照。")"#,
        )
        .replace(
            r#"Region(id: "south", name: "South")"#,
            r#"Region(id: "south", name: "ﾊﾟﾝ工房ﾃﾞｻﾞｲﾝ")"#,
        );
    let dir = crate::common::ReviewDir::from_text(&text);
    let review = store::load_review(&dir.path()).expect("the review loads");
    let app = App::new(&review.review, "board", "ann", None, &[], UNICODE);
    let app = typed(app, "7\n<up>nｶﾞｽ管ﾃﾞ点検、ﾊﾟｲﾌﾟ");
    insta::assert_snapshot!("halfwidth_katakana_note", render_aligned(&app, 80, 24));
    let app = App::new(&review.review, "board", "ann", None, &[], UNICODE);
    let app = typed(app, "7\n3\n6\n");
    insta::assert_snapshot!(
        "halfwidth_katakana_sheet",
        render_aligned(&typed(app, "s"), 80, 24)
    );
}

// ---- questions fit their pop-up ----

/// The text inside the question's pop-up of a rendered screen (the pop-up
/// is centred, at most 72 columns wide, 8 narrower than the window), row by
/// row, wide characters read once.
fn popup_text(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let width = area.width.saturating_sub(8).min(72);
    let left = area.x + (area.width - width) / 2;
    // Inside the border and the block's padding of one column.
    let (from, to) = (left + 2, left + width - 2);
    let mut text = String::new();
    for y in area.top()..area.bottom() {
        let mut x = from;
        while x < to {
            let symbol = buffer[(x, y)].symbol();
            text.push_str(symbol);
            x += (panelist::text::width(symbol) as u16).max(1);
        }
    }
    text
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_reopen_question_shows_every_character_at_80_and_at_the_minimum() {
    for lang in [panelist::i18n::Lang::En, panelist::i18n::Lang::Ja] {
        panelist::i18n::set_lang(lang);
        let s = Session::new();
        // suematsu's sheet is submitted: R asks to reopen it.
        let app = typed(s.app("committee", "suematsu", UNICODE), "R");
        let asked = without_spaces(&panelist::t!("ask-reopen"));
        for (w, h) in [(80, 24), (60, 18)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
            terminal
                .draw(|frame| panelist::tui::review::view::render(&app, frame))
                .expect("draw");
            let shown = without_spaces(&popup_text(terminal.backend().buffer()));
            assert!(
                shown.contains(&asked),
                "{lang:?} at {w}x{h}: the pop-up holds {shown:?}, not all of {asked:?}"
            );
        }
    }
}

#[test]
fn snapshot_reopen_question() {
    let s = Session::new();
    let app = typed(s.app("committee", "suematsu", UNICODE), "R");
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn snapshot_reopen_question_at_the_minimum() {
    let s = Session::new();
    let app = typed(s.app("committee", "suematsu", UNICODE), "R");
    insta::assert_snapshot!(render(&app, 60, 18));
}

#[test]
fn snapshot_japanese_reopen_question() {
    let s = Session::japanese();
    let app = typed(s.app("committee", "suematsu", UNICODE), "R");
    insta::assert_snapshot!(render_aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_reopen_question_at_the_minimum() {
    let s = Session::japanese();
    let app = typed(s.app("committee", "suematsu", UNICODE), "R");
    insta::assert_snapshot!(render_aligned(&app, 60, 18));
}

// ---- quitting with a sheet that is a draft again ----

/// `screen` with the time of the last save (`12:34:56`) as `hh:mm:ss`, so
/// that a snapshot taken after a save is the same at any hour.
fn without_clock(screen: &str) -> String {
    let chars: Vec<char> = screen.chars().collect();
    let is_clock = |at: &[char]| {
        at.len() >= 8
            && at[..8].iter().enumerate().all(|(i, c)| {
                if i == 2 || i == 5 {
                    *c == ':'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if is_clock(&chars[i..]) {
            out.push_str("hh:mm:ss");
            i += 8;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn quitting_with_a_sheet_reopened_in_this_session_asks_before_leaving_it_a_draft() {
    let s = Session::new();
    let before = s.sheet("committee", "ishikawa").expect("sheet");
    assert!(before.submitted);
    let mut screen = s.screen("committee", "ishikawa");
    let (exit, shown) = drive(&mut screen, "Ryq");
    assert_eq!(exit, Exit::TerminalGone, "q asked first: still running");
    assert!(
        shown.contains("Your sheet is a draft again: its marks do not count"),
        "{shown}"
    );
    for choice in ["s submit now", "q quit and leave it a draft", "Esc stay"] {
        assert!(shown.contains(choice), "{choice}: {shown}");
    }
    // Esc stays in the session, on the scoring screen.
    let (exit, shown) = drive(&mut screen, "<esc>");
    assert_eq!(exit, Exit::TerminalGone);
    assert!(!shown.contains("its marks do not count"), "{shown}");
    // q, then q again: quits, and the sheet is left a draft with its marks.
    let (exit, _) = drive(&mut screen, "qq");
    assert_eq!(exit, Exit::Finished);
    let after = s.sheet("committee", "ishikawa").expect("sheet");
    assert!(!after.submitted, "left a draft");
    assert_eq!(after.scores, before.scores);
}

#[test]
fn submitting_on_the_way_out_saves_the_sheet_submitted_then_quits() {
    let s = Session::new();
    let before = s.sheet("committee", "ishikawa").expect("sheet");
    let mut screen = s.screen("committee", "ishikawa");
    let (exit, _) = drive(&mut screen, "Ryqs");
    assert_eq!(exit, Exit::Finished);
    let after = s.sheet("committee", "ishikawa").expect("sheet");
    assert!(after.submitted, "submitted on the way out");
    assert_eq!(after.scores, before.scores);
}

#[test]
fn a_submit_on_the_way_out_that_cannot_be_saved_does_not_quit() {
    let s = Session::new();
    let store = Flaky {
        inner: FileStore {
            review: &s.review,
            panel: "committee".into(),
            reviewer: "ishikawa".into(),
        },
        failing: false,
    };
    let mut screen = ReviewScreen::new(s.app("committee", "ishikawa", UNICODE), store);
    drive(&mut screen, "Ry");
    screen.store.failing = true;
    let (exit, shown) = drive(&mut screen, "qs");
    assert_eq!(
        exit,
        Exit::TerminalGone,
        "stays: the submission is not on disk"
    );
    assert!(
        shown.contains("Not saved (1 change): the disk is full"),
        "{shown}"
    );
    assert!(!s.sheet("committee", "ishikawa").expect("sheet").submitted);
    // Once the disk takes it, the session ends as asked.
    screen.store.failing = false;
    let (exit, _) = drive(&mut screen, "q");
    assert_eq!(exit, Exit::Finished, "the submission saved, nothing to ask");
    assert!(s.sheet("committee", "ishikawa").expect("sheet").submitted);
}

#[test]
fn a_session_that_began_with_a_draft_quits_without_asking() {
    let s = Session::new();
    let mut screen = s.screen("tech-env", "t33");
    let (exit, _) = drive(&mut screen, "q");
    assert_eq!(exit, Exit::Finished);
}

#[test]
fn a_hang_up_after_reopening_keeps_the_sheet_as_saved_a_draft_with_its_marks() {
    let s = Session::new();
    let before = s.sheet("committee", "ishikawa").expect("sheet");
    let mut screen = s.screen("committee", "ishikawa");
    // The script ends after the reopening: the connection is cut.
    let (exit, _) = drive(&mut screen, "Ry<left>\n");
    assert_eq!(exit, Exit::TerminalGone);
    let after = s.sheet("committee", "ishikawa").expect("sheet");
    assert!(!after.submitted, "a draft, as the screen said");
    assert_eq!(
        points(&after, "fukuoka", "1-a"),
        points(&before, "fukuoka", "1-a").map(|p| p - 0.5),
        "the mark confirmed before the cut is on disk"
    );
}

#[test]
fn snapshot_quit_with_a_reopened_sheet() {
    let s = Session::new();
    let mut screen = s.screen("committee", "ishikawa");
    drive(&mut screen, "Ryq");
    insta::assert_snapshot!(without_clock(&render(&screen.app, 80, 24)));
}

#[test]
fn snapshot_japanese_quit_with_a_reopened_sheet() {
    let s = Session::japanese();
    let mut screen = s.screen("committee", "ishikawa");
    drive(&mut screen, "Ryq");
    insta::assert_snapshot!(without_clock(&render_aligned(&screen.app, 80, 24)));
}
