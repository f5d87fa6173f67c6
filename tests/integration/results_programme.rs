//! The chair's results TUI over SPEC's selection programme: a labelled line
//! per tier (with a tie across a boundary), the funding line and the
//! allocations of a budget (Proportional with a reserve tier; RankOrder
//! with regions past the line), regions that are not eligible set apart
//! with the reason, and a three-level rubric's region drill-down with the
//! minimums it misses. Snapshots in English and Japanese at 80×24 and
//! 100×30, each Japanese one checked for alignment; the reviews are built
//! in code and merged by the pure merge (no analysis, so the screens show
//! what this module is about and nothing the analysis may change).

use crate::common::{ReviewBuilder, assert_aligned, merged, region, scored, sheet};
use panelist::i18n::{Lang, set_lang};
use panelist::merge::{SheetInput, Status};
use panelist::model::{Budget, BudgetRule, Category, Criterion, Review, Rule, Tier};
use panelist::report::ResultsFile;
use panelist::tui::results::{App, Data, Msg, View, screens};
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const PLAIN: Theme = Theme {
    color: false,
    unicode: true,
};
const ASCII: Theme = Theme {
    color: false,
    unicode: false,
};

/// English or Japanese: the words of the review and of the screens.
#[derive(Clone, Copy, PartialEq)]
enum In {
    En,
    Ja,
}

impl In {
    /// The words in this language: `en` or `ja`.
    fn pick<'a>(self, en: &'a str, ja: &'a str) -> &'a str {
        match self {
            In::En => en,
            In::Ja => ja,
        }
    }

    /// This thread speaks the language from now on.
    fn speak(self) {
        set_lang(match self {
            In::En => Lang::En,
            In::Ja => Lang::Ja,
        });
    }
}

/// The screen over `review` merged from `sheets`, in `lang`, after `keys`.
fn app(review: Review, sheets: &[SheetInput], lang: In, theme: Theme, keys: &[&str]) -> App {
    lang.speak();
    let results = merged(&review, sheets);
    let file = ResultsFile {
        results,
        analysis: None,
        lottery: None,
    };
    let data = Data::merged(review, file.clone(), file);
    let mut app = App::new(data, theme);
    press(&mut app, keys);
    app
}

fn press(app: &mut App, keys: &[&str]) {
    for key in keys {
        let code = match *key {
            "down" => KeyCode::Down,
            "up" => KeyCode::Up,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "right" => KeyCode::Right,
            one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap_or(' ')),
            other => panic!("unknown key {other}"),
        };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// The screen drawn at `width`×`height`, every row checked to be exactly as
/// wide as the frame.
fn drawn(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| screens::render(app, frame))
        .expect("draw");
    assert_aligned(terminal.backend().buffer());
    terminal.backend().to_string()
}

/// The rows of a drawn screen without the frame's edges and padding.
fn rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|l| {
            l.trim_matches('"')
                .trim_matches(|c| c == '│' || c == '|')
                .trim()
                .to_string()
        })
        .collect()
}

/// The text inside the frame as one line: wrapped sentences read whole.
fn flat_text(screen: &str) -> String {
    rows(screen).join(" ")
}

/// The row holding `needle`, by its position among the rows.
#[track_caller]
fn row_of(screen: &str, needle: &str) -> usize {
    rows(screen)
        .iter()
        .position(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?} in\n{screen}"))
}

// ---- the reviews ----

/// A review in a language, with its sheets.
type Scenario = fn(In) -> (Review, Vec<SheetInput>);

/// Regions with their English and Japanese names.
const REGIONS: &[(&str, &str, &str)] = &[
    ("sapporo", "Sapporo", "札幌"),
    ("sendai", "Sendai", "仙台"),
    ("kansai", "Kansai", "関西"),
    ("nagano", "Nagano", "長野"),
    ("fukuoka", "Fukuoka", "福岡"),
    ("toyama", "Toyama", "富山"),
    ("hiroshima", "Hiroshima", "広島"),
    ("kochi", "Kochi", "高知"),
    ("akita", "Akita", "秋田"),
];

