//! "How solid is the selection?": the analysis as a section of `report.md`,
//! written for a chair who must defend the selection, and as a small table
//! for the terminal. Pure: data in, text out, in the language of the thread
//! (locales/*/analysis.ftl).

use std::collections::HashMap;
use std::fmt::{self, Write};

use super::{Form, points, words};
use crate::analysis::{
    Analysis, Closeness, Hinge, Reading, RegionCheck, ReviewerOffset, SOLID_SHARE, Standing, Swap,
    Thin, Uncalibrated, Verdict, standing,
};
use crate::merge::{RegionResult, Results, Status};
use crate::model::{Aggregate, Review, format_points};
use crate::t;
use crate::text::{self, ELLIPSIS, pad_left, pad_right, truncate};

/// At most this many changed marks are listed for a swap.
const CHANGES_LISTED: usize = 12;
/// At most this many regions or reviewers are named in a sentence or a
/// list of the report (the tables and results.ron have them all).
const NAMED: usize = 12;

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
/// `reviewer` is how to name them, `name` gives a region's name by id.
pub fn without(hinge: &Hinge, reviewer: &str, name: impl Fn(&str) -> String) -> String {
    let names = |side: Standing| -> String {
        let names: Vec<String> = hinge
            .changes
            .iter()
            .filter(|c| standing(c.to) == side)
            .map(|c| name(&c.region))
            .collect();
        list(&names)
    };
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
    let what = what.join(&t!("changes-separator"));
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

/// The aggregate rules under which a region lands on the other side of the
/// cutoff, each as "out under Median".
pub fn rules_across(check: &RegionCheck) -> Vec<String> {
    let home = standing(check.status);
    check
        .by_aggregate
        .iter()
        .filter(|r| standing(r.placing.status) != home)
        .map(|r| {
            t!(
                "reason-rule",
                side = side(r.placing.status),
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
    let rules = rules_across(check);
    if !rules.is_empty() {
        why.push(list(&rules));
    }
    if let Some(p) = check.calibrated
        && standing(p.status) != home
    {
        why.push(t!("reason-calibrated", side = side(p.status)));
    }
    why
}

/// Items in running text: `a, b` in English, `a、b` in Japanese.
pub fn list(items: &[String]) -> String {
    items.join(&t!("list-separator"))
}

/// What goes between two sentences: a space in English, nothing in Japanese.
pub fn gap() -> String {
    t!("sentence-separator")
}

/// The first [`NAMED`] items, and how many more there are.
fn cut(items: &[String]) -> Vec<String> {
    let mut shown: Vec<String> = items.iter().take(NAMED).cloned().collect();
    if items.len() > NAMED {
        shown.push(t!("and-more", count = items.len() - NAMED));
    }
    shown
}

fn percent(count: u32, of: u32) -> String {
    if of == 0 {
        return "-".into();
    }
    format!("{:.1}%", 100.0 * f64::from(count) / f64::from(of))
}

/// `95%`: the share a solid region keeps its place in.
fn solid_share() -> String {
    format!("{:.0}%", 100.0 * SOLID_SHARE)
}

fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn name_of<'r>(results: &'r Results, id: &'r str) -> &'r str {
    results
        .regions
        .iter()
        .find(|r| r.region == id)
        .map_or(id, |r| r.name.as_str())
}

/// The table `merge` prints after the ranking, its columns aligned in
/// terminal columns (a Japanese word takes two per character).
pub fn table(results: &Results, analysis: &Analysis) -> String {
    let checks = analysis.by_region();
    let mut rows: Vec<[String; 10]> = Vec::new();
    for region in &results.regions {
        let Some(check) = checks.get(region.region.as_str()) else {
            continue;
        };
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
    let mut widths: Vec<usize> = header.iter().map(|h| text::width(h)).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(text::width(cell));
        }
    }
    // Rank and the shares read as numbers: right-aligned.
    let line = |cells: &[String]| {
        let mut line = String::new();
        for (k, (cell, &w)) in cells.iter().zip(&widths).enumerate() {
            if k > 0 {
                line.push_str("  ");
            }
            if k == 0 || k == 2 {
                line.push_str(&pad_left(cell, w));
            } else {
                line.push_str(&pad_right(cell, w));
            }
        }
        let mut line = line.trim_end().to_string();
        line.push('\n');
        line
    };
    let mut out = t!(
        "analysis-table-title",
        rounds = analysis.rounds,
        seed = analysis.seed
    );
    out.push('\n');
    out.push_str(&line(&header));
    for row in &rows {
        out.push_str(&line(row));
    }
    let selected = results
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
    out.push_str(&calibration_line(analysis));
    out.push('\n');
    out
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

fn calibration_line(analysis: &Analysis) -> String {
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

/// The section of `report.md`.
pub fn markdown_section(results: &Results, analysis: &Analysis, review: &Review) -> String {
    let mut out = String::new();
    let _ = Section {
        out: &mut out,
        results,
        analysis,
        review,
        names: results
            .regions
            .iter()
            .map(|r| (r.region.as_str(), r.name.as_str()))
            .collect(),
    }
    .write();
    out
}

struct Section<'a> {
    out: &'a mut String,
    results: &'a Results,
    analysis: &'a Analysis,
    review: &'a Review,
    /// Region names by id.
    names: HashMap<&'a str, &'a str>,
}

impl Write for Section<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        Ok(())
    }
}

impl Section<'_> {
    fn write(&mut self) -> fmt::Result {
        writeln!(self, "## {}\n", t!("solid-title"))?;
        writeln!(
            self,
            "{}\n",
            t!(
                "solid-intro",
                rounds = self.analysis.rounds,
                seed = self.analysis.seed
            )
        )?;
        self.summary()?;
        self.table()?;
        self.resampling()?;
        self.left_out()?;
        self.rules()?;
        self.calibration()?;
        self.closeness()
    }

    fn name(&self, region: &str) -> String {
        escape(self.names.get(region).copied().unwrap_or(region))
    }

    fn reviewer(&self, id: &str) -> String {
        escape(&reviewer_named(self.review, id))
    }

    fn summary(&mut self) -> fmt::Result {
        let analysis = self.analysis;
        let regions = &analysis.regions;
        let fragile: Vec<&RegionCheck> = regions
            .iter()
            .filter(|r| r.verdict == Verdict::Fragile)
            .collect();
        let selected = regions
            .iter()
            .filter(|r| r.status == Status::Selected)
            .count();
        write!(self, "{}", t!("solid-in-short"))?;
        if fragile.is_empty() {
            let key = if analysis.calibration.any() {
                "solid-all-solid"
            } else {
                "solid-all-solid-uncalibrated"
            };
            write!(self, "{}{}", t!(key, share = solid_share()), gap())?;
        } else {
            let names: Vec<String> = fragile
                .iter()
                .map(|r| {
                    t!(
                        "solid-fragile-name",
                        region = self.name(&r.region),
                        side = side(r.status)
                    )
                })
                .collect();
            write!(
                self,
                "{}{}",
                t!(
                    "solid-some-fragile",
                    solid = regions.len() - fragile.len(),
                    regions = regions.len(),
                    fragile = fragile.len(),
                    names = list(&cut(&names))
                ),
                gap()
            )?;
            for check in fragile.iter().take(NAMED) {
                let why = reasons(analysis, check, |id| self.reviewer(id));
                write!(
                    self,
                    "{}{}",
                    t!(
                        "solid-fragile-why",
                        region = self.name(&check.region),
                        reasons = why.join(&t!("reasons-separator"))
                    ),
                    gap()
                )?;
            }
        }
        write!(
            self,
            "{}",
            t!(
                "solid-same-selection",
                selected = selected,
                same = analysis.same_selection,
                rounds = analysis.rounds,
                share = percent(analysis.same_selection, analysis.rounds)
            )
        )?;
        if let Some(cutoff) = &analysis.cutoff {
            write!(
                self,
                "{}{}",
                gap(),
                t!(
                    "solid-short-cutoff",
                    last = self.name(&cutoff.last_in),
                    next = self.name(&cutoff.first_out),
                    margin = points(cutoff.margin)
                )
            )?;
            if let Some(swap) = &cutoff.smallest {
                let key = if cutoff.exact {
                    "solid-short-swap"
                } else {
                    "solid-short-swap-at-most"
                };
                write!(self, "{}{}", gap(), t!(key, swap = swap_summary(swap)))?;
            }
            if let Some(fewest) = &cutoff.fewest_reviewers
                && let [alone] = fewest.reviewers.as_slice()
            {
                write!(
                    self,
                    "{}{}",
                    gap(),
                    t!(
                        "solid-short-one-reviewer",
                        reviewer = self.reviewer(alone),
                        points = points(fewest.points)
                    )
                )?;
            }
        }
        writeln!(self, "\n")
    }

    fn table(&mut self) -> fmt::Result {
        let analysis = self.analysis;
        let rules: Vec<String> = analysis
            .regions
            .first()
            .map(|r| {
                r.by_aggregate
                    .iter()
                    .map(|o| {
                        let word = words::aggregate(o.aggregate);
                        if o.aggregate == analysis.aggregate {
                            t!("solid-col-rule", aggregate = word)
                        } else {
                            word
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        write!(
            self,
            "| {} | {} | {} | {} | {} | {} |",
            t!("report-col-rank"),
            t!("col-region"),
            t!("col-status"),
            t!("solid-col-resampled"),
            t!("solid-col-ranks"),
            t!("solid-col-hangs-on")
        )?;
        for rule in &rules {
            write!(self, " {rule} |")?;
        }
        writeln!(
            self,
            " {} | {} |",
            t!("solid-col-calibrated"),
            t!("solid-col-verdict")
        )?;
        write!(self, "|---:|---|---|---:|---|---|")?;
        for _ in &rules {
            write!(self, "---|")?;
        }
        writeln!(self, "---|---|")?;
        let checks = analysis.by_region();
        for region in &self.results.regions {
            let Some(check) = checks.get(region.region.as_str()) else {
                continue;
            };
            write!(
                self,
                "| {} | {} | {} | {} | {} | {} |",
                region.rank,
                escape(&region.name),
                words::status(region.status, Form::Table, None),
                selected_share(check, analysis.rounds),
                rank_range(check),
                if check.hangs_on.is_empty() {
                    "-".to_string()
                } else {
                    escape(&list(&check.hangs_on))
                }
            )?;
            for rule in &check.by_aggregate {
                write!(
                    self,
                    " {} |",
                    t!(
                        "solid-cell-placing",
                        rank = rule.placing.rank,
                        side = side(rule.placing.status)
                    )
                )?;
            }
            let calibrated = check.calibrated.map_or_else(
                || "-".to_string(),
                |p| {
                    t!(
                        "solid-cell-calibrated",
                        rank = p.rank,
                        side = side(p.status),
                        total = points(p.total)
                    )
                },
            );
            writeln!(self, " {} | {} |", calibrated, verdict_word(check.verdict))?;
        }
        writeln!(
            self,
            "\n{}\n",
            t!("solid-table-legend", share = solid_share())
        )
    }

    fn resampling(&mut self) -> fmt::Result {
        let rounds = self.analysis.rounds;
        writeln!(self, "### {}\n", t!("solid-resampling-title"))?;
        write!(self, "{}", t!("solid-resampling", rounds = rounds))?;
        if rounds > 0 {
            write!(
                self,
                "{}{}",
                gap(),
                t!(
                    "solid-resampling-precision",
                    rounds = rounds,
                    points = format!("{:.1}", 100.0 / f64::from(rounds).sqrt())
                )
            )?;
        }
        writeln!(self, "\n")
    }

    fn left_out(&mut self) -> fmt::Result {
        let analysis = self.analysis;
        writeln!(self, "### {}\n", t!("solid-left-out-title"))?;
        if analysis.hinges.is_empty() {
            return writeln!(
                self,
                "{}\n",
                t!(
                    "solid-left-out-none",
                    reviewers = analysis.reviewers_left_out
                )
            );
        }
        writeln!(
            self,
            "{}\n",
            t!(
                "solid-left-out-some",
                reviewers = analysis.reviewers_left_out
            )
        )?;
        for hinge in analysis.hinges.iter().take(NAMED) {
            let line = without(hinge, &self.reviewer(&hinge.reviewer), |id| self.name(id));
            writeln!(self, "- {line}")?;
        }
        if analysis.hinges.len() > NAMED {
            writeln!(
                self,
                "- {}",
                t!("solid-without-more", count = analysis.hinges.len() - NAMED)
            )?;
        }
        writeln!(self)
    }

    fn rules(&mut self) -> fmt::Result {
        let analysis = self.analysis;
        writeln!(self, "### {}\n", t!("solid-rules-title"))?;
        let Some(first) = analysis.regions.first() else {
            return writeln!(self, "{}\n", t!("solid-no-regions"));
        };
        let mut official: Vec<&str> = analysis
            .regions
            .iter()
            .filter(|r| r.status == Status::Selected)
            .map(|r| r.region.as_str())
            .collect();
        official.sort_unstable();
        let mut same = Vec::new();
        for (k, rule) in first.by_aggregate.iter().enumerate() {
            // In the rank order of the results, as the table has them.
            let ids: Vec<&str> = analysis
                .regions
                .iter()
                .filter(|r| {
                    r.by_aggregate
                        .get(k)
                        .is_some_and(|o| o.placing.status == Status::Selected)
                })
                .map(|r| r.region.as_str())
                .collect();
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            let word = words::aggregate(rule.aggregate);
            if sorted == official {
                same.push(word);
                continue;
            }
            let gained: Vec<String> = ids
                .iter()
                .filter(|id| official.binary_search(id).is_err())
                .map(|id| self.name(id))
                .collect();
            let lost: Vec<String> = analysis
                .regions
                .iter()
                .filter(|r| r.status == Status::Selected && !ids.contains(&r.region.as_str()))
                .map(|r| self.name(&r.region))
                .collect();
            let (gained, lost) = (list(&cut(&gained)), list(&cut(&lost)));
            let line = match (gained.is_empty(), lost.is_empty()) {
                (false, false) => t!(
                    "solid-rule-instead",
                    aggregate = word,
                    gained = gained,
                    lost = lost
                ),
                (false, true) => t!("solid-rule-gained", aggregate = word, gained = gained),
                _ => t!("solid-rule-lost", aggregate = word, lost = lost),
            };
            writeln!(self, "- {line}")?;
        }
        if !same.is_empty() {
            writeln!(
                self,
                "- {}",
                t!("solid-rule-same", aggregates = list(&same))
            )?;
        }
        writeln!(
            self,
            "\n{}\n",
            t!(
                "solid-rules-note",
                aggregate = words::aggregate(analysis.aggregate)
            )
        )
    }

    fn calibration(&mut self) -> fmt::Result {
        let calibration = &self.analysis.calibration;
        writeln!(self, "### {}\n", t!("solid-calibration-title"))?;
        writeln!(
            self,
            "{}\n",
            t!(
                "solid-calibration-method",
                shared = calibration.min_shared_cells
            )
        )?;
        match calibration.why_none() {
            None => {}
            Some(Uncalibrated::NoMarks) => {
                return writeln!(self, "{}\n", t!("solid-calibration-no-marks"));
            }
            Some(Uncalibrated::FewSharedCells) => writeln!(
                self,
                "{}\n",
                t!(
                    "solid-calibration-impossible",
                    shared = calibration.min_shared_cells
                )
            )?,
            Some(Uncalibrated::SmallGroups) => {
                writeln!(self, "{}\n", t!("solid-calibration-small-groups"))?
            }
        }
        for (k, group) in calibration.groups.iter().enumerate() {
            let panels: Vec<String> = group.panels.iter().map(|p| format!("`{p}`")).collect();
            writeln!(
                self,
                "- {}",
                t!(
                    "solid-calibration-group",
                    group = k + 1,
                    count = group.panels.len(),
                    panels = list(&panels),
                    reviewers = group.reviewers.len(),
                    cells = group.cells,
                    spread = group.residual_sd.map_or_else(|| "?".to_string(), points)
                )
            )?;
        }
        if !calibration.groups.is_empty() {
            writeln!(self)?;
        }
        writeln!(
            self,
            "| {} | {} | {} | {} | {} | {} | {} |",
            t!("solid-col-reviewer"),
            t!("solid-col-group"),
            t!("col-marks"),
            t!("solid-col-shared"),
            t!("solid-col-offset"),
            t!("solid-col-error"),
            t!("solid-col-reading")
        )?;
        writeln!(self, "|---|---:|---:|---:|---:|---:|---|")?;
        let mut rows: Vec<&ReviewerOffset> = calibration.reviewers.iter().collect();
        rows.sort_by(|a, b| {
            (a.group.is_none(), a.group)
                .cmp(&(b.group.is_none(), b.group))
                .then(a.offset.unwrap_or(0.0).total_cmp(&b.offset.unwrap_or(0.0)))
                .then(a.reviewer.cmp(&b.reviewer))
        });
        for row in rows {
            let (offset, error, reading) = match (row.offset, row.thin) {
                (Some(b), _) => (
                    signed(b),
                    row.standard_error.map_or_else(|| "-".to_string(), points),
                    reading_word(row.reading()),
                ),
                (None, Some(thin)) => (
                    "-".to_string(),
                    "-".to_string(),
                    t!(
                        "solid-not-estimable-why",
                        why = thin_reason(thin, calibration.min_shared_cells)
                    ),
                ),
                (None, None) => ("-".into(), "-".into(), reading_word(Reading::NotEstimable)),
            };
            writeln!(
                self,
                "| {} | {} | {} | {} | {} | {} | {} |",
                self.reviewer(&row.reviewer),
                row.group.map_or_else(|| "-".to_string(), |g| g.to_string()),
                row.marks,
                row.shared_cells,
                offset,
                error,
                reading
            )?;
        }
        writeln!(self)?;
        if !calibration.any() {
            return Ok(());
        }
        self.calibrated_totals()
    }

    /// What calibrating does to the totals and to the selection.
    fn calibrated_totals(&mut self) -> fmt::Result {
        let official: HashMap<&str, f64> = self
            .results
            .regions
            .iter()
            .map(|r| (r.region.as_str(), r.total))
            .collect();
        let mut moved: Vec<(f64, &str)> = self
            .analysis
            .regions
            .iter()
            .filter_map(|r| {
                let total = official.get(r.region.as_str())?;
                Some((r.calibrated?.total - total, r.region.as_str()))
            })
            .filter(|(delta, _)| delta.abs() >= 0.005)
            .collect();
        moved.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()).then(a.1.cmp(b.1)));
        if !moved.is_empty() {
            let shown: Vec<String> = moved
                .iter()
                .take(3)
                .map(|(delta, id)| format!("{} {}", self.name(id), signed(*delta)))
                .collect();
            writeln!(
                self,
                "{}\n",
                t!("solid-calibration-moves", regions = list(&shown))
            )?;
        }
        let crossing: Vec<String> = self
            .analysis
            .regions
            .iter()
            .filter_map(|r| {
                let p = r.calibrated?;
                (standing(p.status) != standing(r.status)).then(|| {
                    let region = self.name(&r.region);
                    if standing(p.status) == Standing::In {
                        t!("crossing-in", region = region)
                    } else {
                        t!("crossing-out", region = region)
                    }
                })
            })
            .collect();
        let text = if crossing.is_empty() {
            t!("solid-calibrated-same")
        } else {
            t!("solid-calibrated-differs", changes = list(&cut(&crossing)))
        };
        writeln!(self, "{text}\n")
    }

    fn closeness(&mut self) -> fmt::Result {
        writeln!(self, "### {}\n", t!("solid-cutoff-title"))?;
        let Some(cutoff) = &self.analysis.cutoff else {
            let tied = self
                .results
                .regions
                .iter()
                .any(|r| r.status == Status::Tied);
            let key = if tied {
                "solid-cutoff-in-tie"
            } else {
                "solid-cutoff-none"
            };
            return writeln!(self, "{}\n", t!(key));
        };
        let region = |id: &str| self.results.regions.iter().find(|r| r.region == id);
        let (Some(last), Some(next)) = (region(&cutoff.last_in), region(&cutoff.first_out)) else {
            return Ok(());
        };
        let (last_name, next_name) = (escape(&last.name), escape(&next.name));
        let sentence = match &cutoff.decided_by {
            Some(category) => t!(
                "solid-cutoff-tie-break",
                last = &last_name,
                last_rank = last.rank,
                next = &next_name,
                next_rank = next.rank,
                total = points(last.total),
                category = escape(category)
            ),
            None => t!(
                "solid-cutoff-ahead",
                last = &last_name,
                last_rank = last.rank,
                last_total = points(last.total),
                next = &next_name,
                next_rank = next.rank,
                next_total = points(next.total),
                margin = points(cutoff.margin)
            ),
        };
        writeln!(self, "{sentence}")?;
        writeln!(self, "{}", self.per_mark(last, next))?;
        writeln!(self)?;
        let Some(smallest) = &cutoff.smallest else {
            return writeln!(
                self,
                "{}\n",
                t!("solid-no-swap", next = &next_name, last = &last_name)
            );
        };
        let key = if cutoff.exact {
            "solid-smallest-exact"
        } else {
            "solid-smallest-found"
        };
        writeln!(
            self,
            "{}\n",
            t!(
                key,
                next = &next_name,
                last = &last_name,
                swap = swap_summary(smallest)
            )
        )?;
        self.changes(smallest)?;
        if let Some(fewest) = &cutoff.fewest_reviewers {
            let who: Vec<String> = fewest
                .reviewers
                .iter()
                .map(|id| self.reviewer(id))
                .collect();
            let (count, who) = (fewest.reviewers.len(), list(&cut(&who)));
            if fewest == smallest {
                writeln!(
                    self,
                    "{}\n",
                    t!("solid-fewest-same", count = count, reviewers = who)
                )?;
            } else {
                writeln!(
                    self,
                    "{}\n",
                    t!(
                        "solid-fewest",
                        count = count,
                        reviewers = who,
                        swap = swap_summary(fewest)
                    )
                )?;
                self.changes(fewest)?;
            }
        }
        Ok(())
    }

    /// How a changed mark moves a total, for the two regions at the cutoff.
    fn per_mark(&self, last: &RegionResult, next: &RegionResult) -> String {
        let counts: Vec<u32> = [last, next]
            .iter()
            .flat_map(|r| r.criteria.iter().map(|c| c.marks))
            .filter(|&n| n > 0)
            .collect();
        let (lo, hi) = (
            counts.iter().copied().min().unwrap_or(0),
            counts.iter().copied().max().unwrap_or(0),
        );
        let range = if lo == hi {
            lo.to_string()
        } else {
            t!("count-range", low = lo, high = hi)
        };
        match self.analysis.aggregate {
            Aggregate::Mean => {
                let margin = self.analysis.cutoff.as_ref().map_or(0.0, |c| c.margin);
                if margin <= 0.0 {
                    return t!("solid-per-mark-mean-level", range = range);
                }
                t!(
                    "solid-per-mark-mean",
                    range = range,
                    margin = points(margin),
                    low = points(margin * f64::from(lo)),
                    high = points(margin * f64::from(hi))
                )
            }
            Aggregate::Median => t!("solid-per-mark-median", range = range),
            Aggregate::TrimmedMean => t!("solid-per-mark-trimmed", range = range),
        }
    }

    fn changes(&mut self, swap: &Swap) -> fmt::Result {
        writeln!(
            self,
            "| {} | {} | {} | {} | {} |",
            t!("solid-col-reviewer"),
            t!("col-region"),
            t!("solid-col-criterion"),
            t!("solid-col-mark"),
            t!("solid-col-changed-to")
        )?;
        writeln!(self, "|---|---|---|---:|---:|")?;
        for change in swap.changes.iter().take(CHANGES_LISTED) {
            writeln!(
                self,
                "| {} | {} | {} | {} | {} |",
                escape(&change.reviewer),
                self.name(&change.region),
                escape(&change.criterion),
                format_points(change.from),
                format_points(change.to)
            )?;
        }
        if swap.changes.len() > CHANGES_LISTED {
            writeln!(
                self,
                "| {} | | | | |",
                t!(
                    "solid-changes-more",
                    count = swap.changes.len() - CHANGES_LISTED
                )
            )?;
        }
        writeln!(self)
    }
}
