//! How close the cutoff is: the margin between the last region selected and
//! the first one not selected, and the smallest change of marks that would
//! put the second ahead of the first.
//!
//! The search moves marks on the grid: down for the region in, up for the
//! region out, taking the moves that gain most total per point of marks,
//! and finishing with the cheapest move that completes the swap. Under Mean
//! a mark moved by Δ moves its region's total by Δ/n (n: the marks of that
//! criterion), so this is the least change up to one step; under Median and
//! TrimmedMean, where a single mark may move nothing, it also tries moving
//! the marks nearest a value to it together, and the result is an upper
//! bound.

use std::collections::BTreeSet;

use super::marks::Marks;
use super::{Closeness, MarkChange, Swap};
use crate::merge::{self, EPSILON};
use crate::model::Aggregate;

/// A mark that may move: of the region in (`side` 0, moved down) or the
/// region out (`side` 1, moved up).
#[derive(Debug, Clone)]
struct Slot {
    side: usize,
    criterion: usize,
    /// Position in its cell's marks.
    entry: usize,
    reviewer: usize,
    from: f64,
    /// Steps moved so far.
    steps: u32,
    /// Steps it can move at most (to 0 or to the maximum).
    room: u32,
    step: f64,
}

/// The two regions' cells as the search changes them.
#[derive(Debug, Clone)]
struct State {
    /// `[side][criterion]`: the marks.
    cells: [Vec<Vec<f64>>; 2],
    aggregates: [Vec<Option<f64>>; 2],
    slots: Vec<Slot>,
}

struct Search<'m, 'a> {
    marks: &'m Marks<'a>,
    rule: Aggregate,
    regions: [usize; 2],
    start: State,
    /// `side * n_criteria + criterion`: the slots of that cell.
    cell_slots: Vec<Vec<usize>>,
}

/// A candidate change: slots with the number of steps each would then
/// have moved, and what it would gain and cost.
struct Move {
    to: Vec<(usize, u32)>,
    gain: f64,
    cost: f64,
    /// Whether it moves marks of a reviewer already in the plan.
    known: bool,
}

impl Search<'_, '_> {
    fn slot_value(&self, slot: &Slot, steps: u32) -> f64 {
        let moved = f64::from(steps) * slot.step;
        if slot.side == 0 {
            (slot.from - moved).max(0.0)
        } else {
            let max = self.marks.scale[slot.criterion].0;
            (slot.from + moved).min(max)
        }
    }

    /// Total of the region in minus total of the region out.
    fn lead(&self, state: &State) -> f64 {
        let total = |side: usize| {
            state.aggregates[side]
                .iter()
                .flatten()
                .fold(0.0, |sum, p| sum + p)
        };
        total(0) - total(1)
    }

    /// How much the lead drops, and the points of marks it takes, when the
    /// slots of one cell move as `to` says.
    fn evaluate(&self, state: &State, to: &[(usize, u32)], scratch: &mut Vec<f64>) -> (f64, f64) {
        let Some(&(first, _)) = to.first() else {
            return (0.0, 0.0);
        };
        let (side, criterion) = (state.slots[first].side, state.slots[first].criterion);
        scratch.clear();
        scratch.extend_from_slice(&state.cells[side][criterion]);
        let mut cost = 0.0;
        for &(at, steps) in to {
            let slot = &state.slots[at];
            scratch[slot.entry] = self.slot_value(slot, steps);
            cost += f64::from(steps.saturating_sub(slot.steps)) * slot.step;
        }
        let before = state.aggregates[side][criterion].unwrap_or(0.0);
        let after = merge::aggregate(self.rule, scratch).unwrap_or(0.0);
        let gain = if side == 0 {
            before - after
        } else {
            after - before
        };
        (gain, cost)
    }

    fn apply(&self, state: &mut State, to: &[(usize, u32)]) {
        for &(at, steps) in to {
            state.slots[at].steps = steps;
            let slot = state.slots[at].clone();
            let value = self.slot_value(&slot, slot.steps);
            let cell = &mut state.cells[slot.side][slot.criterion];
            cell[slot.entry] = value;
            state.aggregates[slot.side][slot.criterion] = merge::aggregate(self.rule, cell);
        }
    }

