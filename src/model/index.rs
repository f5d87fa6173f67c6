//! Lookups by id, built once per review so that checking or merging half a
//! million marks never scans a list per mark.

use std::collections::HashMap;

use super::conflict::{Conflict, institution_key};
use super::review::{Category, Criterion, Panel, Region, Regions, Review, Reviewer};

/// A review with its ids indexed. Where an id repeats (an invalid review),
/// the first definition wins.
#[derive(Debug)]
pub struct Index<'a> {
    pub review: &'a Review,
    regions: HashMap<&'a str, usize>,
    criteria: Vec<(&'a Category, &'a Criterion)>,
    criterion_ids: HashMap<&'a str, usize>,
    reviewers: HashMap<&'a str, usize>,
    panels: HashMap<&'a str, usize>,
    /// Per panel: which region indexes it covers.
    panel_regions: Vec<Vec<bool>>,
    /// Per panel: the region indexes of an `Only` list or of the union of
    /// `PerMember` lists, ascending (`None` for `All`), to compare two panels
    /// in the length of the shorter list.
    panel_region_lists: Vec<Option<Vec<usize>>>,
    /// Per panel under `PerMember`: each listed member's region indexes,
    /// ascending.
    member_regions: Vec<Option<HashMap<&'a str, Vec<usize>>>>,
    /// Per reviewer: the regions `review.ron` conflicts them on, ascending,
    /// with why.
    conflicts: Vec<Vec<(usize, Conflict<'a>)>>,
    /// Per panel: which criterion indexes it covers.
    panel_criteria: Vec<Vec<bool>>,
}

fn by_id<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

impl<'a> Index<'a> {
    pub fn new(review: &'a Review) -> Index<'a> {
        let regions = by_id(review.regions.iter().map(|r| r.id.as_str()));
        let criteria: Vec<_> = review.criteria().collect();
        let criterion_ids = by_id(criteria.iter().map(|(_, c)| c.id.as_str()));
        let reviewers = by_id(review.reviewers.iter().map(|r| r.id.as_str()));
        let panels = by_id(review.panels.iter().map(|p| p.id.as_str()));
        let ids_to_indices = |ids: &mut dyn Iterator<Item = &'a String>| {
            let mut list: Vec<usize> = ids
                .filter_map(|id| regions.get(id.as_str()).copied())
                .collect();
            list.sort_unstable();
            list.dedup();
            list
        };
        let panel_region_lists: Vec<Option<Vec<usize>>> = review
            .panels
            .iter()
            .map(|p| match &p.regions {
                Regions::All => None,
                Regions::Only(ids) => Some(ids_to_indices(&mut ids.iter())),
                Regions::PerMember(lists) => Some(ids_to_indices(&mut lists.values().flatten())),
            })
            .collect();
        let panel_regions = panel_region_lists
            .iter()
            .map(|list| match list {
                None => vec![true; review.regions.len()],
                Some(list) => {
                    let mut covered = vec![false; review.regions.len()];
                    for &i in list {
                        covered[i] = true;
                    }
                    covered
                }
            })
            .collect();
        let member_regions = review
            .panels
            .iter()
            .map(|p| match &p.regions {
                Regions::PerMember(lists) => Some(
                    lists
                        .iter()
                        .map(|(member, ids)| (member.as_str(), ids_to_indices(&mut ids.iter())))
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        let conflicts = conflicts(review, &regions);
        let panel_criteria = review
            .panels
            .iter()
            .map(|p| {
                let mut covered = vec![false; criteria.len()];
                for id in &p.criteria {
                    if let Some(&i) = criterion_ids.get(id.as_str()) {
                        covered[i] = true;
                    }
                }
                covered
            })
            .collect();
        Index {
            review,
            regions,
            criteria,
            criterion_ids,
            reviewers,
            panels,
            panel_regions,
            panel_region_lists,
            member_regions,
            panel_criteria,
            conflicts,
        }
    }

    pub fn region_index(&self, id: &str) -> Option<usize> {
        self.regions.get(id).copied()
    }

    pub fn region(&self, id: &str) -> Option<&'a Region> {
        self.region_index(id).map(|i| &self.review.regions[i])
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criterion_ids.get(id).copied()
    }

    /// All criteria in rubric order, with their category.
    pub fn criteria(&self) -> &[(&'a Category, &'a Criterion)] {
        &self.criteria
    }

    pub fn criterion(&self, id: &str) -> Option<&'a Criterion> {
        self.criterion_index(id).map(|i| self.criteria[i].1)
    }

    pub fn reviewer(&self, id: &str) -> Option<&'a Reviewer> {
        self.reviewers.get(id).map(|&i| &self.review.reviewers[i])
    }

    pub fn panel_index(&self, id: &str) -> Option<usize> {
        self.panels.get(id).copied()
    }

