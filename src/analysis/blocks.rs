//! What a ranking reads of each region it ranks again, its total,
//! subtotals and criteria's aggregates ([`Scores`]): from cells' scores as
//! they are ([`CellScores`]), or, under the mean, from a round's weights
//! and each reviewer's sums over blocks of cells ([`Blocks`]).
//!
//! Under the mean a round's score of a cell is Σ w·p / Σ w over its marks,
//! each weighed by how often its (panel, reviewer) was drawn. The cells of
//! one region and one category that the very same units marked share the
//! denominator, so their scores add up to Σ w·S / Σ w, S being each unit's
//! sum of marks over those cells: one weighted sum per (block, unit) a
//! round instead of one term per mark and a division per cell. The sums
//! are the same numbers added in another order, so they agree with the
//! cells' to far within `EPSILON`, which is all the ranking tells apart (a
//! test holds them to the straightforward computation).

use super::marks::Marks;

/// A region's scores as the ranking reads them, `m` being its place among
/// the regions ranked.
pub(crate) trait Scores {
    fn total(&self, m: usize) -> f64;
    /// Its subtotal of category `category` (depth first).
    fn subtotal(&self, m: usize, category: usize) -> f64;
    /// Its aggregate of criterion `criterion` (rubric order).
    fn criterion(&self, m: usize, criterion: usize) -> Option<f64>;
}

/// The totals and subtotals of the regions `ranked` from every cell's
/// score, added as the merge adds them (rule 4).
#[derive(Debug, Clone)]
pub(crate) struct Sums {
    categories: usize,
    totals: Vec<f64>,
    subtotals: Vec<f64>,
}

impl Sums {
    pub fn new(marks: &Marks, ranked: &[usize], cells: &[Option<f64>]) -> Sums {
        let categories = marks.parent_of.len();
        let mut sums = Sums {
            categories,
            totals: vec![0.0; ranked.len()],
            subtotals: vec![0.0; ranked.len() * categories],
        };
        for (m, &r) in ranked.iter().enumerate() {
            sums.update(marks, m, r, cells);
        }
        sums
    }

    /// Region `r`'s total and subtotals, `m` its place among those ranked,
    /// again from `cells`.
    pub fn update(&mut self, marks: &Marks, m: usize, r: usize, cells: &[Option<f64>]) {
        self.totals[m] = marks.total(cells, r);
        let out = &mut self.subtotals[m * self.categories..(m + 1) * self.categories];
        out.fill(0.0);
        marks.subtotals(cells, r, out);
    }

    /// The total of the region `m`.
    pub fn total(&self, m: usize) -> f64 {
        self.totals[m]
    }
}

/// The scores of the regions `ranked` from every cell's score: their
/// [`Sums`] and their cells.
pub(crate) struct CellScores<'c> {
    pub sums: &'c Sums,
    pub cells: &'c [Option<f64>],
    pub ranked: &'c [usize],
    pub n_criteria: usize,
}

impl Scores for CellScores<'_> {
    fn total(&self, m: usize) -> f64 {
        self.sums.totals[m]
    }

    fn subtotal(&self, m: usize, category: usize) -> f64 {
        self.sums.subtotals[m * self.sums.categories + category]
    }

    fn criterion(&self, m: usize, criterion: usize) -> Option<f64> {
        self.cells[self.ranked[m] * self.n_criteria + criterion]
    }
}

/// A unit's part in a block while blocks are made: how many of the
/// block's marks per cell are its (one, unless it marked a cell twice), and
/// its sum over the block.
#[derive(Debug, Clone, Copy)]
struct Term {
    unit: usize,
    count: u32,
    sum: f64,
}

/// The unit of a block's only term that holds the fixed cells' sum.
const FIXED: u32 = u32::MAX;
/// Set in a block's category when its units (and their counts) are those
/// of the block before it, in the same region: their weight is not added
/// again.
const SAME_UNITS: u32 = 1 << 31;

