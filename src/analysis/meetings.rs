//! Under `Mean`, the offsets of a panel's shift at which the outcome can
//! change: a cell's score moves by δ·k/n (k of its n counting marks are the
//! panel's), so each total, subtotal and score is a line in δ, and the
//! outcome changes only where a moved region's total meets another region's
//! of another zone (or, totals equal, where a subtotal the tie-break reads
//! meets another), or a value meets a minimum.

use super::ground::{Ground, Minimum, Neighbours};
use super::marks::{Marks, Outcome};
use super::shift::Shift;
use crate::merge::EPSILON;

/// Slopes closer than this are equal: the lines never meet.
const PARALLEL: f64 = 1e-12;

/// A panel's moved regions as lines in the offset.
pub(crate) struct Lines {
    /// Per moved region: (region, total, change of the total per point).
    totals: Vec<(usize, f64, f64)>,
    /// Offsets (signed) where two moved regions' values meet, or one meets
    /// a minimum.
    fixed: Vec<f64>,
}

impl Lines {
    pub fn new(
        marks: &Marks,
        shift: &Shift,
        official_cells: &[Option<f64>],
        official: &Outcome,
        ground: &Ground,
        minimums: &[Minimum],
    ) -> Lines {
        let n = marks.n_criteria.max(1);
        let review = marks.review;
        let placed = review.all_categories();
        let tie_break: Vec<usize> = review
            .committee
            .tie_break
            .iter()
            .filter_map(|id| placed.iter().position(|p| &p.category.id == id))
            .collect();
        // Per moved region: its lines, and each of its moved cells'.
        let mut totals = Vec::with_capacity(shift.regions.len());
        let mut subtotals: Vec<Vec<(f64, f64)>> = Vec::with_capacity(shift.regions.len());
        let mut fixed = Vec::new();
        let mut cells = shift.cells.iter().peekable();
        for &r in &shift.regions {
            let mut slopes = vec![0.0; marks.parent_of.len()];
            let mut total_slope = 0.0;
            // Cells of regions that take no place are skipped.
            while cells.next_if(|c| c.k / n < r).is_some() {}
            while let Some(cell) = cells.next_if(|c| c.k / n == r) {
                let criterion = cell.k % n;
                let slope = cell.slope();
                total_slope += slope;
                slopes[marks.category_of[criterion]] += slope;
                for minimum in minimums {
                    if let Minimum::Criterion(at, min) = *minimum
                        && at == criterion
                    {
                        let score = official_cells[cell.k].unwrap_or(0.0);
                        fixed.extend(meet(score, slope, min, 0.0));
                    }
                }
            }
            for k in (0..slopes.len()).rev() {
                if let Some(parent) = marks.parent_of[k] {
                    slopes[parent] += slopes[k];
                }
            }
            let input = marks.ranked_input(official_cells, r);
            let total = official.total[r];
            for minimum in minimums {
                match *minimum {
                    Minimum::Total(min) => fixed.extend(meet(total, total_slope, min, 0.0)),
                    Minimum::Category(at, min) => {
                        let subtotal = input.subtotals.get(at).map_or(0.0, |s| s.points);
                        fixed.extend(meet(subtotal, slopes[at], min, 0.0));
                    }
                    Minimum::Criterion(..) => {}
                }
            }
            // A region in a tie across a line parts from it at once,
            // whichever way it moves (if the others do not move alike).
            if total_slope.abs() > PARALLEL && ground.tied(r) {
                fixed.push(0.0);
            }
            totals.push((r, total, total_slope));
            subtotals.push(
                tie_break
                    .iter()
                    .map(|&at| {
                        let subtotal = input.subtotals.get(at).map_or(0.0, |s| s.points);
                        (subtotal, slopes[at])
                    })
                    .collect(),
            );
        }
        fixed.extend(pair_meetings(&totals, &subtotals, ground));
        Lines { totals, fixed }
    }

