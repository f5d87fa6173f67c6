//! report.md's parts of the selection programme: the regions of each tier
//! and the margins between tiers, the regions screened out and why, every
//! threshold missed, and the budget with its funding line.

use std::collections::HashMap;
use std::fmt::{self, Write};

use super::writer::{Report, list, list_or_none, with_points};
use crate::merge::{EPSILON, RegionResult, Status};
use crate::model::{BudgetRule, Region, Review};
use crate::report::words::{escape, points};
use crate::t;

impl Report<'_> {
    /// One line per tier: its regions, and whether it is funded.
    pub(super) fn tiers(&mut self) -> fmt::Result {
        let results = self.results;
        let funding = results.budget.is_some();
        for tier in &results.rules.tiers {
            let regions: Vec<&RegionResult> = results
                .regions
                .iter()
                .filter(|r| r.status.chosen() && r.tier.as_deref() == Some(&tier.id))
                .collect();
            let count = regions.len();
            let regions = self.bounded(regions, with_points);
            let line = t!(
                "report-tier",
                title = escape(&tier.title),
                count = count,
                places = tier.places,
                regions = list_or_none(&regions)
            );
            let reserve = if funding && !tier.funded {
                t!("report-tier-unfunded")
            } else {
                String::new()
            };
            writeln!(self, "- {line}{reserve}")?;
        }
        Ok(())
    }

    /// The regions the eligibility rule screened out, each with what it
    /// lacked.
    pub(super) fn ineligible(&mut self) -> fmt::Result {
        let results = self.results;
        let out: Vec<&RegionResult> = results
            .regions
            .iter()
            .filter(|r| r.status == Status::Ineligible)
            .collect();
        if out.is_empty() {
            return Ok(());
        }
        // By id once: a national call screens out a thousand of ten thousand.
        let by_id: HashMap<&str, &Region> = self
            .review
            .regions
            .iter()
            .map(|r| (r.id.as_str(), r))
            .collect();
        let count = out.len();
        let rule = self.review.committee.eligibility.as_ref();
        let regions = self.bounded(out, |r| {
            let why = by_id
                .get(r.region.as_str())
                .copied()
                .zip(rule)
                .map(|(region, rule)| crate::report::rule_in_words(rule, region))
                .unwrap_or_default();
            t!(
                "report-ineligible-region",
                name = escape(&r.name),
                why = escape(&why)
            )
        });
        writeln!(
            self,
            "- {}",
            t!("report-ineligible", count = count, regions = list(&regions))
        )
    }

    /// Between two tiers, and after the last: the last region in and the
    /// first after it, and the margin between them.
    pub(super) fn boundaries(&mut self) -> fmt::Result {
        let results = self.results;
        let ranked: Vec<&RegionResult> = results
            .regions
            .iter()
            .filter(|r| !r.status.excluded())
            .collect();
        let mut end = 0usize;
        for tier in &results.rules.tiers {
            end += tier.places as usize;
            let (Some(last), Some(next)) = (
                end.checked_sub(1).and_then(|i| ranked.get(i)),
                ranked.get(end),
            ) else {
                continue;
            };
            let margin = last.total - next.total;
            let sentence = if margin.abs() <= EPSILON {
                t!(
                    "report-boundary-tied",
                    tier = escape(&tier.title),
                    last = escape(&last.name),
                    next = escape(&next.name),
                    total = points(last.total)
                )
            } else {
                t!(
                    "report-boundary",
                    tier = escape(&tier.title),
                    last = escape(&last.name),
                    last_total = points(last.total),
                    next = escape(&next.name),
                    next_total = points(next.total),
                    margin = points(margin)
                )
            };
            writeln!(self, "- {sentence}")?;
        }
        Ok(())
    }

    /// Every minimum a region fell short of, with its value; whether any.
    pub(super) fn thresholds(&mut self) -> Result<bool, fmt::Error> {
        let results = self.results;
        let minimums = Minimums::of(self.review);
        let missed: Vec<(&RegionResult, &str)> = results
            .regions
            .iter()
            .flat_map(|region| {
                let below = region.flags.iter().filter_map(|f| f.strip_prefix("below:"));
                below.map(move |id| (region, id))
            })
            .collect();
        let any = !missed.is_empty();
        self.items_of(missed, |(region, id)| {
            let (value, min, title) = minimums.short_of(region, id, results.rules.min_total);
            t!(
                "report-threshold-missed",
                region = escape(&region.name),
                id = escape(id),
                title = escape(&title),
                value = points(value),
                min = points(min)
            )
        })?;
        Ok(any)
    }

    /// The budget: its rule, each allocation, the sum and what is left,
    /// and where the funding line fell.
    pub(super) fn budget(&mut self) -> fmt::Result {
        let (Some(outcome), Some(budget)) = (&self.results.budget, &self.review.committee.budget)
        else {
            return Ok(());
        };
        writeln!(self, "## {}\n", t!("report-budget"))?;
        let money = |value: f64| escape(&crate::report::amount_in(value, &outcome.unit));
        let rule = match budget.rule {
            BudgetRule::RankOrder => t!("report-budget-rank-order"),
            BudgetRule::Proportional { min, max } => t!(
                "report-budget-proportional",
                min = money(min),
                max = money(max)
            ),
        };
        writeln!(
            self,
            "{}\n",
            t!(
                "report-budget-intro",
                total = money(outcome.total),
                rule = rule,
                granularity = money(budget.granularity)
            )
        )?;
        let paid: Vec<&RegionResult> = self
            .results
            .regions
            .iter()
            .filter(|r| r.allocation.is_some_and(|a| a > 0.0))
            .collect();
        let paid_count = paid.len();
        self.items_of(paid, |region| {
            t!(
                "report-allocation",
                name = escape(&region.name),
                amount = money(region.allocation.unwrap_or(0.0)),
                exact = points(region.allocation.unwrap_or(0.0))
            )
        })?;
        let unfunded: Vec<&RegionResult> = self
            .results
            .regions
            .iter()
            .filter(|r| r.flags.iter().any(|f| f == "unfunded"))
            .collect();
        if let Some(first) = unfunded.first() {
            let first = escape(&first.name);
            let regions = self.bounded(unfunded, |r| escape(&r.name));
            writeln!(
                self,
                "- {}",
                t!(
                    "report-funding-line",
                    first = first,
                    regions = list(&regions)
                )
            )?;
        }
        writeln!(
            self,
            "\n{}\n",
            t!(
                "report-budget-sum",
                allocated = money(outcome.allocated),
                left = money(outcome.left),
                count = paid_count
            )
        )
    }
}

