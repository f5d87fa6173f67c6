//! report.md and results.svg at any size (issue 18): up to
//! `FULL_REPORT_UP_TO` regions the report is the full one, beyond it the
//! summary: the regions around every line the rules draw, every flagged
//! and every fragile region, the rest cut short; up to `BARS_UP_TO` regions
//! the chart has a bar for each, beyond it the histogram with each line
//! marked and the regions around each line as bars.

use std::collections::HashSet;

use crate::common::*;
use panelist::analysis::{self, Analysis, Settings, Verdict};
use panelist::i18n::{Lang, set_lang};
use panelist::merge::{MergeOptions, Results, SheetInput};
use panelist::model::Review;
use panelist::report::{self, ResultsFile};

/// `n` regions `r0000..`, one criterion of max 1000, two reviewers whose
/// marks differ by 3 points, one way on even regions and the other on odd
/// ones (so that without either, neighbours swap: those either side of a
/// line are fragile): totals 990 - 2i, 100 places, a minimum total of 391
/// (the 300th region). `r0150` has marks far apart (a disagreement) and
/// shares its total with `r0200`; the last region has no marks
/// (incomplete).
fn review(n: usize) -> (Review, Vec<SheetInput>) {
    let ids: Vec<String> = (0..n).map(|i| format!("r{i:04}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let review = ReviewBuilder::new()
        .category("A", &[("c", 1000.0, 0.5)])
        .regions(&ids)
        .reviewers(&["p", "q"])
        .panel("board", &["p", "q"], &["c"], None)
        .select(100)
        .min_total(Some(391.0))
        .disagreement(0.1)
        .build();
    let (mut p, mut q) = (sheet(), sheet());
    for (i, id) in ids.iter().enumerate().take(n.saturating_sub(1)) {
        let mark = 990.0 - 2.0 * i as f64;
        let d = if i % 2 == 0 { 1.5 } else { -1.5 };
        p = p.mark(id, "c", mark + d);
        // r0150: 691.5 and 488.5, a total of 590 shared with r0200.
        let other = if *id == "r0150" { 488.5 } else { mark - d };
        q = q.mark(id, "c", other);
    }
    (
        review,
        vec![scored("board", "p", p), scored("board", "q", q)],
    )
}

fn file(n: usize, analysed: bool) -> (Review, ResultsFile) {
    let (review, sheets) = review(n);
    let results = merged(&review, &sheets);
    let analysis = analysed.then(|| {
        let settings = Settings {
            rounds: Some(20),
            ..Settings::default()
        };
        analysis::analyse(&review, &results, settings)
    });
    (
        review,
        ResultsFile {
            results,
            analysis,
            lottery: None,
        },
    )
}

/// The regions (by index into the results) shown around some line.
fn near(results: &Results, around: usize) -> HashSet<usize> {
    report::places(results)
        .iter()
        .flat_map(|p| p.at.saturating_sub(around)..(p.at + around).min(results.regions.len()))
        .collect()
}

fn fragile(analysis: Option<&Analysis>) -> HashSet<String> {
    analysis
        .map(|a| {
            a.regions
                .iter()
                .filter(|r| r.verdict == Verdict::Fragile)
                .map(|r| r.region.clone())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn up_to_the_threshold_the_report_is_the_full_one_and_one_more_region_gives_the_summary() {
    let (review, at) = file(report::FULL_REPORT_UP_TO, false);
    assert!(!report::is_summary(&at.results));
    let full = report::markdown(&at, &review, &[]);
    assert_eq!(full, report::full_markdown(&at, &review, &[]));
    assert!(full.contains("| 251 | R0250 |"), "every row");

    let (review, past) = file(report::FULL_REPORT_UP_TO + 1, false);
    assert!(report::is_summary(&past.results));
    let summary = report::markdown(&past, &review, &[]);
    assert_ne!(summary, report::full_markdown(&past, &review, &[]));
    assert!(
        summary.contains("**Summary.** This review has 301 regions"),
        "{summary}"
    );
    assert!(
        summary.contains("`panelist merge --full-report`"),
        "{summary}"
    );
    assert!(!summary.contains("| 251 | R0250 |"), "{summary}");
    assert!(
        report::full_markdown(&past, &review, &[]).contains("| 251 | R0250 |"),
        "the full report has every row whatever the size"
    );
}

/// The ranks of the rows of a terminal table, and how many regions its gap
/// lines say they leave out.
fn rows_and_left_out(table: &str) -> (Vec<usize>, usize) {
    let (mut ranks, mut left_out) = (Vec::new(), 0);
    for line in table.lines().skip(1).filter(|l| l.starts_with(' ')) {
        let first = line.split_whitespace().next().unwrap_or("");
        if let Ok(rank) = first.parse::<usize>() {
            ranks.push(rank);
        } else if first == "\u{2026}" {
            let count = line.split_whitespace().nth(1).unwrap_or("");
            left_out += count
                .parse::<usize>()
                .unwrap_or_else(|e| panic!("{line}: {e}"));
        }
    }
    (ranks, left_out)
}

#[test]
fn the_terminal_tables_show_every_row_up_to_the_threshold_and_past_it_the_regions_around_each_line()
{
    let (_, at) = file(report::FULL_REPORT_UP_TO, true);
    let table = report::table(&at.results);
    let (ranks, left_out) = rows_and_left_out(&table);
    assert_eq!(ranks.len(), report::FULL_REPORT_UP_TO, "{table}");
    assert_eq!(left_out, 0, "{table}");
    assert!(!table.contains("results.csv lists every region"), "{table}");
    let solidity = at
        .analysis
        .as_ref()
        .map(|a| report::solidity::table(&at.results, a));
    assert!(solidity.is_some_and(|t| !t.contains("further from every line")));

    let n = report::FULL_REPORT_UP_TO + 1;
    let (_, past) = file(n, true);
    let results = &past.results;
    let table = report::table(results);
    let (ranks, left_out) = rows_and_left_out(&table);
    let near = near(results, report::REPORT_AROUND);
    let mut wanted: Vec<usize> = near
        .iter()
        .map(|&i| results.regions[i].rank as usize)
        .collect();
    wanted.sort_unstable();
    assert_eq!(ranks, wanted, "{table}");
    assert_eq!(
        ranks.len() + left_out,
        n,
        "every region shown or counted: {table}"
    );
    // 100 places and the minimum total at the 300th region: two lines.
    assert_eq!(report::places(results).len(), 2);
    assert!(ranks.len() > 2 * report::REPORT_AROUND, "{table}");
    assert!(
        table.contains(&format!("{} of {n} regions shown", ranks.len())),
        "{table}"
    );
    let analysis = past.analysis.as_ref().unwrap_or_else(|| panic!("analysed"));
    let solidity = report::solidity::table(results, analysis);
    let (shown, _) = rows_and_left_out(&solidity);
    assert_eq!(shown, wanted, "{solidity}");
    assert!(
        solidity.contains(&format!(
            "{} regions shown, those around each line;",
            wanted.len()
        )),
        "{solidity}"
    );
    set_lang(Lang::Ja);
    let japanese = report::table(results);
    set_lang(Lang::En);
    assert!(
        japanese.contains(&format!(
            "{n} 地域のうち {} 地域を表示しました",
            ranks.len()
        )),
        "{japanese}"
    );
}

fn every_line_flag_and_fragile_region_and_nothing_far(lang: Lang) {
    set_lang(lang);
    let (review, file) = file(400, true);
    let report = report::markdown(&file, &review, &[]);
    let results = &file.results;
    let near = near(results, report::REPORT_AROUND);
    // Labelled in the report's language.
    let places = report::places(results);
    set_lang(Lang::En);
    assert_eq!(
        places.iter().map(|p| p.at).collect::<Vec<_>>(),
        [100, 300],
        "the cutoff and the minimum total"
    );
    for place in &places {
        for label in &place.labels {
            assert!(report.contains(label.as_str()), "{label}:\n{report}");
        }
    }
    for &i in &near {
        let region = &results.regions[i];
        let row = format!("| {} | {} |", region.rank, region.name);
        assert!(report.contains(&row), "{row} near a line:\n{report}");
    }
    let fragile = fragile(file.analysis.as_ref());
    assert!(!fragile.is_empty(), "some region is fragile");
    for id in &fragile {
        let region = region(results, id);
        let row = format!("| {} | {} |", region.rank, region.name);
        assert!(report.contains(&row), "{row} fragile:\n{report}");
    }
    let flagged = ["r0150", "r0399"];
    for id in flagged {
        let region = region(results, id);
        assert!(report.contains(&region.name), "{id} flagged:\n{report}");
        assert!(
            !near.contains(
                &results
                    .regions
                    .iter()
                    .position(|r| r.region == id)
                    .unwrap_or(0)
            )
        );
    }
    // Far from both lines, past the first regions a list names, unflagged
    // and solid: not in the summary at all.
    let mut far = 0;
    for (i, region) in results.regions.iter().enumerate() {
        let away = (30..80).contains(&i) || (130..280).contains(&i);
        if !away || fragile.contains(&region.region) || flagged.contains(&region.region.as_str()) {
            continue;
        }
        far += 1;
        assert!(
            !report.contains(&region.name),
            "{} far:\n{report}",
            region.name
        );
    }
    assert!(far > 150, "{far}");
}

#[test]
fn the_summary_has_every_region_near_a_line_every_flagged_and_fragile_one_and_none_far() {
    every_line_flag_and_fragile_region_and_nothing_far(Lang::En);
}

#[test]
fn in_japanese_the_summary_has_the_same_regions() {
    every_line_flag_and_fragile_region_and_nothing_far(Lang::Ja);
    set_lang(Lang::Ja);
    let (review, file) = file(400, false);
    let report = report::markdown(&file, &review, &[]);
    let svg = report::svg(&file.results).unwrap_or_default();
    set_lang(Lang::En);
    for words in [
        "**要約版。**",
        "## 各境目の前後",
        "### 境目：基準点 391.00",
        "確認を要する地域",
        "ほか",
    ] {
        assert!(report.contains(words), "{words}:\n{report}");
    }
    for words in ["合計点ごとの地域数", "境目：基準点 391.00 の前後"] {
        assert!(svg.contains(words), "{words}:\n{svg}");
    }
    assert!(!report.contains("Around"), "{report}");
}

/// The cutoff markers of the large chart: lines drawn in the cutoff's red
/// three pixels wide.
fn markers(svg: &str) -> usize {
    svg.matches(r##"stroke="#C53030" stroke-width="3""##)
        .count()
}

#[test]
fn the_chart_of_many_regions_is_a_histogram_with_one_marker_per_line_and_the_regions_around_each() {
    let (_, small) = file(report::BARS_UP_TO, false);
    let bars = report::svg(&small.results).unwrap_or_default();
    assert!(bars.contains("R0059"), "a bar for every region");

    let (_, file) = file(400, false);
    let results = &file.results;
    let svg = report::svg(results).unwrap_or_default();
    well_formed(&svg);
    let places = report::places(results);
    // One on the histogram and one among the bars around it, per line.
    assert_eq!(markers(&svg), 2 * places.len(), "{svg}");
    assert!(svg.contains("Regions by total, in bins of"), "{svg}");
    for place in &places {
        for label in &place.labels {
            assert!(svg.contains(label.as_str()), "{label}");
        }
        let around = place.at - report::SVG_AROUND..place.at + report::SVG_AROUND;
        for region in &results.regions[around] {
            assert!(
                svg.contains(&format!("{}. {}", region.rank, region.name)),
                "{}",
                region.name
            );
        }
    }
    assert!(!svg.contains("R0200"), "far from every line");
}

/// Every tag closed in order, every attribute quoted: the chart parses.
fn well_formed(svg: &str) {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not XML at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0);
}

/// Ten thousand regions of the synthetic review, plain and under the
/// selection programme: report.md under 1 MB, results.svg under 200 KB.
#[test]
fn at_ten_thousand_regions_report_and_chart_stay_small() {
    for programme in [false, true] {
        // Few marks a region: the merge is not what is measured.
        let shape = panelist::synthetic::Shape {
            criteria: 4,
            reviewers_per_panel: 1,
            regions_per_panel: 200,
            programme,
            ..panelist::synthetic::Shape::new(10_000, 1)
        };
        let synthetic = panelist::synthetic::generate(&shape);
        let results = panelist::merge::merge(
            &synthetic.review,
            &synthetic.sheet_inputs(),
            MergeOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        let file = ResultsFile {
            results,
            analysis: None,
            lottery: None,
        };
        let report = report::markdown(&file, &synthetic.review, &[]);
        let svg = report::svg(&file.results).unwrap_or_default();
        if programme {
            // Every minimum missed is counted, and only the first are worded.
            let missed: usize = (file.results.regions.iter())
                .map(|r| r.flags.iter().filter(|f| f.starts_with("below:")).count())
                .sum();
            assert!(missed > 20, "{missed} minimums missed");
            let more = format!("... and {} more: the full report", missed - 20);
            assert!(report.contains(&more), "no line saying {more}");
        }
        assert!(report.len() < 1_000_000, "report.md {} bytes", report.len());
        assert!(svg.len() < 200_000, "results.svg {} bytes", svg.len());
        assert!(svg.len() > 10_000, "drawn");
        well_formed(&svg);
    }
}

/// `merge` writes the summary past the threshold, and `--full-report` the
/// full report, in both languages.
#[test]
fn merge_full_report_writes_the_full_one_whatever_the_size() {
    let tmp = tempfile::TempDir::new().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path().join("review");
    let shape = panelist::synthetic::Shape {
        criteria: 2,
        ..panelist::synthetic::Shape::new(report::FULL_REPORT_UP_TO + 40, 1)
    };
    panelist::synthetic::generate(&shape)
        .write(&dir)
        .unwrap_or_else(|e| panic!("{e}"));
    for (lang, summary) in [("en", "**Summary.**"), ("ja", "**要約版。**")] {
        let read = |name: &str| {
            std::fs::read_to_string(tmp.path().join(name).join("report.md"))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let short = format!("{lang}-short");
        let full = format!("{lang}-full");
        panelist()
            .args(["--lang", lang, "merge", "--no-analysis", "--out"])
            .arg(tmp.path().join(&short))
            .arg(&dir)
            .assert()
            .success();
        panelist()
            .args([
                "--lang",
                lang,
                "merge",
                "--no-analysis",
                "--full-report",
                "--out",
            ])
            .arg(tmp.path().join(&full))
            .arg(&dir)
            .assert()
            .success();
        let (short, full) = (read(&short), read(&full));
        assert!(short.contains(summary), "{short}");
        assert!(!full.contains(summary), "{full}");
        let rows = |text: &str| text.lines().filter(|l| l.starts_with("| ")).count();
        assert!(
            rows(&full) > report::FULL_REPORT_UP_TO + 40,
            "{}",
            rows(&full)
        );
        assert!(
            rows(&short) < rows(&full) / 2,
            "{} {}",
            rows(&short),
            rows(&full)
        );
    }
    panelist()
        .args(["--lang", "ja", "merge", "--help"])
        .assert()
        .success()
        .stdout(predicates::str::contains("完全版の report.md"));
}
