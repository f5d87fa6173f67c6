//! The selection programme on the reviewer's side: a region the committee's
//! eligibility rule excludes is shown but owes no marks (in `status`,
//! `submit`, the panel chooser and the review screen alike), and a nested
//! rubric's criterion shows its place as a path of ids.

use panelist::i18n::{self, Lang};
use panelist::model::Index;
use panelist::progress::Progress;
use panelist::store::{self, LoadedReview};
use panelist::tui::review::parts::Question;
use panelist::tui::review::{App, Chooser};
use panelist::tui::session::Setup;
use panelist::tui::shell::Screen;
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::{ReviewDir, arg, read_panel_file, run, sheet};
use crate::review_tui::{UNICODE, render, render_aligned, typed};

const PLAIN: Theme = Theme {
    color: false,
    unicode: false,
};

/// A first stage: the rule admits a region with industry ≥ 3 or machinery
/// ≥ 1 (the seed's, in billion yen): North (industry 3.4) and East
/// (machinery 1.1) pass, South (1.2 and 0.4) does not.
const STAGE: &str = r#"Review(
    id: "stage1",
    title: "First stage",
    categories: [
        Category(id: "A", title: "Plan", criteria: [
            Criterion(id: "a1", title: "Objectives", max: 10.0, step: 0.5, guidance: "Specific, measurable objectives score high."),
            Criterion(id: "a2", title: "Feasibility", max: 5.0),
        ]),
        Category(id: "B", title: "Science", criteria: [
            Criterion(id: "b1", title: "Merit", max: 4.0),
        ]),
    ],
    regions: [
        Region(id: "north", name: "North", fields: ["IT"], summary: "A cluster in embedded software.", figures: {"industry": 3.4, "machinery": 0.2}),
        Region(id: "south", name: "South", fields: ["Bio"], summary: "A cluster in marine biology.", figures: {"industry": 1.2, "machinery": 0.4}),
        Region(id: "east", name: "East", summary: "A cluster in machine tools.", figures: {"industry": 0.5, "machinery": 1.1}),
    ],
    reviewers: [
        Reviewer(id: "ann", name: "Ann"),
        Reviewer(id: "bob", name: "Bob"),
    ],
    panels: [
        Panel(id: "board", title: "Board", members: ["ann", "bob"], criteria: ["a1", "a2"], regions: All),
        Panel(id: "experts", title: "Experts", members: ["ann"], criteria: ["b1"], regions: Only(["north", "south"])),
    ],
    committee: Committee(select: 1, eligibility: Some(Any([AtLeast("industry", 3.0), AtLeast("machinery", 1.0)]))),
)"#;

/// [`STAGE`] with its texts in Japanese (the same ids and figures).
fn stage_ja() -> String {
    [
        ("First stage", "第一段階"),
        ("\"Plan\"", "\"計画\""),
        ("\"Objectives\"", "\"目標\""),
        (
            "Specific, measurable objectives score high.",
            "具体的で測定可能な目標ほど高く評価する。",
        ),
        ("\"Feasibility\"", "\"実現可能性\""),
        ("\"Science\"", "\"科学\""),
        ("\"Merit\"", "\"優位性\""),
        ("\"North\"", "\"北地域\""),
        (
            "A cluster in embedded software.",
            "組込みソフトウェアのクラスター。",
        ),
        ("\"South\"", "\"南地域\""),
        ("A cluster in marine biology.", "海洋生物学のクラスター。"),
        ("\"East\"", "\"東地域\""),
        ("A cluster in machine tools.", "工作機械のクラスター。"),
        ("\"Ann\"", "\"委員 A\""),
        ("\"Bob\"", "\"委員 B\""),
        ("\"Board\"", "\"委員会\""),
        ("\"Experts\"", "\"専門部会\""),
    ]
    .iter()
    .fold(STAGE.to_string(), |text, (en, ja)| text.replace(en, ja))
}

