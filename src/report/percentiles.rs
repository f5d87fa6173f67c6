//! `percentiles.csv`: each region's percentile within each panel that
//! scored it (see `merge::percentiles`), beside results.csv, whose columns
//! SPEC.md fixes. Never read by the rules; for machines, the same in every
//! language.

use super::words::points;
use crate::merge::Results;

/// `percentiles.csv`: `region,panel,sum,regions,percentile`, the regions in
/// rank order, each region's panels in `review.ron`'s order; the
/// percentile with one decimal (lower is better).
pub fn percentiles_csv(results: &Results) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["region", "panel", "sum", "regions", "percentile"])?;
    for region in &results.regions {
        for p in &region.percentiles {
            writer.write_record([
                region.region.as_str(),
                p.panel.as_str(),
                &points(p.sum),
                &p.regions.to_string(),
                &percentile(p.percentile),
            ])?;
        }
    }
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A percentile as every output shows it: one decimal.
pub fn percentile(value: f64) -> String {
    format!("{value:.1}")
}
