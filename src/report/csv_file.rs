//! `results.csv`: for machines, the same in every language.

use super::words::points;
use crate::merge::Results;

/// `results.csv`: SPEC.md's columns, one row per region in rank order.
pub fn csv(results: &Results) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["rank", "region", "name", "total"];
    header.extend(results.categories.iter().map(String::as_str));
    header.push("status");
    let tiers = !results.rules.tiers.is_empty();
    if tiers {
        header.push("tier");
    }
    header.extend(["marks", "flags"]);
    let budget = results.budget.is_some();
    if budget {
        header.push("allocation");
    }
    writer.write_record(&header)?;
    for region in &results.regions {
        let mut row = vec![
            super::words::rank(region),
            region.region.clone(),
            region.name.clone(),
            points(region.total),
        ];
        // One column per top-level category (nested rubrics show every
        // level in results.ron and the screens).
        row.extend(
            results
                .categories
                .iter()
                .map(|id| points(region.subtotal(id))),
        );
        row.push(region.status.as_str().to_string());
        if tiers {
            row.push(region.tier.clone().unwrap_or_default());
        }
        row.push(region.marks.to_string());
        row.push(region.flags.join(";"));
        if budget {
            row.push(points(region.allocation.unwrap_or(0.0)));
        }
        writer.write_record(&row)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
