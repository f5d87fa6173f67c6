//! The problem as a flow network, held implicitly: source → region
//! (capacity K less its kept pairs), region → member for every pair not
//! closed (capacity 1, cost `top - weight`), member → sink (capacity their
//! load less their kept pairs). The R × M region → member arcs are never
//! stored: a pair's cost comes from its region's fields (regions with the
//! same set of fields share one row of costs) and whether it may carry flow
//! from one bit. Only flow is stored, as each member's list of regions:
//! K per region, so tens of thousands of entries where the arcs would be
//! tens of millions.
//!
//! Potentials make every residual arc's reduced cost non-negative (Johnson),
//! so that shortest paths can be found with integer buckets
//! (`paths.rs`) and the arcs of reduced cost 0 carry the flow (`augment.rs`).

use std::collections::BTreeMap;

use super::problem::{Assignment, Pairs, Problem, as_set};

pub(super) struct Network {
    pub regions: usize,
    pub members: usize,
    /// `u64` words per region in `closed`.
    words: usize,
    /// Bit (r, m): the arc r → m carries no more flow, because the pair is
    /// forbidden, kept (already counted), or already assigned by the flow.
    closed: Vec<u64>,
    /// Per region, the row of `costs` for its set of fields.
    row: Vec<u32>,
    /// Per set of region fields, per member: `top - weight`, never negative.
    costs: Vec<u32>,
    /// The largest weight of any pair.
    top: u32,
    /// Per region, members still missing (K less kept and assigned).
    pub need: Vec<u32>,
    /// Per member, regions they can still take.
    pub spare: Vec<u32>,
    /// Per member, the regions the flow gave them (kept pairs are not
    /// here: the flow never moves them), in the order given.
    pub held: Vec<Vec<u32>>,
    /// Places still open: the sum of `need`.
    pub open: u64,
    /// Potentials of regions, members and the sink; the source's is 0.
    pub potential_region: Vec<i64>,
    pub potential_member: Vec<i64>,
    pub potential_sink: i64,
    kept: Vec<(u32, u32)>,
}

impl Network {
    /// The network of `problem`, whose pairs passed `infeasible::check`.
    pub fn new(problem: &Problem, pairs: &Pairs) -> Network {
        let (regions, members) = (problem.regions(), problem.members());
        let words = members.div_ceil(64);
        let (row, costs, top) = costs(problem);
        let mut network = Network {
            regions,
            members,
            words,
            closed: vec![0; regions * words],
            row,
            costs,
            top,
            need: vec![problem.per_region; regions],
            spare: problem.loads.clone(),
            held: vec![Vec::new(); members],
            open: 0,
            potential_region: vec![0; regions],
            potential_member: vec![0; members],
            potential_sink: 0,
            kept: pairs.kept.clone(),
        };
        for &(region, member) in &pairs.forbidden {
            network.close(region as usize, member as usize);
        }
        for &(region, member) in &pairs.kept {
            let (r, m) = (region as usize, member as usize);
            network.close(r, m);
            network.need[r] = network.need[r].saturating_sub(1);
            network.spare[m] = network.spare[m].saturating_sub(1);
        }
        network.open = network.need.iter().map(|&need| u64::from(need)).sum();
        network
    }

    /// The words of `region`'s row of closed bits; bits past the last member
    /// are 0 (open), so readers mask them.
    pub fn closed_row(&self, region: usize) -> &[u64] {
        &self.closed[region * self.words..(region + 1) * self.words]
    }

    /// Per member, the cost of an arc from `region`.
    pub fn cost_row(&self, region: usize) -> &[u32] {
        let at = self.row[region] as usize * self.members;
        &self.costs[at..at + self.members]
    }

    pub fn cost(&self, region: usize, member: usize) -> i64 {
        i64::from(self.costs[self.row[region] as usize * self.members + member])
    }

