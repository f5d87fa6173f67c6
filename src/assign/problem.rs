//! What the solver is given and what it gives back: regions, members and
//! their fields as small integers, with no ids, names or files behind them.

/// Who may review what: exactly [`per_region`](Problem::per_region) members
/// for every region, each member on at most their load of regions.
///
/// Regions are `0..region_fields.len()`, members `0..member_fields.len()`;
/// `loads` has one entry per member. Field ids are any `u32`s (the caller
/// interns its field names); a list of fields is a set, in any order and
/// with repeats allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problem {
    /// K: members each region needs.
    pub per_region: u32,
    /// Per region: its field ids (interned small integers, any order, may repeat).
    pub region_fields: Vec<Vec<u32>>,
    /// Per member: their field ids.
    pub member_fields: Vec<Vec<u32>>,
    /// Per member: the most regions they take.
    pub loads: Vec<u32>,
    /// (region, member) pairs that may not be assigned (conflicts), any order, may repeat.
    pub forbidden: Vec<(u32, u32)>,
    /// (region, member) pairs that must be assigned (`--keep`), any order, may repeat.
    pub kept: Vec<(u32, u32)>,
}

/// The best assignment: K members per region, no forbidden pair, every kept
/// pair, nobody above their load, and no other such assignment with a
/// larger objective.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assignment {
    /// Per region, its K members, ascending.
    pub members: Vec<Vec<u32>>,
    /// The sum over assigned pairs of |fields(member) ∩ fields(region)|
    /// (fields as sets).
    pub objective: u64,
}

impl Problem {
    /// R: how many regions.
    pub fn regions(&self) -> usize {
        self.region_fields.len()
    }

    /// M: how many members.
    pub fn members(&self) -> usize {
        self.member_fields.len()
    }

    /// The fields `region` and `member` share, counted once each: what the
    /// pair adds to the objective. 0 for an index out of range.
    pub fn weight(&self, region: usize, member: usize) -> u64 {
        let (Some(ours), Some(theirs)) = (
            self.region_fields.get(region),
            self.member_fields.get(member),
        ) else {
            return 0;
        };
        let theirs = as_set(theirs);
        as_set(ours)
            .iter()
            .filter(|field| theirs.binary_search(field).is_ok())
            .count() as u64
    }

    /// `forbidden` and `kept` sorted and without repeats: what the solver
    /// works from, so that their order never matters.
    pub(super) fn pairs(&self) -> Pairs {
        Pairs {
            forbidden: as_set(&self.forbidden),
            kept: as_set(&self.kept),
        }
    }
}

/// The pairs of a [`Problem`], each list sorted and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Pairs {
    pub forbidden: Vec<(u32, u32)>,
    pub kept: Vec<(u32, u32)>,
}

/// `list` sorted, without repeats.
pub(super) fn as_set<T: Ord + Copy>(list: &[T]) -> Vec<T> {
    let mut set = list.to_vec();
    set.sort_unstable();
    set.dedup();
    set
}
