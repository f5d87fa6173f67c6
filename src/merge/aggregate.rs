//! Rule 3: how the marks of one (region, criterion) become one number.

use crate::model::Aggregate;

/// Rule 3: one number from the marks of one (region, criterion); `None` when
/// there are none.
pub fn aggregate(rule: Aggregate, points: &[f64]) -> Option<f64> {
    if points.is_empty() {
        return None;
    }
    let mean = |values: &[f64]| values.iter().sum::<f64>() / values.len() as f64;
    let n = points.len();
    if rule == Aggregate::Mean || (rule == Aggregate::TrimmedMean && n < 3) {
        return Some(mean(points));
    }
    let mut sorted = points.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(match rule {
        Aggregate::Median if n % 2 == 1 => sorted[n / 2],
        Aggregate::Median => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        Aggregate::TrimmedMean | Aggregate::Mean => mean(&sorted[1..n - 1]),
    })
}
