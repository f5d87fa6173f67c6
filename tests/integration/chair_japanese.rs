//! The chair's side on the Japanese sample (panels/kci-2007-ja): the same
//! numbers as the English sample, and tables on the terminal (merge's
//! ranking, status) whose columns line up however wide the names are.

use crate::common;

use std::path::Path;

use crate::common::{arg, japanese_sample_dir, run, sample_dir};
use panelist::merge::Results;
use panelist::report::ResultsFile;
use unicode_width::UnicodeWidthChar;

/// Runs `panelist --lang LANG merge SAMPLE --out OUT` and returns its stdout.
fn merge(lang: &str, sample: &Path, out: &Path) -> String {
    let result = run(["--lang", lang, "merge", &arg(sample), "--out", &arg(out)]);
    result.assert_code(0);
    result.stdout
}

fn results_ron(dir: &Path) -> ResultsFile {
    let text = std::fs::read_to_string(dir.join("results.ron")).expect("results.ron");
    ResultsFile::from_ron(&text).expect("results.ron parses")
}

#[test]
fn merge_gives_the_same_numbers_on_the_japanese_sample_in_japanese() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let (en, ja) = (tmp.path().join("en"), tmp.path().join("ja"));
    merge("en", &sample_dir(), &en);
    merge("ja", &japanese_sample_dir(), &ja);

    // results.csv: the same but for the names.
    let csv = |dir: &Path| common::read_csv(&dir.join("results.csv"));
    let (en_rows, ja_rows) = (csv(&en), csv(&ja));
    assert_eq!(en_rows.len(), 10, "a header and 9 regions");
    assert_eq!(en_rows.len(), ja_rows.len());
    for (e, j) in en_rows.iter().zip(&ja_rows) {
        let name = 2;
        assert_ne!(e[0], "", "{e:?}");
        let without_name = |row: &[String]| {
            let mut row = row.to_vec();
            row.remove(name);
            row
        };
        assert_eq!(without_name(e), without_name(j));
    }
    assert_eq!(en_rows[0][2], "name", "the header is not translated");
    assert_eq!(ja_rows[1][2], "福岡・北九州・飯塚");

    // results.ron: every number, rank, status, flag and mark.
    let (e_file, j_file) = (results_ron(&en), results_ron(&ja));
    let (e, j) = (&e_file.results, &j_file.results);
    assert_eq!(e.rubric, j.rubric, "the same rubric fingerprint");
    assert_eq!(e.rules, j.rules);
    assert_eq!(e.categories, j.categories);
    assert_eq!(e.regions.len(), j.regions.len());
    for (e, j) in e.regions.iter().zip(&j.regions) {
        assert_eq!(
            (
                e.rank,
                &e.region,
                e.status,
                e.marks,
                &e.flags,
                &e.decided_by
            ),
            (
                j.rank,
                &j.region,
                j.status,
                j.marks,
                &j.flags,
                &j.decided_by
            )
        );
        assert_eq!(e.total.to_bits(), j.total.to_bits(), "{}", e.region);
        assert_eq!(e.subtotals, j.subtotals, "{}", e.region);
        assert_eq!(e.criteria.len(), j.criteria.len());
        for (ec, jc) in e.criteria.iter().zip(&j.criteria) {
            assert_eq!(
                (
                    &ec.criterion,
                    ec.aggregate,
                    ec.marks,
                    ec.min,
                    ec.max,
                    ec.disagreement
                ),
                (
                    &jc.criterion,
                    jc.aggregate,
                    jc.marks,
                    jc.min,
                    jc.max,
                    jc.disagreement
                )
            );
            let marks = |c: &panelist::merge::CriterionResult| -> Vec<(String, u64)> {
                c.scores
                    .iter()
                    .map(|s| (s.reviewer.clone(), s.points.to_bits()))
                    .collect()
            };
            assert_eq!(marks(ec), marks(jc), "{} {}", e.region, ec.criterion);
        }
    }
    let sheets = |r: &Results| -> Vec<(String, String, bool, bool, String)> {
        r.sheets
            .iter()
            .map(|s| {
                (
                    s.panel.clone(),
                    s.reviewer.clone(),
                    s.submitted,
                    s.counted,
                    s.updated.clone(),
                )
            })
            .collect()
    };
    assert_eq!(sheets(e), sheets(j));
    assert!(e_file.analysis.is_some(), "the analysis is on by default");
    assert_eq!(
        e_file.analysis, j_file.analysis,
        "the same analysis, to the bit"
    );
}

