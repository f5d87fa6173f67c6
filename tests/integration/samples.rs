//! The programme's samples under `panels/`: each one passes `check`, merges,
//! and comes out as its comments say it does. The 1st-stage screening of
//! 2001 (the seed's funnel: 55 regions with a research centre, 45 past the
//! industry thresholds, 30 candidates), the 2002 selection that follows it
//! (12 clusters and 6 feasibility studies, the seed's), the 2007 selection
//! with its budget, and the midterm review with a three-level rubric that
//! shares the money by its result. Every merge runs on a copy, so the
//! repository's samples are never written to.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use panelist::merge::{RegionResult, Results, Status};
use panelist::model::{PanelFile, Review};
use panelist::report::ResultsFile;
use panelist::source::SourceText;
use tempfile::TempDir;

use crate::common::panelist;

/// The seed's 18 knowledge clusters: 12 started in 2002, then 3 in 2003
/// and 3 in 2004 (read as the 2002 feasibility studies).
const CLUSTERS_2002: [&str; 12] = [
    "sapporo",
    "sendai",
    "nagano-ueda",
    "hamamatsu",
    "kyoto",
    "keihanna",
    "osaka",
    "kobe",
    "hiroshima",
    "takamatsu",
    "kitakyushu",
    "fukuoka",
];
const FEASIBILITY_2002: [&str; 6] = [
    "toyama-takaoka",
    "nagoya",
    "tokushima",
    "kanazawa",
    "gifu-ogaki",
    "ube",
];

/// Copies `panels/<name>` (review.ron and scores/) to `<into>/<name>`.
fn copy_sample(name: &str, into: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("panels")
        .join(name);
    let to = into.join(name);
    crate::common::copy_review(&from, &to);
    to
}

fn review_of(dir: &Path) -> Review {
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("read review.ron");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

fn results_in(dir: &Path) -> Results {
    let text = std::fs::read_to_string(dir.join("results.ron")).expect("merge wrote results.ron");
    ResultsFile::from_ron(&text)
        .expect("results.ron reads back")
        .results
}

/// `check DIR` exits 0, then `merge DIR` (into `out`, or into DIR itself)
/// exits 0; the results it wrote.
fn check_and_merge(dir: &Path, out: Option<&Path>) -> Results {
    panelist().arg("check").arg(dir).assert().success();
    let mut merge = panelist();
    merge.arg("merge").arg(dir);
    if let Some(out) = out {
        merge.arg("--out").arg(out);
    }
    merge.assert().success();
    results_in(out.unwrap_or(dir))
}

fn with_status(results: &Results, status: Status) -> BTreeSet<&str> {
    results
        .regions
        .iter()
        .filter(|r| r.status == status)
        .map(|r| r.region.as_str())
        .collect()
}

fn in_tier<'r>(results: &'r Results, tier: &str) -> BTreeSet<&'r str> {
    results
        .regions
        .iter()
        .filter(|r| r.status == Status::Selected && r.tier.as_deref() == Some(tier))
        .map(|r| r.region.as_str())
        .collect()
}

fn set<'a>(ids: &[&'a str]) -> BTreeSet<&'a str> {
    ids.iter().copied().collect()
}

fn result<'r>(results: &'r Results, id: &str) -> &'r RegionResult {
    results
        .regions
        .iter()
        .find(|r| r.region == id)
        .unwrap_or_else(|| panic!("no region {id} in the results"))
}

#[test]
fn the_2001_screening_selects_30_candidates_and_leaves_out_whom_the_rule_fails() {
    let tmp = TempDir::new().expect("temporary directory");
    let dir = copy_sample("kci-2001-candidates", tmp.path());
    let results = check_and_merge(&dir, Some(&tmp.path().join("out")));
    let review = review_of(&dir);

    // The seed's 1st review, worked out from the figures by hand rather
    // than through the file's rule: a research centre, and major industries
    // of at least 3 billion yen or machinery of at least 1 billion yen.
    let figure = |id: &str, name: &str| {
        review
            .region(id)
            .and_then(|r| r.figures.get(name).copied())
            .unwrap_or_else(|| panic!("region {id} has no figure {name}"))
    };
    let with_centre: Vec<&str> = review
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| figure(id, "research_centre") >= 1.0)
        .collect();
    let passing: BTreeSet<&str> = with_centre
        .iter()
        .copied()
        .filter(|id| figure(id, "industry") >= 3.0 || figure(id, "machinery") >= 1.0)
        .collect();
    assert_eq!(
        (with_centre.len(), passing.len()),
        (55, 45),
        "the seed's funnel"
    );
    let failing: BTreeSet<&str> = review
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !passing.contains(id))
        .collect();
    assert_eq!(with_status(&results, Status::Ineligible), failing);
    for id in &failing {
        let region = result(&results, id);
        assert_eq!(region.rank, 0, "{id} has no rank");
        assert!(region.flags.iter().any(|f| f == "ineligible"), "{id}");
    }
    // Exactly on a threshold counts as reaching it.
    assert!((figure("kiryu-ota", "industry") - 3.0).abs() < 1e-12);
    assert!((figure("iwate-kamaishi", "machinery") - 1.0).abs() < 1e-12);
    assert!(passing.contains("kiryu-ota") && passing.contains("iwate-kamaishi"));

    let selected = with_status(&results, Status::Selected);
    assert_eq!(selected.len(), 30, "{selected:?}");
    assert!(with_status(&results, Status::Tied).is_empty());
    for id in CLUSTERS_2002.iter().chain(&FEASIBILITY_2002) {
        assert!(
            selected.contains(id),
            "{id}, a cluster of the seed, is a candidate"
        );
    }
    assert_eq!(
        with_status(&results, Status::NotSelected).len(),
        15,
        "45 eligible, 30 selected"
    );
}

