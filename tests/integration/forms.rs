//! `panelist form` and `panelist import` (issue 19): a reviewer's sheet as
//! an xlsx or CSV form, filled as a spreadsheet would, and brought back
//! through the one journaled save: the same marks as typed with `mark`,
//! every bad cell named, stale and foreign forms refused, nothing saved
//! from a form with a problem, a second import a no-op.

use std::path::{Path, PathBuf};

use crate::common::{ReviewBuilder, ReviewDir, panelist};
use panelist::form::{Cell, Grid, read_csv, read_xlsx};
use panelist::model::Review;
use rust_xlsxwriter::Workbook;

/// Regions north, south, east; criteria c1 (max 5 by 0.5) and c2 (max 10
/// by 1); panel p (r1, r2) scores both everywhere.
pub(crate) fn review() -> Review {
    ReviewBuilder::new()
        .category("1", &[("c1", 5.0, 0.5), ("c2", 10.0, 1.0)])
        .regions(&["north", "south", "east"])
        .reviewers(&["r1", "r2", "r3"])
        .panel("p", &["r1", "r2"], &["c1", "c2"], None)
        .panel("q", &["r3"], &["c1"], None)
        .build()
}

/// The columns of a form (A is 0) and its first row of marks (row 4).
pub(crate) const MARK: usize = 5;
pub(crate) const NOTE: usize = 6;
pub(crate) const CONFLICT: usize = 7;
pub(crate) const FIRST: usize = 3;

pub(crate) fn make_form(dir: &ReviewDir, reviewer: &str, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.beside(name);
    panelist()
        .arg("form")
        .arg(dir.path())
        .args(["--reviewer", reviewer, "--panel", "p", "--out"])
        .arg(&out)
        .args(extra)
        .assert()
        .success();
    out
}

pub(crate) fn import(
    dir: &ReviewDir,
    files: &[&Path],
    extra: &[&str],
) -> assert_cmd::assert::Assert {
    panelist()
        .arg("import")
        .arg(dir.path())
        .args(files)
        .args(extra)
        .assert()
}

pub(crate) fn output(assert: &assert_cmd::assert::Assert) -> String {
    let out = assert.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The form's cells with `fills` typed over them, saved as a spreadsheet
/// program would: a new workbook of the same cells, the identity sheet
/// included (`identity` replaces its values by key).
pub(crate) fn fill_xlsx(
    form: &Path,
    fills: &[(usize, usize, Cell)],
    identity: &[(&str, &str)],
) -> Vec<u8> {
    let bytes = std::fs::read(form).expect("read the form");
    let (ident, grid) = read_xlsx(&bytes).expect("a form");
    let grid = filled(grid, fills);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(grid.sheet.clone().expect("a sheet name"))
        .expect("name");
    for (r, row) in grid.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("col"),
            );
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    sheet.write_string(r, c, text).expect("write");
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n).expect("write");
                }
            }
        }
    }
    let hidden = workbook.add_worksheet();
    hidden.set_name("panelist").expect("name");
    hidden.write_string(0, 0, "panelist-form").expect("write");
    let values = [
        ("version", ident.version.to_string()),
        ("review", ident.review.clone()),
        ("panel", ident.panel.clone()),
        ("reviewer", ident.reviewer.clone()),
        ("rubric", ident.rubric.clone()),
        ("made", ident.made.to_string()),
    ];
    for (i, (key, value)) in values.iter().enumerate() {
        let value = identity
            .iter()
            .find(|(k, _)| k == key)
            .map_or(value.clone(), |(_, v)| (*v).to_string());
        let row = u32::try_from(i + 1).expect("row");
        hidden.write_string(row, 0, *key).expect("write");
        hidden.write_string(row, 1, value).expect("write");
    }
    hidden.set_hidden(true);
    workbook.save_to_buffer().expect("a workbook")
}

pub(crate) fn filled(mut grid: Grid, fills: &[(usize, usize, Cell)]) -> Grid {
    for (r, c, cell) in fills {
        if grid.rows.len() <= *r {
            grid.rows.resize(r + 1, Vec::new());
        }
        let row = &mut grid.rows[*r];
        if row.len() <= *c {
            row.resize(c + 1, Cell::Empty);
        }
        row[*c] = cell.clone();
    }
    grid
}

pub(crate) fn num(n: f64) -> Cell {
    Cell::Number(n)
}

pub(crate) fn text(t: &str) -> Cell {
    Cell::Text(t.to_string())
}

