//! report.md's ranking, the selection with its cutoff, and the ties and
//! what broke them.

use std::fmt::{self, Write};

use super::writer::{Report, list, list_or_none, with_points};
use crate::merge::{EPSILON, RegionResult, Status};
use crate::report::cutoff;
use crate::report::words::{self, FlagWords, Form, escape, points};
use crate::t;

impl Report<'_> {
    pub(super) fn heading(&mut self) -> fmt::Result {
        let (results, review) = (self.results, self.review);
        writeln!(
            self,
            "# {}\n",
            t!("report-title", title = escape(&results.title))
        )?;
        let criteria = review.criteria().count();
        let counted = results.sheets.iter().filter(|s| s.counted).count();
        writeln!(
            self,
            "{}\n",
            t!(
                "report-intro",
                review = &results.review,
                rubric = &results.rubric,
                regions = results.regions.len(),
                criteria = criteria,
                categories = review.categories.len(),
                points = points(results.rules.max_total),
                places = results.rules.select,
                version = env!("CARGO_PKG_VERSION"),
                sheets = counted,
            )
        )?;
        if results.rules.include_drafts {
            let drafts = results
                .sheets
                .iter()
                .filter(|s| s.counted && !s.submitted)
                .count();
            writeln!(
                self,
                "> {}\n",
                t!("report-drafts-included", drafts = drafts)
            )?;
        }
        writeln!(self, "![{}](results.svg)\n", t!("report-chart"))
    }

    pub(super) fn ranking(&mut self) -> fmt::Result {
        if self.summary.is_some() {
            return self.around_lines();
        }
        writeln!(self, "## {}\n", t!("report-ranking"))?;
        self.ranking_head()?;
        let mut flags = FlagWords::default();
        for i in 0..self.results.regions.len() {
            self.ranking_row(i, &mut flags)?;
        }
        writeln!(self, "\n{}\n", t!("report-gaps"))?;
        self.categories()
    }

    /// The head of the ranking's table: the same columns wherever a part
    /// of the ranking is shown.
    pub(super) fn ranking_head(&mut self) -> fmt::Result {
        let results = self.results;
        let tiers = !results.rules.tiers.is_empty();
        let budget = results.budget.is_some();
        write!(
            self,
            "| {} | {} | {} | {} |",
            t!("report-col-rank"),
            t!("col-region"),
            t!("report-col-total"),
            t!("report-col-gap")
        )?;
        for category in &self.review.categories {
            write!(self, " {} |", escape(&category.id))?;
        }
        write!(self, " {} |", t!("col-status"))?;
        if tiers {
            write!(self, " {} |", t!("report-col-tier"))?;
        }
        write!(self, " {} | {} |", t!("col-marks"), t!("report-col-flags"))?;
        if let Some(budget) = &results.budget {
            write!(
                self,
                " {} |",
                t!("report-col-allocation", unit = escape(&budget.unit))
            )?;
        }
        write!(self, "\n|---:|---|---:|---:|")?;
        for _ in &self.review.categories {
            write!(self, "---:|")?;
        }
        write!(self, "---|{}---:|---|", if tiers { "---|" } else { "" })?;
        writeln!(self, "{}", if budget { "---:|" } else { "" })
    }

    /// The row of the `i`th region of the results in the ranking's table.
    pub(super) fn ranking_row(&mut self, i: usize, flags: &mut FlagWords) -> fmt::Result {
        let results = self.results;
        let Some(region) = results.regions.get(i) else {
            return Ok(());
        };
        // Ineligible regions come after the ranked ones, by id: no gap
        // to or between them.
        let gap = match results.regions.get(i + 1) {
            Some(next) if next.status != Status::Ineligible => points(region.total - next.total),
            _ => String::new(),
        };
        write!(
            self,
            "| {} | {} | {} | {} |",
            words::rank(region),
            escape(&region.name),
            points(region.total),
            gap
        )?;
        for category in &self.review.categories {
            write!(self, " {} |", points(region.subtotal(&category.id)))?;
        }
        write!(
            self,
            " {} |",
            words::status(region.status, Form::Table, None)
        )?;
        if !results.rules.tiers.is_empty() {
            let title = region.tier.as_deref().map(|t| self.tier_title(t));
            write!(self, " {} |", escape(title.unwrap_or_default()))?;
        }
        write!(
            self,
            " {} | {} |",
            region.marks,
            escape(&flags.of(&region.flags).join("; "))
        )?;
        if results.budget.is_some() {
            // Readable here; exact in results.csv and the Budget section.
            let money = region
                .allocation
                .filter(|a| *a > 0.0)
                .map_or_else(|| "-".to_string(), crate::report::amount);
            write!(self, " {money} |")?;
        }
        writeln!(self)
    }

    /// Every category at every depth, indented by depth, with its maximum.
    pub(super) fn categories(&mut self) -> fmt::Result {
        writeln!(self, "{}", t!("report-categories"))?;
        for placed in self.review.all_categories() {
            let category = placed.category;
            let below = self
                .review
                .criteria()
                .filter(|(_, c)| category.holds(&c.id))
                .count();
            let mut line = t!(
                "report-category",
                id = escape(&category.id),
                title = escape(&category.title),
                max = points(category.max_total()),
                criteria = below
            );
            if let Some(min) = category.min {
                line.push_str(&t!("report-category-min", min = points(min)));
            }
            writeln!(self, "{}- {line}", "  ".repeat(placed.depth))?;
        }
        writeln!(self)
    }

    pub(super) fn selection(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-selection"))?;
        let names = |status: Status| -> Vec<&RegionResult> {
            results
                .regions
                .iter()
                // Drawn by lot in or out: listed with the selected or not.
                .filter(|r| r.status.by_the_lot_as() == status)
                .collect()
        };
        if results.rules.tiers.is_empty() {
            let selected = names(Status::Selected);
            let count = selected.len();
            writeln!(
                self,
                "- {}",
                t!(
                    "report-selected",
                    count = count,
                    places = results.rules.select,
                    regions = list_or_none(&self.bounded(selected, with_points))
                )
            )?;
        } else {
            self.tiers()?;
        }
        let tied = names(Status::Tied);
        if !tied.is_empty() {
            let tied = self.bounded(tied, with_points);
            writeln!(self, "- {}", t!("report-tied", regions = list(&tied)))?;
        }
        writeln!(
            self,
            "- {}",
            t!(
                "report-not-selected",
                regions = list_or_none(&self.bounded(names(Status::NotSelected), with_points))
            )
        )?;
        if let Some(min) = results.rules.min_total {
            writeln!(
                self,
                "- {}",
                t!(
                    "report-below",
                    min = points(min),
                    regions =
                        list_or_none(&self.bounded(names(Status::BelowThreshold), with_points))
                )
            )?;
        } else if results
            .regions
            .iter()
            .any(|r| r.status == Status::BelowThreshold)
        {
            writeln!(
                self,
                "- {}",
                t!(
                    "report-below-minimums",
                    regions = list(&self.bounded(names(Status::BelowThreshold), with_points))
                )
            )?;
        }
        self.ineligible()?;
        writeln!(self)?;
        if results.rules.tiers.len() > 1 {
            self.boundaries()?;
        } else {
            self.cutoff_sentence()?;
        }
        writeln!(self)
    }

    /// Where the cutoff falls and by how much the last region in is ahead.
    pub(super) fn cutoff_sentence(&mut self) -> fmt::Result {
        let results = self.results;
        let regions = &results.regions;
        let select = results.rules.select as usize;
        let eligible = regions
            .iter()
            .filter(|r| r.status != Status::BelowThreshold)
            .count();
        let tied: Vec<&RegionResult> = regions
            .iter()
            .filter(|r| r.status == Status::Tied)
            .collect();
        if let Some(&first) = tied.first() {
            let places =
                select.saturating_sub(regions.iter().filter(|r| r.status.chosen()).count());
            let names = self.bounded(tied, |r| escape(&r.name));
            return writeln!(
                self,
                "{}",
                t!(
                    "report-cutoff-in-tie",
                    regions = list(&names),
                    rank = first.rank,
                    total = points(first.total),
                    places = places
                )
            );
        }
        if select == 0 {
            return writeln!(self, "{}", t!("report-no-places"));
        }
        if eligible <= select {
            let empty = select - eligible;
            return if empty == 0 {
                writeln!(self, "{}", t!("report-all-eligible"))
            } else {
                writeln!(
                    self,
                    "{}",
                    t!(
                        "report-places-empty",
                        eligible = eligible,
                        empty = empty,
                        places = select
                    )
                )
            };
        }
        let above = cutoff(results);
        let (Some(last), Some(next)) = (
            above.checked_sub(1).and_then(|i| regions.get(i)),
            regions.get(above),
        ) else {
            return Ok(());
        };
        if last.rank == next.rank && drawn(last) && drawn(next) {
            return self.cutoff_drawn(last);
        }
        if (last.total - next.total).abs() <= EPSILON {
            let category = next.decided_by.as_deref().unwrap_or("?");
            return writeln!(
                self,
                "{}",
                t!(
                    "report-cutoff-tie-break",
                    last = escape(&last.name),
                    last_rank = last.rank,
                    next = escape(&next.name),
                    next_rank = next.rank,
                    total = points(last.total),
                    category = escape(category)
                )
            );
        }
        writeln!(
            self,
            "{}",
            t!(
                "report-cutoff",
                last = escape(&last.name),
                last_rank = last.rank,
                last_total = points(last.total),
                next = escape(&next.name),
                next_rank = next.rank,
                next_total = points(next.total),
                margin = points(last.total - next.total)
            )
        )
    }

    /// The cutoff inside an ex-aequo group whose places the committee's
    /// lottery drew (`last` the last region in).
    fn cutoff_drawn(&mut self, last: &RegionResult) -> fmt::Result {
        let group: Vec<&RegionResult> = (self.results.regions.iter())
            .filter(|r| r.rank == last.rank && drawn(r))
            .collect();
        let names = self.bounded(group, |r| escape(&r.name));
        writeln!(
            self,
            "{}",
            t!(
                "report-cutoff-drawn",
                regions = list(&names),
                rank = last.rank,
                total = points(last.total)
            )
        )
    }

    /// Every pair of neighbours with equal totals: what ordered them, or
    /// that they share a rank.
    pub(super) fn ties(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-ties"))?;
        let mut any = false;
        let ranked: Vec<&RegionResult> = results
            .regions
            .iter()
            .filter(|r| r.status != Status::Ineligible)
            .collect();
        // The summary says the ties around its lines, and how many others.
        let mut elsewhere = 0usize;
        for pair in ranked.windows(2) {
            let (above, below) = (&pair[0], &pair[1]);
            if (above.total - below.total).abs() > EPSILON {
                continue;
            }
            if let Some(summary) = self.summary
                && !(summary.near(&above.region) && summary.near(&below.region))
            {
                elsewhere += 1;
                continue;
            }
            any = true;
            match &below.decided_by {
                Some(category) if above.rank != below.rank => {
                    self.decided(above, below, category)?;
                }
                _ => {
                    let (above_name, below_name) = (escape(&above.name), escape(&below.name));
                    let sentence = if results.rules.tie_break.is_empty() {
                        t!(
                            "report-shared-rank-no-rule",
                            above = above_name,
                            below = below_name,
                            rank = above.rank,
                            total = points(above.total)
                        )
                    } else {
                        t!(
                            "report-shared-rank",
                            above = above_name,
                            below = below_name,
                            rank = above.rank,
                            total = points(above.total),
                            categories = list(&results.rules.tie_break)
                        )
                    };
                    writeln!(self, "- {sentence}")?;
                }
            }
        }
        if elsewhere > 0 {
            let gap = if any { "\n" } else { "" };
            writeln!(
                self,
                "{gap}{}",
                t!("report-ties-elsewhere", count = elsewhere)
            )?;
            any = true;
        }
        if !any {
            writeln!(self, "{}", t!("report-no-ties"))?;
        }
        let closest = ranked
            .windows(2)
            .filter(|p| (p[0].total - p[1].total).abs() > EPSILON)
            .min_by(|a, b| (a[0].total - a[1].total).total_cmp(&(b[0].total - b[1].total)));
        if let Some(pair) = closest {
            writeln!(
                self,
                "{}{}",
                if any { "\n" } else { "" },
                t!(
                    "report-closest",
                    above = escape(&pair[0].name),
                    below = escape(&pair[1].name),
                    gap = points(pair[0].total - pair[1].total),
                    above_rank = pair[0].rank,
                    below_rank = pair[1].rank
                )
            )?;
        }
        writeln!(self)
    }

    /// One sentence for two regions with equal totals that `tie_break` ordered.
    pub(super) fn decided(
        &mut self,
        above: &RegionResult,
        below: &RegionResult,
        category: &str,
    ) -> fmt::Result {
        let subtotal = |region: &RegionResult, id: &str| {
            region
                .subtotals
                .iter()
                .find(|s| s.category == id)
                .map_or(0.0, |s| s.points)
        };
        let earlier: Vec<String> = self
            .results
            .rules
            .tie_break
            .iter()
            .take_while(|id| id.as_str() != category)
            .map(|id| {
                t!(
                    "report-with-points",
                    name = escape(id),
                    points = points(subtotal(above, id))
                )
            })
            .collect();
        let (above_name, below_name) = (escape(&above.name), escape(&below.name));
        let title = escape(self.category_title(category));
        let (above_points, below_points) = (
            points(subtotal(above, category)),
            points(subtotal(below, category)),
        );
        let sentence = if earlier.is_empty() {
            t!(
                "report-decided",
                above = above_name,
                below = below_name,
                total = points(above.total),
                category = escape(category),
                title = title,
                above_points = above_points,
                below_points = below_points
            )
        } else {
            t!(
                "report-decided-after",
                above = above_name,
                below = below_name,
                total = points(above.total),
                category = escape(category),
                title = title,
                above_points = above_points,
                below_points = below_points,
                earlier = list(&earlier)
            )
        };
        writeln!(self, "- {sentence}")
    }
}

/// Whether the committee's lottery gave the region its place.
fn drawn(region: &RegionResult) -> bool {
    matches!(region.status, Status::Drawn | Status::NotDrawn)
}
