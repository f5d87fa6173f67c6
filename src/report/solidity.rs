//! The analysis in words: a section of `report.md` and a table for the
//! terminal. The figures are evidence beside the official result; the text
//! says so, and says plainly when a figure can't be trusted.

use std::fmt::Write;

use super::{display_width, points, truncate};
use crate::analysis::{Analysis, Closeness, MIN_SHARED, NotMeaningful};
use crate::merge::{Results, Status};
use crate::model::{Aggregate, Review};
use crate::t;

fn name<'a>(results: &'a Results, id: &'a str) -> &'a str {
    results
        .regions
        .iter()
        .find(|r| r.region == id)
        .map_or(id, |r| r.name.as_str())
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn status(status: Status) -> String {
    match status {
        Status::Selected => t!("status-selected"),
        Status::NotSelected => t!("status-not-selected"),
        Status::Tied => t!("status-tied"),
        Status::BelowThreshold => t!("status-below"),
    }
}

fn aggregate(rule: Aggregate) -> String {
    match rule {
        Aggregate::Mean => t!("aggregate-mean"),
        Aggregate::Median => t!("aggregate-median"),
        Aggregate::TrimmedMean => t!("aggregate-trimmed"),
    }
}

/// Why calibration means nothing here, in words.
pub fn why_not(reason: &NotMeaningful) -> String {
    match reason {
        NotMeaningful::NoMarks => t!("calib-no-marks"),
        NotMeaningful::TooThin { covered, marks } => {
            t!(
                "calib-too-thin",
                covered = covered,
                marks = marks,
                shared = MIN_SHARED
            )
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The section "How solid is the selection?" of `report.md`.
pub fn markdown(analysis: &Analysis, results: &Results, review: &Review) -> String {
    let mut out = String::new();
    let stability = &analysis.stability;
    let _ = writeln!(out, "## {}\n", t!("solid-title"));
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            "solid-intro",
            rounds = stability.rounds,
            seed = stability.seed
        )
    );
    // The sentences a chair reads first.
    let solid: Vec<&str> = stability
        .regions
        .iter()
        .filter(|r| {
            r.status == Status::Selected
                && r.selected_share >= 0.95
                && r.selected_under_all
                && r.hangs_on.is_empty()
        })
        .map(|r| name(results, &r.region))
        .collect();
    if !solid.is_empty() {
        let _ = writeln!(
            out,
            "- {}",
            t!(
                "solid-solid",
                regions = escape(&solid.join(&t!("list-separator")))
            )
        );
    }
    for region in stability.regions.iter().filter(|r| !r.hangs_on.is_empty()) {
        let who: Vec<String> = region
            .hangs_on
            .iter()
            .map(|id| {
                review
                    .reviewer(id)
                    .map_or(id.clone(), |r| format!("{} ({id})", r.name))
            })
            .collect();
        let key = if region.status == Status::Selected {
            "solid-hangs-in"
        } else {
            "solid-hangs-out"
        };
        let _ = writeln!(
            out,
            "- {}",
            t!(
                key,
                region = escape(name(results, &region.region)),
                reviewers = escape(&who.join(&t!("list-separator")))
            )
        );
    }
    for region in stability
        .regions
        .iter()
        .filter(|r| r.status == Status::Selected && !r.selected_under_all)
    {
        let other: Vec<String> = region
            .by_aggregate
            .iter()
            .filter(|(_, s)| *s != Status::Selected)
            .map(|(a, s)| format!("{} ({})", aggregate(*a), status(*s)))
            .collect();
        let _ = writeln!(
            out,
            "- {}",
            t!(
                "solid-aggregate",
                region = escape(name(results, &region.region)),
                under = other.join(&t!("list-separator"))
            )
        );
    }
    if let Some(closeness) = &analysis.closeness {
        let _ = writeln!(out, "- {}", closeness_sentence(closeness, results));
    }
    let _ = writeln!(out);
    // The table.
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |",
        t!("col-region"),
        t!("col-status"),
        t!("col-resampled"),
        aggregate(Aggregate::Mean),
        aggregate(Aggregate::Median),
        aggregate(Aggregate::TrimmedMean),
        t!("col-hangs-on")
    );
    let _ = writeln!(out, "|---|---|---:|---|---|---|---|");
    for region in &stability.regions {
        let by: Vec<String> = region
            .by_aggregate
            .iter()
            .map(|(_, s)| status(*s))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(name(results, &region.region)),
            status(region.status),
            percent(region.selected_share),
            by.join(" | "),
            if region.hangs_on.is_empty() {
                "-".to_string()
            } else {
                region.hangs_on.join(", ")
            }
        );
    }
    let _ = writeln!(out);
    calibration(&mut out, analysis, results, review);
    out
}

fn closeness_sentence(closeness: &Closeness, results: &Results) -> String {
    let first = t!(
        "solid-closest",
        last = escape(name(results, &closeness.last_selected)),
        next = escape(name(results, &closeness.first_not_selected)),
        margin = points(closeness.margin)
    );
    let second = match &closeness.swap {
        Some(swap) => t!(
            "solid-swap",
            changes = swap.changes,
            points = points(swap.points),
            reviewers = swap.reviewers,
            example = swap
                .marks
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        ),
        None => t!("solid-no-swap"),
    };
    format!("{first}{}{second}", t!("sentence-separator"))
}

