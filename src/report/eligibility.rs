//! The committee's eligibility rule in words, and why a region fails it:
//! one sentence for the results screens and report.md alike.
//!
//! A region fails a rule for facts that are all true of it together
//! (`industry 2.9 < 3`, `machinery missing`), so the reason is those facts
//! joined by "and", followed by the rule itself.

use crate::model::{Region, Rule, format_points};
use crate::t;

/// Why `region` fails `rule`, then the rule: `industry 2.9 < 3 and
/// machinery missing (needs industry ≥ 3 or machinery ≥ 1)`. For a region
/// that passes, the rule as met.
pub fn rule_in_words(rule: &Rule, region: &Region) -> String {
    let needs = requirement(rule);
    if rule.admits(&region.figures, &region.fields) {
        return t!("word-rule-met", rule = needs);
    }
    let mut facts = Vec::new();
    failing(rule, region, &mut facts);
    t!(
        "word-rule-failed",
        facts = facts.join(&t!("word-rule-facts-and")),
        rule = needs
    )
}

/// The rule alone: `industry ≥ 3 or machinery ≥ 1`.
pub fn requirement(rule: &Rule) -> String {
    phrase(rule, false)
}

/// `rule` in words; `inside` another rule, a group of several is bracketed.
fn phrase(rule: &Rule, inside: bool) -> String {
    let joined = |rules: &[Rule], key: &str| {
        rules
            .iter()
            .map(|r| phrase(r, true))
            .collect::<Vec<_>>()
            .join(&t!(key))
    };
    let (text, several) = match rule {
        Rule::AtLeast(figure, x) => (format!("{figure} ≥ {}", format_points(*x)), false),
        Rule::AtMost(figure, x) => (format!("{figure} ≤ {}", format_points(*x)), false),
        Rule::InField(field) => (t!("word-rule-in-field", field = field), false),
        Rule::All(rules) => (joined(rules, "word-rule-and"), rules.len() > 1),
        Rule::Any(rules) => (joined(rules, "word-rule-or"), rules.len() > 1),
        Rule::Not(inner) => (t!("word-rule-not", rule = phrase(inner, true)), false),
    };
    if inside && several {
        t!("word-rule-group", rule = text)
    } else {
        text
    }
}

/// Adds to `out` the facts that make `rule` fail for `region` (it does).
fn failing(rule: &Rule, region: &Region, out: &mut Vec<String>) {
    let fact = match rule {
        Rule::AtLeast(figure, x) => compared(region, figure, *x, "<"),
        Rule::AtMost(figure, x) => compared(region, figure, *x, ">"),
        Rule::InField(field) => t!("word-rule-not-in-field", field = field),
        Rule::All(rules) => {
            for r in rules.iter().filter(|r| !admits(r, region)) {
                failing(r, region, out);
            }
            return;
        }
        Rule::Any(rules) => {
            for r in rules {
                failing(r, region, out);
            }
            return;
        }
        Rule::Not(inner) => return holding(inner, region, out),
    };
    push_once(out, fact);
}

/// Adds to `out` the facts that make `rule` hold for `region` (it does).
fn holding(rule: &Rule, region: &Region, out: &mut Vec<String>) {
    let fact = match rule {
        Rule::AtLeast(figure, x) => compared(region, figure, *x, "≥"),
        Rule::AtMost(figure, x) => compared(region, figure, *x, "≤"),
        Rule::InField(field) => t!("word-rule-is-in-field", field = field),
        Rule::All(rules) => {
            for r in rules {
                holding(r, region, out);
            }
            return;
        }
        Rule::Any(rules) => {
            if let Some(r) = rules.iter().find(|r| admits(r, region)) {
                holding(r, region, out);
            }
            return;
        }
        Rule::Not(inner) => return failing(inner, region, out),
    };
    push_once(out, fact);
}

fn admits(rule: &Rule, region: &Region) -> bool {
    rule.admits(&region.figures, &region.fields)
}

/// `industry 2.9 < 3`, or `machinery missing` when the region lacks it.
/// A value that rounds to the bound is written in full, so the two never
/// read the same.
fn compared(region: &Region, figure: &str, bound: f64, sign: &str) -> String {
    let Some(&value) = region.figures.get(figure) else {
        return t!("word-rule-missing", figure = figure);
    };
    let bound = format_points(bound);
    let mut shown = format_points(value);
    if shown == bound {
        shown = value.to_string();
    }
    format!("{figure} {shown} {sign} {bound}")
}

