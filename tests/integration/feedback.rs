//! `panelist feedback` (issue 17): a letter to each applicant. On every
//! sample, in English and Japanese: no reviewer's id or name and no
//! member's note in any letter, nothing of another region, the numbers of
//! the merge, the rank only when the committee allows it, and HTML that is
//! self-contained and parses. On a small hand-checked review with a
//! consensus section: the comments, every number, the status, tier and
//! allocation in words, the rank when asked for, escaping, `--out`, and
//! nothing written for an invalid review.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use panelist::i18n::{Lang, text_in};
use panelist::merge::{RegionResult, Results, Status};
use panelist::model::{Consensus, Mark, PanelFile, Review, UniqueMap};
use panelist::report::ResultsFile;
use tempfile::TempDir;

use crate::common::{ReviewDir, arg, copy_review, read_panel_file, replace_once, run, sheet, ts};

// ---------------------------------------------------------------------------
// Reading letters
// ---------------------------------------------------------------------------

/// The letters in `dir`: region id → (Markdown, HTML).
fn letters(dir: &Path) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "md") {
            let stem = path
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .to_string();
            let md = std::fs::read_to_string(&path).expect("read a letter");
            let html = std::fs::read_to_string(path.with_extension("html"))
                .unwrap_or_else(|e| panic!("no HTML beside {}: {e}", path.display()));
            out.insert(stem, (md, html));
        }
    }
    out
}

/// What a reader of the HTML letter sees, and its style: every text node,
/// entities decoded. Fails on any parse error.
#[track_caller]
fn html_text(html: &str, what: &str) -> String {
    let document = scraper::Html::parse_document(html);
    assert!(
        document.errors.is_empty(),
        "{what}: HTML parse errors {:?}",
        document.errors
    );
    let texts: Vec<&str> = document
        .root_element()
        .descendants()
        .filter_map(|node| node.value().as_text().map(|t| &**t))
        .collect();
    texts.join("\n")
}

/// Self-contained, printable on A4, in `lang`.
#[track_caller]
fn assert_self_contained(html: &str, lang: &str, what: &str) {
    for banned in [
        "http",
        "src=",
        "<link",
        "<script",
        "<img",
        "url(",
        "@import",
        "@font-face",
        "<iframe",
    ] {
        assert!(!html.contains(banned), "{what}: {banned} in\n{html}");
    }
    for needed in [
        "<!DOCTYPE html>",
        &format!("<html lang=\"{lang}\">"),
        "<meta charset=\"utf-8\">",
        "@page",
        "size: A4",
        "@top-center",
        "counter(page) \" / \" counter(pages)",
        "<svg",
    ] {
        assert!(html.contains(needed), "{what}: no {needed} in\n{html}");
    }
}

/// Byte ranges of every occurrence of each of `strings` in `text`.
fn ranges(text: &str, strings: &[String]) -> Vec<(usize, usize)> {
    strings
        .iter()
        .filter(|s| !s.is_empty())
        .flat_map(|s| {
            text.match_indices(s.as_str())
                .map(|(at, m)| (at, at + m.len()))
        })
        .collect()
}

fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// Where `needle` occurs in `text` other than inside one of the
/// `allowed` ranges (an own name or title containing it); as a whole
/// token only when `token` (an id: `t01` is not in `t012`).
fn stray(text: &str, needle: &str, allowed: &[(usize, usize)], token: bool) -> Option<String> {
    if needle.trim().is_empty() {
        return None;
    }
    text.match_indices(needle).find_map(|(at, _)| {
        let end = at + needle.len();
        if token {
            let before = text[..at].chars().next_back().is_some_and(id_char);
            let after = text[end..].chars().next().is_some_and(id_char);
            if before || after {
                return None;
            }
        }
        if allowed.iter().any(|&(s, e)| s <= at && end <= e) {
            return None;
        }
        let from = text[..at]
            .char_indices()
            .rev()
            .nth(30)
            .map_or(0, |(i, _)| i);
        let to = text[end..]
            .char_indices()
            .nth(30)
            .map_or(text.len(), |(i, _)| end + i);
        Some(text[from..to].to_string())
    })
}

