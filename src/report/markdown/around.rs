//! The parts of report.md's summary form (see [`super::summary`]): the
//! note under the heading, the regions around each line in place of the
//! ranking, and every region flagged for the committee's attention.

use std::fmt::{self, Write};

use super::summary::{AROUND, FULL_REPORT_UP_TO};
use super::writer::Report;
use crate::report::lines;
use crate::report::words::{FlagWords, escape};
use crate::t;

/// Flags that ask the committee to look at a region: marks missing, a
/// disagreement, no consensus. The others (below a minimum, ineligible,
/// unfunded) are where the rules put it.
fn to_look_at(flag: &str) -> bool {
    flag == "incomplete" || flag.starts_with("disagreement:") || flag.starts_with("no-consensus:")
}

impl Report<'_> {
    /// The note under the heading: what the summary holds and where the rest is.
    pub(super) fn summary_note(&mut self) -> fmt::Result {
        if self.summary.is_none() {
            return Ok(());
        }
        writeln!(
            self,
            "> {}\n",
            t!(
                "report-summary-note",
                regions = self.results.regions.len(),
                limit = FULL_REPORT_UP_TO,
                around = AROUND
            )
        )
    }

    /// In place of the ranking: the regions around each line.
    pub(super) fn around_lines(&mut self) -> fmt::Result {
        let Some(summary) = self.summary else {
            return Ok(());
        };
        writeln!(self, "## {}\n", t!("report-around-lines"))?;
        if summary.places.is_empty() {
            writeln!(self, "{}\n", t!("report-no-lines"))?;
        }
        let mut flags = FlagWords::default();
        for place in &summary.places {
            let at = &place.at;
            let labels: Vec<String> = place.labels.iter().map(|l| escape(l)).collect();
            writeln!(
                self,
                "### {}\n",
                t!("report-around-line", line = labels.join(" / "))
            )?;
            self.ranking_head()?;
            for i in lines::around(self.results, *at, AROUND) {
                if i == *at {
                    let columns = 7
                        + self.review.categories.len()
                        + usize::from(!self.results.rules.tiers.is_empty())
                        + usize::from(self.results.budget.is_some());
                    writeln!(
                        self,
                        "| | **{}** |{}",
                        labels.join(" / "),
                        " |".repeat(columns - 2)
                    )?;
                }
                self.ranking_row(i, &mut flags)?;
            }
            writeln!(self)?;
        }
        writeln!(self, "{}\n", t!("report-gaps"))?;
        self.categories()
    }

    /// Every region flagged for the committee's attention, one line each
    /// with its flags in words; the full report says each with its marks.
    /// `after` says whether a list comes before it in the section.
    pub(super) fn flagged(&mut self, after: bool) -> Result<bool, fmt::Error> {
        let mut flags = FlagWords::default();
        let mut any = false;
        for region in &self.results.regions {
            // Screened out, its marks were not due (as in the full report).
            if region.status == crate::merge::Status::Ineligible
                || !region.flags.iter().any(|f| to_look_at(f))
            {
                continue;
            }
            if !any {
                let gap = if after { "\n" } else { "" };
                writeln!(self, "{gap}{}\n", t!("report-flagged-intro"))?;
                any = true;
            }
            let own: Vec<String> = region
                .flags
                .iter()
                .filter(|f| to_look_at(f))
                .cloned()
                .collect();
            writeln!(
                self,
                "- {}",
                t!(
                    "report-flagged-region",
                    rank = crate::report::words::rank(region),
                    name = escape(&region.name),
                    flags = escape(&flags.of(&own).join("; "))
                )
            )?;
        }
        Ok(any)
    }
}
