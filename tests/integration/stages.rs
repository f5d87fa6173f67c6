//! SPEC's "Stages": a review that follows an earlier one scores only the
//! regions that review selected. `check` and `merge` verify it against the
//! earlier results.ron (an error located in review.ron, a warning when the
//! earlier review is not merged yet), report.md names that file with its
//! SHA-256, and `init --from` starts such a review from the earlier one.

use std::path::{Path, PathBuf};

use panelist::model::{Category, Criterion, Follows, Regions, Review, Tier};

use crate::common::*;

/// The first stage, at `<tmp>/review`: four regions, a rubric with a
/// nested category and minimums, three panels. The means are north 10,
/// south 8, east 6, west 4: with `select: 2` north and south are
/// Selected; with `tiers`, north in "cluster" and south in "fs".
fn first_stage(tiers: bool) -> ReviewDir {
    let mut review = ReviewBuilder::new()
        .id("first")
        .category("A", &[("a1", 10.0, 1.0)])
        .regions(&["north", "south", "east", "west"])
        .reviewers(&["ann", "bob", "cy"])
        .conflicts("bob", &["west"])
        .panel("board", &["ann"], &["a1", "b1"], None)
        .panel("local", &["bob"], &["a1"], Some(&["south", "east"]))
        .panel("far", &["cy"], &["a1"], Some(&["east", "west"]))
        .select(2)
        .build();
    let rubric = &mut review.categories[0];
    rubric.min = Some(2.0);
    rubric.criteria[0].min = Some(1.0);
    rubric.categories.push(Category {
        id: "B".into(),
        title: "Category B".into(),
        criteria: vec![Criterion {
            id: "b1".into(),
            title: "Criterion b1".into(),
            max: 2.0,
            step: 1.0,
            guidance: "How far it reaches".into(),
            min: None,
        }],
        categories: Vec::new(),
        min: None,
    });
    let north = &mut review.regions[0];
    north.fields = vec!["IT".into(), "Bio".into()];
    north.summary = "The northern cluster".into();
    north.figures.insert("industry".into(), 3.4);
    north.requested = Some(1.0e9);
    if tiers {
        review.committee.select = None;
        review.committee.tiers = vec![tier("cluster", 1), tier("fs", 1)];
    }
    let dir = ReviewDir::new(review);
    let both = |a1: f64| [("a1", a1), ("b1", 1.0)];
    dir.write_panel(
        "board",
        vec![(
            "ann",
            sheet()
                .marks("north", &both(9.0))
                .marks("south", &both(7.0))
                .marks("east", &both(5.0))
                .marks("west", &both(3.0)),
        )],
    );
    dir.write_panel(
        "local",
        vec![(
            "bob",
            sheet().mark("south", "a1", 7.0).mark("east", "a1", 5.0),
        )],
    );
    dir.write_panel(
        "far",
        vec![(
            "cy",
            sheet().mark("east", "a1", 5.0).mark("west", "a1", 3.0),
        )],
    );
    dir
}

fn tier(id: &str, places: u32) -> Tier {
    Tier {
        id: id.into(),
        title: format!("Tier {id}"),
        places,
        funded: true,
    }
}

fn merge(dir: &Path) {
    run(["merge", "--no-analysis", &arg(dir)]).assert_code(0);
}

/// A second stage beside the first, at `<tmp>/second`: `regions` of the
/// first, its rubric, one panel, and `follows` as given. Returns its
/// directory and the text of its review.ron.
fn second_stage(
    first: &ReviewDir,
    regions: &[&str],
    follows: &str,
    tiers: &[&str],
) -> (PathBuf, String) {
    let mut review = ReviewBuilder::new()
        .id("second")
        .regions(regions)
        .reviewers(&["ann"])
        .panel("board", &["ann"], &["a1", "b1"], None)
        .build();
    review.categories = first.review.categories.clone();
    review.follows = Some(Follows {
        review: follows.into(),
        tiers: tiers.iter().map(ToString::to_string).collect(),
    });
    let dir = first.beside("second");
    write_ron(&dir.join("review.ron"), &review);
    std::fs::create_dir_all(dir.join("scores")).expect("create scores/");
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("review.ron");
    (dir, text)
}

/// Asserts that a line of `stderr` names `file:line:` and holds every one
/// of `wanted`.
#[track_caller]
fn assert_problem(stderr: &str, file: &Path, line: usize, wanted: &[&str]) {
    let at = format!("{}:{line}:", file.display());
    let found = stderr
        .lines()
        .any(|l| l.starts_with(&at) && wanted.iter().all(|w| l.contains(w)));
    assert!(
        found,
        "no problem at {at} with {wanted:?} in stderr:\n{stderr}"
    );
}

