//! `report.md`: the committee report a chair can paste into minutes and
//! defend: the ranking, the selection and how close it was, every tie and
//! what broke it, every flag with its cause, the rules, the sheets counted
//! and the input files with their checksums. Deterministic: the same inputs
//! give the same bytes (no clock, no paths outside the review).

use std::fmt::{self, Write};

use super::{cutoff, points};
use crate::merge::{CriterionResult, EPSILON, RegionResult, Results, Status};
use crate::model::{Aggregate, Review, format_points};

/// An input file of the merge, with its checksum, so that the results can be
/// reproduced from exactly these files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: String,
    pub sha256: String,
}

/// Writes the report. `review` gives titles for ids.
pub fn markdown(results: &Results, review: &Review, inputs: &[InputFile]) -> String {
    let mut out = String::new();
    let _ = Report {
        out: &mut out,
        results,
        review,
    }
    .write(inputs);
    out
}

struct Report<'a> {
    out: &'a mut String,
    results: &'a Results,
    review: &'a Review,
}

impl Write for Report<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        Ok(())
    }
}

impl Report<'_> {
    fn write(&mut self, inputs: &[InputFile]) -> fmt::Result {
        self.heading()?;
        self.ranking()?;
        self.selection()?;
        if let Some(analysis) = &self.results.analysis {
            let section = super::solidity::markdown(analysis, self.results, self.review);
            self.out.push_str(&section);
        }
        self.ties()?;
        self.flags()?;
        self.rules()?;
        self.sheets()?;
        self.warnings()?;
        self.inputs(inputs)
    }

    fn category_title(&self, id: &str) -> &str {
        self.review
            .categories
            .iter()
            .find(|c| c.id == id)
            .map_or("", |c| c.title.as_str())
    }

    fn criterion_title(&self, id: &str) -> &str {
        self.review.criterion(id).map_or("", |c| c.title.as_str())
    }

    fn reviewer_name(&self, id: &str) -> String {
        self.review
            .reviewer(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }

    fn heading(&mut self) -> fmt::Result {
        let (results, review) = (self.results, self.review);
        writeln!(self, "# Committee results: {}\n", escape(&results.title))?;
        let criteria = review.criteria().count();
        let counted = results.sheets.iter().filter(|s| s.counted).count();
        writeln!(
            self,
            "Review `{}`, rubric fingerprint `{}`: {} regions scored on {} criteria in {} categories, {} points in all, for {} places. Computed by panelist {} from the input files listed at the end; {} sheet(s) counted.\n",
            results.review,
            results.rubric,
            results.regions.len(),
            criteria,
            review.categories.len(),
            points(results.rules.max_total),
            results.rules.select,
            env!("CARGO_PKG_VERSION"),
            counted,
        )?;
        if results.rules.include_drafts {
            let drafts = results
                .sheets
                .iter()
                .filter(|s| s.counted && !s.submitted)
                .count();
            writeln!(
                self,
                "> **Drafts included.** {drafts} draft sheet(s) count in these results (`--include-drafts`). Their reviewers have not submitted them: these are not the committee's final results.\n"
            )?;
        }
        writeln!(self, "![Totals](results.svg)\n")
    }

    fn ranking(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## Ranking\n")?;
        let categories: Vec<&str> = self
            .review
            .categories
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        write!(self, "| Rank | Region | Total | Gap to next |")?;
        for id in &categories {
            write!(self, " {} |", escape(id))?;
        }
        writeln!(self, " Status | Marks | Flags |")?;
        write!(self, "|---:|---|---:|---:|")?;
        for _ in &categories {
            write!(self, "---:|")?;
        }
        writeln!(self, "---|---:|---|")?;
        for (i, region) in results.regions.iter().enumerate() {
            let gap = match results.regions.get(i + 1) {
                Some(next) => points(region.total - next.total),
                None => String::new(),
            };
            write!(
                self,
                "| {} | {} | {} | {} |",
                region.rank,
                escape(&region.name),
                points(region.total),
                gap
            )?;
            for subtotal in &region.subtotals {
                write!(self, " {} |", points(subtotal.points))?;
            }
            writeln!(
                self,
                " {} | {} | {} |",
                region.status.as_str(),
                region.marks,
                escape(&region.flags.join("; "))
            )?;
        }
        writeln!(
            self,
            "\nGaps are computed from the unrounded totals, so they may differ by 0.01 from the difference of the rounded ones.\n"
        )?;
        writeln!(self, "Categories:")?;
        for category in &self.review.categories {
            let max: f64 = category.criteria.iter().map(|c| c.max).sum();
            writeln!(
                self,
                "- {}: {} (max {}, {} criteria)",
                escape(&category.id),
                escape(&category.title),
                points(max),
                category.criteria.len()
            )?;
        }
        writeln!(self)
    }

    fn selection(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## Selection\n")?;
        let names = |status: Status| -> Vec<String> {
            results
                .regions
                .iter()
                .filter(|r| r.status == status)
                .map(|r| format!("{} ({})", escape(&r.name), points(r.total)))
                .collect()
        };
        let selected = names(Status::Selected);
        writeln!(
            self,
            "- **Selected** ({} of {} places): {}",
            selected.len(),
            results.rules.select,
            list_or_none(&selected)
        )?;
        let tied = names(Status::Tied);
        if !tied.is_empty() {
            writeln!(
                self,
                "- **Tied at the cutoff** (the committee decides): {}",
                tied.join(", ")
            )?;
        }
        writeln!(
            self,
            "- Not selected: {}",
            list_or_none(&names(Status::NotSelected))
        )?;
        if let Some(min) = results.rules.min_total {
            writeln!(
                self,
                "- Below the minimum total of {}: {}",
                points(min),
                list_or_none(&names(Status::BelowThreshold))
            )?;
        }
        writeln!(self)?;
        self.cutoff_sentence()?;
        writeln!(self)
    }

    /// Where the cutoff falls and by how much the last region in is ahead.
    fn cutoff_sentence(&mut self) -> fmt::Result {
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
        if let Some(first) = tied.first() {
            let places = select.saturating_sub(
                regions
                    .iter()
                    .filter(|r| r.status == Status::Selected)
                    .count(),
            );
            let names: Vec<String> = tied.iter().map(|r| escape(&r.name)).collect();
            return writeln!(
                self,
                "The cutoff falls inside a tie: {} share rank {} with {} points and equal subtotals in every tie-break category, but only {} place(s) remain. The committee decides which to select and should record its reason in the minutes.",
                names.join(", "),
                first.rank,
                points(first.total),
                places
            );
        }
        if select == 0 {
            return writeln!(self, "No places are to be filled (`select: 0`).");
        }
        if eligible <= select {
            let empty = select - eligible;
            return if empty == 0 {
                writeln!(
                    self,
                    "Every eligible region is selected: there are as many places as regions at or above the minimum."
                )
            } else {
                writeln!(
                    self,
                    "Only {eligible} region(s) reach the minimum total, so {empty} of the {select} places stay empty."
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
        if (last.total - next.total).abs() <= EPSILON {
            let category = next.decided_by.as_deref().unwrap_or("?");
            return writeln!(
                self,
                "The cutoff falls between {} (rank {}) and {} (rank {}), whose totals are equal ({}): the tie-break on category {} decided it (see below).",
                escape(&last.name),
                last.rank,
                escape(&next.name),
                next.rank,
                points(last.total),
                escape(category)
            );
        }
        writeln!(
            self,
            "The cutoff falls between {} (rank {}, {}) and {} (rank {}, {}): a margin of {} points.",
            escape(&last.name),
            last.rank,
            points(last.total),
            escape(&next.name),
            next.rank,
            points(next.total),
            points(last.total - next.total)
        )
    }

    /// Every pair of neighbours with equal totals: what ordered them, or
    /// that they share a rank.
    fn ties(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## Ties and close calls\n")?;
        let mut any = false;
        for pair in results.regions.windows(2) {
            let (above, below) = (&pair[0], &pair[1]);
            if (above.total - below.total).abs() > EPSILON {
                continue;
            }
            any = true;
            match &below.decided_by {
                Some(category) if above.rank != below.rank => {
                    self.decided(above, below, category)?
                }
                _ => {
                    let rule = if results.rules.tie_break.is_empty() {
                        "and there is no tie-break rule".to_string()
                    } else {
                        format!(
                            "and equal subtotals in every tie-break category ({})",
                            results.rules.tie_break.join(", ")
                        )
                    };
                    writeln!(
                        self,
                        "- {} and {} share rank {} (ex aequo): equal totals ({}) {rule}.",
                        escape(&above.name),
                        escape(&below.name),
                        above.rank,
                        points(above.total)
                    )?;
                }
            }
        }
        if !any {
            writeln!(
                self,
                "No two regions have equal totals: the totals alone decide the order."
            )?;
        }
        let closest = results
            .regions
            .windows(2)
            .filter(|p| (p[0].total - p[1].total).abs() > EPSILON)
            .min_by(|a, b| (a[0].total - a[1].total).total_cmp(&(b[0].total - b[1].total)));
        if let Some(pair) = closest {
            writeln!(
                self,
                "{}The closest neighbours with different totals are {} and {}, {} points apart (ranks {} and {}).",
                if any { "\n" } else { "" },
                escape(&pair[0].name),
                escape(&pair[1].name),
                points(pair[0].total - pair[1].total),
                pair[0].rank,
                pair[1].rank
            )?;
        }
        writeln!(self)
    }

    /// One sentence for two regions with equal totals that `tie_break` ordered.
    fn decided(
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
            .map(|id| format!("{} ({})", escape(id), points(subtotal(above, id))))
            .collect();
        let after = if earlier.is_empty() {
            String::new()
        } else {
            format!(", after equal subtotals in category {}", earlier.join(", "))
        };
        writeln!(
            self,
            "- {} ranks above {}: equal totals ({}); decided by the tie-break on category {} \"{}\", {} against {}{after}.",
            escape(&above.name),
            escape(&below.name),
            points(above.total),
            escape(category),
            escape(self.category_title(category)),
            points(subtotal(above, category)),
            points(subtotal(below, category)),
        )
    }

    fn flags(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## Flags\n")?;
        let mut any = false;
        for region in &results.regions {
            for criterion in &region.criteria {
                if criterion.aggregate.is_none() {
                    any = true;
                    self.incomplete(region, criterion)?;
                }
                if criterion.disagreement {
                    any = true;
                    self.disagreement(region, criterion)?;
                }
            }
        }
        if !any {
            writeln!(
                self,
                "No flags: every criterion of every region has marks, and no spread exceeds the disagreement threshold."
            )?;
        }
        writeln!(self)
    }

    fn incomplete(&mut self, region: &RegionResult, criterion: &CriterionResult) -> fmt::Result {
        let panels: Vec<String> = self
            .review
            .panels
            .iter()
            .filter(|p| p.covers_region(&region.region) && p.covers_criterion(&criterion.criterion))
            .map(|p| format!("`{}`", p.id))
            .collect();
        let cause = if panels.is_empty() {
            "no panel covers it".to_string()
        } else {
            format!(
                "no counting mark from panel {} (no submitted sheet marks it, or its reviewers have a conflict)",
                panels.join(", ")
            )
        };
        writeln!(
            self,
            "- {} is **incomplete**: {} \"{}\" has no mark and counts as 0; {cause}.",
            escape(&region.name),
            escape(&criterion.criterion),
            escape(self.criterion_title(&criterion.criterion)),
        )
    }

    fn disagreement(&mut self, region: &RegionResult, criterion: &CriterionResult) -> fmt::Result {
        let (Some(lo), Some(hi)) = (criterion.min, criterion.max) else {
            return Ok(());
        };
        let max = self
            .review
            .criterion(&criterion.criterion)
            .map_or(0.0, |c| c.max);
        let mut marks: Vec<_> = criterion.scores.iter().collect();
        marks.sort_by(|a, b| {
            a.points
                .total_cmp(&b.points)
                .then(a.reviewer.cmp(&b.reviewer))
        });
        let marks: Vec<String> = marks
            .iter()
            .map(|s| format!("{} {}", escape(&s.reviewer), format_points(s.points)))
            .collect();
        writeln!(
            self,
            "- {}: **disagreement** on {} \"{}\": marks from {} to {}, a spread of {} > {} ({} × max {}). Marks: {}.",
            escape(&region.name),
            escape(&criterion.criterion),
            escape(self.criterion_title(&criterion.criterion)),
            points(lo),
            points(hi),
            points(hi - lo),
            points(self.results.rules.disagreement * max),
            self.results.rules.disagreement,
            points(max),
            marks.join(", ")
        )
    }

    fn rules(&mut self) -> fmt::Result {
        let rules = &self.results.rules;
        writeln!(self, "## Rules\n")?;
        let aggregate = match rules.aggregate {
            Aggregate::Mean => "Mean: the mean of the counting reviewers' marks",
            Aggregate::Median => {
                "Median: the middle mark of the counting reviewers (the mean of the two middle marks when their number is even)"
            }
            Aggregate::TrimmedMean => {
                "TrimmedMean: the mean of the counting reviewers' marks after dropping one highest and one lowest mark (when there are at least 3)"
            }
        };
        writeln!(
            self,
            "- Each criterion's score: {aggregate}. A criterion without marks counts as 0 and flags the region `incomplete`."
        )?;
        writeln!(
            self,
            "- Subtotal: the sum of a category's criterion scores; total: the sum of all of them (no rounding before the end; shown with 2 decimals)."
        )?;
        let tie_break: Vec<String> = rules
            .tie_break
            .iter()
            .map(|id| format!("{} \"{}\"", escape(id), escape(self.category_title(id))))
            .collect();
        if tie_break.is_empty() {
            writeln!(
                self,
                "- Ranking by total, highest first; equal totals (within 1e-9) share a rank (no tie-break rule)."
            )?;
        } else {
            writeln!(
                self,
                "- Ranking by total, highest first. Equal totals (within 1e-9) are ordered by the first unequal subtotal of category {}; regions still equal share a rank.",
                tie_break.join(", then ")
            )?;
        }
        writeln!(
            self,
            "- Places: {}, filled in rank order; when regions sharing a rank straddle the cutoff, all of them are `Tied` and the committee decides.",
            rules.select
        )?;
        match rules.min_total {
            Some(min) => writeln!(
                self,
                "- Minimum total: {}; a region below it is not eligible (`BelowThreshold`).",
                points(min)
            )?,
            None => writeln!(self, "- Minimum total: none.")?,
        }
        writeln!(
            self,
            "- Disagreement: flagged when a criterion has at least 2 marks and they spread by more than {} × its maximum.",
            rules.disagreement
        )?;
        writeln!(
            self,
            "- Conflicts of interest: a reviewer's marks for a region they have a conflict on (declared in `review.ron` or on their sheet) are left out."
        )?;
        if rules.include_drafts {
            writeln!(
                self,
                "- Sheets: submitted sheets and, for these results, **draft sheets too** (`--include-drafts`)."
            )?;
        } else {
            writeln!(
                self,
                "- Sheets: only submitted sheets count; drafts are left out."
            )?;
        }
        writeln!(self)
    }

    /// Per panel: members, sheets counted, drafts left out, no sheet.
    fn sheets(&mut self) -> fmt::Result {
        let (results, review) = (self.results, self.review);
        writeln!(self, "## Sheets\n")?;
        writeln!(
            self,
            "| Panel | Members | Counted | Not counted | No sheet |"
        )?;
        writeln!(self, "|---|---:|---:|---|---|")?;
        for panel in &review.panels {
            let uses: Vec<_> = results
                .sheets
                .iter()
                .filter(|s| s.panel == panel.id)
                .collect();
            let counted = uses.iter().filter(|s| s.counted).count();
            let mut not_counted: Vec<String> = uses
                .iter()
                .filter(|s| !s.counted)
                .map(|s| {
                    let superseded = uses.iter().any(|o| o.counted && o.reviewer == s.reviewer);
                    let why = if !s.submitted && !superseded {
                        "draft"
                    } else {
                        "older copy"
                    };
                    format!("{} ({why})", escape(&self.reviewer_name(&s.reviewer)))
                })
                .collect();
            not_counted.dedup();
            let missing: Vec<String> = panel
                .members
                .iter()
                .filter(|m| !uses.iter().any(|s| &s.reviewer == *m))
                .map(|m| escape(&self.reviewer_name(m)))
                .collect();
            writeln!(
                self,
                "| {} | {} | {} | {} | {} |",
                escape(&panel.title),
                panel.members.len(),
                counted,
                not_counted.join(", "),
                missing.join(", ")
            )?;
        }
        writeln!(self)
    }

    fn warnings(&mut self) -> fmt::Result {
        let results = self.results;
        if results.warnings.is_empty() {
            return Ok(());
        }
        writeln!(self, "## Warnings\n")?;
        for warning in &results.warnings {
            writeln!(self, "- {}", escape(warning))?;
        }
        writeln!(self)
    }

    fn inputs(&mut self, inputs: &[InputFile]) -> fmt::Result {
        writeln!(self, "## Input files\n")?;
        writeln!(self, "| File | SHA-256 |")?;
        writeln!(self, "|---|---|")?;
        for input in inputs {
            writeln!(self, "| `{}` | `{}` |", input.path, input.sha256)?;
        }
        Ok(())
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

/// Escapes text for a Markdown table cell or list item.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::merge::{MergeOptions, SheetInput, merge};
    use crate::model::{PanelFile, Review};

    const REVIEW: &str = r#"Review(
        id: "t", title: "Ties",
        categories: [
            Category(id: "X", title: "Cat X", criteria: [Criterion(id: "x1", title: "x one", max: 10.0)]),
            Category(id: "Y", title: "Cat Y", criteria: [Criterion(id: "y1", title: "y one", max: 10.0)]),
        ],
        regions: [Region(id: "a", name: "A"), Region(id: "b", name: "B"),
                  Region(id: "c", name: "C"), Region(id: "d", name: "D")],
        reviewers: [Reviewer(id: "r1", name: "R One")],
        panels: [Panel(id: "p", title: "P", members: ["r1"], criteria: ["x1", "y1"], regions: All)],
        committee: Committee(select: 3, tie_break: ["Y", "X"]),
    )"#;

    const SHEETS: &str = r#"PanelFile(review: "t", panel: "p", rubric: "", sheets: {
        "r1": Sheet(submitted: true, updated: "2007-06-01T10:00:00Z", scores: {
            "a": {"x1": Mark(points: 6.0), "y1": Mark(points: 4.0)},
            "b": {"x1": Mark(points: 4.0), "y1": Mark(points: 6.0)},
            "c": {"x1": Mark(points: 5.0), "y1": Mark(points: 3.0)},
            "d": {"x1": Mark(points: 5.0), "y1": Mark(points: 3.0)},
        }),
    })"#;

    fn report() -> String {
        let review: Review = ron::from_str(REVIEW).unwrap();
        let file: PanelFile = ron::from_str(SHEETS).unwrap();
        let inputs: Vec<SheetInput> = file
            .sheets
            .iter()
            .map(|(reviewer, sheet)| SheetInput {
                origin: "scores/p.ron".into(),
                panel: "p".into(),
                reviewer: reviewer.clone(),
                sheet: sheet.clone(),
            })
            .collect();
        let results = merge(&review, &inputs, MergeOptions::default()).unwrap();
        markdown(&results, &review, &[])
    }

    #[test]
    fn says_which_category_broke_a_tie_and_by_how_much() {
        let report = report();
        assert!(
            report.contains(
                "- B ranks above A: equal totals (10.00); decided by the tie-break on category Y \"Cat Y\", 6.00 against 4.00."
            ),
            "{report}"
        );
    }

    #[test]
    fn says_who_shares_a_rank_and_that_the_committee_decides_at_the_cutoff() {
        let report = report();
        assert!(
            report.contains(
                "- C and D share rank 3 (ex aequo): equal totals (8.00) and equal subtotals in every tie-break category (Y, X)."
            ),
            "{report}"
        );
        assert!(
            report.contains("The cutoff falls inside a tie: C, D share rank 3 with 8.00 points"),
            "{report}"
        );
        assert!(report.contains("only 1 place(s) remain"), "{report}");
    }
}
