//! The 2001 screening's technology review, assigned by `panelist assign`
//! (SPEC, *Assignment*) as a secretariat would: the sample's `PerMember`
//! lists are exactly what the documented command writes, its institutional
//! conflicts change who reviews what, and the marks of `scores/rd.ron`, on
//! that assignment, select the same 30 candidates as before. Everything
//! runs on copies, so the repository's sample is never written to.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use panelist::merge::Status;
use panelist::model::{Regions, Review};
use panelist::report::ResultsFile;
use tempfile::TempDir;

use crate::common::panelist;

const SAMPLE: &str = "kci-2001-candidates";

/// The command README.md and the sample's review.ron give.
const ASSIGN: [&str; 4] = ["--panel", "rd", "--per-region", "3"];

/// The 30 candidates of the 2001 screening, as the sample selected them
/// when its R&D review was four field panels (`rd-it`, `rd-ls`, `rd-nano`,
/// `rd-env`) with hand-written `Only` lists.
const CANDIDATES: [&str; 30] = [
    "central-shizuoka",
    "chiba-tokatsu",
    "fukuoka",
    "gifu-ogaki",
    "hamamatsu",
    "harima",
    "hiroshima",
    "kanazawa",
    "keihanna",
    "kiryu-ota",
    "kitakyushu",
    "kobe",
    "koriyama",
    "kumamoto",
    "kyoto",
    "nagano-ueda",
    "nagoya",
    "niigata",
    "okayama-south",
    "osaka",
    "osaka-izumi",
    "sapporo",
    "sendai",
    "takamatsu",
    "tokushima",
    "toyama-takaoka",
    "toyohashi",
    "tsukuba",
    "ube",
    "yamagata-yonezawa",
];

/// A copy of the sample in `into`.
fn copy_sample(into: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("panels")
        .join(SAMPLE);
    let to = into.join(SAMPLE);
    crate::common::copy_review(&from, &to);
    to
}

fn review_of(dir: &Path) -> Review {
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("read review.ron");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// Runs the documented assign command on `dir`; its stdout.
fn assign(dir: &Path) -> String {
    let run = panelist()
        .arg("assign")
        .arg(dir)
        .args(ASSIGN)
        .assert()
        .success();
    String::from_utf8_lossy(&run.get_output().stdout).to_string()
}

/// Panel `rd`'s lists: member → regions.
fn lists(review: &Review) -> BTreeMap<String, Vec<String>> {
    let panel = review.panel("rd").expect("the sample has panel rd");
    let Regions::PerMember(lists) = &panel.regions else {
        panic!("panel rd is not assigned per member: {:?}", panel.regions);
    };
    lists.iter().map(|(m, r)| (m.clone(), r.clone())).collect()
}

/// Region → the members assigned to it.
fn reviewers_of(lists: &BTreeMap<String, Vec<String>>) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut by_region: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (member, regions) in lists {
        for region in regions {
            by_region
                .entry(region.as_str())
                .or_default()
                .insert(member.as_str());
        }
    }
    by_region
}

