//! What the merge gives: the committee results, region by region and
//! criterion by criterion.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::limits::disagreement_limit;
use crate::model::Aggregate;

/// The committee results: everything `results.ron` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub review: String,
    pub title: String,
    pub rubric: String,
    pub rules: Rules,
    /// The rubric's category ids in rubric order: the subtotal columns of
    /// results.csv, which must be there even when there is no region.
    #[serde(default)]
    pub categories: Vec<String>,
    /// In rank order; regions sharing a rank by region id.
    pub regions: Vec<RegionResult>,
    /// Every sheet found, and whether it counted.
    pub sheets: Vec<SheetUse>,
    pub warnings: Vec<String>,
}

/// The committee rules the results were computed under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    pub aggregate: Aggregate,
    pub select: u32,
    pub tie_break: Vec<String>,
    pub min_total: Option<f64>,
    pub disagreement: f64,
    pub include_drafts: bool,
    pub max_total: f64,
}

impl Rules {
    /// The spread of marks above which a criterion with maximum `max` is
    /// flagged for disagreement (rule 5).
    pub fn disagreement_limit(&self, max: f64) -> f64 {
        disagreement_limit(self.disagreement, max)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionResult {
    /// 1-based; regions ex aequo share a rank and the next rank skips.
    pub rank: u32,
    pub region: String,
    pub name: String,
    pub total: f64,
    /// One per category, in rubric order.
    pub subtotals: Vec<Subtotal>,
    pub status: Status,
    /// Marks from counting reviewers over all criteria, before any trimming.
    pub marks: u32,
    /// `incomplete`, then `disagreement:<criterion>` in rubric order.
    pub flags: Vec<String>,
    /// When this region's total equals the one ranked just above it: the
    /// `tie_break` category whose subtotal decided the order.
    pub decided_by: Option<String>,
    /// One per criterion, in rubric order.
    pub criteria: Vec<CriterionResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    pub category: String,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub criterion: String,
    pub category: String,
    /// `None` when no counting reviewer marked it (`missing`; adds 0).
    pub aggregate: Option<f64>,
    pub marks: u32,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub disagreement: bool,
    /// The counting marks, by reviewer id.
    pub scores: Vec<Score>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub reviewer: String,
    pub points: f64,
    /// The reviewer's note on the mark, so the chair can read why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Selected,
    NotSelected,
    Tied,
    BelowThreshold,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Selected => "Selected",
            Status::NotSelected => "NotSelected",
            Status::Tied => "Tied",
            Status::BelowThreshold => "BelowThreshold",
        }
    }
}

/// How one sheet was used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetUse {
    pub panel: String,
    pub reviewer: String,
    pub file: PathBuf,
    pub submitted: bool,
    pub updated: String,
    /// Whether its marks count: the winning copy, and submitted (or drafts included).
    pub counted: bool,
}
