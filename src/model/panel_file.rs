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
}

impl Sheet {
    /// A sheet nobody has written to yet.
    pub fn new(now: jiff::Timestamp) -> Sheet {
        Sheet {
            submitted: false,
            updated: now,
            scores: UniqueMap::default(),
            conflicts: Vec::new(),
        }
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
}

pub type Scores = BTreeMap<String, BTreeMap<String, Mark>>;
