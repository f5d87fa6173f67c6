//! The review's data model: `review.ron` and panel files, exactly as SPEC.md
//! writes them. Plain data with serde; no I/O here.
//!
//! Every struct denies unknown fields: a misspelt `submited: true` must be an
//! error, not a silently ignored line that turns a submitted sheet into a draft.

mod change;
mod conflict;
mod index;
mod keys;
mod panel_file;
mod programme;
mod review;
mod unique_map;

pub use change::{Change, ConsensusChange};
pub use conflict::{Conflict, conflict, institution_key};
pub use index::Index;
pub use keys::{KeyLineError, public_key};
pub use panel_file::{Consensus, Mark, PanelFile, Scores, Sheet};
pub use programme::{Budget, BudgetRule, Follows, Lottery, PROGRAMME_EPSILON, Rule, Tier};
pub use review::{
    Aggregate, Category, Committee, Criterion, GRID_TOLERANCE, Panel, Placed, Refusal, Region,
    Regions, Reveal, Review, Reviewer, SELECTED_TIER, depth_first, format_points, on_grid,
    same_points, valid_id,
};
pub use unique_map::UniqueMap;