/// Where each whitespace-separated word of `line` starts and ends, in
/// terminal columns.
fn words(line: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let (mut column, mut start) = (0, None::<(usize, usize)>);
    for (at, c) in line.char_indices() {
        if c == ' ' {
            if let Some((from_column, from)) = start.take() {
                out.push((from_column, column, &line[from..at]));
            }
        } else if start.is_none() {
            start = Some((column, at));
        }
        column += c.width().unwrap_or(0);
    }
    if let Some((from_column, from)) = start {
        out.push((from_column, column, &line[from..]));
    }
    out
}

/// The words of a line that are numbers (or `m/n`), by where they end.
fn number_ends(line: &str) -> Vec<usize> {
    words(line)
        .into_iter()
        .filter(|(_, _, w)| {
            w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '/')
        })
        .map(|(_, end, _)| end)
        .collect()
}

#[test]
fn merge_prints_a_ranking_whose_columns_line_up_with_japanese_names() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    for lang in ["ja", "en"] {
        let stdout = merge(lang, &japanese_sample_dir(), &tmp.path().join(lang));
        let table: Vec<&str> = stdout.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(table.len(), 10, "{stdout}");
        let header = words(table[0]);
        // rank, region, total, 4 subtotals, the allocation (the sample has
        // a budget), status (flags when any).
        let (region, total, last, money, status) =
            (header[1], header[2], header[6], header[7], header[8]);
        for row in &table[1..] {
            let cells = words(row);
            assert_eq!(
                cells[1].0, region.0,
                "{lang}: the name starts under its heading:\n{stdout}"
            );
            let ends = number_ends(row);
            // The rank, the total and four subtotals.
            assert_eq!(ends.len(), 6, "{row}");
            assert_eq!(
                ends[1], total.1,
                "{lang}: totals end under theirs:\n{stdout}"
            );
            assert_eq!(
                ends[5], last.1,
                "{lang}: subtotals end under theirs:\n{stdout}"
            );
            assert_eq!(
                cells[7].1, money.1,
                "{lang}: allocations end under theirs:\n{stdout}"
            );
            assert_eq!(
                cells[8].0, status.0,
                "{lang}: statuses start under theirs:\n{stdout}"
            );
        }
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let expected = if lang == "ja" {
            ["順位", "地域", "合計", "選定"]
        } else {
            ["rank", "region", "total", "Selected"]
        };
        assert_eq!(&words(table[0])[..3], &expected[..3], "{stdout}");
        assert_eq!(words(table[1])[8], expected[3], "{stdout}");
    }
}

/// The terminal columns of `line`: what each column shows (a wide
/// character shows in its first column, `None` in its second).
fn columns(line: &str) -> Vec<Option<char>> {
    let mut out = Vec::new();
    for c in line.chars() {
        out.push(Some(c));
        for _ in 1..c.width().unwrap_or(0) {
            out.push(None);
        }
    }
    out
}