pub(crate) fn write(dir: &ReviewDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.beside(name);
    std::fs::write(&path, bytes).expect("write the filled form");
    path
}

pub(crate) fn mark(dir: &ReviewDir, reviewer: &str, cell: &[&str], extra: &[&str]) {
    panelist()
        .arg("mark")
        .arg(dir.path())
        .args(["--reviewer", reviewer, "--panel", "p"])
        .args(cell)
        .args(extra)
        .assert()
        .success();
}

/// (region, criterion) → (points, note) of a reviewer's sheet on p.
pub(crate) fn marks(dir: &ReviewDir, reviewer: &str) -> Vec<(String, String, f64, String)> {
    let file = dir.read_panel("p");
    let sheet = file.sheets.get(reviewer).expect("a sheet").clone();
    let mut marks: Vec<_> = sheet
        .scores
        .iter()
        .flat_map(|(region, cells)| {
            cells.iter().map(move |(criterion, m)| {
                (region.clone(), criterion.clone(), m.points, m.note.clone())
            })
        })
        .collect();
    marks.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    marks
}

const JA_NOTE: &str = "研究基盤は強い。\n産学連携は\r\nまだ弱い。";

#[test]
fn an_xlsx_form_filled_and_imported_gives_the_marks_typed_with_mark() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let fills = [
        (FIRST, MARK, num(4.5)),
        (FIRST, NOTE, text(JA_NOTE)),
        (FIRST + 1, MARK, text("7")),
        (FIRST + 2, MARK, text("0,5")),
        (FIRST + 4, CONFLICT, text("yes")),
    ];
    let bytes = fill_xlsx(&form, &fills, &[]);
    let filled_form = write(&dir, "r1-filled.xlsx", &bytes);
    let out = import(&dir, &[&filled_form], &[]).success();
    assert!(
        output(&out).contains("4 changes saved for r1 on panel p"),
        "{}",
        output(&out)
    );
    assert!(
        output(&out).contains("north c1 = 4.5, note: 研究基盤は強い。...\n"),
        "the note's first line shown: {}",
        output(&out)
    );
    mark(&dir, "r2", &["north", "c1", "4.5"], &["--note", JA_NOTE]);
    mark(&dir, "r2", &["north", "c2", "7"], &[]);
    mark(&dir, "r2", &["south", "c1", "0.5"], &[]);
    assert_eq!(marks(&dir, "r1"), marks(&dir, "r2"));
    assert_eq!(marks(&dir, "r1")[0].3, JA_NOTE, "the note's lines survive");
    let file = dir.read_panel("p");
    assert_eq!(
        file.sheets.get("r1").expect("r1").conflicts,
        vec!["east".to_string()]
    );
}

#[test]
fn a_csv_form_in_japanese_round_trips_japanese_notes_with_newlines() {
    let dir = ReviewDir::new(review());
    mark(&dir, "r1", &["south", "c2", "3"], &["--note", "前の\nメモ"]);
    let form = make_form(&dir, "r1", "r1.csv", &["--format", "csv", "--lang", "ja"]);
    let bytes = std::fs::read(&form).expect("the CSV");
    let (_, grid) = read_csv(&bytes).expect("a form");
    assert_eq!(grid.get(2, MARK), &text("評点"), "Japanese headings");
    assert!(
        grid.get(FIRST, 0).text().ends_with("（north）"),
        "{:?}",
        grid.get(FIRST, 0)
    );
    assert_eq!(
        grid.get(FIRST + 3, NOTE),
        &text("前の\nメモ"),
        "the current note"
    );
    let grid = filled(
        grid,
        &[(FIRST, MARK, text("3.5")), (FIRST, NOTE, text(JA_NOTE))],
    );
    let mut csv = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in &grid.rows {
        csv.write_record(row.iter().map(Cell::text)).expect("write");
    }
    let path = write(&dir, "r1-filled.csv", &csv.into_inner().expect("bytes"));
    let out = panelist()
        .args(["--lang", "ja", "import"])
        .arg(dir.path())
        .arg(&path)
        .assert()
        .success();
    assert!(
        output(&out).contains("変更 1 件を保存しました"),
        "{}",
        output(&out)
    );
    let marks = marks(&dir, "r1");
    assert_eq!(marks[0], ("north".into(), "c1".into(), 3.5, JA_NOTE.into()));
    assert_eq!(marks[1].3, "前の\nメモ", "untouched marks keep their notes");
}

