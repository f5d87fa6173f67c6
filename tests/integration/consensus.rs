//! *Discussion and consensus* (SPEC): who may record a panel's consensus,
//! `panelist consensus` for one mark through the locked, journaled save,
//! every refusal, and the merge with `Committee(use_consensus: true)`.

use crate::common::{self, ReviewBuilder, ReviewDir, panelist, scored, sheet};
use panelist::merge::ConsensusRef;
use panelist::model::{Consensus, Mark, Review};

/// Three regions, two criteria of max 5 by 0.5; panel "tech" (t1, t2, t3)
/// scores both criteria everywhere, its rapporteur t1; the committee's
/// chair is c9 (no panel). t2 is conflicted on sendai in review.ron; t3
/// works at Nagoya University, one of nagoya's institutions.
fn review() -> Review {
    let mut review = ReviewBuilder::new()
        .category("1", &[("1-a", 5.0, 0.5), ("1-b", 5.0, 0.5)])
        .regions(&["sapporo", "sendai", "nagoya"])
        .reviewers(&["t1", "t2", "t3", "c9"])
        .conflicts("t2", &["sendai"])
        .panel("tech", &["t1", "t2", "t3"], &["1-a", "1-b"], None)
        .select(1)
        .build();
    review.panels[0].rapporteur = Some("t1".into());
    review.committee.chair = Some("c9".into());
    review.regions[2].institutions = vec!["Nagoya University".into()];
    review.reviewers[2].affiliations = vec!["Nagoya University".into()];
    review
}

fn consensus(dir: &ReviewDir, writer: &str, cell: &[&str]) -> assert_cmd::assert::Assert {
    panelist()
        .arg("consensus")
        .arg(dir.path())
        .args(["--panel", "tech", "--as", writer])
        .args(cell)
        .assert()
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).to_string()
}

#[test]
fn the_rapporteur_records_a_mark_and_its_comment_and_again_replaces_them() {
    let dir = ReviewDir::new(review());
    dir.write_panel("tech", vec![("t1", sheet().mark("sapporo", "1-a", 3.0))]);
    let out = consensus(
        &dir,
        "t1",
        &["sapporo", "1-a", "4", "--note", "Strong industry base."],
    )
    .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("consensus of panel tech by t1")
            && stdout.contains("1-a = 4 (was no mark)"),
        "{stdout}"
    );
    let file = dir.read_panel("tech");
    let agreed = file.consensus.expect("a consensus section");
    assert_eq!(agreed.by, "t1");
    assert_eq!(
        agreed.mark("sapporo", "1-a"),
        Some(&Mark::new(4.0, "Strong industry base."))
    );
    // The members' sheets are untouched.
    assert_eq!(file.sheets.len(), 1);
    // Again, without --note: the points change, the comment stays; the chair
    // writes it and is now `by`.
    consensus(&dir, "c9", &["sapporo", "1-a", "4.5"]).success();
    let agreed = dir.read_panel("tech").consensus.expect("consensus");
    assert_eq!(agreed.by, "c9");
    assert_eq!(
        agreed.mark("sapporo", "1-a"),
        Some(&Mark::new(4.5, "Strong industry base."))
    );
    // The journal has both, and history says so.
    let out = panelist().arg("history").arg(dir.path()).assert().success();
    let history = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        history.contains("t1         consensus sapporo 1-a: mark - -> 4")
            && history.contains("c9         consensus sapporo 1-a: mark 4 -> 4.5"),
        "{history}"
    );
    // check is content with what was written.
    panelist().arg("check").arg(dir.path()).assert().success();
}

