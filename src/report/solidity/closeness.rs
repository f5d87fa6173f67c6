//! report.md's section on how solid the selection is: how close the cutoff
//! is, and the smallest change of marks that would move it.

use std::fmt::{self, Write};

use super::section::Section;
use super::sentences::{boundary_line, cut, swap_summary};
use crate::analysis::Swap;
use crate::merge::{RegionResult, Status};
use crate::model::{Aggregate, format_points};
use crate::report::words::{escape, list, points};
use crate::t;

/// At most this many changed marks are listed for a swap.
const CHANGES_LISTED: usize = 12;

impl Section<'_> {
    pub(super) fn closeness(&mut self) -> fmt::Result {
        writeln!(self, "### {}\n", t!("solid-cutoff-title"))?;
        let Some(cutoff) = &self.analysis.cutoff else {
            let tied = self
                .results
                .regions
                .iter()
                .any(|r| r.status == Status::Tied);
            let key = if tied {
                "solid-cutoff-in-tie"
            } else {
                "solid-cutoff-none"
            };
            return writeln!(self, "{}\n", t!(key));
        };
        let region = |id: &str| self.results.regions.iter().find(|r| r.region == id);
        let (Some(last), Some(next)) = (region(&cutoff.last_in), region(&cutoff.first_out)) else {
            return Ok(());
        };
        let (last_name, next_name) = (escape(&last.name), escape(&next.name));
        let sentence = match &cutoff.decided_by {
            Some(category) => t!(
                "solid-cutoff-tie-break",
                last = &last_name,
                last_rank = last.rank,
                next = &next_name,
                next_rank = next.rank,
                total = points(last.total),
                category = escape(category)
            ),
            None => t!(
                "solid-cutoff-ahead",
                last = &last_name,
                last_rank = last.rank,
                last_total = points(last.total),
                next = &next_name,
                next_rank = next.rank,
                next_total = points(next.total),
                margin = points(cutoff.margin)
            ),
        };
        writeln!(self, "{sentence}")?;
        writeln!(self, "{}", self.per_mark(last, next))?;
        writeln!(self)?;
        let Some(smallest) = &cutoff.smallest else {
            return writeln!(
                self,
                "{}\n",
                t!("solid-no-swap", next = &next_name, last = &last_name)
            );
        };
        let key = if cutoff.exact {
            "solid-smallest-exact"
        } else {
            "solid-smallest-found"
        };
        writeln!(
            self,
            "{}\n",
            t!(
                key,
                next = &next_name,
                last = &last_name,
                swap = swap_summary(smallest)
            )
        )?;
        self.changes(smallest)?;
        if let Some(fewest) = &cutoff.fewest_reviewers {
            let who: Vec<String> = fewest
                .reviewers
                .iter()
                .map(|id| self.reviewer(id))
                .collect();
            let (count, who) = (fewest.reviewers.len(), list(&cut(&who)));
            if fewest == smallest {
                writeln!(
                    self,
                    "{}\n",
                    t!("solid-fewest-same", count = count, reviewers = who)
                )?;
            } else {
                writeln!(
                    self,
                    "{}\n",
                    t!(
                        "solid-fewest",
                        count = count,
                        reviewers = who,
                        swap = swap_summary(fewest)
                    )
                )?;
                self.changes(fewest)?;
            }
        }
        Ok(())
    }

    /// The tier boundaries inside the selection and the funding line: how
    /// far apart the regions either side are, and the smallest change of
    /// marks that would swap them.
    pub(super) fn boundaries(&mut self) -> fmt::Result {
        let analysis = self.analysis;
        if analysis.boundaries.is_empty() {
            return Ok(());
        }
        writeln!(self, "### {}\n", t!("solid-boundaries-title"))?;
        for boundary in &analysis.boundaries {
            let line = boundary_line(analysis, boundary, |id| self.name(id));
            writeln!(self, "- {line}")?;
        }
        writeln!(self)
    }

    /// How a changed mark moves a total, for the two regions at the cutoff.
    fn per_mark(&self, last: &RegionResult, next: &RegionResult) -> String {
        let counts: Vec<u32> = [last, next]
            .iter()
            .flat_map(|r| r.criteria.iter().map(|c| c.marks))
            .filter(|&n| n > 0)
            .collect();
        let (lo, hi) = (
            counts.iter().copied().min().unwrap_or(0),
            counts.iter().copied().max().unwrap_or(0),
        );
        let range = if lo == hi {
            lo.to_string()
        } else {
            t!("count-range", low = lo, high = hi)
        };
        match self.analysis.aggregate {
            Aggregate::Mean => {
                let margin = self.analysis.cutoff.as_ref().map_or(0.0, |c| c.margin);
                if margin <= 0.0 {
                    return t!("solid-per-mark-mean-level", range = range);
                }
                t!(
                    "solid-per-mark-mean",
                    range = range,
                    margin = points(margin),
                    low = points(margin * f64::from(lo)),
                    high = points(margin * f64::from(hi))
                )
            }
            Aggregate::Median => t!("solid-per-mark-median", range = range),
            Aggregate::TrimmedMean => t!("solid-per-mark-trimmed", range = range),
        }
    }

    fn changes(&mut self, swap: &Swap) -> fmt::Result {
        writeln!(
            self,
            "| {} | {} | {} | {} | {} |",
            t!("solid-col-reviewer"),
            t!("col-region"),
            t!("solid-col-criterion"),
            t!("solid-col-mark"),
            t!("solid-col-changed-to")
        )?;
        writeln!(self, "|---|---|---|---:|---:|")?;
        for change in swap.changes.iter().take(CHANGES_LISTED) {
            writeln!(
                self,
                "| {} | {} | {} | {} | {} |",
                escape(&change.reviewer),
                self.name(&change.region),
                escape(&change.criterion),
                format_points(change.from),
                format_points(change.to)
            )?;
        }
        if swap.changes.len() > CHANGES_LISTED {
            writeln!(
                self,
                "| {} | | | | |",
                t!(
                    "solid-changes-more",
                    count = swap.changes.len() - CHANGES_LISTED
                )
            )?;
        }
        writeln!(self)
    }
}
