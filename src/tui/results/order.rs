//! The results on screen in rank order, worked out once when they come:
//! every frame and key reads them.

use std::collections::HashMap;

use super::data::Data;
use super::ranked::{self, Entry};
use crate::analysis::Analysis;
use crate::lottery::GreyZone;
use crate::merge::{Results, Status};
use crate::model::Index;
use crate::report::ResultsFile;
use crate::tui::theme::Theme;

/// One set of results in rank order, by review index, and the ranking's
/// rows and columns: worked out once when the results come, so that a
/// frame of 10,000 regions does not look each one up by its id, nor lay
/// out the list or measure its columns again.
#[derive(Debug, Default)]
pub(super) struct Order {
    /// Review indexes of the regions in rank order.
    pub(super) regions: Vec<usize>,
    /// Per review index: the region's place in `regions` and its row in
    /// the results, if it has them.
    pub(super) rows: Vec<Option<(usize, usize)>>,
    /// The widest region name, in columns (`None` without regions).
    pub(super) name_width: Option<usize>,
    /// The ranking's rows ([`ranked::entries`]).
    pub(super) entries: Vec<Entry>,
    /// Per row of the results: its row in `entries`.
    pub(super) entry_of: Vec<usize>,
    /// The rows of the results that are ranked (every region not
    /// ineligible), in rank order.
    pub(super) ranked: Vec<usize>,
    /// Per row of the results: its place in `ranked`, if it has one.
    pub(super) ranked_at: Vec<Option<usize>>,
    /// The columns of the ranking's statuses and allocations.
    pub(super) status_width: usize,
    pub(super) allocation_width: usize,
    /// The draft sheets ([`Results::drafts`]).
    pub(super) drafts: usize,
    /// The regions selected.
    pub(super) selected: usize,
    /// Per row of the results: the index of its check in their analysis,
    /// once it came.
    pub(super) checks: Vec<Option<usize>>,
    /// The grey zone of every line, from their analysis once it came
    /// (`lottery::grey_zones`: a pass over every region and a sort).
    pub(super) grey_zones: Vec<GreyZone>,
}

/// What the list of every region's checks (`a`) measures once per analysis
/// rather than once a frame, as the screen lays it out: made when the list
/// is first drawn, forgotten when the analysis changes.
#[derive(Debug, Default)]
pub struct ChecksLayout {
    /// Each column's width: its widest cell or heading.
    pub widths: Vec<usize>,
}

impl Order {
    /// The orders of the results with drafts left out, and counted (empty
    /// until those are merged), for `theme`'s terminal.
    pub(super) fn of(data: &Data, theme: &Theme) -> [Order; 2] {
        let index = Index::new(&data.review);
        let of = |file: &ResultsFile| {
            let mut order = Order::new(&index, &file.results, theme);
            order.index_checks(&file.results, file.analysis.as_ref());
            order
        };
        [
            of(&data.submitted),
            (data.with_drafts.as_ref()).map_or_else(Order::default, of),
        ]
    }

    fn new(index: &Index, results: &Results, theme: &Theme) -> Order {
        let n = results.regions.len();
        let entries = ranked::entries(results, theme);
        let mut entry_of = vec![0; n];
        for (line, entry) in entries.iter().enumerate() {
            if let Entry::Region(row) = entry {
                entry_of[*row] = line;
            }
        }
        let ranked: Vec<usize> = (0..n)
            .filter(|&row| results.regions[row].status != Status::Ineligible)
            .collect();
        let mut ranked_at = vec![None; n];
        for (place, &row) in ranked.iter().enumerate() {
            ranked_at[row] = Some(place);
        }
        let mut order = Order {
            regions: Vec::with_capacity(n),
            rows: vec![None; index.review.regions.len()],
            name_width: (results.regions.iter())
                .map(|r| crate::text::width(&r.name))
                .max(),
            entries,
            entry_of,
            ranked,
            ranked_at,
            status_width: ranked::status_width(results),
            allocation_width: ranked::allocation_width(results),
            drafts: results.drafts(),
            selected: (results.regions.iter())
                .filter(|r| r.status.chosen())
                .count(),
            checks: Vec::new(),
            grey_zones: Vec::new(),
        };
        for (row, region) in results.regions.iter().enumerate() {
            if let Some(i) = index.region_index(&region.region) {
                // A region listed twice (it cannot be): the first row.
                order.rows[i].get_or_insert((order.regions.len(), row));
                order.regions.push(i);
            }
        }
        order
    }

    /// Finds each row's check in `analysis` of `results` (none without).
    pub(super) fn index_checks(&mut self, results: &Results, analysis: Option<&Analysis>) {
        let Some(analysis) = analysis else {
            self.checks = Vec::new();
            self.grey_zones = Vec::new();
            return;
        };
        self.grey_zones = crate::lottery::grey_zones(results, analysis);
        let at: HashMap<&str, usize> = (analysis.regions.iter().enumerate())
            .map(|(i, check)| (check.region.as_str(), i))
            .collect();
        self.checks = (results.regions.iter())
            .map(|region| at.get(region.region.as_str()).copied())
            .collect();
    }
}
