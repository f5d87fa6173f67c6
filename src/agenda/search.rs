//! Few exits, fast, for more items than [`super::exact`] can weigh: the
//! nearest neighbour, then local search, from the given order and from
//! the nearest neighbour's, keeping the better. Deterministic (no
//! randomness; ties go to the earlier item), and never worse than the
//! given order.

use std::cmp::Reverse;

use super::costs::Costs;

/// Rounds of local search at most; each round that changes nothing ends it
/// sooner.
const ROUNDS: usize = 50;

/// Steps weighed by all rounds of one search together, about: a round
/// weighs some 4·n² of them (runs of three lengths moved, stretches
/// reversed), so that for thousands of different sets fewer rounds run (at
/// least one) and the search ends in seconds, the same way every time.
const WORK: usize = 200_000_000;

/// The longest run of consecutive items a move takes elsewhere.
const LONGEST_RUN: usize = 3;

/// An order of `costs`' items with few exits, never more than the given
/// order's.
pub(super) fn order(costs: &Costs) -> Vec<usize> {
    let given = improve(costs, (0..costs.len()).collect());
    let nearest = improve(costs, nearest_neighbour(costs));
    if costs.of(&nearest) < costs.of(&given) {
        nearest
    } else {
        given
    }
}

/// Each time the item that sends the fewest members out after the last
/// one; among those, the one sharing the most members with it (who stay
/// out), then the earliest.
fn nearest_neighbour(costs: &Costs) -> Vec<usize> {
    let mut left: Vec<usize> = (0..costs.len()).collect();
    let mut order = Vec::with_capacity(left.len());
    let mut before = None;
    while let Some(at) = (0..left.len()).min_by_key(|&i| {
        let x = left[i];
        (costs.step(before, x), Reverse(costs.overlap(before, x)), i)
    }) {
        let x = left.remove(at);
        order.push(x);
        before = Some(x);
    }
    order
}

/// `order` after moving runs of items and reversing stretches while that
/// saves exits.
fn improve(costs: &Costs, mut order: Vec<usize>) -> Vec<usize> {
    let n = order.len().max(1);
    let rounds = (WORK / n.saturating_mul(n).saturating_mul(4)).clamp(1, ROUNDS);
    for _ in 0..rounds {
        let moved = move_runs(costs, &mut order);
        let reversed = reverse_stretches(costs, &mut order);
        if !moved && !reversed {
            break;
        }
    }
    order
}

/// Or-opt: each run of one to [`LONGEST_RUN`] consecutive items goes where
/// it saves the most exits, if anywhere. Whether any moved.
fn move_runs(costs: &Costs, order: &mut [usize]) -> bool {
    let n = order.len();
    let mut moved = false;
    for len in 1..=LONGEST_RUN.min(n.saturating_sub(1)) {
        let mut i = 0;
        while i + len <= n {
            match best_gap(costs, order, i, len) {
                Some(gap) if gap < i => order[gap..i + len].rotate_right(len),
                Some(gap) => order[i..gap].rotate_left(len),
                None => {
                    i += 1;
                    continue;
                }
            }
            moved = true;
        }
    }
    moved
}

/// Where the run `order[i..i + len]` saves the most exits: gap `g` lies
/// before `order[g]` (`n`: at the end). `None` when no gap saves any.
fn best_gap(costs: &Costs, order: &[usize], i: usize, len: usize) -> Option<usize> {
    let n = order.len();
    let item = |at: usize| order.get(at).copied();
    let before = i.checked_sub(1).map(|at| order[at]);
    let (first, last, after) = (order[i], order[i + len - 1], item(i + len));
    // What taking the run out saves.
    let saved = costs.step(before, first) + costs.link(Some(last), after);
    let closed = costs.link(before, after);
    if len == 1 && saved <= closed {
        // The triangle inequality: a single item costs as much anywhere.
        return None;
    }
    // The gap and the exits it saves.
    let mut best: Option<(usize, usize)> = None;
    for gap in (0..i).chain(i + len + 1..=n) {
        let p = gap.checked_sub(1).map(|at| order[at]);
        let q = item(gap);
        let cost = closed + costs.step(p, first) + costs.link(Some(last), q);
        let opened = saved + costs.link(p, q);
        if let Some(gain) = opened.checked_sub(cost).filter(|&gain| gain > 0)
            && best.is_none_or(|(_, most)| gain > most)
        {
            best = Some((gap, gain));
        }
    }
    best.map(|(gap, _)| gap)
}

/// 2-opt: each stretch `order[i..=j]` is reversed if that saves exits
/// (the exits within it change too: they are not symmetric). Whether any
/// was.
fn reverse_stretches(costs: &Costs, order: &mut [usize]) -> bool {
    let n = order.len();
    let mut reversed = false;
    let (mut forth, mut back) = walks(costs, order);
    for i in 0..n {
        let before = i.checked_sub(1).map(|at| order[at]);
        for j in i + 1..n {
            let after = order.get(j + 1).copied();
            let (first, last) = (order[i], order[j]);
            let now =
                costs.step(before, first) + forth[j] - forth[i] + costs.link(Some(last), after);
            let then =
                costs.step(before, last) + back[j] - back[i] + costs.link(Some(first), after);
            if then < now {
                order[i..=j].reverse();
                (forth, back) = walks(costs, order);
                reversed = true;
            }
        }
    }
    reversed
}

/// The exits from the first item to each item of `order`, walking it
/// forth, and walking it back (from each item to the first).
fn walks(costs: &Costs, order: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let mut forth = Vec::with_capacity(order.len());
    let mut back = Vec::with_capacity(order.len());
    let (mut f, mut b) = (0, 0);
    for (at, &x) in order.iter().enumerate() {
        if at > 0 {
            f += costs.step(Some(order[at - 1]), x);
            b += costs.step(Some(x), order[at - 1]);
        }
        forth.push(f);
        back.push(b);
    }
    (forth, back)
}
