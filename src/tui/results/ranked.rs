//! The rows of the ranking: the regions in rank order with the labelled
//! lines between them (the cutoff, or one line per tier; the funding line
//! where the money stops), then the regions that are not eligible, set
//! apart under their own heading; and what a region's status and
//! allocation read as in their columns. Worked out once per results
//! ([`super::order::Order`]), read by every frame.
//!
//! A line falls after the region that takes the last place it closes:
//! regions not below a threshold take places 1, 2, 3… in rank order, and
//! a tier holds its places after the tiers before it. When that place is
//! inside an ex-aequo group, the line says the committee decides.

use crate::merge::{RegionResult, Results, Status};
use crate::report::{Form, amount, points, words};
use crate::t;
use crate::text;
use crate::tui::theme::Theme;

/// One row of the ranking's list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    /// A region, by its index in the results.
    Region(usize),
    /// A labelled line across the list.
    Line(Kind, String),
}

/// What a labelled line marks, which decides its look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The end of the selection or of a tier.
    Cutoff,
    /// Where the money stops.
    Funding,
    /// The heading of the regions that are not eligible.
    Apart,
}

/// The ranking's rows in order.
pub(super) fn entries(results: &Results, theme: &Theme) -> Vec<Entry> {
    let regions = &results.regions;
    let (ranked, apart): (Vec<usize>, Vec<usize>) =
        (0..regions.len()).partition(|&i| regions[i].status != Status::Ineligible);
    let mut lines = selection_lines(results, theme, &ranked);
    // Where the money reaches every selected region, the funding line is
    // the selection's last line: drawn once.
    let last = lines.iter().map(|(at, _)| *at).max();
    let funding = funding_line(results, theme, &ranked).filter(|(at, _)| Some(*at) != last);
    lines.extend(funding);
    // Stable: at one place, the selection's lines before the funding line.
    lines.sort_by_key(|(at, _)| *at);
    let mut lines = lines.into_iter().peekable();
    let mut out = Vec::new();
    for (k, &i) in ranked.iter().enumerate() {
        while let Some((_, line)) = lines.next_if(|(at, _)| *at <= k) {
            out.push(line);
        }
        out.push(Entry::Region(i));
    }
    out.extend(lines.map(|(_, line)| line));
    if !apart.is_empty() {
        out.push(Entry::Line(
            Kind::Apart,
            t!("results-apart", count = apart.len()),
        ));
        out.extend(apart.into_iter().map(Entry::Region));
    }
    out
}

/// The selection's lines, each with the row of `ranked` it comes before:
/// one per tier when the review has tiers, each drawn; otherwise the
/// cutoff, drawn only with regions on both sides of it.
fn selection_lines(results: &Results, theme: &Theme, ranked: &[usize]) -> Vec<(usize, Entry)> {
    let regions = &results.regions;
    let dot = theme.dot();
    if results.rules.tiers.is_empty() {
        let places = results.rules.select;
        let at = boundary(regions, ranked, places as usize);
        if at == 0 || at >= ranked.len() {
            return Vec::new();
        }
        let label = match gap_at(regions, ranked, at) {
            Some(Gap::Tie) => t!("results-cutoff-tie", places = places, dot = dot),
            Some(Gap::Lot) => t!("results-cutoff-lot", places = places, dot = dot),
            Some(Gap::Margin(margin)) => t!(
                "results-cutoff-margin",
                places = places,
                dot = dot,
                margin = points(margin)
            ),
            None => t!("results-cutoff", places = places),
        };
        return vec![(at, Entry::Line(Kind::Cutoff, label))];
    }
    let mut taken = 0;
    let mut out = Vec::new();
    for tier in &results.rules.tiers {
        taken += tier.places as usize;
        let at = boundary(regions, ranked, taken);
        let mut label = if tier.funded {
            t!(
                "results-tier-line",
                title = &tier.title,
                places = tier.places
            )
        } else {
            t!(
                "results-tier-line-reserve",
                title = &tier.title,
                places = tier.places
            )
        };
        match gap_at(regions, ranked, at) {
            Some(Gap::Tie) => label.push_str(&format!(" {dot} {}", t!("results-line-tie"))),
            Some(Gap::Lot) => label.push_str(&format!(" {dot} {}", t!("results-line-lot"))),
            Some(Gap::Margin(margin)) => label.push_str(&format!(
                " {dot} {}",
                t!("results-line-margin", margin = points(margin))
            )),
            None => {}
        }
        out.push((at, Entry::Line(Kind::Cutoff, label)));
    }
    out
}

