//! report.md's flags: every criterion left without marks and every
//! disagreement, with its marks.

use std::fmt::{self, Write};

use super::writer::{Report, list};
use crate::merge::{CriterionResult, RegionResult};
use crate::model::format_points;
use crate::report::words::{escape, points};
use crate::t;

impl Report<'_> {
    pub(super) fn flags(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-flags"))?;
        let mut any = self.thresholds()?;
        if self.summary.is_some() {
            let flagged = self.flagged(any)?;
            if !(any || flagged) {
                writeln!(self, "{}", t!("report-no-flags"))?;
            }
            return writeln!(self);
        }
        for region in &results.regions {
            // Screened out, its marks were not due: the criteria it lacks
            // are no one's omission (its flag says `incomplete` still).
            let due = region.status != crate::merge::Status::Ineligible;
            for criterion in &region.criteria {
                if criterion.aggregate.is_none() && due {
                    any = true;
                    self.incomplete(region, criterion)?;
                }
                if criterion.disagreement {
                    any = true;
                    self.disagreement(region, criterion)?;
                }
            }
        }
        if !any {
            writeln!(self, "{}", t!("report-no-flags"))?;
        }
        writeln!(self)
    }

    pub(super) fn incomplete(
        &mut self,
        region: &RegionResult,
        criterion: &CriterionResult,
    ) -> fmt::Result {
        let panels: Vec<String> = self
            .review
            .panels
            .iter()
            .filter(|p| p.covers_region(&region.region) && p.covers_criterion(&criterion.criterion))
            .map(|p| format!("`{}`", p.id))
            .collect();
        let region_name = escape(&region.name);
        let id = escape(&criterion.criterion);
        let title = escape(self.criterion_title(&criterion.criterion));
        let sentence = if panels.is_empty() {
            t!(
                "report-incomplete-no-panel",
                region = region_name,
                criterion = id,
                title = title
            )
        } else {
            t!(
                "report-incomplete",
                region = region_name,
                criterion = id,
                title = title,
                panels = list(&panels)
            )
        };
        writeln!(self, "- {sentence}")
    }

    pub(super) fn disagreement(
        &mut self,
        region: &RegionResult,
        criterion: &CriterionResult,
    ) -> fmt::Result {
        let (Some(lo), Some(hi)) = (criterion.min, criterion.max) else {
            return Ok(());
        };
        let max = self
            .review
            .criterion(&criterion.criterion)
            .map_or(0.0, |c| c.max);
        let mut marks: Vec<_> = criterion.scores.iter().collect();
        marks.sort_by(|a, b| {
            a.points
                .total_cmp(&b.points)
                .then(a.reviewer.cmp(&b.reviewer))
        });
        let marks: Vec<String> = marks
            .iter()
            .map(|s| {
                t!(
                    "report-mark",
                    reviewer = escape(&s.reviewer),
                    points = format_points(s.points)
                )
            })
            .collect();
        writeln!(
            self,
            "- {}",
            t!(
                "report-disagreement",
                region = escape(&region.name),
                criterion = escape(&criterion.criterion),
                title = escape(self.criterion_title(&criterion.criterion)),
                low = points(lo),
                high = points(hi),
                spread = points(hi - lo),
                limit = points(self.results.rules.disagreement_limit(max)),
                ratio = self.results.rules.disagreement,
                max = points(max),
                marks = list(&marks)
            )
        )
    }
}
