//! The analysis in sentences and phrases, for report.md, the terminal's
//! table and the results screens alike: each reading of the analysis is
//! worded here once.

use crate::analysis::{
    Analysis, Boundary, Closeness, Hinge, Line, Place, Reading, RegionCheck, ReviewerOffset,
    SOLID_SHARE, Standing, StatusChange, Swap, Thin, Verdict, standard_error, standing,
};
use crate::merge::{Results, Status};
use crate::model::Review;
use crate::report::words::{self, gap, list, points};
use crate::t;
use crate::text::{ELLIPSIS, truncate};

/// At most this many regions or reviewers are named in a sentence or a
/// list of the report (the tables and results.ron have them all).
pub(super) const NAMED: usize = 12;

/// Where a region lands, in a few words: `in`, `in Feasibility study`,
/// `in, without money`, `out` or `tied`. `tiers` are the tiers' titles.
pub fn place_word(place: Place, tiers: &[String]) -> String {
    let mut word = match (standing(place.status), place.tier) {
        (Standing::In, Some(k)) => {
            let title = tiers.get(usize::from(k)).map_or("?", String::as_str);
            t!("side-in-tier", tier = title)
        }
        _ => side(place.status),
    };
    if place.funded == Some(false) && standing(place.status) == Standing::In {
        word.push_str(&t!("side-unfunded"));
    }
    word
}

/// Which side of the cutoff, in a word: `in`, `out` or `tied`.
pub fn side(status: Status) -> String {
    match standing(status) {
        Standing::In => t!("side-in"),
        Standing::Tied => t!("side-tied"),
        Standing::Out => t!("side-out"),
    }
}

pub fn verdict_word(verdict: Verdict) -> String {
    match verdict {
        Verdict::Solid => t!("verdict-solid"),
        Verdict::Fragile => t!("verdict-fragile"),
    }
}

/// `97.5%`: the share of the rounds a region was selected in.
pub fn selected_share(check: &RegionCheck, rounds: u32) -> String {
    percent(check.selected, rounds)
}

/// `97.5% +/- 0.4`: the share of the rounds a region was selected in, with
/// its standard error in percentage points; `100.0%` alone when that is
/// 0.0 (selected in every round, or in none, or nearly).
pub fn selected_share_with_error(check: &RegionCheck, rounds: u32) -> String {
    let share = percent(check.selected, rounds);
    let error = error_points(standard_error(check.selected, rounds));
    if error == error_points(0.0) {
        share
    } else {
        t!("share-with-error", share = share, error = error)
    }
}

/// A standard error in percentage points: `0.4`.
pub(super) fn error_points(error: f64) -> String {
    format!("{:.1}", 100.0 * error)
}

/// `5-7`, or `6` when every round gave one rank.
pub fn rank_range(check: &RegionCheck) -> String {
    if check.rank_low == 0 {
        "-".into()
    } else if check.rank_low == check.rank_high {
        check.rank_low.to_string()
    } else {
        t!("rank-range", low = check.rank_low, high = check.rank_high)
    }
}

/// An offset in points per mark, signed: `+0.62`, `-0.40`.
pub fn signed(value: f64) -> String {
    let value = if value.abs() < 0.005 { 0.0 } else { value };
    format!("{value:+.2}")
}

/// How a reviewer marks, in a word: harsh, lenient, in line, …
pub fn reading_word(reading: Reading) -> String {
    match reading {
        Reading::Harsh => t!("reading-harsh"),
        Reading::Lenient => t!("reading-lenient"),
        Reading::InLine => t!("reading-in-line"),
        Reading::NoErrorEstimate => t!("reading-no-error"),
        Reading::NotEstimable => t!("reading-not-estimable"),
    }
}

/// Why a reviewer has no offset, in a phrase.
pub fn thin_reason(thin: Thin, min_shared_cells: u32) -> String {
    match thin {
        Thin::SharedCells(n) => t!("thin-shared-cells", shared = n, needed = min_shared_cells),
        Thin::Group(n) => t!("thin-group", reviewers = n),
    }
}

/// `48.50 points of marks, 11 marks by 7 reviewers`.
pub fn swap_summary(swap: &Swap) -> String {
    t!(
        "swap-summary",
        points = points(swap.points),
        marks = swap.changes.len(),
        reviewers = swap.reviewers.len()
    )
}

/// A reviewer's id with their name, when they have one besides the id.
pub fn reviewer_named(review: &Review, id: &str) -> String {
    match review.reviewer(id) {
        Some(r) if r.name != id => t!("reviewer-named", id = id, name = &r.name),
        _ => id.to_string(),
    }
}

