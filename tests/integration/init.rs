//! `panelist init DIR`: a new review directory that passes `check` as written.

use crate::common::{arg, run};

#[test]
fn a_new_review_passes_check_as_written() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("grants-2025");
    run(["init", &arg(&dir)])
        .assert_code(0)
        .assert_stdout_has("panelist check");
    assert!(dir.join("scores").is_dir(), "init creates scores/");
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("review.ron");
    assert!(
        text.contains("id: \"grants-2025\""),
        "id from the directory"
    );
    assert!(
        text.contains("//"),
        "the template explains itself in comments"
    );
    run(["check", &arg(&dir)])
        .assert_code(0)
        .assert_stdout_has("ok: review.ron and 0 panel files");
}

#[test]
fn the_new_review_can_be_scored_and_merged_at_once() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("try");
    let d = arg(&dir);
    run(["init", &d]).assert_code(0);
    run([
        "mark",
        &d,
        "--reviewer",
        "expert1",
        "--panel",
        "experts",
        "alpha",
        "2-a",
        "7",
    ])
    .assert_code(0);
    run(["check", &d]).assert_code(0);
    run(["merge", &d]).assert_code(0).assert_stdout_has("Alpha");
    assert!(dir.join("report.md").is_file());
    assert!(dir.join("results.svg").is_file());
}

#[test]
fn refuses_a_directory_that_already_has_a_review_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("taken");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("review.ron"), "// mine\n").expect("write");
    run(["init", &arg(&dir)])
        .assert_code(1)
        .assert_stderr_has("already exists");
    assert_eq!(
        std::fs::read_to_string(dir.join("review.ron")).expect("review.ron"),
        "// mine\n"
    );
    assert!(!dir.join("scores").exists(), "nothing was created");
}

#[test]
fn an_existing_empty_directory_is_fine_and_an_unusable_name_gets_a_plain_id() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("Review 2025 (draft)");
    std::fs::create_dir(&dir).expect("mkdir");
    run(["init", &arg(&dir)]).assert_code(0);
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("review.ron");
    assert!(text.contains("id: \"review\""), "{text}");
    assert!(text.contains("title: \"Review 2025 (draft): edit this title\""));
    run(["check", &arg(&dir)]).assert_code(0);
}

#[test]
fn refuses_a_file_in_the_way() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let file = tmp.path().join("plain-file");
    std::fs::write(&file, "x").expect("write");
    run(["init", &arg(&file)])
        .assert_code(1)
        .assert_stderr_has("not a directory");
}

#[test]
fn in_japanese_the_template_explains_itself_in_japanese_and_passes_check() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("審査2025");
    let d = arg(&dir);
    run(["--lang", "ja", "init", &d])
        .assert_code(0)
        .assert_stdout_has("を作成しました")
        .assert_stdout_has("次の手順：")
        .assert_stdout_has("  2. panelist check");
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("review.ron");
    let comments: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("//"))
        .collect();
    assert!(comments.len() > 20, "{text}");
    assert!(
        comments.iter().all(|l| !l.is_ascii() || l.trim() == "//"),
        "every comment is in Japanese:\n{text}"
    );
    assert!(
        text.contains("id: \"review\""),
        "a name that is no id gets a plain one"
    );
    assert!(text.contains("title: \"審査2025：このタイトルを編集してください\""));
    run(["check", &d]).assert_code(0);
    // The same ids as the English template: the same commands work.
    run([
        "mark",
        &d,
        "--reviewer",
        "expert1",
        "--panel",
        "experts",
        "alpha",
        "2-a",
        "7",
    ])
    .assert_code(0);
    run(["--lang", "ja", "merge", &d])
        .assert_code(0)
        .assert_stdout_has("アルファ");
}

#[test]
fn in_japanese_refusals_are_in_japanese() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let file = tmp.path().join("plain-file");
    std::fs::write(&file, "x").expect("write");
    run(["--lang", "ja", "init", &arg(&file)])
        .assert_code(1)
        .assert_stderr_has("ディレクトリではありません");
}

/// The review.ron `panelist init` writes, in `lang`.
fn template(lang: &str) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path().join("try");
    run(["--lang", lang, "init", &arg(&dir)]).assert_code(0);
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("review.ron");
    (tmp, dir, text)
}

/// The text with the commented examples of `fields` uncommented: a line
/// `// name: ...` for each name, or `// Region(...)` for "Region".
fn uncommented(text: &str, fields: &[&str]) -> String {
    text.lines()
        .map(|line| {
            let code = line.trim_start();
            let indent = &line[..line.len() - code.len()];
            match code.strip_prefix("// ") {
                Some(rest)
                    if fields.iter().any(|f| {
                        rest.starts_with(&format!("{f}: ")) || rest.starts_with(&format!("{f}("))
                    }) =>
                {
                    format!("{indent}{rest}")
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn parsed(text: &str) -> panelist::model::Review {
    ron::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn the_template_shows_every_field_of_version_2_commented_out_and_means_what_it_did() {
    for lang in ["en", "ja"] {
        let (_tmp, dir, text) = template(lang);
        // As written: none of them, and the rubric of version 1.
        let review = parsed(&text);
        assert!(review.follows.is_none() && review.committee.tiers.is_empty());
        assert!(review.committee.eligibility.is_none() && review.committee.budget.is_none());
        assert!(!review.is_nested());
        assert!(review.regions.iter().all(|r| r.figures.is_empty()));
        assert_eq!(review.committee.select, Some(2));
        run(["check", &arg(&dir)])
            .assert_code(0)
            .assert_stdout_has("rubric fingerprint 6e11927601fc7a71");

        // Every example but the alternatives to select and the stage: a valid review.
        let all = uncommented(
            &text,
            &[
                "min",
                "categories",
                "Region",
                "Reviewer",
                "eligibility",
                "budget",
            ],
        );
        let review = parsed(&all);
        let expert3 = review.reviewer("expert3").expect("the example reviewer");
        assert_eq!(expert3.load, Some(2), "{lang}");
        assert_eq!(expert3.fields.len(), 1, "{lang}");
        // Affiliated where beta's project is carried out: conflicted on it.
        let beta = review.region("beta").expect("beta");
        assert!(panelist::model::conflict(expert3, beta).is_some(), "{lang}");
        assert!(review.is_nested(), "{lang}");
        assert_eq!(review.categories[0].min, Some(4.0));
        assert_eq!(review.categories[0].criteria[0].min, Some(2.0));
        let delta = review.region("delta").expect("the example region");
        assert_eq!(delta.figures.get("industry"), Some(&3.4));
        assert_eq!(delta.requested, Some(1.0e9));
        assert!(review.committee.eligibility.is_some() && review.committee.budget.is_some());
        std::fs::write(dir.join("review.ron"), &all).expect("write");
        run(["check", &arg(&dir)]).assert_code(0);

        // Tiers instead of select.
        let tiers = uncommented(&text, &["tiers"]).replace("        select: 2,\n", "");
        let review = parsed(&tiers);
        assert_eq!(review.committee.select, None);
        let places: Vec<(u32, bool)> = review
            .committee
            .tiers
            .iter()
            .map(|t| (t.places, t.funded))
            .collect();
        assert_eq!(places, [(2, true), (1, false)], "{lang}");
        std::fs::write(dir.join("review.ron"), &tiers).expect("write");
        run(["check", &arg(&dir)]).assert_code(0);

        // A later stage.
        let follows = parsed(&uncommented(&text, &["follows"])).follows;
        assert_eq!(
            follows.map(|f| (f.review, f.tiers)),
            Some(("../first-stage".to_string(), vec!["selected".to_string()]))
        );
    }
}
