//! `panelist mark`, `submit` and `status` on copies of the sample review and
//! on small reviews: what they change on disk, what they refuse, and what
//! they print.

use std::os::unix::fs::PermissionsExt;

use crate::common::*;
use panelist::model::PanelFile;

/// Asserts that `after` equals `before` except for `reviewer`'s sheet.
#[track_caller]
fn assert_other_sheets_intact(before: &PanelFile, after: &PanelFile, reviewer: &str) {
    assert_eq!(before.review, after.review);
    assert_eq!(before.panel, after.panel);
    assert_eq!(before.rubric, after.rubric);
    let keys = |f: &PanelFile| {
        f.sheets
            .keys()
            .filter(|k| *k != reviewer)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(before), keys(after));
    for (id, sheet) in before.sheets.iter().filter(|(k, _)| *k != reviewer) {
        assert_eq!(Some(sheet), after.sheets.get(id), "sheet of {id} changed");
    }
}

fn mark_args<'a>(
    dir: &'a str,
    reviewer: &'a str,
    panel: &'a str,
    rest: &[&'a str],
) -> Vec<&'a str> {
    let mut args = vec!["mark", dir, "--reviewer", reviewer, "--panel", panel];
    args.extend_from_slice(rest);
    args
}

// ---------------------------------------------------------------------------
// mark
// ---------------------------------------------------------------------------

#[test]
fn mark_sets_one_mark_and_keeps_every_other_sheet() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    let path = sample.panel_path("tech-env");
    let before = read_panel_file(&path);
    let committee = std::fs::read(sample.panel_path("committee")).unwrap();

    let result = run(mark_args(
        &dir,
        "t33",
        "tech-env",
        &["nagoya", "4-c", "3.5", "--note", "Milestones now credible."],
    ));
    result.assert_code(0).assert_stdout_has(
        "saved: t33 on panel tech-env, Nagoya (nagoya), 4-c = 3.5 (was no mark)",
    );

    let after = read_panel_file(&path);
    assert_other_sheets_intact(&before, &after, "t33");
    let (old, new) = (&before.sheets["t33"], &after.sheets["t33"]);
    let mark = new.mark("nagoya", "4-c").expect("the new mark");
    assert_eq!(mark.points, 3.5);
    assert_eq!(mark.note, "Milestones now credible.");
    // everything else of t33's sheet as before, `updated` moved on
    let mut expected = old.clone();
    expected
        .scores
        .get_mut("nagoya")
        .unwrap()
        .insert("4-c".into(), mark.clone());
    expected.updated = new.updated;
    assert_eq!(&expected, new);
    assert!(new.updated > old.updated);
    assert!(!new.submitted);
    // other panel files untouched, byte for byte
    assert_eq!(
        std::fs::read(sample.panel_path("committee")).unwrap(),
        committee
    );
    // written as SPEC shows: struct names, one sheet per reviewer
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("PanelFile("), "{text}");
    assert!(text.contains("\"t33\": Sheet("), "{text}");
    assert!(
        text.contains("\"4-c\": Mark(points: 3.5, note: \"Milestones now credible.\")"),
        "{text}"
    );
    run(["check", &dir]).assert_code(0);
}

#[test]
fn changing_a_mark_keeps_its_note_unless_a_new_one_is_given() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    run(mark_args(
        &dir,
        "t33",
        "tech-env",
        &["nagoya", "4-b", "3.5"],
    ))
    .assert_code(0)
    .assert_stdout_has("4-b = 3.5 (was 3)");
    let sheet = &read_panel_file(&sample.panel_path("tech-env")).sheets["t33"];
    let mark = sheet.mark("nagoya", "4-b").unwrap();
    assert_eq!(mark.points, 3.5);
    assert_eq!(
        mark.note,
        "To finish after re-reading the environment annex."
    );
}

