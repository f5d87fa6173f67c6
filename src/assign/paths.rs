//! Shortest paths from the source in the residual network, by reduced cost
//! (never negative, so Dijkstra's order holds) with a bucket per distance
//! (Dial): distances are small integers, bounded by the sink's, so a bucket
//! is a `Vec` and a step is a push or a pop. The search stops at the sink's
//! distance: nothing farther is needed to move the potentials.

use super::network::Network;

pub(super) const UNREACHED: i64 = i64::MAX;

/// The distances of one search, kept between searches to reuse their memory.
#[derive(Default)]
pub(super) struct Search {
    pub region: Vec<i64>,
    pub member: Vec<i64>,
    /// Nodes by tentative distance: regions `0..R`, members `R..R + M`.
    buckets: Vec<Vec<u32>>,
}

impl Search {
    fn reset(&mut self, network: &Network) {
        self.region.clear();
        self.region.resize(network.regions, UNREACHED);
        self.member.clear();
        self.member.resize(network.members, UNREACHED);
        for bucket in &mut self.buckets {
            bucket.clear();
        }
    }

    /// The regions the search reached, ascending.
    pub fn reached(&self) -> Vec<u32> {
        (0u32..)
            .zip(&self.region)
            .filter(|&(_, &d)| d < UNREACHED)
            .map(|(region, _)| region)
            .collect()
    }
}

/// Fills `search` with reduced distances from the source (exact below the
/// sink's, larger or `UNREACHED` beyond) and returns the sink's, or `None`
/// when no place can be filled any more: the flow is then a maximum one and
/// every region `search` reached is on the source's side of a minimum cut.
pub(super) fn shortest(network: &Network, search: &mut Search) -> Option<i64> {
    search.reset(network);
    let regions = network.regions;
    for r in 0..regions {
        if network.need[r] > 0 {
            // A region short of members hangs from the source by an arc of
            // cost 0, and its potential is still the source's.
            let d = (-network.potential_region[r]).max(0);
            search.region[r] = d;
            push(&mut search.buckets, d, r as u32);
        }
    }
    let mut sink = UNREACHED;
    let mut level = 0;
    while level < search.buckets.len() && (level as i64) < sink {
        let Some(node) = search.buckets[level].pop() else {
            level += 1;
            continue;
        };
        let d = level as i64;
        let node = node as usize;
        if node < regions {
            if search.region[node] == d {
                from_region(network, node, d, search, sink);
            }
        } else if search.member[node - regions] == d {
            sink = sink.min(from_member(network, node - regions, d, search, sink));
        }
    }
    (sink < UNREACHED).then_some(sink)
}

fn push(buckets: &mut Vec<Vec<u32>>, d: i64, node: u32) {
    let at = d as usize;
    if at >= buckets.len() {
        buckets.resize_with(at + 1, Vec::new);
    }
    buckets[at].push(node);
}

/// Relaxes every open arc from `region` (all members but the few closed to
/// it: the dense part of the network, M arcs).
fn from_region(network: &Network, region: usize, d: i64, search: &mut Search, sink: i64) {
    let base = d + network.potential_region[region];
    let costs = network.cost_row(region);
    let potential = &network.potential_member;
    let members = network.members;
    for (word, &closed) in network.closed_row(region).iter().enumerate() {
        let mut open = !closed;
        while open != 0 {
            let member = word * 64 + open.trailing_zeros() as usize;
            open &= open - 1;
            if member >= members {
                break;
            }
            let to = base + i64::from(costs[member]) - potential[member];
            debug_assert!(to >= d, "a negative reduced cost {region} -> {member}");
            if to < search.member[member] && to < sink {
                search.member[member] = to;
                push(&mut search.buckets, to, (network.regions + member) as u32);
            }
        }
    }
}

/// Relaxes the arcs from `member`: back to each region the flow gave them,
/// and to the sink if they can take more; returns the sink's distance
/// through them (`UNREACHED` if they cannot).
fn from_member(network: &Network, member: usize, d: i64, search: &mut Search, sink: i64) -> i64 {
    let mut best = UNREACHED;
    if network.spare[member] > 0 {
        best = d + network.potential_member[member] - network.potential_sink;
    }
    let sink = sink.min(best);
    for &region in &network.held[member] {
        let region = region as usize;
        let to = d + network.backward(member, region);
        debug_assert!(to >= d, "a negative reduced cost {member} -> {region}");
        if to < search.region[region] && to < sink {
            search.region[region] = to;
            push(&mut search.buckets, to, region as u32);
        }
    }
    best
}

/// Moves the potentials by the distances `search` found, capped at the
/// sink's: reduced costs stay non-negative, and every arc on a shortest
/// path to the sink gets reduced cost 0.
pub(super) fn lift(network: &mut Network, search: &Search, sink: i64) {
    for (potential, &d) in network.potential_region.iter_mut().zip(&search.region) {
        *potential += d.min(sink);
    }
    for (potential, &d) in network.potential_member.iter_mut().zip(&search.member) {
        *potential += d.min(sink);
    }
    network.potential_sink += sink;
}