/// Two categories (1: 1-a, 1-b; 2: 2-a, each out of 10) and as many of
/// [`REGIONS`] as `marks` has rows, scored by one reviewer `p` as `marks`
/// gives them, in order.
fn flat(lang: In, marks: &[[f64; 3]]) -> (Review, Vec<SheetInput>) {
    let mut builder = ReviewBuilder::new()
        .category("1", &[("1-a", 10.0, 0.5), ("1-b", 10.0, 0.5)])
        .category("2", &[("2-a", 10.0, 0.5)]);
    for (id, en, ja) in &REGIONS[..marks.len()] {
        builder = builder.region(id, lang.pick(en, ja));
    }
    let mut review = builder
        .reviewers(&["p"])
        .panel("board", &["p"], &["1-a", "1-b", "2-a"], None)
        .build();
    review.title = lang
        .pick("Cluster programme", "知的クラスター創成事業")
        .into();
    review.categories[0].title = lang.pick("Plan of action", "事業計画").into();
    review.categories[1].title = lang.pick("Past results", "これまでの成果").into();
    let mut scores = sheet();
    for ((id, ..), m) in REGIONS.iter().zip(marks) {
        scores = scores.marks(id, &[("1-a", m[0]), ("1-b", m[1]), ("2-a", m[2])]);
    }
    (review, vec![scored("board", "p", scores)])
}

fn tier(id: &str, title: &str, places: u32, funded: bool) -> Tier {
    Tier {
        id: id.into(),
        title: title.into(),
        places,
        funded,
    }
}

/// Seven regions under two tiers, Knowledge cluster (3 places) and
/// Feasibility study (2). Totals 27, 25, 23, 23, 21, 18, 15: Kansai and
/// Nagano share positions 3–4, across the boundary, and are Tied; Fukuoka
/// takes position 5, the last of the feasibility studies.
fn tiered(lang: In) -> (Review, Vec<SheetInput>) {
    let (mut review, sheets) = flat(
        lang,
        &[
            [9.0, 9.0, 9.0],
            [8.0, 9.0, 8.0],
            [7.0, 8.0, 8.0],
            [8.0, 7.0, 8.0],
            [7.0, 7.0, 7.0],
            [6.0, 6.0, 6.0],
            [5.0, 5.0, 5.0],
        ],
    );
    review.committee.select = None;
    review.committee.tiers = vec![
        tier(
            "cluster",
            lang.pick("Knowledge cluster", "知的クラスター"),
            3,
            true,
        ),
        tier("fs", lang.pick("Feasibility study", "可能性調査"), 2, true),
    ];
    (review, sheets)
}

/// The seed's 1st stage: `industry ≥ 3 or machinery ≥ 1` (billion yen).
fn seed_rule() -> Rule {
    Rule::Any(vec![
        Rule::AtLeast("industry".into(), 3.0),
        Rule::AtLeast("machinery".into(), 1.0),
    ])
}

/// Nine regions: seven eligible with totals 27, 25, 23, 21, 19, 17, 15 and
/// two that are not (Kochi: industry 2.9, no machinery; Akita: 1.2 and
/// 0.4) with 24 and 12. Tiers Knowledge cluster (3), Feasibility study (2)
/// and a reserve of 1 without money; a budget of ¥4 billion shared in
/// proportion to the totals, each between ¥0.5 and 1 billion, in steps of
/// ¥10 million. λ = 4e9 / (27 + 25 + 23 + 21 + 19) = 4e9 / 115 puts every
/// amount inside its bounds: 939.1M, 869.6M, 800M, 730.4M, 660.9M, rounded
/// down to 930M, 860M, 800M, 730M and 660M; 3.98B allocated, 20M left.
fn budgeted(lang: In) -> (Review, Vec<SheetInput>) {
    let (mut review, sheets) = flat(
        lang,
        &[
            [9.0, 9.0, 9.0],
            [8.0, 9.0, 8.0],
            [7.0, 8.0, 8.0],
            [7.0, 7.0, 7.0],
            [6.0, 6.0, 7.0],
            [6.0, 6.0, 5.0],
            [5.0, 5.0, 5.0],
            [8.0, 8.0, 8.0],
            [4.0, 4.0, 4.0],
        ],
    );
    review.committee.select = None;
    review.committee.tiers = vec![
        tier(
            "cluster",
            lang.pick("Knowledge cluster", "知的クラスター"),
            3,
            true,
        ),
        tier("fs", lang.pick("Feasibility study", "可能性調査"), 2, true),
        tier("reserve", lang.pick("Reserve", "補欠"), 1, false),
    ];
    review.committee.eligibility = Some(seed_rule());
    review.committee.budget = Some(Budget {
        total: 4.0e9,
        unit: "JPY".into(),
        rule: BudgetRule::Proportional {
            min: 0.5e9,
            max: 1.0e9,
        },
        granularity: 1.0e7,
    });
    for region in &mut review.regions {
        let figures: &[(&str, f64)] = match region.id.as_str() {
            "kochi" => &[("industry", 2.9)],
            "akita" => &[("industry", 1.2), ("machinery", 0.4)],
            "sendai" => &[("industry", 0.8), ("machinery", 1.6)],
            _ => &[("industry", 3.4), ("machinery", 0.7)],
        };
        region.figures = figures.iter().map(|(k, v)| ((*k).into(), *v)).collect();
    }
    (review, sheets)
}

