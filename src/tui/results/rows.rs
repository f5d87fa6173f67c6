//! What the screens read of the results on screen in rank order, worked
//! out once per results ([`super::order::Order`]) and once per analysis:
//! the ranking's rows and columns, each region's place among those
//! ranked, its check, and the layout of the list of checks.

use super::app::App;
use super::order::ChecksLayout;
use super::ranked::Entry;
use crate::analysis::RegionCheck;
use crate::merge::RegionResult;

impl App {
    /// The layout of the list of checks of the results on screen, made by
    /// `make` the first time after their analysis came.
    pub fn checks_layout(&self, make: impl FnOnce() -> ChecksLayout) -> &ChecksLayout {
        self.checks_layouts[usize::from(self.include_drafts)].get_or_init(make)
    }

    /// The analysis's checks of the region on `row` of the results on
    /// screen, once analysed.
    pub fn check(&self, row: usize) -> Option<&RegionCheck> {
        let at = self.order().checks.get(row).copied().flatten()?;
        self.analysis()?.regions.get(at)
    }

    /// The row of `region` in the results on screen: the selected
    /// region's is known, another's looked for.
    pub fn row_of_result(&self, region: &RegionResult) -> Option<usize> {
        let rows = &self.results().regions;
        (self.result_row(self.cursor.region))
            .filter(|&row| rows.get(row).is_some_and(|r| r.region == region.region))
            .or_else(|| rows.iter().position(|r| r.region == region.region))
    }

    /// The widest region name of the results on screen, in columns.
    pub fn name_width(&self) -> Option<usize> {
        self.order().name_width
    }

    /// The ranking's rows: the regions and the lines between them.
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.order().entries
    }

    /// The ranking's row of `row` of the results on screen.
    pub fn entry_line(&self, row: usize) -> Option<usize> {
        self.order().entry_of.get(row).copied()
    }

    /// The rows of the results on screen that are ranked (every region
    /// not ineligible), in rank order.
    pub fn ranked_rows(&self) -> &[usize] {
        &self.order().ranked
    }

    /// The place of `row` of the results on screen among those ranked.
    pub fn ranked_place(&self, row: usize) -> Option<usize> {
        self.order().ranked_at.get(row).copied().flatten()
    }

    /// The columns of the ranking's statuses and allocations (0 without
    /// a budget).
    pub fn status_width(&self) -> usize {
        self.order().status_width
    }

    /// How many regions the results on screen select.
    pub fn selected_regions(&self) -> usize {
        self.order().selected
    }

    pub fn allocation_width(&self) -> usize {
        self.order().allocation_width
    }
}
