//! `review.ron`: the rubric, the regions, the reviewers, the panels and the
//! committee's rules, with the lookups and checks every layer asks of them.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::programme::{Budget, Follows, Lottery, Rule, Tier};
use super::unique_map::UniqueMap;

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
    /// The earlier review whose selected regions this one scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Follows>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// Sub-categories, to any depth.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// The least subtotal a selected region may have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
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
    /// The least aggregate a selected region may have (a missing one is 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
}

fn default_step() -> f64 {
    1.0
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub fields: Vec<String>,
    #[serde(default)]
    pub summary: String,
    /// Facts about the region entered by the secretariat, not marks.
    /// Each figure once: a figure given twice is refused, not the last kept.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub figures: UniqueMap<f64>,
    /// The amount the region asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<f64>,
    /// Where the region's project is carried out: a reviewer affiliated with
    /// one of them is conflicted on the region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub institutions: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    /// The reviewer's fields of expertise, matched against regions' `fields`
    /// by `panelist assign`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// The most regions the reviewer takes in one panel (`panelist assign`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<u32>,
    /// Where the reviewer works: they are conflicted on every region one of
    /// whose `institutions` is among these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Panel {
    pub id: String,
    pub title: String,
    pub members: Vec<String>,
    pub criteria: Vec<String>,
    pub regions: Regions,
    /// Whether a member sees the others' marks and notes once their own
    /// sheet is submitted (*Discussion and consensus*).
    #[serde(default, skip_serializing_if = "Reveal::is_never")]
    pub reveal: Reveal,
    /// The member (or any reviewer) who records the panel's consensus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rapporteur: Option<String>,
}

/// When a panel's members see each other's marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reveal {
    /// Never: each member sees only their own sheet.
    #[default]
    Never,
    /// Once the member's own sheet is submitted, for the regions they
    /// scored and are not conflicted on.
    AfterSubmit,
}

impl Reveal {
    pub fn is_never(&self) -> bool {
        *self == Reveal::Never
    }
}

/// Which regions a panel scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum Regions {
    #[default]
    All,
    Only(Vec<String>),
    /// Each member scores only their own regions (a member not listed, or
    /// listed with none, scores nothing).
    PerMember(UniqueMap<Vec<String>>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Committee {
    /// How many regions are selected: one tier of that many places
    /// (exactly one of `select` and `tiers` is given).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "places::write",
        deserialize_with = "places::read"
    )]
    pub select: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub aggregate: Aggregate,
    #[serde(default)]
    pub tie_break: Vec<String>,
    #[serde(default)]
    pub min_total: Option<f64>,
    #[serde(default = "default_disagreement")]
    pub disagreement: f64,
    /// Who may be selected at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Rule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// The committee's chair, who may record any panel's consensus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// Whether a panel's consensus mark, where it has one, stands for its
    /// members' aggregate.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub use_consensus: bool,
    /// Whether the letters to applicants give the region's rank.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub feedback_rank: bool,
    /// An official lottery of the places in the grey zone of the last line
    /// (see `lottery`), only when the committee asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lottery: Option<Lottery>,
}

/// `select: 6` as version 1 wrote it (and `Some(6)`, which an `Option`
/// field suggests), read into an `Option` that is `None` when absent.
mod places {
    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::Serializer;

    #[allow(clippy::ref_option)]
    pub fn write<S: Serializer>(places: &Option<u32>, out: S) -> Result<S::Ok, S::Error> {
        match places {
            Some(n) => out.serialize_u32(*n),
            None => out.serialize_none(),
        }
    }

    pub fn read<'de, D: Deserializer<'de>>(input: D) -> Result<Option<u32>, D::Error> {
        input.deserialize_any(Places)
    }

    struct Places;

    impl<'de> Visitor<'de> for Places {
        type Value = Option<u32>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a number of places, e.g. 6")
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
            u32::try_from(n)
                .map(Some)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
            u64::try_from(n)
                .map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
                .and_then(|n| self.visit_u64(n))
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
            inner.deserialize_any(self)
        }
    }
}

impl Default for Committee {
    /// A committee as a `review.ron` that gives none of its optional fields
    /// reads (no places yet).
    fn default() -> Committee {
        Committee {
            select: None,
            tiers: Vec::new(),
            aggregate: Aggregate::Mean,
            tie_break: Vec::new(),
            min_total: None,
            disagreement: default_disagreement(),
            eligibility: None,
            budget: None,
            chair: None,
            use_consensus: false,
            feedback_rank: false,
            lottery: None,
        }
    }
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
    /// The most points the category can give: the sum of the maxima of
    /// every criterion below it.
    pub fn max_total(&self) -> f64 {
        self.criteria.iter().map(|c| c.max).sum::<f64>()
            + self.categories.iter().map(Category::max_total).sum::<f64>()
    }

