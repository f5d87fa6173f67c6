//! One bootstrap round's draw of reviewers, and the marks it counts.

use std::collections::BTreeMap;

use super::marks::{Entry, Marks};
use crate::rng::SplitMix64;

/// A panel's draw that leaves one of its cells without marks is drawn
/// again, up to this many times (then it counts as drawn).
const REDRAWS: u32 = 100;

/// The marks of a cell as a round counts them: each as often as its
/// reviewer was drawn.
pub(crate) fn fill(entries: &[Entry], weights: &[u32], buffer: &mut Vec<f64>) {
    for entry in entries {
        for _ in 0..weights[entry.unit] {
            buffer.push(entry.points);
        }
    }
}

/// What a round draws from: each panel's (panel, reviewer) units, and the
/// cells only that panel marks, which a draw must not leave without marks.
pub(crate) struct Panels {
    units: Vec<Vec<usize>>,
    /// Per panel: for each cell only its units mark, those units (each set
    /// once).
    own_cells: Vec<Vec<Vec<usize>>>,
    /// For each cell that several panels mark, their units (each set
    /// once): no panel's
    /// draw is made again for it, but a round that leaves it without marks
    /// is not complete.
    shared_cells: Vec<Vec<usize>>,
}

impl Panels {
    pub(crate) fn new(marks: &Marks) -> Panels {
        let mut by_panel: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
        for (k, unit) in marks.units.iter().enumerate() {
            by_panel.entry(unit.panel).or_default().push(k);
        }
        let mut panel_of_unit = vec![0; marks.units.len()];
        let units: Vec<Vec<usize>> = by_panel.into_values().collect();
        for (p, members) in units.iter().enumerate() {
            for &u in members {
                panel_of_unit[u] = p;
            }
        }
        let mut own_cells = vec![Vec::new(); units.len()];
        let mut shared_cells = Vec::new();
        for cell in &marks.cells {
            let Some(first) = cell.first() else {
                continue;
            };
            let p = panel_of_unit[first.unit];
            let units: Vec<usize> = cell.iter().map(|e| e.unit).collect();
            if cell.iter().all(|e| panel_of_unit[e.unit] == p) {
                own_cells[p].push(units);
            } else {
                shared_cells.push(units);
            }
        }
        // A draw asks each set of units once, however many cells it marked.
        for cells in own_cells.iter_mut().chain([&mut shared_cells]) {
            for units in cells.iter_mut() {
                units.sort_unstable();
                units.dedup();
            }
            cells.sort_unstable();
            cells.dedup();
        }
        Panels {
            units,
            own_cells,
            shared_cells,
        }
    }

    /// One round's draw: how many times each (panel, reviewer) counts, and
    /// whether every cell kept a mark. Each panel draws as many of its units
    /// as it has, with replacement; a draw that leaves one of its cells
    /// without any mark is drawn again, up to [`REDRAWS`] times. (A cell
    /// several panels mark may still be left without marks.)
    pub(crate) fn draw(&self, n_units: usize, seed: u64) -> (Vec<u32>, bool) {
        let mut rng = SplitMix64::new(seed);
        let mut weights = vec![0u32; n_units];
        let mut complete = true;
        for (units, cells) in self.units.iter().zip(&self.own_cells) {
            let mut kept = false;
            for _ in 0..=REDRAWS {
                for &u in units {
                    weights[u] = 0;
                }
                for _ in 0..units.len() {
                    weights[units[rng.below(units.len())]] += 1;
                }
                kept = cells
                    .iter()
                    .all(|cell| cell.iter().any(|&u| weights[u] > 0));
                if kept {
                    break;
                }
            }
            complete &= kept;
        }
        complete &= self
            .shared_cells
            .iter()
            .all(|cell| cell.iter().any(|&u| weights[u] > 0));
        (weights, complete)
    }
}
