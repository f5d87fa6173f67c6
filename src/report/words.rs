//! The words of the committee's outcomes: statuses, aggregate rules and
//! flags, for every output that names them (the tables, report.md, the
//! chart and the results screens). Their one home, and in the catalogs
//! one family, `word-*` (locales/*/words.ftl).

use std::collections::HashMap;

use crate::merge::Status;
use crate::model::{Aggregate, format_points};
use crate::t;

/// A region's rank as written: none for a region the eligibility rule
/// screened out (it has none).
pub fn rank(region: &crate::merge::RegionResult) -> String {
    if region.status == Status::Ineligible {
        String::new()
    } else {
        region.rank.to_string()
    }
}

/// Numbers in CSV and report: Rust's `{:.2}`, as SPEC.md fixes.
pub fn points(value: f64) -> String {
    format!("{value:.2}")
}

/// Where a status is named, which decides its form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One word, as results.csv has it in English: `NotSelected` (the
    /// table `merge` prints, report.md).
    Table,
    /// A results screen's column: `Not selected`, `TIED`, `Below 45`.
    Screen,
    /// The chart's legend, in a phrase: `Tied at the cutoff (the committee
    /// decides)`, `Below the minimum of 45.00`.
    Legend,
}

/// A status in words of `form`; `min_total` is the minimum a region below
/// threshold missed, if the committee set one.
pub fn status(status: Status, form: Form, min_total: Option<f64>) -> String {
    match (form, status) {
        (Form::Table, Status::Selected) => t!("word-status-selected"),
        (Form::Table, Status::NotSelected) => t!("word-status-not-selected"),
        (Form::Table, Status::Tied) => t!("word-status-tied"),
        (Form::Table, Status::BelowThreshold) => t!("word-status-below"),
        (Form::Table, Status::Ineligible) => t!("word-status-ineligible"),
        (Form::Table, Status::Drawn) => t!("word-status-drawn"),
        (Form::Table, Status::NotDrawn) => t!("word-status-not-drawn"),
        (Form::Screen, Status::Drawn) => t!("word-status-drawn-screen"),
        (Form::Screen, Status::NotDrawn) => t!("word-status-not-drawn-screen"),
        (Form::Legend, Status::Drawn) => t!("word-status-drawn-legend"),
        (Form::Legend, Status::NotDrawn) => t!("word-status-not-drawn-legend"),
        (Form::Screen, Status::Ineligible) => t!("word-status-ineligible-screen"),
        (Form::Legend, Status::Ineligible) => t!("word-status-ineligible-legend"),
        (Form::Screen, Status::Selected) => t!("word-status-selected-screen"),
        (Form::Screen, Status::NotSelected) => t!("word-status-not-selected-screen"),
        (Form::Screen, Status::Tied) => t!("word-status-tied-screen"),
        (Form::Screen, Status::BelowThreshold) => match min_total {
            Some(min) => t!("word-status-below-screen", min = format_points(min)),
            None => t!("word-status-below-none-screen"),
        },
        (Form::Legend, Status::Selected) => t!("word-status-selected-legend"),
        (Form::Legend, Status::NotSelected) => t!("word-status-not-selected-legend"),
        (Form::Legend, Status::Tied) => t!("word-status-tied-legend"),
        (Form::Legend, Status::BelowThreshold) => match min_total {
            Some(min) => t!("word-status-below-legend", min = points(min)),
            None => t!("word-status-below-none-legend"),
        },
    }
}

/// An aggregate rule's name: `Mean`, `Median`, `Trimmed mean`.
pub fn aggregate(rule: Aggregate) -> String {
    match rule {
        Aggregate::Mean => t!("word-aggregate-mean"),
        Aggregate::Median => t!("word-aggregate-median"),
        Aggregate::TrimmedMean => t!("word-aggregate-trimmed"),
    }
}

/// An aggregate rule inside a sentence: `mean`, `median`, `trimmed mean`.
pub fn aggregate_in_sentence(rule: Aggregate) -> String {
    match rule {
        Aggregate::Mean => t!("word-aggregate-mean-in-sentence"),
        Aggregate::Median => t!("word-aggregate-median-in-sentence"),
        Aggregate::TrimmedMean => t!("word-aggregate-trimmed-in-sentence"),
    }
}

/// The flag of a region with a criterion no counting reviewer marked.
pub fn incomplete() -> String {
    t!("word-flag-incomplete")
}

/// The flag of criteria a panel covers without any consensus mark
/// (`no-consensus:<c>`), for one criterion or several at once:
/// `no-consensus:1-a, 1-b` in English (as in `results.csv`).
pub fn no_consensus(criteria: &[&str]) -> String {
    let ids: Vec<String> = criteria.iter().map(|c| (*c).to_string()).collect();
    t!("word-flag-no-consensus", criterion = list(&ids))
}

/// A region's flags in words: `incomplete`, `disagreement:3-b` in English
/// (as in `results.csv`).
pub fn flags(flags: &[String]) -> Vec<String> {
    flags.iter().map(|flag| flag_in_words(flag)).collect()
}

fn flag_in_words(flag: &str) -> String {
    match flag.split_once(':') {
        Some(("disagreement", criterion)) => {
            t!("word-flag-disagreement", criterion = criterion)
        }
        Some(("below", id)) => t!("word-flag-below", id = id),
        Some(("no-consensus", criterion)) => no_consensus(&[criterion]),
        _ if flag == "incomplete" => incomplete(),
        _ if flag == "ineligible" => t!("word-flag-ineligible"),
        _ if flag == "unfunded" => t!("word-flag-unfunded"),
        _ => flag.to_string(),
    }
}

/// [`flags`] for region after region, as the tables write them: each
/// distinct flag is put in words once. A national call has thousands of
/// flags of a few dozen kinds (`below:<id>` above all).
#[derive(Debug, Default)]
pub struct FlagWords {
    said: HashMap<String, String>,
}

impl FlagWords {
    pub fn of(&mut self, flags: &[String]) -> Vec<String> {
        flags
            .iter()
            .map(|flag| {
                if let Some(words) = self.said.get(flag) {
                    return words.clone();
                }
                let words = flag_in_words(flag);
                self.said.insert(flag.clone(), words.clone());
                words
            })
            .collect()
    }
}

/// Items in running text: `a, b` in English, `a、b` in Japanese.
pub fn list(items: &[String]) -> String {
    items.join(&t!("list-separator"))
}

/// What goes between two sentences: a space in English, nothing in Japanese.
pub fn gap() -> String {
    t!("sentence-separator")
}

pub fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