/// Everything a letter to one region may not hold, and what it may.
struct Secrets {
    /// Reviewer ids (whole tokens).
    reviewer_ids: Vec<String>,
    /// Reviewer names and every note of a member's mark.
    private: Vec<String>,
    /// region id → its name and the consensus comments on it.
    regions: BTreeMap<String, (String, Vec<String>)>,
    /// The titles of the review, categories, criteria and tiers: a letter
    /// names them all, and a name inside one of them is no leak.
    titles: Vec<String>,
}

impl Secrets {
    fn of(dir: &Path) -> Secrets {
        let text = std::fs::read_to_string(dir.join("review.ron")).expect("read review.ron");
        let review: Review = ron::from_str(&text).expect("review.ron parses");
        let files: Vec<PanelFile> = std::fs::read_dir(dir.join("scores"))
            .expect("list scores/")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .map(|p| read_panel_file(&p))
            .collect();
        let mut private: Vec<String> = review.reviewers.iter().map(|r| r.name.clone()).collect();
        for file in &files {
            for sheet in file.sheets.values() {
                private.extend(sheet.marks().map(|(_, _, m)| m.note.trim().to_string()));
            }
        }
        private.retain(|p| !p.is_empty());
        private.sort();
        private.dedup();
        let mut regions: BTreeMap<String, (String, Vec<String>)> = review
            .regions
            .iter()
            .map(|r| (r.id.clone(), (r.name.clone(), Vec::new())))
            .collect();
        for consensus in files.iter().filter_map(|f| f.consensus.as_ref()) {
            for (region, marks) in consensus.marks.iter() {
                if let Some((_, comments)) = regions.get_mut(region) {
                    comments.extend(marks.values().map(|m| m.note.trim().to_string()));
                }
            }
        }
        let mut titles = vec![review.title.clone()];
        for placed in review.all_categories() {
            titles.push(placed.category.title.clone());
            titles.extend(placed.category.criteria.iter().map(|c| c.title.clone()));
        }
        titles.extend(review.committee.tiers.iter().map(|t| t.title.clone()));
        Secrets {
            reviewer_ids: review.reviewers.iter().map(|r| r.id.clone()).collect(),
            private,
            regions,
            titles,
        }
    }

    /// Fails when `text`, the letter to `region`, holds a reviewer's id or
    /// name, a member's note, or another region's id, name or comment.
    #[track_caller]
    fn assert_kept(&self, text: &str, region: &str, what: &str) {
        let (name, comments) = &self.regions[region];
        let mut own = self.titles.clone();
        own.extend([name.clone(), region.to_string()]);
        own.extend(comments.iter().cloned());
        let allowed = ranges(text, &own);
        for id in &self.reviewer_ids {
            if let Some(at) = stray(text, id, &allowed, true) {
                panic!("{what}: reviewer id {id:?} in …{at}…");
            }
        }
        for secret in &self.private {
            if let Some(at) = stray(text, secret, &allowed, false) {
                panic!("{what}: reviewer's name or note {secret:?} in …{at}…");
            }
        }
        for (other, (other_name, other_comments)) in &self.regions {
            if other == region {
                continue;
            }
            if let Some(at) = stray(text, other, &allowed, true) {
                panic!("{what}: region id {other:?} in …{at}…");
            }
            for secret in std::iter::once(other_name).chain(other_comments) {
                if let Some(at) = stray(text, secret, &allowed, false) {
                    panic!("{what}: {secret:?} of region {other} in …{at}…");
                }
            }
        }
    }
}

fn results_in(dir: &Path) -> Results {
    let text = std::fs::read_to_string(dir.join("results.ron")).expect("merge wrote results.ron");
    ResultsFile::from_ron(&text)
        .expect("results.ron reads back")
        .results
}

/// The line of the rank among a letter's facts, in `lang`.
fn rank_fact(lang: Lang) -> (String, String) {
    let label = text_in(lang, "report-col-rank", &[]);
    let colon = if lang == Lang::Ja { "：" } else { ": " };
    (
        format!("\n- {label}{colon}"),
        format!("<th scope=\"row\">{label}</th>"),
    )
}

