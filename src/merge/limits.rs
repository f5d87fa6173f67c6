//! The numbers the rules compare with: when two totals are equal (rule 6)
//! and when marks disagree (rule 5). Below every other file of the merge.

/// Two totals or subtotals closer than this are equal (rule 6).
pub const EPSILON: f64 = 1e-9;

/// Rule 5: the spread of marks above which a criterion with maximum `max`
/// is flagged, for the committee's `disagreement` ratio.
pub fn disagreement_limit(ratio: f64, max: f64) -> f64 {
    ratio * max
}

/// Rule 5: whether marks from `lo` to `hi` spread beyond `limit`. Strictly
/// greater, within EPSILON: marks typed as decimals (8.3 − 4.3) differ from
/// the decimal spread by binary rounding, and a spread exactly at the limit
/// is not flagged.
pub fn disagrees(lo: f64, hi: f64, limit: f64) -> bool {
    hi - lo > limit + EPSILON
}