#[test]
fn mark_refuses_points_that_are_not_a_mark_and_changes_nothing() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    let before = snapshot(&sample.path());
    // 4-c: max 5, step 0.5
    for (points, wanted) in [
        (
            "5.5",
            "5.5 is not allowed: marks for \"4-c\" lie in 0..=5 on multiples of 0.5",
        ),
        ("4.25", "4.25 is not allowed"),
        ("abc", "\"abc\" is not a mark: write a number like 4 or 4.5"),
        ("4,5", "\"4,5\" is not a mark"),
        ("NaN", "\"NaN\" is not a mark"),
        ("inf", "\"inf\" is not a mark"),
        ("1e0", "\"1e0\" is not a mark"),
        ("", "\"\" is not a mark"),
    ] {
        let result = run(mark_args(
            &dir,
            "t33",
            "tech-env",
            &["nagoya", "4-c", points],
        ));
        result.assert_code(1).assert_stderr_has(wanted);
    }
    // a negative number reads as a flag: a usage error, unless after `--`
    run(mark_args(&dir, "t33", "tech-env", &["nagoya", "4-c", "-1"])).assert_code(2);
    run(mark_args(
        &dir,
        "t33",
        "tech-env",
        &["--", "nagoya", "4-c", "-1"],
    ))
    .assert_code(1)
    .assert_stderr_has("\"-1\" is not a mark");
    assert_eq!(snapshot(&sample.path()), before);
}

#[test]
fn mark_accepts_every_point_of_the_grid() {
    let dir = small_review();
    let d = arg(&dir.path());
    // b1: max 4, step 0.25
    for points in ["0", "0.25", "1.5", "3.75", "4", "4.0", " 2.5 "] {
        run(mark_args(&d, "cy", "experts", &["south", "b1", points])).assert_code(0);
        let value: f64 = points.trim().parse().unwrap();
        let sheet = &dir.read_panel("experts").sheets["cy"];
        assert_eq!(sheet.mark("south", "b1").unwrap().points, value);
    }
    run(["check", &d]).assert_code(0);
}

#[test]
fn mark_refuses_unknown_ids_non_members_and_uncovered_cells() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    let before = snapshot(&sample.path());
    for (reviewer, panel, region, criterion, wanted) in [
        (
            "t01",
            "tech-env",
            "fukuoka",
            "4-a",
            "reviewer \"t01\" is not a member of panel \"tech-env\"; their panels: tech-it",
        ),
        (
            "t99",
            "tech-env",
            "fukuoka",
            "4-a",
            "unknown reviewer \"t99\"",
        ),
        (
            "t33",
            "tech-sea",
            "fukuoka",
            "4-a",
            "unknown panel \"tech-sea\"",
        ),
        (
            "t33",
            "tech-env",
            "osaka",
            "4-a",
            "unknown region \"osaka\"; known: fukuoka, nagoya",
        ),
        (
            "t33",
            "tech-env",
            "sapporo",
            "4-a",
            "panel \"tech-env\" does not score region \"sapporo\" on criterion \"4-a\"",
        ),
        (
            "t33",
            "tech-env",
            "fukuoka",
            "4-z",
            "unknown criterion \"4-z\"",
        ),
        (
            "t33",
            "tech-env",
            "fukuoka",
            "1-a",
            "panel \"tech-env\" does not score region \"fukuoka\" on criterion \"1-a\"",
        ),
    ] {
        let result = run(mark_args(&dir, reviewer, panel, &[region, criterion, "3"]));
        result.assert_code(1).assert_stderr_has(wanted);
    }
    assert_eq!(snapshot(&sample.path()), before);
}

