//! How the analysis is made: its rounds and seed, and when it runs without
//! being asked for.

use crate::merge::Results;

/// How many bootstrap rounds, unless the review is very large.
pub const DEFAULT_ROUNDS: u32 = 2000;
/// The seed of the bootstrap, unless another is asked for.
pub const DEFAULT_SEED: u64 = 1;
/// A reviewer sharing fewer cells than this with the others is not calibrated.
pub const DEFAULT_MIN_SHARED_CELLS: u32 = 5;
/// A region is solid when, besides passing every other check, it keeps its
/// place (in or out) in at least this share of the bootstrap rounds.
pub const SOLID_SHARE: f64 = 0.95;

/// Work of the bootstrap, in rounds × (marks + 1000 × regions): ranking
/// the regions again is what each round costs most at a national scale.
/// This keeps 10,000 regions around a second and a half on one core.
const BUDGET: usize = 1_000_000_000;
/// Fewer rounds than this would say too little.
pub const MIN_ROUNDS: u32 = 100;

/// How the analysis is made; recorded with it, so that it can be redone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub rounds: u32,
    pub seed: u64,
    pub min_shared_cells: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            rounds: DEFAULT_ROUNDS,
            seed: DEFAULT_SEED,
            min_shared_cells: DEFAULT_MIN_SHARED_CELLS,
        }
    }
}

/// Up to this many counting marks the analysis runs by default, in `merge`
/// and `results`: about a third of a second at 1,000 regions (53,000
/// marks), but a second more at 10,000, where the merge alone takes half a
/// second. Above, `merge --analysis` asks for it.
pub const BY_DEFAULT_UP_TO: usize = 100_000;

/// Whether the analysis runs unless asked not to (`merge`, `results`): up
/// to [`BY_DEFAULT_UP_TO`] counting marks.
pub fn by_default(results: &Results) -> bool {
    counting_marks(results) <= BY_DEFAULT_UP_TO
}

/// The counting marks of these results: what the analysis's cost grows with.
pub fn counting_marks(results: &Results) -> usize {
    results.regions.iter().map(|r| r.marks as usize).sum()
}

impl Settings {
    /// The defaults for these results: 2,000 rounds, fewer (never below
    /// 100) when a review is so large that 2,000 would take more than a
    /// second or two.
    pub fn for_results(results: &Results) -> Settings {
        let marks = counting_marks(results);
        let per_round = marks + 1000 * results.regions.len();
        let affordable = BUDGET / per_round.max(1);
        Settings {
            rounds: (affordable.min(DEFAULT_ROUNDS as usize) as u32).max(MIN_ROUNDS),
            ..Settings::default()
        }
    }
}
