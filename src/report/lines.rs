//! The lines the committee's rules draw through the ranking, and where
//! each falls: the selection's cutoff (or the end of each tier), the
//! funding line of a budget and the minimum total. The summary form of
//! report.md shows the regions around each; results.svg, drawn for a large
//! review, marks each on the distribution of totals.

use super::chart::{cutoff_label, tier_cutoffs};
use super::words::points;
use crate::merge::{Results, Status, short_of_total};
use crate::t;

/// A line through the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// It falls after this many regions of the results, in rank order:
    /// always some regions either side of it.
    pub at: usize,
    /// Where it falls on the scale of totals: the minimum total for that
    /// line, midway between the regions either side for the others.
    pub total: f64,
    /// What it is, in words, as the bar chart labels it.
    pub label: String,
}

/// Every line the rules draw that has regions on both sides, in the order
/// of the rules: the selection's cutoff or the end of each tier, the
/// funding line, the minimum total. Two lines may fall at the same place.
///
/// Each is where the merge put it: the cutoff where the places end
/// ([`tier_cutoffs`]), the funding line before the first region the merge
/// flagged `unfunded`, the minimum total before the first region short of
/// it by the ranking's own test ([`short_of_total`]): the regions are in
/// order of their totals.
pub fn lines(results: &Results) -> Vec<Line> {
    let regions = &results.regions;
    // Ineligible regions come last, unranked: no line falls among them.
    let ranked = regions
        .iter()
        .take_while(|r| r.status != Status::Ineligible)
        .count();
    let between = |at: usize| match (
        at.checked_sub(1).and_then(|i| regions.get(i)),
        regions.get(at),
    ) {
        (Some(above), Some(below)) => (above.total + below.total) / 2.0,
        _ => 0.0,
    };
    let mut lines: Vec<Line> = Vec::new();
    for (k, &at) in tier_cutoffs(results).iter().enumerate() {
        lines.push(Line {
            at,
            total: between(at),
            label: cutoff_label(results, k),
        });
    }
    let first_flagged = |flag: &str| {
        regions
            .iter()
            .position(|r| r.flags.iter().any(|f| f == flag))
    };
    if let Some(at) = first_flagged("unfunded") {
        lines.push(Line {
            at,
            total: between(at),
            label: t!("chart-funding-line"),
        });
    }
    let short = |min: f64| {
        regions
            .iter()
            .position(|r| r.status != Status::Ineligible && short_of_total(r.total, min))
    };
    if let Some((min, at)) = results
        .rules
        .min_total
        .and_then(|min| Some((min, short(min)?)))
    {
        lines.push(Line {
            at,
            total: min,
            label: t!("chart-minimum", min = points(min)),
        });
    }
    lines.retain(|line| line.at > 0 && line.at < ranked);
    lines
}

/// A line the analysis and the lottery name (a tier's end, the last being
/// the cutoff, or the funding line), in words as the chart labels it.
pub fn label(results: &Results, line: crate::analysis::Line) -> String {
    match line {
        crate::analysis::Line::TierEnd(k) => cutoff_label(results, usize::from(k)),
        crate::analysis::Line::Funding => t!("chart-funding-line"),
    }
}

/// The lines that fall at one place in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// After this many regions, as [`Line::at`].
    pub at: usize,
    /// Where on the scale of totals, as the first line there has it.
    pub total: f64,
    /// The label of every line there.
    pub labels: Vec<String>,
}

/// The lines grouped by where they fall, in rank order.
pub fn places(results: &Results) -> Vec<Place> {
    let mut lines = lines(results);
    lines.sort_by_key(|line| line.at);
    let mut places: Vec<Place> = Vec::new();
    for line in lines {
        match places.last_mut() {
            Some(place) if place.at == line.at => {
                if !place.labels.contains(&line.label) {
                    place.labels.push(line.label);
                }
            }
            _ => places.push(Place {
                at: line.at,
                total: line.total,
                labels: vec![line.label],
            }),
        }
    }
    places
}

/// The regions around every one of `places`, up to `around` either side of
/// each, by index in rank order: what a summary of the ranking shows.
pub fn near(
    results: &Results,
    places: &[Place],
    around: usize,
) -> std::collections::BTreeSet<usize> {
    places
        .iter()
        .flat_map(|place| self::around(results, place.at, around))
        .collect()
}

/// The regions around the line at `at`: up to `around` either side, none
/// of them ineligible (those are not ranked).
pub fn around(results: &Results, at: usize, around: usize) -> std::ops::Range<usize> {
    let ranked = results
        .regions
        .iter()
        .take_while(|r| r.status != Status::Ineligible)
        .count();
    at.saturating_sub(around)..(at + around).min(ranked)
}