/// A midterm rubric three levels deep: category 1 holds a criterion and
/// sub-categories 1-1 and 1-2, and 1-2 holds 1-2-1.
const NESTED: &str = r#"Review(
    id: "midterm",
    title: "Midterm review",
    categories: [
        Category(id: "1", title: "Results so far", criteria: [
            Criterion(id: "1-a", title: "Progress against the plan", max: 10.0),
        ], categories: [
            Category(id: "1-1", title: "Research", criteria: [
                Criterion(id: "1-1-a", title: "Papers", max: 5.0),
                Criterion(id: "1-1-b", title: "Patents", max: 5.0),
            ]),
            Category(id: "1-2", title: "Industry links", criteria: [
                Criterion(id: "1-2-a", title: "Joint research with firms", max: 5.0, step: 0.5, guidance: "How many firms take part, and how deep the joint work goes."),
                Criterion(id: "1-2-b", title: "Start-ups", max: 5.0),
            ], categories: [
                Category(id: "1-2-1", title: "Spin-offs", criteria: [
                    Criterion(id: "1-2-1-a", title: "Jobs created", max: 5.0),
                ]),
            ]),
        ]),
        Category(id: "2", title: "Plan", criteria: [
            Criterion(id: "2-a", title: "Plan for the remaining years", max: 10.0),
        ]),
    ],
    regions: [
        Region(id: "north", name: "North", summary: "Three years into a cluster in embedded software."),
        Region(id: "south", name: "South"),
    ],
    reviewers: [Reviewer(id: "ann", name: "Ann")],
    panels: [
        Panel(id: "board", title: "Board", members: ["ann"], criteria: ["1-a", "1-1-a", "1-1-b", "1-2-a", "1-2-b", "1-2-1-a", "2-a"], regions: All),
    ],
    committee: Committee(select: 1),
)"#;

fn nested_ja() -> String {
    [
        ("Midterm review", "中間評価"),
        ("\"Results so far\"", "\"これまでの成果\""),
        ("\"Progress against the plan\"", "\"計画に対する進捗\""),
        ("\"Research\"", "\"研究\""),
        ("\"Papers\"", "\"論文\""),
        ("\"Patents\"", "\"特許\""),
        ("\"Industry links\"", "\"産業界との連携\""),
        ("\"Joint research with firms\"", "\"企業との共同研究\""),
        (
            "How many firms take part, and how deep the joint work goes.",
            "参加企業の数と、共同研究の深さを評価する。",
        ),
        ("\"Start-ups\"", "\"起業\""),
        ("\"Spin-offs\"", "\"スピンオフ\""),
        ("\"Jobs created\"", "\"雇用創出\""),
        ("\"Plan\"", "\"計画\""),
        ("\"Plan for the remaining years\"", "\"残りの期間の計画\""),
        ("\"North\"", "\"北地域\""),
        (
            "Three years into a cluster in embedded software.",
            "組込みソフトウェアのクラスター、三年目。",
        ),
        ("\"South\"", "\"南地域\""),
        ("\"Ann\"", "\"委員 A\""),
        ("\"Board\"", "\"委員会\""),
    ]
    .iter()
    .fold(NESTED.to_string(), |text, (en, ja)| text.replace(en, ja))
}

fn load(dir: &ReviewDir) -> LoadedReview {
    store::load_review(&dir.path()).expect("the review loads")
}

/// The reviewer's screen on `panel`, from the sheet on disk.
fn app(dir: &ReviewDir, panel: &str, reviewer: &str, theme: Theme) -> App {
    let review = load(dir);
    let sheet = store::read_sheet(&review, panel, reviewer).expect("the panel file reads");
    let elsewhere = store::conflicts_elsewhere(&review, reviewer, panel);
    App::new(&review.review, panel, reviewer, sheet, &elsewhere, theme)
}

/// Ann on the board: North's a1 scored, and a mark on South, which is not
/// eligible. Bob has North's a1.
fn stage(text: &str) -> ReviewDir {
    let dir = ReviewDir::from_text(text);
    dir.write_panel(
        "board",
        vec![
            (
                "ann",
                sheet()
                    .draft()
                    .mark("north", "a1", 7.0)
                    .mark("south", "a1", 2.0),
            ),
            ("bob", sheet().draft().mark("north", "a1", 5.0)),
        ],
    );
    dir
}

fn region_id(app: &App) -> String {
    app.region().map(|r| r.id.clone()).unwrap_or_default()
}

// ---- status and submit ----

