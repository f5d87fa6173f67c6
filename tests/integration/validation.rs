//! Every validation rule of SPEC.md, each with a malformed file, through the
//! command line: exit code 1, and a message naming the file, the line where
//! the offending thing is, and the offending id. Also: `check` lists every
//! problem, `merge` writes nothing on invalid input, missing directories and
//! usage errors, and no input makes panelist panic.

use std::path::Path;

use crate::common::*;

/// Asserts that one line of `stderr` names `file:line:` and holds every one
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

/// The small review with `from` replaced by `to` in review.ron; `at` is a
/// text that occurs once in the broken file, on the line of the offending id.
struct BrokenReview {
    dir: ReviewDir,
    line: usize,
}

fn broken_review(from: &str, to: &str, at: &str) -> BrokenReview {
    let dir = small_review();
    let text = replace_once(SMALL_REVIEW, from, to);
    std::fs::write(dir.review_ron(), &text).unwrap();
    let line = line_of(&text, at);
    BrokenReview { dir, line }
}

impl BrokenReview {
    /// `panelist check` fails naming review.ron, the line and `wanted`.
    #[track_caller]
    fn check_names(&self, wanted: &[&str]) -> Run {
        let result = run(["check", &arg(&self.dir.path())]);
        result.assert_code(1);
        assert_problem(&result.stderr, &self.dir.review_ron(), self.line, wanted);
        assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
        result
    }

    /// `panelist merge` fails the same way and writes nothing.
    #[track_caller]
    fn merge_names(&self, wanted: &[&str]) {
        let out = self.dir.beside("out");
        let result = run(["merge", &arg(&self.dir.path()), "--out", &arg(&out)]);
        result.assert_code(1);
        assert_problem(&result.stderr, &self.dir.review_ron(), self.line, wanted);
        assert!(!out.exists(), "merge wrote results from an invalid review");
    }
}

#[test]
fn the_fixture_and_the_sample_are_valid_and_check_prints_the_fingerprint() {
    let dir = small_review();
    // SPEC's fingerprint, computed here independently of panelist:
    let text = "category A\ncriterion a1 10.000 0.500\ncriterion a2 5.000 1.000\n\
                category B\ncriterion b1 4.000 0.250\n";
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    let expected: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(fingerprint(&dir.review), expected);
    let result = run(["check", &arg(&dir.path())]);
    result
        .assert_code(0)
        .assert_stdout_has(&format!("rubric fingerprint {expected}"))
        .assert_stdout_has("2 panel files with 3 sheets are valid");

    let result = run(["check", &arg(&sample_dir())]);
    result
        .assert_code(0)
        .assert_stdout_has("review.ron: rubric fingerprint 6f88b0b612880869")
        .assert_stdout_has("5 panel files with 47 sheets are valid");
    assert_eq!(result.stderr, "");
}

// ---------------------------------------------------------------------------
// review.ron
// ---------------------------------------------------------------------------

#[test]
fn a_repeated_region_id() {
    let broken = broken_review(
        r#"Region(id: "east", name: "East")"#,
        r#"Region(id: "north", name: "East")"#,
        r#"Region(id: "north", name: "East")"#,
    );
    broken.check_names(&["region id \"north\" repeats"]);
    broken.merge_names(&["region id \"north\" repeats"]);
}

#[test]
fn a_repeated_reviewer_id() {
    broken_review(
        r#"Reviewer(id: "dee", name: "Dee")"#,
        r#"Reviewer(id: "ann", name: "Dee")"#,
        r#"Reviewer(id: "ann", name: "Dee")"#,
    )
    .check_names(&["reviewer id \"ann\" repeats"]);
}

#[test]
fn a_repeated_panel_id() {
    let broken = broken_review(
        r#"Panel(id: "experts", title: "Experts""#,
        r#"Panel(id: "board", title: "Experts""#,
        r#"Panel(id: "board", title: "Experts""#,
    );
    broken.check_names(&["panel id \"board\" repeats"]);
    broken.merge_names(&["panel id \"board\" repeats"]);
}

#[test]
fn a_repeated_criterion_id() {
    broken_review(
        r#"Criterion(id: "b1", title: "Criterion b1""#,
        r#"Criterion(id: "a1", title: "Criterion b1""#,
        r#"Criterion(id: "a1", title: "Criterion b1""#,
    )
    .check_names(&["criterion id \"a1\" repeats"]);
}

#[test]
fn a_repeated_category_id() {
    broken_review(
        "id: \"B\",\n            title: \"Category B\"",
        "id: \"A\",\n            title: \"Category B\"",
        "id: \"A\",\n            title: \"Category B\"",
    )
    .check_names(&["category id \"A\" repeats"]);
}

#[test]
fn a_panel_naming_an_unknown_reviewer() {
    let broken = broken_review(
        r#"members: ["ann", "bob", "cy"]"#,
        r#"members: ["ann", "bob", "zed"]"#,
        r#""zed""#,
    );
    broken.check_names(&["panel \"board\" names unknown reviewer \"zed\""]);
    broken.merge_names(&["unknown reviewer \"zed\""]);
}

const KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGjEGrkqZV2kiEctlRXSHxYAMfu1ApdGiFjlaH+kbNuf ann@laptop";

#[test]
fn a_key_that_is_not_an_openssh_public_key() {
    let broken = broken_review(
        r#"Reviewer(id: "ann", name: "Ann"),"#,
        &format!("Reviewer(id: \"ann\", name: \"Ann\",\n keys: [\"{KEY}\",\n \"garbage\"]),"),
        r#""garbage""#,
    );
    broken.check_names(&[
        "key 2 of reviewer \"ann\" is not an OpenSSH public key",
        "paste the whole line of their .pub file",
    ]);
}

#[test]
fn a_key_with_openssh_options_is_refused_not_half_honoured() {
    let broken = broken_review(
        r#"Reviewer(id: "ann", name: "Ann"),"#,
        &format!(
            "Reviewer(id: \"ann\", name: \"Ann\",\n keys: [\"from=\\\"10.9.9.9\\\",no-pty {KEY}\"]),"
        ),
        "from=",
    );
    broken.check_names(&[
        "key 1 of reviewer \"ann\" starts with OpenSSH options (from=\"10.9.9.9\",no-pty)",
        "keep the line from the key type on",
    ]);
}

