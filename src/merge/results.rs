//! What the merge gives: the committee results, region by region and
//! criterion by criterion.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::limits::disagreement_limit;
use crate::model::{Aggregate, Tier};

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
    /// The budget shared out, when the review has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetOutcome>,
}

/// How the budget was shared out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetOutcome {
    pub total: f64,
    pub unit: String,
    /// The sum of every allocation.
    pub allocated: f64,
    /// What is left: `total - allocated`.
    pub left: f64,
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
    /// The tiers, when the review gives `tiers` rather than `select`
    /// (`select` is then their places together).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
}

impl Results {
    /// The draft sheets: those that count only when drafts do. With drafts
    /// included, the counting sheets not submitted; with them left out,
    /// the (panel, reviewer) pairs none of whose copies counts (the copy
    /// that wins does not depend on drafts: rule 1 takes the newest).
    pub fn drafts(&self) -> usize {
        if self.rules.include_drafts {
            return (self.sheets.iter())
                .filter(|s| s.counted && !s.submitted)
                .count();
        }
        let mut pairs: std::collections::HashMap<(&str, &str), bool> =
            std::collections::HashMap::new();
        for sheet in &self.sheets {
            *pairs.entry((&sheet.panel, &sheet.reviewer)).or_default() |= sheet.counted;
        }
        pairs.values().filter(|counted| !**counted).count()
    }
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
    /// 1-based; regions ex aequo share a rank and the next rank skips. 0
    /// for an `Ineligible` region, which has none.
    pub rank: u32,
    pub region: String,
    pub name: String,
    pub total: f64,
    /// One per category at every depth, in depth-first rubric order.
    pub subtotals: Vec<Subtotal>,
    pub status: Status,
    /// The tier a `Selected` region is in, when the review has `tiers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// What it receives, when the review has a budget (0 when nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocation: Option<f64>,
    /// Marks from counting reviewers over all criteria, before any trimming.
    pub marks: u32,
    /// In SPEC's order (see [`add_flag`]).
    pub flags: Vec<String>,
    /// When this region's total equals the one ranked just above it: the
    /// `tie_break` category whose subtotal decided the order.
    pub decided_by: Option<String>,
    /// One per criterion, in rubric order.
    pub criteria: Vec<CriterionResult>,
    /// Its percentile within each panel that scored it (NIH's view; see
    /// `merge::percentiles`), when the review has more than one panel:
    /// beside the results, never read by the rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub percentiles: Vec<Percentile>,
}

/// A region's percentile within one panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Percentile {
    pub panel: String,
    /// The sum of the region's scores on the panel's criteria.
    pub sum: f64,
    /// The eligible regions the panel scored: N.
    pub regions: u32,
    /// 100 × (R − 0.5) / N.
    pub percentile: f64,
}

impl RegionResult {
    /// The subtotal of category `id`, at any depth (0 when there is none).
    pub fn subtotal(&self, id: &str) -> f64 {
        self.subtotals
            .iter()
            .find(|s| s.category == id)
            .map_or(0.0, |s| s.points)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    pub category: String,
    pub points: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// With `use_consensus`: the members' aggregate (rule 3), shown beside
    /// the consensus value that counts instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<f64>,
    /// With `use_consensus`: the mean of the covering panels' consensus
    /// marks, when any has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consensus: Option<f64>,
    /// With `use_consensus`: a panel covers the cell and none has a
    /// consensus mark (flag `no-consensus:<c>`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_consensus: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub reviewer: String,
    pub points: f64,
    /// The reviewer's note on the mark, so the chair can read why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The points the mark had at its sheet's first submission, when it
    /// was revised since (*Discussion and consensus*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preliminary: Option<f64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Selected,
    #[default]
    NotSelected,
    Tied,
    BelowThreshold,
    Ineligible,
    /// In the grey zone of the last line, and drawn into it by the
    /// committee's lottery (see `lottery`): in, as if selected.
    Drawn,
    /// In the grey zone of the last line, and left outside it by the lot.
    NotDrawn,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Selected => "Selected",
            Status::NotSelected => "NotSelected",
            Status::Tied => "Tied",
            Status::BelowThreshold => "BelowThreshold",
            Status::Ineligible => "Ineligible",
            Status::Drawn => "Drawn",
            Status::NotDrawn => "NotDrawn",
        }
    }

    /// Whether the region is in: selected by the rules, or drawn by lot.
    pub fn chosen(self) -> bool {
        matches!(self, Status::Selected | Status::Drawn)
    }

    /// The status of the rules a lottery's status stands beside: `Drawn`
    /// is in as `Selected` is, `NotDrawn` out as `NotSelected`.
    pub fn by_the_lot_as(self) -> Status {
        match self {
            Status::Drawn => Status::Selected,
            Status::NotDrawn => Status::NotSelected,
            status => status,
        }
    }

    /// Whether the region was kept out of the places whatever its rank.
    pub fn excluded(self) -> bool {
        matches!(self, Status::BelowThreshold | Status::Ineligible)
    }
}

/// Where a flag goes among the others: SPEC's order is `incomplete`,
/// `ineligible`, `below:…`, `unfunded`, `no-consensus:…`, `disagreement:…`.
fn flag_order(flag: &str) -> u8 {
    // Its kind, before the first `:`, found byte by byte (a flag is short,
    // and a national call has tens of thousands of `below:…` flags).
    let end = flag.bytes().position(|b| b == b':').unwrap_or(flag.len());
    match &flag[..end] {
        "incomplete" => 0,
        "ineligible" => 1,
        "below" => 2,
        "unfunded" => 3,
        "no-consensus" => 4,
        _ => 5,
    }
}

/// Adds `flag` to `flags` in SPEC's order, after the flags of its kind
/// already there.
pub fn add_flag(flags: &mut Vec<String>, flag: String) {
    let order = flag_order(&flag);
    let at = flags
        .iter()
        .position(|f| flag_order(f) > order)
        .unwrap_or(flags.len());
    flags.insert(at, flag);
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