#[test]
fn status_counts_no_mark_of_an_ineligible_region_as_due_and_says_how_many_there_are() {
    let dir = stage(STAGE);
    let d = arg(&dir.path());
    let csv = run(["status", &d, "--csv"]);
    csv.assert_code(0);
    // Ann on the board owes North and East × a1, a2: 4, of which North's
    // a1 is scored (South's mark is not due, so not counted). Bob: 1 of 4.
    // Ann on the experts owes North's b1 only.
    assert!(
        csv.stdout.contains("board,ann,Ann,1,4,draft,"),
        "{}",
        csv.stdout
    );
    assert!(
        csv.stdout.contains("board,bob,Bob,1,4,draft,"),
        "{}",
        csv.stdout
    );
    assert!(
        csv.stdout.contains("experts,ann,Ann,0,1,"),
        "{}",
        csv.stdout
    );
    assert!(!csv.stdout.contains("eligible"), "the CSV is rows only");
    run(["status", &d])
        .assert_code(0)
        .assert_stdout_has(
            "1 region is not eligible under the committee's rule: their marks are not due (not counted in scored/due)",
        )
        .assert_stdout_has("total: 2/9 marks scored");
    run(["--lang", "ja", "status", &d])
        .assert_code(0)
        .assert_stdout_has("委員会の適格要件を満たさない地域が 1 地域あります。");
}

#[test]
fn status_says_nothing_of_eligibility_when_every_region_is_eligible() {
    let dir = stage(&STAGE.replace("\"industry\": 1.2", "\"industry\": 3.2"));
    let out = run(["status", &arg(&dir.path())]);
    out.assert_code(0)
        .assert_stdout_has("total: 3/14 marks scored");
    assert!(!out.stdout.contains("eligible"), "{}", out.stdout);
}

#[test]
fn submit_asks_only_for_marks_that_are_due_and_keeps_those_on_an_ineligible_region() {
    let dir = stage(STAGE);
    let d = arg(&dir.path());
    // Ann still owes North's a2 and East's a1 and a2; not South's.
    run(["submit", &d, "--reviewer", "ann", "--panel", "board"])
        .assert_code(1)
        .assert_stderr_has(
            "3 of 4 marks are still due, so the sheet was not submitted: north a2, east a1, east a2",
        );
    for (region, criterion) in [("north", "a2"), ("east", "a1"), ("east", "a2")] {
        let mark = [
            "mark",
            &d,
            "--reviewer",
            "ann",
            "--panel",
            "board",
            region,
            criterion,
            "3",
        ];
        run(mark).assert_code(0);
    }
    run(["submit", &d, "--reviewer", "ann", "--panel", "board"])
        .assert_code(0)
        .assert_stdout_has("4 of 4 marks");
    let file = read_panel_file(&dir.panel_path("board"));
    let ann = &file.sheets["ann"];
    assert!(ann.submitted);
    assert_eq!(
        ann.mark("south", "a1").map(|m| m.points),
        Some(2.0),
        "the mark on the ineligible region stays"
    );
}

// ---- the review screen ----

#[test]
fn the_screen_counts_what_progress_counts() {
    let dir = stage(STAGE);
    let review = load(&dir);
    let index = Index::new(&review.review);
    for (panel, reviewer) in [("board", "ann"), ("board", "bob"), ("experts", "ann")] {
        let sheet = store::read_sheet(&review, panel, reviewer).expect("reads");
        let p = index.panel_index(panel).expect("the panel");
        let progress = Progress::of(&index, p, reviewer, sheet.as_ref(), &[]);
        let app = app(&dir, panel, reviewer, UNICODE);
        assert_eq!(
            app.overall_progress(),
            (progress.scored, progress.due.len()),
            "{reviewer} on {panel}"
        );
        assert_eq!(progress.ineligible, ["south"], "{reviewer} on {panel}");
    }
}

