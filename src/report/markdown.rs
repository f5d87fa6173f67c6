//! `report.md`: the committee report a chair can paste into minutes.

use std::fmt::Write;

use super::points;
use crate::merge::{Results, Status};
use crate::model::Review;

/// An input file of the merge, with its checksum, so that the results can be
/// reproduced from exactly these files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: String,
    pub sha256: String,
}

/// Writes the report. `review` gives titles for ids.
pub fn markdown(results: &Results, review: &Review, inputs: &[InputFile]) -> String {
    let mut out = String::new();
    let _ = write_report(&mut out, results, review, inputs);
    out
}

fn write_report(
    out: &mut String,
    results: &Results,
    review: &Review,
    inputs: &[InputFile],
) -> std::fmt::Result {
    writeln!(out, "# Committee results: {}\n", escape(&results.title))?;
    writeln!(
        out,
        "Review `{}`, rubric fingerprint `{}`, {} regions, {} points in all. Computed by panelist {} from the input files listed at the end.\n",
        results.review,
        results.rubric,
        results.regions.len(),
        points(results.rules.max_total),
        env!("CARGO_PKG_VERSION")
    )?;
    ranking(out, results)?;
    selection(out, results)?;
    flags(out, results, review)?;
    rules(out, results)?;
    if !results.warnings.is_empty() {
        writeln!(out, "## Warnings\n")?;
        for warning in &results.warnings {
            writeln!(out, "- {}", escape(warning))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## Input files\n")?;
    writeln!(out, "| File | SHA-256 |")?;
    writeln!(out, "|---|---|")?;
    for input in inputs {
        writeln!(out, "| `{}` | `{}` |", input.path, input.sha256)?;
    }
    Ok(())
}

fn ranking(out: &mut String, results: &Results) -> std::fmt::Result {
    writeln!(out, "## Ranking\n")?;
    let categories: Vec<&str> = results
        .regions
        .first()
        .map(|r| r.subtotals.iter().map(|s| s.category.as_str()).collect())
        .unwrap_or_default();
    write!(out, "| Rank | Region | Total |")?;
    for id in &categories {
        write!(out, " {} |", escape(id))?;
    }
    writeln!(out, " Status | Marks | Flags |")?;
    write!(out, "|---:|---|---:|")?;
    for _ in &categories {
        write!(out, "---:|")?;
    }
    writeln!(out, "---|---:|---|")?;
    for region in &results.regions {
        write!(
            out,
            "| {} | {} | {} |",
            region.rank,
            escape(&region.name),
            points(region.total)
        )?;
        for subtotal in &region.subtotals {
            write!(out, " {} |", points(subtotal.points))?;
        }
        writeln!(
            out,
            " {} | {} | {} |",
            region.status.as_str(),
            region.marks,
            escape(&region.flags.join("; "))
        )?;
    }
    writeln!(out)
}

fn selection(out: &mut String, results: &Results) -> std::fmt::Result {
    writeln!(out, "## Selection\n")?;
    let names = |status: Status| -> Vec<String> {
        results
            .regions
            .iter()
            .filter(|r| r.status == status)
            .map(|r| format!("{} ({})", escape(&r.name), points(r.total)))
            .collect()
    };
    let selected = names(Status::Selected);
    writeln!(
        out,
        "- **Selected** ({} of {} places): {}",
        selected.len(),
        results.rules.select,
        list_or_none(&selected)
    )?;
    let tied = names(Status::Tied);
    if !tied.is_empty() {
        writeln!(
            out,
            "- **Tied at the cutoff** (the committee decides): {}",
            tied.join(", ")
        )?;
    }
    writeln!(
        out,
        "- Not selected: {}",
        list_or_none(&names(Status::NotSelected))
    )?;
    if let Some(min) = results.rules.min_total {
        writeln!(
            out,
            "- Below the threshold of {} points: {}",
            points(min),
            list_or_none(&names(Status::BelowThreshold))
        )?;
    }
    writeln!(out)
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

fn flags(out: &mut String, results: &Results, review: &Review) -> std::fmt::Result {
    writeln!(out, "## Flags\n")?;
    let mut any = false;
    for region in &results.regions {
        for criterion in &region.criteria {
            let title = review
                .criterion(&criterion.criterion)
                .map(|c| c.title.as_str())
                .unwrap_or("");
            if criterion.aggregate.is_none() {
                any = true;
                writeln!(
                    out,
                    "- {} is **incomplete**: no counting mark for {} \"{}\" (counts as 0).",
                    escape(&region.name),
                    criterion.criterion,
                    escape(title)
                )?;
            }
            if let (true, Some(lo), Some(hi)) =
                (criterion.disagreement, criterion.min, criterion.max)
            {
                any = true;
                let max = review
                    .criterion(&criterion.criterion)
                    .map_or(0.0, |c| c.max);
                writeln!(
                    out,
                    "- {}: **disagreement** on {} \"{}\": marks from {} to {} (spread {} > {} = {} × max {}).",
                    escape(&region.name),
                    criterion.criterion,
                    escape(title),
                    points(lo),
                    points(hi),
                    points(hi - lo),
                    points(results.rules.disagreement * max),
                    results.rules.disagreement,
                    points(max)
                )?;
            }
        }
    }
    if !any {
        writeln!(
            out,
            "No flags: every criterion of every region has marks, and no spread exceeds the disagreement threshold."
        )?;
    }
    writeln!(out)
}

fn rules(out: &mut String, results: &Results) -> std::fmt::Result {
    let rules = &results.rules;
    writeln!(out, "## Rules\n")?;
    writeln!(
        out,
        "- Aggregate of each criterion's marks: {}.",
        rules.aggregate
    )?;
    writeln!(
        out,
        "- Ranking by total; equal totals (within 1e-9) ordered by the subtotals of categories {}; regions still equal share a rank.",
        if rules.tie_break.is_empty() {
            "(none)".to_string()
        } else {
            rules.tie_break.join(", ")
        }
    )?;
    writeln!(out, "- Places: {}.", rules.select)?;
    match rules.min_total {
        Some(min) => writeln!(out, "- Minimum total: {}.", points(min))?,
        None => writeln!(out, "- Minimum total: none.")?,
    }
    writeln!(
        out,
        "- Disagreement flagged when a criterion's marks spread by more than {} × its maximum.",
        rules.disagreement
    )?;
    let drafts = results.sheets.iter().filter(|s| !s.submitted).count();
    writeln!(
        out,
        "- Sheets: {} counted; draft sheets {} ({} found).",
        results.sheets.iter().filter(|s| s.counted).count(),
        if rules.include_drafts {
            "included"
        } else {
            "excluded"
        },
        drafts
    )?;
    for region in results.regions.iter().filter(|r| r.decided_by.is_some()) {
        if let Some(category) = &region.decided_by {
            writeln!(
                out,
                "- {} is ranked below the region above it on equal totals by the subtotal of category {}.",
                escape(&region.name),
                category
            )?;
        }
    }
    writeln!(out)
}

/// Escapes text for a Markdown table cell or list item.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