#[test]
fn mark_refuses_a_region_the_reviewer_is_conflicted_on() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    let before = snapshot(&sample.path());
    // kobayashi: conflict on nagano in review.ron
    run(mark_args(
        &dir,
        "kobayashi",
        "committee",
        &["nagano", "1-a", "3", "--reopen"],
    ))
    .assert_code(1)
    .assert_stderr_has("reviewer \"kobayashi\" has a conflict on region \"nagano\" in review.ron");
    // t04: conflict on sendai in review.ron
    run(mark_args(
        &dir,
        "t04",
        "tech-it",
        &["sendai", "4-a", "3", "--reopen"],
    ))
    .assert_code(1)
    .assert_stderr_has("\"t04\" has a conflict on region \"sendai\"");
    // t25 declared a conflict on toyama in the tech-nano sheet
    run(mark_args(
        &dir,
        "t25",
        "tech-nano",
        &["toyama", "4-a", "3", "--reopen"],
    ))
    .assert_code(1)
    .assert_stderr_has("you declared a conflict on region \"toyama\"");
    assert_eq!(
        snapshot(&sample.path())
            .into_iter()
            .filter(|(p, _)| !hidden(p))
            .collect::<Vec<_>>(),
        before.into_iter().collect::<Vec<_>>()
    );
}

/// Lock and session files (`scores/.<panel>.lock`) are not part of the review.
fn hidden(path: &std::path::Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

#[test]
fn mark_on_a_submitted_sheet_needs_reopen() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    let path = sample.panel_path("tech-env");
    let before = read_panel_file(&path);
    let bytes = std::fs::read(&path).unwrap();
    run(mark_args(
        &dir,
        "t34",
        "tech-env",
        &["fukuoka", "4-a", "4.5"],
    ))
    .assert_code(1)
    .assert_stderr_has("this sheet is submitted; to change it, pass --reopen");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);

    run(mark_args(
        &dir,
        "t34",
        "tech-env",
        &["fukuoka", "4-a", "4.5", "--reopen"],
    ))
    .assert_code(0)
    .assert_stderr_has("the sheet is a draft again")
    .assert_stdout_has("4-a = 4.5 (was 4)");
    let after = read_panel_file(&path);
    assert_other_sheets_intact(&before, &after, "t34");
    let t34 = &after.sheets["t34"];
    assert!(!t34.submitted);
    assert_eq!(t34.mark("fukuoka", "4-a").unwrap().points, 4.5);
    // the next mark needs no --reopen: the sheet is a draft now
    run(mark_args(
        &dir,
        "t34",
        "tech-env",
        &["fukuoka", "4-b", "3.5"],
    ))
    .assert_code(0);
}

#[test]
fn mark_creates_the_panel_file_when_there_is_none() {
    let dir = ReviewDir::from_text(SMALL_REVIEW);
    let d = arg(&dir.path());
    assert!(!dir.panel_path("board").exists());
    run(mark_args(&d, "cy", "board", &["east", "a2", "4"])).assert_code(0);
    let file = dir.read_panel("board");
    assert_eq!(file.review, "small");
    assert_eq!(file.panel, "board");
    assert_eq!(file.rubric, fingerprint(&dir.review));
    assert_eq!(file.sheets.keys().collect::<Vec<_>>(), ["cy"]);
    let cy = &file.sheets["cy"];
    assert!(!cy.submitted);
    assert_eq!(cy.mark("east", "a2").unwrap().points, 4.0);
    assert_eq!(cy.mark("east", "a2").unwrap().note, "");
    run(["check", &d]).assert_code(0);
}