#[test]
fn next_unscored_never_stops_on_an_ineligible_region_but_the_reviewer_may_open_it() {
    let dir = stage(STAGE);
    let app = app(&dir, "board", "ann", UNICODE);
    assert_eq!((region_id(&app), app.pos.criterion), ("north".into(), 1));
    let mut app = app;
    let mut visited = Vec::new();
    for _ in 0..4 {
        app = typed(app, "g");
        visited.push((region_id(&app), app.pos.criterion));
    }
    assert_eq!(
        visited,
        [
            ("east".to_string(), 0),
            ("east".to_string(), 1),
            ("north".to_string(), 1),
            ("east".to_string(), 0),
        ]
    );
    // Shift-Tab goes to the region before, South, which the reviewer may read.
    let app = typed(app, "<backtab>");
    assert_eq!(region_id(&app), "south");
    assert_eq!(app.region_progress(app.pos.region), (0, 0));
    assert!(!app.due(app.pos.region));
    // A mark there is kept but changes nothing that is due.
    let app = typed(app, "<down>4\n");
    assert_eq!(app.sheet().mark("south", "a2").map(|m| m.points), Some(4.0));
    assert_eq!(app.overall_progress(), (1, 4));
    // Submitting lists what is due: nothing of South.
    let app = typed(app, "S");
    let Some(Question::Submit { missing }) = &app.question else {
        panic!("S asks to submit");
    };
    let names: Vec<&str> = missing.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["North", "East"]);
}

#[test]
fn eligibility_is_judged_on_the_fields_as_written_even_on_an_ascii_terminal() {
    // East passes the rule only by its field 環境, which an ASCII terminal
    // shows as ??: it stays eligible there.
    let text = STAGE
        .replace(
            r#"summary: "A cluster in machine tools.""#,
            r#"fields: ["環境"], summary: "A cluster in machine tools.""#,
        )
        .replace("\"machinery\": 1.1", "\"machinery\": 0.1")
        .replace(
            r#"Any([AtLeast("industry", 3.0), AtLeast("machinery", 1.0)])"#,
            r#"Any([AtLeast("industry", 3.0), InField("環境")])"#,
        );
    let dir = stage(&text);
    for theme in [UNICODE, PLAIN] {
        let app = app(&dir, "board", "ann", theme);
        assert_eq!(app.overall_progress(), (1, 4), "{theme:?}");
        let east = app.regions.iter().find(|r| r.id == "east").expect("east");
        assert!(east.eligible, "{theme:?}");
    }
}