/// `check` and `merge` both refuse the review in `dir`, and merge writes nothing.
#[track_caller]
fn refused(dir: &Path) -> Run {
    let check = run(["check", &arg(dir)]);
    check.assert_code(1);
    run(["merge", "--no-analysis", &arg(dir)])
        .assert_code(1)
        .assert_stderr_has(check.stderr.lines().next().unwrap_or("?"));
    assert!(!dir.join("results.ron").exists(), "merge wrote nothing");
    assert!(!dir.join("report.md").exists(), "merge wrote nothing");
    check
}

#[test]
fn following_a_missing_directory_is_an_error_at_the_follows_line() {
    let first = first_stage(false);
    let (second, text) = second_stage(&first, &["north"], "../nowhere", &[]);
    let check = refused(&second);
    let resolved = second.join("../nowhere");
    assert_problem(
        &check.stderr,
        &second.join("review.ron"),
        line_of(&text, "follows:"),
        &[
            "\"../nowhere\"",
            &resolved.display().to_string(),
            "does not exist",
        ],
    );
    // A directory that holds no review is refused the same way.
    let (second, text) = second_stage(&first, &["north"], "../review/scores", &[]);
    let check = refused(&second);
    assert_problem(
        &check.stderr,
        &second.join("review.ron"),
        line_of(&text, "follows:"),
        &["\"../review/scores\"", "without review.ron"],
    );
}

#[test]
fn following_a_review_not_merged_yet_warns_and_goes_on() {
    let first = first_stage(false);
    let (second, _) = second_stage(&first, &["north", "south"], "../review", &[]);
    let earlier = second.join("../review").display().to_string();
    run(["check", &arg(&second)])
        .assert_code(0)
        .assert_stderr_has("warning: the earlier review \"../review\"")
        .assert_stderr_has("has no results.ron yet")
        .assert_stderr_has(&format!("panelist merge {earlier}"));
    run(["merge", "--no-analysis", &arg(&second)])
        .assert_code(0)
        .assert_stderr_has("has no results.ron yet");
    let results = std::fs::read_to_string(second.join("results.ron")).expect("results.ron");
    assert!(results.contains("has no results.ron yet"), "{results}");
    let report = std::fs::read_to_string(second.join("report.md")).expect("report.md");
    assert!(report.contains("has no results.ron yet"), "{report}");
    assert!(
        !report.contains(&earlier),
        "the report names the earlier review as follows does:\n{report}"
    );
    assert!(!report.contains("the review this one follows,"), "{report}");
}

#[test]
fn a_region_the_earlier_review_did_not_select_is_an_error_naming_it() {
    let first = first_stage(false);
    merge(&first.path());
    let (second, text) = second_stage(&first, &["north", "east", "west"], "../review", &[]);
    let check = refused(&second);
    let results = second.join("../review/results.ron").display().to_string();
    let file = second.join("review.ron");
    for region in ["east", "west"] {
        assert_problem(
            &check.stderr,
            &file,
            line_of(&text, &format!("id: \"{region}\"")),
            &[&format!("region \"{region}\""), "NotSelected", &results],
        );
    }
    assert!(
        !check.stderr.contains("\"north\""),
        "north was selected:\n{}",
        check.stderr
    );
    // The regions it selected pass, and tiers: ["selected"] is the tier of select: N.
    let (second, _) = second_stage(&first, &["south", "north"], "../review", &["selected"]);
    run(["check", &arg(&second)])
        .assert_code(0)
        .assert_stdout_has("ok: review.ron");
}

#[test]
fn a_region_selected_in_a_tier_not_followed_is_refused() {
    let first = first_stage(true);
    merge(&first.path());
    let (second, text) = second_stage(&first, &["north", "south"], "../review", &["cluster"]);
    let check = refused(&second);
    assert_problem(
        &check.stderr,
        &second.join("review.ron"),
        line_of(&text, "id: \"south\""),
        &["region \"south\"", "tier \"fs\"", "(cluster)"],
    );
    assert!(!check.stderr.contains("\"north\""), "{}", check.stderr);
    let (second, _) = second_stage(&first, &["north", "south"], "../review", &["cluster", "fs"]);
    run(["check", &arg(&second)]).assert_code(0);
    let (second, _) = second_stage(&first, &["north", "south"], "../review", &[]);
    run(["check", &arg(&second)]).assert_code(0);
}

