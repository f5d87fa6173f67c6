//! Team sensitivity: for each panel, the smallest uniform offset of its
//! members' marks, in points per mark, down or up, that would change the
//! official outcome (any region's side of the cutoff, tier or funding), and
//! who would move. Calibration compares reviewers on shared cells; a field
//! team that scores its own regions alone shares none, and this says how
//! much a team marking harsher or more leniently than the others could
//! matter.
//!
//! Under `Mean` it is exact: a cell's score moves by δ·k/n (k of its n
//! counting marks are the panel's), so every total, subtotal and score is
//! linear in δ, and the outcome can only change where two regions' totals
//! cross (or, with equal totals, a subtotal the tie-break reads), or a
//! value crosses a minimum. Those offsets are found in increasing order and
//! each is tried by the merge's own rules (see [`probe`](super::probe))
//! just beyond it and at it, until the outcome changes. Under `Median` and
//! `TrimmedMean` the offset is searched for in small steps (never longer,
//! where a change could be, than a hundredth of the smallest step of a
//! criterion) and refined by bisection.

use super::findings::{Edge, TeamShift};
use super::ground::{Ground, Landing, Minimum, minimums};
use super::marks::{Marks, Outcome};
use super::meetings::Lines;
use super::probe::Probed;
use super::shift::Shift;
use crate::model::{Aggregate, Review};
use rayon::prelude::*;

/// A hundredth of the smallest step: the resolution of the search.
const STEPS_PER_GRID_STEP: f64 = 100.0;
/// How far past an offset where two values meet the outcome is tried, as a
/// share of the offset (at least this many points).
const BEYOND: f64 = 1e-7;

