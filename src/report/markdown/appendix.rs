//! The end of report.md: the rules applied, the sheets counted, the
//! warnings and the input files with their checksums.

use std::fmt::{self, Write};

use super::writer::{Report, list};
use crate::model::{Aggregate, Regions};
use crate::report::input_file::InputFile;
use crate::report::words::{escape, points};
use crate::t;

impl Report<'_> {
    pub(super) fn rules(&mut self) -> fmt::Result {
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
        self.programme_rules()?;
        writeln!(
            self,
            "- {}",
            t!("report-rule-disagreement", ratio = rules.disagreement)
        )?;
        writeln!(self, "- {}", t!("report-rule-conflicts"))?;
        self.assignment_rules()?;
        if self.review.committee.use_consensus {
            writeln!(self, "- {}", t!("report-rule-consensus"))?;
        }
        if rules.include_drafts {
            writeln!(self, "- {}", t!("report-rule-drafts"))?;
        } else {
            writeln!(self, "- {}", t!("report-rule-submitted"))?;
        }
        writeln!(self)
    }

    /// *Assignment*'s rules, when the review uses them: conflicts through
    /// institutions, and panels whose members each score their own regions.
    fn assignment_rules(&mut self) -> fmt::Result {
        let review = self.review;
        let affiliated = review.reviewers.iter().any(|r| !r.affiliations.is_empty())
            && review.regions.iter().any(|r| !r.institutions.is_empty());
        if affiliated {
            writeln!(self, "- {}", t!("report-rule-institutions"))?;
        }
        let per_member: Vec<String> = review
            .panels
            .iter()
            .filter(|p| matches!(p.regions, Regions::PerMember(_)))
            .map(|p| format!("`{}`", escape(&p.id)))
            .collect();
        if !per_member.is_empty() {
            writeln!(
                self,
                "- {}",
                t!(
                    "report-rule-per-member",
                    count = per_member.len(),
                    panels = per_member.join(", ")
                )
            )?;
        }
        Ok(())
    }

    /// Per panel: members, sheets counted, drafts left out, no sheet.
    pub(super) fn sheets(&mut self) -> fmt::Result {
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

    pub(super) fn warnings(&mut self) -> fmt::Result {
        let results = self.results;
        if results.warnings.is_empty() {
            return Ok(());
        }
        writeln!(self, "## {}\n", t!("report-warnings"))?;
        self.items(results.warnings.iter().map(|w| escape(w)).collect())?;
        writeln!(self)
    }

    pub(super) fn inputs(&mut self, inputs: &[InputFile]) -> fmt::Result {
        writeln!(self, "## {}\n", t!("report-inputs"))?;
        writeln!(self, "| {} | SHA-256 |", t!("report-col-file"))?;
        writeln!(self, "|---|---|")?;
        for input in inputs {
            let what = if input.followed {
                format!(" ({})", t!("report-input-followed"))
            } else {
                String::new()
            };
            writeln!(self, "| `{}`{what} | `{}` |", input.path, input.sha256)?;
        }
        Ok(())
    }
}