#[test]
fn one_key_for_two_reviewers() {
    let broken = broken_review(
        r#"Reviewer(id: "ann", name: "Ann"),
        Reviewer(id: "bob", name: "Bob", conflicts: ["east"]),"#,
        &format!(
            "Reviewer(id: \"ann\", name: \"Ann\", keys: [\"{KEY}\"]),\n        Reviewer(id: \"bob\", name: \"Bob\", conflicts: [\"east\"],\n keys: [\"{}\"]),",
            KEY.replace("ann@laptop", "bob@desk")
        ),
        "bob@desk",
    );
    broken.check_names(&[
        "key 1 of reviewer \"bob\" is also a key of \"ann\"",
        "give each reviewer a key of their own",
    ]);
}

#[test]
fn a_panel_naming_an_unknown_criterion() {
    broken_review(
        r#"criteria: ["a1", "a2"]"#,
        r#"criteria: ["a1", "a9"]"#,
        r#""a9""#,
    )
    .check_names(&["panel \"board\" names unknown criterion \"a9\""]);
}

#[test]
fn a_panel_naming_an_unknown_region() {
    broken_review(
        r#"Only(["north", "south"])"#,
        r#"Only(["north", "west"])"#,
        r#""west""#,
    )
    .check_names(&["panel \"experts\" names unknown region \"west\""]);
}