/// Six regions, four selected, totals 27, 25, 23, 21, 18, 15; a budget of
/// ¥2 billion by rank order. Sapporo asks 0.8 and Sendai 0.7 billion:
/// 0.5 is left, Kansai's 0.6 does not fit, so Kansai and Nagano after it
/// (whose 0.3 would) are unfunded.
fn rank_order(lang: In) -> (Review, Vec<SheetInput>) {
    let (mut review, sheets) = flat(
        lang,
        &[
            [9.0, 9.0, 9.0],
            [8.0, 9.0, 8.0],
            [7.0, 8.0, 8.0],
            [7.0, 7.0, 7.0],
            [6.0, 6.0, 6.0],
            [5.0, 5.0, 5.0],
        ],
    );
    review.committee.select = Some(4);
    review.committee.budget = Some(Budget {
        total: 2.0e9,
        unit: "JPY".into(),
        rule: BudgetRule::RankOrder,
        granularity: 1.0e7,
    });
    for (region, asked) in review
        .regions
        .iter_mut()
        .zip([0.8, 0.7, 0.6, 0.3, 0.9, 0.5])
    {
        region.requested = Some(asked * 1e9);
    }
    (review, sheets)
}

/// A three-level rubric (the midterm review's 大項目, 中項目, 小項目):
///
/// - A Research (no criteria of its own)
///   - A1 Results
///     - A1a Papers: a1 Publications (min 2), a2 Citations
///     - A1b Patents: a3 Patents filed
///   - A2 Organisation (min 5): a4 Management (out of 10)
/// - B Business (min 12): b0 Plan (10)
///   - B1 Companies: b1 Partners (10), b2 Investment (10)
///
/// Every criterion out of 5 unless said; a minimum total of 20; two places.
/// Sapporo has 40 points; Kansai 26, without a mark for b2; Sendai 21.5,
/// with a1 1.5 < 2, A2 4 < 5 and B 4 + 4 + 3 = 11 < 12.
fn nested(lang: In) -> (Review, Vec<SheetInput>) {
    let criterion = |id: &str, en: &str, ja: &str, max: f64, min: Option<f64>| Criterion {
        id: id.into(),
        title: lang.pick(en, ja).into(),
        max,
        step: 0.5,
        guidance: String::new(),
        min,
    };
    let category = |id: &str, en: &str, ja: &str, criteria, categories, min| Category {
        id: id.into(),
        title: lang.pick(en, ja).into(),
        criteria,
        categories,
        min,
    };
    let ids = ["a1", "a2", "a3", "a4", "b0", "b1", "b2"];
    let mut builder = ReviewBuilder::new();
    for (id, en, ja) in &REGIONS[..3] {
        builder = builder.region(id, lang.pick(en, ja));
    }
    let mut review = builder
        .reviewers(&["p"])
        .panel("board", &["p"], &ids, None)
        .select(2)
        .min_total(Some(20.0))
        .build();
    review.title = lang.pick("Midterm review", "中間評価").into();
    review.categories = vec![
        category(
            "A",
            "Research",
            "研究開発",
            vec![],
            vec![
                category(
                    "A1",
                    "Results",
                    "研究成果",
                    vec![],
                    vec![
                        category(
                            "A1a",
                            "Papers",
                            "論文",
                            vec![
                                criterion("a1", "Publications", "論文数", 5.0, Some(2.0)),
                                criterion("a2", "Citations", "被引用数", 5.0, None),
                            ],
                            vec![],
                            None,
                        ),
                        category(
                            "A1b",
                            "Patents",
                            "特許",
                            vec![criterion("a3", "Patents filed", "特許出願", 5.0, None)],
                            vec![],
                            None,
                        ),
                    ],
                    None,
                ),
                category(
                    "A2",
                    "Organisation",
                    "推進体制",
                    vec![criterion("a4", "Management", "運営管理", 10.0, None)],
                    vec![],
                    Some(5.0),
                ),
            ],
            None,
        ),
        category(
            "B",
            "Business",
            "事業化",
            vec![criterion("b0", "Plan", "事業化計画", 10.0, None)],
            vec![category(
                "B1",
                "Companies",
                "参画企業",
                vec![
                    criterion("b1", "Partners", "連携企業", 10.0, None),
                    criterion("b2", "Investment", "企業の投資", 10.0, None),
                ],
                vec![],
                None,
            )],
            Some(12.0),
        ),
    ];
    let marks = sheet()
        .marks(
            "sapporo",
            &[
                ("a1", 4.0),
                ("a2", 4.0),
                ("a3", 3.0),
                ("a4", 8.0),
                ("b0", 8.0),
                ("b1", 7.0),
                ("b2", 6.0),
            ],
        )
        .marks(
            "sendai",
            &[
                ("a1", 1.5),
                ("a2", 3.0),
                ("a3", 2.0),
                ("a4", 4.0),
                ("b0", 4.0),
                ("b1", 4.0),
                ("b2", 3.0),
            ],
        )
        .marks(
            "kansai",
            &[
                ("a1", 3.0),
                ("a2", 3.0),
                ("a3", 3.0),
                ("a4", 6.0),
                ("b0", 6.0),
                ("b1", 5.0),
            ],
        );
    (review, vec![scored("board", "p", marks)])
}

