//! report.md's consensus section, under `Committee(use_consensus: true)`:
//! each (region, criterion) where a panel's consensus mark counts, beside
//! the members' aggregate, and the regions still without one.

use std::fmt::{self, Write};

use super::writer::Report;
use crate::report::words::{escape, points};
use crate::t;

impl Report<'_> {
    pub(super) fn consensus(&mut self) -> fmt::Result {
        if !self.review.committee.use_consensus {
            return Ok(());
        }
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-consensus"))?;
        writeln!(self, "{}\n", t!("report-consensus-rule"))?;
        let mut rows = Vec::new();
        let mut missing = Vec::new();
        for region in &results.regions {
            let mut without = 0usize;
            for criterion in &region.criteria {
                if criterion.no_consensus {
                    without += 1;
                }
                let Some(agreed) = criterion.consensus else {
                    continue;
                };
                let members = criterion.members.map_or_else(|| "-".to_string(), points);
                let counts = criterion.aggregate.map_or_else(|| "-".to_string(), points);
                rows.push(format!(
                    "| {} | {} {} | {members} | {} | {counts} |",
                    escape(&region.name),
                    escape(&criterion.criterion),
                    escape(self.criterion_title(&criterion.criterion)),
                    points(agreed),
                ));
            }
            if without > 0 {
                missing.push(t!(
                    "report-consensus-missing",
                    region = escape(&region.name),
                    count = without
                ));
            }
        }
        if rows.is_empty() {
            writeln!(self, "{}\n", t!("report-consensus-none"))?;
        } else {
            writeln!(
                self,
                "| {} | {} | {} | {} | {} |",
                t!("report-consensus-col-region"),
                t!("report-consensus-col-criterion"),
                t!("report-consensus-col-members"),
                t!("report-consensus-col-consensus"),
                t!("report-consensus-col-counts")
            )?;
            writeln!(self, "|---|---|---:|---:|---:|")?;
            let more = self.cut_rows(&mut rows);
            for row in rows {
                writeln!(self, "{row}")?;
            }
            self.rows_left_out(more)?;
            writeln!(self)?;
        }
        self.items(missing)?;
        writeln!(self)
    }
}
