//! report.md for a review too large to read in full: past
//! [`FULL_REPORT_UP_TO`] regions, the ranking gives way to the regions
//! around each line the rules draw (the cutoff or each tier's end, the
//! funding line, the minimum total), every region flagged for the
//! committee's attention is named once in a line, and every other list of
//! regions is cut to [`LISTED`] with how many more there are. results.csv
//! lists every region; `merge --full-report` writes the whole report.

use std::collections::HashSet;

use crate::analysis::{Analysis, Verdict};
use crate::merge::Results;
use crate::report::lines;

/// Up to this many regions report.md is the full report, a row for every
/// region; beyond, the summary. A committee reads a few hundred rows; at
/// ten thousand it reads none.
pub const FULL_REPORT_UP_TO: usize = 300;

/// Regions shown either side of each line in the summary.
pub const AROUND: usize = 10;

/// Regions named in a list of running text in the summary (the selected,
/// the screened out, ...), before "and N more".
pub const LISTED: usize = 20;

/// Whether report.md for these results is the summary.
pub fn is_summary(results: &Results) -> bool {
    results.regions.len() > FULL_REPORT_UP_TO
}

/// What the summary shows: the lines, each with the regions around it.
pub(super) struct Summary {
    /// Where each line falls, with its labels, in rank order.
    pub(super) places: Vec<lines::Place>,
    /// The ids of the regions shown around some line.
    near: HashSet<String>,
}

impl Summary {
    pub(super) fn of(results: &Results) -> Summary {
        let places = lines::places(results);
        let near = lines::near(results, &places, AROUND)
            .into_iter()
            .filter_map(|i| results.regions.get(i))
            .map(|r| r.region.clone())
            .collect();
        Summary { places, near }
    }

    /// Whether the region with this id is shown around some line.
    pub(super) fn near(&self, region: &str) -> bool {
        self.near.contains(region)
    }

    /// The regions the analysis's table shows in the summary: those around
    /// a line and every fragile one.
    pub(super) fn analysed<'a>(&'a self, analysis: &'a Analysis) -> HashSet<&'a str> {
        analysis
            .regions
            .iter()
            .filter(|r| r.verdict == Verdict::Fragile || self.near(&r.region))
            .map(|r| r.region.as_str())
            .chain(self.near.iter().map(String::as_str))
            .collect()
    }
}