#[test]
fn every_bad_cell_is_named_and_nothing_is_saved() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let fills = [
        (FIRST, MARK, num(5.5)),
        (FIRST + 1, MARK, num(7.5)),
        (FIRST + 2, MARK, text("four")),
        (FIRST + 3, MARK, num(-1.0)),
        (FIRST + 3, NOTE, text("a note")),
        (FIRST + 4, CONFLICT, text("maybe")),
        (FIRST + 5, NOTE, text("note, no mark")),
        (FIRST + 6, 8, text("west")),
        (FIRST + 6, 9, text("c1")),
    ];
    let bytes = fill_xlsx(&form, &fills, &[]);
    let path = write(&dir, "bad.xlsx", &bytes);
    let out = import(&dir, &[&path], &[]).code(1);
    let text = output(&out);
    for expected in [
        "bad.xlsx: Form!F4: 5.5 is over the maximum 5 for c1",
        "bad.xlsx: Form!F5: 7.5 is not on the steps of 1 for c2",
        "bad.xlsx: Form!F6: \"four\" is not a mark of c1",
        "bad.xlsx: Form!F7: -1 is below 0 for c2",
        "bad.xlsx: Form!H8: \"maybe\" is not a conflict",
        "bad.xlsx: Form!G9: a note without a mark in Form!F9",
        "bad.xlsx: Form!I10: west c1 is not on the form of panel p",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(!dir.panel_path("p").exists(), "nothing saved");
}

#[test]
fn a_mark_on_a_region_the_form_declares_a_conflict_on_is_refused() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let bytes = fill_xlsx(
        &form,
        &[(FIRST, CONFLICT, text("あり")), (FIRST + 1, MARK, num(3.0))],
        &[],
    );
    let path = write(&dir, "c.xlsx", &bytes);
    let out = import(&dir, &[&path], &[]).code(1);
    assert!(
        output(&out)
            .contains("c.xlsx: Form!F5: a mark on north, which Form!H4 declares a conflict on"),
        "{}",
        output(&out)
    );
    assert!(!dir.panel_path("p").exists());
}

#[test]
fn a_form_of_another_rubric_reviewer_or_review_is_refused() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let cases = [
        (
            ("rubric", "0000000000000000"),
            "made for the rubric 0000000000000000",
        ),
        (("reviewer", "r3"), "r3 is not a member of panel p"),
        (("review", "other"), "a form of review \"other\""),
        (("version", "9"), "a form of version 9"),
        (
            ("made", "2099-01-01T00:00:00Z"),
            "the form says it was made at 2099-01-01T00:00:00Z, later than now",
        ),
    ];
    for ((key, value), expected) in cases {
        let bytes = fill_xlsx(&form, &[(FIRST, MARK, num(1.0))], &[(key, value)]);
        let path = write(&dir, "f.xlsx", &bytes);
        let out = import(&dir, &[&path], &[]).code(1);
        assert!(output(&out).contains(expected), "{key}: {}", output(&out));
        assert!(!dir.panel_path("p").exists(), "{key}: nothing saved");
    }
    let path = write(&dir, "junk.xlsx", b"PK\x03\x04 not a zip");
    let out = import(&dir, &[&path], &[]).code(1);
    assert!(
        output(&out).contains("junk.xlsx: not a readable xlsx workbook"),
        "{}",
        output(&out)
    );
}

#[test]
fn a_form_older_than_a_saved_mark_is_refused_unless_forced() {
    let dir = ReviewDir::new(review());
    mark(&dir, "r1", &["north", "c1", "2"], &[]);
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    // Someone scores in the TUI (the same save) after the form was made.
    mark(&dir, "r1", &["north", "c1", "3"], &[]);
    let unchanged = fill_xlsx(&form, &[(FIRST + 1, MARK, num(6.0))], &[]);
    let path = write(&dir, "same.xlsx", &unchanged);
    // The form leaves north c1 as it showed it (2, now 3): it would change
    // it back, so it is refused.
    let out = import(&dir, &[&path], &[]).code(1);
    let text = output(&out);
    assert!(
        text.contains("same.xlsx: Form!F4: north c1 was saved again after this form was made"),
        "{text}"
    );
    assert!(text.contains("--force"), "{text}");
    assert_eq!(marks(&dir, "r1")[0].2, 3.0, "nothing saved");
    let typed = fill_xlsx(
        &form,
        &[(FIRST, MARK, num(3.0)), (FIRST + 1, MARK, num(6.0))],
        &[],
    );
    let path = write(&dir, "typed.xlsx", &typed);
    import(&dir, &[&path], &[]).success();
    assert_eq!(
        marks(&dir, "r1")[1].2,
        6.0,
        "a form that agrees with the newer mark applies"
    );
    let older = fill_xlsx(&form, &[(FIRST, MARK, num(4.0))], &[]);
    let path = write(&dir, "older.xlsx", &older);
    import(&dir, &[&path], &[]).code(1);
    import(&dir, &[&path], &["--force"]).success();
    assert_eq!(marks(&dir, "r1")[0].2, 4.0, "--force replaces it");
}

