//! report.md's marks revised after discussion (*Discussion and consensus*):
//! every counting mark changed after its reviewer's sheet was first
//! submitted, with its preliminary and its final points.

use std::fmt::{self, Write};

use super::writer::Report;
use crate::model::format_points;
use crate::report::words::escape;
use crate::t;

impl Report<'_> {
    /// The section, only when some counting mark was revised.
    pub(super) fn revised(&mut self) -> fmt::Result {
        let results = self.results;
        let mut rows: Vec<[String; 6]> = results
            .regions
            .iter()
            .flat_map(|region| {
                region.criteria.iter().flat_map(move |criterion| {
                    criterion.scores.iter().filter_map(move |score| {
                        let first = score.preliminary?;
                        Some((region, criterion, score, first))
                    })
                })
            })
            .map(|(region, criterion, score, first)| {
                let change = score.points - first;
                [
                    escape(&region.name),
                    escape(&criterion.criterion),
                    escape(&self.reviewer_name(&score.reviewer)),
                    format_points(first),
                    format_points(score.points),
                    format!(
                        "{}{}",
                        if change > 0.0 { "+" } else { "-" },
                        format_points(change.abs())
                    ),
                ]
            })
            .collect();
        if rows.is_empty() {
            return Ok(());
        }
        writeln!(self, "## {}\n", t!("report-revised"))?;
        writeln!(self, "{}\n", t!("report-revised-intro", count = rows.len()))?;
        writeln!(
            self,
            "| {} | {} | {} | {} | {} | {} |",
            t!("col-region"),
            t!("report-col-criterion"),
            t!("report-col-reviewer"),
            t!("report-col-preliminary"),
            t!("report-col-final"),
            t!("report-col-change")
        )?;
        writeln!(self, "|---|---|---|---:|---:|---:|")?;
        let more = self.cut_rows(&mut rows);
        for row in &rows {
            writeln!(self, "| {} |", row.join(" | "))?;
        }
        self.rows_left_out(more)?;
        writeln!(self)
    }
}