// ---- tiers ----

#[test]
fn each_tier_has_its_line_and_a_tie_across_a_boundary_says_so() {
    let (review, sheets) = tiered(In::En);
    let app = app(review, &sheets, In::En, PLAIN, &[]);
    let results = app.results();
    assert_eq!(region(results, "kansai").status, Status::Tied);
    assert_eq!(region(results, "nagano").status, Status::Tied);
    assert_eq!(region(results, "fukuoka").tier.as_deref(), Some("fs"));
    let screen = drawn(&app, 80, 24);
    let cluster = row_of(
        &screen,
        "Knowledge cluster (3 places) · inside a tie: the committee decides",
    );
    let fs = row_of(&screen, "Feasibility study (2 places) · margin 3.00");
    // The cluster's line falls inside the tie: after Kansai (position 3),
    // before Nagano (position 4, the first of the feasibility studies).
    assert_eq!(row_of(&screen, "Kansai"), cluster - 1);
    assert_eq!(row_of(&screen, "Nagano"), cluster + 1);
    assert_eq!(row_of(&screen, "Fukuoka"), fs - 1);
    assert_eq!(row_of(&screen, "Toyama"), fs + 1);
    assert!(
        !screen.contains("cutoff:"),
        "tiers replace the cutoff\n{screen}"
    );
    insta::assert_snapshot!("tiers", screen);
    insta::assert_snapshot!("tiers_100x30", drawn(&app, 100, 30));
}

#[test]
fn tiers_in_japanese() {
    let (review, sheets) = tiered(In::Ja);
    let app = app(review, &sheets, In::Ja, PLAIN, &[]);
    let screen = drawn(&app, 80, 24);
    assert!(
        screen.contains("知的クラスター（3 枠） · 同点の中（委員会が決定）"),
        "{screen}"
    );
    insta::assert_snapshot!("japanese_tiers", screen);
    insta::assert_snapshot!("japanese_tiers_100x30", drawn(&app, 100, 30));
}

// ---- a budget ----

#[test]
fn a_proportional_budget_shows_each_allocation_the_sum_and_what_is_left() {
    let (review, sheets) = budgeted(In::En);
    let app = app(review, &sheets, In::En, PLAIN, &[]);
    let results = app.results();
    let budget = results.budget.as_ref().expect("a budget");
    assert!((budget.allocated - 3.98e9).abs() < 1.0, "{budget:?}");
    let screen = drawn(&app, 100, 30);
    assert!(
        screen.contains("Budget 4B JPY · allocated 3.98B JPY · left 20M JPY"),
        "{screen}"
    );
    for (name, amount) in [
        ("Sapporo", "930M"),
        ("Sendai", "860M"),
        ("Kansai", "800M"),
        ("Nagano", "730M"),
        ("Fukuoka", "660M"),
    ] {
        let row = &rows(&screen)[row_of(&screen, name)];
        assert!(row.contains(amount), "{name} gets {amount}: {row}");
    }
    // The reserve's region is selected and gets nothing: 0; Hiroshima is
    // not selected and has no amount at all.
    let toyama = &rows(&screen)[row_of(&screen, "Toyama")];
    assert!(
        toyama.contains("Selected") && toyama.ends_with(" 0"),
        "{toyama}"
    );
    let hiroshima = &rows(&screen)[row_of(&screen, "Hiroshima")];
    assert!(hiroshima.ends_with("Not selected"), "{hiroshima}");
    // The money stops where the funded tiers end: the feasibility studies'
    // line, then the funding line, then the reserve.
    let fs = row_of(&screen, "Feasibility study (2 places)");
    assert_eq!(row_of(&screen, "funding line · 5 funded"), fs + 1);
    assert_eq!(row_of(&screen, "Toyama"), fs + 2);
    assert_eq!(row_of(&screen, "Reserve (1 place, no funding)"), fs + 3);
    insta::assert_snapshot!("budget_100x30", screen);
    insta::assert_snapshot!("budget", drawn(&app, 80, 24));
}

