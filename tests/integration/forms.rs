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
fn review() -> Review {
    ReviewBuilder::new()
        .category("1", &[("c1", 5.0, 0.5), ("c2", 10.0, 1.0)])
        .regions(&["north", "south", "east"])
        .reviewers(&["r1", "r2", "r3"])
        .panel("p", &["r1", "r2"], &["c1", "c2"], None)
        .panel("q", &["r3"], &["c1"], None)
        .build()
}

/// The columns of a form (A is 0) and its first row of marks (row 4).
const MARK: usize = 5;
const NOTE: usize = 6;
const CONFLICT: usize = 7;
const FIRST: usize = 3;

fn make_form(dir: &ReviewDir, reviewer: &str, name: &str, extra: &[&str]) -> PathBuf {
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

fn import(dir: &ReviewDir, files: &[&Path], extra: &[&str]) -> assert_cmd::assert::Assert {
    panelist()
        .arg("import")
        .arg(dir.path())
        .args(files)
        .args(extra)
        .assert()
}

fn output(assert: &assert_cmd::assert::Assert) -> String {
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
fn fill_xlsx(form: &Path, fills: &[(usize, usize, Cell)], identity: &[(&str, &str)]) -> Vec<u8> {
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

fn filled(mut grid: Grid, fills: &[(usize, usize, Cell)]) -> Grid {
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

fn num(n: f64) -> Cell {
    Cell::Number(n)
}

fn text(t: &str) -> Cell {
    Cell::Text(t.to_string())
}

fn write(dir: &ReviewDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.beside(name);
    std::fs::write(&path, bytes).expect("write the filled form");
    path
}

fn mark(dir: &ReviewDir, reviewer: &str, cell: &[&str], extra: &[&str]) {
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
fn marks(dir: &ReviewDir, reviewer: &str) -> Vec<(String, String, f64, String)> {
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
}

#[test]
fn a_form_never_overwrites_a_file() {
    let dir = ReviewDir::new(review());
    let form = make_form(&dir, "r1", "r1.xlsx", &[]);
    let out = panelist()
        .arg("form")
        .arg(dir.path())
        .args(["--reviewer", "r1", "--panel", "p", "--out"])
        .arg(&form)
        .assert()
        .code(1);
    assert!(output(&out).contains("exists"), "{}", output(&out));
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
