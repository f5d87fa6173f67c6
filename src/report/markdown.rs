//! `report.md`: the committee report a chair can paste into minutes and
//! defend: the ranking, the selection and how close it was, every tie and
//! what broke it, every flag with its cause, the rules, the sheets counted
//! and the input files with their checksums. Deterministic: the same inputs
//! give the same bytes (no clock, no paths outside the review) in the
//! language of the thread that writes it.

use std::fmt::{self, Write};

use super::{Form, ResultsFile, cutoff, points, words};
use crate::analysis::Analysis;
use crate::merge::{CriterionResult, EPSILON, RegionResult, Results, Status};
use crate::model::{Aggregate, Review, format_points};
use crate::t;

/// An input file of the merge, with its checksum, so that the results can be
/// reproduced from exactly these files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: String,
    pub sha256: String,
}

/// Writes the report of the results and their analysis. `review` gives
/// titles for ids.
pub fn markdown(file: &ResultsFile, review: &Review, inputs: &[InputFile]) -> String {
    let mut out = String::new();
    let _ = Report {
        out: &mut out,
        results: &file.results,
        analysis: file.analysis.as_ref(),
        review,
    }
    .write(inputs);
    out
}

struct Report<'a> {
    out: &'a mut String,
    results: &'a Results,
    analysis: Option<&'a Analysis>,
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
        self.ties()?;
        if let Some(analysis) = self.analysis {
            let section = super::solidity::markdown_section(self.results, analysis, self.review);
            self.out.push_str(&section);
        }
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

    fn ranking(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-ranking"))?;
        let categories: Vec<&str> = self
            .review
            .categories
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        write!(
            self,
            "| {} | {} | {} | {} |",
            t!("report-col-rank"),
            t!("col-region"),
            t!("report-col-total"),
            t!("report-col-gap")
        )?;
        for id in &categories {
            write!(self, " {} |", escape(id))?;
        }
        writeln!(
            self,
            " {} | {} | {} |",
            t!("col-status"),
            t!("col-marks"),
            t!("report-col-flags")
        )?;
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
                words::status(region.status, Form::Table, None),
                region.marks,
                escape(&words::flags(&region.flags).join("; "))
            )?;
        }
        writeln!(self, "\n{}\n", t!("report-gaps"))?;
        writeln!(self, "{}", t!("report-categories"))?;
        for category in &self.review.categories {
            let max = category.max_total();
            writeln!(
                self,
                "- {}",
                t!(
                    "report-category",
                    id = escape(&category.id),
                    title = escape(&category.title),
                    max = points(max),
                    criteria = category.criteria.len()
                )
            )?;
        }
        writeln!(self)
    }

    fn selection(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-selection"))?;
        let names = |status: Status| -> Vec<String> {
            results
                .regions
                .iter()
                .filter(|r| r.status == status)
                .map(|r| {
                    t!(
                        "report-with-points",
                        name = escape(&r.name),
                        points = points(r.total)
                    )
                })
                .collect()
        };
        let selected = names(Status::Selected);
        writeln!(
            self,
            "- {}",
            t!(
                "report-selected",
                count = selected.len(),
                places = results.rules.select,
                regions = list_or_none(&selected)
            )
        )?;
        let tied = names(Status::Tied);
        if !tied.is_empty() {
            writeln!(self, "- {}", t!("report-tied", regions = list(&tied)))?;
        }
        writeln!(
            self,
            "- {}",
            t!(
                "report-not-selected",
                regions = list_or_none(&names(Status::NotSelected))
            )
        )?;
        if let Some(min) = results.rules.min_total {
            writeln!(
                self,
                "- {}",
                t!(
                    "report-below",
                    min = points(min),
                    regions = list_or_none(&names(Status::BelowThreshold))
                )
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

    /// Every pair of neighbours with equal totals: what ordered them, or
    /// that they share a rank.
    fn ties(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-ties"))?;
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
        if !any {
            writeln!(self, "{}", t!("report-no-ties"))?;
        }
        let closest = results
            .regions
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

    fn flags(&mut self) -> fmt::Result {
        let results = self.results;
        writeln!(self, "## {}\n", t!("report-flags"))?;
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
            writeln!(self, "{}", t!("report-no-flags"))?;
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
        let region_name = escape(&region.name);
        let id = escape(&criterion.criterion);
        let title = escape(self.criterion_title(&criterion.criterion));
        let sentence = if panels.is_empty() {
            t!(
                "report-incomplete-no-panel",
                region = region_name,
                criterion = id,
                title = title
            )
        } else {
            t!(
                "report-incomplete",
                region = region_name,
                criterion = id,
                title = title,
                panels = list(&panels)
            )
        };
        writeln!(self, "- {sentence}")
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
            .map(|s| {
                t!(
                    "report-mark",
                    reviewer = escape(&s.reviewer),
                    points = format_points(s.points)
                )
            })
            .collect();
        writeln!(
            self,
            "- {}",
            t!(
                "report-disagreement",
                region = escape(&region.name),
                criterion = escape(&criterion.criterion),
                title = escape(self.criterion_title(&criterion.criterion)),
                low = points(lo),
                high = points(hi),
                spread = points(hi - lo),
                limit = points(self.results.rules.disagreement_limit(max)),
                ratio = self.results.rules.disagreement,
                max = points(max),
                marks = list(&marks)
            )
        )
    }

    fn rules(&mut self) -> fmt::Result {
        let rules = &self.results.rules;
        writeln!(self, "## {}\n", t!("report-rules"))?;
        let aggregate = match rules.aggregate {
            Aggregate::Mean => t!("report-rule-mean"),
            Aggregate::Median => t!("report-rule-median"),
            Aggregate::TrimmedMean => t!("report-rule-trimmed"),
        };
        writeln!(self, "- {}", t!("report-rule-score", aggregate = aggregate))?;
        writeln!(self, "- {}", t!("report-rule-sums"))?;
        let tie_break: Vec<String> = rules
            .tie_break
            .iter()
            .map(|id| {
                t!(
                    "report-quoted",
                    id = escape(id),
                    title = escape(self.category_title(id))
                )
            })
            .collect();
        if tie_break.is_empty() {
            writeln!(self, "- {}", t!("report-rule-ranking-no-tie-break"))?;
        } else {
            writeln!(
                self,
                "- {}",
                t!(
                    "report-rule-ranking",
                    categories = tie_break.join(&t!("list-then"))
                )
            )?;
        }
        writeln!(
            self,
            "- {}",
            t!("report-rule-places", places = rules.select)
        )?;
        match rules.min_total {
            Some(min) => writeln!(self, "- {}", t!("report-rule-min", min = points(min)))?,
            None => writeln!(self, "- {}", t!("report-rule-no-min"))?,
        }
        writeln!(
            self,
            "- {}",
            t!("report-rule-disagreement", ratio = rules.disagreement)
        )?;
        writeln!(self, "- {}", t!("report-rule-conflicts"))?;
        if rules.include_drafts {
            writeln!(self, "- {}", t!("report-rule-drafts"))?;
        } else {
            writeln!(self, "- {}", t!("report-rule-submitted"))?;
        }
        writeln!(self)
    }

    /// Per panel: members, sheets counted, drafts left out, no sheet.
    fn sheets(&mut self) -> fmt::Result {
        let (results, review) = (self.results, self.review);
        writeln!(self, "## {}\n", t!("report-sheets"))?;
        writeln!(
            self,
            "| {} | {} | {} | {} | {} |",
            t!("report-col-panel"),
            t!("report-col-members"),
            t!("report-col-counted"),
            t!("report-col-not-counted"),
            t!("report-col-no-sheet")
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
                        t!("report-why-draft")
                    } else {
                        t!("report-why-older")
                    };
                    t!(
                        "report-not-counted",
                        name = escape(&self.reviewer_name(&s.reviewer)),
                        why = why
                    )
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
                list(&not_counted),
                list(&missing)
            )?;
        }
        writeln!(self)
    }

    fn warnings(&mut self) -> fmt::Result {
        let results = self.results;
        if results.warnings.is_empty() {
            return Ok(());
        }
        writeln!(self, "## {}\n", t!("report-warnings"))?;
        for warning in &results.warnings {
            writeln!(self, "- {}", escape(warning))?;
        }
        writeln!(self)
    }

    fn inputs(&mut self, inputs: &[InputFile]) -> fmt::Result {
        writeln!(self, "## {}\n", t!("report-inputs"))?;
        writeln!(self, "| {} | SHA-256 |", t!("report-col-file"))?;
        writeln!(self, "|---|---|")?;
        for input in inputs {
            writeln!(self, "| `{}` | `{}` |", input.path, input.sha256)?;
        }
        Ok(())
    }
}

/// Items in running text: `a, b` in English, `a、b` in Japanese.
fn list(items: &[String]) -> String {
    items.join(&t!("list-separator"))
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        t!("report-none")
    } else {
        list(items)
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
        let file = ResultsFile {
            results,
            analysis: None,
        };
        markdown(&file, &review, &[])
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
        assert!(report.contains("only 1 place remains"), "{report}");
    }

    #[test]
    fn in_japanese_every_heading_and_sentence_is_japanese_and_the_numbers_the_same() {
        crate::i18n::set_lang(crate::i18n::Lang::Ja);
        let report = report();
        crate::i18n::set_lang(crate::i18n::Lang::En);
        for heading in [
            "# 審査結果：Ties",
            "## 順位",
            "## 選定",
            "## 同点と僅差",
            "## 要確認事項",
            "## 集計規則",
            "## 採点表",
            "## 入力ファイル",
        ] {
            assert!(
                report.contains(&format!("{heading}\n")),
                "{heading}:\n{report}"
            );
        }
        assert!(
            report.contains(
                "- B は A より上位です：合計は等しく（10.00）、大項目 Y「Cat Y」による同点時の判定（6.00 対 4.00）で決まりました。"
            ),
            "{report}"
        );
        assert!(
            report.contains("選定の境目が同点の中にあります：C、D は 8.00 点で 3 位に並び"),
            "{report}"
        );
        assert!(
            report.contains("| 3 | C | 8.00 | 0.00 | 5.00 | 3.00 | 同点 | 2 |  |"),
            "{report}"
        );
        let english = [
            "Ranking",
            "Selection",
            "Ties and close calls",
            "Rules",
            "Sheets",
        ];
        for word in english {
            assert!(!report.contains(word), "{word} in:\n{report}");
        }
    }
}