    /// The changes to try next: each mark of an `allowed` reviewer moved by
    /// any number of steps; and, as a median or a trimmed mean may move only
    /// when several marks do, the m marks nearest a grid value moved to it.
    fn candidates(&self, state: &State, allowed: &[bool]) -> Vec<Vec<(usize, u32)>> {
        let mut out = Vec::new();
        for (at, slot) in state.slots.iter().enumerate() {
            if allowed[slot.reviewer] {
                for steps in slot.steps + 1..=slot.room {
                    out.push(vec![(at, steps)]);
                }
            }
        }
        if self.rule == Aggregate::Mean {
            return out;
        }
        for slots in &self.cell_slots {
            let Some(&first) = slots.first() else {
                continue;
            };
            let (side, criterion, step) = {
                let s = &state.slots[first];
                (s.side, s.criterion, s.step)
            };
            let max = self.marks.scale[criterion].0;
            let levels = (max / step).round() as u32;
            for level in 0..=levels {
                let target = f64::from(level) * step;
                let mut wrong_side: Vec<(f64, usize)> = slots
                    .iter()
                    .filter(|&&at| allowed[state.slots[at].reviewer])
                    .map(|&at| (self.slot_value(&state.slots[at], state.slots[at].steps), at))
                    .filter(|&(value, _)| {
                        if side == 0 {
                            value > target + 1e-9
                        } else {
                            value < target - 1e-9
                        }
                    })
                    .collect();
                // Nearest to the target first.
                wrong_side.sort_by(|a, b| {
                    (a.0 - target)
                        .abs()
                        .total_cmp(&(b.0 - target).abs())
                        .then(a.1.cmp(&b.1))
                });
                for m in 2..=wrong_side.len() {
                    let to = wrong_side[..m]
                        .iter()
                        .map(|&(_, at)| {
                            let slot = &state.slots[at];
                            (at, ((target - slot.from).abs() / step).round() as u32)
                        })
                        .collect();
                    out.push(to);
                }
            }
        }
        out
    }

    /// The search, moving only the marks of `allowed` reviewers: along
    /// the path of the most efficient moves that don't yet swap the
    /// regions, the cheapest move that would finish is noted at every
    /// point; the cheapest plan noted wins. The path stops when it can no
    /// longer beat it.
    fn run(&self, allowed: &[bool]) -> Option<State> {
        let mut state = self.start.clone();
        let mut scratch = Vec::new();
        let mut involved = vec![false; allowed.len()];
        let mut best: Option<(f64, State)> = None;
        let mut spent = 0.0;
        // Every move on the path moves a mark by at least one step.
        let limit: u32 = state.slots.iter().map(|s| s.room).sum();
        for _ in 0..=limit {
            let lead = self.lead(&state);
            let mut finisher: Option<Move> = None;
            let mut efficient: Option<Move> = None;
            for to in self.candidates(&state, allowed) {
                let (gain, cost) = self.evaluate(&state, &to, &mut scratch);
                if gain <= 1e-12 || cost <= 0.0 {
                    continue;
                }
                let known = to.iter().any(|&(at, _)| involved[state.slots[at].reviewer]);
                let candidate = Move {
                    to,
                    gain,
                    cost,
                    known,
                };
                if lead - gain < -EPSILON {
                    if finisher.as_ref().is_none_or(|f| cheaper(&candidate, f)) {
                        finisher = Some(candidate);
                    }
                } else if efficient
                    .as_ref()
                    .is_none_or(|e| more_efficient(&candidate, e))
                {
                    efficient = Some(candidate);
                }
            }
            if let Some(finish) = finisher {
                let total = spent + finish.cost;
                if best.as_ref().is_none_or(|(cost, _)| total < cost - 1e-9) {
                    let mut done = state.clone();
                    self.apply(&mut done, &finish.to);
                    best = Some((total, done));
                }
            }
            let Some(next) = efficient else {
                break;
            };
            if best
                .as_ref()
                .is_some_and(|(cost, _)| spent + next.cost >= cost - 1e-9)
            {
                break;
            }
            for &(at, _) in &next.to {
                involved[state.slots[at].reviewer] = true;
            }
            spent += next.cost;
            self.apply(&mut state, &next.to);
        }
        best.map(|(_, state)| state)
    }

    /// Every mark of `allowed` reviewers moved as far as it goes.
    fn extremes(&self, allowed: &[bool]) -> State {
        let mut state = self.start.clone();
        for at in 0..state.slots.len() {
            let slot = &state.slots[at];
            if allowed[slot.reviewer] && slot.room > 0 {
                let room = slot.room;
                self.apply(&mut state, &[(at, room)]);
            }
        }
        state
    }

    fn swap(&self, state: &State) -> Swap {
        let mut changes: Vec<MarkChange> = state
            .slots
            .iter()
            .filter(|s| s.steps > 0)
            .map(|s| MarkChange {
                reviewer: self.marks.reviewers[s.reviewer].clone(),
                region: self.marks.review.regions[self.regions[s.side]].id.clone(),
                criterion: self.criterion_id(s.criterion),
                from: s.from,
                to: self.slot_value(s, s.steps),
            })
            .collect();
        changes.sort_by(|a, b| {
            (&a.reviewer, &a.region, &a.criterion).cmp(&(&b.reviewer, &b.region, &b.criterion))
        });
        let reviewers: BTreeSet<String> = changes.iter().map(|c| c.reviewer.clone()).collect();
        Swap {
            points: changes.iter().map(|c| (c.to - c.from).abs()).sum(),
            reviewers: reviewers.into_iter().collect(),
            changes,
        }
    }