#[test]
fn importing_the_same_form_twice_changes_nothing_the_second_time() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let bytes = fill_xlsx(
        &form,
        &[(FIRST, MARK, num(1.5)), (FIRST + 1, MARK, num(9.0))],
        &[],
    );
    let path = write(&dir, "r1-filled.xlsx", &bytes);
    let dry = import(&dir, &[&path], &["--dry-run"]).success();
    assert!(output(&dry).contains("north c1 = 1.5"), "{}", output(&dry));
    assert!(
        output(&dry).contains("2 changes would be saved"),
        "{}",
        output(&dry)
    );
    assert!(!dir.panel_path("p").exists(), "a dry run saves nothing");
    import(&dir, &[&path], &[]).success();
    let journal = dir.scores().join("p.journal");
    let (file, lines) = (
        std::fs::read(dir.panel_path("p")).expect("panel file"),
        std::fs::read(&journal).expect("journal"),
    );
    let again = import(&dir, &[&path], &[]).success();
    assert!(
        output(&again).contains("0 changes saved"),
        "{}",
        output(&again)
    );
    assert_eq!(
        std::fs::read(dir.panel_path("p")).expect("panel file"),
        file
    );
    assert_eq!(std::fs::read(&journal).expect("journal"), lines);
}

#[test]
fn status_shows_who_works_offline_until_their_form_is_imported() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let status = |dir: &ReviewDir| {
        let out = panelist().arg("status").arg(dir.path()).assert().success();
        output(&out)
    };
    let before = status(&dir);
    assert!(
        before.contains("offline: r1 on panel p: form made"),
        "{before}"
    );
    assert!(!before.contains("offline: r2"), "{before}");
    let log = std::fs::read_to_string(dir.scores().join("p.forms")).expect("the forms log");
    assert!(
        log.contains("reviewer: \"r1\"") && log.contains("imported: None"),
        "{log}"
    );
    let bytes = fill_xlsx(&form, &[(FIRST, MARK, num(1.0))], &[]);
    let path = write(&dir, "r1-filled.xlsx", &bytes);
    import(&dir, &[&path], &[]).success();
    assert!(!status(&dir).contains("offline: r1"), "{}", status(&dir));
    panelist().arg("check").arg(dir.path()).assert().success();
    // Two forms made at once, a CSV and a workbook to choose from: the
    // CSV comes back, and r2 is back.
    let csv = make_form(&dir, "r2", "r2.csv", &["--format", "csv"]);
    make_form(&dir, "r2", "r2.xlsx", &[]);
    assert!(
        status(&dir).contains("offline: r2 on panel p"),
        "{}",
        status(&dir)
    );
    import(&dir, &[&csv], &[]).success();
    assert!(!status(&dir).contains("offline: r2"), "{}", status(&dir));
}

#[test]
fn a_form_never_overwrites_a_file() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let before = std::fs::read(&form).expect("the form");
    let out = panelist()
        .arg("form")
        .arg(dir.path())
        .args(["--reviewer", "r1", "--panel", "p", "--out"])
        .arg(&form)
        .assert()
        .code(1);
    assert!(output(&out).contains("exists"), "{}", output(&out));
    assert_eq!(
        std::fs::read(&form).expect("the form"),
        before,
        "left as it was"
    );
}

