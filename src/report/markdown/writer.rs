//! The writer of report.md: the text so far, what it reports on, and the
//! lookups and list forms every part of the report uses.

use std::fmt::{self, Write};

use super::summary::{LISTED, Summary};
use crate::analysis::Analysis;
use crate::lottery::Lot;
use crate::merge::{RegionResult, Results};
use crate::model::Review;
use crate::report::words::{escape, points};
use crate::t;

pub(super) struct Report<'a> {
    pub(super) out: &'a mut String,
    pub(super) results: &'a Results,
    pub(super) analysis: Option<&'a Analysis>,
    /// The committee's lottery, when it asked for one.
    pub(super) lottery: Option<&'a Lot>,
    pub(super) review: &'a Review,
    /// The summary form's lines and regions, for a review too large to
    /// list in full; `None` for the full report.
    pub(super) summary: Option<&'a Summary>,
}

impl Write for Report<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        Ok(())
    }
}

impl Report<'_> {
    /// The items of a list, all of them in the full report; in the
    /// summary form at most [`LISTED`] and how many more there are. Each
    /// is put into words by `render` only when listed: the summary of a
    /// national call does not word 10,000 regions to name 20.
    pub(super) fn bounded<T>(
        &self,
        things: Vec<T>,
        render: impl FnMut(T) -> String,
    ) -> Vec<String> {
        let total = things.len();
        let shown = if self.summary.is_some() && total > LISTED {
            LISTED
        } else {
            total
        };
        let mut items: Vec<String> = things.into_iter().take(shown).map(render).collect();
        if total > shown {
            items.push(t!("and-more", count = total - shown));
        }
        items
    }

    /// A bulleted list: every item in the full report; in the summary
    /// form at most [`LISTED`] and a line saying how many more results.csv
    /// and results.ron hold.
    pub(super) fn items(&mut self, items: Vec<String>) -> fmt::Result {
        self.items_of(items, |item| item)
    }

    /// [`Self::items`] of things put into words by `render`, which runs
    /// only for the items shown: the summary form of a national call does
    /// not word 13,000 lines to print 20.
    pub(super) fn items_of<T>(
        &mut self,
        things: Vec<T>,
        mut render: impl FnMut(T) -> String,
    ) -> fmt::Result {
        let total = things.len();
        let shown = if self.summary.is_some() {
            total.min(LISTED)
        } else {
            total
        };
        for thing in things.into_iter().take(shown) {
            writeln!(self, "- {}", render(thing))?;
        }
        if total > shown {
            writeln!(self, "- {}", t!("report-more-lines", count = total - shown))?;
        }
        Ok(())
    }

    /// The rows of a table: all in the full report; in the summary form
    /// the first [`LISTED`], and how many were left out.
    pub(super) fn cut_rows<T>(&self, rows: &mut Vec<T>) -> usize {
        if self.summary.is_some() && rows.len() > LISTED {
            let more = rows.len() - LISTED;
            rows.truncate(LISTED);
            more
        } else {
            0
        }
    }

    /// After a table cut by [`Self::cut_rows`]: how many rows more
    /// results.csv and results.ron hold.
    pub(super) fn rows_left_out(&mut self, more: usize) -> fmt::Result {
        if more > 0 {
            writeln!(self, "\n{}", t!("report-more-rows", count = more))?;
        }
        Ok(())
    }

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

/// A region in a list, with its total: `Sapporo (72.5)`.
pub(super) fn with_points(region: &RegionResult) -> String {
    t!(
        "report-with-points",
        name = escape(&region.name),
        points = points(region.total)
    )
}