#[test]
fn the_2002_selection_follows_2001_and_makes_the_seeds_12_clusters_and_6_studies() {
    let tmp = TempDir::new().expect("temporary directory");
    let first = copy_sample("kci-2001-candidates", tmp.path());
    let second = copy_sample("kci-2002-selection", tmp.path());
    // The earlier review is merged in place: its results.ron is what the
    // later one's `follows` is verified against.
    let earlier = check_and_merge(&first, None);
    let results = check_and_merge(&second, Some(&tmp.path().join("out")));
    let review = review_of(&second);

    let follows = review.follows.as_ref().expect("kci-2002-selection follows");
    assert_eq!(follows.review, "../kci-2001-candidates");
    let selected_before = with_status(&earlier, Status::Selected);
    for region in &review.regions {
        assert!(
            selected_before.contains(region.id.as_str()),
            "{} was not Selected in 2001",
            region.id
        );
    }

    assert!(review.is_nested(), "the four groups have sub-categories");
    assert_eq!(in_tier(&results, "cluster"), set(&CLUSTERS_2002));
    assert_eq!(in_tier(&results, "fs"), set(&FEASIBILITY_2002));
    assert!(with_status(&results, Status::Tied).is_empty());
    // Every cluster ranks above every feasibility study.
    let worst_cluster = CLUSTERS_2002
        .iter()
        .map(|id| result(&results, id).rank)
        .max();
    let best_study = FEASIBILITY_2002
        .iter()
        .map(|id| result(&results, id).rank)
        .min();
    assert_eq!((worst_cluster, best_study), (Some(12), Some(13)));

    // The thresholds at work: a criterion's (no core organisation) and a
    // category's (too little technology).
    let below = with_status(&results, Status::BelowThreshold);
    assert_eq!(below, set(&["harima", "kiryu-ota", "koriyama"]));
    assert_eq!(result(&results, "harima").flags, ["below:1-b"]);
    assert_eq!(result(&results, "koriyama").flags, ["below:2"]);
    assert!(result(&results, "koriyama").subtotal("2") < 18.0);
    assert!(result(&results, "harima").subtotal("2") >= 18.0);
}

/// The allocations of the selected regions of a merged 2007 sample, in
/// rank order, after checking every rule of its budget.
fn budget_2007(name: &str) -> Vec<(String, f64)> {
    let tmp = TempDir::new().expect("temporary directory");
    let dir = copy_sample(name, tmp.path());
    let results = check_and_merge(&dir, Some(&tmp.path().join("out")));
    let review = review_of(&dir);
    let outcome = results.budget.as_ref().expect("a budget outcome");
    assert!((outcome.total - 5.3e9).abs() < 1.0);
    assert_eq!(outcome.unit, "JPY");

    let mut shares = Vec::new();
    let mut sum = 0.0;
    for region in &results.regions {
        let amount = region
            .allocation
            .expect("every eligible region has an allocation");
        sum += amount;
        if region.status != Status::Selected {
            assert!(amount.abs() < 1e-9, "{} is not selected", region.region);
            continue;
        }
        assert!(
            (0.5e9 - 1.0..=1.0e9 + 1.0).contains(&amount),
            "{}: {amount}",
            region.region
        );
        let steps = amount / 1.0e7;
        assert!(
            (steps - steps.round()).abs() < 1e-6,
            "{amount} is not a multiple of 1e7"
        );
        if let Some(requested) = review.region(&region.region).and_then(|r| r.requested) {
            assert!(
                amount <= requested + 1.0,
                "{} got more than it asked",
                region.region
            );
        }
        shares.push((region.region.clone(), amount));
    }
    assert_eq!(shares.len(), 6);
    assert!(sum <= outcome.total + 1.0, "{sum} over the total");
    assert!((sum - outcome.allocated).abs() < 1.0);
    assert!((outcome.total - outcome.allocated - outcome.left).abs() < 1.0);
    assert!(
        shares.iter().any(|(_, a)| *a < 1.0e9 - 1.0),
        "not every region at the maximum"
    );
    shares
}

