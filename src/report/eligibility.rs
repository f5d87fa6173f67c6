//! An eligibility rule in words, for one region: what it asks and what the
//! region has, so that the chair can say why a region was screened out.

use crate::model::{Region, Rule};
use crate::report::words::{list, points};
use crate::t;

/// Why `region` fails (or passes) `rule`: each comparison with the
/// region's figure, e.g. `industry 2.90 < 3.00; machinery missing`.
pub fn rule_in_words(rule: &Rule, region: &Region) -> String {
    let mut parts = Vec::new();
    failing(rule, region, false, &mut parts);
    if parts.is_empty() {
        return t!("rule-passes");
    }
    list(&parts)
}

/// The comparisons of `rule` that `region` fails (those it meets when
/// `negated`, under a `Not`).
fn failing(rule: &Rule, region: &Region, negated: bool, out: &mut Vec<String>) {
    let admits = rule.admits(&region.figures, &region.fields);
    if admits != negated {
        return;
    }
    match rule {
        Rule::AtLeast(name, x) | Rule::AtMost(name, x) => {
            let at_least = matches!(rule, Rule::AtLeast(..));
            out.push(match region.figures.get(name) {
                None => t!("rule-figure-missing", figure = name.as_str()),
                Some(value) => {
                    let id = match (at_least, negated) {
                        (true, false) => "rule-below",
                        (false, false) => "rule-above",
                        (true, true) => "rule-not-below",
                        (false, true) => "rule-not-above",
                    };
                    crate::i18n::text(
                        id,
                        &[
                            ("figure", name.clone()),
                            ("value", points(*value)),
                            ("limit", points(*x)),
                        ],
                    )
                }
            });
        }
        Rule::InField(field) => out.push(if negated {
            t!("rule-in-field", field = field.as_str())
        } else {
            t!("rule-not-in-field", field = field.as_str())
        }),
        Rule::All(rules) | Rule::Any(rules) => {
            for inner in rules {
                failing(inner, region, negated, out);
            }
        }
        Rule::Not(inner) => failing(inner, region, !negated, out),
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

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
            requested: None,
        }
    }

    #[test]
    fn says_each_comparison_the_region_fails() {
        let rule = Rule::Any(vec![
            Rule::AtLeast("industry".into(), 3.0),
            Rule::AtLeast("machinery".into(), 1.0),
        ]);
        let words = crate::i18n::with_lang(crate::i18n::Lang::En, || {
            rule_in_words(&rule, &region(&[("industry", 2.9)], &[]))
        });
        assert_eq!(words, "industry 2.90 < 3.00, machinery missing");
        let not = Rule::Not(Box::new(Rule::InField("IT".into())));
        let words = crate::i18n::with_lang(crate::i18n::Lang::En, || {
            rule_in_words(&not, &region(&[], &["IT"]))
        });
        assert_eq!(words, "in field IT");
    }
}
