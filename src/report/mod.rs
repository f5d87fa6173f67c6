//! Committee results as files and text: `results.csv`, `report.md`,
//! `results.svg`, and the table `merge` prints. Pure: data in, strings out.
//!
//! The words of the report, the chart and the table are in the language of
//! the thread that draws them (see [`crate::i18n`]); `results.csv` is for
//! machines and the same in every language.

mod chart;
mod markdown;
mod results_file;
pub mod solidity;
pub mod words;

pub use chart::{cutoff, svg};
pub use markdown::{InputFile, markdown};
pub use results_file::ResultsFile;
pub use words::Form;

use crate::merge::{RegionResult, Results};
use crate::t;
use crate::text::{self, ELLIPSIS, pad_left, pad_right, truncate};

/// Numbers in CSV and report: Rust's `{:.2}`, as SPEC.md fixes.
pub fn points(value: f64) -> String {
    format!("{value:.2}")
}

/// `results.csv`: SPEC.md's columns, one row per region in rank order.
pub fn csv(results: &Results) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["rank", "region", "name", "total"];
    let categories = category_ids(results);
    header.extend(categories.iter().map(String::as_str));
    header.extend(["status", "marks", "flags"]);
    writer.write_record(&header)?;
    for region in &results.regions {
        let mut row = vec![
            region.rank.to_string(),
            region.region.clone(),
            region.name.clone(),
            points(region.total),
        ];
        row.extend(region.subtotals.iter().map(|s| points(s.points)));
        row.push(region.status.as_str().to_string());
        row.push(region.marks.to_string());
        row.push(region.flags.join(";"));
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn category_ids(results: &Results) -> Vec<String> {
    results.categories.clone()
}

/// The ranking as a plain-text table for the terminal, its columns aligned
/// in terminal columns (a Japanese name or heading takes two per character).
pub fn table(results: &Results) -> String {
    let categories = category_ids(results);
    let name_width = results
        .regions
        .iter()
        .map(|r| text::width(&r.name))
        .chain([text::width(&t!("table-region"))])
        .max()
        .unwrap_or(0)
        .clamp(6, 32);
    let statuses: Vec<String> = results
        .regions
        .iter()
        .map(|r| words::status(r.status, Form::Table, None))
        .collect();
    let status_width = statuses
        .iter()
        .map(|s| text::width(s))
        .chain([14, text::width(&t!("table-status"))])
        .max()
        .unwrap_or(14);
    let mut out = format!(
        "{}  {}  {}",
        pad_left(&t!("table-rank"), 4),
        pad_right(
            &truncate(&t!("table-region"), name_width, ELLIPSIS),
            name_width
        ),
        pad_left(&t!("table-total"), 7)
    );
    for id in &categories {
        out.push_str(&format!("  {}", pad_left(&truncate(id, 6, ELLIPSIS), 6)));
    }
    out.push_str(&format!(
        "  {}  {}\n",
        pad_right(&t!("table-status"), status_width),
        t!("table-flags")
    ));
    for (region, status) in results.regions.iter().zip(&statuses) {
        out.push_str(&row(region, name_width, status, status_width));
    }
    out
}

fn row(region: &RegionResult, name_width: usize, status: &str, status_width: usize) -> String {
    let mut line = format!(
        "{:>4}  {}  {:>7}",
        region.rank,
        pad_right(&truncate(&region.name, name_width, ELLIPSIS), name_width),
        points(region.total)
    );
    for subtotal in &region.subtotals {
        line.push_str(&format!("  {:>6}", points(subtotal.points)));
    }
    line.push_str(&format!(
        "  {}  {}",
        pad_right(status, status_width),
        words::flags(&region.flags).join(";")
    ));
    line.truncate(line.trim_end().len());
    line.push('\n');
    line
}