#[test]
fn a_tier_the_earlier_results_lack_is_an_error() {
    let first = first_stage(true);
    merge(&first.path());
    let (second, text) = second_stage(&first, &["north"], "../review", &["cluster", "selected"]);
    let check = refused(&second);
    assert_problem(
        &check.stderr,
        &second.join("review.ron"),
        line_of(&text, "\"selected\""),
        &["tier \"selected\"", "its tiers: cluster, fs"],
    );
    // Without tiers, select: N has the one tier "selected".
    let plain = first_stage(false);
    merge(&plain.path());
    let (second, _) = second_stage(&plain, &["north"], "../review", &["cluster"]);
    refused(&second).assert_stderr_has("its tiers: selected");
}

#[test]
fn results_that_cannot_be_read_are_an_error_naming_them() {
    let first = first_stage(false);
    std::fs::write(first.path().join("results.ron"), "Results(review: \n").expect("write");
    let (second, _) = second_stage(&first, &["north"], "../review", &[]);
    let check = refused(&second);
    let results = second.join("../review/results.ron").display().to_string();
    assert!(
        check.stderr.contains(&format!("{results}:")) && check.stderr.contains("merge it again"),
        "{}",
        check.stderr
    );
}

/// The SHA-256 of a file, as report.md lists it.
fn sha256(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(std::fs::read(path).expect("read")))
}

fn read_review(dir: &Path) -> (String, Review) {
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("review.ron");
    let review = ron::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    (text, review)
}

#[test]
fn init_from_starts_the_next_stage_which_checks_merges_and_names_the_earlier_results() {
    let first = first_stage(false);
    merge(&first.path());
    let second = first.beside("second");
    let s = arg(&second);
    run(["init", "--from", &arg(&first.path()), &s])
        .assert_code(0)
        .assert_stdout_has("the 2 regions selected in")
        .assert_stdout_has("panelist check");
    assert!(second.join("scores").is_dir());
    let (text, review) = read_review(&second);
    assert!(
        text.starts_with("// Started by `panelist init --from "),
        "{text}"
    );
    let ids: Vec<&str> = review.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["north", "south"],
        "the selected regions, in review.ron's order"
    );
    assert_eq!(
        review.regions[0], first.review.regions[0],
        "every field kept"
    );
    assert_eq!(
        review.categories, first.review.categories,
        "the rubric, nested, with minimums"
    );
    assert_eq!(review.committee, first.review.committee);
    assert_eq!(review.reviewers.len(), 3);
    assert!(
        review.reviewers[1].conflicts.is_empty(),
        "west is not in this stage"
    );
    let panels: Vec<(&str, &Regions)> = review
        .panels
        .iter()
        .map(|p| (p.id.as_str(), &p.regions))
        .collect();
    assert_eq!(
        panels,
        [
            ("board", &Regions::All),
            ("local", &Regions::Only(vec!["south".into()])),
        ],
        "far covered none of them"
    );
    assert_eq!(
        review.follows,
        Some(Follows {
            review: "../review".into(),
            tiers: Vec::new()
        })
    );
    assert_eq!(review.id, "second");
    run(["check", &s])
        .assert_code(0)
        .assert_stdout_has("ok: review.ron and 0 panel files");
    run([
        "mark",
        &s,
        "--reviewer",
        "ann",
        "--panel",
        "board",
        "north",
        "a1",
        "6",
    ])
    .assert_code(0);
    merge(&second);
    let report = std::fs::read_to_string(second.join("report.md")).expect("report.md");
    let earlier = sha256(&first.path().join("results.ron"));
    let row = format!(
        "| `../review/results.ron` (the results of the review this one follows, whose selected regions it scores) | `{earlier}` |"
    );
    assert!(report.contains(&row), "{row}\nnot in\n{report}");
}