// ---------------------------------------------------------------------------
// Every sample
// ---------------------------------------------------------------------------

/// Every sample of `panels/`, copied side by side (a stage names the
/// review it follows by a relative path).
fn samples(into: &Path) -> Vec<PathBuf> {
    let panels = Path::new(env!("CARGO_MANIFEST_DIR")).join("panels");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&panels)
        .expect("list panels/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.join("review.ron").is_file())
        .map(|from| {
            let to = into.join(from.file_name().expect("a name"));
            copy_review(&from, &to);
            to
        })
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 6, "the samples: {dirs:?}");
    dirs
}

#[test]
fn every_samples_letters_keep_to_their_region_and_name_no_reviewer() {
    let tmp = TempDir::new().expect("temporary directory");
    for dir in samples(tmp.path()) {
        let name = dir
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        let secrets = Secrets::of(&dir);
        let merged = tmp.path().join(format!("merged-{name}"));
        run(["merge", "--no-analysis", &arg(&dir), "--out", &arg(&merged)]).assert_code(0);
        let results = results_in(&merged);
        for lang in [Lang::En, Lang::Ja] {
            let out = tmp.path().join(format!("letters-{name}-{lang}"));
            let ran = run([
                "--lang",
                lang.code(),
                "feedback",
                &arg(&dir),
                "--out",
                &arg(&out),
            ]);
            ran.assert_code(0);
            let letters = letters(&out.join("feedback"));
            assert_eq!(
                letters.keys().collect::<Vec<_>>(),
                secrets.regions.keys().collect::<Vec<_>>(),
                "{name}: one letter per region"
            );
            if lang == Lang::En {
                ran.assert_stdout_has(&format!("wrote {} letters to", letters.len()));
            }
            let (rank_md, rank_html) = rank_fact(lang);
            for (region, (md, html)) in &letters {
                let what = format!("{name}/{region} ({lang})");
                assert_self_contained(html, lang.code(), &what);
                secrets.assert_kept(md, region, &format!("{what}.md"));
                secrets.assert_kept(&html_text(html, &what), region, &format!("{what}.html"));
                assert!(
                    !md.contains(&rank_md) && !html.contains(&rank_html),
                    "{what}: a rank"
                );
                if lang == Lang::En {
                    let result = results.regions.iter().find(|r| &r.region == region);
                    assert_numbers(md, result.expect("the region's results"), &results, &what);
                }
            }
        }
    }
}

/// The letter holds the region's total, every subtotal and every criterion
/// value of the merge, with 2 decimals and their maxima, and its status.
#[track_caller]
fn assert_numbers(md: &str, region: &RegionResult, results: &Results, what: &str) {
    let total = format!(
        "- Total: {:.2} of {:.2}\n",
        region.total, results.rules.max_total
    );
    assert!(md.contains(&total), "{what}: no {total:?} in\n{md}");
    for subtotal in &region.subtotals {
        let cell = format!("** | **{:.2}** | **", subtotal.points);
        assert!(md.contains(&cell), "{what}: no subtotal {cell:?}");
    }
    for criterion in &region.criteria {
        if let Some(value) = criterion.aggregate {
            let cell = format!(" | {value:.2} | ");
            assert!(
                md.contains(&cell),
                "{what}: no value {cell:?} of {}",
                criterion.criterion
            );
        }
    }
    let status = match region.status {
        Status::Selected => "- Status: Selected\n",
        Status::NotSelected => "- Status: Not selected\n",
        Status::Tied => "- Status: Tied at the cutoff",
        Status::BelowThreshold => "- Status: Below the minimum",
        Status::Ineligible => "- Status: Not eligible (screened out)\n",
        Status::Drawn => "- Status: Drawn by lot into the selection\n",
        Status::NotDrawn => "- Status: Not drawn (the lot left it out)\n",
    };
    assert!(md.contains(status), "{what}: no {status:?} in\n{md}");
    match region.allocation {
        Some(allocation) if allocation > 0.0 => {
            let exact = format!(" ({allocation:.2} JPY)\n");
            assert!(
                md.contains(&exact),
                "{what}: no allocation {exact:?} in\n{md}"
            );
        }
        _ if region.status != Status::Selected => {
            assert!(
                !md.contains("- Allocation:"),
                "{what}: an allocation in\n{md}"
            );
        }
        _ => {}
    }
}