    /// The offsets in direction `sign` (−1 or 1) at most `reach` away where
    /// lines that matter meet, as distances from 0, nearest first.
    pub fn meetings<'g>(
        &'g self,
        ground: &'g Ground,
        mask: &'g [bool],
        sign: f64,
        reach: f64,
    ) -> Meetings<'g> {
        let distance = |offset: f64| {
            let d = sign * offset;
            (d >= -PARALLEL && d <= reach).then_some(d.max(0.0))
        };
        let mut fixed: Vec<f64> = self.fixed.iter().filter_map(|&o| distance(o)).collect();
        fixed.sort_by(|a, b| b.total_cmp(a));
        let walkers = self
            .totals
            .iter()
            .filter(|t| t.2.abs() > PARALLEL)
            .map(|&(r, total, slope)| {
                let rate = sign * slope;
                let mut walker = Walker {
                    neighbours: ground.neighbours(r, rate > 0.0, mask),
                    from: total,
                    rate,
                    head: None,
                    reach,
                };
                walker.advance();
                walker
            })
            .collect();
        Meetings { walkers, fixed }
    }
}

/// Where two moved regions meet: where their totals do; with equal totals
/// and slopes, where a tie-break subtotal of theirs does. `totals` are
/// (region, total, slope), `subtotals` each region's tie-break subtotals as
/// (value, slope).
fn pair_meetings(
    totals: &[(usize, f64, f64)],
    subtotals: &[Vec<(f64, f64)>],
    ground: &Ground,
) -> Vec<f64> {
    let mut fixed = Vec::new();
    // Two moved regions meet where their totals do; with equal totals
    // and slopes, where a tie-break subtotal of theirs does. Grouped by
    // slope (a panel that scores every region moves most of them alike),
    // only regions of two groups can meet in total.
    let mut by_slope: Vec<usize> = (0..totals.len()).collect();
    by_slope.sort_by(|&a, &b| {
        let (a, b) = (&totals[a], &totals[b]);
        a.2.total_cmp(&b.2).then(a.1.total_cmp(&b.1))
    });
    let mut groups: Vec<&[usize]> = Vec::new();
    let mut rest = by_slope.as_slice();
    while let Some(&first) = rest.first() {
        let end = rest
            .iter()
            .position(|&k| (totals[k].2 - totals[first].2).abs() > PARALLEL)
            .unwrap_or(rest.len());
        groups.push(&rest[..end]);
        rest = &rest[end..];
    }
    for (g, group) in groups.iter().enumerate() {
        for (i, &a) in group.iter().enumerate() {
            // Equal totals within the group, ascending.
            for &b in group[i + 1..]
                .iter()
                .take_while(|&&b| totals[b].1 - totals[a].1 <= EPSILON)
            {
                if ground.apart(totals[a].0, totals[b].0) {
                    for (&(sub_a, s_a), &(sub_b, s_b)) in subtotals[a].iter().zip(&subtotals[b]) {
                        fixed.extend(meet(sub_a, s_a, sub_b, s_b));
                    }
                }
            }
            for other in &groups[g + 1..] {
                for &b in *other {
                    let ((ra, ta, sa), (rb, tb, sb)) = (totals[a], totals[b]);
                    if ground.apart(ra, rb) {
                        fixed.extend(meet(ta, sa, tb, sb));
                    }
                }
            }
        }
    }
    fixed
}

/// Where `a + s·δ` meets `b + t·δ`, when the lines are not parallel.
fn meet(a: f64, s: f64, b: f64, t: f64) -> Option<f64> {
    ((s - t).abs() > PARALLEL).then(|| (b - a) / (s - t))
}

/// The meetings of one moved region with the untouched regions it passes.
struct Walker<'g> {
    neighbours: Neighbours<'g>,
    from: f64,
    rate: f64,
    head: Option<f64>,
    reach: f64,
}

impl Walker<'_> {
    fn advance(&mut self) {
        self.head = self
            .neighbours
            .next()
            .map(|total| ((total - self.from) / self.rate).max(0.0))
            .filter(|&d| d <= self.reach);
    }
}

/// Every meeting of a panel's lines one way, nearest first.
pub(crate) struct Meetings<'g> {
    walkers: Vec<Walker<'g>>,
    /// Descending: the nearest last.
    fixed: Vec<f64>,
}

impl Iterator for Meetings<'_> {
    type Item = f64;

    fn next(&mut self) -> Option<f64> {
        let walker = self
            .walkers
            .iter()
            .enumerate()
            .filter_map(|(i, w)| w.head.map(|d| (i, d)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match (walker, self.fixed.last()) {
            (Some((i, d)), Some(&f)) if d <= f => {
                self.walkers[i].advance();
                Some(d)
            }
            (_, Some(_)) => self.fixed.pop(),
            (Some((i, d)), None) => {
                self.walkers[i].advance();
                Some(d)
            }
            (None, None) => None,
        }
    }
}
