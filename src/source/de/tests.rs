//! The fast reader of `review.ron` against ron: on every text it takes it
//! gives what ron gives, and `parse_review` gives what `parse` gives, the
//! errors (file, line, column, words) included.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::read;
use crate::model::Review;
use crate::source::SourceText;
use crate::store::to_ron;
use crate::synthetic::{Shape, generate};

/// The fast reader declines `text` or reads what ron reads; either way
/// `parse_review` is `parse`, value or problem.
fn agrees(text: &str) -> Option<Review> {
    let fast = read::<Review>(text);
    let source = SourceText::new("review.ron", text);
    let by_ron = source.parse::<Review>();
    if let Some(review) = &fast {
        assert_eq!(Some(review), by_ron.as_ref().ok(), "fast, not ron: {text}");
    }
    assert_eq!(source.parse_review(), by_ron, "{text}");
    fast
}

fn reviews() -> Vec<Review> {
    let mut reviews = Vec::new();
    for (regions, seed) in [(1, 1), (40, 2), (100, 3)] {
        for programme in [false, true] {
            let shape = Shape {
                programme,
                ..Shape::new(regions, seed)
            };
            reviews.push(generate(&shape).review);
        }
    }
    reviews
}

#[test]
fn reads_what_panelist_writes_as_ron_does() {
    for review in reviews() {
        assert_eq!(agrees(&to_ron(&review)).as_ref(), Some(&review));
        // ron's own compact form: no struct names, no whitespace.
        let compact = ron::to_string(&review).unwrap();
        assert_eq!(agrees(&compact).as_ref(), Some(&review), "{compact}");
    }
}

#[test]
fn reads_the_samples_as_ron_does() {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("panels");
    let mut taken = Vec::new();
    for entry in std::fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path().join("review.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        if agrees(&text).is_some() {
            taken.push(path.parent().unwrap().file_name().unwrap().to_owned());
        }
    }
    taken.sort();
    // `select: 30`, `eligibility`, `tiers` and `follows` among them; the
    // others write amounts as `1.0e9`, which ron reads.
    for sample in ["kci-2001-candidates", "kci-2002-selection"] {
        assert!(taken.iter().any(|t| t == sample), "{sample}: {taken:?}");
    }
}

/// A small review with every kind of value: `select` or tiers, rules
/// nested in rules, a struct variant, options, maps and nested categories.
const BASE: &str = r#"Review(
    id: "r",
    title: "T",
    categories: [Category(id: "1", title: "C", criteria: [Criterion(id: "a", title: "A", max: 5.0, step: 0.5, min: Some(1.0))],
        categories: [Category(id: "1-1", title: "D", criteria: [Criterion(id: "b", title: "B", max: 10)], min: Some(2.5))])],
    regions: [Region(id: "x", name: "X", fields: ["IT"], figures: {"industry": 3.5, "debt": -1}, requested: Some(100.0)),
        Region(id: "y", name: "Y")],
    reviewers: [Reviewer(id: "p", name: "P", login: Some("lp"), conflicts: ["y"], load: Some(3))],
    panels: [Panel(id: "k", title: "K", members: ["p"], criteria: ["a", "b"], regions: PerMember({"p": ["x"]}), reveal: AfterSubmit),
        Panel(id: "m", title: "M", members: ["p"], criteria: ["a"], regions: Only(["x", "y"]), rapporteur: Some("p")),
        Panel(id: "n", title: "N", members: ["p"], criteria: ["b"], regions: All)],
    committee: Committee(
        select: 6,
        aggregate: Median,
        tie_break: ["1"],
        eligibility: Some(All([Any([AtLeast("industry", 3.0), AtMost("debt", 1.0)]), Not(InField("Bio")), InField("IT")])),
        budget: Some(Budget(total: 1000.0, rule: Proportional(min: 10.0, max: 50.0))),
        use_consensus: true,
    ),
    follows: Some(Follows(review: "../earlier", tiers: ["a"])),
)
"#;

