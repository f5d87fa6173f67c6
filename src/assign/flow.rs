//! The solver: a minimum-cost flow by the primal-dual method on the
//! implicit network of `network.rs`.
//!
//! Each round finds shortest paths from the source with reduced costs
//! (`paths.rs`, Dijkstra on integer buckets), moves the potentials by them,
//! and then moves as much flow as the arcs of reduced cost 0 carry
//! (`augment.rs`, passes of depth-first search). The sink's distance grows
//! by at least 1 each round, and it is bounded by the last path's cost:
//! with weights of a few fields, a handful of rounds, each costing a few
//! scans of the R × M pairs. Successive shortest paths one unit at a time
//! would cost K × R searches of the same size.
//!
//! The flow is optimal when every place is filled (the potentials prove
//! it: no residual cycle has negative cost). When the sink can no longer be
//! reached, the flow is a maximum one below K × R, and the regions the last
//! search reached are a group that Hall's condition fails for.

use super::augment::{Walk, pass};
use super::infeasible::{Infeasible, check, shortfall};
use super::network::Network;
use super::paths::{Search, lift, shortest};
use super::problem::{Assignment, Problem};

/// The assignment of [`Problem::per_region`] members to every region that
/// has the largest objective, or why there is none.
///
/// Deterministic: the pairs are sorted first, there is no hashing and no
/// thread, so the same problem gives the same assignment on any machine;
/// the order of `forbidden` and `kept`, and of the fields in each list,
/// never matters. Among equally good assignments the tie goes by the order
/// of the search, which is fixed: regions short of members are served in
/// ascending order, and a region looking for a member tries members in
/// ascending order, taking the first through whom the best total is still
/// reachable, even when that member moves to it from an earlier region
/// (which then takes the next member as good). So lower-numbered members
/// are preferred where the choice is free. This is a property of the
/// procedure, not a lexicographic minimum over all optimal assignments,
/// which would cost a search per region.
pub fn solve(problem: &Problem) -> Result<Assignment, Infeasible> {
    let pairs = check(problem)?;
    let mut network = Network::new(problem, &pairs);
    let mut search = Search::default();
    let mut walk = Walk::default();
    while network.open > 0 {
        let Some(sink) = shortest(&network, &mut search) else {
            return Err(shortfall(problem, &pairs, search.reached()));
        };
        lift(&mut network, &search, sink);
        // A shortest path now has reduced cost 0 throughout, so the first
        // pass moves at least one unit: the rounds always progress.
        let moved = pass(&mut network, &mut walk);
        assert!(moved > 0, "a shortest path the pass did not find");
        while network.open > 0 && pass(&mut network, &mut walk) > 0 {}
    }
    Ok(network.assignment())
}
