//! What a reviewer still owes on a panel: pure functions shared by `status`,
//! `submit` and the review TUI.

use crate::model::{Index, Sheet};

/// One (region, criterion) a reviewer's panel asks them to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell<'a> {
    pub region: &'a str,
    pub criterion: &'a str,
}

/// A reviewer's progress on one panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress<'a> {
    /// Cells to score: the panel's regions (in `review.ron` order) except
    /// those the reviewer declared a conflict on, × the panel's criteria (in
    /// rubric order).
    pub due: Vec<Cell<'a>>,
    /// How many of `due` have a mark.
    pub scored: usize,
}

impl<'a> Progress<'a> {
    /// `elsewhere`: regions the reviewer declared a conflict on in their
    /// sheets of other panels (a conflict is the reviewer's, whichever sheet
    /// declares it).
    pub fn of(
        index: &Index<'a>,
        panel: usize,
        reviewer: &str,
        sheet: Option<&Sheet>,
        elsewhere: &[String],
    ) -> Progress<'a> {
        let review = index.review;
        let declared = index
            .reviewer(reviewer)
            .map_or(&[][..], |r| r.conflicts.as_slice());
        let conflicted = |region: &str| {
            declared.iter().any(|r| r == region)
                || elsewhere.iter().any(|r| r == region)
                || sheet.is_some_and(|s| s.has_conflict(region))
        };
        let mut due = Vec::new();
        let mut scored = 0;
        for (r, region) in review.regions.iter().enumerate() {
            if !index.covers_region(panel, r) || conflicted(&region.id) {
                continue;
            }
            for (c, (_, criterion)) in index.criteria().iter().enumerate() {
                if !index.covers_criterion(panel, c) {
                    continue;
                }
                if sheet.is_some_and(|s| s.mark(&region.id, &criterion.id).is_some()) {
                    scored += 1;
                }
                due.push(Cell {
                    region: &region.id,
                    criterion: &criterion.id,
                });
            }
        }
        Progress { due, scored }
    }

    /// The cells still without a mark.
    pub fn missing<'s>(&'s self, sheet: Option<&'s Sheet>) -> impl Iterator<Item = Cell<'a>> + 's {
        self.due
            .iter()
            .copied()
            .filter(move |cell| sheet.is_none_or(|s| s.mark(cell.region, cell.criterion).is_none()))
    }

    pub fn complete(&self) -> bool {
        self.scored == self.due.len()
    }
}