fn push_once(out: &mut Vec<String>, fact: String) {
    if !out.contains(&fact) {
        out.push(fact);
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    fn region(figures: &[(&str, f64)], fields: &[&str]) -> Region {
        Region {
            id: "r".into(),
            name: "R".into(),
            fields: fields.iter().map(|f| (*f).to_string()).collect(),
            summary: String::new(),
            figures: figures
                .iter()
                .map(|(k, v)| ((*k).to_string(), *v))
                .collect(),
            ..Region::default()
        }
    }

    /// The seed's 1st stage, in billion yen.
    fn seed() -> Rule {
        Rule::Any(vec![
            Rule::AtLeast("industry".into(), 3.0),
            Rule::AtLeast("machinery".into(), 1.0),
        ])
    }

    #[test]
    fn a_region_failing_the_seeds_rule_is_told_which_figures() {
        with_lang(Lang::En, || {
            assert_eq!(
                rule_in_words(&seed(), &region(&[("industry", 2.9)], &[])),
                "industry 2.9 < 3 and machinery missing \
                 (needs industry ≥ 3 or machinery ≥ 1)"
            );
            assert_eq!(
                rule_in_words(
                    &seed(),
                    &region(&[("industry", 1.2), ("machinery", 0.4)], &[])
                ),
                "industry 1.2 < 3 and machinery 0.4 < 1 (needs industry ≥ 3 or machinery ≥ 1)"
            );
        });
    }

    #[test]
    fn the_same_in_japanese() {
        with_lang(Lang::Ja, || {
            assert_eq!(
                rule_in_words(&seed(), &region(&[("industry", 2.9)], &[])),
                "industry 2.9 < 3、machinery の値なし\
                 （要件：industry ≥ 3 または machinery ≥ 1）"
            );
        });
    }

    #[test]
    fn a_region_that_passes_meets_the_rule() {
        with_lang(Lang::En, || {
            assert_eq!(
                rule_in_words(&seed(), &region(&[("machinery", 1.0)], &[])),
                "meets industry ≥ 3 or machinery ≥ 1"
            );
        });
    }

    #[test]
    fn all_names_only_the_parts_that_fail() {
        let rule = Rule::All(vec![
            Rule::AtLeast("industry".into(), 3.0),
            Rule::AtMost("debt".into(), 2.0),
            Rule::InField("IT".into()),
        ]);
        with_lang(Lang::En, || {
            assert_eq!(
                rule_in_words(
                    &rule,
                    &region(&[("industry", 4.0), ("debt", 2.5)], &["Bio"])
                ),
                "debt 2.5 > 2 and not in field IT \
                 (needs industry ≥ 3 and debt ≤ 2 and in field IT)"
            );
        });
    }

    #[test]
    fn not_says_what_holds_and_groups_are_bracketed() {
        let rule = Rule::All(vec![
            Rule::Not(Box::new(Rule::AtLeast("debt".into(), 5.0))),
            Rule::Any(vec![
                Rule::InField("IT".into()),
                Rule::AtLeast("industry".into(), 3.0),
            ]),
        ]);
        with_lang(Lang::En, || {
            assert_eq!(
                rule_in_words(&rule, &region(&[("debt", 6.0)], &["IT"])),
                "debt 6 ≥ 5 (needs not debt ≥ 5 and (in field IT or industry ≥ 3))"
            );
        });
        with_lang(Lang::Ja, || {
            assert_eq!(
                requirement(&rule),
                "debt ≥ 5 ではない かつ (分野 IT または industry ≥ 3)"
            );
        });
    }

    #[test]
    fn a_value_just_short_of_its_bound_is_written_in_full() {
        let rule = Rule::AtLeast("industry".into(), 3.0);
        with_lang(Lang::En, || {
            assert_eq!(
                rule_in_words(&rule, &region(&[("industry", 2.9999)], &[])),
                "industry 2.9999 < 3 (needs industry ≥ 3)"
            );
        });
    }

    #[test]
    fn a_fact_is_said_once() {
        let rule = Rule::Any(vec![
            Rule::AtLeast("industry".into(), 3.0),
            Rule::AtLeast("industry".into(), 3.0),
        ]);
        with_lang(Lang::En, || {
            assert_eq!(
                rule_in_words(&rule, &region(&[], &[])),
                "industry missing (needs industry ≥ 3 or industry ≥ 3)"
            );
        });
    }
}
