//! A reviewer's sheet as a spreadsheet form (`panelist form`) and a filled
//! form back as changes (`panelist import`): pure, bytes in and out. What a
//! form asks is what [`crate::progress`] says is due; a mark is checked by
//! [`crate::model::Criterion::accepts`]; the save and the journal are the
//! store's.
//!
//! A form is one sheet of rows, one per (region, criterion) the reviewer
//! owes, and identifying cells (review, panel, reviewer, rubric
//! fingerprint, form version, the time it was made) hidden in the xlsx
//! workbook, on the first line of the CSV.

mod archive;
pub mod check;
mod csv_form;
mod grid;
mod identity;
mod layout;
mod xlsx;

pub use archive::{MAX_INFLATED_BYTES, MAX_PART_BYTES, MAX_PARTS, MAX_XLSX_BYTES, check_archive};
pub use check::{Changed, Filled, FilledCell, check_filled, check_identity, stale_cells};
pub use csv_form::{read_csv, write_csv};
pub use grid::{Cell, Grid, MAX_COLS, MAX_ROWS, MAX_TEXT_BYTES, Read, cell_name};
pub use identity::{Format, Identity, VERSION};
pub use layout::{Column, FormRow, HEADER_ROW, MAX_FORM_ROWS, form_rows, points_text};
pub use xlsx::{read_xlsx, write_xlsx};

/// A form from a file's bytes, in the format they are in.
pub fn read_form(bytes: &[u8]) -> Read {
    match Format::sniff(bytes) {
        Format::Xlsx => read_xlsx(bytes),
        Format::Csv => read_csv(bytes),
    }
}

/// A form read and every cell checked against the review (`fingerprint`:
/// its rubric's): what `import` does before it saves, and what the fuzz
/// targets run. `elsewhere` gives the regions a form's reviewer declared a
/// conflict on in their sheets of other panels.
pub fn check_form(
    index: &crate::model::Index<'_>,
    fingerprint: &str,
    read: Read,
    elsewhere: impl FnOnce(&Identity) -> Vec<String>,
) -> Result<Filled, Vec<String>> {
    let (identity, grid) = read.map_err(|m| vec![m])?;
    let panel = check_identity(index, fingerprint, &identity).map_err(|m| vec![m])?;
    let elsewhere = elsewhere(&identity);
    let rows = form_rows(index, panel, &identity.reviewer, None, &elsewhere);
    check_filled(index, identity, &grid, &rows)
}