#[test]
fn the_2007_budget_stays_within_the_seeds_bounds_and_the_total() {
    let english = budget_2007("kci-2007");
    // Worked by hand: fukuoka at the maximum; nagano, sendai and sapporo at
    // what they asked; kansai and hamamatsu share the rest in proportion
    // to their totals (lambda = 1.8e9 / 135.89 points), rounded down.
    let expected = [
        ("fukuoka", 1.0e9),
        ("nagano", 0.95e9),
        ("kansai", 0.93e9),
        ("sendai", 0.85e9),
        ("hamamatsu", 0.86e9),
        ("sapporo", 0.70e9),
    ];
    for ((id, amount), (want_id, want)) in english.iter().zip(expected) {
        assert_eq!(id, want_id);
        assert!((amount - want).abs() < 1.0, "{id}: {amount}, not {want}");
    }
    assert_eq!(budget_2007("kci-2007-ja"), english, "the twins agree");
}

/// Merges the midterm sample `name` at the end of the chain 2001 → 2002 →
/// midterm, each merged in place as a secretariat would.
fn midterm(name: &str) -> (Review, Results) {
    let tmp = TempDir::new().expect("temporary directory");
    let first = copy_sample("kci-2001-candidates", tmp.path());
    let second = copy_sample("kci-2002-selection", tmp.path());
    let dir = copy_sample(name, tmp.path());
    check_and_merge(&first, None);
    let selection = check_and_merge(&second, None);
    let results = check_and_merge(&dir, Some(&tmp.path().join("out")));
    let review = review_of(&dir);
    let clusters = in_tier(&selection, "cluster");
    for region in &review.regions {
        assert!(clusters.contains(region.id.as_str()), "{}", region.id);
    }
    (review, results)
}

#[test]
fn the_midterm_review_adds_up_three_levels_and_shares_the_money_by_its_result() {
    let (review, results) = midterm("kci-midterm");
    let placed = review.all_categories();
    let depths: BTreeSet<usize> = placed.iter().map(|p| p.depth).collect();
    assert_eq!(depths, BTreeSet::from([0, 1, 2]), "major, middle, minor");
    assert_eq!(results.regions.len(), 12);
    for region in &results.regions {
        assert_eq!(region.status, Status::Selected);
        assert_eq!(region.subtotals.len(), placed.len(), "{}", region.region);
        // Each category is the sum of its own criteria and of its
        // sub-categories, at every level.
        for p in &placed {
            let own: f64 = region
                .criteria
                .iter()
                .filter(|c| c.category == p.category.id)
                .filter_map(|c| c.aggregate)
                .sum();
            let below: f64 = p
                .category
                .categories
                .iter()
                .map(|sub| region.subtotal(&sub.id))
                .sum();
            let subtotal = region.subtotal(&p.category.id);
            assert!(
                (subtotal - own - below).abs() < 1e-9,
                "{} {}",
                region.region,
                p.category.id
            );
        }
        assert!(region.subtotal("1-2-b") > 0.0, "a minor item is scored");
    }

    let outcome = results.budget.as_ref().expect("a budget");
    let amounts: Vec<f64> = results
        .regions
        .iter()
        .map(|r| r.allocation.expect("an allocation"))
        .collect();
    assert!(amounts.iter().sum::<f64>() <= outcome.total + 1.0);
    assert!(
        amounts
            .iter()
            .all(|a| (0.35e9 - 1.0..=0.7e9 + 1.0).contains(a))
    );
    // Rank order: a better result never gets less money.
    assert!(amounts.windows(2).all(|w| w[0] >= w[1]), "{amounts:?}");
    assert!(
        amounts[0] > amounts[11] + 1.0e8,
        "the money follows the result"
    );
    let last = &results.regions[11];
    assert_eq!(last.region, "keihanna");
    assert!((amounts[11] - 0.35e9).abs() < 1.0, "the floor");

    let (_, japanese) = midterm("kci-midterm-ja");
    let outcome = |r: &Results| -> Vec<(String, u32, String, Option<f64>)> {
        r.regions
            .iter()
            .map(|x| {
                (
                    x.region.clone(),
                    x.rank,
                    format!("{:.6}", x.total),
                    x.allocation,
                )
            })
            .collect()
    };
    assert_eq!(outcome(&japanese), outcome(&results), "the twins agree");
}

/// panelist reads a panel file by a fast reader for the shapes it writes,
/// falling back to ron; the new samples, written by hand in the sample's
/// style, must read the same either way.
#[test]
fn the_new_samples_panel_files_read_as_ron_reads_them() {
    for name in [
        "kci-2001-candidates",
        "kci-2002-selection",
        "kci-midterm",
        "kci-midterm-ja",
    ] {
        let scores = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("panels")
            .join(name)
            .join("scores");
        for entry in std::fs::read_dir(&scores).expect("list scores/") {
            let path = entry.expect("an entry").path();
            let text = std::fs::read_to_string(&path).expect("read a panel file");
            let by_ron: PanelFile =
                ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let by_panelist = SourceText::new(&path, text)
                .parse_panel_file()
                .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            assert_eq!(by_panelist, by_ron, "{}", path.display());
            assert!(
                by_ron.sheets.values().all(|s| s.submitted),
                "{}: every sheet is in",
                path.display()
            );
        }
    }
}