#[test]
fn the_rank_is_in_every_letter_when_the_committee_allows_it() {
    let tmp = TempDir::new().expect("temporary directory");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("panels/kci-2007");
    let dir = tmp.path().join("kci-2007");
    copy_review(&from, &dir);
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("read review.ron");
    let text = replace_once(&text, "select: 6,", "select: 6, feedback_rank: true,");
    std::fs::write(dir.join("review.ron"), text).expect("write review.ron");
    run(["merge", "--no-analysis", &arg(&dir)]).assert_code(0);
    let results = results_in(&dir);
    run(["feedback", &arg(&dir)]).assert_code(0);
    let letters = letters(&dir.join("feedback"));
    for region in &results.regions {
        let (md, html) = &letters[&region.region];
        let rank = format!("- Rank: {} of 9\n", region.rank);
        assert!(
            md.contains(&rank),
            "{}: no {rank:?} in\n{md}",
            region.region
        );
        let rank = format!("<th scope=\"row\">Rank</th><td>{} of 9</td>", region.rank);
        assert!(html.contains(&rank), "{}: no {rank:?}", region.region);
    }
}

// ---------------------------------------------------------------------------
// A small review, checked by hand
// ---------------------------------------------------------------------------

/// Three regions, one panel of two members with its rapporteur; category A
/// flat, category B with a sub-category B1. Two tiers of one place each, a
/// budget in rank order, a minimum total of 10.
///
/// The means of the two members' marks:
///   north:     a1 (4.5+3.5)/2 = 4.00, a2 (3+4)/2 = 3.50 → A 7.50 of 10;
///              b1 (8+9)/2 = 8.50 → B1 8.50 of 10; b2 (7+6)/2 = 6.50
///              → B 15.00 of 20; total 22.50 of 30
///   south:     a1 2.50, a2 2.50 → A 5.00; b1 6.50 → B1 6.50; b2 4.50
///              → B 11.00; total 16.00
///   northeast: a1 1.50, a2 1.00 → A 2.50; b1 2.50; b2 1.50 → B 4.00;
///              total 6.50, below the minimum of 10
/// north ranks 1st (Gold award) and receives its 1.5M EUR; south ranks 2nd
/// (Silver award), but its 1.0M does not fit in the 0.5M left: unfunded.
const REVIEW: &str = r#"Review(
    id: "small",
    title: "Small <call> & co",
    categories: [
        Category(id: "A", title: "Plan & <vision>", criteria: [
            Criterion(id: "a1", title: "Clarity of the plan", max: 5.0, step: 0.5),
            Criterion(id: "a2", title: "Ambition", max: 5.0, step: 0.5),
        ]),
        Category(id: "B", title: "Delivery", criteria: [
            Criterion(id: "b2", title: "Budget realism", max: 10.0, step: 0.5),
        ], categories: [
            Category(id: "B1", title: "Team", criteria: [
                Criterion(id: "b1", title: "Team strength", max: 10.0, step: 0.5),
            ]),
        ]),
    ],
    regions: [
        Region(id: "north", name: "North <Bay> & Co", requested: Some(1.5e6)),
        Region(id: "south", name: "South", requested: Some(1.0e6)),
        Region(id: "northeast", name: "Northeast", requested: Some(0.8e6)),
    ],
    reviewers: [
        Reviewer(id: "r1", name: "Rita One"),
        Reviewer(id: "r2", name: "Rob Two"),
    ],
    panels: [
        Panel(id: "p", title: "Panel P", members: ["r1", "r2"], criteria: ["a1", "a2", "b1", "b2"],
              regions: All, rapporteur: Some("r1")),
    ],
    committee: Committee(
        tiers: [
            Tier(id: "gold", title: "Gold award", places: 1),
            Tier(id: "silver", title: "Silver award", places: 1),
        ],
        min_total: Some(10.0),
        budget: Some(Budget(total: 2.0e6, unit: "EUR", rule: RankOrder)),
    ),
)
"#;