/// The funding line, when the review has a budget: before the first region
/// the money did not reach (`unfunded`), or else after the last that
/// receives any.
fn funding_line(results: &Results, theme: &Theme, ranked: &[usize]) -> Option<(usize, Entry)> {
    results.budget.as_ref()?;
    let regions = &results.regions;
    let funded = |i: &usize| regions[*i].allocation.is_some_and(|a| a > 0.0);
    let at = ranked
        .iter()
        .position(|&i| regions[i].flags.iter().any(|f| f == "unfunded"))
        .unwrap_or_else(|| ranked.iter().rposition(funded).map_or(0, |k| k + 1));
    let label = t!(
        "results-funding-line",
        dot = theme.dot(),
        funded = ranked.iter().filter(|i| funded(i)).count()
    );
    Some((at, Entry::Line(Kind::Funding, label)))
}

/// The row of `ranked` that the line after `places` places comes before:
/// after the region taking the last of them, or after the last region
/// taking any when there are fewer.
fn boundary(regions: &[RegionResult], ranked: &[usize], places: usize) -> usize {
    let mut taken = 0;
    let mut after = 0;
    for (k, &i) in ranked.iter().enumerate() {
        if taken == places {
            break;
        }
        if !regions[i].status.excluded() {
            taken += 1;
            after = k + 1;
        }
    }
    after
}

/// What lies across a line.
enum Gap {
    /// The regions on either side are ex aequo: the committee decides.
    Tie,
    /// They are ex aequo, and the committee's lottery drew their places.
    Lot,
    /// The total of the region above less that of the next one below that
    /// takes a place (or of the one just below, when none does).
    Margin(f64),
}

fn gap_at(regions: &[RegionResult], ranked: &[usize], at: usize) -> Option<Gap> {
    let last = &regions[*ranked.get(at.checked_sub(1)?)?];
    let rest = ranked.get(at..).unwrap_or_default();
    let placed = rest
        .iter()
        .map(|&i| &regions[i])
        .find(|r| !r.status.excluded());
    match placed {
        Some(next) if next.rank == last.rank && !last.status.excluded() => {
            let drawn = |s: Status| matches!(s, Status::Drawn | Status::NotDrawn);
            Some(if drawn(last.status) && drawn(next.status) {
                Gap::Lot
            } else {
                Gap::Tie
            })
        }
        Some(next) => Some(Gap::Margin(last.total - next.total)),
        None => rest
            .first()
            .map(|&i| Gap::Margin(last.total - regions[i].total)),
    }
}

/// A region's status in a column. `Below 50` names the minimum total only
/// when that is what the region misses; below another minimum, it is
/// `Below min` (its flags say which).
pub(crate) fn status_word(region: &RegionResult, results: &Results) -> String {
    let min = results.rules.min_total.filter(|_| misses_total(region));
    words::status(region.status, Form::Screen, min)
}

/// Whether a region's status names the minimum total: it misses that, or
/// no minimum that its flags name.
fn misses_total(region: &RegionResult) -> bool {
    let mut below = (region.flags.iter())
        .filter_map(|f| f.strip_prefix("below:"))
        .peekable();
    below.peek().is_none() || below.any(|b| b == "total")
}

/// The columns of the status: 12, or the widest status shown (each kind
/// of status put into words once, not once a region).
pub(super) fn status_width(results: &Results) -> usize {
    let mut kinds: Vec<(Status, bool)> = Vec::new();
    let mut widest = 12;
    for region in &results.regions {
        let kind = (region.status, misses_total(region));
        if !kinds.contains(&kind) {
            kinds.push(kind);
            widest = widest.max(text::width(&status_word(region, results)));
        }
    }
    widest
}

/// The columns of the allocations: the widest amount or its heading; 0
/// without a budget.
pub(super) fn allocation_width(results: &Results) -> usize {
    if results.budget.is_none() {
        return 0;
    }
    let amounts = results.regions.iter().map(allocation_cell);
    crate::tui::columns::widest(&t!("results-col-allocation"), amounts)
}

/// A region's allocation in the ranking, without the unit (the budget
/// below the list has it): empty for a region that cannot receive any.
pub(crate) fn allocation_cell(region: &RegionResult) -> String {
    match region.allocation {
        Some(allocation) if region.status.chosen() => amount(allocation),
        _ => String::new(),
    }
}