/// Under the mean: the regions `ranked`, each as blocks of cells (those of
/// one category that the same units marked), with each unit's sum of marks
/// over the block (a region's blocks of the same units one after the
/// other). Laid out for a round to read them once, in order: a
/// block's terms as units and sums side by side, a unit counted twice in
/// its cells as a second term with a sum of 0 (so that it weighs twice),
/// the fixed cells of a category as one term of unit [`FIXED`].
pub(crate) struct Blocks {
    /// Per ranked region `m`: its blocks, `first[m]..first[m + 1]`.
    first: Vec<u32>,
    /// Per block: its category (depth first) and the end of its terms,
    /// which start where the block before ends.
    category: Vec<u32>,
    end: Vec<u32>,
    unit: Vec<u32>,
    sum: Vec<f64>,
    ranked: Vec<usize>,
    n_criteria: usize,
}

impl Blocks {
    /// The blocks of the regions `ranked`, under the mean only.
    pub fn new(marks: &Marks, ranked: &[usize]) -> Option<Blocks> {
        if marks.rule != crate::model::Aggregate::Mean {
            return None;
        }
        let mut blocks = Blocks {
            first: Vec::with_capacity(ranked.len() + 1),
            category: Vec::new(),
            end: Vec::new(),
            unit: Vec::new(),
            sum: Vec::new(),
            ranked: ranked.to_vec(),
            n_criteria: marks.n_criteria,
        };
        for &r in ranked {
            blocks.first.push(index(blocks.category.len()));
            let mut last: Option<Vec<Term>> = None;
            for (category, fixed, terms) in region_blocks(marks, r) {
                let same =
                    fixed.is_none() && last.as_deref().is_some_and(|l| same_units(l, &terms));
                blocks
                    .category
                    .push(index(category) | if same { SAME_UNITS } else { 0 });
                last = fixed.is_none().then(|| terms.clone());
                if let Some(value) = fixed {
                    blocks.unit.push(FIXED);
                    blocks.sum.push(value);
                }
                for term in terms {
                    for k in 0..term.count {
                        blocks.unit.push(index(term.unit));
                        blocks.sum.push(if k == 0 { term.sum } else { 0.0 });
                    }
                }
                blocks.end.push(index(blocks.unit.len()));
            }
        }
        blocks.first.push(index(blocks.category.len()));
        Some(blocks)
    }

    /// The scores of one round, whose units count `weights` times each,
    /// into `work`.
    pub fn scores<'b>(
        &'b self,
        marks: &'b Marks<'b>,
        weights: &'b [u32],
        work: &'b mut Round,
    ) -> BlockScores<'b> {
        let categories = marks.parent_of.len();
        work.totals.clear();
        work.subtotals.clear();
        work.subtotals.resize(self.ranked.len() * categories, 0.0);
        let mut start = 0;
        // One over the weight of the units of the block before.
        let mut per_weight = f64::NAN;
        for m in 0..self.ranked.len() {
            let mut total = 0.0;
            let out = &mut work.subtotals[m * categories..(m + 1) * categories];
            for b in self.first[m] as usize..self.first[m + 1] as usize {
                let end = self.end[b] as usize;
                let (units, sums) = (&self.unit[start..end], &self.sum[start..end]);
                start = end;
                let category = self.category[b];
                let value = if units.first() == Some(&FIXED) {
                    sums[0]
                } else if category & SAME_UNITS != 0 {
                    let sum: f64 = units
                        .iter()
                        .zip(sums)
                        .map(|(&unit, &s)| f64::from(weights[unit as usize]) * s)
                        .sum();
                    sum * per_weight
                } else {
                    let (mut weight, mut sum) = (0.0, 0.0);
                    for (&unit, &s) in units.iter().zip(sums) {
                        let w = f64::from(weights[unit as usize]);
                        weight += w;
                        sum += w * s;
                    }
                    // None of its units drawn: 0 · ∞, no score.
                    per_weight = 1.0 / weight;
                    sum * per_weight
                };
                if !value.is_nan() {
                    total += value;
                    out[(category & !SAME_UNITS) as usize] += value;
                }
            }
            for k in (0..categories).rev() {
                if let Some(parent) = marks.parent_of[k] {
                    out[parent] += out[k];
                }
            }
            work.totals.push(total);
        }
        BlockScores {
            blocks: self,
            marks,
            weights,
            categories,
            totals: &work.totals,
            subtotals: &work.subtotals,
        }
    }
}