#[test]
fn anyone_else_a_conflicted_recorder_and_a_bad_mark_are_refused_and_nothing_is_written() {
    let mut review = review();
    // The rapporteur is t2 (conflicted on sendai in review.ron) for one
    // check, t3 (Nagoya University) for another.
    review.panels[0].rapporteur = Some("t2".into());
    let dir = ReviewDir::new(review.clone());
    dir.write_panel(
        "tech",
        vec![("t1", sheet().mark("sapporo", "1-a", 3.0).conflict("nagoya"))],
    );
    let before = common::snapshot(&dir.path());
    let refused = [
        (
            "t1",
            vec!["sapporo", "1-a", "4"],
            "t1 may not record the consensus of panel \"tech\": only t2, c9 may",
        ),
        (
            "t2",
            vec!["sendai", "1-a", "4"],
            "t2 may not record the consensus of region \"sendai\": a conflict of interest",
        ),
        ("t2", vec!["sapporo", "1-a", "5.5"], "5.5"),
        ("t2", vec!["sapporo", "1-a", "3.2"], "3.2"),
        ("t2", vec!["sapporo", "9-z", "3"], "9-z"),
        ("t2", vec!["kyoto", "1-a", "3"], "kyoto"),
    ];
    for (writer, cell, message) in refused {
        let out = consensus(&dir, writer, &cell).code(1);
        let err = stderr(&out);
        assert!(err.contains(message), "{writer} {cell:?}: {err}");
    }
    // t3 through an institution; t1's sheet conflict counts for t1 as chair
    // would not: make t1 the chair for that one.
    review.panels[0].rapporteur = Some("t3".into());
    review.committee.chair = Some("t1".into());
    std::fs::write(dir.review_ron(), panelist::store::to_ron(&review)).expect("write review");
    let before = {
        let mut b = before;
        b.insert(
            dir.review_ron(),
            std::fs::read(dir.review_ron()).expect("read"),
        );
        b
    };
    let out = consensus(&dir, "t3", &["nagoya", "1-b", "3"]).code(1);
    assert!(
        stderr(&out).contains("same institution: Nagoya University"),
        "{}",
        stderr(&out)
    );
    let out = consensus(&dir, "t1", &["nagoya", "1-b", "3"]).code(1);
    assert!(
        stderr(&out).contains("t1 may not record the consensus of region \"nagoya\""),
        "{}",
        stderr(&out)
    );
    assert_eq!(common::snapshot(&dir.path()), before, "nothing written");
}

#[test]
fn nobody_may_record_without_a_rapporteur_or_a_chair() {
    let mut review = review();
    review.panels[0].rapporteur = None;
    review.committee.chair = None;
    let dir = ReviewDir::new(review);
    let out = consensus(&dir, "t1", &["sapporo", "1-a", "4"]).code(1);
    assert!(
        stderr(&out).contains("nobody may record the consensus of panel \"tech\""),
        "{}",
        stderr(&out)
    );
    assert!(!dir.panel_path("tech").exists());
}

#[test]
fn check_names_an_unknown_rapporteur_or_chair_and_a_consensus_by_someone_else() {
    let mut review = review();
    review.panels[0].rapporteur = Some("nobody".into());
    review.committee.chair = Some("ghost".into());
    let dir = ReviewDir::new(review);
    let out = panelist().arg("check").arg(dir.path()).assert().code(1);
    let err = stderr(&out);
    assert!(
        err.contains("the rapporteur \"nobody\" of panel \"tech\" is not a reviewer")
            && err.contains("the committee's chair \"ghost\" is not a reviewer"),
        "{err}"
    );

    let dir = ReviewDir::new(self::review());
    let mut file = dir.panel_file("tech", vec![]);
    file.consensus = Some(agreed(
        "t2",
        &[("sapporo", "1-a", 4.0), ("sapporo", "1-b", 7.0)],
    ));
    common::write_ron(&dir.panel_path("tech"), &file);
    let out = panelist().arg("check").arg(dir.path()).assert().code(1);
    let err = stderr(&out);
    assert!(
        err.contains("was written by \"t2\", who may not record it (only t1, c9 may)"),
        "{err}"
    );
    assert!(
        err.contains("7") && err.contains("1-b"),
        "over the maximum: {err}"
    );
}