/// What would change without one reviewer, in a sentence: `Without
/// morita (J. Morita): Hiroshima would be selected instead of Sapporo.`
/// `reviewer` is how to name them, `name` gives a region's name by id;
/// `tiers` are the tiers' titles (a region may move between tiers, or
/// across the funding line, without leaving the selection).
pub fn without(
    hinge: &Hinge,
    reviewer: &str,
    name: impl Fn(&str) -> String,
    tiers: &[String],
) -> String {
    let what = changes_phrase(&hinge.changes, name, tiers);
    if hinge.emptied > 0 {
        t!(
            "solid-without-emptied",
            reviewer = reviewer,
            changes = what,
            emptied = hinge.emptied
        )
    } else {
        t!("solid-without", reviewer = reviewer, changes = what)
    }
}

/// Who would land elsewhere, in a phrase: `Hiroshima would be selected
/// instead of Sapporo`; `name` gives a region's name by id, `tiers` are the
/// tiers' titles.
pub fn changes_phrase(
    changes: &[StatusChange],
    name: impl Fn(&str) -> String,
    tiers: &[String],
) -> String {
    let names = |side: Standing| -> String {
        let names: Vec<String> = changes
            .iter()
            .filter(|c| standing(c.to) == side && standing(c.from) != side)
            .map(|c| name(&c.region))
            .collect();
        list(&names)
    };
    let moves: Vec<String> = changes
        .iter()
        .filter(|c| standing(c.to) == standing(c.from))
        .map(|c| {
            t!(
                "change-move",
                region = name(&c.region),
                place = place_word(c.after(), tiers)
            )
        })
        .collect();
    let (ins, outs, tied) = (
        names(Standing::In),
        names(Standing::Out),
        names(Standing::Tied),
    );
    let mut what = Vec::new();
    match (ins.is_empty(), outs.is_empty()) {
        (false, false) => what.push(t!("change-in-instead", selected = &ins, dropped = &outs)),
        (false, true) => what.push(t!("change-in", selected = &ins)),
        (true, false) => what.push(t!("change-out", dropped = &outs)),
        (true, true) => {}
    }
    if !tied.is_empty() {
        what.push(t!("change-tied", tied = &tied));
    }
    if !moves.is_empty() {
        what.push(t!("change-moves", moves = list(&moves)));
    }
    what.join(&t!("changes-separator"))
}

/// The aggregate rules under which a region lands on the other side of the
/// cutoff, a tier boundary or the funding line, each as "out under
/// Median"; `tiers` are the tiers' titles.
pub fn rules_across(check: &RegionCheck, tiers: &[String]) -> Vec<String> {
    let home = check.place();
    check
        .by_aggregate
        .iter()
        .filter(|r| home.crossed(&r.placing.place()))
        .map(|r| {
            t!(
                "reason-rule",
                side = place_word(r.placing.place(), tiers),
                aggregate = words::aggregate(r.aggregate)
            )
        })
        .collect()
}

/// Why a region is fragile: each check that puts it across the cutoff.
/// `reviewer` names a reviewer by id.
pub fn reasons(
    analysis: &Analysis,
    check: &RegionCheck,
    reviewer: impl Fn(&str) -> String,
) -> Vec<String> {
    let home = standing(check.status);
    let mut why = Vec::new();
    if home == Standing::Tied {
        why.push(t!("reason-tied"));
    }
    if check.agreement(analysis.rounds) < SOLID_SHARE {
        let share = percent(check.selected, analysis.rounds);
        why.push(if home == Standing::In {
            t!("reason-selected-only", share = share)
        } else {
            t!("reason-selected-in", share = share)
        });
    }
    if !check.hangs_on.is_empty() {
        let who: Vec<String> = check.hangs_on.iter().map(|id| reviewer(id)).collect();
        why.push(t!("reason-hangs-on", reviewers = list(&who)));
    }
    let rules = rules_across(check, &analysis.tiers);
    if !rules.is_empty() {
        why.push(list(&rules));
    }
    if let Some(p) = check.calibrated
        && check.place().crossed(&p.place())
    {
        why.push(t!(
            "reason-calibrated",
            side = place_word(p.place(), &analysis.tiers)
        ));
    }
    why
}

/// The first [`NAMED`] items, and how many more there are.
pub fn cut(items: &[String]) -> Vec<String> {
    cut_named(items, str::to_string)
}

/// [`cut`] of ids, each shown by `name`, which is asked only of those shown.
pub fn cut_named(ids: &[String], name: impl Fn(&str) -> String) -> Vec<String> {
    let mut shown: Vec<String> = ids.iter().take(NAMED).map(|id| name(id)).collect();
    if ids.len() > NAMED {
        shown.push(t!("and-more", count = ids.len() - NAMED));
    }
    shown
}

pub(super) fn percent(count: u32, of: u32) -> String {
    if of == 0 {
        return "-".into();
    }
    format!("{:.1}%", 100.0 * f64::from(count) / f64::from(of))
}