/// Every panel's shift, in `review.ron` order.
pub(crate) fn team_shifts(
    marks: &Marks,
    official_cells: &[Option<f64>],
    official: &Outcome,
) -> Vec<TeamShift> {
    let review = marks.review;
    let ground = Ground::new(marks, official);
    let reach = marks.scale.iter().map(|s| s.0).fold(0.0, f64::max);
    let smallest_step = marks
        .scale
        .iter()
        .map(|s| s.1)
        .filter(|&s| s > 0.0)
        .fold(f64::INFINITY, f64::min);
    let step = if smallest_step.is_finite() {
        smallest_step / STEPS_PER_GRID_STEP
    } else {
        reach / 1000.0
    };
    let how = How {
        reach,
        step: (marks.rule != Aggregate::Mean).then_some(step),
        minimums: minimums(review),
    };
    // A few panels a job, each job with its own copy of the scores: a
    // national call's is megabytes.
    let panels: Vec<usize> = (0..review.panels.len()).collect();
    let per_job = panels
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(1);
    panels
        .par_chunks(per_job)
        .flat_map_iter(|chunk| {
            let mut work = official_cells.to_vec();
            let mut mask = vec![false; marks.regions()];
            chunk
                .iter()
                .map(|&p| {
                    let shift = Shift::of_panel(marks, p);
                    for &r in &shift.regions {
                        mask[r] = true;
                    }
                    let mut run = Run {
                        marks,
                        ground: &ground,
                        shift: &shift,
                        work: &mut work,
                        mask: &mask,
                        buffer: Vec::new(),
                    };
                    let edges = run.edges(official_cells, official, &how);
                    shift.restore(official_cells, &mut work);
                    for &r in &shift.regions {
                        mask[r] = false;
                    }
                    let [down, up] = edges.map(|edge| edge.map(|e| e.into_edge(review, official)));
                    TeamShift {
                        panel: review.panels[p].id.clone(),
                        marks: shift.marks,
                        reach,
                        search_step: how.step,
                        down,
                        up,
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// How the shifts are looked for: how far, and in what steps (`None`:
/// exactly, under `Mean`).
struct How {
    reach: f64,
    step: Option<f64>,
    minimums: Vec<Minimum>,
}

/// A change found: (limit, at, who moves).
struct Found(f64, f64, Vec<(usize, Landing)>);

impl Found {
    fn into_edge(self, review: &Review, official: &Outcome) -> Edge {
        let Found(limit, at, moved) = self;
        Edge {
            limit,
            at,
            changes: official.changes(review, moved),
        }
    }
}

/// One panel's shift being tried.
struct Run<'r, 'm, 'a> {
    marks: &'r Marks<'a>,
    ground: &'r Ground<'m, 'a>,
    shift: &'r Shift,
    work: &'r mut [Option<f64>],
    mask: &'r [bool],
    buffer: Vec<f64>,
}

impl Run<'_, '_, '_> {
    /// The change found each way, down then up.
    fn edges(
        &mut self,
        official_cells: &[Option<f64>],
        official: &Outcome,
        how: &How,
    ) -> [Option<Found>; 2] {
        let reach = how.reach;
        if reach <= 0.0 || self.shift.regions.is_empty() {
            return [None, None];
        }
        let lines = how.step.is_none().then(|| {
            Lines::new(
                self.marks,
                self.shift,
                official_cells,
                official,
                self.ground,
                &how.minimums,
            )
        });
        [-1.0, 1.0].map(|sign| {
            let found = match (&lines, how.step) {
                (Some(lines), _) => self.exact(lines, sign, reach)?,
                (None, Some(step)) => self.search(sign, reach, step)?,
                (None, None) => return None,
            };
            Some(self.on_grid(sign, found, reach))
        })
    }

    /// The outcome with the panel's marks moved by `delta`.
    fn at(&mut self, delta: f64) -> Probed {
        let marks = self.marks;
        self.shift
            .apply(marks, marks.rule, delta, self.work, &mut self.buffer);
        self.ground.probe(self.work, &self.shift.regions, self.mask)
    }

    /// The change as the sentences give it: at the first hundredth of a
    /// point past the limit, when the outcome is not the official one there
    /// (else just past the limit, as found).
    fn on_grid(&mut self, sign: f64, found: Found, reach: f64) -> Found {
        let beyond = ((found.0.abs() * 100.0 + 1e-9).floor() + 1.0) / 100.0;
        if beyond <= reach
            && let Probed::Moved(moved) = self.at(sign * beyond)
        {
            return Found(found.0, sign * beyond, moved);
        }
        found
    }

    /// Under `Mean`: the first offset in direction `sign` where the outcome
    /// changes, among the offsets where two lines meet.
    fn exact(&mut self, lines: &Lines, sign: f64, reach: f64) -> Option<Found> {
        let (ground, mask) = (self.ground, self.mask);
        let mut meetings = lines.meetings(ground, mask, sign, reach).peekable();
        while let Some(offset) = meetings.next() {
            while meetings.next_if(|&next| next <= offset).is_some() {}
            let next = meetings.peek().copied().unwrap_or(f64::INFINITY);
            let past = offset + (BEYOND * offset.max(1.0)).min((next - offset) / 2.0);
            if let Probed::Moved(moved) = self.at(sign * past) {
                return Some(Found(sign * offset, sign * past, moved));
            }
            if let Probed::Moved(moved) = self.at(sign * offset) {
                return Some(Found(sign * offset, sign * offset, moved));
            }
        }
        None
    }

    /// Under `Median` or `TrimmedMean`: the first offset in direction
    /// `sign` where the outcome changes, in steps no longer than `step`
    /// where a change could be (longer where the values are too far from
    /// every line to reach one), refined by bisection.
    fn search(&mut self, sign: f64, reach: f64, step: f64) -> Option<Found> {
        let fastest = self.shift.fastest(self.marks.n_criteria).max(1) as f64;
        let mut same = 0.0;
        let mut slack = match self.at(0.0) {
            Probed::Same { slack } => slack,
            Probed::Moved(_) => 0.0,
        };
        while same < reach {
            let next = (same + step.max(slack / (2.0 * fastest))).min(reach);
            match self.at(sign * next) {
                Probed::Same { slack: room } => {
                    same = next;
                    slack = room;
                }
                Probed::Moved(moved) => return Some(self.bisect(sign, same, next, moved, step)),
            }
        }
        None
    }

    /// The first change between `same` (the outcome survives) and `moved`
    /// (it does not), to a hundredth of `step`.
    fn bisect(
        &mut self,
        sign: f64,
        mut same: f64,
        mut changed: f64,
        mut moved: Vec<(usize, Landing)>,
        step: f64,
    ) -> Found {
        while changed - same > step / 100.0 {
            let mid = (same + changed) / 2.0;
            match self.at(sign * mid) {
                Probed::Same { .. } => same = mid,
                Probed::Moved(now) => {
                    changed = mid;
                    moved = now;
                }
            }
        }
        Found(sign * same, sign * changed, moved)
    }
}

/// Every panel's shift for `results`, which `merge` computed from `review`:
/// what [`analyse`](super::analyse) finds as its `teams`, alone (for
/// measuring it).
pub fn teams(review: &Review, results: &crate::merge::Results) -> Vec<TeamShift> {
    let marks = Marks::new(review, results);
    let cells = marks.official_aggregates(marks.rule);
    let official = marks.outcome(&cells);
    team_shifts(&marks, &cells, &official)
}