#[test]
fn a_proportional_budget_in_japanese() {
    let (review, sheets) = budgeted(In::Ja);
    let app = app(review, &sheets, In::Ja, PLAIN, &[]);
    let screen = drawn(&app, 100, 30);
    assert!(
        screen.contains("予算 40億円 · 配分済 39.8億円 · 残額 2000万円"),
        "{screen}"
    );
    assert!(rows(&screen)[row_of(&screen, "札幌")].contains("9.3億"));
    insta::assert_snapshot!("japanese_budget_100x30", screen);
    insta::assert_snapshot!("japanese_budget", drawn(&app, 80, 24));
}

#[test]
fn rank_order_stops_the_money_at_the_first_region_that_does_not_fit() {
    let (review, sheets) = rank_order(In::En);
    let app = app(review, &sheets, In::En, PLAIN, &[]);
    let results = app.results();
    assert_eq!(region(results, "kansai").flags, ["unfunded"]);
    assert_eq!(region(results, "nagano").flags, ["unfunded"]);
    let screen = drawn(&app, 80, 24);
    let line = row_of(&screen, "funding line · 2 funded");
    assert_eq!(row_of(&screen, "Sendai"), line - 1);
    assert_eq!(row_of(&screen, "Kansai"), line + 1);
    // The selection's cutoff is still after the fourth.
    assert_eq!(
        row_of(&screen, "cutoff: 4 places · margin 3.00"),
        row_of(&screen, "Nagano") + 1
    );
    let kansai = &rows(&screen)[row_of(&screen, "Kansai")];
    assert!(kansai.contains("unfunded"), "{kansai}");
    assert!(
        screen.contains("Budget 2B JPY · allocated 1.5B JPY · left 500M JPY"),
        "{screen}"
    );
    insta::assert_snapshot!("rank_order", screen);
    insta::assert_snapshot!("rank_order_100x30", drawn(&app, 100, 30));
}

#[test]
fn rank_order_in_japanese() {
    let (review, sheets) = rank_order(In::Ja);
    let app = app(review, &sheets, In::Ja, PLAIN, &[]);
    let screen = drawn(&app, 80, 24);
    assert!(screen.contains("予算の境目 · 配分 2 地域"), "{screen}");
    assert!(rows(&screen)[row_of(&screen, "関西")].contains("予算外"));
    insta::assert_snapshot!("japanese_rank_order", screen);
    insta::assert_snapshot!("japanese_rank_order_100x30", drawn(&app, 100, 30));
}

#[test]
fn the_selected_region_shows_its_tier_and_allocation() {
    let (review, sheets) = budgeted(In::En);
    let mut app = app(review, &sheets, In::En, PLAIN, &["down"]);
    let screen = drawn(&app, 100, 30);
    assert!(
        screen.contains("Selected · Knowledge cluster · 860M JPY  3 marks"),
        "{screen}"
    );
    press(&mut app, &["enter"]);
    assert_eq!(app.view(), View::Region);
    let screen = drawn(&app, 80, 24);
    assert!(
        screen.contains("Tier: Knowledge cluster  Allocation: 860M JPY"),
        "{screen}"
    );
    insta::assert_snapshot!("budget_region", screen);
}

// ---- eligibility ----

