//! Letters to applicants (`panelist feedback`, *Feedback to applicants*):
//! one per region, in Markdown and as a self-contained HTML page that
//! prints on A4. Each tells the region its outcome (status, tier,
//! allocation, and the rank only when the committee allows it), its total,
//! every subtotal and criterion value with their maxima, and the comments
//! of the panels' consensus on it; never a reviewer, a member's mark or
//! note, or anything of another region. Pure: results in, text out, in
//! the language of the thread that writes it.

mod html;
mod letter;
mod markdown;
mod markup;
mod profile;

use letter::Sources;

use crate::merge::{RegionResult, Results};
use crate::model::{PanelFile, Review};

/// One region's letter.
pub struct Letter {
    /// The region's id, which names its files.
    pub region: String,
    pub markdown: String,
    pub html: String,
}

/// What the letters of one review are written from.
pub struct Feedback<'a>(Sources<'a>);

impl<'a> Feedback<'a> {
    /// `results` as the merge computed them from `review`; `panel_files`
    /// the review's own, from `scores/` (the consensus comments come from
    /// them alone).
    pub fn new(results: &'a Results, review: &'a Review, panel_files: &[&'a PanelFile]) -> Self {
        Feedback(Sources::new(results, review, panel_files))
    }

    /// The letter to `region`, one of the results' regions.
    pub fn letter(&self, region: &RegionResult) -> Letter {
        let content = self.0.content(region);
        Letter {
            region: region.region.clone(),
            markdown: markdown::render(&content),
            html: html::render(&content),
        }
    }
}
