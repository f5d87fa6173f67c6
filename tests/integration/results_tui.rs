//! The chair's results TUI on the sample review: snapshots of every screen
//! at 80×24 (and one larger), without color, in UTF-8 and in ASCII, and the
//! behaviour behind them (drill-down, drafts, reading again). The same
//! screens in Japanese over the Japanese sample, each checked for alignment.

use crate::common::{assert_aligned, japanese_sample_dir, sample_dir};
use panelist::merge::Status;
use panelist::report::ResultsFile;
use panelist::tui::results::marks::Absent;
use panelist::tui::results::{
    self as results, App, Data, Effect, Loader, Msg, ResultsScreen, View, screens,
};
use panelist::tui::shell::Screen;
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// `NO_COLOR` in a UTF-8 terminal: everything must read without color.
const PLAIN: Theme = Theme {
    color: false,
    unicode: true,
};
const ASCII: Theme = Theme {
    color: false,
    unicode: false,
};

/// The sample's results, read and merged, with the analysis the shell
/// makes when they are first shown, once for all tests.
fn data() -> Data {
    static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
    DATA.get_or_init(|| analysed(Data::load(&sample_dir()).expect("the sample review loads")))
        .clone()
}

/// `data` with its results (drafts left out) analysed.
fn analysed(mut data: Data) -> Data {
    data.submitted.analysis = Some(panelist::tui::results::data::analysed(
        &data.review,
        &data.submitted,
    ));
    data
}

fn app(theme: Theme) -> App {
    App::new(data(), theme)
}

/// Keys by name: `down`, `enter`, `esc`, `left`, `right`, `tab`, or one
/// character.
fn press(app: &mut App, keys: &[&str]) {
    for key in keys {
        let code = match *key {
            "down" => KeyCode::Down,
            "up" => KeyCode::Up,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "tab" => KeyCode::Tab,
            "pgdn" => KeyCode::PageDown,
            one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap_or(' ')),
            other => panic!("unknown key {other}"),
        };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        // The analysis the app asks for, as the shell would carry it out.
        while app.effect() == Some(Effect::Analyse) {
            let analysed = results::analyse(app);
            app.update(analysed);
        }
    }
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| screens::render(app, frame))
        .expect("draw");
    terminal
}

fn screen(app: &App) -> String {
    draw(app, 80, 24).backend().to_string()
}

