//! The form as UTF-8 CSV, for those who prefer it: the identity on the
//! first line, the title and the instructions on the second, the headings
//! on the third, then the same rows and columns as the workbook (the ids
//! visible). It begins with a byte order mark, so that Excel reads it as
//! UTF-8.

use super::grid::{Cell, GridBuilder, MAX_COLS, MAX_ROWS, Read};
use super::identity::{Identity, MARKER};
use super::layout::{Column, FormRow, check_size, points_text};
use crate::t;

const BOM: &str = "\u{feff}";

/// The CSV of a form.
pub fn write_csv(
    identity: &Identity,
    heading: &[String],
    rows: &[FormRow],
) -> Result<String, String> {
    check_size(rows)?;
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| e.to_string();
    let mut first = vec![MARKER.to_string()];
    first.extend(identity.values());
    writer.write_record(&first).map_err(fail)?;
    writer.write_record(heading).map_err(fail)?;
    writer
        .write_record(Column::ALL.iter().map(|c| t!(c.label_key())))
        .map_err(fail)?;
    let yes = t!("form-conflict-yes");
    for row in rows {
        let conflict = if row.first_of_region && row.conflict {
            yes.clone()
        } else {
            String::new()
        };
        writer
            .write_record([
                t!(
                    "form-region-cell",
                    name = &row.region_name,
                    id = &row.region
                ),
                format!("{} {}", row.criterion, row.criterion_title),
                row.guidance.clone(),
                points_text(row.max),
                points_text(row.step),
                row.points.map(points_text).unwrap_or_default(),
                row.note.clone(),
                conflict,
                row.region.clone(),
                row.criterion.clone(),
            ])
            .map_err(fail)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok(format!("{BOM}{text}"))
}

/// A form from a CSV file's bytes.
pub fn read_csv(bytes: &[u8]) -> Read {
    let text = std::str::from_utf8(bytes).map_err(|_| t!("form-csv-not-utf8"))?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut builder = GridBuilder::default();
    // A record's row is the row a spreadsheet shows it on, so that a
    // problem names the cell the reviewer sees: the csv reader passes over
    // blank lines, which a spreadsheet shows as empty rows.
    let mut row = 0;
    let mut next_line = 1;
    // Within the rows a form may have (the rest is passed over, as in a
    // workbook), and as many columns: a line of a million commas is not
    // a million cells.
    for record in reader.records() {
        let record = record.map_err(|e| t!("form-csv-unreadable", error = e.to_string()))?;
        let line = record.position().map_or(next_line, csv::Position::line);
        row += usize::try_from(line.saturating_sub(next_line)).unwrap_or(MAX_ROWS);
        if row >= MAX_ROWS {
            break;
        }
        for (col, field) in record.iter().take(MAX_COLS).enumerate() {
            if !field.is_empty() {
                builder.put(row, col, Cell::Text(field.to_string()))?;
            }
        }
        let breaks: usize = record.iter().map(|f| f.matches('\n').count()).sum();
        next_line = line + 1 + u64::try_from(breaks).unwrap_or(0);
        row += 1;
    }
    let grid = builder.finish(None);
    let first = grid.rows.first().ok_or_else(|| t!("form-not-a-form"))?;
    if first.first().map(Cell::text).as_deref() != Some(MARKER) {
        return Err(t!("form-not-a-form"));
    }
    let values: Vec<String> = first.iter().skip(1).map(Cell::text).collect();
    let identity = Identity::from_values(&values).ok_or_else(|| t!("form-not-a-form"))?;
    Ok((identity, grid))
}
