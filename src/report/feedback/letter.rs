//! What one letter says, in the words of the thread's language: built from
//! the committee results as the merge computed them, the rubric, and the
//! comments of the panels' consensus on the region. Nothing else goes in:
//! no sheet, no reviewer, no mark of a member, and of the results only the
//! region's own row, so a letter cannot tell an applicant anything of
//! another region or of who scored what. Markdown and HTML render it.

use std::collections::HashMap;

use crate::merge::{CriterionResult, RegionResult, Results, Status};
use crate::model::{Category, PanelFile, Placed, Review};
use crate::report::eligibility::rule_in_words;
use crate::report::money::amount_in;
use crate::report::words::{self, Form, points};
use crate::t;

/// One letter's content, ready to render.
pub(super) struct Content {
    /// The review's title.
    pub title: String,
    /// "Review results for Sapporo (sapporo)".
    pub heading: String,
    /// What a printed page shows at its top.
    pub page_header: String,
    /// Status, tier, allocation, rank, total, and why a region was left
    /// out, each a label and its value.
    pub facts: Vec<Fact>,
    /// Every category at every depth with its criteria, depth first, then
    /// the total.
    pub rows: Vec<Row>,
    /// The top-level categories, for the profile chart.
    pub bars: Vec<Bar>,
    /// The criteria the panels commented on, in rubric order.
    pub comments: Vec<Comment>,
}

pub(super) struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowKind {
    Category,
    Criterion,
    Total,
}

/// A line of the table of scores.
pub(super) struct Row {
    /// 0 for a top-level category and the total.
    pub depth: usize,
    pub kind: RowKind,
    pub label: String,
    /// `None` for a criterion nobody scored (it adds 0).
    pub value: Option<f64>,
    pub max: f64,
}

/// A top-level category's subtotal against its maximum.
pub(super) struct Bar {
    pub label: String,
    pub value: f64,
    pub max: f64,
}

/// The panels' comments on one criterion of the region.
pub(super) struct Comment {
    pub criterion: String,
    pub notes: Vec<String>,
}

/// What every letter of one review is drawn from.
pub(super) struct Sources<'a> {
    results: &'a Results,
    review: &'a Review,
    categories: Vec<Placed<'a>>,
    /// How many regions have a rank (every eligible one).
    ranked: usize,
    /// region id → criterion id → the comments.
    comments: HashMap<&'a str, HashMap<&'a str, Notes<'a>>>,
}

/// The comments on one criterion of one region, each with the place of
/// its panel in `review.ron`, in that order.
type Notes<'a> = Vec<(usize, &'a str)>;

impl<'a> Sources<'a> {
    /// `panel_files` are the review's own (`scores/`): their consensus
    /// sections give the comments. A comment counts only where its panel
    /// covers the region and the criterion.
    pub fn new(results: &'a Results, review: &'a Review, panel_files: &[&'a PanelFile]) -> Self {
        let mut comments: HashMap<&str, HashMap<&str, Notes>> = HashMap::new();
        for file in panel_files {
            let Some(consensus) = &file.consensus else {
                continue;
            };
            let Some((order, panel)) = review
                .panels
                .iter()
                .enumerate()
                .find(|(_, p)| p.id == file.panel)
            else {
                continue;
            };
            for (region, marks) in consensus.marks.iter() {
                if !panel.covers_region(region) {
                    continue;
                }
                for (criterion, mark) in marks.iter() {
                    if panel.covers_criterion(criterion) && !mark.note.trim().is_empty() {
                        comments
                            .entry(region.as_str())
                            .or_default()
                            .entry(criterion.as_str())
                            .or_default()
                            .push((order, mark.note.as_str()));
                    }
                }
            }
        }
        for notes in comments.values_mut().flat_map(HashMap::values_mut) {
            notes.sort_by_key(|(order, _)| *order);
        }
        Sources {
            results,
            review,
            categories: review.all_categories(),
            ranked: results
                .regions
                .iter()
                .filter(|r| r.status != Status::Ineligible)
                .count(),
            comments,
        }
    }

    /// The letter to `region`.
    pub fn content(&self, region: &RegionResult) -> Content {
        let criteria: HashMap<&str, &CriterionResult> = region
            .criteria
            .iter()
            .map(|c| (c.criterion.as_str(), c))
            .collect();
        let name = region.name.as_str();
        Content {
            title: self.review.title.clone(),
            heading: t!("feedback-heading", name = name, id = region.region.as_str()),
            page_header: t!(
                "feedback-page-header",
                title = self.review.title.as_str(),
                name = name
            ),
            facts: self.facts(region, &criteria),
            rows: self.rows(region, &criteria),
            bars: self.bars(region),
            comments: self.comments(region),
        }
    }

    fn facts(
        &self,
        region: &RegionResult,
        criteria: &HashMap<&str, &CriterionResult>,
    ) -> Vec<Fact> {
        let fact = |label: String, value: String| Fact { label, value };
        let below = below_flags(region);
        let status = match region.status {
            // The minima missed are listed below: the total's alone, when
            // only the committee's `min_total` is set, is the status itself.
            Status::BelowThreshold if !below.is_empty() => {
                t!("word-status-below-none-legend")
            }
            status => words::status(status, Form::Legend, self.results.rules.min_total),
        };
        let mut facts = vec![fact(t!("col-status"), status)];
        if let Some(tier) = &region.tier {
            facts.push(fact(t!("report-col-tier"), self.tier_title(tier)));
        }
        if let Some(allocation) = self.allocation(region) {
            facts.push(fact(t!("feedback-allocation"), allocation));
        }
        if self.review.committee.feedback_rank && region.status != Status::Ineligible {
            let rank = t!("feedback-rank-of", rank = region.rank, count = self.ranked);
            facts.push(fact(t!("report-col-rank"), rank));
        }
        let total = out_of(region.total, self.results.rules.max_total);
        facts.push(fact(t!("report-col-total"), total));
        for id in below {
            let missed = self.missed(region, criteria, id);
            facts.push(fact(t!("feedback-below"), missed));
        }
        if region.status == Status::Ineligible {
            let rule = self.review.committee.eligibility.as_ref();
            let model = self.review.region(&region.region);
            if let (Some(rule), Some(model)) = (rule, model) {
                facts.push(fact(t!("feedback-eligibility"), rule_in_words(rule, model)));
            }
        }
        facts
    }

    fn tier_title(&self, id: &str) -> String {
        self.results
            .rules
            .tiers
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| label(&t.title, &t.id))
    }

