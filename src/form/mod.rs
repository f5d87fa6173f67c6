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

pub mod check;
mod csv_form;
mod grid;
mod layout;
mod xlsx;

pub use check::{Changed, Filled, FilledCell, check_filled, check_identity, stale_cells};
pub use csv_form::{read_csv, write_csv};
pub use grid::{Cell, Grid, Read, cell_name};
pub use layout::{Column, FormRow, HEADER_ROW, form_rows, grid_marks};
pub use xlsx::{read_xlsx, write_xlsx};

/// The version of the form's layout; a form of another version is refused.
pub const VERSION: u32 = 1;

/// What identifies a form: whose sheet it is, against which rubric, and when
/// it was made (to the second, as the journal records saves).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub version: u32,
    pub review: String,
    pub panel: String,
    pub reviewer: String,
    pub rubric: String,
    pub made: jiff::Timestamp,
}

/// The file format of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Xlsx,
    Csv,
}

impl Format {
    /// The format of a file from its first bytes: an xlsx workbook is a zip
    /// archive; anything else is read as CSV.
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") {
            Format::Xlsx
        } else {
            Format::Csv
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }
}

/// The identifying fields in the order the forms store them (the hidden
/// sheet's rows, the CSV's first line after its marker).
const IDENTITY_KEYS: [&str; 6] = ["version", "review", "panel", "reviewer", "rubric", "made"];

/// The marker that begins a form's identity.
const MARKER: &str = "panelist-form";

impl Identity {
    fn values(&self) -> [String; 6] {
        [
            self.version.to_string(),
            self.review.clone(),
            self.panel.clone(),
            self.reviewer.clone(),
            self.rubric.clone(),
            self.made.to_string(),
        ]
    }

    /// The identity from its values in [`IDENTITY_KEYS`] order, or `None`
    /// when one is missing or malformed.
    fn from_values(values: &[String]) -> Option<Identity> {
        let [version, review, panel, reviewer, rubric, made] = values else {
            return None;
        };
        Some(Identity {
            version: version.trim().parse().ok()?,
            review: review.clone(),
            panel: panel.clone(),
            reviewer: reviewer.clone(),
            rubric: rubric.clone(),
            made: made.trim().parse().ok()?,
        })
    }
}
