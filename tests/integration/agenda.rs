//! `panelist agenda` (issue 17): the committee meeting's order of regions
//! with the fewest exits of conflicted members, hand-checked on a small
//! review with a conflict of every kind; agenda.md, `--out`, Japanese,
//! `--panel`, the heuristic beyond the exact method, and every sample.

use std::path::Path;

use crate::common::{ReviewDir, panelist, sheet};

/// Four eligible regions and one ineligible; the committee (ann, bob, cy)
/// reviews them all, the panel "tech" (cy, t1) two of them. The conflicts
/// on the eligible regions:
///   a: ann (declared in review.ron), bob (his committee sheet)
///   b: nobody
///   c: bob (his committee sheet), cy (her sheet of panel tech)
///   d: ann (her affiliation is one of d's institutions), cy (declared)
/// and ann on e, which is not discussed (industry below the rule's 1.0).
///
/// In review order a, b, c, d: 2 (ann, bob) + 0 + 2 (bob again, cy) + 1
/// (ann again) = 5 exits. One each (3) would need each of a–c, a–d and c–d
/// next to each other, which no line of three does: 4 at best, and the
/// first such order is a, c, d, b (2 + 1 + 1 + 0).
const REVIEW: &str = r#"Review(
    id: "meeting",
    title: "Small call | 2007",
    categories: [Category(id: "1", title: "One", criteria: [
        Criterion(id: "1-a", title: "A", max: 5.0),
        Criterion(id: "1-b", title: "B", max: 5.0),
    ])],
    regions: [
        Region(id: "a", name: "Alpha", figures: {"industry": 2.0}),
        Region(id: "b", name: "Beta", figures: {"industry": 2.0}),
        Region(id: "c", name: "Gamma", figures: {"industry": 2.0}),
        Region(id: "d", name: "Delta", figures: {"industry": 2.0}, institutions: ["Kyushu University"]),
        Region(id: "e", name: "Epsilon", figures: {"industry": 0.5}),
    ],
    reviewers: [
        Reviewer(id: "ann", name: "A. Ann", conflicts: ["a", "e"], affiliations: [" kyushu university"]),
        Reviewer(id: "bob", name: "B. Bob"),
        Reviewer(id: "cy", name: "C. Cy", conflicts: ["d"]),
        Reviewer(id: "t1", name: "Tech 1"),
    ],
    panels: [
        Panel(id: "committee", title: "Committee", members: ["ann", "bob", "cy"], criteria: ["1-a"],
              regions: All),
        Panel(id: "tech", title: "Tech", members: ["cy", "t1"], criteria: ["1-b"],
              regions: Only(["c", "d"])),
    ],
    committee: Committee(select: 1, eligibility: Some(AtLeast("industry", 1.0))),
)
"#;

const EXPECTED: &str = "\
Agenda: Small call \\| 2007
==========================

Attending (3 members of Committee):
A. Ann (ann), B. Bob (bob), C. Cy (cy)