impl Report<'_> {
    /// The programme's rules, in the Rules section: minimums on criteria
    /// and categories, the eligibility rule, the tiers, a nested rubric.
    /// Nothing for a review without them.
    pub(super) fn programme_rules(&mut self) -> fmt::Result {
        let review = self.review;
        let mut minimums: Vec<String> = Vec::new();
        for placed in review.all_categories() {
            let category = placed.category;
            if let Some(min) = category.min {
                minimums.push(t!(
                    "report-rule-minimum",
                    id = escape(&category.id),
                    min = points(min)
                ));
            }
            for criterion in category.criteria.iter().filter(|c| c.min.is_some()) {
                minimums.push(t!(
                    "report-rule-minimum",
                    id = escape(&criterion.id),
                    min = points(criterion.min.unwrap_or(0.0))
                ));
            }
        }
        if !minimums.is_empty() {
            writeln!(
                self,
                "- {}",
                t!("report-rule-minimums", minimums = list(&minimums))
            )?;
        }
        if review.is_nested() {
            writeln!(self, "- {}", t!("report-rule-nested"))?;
        }
        if let Some(rule) = &review.committee.eligibility {
            writeln!(
                self,
                "- {}",
                t!(
                    "report-rule-eligibility",
                    rule = escape(&crate::report::eligibility::requirement(rule))
                )
            )?;
        }
        if !self.results.rules.tiers.is_empty() {
            let tiers: Vec<String> = self
                .results
                .rules
                .tiers
                .iter()
                .map(|tier| {
                    t!(
                        "report-rule-tier",
                        title = escape(&tier.title),
                        places = tier.places
                    )
                })
                .collect();
            writeln!(
                self,
                "- {}",
                t!("report-rule-tiers", tiers = tiers.join(&t!("list-then")))
            )?;
        }
        Ok(())
    }
}

/// What a `below:` flag can name, by id: a criterion or a category (at any
/// depth), with its minimum and title. Found once for the report, not once
/// per flag: a national call has thousands of them.
struct Minimums<'a> {
    criteria: HashMap<&'a str, (f64, &'a str)>,
    categories: HashMap<&'a str, (f64, &'a str)>,
}

impl<'a> Minimums<'a> {
    fn of(review: &'a Review) -> Minimums<'a> {
        let criteria = review
            .criteria()
            .map(|(_, c)| (c.id.as_str(), (c.min.unwrap_or(0.0), c.title.as_str())))
            .collect();
        let categories = review
            .all_categories()
            .into_iter()
            .map(|p| {
                let category = p.category;
                (
                    category.id.as_str(),
                    (category.min.unwrap_or(0.0), category.title.as_str()),
                )
            })
            .collect();
        Minimums {
            criteria,
            categories,
        }
    }

    /// The value `region` has where the minimum `id` applies (a criterion,
    /// a category or `total`), that minimum, and the title of what it is on.
    fn short_of(
        &self,
        region: &RegionResult,
        id: &str,
        min_total: Option<f64>,
    ) -> (f64, f64, std::borrow::Cow<'a, str>) {
        if id == "total" {
            return (
                region.total,
                min_total.unwrap_or(0.0),
                t!("report-col-total").into(),
            );
        }
        if let Some(&(min, title)) = self.criteria.get(id) {
            let value = region
                .criteria
                .iter()
                .find(|c| c.criterion == id)
                .and_then(|c| c.aggregate)
                .unwrap_or(0.0);
            return (value, min, title.into());
        }
        let (min, title) = self.categories.get(id).copied().unwrap_or((0.0, ""));
        (region.subtotal(id), min, title.into())
    }
}