    /// Whether a criterion with this id is anywhere below the category.
    pub fn holds(&self, criterion: &str) -> bool {
        self.criteria.iter().any(|c| c.id == criterion)
            || self.categories.iter().any(|c| c.holds(criterion))
    }

    /// Whether the category holds no criterion anywhere below it.
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty() && self.categories.iter().all(Category::is_empty)
    }
}

/// A category in depth-first order, with where it sits.
#[derive(Debug, Clone, Copy)]
pub struct Placed<'a> {
    pub category: &'a Category,
    /// 0 for a top-level category.
    pub depth: usize,
    /// The index (in the same depth-first list) of the category it is in.
    pub parent: Option<usize>,
}

/// Every category of `categories` at every depth, depth first: a category,
/// then (after its own criteria) each of its sub-categories the same way.
pub fn depth_first(categories: &[Category]) -> Vec<Placed<'_>> {
    fn visit<'a>(
        category: &'a Category,
        depth: usize,
        parent: Option<usize>,
        out: &mut Vec<Placed<'a>>,
    ) {
        let me = out.len();
        out.push(Placed {
            category,
            depth,
            parent,
        });
        for sub in &category.categories {
            visit(sub, depth + 1, Some(me), out);
        }
    }
    let mut out = Vec::new();
    for category in categories {
        visit(category, 0, None, &mut out);
    }
    out
}

/// The ways a review selects: its tiers, `select: N` being one tier.
pub const SELECTED_TIER: &str = "selected";

impl Committee {
    /// The tiers in order: `tiers`, or `select: N` as one tier "selected" of
    /// N places (none when neither is given: an invalid review).
    pub fn tiers(&self) -> Vec<Tier> {
        match self.select {
            Some(places) if self.tiers.is_empty() => vec![Tier {
                id: SELECTED_TIER.to_string(),
                title: "Selected".to_string(),
                places,
                funded: true,
            }],
            _ => self.tiers.clone(),
        }
    }

    /// The places of every tier together.
    pub fn places(&self) -> u32 {
        self.tiers()
            .iter()
            .map(|t| t.places)
            .fold(0, u32::saturating_add)
    }
}

impl Review {
    /// Every criterion with the category it is directly in, in depth-first
    /// rubric order.
    pub fn criteria(&self) -> impl Iterator<Item = (&Category, &Criterion)> {
        self.all_categories().into_iter().flat_map(|placed| {
            placed
                .category
                .criteria
                .iter()
                .map(move |c| (placed.category, c))
        })
    }

    /// Every category at every depth, depth first: a category, then (after
    /// its own criteria) each of its sub-categories the same way.
    pub fn all_categories(&self) -> Vec<Placed<'_>> {
        depth_first(&self.categories)
    }

    /// Whether any category is nested in another.
    pub fn is_nested(&self) -> bool {
        self.categories.iter().any(|c| !c.categories.is_empty())
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
        for placed in self.all_categories() {
            text.push_str(&format!("category {}\n", placed.category.id));
            for c in &placed.category.criteria {
                text.push_str(&format!("criterion {} {:.3} {:.3}\n", c.id, c.max, c.step));
            }
        }
        let digest = Sha256::digest(text.as_bytes());
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
    }

    /// Whether the committee's eligibility rule admits `region` (every
    /// region when the review has none).
    pub fn admits(&self, region: &Region) -> bool {
        self.committee
            .eligibility
            .as_ref()
            .is_none_or(|rule| rule.admits(&region.figures, &region.fields))
    }

    /// Who may record `panel`'s consensus: its rapporteur and the
    /// committee's chair, when the review names them.
    pub fn consensus_recorders<'a>(&'a self, panel: &'a Panel) -> impl Iterator<Item = &'a str> {
        panel
            .rapporteur
            .iter()
            .chain(self.committee.chair.iter())
            .map(String::as_str)
    }

    /// The panels a reviewer sits on, in `review.ron` order.
    pub fn panels_of<'a>(&'a self, reviewer: &'a str) -> impl Iterator<Item = &'a Panel> + 'a {
        self.panels
            .iter()
            .filter(move |p| p.members.iter().any(|m| m == reviewer))
    }
}

impl Panel {
    /// Whether the panel scores `region` at all: for `PerMember`, whether
    /// any member has it (a mark outside this is an error, rule 2).
    pub fn covers_region(&self, region: &str) -> bool {
        match &self.regions {
            Regions::All => true,
            Regions::Only(ids) => ids.iter().any(|r| r == region),
            Regions::PerMember(lists) => lists.values().flatten().any(|r| r == region),
        }
    }

