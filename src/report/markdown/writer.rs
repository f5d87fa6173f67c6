//! The writer of report.md: the text so far, what it reports on, and the
//! lookups and list forms every part of the report uses.

use std::fmt::{self, Write};

use crate::analysis::Analysis;
use crate::merge::Results;
use crate::model::Review;
use crate::t;

pub(super) struct Report<'a> {
    pub(super) out: &'a mut String,
    pub(super) results: &'a Results,
    pub(super) analysis: Option<&'a Analysis>,
    pub(super) review: &'a Review,
}

impl Write for Report<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        Ok(())
    }
}

impl Report<'_> {
    pub(super) fn category_title(&self, id: &str) -> &str {
        self.review
            .all_categories()
            .into_iter()
            .find(|p| p.category.id == id)
            .map_or("", |p| p.category.title.as_str())
    }

    /// A tier's title, from the results' rules (its id when unknown).
    pub(super) fn tier_title<'t>(&'t self, id: &'t str) -> &'t str {
        self.results
            .rules
            .tiers
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.title.as_str())
    }

    pub(super) fn criterion_title(&self, id: &str) -> &str {
        self.review.criterion(id).map_or("", |c| c.title.as_str())
    }

    pub(super) fn reviewer_name(&self, id: &str) -> String {
        self.review
            .reviewer(id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }
}

/// Items in running text: `a, b` in English, `a、b` in Japanese.
pub(super) fn list(items: &[String]) -> String {
    items.join(&t!("list-separator"))
}

pub(super) fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        t!("report-none")
    } else {
        list(items)
    }
}
