//! The form as an xlsx workbook: written with `rust_xlsxwriter`, read with
//! `calamine`.
//!
//! The sheet is protected: only the mark, note and conflict cells are
//! unlocked. Each mark cell's data validation offers exactly the marks on
//! its criterion's grid (a list when it fits Excel's 255 characters, else a
//! formula that admits the same numbers), so that Excel and LibreOffice
//! refuse anything else as it is typed; the importer checks every cell
//! again all the same. The identity is on a very hidden, protected sheet.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, Formula, Workbook, Worksheet,
    XlsxError,
};

use super::archive::check_archive;
use super::grid::{Cell, Grid, GridBuilder, MAX_COLS, MAX_ROWS, Read, cell_name};
use super::identity::{IDENTITY_KEYS, Identity, MARKER};
use super::layout::{Column, FormRow, HEADER_ROW, check_size, points_text};
use crate::i18n::{Lang, text_in};
use crate::model::format_points;
use crate::t;

/// The name of the hidden sheet of the identity.
const IDENTITY_SHEET: &str = "panelist";

/// The workbook of a form: `heading` the lines above the table (the
/// title, the instructions).
pub fn write_xlsx(
    identity: &Identity,
    heading: &[String],
    rows: &[FormRow],
) -> Result<Vec<u8>, String> {
    check_size(rows)?;
    build(identity, heading, rows)
        .and_then(|mut workbook| workbook.save_to_buffer())
        .map_err(|e| e.to_string())
}

fn build(identity: &Identity, heading: &[String], rows: &[FormRow]) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(t!("form-sheet-name"))?;
    form_sheet(sheet, heading, rows)?;
    let hidden = workbook.add_worksheet();
    hidden.set_name(IDENTITY_SHEET)?;
    hidden.write_string(0, 0, MARKER)?;
    for (i, (key, value)) in IDENTITY_KEYS.iter().zip(identity.values()).enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        hidden.write_string(row, 0, *key)?;
        hidden.write_string(row, 1, value)?;
    }
    hidden.protect();
    hidden.set_very_hidden(true);
    Ok(workbook)
}

fn col(column: Column) -> u16 {
    u16::try_from(column.index()).unwrap_or(u16::MAX)
}

fn form_sheet(
    sheet: &mut Worksheet,
    heading: &[String],
    rows: &[FormRow],
) -> Result<(), XlsxError> {
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let open = wrap
        .clone()
        .set_unlocked()
        .set_background_color(0x00FF_F8DC);
    let widths = [24.0, 30.0, 40.0, 8.0, 8.0, 8.0, 40.0, 10.0, 12.0, 12.0];
    for (column, width) in Column::ALL.iter().zip(widths) {
        sheet.set_column_width(col(*column), width)?;
    }
    for (i, line) in heading.iter().enumerate().take(HEADER_ROW) {
        let row = u32::try_from(i).unwrap_or(0);
        sheet.merge_range(row, 0, row, col(Column::Conflict), line, &bold)?;
        sheet.set_row_height(row, if i == 0 { 20 } else { 60 })?;
    }
    let header = u32::try_from(HEADER_ROW).unwrap_or(0);
    for column in Column::ALL {
        sheet.write_string_with_format(header, col(column), t!(column.label_key()), &bold)?;
    }
    for (i, form_row) in rows.iter().enumerate() {
        let row = header + 1 + u32::try_from(i).unwrap_or(u32::MAX - header - 1);
        write_row(sheet, row, form_row, &wrap, &open)?;
    }
    sheet.set_column_hidden(col(Column::RegionId))?;
    sheet.set_column_hidden(col(Column::CriterionId))?;
    sheet.set_freeze_panes(header + 1, 0)?;
    sheet.protect();
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    row: u32,
    form_row: &FormRow,
    wrap: &Format,
    open: &Format,
) -> Result<(), XlsxError> {
    let region = t!(
        "form-region-cell",
        name = &form_row.region_name,
        id = &form_row.region
    );
    let criterion = format!("{} {}", form_row.criterion, form_row.criterion_title);
    sheet.write_string_with_format(row, col(Column::Region), region, wrap)?;
    sheet.write_string_with_format(row, col(Column::Criterion), criterion, wrap)?;
    sheet.write_string_with_format(row, col(Column::Guidance), &form_row.guidance, wrap)?;
    sheet.write_number_with_format(row, col(Column::Max), form_row.max, wrap)?;
    sheet.write_number_with_format(row, col(Column::Step), form_row.step, wrap)?;
    match form_row.points {
        Some(points) => sheet.write_number_with_format(row, col(Column::Mark), points, open)?,
        None => sheet.write_blank(row, col(Column::Mark), open)?,
    };
    sheet.write_string_with_format(row, col(Column::Note), &form_row.note, open)?;
    sheet.write_string_with_format(row, col(Column::RegionId), &form_row.region, wrap)?;
    sheet.write_string_with_format(row, col(Column::CriterionId), &form_row.criterion, wrap)?;
    let mark_rule = mark_validation(row, form_row)?;
    sheet.add_data_validation(row, col(Column::Mark), row, col(Column::Mark), &mark_rule)?;
    if form_row.first_of_region {
        let yes = t!("form-conflict-yes");
        let value = if form_row.conflict {
            yes.clone()
        } else {
            String::new()
        };
        sheet.write_string_with_format(row, col(Column::Conflict), value, open)?;
        let rule = DataValidation::new()
            .allow_list_strings(&[yes])?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(
            row,
            col(Column::Conflict),
            row,
            col(Column::Conflict),
            &rule,
        )?;
    }
    Ok(())
}

