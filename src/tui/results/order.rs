//! The results on screen in rank order, worked out once when they come:
//! every frame and key reads them.

use super::data::Data;
use crate::merge::Results;
use crate::model::Index;

/// One set of results in rank order, by review index: worked out once when
/// the results come, so that a frame of 10,000 regions does not look each
/// one up by its id.
#[derive(Debug, Default)]
pub(super) struct Order {
    /// Review indexes of the regions in rank order.
    pub(super) regions: Vec<usize>,
    /// Per review index: the region's place in `regions` and its row in
    /// the results, if it has them.
    pub(super) rows: Vec<Option<(usize, usize)>>,
    /// The widest region name, in columns (`None` without regions).
    pub(super) name_width: Option<usize>,
}

impl Order {
    pub(super) fn of(data: &Data) -> [Order; 2] {
        let index = Index::new(&data.review);
        let of = |results: &Results| {
            let mut order = Order {
                regions: Vec::with_capacity(results.regions.len()),
                rows: vec![None; data.review.regions.len()],
                name_width: (results.regions.iter())
                    .map(|r| crate::text::width(&r.name))
                    .max(),
            };
            for (row, region) in results.regions.iter().enumerate() {
                if let Some(i) = index.region_index(&region.region) {
                    // A region listed twice (it cannot be): the first row.
                    order.rows[i].get_or_insert((order.regions.len(), row));
                    order.regions.push(i);
                }
            }
            order
        };
        [of(&data.submitted.results), of(&data.with_drafts.results)]
    }
}