#[test]
fn reads_every_kind_of_value_and_hand_edits_as_ron_does() {
    assert!(agrees(BASE).is_some(), "declined the base");
    let edits = [
        ("select: 6", "select: Some(6)"),
        ("select: 6", "select: Some( 6 , )"),
        ("select: 6", "select: 007"),
        ("select: 6", "select: None"),
        ("follows: Some(", "follows: Some ("),
        ("select: 6,", ""),
        (
            "select: 6",
            "tiers: [Tier(id: \"t\", title: \"T\", places: 3, funded: false)]",
        ),
        ("Median", "TrimmedMean"),
        (
            "Review(",
            "// head\r\n/* a /* nested */ one */ Review /* name */ (\r\n",
        ),
        ("Review(", "("),
        ("Category(id: \"1\"", "(id: \"1\""),
        ("Some(100.0)", "Some(100.0,)"),
        ("Not(InField(\"Bio\"))", "Not(InField(\"Bio\"),)"),
        ("Not(InField(\"Bio\"))", "Not ( InField ( \"Bio\" ) )"),
        ("Proportional(", "Proportional ("),
        ("AtMost(\"debt\", 1.0)", "AtMost(\"debt\", 1.0,)"),
        ("max: 5.0", "max: 05.0"),
        ("max: 5.0", "max: -0"),
        (
            "title: \"T\"",
            "title: \"a\\u{301} \\\"q\\\" \\\\ \\n 日本\"",
        ),
        ("use_consensus: true,", "use_consensus: true"),
        (
            "rule: Proportional(min: 10.0, max: 50.0)",
            "rule: RankOrder",
        ),
    ];
    for (from, to) in edits {
        let text = BASE.replacen(from, to, 1);
        assert_ne!(text, BASE, "{from} -> {to}");
        assert!(agrees(&text).is_some(), "declined {from} -> {to}");
    }
}

#[test]
fn declines_what_it_does_not_know_and_every_error() {
    let edits = [
        ("select: 6", "select: 6.0"),
        ("select: 6", "select: 6.."),
        ("select: 6", "select: -6"),
        ("select: 6", "select: 0x6"),
        ("select: 6", "select: 99999999999"),
        ("select: 6", "select: 6, select: 6"),
        ("load: Some(3)", "load: Some(-3)"),
        ("load: Some(3)", "load: Some(3.5)"),
        ("load: Some(3)", "load: 3"),
        ("max: 5.0", "max: 5e0"),
        ("max: 5.0", "max: inf"),
        ("max: 5.0", "max: 5.0f64"),
        ("Median", "Median()"),
        ("Median", "Middle"),
        ("Review(", "Reviews("),
        ("Review(", "#![enable(implicit_some)] Review("),
        ("Review(", "\u{feff}Review("),
        ("{\"p\": [\"x\"]}", "{\"p\": [\"x\"], \"p\": []}"),
        // a figure given twice is refused, as a panel file's keys are
        ("\"industry\": 3.5", "\"industry\": 3.5, \"industry\": 4"),
        ("title: \"T\"", "title: r\"T\""),
        ("title: \"T\"", "title: \"T\", colour: 1"),
        ("title: \"T\"", "title \"T\""),
        ("id: \"r\",", "id: \"r\""),
        ("AtMost(\"debt\", 1.0)", "AtMost(\"debt\", 1.0, 2.0)"),
        ("AtMost(\"debt\", 1.0)", "AtMost(\"debt\")"),
        (
            "Not(InField(\"Bio\"))",
            "Not(InField(\"Bio\"), InField(\"IT\"))",
        ),
        ("Some(100.0)", "Some(100.0, 1.0)"),
        ("Some(100.0)", "100.0"),
        (")\n", ") x\n"),
        (")\n", ") // no newline"),
        ("id: \"r\"", "íd: \"r\""),
    ];
    for (from, to) in edits {
        let text = BASE.replacen(from, to, 1);
        assert_ne!(text, BASE, "{from} -> {to}");
        assert!(agrees(&text).is_none(), "accepted {from} -> {to}");
    }
}

/// Categories nested `depth` deep.
fn nested(depth: usize) -> String {
    let mut category = "Category(id: \"c\", title: \"C\", criteria: [])".to_string();
    for _ in 1..depth {
        category = format!("Category(id: \"c\", title: \"C\", categories: [{category}])");
    }
    BASE.replacen(
        "categories: [Category(id: \"1\"",
        &format!("categories: [{category}, Category(id: \"1\""),
        1,
    )
}