fn agreed(by: &str, marks: &[(&str, &str, f64)]) -> Consensus {
    let mut consensus = Consensus::new(by, common::ts(common::T0));
    for &(region, criterion, points) in marks {
        consensus.set(region, criterion, Some(Mark::new(points, "")));
    }
    consensus
}

fn sections<'a>(list: &[(&'a str, &'a Consensus)]) -> Vec<ConsensusRef<'a>> {
    list.iter()
        .map(|&(panel, consensus)| ConsensusRef {
            origin: std::path::Path::new("scores/tech.ron"),
            panel,
            consensus,
        })
        .collect()
}

fn merged_with_consensus(review: &Review, list: &[(&str, &Consensus)]) -> panelist::merge::Results {
    let sheets = [
        scored(
            "tech",
            "t1",
            sheet()
                .marks("sapporo", &[("1-a", 2.0), ("1-b", 2.0)])
                .marks("nagoya", &[("1-a", 1.0), ("1-b", 1.0)]),
        ),
        scored(
            "tech",
            "t2",
            sheet()
                .marks("sapporo", &[("1-a", 4.0), ("1-b", 3.0)])
                .marks("nagoya", &[("1-a", 5.0), ("1-b", 1.0)]),
        ),
    ];
    let refs: Vec<panelist::merge::SheetRef> = sheets.iter().map(Into::into).collect();
    panelist::merge::merge_sheets_with_consensus(
        review,
        &refs,
        &sections(list),
        panelist::merge::MergeOptions::default(),
    )
    .expect("merge")
}

#[test]
fn with_use_consensus_a_consensus_mark_counts_and_a_cell_without_one_is_flagged() {
    let mut review = review();
    review.committee.use_consensus = true;
    review.committee.disagreement = 0.2;
    let section = agreed(
        "t1",
        &[
            ("sapporo", "1-a", 5.0),
            ("nagoya", "1-a", 2.5),
            ("nagoya", "1-b", 2.0),
        ],
    );
    let results = merged_with_consensus(&review, &[("tech", &section)]);
    let sapporo_a = common::criterion(&results, "sapporo", "1-a");
    // The consensus counts; the members' aggregate (3) is shown beside it.
    assert_eq!(sapporo_a.aggregate, Some(5.0));
    assert_eq!(sapporo_a.members, Some(3.0));
    assert_eq!(sapporo_a.consensus, Some(5.0));
    // `marks` and disagreement from the members' marks (2 and 4: spread 2 > 1).
    assert_eq!(sapporo_a.marks, 2);
    assert!(sapporo_a.disagreement);
    // 1-b has no consensus mark: the members' mean, flagged.
    let sapporo = common::region(&results, "sapporo");
    common::assert_close(sapporo.total, 5.0 + 2.5);
    assert_eq!(
        sapporo.flags,
        vec![
            "no-consensus:1-b".to_string(),
            "disagreement:1-a".to_string()
        ]
    );
    let nagoya = common::region(&results, "nagoya");
    common::assert_close(nagoya.total, 4.5);
    assert_eq!(nagoya.flags, vec!["disagreement:1-a".to_string()]);
    // sendai: no marks, no consensus: incomplete, and flagged on both.
    let sendai = common::region(&results, "sendai");
    assert_eq!(
        sendai.flags,
        vec![
            "incomplete".to_string(),
            "no-consensus:1-a".to_string(),
            "no-consensus:1-b".to_string()
        ]
    );
    // A consensus mark alone makes a cell not missing.
    let only = agreed("t1", &[("sendai", "1-a", 3.0), ("sendai", "1-b", 3.0)]);
    let results = merged_with_consensus(&review, &[("tech", &only)]);
    let sendai = common::region(&results, "sendai");
    common::assert_close(sendai.total, 6.0);
    assert!(sendai.flags.is_empty(), "{:?}", sendai.flags);
    assert_eq!(sendai.marks, 0);

    // Without use_consensus the same section changes nothing.
    review.committee.use_consensus = false;
    let plain = merged_with_consensus(&review, &[("tech", &section)]);
    let none = merged_with_consensus(&review, &[]);
    assert_eq!(plain, none);
    assert_eq!(
        common::criterion(&plain, "sapporo", "1-a").aggregate,
        Some(3.0)
    );
}

