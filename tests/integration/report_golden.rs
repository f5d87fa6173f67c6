//! Golden files: `merge` on the sample review must write exactly the
//! committee report, CSV and chart kept under `tests/golden/kci-2007/`, and
//! on the Japanese sample in Japanese those under `tests/golden/kci-2007-ja/`.
//! The report is for minutes, so it must be byte-for-byte reproducible.
//!
//! The programme's samples (`panels/kci-2001-candidates`, then
//! `kci-2002-selection` which follows it, then `kci-midterm` which follows
//! that) are merged as a chain, each in both languages, into
//! `tests/golden/<sample>/` (`ja-` files for Japanese); the midterm's
//! letters to two applicants (`feedback`) into
//! `tests/golden/kci-midterm/letters/`.
//!
//! After an intended change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test integration report_golden` and review the diff.

use std::path::Path;

use crate::common::{japanese_sample_dir, panelist, sample_dir};

fn golden_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/kci-2007")
}

fn japanese_golden_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/kci-2007-ja")
}

/// Runs `merge` on the sample into a temporary directory and compares each
/// output with its golden file (named `<prefix><file>`).
fn check(extra: &[&str], prefix: &str) {
    check_sample(&sample_dir(), &golden_dir(), extra, prefix);
}

/// [`check`] for any sample and its golden directory.
fn check_sample(sample: &Path, golden_dir: &Path, extra: &[&str], prefix: &str) {
    let out = tempfile::tempdir().expect("temporary directory");
    panelist()
        .arg("merge")
        .arg(sample)
        .arg("--out")
        .arg(out.path())
        .args(extra)
        .assert()
        .success();
    compare(out.path(), golden_dir, prefix);
}

#[test]
fn sample_report_csv_and_chart_match_the_golden_files() {
    check(&[], "");
}

#[test]
fn sample_with_drafts_says_so_and_matches_the_golden_files() {
    check(&["--include-drafts"], "drafts-");
}

#[test]
fn japanese_sample_in_japanese_matches_the_golden_files() {
    check_sample(
        &japanese_sample_dir(),
        &japanese_golden_dir(),
        &["--lang", "ja"],
        "",
    );
}

#[test]
fn japanese_sample_with_drafts_in_japanese_matches_the_golden_files() {
    check_sample(
        &japanese_sample_dir(),
        &japanese_golden_dir(),
        &["--lang", "ja", "--include-drafts"],
        "drafts-",
    );
}

#[test]
fn the_report_is_the_same_wherever_merge_runs_from() {
    let out = tempfile::tempdir().expect("temporary directory");
    panelist()
        .current_dir(sample_dir())
        .args(["merge", ".", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let here = std::fs::read_to_string(out.path().join("report.md")).expect("report.md");
    let golden = std::fs::read_to_string(golden_dir().join("report.md")).expect("golden report");
    assert_eq!(here, golden);
}

/// Compares the outputs in `out` with the golden files in `golden_dir`
/// (or writes them, with `UPDATE_GOLDEN=1`).
fn compare(out: &Path, golden_dir: &Path, prefix: &str) {
    compare_files(
        out,
        golden_dir,
        &["report.md", "results.csv", "results.svg"],
        prefix,
    );
}

/// [`compare`] for the files `names` of `out`.
fn compare_files(out: &Path, golden_dir: &Path, names: &[&str], prefix: &str) {
    let sample = golden_dir.display();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty());
    if update {
        std::fs::create_dir_all(golden_dir).expect("the golden directory");
    }
    for &name in names {
        let actual = std::fs::read_to_string(out.join(name))
            .unwrap_or_else(|e| panic!("merge wrote no {name} for {sample}: {e}"));
        let golden = golden_dir.join(format!("{prefix}{name}"));
        if update {
            std::fs::write(&golden, &actual).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run UPDATE_GOLDEN=1 cargo test --test integration report_golden",
                golden.display()
            )
        });
        if let Some(line) = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .or((actual != expected).then(|| actual.lines().count().min(expected.lines().count())))
        {
            panic!(
                "{name} of {sample} differs from {} at line {}:\n  actual:   {:?}\n  expected: {:?}",
                golden.display(),
                line + 1,
                actual.lines().nth(line),
                expected.lines().nth(line)
            );
        }
    }
}