#[test]
fn init_from_with_a_tier_takes_only_that_tiers_regions() {
    let first = first_stage(true);
    merge(&first.path());
    let second = first.beside("second");
    run([
        "init",
        "--from",
        &arg(&first.path()),
        "--tier",
        "fs",
        &arg(&second),
    ])
    .assert_code(0)
    .assert_stdout_has("the 1 region selected");
    let (text, review) = read_review(&second);
    assert!(
        text.contains("selected in tiers fs, with all their fields"),
        "{text}"
    );
    let ids: Vec<&str> = review.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["south"]);
    // The earlier tiers were that stage's outcome: this stage starts from
    // every region it holds, its other rules kept, and says so.
    assert_eq!(review.committee.select, Some(1));
    assert!(review.committee.tiers.is_empty(), "{text}");
    assert_eq!(
        review.committee.tie_break, first.review.committee.tie_break,
        "the rules kept"
    );
    let comment = [
        "    committee: Committee(",
        "        // Places: every region here (1) to start with. The earlier review's",
        "        // places (tiers cluster: 1, fs: 1) were its own outcome, not this stage's: set select,",
        "        // or tiers, to what this stage decides.",
        "        select: 1,",
    ];
    assert!(text.contains(&comment.join("\n")), "{text}");
    assert_eq!(
        review.follows.map(|f| f.tiers),
        Some(vec!["fs".to_string()])
    );
    run(["check", &arg(&second)]).assert_code(0);
    // A tier the earlier results lack is refused, and nothing is written.
    let other = first.beside("other");
    run([
        "init",
        "--from",
        &arg(&first.path()),
        "--tier",
        "reserve",
        &arg(&other),
    ])
    .assert_code(1)
    .assert_stderr_has("no tier \"reserve\"")
    .assert_stderr_has("cluster, fs");
    assert!(!other.exists(), "nothing was created");
}

#[test]
fn init_from_in_japanese_explains_itself_in_japanese() {
    let first = first_stage(false);
    merge(&first.path());
    let second = first.beside("second");
    run([
        "--lang",
        "ja",
        "init",
        "--from",
        &arg(&first.path()),
        &arg(&second),
    ])
    .assert_code(0)
    .assert_stdout_has("2 地域");
    let (text, _) = read_review(&second);
    let comments: Vec<&str> = text.lines().filter(|l| l.starts_with("//")).collect();
    assert!(comments.len() >= 5, "{text}");
    assert!(
        comments.iter().skip(1).all(|l| !l.is_ascii()),
        "every comment is in Japanese:\n{text}"
    );
    run(["check", &arg(&second)]).assert_code(0);
}

#[test]
fn init_from_refuses_a_review_not_merged_yet_and_writes_nothing() {
    let first = first_stage(false);
    let second = first.beside("second");
    run(["init", "--from", &arg(&first.path()), &arg(&second)])
        .assert_code(1)
        .assert_stderr_has("has no results.ron yet")
        .assert_stderr_has("merge it first");
    assert!(!second.exists(), "nothing was created");
}

#[test]
fn init_from_never_overwrites_a_review() {
    let first = first_stage(false);
    merge(&first.path());
    let second = first.beside("second");
    std::fs::create_dir(&second).expect("mkdir");
    std::fs::write(second.join("review.ron"), "// mine\n").expect("write");
    run(["init", "--from", &arg(&first.path()), &arg(&second)])
        .assert_code(1)
        .assert_stderr_has("already exists");
    assert_eq!(
        std::fs::read_to_string(second.join("review.ron")).expect("review.ron"),
        "// mine\n"
    );
    assert!(!second.join("scores").exists(), "nothing was created");
}

#[test]
fn a_tier_without_from_is_a_usage_error() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    run(["init", "--tier", "fs", &arg(&tmp.path().join("x"))]).assert_code(2);
}

#[test]
fn init_from_writes_strings_as_a_person_would_and_they_read_back_the_same() {
    let first = first_stage(false);
    let summary = "Kyushu's \"silicon\" island: 九州のシリコンアイランド、が\u{3099}\nline two";
    let title = "Region's title";
    let text = std::fs::read_to_string(first.review_ron()).expect("review.ron");
    let text = replace_once(&text, "\"The northern cluster\"", &format!("{summary:?}"));
    let text = replace_once(&text, "name: \"North\"", &format!("name: {title:?}"));
    std::fs::write(first.review_ron(), text).expect("write review.ron");
    merge(&first.path());
    let second = first.beside("second");
    run(["init", "--from", &arg(&first.path()), &arg(&second)]).assert_code(0);
    let (text, review) = read_review(&second);
    assert!(!text.contains("\\'"), "no escaped apostrophe:\n{text}");
    assert!(!text.contains("\\u{"), "no escaped mark:\n{text}");
    assert!(
        text.contains(
            "summary: \"Kyushu's \\\"silicon\\\" island: 九州のシリコンアイランド、が\u{3099}\\nline two\","
        ),
        "{text}"
    );
    assert!(text.contains("name: \"Region's title\","), "{text}");
    assert_eq!(review.regions[0].summary, summary, "read back as it was");
    assert_eq!(review.regions[0].name, title);
    run(["check", &arg(&second)]).assert_code(0);
}