#[test]
fn a_maximum_of_zero_or_less() {
    for max in ["0.0", "-5.0"] {
        broken_review(
            r#"title: "Criterion a2", max: 5.0"#,
            &format!(r#"title: "Criterion a2", max: {max}"#),
            r#"title: "Criterion a2""#,
        )
        .check_names(&["criterion \"a2\": max must be a number greater than 0"]);
    }
}

#[test]
fn a_step_of_zero_or_less() {
    for step in ["0.0", "-0.25"] {
        let broken = broken_review(
            "step: 0.25",
            &format!("step: {step}"),
            r#"title: "Criterion b1""#,
        );
        let result =
            broken.check_names(&["criterion \"b1\": step must be a number greater than 0"]);
        assert!(
            !result.stderr.contains("is not a multiple"),
            "{}",
            result.stderr
        );
    }
}

#[test]
fn a_maximum_off_the_step() {
    let broken = broken_review("max: 10.0, step: 0.5", "max: 10.2, step: 0.5", "max: 10.2");
    broken.check_names(&["criterion \"a1\": max 10.2 is not a multiple of step 0.5"]);
    broken.merge_names(&["max 10.2 is not a multiple of step 0.5"]);
}

#[test]
fn a_tie_break_entry_that_is_not_a_category() {
    let broken = broken_review(
        r#"tie_break: ["B", "A"]"#,
        r#"tie_break: ["B", "a1"]"#,
        "tie_break",
    );
    broken.check_names(&["tie_break names \"a1\", which is not a category id"]);
    broken.merge_names(&["tie_break names \"a1\""]);
}

#[test]
fn ids_with_characters_other_than_letters_digits_underscore_and_dash() {
    for bad in ["east/1", "east west", "ëast", "east.ron", ""] {
        broken_review(
            r#"Region(id: "east", name: "East")"#,
            &format!(r#"Region(id: "{bad}", name: "East")"#),
            r#"name: "East""#,
        )
        .check_names(&[&format!("region id \"{bad}\" is not a valid id")]);
    }
    broken_review(
        r#"id: "small""#,
        r#"id: "small review""#,
        r#"id: "small review""#,
    )
    .check_names(&["review id \"small review\" is not a valid id"]);
}

#[test]
fn ids_of_up_to_64_characters() {
    let dir = small_review();
    let long = "d".repeat(64);
    std::fs::write(
        dir.review_ron(),
        SMALL_REVIEW.replace("\"dee\"", &format!("\"{long}\"")),
    )
    .unwrap();
    // the sheet of "dee" in experts.ron no longer names a reviewer
    std::fs::remove_file(dir.panel_path("experts")).unwrap();
    run(["check", &arg(&dir.path())]).assert_code(0);

    let longer = "d".repeat(65);
    let text = SMALL_REVIEW.replace("\"dee\"", &format!("\"{longer}\""));
    std::fs::write(dir.review_ron(), &text).unwrap();
    let line = line_of(&text, r#"name: "Dee""#);
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(1);
    assert_problem(
        &result.stderr,
        &dir.review_ron(),
        line,
        &[&format!("reviewer id \"{longer}\" is not a valid id")],
    );
}

#[test]
fn two_panels_sharing_a_member_may_not_cover_the_same_region_and_criterion() {
    // cy sits on both; experts now also scores a2, which the board scores
    // for every region.
    let broken = broken_review(
        r#"criteria: ["b1"]"#,
        r#"criteria: ["b1", "a2"]"#,
        r#"Panel(id: "experts""#,
    );
    let wanted = [
        "panels \"board\" and \"experts\" share reviewer \"cy\"",
        "region \"north\", criterion \"a2\"",
    ];
    broken.check_names(&wanted);
    broken.merge_names(&wanted);
}

#[test]
fn a_review_ron_syntax_error_gives_line_and_column() {
    let broken = broken_review("regions: [\n", "regions: [[\n", "regions: [[");
    // `    regions: [[`: the second `[` (column 15) is where `Region(` was expected
    let line = broken.line;
    let result = run(["check", &arg(&broken.dir.path())]);
    result.assert_code(1);
    assert_problem(
        &result.stderr,
        &broken.dir.review_ron(),
        line,
        &["Expected opening `(` for struct `Region`"],
    );
    result.assert_stderr_has(&format!("review.ron:{line}:15:"));
}

#[test]
fn an_unknown_field_in_review_ron() {
    broken_review(
        "disagreement: 0.4)",
        "disagreement: 0.4, minimum: 3)",
        "minimum",
    )
    .check_names(&["Unexpected field named `minimum`"]);
}

// ---------------------------------------------------------------------------
// Panel files
// ---------------------------------------------------------------------------

/// The small review with `from` replaced by `to` in `scores/<panel>.ron`.
struct BrokenPanel {
    dir: ReviewDir,
    file: std::path::PathBuf,
    line: usize,
}

fn broken_panel(panel: &str, from: &str, to: &str, at: &str) -> BrokenPanel {
    let dir = small_review();
    let file = dir.panel_path(panel);
    let text = replace_once(&std::fs::read_to_string(&file).unwrap(), from, to);
    std::fs::write(&file, &text).unwrap();
    let line = line_of(&text, at);
    BrokenPanel { dir, file, line }
}

impl BrokenPanel {
    #[track_caller]
    fn check_names(&self, wanted: &[&str]) -> Run {
        let result = run(["check", &arg(&self.dir.path())]);
        result.assert_code(1);
        assert_problem(&result.stderr, &self.file, self.line, wanted);
        assert!(!result.stderr.contains("panicked"), "{}", result.stderr);
        result
    }

    #[track_caller]
    fn merge_names(&self, wanted: &[&str]) {
        let out = self.dir.beside("out");
        let result = run(["merge", &arg(&self.dir.path()), "--out", &arg(&out)]);
        result.assert_code(1);
        assert_problem(&result.stderr, &self.file, self.line, wanted);
        assert!(
            !out.exists(),
            "merge wrote results from an invalid panel file"
        );
    }
}

#[test]
fn a_panel_file_syntax_error_gives_line_and_column() {
    let broken = broken_panel(
        "board",
        r#""a2": Mark(points: 3.0),"#,
        r#""a2": Mark(points 3.0),"#,
        r#""a2": Mark(points 3.0),"#,
    );
    // `                    "a2": Mark(points 3.0),`: the colon is missing at column 38
    let result = broken.check_names(&["Expected colon"]);
    result.assert_stderr_has(&format!("board.ron:{}:38:", broken.line));
    broken.merge_names(&["Expected colon"]);
}

/// A value of the wrong form names the field, the value as written and the
/// form it takes, not ron's parser ("failed to parse four digit integer").
#[test]
fn a_value_of_the_wrong_form_is_named_with_the_form_it_takes() {
    let cases = [
        (
            "submitted: false,",
            "submitted: yes,",
            "submitted: yes is not true or false",
        ),
        (
            "points: 3.0",
            "points: \"high\"",
            "points: \"high\" is not a number like 4.5",
        ),
        (
            "points: 3.0",
            "points: 3,5",
            "points: 3,5 has a decimal comma; write 3.5, with a point",
        ),
    ];
    for (from, to, wanted) in cases {
        let broken = broken_panel("board", from, to, to);
        broken.check_names(&[wanted]);
        broken.merge_names(&[wanted]);
    }
    // ann's sheet is the submitted one: her `updated` line, with the one before.
    let text = std::fs::read_to_string(small_review().panel_path("board")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == "submitted: true,")
        .expect("ann's sheet");
    let from = format!("{}\n{}", lines[at], lines[at + 1]);
    let to = from.replace(
        lines[at + 1].trim().trim_end_matches(','),
        "updated: \"yesterday\"",
    );
    let broken = broken_panel("board", &from, &to, "yesterday");
    broken.check_names(&["updated: \"yesterday\" is not a UTC time like \"2007-06-01T10:15:00Z\""]);
}

#[test]
fn a_value_of_the_wrong_form_in_review_ron() {
    let cases = [
        (
            "max: 4.0",
            "max: \"4\"",
            "max: \"4\" is not a number like 5.0",
        ),
        (
            "select: 2",
            "select: -2",
            "select: -2 is not a whole number of 0 or more",
        ),
        (
            "select: 2",
            "select: 2.5",
            "select: 2.5 is not a whole number of 0 or more",
        ),
        (
            "aggregate: Mean",
            "aggregate: \"Mean\"",
            "aggregate: \"Mean\" takes a name, not text: write aggregate: Mean, without quotes",
        ),
        (
            "step: 0.25",
            "step: 0,25",
            "step: 0,25 has a decimal comma; write 0.25",
        ),
        (
            "min_total: None",
            "min_total: 50.0",
            "min_total: 50.0 is not None or Some(...); write Some(50.0)",
        ),
    ];
    for (from, to, wanted) in cases {
        broken_review(from, to, to).check_names(&[wanted]);
    }
}

#[test]
fn a_misspelt_field_is_an_error_not_ignored() {
    // `submited: true` ignored would turn a submitted sheet into a draft.
    let broken = broken_panel("board", "submitted: false,", "submited: false,", "submited");
    let result = broken.check_names(&["Unexpected field named `submited`"]);
    result.assert_stderr_has(&format!("board.ron:{}:13:", broken.line));
    broken.merge_names(&["`submited`"]);
}

#[test]
fn a_sheet_key_given_twice() {
    let broken = broken_panel(
        "board",
        r#""bob": Sheet("#,
        r#""ann": Sheet("#,
        "\"ann\": Sheet(\n            submitted: false",
    );
    broken.check_names(&["duplicate key \"ann\""]);
    broken.merge_names(&["duplicate key \"ann\""]);
}

#[test]
fn a_mark_key_given_twice() {
    broken_panel(
        "board",
        r#""a2": Mark(points: 3.0),"#,
        r#""a1": Mark(points: 3.0),"#,
        r#""a1": Mark(points: 3.0),"#,
    )
    .check_names(&["duplicate key \"a1\""]);
}

#[test]
fn a_panel_file_of_another_review() {
    let broken = broken_panel(
        "board",
        r#"review: "small","#,
        r#"review: "other","#,
        "review:",
    );
    broken.check_names(&["panel file is for review \"other\", but review.ron is \"small\""]);
    broken.merge_names(&["review \"other\""]);
}

#[test]
fn a_panel_field_not_matching_the_file_name() {
    let dir = small_review();
    let text = std::fs::read_to_string(dir.panel_path("board")).unwrap();
    let copy = dir.scores().join("board-copy.ron");
    std::fs::write(&copy, &text).unwrap();
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(1);
    assert_problem(
        &result.stderr,
        &copy,
        line_of(&text, "panel:"),
        &["panel \"board\" does not match the file name board-copy.ron"],
    );
}

#[test]
fn a_panel_file_of_an_unknown_panel() {
    let broken = broken_panel("board", r#"panel: "board","#, r#"panel: "jury","#, "panel:");
    broken.check_names(&["panel \"jury\" is not a panel of review.ron"]);
}

#[test]
fn a_panel_file_with_another_rubric_fingerprint() {
    let dir = small_review();
    let fingerprint = fingerprint(&dir.review);
    let file = dir.panel_path("board");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace(&fingerprint, "0123456789abcdef");
    std::fs::write(&file, &text).unwrap();
    let broken = BrokenPanel {
        line: line_of(&text, "rubric:"),
        dir,
        file,
    };
    let wanted = [
        "rubric fingerprint \"0123456789abcdef\" differs from review.ron's",
        fingerprint.as_str(),
    ];
    broken.check_names(&wanted);
    broken.merge_names(&wanted);
}

#[test]
fn a_changed_rubric_makes_old_panel_files_invalid() {
    // The chair raises a2's max from 5 to 6: marks given out of 5 must not
    // be summed silently.
    let dir = small_review();
    std::fs::write(
        dir.review_ron(),
        replace_once(SMALL_REVIEW, "max: 5.0", "max: 6.0"),
    )
    .unwrap();
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(1);
    for panel in ["board", "experts"] {
        assert_problem(
            &result.stderr,
            &dir.panel_path(panel),
            4,
            &["rubric fingerprint"],
        );
    }
}

#[test]
fn a_sheet_of_a_reviewer_who_is_not_a_member() {
    let broken = broken_panel("board", r#""bob": Sheet("#, r#""dee": Sheet("#, r#""dee""#);
    broken.check_names(&["reviewer \"dee\" is not a member of panel \"board\""]);
    broken.merge_names(&["reviewer \"dee\" is not a member of panel \"board\""]);
}

#[test]
fn a_sheet_of_an_unknown_reviewer() {
    broken_panel("board", r#""bob": Sheet("#, r#""zed": Sheet("#, r#""zed""#)
        .check_names(&["sheet of unknown reviewer \"zed\""]);
}

#[test]
fn a_mark_for_a_region_the_panel_does_not_cover() {
    let broken = broken_panel("experts", r#""north": {"#, r#""east": {"#, r#""east""#);
    broken.check_names(&["panel \"experts\" does not cover region \"east\""]);
    broken.merge_names(&["does not cover region \"east\""]);
}

#[test]
fn a_mark_for_a_criterion_the_panel_does_not_cover() {
    let broken = broken_panel(
        "board",
        r#""a2": Mark(points: 3.0)"#,
        r#""b1": Mark(points: 3.0)"#,
        r#""b1""#,
    );
    broken.check_names(&["panel \"board\" does not cover criterion \"b1\" (region \"north\")"]);
    broken.merge_names(&["does not cover criterion \"b1\""]);
}

#[test]
fn a_mark_for_an_unknown_region_or_criterion() {
    broken_panel("board", r#""north": {"#, r#""west": {"#, r#""west""#)
        .check_names(&["mark for unknown region \"west\""]);
    broken_panel(
        "board",
        r#""a2": Mark(points: 3.0)"#,
        r#""z9": Mark(points: 3.0)"#,
        r#""z9""#,
    )
    .check_names(&["mark for unknown criterion \"z9\" (region \"north\")"]);
}

#[test]
fn marks_outside_the_range_or_off_the_grid() {
    // a1: max 10, step 0.5
    for (points, shown) in [
        ("10.5", "10.5"),
        ("7.25", "7.25"),
        ("-0.5", "-0.5"),
        ("NaN", "NaN"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("1e300", "1000000000000000000000"),
    ] {
        let broken = broken_panel(
            "board",
            r#""a1": Mark(points: 7.5)"#,
            &format!(r#""a1": Mark(points: {points})"#),
            &format!(r#""a1": Mark(points: {points})"#),
        );
        broken.check_names(&[
            &format!("mark {shown}"),
            "for region \"north\", criterion \"a1\" is not allowed",
            "0..=10 on multiples of 0.5",
        ]);
    }
    // b1: max 4, step 0.25; 4.0 and 0 are fine, 4.25 is over.
    for (points, ok) in [
        ("4.0", true),
        ("0.0", true),
        ("0.75", true),
        ("4.25", false),
        ("0.1", false),
    ] {
        let dir = small_review();
        let file = dir.panel_path("experts");
        let text = replace_once(
            &std::fs::read_to_string(&file).unwrap(),
            "points: 2.25",
            &format!("points: {points}"),
        );
        std::fs::write(&file, &text).unwrap();
        let result = run(["check", &arg(&dir.path())]);
        result.assert_code(if ok { 0 } else { 1 });
    }
}

#[test]
fn a_mark_over_the_maximum_stops_merge() {
    let broken = broken_panel(
        "board",
        r#""a1": Mark(points: 7.5)"#,
        r#""a1": Mark(points: 10.5)"#,
        r#""a1": Mark(points: 10.5)"#,
    );
    broken.merge_names(&["mark 10.5 for region \"north\", criterion \"a1\" is not allowed"]);
}

#[test]
fn a_conflict_on_an_unknown_region_in_a_sheet() {
    let dir = small_review();
    let file = dir.panel_path("board");
    let text = std::fs::read_to_string(&file).unwrap();
    // bob's `conflicts: [],` is the second one in the file
    let at = text.rfind("conflicts: []").unwrap();
    let text = format!("{}conflicts: [\"west\"]{}", &text[..at], &text[at + 13..]);
    std::fs::write(&file, &text).unwrap();
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(1);
    assert_problem(
        &result.stderr,
        &file,
        line_of(&text, "\"west\""),
        &["reviewer \"bob\" declares a conflict on unknown region \"west\""],
    );
}

#[test]
fn an_added_file_must_be_an_existing_panel_and_valid() {
    let dir = small_review();
    let mail = dir.beside("mail.ron");
    // an --add file may have any name, but its panel must exist
    let mut file = dir.panel_file("jury", vec![("ann", sheet().mark("north", "a1", 4.0))]);
    write_ron(&mail, &file);
    let out = dir.beside("out");
    let result = run([
        "merge",
        &arg(&dir.path()),
        "--add",
        &arg(&mail),
        "--out",
        &arg(&out),
    ]);
    result.assert_code(1);
    assert_problem(
        &result.stderr,
        &mail,
        3,
        &["panel \"jury\" is not a panel of review.ron"],
    );
    assert!(!out.exists());

    file.panel = "board".into();
    file.sheets.get_mut("ann").unwrap().updated = ts("2007-06-02T00:00:00Z");
    write_ron(&mail, &file);
    run([
        "merge",
        &arg(&dir.path()),
        "--add",
        &arg(&mail),
        "--out",
        &arg(&out),
    ])
    .assert_code(0);

    file.rubric = "0000000000000000".into();
    write_ron(&mail, &file);
    let result = run([
        "merge",
        &arg(&dir.path()),
        "--add",
        &arg(&mail),
        "--out",
        &arg(&out),
    ]);
    result.assert_code(1);
    assert_problem(&result.stderr, &mail, 4, &["rubric fingerprint"]);

    let missing = dir.beside("nowhere.ron");
    let result = run(["merge", &arg(&dir.path()), "--add", &arg(&missing)]);
    result.assert_code(1).assert_stderr_has(&arg(&missing));
}

// ---------------------------------------------------------------------------
// Every problem, and nothing written
// ---------------------------------------------------------------------------

#[test]
fn check_lists_every_problem_of_every_file() {
    let dir = small_review();
    let board = dir.panel_path("board");
    let experts = dir.panel_path("experts");
    let board_text = replace_once(
        &std::fs::read_to_string(&board).unwrap(),
        "points: 7.5",
        "points: 10.5",
    );
    let board_text = replace_once(&board_text, "points: 3.0", "points: 3.3");
    std::fs::write(&board, &board_text).unwrap();
    let experts_text = replace_once(
        &std::fs::read_to_string(&experts).unwrap(),
        r#"review: "small""#,
        r#"review: "big""#,
    );
    std::fs::write(&experts, &experts_text).unwrap();
    let review_text = replace_once(
        SMALL_REVIEW,
        r#"tie_break: ["B", "A"]"#,
        r#"tie_break: ["C"]"#,
    );
    std::fs::write(dir.review_ron(), &review_text).unwrap();

    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(1);
    assert_problem(
        &result.stderr,
        &dir.review_ron(),
        line_of(&review_text, "tie_break"),
        &["\"C\""],
    );
    assert_problem(
        &result.stderr,
        &board,
        line_of(&board_text, "10.5"),
        &["mark 10.5"],
    );
    assert_problem(
        &result.stderr,
        &board,
        line_of(&board_text, "3.3"),
        &["mark 3.3"],
    );
    assert_problem(&result.stderr, &experts, 2, &["review \"big\""]);
    result.assert_stderr_has("4 problems found");
}

#[test]
fn merge_on_invalid_input_leaves_earlier_results_unchanged() {
    let dir = small_review();
    run(["merge", &arg(&dir.path())]).assert_code(0);
    for name in ["results.ron", "results.csv", "report.md"] {
        assert!(dir.path().join(name).is_file(), "{name}");
    }
    let board = dir.panel_path("board");
    let text = replace_once(
        &std::fs::read_to_string(&board).unwrap(),
        "points: 7.5",
        "points: 11.0",
    );
    std::fs::write(&board, text).unwrap();
    let before = snapshot(&dir.path());
    let result = run(["merge", &arg(&dir.path())]);
    result
        .assert_code(1)
        .assert_stderr_has("nothing was written");
    assert_eq!(snapshot(&dir.path()), before);
}

#[test]
fn a_missing_review_directory_or_review_ron_is_named() {
    let tmp = tempfile::TempDir::new().unwrap();
    let missing = tmp.path().join("no-such-review");
    for command in ["check", "merge", "status"] {
        let result = run([command, &arg(&missing)]);
        result
            .assert_code(1)
            .assert_stderr_has(&arg(&missing))
            .assert_stderr_has("does not exist");
    }
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for command in ["check", "merge", "status"] {
        let result = run([command, &arg(&empty)]);
        result
            .assert_code(1)
            .assert_stderr_has(&arg(&empty.join("review.ron")))
            .assert_stderr_has("no review.ron here");
    }
    assert_eq!(
        std::fs::read_dir(&empty).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_review_without_scores_is_valid_and_merges_to_incomplete_regions() {
    let dir = ReviewDir::from_text(SMALL_REVIEW);
    std::fs::remove_dir(dir.scores()).unwrap();
    run(["check", &arg(&dir.path())])
        .assert_code(0)
        .assert_stdout_has("0 panel files");
    let out = dir.beside("out");
    run(["merge", &arg(&dir.path()), "--out", &arg(&out)]).assert_code(0);
    let rows = read_csv(&out.join("results.csv"));
    assert_eq!(rows.len(), 4);
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[3] == "0.00" && r[8] == "incomplete")
    );
}

// ---------------------------------------------------------------------------
// Usage errors
// ---------------------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    let dir = small_review();
    let d = arg(&dir.path());
    let d = d.as_str();
    for args in [
        vec!["check", d, "--bogus"],
        vec!["merge", d, "--out"],
        vec!["mark", d, "north", "a1", "4", "--panel", "board"],
        vec!["mark", d, "north", "a1", "4", "--reviewer", "ann"],
        vec!["mark", d, "north", "--reviewer", "ann", "--panel", "board"],
        vec!["submit", d, "--panel", "board"],
        vec!["frobnicate"],
        vec![],
    ] {
        let result = run(&args);
        assert_eq!(result.code, Some(2), "{args:?}: {result:?}");
        assert!(!result.stderr.is_empty(), "{args:?}");
    }
    let before = snapshot(&dir.path());
    run(["mark", d, "north", "a1", "4", "--panel", "board"]).assert_code(2);
    assert_eq!(snapshot(&dir.path()), before);
}

#[test]
fn without_a_directory_panelist_says_where_to_find_one() {
    let result = run(["check"]);
    result
        .assert_code(2)
        .assert_stderr_has("no review directory given")
        .assert_stderr_has("panels/kci-2007")
        .assert_stderr_has("PANELIST_DIR");
    // $PANELIST_DIR is used when no directory is given
    let output = panelist()
        .arg("check")
        .env("PANELIST_DIR", sample_dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

// ---------------------------------------------------------------------------
// No input panics
// ---------------------------------------------------------------------------

const INTERESTING: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    ".",
    "-",
    "0",
    "9",
    "e",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "-0.0",
    "99999999999999999999",
    "0.000000001",
    "Some(",
    "None",
    "All",
    "Only([",
    "//",
    "/*",
    "\\",
    "r#\"",
    "'",
    "\n",
    "\u{0}",
    "é",
    "\u{202e}",
    "true",
    "\"\"",
    "Review(",
    "Sheet(",
    "Mark(points: 1.0)",
    "\"north\"",
    "\"ann\"",
];

/// One to three random edits of `text`.
fn mutate(rng: &mut Rng, text: &[u8]) -> Vec<u8> {
    let mut bytes = text.to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(7) {
            0 => {
                let end = (at + 1 + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            2 => {
                let random: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.next() as u8).collect();
                bytes.splice(at..at, random);
            }
            3 => bytes.truncate(at),
            4 => {
                // duplicate a line
                let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
                let i = rng.below(lines.len());
                let mut out: Vec<u8> = Vec::new();
                for (k, line) in lines.iter().enumerate() {
                    out.extend_from_slice(line);
                    out.push(b'\n');
                    if k == i {
                        out.extend_from_slice(line);
                        out.push(b'\n');
                    }
                }
                bytes = out;
            }
            5 => {
                // swap two lines
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
                lines.swap(i, j);
                bytes = lines.join(&b'\n');
            }
            _ => {
                // replace a digit run with an extreme number
                if let Some(start) = (at..bytes.len()).find(|&i| bytes[i].is_ascii_digit()) {
                    let end = (start..bytes.len())
                        .find(|&i| !(bytes[i].is_ascii_digit() || bytes[i] == b'.'))
                        .unwrap_or(bytes.len());
                    let number = [
                        "1e309",
                        "-1",
                        "NaN",
                        "18446744073709551616",
                        "0.3",
                        "4294967296",
                    ][rng.below(6)];
                    bytes.splice(start..end, number.bytes());
                }
            }
        }
    }
    bytes
}

/// Runs `command DIR`; it must end with 0 or 1, never a panic or a signal.
#[track_caller]
fn assert_no_panic(case: usize, args: &[String]) -> Option<i32> {
    let output = panelist().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let code = output.status.code();
    assert!(
        matches!(code, Some(0 | 1)) && !stderr.contains("panicked"),
        "case {case}: {args:?} ended with {:?}\n{stderr}",
        output.status
    );
    code
}

/// One fuzz case: a review directory holding the sample's review.ron and
/// tech-env.ron, one of them mutated (or replaced by random bytes).
fn fuzz_case(case: usize, review: &[u8], panel: &[u8]) {
    let mut rng = Rng::seeded(0x9E37_79B9_7F4A_7C15 ^ (case as u64).wrapping_mul(0x1000_0000_01B3));
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("r");
    std::fs::create_dir_all(dir.join("scores")).unwrap();
    let random =
        |rng: &mut Rng| -> Vec<u8> { (0..rng.below(300)).map(|_| rng.next() as u8).collect() };
    let (review, panel) = match case % 5 {
        0 => (random(&mut rng), panel.to_vec()),
        1 => (review.to_vec(), random(&mut rng)),
        2 => (mutate(&mut rng, review), panel.to_vec()),
        _ => (review.to_vec(), mutate(&mut rng, panel)),
    };
    std::fs::write(dir.join("review.ron"), review).unwrap();
    std::fs::write(dir.join("scores/tech-env.ron"), panel).unwrap();
    let d = dir.display().to_string();
    let code = assert_no_panic(case, &["check".into(), d.clone()]);
    if code == Some(0) {
        // a mutation check accepts must merge and report too
        let out = tmp.path().join("out").display().to_string();
        assert_eq!(
            assert_no_panic(case, &["merge".into(), d.clone(), "--out".into(), out]),
            Some(0)
        );
        assert_eq!(assert_no_panic(case, &["status".into(), d]), Some(0));
    }
}

#[test]
fn no_input_makes_panelist_panic() {
    let review = std::fs::read(sample_dir().join("review.ron")).unwrap();
    let panel = std::fs::read(sample_dir().join("scores/tech-env.ron")).unwrap();
    const CASES: usize = 300;
    std::thread::scope(|scope| {
        for worker in 0..2 {
            let (review, panel) = (&review, &panel);
            scope.spawn(move || {
                for case in (worker..CASES).step_by(2) {
                    fuzz_case(case, review, panel);
                }
            });
        }
    });
}

#[test]
fn deeply_nested_or_huge_input_is_refused_without_crashing() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("r");
    std::fs::create_dir_all(dir.join("scores")).unwrap();
    let d = dir.display().to_string();
    std::fs::write(
        dir.join("review.ron"),
        format!("Review(id: {}", "[".repeat(200_000)),
    )
    .unwrap();
    assert_eq!(assert_no_panic(0, &["check".into(), d.clone()]), Some(1));
    std::fs::copy(sample_dir().join("review.ron"), dir.join("review.ron")).unwrap();
    std::fs::write(dir.join("scores/tech-env.ron"), "(".repeat(200_000)).unwrap();
    assert_eq!(assert_no_panic(1, &["check".into(), d.clone()]), Some(1));
    // not UTF-8: named with its line
    std::fs::write(
        dir.join("scores/tech-env.ron"),
        b"PanelFile(\n  review: \"\xff\xfe\",\n",
    )
    .unwrap();
    let result = run(["check", &d]);
    result
        .assert_code(1)
        .assert_stderr_has("tech-env.ron:2:")
        .assert_stderr_has("not UTF-8");
    // a directory where a panel file should be
    std::fs::remove_file(dir.join("scores/tech-env.ron")).unwrap();
    std::fs::create_dir(dir.join("scores/tech-env.ron")).unwrap();
    assert_eq!(assert_no_panic(2, &["check".into(), d]), Some(1));
}

#[test]
fn a_file_with_thousands_of_problems_lists_the_first_fifty_and_counts_the_rest() {
    let dir = small_review();
    // ann's sheet with 3,000 marks for regions that don't exist, each on its
    // own line; locating each would read the file 3,000 times.
    let mut builder = sheet();
    for n in 0..3000 {
        builder = builder.mark(&format!("nowhere{n:04}"), "a1", 1.0);
    }
    let path = dir.write_panel("board", vec![("ann", builder)]);
    let result = run(["check", &arg(&dir.path())]);
    result
        .assert_code(1)
        .assert_stderr_has("2950 more problems in this file are not listed")
        .assert_stderr_has("3000 problems found");
    let listed = result
        .stderr
        .lines()
        .filter(|l| l.contains("unknown region \"nowhere"))
        .count();
    assert_eq!(listed, 50, "{}", result.stderr);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_problem(
        &result.stderr,
        &path,
        line_of(&text, "\"nowhere0000\""),
        &["unknown region \"nowhere0000\""],
    );
}

// ---------------------------------------------------------------------------
// The selection programme's fields (SPEC "The selection programme")
// ---------------------------------------------------------------------------

const COMMITTEE: &str = "committee: Committee(select: 2, aggregate: Mean, tie_break: [\"B\", \"A\"], min_total: None, disagreement: 0.4),";

/// The small review with its committee line replaced by `committee`.
fn with_committee(committee: &str) -> BrokenReview {
    broken_review(COMMITTEE, committee, committee)
}

#[test]
fn tiers_are_checked_select_or_tiers_unique_ids_and_places() {
    with_committee(
        "committee: Committee(select: 2, tiers: [Tier(id: \"a\", title: \"A\", places: 1)], disagreement: 0.4),",
    )
    .check_names(&["both select and tiers", "only one"]);
    with_committee("committee: Committee(disagreement: 0.4),")
        .check_names(&["neither select nor tiers"]);
    let repeated = with_committee(
        "committee: Committee(tiers: [Tier(id: \"a\", title: \"A\", places: 1), Tier(id: \"a\", title: \"B\", places: 0)]),",
    );
    repeated.check_names(&["tier id \"a\" repeats"]);
    repeated.check_names(&["tier \"a\" has 0 places"]);
    repeated.merge_names(&["tier \"a\" has 0 places"]);
    with_committee(
        "committee: Committee(tiers: [Tier(id: \"reserve\", title: \"R\", places: 1, funded: false), Tier(id: \"main\", title: \"M\", places: 1)]),",
    )
    .check_names(&["tier \"main\" is funded but comes after tier \"reserve\""]);
}

#[test]
fn an_empty_all_or_any_is_refused() {
    with_committee(
        "committee: Committee(select: 2, eligibility: Some(Any([AtLeast(\"industry\", 3.0), All([])]))),",
    )
    .check_names(&["empty All([])"]);
}

#[test]
fn a_budget_is_checked_amounts_order_and_what_it_needs_of_regions() {
    with_committee(
        "committee: Committee(select: 2, budget: Some(Budget(total: 10.0, rule: Proportional(min: 5.0, max: 1.0)))),",
    )
    .check_names(&["budget: min 5 is more than max 1"]);
    with_committee(
        "committee: Committee(select: 2, budget: Some(Budget(total: -1.0, rule: Proportional(min: 0.0, max: 1.0)))),",
    )
    .check_names(&["budget: total must be an amount of 0 or more (it is -1)"]);
    with_committee(
        "committee: Committee(select: 2, budget: Some(Budget(total: 10.0, rule: Proportional(min: 0.5, max: 1.0), granularity: 0.0))),",
    )
    .check_names(&["granularity must be greater than 0"]);
    // Two funded places at a least of 4 need 8 of a total of 7.
    with_committee(
        "committee: Committee(select: 2, budget: Some(Budget(total: 7.0, rule: Proportional(min: 4.0, max: 5.0)))),",
    )
    .check_names(&["need 8", "total of 7 by 1"]);
    // RankOrder needs every eligible region's request: north is named on
    // its own line.
    let text = replace_once(
        SMALL_REVIEW,
        COMMITTEE,
        "committee: Committee(select: 2, budget: Some(Budget(total: 7.0, rule: RankOrder))),",
    );
    let dir = small_review();
    std::fs::write(dir.review_ron(), &text).unwrap();
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(1);
    let line = line_of(&text, "Region(id: \"north\"");
    assert_problem(
        &result.stderr,
        &dir.review_ron(),
        line,
        &["region \"north\" has no requested amount"],
    );
}

#[test]
fn a_budget_the_selected_regions_cannot_share_fails_the_merge_by_how_much() {
    // east asks for 1 only, so the cheapest two places need 1 + 4 = 5 of
    // 7: valid. With drafts counted, north and south are selected and need
    // 4 + 4 = 8: the merge fails by 1 and writes nothing.
    let text = replace_once(
        SMALL_REVIEW,
        COMMITTEE,
        "committee: Committee(select: 2, budget: Some(Budget(total: 7.0, rule: Proportional(min: 4.0, max: 5.0)))),",
    );
    let text = replace_once(
        &text,
        "Region(id: \"east\", name: \"East\")",
        "Region(id: \"east\", name: \"East\", requested: Some(1.0))",
    );
    let dir = small_review();
    std::fs::write(dir.review_ron(), &text).unwrap();
    run(["check", &arg(&dir.path())]).assert_code(0);
    let out = dir.beside("out");
    let result = run([
        "merge",
        &arg(&dir.path()),
        "--include-drafts",
        "--out",
        &arg(&out),
    ]);
    result.assert_code(1);
    let line = line_of(&text, "budget: Some(");
    assert_problem(
        &result.stderr,
        &dir.review_ron(),
        line,
        &["least amounts add up to 8", "total of 7 by 1"],
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_rubric_is_checked_empty_categories_shared_ids_and_minimums() {
    broken_review(
        "Criterion(id: \"b1\", title: \"Criterion b1\", max: 4.0, step: 0.25),",
        "",
        "id: \"B\"",
    )
    .check_names(&["category \"B\" holds no criterion"]);
    broken_review(
        "Criterion(id: \"a2\", title: \"Criterion a2\", max: 5.0),",
        "Criterion(id: \"a2\", title: \"Criterion a2\", max: 5.0, min: Some(6.0)),",
        "id: \"a2\"",
    )
    .check_names(&["\"a2\": min must be a number from 0 to its maximum of 5"]);
    broken_review(
        "Criterion(id: \"b1\",",
        "Criterion(id: \"B\",",
        "id: \"B\",\n",
    )
    .check_names(&["category id \"B\" is also a criterion id"]);
    broken_review(
        "tie_break: [\"B\", \"A\"]",
        "tie_break: [\"B\", \"Z\"]",
        "tie_break",
    )
    .check_names(&["tie_break names \"Z\""]);
}

#[test]
fn a_figure_the_rule_names_and_a_region_lacks_is_a_warning() {
    let text = replace_once(
        SMALL_REVIEW,
        COMMITTEE,
        "committee: Committee(select: 2, eligibility: Some(AtLeast(\"industry\", 3.0))),",
    );
    let text = replace_once(
        &text,
        "Region(id: \"north\", name: \"North\")",
        "Region(id: \"north\", name: \"North\", figures: {\"industry\": 3.4})",
    );
    let dir = small_review();
    std::fs::write(dir.review_ron(), &text).unwrap();
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(0);
    assert!(
        result
            .stderr
            .contains("figure \"industry\", which 2 regions lack: south, east"),
        "{}",
        result.stderr
    );
}

#[test]
fn a_figure_given_twice_is_refused_with_its_line_not_the_last_one_kept() {
    let text = replace_once(
        SMALL_REVIEW,
        "Region(id: \"north\", name: \"North\")",
        "Region(id: \"north\", name: \"North\",\n            figures: {\"industry\": 3.4, \"industry\": 2.0})",
    );
    let dir = small_review();
    std::fs::write(dir.review_ron(), &text).unwrap();
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(1);
    let line = line_of(&text, "figures: {");
    let at = format!("{}:{line}:", dir.review_ron().display());
    assert!(
        result
            .stderr
            .lines()
            .any(|l| l.contains(&at) && l.contains("duplicate key \"industry\"")),
        "{}",
        result.stderr
    );
}

#[test]
fn a_figure_no_region_has_is_named_with_its_line_and_the_name_it_may_mean() {
    let text = replace_once(
        SMALL_REVIEW,
        COMMITTEE,
        "committee: Committee(select: 2,\n        eligibility: Some(AtLeast(\"industri\", 3.0))),",
    );
    let text = replace_once(
        &text,
        "Region(id: \"north\", name: \"North\")",
        "Region(id: \"north\", name: \"North\", figures: {\"industry\": 3.4})",
    );
    let dir = small_review();
    std::fs::write(dir.review_ron(), &text).unwrap();
    let result = run(["check", &arg(&dir.path())]);
    result.assert_code(0);
    let line = line_of(&text, "AtLeast(\"industri\"");
    let at = format!("{}:{line}:", dir.review_ron().display());
    assert!(
        result
            .stderr
            .lines()
            .any(|l| l.contains(&at) && l.contains("no region has (did you mean \"industry\"?)")),
        "{}",
        result.stderr
    );
}

/// The lines of `stderr` that name a file of `dir`: the problems, in order.
fn problem_lines(stderr: &str, dir: &Path) -> Vec<String> {
    let dir = dir.display().to_string();
    stderr
        .lines()
        .filter(|l| l.starts_with(&dir))
        .map(String::from)
        .collect()
}

#[test]
fn merge_lists_every_problem_check_does_in_one_run() {
    let dir = small_review();
    let board = dir.panel_path("board");
    let board_text = replace_once(
        &std::fs::read_to_string(&board).unwrap(),
        "points: 7.5",
        "points: 10.5",
    );
    std::fs::write(&board, &board_text).unwrap();
    // In review.ron: a tie-break on no category, and an earlier review
    // that is not there.
    let review_text = replace_once(
        SMALL_REVIEW,
        r#"tie_break: ["B", "A"]"#,
        r#"tie_break: ["C"]"#,
    );
    let review_text = replace_once(
        &review_text,
        "    regions: [",
        "    follows: Some(Follows(review: \"../nowhere\")),\n    regions: [",
    );
    std::fs::write(dir.review_ron(), &review_text).unwrap();
    let before = snapshot(&dir.path());

    let check = run(["check", &arg(&dir.path())]);
    check.assert_code(1).assert_stderr_has("3 problems found");
    let out = dir.beside("out");
    let merge = run(["merge", &arg(&dir.path()), "--out", &arg(&out)]);
    merge
        .assert_code(1)
        .assert_stderr_has("3 problems found; nothing was written");
    assert_problem(
        &merge.stderr,
        &dir.review_ron(),
        line_of(&review_text, "tie_break"),
        &["\"C\""],
    );
    assert_problem(
        &merge.stderr,
        &dir.review_ron(),
        line_of(&review_text, "follows"),
        &["nowhere"],
    );
    assert_problem(
        &merge.stderr,
        &board,
        line_of(&board_text, "10.5"),
        &["mark 10.5"],
    );
    assert_eq!(
        problem_lines(&merge.stderr, &dir.path()),
        problem_lines(&check.stderr, &dir.path()),
        "the same problems as check, in the same order"
    );
    assert!(!out.exists(), "nothing written");
    assert_eq!(snapshot(&dir.path()), before);
}

/// `merge` reads the panel files while review.ron is parsed: a problem in
/// each is still named in one run, review.ron's first, and nothing is written.
#[test]
fn merge_names_a_broken_review_and_a_broken_panel_file_in_one_run() {
    let review = broken_review(
        r#"tie_break: ["B", "A"]"#,
        r#"tie_break: ["B", "a1"]"#,
        "tie_break",
    );
    let panel = review.dir.panel_path("board");
    let text = replace_once(
        &std::fs::read_to_string(&panel).unwrap(),
        r#""a2": Mark(points: 3.0),"#,
        r#""a2": Mark(points 3.0),"#,
    );
    std::fs::write(&panel, &text).unwrap();
    let panel_line = line_of(&text, r#""a2": Mark(points 3.0),"#);
    let out = review.dir.beside("out");
    let result = run(["merge", &arg(&review.dir.path()), "--out", &arg(&out)]);
    result.assert_code(1);
    assert_problem(
        &result.stderr,
        &review.dir.review_ron(),
        review.line,
        &["tie_break names \"a1\""],
    );
    assert_problem(&result.stderr, &panel, panel_line, &["Expected colon"]);
    let (first, second) = (
        result.stderr.find("tie_break"),
        result.stderr.find("Expected colon"),
    );
    assert!(
        first < second,
        "review.ron's problem comes first:\n{}",
        result.stderr
    );
    assert!(!out.exists(), "merge wrote results from invalid files");
}