#[test]
fn declines_before_ron_finds_it_too_deep() {
    let mut read = Vec::new();
    for depth in 1..=20 {
        read.push(agrees(&nested(depth)).is_some());
    }
    assert!(read[0] && read[9], "{read:?}");
    assert!(!read[19], "ron finds 20 levels too deep: {read:?}");
    let source = SourceText::new("review.ron", nested(20));
    let problem = source.parse_review().unwrap_err();
    assert!(
        problem.to_string().contains(&crate::t!("src-too-deep")),
        "{problem}"
    );
}

/// What an edit inserts: RON's punctuation, values, comments and the
/// characters the reader declines.
const SNIPPETS: &[&str] = &[
    ",",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "\"",
    "\\",
    " ",
    "\n",
    "\r\n",
    "\t",
    "// c\n",
    "/*",
    "*/",
    "Some(",
    "None",
    "1",
    "-",
    "0",
    ".5",
    "e3",
    "_",
    "r#",
    "#",
    "é",
    "\u{2028}",
    "x",
    "select: 3,",
    "min: Some(1.0),",
    "Mean",
    "true",
    "\\u{41}",
    "\\x41",
    "Only([",
    "])",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// A review broken or changed anywhere, by up to four edits: the fast
    /// reader declines it or reads what ron reads, and the problem is ron's.
    #[test]
    fn any_edit_reads_as_ron_reads_it(
        programme: bool,
        edits in proptest::collection::vec(
            (0.0..1.0f64, 0usize..3, 0..SNIPPETS.len(), 1usize..40), 1..5),
    ) {
        let shape = Shape { programme, ..Shape::new(3, 7) };
        let mut text = if programme { to_ron(&generate(&shape).review) } else { BASE.to_string() };
        for (at, kind, snippet, len) in edits {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let start = boundaries[((at * boundaries.len() as f64) as usize).min(boundaries.len() - 1)];
            let end = boundaries.iter().copied().find(|&i| i >= start + len).unwrap_or(text.len());
            match kind {
                0 => text.insert_str(start, SNIPPETS[snippet]),
                1 => text.replace_range(start..end, ""),
                _ => {
                    let copy = text[start..end].to_string();
                    text.insert_str(end, &copy);
                }
            }
        }
        agrees(&text);
    }
}

/// Options written with ron's `implicit_some`, as results.ron writes them:
/// read as ron reads them, or declined.
#[test]
fn reads_implicit_some_as_ron_does_or_declines() {
    use super::read_implicit_some;
    type Cells = Vec<(Option<f64>, u32, Option<Option<u32>>, Option<String>)>;
    let header = "#![enable(implicit_some)]";
    for body in [
        "[(1.5, 2, 3, \"a\"), (None, 0, None, None)]",
        "[(None,1,Some(None),\"b\"),]",
        "[(2,3,Some(4),None)]",
        "[ /* a note */ (0.25, 7, 8, \"None\") ]",
    ] {
        let text = format!("{header}{body}");
        let by_ron: Cells = ron::from_str(&text).unwrap();
        if let Some(fast) = read_implicit_some::<Cells>(&text) {
            assert_eq!(fast, by_ron, "{text}");
        }
    }
    // What panelist writes is taken: no `Some`, `None` where none.
    let text = format!("{header}[(1.5, 2, 3, \"a\"), (None, 0, None, None)]");
    let expected: Cells = vec![
        (Some(1.5), 2, Some(Some(3)), Some("a".into())),
        (None, 0, None, None),
    ];
    assert_eq!(read_implicit_some::<Cells>(&text), Some(expected));
    // `Some` is left to ron; so is any other beginning, and every error.
    assert!(read_implicit_some::<Cells>(&format!("{header}[(2,3,Some(4),None)]")).is_none());
    for text in [
        "[(2,3,4,None)]".to_string(),
        "#![enable(implicit_some, unwrap_newtypes)][(2,3,4,None)]".to_string(),
        format!("{header}[(2,3,4,None"),
        format!("{header}[(x,3,4,None)]"),
    ] {
        assert!(read_implicit_some::<Cells>(&text).is_none(), "{text}");
    }
}