const NORTH_COMMENT: &str = "Clear plan; <b>bold</b> & ambitious.\nSecond line.";

fn small_review(review: &str) -> ReviewDir {
    let dir = ReviewDir::from_text(review);
    let mut file = dir.panel_file(
        "p",
        vec![
            (
                "r1",
                sheet()
                    .mark_note("north", "a1", 4.5, "private note alpha")
                    .marks("north", &[("a2", 3.0), ("b1", 8.0), ("b2", 7.0)])
                    .marks(
                        "south",
                        &[("a1", 3.0), ("a2", 2.0), ("b1", 6.0), ("b2", 5.0)],
                    )
                    .marks(
                        "northeast",
                        &[("a1", 1.0), ("a2", 1.0), ("b1", 2.0), ("b2", 2.0)],
                    ),
            ),
            (
                "r2",
                sheet()
                    .marks(
                        "north",
                        &[("a1", 3.5), ("a2", 4.0), ("b1", 9.0), ("b2", 6.0)],
                    )
                    .marks("south", &[("a1", 2.0), ("a2", 3.0), ("b2", 4.0)])
                    .mark_note("south", "b1", 7.0, "private note beta")
                    .marks(
                        "northeast",
                        &[("a1", 2.0), ("a2", 1.0), ("b1", 3.0), ("b2", 1.0)],
                    ),
            ),
        ],
    );
    let mark = |points: f64, note: &str| Mark::new(points, note);
    let north: UniqueMap<Mark> = [
        ("a1".to_string(), mark(4.0, NORTH_COMMENT)),
        ("a2".to_string(), mark(3.5, "")),
        ("b1".to_string(), mark(8.5, "Strong team.")),
    ]
    .into_iter()
    .collect();
    let south: UniqueMap<Mark> = [("a2".to_string(), mark(2.5, "A comment for South alone."))]
        .into_iter()
        .collect();
    file.consensus = Some(Consensus {
        by: "r1".into(),
        updated: ts("2007-06-02T09:00:00Z"),
        marks: [("north".to_string(), north), ("south".to_string(), south)]
            .into_iter()
            .collect(),
    });
    crate::common::write_ron(&dir.panel_path("p"), &file);
    dir
}

