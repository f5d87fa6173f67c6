//! Committee results as files and text: `results.csv`, `report.md`,
//! `results.svg`, and the table `merge` prints. Pure: data in, strings out.

mod chart;
mod markdown;
pub mod solidity;

pub use chart::{cutoff, svg};
pub use markdown::{InputFile, markdown};

use crate::merge::{RegionResult, Results};

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

/// The ranking as a plain-text table for the terminal.
pub fn table(results: &Results) -> String {
    let categories = category_ids(results);
    let name_width = results
        .regions
        .iter()
        .map(|r| display_width(&r.name))
        .max()
        .unwrap_or(0)
        .clamp(6, 32);
    let mut out = String::new();
    out.push_str(&format!(
        "{:>4}  {:<name_width$}  {:>7}",
        "rank", "region", "total"
    ));
    for id in &categories {
        out.push_str(&format!("  {:>6}", truncate(id, 6)));
    }
    out.push_str("  status          flags\n");
    for region in &results.regions {
        out.push_str(&row(region, name_width));
    }
    out
}

fn row(region: &RegionResult, name_width: usize) -> String {
    let name = truncate(&region.name, name_width);
    let pad = name_width.saturating_sub(display_width(&name));
    let mut line = format!(
        "{:>4}  {name}{}  {:>7}",
        region.rank,
        " ".repeat(pad),
        points(region.total)
    );
    for subtotal in &region.subtotals {
        line.push_str(&format!("  {:>6}", points(subtotal.points)));
    }
    line.push_str(&format!(
        "  {:<14}  {}",
        region.status.as_str(),
        region.flags.join(";")
    ));
    line.truncate(line.trim_end().len());
    line.push('\n');
    line
}

/// Terminal columns taken by `text` (East Asian wide characters take two).
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` cut to at most `width` columns, never inside a character, with `…`
/// when cut.
pub fn truncate(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}
