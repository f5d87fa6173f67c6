//! `results.csv`: for machines, the same in every language.

use super::words::points;
use crate::merge::Results;

/// `results.csv`: SPEC.md's columns, one row per region in rank order.
pub fn csv(results: &Results) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["rank", "region", "name", "total"];
    header.extend(results.categories.iter().map(String::as_str));
    header.extend(["status", "marks", "flags"]);
    writer.write_record(&header)?;
    for region in &results.regions {
        let mut row = vec![
            region.rank.to_string(),
            region.region.clone(),
            region.name.clone(),
            points(region.total),
        ];
        row.extend(region.subtotals.iter().map(|s| points(s.points)));
        row.push(region.status.as_str().to_string());
        row.push(region.marks.to_string());
        row.push(region.flags.join(";"));
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