/// A form made by `panelist form` for the review in
/// tests/fixtures/forms/review.ron, opened in LibreOffice Calc 7.4, filled
/// (north c1 4.5 with a two-line Japanese note, north c2 7, a conflict on
/// east) and saved again as xlsx by LibreOffice (see its README).
#[test]
fn a_form_saved_by_libreoffice_imports() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms");
    let text = std::fs::read_to_string(fixtures.join("review.ron")).expect("fixture review");
    let dir = ReviewDir::from_text(&text);
    let out = import(&dir, &[&fixtures.join("libreoffice.xlsx")], &[]).success();
    assert!(
        output(&out).contains("3 changes saved for r1 on panel p"),
        "{}",
        output(&out)
    );
    let marks = marks(&dir, "r1");
    assert_eq!(marks.len(), 2, "{marks:?}");
    assert_eq!(
        marks[0],
        (
            "north".into(),
            "c1".into(),
            4.5,
            "研究基盤は強い。\n連携はまだ弱い。".into()
        )
    );
    assert_eq!(marks[1].2, 7.0);
    let file = dir.read_panel("p");
    assert_eq!(
        file.sheets.get("r1").expect("r1").conflicts,
        vec!["east".to_string()]
    );
}

#[test]
fn minus_zero_is_stored_as_zero() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let bytes = fill_xlsx(
        &form,
        &[(FIRST, MARK, text("-0")), (FIRST + 1, MARK, num(-0.0))],
        &[],
    );
    let path = write(&dir, "zero.xlsx", &bytes);
    import(&dir, &[&path], &[]).success();
    let marks = marks(&dir, "r1");
    assert_eq!(marks.len(), 2);
    for (region, criterion, points, _) in &marks {
        assert!(
            points.to_bits() == 0.0f64.to_bits(),
            "{region} {criterion}: {points:?}"
        );
    }
    let file = std::fs::read_to_string(dir.panel_path("p")).expect("panel file");
    assert!(!file.contains("points: -"), "{file}");
}

#[test]
fn a_conflict_declared_beside_the_marks_the_form_showed_keeps_them() {
    let dir = ReviewDir::new(review());
    mark(&dir, "r1", &["north", "c1", "2"], &[]);
    mark(&dir, "r1", &["north", "c2", "6"], &[]);
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    // The conflict typed, the marks left as the form showed them.
    let bytes = fill_xlsx(&form, &[(FIRST, CONFLICT, text("yes"))], &[]);
    let path = write(&dir, "conflict.xlsx", &bytes);
    let out = import(&dir, &[&path], &[]).success();
    assert!(
        output(&out).contains("conflict declared on north")
            && output(&out).contains("1 changes saved"),
        "{}",
        output(&out)
    );
    let file = dir.read_panel("p");
    let sheet = file.sheets.get("r1").expect("r1");
    assert_eq!(sheet.conflicts, vec!["north".to_string()]);
    assert_eq!(
        marks(&dir, "r1").len(),
        2,
        "the marks stay, left out by merge"
    );
    // On a form made since, which shows the conflict, a mark changed on
    // the region is refused, and nothing saved.
    let form = make_form(&dir, "r1", "r1-again.xlsx", &[]);
    let bytes = fill_xlsx(&form, &[(FIRST + 1, MARK, num(7.0))], &[]);
    let path = write(&dir, "changed.xlsx", &bytes);
    let out = import(&dir, &[&path], &[]).code(1);
    assert!(
        output(&out).contains("changed.xlsx: Form!F5: a mark on north, which Form!H4 declares"),
        "{}",
        output(&out)
    );
    assert_eq!(marks(&dir, "r1")[1].2, 6.0);
}

#[test]
fn a_submitted_sheet_reopened_by_a_form_says_so() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    panelist()
        .arg("submit")
        .arg(dir.path())
        .args(["--reviewer", "r1", "--panel", "p", "--force"])
        .assert()
        .success();
    let bytes = fill_xlsx(&form, &[(FIRST, MARK, num(3.0))], &[]);
    let path = write(&dir, "r1-filled.xlsx", &bytes);
    let dry = output(&import(&dir, &[&path], &["--dry-run", "--reopen"]).success());
    let real = output(&import(&dir, &[&path], &["--reopen"]).success());
    for text in [&dry, &real] {
        assert!(
            text.contains("the sheet is a draft again") && text.contains("2 changes"),
            "{text}"
        );
    }
    assert!(!dir.read_panel("p").sheets.get("r1").expect("r1").submitted);
}