#[test]
fn merge_prints_an_analysis_table_whose_columns_line_up_with_japanese_names() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    for lang in ["ja", "en"] {
        let stdout = merge(lang, &japanese_sample_dir(), &tmp.path().join(lang));
        // After the ranking: a title, the heading and a row per region.
        let table: Vec<&str> = stdout
            .split("\n\n")
            .nth(1)
            .expect("the analysis after the ranking")
            .lines()
            .skip(1)
            .take(10)
            .collect();
        // Each heading from the catalog, where it stands in the heading line.
        let language = panelist::i18n::Lang::from_tag(lang).expect("a language");
        let mut heading = Vec::new();
        let mut from = 0;
        for key in [
            "table-rank",
            "table-region",
            "analysis-col-selected",
            "analysis-col-ranks",
            "analysis-col-hangs-on",
            "analysis-col-mean",
            "analysis-col-median",
            "analysis-col-trimmed",
            "analysis-col-calibrated",
            "analysis-col-verdict",
        ] {
            let word = panelist::i18n::text_in(language, key, &[]);
            let at = from
                + table[0][from..]
                    .find(&word)
                    .unwrap_or_else(|| panic!("{lang}: {word} in {}", table[0]));
            let start = columns(&table[0][..at]).len();
            heading.push((start, start + columns(&word).len(), word.clone()));
            from = at + word.len();
        }
        for row in &table[1..] {
            let cells = columns(row);
            let blank = |at: usize| cells.get(at).is_none_or(|c| *c == Some(' '));
            // The rank and the share end under their headings; every other
            // column starts under its own.
            for (k, (start, end, word)) in heading.iter().enumerate() {
                let (start, end) = (*start, *end);
                let (inside, outside) = if k == 0 || k == 2 {
                    (end - 1, end)
                } else {
                    (start, start - 1)
                };
                assert!(
                    !blank(inside) && blank(outside),
                    "{lang}: {word} lines up:\n{}\n{row}",
                    table[0]
                );
            }
        }
        let first: Vec<&str> = table[1].split_whitespace().collect();
        let expected = if lang == "ja" {
            ["1", "福岡・北九州・飯塚", "100.0%", "1", "-", "選定"]
        } else {
            ["1", "福岡・北九州・飯塚", "100.0%", "1", "-", "in"]
        };
        assert_eq!(first[..6], expected, "{stdout}");
    }
}

#[test]
fn status_lines_up_with_japanese_names_in_both_languages() {
    for lang in ["ja", "en"] {
        let result = run([
            "--lang",
            lang,
            "status",
            &arg(&japanese_sample_dir()),
            "--now",
            "2007-07-01T09:00:00Z",
        ]);
        result.assert_code(0);
        let lines: Vec<&str> = result.stdout.lines().collect();
        let header = words(lines[0]);
        // `last update` is two words in English.
        assert!(header.len() >= 6, "{}", lines[0]);
        let (reviewer, progress, state, updated) = (header[1], header[3], header[4], header[5]);
        for row in &lines[1..48] {
            let cells = words(row);
            assert_eq!(cells[1].0, reviewer.0, "{lang}:\n{}", result.stdout);
            let at = cells
                .iter()
                .position(|(_, _, w)| {
                    w.contains('/') && w.chars().all(|c| c.is_ascii_digit() || c == '/')
                })
                .expect("scored/due");
            assert_eq!(cells[at].1, progress.1, "{lang}:\n{}", result.stdout);
            assert_eq!(cells[at + 1].0, state.0, "{lang}:\n{}", result.stdout);
            let last = cells.last().expect("a cell");
            assert_eq!(last.0, updated.0, "{lang}:\n{}", result.stdout);
        }
        let t33 = lines.iter().find(|l| l.contains(" t33 ")).expect("t33");
        if lang == "ja" {
            assert!(t33.contains("下書き 停滞"), "{t33}");
            assert!(
                result.stdout.contains(
                    "合計：点数 2003 件中 2000 件採点済、採点表 47 件中 46 件提出済、停滞している下書き 1 件（7 日を超えて変更なし）"
                ),
                "{}",
                result.stdout
            );
        } else {
            assert!(t33.contains("draft STALE"), "{t33}");
        }
    }
}