/// The data validation of a mark cell: exactly the marks on the grid.
fn mark_validation(row: u32, form_row: &FormRow) -> Result<DataValidation, XlsxError> {
    let marks: Vec<String> = form_row.marks.iter().map(|m| points_text(*m)).collect();
    let rule = t!(
        "form-mark-rule",
        max = format_points(form_row.max),
        step = format_points(form_row.step)
    );
    let validation = if !marks.is_empty() && marks.join(",").len() <= 255 {
        DataValidation::new().allow_list_strings(&marks)?
    } else {
        let cell = cell_name(usize::try_from(row).unwrap_or(0), Column::Mark.index());
        let (max, step) = (points_text(form_row.max), points_text(form_row.step));
        DataValidation::new().allow_custom(Formula::new(format!(
            "=AND(ISNUMBER({cell}),{cell}>=0,{cell}<={max},ABS({cell}/{step}-ROUND({cell}/{step},0))<0.000001)"
        )))
    };
    validation
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title(t!("form-mark-error-title"))?
        .set_error_message(rule)
}

/// A form from a workbook's bytes: its parts checked first (see
/// [`check_archive`]). calamine 0.38 panics on some damaged workbooks (the
/// fuzzer found one, fuzz/corpus/form_xlsx/crash-63110f0d…): such a panic
/// is a workbook that cannot be read, not a crash of `import`.
pub fn read_xlsx(bytes: &[u8]) -> Read {
    std::panic::catch_unwind(|| {
        check_archive(bytes)?;
        read_workbook(bytes)
    })
    .unwrap_or_else(|_| Err(t!("form-not-xlsx", error = "calamine")))
}

fn read_workbook(bytes: &[u8]) -> Read {
    let not_a_form = || t!("form-not-a-form");
    let mut workbook: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| t!("form-not-xlsx", error = e.to_string()))?;
    let names = workbook.sheet_names();
    if !names.iter().any(|n| n == IDENTITY_SHEET) {
        return Err(not_a_form());
    }
    let form = form_sheet_of(&names)?;
    let identity_grid = cells(&mut workbook, IDENTITY_SHEET)?;
    let identity = identity_of(&identity_grid).ok_or_else(not_a_form)?;
    let mut grid = cells(&mut workbook, &form)?;
    grid.sheet = Some(form);
    Ok((identity, grid))
}

/// The form's sheet among a workbook's: the one named as `form` names it
/// (in either language), else the only one beside the identity's. A sheet
/// added before the form's must not be read as the form, with no mark.
fn form_sheet_of(names: &[String]) -> Result<String, String> {
    let others: Vec<&String> = names.iter().filter(|n| *n != IDENTITY_SHEET).collect();
    let named = [Lang::En, Lang::Ja].map(|lang| text_in(lang, "form-sheet-name", &[]));
    if let Some(form) = others.iter().find(|n| named.contains(n)) {
        return Ok((*form).clone());
    }
    match others.as_slice() {
        [form] => Ok((*form).clone()),
        [] => Err(t!("form-not-a-form")),
        _ => Err(t!(
            "form-which-sheet",
            sheets = others
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", "),
            name = t!("form-sheet-name")
        )),
    }
}

fn identity_of(grid: &Grid) -> Option<Identity> {
    if grid.get(0, 0).text() != MARKER {
        return None;
    }
    let mut values = Vec::new();
    for (i, key) in IDENTITY_KEYS.iter().enumerate() {
        if grid.get(i + 1, 0).text() != *key {
            return None;
        }
        values.push(grid.get(i + 1, 1).text());
    }
    Identity::from_values(&values)
}

/// The cells of a sheet, within the bounds of a [`GridBuilder`].
fn cells(workbook: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Result<Grid, String> {
    let unreadable = |e: calamine::XlsxError| t!("form-not-xlsx", error = e.to_string());
    let mut reader = workbook.worksheet_cells_reader(sheet).map_err(unreadable)?;
    let mut grid = GridBuilder::default();
    while let Some(cell) = reader.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        if row >= MAX_ROWS || column >= MAX_COLS {
            // Not copied only to be passed over: a shared string may be long.
            continue;
        }
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::Int(n) => {
                #[allow(clippy::cast_precision_loss)]
                let n = *n as f64;
                Cell::Number(n)
            }
            DataRef::Float(n) => Cell::Number(*n),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Cell::Text(s.clone())
            }
            DataRef::SharedString(s) => Cell::Text((*s).to_string()),
            DataRef::Bool(b) => Cell::Text(b.to_string()),
            DataRef::DateTime(d) => Cell::Number(d.as_f64()),
            DataRef::Error(e) => Cell::Text(format!("#{e}")),
        };
        grid.put(row, column, value)?;
    }
    Ok(grid.finish(None))
}
