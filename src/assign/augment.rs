//! Moving flow along every shortest path at once: after the potentials
//! moved, the arcs of reduced cost 0 form the admissible network, and a
//! pass of depth-first searches from the regions still short of members
//! (ascending), each trying members in ascending order, pushes one unit
//! along each path it finds. A node a search left without reaching the
//! sink is not visited again in the pass, while the nodes of a path found
//! stay open to later searches; a region's next member to try only moves
//! forward, so a pass reads each region's row of arcs at most once. Leaving
//! a node for the rest of the pass may pass over a path that a later
//! search would have found (one the flow just moved opened, or one through
//! the search's own path); the next pass finds it. Passes repeat until one
//! moves nothing: that pass searched every node reachable from every short
//! region, so no admissible path is left.

use super::network::Network;

/// What a pass remembers, kept between passes to reuse the memory.
#[derive(Default)]
pub(super) struct Walk {
    /// The pass in which each region or member was last visited.
    seen_region: Vec<u32>,
    seen_member: Vec<u32>,
    pass: u32,
    /// The next member each region tries, the next of `held` each member tries.
    next_member: Vec<usize>,
    next_region: Vec<usize>,
    /// The path being searched: regions, and the members between them.
    regions: Vec<usize>,
    members: Vec<usize>,
}

/// One pass over the admissible network; returns how many units it moved.
pub(super) fn pass(network: &mut Network, walk: &mut Walk) -> u64 {
    walk.begin(network);
    let mut moved = 0;
    for root in 0..network.regions {
        // Only a region whose potential is still the source's hangs from
        // it by an admissible arc (all short regions do, by construction).
        while network.need[root] > 0 && network.potential_region[root] == 0 {
            if !walk.find(network, root) {
                break;
            }
            moved += 1;
        }
    }
    moved
}

impl Walk {
    fn begin(&mut self, network: &Network) {
        if self.seen_region.len() != network.regions || self.pass == u32::MAX {
            self.seen_region = vec![0; network.regions];
            self.seen_member = vec![0; network.members];
            self.pass = 0;
        }
        self.pass += 1;
        self.next_member.clear();
        self.next_member.resize(network.regions, 0);
        self.next_region.clear();
        self.next_region.resize(network.members, 0);
    }

    /// Searches for one admissible path from `root` to the sink and moves
    /// a unit along it.
    fn find(&mut self, network: &mut Network, root: usize) -> bool {
        self.regions.clear();
        self.members.clear();
        self.regions.push(root);
        self.seen_region[root] = self.pass;
        while let Some(&region) = self.regions.last() {
            if let Some(member) = self.member_after(network, region) {
                if network.ends(member) {
                    self.augment(network, member);
                    return true;
                }
                self.seen_member[member] = self.pass;
                self.descend(network, member);
                continue;
            }
            // Nothing admissible left from `region`: back up to the member
            // that led to it, who tries their next region.
            self.regions.pop();
            if let Some(member) = self.members.pop() {
                self.descend(network, member);
            }
        }
        false
    }

    /// Steps from `member` back to the next region they hold by an
    /// admissible arc, if any, extending the path.
    fn descend(&mut self, network: &Network, member: usize) {
        if let Some(region) = self.region_after(network, member) {
            self.members.push(member);
            self.regions.push(region);
            self.seen_region[region] = self.pass;
        }
    }

    /// The next member `region` reaches by an admissible arc, not yet seen
    /// in this pass.
    fn member_after(&mut self, network: &Network, region: usize) -> Option<usize> {
        let closed = network.closed_row(region);
        let mut at = self.next_member[region];
        while at < network.members {
            let open = !closed[at / 64] >> (at % 64);
            if open == 0 {
                at = (at / 64 + 1) * 64;
                continue;
            }
            at += open.trailing_zeros() as usize;
            if at >= network.members {
                break;
            }
            if self.seen_member[at] != self.pass && network.forward(region, at) == 0 {
                self.next_member[region] = at + 1;
                return Some(at);
            }
            at += 1;
        }
        self.next_member[region] = network.members;
        None
    }

    /// The next region `member` holds and can hand back by an admissible
    /// arc, not yet seen in this pass.
    fn region_after(&mut self, network: &Network, member: usize) -> Option<usize> {
        let held = &network.held[member];
        while let Some(&region) = held.get(self.next_region[member]) {
            self.next_region[member] += 1;
            let region = region as usize;
            if self.seen_region[region] != self.pass && network.backward(member, region) == 0 {
                return Some(region);
            }
        }
        None
    }

    /// Moves one unit along the path found: each region on it takes the
    /// next member, each member but the last gives up the region after it,
    /// and the last takes one more.
    fn augment(&mut self, network: &mut Network, last: usize) {
        for (&member, &region) in self.members.iter().zip(&self.regions[1..]) {
            network.unassign(region, member);
        }
        for (&region, &member) in self.regions.iter().zip(&self.members) {
            network.assign(region, member);
        }
        if let (Some(&region), Some(&root)) = (self.regions.last(), self.regions.first()) {
            network.assign(region, last);
            network.need[root] -= 1;
            network.spare[last] -= 1;
            network.open -= 1;
        }
        // The nodes of the path may lie on other shortest paths: later
        // searches of this pass may use them again (a member's list of
        // regions changed, so they start it afresh).
        for &region in &self.regions {
            self.seen_region[region] = 0;
        }
        for &member in &self.members {
            self.seen_member[member] = 0;
            self.next_region[member] = 0;
        }
    }
}
