//! *Assignment* (SPEC): `PerMember` regions, institutional conflicts, and
//! how every part of panelist counts them — check, merge, progress and
//! status, `mark`, both TUIs.

use crate::common::{
    self, ReviewBuilder, ReviewDir, line_of, merged, panelist, region, scored, sheet,
};
use crate::review_tui::{UNICODE, render};
use panelist::model::{Index, Regions, Review, UniqueMap};
use panelist::progress::Progress;
use panelist::tui::review::App;
use panelist::tui::review::parts::ChairConflict;

/// Four regions, two criteria; panel "tech" gives t1 sapporo and sendai, t2
/// sendai and nagoya, t3 nothing (dropped out). Nagoya's institutions
/// include Nagoya University, where t1 works.
fn review() -> Review {
    let mut review = ReviewBuilder::new()
        .category("1", &[("1-a", 5.0, 1.0), ("1-b", 5.0, 1.0)])
        .regions(&["sapporo", "sendai", "nagoya", "kyushu"])
        .reviewers(&["t1", "t2", "t3"])
        .panel("tech", &["t1", "t2", "t3"], &["1-a", "1-b"], None)
        .select(2)
        .build();
    review.panels[0].regions = per_member(&[
        ("t1", &["sapporo", "sendai"]),
        ("t2", &["sendai", "nagoya"]),
        ("t3", &[]),
    ]);
    review.regions[2].institutions = vec!["Nagoya University".into(), "Chubu IST".into()];
    review.reviewers[0].affiliations = vec![" nagoya university".into()];
    review
}

fn per_member(lists: &[(&str, &[&str])]) -> Regions {
    Regions::PerMember(
        lists
            .iter()
            .map(|(m, ids)| (m.to_string(), ids.iter().map(ToString::to_string).collect()))
            .collect::<UniqueMap<Vec<String>>>(),
    )
}

#[test]
fn a_member_counts_only_on_their_own_regions_and_other_marks_stay_on_file_with_a_warning() {
    let review = review();
    let results = merged(
        &review,
        &[
            // t1 also scored kyushu... no: kyushu is nobody's, so a mark there
            // is outside the panel's cover (an error, tested below); t1's
            // marks on nagoya are on a region the panel covers (t2's).
            scored(
                "tech",
                "t1",
                sheet()
                    .marks("sapporo", &[("1-a", 4.0), ("1-b", 4.0)])
                    .marks("sendai", &[("1-a", 2.0), ("1-b", 2.0)])
                    .marks("nagoya", &[("1-a", 5.0), ("1-b", 5.0)]),
            ),
            scored(
                "tech",
                "t2",
                sheet()
                    .marks("sendai", &[("1-a", 4.0), ("1-b", 4.0)])
                    .marks("nagoya", &[("1-a", 1.0), ("1-b", 1.0)]),
            ),
            scored("tech", "t3", sheet().marks("sapporo", &[("1-a", 0.0)])),
        ],
    );
    // sapporo: t1 only (t3's mark is on a region no longer theirs).
    common::assert_close(region(&results, "sapporo").total, 8.0);
    // sendai: t1 and t2, mean 3 per criterion.
    common::assert_close(region(&results, "sendai").total, 6.0);
    // nagoya: t2 only; t1 is conflicted there through an institution.
    common::assert_close(region(&results, "nagoya").total, 2.0);
    let warnings = results.warnings.join("\n");
    assert!(
        warnings.contains(
            "2 marks of reviewer \"t1\" for region \"nagoya\" are left out: the reviewer is \
             conflicted on that region (same institution: Nagoya University)"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains(
            "1 mark of reviewer \"t3\" for region \"sapporo\" on panel \"tech\" does not count: \
             the region is not (or no longer) assigned to them"
        ),
        "{warnings}"
    );
}

#[test]
fn a_mark_on_a_region_no_member_has_is_outside_the_panel_s_cover() {
    let dir = ReviewDir::new(review());
    dir.write_panel("tech", vec![("t1", sheet().mark("kyushu", "1-a", 3.0))]);
    let out = panelist().arg("check").arg(dir.path()).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("panel \"tech\" does not cover region \"kyushu\""),
        "{stderr}"
    );
}

#[test]
fn check_names_a_listed_non_member_and_an_unknown_region_with_their_lines() {
    let mut review = review();
    review.panels[0].regions = per_member(&[("t1", &["sapporo", "osaka"]), ("t9", &["sendai"])]);
    let dir = ReviewDir::new(review);
    let text = std::fs::read_to_string(dir.review_ron()).expect("review.ron");
    let out = panelist().arg("check").arg(dir.path()).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let file = dir.review_ron().display().to_string();
    let osaka = line_of(&text, "\"osaka\"");
    let t9 = line_of(&text, "\"t9\"");
    assert!(
        stderr.contains(&format!("{file}:{osaka}:"))
            && stderr.contains("panel \"tech\" names unknown region \"osaka\""),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{file}:{t9}:"))
            && stderr
                .contains("panel \"tech\" gives regions to \"t9\", who is not one of its members"),
        "{stderr}"
    );
}

#[test]
fn check_warns_of_a_member_given_a_region_they_are_conflicted_on_with_the_cause() {
    let mut review = review();
    review.panels[0].regions = per_member(&[("t1", &["nagoya"]), ("t2", &["sendai"])]);
    let dir = ReviewDir::new(review);
    let out = panelist().arg("check").arg(dir.path()).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains(
            "panel \"tech\" gives region \"nagoya\" to \"t1\", who is conflicted on it \
             (same institution: Nagoya University)"
        ),
        "{stderr}"
    );
}