    /// What the region receives, when the review has a budget and the
    /// region is selected or receives anything.
    fn allocation(&self, region: &RegionResult) -> Option<String> {
        let budget = self.results.budget.as_ref()?;
        let amount = region.allocation?;
        if amount > 0.0 {
            let exact = format!("{} {}", points(amount), budget.unit.trim());
            return Some(t!(
                "feedback-allocation-amount",
                amount = amount_in(amount, &budget.unit),
                exact = exact.trim_end()
            ));
        }
        if !region.status.chosen() {
            return None;
        }
        Some(if region.flags.iter().any(|f| f == "unfunded") {
            t!("feedback-allocation-unfunded")
        } else {
            t!("feedback-allocation-none")
        })
    }

    /// "Commitment of the region: 2.00 (at least 3.00)" for a `below:` flag.
    fn missed(
        &self,
        region: &RegionResult,
        criteria: &HashMap<&str, &CriterionResult>,
        id: &str,
    ) -> String {
        let (item, value, min) = if id == "total" {
            (
                t!("report-col-total"),
                region.total,
                self.review.committee.min_total,
            )
        } else if let Some(criterion) = self.review.criterion(id) {
            let value = criteria.get(id).and_then(|c| c.aggregate).unwrap_or(0.0);
            (label(&criterion.title, id), value, criterion.min)
        } else {
            let category = self.category(id);
            let title = category.map_or_else(|| id.to_string(), |c| label(&c.title, id));
            (title, region.subtotal(id), category.and_then(|c| c.min))
        };
        match min {
            Some(min) => t!(
                "feedback-below-item",
                item = item,
                value = points(value),
                min = points(min)
            ),
            None => t!(
                "feedback-below-item-no-min",
                item = item,
                value = points(value)
            ),
        }
    }

    fn category(&self, id: &str) -> Option<&'a Category> {
        self.categories
            .iter()
            .find(|p| p.category.id == id)
            .map(|p| p.category)
    }

    fn rows(&self, region: &RegionResult, criteria: &HashMap<&str, &CriterionResult>) -> Vec<Row> {
        let mut rows = Vec::new();
        for placed in &self.categories {
            let category = placed.category;
            rows.push(Row {
                depth: placed.depth,
                kind: RowKind::Category,
                label: label(&category.title, &category.id),
                value: Some(region.subtotal(&category.id)),
                max: category.max_total(),
            });
            rows.extend(category.criteria.iter().map(|criterion| {
                Row {
                    depth: placed.depth + 1,
                    kind: RowKind::Criterion,
                    label: label(&criterion.title, &criterion.id),
                    value: criteria
                        .get(criterion.id.as_str())
                        .and_then(|c| c.aggregate),
                    max: criterion.max,
                }
            }));
        }
        rows.push(Row {
            depth: 0,
            kind: RowKind::Total,
            label: t!("report-col-total"),
            value: Some(region.total),
            max: self.results.rules.max_total,
        });
        rows
    }

    fn bars(&self, region: &RegionResult) -> Vec<Bar> {
        self.review
            .categories
            .iter()
            .map(|category| Bar {
                label: label(&category.title, &category.id),
                value: region.subtotal(&category.id),
                max: category.max_total(),
            })
            .collect()
    }

    fn comments(&self, region: &RegionResult) -> Vec<Comment> {
        let Some(by_criterion) = self.comments.get(region.region.as_str()) else {
            return Vec::new();
        };
        self.review
            .criteria()
            .filter_map(|(_, criterion)| {
                let notes = by_criterion.get(criterion.id.as_str())?;
                Some(Comment {
                    criterion: label(&criterion.title, &criterion.id),
                    notes: notes
                        .iter()
                        .map(|(_, note)| note.trim().to_string())
                        .collect(),
                })
            })
            .collect()
    }
}

/// The ids of the minima the region missed, from its `below:` flags, in
/// the merge's order.
fn below_flags(region: &RegionResult) -> Vec<&str> {
    region
        .flags
        .iter()
        .filter_map(|flag| flag.strip_prefix("below:"))
        .collect()
}

/// A title, or the id when the title is blank.
fn label(title: &str, id: &str) -> String {
    if title.trim().is_empty() {
        id.to_string()
    } else {
        title.trim().to_string()
    }
}

/// "67.25 of 90.00".
fn out_of(value: f64, max: f64) -> String {
    t!("feedback-out-of", value = points(value), max = points(max))
}
