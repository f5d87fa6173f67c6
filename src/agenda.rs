//! The order of a meeting's items (the regions a committee discusses) in
//! which members with a conflict step out as few times as possible. Pure
//! and generic: an item is the set of members conflicted on it.
//!
//! A member steps out before each maximal run of consecutive items they are
//! conflicted on, so with C(x) the members conflicted on item x, an order
//! x1..xn makes |C(x1)| + Σ |C(x_{i+1}) \ C(x_i)| exits ([`exits`]): a
//! shortest path through every item, with exits as distances that are not
//! symmetric. [`plan`] finds the fewest by Held–Karp dynamic programming
//! for up to [`EXACT_UP_TO`] items, or as many distinct sets of members
//! (items with the same members are best discussed one after the other),
//! and beyond that by a deterministic heuristic (the nearest neighbour,
//! then moving runs and reversing stretches while that saves exits), never
//! worse than the given order. Among orders as good, the given order's
//! earlier items come first: the same sets give the same order.

mod costs;
mod exact;
mod search;

use costs::Costs;

/// Up to this many items (or distinct sets of members), every order is
/// weighed: 2^16·16 table entries, some tens of milliseconds.
pub const EXACT_UP_TO: usize = 16;

/// How the order was found, and whether it is known to be the best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Every member with a conflict steps out once: no order does better.
    AtBound,
    /// Every order was weighed (dynamic programming): none does better.
    Exact,
    /// Too many items to weigh every order: a heuristic's, which may not
    /// be the best.
    Heuristic,
}

/// An order of the items and what it costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    /// The items (their indexes in the given order) in the order to
    /// discuss them.
    pub order: Vec<usize>,
    /// The exits members make in this order.
    pub exits: usize,
    /// The exits members would make in the given order.
    pub given_exits: usize,
    /// The fewest exits any order can make: the members conflicted on some
    /// item, each stepping out once.
    pub bound: usize,
    pub method: Method,
}

/// Who steps out and who comes back before an item (or after the last).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Moves {
    /// Members conflicted on the item, not on the one before: ascending.
    pub leave: Vec<usize>,
    /// Members conflicted on the one before, not on the item: ascending.
    pub back: Vec<usize>,
}

/// The order of the items with the fewest exits, exactly for up to
/// [`EXACT_UP_TO`] items or distinct sets; `conflicts[i]` lists the members
/// (numbered from 0, in any order) conflicted on item `i`.
pub fn plan(conflicts: &[Vec<usize>]) -> Agenda {
    plan_with(conflicts, EXACT_UP_TO)
}

/// [`plan`], weighing every order for up to `exact_up_to` items or distinct
/// sets (at most 20).
pub fn plan_with(conflicts: &[Vec<usize>], exact_up_to: usize) -> Agenda {
    let exact_up_to = exact_up_to.min(exact::MOST);
    let costs = Costs::new(conflicts);
    let given: Vec<usize> = (0..costs.len()).collect();
    let given_exits = costs.of(&given);
    let bound = costs.bound();
    let (order, weighed) = if given_exits == bound {
        (given, false)
    } else if costs.len() <= exact_up_to {
        (exact::order(&costs), true)
    } else {
        let groups = costs.groups();
        if groups.costs.len() <= exact_up_to {
            (groups.expand(&exact::order(&groups.costs)), true)
        } else {
            (groups.expand(&search::order(&groups.costs)), false)
        }
    };
    let exits = costs.of(&order);
    let method = match (exits == bound, weighed) {
        (true, _) => Method::AtBound,
        (false, true) => Method::Exact,
        (false, false) => Method::Heuristic,
    };
    Agenda {
        order,
        exits,
        given_exits,
        bound,
        method,
    }
}

/// The exits members make when the items are discussed in `order`.
pub fn exits(conflicts: &[Vec<usize>], order: &[usize]) -> usize {
    Costs::new(conflicts).of(order)
}

