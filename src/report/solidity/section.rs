//! How solid the selection is, as a section of report.md: the summary and
//! the table of regions here, the other parts in the files beside it.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write};

use super::sentences::{
    NAMED, cut, percent, rank_range, reasons, reviewer_named, selected_share_with_error, side,
    solid_share, swap_summary, verdict_word,
};
use crate::analysis::{Analysis, Closeness, RegionCheck, Verdict};
use crate::merge::{Results, Status};
use crate::model::Review;
use crate::report::words::{self, Form, escape, gap, list, points};
use crate::t;

/// The section of `report.md`.
pub fn markdown_section(results: &Results, analysis: &Analysis, review: &Review) -> String {
    markdown_section_of(results, analysis, review, None)
}

/// The section with its table cut to the regions `shown` (by id), as the
/// summary form of report.md has it: the rest is all the same.
pub fn markdown_section_of<'a>(
    results: &'a Results,
    analysis: &'a Analysis,
    review: &'a Review,
    shown: Option<&'a HashSet<&'a str>>,
) -> String {
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
        shown,
    }
    .write();
    out
}

pub(super) struct Section<'a> {
    out: &'a mut String,
    pub(super) results: &'a Results,
    pub(super) analysis: &'a Analysis,
    pub(super) review: &'a Review,
    /// Region names by id.
    names: HashMap<&'a str, &'a str>,
    /// The regions of the table, when not all.
    shown: Option<&'a HashSet<&'a str>>,
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
        if self.review.committee.use_consensus {
            let fixed = self
                .results
                .regions
                .iter()
                .flat_map(|r| r.criteria.iter())
                .filter(|c| c.consensus.is_some())
                .count();
            if fixed > 0 {
                writeln!(self, "{}\n", t!("solid-consensus", cells = fixed))?;
            }
        }
        self.summary()?;
        self.table()?;
        self.resampling()?;
        self.left_out()?;
        self.rules()?;
        self.calibration()?;
        self.teams()?;
        self.closeness()?;
        self.boundaries()
    }

    /// Whether the table has a row for this region.
    fn shows(&self, region: &str) -> bool {
        self.shown.is_none_or(|shown| shown.contains(region))
    }

    /// Under a table that leaves regions out, how many.
    fn rows_left_out(&mut self) -> fmt::Result {
        let analysis = self.analysis;
        let count = analysis
            .regions
            .iter()
            .filter(|r| !self.shows(&r.region))
            .count();
        if count > 0 {
            writeln!(self, "\n{}", t!("report-analysis-rows", count = count))?;
        }
        Ok(())
    }

    pub(super) fn name(&self, region: &str) -> String {
        escape(self.names.get(region).copied().unwrap_or(region))
    }

    pub(super) fn reviewer(&self, id: &str) -> String {
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
            self.fragile_in_short(&fragile)?;
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
            self.cutoff_in_short(cutoff)?;
        }
        writeln!(self, "\n")
    }

    /// The fragile regions of the summary, each with why.
    fn fragile_in_short(&mut self, fragile: &[&RegionCheck]) -> fmt::Result {
        let analysis = self.analysis;
        let regions = &analysis.regions;
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
        Ok(())
    }

    /// The cutoff in the summary: its margin and the smallest swap.
    fn cutoff_in_short(&mut self, cutoff: &Closeness) -> fmt::Result {
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
        Ok(())
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
            let Some(check) = checks
                .get(region.region.as_str())
                .filter(|_| self.shows(&region.region))
            else {
                continue;
            };
            write!(
                self,
                "| {} | {} | {} | {} | {} | {} |",
                region.rank,
                escape(&region.name),
                words::status(region.status, Form::Table, None),
                selected_share_with_error(check, analysis.rounds),
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
        self.rows_left_out()?;
        self.legend()
    }

    /// Below the table: what its columns say, and how many regions were
    /// settled without being ranked again.
    fn legend(&mut self) -> fmt::Result {
        writeln!(
            self,
            "\n{}\n",
            t!("solid-table-legend", share = solid_share())
        )?;
        let settled = self.analysis.settled;
        if settled > 0 {
            writeln!(
                self,
                "{}\n",
                t!("solid-table-legend-settled", settled = settled)
            )?;
        }
        Ok(())
    }
}