    /// Whether `member` scores `region` on this panel: every region the
    /// panel covers, or under `PerMember` the member's own.
    pub fn assigns(&self, member: &str, region: &str) -> bool {
        match &self.regions {
            Regions::PerMember(lists) => lists
                .get(member)
                .is_some_and(|list| list.iter().any(|r| r == region)),
            _ => self.covers_region(region),
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

    /// The regions `member` scores on this panel, in `review.ron` order.
    pub fn regions_of<'a>(
        &'a self,
        review: &'a Review,
        member: &'a str,
    ) -> impl Iterator<Item = &'a Region> + 'a {
        review
            .regions
            .iter()
            .filter(move |r| self.assigns(member, &r.id))
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

/// Why a criterion refuses a mark: the first of its rules that `points`
/// breaks, in the order [`Criterion::refuses`] checks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not a finite number.
    NotANumber,
    BelowZero,
    OverMax,
    /// Within the range, not a whole number of steps.
    OffGrid,
}

impl Criterion {
    /// Whether `points` is a mark this criterion accepts: within `0..=max` and
    /// on the `step` grid (with a tolerance for decimal fractions like 0.1).
    pub fn accepts(&self, points: f64) -> bool {
        self.refuses(points).is_none()
    }

    /// Why this criterion refuses `points`, or `None` when it accepts them.
    pub fn refuses(&self, points: f64) -> Option<Refusal> {
        if !points.is_finite() {
            Some(Refusal::NotANumber)
        } else if points < 0.0 {
            Some(Refusal::BelowZero)
        } else if points > self.max + GRID_TOLERANCE {
            Some(Refusal::OverMax)
        } else if !on_grid(points, self.step) {
            Some(Refusal::OffGrid)
        } else {
            None
        }
    }

    /// Every mark this criterion accepts, lowest first, each a whole number
    /// of steps; `None` when there are more than `most` (or the grid is
    /// broken).
    pub fn marks(&self, most: usize) -> Option<Vec<f64>> {
        if !(self.step > 0.0 && self.step.is_finite() && self.max.is_finite()) {
            return None;
        }
        let mut marks = Vec::new();
        for k in 0..=most {
            let points = f64::from(u32::try_from(k).ok()?) * self.step;
            match self.refuses(points) {
                None => marks.push(points),
                Some(_) => return Some(marks),
            }
        }
        None
    }
}

/// Whether two marks are the same points: equal within [`GRID_TOLERANCE`]
/// (a mark typed as 0.3 and one computed as 3 × 0.1).
pub fn same_points(a: f64, b: f64) -> bool {
    (a - b).abs() <= GRID_TOLERANCE
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

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::{Criterion, Refusal, same_points};

    fn criterion(max: f64, step: f64) -> Criterion {
        Criterion {
            id: "c".into(),
            title: String::new(),
            guidance: String::new(),
            max,
            step,
            min: None,
        }
    }

    #[test]
    fn a_refusal_names_the_first_rule_broken() {
        let c = criterion(5.0, 0.5);
        assert_eq!(c.refuses(4.5), None);
        assert_eq!(c.refuses(5.0 + 1e-12), None, "within the tolerance");
        assert_eq!(c.refuses(f64::NAN), Some(Refusal::NotANumber));
        assert_eq!(c.refuses(-0.5), Some(Refusal::BelowZero));
        assert_eq!(c.refuses(5.5), Some(Refusal::OverMax));
        assert_eq!(c.refuses(5.2), Some(Refusal::OverMax));
        assert_eq!(c.refuses(4.3), Some(Refusal::OffGrid));
        assert!(!c.accepts(4.3) && c.accepts(0.0));
    }

    #[test]
    fn the_marks_listed_are_exactly_those_accepted() {
        let tenths = criterion(0.3, 0.1).marks(100).expect("four marks");
        assert_eq!(tenths.len(), 4, "{tenths:?}");
        assert!(same_points(tenths[3], 0.3));
        let c = criterion(5.0, 0.5);
        let marks = c.marks(11).expect("eleven marks");
        assert_eq!(marks.len(), 11);
        assert!(marks.iter().all(|&m| c.accepts(m)));
        assert!(
            !c.accepts(marks[10] + c.step),
            "nothing past the maximum left out"
        );
        assert_eq!(c.marks(10), None, "more than asked for");
        assert_eq!(criterion(1.0, 1e-6).marks(1000), None);
        assert_eq!(criterion(1.0, 0.0).marks(1000), None);
        assert_eq!(criterion(f64::INFINITY, 1.0).marks(1000), None);
    }
}
