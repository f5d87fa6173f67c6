//! The fewest exits, exactly: Held–Karp dynamic programming over the
//! subsets of the items, O(2^n·n²) time and O(2^n·n) memory.

use super::costs::Costs;

/// The most items [`order`] takes: 2^20·20 table entries, 168 MB.
pub(super) const MOST: usize = 20;

/// The order of `costs`' items with the fewest exits; among several, the
/// first in lexicographic order of the items (so the given order itself
/// when it is one of them). For at most [`MOST`] items: the caller sees to
/// it.
pub(super) fn order(costs: &Costs) -> Vec<usize> {
    let n = costs.len();
    debug_assert!(n <= MOST, "{n} items are too many to weigh every order");
    if n == 0 {
        return Vec::new();
    }
    let rest = table(costs, n);
    // Walk from the start, taking each time the first item that still
    // leads to the fewest exits.
    let full = (1usize << n) - 1;
    let mut left = full;
    let mut before = None;
    let mut to_go = (0..n)
        .map(|j| costs.step(None, j) + rest[full * n + j])
        .min()
        .unwrap_or(0);
    let mut order = Vec::with_capacity(n);
    while left != 0 {
        let next = members(left)
            .find(|&j| costs.step(before, j) + rest[left * n + j] == to_go)
            .unwrap_or_else(|| left.trailing_zeros() as usize);
        to_go -= costs.step(before, next).min(to_go);
        order.push(next);
        left &= !(1 << next);
        before = Some(next);
    }
    order
}

/// `rest[s·n + j]`, for item `j` in set `s`: the fewest exits of a
/// path that starts at `j` and goes through every item of `s`, not
/// counting those before `j` itself.
fn table(costs: &Costs, n: usize) -> Vec<usize> {
    let steps: Vec<usize> = (0..n * n)
        .map(|at| costs.step(Some(at / n), at % n))
        .collect();
    let mut rest = vec![usize::MAX; (1 << n) * n];
    for j in 0..n {
        rest[(1 << j) * n + j] = 0;
    }
    for set in 1usize..(1 << n) {
        if set.count_ones() < 2 {
            continue;
        }
        for j in members(set) {
            let others = set & !(1 << j);
            rest[set * n + j] = members(others)
                .map(|k| steps[j * n + k] + rest[others * n + k])
                .min()
                .unwrap_or(0);
        }
    }
    rest
}

/// The items of a set, ascending.
fn members(set: usize) -> impl Iterator<Item = usize> {
    let mut left = set;
    std::iter::from_fn(move || {
        if left == 0 {
            return None;
        }
        let at = left.trailing_zeros() as usize;
        left &= left - 1;
        Some(at)
    })
}