#[test]
fn snapshot_ineligible_region() {
    let dir = stage(STAGE);
    let app = typed(app(&dir, "board", "ann", UNICODE), "<tab>");
    assert_eq!(region_id(&app), "south");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Not eligible: marks not due."), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn snapshot_ineligible_region_in_the_sheet() {
    let dir = stage(STAGE);
    let screen = render(&typed(app(&dir, "board", "ann", UNICODE), "s"), 80, 24);
    assert!(screen.contains("not due"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn snapshot_japanese_ineligible_region() {
    i18n::set_lang(Lang::Ja);
    let dir = stage(&stage_ja());
    let app = typed(app(&dir, "board", "ann", UNICODE), "<tab>");
    assert_eq!(region_id(&app), "south");
    insta::assert_snapshot!(render_aligned(&app, 80, 24));
}

#[test]
fn snapshot_japanese_ineligible_region_in_the_sheet() {
    i18n::set_lang(Lang::Ja);
    let dir = stage(&stage_ja());
    insta::assert_snapshot!(render_aligned(
        &typed(app(&dir, "board", "ann", UNICODE), "s"),
        80,
        24
    ));
}

/// The panel chooser of a reviewer on both panels, as drawn.
fn chooser(dir: &ReviewDir, lang: Lang) -> String {
    let review = load(dir);
    let setup = Setup {
        theme: UNICODE,
        lang,
        remote: false,
    };
    let chooser = Chooser::new(&review, "ann", &setup);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal.draw(|frame| chooser.render(frame)).expect("draw");
    crate::common::assert_aligned(terminal.backend().buffer());
    terminal.backend().to_string()
}

#[test]
fn snapshot_chooser_with_ineligible_regions() {
    let dir = stage(STAGE);
    let screen = chooser(&dir, Lang::En);
    // Both panels cover South; their counts leave it out.
    assert!(screen.contains("1/4 draft"), "{screen}");
    assert!(screen.contains("0/1 not started"), "{screen}");
    assert_eq!(
        screen
            .matches("│     1 region not eligible: marks not due ")
            .count(),
        2,
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn snapshot_japanese_chooser_with_ineligible_regions() {
    i18n::set_lang(Lang::Ja);
    let dir = stage(&stage_ja());
    let screen = chooser(&dir, Lang::Ja);
    assert!(screen.contains("対象外 1 地域（採点不要）"), "{screen}");
    insta::assert_snapshot!(screen);
}

// ---- a nested rubric ----

fn nested(text: &str) -> ReviewDir {
    let dir = ReviewDir::from_text(text);
    dir.write_panel(
        "board",
        vec![("ann", sheet().draft().mark("north", "1-a", 6.0))],
    );
    dir
}

#[test]
fn snapshot_nested_criterion_header() {
    let dir = nested(NESTED);
    // From 1-1-a (the first unscored) down to 1-2-a.
    let app = typed(app(&dir, "board", "ann", UNICODE), "<down><down>");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("┌ Criterion 1 › 1-2 › 1-2-a · 4 of 7 ─"),
        "{screen}"
    );
    assert!(
        screen.contains("Sub-category 1-2: Industry links (1 of 2)"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn snapshot_japanese_nested_criterion_header() {
    i18n::set_lang(Lang::Ja);
    let dir = nested(&nested_ja());
    let app = typed(app(&dir, "board", "ann", UNICODE), "<down><down>");
    insta::assert_snapshot!(render_aligned(&app, 80, 24));
}

#[test]
fn every_level_of_a_nested_rubric_is_named_and_every_criterion_is_reached() {
    let dir = nested(NESTED);
    let app = app(&dir, "board", "ann", UNICODE);
    let ids: Vec<&str> = app.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["1-a", "1-1-a", "1-1-b", "1-2-a", "1-2-b", "1-2-1-a", "2-a"],
        "depth first"
    );
    let top = render(&typed(app, "<up>"), 80, 24);
    assert!(top.contains("Criterion 1 › 1-a · 1 of 7"), "{top}");
    assert!(top.contains("Category 1: Results so far (1 of 1)"), "{top}");
    let app = self::app(&dir, "board", "ann", UNICODE);
    let deep = render(&typed(app, "<down><down><down><down>"), 80, 24);
    assert!(
        deep.contains("Criterion 1 › 1-2 › 1-2-1 › 1-2-1-a · 6 of 7"),
        "{deep}"
    );
    assert!(
        deep.contains("Sub-sub-category 1-2-1: Spin-offs (1 of 1)"),
        "{deep}"
    );
    i18n::set_lang(Lang::Ja);
    let app = self::app(&dir, "board", "ann", UNICODE);
    let deep = render_aligned(&typed(app, "<down><down><down><down>"), 80, 24);
    assert!(deep.contains("小項目 1-2-1：Spin-offs"), "{deep}");
}

#[test]
fn on_an_ascii_terminal_the_path_is_joined_by_greater_than() {
    let dir = nested(&nested_ja());
    let app = typed(app(&dir, "board", "ann", PLAIN), "<down><down>");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("+ Criterion 1 > 1-2 > 1-2-a - 4 of 7 -"),
        "{screen}"
    );
    // The Japanese titles of the sub-categories are ? there too.
    assert!(screen.contains("Sub-category 1-2: ???????"), "{screen}");
    assert!(screen.is_ascii(), "{screen}");
}

#[test]
fn every_line_fits_at_80_and_at_the_minimum_in_both_languages() {
    for lang in [Lang::En, Lang::Ja] {
        i18n::set_lang(lang);
        let (stage, nested) = match lang {
            Lang::En => (stage(STAGE), nested(NESTED)),
            Lang::Ja => (stage(&stage_ja()), nested(&nested_ja())),
        };
        for (w, h) in [(80, 24), (60, 18)] {
            for (dir, input) in [
                (&stage, "<tab>"),
                (&stage, "s"),
                (&stage, "S"),
                (&nested, "<down><down><down><down>"),
            ] {
                // render_aligned fails on any row wider than the frame.
                let screen = render_aligned(&typed(app(dir, "board", "ann", UNICODE), input), w, h);
                assert!(!screen.contains("60x18"), "too small at {w}x{h}: {screen}");
            }
        }
    }
}
