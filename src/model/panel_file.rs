//! `scores/<panel-id>.ron`: the sheets of one panel, each a reviewer's
//! marks, notes and conflicts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::unique_map::UniqueMap;

/// `scores/<panel-id>.ron`: the sheets of one panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelFile {
    pub review: String,
    pub panel: String,
    pub rubric: String,
    pub sheets: UniqueMap<Sheet>,
    /// The panel's agreed marks and comments, by its rapporteur or the
    /// committee's chair (*Discussion and consensus*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consensus: Option<Consensus>,
}

/// A panel's consensus: per region and criterion the agreed mark, its note
/// the comment the applicant reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consensus {
    /// Who wrote last.
    pub by: String,
    pub updated: jiff::Timestamp,
    /// region id → criterion id → mark.
    pub marks: UniqueMap<UniqueMap<Mark>>,
}

impl Consensus {
    /// A consensus with no mark yet, begun by `by`.
    pub fn new(by: &str, now: jiff::Timestamp) -> Consensus {
        Consensus {
            by: by.to_string(),
            updated: now,
            marks: UniqueMap::default(),
        }
    }

    pub fn mark(&self, region: &str, criterion: &str) -> Option<&Mark> {
        self.marks.get(region)?.get(criterion)
    }

    /// Sets (or with `None` removes) the consensus mark of one cell; a
    /// region left without marks is dropped.
    pub fn set(&mut self, region: &str, criterion: &str, mark: Option<Mark>) {
        match mark {
            Some(mark) => {
                self.marks
                    .entry(region.to_string())
                    .or_default()
                    .insert(criterion.to_string(), mark);
            }
            None => {
                if let Some(marks) = self.marks.get_mut(region) {
                    marks.remove(criterion);
                    if marks.is_empty() {
                        self.marks.remove(region);
                    }
                }
            }
        }
    }

    /// Every consensus mark as (region, criterion, mark).
    pub fn marks(&self) -> impl Iterator<Item = (&str, &str, &Mark)> {
        self.marks.iter().flat_map(|(region, marks)| {
            marks
                .iter()
                .map(move |(criterion, mark)| (region.as_str(), criterion.as_str(), mark))
        })
    }
}

/// One reviewer's marks and notes within one panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    pub submitted: bool,
    pub updated: jiff::Timestamp,
    /// region id → criterion id → mark.
    pub scores: UniqueMap<UniqueMap<Mark>>,
    #[serde(default)]
    pub conflicts: Vec<String>,
    /// Whether the sheet was submitted and then reopened: a mark changed
    /// since its first submission is *revised*, and keeps its first value
    /// as `preliminary`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub was_submitted: bool,
}

impl Sheet {
    /// A sheet nobody has written to yet.
    pub fn new(now: jiff::Timestamp) -> Sheet {
        Sheet {
            submitted: false,
            updated: now,
            scores: UniqueMap::default(),
            conflicts: Vec::new(),
            was_submitted: false,
        }
    }

    /// Whether a change to a mark now revises it: the sheet is, or once
    /// was, submitted.
    pub fn revising(&self) -> bool {
        self.submitted || self.was_submitted
    }

    pub fn mark(&self, region: &str, criterion: &str) -> Option<&Mark> {
        self.scores.get(region)?.get(criterion)
    }

    pub fn has_conflict(&self, region: &str) -> bool {
        self.conflicts.iter().any(|r| r == region)
    }

    /// Every mark of the sheet as (region, criterion, mark).
    pub fn marks(&self) -> impl Iterator<Item = (&str, &str, &Mark)> {
        self.scores.iter().flat_map(|(region, marks)| {
            marks
                .iter()
                .map(move |(criterion, mark)| (region.as_str(), criterion.as_str(), mark))
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub points: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The points the mark had when its sheet was first submitted, if it
    /// has changed since (a *revised* mark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preliminary: Option<f64>,
}

impl Mark {
    /// A mark as a reviewer gives it.
    pub fn new(points: f64, note: impl Into<String>) -> Mark {
        Mark {
            points,
            note: note.into(),
            preliminary: None,
        }
    }
}

pub type Scores = BTreeMap<String, BTreeMap<String, Mark>>;
