//! One panel's members' marks moved by the same offset: the cells that
//! moves, the regions it touches, and the cells' scores at any offset.
//!
//! A thought experiment about calibration, not a change of marks: the
//! offset is added to every counting mark of the panel's members on the
//! cells the panel covers, without clamping to the criterion's range. A
//! cell held fixed under `use_consensus` ([`Marks::fixed`]) does not move.

use super::marks::Marks;
use crate::model::{Aggregate, Regions};

/// A cell the shift moves: its index, and its counting marks in the order
/// the merge aggregates them, each with whether it moves.
#[derive(Debug, Clone)]
pub(crate) struct MovedCell {
    pub k: usize,
    pub marks: Vec<(f64, bool)>,
}

impl MovedCell {
    /// The share of the cell's marks that move: how far its mean moves per
    /// point of offset.
    pub fn slope(&self) -> f64 {
        let moved = self.marks.iter().filter(|m| m.1).count();
        moved as f64 / self.marks.len().max(1) as f64
    }
}

/// One panel's shift.
#[derive(Debug, Clone)]
pub(crate) struct Shift {
    /// The cells it moves, ascending.
    pub cells: Vec<MovedCell>,
    /// The regions with a moved cell that have a place to lose (eligible
    /// ones), ascending.
    pub regions: Vec<usize>,
    /// Counting marks it moves.
    pub marks: u32,
}

impl Shift {
    /// The shift of panel `panel` (an index into `review.panels`).
    pub fn of_panel(marks: &Marks, panel: usize) -> Shift {
        let review = marks.review;
        let p = &review.panels[panel];
        let mut member = vec![false; marks.reviewers.len()];
        for id in &p.members {
            if let Ok(i) = marks.reviewers.binary_search(id) {
                member[i] = true;
            }
        }
        let criteria: Vec<usize> = review
            .criteria()
            .enumerate()
            .filter(|(_, (_, c))| p.covers_criterion(&c.id))
            .map(|(i, _)| i)
            .collect();
        let mut regions: Vec<usize> = match &p.regions {
            Regions::All => (0..marks.regions()).collect(),
            Regions::Only(ids) => ids.iter().filter_map(|id| marks.region_index(id)).collect(),
            Regions::PerMember(lists) => lists
                .values()
                .flatten()
                .filter_map(|id| marks.region_index(id))
                .collect(),
        };
        regions.sort_unstable();
        regions.dedup();
        let mut cells = Vec::new();
        let mut moved_marks = 0u32;
        for &r in &regions {
            for &c in &criteria {
                let k = marks.cell(r, c);
                if matches!(marks.fixed.get(k), Some(Some(_))) {
                    continue;
                }
                let entries = &marks.cells[k];
                let moved = entries.iter().filter(|e| member[e.reviewer]).count();
                if moved == 0 {
                    continue;
                }
                moved_marks += moved as u32;
                cells.push(MovedCell {
                    k,
                    marks: entries
                        .iter()
                        .map(|e| (e.points, member[e.reviewer]))
                        .collect(),
                });
            }
        }
        let n = marks.n_criteria.max(1);
        let mut touched: Vec<usize> = cells
            .iter()
            .map(|cell| cell.k / n)
            .filter(|&r| !marks.ineligible[r])
            .collect();
        touched.dedup();
        Shift {
            cells,
            regions: touched,
            marks: moved_marks,
        }
    }

    /// Writes each moved cell's score at offset `delta` into `work`, by
    /// rule 3 under `rule` ([`Marks::value`]).
    pub fn apply(
        &self,
        marks: &Marks,
        rule: Aggregate,
        delta: f64,
        work: &mut [Option<f64>],
        buffer: &mut Vec<f64>,
    ) {
        for cell in &self.cells {
            buffer.clear();
            buffer.extend(
                cell.marks
                    .iter()
                    .map(|&(points, moves)| if moves { points + delta } else { points }),
            );
            work[cell.k] = marks.value(rule, cell.k, buffer);
        }
    }

    /// Puts the official scores back into `work`.
    pub fn restore(&self, official: &[Option<f64>], work: &mut [Option<f64>]) {
        for cell in &self.cells {
            work[cell.k] = official[cell.k];
        }
    }

    /// The most moved cells of any one region: how fast a total can move
    /// per point of offset, under any aggregate rule (a mean, a median or
    /// a trimmed mean of marks moved by at most δ moves by at most δ).
    pub fn fastest(&self, n_criteria: usize) -> usize {
        let n = n_criteria.max(1);
        let mut most = 0;
        let mut run = 0;
        let mut last = usize::MAX;
        for cell in &self.cells {
            let r = cell.k / n;
            run = if r == last { run + 1 } else { 1 };
            last = r;
            most = most.max(run);
        }
        most
    }
}