#[test]
fn two_panels_sharing_a_member_overlap_only_where_that_member_scores_both() {
    let mut review = review();
    review.panels.push(review.panels[0].clone());
    review.panels[1].id = "again".into();
    // t1 scores sapporo on "tech" and sendai on "again": no overlap.
    review.panels[0].regions = per_member(&[("t1", &["sapporo"]), ("t2", &["sendai"])]);
    review.panels[1].regions = per_member(&[("t1", &["sendai"]), ("t2", &["sapporo"])]);
    let dir = ReviewDir::new(review.clone());
    panelist().arg("check").arg(dir.path()).assert().success();
    // Now t2 scores sendai on both.
    review.panels[1].regions = per_member(&[("t1", &["kyushu"]), ("t2", &["sendai"])]);
    let dir = ReviewDir::new(review);
    let out = panelist().arg("check").arg(dir.path()).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("\"t2\"") && stderr.contains("\"sendai\""),
        "{stderr}"
    );
}

#[test]
fn progress_counts_each_member_s_own_regions_less_conflicts() {
    let review = review();
    let index = Index::new(&review);
    let t1 = Progress::of(&index, 0, "t1", None, &[]);
    let t2 = Progress::of(&index, 0, "t2", None, &[]);
    let t3 = Progress::of(&index, 0, "t3", None, &[]);
    assert_eq!(t1.due.len(), 4, "sapporo and sendai × 2 criteria");
    assert_eq!(t2.due.len(), 4, "sendai and nagoya");
    assert_eq!(t3.due.len(), 0, "dropped out");
    // t2 works at Chubu IST too: nagoya is no longer due.
    let mut review = review.clone();
    review.reviewers[1].affiliations = vec!["CHUBU IST".into()];
    let index = Index::new(&review);
    let t2 = Progress::of(&index, 0, "t2", None, &[]);
    assert_eq!(t2.due.len(), 2);
    assert!(t2.due.iter().all(|cell| cell.region == "sendai"));
}

#[test]
fn status_shows_marks_that_stopped_counting() {
    let dir = ReviewDir::new(review());
    dir.write_panel(
        "tech",
        vec![
            (
                "t1",
                sheet().marks("sapporo", &[("1-a", 4.0), ("1-b", 4.0)]),
            ),
            (
                "t3",
                sheet()
                    .marks("sapporo", &[("1-a", 1.0)])
                    .marks("sendai", &[("1-a", 2.0)]),
            ),
        ],
    );
    let out = panelist().arg("status").arg(dir.path()).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains(
            "not counting: t3 on panel tech (Reviewer t3) has marks on 2 regions no longer \
             assigned to them (sapporo, sendai)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("2/4"), "t1 scored 2 of 4: {stdout}");
    assert!(stdout.contains("0/0"), "t3 owes nothing: {stdout}");
}

#[test]
fn mark_refuses_a_region_that_is_not_the_member_s_and_an_institutional_conflict() {
    let dir = ReviewDir::new(review());
    let out = panelist()
        .args(["mark", "--reviewer", "t1", "--panel", "tech"])
        .arg(dir.path())
        .args(["nagoya", "1-a", "3"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("region \"nagoya\" is not assigned to reviewer \"t1\" on panel \"tech\""),
        "{stderr}"
    );
    let mut review = review();
    review.panels[0].regions = per_member(&[("t1", &["nagoya"])]);
    let dir = ReviewDir::new(review);
    let out = panelist()
        .args(["mark", "--reviewer", "t1", "--panel", "tech"])
        .arg(dir.path())
        .args(["nagoya", "1-a", "3"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("may not score region \"nagoya\": same institution (Nagoya University)"),
        "{stderr}"
    );
    assert!(!dir.panel_path("tech").exists(), "nothing written");
}

#[test]
fn the_reviewer_steps_only_through_their_own_regions_and_sees_why_one_is_barred() {
    let mut review = review();
    review.panels[0].regions = per_member(&[("t1", &["sendai", "nagoya"]), ("t2", &["sapporo"])]);
    let app = App::new(&review, "tech", "t1", None, &[], UNICODE);
    let ids: Vec<&str> = app.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["sendai", "nagoya"]);
    assert_eq!(
        app.regions[1].chair_conflict,
        Some(ChairConflict::Institution("Nagoya University".into()))
    );
    assert!(app.conflicted(1) && !app.conflicted(0));
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Region 1/2: Sendai"), "{screen}");
    assert!(
        screen.contains("All 0/2"),
        "nagoya's marks are not due: {screen}"
    );
}

#[test]
fn the_report_states_the_assignment_rules_only_when_the_review_uses_them() {
    let report_of = |review: &Review| {
        let results = merged(review, &[]);
        panelist::i18n::with_lang(panelist::i18n::Lang::En, || {
            let file = panelist::report::ResultsFile {
                results,
                analysis: None,
                lottery: None,
            };
            panelist::report::markdown(&file, review, &[])
        })
    };
    let report = report_of(&review());
    assert!(
        report.contains("- Conflicts through institutions: a reviewer affiliated"),
        "{report}"
    );
    assert!(
        report.contains("- Panel `tech` gives each member their own regions (`PerMember`)"),
        "{report}"
    );

    let mut plain = review();
    plain.panels[0].regions = Regions::All;
    plain.reviewers[0].affiliations.clear();
    let report = report_of(&plain);
    assert!(
        !report.contains("Conflicts through institutions"),
        "{report}"
    );
    assert!(!report.contains("PerMember"), "{report}");
}
