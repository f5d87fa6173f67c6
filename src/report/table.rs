//! The ranking `merge` prints on the terminal.

use super::lines;
use super::markdown::{AROUND, is_summary};
use super::words::{self, FlagWords, Form, points};
use crate::merge::{RegionResult, Results};
use crate::t;
use crate::text::{self, ELLIPSIS, pad_left, pad_right, truncate};

/// The width of the allocation column: `850M`, `8.5億`.
const ALLOCATION: usize = 10;

/// The ranking as a plain-text table for the terminal, its columns aligned
/// in terminal columns (a Japanese name or heading takes two per character).
/// Past [`FULL_REPORT_UP_TO`](super::FULL_REPORT_UP_TO) regions, as report.md, only the regions
/// around each line the rules draw, each gap between them counted, and a
/// last line that says so: results.csv lists every region.
pub fn table(results: &Results) -> String {
    let categories = &results.categories;
    let rows = shown(results);
    let name_width = rows
        .iter()
        .filter_map(|&i| results.regions.get(i))
        .map(|r| text::width(&r.name))
        .chain([text::width(&t!("table-region"))])
        .max()
        .unwrap_or(0)
        .clamp(6, 32);
    let statuses: Vec<String> = rows
        .iter()
        .filter_map(|&i| results.regions.get(i))
        .map(|r| {
            let word = words::status(r.status, Form::Table, None);
            let title = r.tier.as_deref().map(|id| {
                results
                    .rules
                    .tiers
                    .iter()
                    .find(|t| t.id == id)
                    .map_or(id, |t| t.title.as_str())
            });
            match title {
                Some(title) => format!("{word} ({title})"),
                None => word,
            }
        })
        .collect();
    let budget = results.budget.is_some();
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
    for id in categories {
        out.push_str(&format!("  {}", pad_left(&truncate(id, 6, ELLIPSIS), 6)));
    }
    if budget {
        out.push_str(&format!(
            "  {}",
            pad_left(&t!("table-allocation"), ALLOCATION)
        ));
    }
    out.push_str(&format!(
        "  {}  {}\n",
        pad_right(&t!("table-status"), status_width),
        t!("table-flags")
    ));
    let mut flags = FlagWords::default();
    let mut next = 0;
    for (&i, status) in rows.iter().zip(&statuses) {
        let Some(region) = results.regions.get(i) else {
            continue;
        };
        out.push_str(&gap(i - next));
        next = i + 1;
        let flags = flags.of(&region.flags).join(";");
        out.push_str(&row(
            region,
            categories,
            name_width,
            status,
            status_width,
            &flags,
        ));
    }
    out.push_str(&gap(results.regions.len().saturating_sub(next)));
    if rows.len() < results.regions.len() {
        out.push_str(&t!(
            "table-summary-note",
            shown = rows.len(),
            regions = results.regions.len(),
            around = AROUND
        ));
        out.push('\n');
    }
    out
}

/// The regions the table shows, by index in rank order: every one up to
/// [`FULL_REPORT_UP_TO`](super::FULL_REPORT_UP_TO), beyond it those around a line.
fn shown(results: &Results) -> Vec<usize> {
    if is_summary(results) {
        lines::near(results, &lines::places(results), AROUND)
            .into_iter()
            .collect()
    } else {
        (0..results.regions.len()).collect()
    }
}

/// The line standing for `count` regions left out, or nothing for none.
fn gap(count: usize) -> String {
    if count == 0 {
        return String::new();
    }
    format!("{:>4}  {}\n", ELLIPSIS, t!("table-left-out", count = count))
}

fn row(
    region: &RegionResult,
    categories: &[String],
    name_width: usize,
    status: &str,
    status_width: usize,
    flags: &str,
) -> String {
    let mut line = format!(
        "{:>4}  {}  {:>7}",
        words::rank(region),
        pad_right(&truncate(&region.name, name_width, ELLIPSIS), name_width),
        points(region.total)
    );
    for id in categories {
        line.push_str(&format!("  {:>6}", points(region.subtotal(id))));
    }
    if let Some(allocated) = region.allocation {
        let shown = if allocated > 0.0 {
            super::money::amount(allocated)
        } else {
            "-".to_string()
        };
        line.push_str(&format!("  {}", pad_left(&shown, ALLOCATION)));
    }
    line.push_str(&format!("  {}  {}", pad_right(status, status_width), flags));
    line.truncate(line.trim_end().len());
    line.push('\n');
    line
}
