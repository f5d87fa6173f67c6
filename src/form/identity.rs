//! What identifies a form, and its file formats.

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
pub(super) const IDENTITY_KEYS: [&str; 6] =
    ["version", "review", "panel", "reviewer", "rubric", "made"];

/// The marker that begins a form's identity.
pub(super) const MARKER: &str = "panelist-form";

impl Identity {
    pub(super) fn values(&self) -> [String; 6] {
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
    pub(super) fn from_values(values: &[String]) -> Option<Identity> {
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