#[test]
fn a_mark_refused_says_what_to_type_in_either_language() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let bytes = fill_xlsx(&form, &[(FIRST, MARK, num(5.5))], &[]);
    let path = write(&dir, "over.xlsx", &bytes);
    let en = output(&import(&dir, &[&path], &[]).code(1));
    assert!(
        en.contains(
            "over.xlsx: Form!F4: 5.5 is over the maximum 5 for c1: type a mark from 0 to 5 in steps of 0.5"
        ),
        "{en}"
    );
    let ja = panelist()
        .args(["--lang", "ja", "import"])
        .arg(dir.path())
        .arg(&path)
        .assert()
        .code(1);
    let ja = output(&ja);
    assert!(
        ja.contains("over.xlsx: Form!F4：5.5 は c1 の満点 5 を超えています：0 から 5 まで、0.5 刻みの評点を入力してください"),
        "{ja}"
    );
    assert!(!dir.panel_path("p").exists());
}

#[test]
fn a_form_of_a_step_finer_than_a_thousandth_comes_back_unchanged() {
    let review = r#"Review(
    id: "fine",
    title: "Fine steps",
    categories: [Category(id: "1", title: "One", criteria: [
        Criterion(id: "c1", title: "Sixteenths", max: 1.0, step: 0.0625),
    ])],
    regions: [Region(id: "north", name: "North")],
    reviewers: [Reviewer(id: "r1", name: "Reviewer 1")],
    panels: [Panel(id: "p", title: "Panel p", members: ["r1"], criteria: ["c1"], regions: All)],
    committee: Committee(select: 1),
)"#;
    let dir = ReviewDir::from_text(review);
    mark(&dir, "r1", &["north", "c1", "0.0625"], &[]);
    let form = make_form(&dir, "r1", "r1.csv", &["--format", "csv"]);
    let csv = std::fs::read_to_string(&form).expect("the CSV");
    assert!(csv.contains(",1,0.0625,0.0625,"), "{csv}");
    let out = import(&dir, &[Path::new(&form)], &[]).success();
    assert!(output(&out).contains("0 changes saved"), "{}", output(&out));
}

#[test]
fn forms_imported_together_are_each_saved_or_not_and_the_last_line_says_which() {
    let dir = ReviewDir::new(review());
    let good = make_form(&dir, "r1", "r1.xlsx", &[]);
    let bad = make_form(&dir, "r2", "r2.xlsx", &[]);
    let good = write(
        &dir,
        "good.xlsx",
        &fill_xlsx(&good, &[(FIRST, MARK, num(2.0))], &[]),
    );
    let bad = write(
        &dir,
        "bad.xlsx",
        &fill_xlsx(&bad, &[(FIRST, MARK, num(9.0))], &[]),
    );
    let out = output(&import(&dir, &[&good, &bad], &[]).code(1));
    assert!(
        out.contains("bad.xlsx: Form!F4: 9 is over the maximum 5"),
        "{out}"
    );
    assert!(
        out.contains("panelist: 1 of 2 forms applied; the others saved nothing")
            && !out.contains("nothing was written"),
        "{out}"
    );
    assert_eq!(marks(&dir, "r1")[0].2, 2.0, "the good form saved");
    assert!(
        !dir.read_panel("p").sheets.contains_key("r2"),
        "the bad one not"
    );
    // Alone, or in a dry run, a bad form is a plain refusal.
    let out = output(&import(&dir, &[&good, &bad], &["--dry-run"]).code(1));
    assert!(out.contains("nothing was written"), "{out}");
}

/// A CSV edited in a text editor may gain blank lines, which a spreadsheet
/// shows as rows: a problem names the cell where the reviewer sees it.
#[test]
fn a_csv_problem_names_the_row_a_spreadsheet_shows() {
    let dir = ReviewDir::new(review());
    mark(&dir, "r1", &["north", "c1", "1"], &["--note", "two\nlines"]);
    let form = make_form(&dir, "r1", "r1.csv", &["--format", "csv"]);
    let text = std::fs::read_to_string(&form).expect("the CSV");
    let mut lines: Vec<&str> = text.split('\n').collect();
    // Line 4 (row 4: north c1) holds a note of two lines; a blank line
    // after the headings makes it row 5, and north c2 row 6.
    lines.insert(3, "");
    let edited = lines
        .join("\n")
        .replacen(",10,1,,,,north,c2", ",10,1,11,,,north,c2", 1);
    assert_ne!(edited, lines.join("\n"), "north c2 found");
    let path = write(&dir, "blank.csv", edited.as_bytes());
    let out = output(&import(&dir, &[&path], &[]).code(1));
    assert!(
        out.contains("blank.csv: F6: 11 is over the maximum 10 for c2"),
        "{out}"
    );
}