#[test]
fn a_consensus_section_off_the_grid_is_refused_by_the_merge_as_by_check() {
    let mut review = review();
    review.committee.use_consensus = true;
    let section = agreed("t1", &[("sapporo", "1-a", 4.2)]);
    let errors = panelist::merge::merge_sheets_with_consensus(
        &review,
        &[],
        &sections(&[("tech", &section)]),
        panelist::merge::MergeOptions::default(),
    )
    .expect_err("off the grid");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].finding.message.contains("4.2"), "{errors:?}");
    assert_eq!(errors[0].origin, std::path::Path::new("scores/tech.ron"));
}

#[test]
fn a_draft_s_marks_count_only_with_drafts_and_a_consensus_mark_counts_either_way() {
    let mut review = review();
    review.committee.use_consensus = true;
    let sheets = [
        scored(
            "tech",
            "t1",
            sheet().marks("sapporo", &[("1-a", 2.0), ("1-b", 2.0)]),
        ),
        scored(
            "tech",
            "t2",
            sheet()
                .draft()
                .marks("sapporo", &[("1-a", 4.0), ("1-b", 4.0)]),
        ),
    ];
    let refs: Vec<panelist::merge::SheetRef> = sheets.iter().map(Into::into).collect();
    let section = agreed("t1", &[("sapporo", "1-a", 5.0)]);
    let merge = |include_drafts: bool| {
        panelist::merge::merge_sheets_with_consensus(
            &review,
            &refs,
            &sections(&[("tech", &section)]),
            panelist::merge::MergeOptions { include_drafts },
        )
        .expect("merge")
    };
    let submitted = merge(false);
    let a = common::criterion(&submitted, "sapporo", "1-a");
    assert_eq!((a.aggregate, a.members, a.marks), (Some(5.0), Some(2.0), 1));
    let b = common::criterion(&submitted, "sapporo", "1-b");
    assert_eq!((b.aggregate, b.marks), (Some(2.0), 1));
    let drafts = merge(true);
    let a = common::criterion(&drafts, "sapporo", "1-a");
    assert_eq!((a.aggregate, a.members, a.marks), (Some(5.0), Some(3.0), 2));
    let b = common::criterion(&drafts, "sapporo", "1-b");
    assert_eq!((b.aggregate, b.marks), (Some(3.0), 2));
}

#[test]
fn two_panels_on_one_cell_give_the_mean_of_their_values() {
    let mut review = review();
    review.committee.use_consensus = true;
    // A second panel "env" (c9 alone) scores 1-a everywhere too.
    let mut env = review.panels[0].clone();
    env.id = "env".into();
    env.members = vec!["c9".into()];
    env.criteria = vec!["1-a".into()];
    env.rapporteur = None;
    review.panels.push(env);
    let sheets = [
        scored("tech", "t1", sheet().marks("sapporo", &[("1-a", 2.0)])),
        scored("tech", "t2", sheet().marks("sapporo", &[("1-a", 4.0)])),
        scored("env", "c9", sheet().marks("sapporo", &[("1-a", 5.0)])),
    ];
    let refs: Vec<panelist::merge::SheetRef> = sheets.iter().map(Into::into).collect();
    let merge = |list: &[(&str, &Consensus)]| {
        panelist::merge::merge_sheets_with_consensus(
            &review,
            &refs,
            &sections(list),
            panelist::merge::MergeOptions::default(),
        )
        .expect("merge")
    };
    // tech's members' mean 3, env's 5: 4 (not the mean of all three marks).
    let results = merge(&[]);
    assert_eq!(
        common::criterion(&results, "sapporo", "1-a").aggregate,
        Some(4.0)
    );
    // tech's consensus 1 and env's 5: 3.
    let section = agreed("t1", &[("sapporo", "1-a", 1.0)]);
    let results = merge(&[("tech", &section)]);
    let cell = common::criterion(&results, "sapporo", "1-a");
    assert_eq!(cell.aggregate, Some(3.0));
    assert_eq!(cell.consensus, Some(1.0));
    assert_eq!(cell.marks, 3);
}

