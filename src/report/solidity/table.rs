//! How solid the selection is, as a small table for the terminal (after
//! the ranking `merge` prints).

use super::sentences::{
    boundary_line, calibration_line, cutoff_line, name_of, rank_range, selected_share, side,
    verdict_word,
};
use crate::analysis::{Analysis, Verdict};
use crate::merge::{Results, Status};
use crate::report::lines;
use crate::report::markdown::{AROUND, is_summary};
use crate::t;
use crate::text::{Align, ELLIPSIS, Table, truncate};

/// The table `merge` prints after the ranking, its columns aligned in
/// terminal columns (a Japanese word takes two per character).
/// Past `FULL_REPORT_UP_TO` regions, as the ranking above it, only the
/// regions around each line, and how many fragile ones report.md adds.
pub fn table(results: &Results, analysis: &Analysis) -> String {
    let checks = analysis.by_region();
    let near = is_summary(results).then(|| lines::near(results, &lines::places(results), AROUND));
    let (mut left_out, mut fragile_left_out) = (0, 0);
    let mut rows: Vec<[String; 10]> = Vec::new();
    for (i, region) in results.regions.iter().enumerate() {
        let Some(check) = checks.get(region.region.as_str()) else {
            continue;
        };
        if near.as_ref().is_some_and(|near| !near.contains(&i)) {
            left_out += 1;
            fragile_left_out += usize::from(check.verdict == Verdict::Fragile);
            continue;
        }
        let rule = |k: usize| {
            check
                .by_aggregate
                .get(k)
                .map_or_else(|| "-".to_string(), |r| side(r.placing.status))
        };
        rows.push([
            region.rank.to_string(),
            truncate(&region.name, 32, ELLIPSIS),
            selected_share(check, analysis.rounds),
            rank_range(check),
            if check.hangs_on.is_empty() {
                "-".to_string()
            } else {
                truncate(&check.hangs_on.join(","), 12, ELLIPSIS)
            },
            rule(0),
            rule(1),
            rule(2),
            check.calibrated.map_or_else(
                || "-".to_string(),
                |p| {
                    t!(
                        "analysis-cell-calibrated",
                        rank = p.rank,
                        side = side(p.status)
                    )
                },
            ),
            verdict_word(check.verdict),
        ]);
    }
    let header = [
        t!("table-rank"),
        t!("table-region"),
        t!("analysis-col-selected"),
        t!("analysis-col-ranks"),
        t!("analysis-col-hangs-on"),
        t!("analysis-col-mean"),
        t!("analysis-col-median"),
        t!("analysis-col-trimmed"),
        t!("analysis-col-calibrated"),
        t!("analysis-col-verdict"),
    ];
    let rows_shown = rows.len();
    let mut table = Table::new(&[Align::Right, Align::Left, Align::Right]);
    table.row(header);
    for row in rows {
        table.row(row);
    }
    let mut out = t!(
        "analysis-table-title",
        rounds = analysis.rounds,
        seed = analysis.seed
    );
    out.push('\n');
    out.push_str(&table.render());
    if left_out > 0 {
        out.push_str(&t!(
            "analysis-table-left-out",
            shown = rows_shown,
            left = left_out,
            fragile = fragile_left_out
        ));
        out.push('\n');
    }
    out.push_str(&lines_below(results, analysis));
    out
}

/// The lines under the table: the same selection, the cutoff and each
/// tier's end, calibration.
fn lines_below(results: &Results, analysis: &Analysis) -> String {
    let mut out = String::new();
    // As the analysis counted them: the results as the rules gave them,
    // before any lottery drew places among its grey zone.
    let selected = analysis
        .regions
        .iter()
        .filter(|r| r.status == Status::Selected)
        .count();
    out.push_str(&t!(
        "analysis-table-same",
        selected = selected,
        same = analysis.same_selection,
        rounds = analysis.rounds
    ));
    out.push('\n');
    if let Some(cutoff) = &analysis.cutoff {
        out.push_str(&cutoff_line(results, cutoff));
        out.push('\n');
    }
    for boundary in &analysis.boundaries {
        out.push_str(&boundary_line(analysis, boundary, |id| {
            name_of(results, id).to_string()
        }));
        out.push('\n');
    }
    out.push_str(&calibration_line(analysis));
    out.push('\n');
    out
}