#[test]
fn regions_that_are_not_eligible_are_listed_apart_with_the_reason() {
    let (review, sheets) = budgeted(In::En);
    // Down past the seven ranked regions to the first of those set apart
    // (Akita, by id).
    let keys = ["down"; 7];
    let mut app = app(review, &sheets, In::En, PLAIN, &keys);
    let results = app.results();
    assert_eq!(region(results, "kochi").status, Status::Ineligible);
    assert_eq!(region(results, "kochi").allocation, None);
    let screen = drawn(&app, 100, 30);
    let heading = row_of(&screen, "Not eligible (2)");
    assert!(heading > row_of(&screen, "Hiroshima"), "{screen}");
    let akita = &rows(&screen)[heading + 1];
    assert!(
        akita.contains("Akita") && akita.contains("industry 1.2 < 3 and machinery 0.4 < 1"),
        "{akita}"
    );
    let kochi = &rows(&screen)[heading + 2];
    assert!(
        kochi.contains("Kochi") && kochi.contains("industry 2.9 < 3 and machinery missing"),
        "{kochi}"
    );
    // The detail says why in full.
    assert!(
        screen.contains("Not ranked  12.00 of 30.00  Ineligible"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "Not eligible: industry 1.2 < 3 and machinery 0.4 < 1 (needs industry ≥ 3 or"
        ),
        "{screen}"
    );
    insta::assert_snapshot!("ineligible", drawn(&app, 80, 24));
    insta::assert_snapshot!("ineligible_100x30", screen);
    press(&mut app, &["down", "enter"]);
    assert_eq!(app.view(), View::Region);
    let screen = drawn(&app, 80, 24);
    assert!(
        screen.contains("Kochi · not ranked · 24.00 · Ineligible"),
        "{screen}"
    );
    let reason = flat_text(&screen);
    assert!(
        reason.contains(
            "Not eligible: industry 2.9 < 3 and machinery missing (needs industry ≥ 3 or machinery ≥ 1)"
        ),
        "{screen}"
    );
    insta::assert_snapshot!("ineligible_region", screen);
}

#[test]
fn a_region_that_is_not_eligible_is_nobody_s_neighbour() {
    let (review, sheets) = budgeted(In::En);
    // Kochi's 24 points would rank it 3rd, before Kansai; Hiroshima, the
    // last ranked, is followed by no one.
    let mut app = app(review, &sheets, In::En, PLAIN, &["down", "down"]);
    let screen = drawn(&app, 100, 30);
    assert!(
        screen.contains("2.00 behind Sendai (2)  2.00 ahead of Nagano (4)"),
        "{screen}"
    );
    press(&mut app, &["down"; 4]);
    let screen = drawn(&app, 100, 30);
    assert!(screen.contains("2.00 behind Toyama (6)"), "{screen}");
    assert!(!screen.contains("(0)"), "{screen}");
}

#[test]
fn ineligible_regions_in_japanese() {
    let (review, sheets) = budgeted(In::Ja);
    let app = app(review, &sheets, In::Ja, PLAIN, &["down"; 8]);
    let screen = drawn(&app, 80, 24);
    assert!(screen.contains("対象外（2 地域）"), "{screen}");
    assert!(
        screen.contains("industry 2.9 < 3、machinery の値なし"),
        "{screen}"
    );
    insta::assert_snapshot!("japanese_ineligible", screen);
    insta::assert_snapshot!("japanese_ineligible_100x30", drawn(&app, 100, 30));
}

#[test]
fn the_reason_reads_without_utf8() {
    let (review, sheets) = budgeted(In::En);
    let app = app(review, &sheets, In::En, ASCII, &["down"; 8]);
    let screen = drawn(&app, 100, 30);
    assert!(
        screen.contains("(needs industry >= 3 or machinery >= 1)"),
        "{screen}"
    );
    assert!(screen.is_ascii(), "{screen}");
}

// ---- a nested rubric ----

/// The column where `id` starts on the row of the screen holding `title`.
#[track_caller]
fn column_of(screen: &str, title: &str, id: &str) -> usize {
    let line = screen
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no row with {title:?} in\n{screen}"));
    let at = line
        .find(&format!(" {id} "))
        .unwrap_or_else(|| panic!("no {id:?} on {line}"));
    line[..at].chars().count() + 1
}