#[test]
fn merge_counts_the_consensus_of_scores_only_and_the_report_shows_it_beside_the_members() {
    let mut review = review();
    review.committee.use_consensus = true;
    let dir = ReviewDir::new(review.clone());
    let mut file = dir.panel_file(
        "tech",
        vec![
            (
                "t1",
                sheet().marks("sapporo", &[("1-a", 2.0), ("1-b", 2.0)]),
            ),
            (
                "t2",
                sheet().marks("sapporo", &[("1-a", 4.0), ("1-b", 4.0)]),
            ),
        ],
    );
    file.consensus = Some(agreed("t1", &[("sapporo", "1-a", 4.5)]));
    common::write_ron(&dir.panel_path("tech"), &file);
    // An --add file with a consensus of its own: it does not count.
    let mut added = dir.panel_file("tech", vec![]);
    added.consensus = Some(agreed("t1", &[("sapporo", "1-b", 0.0)]));
    let extra = dir.beside("extra.ron");
    common::write_ron(&extra, &added);
    panelist()
        .arg("merge")
        .arg(dir.path())
        .arg("--add")
        .arg(&extra)
        .arg("--no-analysis")
        .assert()
        .success();
    let csv = std::fs::read_to_string(dir.path().join("results.csv")).expect("results.csv");
    assert!(
        csv.contains("1,sapporo,Sapporo,7.50,7.50,Selected,4,no-consensus:1-b"),
        "{csv}"
    );
    let report = std::fs::read_to_string(dir.path().join("report.md")).expect("report.md");
    assert!(report.contains("## Consensus"), "{report}");
    assert!(
        report.contains("| Sapporo | 1-a Criterion 1-a | 3.00 | 4.50 | 4.50 |"),
        "{report}"
    );
    assert!(
        report.contains("Sapporo: 1 criterion has no consensus mark"),
        "{report}"
    );
    // status shows how far the consensus has come.
    let out = panelist().arg("status").arg(dir.path()).assert().success();
    let status = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        status.contains("consensus of panel tech: 1/6 recorded, last by t1"),
        "{status}"
    );
    // The analysis runs on the consensus values without complaint.
    panelist().arg("merge").arg(dir.path()).assert().success();
}

#[test]
fn a_lost_panel_file_is_rebuilt_with_its_consensus() {
    let dir = ReviewDir::new(review());
    panelist()
        .arg("mark")
        .arg(dir.path())
        .args(["--reviewer", "t1", "--panel", "tech", "sapporo", "1-a", "3"])
        .assert()
        .success();
    consensus(&dir, "t1", &["sapporo", "1-a", "3.5", "--note", "Agreed."]).success();
    let saved = dir.read_panel("tech");
    std::fs::remove_file(dir.panel_path("tech")).expect("remove the panel file");
    panelist()
        .arg("check")
        .arg(dir.path())
        .arg("--repair")
        .assert()
        .success();
    let rebuilt = dir.read_panel("tech");
    assert_eq!(rebuilt.consensus, saved.consensus);
    assert_eq!(rebuilt.sheets, saved.sheets);
    // A save after the file was lost rebuilds it too, consensus included.
    std::fs::remove_file(dir.panel_path("tech")).expect("remove again");
    panelist()
        .arg("mark")
        .arg(dir.path())
        .args(["--reviewer", "t2", "--panel", "tech", "sapporo", "1-b", "2"])
        .assert()
        .success();
    let again = dir.read_panel("tech");
    assert_eq!(again.consensus, saved.consensus);
}