#[test]
fn a_letter_gives_the_regions_outcome_numbers_and_the_panels_comments() {
    let dir = small_review(REVIEW);
    run(["feedback", &arg(&dir.path())])
        .assert_code(0)
        .assert_stdout_has("wrote 3 letters to ");
    let letters = letters(&dir.path().join("feedback"));
    let (md, html) = &letters["north"];
    insta::assert_snapshot!("north_letter", md);
    for line in [
        "# Small <call> & co\n",
        "## Review results for North <Bay> & Co (north)\n",
        "- Status: Selected\n",
        "- Tier: Gold award\n",
        "- Allocation: 1.5M EUR (1500000.00 EUR)\n",
        "- Total: 22.50 of 30.00\n",
        "| **Plan & <vision>** | **7.50** | **10.00** |\n",
        "| \u{a0}\u{a0}\u{a0}\u{a0}Clarity of the plan | 4.00 | 5.00 |\n",
        "| \u{a0}\u{a0}\u{a0}\u{a0}Ambition | 3.50 | 5.00 |\n",
        "| **Delivery** | **15.00** | **20.00** |\n",
        "| \u{a0}\u{a0}\u{a0}\u{a0}Budget realism | 6.50 | 10.00 |\n",
        "| \u{a0}\u{a0}\u{a0}\u{a0}**Team** | **8.50** | **10.00** |\n",
        "| \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}Team strength | 8.50 | 10.00 |\n",
        "| **Total** | **22.50** | **30.00** |\n",
        "### Clarity of the plan\n\n> Clear plan; <b>bold</b> & ambitious.\n> Second line.\n",
        "### Team strength\n\n> Strong team.\n",
    ] {
        assert!(md.contains(line), "no {line:?} in\n{md}");
    }
    assert!(
        !md.contains("### Ambition"),
        "an empty comment is none:\n{md}"
    );
    assert!(!md.contains("Rank"), "no rank unless allowed:\n{md}");

    let (south, _) = &letters["south"];
    for line in [
        "- Status: Selected\n",
        "- Tier: Silver award\n",
        "- Allocation: None: the budget did not reach this proposal\n",
        "- Total: 16.00 of 30.00\n",
        "### Ambition\n\n> A comment for South alone.\n",
    ] {
        assert!(south.contains(line), "no {line:?} in\n{south}");
    }
    let (northeast, northeast_html) = &letters["northeast"];
    for line in [
        "- Status: Below the minimum of 10.00\n",
        "- Total: 6.50 of 30.00\n",
        "## Comments of the panels\n\nNo written comments.\n",
    ] {
        assert!(northeast.contains(line), "no {line:?} in\n{northeast}");
    }
    assert!(!northeast.contains("Allocation"), "{northeast}");
    assert!(northeast_html.contains("<p>No written comments.</p>"));

    // The HTML: escaped, the chart of the two top-level categories.
    assert_self_contained(html, "en", "north.html");
    for part in [
        "<h1>Small &lt;call&gt; &amp; co</h1>",
        "<p class=\"region\">Review results for North &lt;Bay&gt; &amp; Co (north)</p>",
        "<blockquote><p>Clear plan; &lt;b&gt;bold&lt;/b&gt; &amp; ambitious.\nSecond line.</p></blockquote>",
        "<tr><th scope=\"row\">Allocation</th><td>1.5M EUR (1500000.00 EUR)</td></tr>",
        "<tr class=\"criterion\"><td style=\"padding-left: 3.5em\">Team strength</td><td class=\"n\">8.50</td><td class=\"n\">10.00</td></tr>",
        // 7.5 of 10 and 15 of 20: three quarters of the 470 of a track.
        ">Plan &amp; &lt;vision&gt;</text>",
        "width=\"352.5\" height=\"14\" fill=\"#2b6cb0\"",
        ">7.50 of 10.00</text>",
        ">15.00 of 20.00</text>",
        // The page header, a CSS string that cannot close the style.
        "@top-center { content: \"Small \\3C call\\3E  \\26  co - North \\3C Bay\\3E  \\26  Co\";",
    ] {
        assert!(html.contains(part), "no {part:?} in\n{html}");
    }
    assert!(!html.contains("<b>") && !html.contains("<Bay>"), "{html}");
    assert_eq!(
        html.matches("<rect ").count(),
        4,
        "two bars, each on its track"
    );
    let seen = html_text(html, "north.html");
    assert!(seen.contains("North <Bay> & Co"), "{seen}");
    assert!(seen.contains(NORTH_COMMENT), "{seen}");

    let secrets = Secrets::of(&dir.path());
    for (region, (md, html)) in &letters {
        secrets.assert_kept(md, region, &format!("{region}.md"));
        secrets.assert_kept(&html_text(html, region), region, &format!("{region}.html"));
    }
    // What the checks look for is there to be found.
    assert!(secrets.private.contains(&"private note alpha".to_string()));
    assert!(
        secrets.regions["south"]
            .1
            .contains(&"A comment for South alone.".to_string())
    );
}