    pub fn panel(&self, id: &str) -> Option<&'a Panel> {
        self.panel_index(id).map(|i| &self.review.panels[i])
    }

    /// Whether panel `panel` (an index) covers region `region` (an index).
    pub fn covers_region(&self, panel: usize, region: usize) -> bool {
        self.panel_regions[panel][region]
    }

    /// Whether `member` scores region `region` (an index) on panel `panel`
    /// (an index): every region the panel covers, or under `PerMember` the
    /// member's own.
    pub fn assigns(&self, panel: usize, member: &str, region: usize) -> bool {
        match &self.member_regions[panel] {
            Some(lists) => lists
                .get(member)
                .is_some_and(|list| list.binary_search(&region).is_ok()),
            None => self.covers_region(panel, region),
        }
    }

    /// Whether panel `panel` gives each member their own regions.
    pub fn is_per_member(&self, panel: usize) -> bool {
        self.member_regions[panel].is_some()
    }

    /// Why reviewer `reviewer` (an id) may not score region `region` (an
    /// index), by `review.ron`: declared, or an institution.
    pub fn conflict(&self, reviewer: &str, region: usize) -> Option<Conflict<'a>> {
        let list = &self.conflicts[*self.reviewers.get(reviewer)?];
        let at = list.binary_search_by_key(&region, |&(r, _)| r).ok()?;
        Some(list[at].1)
    }

    /// Every region `review.ron` conflicts reviewer `reviewer` (an id) on,
    /// ascending, with why.
    pub fn conflicts_of(&self, reviewer: &str) -> &[(usize, Conflict<'a>)] {
        self.reviewers
            .get(reviewer)
            .map_or(&[], |&i| self.conflicts[i].as_slice())
    }

    pub fn covers_criterion(&self, panel: usize, criterion: usize) -> bool {
        self.panel_criteria[panel][criterion]
    }

    /// The first region (in `review.ron` order) that `member` scores on
    /// both panels `a` and `b`.
    pub fn first_common_region_of(&self, a: usize, b: usize, member: &str) -> Option<usize> {
        let list = |p: usize| {
            self.member_regions[p]
                .as_ref()
                .map(|lists| lists.get(member).map_or(&[][..], Vec::as_slice))
        };
        let (own, other) = match (list(a), list(b)) {
            (None, None) => return self.first_common_region(a, b),
            (Some(own), None) => (own, b),
            (None, Some(own)) => (own, a),
            (Some(first), Some(second)) if first.len() <= second.len() => (first, b),
            (Some(_), Some(second)) => (second, a),
        };
        own.iter()
            .copied()
            .find(|&r| self.assigns(other, member, r))
    }

    /// The first region (in `review.ron` order) that panels `a` and `b`
    /// both cover.
    pub fn first_common_region(&self, a: usize, b: usize) -> Option<usize> {
        match (&self.panel_region_lists[a], &self.panel_region_lists[b]) {
            (None, None) => (!self.review.regions.is_empty()).then_some(0),
            (Some(list), None) | (None, Some(list)) => list.first().copied(),
            (Some(first), Some(second)) => {
                let (shorter, other) = if first.len() <= second.len() {
                    (first, b)
                } else {
                    (second, a)
                };
                shorter
                    .iter()
                    .copied()
                    .find(|&r| self.covers_region(other, r))
            }
        }
    }
}

/// Per reviewer, the regions they are conflicted on, ascending: declared
/// ones, then those of an institution they are affiliated with (through one
/// map of institutions, not a scan of every pair).
fn conflicts<'a>(
    review: &'a Review,
    regions: &HashMap<&'a str, usize>,
) -> Vec<Vec<(usize, Conflict<'a>)>> {
    let mut hosts: HashMap<String, Vec<(usize, &'a str)>> = HashMap::new();
    for (r, region) in review.regions.iter().enumerate() {
        for institution in &region.institutions {
            hosts
                .entry(institution_key(institution))
                .or_default()
                .push((r, institution.as_str()));
        }
    }
    review
        .reviewers
        .iter()
        .map(|reviewer| {
            let mut list: Vec<(usize, Conflict<'a>)> = reviewer
                .conflicts
                .iter()
                .filter_map(|id| regions.get(id.as_str()))
                .map(|&r| (r, Conflict::Declared))
                .collect();
            for affiliation in &reviewer.affiliations {
                if let Some(hosted) = hosts.get(&institution_key(affiliation)) {
                    list.extend(hosted.iter().map(|&(r, i)| (r, Conflict::Institution(i))));
                }
            }
            // A declared conflict is named before an institution; among
            // institutions, the region's first.
            list.sort_by_key(|&(r, conflict)| (r, conflict != Conflict::Declared));
            list.dedup_by_key(|&mut (r, _)| r);
            list
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::Index;
    use crate::model::Review;

    #[test]
    fn the_first_common_region_is_the_first_in_review_order() {
        let review: Review = ron::from_str(
            r#"Review(id: "t", title: "T", categories: [],
                regions: [Region(id: "a", name: "A"), Region(id: "b", name: "B"),
                          Region(id: "c", name: "C"), Region(id: "d", name: "D")],
                reviewers: [],
                panels: [
                    Panel(id: "all", title: "", members: [], criteria: [], regions: All),
                    Panel(id: "dcb", title: "", members: [], criteria: [], regions: Only(["d", "c", "b"])),
                    Panel(id: "dc", title: "", members: [], criteria: [], regions: Only(["c", "d", "x"])),
                    Panel(id: "a", title: "", members: [], criteria: [], regions: Only(["a"])),
                ],
                committee: Committee(select: 1))"#,
        )
        .unwrap();
        let index = Index::new(&review);
        assert_eq!(index.first_common_region(0, 0), Some(0));
        assert_eq!(index.first_common_region(0, 1), Some(1));
        assert_eq!(index.first_common_region(2, 0), Some(2));
        assert_eq!(index.first_common_region(1, 2), Some(2));
        assert_eq!(index.first_common_region(2, 1), Some(2));
        assert_eq!(index.first_common_region(1, 3), None);
    }
}