/// The programme's chain in `lang`: each sample merged in a copy of the
/// samples, from their parent directory (so that the results.ron each next
/// stage checks, and names in its report with its checksum, are the same
/// wherever the test runs).
fn programme_chain(lang: &str, prefix: &str) {
    let root = tempfile::tempdir().expect("temporary directory");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("panels");
    let midterm = if lang == "ja" {
        "kci-midterm-ja"
    } else {
        "kci-midterm"
    };
    for sample in ["kci-2001-candidates", "kci-2002-selection", midterm] {
        crate::common::copy_review(&samples.join(sample), &root.path().join(sample));
    }
    // The midterm follows ../kci-2002-selection.
    for sample in ["kci-2001-candidates", "kci-2002-selection", midterm] {
        let run = panelist()
            .current_dir(root.path())
            .args(["merge", sample, "--lang", lang])
            .assert()
            .success();
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
        assert!(
            !stderr.contains("cannot be verified"),
            "{sample} follows a merged review: {stderr}"
        );
        let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(midterm_name(sample));
        compare(&root.path().join(sample), &golden, prefix);
    }
    // The midterm's letters to two applicants, the first and the last, with
    // the consensus round's comments.
    panelist()
        .current_dir(root.path())
        .args(["--lang", lang, "feedback", midterm])
        .assert()
        .success();
    compare_files(
        &root.path().join(midterm).join("feedback"),
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/kci-midterm/letters"),
        &[
            "hamamatsu.md",
            "hamamatsu.html",
            "keihanna.md",
            "keihanna.html",
        ],
        prefix,
    );
}

/// The golden directory of a sample: the two midterm twins share one.
fn midterm_name(sample: &str) -> &str {
    if sample.starts_with("kci-midterm") {
        "kci-midterm"
    } else {
        sample
    }
}

/// report.md without its part on panels marking higher or lower (issue
/// 20), which every review with counting marks has, in either language:
/// from its heading to the next one.
fn without_teams(report: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(report).into_owned();
    let headings = [
        "### A whole panel marking higher or lower\n",
        "### 部会全体が高め・低めに採点していたら\n",
    ];
    let Some(start) = headings.iter().find_map(|h| text.find(h)) else {
        return report.to_vec();
    };
    let end = text[start + 4..]
        .find("\n### ")
        .map_or(text.len(), |at| start + 4 + at + 1);
    format!("{}{}", &text[..start], &text[end..]).into_bytes()
}

#[test]
fn the_programme_chain_in_english_matches_the_golden_files() {
    programme_chain("en", "");
}

#[test]
fn the_programme_chain_in_japanese_matches_the_golden_files() {
    programme_chain("ja", "ja-");
}

/// The sample as version 1 of the contract wrote it (no budget, none of
/// the programme's fields), kept with the outputs it gave before the
/// programme existed, in `tests/golden/<sample>-v1/`: they must not change
/// by a byte, in either language, with or without drafts; but for the one
/// part report.md has gained since for every review, which asks nothing of
/// `review.ron` (see [`without_teams`]).
fn version_one(sample: &str, lang: &str) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{sample}-v1"));
    let review = dir.path().join(sample);
    crate::common::copy_review(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("panels")
            .join(sample),
        &review,
    );
    std::fs::copy(golden.join("review.ron"), review.join("review.ron")).expect("the v1 review");
    for (extra, prefix) in [(None, ""), (Some("--include-drafts"), "drafts-")] {
        let out = dir.path().join(format!("out-{prefix}"));
        panelist()
            .arg("merge")
            .arg(&review)
            .arg("--out")
            .arg(&out)
            .args(["--lang", lang])
            .args(extra)
            .assert()
            .success();
        for name in ["report.md", "results.csv", "results.svg"] {
            let mut actual = std::fs::read(out.join(name)).expect("an output");
            if name == "report.md" {
                actual = without_teams(&actual);
            }
            let expected = std::fs::read(golden.join(format!("{prefix}{name}"))).expect("a golden");
            assert!(
                actual == expected,
                "{sample} ({lang}, {prefix}{name}) is no longer what version 1 gave"
            );
        }
    }
}

#[test]
fn a_version_one_review_gives_byte_identical_outputs() {
    version_one("kci-2007", "en");
    version_one("kci-2007-ja", "ja");
}

/// The first stage with the committee's lottery (an illustration: the
/// sample itself has none): `panels/kci-2001-candidates` copied with
/// `lottery: Some(Lottery(seed: 2007))` added to its committee, merged in
/// each language into `tests/golden/kci-2001-lottery/` (`ja-` files for
/// Japanese). Its cutoff's grey zone holds two regions, which are drawn.
fn lottery_sample(lang: &str, prefix: &str) {
    let root = tempfile::tempdir().expect("temporary directory");
    let review = root.path().join("kci-2001-lottery");
    crate::common::copy_review(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("panels/kci-2001-candidates"),
        &review,
    );
    let text = std::fs::read_to_string(review.join("review.ron")).expect("review.ron");
    let with_lottery = text.replacen(
        "committee: Committee(",
        "committee: Committee(\n        lottery: Some(Lottery(seed: 2007)),",
        1,
    );
    assert_ne!(with_lottery, text, "the sample has a committee");
    std::fs::write(review.join("review.ron"), with_lottery).expect("write review.ron");
    panelist()
        .current_dir(root.path())
        .args(["merge", "kci-2001-lottery", "--lang", lang])
        .assert()
        .success();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/kci-2001-lottery");
    compare(&review, &golden, prefix);
}

#[test]
fn the_first_stage_with_a_lottery_matches_the_golden_files_in_both_languages() {
    lottery_sample("en", "");
    lottery_sample("ja", "ja-");
}