/// Whether two blocks' terms are the same units with the same counts.
fn same_units(a: &[Term], b: &[Term]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(a, b)| (a.unit, a.count) == (b.unit, b.count))
}

/// An index as the blocks hold it.
fn index(k: usize) -> u32 {
    u32::try_from(k).unwrap_or(u32::MAX)
}

/// Region `r`'s blocks: its cells grouped by category and by the units
/// (with their counts) that marked them, in the order first met, each as
/// (category, the sum of its fixed cells, its terms).
fn region_blocks(marks: &Marks, r: usize) -> Vec<(usize, Option<f64>, Vec<Term>)> {
    let mut blocks: Vec<(usize, Option<f64>, Vec<Term>)> = Vec::new();
    for c in 0..marks.n_criteria {
        let k = marks.cell(r, c);
        let category = marks.category_of[c];
        if let Some(Some(value)) = marks.fixed.get(k) {
            match blocks
                .iter_mut()
                .find(|(at, fixed, _)| *at == category && fixed.is_some())
            {
                Some((_, fixed, _)) => *fixed = fixed.map(|sum| sum + value),
                None => blocks.push((category, Some(*value), Vec::new())),
            }
            continue;
        }
        let entries = &marks.cells[k];
        if entries.is_empty() {
            continue;
        }
        let mut units: Vec<Term> = Vec::new();
        for e in entries {
            match units.iter_mut().find(|t| t.unit == e.unit) {
                Some(term) => term.count += 1,
                None => units.push(Term {
                    unit: e.unit,
                    count: 1,
                    sum: 0.0,
                }),
            }
        }
        units.sort_unstable_by_key(|t| (t.unit, t.count));
        let b = match blocks.iter().position(|(at, fixed, terms)| {
            *at == category && fixed.is_none() && same_units(terms, &units)
        }) {
            Some(b) => b,
            None => {
                blocks.push((category, None, units));
                blocks.len() - 1
            }
        };
        for e in entries {
            if let Some(term) = blocks[b].2.iter_mut().find(|t| t.unit == e.unit) {
                term.sum += e.points;
            }
        }
    }
    // Blocks of the same units one after the other (the fixed first).
    blocks.sort_by(|a, b| {
        let units = |terms: &[Term]| terms.iter().map(|t| (t.unit, t.count)).collect::<Vec<_>>();
        units(&a.2).cmp(&units(&b.2))
    });
    blocks
}

/// What a round's [`BlockScores`] are written into, reused from round to
/// round.
#[derive(Debug, Default)]
pub(crate) struct Round {
    totals: Vec<f64>,
    subtotals: Vec<f64>,
}

/// One round's scores from [`Blocks`].
pub(crate) struct BlockScores<'b> {
    blocks: &'b Blocks,
    marks: &'b Marks<'b>,
    weights: &'b [u32],
    categories: usize,
    totals: &'b [f64],
    subtotals: &'b [f64],
}

