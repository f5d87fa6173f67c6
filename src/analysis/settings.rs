//! How the analysis is made: its rounds and seed.

/// The fewest bootstrap rounds, however precise the shares are sooner.
pub const MIN_ROUNDS: u32 = 2000;
/// The most bootstrap rounds: the analysis says when it stopped here with
/// a share less precise than [`STANDARD_ERROR`].
pub const MAX_ROUNDS: u32 = 10_000;
/// Rounds are added this many at a time until the shares are precise.
pub const BATCH_ROUNDS: u32 = 500;
/// Every region's share of rounds (selected; kept, under tiers or a
/// budget) is estimated within this standard error: one percentage point.
/// Since p(1-p) is at most 1/4, 2,500 rounds always reach it.
pub const STANDARD_ERROR: f64 = 0.01;
/// The seed of the bootstrap, unless another is asked for.
pub const DEFAULT_SEED: u64 = 1;
/// A reviewer sharing fewer cells than this with the others is not calibrated.
pub const DEFAULT_MIN_SHARED_CELLS: u32 = 5;
/// A region is solid when, besides passing every other check, it keeps its
/// place (in or out) in at least this share of the bootstrap rounds.
pub const SOLID_SHARE: f64 = 0.95;

/// How the analysis is made; recorded with it, so that it can be redone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Exactly this many bootstrap rounds; `None`: as many as make every
    /// share precise to [`STANDARD_ERROR`], between [`MIN_ROUNDS`] and
    /// [`MAX_ROUNDS`].
    pub rounds: Option<u32>,
    pub seed: u64,
    pub min_shared_cells: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            rounds: None,
            seed: DEFAULT_SEED,
            min_shared_cells: DEFAULT_MIN_SHARED_CELLS,
        }
    }
}

/// The standard error of a share of `count` in `rounds` rounds,
/// sqrt(p(1-p)/n); 0 without rounds.
pub fn standard_error(count: u32, rounds: u32) -> f64 {
    if rounds == 0 {
        return 0.0;
    }
    let n = f64::from(rounds);
    let p = f64::from(count.min(rounds)) / n;
    (p * (1.0 - p) / n).sqrt()
}

/// The largest standard error of shares of `rounds`: per region, the
/// rounds it was selected in and, under tiers or a budget, those it kept
/// its place in.
pub fn largest_standard_error(
    regions: impl Iterator<Item = (u32, Option<u32>)>,
    rounds: u32,
) -> f64 {
    regions
        .map(|(selected, kept)| {
            let error = standard_error(selected, rounds);
            kept.map_or(error, |kept| error.max(standard_error(kept, rounds)))
        })
        .fold(0.0, f64::max)
}

/// Whether a standard error is within [`STANDARD_ERROR`] (allowing for
/// the rounding of the square root: at p = 1/2, 2,500 rounds are enough).
pub fn precise(error: f64) -> bool {
    error <= STANDARD_ERROR + 1e-12
}
