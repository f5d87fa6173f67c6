//! report.md's section on how solid the selection is: what resampling,
//! leaving a reviewer out and the other aggregate rules change.

use std::fmt::{self, Write};

use super::section::Section;
use super::sentences::{NAMED, cut, error_points, without};
use crate::analysis::{BATCH_ROUNDS, MAX_ROUNDS, MIN_ROUNDS, STANDARD_ERROR};
use crate::merge::Status;
use crate::report::words::{self, gap, list};
use crate::t;

impl Section<'_> {
    pub(super) fn resampling(&mut self) -> fmt::Result {
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
                    error = error_points(self.analysis.standard_error()),
                    min = MIN_ROUNDS,
                    batch = BATCH_ROUNDS,
                    target = error_points(STANDARD_ERROR)
                )
            )?;
            if self.analysis.ceiling {
                write!(
                    self,
                    "{}{}",
                    gap(),
                    t!("solid-resampling-ceiling", max = MAX_ROUNDS)
                )?;
            }
        }
        writeln!(self, "\n")
    }

    pub(super) fn left_out(&mut self) -> fmt::Result {
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
            let line = without(
                hinge,
                &self.reviewer(&hinge.reviewer),
                |id| self.name(id),
                &analysis.tiers,
            );
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

    pub(super) fn rules(&mut self) -> fmt::Result {
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
}
