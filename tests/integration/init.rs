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
