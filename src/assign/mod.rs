//! Who reviews what: the exact solver behind `panelist assign` (SPEC,
//! "Assignment"). Given K, the regions' and members' fields, the members'
//! loads, the conflicts and the kept pairs, as indices and small integers,
//! it finds K members for every region, no conflicted pair, every kept pair
//! and nobody above their load, with the largest sum over assigned pairs of
//! the fields they share; or says precisely why there is no such
//! assignment ([`Infeasible`]). The solver knows nothing of reviews, ids or
//! files: `plan.rs` builds a panel's [`Problem`] from a review and gives
//! the lists back, and the command words the outcome.
//!
//! It is a b-matching, solved as a minimum-cost flow (`flow.rs`) on a
//! network that is never built: its R × M region–member arcs (20 million
//! for 10,000 regions and 2,000 members) are a bit each for "closed" and a
//! cost shared by regions with the same fields (`network.rs`). Shortest
//! paths run on integer buckets (`paths.rs`), and flow moves along all
//! shortest paths at once (`augment.rs`). No crate fits: the LP solvers
//! (good_lp with microlp) cannot hold 20 million variables; mcmf (LEMON's
//! network simplex in C++, last released in 2018) stores every arc, some
//! tens of bytes each, before it starts; rs-graph is GPL; the Hungarian
//! method of `pathfinding` matches one to one, which means a dense
//! 30,000 × 30,000 matrix of places and O(n³) time.
//!
//! At the largest size (10,000 regions, 2,000 members, K = 3, every
//! member full) it takes about a second and a few MB (`benches/assign.rs`).

mod augment;
mod flow;
mod infeasible;
mod network;
mod paths;
mod plan;
mod problem;

pub use flow::solve;
pub use infeasible::{
    Crowded, Infeasible, KeptBreaks, Malformed, Overloaded, Shortfall, Uncoverable,
};
pub use plan::{Plan, Request, conflicted_regions, default_load, plan};
pub use problem::{Assignment, Problem};

#[cfg(test)]
mod tests;
