//! `review.ron`: the rubric, the regions, the reviewers, the panels and the
//! committee's rules, with the lookups and checks every layer asks of them.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// `review.ron`: the definition of one round of evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: String,
    pub title: String,
    pub categories: Vec<Category>,
    pub regions: Vec<Region>,
    pub reviewers: Vec<Reviewer>,
    pub panels: Vec<Panel>,
    pub committee: Committee,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub title: String,
    pub max: f64,
    #[serde(default = "default_step")]
    pub step: f64,
    #[serde(default)]
    pub guidance: String,
}

fn default_step() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub fields: Vec<String>,
    #[serde(default)]
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub login: Option<String>,
    #[serde(default)]
    pub conflicts: Vec<String>,
    /// OpenSSH public keys that `panelist serve` accepts for this reviewer.
    #[serde(default)]
    pub keys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    pub id: String,
    pub title: String,
    pub members: Vec<String>,
    pub criteria: Vec<String>,
    pub regions: Regions,
}

/// Which regions a panel scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Regions {
    All,
    Only(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    pub select: u32,
    #[serde(default)]
    pub aggregate: Aggregate,
    #[serde(default)]
    pub tie_break: Vec<String>,
    #[serde(default)]
    pub min_total: Option<f64>,
    #[serde(default = "default_disagreement")]
    pub disagreement: f64,
}

fn default_disagreement() -> f64 {
    0.4
}

/// How the marks of several reviewers for one (region, criterion) become one number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Aggregate {
    #[default]
    Mean,
    Median,
    TrimmedMean,
}

impl fmt::Display for Aggregate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Aggregate::Mean => "Mean",
            Aggregate::Median => "Median",
            Aggregate::TrimmedMean => "TrimmedMean",
        })
    }
}

impl Category {
    /// The most points the category can give: the sum of its criteria's maxima.
    pub fn max_total(&self) -> f64 {
        self.criteria.iter().map(|c| c.max).sum()
    }
}

impl Review {
    pub fn criteria(&self) -> impl Iterator<Item = (&Category, &Criterion)> {
        self.categories
            .iter()
            .flat_map(|cat| cat.criteria.iter().map(move |c| (cat, c)))
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria().map(|(_, c)| c).find(|c| c.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn reviewer(&self, id: &str) -> Option<&Reviewer> {
        self.reviewers.iter().find(|r| r.id == id)
    }

    pub fn panel(&self, id: &str) -> Option<&Panel> {
        self.panels.iter().find(|p| p.id == id)
    }

    /// Sum of every criterion's maximum (90 for the sample).
    pub fn max_total(&self) -> f64 {
        self.criteria().map(|(_, c)| c.max).sum()
    }

    /// The rubric fingerprint of SPEC.md: the first 16 hex digits of the SHA-256
    /// of one line per category and criterion. Panel files carry it so that marks
    /// given against another rubric are never summed silently.
    pub fn fingerprint(&self) -> String {
        let mut text = String::new();
        for category in &self.categories {
            text.push_str(&format!("category {}\n", category.id));
            for c in &category.criteria {
                text.push_str(&format!("criterion {} {:.3} {:.3}\n", c.id, c.max, c.step));
            }
        }
        let digest = Sha256::digest(text.as_bytes());
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }

    /// The panels a reviewer sits on, in `review.ron` order.
    pub fn panels_of<'a>(&'a self, reviewer: &'a str) -> impl Iterator<Item = &'a Panel> + 'a {
        self.panels
            .iter()
            .filter(move |p| p.members.iter().any(|m| m == reviewer))
    }
}

impl Panel {
    pub fn covers_region(&self, region: &str) -> bool {
        match &self.regions {
            Regions::All => true,
            Regions::Only(ids) => ids.iter().any(|r| r == region),
        }
    }

    pub fn covers_criterion(&self, criterion: &str) -> bool {
        self.criteria.iter().any(|c| c == criterion)
    }

    pub fn has_member(&self, reviewer: &str) -> bool {
        self.members.iter().any(|m| m == reviewer)
    }

    /// The panel's regions in `review.ron` order.
    pub fn regions_in<'a>(&'a self, review: &'a Review) -> impl Iterator<Item = &'a Region> + 'a {
        review
            .regions
            .iter()
            .filter(move |r| self.covers_region(&r.id))
    }

    /// The panel's criteria in rubric order.
    pub fn criteria_in<'a>(
        &'a self,
        review: &'a Review,
    ) -> impl Iterator<Item = (&'a Category, &'a Criterion)> + 'a {
        review
            .criteria()
            .filter(move |(_, c)| self.covers_criterion(&c.id))
    }
}

impl Criterion {
    /// Whether `points` is a mark this criterion accepts: within `0..=max` and
    /// on the `step` grid (with a tolerance for decimal fractions like 0.1).
    pub fn accepts(&self, points: f64) -> bool {
        points.is_finite()
            && points >= 0.0
            && points <= self.max + GRID_TOLERANCE
            && on_grid(points, self.step)
    }
}

/// Tolerance for "is a multiple of step": marks are typed as decimals, and
/// 0.3 is not exactly 3 × 0.1 in binary.
pub const GRID_TOLERANCE: f64 = 1e-9;

/// Whether `value` is an integer multiple of `step`.
pub fn on_grid(value: f64, step: f64) -> bool {
    if !(value.is_finite() && step.is_finite() && step > 0.0) {
        return false;
    }
    let ratio = value / step;
    (ratio - ratio.round()).abs() * step <= GRID_TOLERANCE * value.abs().max(1.0)
}

/// Whether `id` may be used as an id: ids become file names, so nothing but
/// `[A-Za-z0-9_-]{1,64}`.
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Renders points as reviewers type them: `4`, `4.5`, `0.25`.
pub fn format_points(points: f64) -> String {
    let text = format!("{points:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}
