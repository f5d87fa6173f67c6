//! Issue 20, part one, on the sample review (field teams score category 4,
//! one panel per field): each panel's sensitivity in report.md, results.ron
//! and the results screen's `t`, in English and Japanese; within-panel
//! percentiles in percentiles.csv, results.ron and a region's drill-down.

use std::path::Path;

use crate::common::{
    ReviewDir, SMALL_REVIEW, assert_aligned, japanese_sample_dir, panelist, read_csv, sample_dir,
    sheet, small_review,
};
use panelist::report::ResultsFile;
use panelist::tui::results::{self as results, App, Data, Effect, Msg, View, screens};
use panelist::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const PLAIN: Theme = Theme {
    color: false,
    unicode: true,
};

/// `merge` of a sample into a temporary directory, in `lang`.
fn merged(sample: &Path, lang: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temporary directory");
    panelist()
        .args(["--lang", lang, "merge"])
        .arg(sample)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    out
}

fn results_ron(out: &Path) -> ResultsFile {
    let text = std::fs::read_to_string(out.join("results.ron")).expect("results.ron");
    ResultsFile::from_ron(&text).expect("results.ron reads")
}

// ---- Team sensitivity ----

#[test]
fn the_report_gives_each_panel_its_offsets_in_both_languages() {
    for (sample, lang, title, between) in [
        (
            sample_dir(),
            "en",
            "### A whole panel marking higher or lower",
            "the outcome survives any offset of its members' marks between",
        ),
        (
            japanese_sample_dir(),
            "ja",
            "### 部会全体が高め・低めに採点していたら",
            "の範囲でずらしても、結果は変わりません。",
        ),
    ] {
        let out = merged(&sample, lang);
        let report = std::fs::read_to_string(out.path().join("report.md")).expect("report.md");
        let at = report
            .find(title)
            .unwrap_or_else(|| panic!("{lang}: {title}"));
        let section = &report[at..];
        let section = &section[..section[4..].find("\n### ").map_or(section.len(), |e| e + 4)];
        let file = results_ron(out.path());
        let teams = &file.analysis.as_ref().expect("analysed").teams;
        assert_eq!(teams.len(), 5, "one per panel of the sample");
        for team in teams {
            let line = section
                .lines()
                .find(|l| l.starts_with("- ") && l.contains(&format!("(`{}`)", team.panel)))
                .unwrap_or_else(|| panic!("{lang}: a sentence for {}", team.panel));
            if let (Some(down), Some(up)) = (&team.down, &team.up) {
                assert!(line.contains(between), "{lang}: {line}");
                assert!(down.limit < 0.0 && up.limit > 0.0, "{}", team.panel);
                let ends = [
                    panelist::report::solidity::offset_within(down.limit),
                    panelist::report::solidity::offset_within(up.limit),
                ];
                for end in ends {
                    assert!(line.contains(&end), "{lang}: {end} in {line}");
                }
            }
        }
        assert!(
            section.contains("exact") || section.contains("正確"),
            "{lang}: the sample is under the mean: {section}"
        );
    }
}

#[test]
fn results_ron_keeps_the_offsets_and_the_percentiles() {
    let out = merged(&sample_dir(), "en");
    let text = std::fs::read_to_string(out.path().join("results.ron")).expect("results.ron");
    let file = ResultsFile::from_ron(&text).expect("reads");
    let analysis = file.analysis.as_ref().expect("analysed");
    // The life-science team: Hiroshima would come in at +0.97, Kansai drop
    // below the minimum total at -4.18.
    let team = |id: &str| analysis.teams.iter().find(|t| t.panel == id).expect(id);
    let ls = team("tech-ls");
    assert!(ls.marks > 0 && ls.search_step.is_none());
    let up = ls.up.as_ref().expect("some offset up changes the outcome");
    assert!(!up.changes.is_empty() && up.at > up.limit && up.limit > 0.0);
    let regions: Vec<&str> = up.changes.iter().map(|c| c.region.as_str()).collect();
    assert_eq!(regions, ["sapporo", "hiroshima"]);
    let down = ls.down.as_ref().expect("and down");
    assert!(down.at < down.limit && down.limit < 0.0);
    // The environment team's two regions stay where they are whatever it does.
    assert!(team("tech-env").any_offset());
    // The same file written again is the same: nothing is lost on the way.
    assert_eq!(
        file.to_ron(&panelist::report::recorded_inputs(&text).expect("inputs")),
        text
    );
    let fukuoka = file
        .results
        .regions
        .iter()
        .find(|r| r.region == "fukuoka")
        .expect("fukuoka");
    let panels: Vec<&str> = fukuoka
        .percentiles
        .iter()
        .map(|p| p.panel.as_str())
        .collect();
    assert_eq!(panels, ["committee", "tech-it", "tech-env"]);
}

// ---- Percentiles ----