    fn criterion_id(&self, criterion: usize) -> String {
        self.marks
            .review
            .criteria()
            .nth(criterion)
            .map_or_else(String::new, |(_, c)| c.id.clone())
    }

    /// The fewest reviewers who could make the swap on their own: every
    /// single reviewer who can, the cheapest of them; else the reviewers
    /// who could move the lead most, as few as reach.
    fn fewest_reviewers(&self) -> Option<Swap> {
        let n = self.marks.reviewers.len();
        let lead = self.lead(&self.start);
        let mut potential: Vec<(f64, usize)> = Vec::new();
        let mut solo: Option<Swap> = None;
        for i in 0..n {
            if !self
                .start
                .slots
                .iter()
                .any(|s| s.reviewer == i && s.room > 0)
            {
                continue;
            }
            let mut alone = vec![false; n];
            alone[i] = true;
            let most = lead - self.lead(&self.extremes(&alone));
            potential.push((most, i));
            if most > lead + EPSILON {
                let plan = self.run(&alone).unwrap_or_else(|| self.extremes(&alone));
                let plan = self.swap(&plan);
                if solo
                    .as_ref()
                    .is_none_or(|best| plan.points < best.points - 1e-9)
                {
                    solo = Some(plan);
                }
            }
        }
        if solo.is_some() {
            return solo;
        }
        potential.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut chosen = vec![false; n];
        for &(_, i) in &potential {
            chosen[i] = true;
            if self.lead(&self.extremes(&chosen)) < -EPSILON {
                let plan = self.run(&chosen).unwrap_or_else(|| self.extremes(&chosen));
                return Some(self.swap(&plan));
            }
        }
        None
    }
}

/// Fewer points of marks; on equal points, a reviewer already in the plan.
fn cheaper(a: &Move, b: &Move) -> bool {
    a.cost < b.cost - 1e-9 || ((a.cost - b.cost).abs() <= 1e-9 && a.known && !b.known)
}

/// More total per point of marks; on equal ratios, the bigger move (fewer
/// marks touched), then a reviewer already in the plan.
fn more_efficient(a: &Move, b: &Move) -> bool {
    let (ra, rb) = (a.gain / a.cost, b.gain / b.cost);
    let tie = (ra - rb).abs() <= 1e-9 * rb.abs().max(1e-12);
    if !tie {
        return ra > rb;
    }
    if (a.gain - b.gain).abs() > 1e-12 {
        return a.gain > b.gain;
    }
    a.known && !b.known
}

/// The closeness of the cutoff between the last region in (`last_in`) and
/// the first out (`first_out`), region indexes in `review.ron` order.
pub(crate) fn closeness(
    marks: &Marks,
    last_in: usize,
    first_out: usize,
    margin: f64,
    decided_by: Option<String>,
) -> Closeness {
    let rule = marks.rule;
    let regions = [last_in, first_out];
    let mut cells: [Vec<Vec<f64>>; 2] = [Vec::new(), Vec::new()];
    let mut aggregates: [Vec<Option<f64>>; 2] = [Vec::new(), Vec::new()];
    let mut slots = Vec::new();
    for (side, &region) in regions.iter().enumerate() {
        for criterion in 0..marks.n_criteria {
            let entries = &marks.cells[marks.cell(region, criterion)];
            let points: Vec<f64> = entries.iter().map(|e| e.points).collect();
            let (max, step) = marks.scale[criterion];
            for (entry, e) in entries.iter().enumerate() {
                let room = if side == 0 { e.points } else { max - e.points };
                let room = if step > 0.0 {
                    (room / step + 1e-9).floor().max(0.0) as u32
                } else {
                    0
                };
                slots.push(Slot {
                    side,
                    criterion,
                    entry,
                    reviewer: e.reviewer,
                    from: e.points,
                    steps: 0,
                    room,
                    step,
                });
            }
            aggregates[side].push(marks.value(rule, marks.cell(region, criterion), &points));
            cells[side].push(points);
        }
    }
    let mut cell_slots = vec![Vec::new(); 2 * marks.n_criteria];
    for (at, slot) in slots.iter().enumerate() {
        cell_slots[slot.side * marks.n_criteria + slot.criterion].push(at);
    }
    let search = Search {
        marks,
        rule,
        regions,
        start: State {
            cells,
            aggregates,
            slots,
        },
        cell_slots,
    };
    let everyone = vec![true; marks.reviewers.len()];
    let smallest = search.run(&everyone).map(|state| search.swap(&state));
    let fewest_reviewers = if smallest.is_some() {
        search.fewest_reviewers()
    } else {
        None
    };
    Closeness {
        last_in: marks.review.regions[last_in].id.clone(),
        first_out: marks.review.regions[first_out].id.clone(),
        margin,
        decided_by,
        smallest,
        fewest_reviewers,
        exact: rule == Aggregate::Mean,
    }
}