/// `95%`: the share a solid region keeps its place in.
pub(super) fn solid_share() -> String {
    format!("{:.0}%", 100.0 * SOLID_SHARE)
}

pub(super) fn name_of<'r>(results: &'r Results, id: &'r str) -> &'r str {
    results
        .regions
        .iter()
        .find(|r| r.region == id)
        .map_or(id, |r| r.name.as_str())
}

/// The cutoff in a few sentences: the margin, what a swap takes, and the
/// fewest reviewers who could do it alone.
pub fn cutoff_line(results: &Results, cutoff: &Closeness) -> String {
    let mut line = t!(
        "analysis-table-margin",
        margin = points(cutoff.margin),
        last = name_of(results, &cutoff.last_in),
        next = name_of(results, &cutoff.first_out)
    );
    line.push_str(&gap());
    line.push_str(&match &cutoff.smallest {
        Some(swap) if cutoff.exact => t!("analysis-table-swap", swap = swap_summary(swap)),
        Some(swap) => t!("analysis-table-swap-at-most", swap = swap_summary(swap)),
        None => t!("analysis-table-no-swap"),
    });
    if let Some(fewest) = &cutoff.fewest_reviewers {
        line.push_str(&gap());
        line.push_str(&t!(
            "analysis-table-fewest",
            count = fewest.reviewers.len(),
            reviewers = truncate(&list(&fewest.reviewers), 40, ELLIPSIS)
        ));
    }
    line
}

/// A tier boundary or the funding line in a sentence: `The end of Tier A:
/// R2 is ahead of R1 by 1.00 points. Swapping them takes ...`; `name`
/// gives a region's name by id.
pub fn boundary_line(
    analysis: &Analysis,
    boundary: &Boundary,
    name: impl Fn(&str) -> String,
) -> String {
    let line = match boundary.line {
        Line::TierEnd(k) => t!(
            "solid-line-tier",
            tier = analysis
                .tiers
                .get(usize::from(k))
                .map_or("?", String::as_str)
        ),
        Line::Funding => t!("solid-line-funding"),
    };
    let close = &boundary.closeness;
    let swap = match &close.smallest {
        Some(swap) if close.exact => t!("analysis-table-swap", swap = swap_summary(swap)),
        Some(swap) => t!("analysis-table-swap-at-most", swap = swap_summary(swap)),
        None => t!("analysis-table-no-swap"),
    };
    t!(
        "solid-boundary",
        line = line,
        last = name(&close.last_in),
        next = name(&close.first_out),
        margin = points(close.margin),
        swap = swap
    )
}

pub fn calibration_line(analysis: &Analysis) -> String {
    let calibration = &analysis.calibration;
    let fitted: Vec<&ReviewerOffset> = calibration
        .reviewers
        .iter()
        .filter(|r| r.offset.is_some())
        .collect();
    if fitted.is_empty() {
        return t!("analysis-table-no-calibration");
    }
    // The count of those who read so, and the one furthest from zero.
    let extreme = |reading: Reading| -> Option<(usize, &ReviewerOffset)> {
        let marked: Vec<&ReviewerOffset> = fitted
            .iter()
            .copied()
            .filter(|r| r.reading() == reading)
            .collect();
        let top = marked.iter().copied().reduce(|a, b| {
            let (a_off, b_off) = (a.offset.unwrap_or(0.0), b.offset.unwrap_or(0.0));
            if b_off.abs() > a_off.abs() { b } else { a }
        })?;
        Some((marked.len(), top))
    };
    let harsh = match extreme(Reading::Harsh) {
        None => t!("analysis-table-none-harsh"),
        Some((count, r)) => t!(
            "analysis-table-harsh",
            count = count,
            reviewer = &r.reviewer,
            offset = signed(r.offset.unwrap_or(0.0))
        ),
    };
    let lenient = match extreme(Reading::Lenient) {
        None => t!("analysis-table-none-lenient"),
        Some((count, r)) => t!(
            "analysis-table-lenient",
            count = count,
            reviewer = &r.reviewer,
            offset = signed(r.offset.unwrap_or(0.0))
        ),
    };
    let mut line = t!(
        "analysis-table-calibration",
        fitted = fitted.len(),
        reviewers = calibration.reviewers.len(),
        groups = calibration.groups.len(),
        harsh = harsh,
        lenient = lenient
    );
    let moved = analysis
        .regions
        .iter()
        .filter(|r| {
            r.calibrated
                .is_some_and(|p| standing(p.status) != standing(r.status))
        })
        .count();
    line.push_str(&gap());
    line.push_str(&if moved > 0 {
        t!("analysis-table-calibrated-moves", count = moved)
    } else {
        t!("analysis-table-calibrated-same")
    });
    line
}