/// Each region's percentile within a technology panel, by hand: the panel
/// scores category 4 alone, so its sum is the region's subtotal of 4 (a
/// column of results.csv); ranks among the panel's regions, ties averaged.
#[test]
fn percentiles_csv_has_each_region_within_each_panel() {
    let out = merged(&sample_dir(), "en");
    let rows = read_csv(&out.path().join("percentiles.csv"));
    assert_eq!(rows[0], ["region", "panel", "sum", "regions", "percentile"]);
    let results = read_csv(&out.path().join("results.csv"));
    let column = results[0]
        .iter()
        .position(|c| c == "4")
        .expect("category 4");
    let four = |id: &str| -> f64 {
        let row = results.iter().find(|r| r[1] == id).expect("a row");
        row[column].parse().expect("a number")
    };
    let it = ["fukuoka", "sendai", "hamamatsu", "sapporo", "toyama"];
    for id in it {
        let row = rows
            .iter()
            .find(|r| r[0] == id && r[1] == "tech-it")
            .unwrap_or_else(|| panic!("{id} within tech-it"));
        let sum = four(id);
        let above = it.iter().filter(|&&o| four(o) > sum + 0.005).count();
        let level = it
            .iter()
            .filter(|&&o| (four(o) - sum).abs() <= 0.005)
            .count();
        let rank = above as f64 + (level as f64 + 1.0) / 2.0;
        let percentile = 100.0 * (rank - 0.5) / it.len() as f64;
        assert_eq!(row[2], format!("{sum:.2}"), "{id}");
        assert_eq!(row[3], "5", "{id}");
        assert_eq!(row[4], format!("{percentile:.1}"), "{id}");
    }
    // Every row of the committee panel, which scores all nine regions.
    assert_eq!(rows.iter().filter(|r| r[1] == "committee").count(), 9);
}

#[test]
fn a_review_of_one_panel_writes_no_percentiles() {
    let mut one: panelist::model::Review = ron::from_str(SMALL_REVIEW).expect("the fixture");
    one.panels.truncate(1);
    one.reviewers.retain(|r| r.id != "dee");
    let review = ReviewDir::new(one);
    review.write_panel(
        "board",
        vec![("ann", sheet().marks("north", &[("a1", 7.5), ("a2", 3.0)]))],
    );
    let out = tempfile::tempdir().expect("temporary directory");
    let said = panelist()
        .arg("merge")
        .arg(review.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&said.get_output().stdout).into_owned();
    assert!(stdout.contains("results.svg and report.md to"), "{stdout}");
    assert!(!stdout.contains("percentiles.csv"), "{stdout}");
    assert!(out.path().join("results.csv").exists());
    assert!(!out.path().join("percentiles.csv").exists());
    // With its second panel, it has them, and says so.
    let two = small_review();
    let said = panelist()
        .arg("merge")
        .arg(two.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&said.get_output().stdout).into_owned();
    assert!(
        stdout.contains("report.md and percentiles.csv (each region's percentile"),
        "{stdout}"
    );
    let rows = read_csv(&out.path().join("percentiles.csv"));
    assert_eq!(rows[1], ["north", "board", "10.50", "1", "50.0"]);
}

// ---- The results screen ----

fn data(sample: &Path) -> Data {
    let mut data = Data::load(sample).expect("the sample loads");
    data.submitted.analysis = Some(panelist::tui::results::data::analysed(
        &data.review,
        &data.submitted,
    ));
    data
}

fn press(app: &mut App, keys: &[&str]) {
    for key in keys {
        let code = match *key {
            "down" => KeyCode::Down,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            one => KeyCode::Char(one.chars().next().unwrap_or(' ')),
        };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        while app.effect() == Some(Effect::Analyse) {
            let analysed = results::analyse(app);
            app.update(analysed);
        }
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
    terminal
        .draw(|frame| screens::render(app, frame))
        .expect("draw");
    terminal
}

#[test]
fn snapshot_panels_marking_higher_or_lower() {
    let mut app = App::new(data(&sample_dir()), PLAIN);
    press(&mut app, &["a", "t", "down"]);
    assert_eq!(app.view(), View::Teams);
    insta::assert_snapshot!("teams", draw(&app).backend());
    // `o` shows the reviewers instead; Esc goes back to where `t` was pressed.
    press(&mut app, &["o"]);
    assert_eq!(app.view(), View::Offsets);
    press(&mut app, &["esc"]);
    assert_eq!(app.view(), View::Solidity);
    press(&mut app, &["o", "t", "esc"]);
    assert_eq!(app.view(), View::Offsets);
}

#[test]
fn snapshot_japanese_panels_marking_higher_or_lower() {
    panelist::i18n::set_lang(panelist::i18n::Lang::Ja);
    let mut app = App::new(data(&japanese_sample_dir()), PLAIN);
    press(&mut app, &["a", "t", "down"]);
    let terminal = draw(&app);
    assert_aligned(terminal.backend().buffer());
    insta::assert_snapshot!("japanese_teams", terminal.backend().to_string());
}

/// The drill-down says where the region stands within each of its panels,
/// and that the rules do not use it.
#[test]
fn the_region_drill_down_gives_its_percentiles() {
    let mut app = App::new(data(&sample_dir()), PLAIN);
    press(&mut app, &["enter"]);
    assert_eq!(app.view(), View::Region);
    let screen = draw(&app).backend().to_string();
    let flat: String = screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '"' || c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("Percentile within each panel"), "{screen}");
    assert!(flat.contains("not used by the rules"), "{screen}");
    // Fukuoka is within three panels (the committee, IT and Environment):
    // each in full, none cut at 80 columns.
    let region = app.region_result(app.cursor.region).expect("a region");
    assert_eq!(region.percentiles.len(), 3, "{screen}");
    for p in &region.percentiles {
        let said = format!(
            "{} {:.1} ({:.2} points, {} regions)",
            p.panel, p.percentile, p.sum, p.regions
        );
        assert!(flat.contains(&said), "{said} in {screen}");
    }
}