impl Scores for BlockScores<'_> {
    fn total(&self, m: usize) -> f64 {
        self.totals[m]
    }

    fn subtotal(&self, m: usize, category: usize) -> f64 {
        self.subtotals[m * self.categories + category]
    }

    fn criterion(&self, m: usize, criterion: usize) -> Option<f64> {
        let marks = self.marks;
        let k = self.blocks.ranked[m] * self.blocks.n_criteria + criterion;
        if let Some(Some(value)) = marks.fixed.get(k) {
            return Some(*value);
        }
        let (mut weight, mut sum) = (0.0, 0.0);
        for e in &marks.cells[k] {
            let w = f64::from(self.weights[e.unit]);
            weight += w;
            sum += w * e.points;
        }
        (weight > 0.0).then(|| sum / weight)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::draw::fill;
    use crate::analysis::marks::Entry;
    use crate::merge::{MergeOptions, merge};
    use crate::rng::SplitMix64;
    use crate::synthetic::{Shape, generate};

    /// Every score a ranking reads of the regions `ranked`, from blocks and
    /// from each cell's mean of its marks counted `weights` times: alike,
    /// to far within `EPSILON`.
    fn agree(marks: &Marks, ranked: &[usize], weights: &[u32]) -> Result<(), String> {
        let blocks = Blocks::new(marks, ranked).ok_or("not under the mean")?;
        let cells: Vec<Option<f64>> = (0..marks.cells.len())
            .map(|k| {
                let mut buffer = Vec::new();
                fill(&marks.cells[k], weights, &mut buffer);
                marks.value(marks.rule, k, &buffer)
            })
            .collect();
        let sums = Sums::new(marks, ranked, &cells);
        let straight = CellScores {
            sums: &sums,
            cells: &cells,
            ranked,
            n_criteria: marks.n_criteria,
        };
        let mut round = Round::default();
        let quick = blocks.scores(marks, weights, &mut round);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12;
        for (m, &r) in ranked.iter().enumerate() {
            if !close(quick.total(m), straight.total(m)) {
                let (a, b) = (quick.total(m), straight.total(m));
                return Err(format!("region {r}: total {a} against {b}"));
            }
            for c in 0..marks.parent_of.len() {
                let (a, b) = (quick.subtotal(m, c), straight.subtotal(m, c));
                if !close(a, b) {
                    return Err(format!("region {r}: category {c}: {a} against {b}"));
                }
            }
            for c in 0..marks.n_criteria {
                let (a, b) = (quick.criterion(m, c), straight.criterion(m, c));
                if a.is_some() != b.is_some() || !close(a.unwrap_or(0.0), b.unwrap_or(0.0)) {
                    return Err(format!("region {r}: criterion {c}: {a:?} against {b:?}"));
                }
            }
        }
        Ok(())
    }

    fn check(shape: &Shape, change: impl Fn(&mut Marks)) {
        let synthetic = generate(shape);
        let results = merge(
            &synthetic.review,
            &synthetic.sheet_inputs(),
            MergeOptions::default(),
        )
        .unwrap();
        let mut marks = Marks::new(&synthetic.review, &results);
        change(&mut marks);
        let every: Vec<usize> = (0..marks.regions()).collect();
        let some: Vec<usize> = (0..marks.regions()).rev().step_by(3).collect();
        let mut rng = SplitMix64::new(shape.seed);
        for round in 0..20 {
            // Up to three times each, often none: cells and blocks left
            // without marks, and the first units never drawn.
            let mut weights: Vec<u32> = (0..marks.units.len())
                .map(|_| rng.below(4) as u32)
                .collect();
            weights[..round % 4].fill(0);
            for ranked in [&every, &some] {
                if let Err(why) = agree(&marks, ranked, &weights) {
                    panic!("round {round}: {why}");
                }
            }
        }
    }

    #[test]
    fn blocks_give_each_region_s_scores_as_its_cells_do() {
        // Two groups of criteria scored by their own panels, across the
        // categories: blocks of one category, two sets of reviewers.
        check(
            &Shape {
                criteria: 12,
                ..Shape::new(40, 7)
            },
            |_| {},
        );
        // Nested categories and their subtotals.
        check(
            &Shape {
                programme: true,
                ..Shape::new(40, 8)
            },
            |_| {},
        );
    }

    #[test]
    fn blocks_hold_fixed_cells_and_a_unit_marking_a_cell_twice() {
        check(
            &Shape {
                programme: true,
                ..Shape::new(30, 9)
            },
            |marks| {
                // Fixed cells, as under `use_consensus`: no marks, a value.
                marks.fixed = vec![None; marks.cells.len()];
                for k in (0..marks.cells.len()).step_by(7) {
                    marks.fixed[k] = Some(1.5 + (k % 4) as f64);
                    marks.cells[k].clear();
                }
                // A unit counted twice in a cell, with another mark.
                for k in (3..marks.cells.len()).step_by(11) {
                    if let Some(&first) = marks.cells[k].first() {
                        marks.cells[k].push(Entry {
                            points: first.points + 1.0,
                            ..first
                        });
                    }
                }
            },
        );
    }
}
