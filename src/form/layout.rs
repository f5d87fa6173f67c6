//! What a form holds: its columns, and its rows, one per (region,
//! criterion) the reviewer owes (what [`crate::progress`] says is due,
//! a region they declared a conflict on in this sheet included, so that
//! they may withdraw it).

use super::grid::MAX_ROWS;
use crate::model::{Index, Sheet, format_points, same_points};
use crate::progress::Progress;
use crate::t;

/// The columns of a form, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Region,
    Criterion,
    Guidance,
    Max,
    Step,
    Mark,
    Note,
    Conflict,
    /// Hidden in the workbook: the ids the importer goes by.
    RegionId,
    CriterionId,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Region,
        Column::Criterion,
        Column::Guidance,
        Column::Max,
        Column::Step,
        Column::Mark,
        Column::Note,
        Column::Conflict,
        Column::RegionId,
        Column::CriterionId,
    ];

    /// The column's index from 0 (A is 0).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The catalog key of the column's heading.
    pub fn label_key(self) -> &'static str {
        match self {
            Column::Region => "form-col-region",
            Column::Criterion => "form-col-criterion",
            Column::Guidance => "form-col-guidance",
            Column::Max => "form-col-max",
            Column::Step => "form-col-step",
            Column::Mark => "form-col-mark",
            Column::Note => "form-col-note",
            Column::Conflict => "form-col-conflict",
            Column::RegionId => "form-col-region-id",
            Column::CriterionId => "form-col-criterion-id",
        }
    }
}

/// The row (from 0) of the column headings; rows above hold the title and
/// the instructions, rows below the cells to score.
pub const HEADER_ROW: usize = 2;

/// One (region, criterion) of a form, with the reviewer's mark and note
/// as the sheet held them when the form was made.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    pub region: String,
    pub region_name: String,
    pub criterion: String,
    pub criterion_title: String,
    pub guidance: String,
    pub max: f64,
    pub step: f64,
    /// Every mark the criterion accepts, when they are few enough to offer
    /// as a list (see [`crate::model::Criterion::marks`]); else empty.
    pub marks: Vec<f64>,
    pub points: Option<f64>,
    pub note: String,
    /// The first row of its region: the one whose conflict cell counts.
    pub first_of_region: bool,
    /// The sheet declares a conflict on the region.
    pub conflict: bool,
}

/// The rows of `reviewer`'s form on panel `panel` (an index): the cells due
/// as if their sheet declared no conflict (`elsewhere`: conflicts declared
/// in their sheets of other panels, which stay out), in `review.ron` and
/// rubric order.
pub fn form_rows(
    index: &Index<'_>,
    panel: usize,
    reviewer: &str,
    sheet: Option<&Sheet>,
    elsewhere: &[String],
) -> Vec<FormRow> {
    let progress = Progress::of(index, panel, reviewer, None, elsewhere);
    let mut rows: Vec<FormRow> = Vec::new();
    for cell in &progress.due {
        let (Some(region), Some(criterion)) =
            (index.region(cell.region), index.criterion(cell.criterion))
        else {
            continue;
        };
        let mark = sheet.and_then(|s| s.mark(cell.region, cell.criterion));
        let first_of_region = rows.last().is_none_or(|r| r.region != cell.region);
        rows.push(FormRow {
            region: region.id.clone(),
            region_name: region.name.clone(),
            criterion: criterion.id.clone(),
            criterion_title: criterion.title.clone(),
            guidance: criterion.guidance.clone(),
            max: criterion.max,
            step: criterion.step,
            marks: criterion.marks(LISTED_MARKS).unwrap_or_default(),
            points: mark.map(|m| m.points),
            note: mark.map(|m| m.note.clone()).unwrap_or_default(),
            first_of_region,
            conflict: sheet.is_some_and(|s| s.has_conflict(cell.region)),
        });
    }
    rows
}

/// The most marks a form offers as a list (Excel's list of a cell's
/// allowed values holds 255 characters).
const LISTED_MARKS: usize = 128;

/// The most rows a form may ask: its last row within the rows a reader
/// reads ([`MAX_ROWS`]), so that no mark typed in a form is passed over.
pub const MAX_FORM_ROWS: usize = MAX_ROWS - HEADER_ROW - 1;

/// `Err` when `rows` are more than a form may ask.
pub fn check_size(rows: &[FormRow]) -> Result<(), String> {
    if rows.len() > MAX_FORM_ROWS {
        return Err(t!(
            "form-too-many-rows",
            rows = rows.len(),
            max = MAX_FORM_ROWS
        ));
    }
    Ok(())
}

/// Points as a form writes them: as reviewers type them (`4.5`, see
/// [`format_points`]), with more decimals only when three would read back
/// as other points (a step of 0.0625), so that a mark left as the form
/// shows it is the same mark.
pub fn points_text(points: f64) -> String {
    let short = format_points(points);
    if short.parse().is_ok_and(|p| same_points(p, points)) {
        return short;
    }
    let long = format!("{points:.9}");
    long.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::points_text;

    #[test]
    fn points_read_back_as_the_same_mark() {
        assert_eq!(points_text(4.5), "4.5");
        assert_eq!(points_text(3.0 * 0.1), "0.3");
        assert_eq!(points_text(0.0625), "0.0625");
        assert_eq!(points_text(3.0 * 0.0625), "0.1875");
        assert_eq!(points_text(0.0), "0");
    }
}