#[test]
fn the_rank_and_japanese_words_when_asked_for() {
    let review = replace_once(
        REVIEW,
        "min_total: Some(10.0),",
        "min_total: Some(10.0), feedback_rank: true,",
    );
    let dir = small_review(&review);
    run(["--lang", "ja", "feedback", &arg(&dir.path())])
        .assert_code(0)
        .assert_stdout_has("3 件の審査結果通知を");
    let letters = letters(&dir.path().join("feedback"));
    let (md, html) = &letters["north"];
    for line in [
        "## North <Bay> & Co（north）の審査結果\n",
        "- 結果：選定\n",
        "- 区分：Gold award\n",
        "- 配分額：150万 EUR（1500000.00 EUR）\n",
        "- 順位：3 件中 1 位\n",
        "- 合計：22.50（満点 30.00）\n",
        "| 評価項目 | 評点 | 満点 |\n",
        "## 講評\n",
    ] {
        assert!(md.contains(line), "no {line:?} in\n{md}");
    }
    assert_self_contained(html, "ja", "north.html (ja)");
    let (south, _) = &letters["south"];
    assert!(south.contains("- 順位：3 件中 2 位\n"), "{south}");
    assert!(
        south.contains("- 配分額：なし（予算の範囲に入りませんでした）\n"),
        "{south}"
    );
    let (northeast, _) = &letters["northeast"];
    assert!(
        northeast.contains("- 結果：基準点（10.00）未満\n"),
        "{northeast}"
    );
    assert!(northeast.contains("- 順位：3 件中 3 位\n"), "{northeast}");
    assert!(
        northeast.contains("書面による講評はありません。"),
        "{northeast}"
    );
}

#[test]
fn out_puts_the_letters_elsewhere_and_an_invalid_review_writes_nothing() {
    let dir = small_review(REVIEW);
    let out = dir.beside("letters");
    run(["feedback", &arg(&dir.path()), "--out", &arg(&out)])
        .assert_code(0)
        .assert_stdout_has(&format!(
            "wrote 3 letters to {}",
            out.join("feedback").display()
        ));
    assert_eq!(letters(&out.join("feedback")).len(), 3);
    assert!(
        !dir.path().join("feedback").exists(),
        "nothing in the review"
    );

    // A letter to a region no longer in the review stays, and is named.
    std::fs::write(out.join("feedback/west.md"), "old").expect("write a stale letter");
    run(["feedback", &arg(&dir.path()), "--out", &arg(&out)])
        .assert_code(0)
        .assert_stderr_has("west.md is not the letter of any region of this review");
    assert!(out.join("feedback/west.md").exists());

    // A panel naming a criterion the rubric lacks: exit 1, the file, the
    // line and the id, and no letter anywhere.
    let broken = replace_once(REVIEW, r#""b1", "b2"]"#, r#""b1", "b9"]"#);
    let dir = small_review(REVIEW);
    std::fs::write(dir.review_ron(), &broken).expect("write review.ron");
    let before = crate::common::snapshot(&dir.path());
    let line = crate::common::line_of(&broken, "\"b9\"");
    run(["feedback", &arg(&dir.path())])
        .assert_code(1)
        .assert_stderr_has(&format!("review.ron:{line}:"))
        .assert_stderr_has("b9")
        .assert_stderr_has("nothing was written");
    assert_eq!(
        crate::common::snapshot(&dir.path()),
        before,
        "nothing written"
    );
}

#[test]
fn the_checks_of_a_letter_catch_what_they_look_for() {
    let dir = small_review(REVIEW);
    run(["feedback", &arg(&dir.path())]).assert_code(0);
    let letters = letters(&dir.path().join("feedback"));
    let secrets = Secrets::of(&dir.path());
    let (md, html) = &letters["north"];
    let caught = |extra: &str| {
        let text = format!("{md}\n{extra}\n");
        std::panic::catch_unwind(|| secrets.assert_kept(&text, "north", "planted")).is_err()
    };
    for leak in [
        "r2 agreed",
        "by Rob Two",
        "private note beta",
        "see south",
        "South",
        "Northeast",
        "A comment for South alone.",
    ] {
        assert!(caught(leak), "{leak:?} went unnoticed");
    }
    // Its own name and id, a longer word, and a title are no leak.
    for fine in [
        "North <Bay> & Co (north)",
        "r22",
        "northern",
        "Team strength",
    ] {
        assert!(!caught(fine), "{fine:?} is no leak");
    }
    let broken = html.replacen("</table>", "</tabel>", 1);
    assert!(std::panic::catch_unwind(|| html_text(&broken, "broken")).is_err());
    assert!(
        std::panic::catch_unwind(|| assert_self_contained(
            &html.replacen(
                "<head>",
                "<head><link rel=\"stylesheet\" href=\"a.css\">",
                1
            ),
            "en",
            "linked"
        ))
        .is_err()
    );
}
