//! What an order of items costs: the exits of members before each item.

use std::collections::HashMap;

use fixedbitset::FixedBitSet;

/// The members conflicted on each item, as sets, and the exits an order of
/// the items makes.
#[derive(Debug, Clone)]
pub(super) struct Costs {
    sets: Vec<FixedBitSet>,
}

impl Costs {
    /// `conflicts[i]`: the members (any numbers, in any order, repeated or
    /// not) conflicted on item `i`.
    pub(super) fn new(conflicts: &[Vec<usize>]) -> Costs {
        let members = conflicts.iter().flatten().max().map_or(0, |m| m + 1);
        let sets = conflicts
            .iter()
            .map(|members_of| {
                let mut set = FixedBitSet::with_capacity(members);
                for &m in members_of {
                    set.insert(m);
                }
                set
            })
            .collect();
        Costs { sets }
    }

    pub(super) fn len(&self) -> usize {
        self.sets.len()
    }

    /// The exits before item `x` when `before` was discussed just before
    /// it (`None`: `x` comes first): the members conflicted on `x` who
    /// were not out already.
    pub(super) fn step(&self, before: Option<usize>, x: usize) -> usize {
        match before {
            None => self.sets[x].count_ones(..),
            Some(b) => self.sets[x].difference_count(&self.sets[b]),
        }
    }

    /// [`Costs::step`] to an item or to the end of the meeting, where
    /// nobody steps out.
    pub(super) fn link(&self, before: Option<usize>, next: Option<usize>) -> usize {
        next.map_or(0, |x| self.step(before, x))
    }

    /// The members conflicted on both `a` and `b` (none when `a` is the
    /// start).
    pub(super) fn overlap(&self, a: Option<usize>, b: usize) -> usize {
        a.map_or(0, |a| self.sets[a].intersection_count(&self.sets[b]))
    }

    /// The exits of `order`.
    pub(super) fn of(&self, order: &[usize]) -> usize {
        let mut before = None;
        let mut exits = 0;
        for &x in order {
            exits += self.step(before, x);
            before = Some(x);
        }
        exits
    }

    /// The fewest exits any order can make: every member conflicted on
    /// some item steps out at least once.
    pub(super) fn bound(&self) -> usize {
        let mut all = FixedBitSet::new();
        for set in &self.sets {
            all.union_with(set);
        }
        all.count_ones(..)
    }

    /// The items grouped by their set of members, groups in the order of
    /// their first item, items of a group in their order. Discussing a
    /// group's items one after the other never costs an exit more (the
    /// exits obey the triangle inequality), so an order of the groups is
    /// as good as the best order of the items.
    pub(super) fn groups(&self) -> Groups {
        let mut at: HashMap<&FixedBitSet, usize> = HashMap::new();
        let mut sets = Vec::new();
        let mut items: Vec<Vec<usize>> = Vec::new();
        for (i, set) in self.sets.iter().enumerate() {
            let g = *at.entry(set).or_insert_with(|| {
                sets.push(set.clone());
                items.push(Vec::new());
                sets.len() - 1
            });
            items[g].push(i);
        }
        Groups {
            costs: Costs { sets },
            items,
        }
    }
}

/// Items with the same members conflicted on them, as one item each.
pub(super) struct Groups {
    /// The groups as items.
    pub(super) costs: Costs,
    /// Each group's items.
    items: Vec<Vec<usize>>,
}

impl Groups {
    /// The items of an order of the groups.
    pub(super) fn expand(&self, order: &[usize]) -> Vec<usize> {
        order
            .iter()
            .flat_map(|&g| self.items[g].iter().copied())
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::Costs;

    #[test]
    fn exits_count_a_member_again_only_after_they_came_back() {
        // Members 0 and 1 on item a, 1 on b, 0 on c, nobody on d.
        let costs = Costs::new(&[vec![0, 1], vec![1], vec![0, 0], vec![]]);
        assert_eq!(costs.step(None, 0), 2);
        assert_eq!(costs.step(Some(0), 1), 0, "1 is out already");
        assert_eq!(costs.step(Some(1), 2), 1, "0 steps out");
        assert_eq!(costs.step(Some(2), 3), 0);
        assert_eq!(costs.link(Some(3), None), 0);
        assert_eq!(costs.of(&[0, 1, 2, 3]), 3);
        assert_eq!(costs.of(&[1, 0, 2, 3]), 2);
        assert_eq!(costs.bound(), 2);
        assert_eq!(costs.overlap(Some(0), 2), 1);
        assert_eq!(costs.overlap(None, 2), 0);
    }

    #[test]
    fn groups_keep_first_appearance_and_item_order() {
        let costs = Costs::new(&[vec![], vec![1], vec![], vec![1], vec![0]]);
        let groups = costs.groups();
        assert_eq!(groups.costs.len(), 3);
        assert_eq!(groups.expand(&[0, 1, 2]), [0, 2, 1, 3, 4]);
        assert_eq!(groups.expand(&[2, 1, 0]), [4, 1, 3, 0, 2]);
    }
}