fn calibration(out: &mut String, analysis: &Analysis, results: &Results, review: &Review) {
    let calibration = &analysis.calibration;
    let _ = writeln!(out, "### {}\n", t!("calib-title"));
    if let Some(why) = &calibration.why_not {
        let _ = writeln!(out, "{}\n", t!("calib-not-meaningful", why = why_not(why)));
        return;
    }
    let _ = writeln!(
        out,
        "{}\n",
        t!("calib-intro", noise = points(calibration.noise))
    );
    let mut estimated: Vec<_> = calibration
        .reviewers
        .iter()
        .filter(|o| o.offset.is_some())
        .collect();
    estimated.sort_by(|a, b| a.offset.unwrap_or(0.0).total_cmp(&b.offset.unwrap_or(0.0)));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |",
        t!("col-reviewer"),
        t!("col-offset"),
        t!("col-shared"),
        t!("col-marks")
    );
    let _ = writeln!(out, "|---|---:|---:|---:|");
    let shown = if estimated.len() > 10 {
        estimated[..5]
            .iter()
            .chain(&estimated[estimated.len() - 5..])
            .copied()
            .collect()
    } else {
        estimated.clone()
    };
    for offset in shown {
        let who = review
            .reviewer(&offset.reviewer)
            .map_or(offset.reviewer.clone(), |r| {
                format!("{} ({})", escape(&r.name), offset.reviewer)
            });
        let _ = writeln!(
            out,
            "| {who} | {:+.2} ± {} | {} | {} |",
            offset.offset.unwrap_or(0.0),
            points(offset.error.unwrap_or(0.0)),
            offset.shared_cells,
            offset.marks
        );
    }
    let thin = calibration
        .reviewers
        .iter()
        .filter(|o| o.offset.is_none())
        .count();
    if thin > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            t!("calib-thin-reviewers", count = thin, shared = MIN_SHARED)
        );
    }
    let _ = writeln!(out);
    let moved: Vec<String> = calibration
        .ranking
        .iter()
        .filter(|r| (r.status == Status::Selected) != (r.official_status == Status::Selected))
        .map(|r| {
            format!(
                "{} ({} -> {})",
                name(results, &r.region),
                status(r.official_status),
                status(r.status)
            )
        })
        .collect();
    if moved.is_empty() {
        let _ = writeln!(out, "{}\n", t!("calib-same-selection"));
    } else {
        let _ = writeln!(
            out,
            "{}\n",
            t!(
                "calib-other-selection",
                regions = escape(&moved.join(&t!("list-separator")))
            )
        );
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        t!("col-region"),
        t!("col-calibrated-total"),
        t!("col-calibrated-rank"),
        t!("col-official-rank"),
        t!("col-status")
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---|");
    for region in &calibration.ranking {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(name(results, &region.region)),
            points(region.total),
            region.rank,
            region.official_rank,
            status(region.status)
        );
    }
    let _ = writeln!(out);
}

/// The analysis as a small table for the terminal, after the ranking.
pub fn table(analysis: &Analysis, results: &Results) -> String {
    let mut out = String::new();
    let stability = &analysis.stability;
    let _ = writeln!(
        out,
        "{}",
        t!("solid-table-title", rounds = stability.rounds)
    );
    let width = stability
        .regions
        .iter()
        .map(|r| display_width(name(results, &r.region)))
        .max()
        .unwrap_or(6)
        .clamp(6, 24);
    let pad = |text: &str, w: usize| {
        let text = truncate(text, w);
        let fill = w.saturating_sub(display_width(&text));
        format!("{text}{}", " ".repeat(fill))
    };
    let _ = writeln!(
        out,
        "{}  {}  {}  {}  {}",
        pad(&t!("col-region"), width),
        pad(&t!("col-status"), 14),
        super::pad_left(&t!("col-resampled-short"), 9),
        pad(&t!("col-all-aggregates"), 14),
        t!("col-hangs-on")
    );
    for region in &stability.regions {
        let all = if region.selected_under_all {
            t!("yes")
        } else {
            t!("no")
        };
        let line = format!(
            "{}  {}  {:>9}  {}  {}",
            pad(name(results, &region.region), width),
            pad(&status(region.status), 14),
            percent(region.selected_share),
            pad(&all, 14),
            if region.hangs_on.is_empty() {
                "-".to_string()
            } else {
                region.hangs_on.join(", ")
            }
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if let Some(closeness) = &analysis.closeness {
        let _ = writeln!(out, "{}", closeness_sentence(closeness, results));
    }
    let calibration = &analysis.calibration;
    match &calibration.why_not {
        Some(why) => {
            let _ = writeln!(out, "{}", t!("calib-not-meaningful", why = why_not(why)));
        }
        None => {
            let moved = calibration
                .ranking
                .iter()
                .any(|r| (r.status == Status::Selected) != (r.official_status == Status::Selected));
            let key = if moved {
                "calib-table-differs"
            } else {
                "calib-table-same"
            };
            let _ = writeln!(out, "{}", t!(key));
        }
    }
    out
}
