//! The selection programme's fields of `review.ron` (version 2 of SPEC.md):
//! eligibility rules on a region's figures, tiers, the budget and the
//! earlier review a stage follows. Plain data and the rules' own logic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Equality of figures and amounts within this: SPEC's 1e-9.
pub const PROGRAMME_EPSILON: f64 = 1e-9;

/// Who may be selected at all, from the figures the secretariat entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Rule {
    /// The figure is at least this (a region without it fails).
    AtLeast(String, f64),
    /// The figure is at most this (a region without it fails).
    AtMost(String, f64),
    /// One of the region's fields.
    InField(String),
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
}

impl Rule {
    /// Whether a region with these `figures` and `fields` passes.
    pub fn admits(&self, figures: &BTreeMap<String, f64>, fields: &[String]) -> bool {
        match self {
            Rule::AtLeast(name, x) => figures
                .get(name)
                .is_some_and(|v| *v >= x - PROGRAMME_EPSILON),
            Rule::AtMost(name, x) => figures
                .get(name)
                .is_some_and(|v| *v <= x + PROGRAMME_EPSILON),
            Rule::InField(field) => fields.iter().any(|f| f == field),
            Rule::All(rules) => rules.iter().all(|r| r.admits(figures, fields)),
            Rule::Any(rules) => rules.iter().any(|r| r.admits(figures, fields)),
            Rule::Not(rule) => !rule.admits(figures, fields),
        }
    }

    /// Every figure the rule names, in the order it names them, once each.
    pub fn figures(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |rule| {
            if let Rule::AtLeast(name, _) | Rule::AtMost(name, _) = rule
                && !out.contains(&name.as_str())
            {
                out.push(name.as_str());
            }
        });
        out
    }

    /// Visits the rule and every rule inside it, outermost first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Rule)) {
        visit(self);
        match self {
            Rule::All(rules) | Rule::Any(rules) => {
                for rule in rules {
                    rule.walk(visit);
                }
            }
            Rule::Not(rule) => rule.walk(visit),
            Rule::AtLeast(..) | Rule::AtMost(..) | Rule::InField(_) => {}
        }
    }
}

/// One outcome of a selection: its places, and whether it is funded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub title: String,
    pub places: u32,
    /// A tier without money under a budget (a reserve list).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub funded: bool,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_true(value: &bool) -> bool {
    *value
}

/// The money a selection shares out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub total: f64,
    #[serde(default)]
    pub unit: String,
    pub rule: BudgetRule,
    /// Every amount is a multiple of this.
    #[serde(default = "one")]
    pub granularity: f64,
}

fn one() -> f64 {
    1.0
}

/// How the budget is shared among the selected regions of funded tiers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BudgetRule {
    /// Each in rank order receives what it requested while that fits.
    RankOrder,
    /// In proportion to the total, each between `min` and `max` (or what it
    /// requested, when less).
    Proportional { min: f64, max: f64 },
}

/// The committee's official lottery: the places of the last line's grey
/// zone drawn by lot among its regions, from a published seed (the rule:
/// `lottery`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lottery {
    pub seed: u64,
}

/// The earlier review whose selected regions this one scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Follows {
    /// Its directory, relative to this review's.
    pub review: String,
    /// Only regions selected in these tiers (any tier when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
        pairs.iter().map(|(k, v)| ((*k).to_string(), *v)).collect()
    }

    #[test]
    fn the_seeds_first_stage_rule() {
        let rule = Rule::Any(vec![
            Rule::AtLeast("industry".into(), 3.0),
            Rule::AtLeast("machinery".into(), 1.0),
        ]);
        assert!(
            rule.admits(&figures(&[("industry", 3.0)]), &[]),
            "exactly on it"
        );
        assert!(rule.admits(&figures(&[("industry", 3.0 - 1e-10)]), &[]));
        assert!(!rule.admits(&figures(&[("industry", 2.99), ("machinery", 0.99)]), &[]));
        assert!(rule.admits(&figures(&[("industry", 0.1), ("machinery", 1.2)]), &[]));
        assert!(!rule.admits(&figures(&[]), &[]), "a missing figure fails");
        assert_eq!(rule.figures(), ["industry", "machinery"]);
    }

    #[test]
    fn not_of_a_missing_figure_holds() {
        let rule = Rule::Not(Box::new(Rule::AtMost("debt".into(), 1.0)));
        assert!(rule.admits(&figures(&[]), &[]));
        assert!(!rule.admits(&figures(&[("debt", 1.0)]), &[]));
        let field = Rule::All(vec![Rule::InField("IT".into()), rule]);
        assert!(field.admits(&figures(&[]), &["IT".into()]));
        assert!(!field.admits(&figures(&[]), &["Bio".into()]));
    }
}
