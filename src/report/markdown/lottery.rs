//! report.md's grey zones (the regions that could land on either side of
//! each line, from the analysis's resampling) and the committee's lottery,
//! step by step, so that anyone can check the draw by hand.

use std::collections::HashMap;
use std::fmt::{self, Write};

use super::writer::{Report, list, list_or_none};
use crate::analysis::{Analysis, RegionCheck};
use crate::lottery::{GreyZone, Lot, Skip, grey_zones};
use crate::merge::{RegionResult, Results};
use crate::report::lines;
use crate::report::words::{self, Form, escape};
use crate::t;

impl Report<'_> {
    /// The grey zone of every line that has one, when the analysis ran:
    /// nothing when none has (the analysis's section already says how
    /// often the selection held), so that a review where nothing is in
    /// doubt reads as it did before grey zones were reported.
    pub(super) fn grey_zones(&mut self, analysis: &Analysis) -> fmt::Result {
        let zones = grey_zones(self.results, analysis);
        if zones.is_empty() {
            return Ok(());
        }
        writeln!(self, "## {}\n", t!("report-grey-title"))?;
        writeln!(self, "{}\n", t!("report-grey-intro"))?;
        let regions = by_id(self.results);
        let checks: HashMap<&str, &RegionCheck> = analysis
            .regions
            .iter()
            .map(|c| (c.region.as_str(), c))
            .collect();
        for zone in &zones {
            let line = self.zone_line(zone, &regions, &checks);
            writeln!(self, "- {line}")?;
        }
        writeln!(self)
    }

    /// One line's zone in a sentence: the line, then its regions.
    fn zone_line(
        &self,
        zone: &GreyZone,
        regions: &HashMap<&str, &RegionResult>,
        checks: &HashMap<&str, &RegionCheck>,
    ) -> String {
        let count = zone.regions.len();
        let named = self.bounded(zone.regions.iter().collect(), |id| {
            let name = regions.get(id.as_str()).map_or(id.as_str(), |r| &r.name);
            match checks.get(id.as_str()) {
                Some(check) => match check.expected_rank {
                    Some(mean) => t!(
                        "report-grey-region",
                        name = escape(name),
                        mean = format!("{mean:.1}"),
                        low = check.rank_low,
                        high = check.rank_high
                    ),
                    None => t!(
                        "report-grey-region-settled",
                        name = escape(name),
                        low = check.rank_low,
                        high = check.rank_high
                    ),
                },
                None => escape(name),
            }
        });
        t!(
            "report-grey-line",
            line = lines::label(self.results, zone.line),
            inside = zone.inside,
            count = count,
            regions = list(&named)
        )
    }

    /// The committee's lottery, every step of it.
    pub(super) fn lottery(&mut self, lot: &Lot) -> fmt::Result {
        writeln!(self, "## {}\n", t!("report-lottery-title"))?;
        let line = lines::label(self.results, lot.line);
        writeln!(
            self,
            "{}\n",
            t!(
                "report-lottery-intro",
                seed = lot.seed.to_string(),
                line = line.as_str(),
                inside = lot.inside
            )
        )?;
        let regions = by_id(self.results);
        let name = |id: &str| escape(regions.get(id).map_or(id, |r| r.name.as_str()));
        let zone: Vec<String> = lot
            .zone
            .iter()
            .map(|id| t!("report-lottery-region", name = name(id), id = id.as_str()))
            .collect();
        let positions: Vec<String> = lot.positions.iter().map(u32::to_string).collect();
        if let Some(skip) = lot.skipped {
            let why = match skip {
                Skip::NoLine => t!("report-lottery-no-line"),
                Skip::Fewer => t!("report-lottery-fewer", regions = list_or_none(&zone)),
                Skip::OneSide => t!(
                    "report-lottery-one-side",
                    regions = list(&zone),
                    positions = list(&positions)
                ),
            };
            return writeln!(self, "{why}\n");
        }
        writeln!(
            self,
            "{}\n",
            t!(
                "report-lottery-zone",
                count = lot.zone.len(),
                regions = list(&zone),
                positions = list(&positions)
            )
        )?;
        for (k, step) in lot.steps.iter().enumerate() {
            let status = regions
                .get(step.region.as_str())
                .map_or_else(String::new, |r| words::status(r.status, Form::Table, None));
            writeln!(
                self,
                "{}. {}",
                k + 1,
                t!(
                    "report-lottery-step",
                    left = step.left,
                    number = step.number.to_string(),
                    index = step.index,
                    name = name(&step.region),
                    id = step.region.as_str(),
                    position = step.position,
                    status = status
                )
            )?;
        }
        writeln!(self, "\n{}\n", t!("report-lottery-after"))
    }
}

/// The results' regions by id.
fn by_id(results: &Results) -> HashMap<&str, &RegionResult> {
    results
        .regions
        .iter()
        .map(|r| (r.region.as_str(), r))
        .collect()
}