/// Before each item of `order`, who steps out and who comes back; then,
/// one more, who comes back after the last.
pub fn moves(conflicts: &[Vec<usize>], order: &[usize]) -> Vec<Moves> {
    let set = |i: usize| {
        let mut members = conflicts[i].clone();
        members.sort_unstable();
        members.dedup();
        members
    };
    let mut out = Vec::with_capacity(order.len() + 1);
    let mut before: Vec<usize> = Vec::new();
    for now in order.iter().map(|&i| set(i)).chain([Vec::new()]) {
        out.push(Moves {
            leave: now
                .iter()
                .filter(|m| before.binary_search(m).is_err())
                .copied()
                .collect(),
            back: before
                .iter()
                .filter(|m| now.binary_search(m).is_err())
                .copied()
                .collect(),
        });
        before = now;
    }
    out
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use proptest::prelude::*;

    use super::{Agenda, Method, Moves, exits, moves, plan, plan_with};

    const ANN: usize = 0;
    const BOB: usize = 1;
    const CY: usize = 2;

    /// Every permutation of 0..n, in lexicographic order.
    fn permutations(n: usize) -> Vec<Vec<usize>> {
        let mut order: Vec<usize> = (0..n).collect();
        let mut all = vec![order.clone()];
        // The next permutation: the longest falling tail, the item before
        // it swapped with the tail's smallest larger one, the tail reversed.
        while let Some(i) = (1..n).rev().find(|&i| order[i - 1] < order[i]) {
            let j = (i..n)
                .rev()
                .find(|&j| order[j] > order[i - 1])
                .expect("a larger item in the tail");
            order.swap(i - 1, j);
            order[i..].reverse();
            all.push(order.clone());
        }
        all
    }

    /// The first order, lexicographically, with the fewest exits.
    fn brute_force(conflicts: &[Vec<usize>]) -> (Vec<usize>, usize) {
        permutations(conflicts.len())
            .into_iter()
            .map(|order| {
                let cost = exits(conflicts, &order);
                (order, cost)
            })
            .min_by_key(|(_, cost)| *cost)
            .expect("at least the empty order")
    }

    #[test]
    fn the_sample_permutations_are_all_there_in_order() {
        let all = permutations(3);
        assert_eq!(
            all,
            [
                [0, 1, 2],
                [0, 2, 1],
                [1, 0, 2],
                [1, 2, 0],
                [2, 0, 1],
                [2, 1, 0]
            ]
        );
        assert_eq!(permutations(5).len(), 120);
    }

    /// a = {ann, bob}, b = {}, c = {bob, cy}, d = {ann, cy}.
    ///
    /// In review order: 2 (ann, bob) + 0 (both come back for b) + 2 (bob
    /// again, cy) + 1 (ann again) = 5. The triangle a, c, d costs 4 in any order (the two ends
    /// share a member the middle lacks), and b costs nothing at either end
    /// but an exit between two of them. The first order with 4: a, c, d, b.
    /// No order reaches the bound of 3 (one exit each).
    #[test]
    fn a_triangle_of_conflicts_costs_one_exit_over_the_bound() {
        let conflicts = [vec![ANN, BOB], vec![], vec![BOB, CY], vec![ANN, CY]];
        let agenda = plan(&conflicts);
        assert_eq!(
            agenda,
            Agenda {
                order: vec![0, 2, 3, 1],
                exits: 4,
                given_exits: 5,
                bound: 3,
                method: Method::Exact,
            }
        );
        let moves = moves(&conflicts, &agenda.order);
        let m = |leave: &[usize], back: &[usize]| Moves {
            leave: leave.to_vec(),
            back: back.to_vec(),
        };
        assert_eq!(
            moves,
            [
                m(&[ANN, BOB], &[]),
                m(&[CY], &[ANN]),
                m(&[ANN], &[BOB]),
                m(&[], &[ANN, CY]),
                m(&[], &[]),
            ]
        );
    }

    /// a = {ann}, b = {bob}, c = {ann, bob}, d = {cy}.
    ///
    /// In review order: 1 + 1 (bob; ann back) + 1 (ann again) + 1 (cy) =
    /// 4. Discussing c between a and b keeps ann out for a and c and bob
    /// for c and b: a, c, b, d, 3 exits, one each: the fewest possible.
    #[test]
    fn overlapping_conflicts_are_chained_so_that_each_member_leaves_once() {
        let conflicts = [vec![ANN], vec![BOB], vec![ANN, BOB], vec![CY]];
        let agenda = plan(&conflicts);
        assert_eq!(agenda.order, [0, 2, 1, 3]);
        assert_eq!((agenda.exits, agenda.given_exits, agenda.bound), (3, 4, 3));
        assert_eq!(agenda.method, Method::AtBound);
        let after = moves(&conflicts, &agenda.order);
        assert_eq!(after[3].leave, [CY], "before d");
        assert_eq!(after[3].back, [BOB], "before d");
        assert_eq!(after[4].back, [CY], "after the last");
    }

    #[test]
    fn an_order_already_at_the_bound_is_kept_and_no_conflict_is_no_exit() {
        // ann on a and b, bob on d: review order is as good as any.
        let conflicts = [vec![ANN], vec![ANN], vec![], vec![BOB]];
        let agenda = plan(&conflicts);
        assert_eq!(agenda.order, [0, 1, 2, 3]);
        assert_eq!((agenda.exits, agenda.bound), (2, 2));
        let none = plan(&[vec![], vec![], vec![]]);
        assert_eq!(none.order, [0, 1, 2]);
        assert_eq!((none.exits, none.given_exits, none.bound), (0, 0, 0));
        assert_eq!(plan(&[]).order, Vec::<usize>::new());
    }

    /// Six items, two sets of members: {ann} on items 0, 2, 4 and nobody
    /// on 1, 3, 5. In review order ann steps out three times; grouped (the
    /// exact method on the 2 groups), once.
    #[test]
    fn items_with_the_same_members_are_discussed_together() {
        let conflicts = [vec![ANN], vec![], vec![ANN], vec![], vec![ANN], vec![]];
        let agenda = plan_with(&conflicts, 2);
        assert_eq!(agenda.order, [0, 2, 4, 1, 3, 5]);
        assert_eq!((agenda.exits, agenda.given_exits), (1, 3));
        let heuristic = plan_with(&conflicts, 0);
        assert_eq!(heuristic.exits, 1);
    }

    /// Up to 5 members, up to 4 conflicts an item: some items share their
    /// set, most do not.
    fn conflicts(most_items: usize) -> impl Strategy<Value = Vec<Vec<usize>>> {
        prop::collection::vec(prop::collection::vec(0..5usize, 0..5), 0..=most_items)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn the_exact_method_finds_the_first_best_order_of_brute_force(
            conflicts in conflicts(7)
        ) {
            let agenda = plan(&conflicts);
            let (order, fewest) = brute_force(&conflicts);
            prop_assert_eq!(agenda.exits, fewest);
            prop_assert_eq!(&agenda.order, &order);
            prop_assert_eq!(agenda.exits, exits(&conflicts, &agenda.order));
            prop_assert!(agenda.method != Method::Heuristic);
            prop_assert!(agenda.bound <= agenda.exits);
        }

        #[test]
        fn moves_replayed_leave_out_exactly_the_conflicted_and_count_the_exits(
            conflicts in conflicts(7),
            seed in any::<u64>(),
        ) {
            // Some order of the items: the given one, rotated.
            let n = conflicts.len();
            let shift = if n == 0 { 0 } else { (seed % n as u64) as usize };
            let order: Vec<usize> = (0..n).map(|i| (i + shift) % n).collect();
            let moves = moves(&conflicts, &order);
            prop_assert_eq!(moves.len(), n + 1);
            let mut out: Vec<usize> = Vec::new();
            for (at, step) in moves.iter().enumerate() {
                for m in &step.back {
                    prop_assert!(out.contains(m), "{} returns but was not out", m);
                }
                out.retain(|m| !step.back.contains(m));
                for m in &step.leave {
                    prop_assert!(!out.contains(m), "{} leaves but was out", m);
                    out.push(*m);
                }
                out.sort_unstable();
                let mut expected = order.get(at).map_or_else(Vec::new, |&i| conflicts[i].clone());
                expected.sort_unstable();
                expected.dedup();
                prop_assert_eq!(&out, &expected, "out for item {}", at);
            }
            let leaves: usize = moves.iter().map(|m| m.leave.len()).sum();
            prop_assert_eq!(leaves, exits(&conflicts, &order));
        }

        #[test]
        fn grouping_items_with_the_same_members_loses_nothing(
            conflicts in prop::collection::vec(
                prop::collection::vec(0..2usize, 0..3), 5..=7)
        ) {
            // 2 members: at most 4 distinct sets, fewer than the items.
            let agenda = plan_with(&conflicts, 4);
            prop_assert_eq!(agenda.exits, brute_force(&conflicts).1);
            prop_assert!(agenda.method != Method::Heuristic);
        }

        #[test]
        fn the_heuristic_gives_a_permutation_no_worse_than_review_order_every_time(
            conflicts in conflicts(9)
        ) {
            let agenda = plan_with(&conflicts, 0);
            let mut sorted = agenda.order.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..conflicts.len()).collect::<Vec<_>>());
            prop_assert_eq!(agenda.exits, exits(&conflicts, &agenda.order));
            let given: Vec<usize> = (0..conflicts.len()).collect();
            prop_assert_eq!(agenda.given_exits, exits(&conflicts, &given));
            prop_assert!(agenda.exits <= agenda.given_exits);
            prop_assert!(agenda.bound <= agenda.exits);
            prop_assert_eq!(&plan_with(&conflicts, 0), &agenda);
            if agenda.method == Method::AtBound {
                prop_assert_eq!(agenda.exits, agenda.bound);
            }
        }
    }
}