- Regions: 4, in the order below (1 ineligible left out: e)
- Members step out 4 times (5 in review.ron's order; at least 3 in any order)
- Method: exact; every order was weighed and no other does better

1. Alpha (a)
   - leaves: A. Ann (ann) [declared in review.ron]
   - leaves: B. Bob (bob) [declared on their sheet of panel committee]
2. Gamma (c)
   - leaves: C. Cy (cy) [declared on their sheet of panel tech]
   - returns: A. Ann (ann)
3. Delta (d)
   - leaves: A. Ann (ann) [same institution: Kyushu University]
   - returns: B. Bob (bob)
4. Beta (b)
   - returns: A. Ann (ann)
   - returns: C. Cy (cy)
";

const EXPECTED_JA: &str = "\
審議順：Small call \\| 2007
==========================

出席者（Committeeの委員 3 名）：
A. Ann（ann）、B. Bob（bob）、C. Cy（cy）

- 地域数：4（下記の順に審議。対象外の 1 地域を除く：e）
- 退室：延べ 4 回（review.ron の順では 5 回、どの順でも 3 回以上）
- 求め方：厳密解（すべての順序を比較し、これより退室の少ない順はありません）

1. Alpha（a）
   - 退室：A. Ann（ann）［review.ron で申告済み］
   - 退室：B. Bob（bob）［部会 committee の評価シートで申告済み］
2. Gamma（c）
   - 退室：C. Cy（cy）［部会 tech の評価シートで申告済み］
   - 入室：A. Ann（ann）
3. Delta（d）
   - 退室：A. Ann（ann）［同じ機関: Kyushu University］
   - 入室：B. Bob（bob）
4. Beta（b）
   - 入室：A. Ann（ann）
   - 入室：C. Cy（cy）
";

fn meeting() -> ReviewDir {
    let dir = ReviewDir::from_text(REVIEW);
    dir.write_panel(
        "committee",
        vec![
            ("bob", sheet().draft().conflict("a").conflict("c")),
            ("ann", sheet().draft().mark("b", "1-a", 3.0)),
        ],
    );
    dir.write_panel("tech", vec![("cy", sheet().draft().conflict("c"))]);
    dir
}

/// `panelist [--lang LANG] agenda DIR ARGS...`: exit code, stdout, stderr.
fn agenda(dir: &Path, lang: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut command = panelist();
    if let Some(lang) = lang {
        command.args(["--lang", lang]);
    }
    let out = command
        .arg("agenda")
        .arg(dir)
        .args(args)
        .output()
        .expect("run panelist");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

#[test]
fn a_hand_checked_meeting_gets_the_fewest_exits_and_agenda_md_is_what_was_printed() {
    let dir = meeting();
    let (code, stdout, stderr) = agenda(&dir.path(), Some("en"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, EXPECTED);
    let written = dir.path().join("agenda.md");
    assert_eq!(read(&written), stdout);
    assert!(
        stderr.contains(&format!("wrote {}", written.display())),
        "{stderr}"
    );
    // The same input, the same agenda.
    let (_, again, _) = agenda(&dir.path(), Some("en"), &[]);
    assert_eq!(again, EXPECTED);
}

#[test]
fn the_agenda_in_japanese() {
    let dir = meeting();
    let (code, stdout, stderr) = agenda(&dir.path(), Some("ja"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, EXPECTED_JA);
    assert_eq!(read(&dir.path().join("agenda.md")), EXPECTED_JA);
    assert!(stderr.contains("を書き出しました"), "{stderr}");
}

#[test]
fn out_writes_agenda_md_elsewhere_and_leaves_the_review_directory_alone() {
    let dir = meeting();
    let out = dir.beside("minutes/2007");
    let (code, stdout, stderr) = agenda(
        &dir.path(),
        Some("en"),
        &["--out", &out.display().to_string()],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(read(&out.join("agenda.md")), stdout);
    assert!(!dir.path().join("agenda.md").exists());
}

#[test]
fn the_members_of_the_panels_named_attend_and_return_after_the_last_region() {
    let dir = meeting();
    // tech: cy and t1. cy is out for c (her sheet) and d (declared): once
    // in review order, which is as good as any, and she returns at the end.
    let (code, stdout, stderr) = agenda(&dir.path(), Some("en"), &["--panel", "tech"]);
    assert_eq!(code, 0, "{stderr}");
    let expected = "\
Attending (2 members of Tech):
C. Cy (cy), Tech 1 (t1)

- Regions: 4, in the order below (1 ineligible left out: e)
- Members step out 1 time (1 in review.ron's order; at least 1 in any order)
- Method: exact; each member with a conflict steps out only once, the fewest

1. Alpha (a)
2. Beta (b)
3. Gamma (c)
   - leaves: C. Cy (cy) [declared on their sheet of panel tech]
4. Delta (d)

After the last region:

- returns: C. Cy (cy)
";
    assert!(stdout.ends_with(expected), "{stdout}");
    // Two panels: their members once each, in the panels' order.
    let (code, stdout, _) = agenda(
        &dir.path(),
        Some("en"),
        &["--panel", "tech", "--panel", "committee", "--panel", "tech"],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.contains(
            "Attending (4 members of Tech, Committee):\n\
             C. Cy (cy), Tech 1 (t1), A. Ann (ann), B. Bob (bob)\n"
        ),
        "{stdout}"
    );
}

#[test]
fn without_conflicts_review_order_stands_and_nobody_steps_out() {
    let review = REVIEW
        .replace(
            "conflicts: [\"a\", \"e\"], affiliations: [\" kyushu university\"]",
            "",
        )
        .replace(", conflicts: [\"d\"]", "");
    let dir = ReviewDir::from_text(&review);
    let (code, stdout, stderr) = agenda(&dir.path(), Some("en"), &[]);
    assert_eq!(code, 0, "{stderr}");
    let expected = "\
- Regions: 4, in the order below (1 ineligible left out: e)
- Method: none needed; no member attending has a conflict on any region

1. Alpha (a)
2. Beta (b)
3. Gamma (c)
4. Delta (d)
";
    assert!(stdout.ends_with(expected), "{stdout}");
}

#[test]
fn an_unknown_panel_is_refused_by_name_and_nothing_is_written() {
    let dir = meeting();
    let (code, stdout, stderr) = agenda(&dir.path(), Some("en"), &["--panel", "nope"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("unknown panel \"nope\"; known: committee, tech"),
        "{stderr}"
    );
    assert!(!dir.path().join("agenda.md").exists());
}

#[test]
fn without_a_panel_of_every_region_nobody_attends_and_the_chair_is_told_what_to_do() {
    let review = REVIEW.replace("regions: All", "regions: Only([\"a\", \"b\"])");
    let dir = ReviewDir::from_text(&review);
    let (code, _, stderr) = agenda(&dir.path(), Some("en"), &[]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("--panel ID (panels: committee, tech)"),
        "{stderr}"
    );
    assert!(!dir.path().join("agenda.md").exists());
}

#[test]
fn an_invalid_panel_file_is_named_and_nothing_is_written() {
    let dir = meeting();
    std::fs::write(
        dir.panel_path("tech"),
        "PanelFile(review: \"meeting\", panel: \"tech\",\n",
    )
    .expect("write a torn panel file");
    let (code, stdout, stderr) = agenda(&dir.path(), Some("en"), &[]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("tech.ron:"), "{stderr}");
    assert!(!dir.path().join("agenda.md").exists());
}

/// Seven triangles of conflicts, 21 regions and 21 members: in triangle t,
/// members x, y, z (3t, 3t + 1, 3t + 2) and regions {x, y}, {y, z},
/// {z, x}, listed so that review order takes the first region of every
/// triangle, then every second, then every third. 21 different sets, more
/// than the exact method weighs.
///
/// Each region in review order shares nobody with the one before: 2 exits
/// each, 42. A triangle's regions one after the other cost 2 + 1 + 1 = 4
/// (no line of three keeps every pair together, so not 3), and the
/// triangles share nobody: 28 at best, against a bound of 21 (one each).
fn triangles_review() -> String {
    let triangles = 7;
    let region = |t: usize, k: usize| format!("t{t}r{k}");
    let mut regions = Vec::new();
    for k in 0..3 {
        for t in 0..triangles {
            regions.push(format!(
                "Region(id: \"{}\", name: \"T{t} R{k}\")",
                region(t, k)
            ));
        }
    }
    let mut reviewers = Vec::new();
    let mut members = Vec::new();
    for t in 0..triangles {
        for k in 0..3 {
            // Member k of triangle t is on its regions k and k - 1.
            let id = format!("m{t}{k}");
            reviewers.push(format!(
                "Reviewer(id: \"{id}\", name: \"M{t}{k}\", conflicts: [\"{}\", \"{}\"])",
                region(t, k),
                region(t, (k + 2) % 3)
            ));
            members.push(format!("\"{id}\""));
        }
    }
    format!(
        "Review(id: \"triangles\", title: \"Triangles\",
    categories: [Category(id: \"1\", title: \"One\", criteria: [Criterion(id: \"1-a\", title: \"A\", max: 5.0)])],
    regions: [{}],
    reviewers: [{}],
    panels: [Panel(id: \"committee\", title: \"Committee\", members: [{}], criteria: [\"1-a\"], regions: All)],
    committee: Committee(select: 1),
)",
        regions.join(", "),
        reviewers.join(", "),
        members.join(", ")
    )
}

#[test]
fn beyond_the_exact_method_a_heuristic_says_so_and_beats_review_order() {
    let dir = ReviewDir::from_text(&triangles_review());
    let (code, stdout, stderr) = agenda(&dir.path(), Some("en"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("- Method: heuristic; 21 regions with different conflicts"),
        "{stdout}"
    );
    let line = stdout
        .lines()
        .find(|l| l.starts_with("- Members step out "))
        .expect("the line of exits");
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    let [exits, given, bound] = numbers[..] else {
        panic!("{line}");
    };
    assert_eq!((given, bound), (42, 21), "{line}");
    // The heuristic finds the best here.
    assert_eq!(exits, 28, "{line}");
    assert_eq!(
        stdout.matches("   - leaves: ").count(),
        exits,
        "one line for each exit"
    );
    assert_eq!(
        stdout.matches("- returns: ").count(),
        exits,
        "everyone who left comes back"
    );
    let (_, again, _) = agenda(&dir.path(), Some("en"), &[]);
    assert_eq!(again, stdout, "deterministic");
}

/// Every sample under panels/: the agenda in both languages, into a
/// temporary directory (the repository's samples are never written to),
/// each line within 80 columns.
#[test]
fn every_sample_gets_an_agenda_in_both_languages_within_80_columns() {
    let panels = Path::new(env!("CARGO_MANIFEST_DIR")).join("panels");
    let mut samples: Vec<_> = std::fs::read_dir(&panels)
        .expect("list panels/")
        .map(|e| e.expect("an entry of panels/").path())
        .filter(|p| p.join("review.ron").exists())
        .collect();
    samples.sort();
    assert!(samples.len() >= 6, "{samples:?}");
    let tmp = tempfile::TempDir::new().expect("temporary directory");
    for sample in &samples {
        for lang in ["en", "ja"] {
            let out = tmp
                .path()
                .join(lang)
                .join(sample.file_name().expect("a name"));
            let (code, stdout, stderr) =
                agenda(sample, Some(lang), &["--out", &out.display().to_string()]);
            assert_eq!(code, 0, "{}: {stderr}", sample.display());
            assert_eq!(read(&out.join("agenda.md")), stdout);
            let heading = stdout
                .lines()
                .position(|l| l.starts_with("==="))
                .expect("a heading");
            assert!(heading >= 1, "{stdout}");
            assert!(stdout.contains("\n1. "), "{stdout}");
            for line in stdout.lines() {
                assert!(
                    panelist::text::width(line) <= 80,
                    "{} ({lang}): wider than 80 columns: {line}",
                    sample.display()
                );
            }
        }
        assert!(!sample.join("agenda.md").exists());
    }
}