#[test]
fn snapshot_ranking() {
    let app = app(PLAIN);
    insta::assert_snapshot!("ranking", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_ranking_ascii() {
    let mut app = app(ASCII);
    press(&mut app, &["down", "down", "down", "down"]);
    insta::assert_snapshot!("ranking_ascii", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_ranking_large_window() {
    let app = app(PLAIN);
    insta::assert_snapshot!("ranking_100x30", draw(&app, 100, 30).backend());
}

#[test]
fn snapshot_region_categories() {
    let mut app = app(PLAIN);
    press(&mut app, &["down", "down", "down", "down", "enter"]);
    assert_eq!(app.view(), View::Region);
    insta::assert_snapshot!("region", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_category_criteria_with_a_disagreement() {
    let mut app = app(PLAIN);
    press(
        &mut app,
        &[
            "down", "down", "down", "down", "enter", "down", "down", "enter",
        ],
    );
    assert_eq!(app.view(), View::Category);
    insta::assert_snapshot!("category", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_marks_of_a_disagreement() {
    let mut app = app(PLAIN);
    press(
        &mut app,
        &[
            "down", "down", "down", "down", "enter", "down", "down", "enter", "down", "enter",
        ],
    );
    assert_eq!(app.view(), View::Marks);
    insta::assert_snapshot!("marks", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_marks_large_window_shows_the_conflicted_member() {
    let mut app = app(PLAIN);
    // Nagano, category 1, criterion 1-a: kobayashi has a conflict on nagano.
    press(&mut app, &["down", "enter", "enter", "enter"]);
    let terminal = draw(&app, 100, 30);
    let text = terminal.backend().to_string();
    assert!(text.contains("conflict of interest"), "{text}");
    insta::assert_snapshot!("marks_100x30", terminal.backend());
}

#[test]
fn snapshot_criterion_across_regions() {
    let mut app = app(ASCII);
    press(&mut app, &["c", "right"]);
    assert_eq!(app.view(), View::Across);
    insta::assert_snapshot!("across_ascii", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_drafts_included() {
    let mut app = app(PLAIN);
    press(&mut app, &["d"]);
    insta::assert_snapshot!("drafts_included", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_help() {
    let mut app = app(PLAIN);
    press(&mut app, &["?"]);
    insta::assert_snapshot!("help", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_window_too_small() {
    let app = app(PLAIN);
    insta::assert_snapshot!("too_small", draw(&app, 50, 12).backend());
}

#[test]
fn the_cutoff_falls_after_the_sixth_region_with_its_margin() {
    let text = screen(&app(PLAIN));
    let lines: Vec<&str> = text.lines().collect();
    let rule = lines
        .iter()
        .position(|l| l.contains("cutoff: 6 places"))
        .expect("a cutoff rule");
    assert!(lines[rule].contains("margin 4.81"), "{}", lines[rule]);
    assert!(lines[rule - 1].contains("Sapporo"), "{text}");
    assert!(lines[rule + 1].contains("Hiroshima"), "{text}");
}

#[test]
fn the_selection_reads_without_color() {
    let mut app = app(PLAIN);
    press(&mut app, &["down"]);
    let text = screen(&app);
    let caret: Vec<&str> = text.lines().filter(|l| l.contains('▶')).collect();
    assert_eq!(caret.len(), 1, "{text}");
    assert!(caret[0].contains("Nagano"), "{text}");
}

#[test]
fn drafts_toggle_changes_the_totals_and_back() {
    let mut app = app(PLAIN);
    let total = |app: &App| {
        app.results()
            .regions
            .iter()
            .find(|r| r.region == "fukuoka")
            .map(|r| r.total)
            .unwrap_or_default()
    };
    let submitted = total(&app);
    press(&mut app, &["d"]);
    assert!(app.include_drafts);
    assert_ne!(total(&app), submitted, "t33's draft marks fukuoka");
    assert!(screen(&app).contains("DRAFTS INCLUDED"));
    press(&mut app, &["d"]);
    assert_eq!(total(&app), submitted);
    assert!(!screen(&app).contains("DRAFTS INCLUDED"));
}

#[test]
fn drill_down_and_back_keeps_the_selection() {
    let mut app = app(PLAIN);
    press(
        &mut app,
        &["down", "down", "enter", "down", "enter", "down", "enter"],
    );
    assert_eq!(app.view(), View::Marks);
    assert_eq!(app.cursor.criterion, 3, "2-b: category 2, second criterion");
    press(&mut app, &["tab"]);
    assert_eq!(
        app.data.review.regions[app.cursor.region].id, "sendai",
        "Tab goes to the next region in rank order"
    );
    press(&mut app, &["esc", "esc"]);
    assert_eq!(app.view(), View::Region);
    assert_eq!(app.cursor.category, 1);
    press(&mut app, &["esc", "esc"]);
    assert_eq!(app.view(), View::Ranking, "Esc stops at the ranking");
    assert!(screen(&app).contains("▶   4 Sendai"));
    press(&mut app, &["q"]);
    assert!(app.quit);
}

#[test]
fn the_marks_view_lists_who_did_not_count_and_why() {
    let mut app = app(PLAIN);
    let hamamatsu = app
        .data
        .review
        .regions
        .iter()
        .position(|r| r.id == "hamamatsu")
        .expect("hamamatsu");
    let rows = app.mark_rows(hamamatsu, 0);
    assert_eq!(rows.len(), 12, "the committee's 12 members");
    let ishikawa = rows.iter().find(|r| r.reviewer == "ishikawa").expect("row");
    assert_eq!(ishikawa.points, None);
    assert_eq!(ishikawa.absent, Some(Absent::Conflict));
    // Highest first; the marks are those merge counted.
    let counted: Vec<f64> = rows.iter().filter_map(|r| r.points).collect();
    assert!(counted.windows(2).all(|w| w[0] >= w[1]), "{counted:?}");
    // t33's draft does not count until drafts are included.
    let fukuoka = app
        .data
        .review
        .regions
        .iter()
        .position(|r| r.id == "fukuoka")
        .expect("fukuoka");
    let four_a = app
        .criteria()
        .iter()
        .position(|(_, c)| c.id == "4-a")
        .expect("4-a");
    let t33 = |app: &App| {
        app.mark_rows(fukuoka, four_a)
            .into_iter()
            .find(|r| r.reviewer == "t33")
            .expect("t33 is on tech-env")
    };
    assert_eq!(t33(&app).absent, Some(Absent::Draft));
    press(&mut app, &["d"]);
    assert!(t33(&app).points.is_some(), "counted with drafts");
}

#[test]
fn statuses_and_flags_are_words_not_colors() {
    let text = screen(&app(ASCII));
    for word in ["Selected", "Not selected", "Below 50", "! 3-b", "! 4-d"] {
        assert!(text.contains(word), "{word} missing:\n{text}");
    }
    let app = app(PLAIN);
    let below: Vec<_> = app
        .results()
        .regions
        .iter()
        .filter(|r| r.status == Status::BelowThreshold)
        .collect();
    assert_eq!(below.len(), 1);
}

struct Failing;

impl Loader for Failing {
    fn load(&mut self) -> Result<Data, String> {
        Err("scores/committee.ron:3:5: broken".into())
    }
}

struct Fresh(Option<Data>);

impl Loader for Fresh {
    fn load(&mut self) -> Result<Data, String> {
        self.0.take().ok_or_else(|| "nothing".to_string())
    }
}

#[test]
fn reading_again_keeps_the_last_results_when_the_files_are_broken() {
    let mut screen = ResultsScreen::new(app(PLAIN), Failing);
    press(&mut screen.app, &["down", "r"]);
    assert!(screen.settle(true), "reading again redraws");
    assert!(!screen.settle(true), "once");
    let message = screen.app.message.clone().unwrap_or_default();
    assert!(
        message.contains("still showing the last results"),
        "{message}"
    );
    assert!(message.contains("scores/committee.ron:3:5"), "{message}");
    assert_eq!(screen.app.results().regions.len(), 9);
    assert_eq!(
        screen.app.data.review.regions[screen.app.cursor.region].id, "nagano",
        "the selection stays"
    );
}

#[test]
fn reading_again_takes_new_data() {
    let mut fresh = data();
    fresh.submitted.results.regions.truncate(3);
    let mut screen = ResultsScreen::new(app(PLAIN), Fresh(Some(fresh)));
    press(&mut screen.app, &["r"]);
    screen.settle(false);
    assert_eq!(screen.app.results().regions.len(), 3);
}

// ---- How solid is the selection ----

#[test]
fn snapshot_how_solid() {
    let mut app = app(PLAIN);
    press(&mut app, &["a", "down", "down", "down", "down", "down"]);
    assert_eq!(app.view(), View::Solidity);
    insta::assert_snapshot!("solidity", draw(&app, 80, 24).backend());
}

#[test]
fn snapshot_how_solid_large_window_ascii() {
    let mut app = app(ASCII);
    press(&mut app, &["a"]);
    let terminal = draw(&app, 100, 30);
    assert!(terminal.backend().to_string().is_ascii());
    insta::assert_snapshot!("solidity_100x30_ascii", terminal.backend());
}

#[test]
fn snapshot_harsh_and_lenient_reviewers() {
    let mut app = app(PLAIN);
    press(&mut app, &["a", "o"]);
    assert_eq!(app.view(), View::Offsets);
    insta::assert_snapshot!("offsets", draw(&app, 80, 24).backend());
}

#[test]
fn how_solid_moves_opens_regions_and_reviewers_and_goes_back() {
    let mut app = app(PLAIN);
    press(&mut app, &["down", "a"]);
    assert_eq!(app.view(), View::Solidity);
    let text = screen(&app);
    assert!(text.contains("How solid is the selection?"), "{text}");
    assert!(text.contains("cutoff: 6 places"), "{text}");
    assert!(
        text.contains("a how solid") || text.contains("o reviewers"),
        "{text}"
    );
    // The selection is kept from the ranking: Nagano; ↑↓ move it in rank order.
    assert!(text.contains("▶   2 Nagano"), "{text}");
    press(&mut app, &["down", "down", "up"]);
    assert_eq!(app.data.review.regions[app.cursor.region].id, "kansai");
    // Enter opens its breakdown; Esc comes back here.
    press(&mut app, &["enter"]);
    assert_eq!(app.view(), View::Region);
    press(&mut app, &["esc"]);
    assert_eq!(app.view(), View::Solidity);
    // o: the reviewers, harshest first; ↓ moves; o again: the regions.
    press(&mut app, &["o"]);
    assert_eq!(app.view(), View::Offsets);
    let text = screen(&app);
    assert!(text.contains("Harsh and lenient reviewers"), "{text}");
    assert!(text.contains("harsh"), "{text}");
    let offsets = app.offsets();
    let first = offsets.first().and_then(|r| r.offset).unwrap_or_default();
    assert!(
        offsets
            .iter()
            .filter(|r| r.group == offsets[0].group)
            .all(|r| r.offset.unwrap_or(0.0) >= first),
        "the harshest of the first group first"
    );
    press(&mut app, &["down", "down"]);
    assert_eq!(app.cursor.reviewer, 2);
    press(&mut app, &["o"]);
    assert_eq!(app.view(), View::Solidity);
    // Esc from either goes back where `a` was pressed.
    press(&mut app, &["o", "esc"]);
    assert_eq!(app.view(), View::Ranking);
    press(&mut app, &["esc"]);
    assert_eq!(app.view(), View::Ranking, "Esc stops at the ranking");
    // o from the ranking goes straight to the reviewers.
    press(&mut app, &["o"]);
    assert_eq!(app.view(), View::Offsets);
    press(&mut app, &["esc"]);
    assert_eq!(app.view(), View::Ranking);
}

#[test]
fn how_solid_follows_the_drafts_toggle() {
    let mut app = app(PLAIN);
    press(&mut app, &["a"]);
    let submitted = app.analysis().cloned();
    press(&mut app, &["d"]);
    assert_eq!(app.view(), View::Solidity);
    assert_ne!(app.analysis().cloned(), submitted, "t33's draft counts now");
    assert!(screen(&app).contains("DRAFTS INCLUDED"));
}

/// The screen's text as one line, for sentences wrapped inside a frame.
fn flat(screen: &str) -> String {
    let text = screen.replace(['│', '"'], " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn snapshot_results_without_analysis_say_so_on_a() {
    let mut data = data();
    data.submitted.analysis = None;
    let mut app = App::new(data, PLAIN);
    // An analysis that came back without one.
    app.update(Msg::Analysed {
        drafts: false,
        analysis: Box::new(None),
    });
    press(&mut app, &["a"]);
    assert_eq!(app.view(), View::Solidity);
    let text = flat(&screen(&app));
    assert!(text.contains("was not analysed"), "{text}");
    assert!(text.contains("`panelist merge` computes it"), "{text}");
    insta::assert_snapshot!("solidity_not_analysed", draw(&app, 80, 24).backend());
    // The reviewers say the same, and Esc goes back to a working ranking.
    press(&mut app, &["o"]);
    assert!(screen(&app).contains("was not analysed"));
    press(&mut app, &["esc"]);
    assert_eq!(app.view(), View::Ranking);
    assert!(screen(&app).contains("Fukuoka"));
}

#[test]
fn a_review_of_any_size_is_analysed_as_merge_does() {
    let mut data = data();
    data.submitted.analysis = None;
    // As if every region had many more marks than were once analysed by
    // default (100,000 in all).
    for region in &mut data.submitted.results.regions {
        region.marks = 20_000;
    }
    let app = App::new(data, PLAIN);
    assert_eq!(app.effect(), Some(Effect::Analyse));
}

/// A knife edge: alpha is in only thanks to r1, who marks it far above the
/// two others.
fn knife_edge() -> Data {
    use crate::common::{ReviewBuilder, merged, scored, sheet};
    let review = ReviewBuilder::new()
        .category("A", &[("x", 10.0, 1.0)])
        .regions(&["alpha", "beta", "gamma"])
        .reviewers(&["r1", "r2", "r3"])
        .panel("board", &["r1", "r2", "r3"], &["x"], None)
        .select(1)
        .build();
    let marks = |a: f64, b: f64, g: f64| {
        sheet()
            .mark("alpha", "x", a)
            .mark("beta", "x", b)
            .mark("gamma", "x", g)
    };
    let sheets = vec![
        scored("board", "r1", marks(9.0, 5.0, 1.0)),
        scored("board", "r2", marks(5.0, 6.0, 2.0)),
        scored("board", "r3", marks(5.0, 6.0, 1.0)),
    ];
    let results = merged(&review, &sheets);
    analysed_data(review, results)
}

/// The screen's data over `results`, analysed, drafts alike.
fn analysed_data(review: panelist::model::Review, results: panelist::merge::Results) -> Data {
    let analysis = Some(panelist::analysis::analyse(
        &review,
        &results,
        panelist::analysis::Settings::default(),
    ));
    let results = ResultsFile {
        results,
        analysis,
        lottery: None,
    };
    Data::merged(review, results.clone(), results)
}

#[test]
fn a_fragile_region_says_so_and_names_the_reviewer_it_hangs_on() {
    let mut app = App::new(knife_edge(), PLAIN);
    press(&mut app, &["a"]);
    let text = screen(&app);
    assert!(text.contains("FRAGILE"), "{text}");
    assert!(
        text.contains("Without r1 (Reviewer r1): Beta would be selected instead of Alpha."),
        "{text}"
    );
    insta::assert_snapshot!("solidity_knife_edge", draw(&app, 80, 24).backend());
    // Three reviewers sharing 1 cell each are too few to calibrate: each
    // row says why, and r1's own lines say what their marks decide.
    press(&mut app, &["o"]);
    insta::assert_snapshot!("offsets_not_estimable", draw(&app, 80, 24).backend());
    let r1 = app
        .offsets()
        .iter()
        .position(|r| r.reviewer == "r1")
        .unwrap_or_default();
    for _ in 0..r1 {
        press(&mut app, &["down"]);
    }
    let text = screen(&app);
    assert!(
        text.contains("Without r1 (Reviewer r1): Beta would be"),
        "{text}"
    );
}

// ---- Japanese ----

/// The Japanese sample's results, read and merged once for all tests.
fn japanese_data() -> Data {
    static DATA: std::sync::OnceLock<Data> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        analysed(Data::load(&japanese_sample_dir()).expect("the Japanese sample loads"))
    })
    .clone()
}

/// The results screen in Japanese on this test's thread, after `keys`.
fn japanese(theme: Theme, keys: &[&str]) -> App {
    panelist::i18n::set_lang(panelist::i18n::Lang::Ja);
    let mut app = App::new(japanese_data(), theme);
    press(&mut app, keys);
    app
}

/// Draws and checks that every row is exactly as wide as the frame.
fn aligned(app: &App, width: u16, height: u16) -> String {
    let terminal = draw(app, width, height);
    assert_aligned(terminal.backend().buffer());
    terminal.backend().to_string()
}

#[test]
fn snapshot_japanese_ranking() {
    let app = japanese(PLAIN, &[]);
    insta::assert_snapshot!("japanese_ranking", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_ranking_100x30() {
    let app = japanese(PLAIN, &["down", "down", "down", "down"]);
    insta::assert_snapshot!("japanese_ranking_100x30", aligned(&app, 100, 30));
}

#[test]
fn snapshot_japanese_region() {
    let app = japanese(PLAIN, &["down", "down", "down", "down", "enter"]);
    assert_eq!(app.view(), View::Region);
    insta::assert_snapshot!("japanese_region", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_category() {
    let keys = [
        "down", "down", "down", "down", "enter", "down", "down", "enter",
    ];
    let app = japanese(PLAIN, &keys);
    assert_eq!(app.view(), View::Category);
    insta::assert_snapshot!("japanese_category", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_marks() {
    let keys = [
        "down", "down", "down", "down", "enter", "down", "down", "enter", "down", "enter",
    ];
    let app = japanese(PLAIN, &keys);
    assert_eq!(app.view(), View::Marks);
    insta::assert_snapshot!("japanese_marks", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_marks_with_a_conflict_100x30() {
    let app = japanese(PLAIN, &["down", "enter", "enter", "enter"]);
    let screen = aligned(&app, 100, 30);
    assert!(screen.contains("利害関係あり"), "{screen}");
    insta::assert_snapshot!("japanese_marks_100x30", screen);
}

#[test]
fn snapshot_japanese_across() {
    let app = japanese(PLAIN, &["c", "right"]);
    assert_eq!(app.view(), View::Across);
    insta::assert_snapshot!("japanese_across", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_drafts_included() {
    let app = japanese(PLAIN, &["d"]);
    insta::assert_snapshot!("japanese_drafts_included", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_help() {
    let app = japanese(PLAIN, &["?"]);
    insta::assert_snapshot!("japanese_help", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_how_solid() {
    let app = japanese(PLAIN, &["a", "down", "down", "down", "down", "down"]);
    assert_eq!(app.view(), View::Solidity);
    insta::assert_snapshot!("japanese_solidity", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_offsets() {
    let app = japanese(PLAIN, &["a", "o"]);
    assert_eq!(app.view(), View::Offsets);
    insta::assert_snapshot!("japanese_offsets", aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_window_too_small() {
    let app = japanese(PLAIN, &[]);
    insta::assert_snapshot!("japanese_too_small", aligned(&app, 50, 12));
}

/// Every screen, in both themes and at the smallest and a wide window,
/// lines up; the words are Japanese and the numbers those of the English
/// sample.
#[test]
fn every_japanese_screen_lines_up_at_every_size() {
    let screens: [&[&str]; 11] = [
        &[],
        &["enter"],
        &["enter", "enter"],
        &["enter", "enter", "enter"],
        &["c"],
        &["c", "enter"],
        &["?"],
        &["d"],
        &["r"],
        &["a", "down", "down", "down", "down", "down", "down"],
        &["a", "o", "down"],
    ];
    for theme in [PLAIN, ASCII] {
        for keys in screens {
            for (w, h) in [(80, 24), (60, 18), (61, 19), (100, 30), (200, 60)] {
                let app = japanese(theme, keys);
                let terminal = draw(&app, w, h);
                assert_aligned(terminal.backend().buffer());
            }
        }
    }
    let screen = aligned(&japanese(PLAIN, &[]), 80, 24);
    for words in [
        "審査結果",
        "選定",
        "不選定",
        "合計",
        "76.92",
        "選定の境目",
        "差 4.81",
    ] {
        assert!(screen.contains(words), "{words}:\n{screen}");
    }
}

#[test]
fn japanese_data_on_an_ascii_terminal_is_question_marks_in_english_and_said_once() {
    // What `panelist results` does on a terminal without UTF-8: English.
    panelist::i18n::set_lang(panelist::i18n::Lang::En);
    let app = App::new(japanese_data(), ASCII);
    let screen = aligned(&app, 80, 24);
    assert!(screen.is_ascii(), "{screen}");
    assert!(
        screen.contains("Japanese text needs a UTF-8 terminal"),
        "{screen}"
    );
    assert!(screen.contains("Selected"), "{screen}");
    assert!(screen.contains("76.92"), "{screen}");
    let mut app = app;
    press(&mut app, &["down"]);
    assert!(
        !screen_of(&app).contains("UTF-8 terminal"),
        "said once, then the next key clears it"
    );
    // On a UTF-8 terminal the data are shown as they are, without the note.
    let app = App::new(japanese_data(), PLAIN);
    assert_eq!(app.message, None);
}

fn screen_of(app: &App) -> String {
    draw(app, 80, 24).backend().to_string()
}

#[test]
fn showing_drafts_asks_the_shell_to_analyse_and_update_does_not() {
    let mut app = app(PLAIN);
    assert_eq!(app.effect(), None, "the loaded results are analysed");
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('d'),
        KeyModifiers::NONE,
    )));
    assert_eq!(app.effect(), Some(Effect::Analyse));
    assert!(app.analysis().is_none(), "not analysed inside update");
    let analysed = results::analyse(&app);
    app.update(analysed);
    assert_eq!(app.effect(), None);
    assert!(app.analysis().is_some());
}

#[test]
fn a_page_is_as_long_as_the_window_allows() {
    let mut app = app(PLAIN);
    app.update(Msg::Resized(80, 16));
    press(&mut app, &["pgdn"]);
    let region = &app.data.review.regions[app.cursor.region];
    assert_eq!(region.id, "hamamatsu", "four rows down, at rank 5");
    app.update(Msg::Resized(80, 40));
    press(&mut app, &["pgdn"]);
    let region = &app.data.review.regions[app.cursor.region];
    assert_eq!(region.id, "nagoya", "to the last");
}

#[test]
fn the_ascii_help_keeps_a_space_after_the_longest_key() {
    let mut app = app(ASCII);
    press(&mut app, &["?"]);
    let text = screen(&app);
    assert!(text.contains("Left/Right criterion"), "{text}");
}

// ---- the results first, their analysis after ----

#[test]
fn reading_the_files_does_not_analyse_them() {
    let data = Data::load(&sample_dir()).expect("the sample review loads");
    assert!(data.submitted.analysis.is_none());
    assert!(
        data.with_drafts
            .as_ref()
            .expect("merged on reading")
            .analysis
            .is_none()
    );
    let app = App::new(data, PLAIN);
    assert_eq!(app.effect(), Some(Effect::Analyse), "the shell is asked to");
}

#[test]
fn the_ranking_is_drawn_before_the_analysis_which_comes_after() {
    let loaded = Data::load(&sample_dir()).expect("the sample review loads");
    let mut screen = ResultsScreen::new(App::new(loaded, PLAIN), Failing);
    // What the shell does before its first frame.
    assert!(screen.settle(false), "the analysis started");
    assert_eq!(
        screen.app.run(),
        panelist::tui::results::AnalysisRun::Running
    );
    let first = screen_of(&screen.app);
    assert!(first.contains("Fukuoka"), "the ranking: {first}");
    assert!(
        first.contains("How solid: being analysed..."),
        "it says the analysis is coming: {first}"
    );
    // The shell comes back every tick; the analysis arrives, as the one
    // made here and now.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while screen.app.analysis().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        screen.settle(true);
    }
    assert_eq!(
        screen.app.run(),
        panelist::tui::results::AnalysisRun::Finished
    );
    assert_eq!(screen.app.analysis(), data().submitted.analysis.as_ref());
    assert_eq!(screen.app.effect(), None, "analysed once");
    assert!(!screen_of(&screen.app).contains("being analysed"));
}

fn data_without_analysis() -> Data {
    let mut data = data();
    data.submitted.analysis = None;
    data
}

#[test]
fn snapshot_how_solid_while_it_is_analysed() {
    let mut app = App::new(data_without_analysis(), PLAIN);
    app.update(Msg::AnalysisStarted { drafts: false });
    press(&mut app, &["a"]);
    let text = flat(&screen_of(&app));
    assert!(
        text.contains("How solid the selection is: being analysed."),
        "{text}"
    );
    insta::assert_snapshot!("solidity_analysing", draw(&app, 80, 24).backend());
}

/// Sixty regions, twenty places: longer than a window of 24 lines.
fn sixty() -> Data {
    use crate::common::{ReviewBuilder, merged, scored, sheet};
    let ids: Vec<String> = (0..60).map(|i| format!("reg{i:02}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let review = ReviewBuilder::new()
        .category("A", &[("x", 100.0, 1.0)])
        .regions(&ids)
        .reviewers(&["r1", "r2"])
        .panel("board", &["r1", "r2"], &["x"], None)
        .select(20)
        .build();
    let (mut p, mut q) = (sheet(), sheet());
    for (i, id) in ids.iter().enumerate() {
        // Scattered totals, so that rank order is not review order.
        let mark = ((i * 37) % 60) as f64 + 20.0;
        p = p.mark(id, "x", mark);
        q = q.mark(id, "x", mark + 1.0);
    }
    let results = merged(
        &review,
        &[scored("board", "r1", p), scored("board", "r2", q)],
    );
    analysed_data(review, results)
}

/// The lists of every region draw only the rows that show: scrolling down
/// sixty regions and back, on the ranking, one criterion across regions
/// and the analysis, the caret is always on screen, on the selected
/// region's row, and the rows shown are in rank order without a gap.
#[test]
fn scrolling_a_long_list_keeps_the_selected_region_on_its_row() {
    for view in [None, Some("c"), Some("a")] {
        let mut app = App::new(sixty(), PLAIN);
        press(&mut app, view.as_slice());
        let mut seen = std::collections::BTreeSet::new();
        for key in std::iter::repeat_n("down", 70).chain(std::iter::repeat_n("up", 70)) {
            press(&mut app, &[key]);
            let text = screen(&app);
            let selected = app.region_result(app.cursor.region).expect("a region");
            let carets: Vec<&str> = text.lines().filter(|l| l.contains('▶')).collect();
            assert_eq!(carets.len(), 1, "{view:?}: one caret\n{text}");
            assert!(carets[0].contains(&selected.name), "{view:?}\n{text}");
            // The regions shown, by their rank: consecutive.
            let ranks: Vec<u32> = (app.results().regions.iter())
                .filter(|r| text.contains(&format!(" {} ", r.name)))
                .map(|r| r.rank)
                .collect();
            let (first, last) = (ranks.iter().min(), ranks.iter().max());
            let (Some(first), Some(last)) = (first, last) else {
                panic!("{view:?}: no region shown\n{text}");
            };
            assert_eq!(ranks.len() as u32, last - first + 1, "{view:?}\n{text}");
            seen.insert(selected.region.clone());
        }
        assert_eq!(seen.len(), 60, "{view:?}: every region was reached");
    }
}