#[test]
fn the_drill_down_lists_every_level_with_its_minimums_and_the_misses() {
    let (review, sheets) = nested(In::En);
    // Sendai is ranked 3rd, below its minimums.
    let app = app(review, &sheets, In::En, PLAIN, &["down", "down", "enter"]);
    assert_eq!(app.view(), View::Region);
    let results = app.results();
    assert_eq!(
        region(results, "sendai").flags,
        ["below:a1", "below:A2", "below:B"]
    );
    let screen = drawn(&app, 100, 30);
    let rows_ = rows(&screen);
    let at = |needle: &str| row_of(&screen, needle);
    // Depth first, each category's own criteria under it, each indented
    // by its depth.
    let order = [
        ("Research", "A", 0),
        ("Results", "A1", 1),
        ("Papers", "A1a", 2),
        ("Publications", "a1", 3),
        ("Citations", "a2", 3),
        (" Patents ", "A1b", 2),
        ("Patents filed", "a3", 3),
        ("Organisation", "A2", 1),
        ("Management", "a4", 2),
        ("Business", "B", 0),
        ("Plan", "b0", 1),
        ("Companies", "B1", 1),
        ("Partners", "b1", 2),
        ("Investment", "b2", 2),
    ];
    let found: Vec<usize> = order.iter().map(|(title, ..)| at(title)).collect();
    assert!(found.windows(2).all(|w| w[0] < w[1]), "{found:?}\n{screen}");
    let left = column_of(&screen, "Research", "A");
    for (title, id, depth) in order {
        assert_eq!(
            column_of(&screen, title, id),
            left + 2 * depth,
            "{id} at depth {depth}\n{screen}"
        );
    }
    // Subtotals at every level: A = 1.5 + 3 + 2 + 4 = 10.5 of 25.
    assert!(rows_[at("Research")].contains("10.50    25"), "{screen}");
    assert!(rows_[at("Results")].contains("6.50    15"), "{screen}");
    assert!(rows_[at("Papers")].contains("4.50    10"), "{screen}");
    // The minimums beside their subtotal or score, the misses marked.
    let a1 = &rows_[at("Publications")];
    assert!(
        a1.contains("1.50") && a1.contains("≥2") && a1.ends_with("below"),
        "{a1}"
    );
    let a2 = &rows_[at("Citations")];
    assert!(!a2.contains("below"), "{a2}");
    let org = &rows_[at("Organisation")];
    assert!(org.contains("≥5") && org.ends_with("below"), "{org}");
    let business = &rows_[at("Business")];
    assert!(
        business.contains("11.00") && business.contains("≥12") && business.ends_with("below"),
        "{business}"
    );
    let total = &rows_[at("Total")];
    assert!(total.contains("21.50") && total.contains("≥20"), "{total}");
    assert!(!total.contains("below"), "{total}");
    assert!(
        screen.contains("below the minimum on a1: 1.50 < 2; below the minimum on A2: 4.00 < 5"),
        "{screen}"
    );
    insta::assert_snapshot!("nested_region_100x30", screen);
    insta::assert_snapshot!("nested_region", drawn(&app, 80, 24));
}

#[test]
fn a_criterion_without_marks_and_a_total_below_its_minimum_are_marked() {
    let (mut review, sheets) = nested(In::En);
    review.committee.min_total = Some(30.0);
    // Kansai (26 points, no mark for b2) is ranked 2nd.
    let app = app(review, &sheets, In::En, PLAIN, &["down", "enter"]);
    let screen = drawn(&app, 100, 30);
    let rows_ = rows(&screen);
    let b2 = &rows_[row_of(&screen, "Investment")];
    assert!(b2.contains("none") && b2.ends_with('?'), "{b2}");
    let total = &rows_[row_of(&screen, "Total")];
    assert!(
        total.contains("26.00") && total.contains("≥30") && total.ends_with("below"),
        "{total}"
    );
}

#[test]
fn the_nested_drill_down_in_japanese() {
    let (review, sheets) = nested(In::Ja);
    let app = app(review, &sheets, In::Ja, PLAIN, &["down", "down", "enter"]);
    let screen = drawn(&app, 80, 24);
    assert!(screen.contains("推進体制"), "{screen}");
    assert!(screen.contains("未達"), "{screen}");
    insta::assert_snapshot!("japanese_nested_region", screen);
    insta::assert_snapshot!("japanese_nested_region_100x30", drawn(&app, 100, 30));
}

#[test]
fn the_nested_drill_down_without_utf8() {
    let (review, sheets) = nested(In::En);
    let app = app(review, &sheets, In::En, ASCII, &["down", "down", "enter"]);
    let screen = drawn(&app, 80, 24);
    assert!(screen.contains(">=12"), "{screen}");
    insta::assert_snapshot!("nested_region_ascii", screen);
}