    /// The reduced cost of the arc region → member.
    pub fn forward(&self, region: usize, member: usize) -> i64 {
        self.cost(region, member) + self.potential_region[region] - self.potential_member[member]
    }

    /// The reduced cost of the arc member → region (the flow's way back).
    pub fn backward(&self, member: usize, region: usize) -> i64 {
        self.potential_member[member] - self.potential_region[region] - self.cost(region, member)
    }

    /// Whether a path may end at `member`: they can take more. Their arc to
    /// the sink then has reduced cost 0 (a member who can take more is
    /// never farther than the sink, so the potentials move them alike), and
    /// a member once full stays full.
    pub fn ends(&self, member: usize) -> bool {
        debug_assert!(
            self.spare[member] == 0 || self.potential_member[member] == self.potential_sink
        );
        self.spare[member] > 0
    }

    fn close(&mut self, region: usize, member: usize) {
        self.closed[region * self.words + member / 64] |= 1 << (member % 64);
    }

    fn reopen(&mut self, region: usize, member: usize) {
        self.closed[region * self.words + member / 64] &= !(1 << (member % 64));
    }

    /// Gives `region` to `member` (flow on the arc).
    pub fn assign(&mut self, region: usize, member: usize) {
        self.close(region, member);
        self.held[member].push(region as u32);
    }

    /// Takes `region` back from `member` (flow off the arc).
    pub fn unassign(&mut self, region: usize, member: usize) {
        self.reopen(region, member);
        let held = &mut self.held[member];
        if let Some(at) = held.iter().position(|&r| r as usize == region) {
            held.remove(at);
        }
    }

    /// The assignment the flow and the kept pairs make, with its objective.
    pub fn assignment(&self) -> Assignment {
        let mut members = vec![Vec::new(); self.regions];
        for (member, held) in (0u32..).zip(&self.held) {
            for &region in held {
                members[region as usize].push(member);
            }
        }
        for &(region, member) in &self.kept {
            members[region as usize].push(member);
        }
        let mut objective = 0;
        for (region, list) in members.iter_mut().enumerate() {
            list.sort_unstable();
            for &member in list.iter() {
                objective += u64::from(self.top) - self.cost(region, member as usize) as u64;
            }
        }
        Assignment { members, objective }
    }
}

/// Per region its row, the rows of costs (one per distinct set of region
/// fields, M costs each), and the largest weight. Fields are numbered by
/// the regions' fields alone: a member's other fields weigh nothing.
fn costs(problem: &Problem) -> (Vec<u32>, Vec<u32>, u32) {
    let fields = as_set(&problem.region_fields.concat());
    let words = fields.len().div_ceil(64).max(1);
    let bits = |list: &[u32]| {
        let mut set = vec![0u64; words];
        for field in list {
            if let Ok(at) = fields.binary_search(field) {
                set[at / 64] |= 1 << (at % 64);
            }
        }
        set
    };
    let mut sets: BTreeMap<Vec<u64>, u32> = BTreeMap::new();
    let mut rows: Vec<Vec<u64>> = Vec::new();
    let row: Vec<u32> = problem
        .region_fields
        .iter()
        .map(|list| {
            let set = bits(list);
            *sets.entry(set.clone()).or_insert_with(|| {
                rows.push(set);
                rows.len() as u32 - 1
            })
        })
        .collect();
    let members: Vec<Vec<u64>> = problem
        .member_fields
        .iter()
        .map(|list| bits(list))
        .collect();
    let mut weights = Vec::with_capacity(rows.len() * members.len());
    for set in &rows {
        for theirs in &members {
            let shared: u32 = set
                .iter()
                .zip(theirs)
                .map(|(a, b)| (a & b).count_ones())
                .sum();
            weights.push(shared);
        }
    }
    let top = weights.iter().copied().max().unwrap_or(0);
    let costs = weights.into_iter().map(|weight| top - weight).collect();
    (row, costs, top)
}