#[test]
fn mark_refuses_to_overwrite_an_invalid_panel_file() {
    let dir = small_review();
    let d = arg(&dir.path());
    let path = dir.panel_path("board");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("points: 7.5", "points: 70.5");
    std::fs::write(&path, &text).unwrap();
    run(mark_args(&d, "cy", "board", &["east", "a2", "4"]))
        .assert_code(1)
        .assert_stderr_has("mark 70.5")
        .assert_stderr_has("nothing was saved");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn mark_keeps_the_permissions_of_the_panel_file() {
    let dir = small_review();
    let path = dir.panel_path("board");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    run(mark_args(
        &arg(&dir.path()),
        "cy",
        "board",
        &["east", "a2", "4"],
    ))
    .assert_code(0);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn mark_takes_the_directory_from_panelist_dir() {
    let dir = small_review();
    let output = panelist()
        .args([
            "mark",
            "--reviewer",
            "cy",
            "--panel",
            "board",
            "east",
            "a1",
            "9.5",
        ])
        .env("PANELIST_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let file = dir.read_panel("board");
    assert_eq!(file.sheets["cy"].mark("east", "a1").unwrap().points, 9.5);
}

// ---------------------------------------------------------------------------
// submit
// ---------------------------------------------------------------------------

#[test]
fn submit_refuses_while_marks_are_due_and_lists_them() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    let path = sample.panel_path("tech-env");
    let bytes = std::fs::read(&path).unwrap();
    // t33 has scored 7 of 10: nagoya 4-c, 4-d and 4-e are due.
    run(["submit", &dir, "--reviewer", "t33", "--panel", "tech-env"])
        .assert_code(1)
        .assert_stderr_has(
            "3 of 10 marks are still due, so the sheet was not submitted: nagoya 4-c, nagoya 4-d, nagoya 4-e",
        )
        .assert_stderr_has("--force");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn submit_with_force_submits_an_incomplete_sheet() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    let path = sample.panel_path("tech-env");
    let before = read_panel_file(&path);
    run([
        "submit",
        &dir,
        "--reviewer",
        "t33",
        "--panel",
        "tech-env",
        "--force",
    ])
    .assert_code(0)
    .assert_stdout_has("submitted: t33 on panel tech-env, 7 of 10 marks");
    let after = read_panel_file(&path);
    assert_other_sheets_intact(&before, &after, "t33");
    let mut expected = before.sheets["t33"].clone();
    expected.submitted = true;
    expected.updated = after.sheets["t33"].updated;
    assert_eq!(after.sheets["t33"], expected);
}

#[test]
fn submit_succeeds_once_every_mark_is_given() {
    let sample = Sample::new();
    let dir = arg(&sample.path());
    for (criterion, points) in [("4-c", "3"), ("4-d", "2.5"), ("4-e", "3.5")] {
        run(mark_args(
            &dir,
            "t33",
            "tech-env",
            &["nagoya", criterion, points],
        ))
        .assert_code(0);
    }
    run(["submit", &dir, "--reviewer", "t33", "--panel", "tech-env"])
        .assert_code(0)
        .assert_stdout_has("10 of 10 marks");
    assert!(read_panel_file(&sample.panel_path("tech-env")).sheets["t33"].submitted);
    // t33's marks now count: nagoya's 4-c gets 7 marks, not 6
    let out = sample.beside("out");
    run(["merge", &dir, "--out", &arg(&out)]).assert_code(0);
    let rows = read_csv(&out.join("results.csv"));
    let nagoya = rows.iter().find(|r| r[1] == "nagoya").unwrap();
    // 226 marks before (see merge_rules) + t33's 5
    assert_eq!(nagoya[9], "231");
}

#[test]
fn submit_lists_at_most_20_due_marks() {
    let ids: Vec<String> = (1..=25).map(|i| format!("r{i:02}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let review = ReviewBuilder::new()
        .category("A", &[("a1", 5.0, 1.0)])
        .regions(&ids)
        .reviewers(&["ann"])
        .panel("board", &["ann"], &["a1"], None)
        .build();
    let dir = ReviewDir::new(review);
    let result = run([
        "submit",
        &arg(&dir.path()),
        "--reviewer",
        "ann",
        "--panel",
        "board",
    ]);
    result
        .assert_code(1)
        .assert_stderr_has("25 of 25 marks are still due")
        .assert_stderr_has("r01 a1, r02 a1")
        .assert_stderr_has("r20 a1 and 5 more");
    assert!(!result.stderr.contains("r21 a1"), "{}", result.stderr);
    assert!(!dir.panel_path("board").exists());
}

#[test]
fn submit_skips_regions_the_reviewer_is_conflicted_on() {
    let dir = small_review();
    let d = arg(&dir.path());
    // bob (conflict on east in review.ron) owes north and south × a1, a2;
    // his draft has south a1.
    run(["submit", &d, "--reviewer", "bob", "--panel", "board"])
        .assert_code(1)
        .assert_stderr_has("3 of 4 marks are still due")
        .assert_stderr_has("north a1, north a2, south a2");
    for (region, criterion) in [("north", "a1"), ("north", "a2"), ("south", "a2")] {
        run(mark_args(&d, "bob", "board", &[region, criterion, "3"])).assert_code(0);
    }
    run(["submit", &d, "--reviewer", "bob", "--panel", "board"])
        .assert_code(0)
        .assert_stdout_has("4 of 4 marks");
}

#[test]
fn a_conflict_declared_in_one_panel_counts_in_the_reviewers_other_panels() {
    // cy sits on board (a1, a2 of every region) and experts (b1 of north,
    // south). A conflict on north declared in cy's board sheet is cy's: north
    // is no longer due on experts either (SPEC rule 2).
    let dir = small_review();
    dir.write_panel("board", vec![("cy", sheet().conflict("north"))]);
    let d = arg(&dir.path());
    run(["submit", &d, "--reviewer", "cy", "--panel", "experts"])
        .assert_code(1)
        .assert_stderr_has("1 of 1 marks are still due")
        .assert_stderr_has("south b1");
    let status = run(["status", &d, "--csv"]);
    status
        .assert_code(0)
        .assert_stdout_has("experts,cy,Cy,0,1,");
}

// ---------------------------------------------------------------------------
// status
// ---------------------------------------------------------------------------

#[test]
fn status_of_the_sample_matches_a_hand_count() {
    // Due, by hand: committee 12 members × 9 regions × 13 criteria = 1404,
    // less 13 for kobayashi (nagano, review.ron) and 13 for ishikawa
    // (hamamatsu, declared in the sheet) = 1378; tech-it 10 × 5 × 5 = 250 − 5
    // (t04, sendai) = 245; tech-ls 10 × 4 × 5 = 200 − 5 (t16, kansai) = 195;
    // tech-nano 8 × 3 × 5 = 120 − 5 (t25, toyama, in the sheet) = 115;
    // tech-env 7 × 2 × 5 = 70. 1378 + 245 + 195 + 115 + 70 = 2003.
    // Scored: all but t33's 3 missing marks = 2000. 47 sheets, t33's a draft.
    // The clock is pinned 4 days after t33's last change: not stale yet.
    let result = run([
        "status",
        &arg(&sample_dir()),
        "--now",
        "2007-06-25T08:00:00Z",
    ]);
    result
        .assert_code(0)
        .assert_stdout_has("total: 2000/2003 marks scored, 46/47 sheets submitted");
    let row = |reviewer: &str| -> Vec<String> {
        result
            .stdout
            .lines()
            .map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .find(|w| w.get(1).map(String::as_str) == Some(reviewer))
            .unwrap_or_else(|| panic!("no row for {reviewer}:\n{}", result.stdout))
    };
    let t33 = row("t33");
    assert_eq!(t33[0], "tech-env");
    assert!(t33.contains(&"7/10".to_string()), "{t33:?}");
    assert!(t33.contains(&"draft".to_string()), "{t33:?}");
    assert_eq!(t33.last().unwrap(), "2007-06-21T08:42:17Z");
    for (reviewer, progress) in [
        ("suematsu", "117/117"),
        ("kobayashi", "104/104"),
        ("ishikawa", "104/104"),
        ("t04", "20/20"),
        ("t16", "15/15"),
        ("t25", "10/10"),
        ("t29", "10/10"),
    ] {
        let r = row(reviewer);
        assert!(r.contains(&progress.to_string()), "{reviewer}: {r:?}");
        assert!(r.contains(&"submitted".to_string()), "{reviewer}: {r:?}");
    }
    let rows = result.stdout.lines().count();
    assert_eq!(rows, 1 + 47 + 1, "header, one row per member, total");
}

#[test]
fn status_calls_out_a_stale_draft_by_name_and_counts_it_in_the_total() {
    // t33's draft was last changed 2007-06-21T08:42:17Z; 10 days later it is
    // stale (more than 7 days); every other sheet is submitted.
    let result = run([
        "status",
        &arg(&sample_dir()),
        "--now",
        "2007-07-01T09:00:00Z",
    ]);
    result.assert_code(0).assert_stdout_has(
        "total: 2000/2003 marks scored, 46/47 sheets submitted, 1 stale draft (unchanged for more than 7 days)",
    );
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines.len(), 1 + 47 + 1 + 1, "header, members, stale, total");
    assert_eq!(
        lines[lines.len() - 2],
        "stale draft: t33 on panel tech-env (Technology expert 33), 7/10 scored, unchanged for 10 days (since 2007-06-21); remind them to finish and submit"
    );
    let t33 = lines.iter().find(|l| l.contains(" t33 ")).unwrap();
    assert!(t33.contains("draft STALE"), "{t33}");
    assert_eq!(
        lines.iter().filter(|l| l.contains("STALE")).count(),
        1,
        "only t33 is stale"
    );
    // A longer limit: nothing is stale.
    run([
        "status",
        &arg(&sample_dir()),
        "--now",
        "2007-07-01T09:00:00Z",
        "--stale-days",
        "30",
    ])
    .assert_code(0)
    .assert_stdout_has("total: 2000/2003 marks scored, 46/47 sheets submitted\n");
}

#[test]
fn status_csv() {
    let result = run(["status", &arg(&sample_dir()), "--csv"]);
    result.assert_code(0);
    let mut reader = csv::Reader::from_reader(result.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "panel", "reviewer", "name", "scored", "due", "state", "updated"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 47);
    let t33 = rows.iter().find(|r| r[1] == "t33").unwrap();
    assert_eq!(
        t33,
        &[
            "tech-env",
            "t33",
            "Technology expert 33",
            "7",
            "10",
            "draft",
            "2007-06-21T08:42:17Z"
        ]
    );
    let scored: usize = rows.iter().map(|r| r[3].parse::<usize>().unwrap()).sum();
    let due: usize = rows.iter().map(|r| r[4].parse::<usize>().unwrap()).sum();
    assert_eq!((scored, due), (2000, 2003));
}

#[test]
fn status_shows_members_who_have_not_started() {
    let dir = small_review();
    let result = run(["status", &arg(&dir.path()), "--csv"]);
    result.assert_code(0);
    // board: north, south, east × a1, a2 = 6 cells; bob skips east (4 due).
    // experts: north, south × b1 = 2 cells.
    assert_eq!(
        result.stdout,
        "\
panel,reviewer,name,scored,due,state,updated
board,ann,Ann,2,6,submitted,2007-06-01T10:00:00Z
board,bob,Bob,1,4,draft,2007-06-01T10:00:00Z
board,cy,Cy,0,6,not started,
experts,cy,Cy,0,2,not started,
experts,dee,Dee,1,2,submitted,2007-06-01T10:00:00Z
"
    );
}

#[test]
fn odd_command_line_values_are_refused_without_panic_or_write() {
    // Ids become file names: nothing a caller passes may escape scores/.
    let dir = small_review();
    let d = arg(&dir.path());
    let before = snapshot(dir.tmp.path());
    let odd = [
        "",
        " ",
        "../board",
        "/etc/passwd",
        "board/../experts",
        "ANN",
        "é",
        "٣",
        "1e400",
        "4.5.5",
        "0x10",
        "∞",
        "\u{202e}",
        &"9".repeat(400),
    ];
    for (i, value) in odd.iter().enumerate() {
        let cases: [[&str; 5]; 5] = [
            [value, "board", "north", "a1", "4"],
            ["ann", value, "north", "a1", "4"],
            ["cy", "board", value, "a1", "4"],
            ["cy", "board", "north", value, "4"],
            ["cy", "board", "north", "a1", value],
        ];
        for [reviewer, panel, region, criterion, points] in cases {
            let result = run(mark_args(
                &d,
                reviewer,
                panel,
                &["--", region, criterion, points],
            ));
            assert!(
                matches!(result.code, Some(1 | 2)) && !result.stderr.contains("panicked"),
                "odd value {i}: {result:?}"
            );
        }
        let result = run(["submit", &d, "--reviewer", value, "--panel", "board"]);
        assert_eq!(result.code, Some(1), "odd value {i}: {result:?}");
        let result = run(["submit", &d, "--reviewer", "ann", "--panel", value]);
        assert_eq!(result.code, Some(1), "odd value {i}: {result:?}");
    }
    assert_eq!(snapshot(dir.tmp.path()), before);
}

// ---------------------------------------------------------------------------
// language
// ---------------------------------------------------------------------------

#[test]
fn messages_follow_the_flag_then_the_config_file_then_the_locale() {
    let dir = small_review();
    let d = arg(&dir.path());
    let config_home = dir.beside("config");
    std::fs::create_dir_all(config_home.join("panelist")).unwrap();
    let english = "unknown region \"atlantis\"";
    let japanese = "地域「atlantis」はありません";
    let attempt = |lang_flag: Option<&str>, config: Option<&str>, locale: &str| {
        let config_file = config_home.join("panelist/config.ron");
        match config {
            Some(lang) => {
                std::fs::write(&config_file, format!("(lang: Some(\"{lang}\"))")).unwrap();
            }
            None => {
                let _ = std::fs::remove_file(&config_file);
            }
        }
        let mut cmd = panelist();
        cmd.env("XDG_CONFIG_HOME", &config_home).env("LANG", locale);
        if let Some(lang) = lang_flag {
            cmd.args(["--lang", lang]);
        }
        let output = cmd
            .args(mark_args(&d, "ann", "board", &["atlantis", "a1", "4"]))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let cases = [
        (None, None, "C.UTF-8", english),
        (None, None, "ja_JP.UTF-8", japanese),
        (None, Some("ja"), "en_US.UTF-8", japanese),
        (None, Some("en"), "ja_JP.UTF-8", english),
        (Some("ja"), Some("en"), "C", japanese),
        (Some("en"), Some("ja"), "ja_JP.UTF-8", english),
    ];
    for (flag, config, locale, wanted) in cases {
        let stderr = attempt(flag, config, locale);
        assert!(
            stderr.contains(wanted),
            "--lang {flag:?}, config {config:?}, LANG={locale}: {stderr}"
        );
    }
}

#[test]
fn a_broken_panel_file_is_reported_in_japanese_with_its_file_and_line() {
    let dir = small_review();
    let path = dir.panel_path("board");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("points: 7.5", "points: 70.5");
    std::fs::write(&path, &text).unwrap();
    let result = run(["--lang", "ja", "check", &arg(&dir.path())]);
    result
        .assert_code(1)
        .assert_stderr_has("board.ron:")
        .assert_stderr_has("点数 70.5 は使えません");
    assert!(
        !result.stderr.contains("is not allowed"),
        "{}",
        result.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "nothing written"
    );
}

#[test]
fn help_is_in_the_language_of_the_flag_the_config_file_or_the_locale() {
    let dir = small_review();
    let config_home = dir.beside("config");
    std::fs::create_dir_all(config_home.join("panelist")).unwrap();
    std::fs::write(
        config_home.join("panelist/config.ron"),
        "(lang: Some(\"ja\"))",
    )
    .unwrap();
    let help = |env: &[(&str, &std::path::Path)], args: &[&str]| {
        let mut cmd = panelist();
        for (name, value) in env {
            cmd.env(name, value);
        }
        let output = cmd.args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let english = help(&[], &["merge", "--help"]);
    assert!(
        english.contains("Merge the panel files into committee results"),
        "{english}"
    );
    assert!(english.contains("Count draft sheets too"), "{english}");
    assert!(english.contains("Options:"), "{english}");

    let japanese = help(&[], &["--lang", "ja", "merge", "--help"]);
    assert!(japanese.contains("部会ファイルを集計し"), "{japanese}");
    assert!(
        japanese.contains("下書きの採点表も集計に含めます"),
        "{japanese}"
    );
    assert!(japanese.contains("オプション:"), "{japanese}");
    assert!(japanese.contains("使い方: panelist merge"), "{japanese}");
    assert!(!japanese.contains("Count draft sheets"), "{japanese}");

    let from_config = help(&[("XDG_CONFIG_HOME", &config_home)], &["--help"]);
    assert!(from_config.contains("コマンド:"), "{from_config}");
    let flag_wins = help(
        &[("XDG_CONFIG_HOME", &config_home)],
        &["check", "--help", "--lang", "en"],
    );
    assert!(flag_wins.contains("Validate review.ron"), "{flag_wins}");
    let from_locale = help(
        &[("LANG", std::path::Path::new("ja_JP.UTF-8"))],
        &["help", "status"],
    );
    assert!(
        from_locale.contains("部会・評価委員ごとの進み具合"),
        "{from_locale}"
    );
}

#[test]
fn a_config_file_panelist_cannot_use_stops_the_command_naming_its_line_and_value() {
    let dir = small_review();
    let d = arg(&dir.path());
    let config_home = dir.beside("config");
    std::fs::create_dir_all(config_home.join("panelist")).unwrap();
    let config_file = config_home.join("panelist/config.ron");
    let before = snapshot(&dir.path());
    for (text, wanted) in [
        (
            "(\n    dir: None,\n    lang: Some(\"fr\"),\n)\n",
            "config.ron:3:",
        ),
        ("(lang: Some(\"ja\")\n", "config.ron:"),
    ] {
        std::fs::write(&config_file, text).unwrap();
        let output = panelist()
            .env("XDG_CONFIG_HOME", &config_home)
            .env("LANG", "C.UTF-8")
            .args(["merge", d.as_str()])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{text}: {stderr}");
        assert!(stderr.contains(wanted), "{text}: {stderr}");
        assert!(output.stdout.is_empty(), "{text}: the command did not run");
        // The help still shows, so that the user can find their way.
        let help = panelist()
            .env("XDG_CONFIG_HOME", &config_home)
            .args(["--help"])
            .output()
            .unwrap();
        assert_eq!(help.status.code(), Some(0), "{text}: {help:?}");
    }
    std::fs::write(&config_file, "(\n    lang: Some(\"fr\"),\n)\n").unwrap();
    let output = panelist()
        .env("XDG_CONFIG_HOME", &config_home)
        .args(["check", d.as_str()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("\"fr\" is not a language of the interface: en or ja"),
        "{stderr}"
    );
    assert_eq!(snapshot(&dir.path()), before, "nothing written");
}

#[test]
fn an_unknown_language_is_a_usage_error_naming_it_and_the_languages_there_are() {
    let dir = small_review();
    let d = arg(&dir.path());
    let before = snapshot(dir.tmp.path());
    for (locale, args, wanted) in [
        (
            "C.UTF-8",
            vec!["--lang", "fr", "check", d.as_str()],
            "\"fr\" is not a language of the interface: en or ja",
        ),
        (
            "C.UTF-8",
            vec!["check", "--lang=jv", d.as_str()],
            "\"jv\" is not a language of the interface: en or ja",
        ),
        (
            "ja_JP.UTF-8",
            vec!["--lang", "fr", "check", d.as_str()],
            "「fr」は表示の言語ではありません：en または ja",
        ),
    ] {
        let output = panelist().env("LANG", locale).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(wanted), "{args:?}: {stderr}");
        assert!(
            output.stdout.is_empty(),
            "{args:?}: the command did not run"
        );
    }
    // A language with its region or encoding is still that language.
    for tag in ["ja-JP", "ja_JP.UTF-8", "EN", "en_GB"] {
        run(["--lang", tag, "check", &d]).assert_code(0);
    }
    assert_eq!(snapshot(dir.tmp.path()), before);
}