#[test]
fn the_samples_rd_lists_are_exactly_what_the_documented_assign_command_writes() {
    let tmp = TempDir::new().expect("temporary directory");
    let dir = copy_sample(tmp.path());
    let before = std::fs::read(dir.join("review.ron")).expect("read review.ron");

    let stdout = assign(&dir);
    for line in [
        "panel rd: 45 regions, 12 members, 3 per region",
        "objective: 137 fields shared over 135 assigned pairs",
        "loads: min 8, mean 11.25, max 12 regions per member",
        "every region shares a field with at least one of its members",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
    let after = std::fs::read(dir.join("review.ron")).expect("read review.ron");
    assert!(
        after == before,
        "assign rewrote the sample's review.ron: run `panelist assign panels/{SAMPLE} {}` and commit what it writes",
        ASSIGN.join(" ")
    );

    // What that means: every eligible region, and no other, has 3
    // reviewers, none over the default load of ceil(3 * 45 / 12) = 12.
    let review = review_of(&dir);
    let lists = lists(&review);
    let eligible: BTreeSet<&str> = review
        .regions
        .iter()
        .filter(|r| review.admits(r))
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(eligible.len(), 45);
    let by_region = reviewers_of(&lists);
    assert_eq!(by_region.keys().copied().collect::<BTreeSet<_>>(), eligible);
    assert!(by_region.values().all(|members| members.len() == 3));
    assert!(lists.values().all(|regions| regions.len() <= 12));
}

/// Without the reviewers' affiliations, assign would give r01 Sendai (at
/// Tohoku University) and r10 Kasumigaura (National Institute for
/// Environmental Studies): the sample's institutions are what keep them
/// off. (r08, at Kyoto University, also declared a conflict on Kyoto on
/// their sheet, which keeps them off Kyoto either way.)
#[test]
fn the_samples_institutional_conflicts_change_who_reviews_what() {
    let sample = lists(&review_of(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("panels")
            .join(SAMPLE),
    ));
    let tmp = TempDir::new().expect("temporary directory");
    let dir = copy_sample(tmp.path());
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("read review.ron");
    let mut stripped = String::new();
    for line in text.lines() {
        match (line.find("affiliations: ["), line.find("], conflicts")) {
            (Some(from), Some(to)) => {
                stripped.push_str(&line[..from]);
                stripped.push_str(&line[to + 3..]);
            }
            _ => stripped.push_str(line),
        }
        stripped.push('\n');
    }
    assert_eq!(stripped.matches("affiliations: [").count(), 0);
    std::fs::write(dir.join("review.ron"), stripped).expect("write review.ron");

    assign(&dir);
    let unaffiliated = lists(&review_of(&dir));
    for (member, region) in [("r01", "sendai"), ("r10", "kasumigaura")] {
        let has = |lists: &BTreeMap<String, Vec<String>>| {
            lists
                .get(member)
                .is_some_and(|r| r.iter().any(|id| id == region))
        };
        assert!(!has(&sample), "{member} reviews {region} in the sample");
        assert!(
            has(&unaffiliated),
            "without affiliations, {member} would review {region}: {unaffiliated:?}"
        );
    }
}

#[test]
fn the_assigned_panels_marks_select_the_same_30_candidates() {
    let tmp = TempDir::new().expect("temporary directory");
    let dir = copy_sample(tmp.path());
    let check = panelist().arg("check").arg(&dir).assert().success();
    let stderr = String::from_utf8_lossy(&check.get_output().stderr).to_string();
    assert!(stderr.is_empty(), "check warns: {stderr}");
    let out = tmp.path().join("out");
    let merge = panelist()
        .arg("merge")
        .arg(&dir)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&merge.get_output().stderr).to_string();
    assert!(stderr.is_empty(), "merge warns: {stderr}");

    let text = std::fs::read_to_string(out.join("results.ron")).expect("results.ron");
    let results = ResultsFile::from_ron(&text)
        .expect("results.ron reads back")
        .results;
    let selected: BTreeSet<&str> = results
        .regions
        .iter()
        .filter(|r| r.status == Status::Selected)
        .map(|r| r.region.as_str())
        .collect();
    assert_eq!(selected, CANDIDATES.into_iter().collect());

    // Criterion 1 of each eligible region is marked by exactly the three
    // reviewers assign gave it, all of whose marks count.
    let lists = lists(&review_of(&dir));
    let by_region = reviewers_of(&lists);
    // Who marked what is in the panel files, which results.ron does not copy.
    let results = crate::common::merged_in_memory(&dir);
    for region in results
        .regions
        .iter()
        .filter(|r| r.status != Status::Ineligible)
    {
        let criterion = region
            .criteria
            .iter()
            .find(|c| c.criterion == "1")
            .expect("criterion 1");
        let scorers: BTreeSet<&str> = criterion
            .scores
            .iter()
            .map(|s| s.reviewer.as_str())
            .collect();
        assert_eq!(
            Some(&scorers),
            by_region.get(region.region.as_str()),
            "{}",
            region.region
        );
    }
}