#[test]
fn the_cursor_moves_through_every_category_at_every_depth() {
    let (review, sheets) = nested(In::En);
    let mut app = app(review, &sheets, In::En, PLAIN, &["down", "down", "enter"]);
    let titles = |app: &App| app.category().map(|c| c.id.clone());
    let mut seen = vec![titles(&app)];
    for _ in 0..7 {
        press(&mut app, &["down"]);
        seen.push(titles(&app));
    }
    let ids: Vec<Option<String>> = ["A", "A1", "A1a", "A1b", "A2", "B", "B1", "B1"]
        .iter()
        .map(|s| Some((*s).to_string()))
        .collect();
    assert_eq!(seen, ids, "down stops at the last category");
    // B1 is scrolled into view at 80x24 with its criteria; the total
    // stays at the bottom.
    let screen = drawn(&app, 80, 24);
    assert!(rows(&screen)[row_of(&screen, "Companies")].starts_with('▶'));
    assert_eq!(row_of(&screen, "Investment") + 1, row_of(&screen, "Total"));
    assert!(!screen.contains("Research"), "scrolled\n{screen}");
    insta::assert_snapshot!("nested_region_scrolled", screen);
    // B1's own criteria, from b1.
    press(&mut app, &["enter"]);
    assert_eq!(app.view(), View::Category);
    assert_eq!(app.cursor.criterion, 5, "b1 is the sixth criterion");
    press(&mut app, &["esc", "up", "up", "up", "up", "up"]);
    assert_eq!(titles(&app).as_deref(), Some("A1"));
    // A category with only sub-categories opens on every criterion below
    // it, from the first.
    press(&mut app, &["enter"]);
    assert_eq!(app.view(), View::Category);
    assert_eq!(app.cursor.criterion, 0);
    let screen = drawn(&app, 80, 24);
    for id in ["a1", "a2", "a3"] {
        assert!(screen.contains(&format!(" {id} ")), "{id}\n{screen}");
    }
    assert!(!screen.contains(" a4 "), "{screen}");
    insta::assert_snapshot!("nested_category_below", screen);
    press(&mut app, &["down", "down"]);
    assert_eq!(app.cursor.criterion, 2, "a3");
    press(&mut app, &["down"]);
    assert_eq!(app.cursor.criterion, 2, "the list ends at a3");
    // Back to the region, `c` shows the category's first criterion across
    // regions.
    press(&mut app, &["esc", "down", "down", "down", "c"]);
    assert_eq!(app.view(), View::Across);
    assert_eq!(
        app.criterion().map(|(_, c)| c.id.clone()).as_deref(),
        Some("a4")
    );
    assert_eq!(app.category().map(|c| c.id.clone()).as_deref(), Some("A2"));
}

#[test]
fn every_programme_screen_lines_up_at_every_size() {
    let reviews: [Scenario; 4] = [tiered, budgeted, rank_order, nested];
    let last = ["down"; 9];
    let keys: &[&[&str]] = &[
        &[],
        &["down", "down"],
        &["down", "down", "enter"],
        &[
            "down", "down", "enter", "down", "down", "down", "down", "down",
        ],
        &last,
        &["down", "down", "enter", "down", "enter"],
    ];
    for lang in [In::En, In::Ja] {
        for review in reviews {
            for keys in keys {
                let (r, sheets) = review(lang);
                let mut app = app(r, &sheets, lang, PLAIN, keys);
                if keys.len() == last.len() {
                    // The last region, then its screen.
                    press(&mut app, &["enter"]);
                }
                for (width, height) in [(60, 18), (61, 19), (80, 24), (100, 30), (132, 43)] {
                    drawn(&app, width, height);
                }
            }
        }
    }
}

#[test]
fn the_lowest_and_highest_marks_are_not_called_min_and_max_which_are_the_rubric_s() {
    let (review, sheets) = nested(In::En);
    let mut app = app(review, &sheets, In::En, PLAIN, &["down", "down", "enter"]);
    // The drill-down: `min` is what a region needs (a1 at least 2), as
    // `Criterion(min)` in review.ron.
    let region = drawn(&app, 80, 24);
    let heading = &rows(&region)[row_of(&region, "Category and criterion")];
    assert!(heading.split_whitespace().any(|w| w == "min"), "{heading}");
    // A1's criteria: the lowest and highest counting marks of each are
    // not a minimum or a maximum of the rubric.
    press(&mut app, &["down", "enter"]);
    let category = drawn(&app, 80, 24);
    let heading = &rows(&category)[row_of(&category, "Criterion")];
    let words: Vec<&str> = heading.split_whitespace().collect();
    assert!(
        words.contains(&"low") && words.contains(&"high"),
        "{heading}"
    );
    assert!(
        !words.contains(&"min") && !words.contains(&"max"),
        "{heading}"
    );
}
