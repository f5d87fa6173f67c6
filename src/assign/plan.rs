//! From a review to the solver's [`Problem`] and back (SPEC, *Assignment*):
//! which regions and members take part, the loads, the conflicts from
//! `review.ron` and from every sheet, the pairs `--keep` keeps; and the
//! assignment as each member's list of region ids.

use std::collections::HashMap;

use super::problem::{Assignment, Problem};
use crate::model::{Index, PanelFile, Regions, Review, institution_key};

/// What the chair asked of `panelist assign`, beside the panel.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// K: members each region needs.
    pub per_region: u32,
    /// The load of a member without their own `load`.
    pub max_load: Option<u32>,
    /// Every pair on which the member already has a mark stays assigned.
    pub keep: bool,
    /// Members who dropped out: they keep an empty list.
    pub without: Vec<String>,
}

/// The problem of one panel, with the ids behind its indices.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub panel: usize,
    /// The candidate regions, in `review.ron` order (indices into `review.regions`).
    pub regions: Vec<usize>,
    /// The members who take part, in the panel's order.
    pub members: Vec<&'a str>,
    /// The solver's problem, by the indices of `regions` and `members`.
    pub problem: Problem,
}

/// Builds the problem of panel `panel` of `review`: its candidate regions
/// (its `Only` list, the union of its `PerMember` lists, or every region;
/// less those the eligibility rule excludes), its members less `without`,
/// each member's load (their own, else `max_load`, else ⌈K·R/M⌉), the
/// pairs forbidden by a conflict (`review.ron`, an affiliation, or any sheet
/// of theirs in any panel file, draft or submitted), and with `keep` the
/// pairs on which the member has a mark in this panel's file.
pub fn plan<'a>(
    index: &Index<'a>,
    panel: usize,
    files: &[&PanelFile],
    request: &Request,
) -> Plan<'a> {
    let review = index.review;
    let def = &review.panels[panel];
    let regions: Vec<usize> = (0..review.regions.len())
        .filter(|&r| match &def.regions {
            Regions::All => true,
            _ => index.covers_region(panel, r),
        })
        .filter(|&r| review.admits(&review.regions[r]))
        .collect();
    let members: Vec<&'a str> = def
        .members
        .iter()
        .map(String::as_str)
        .filter(|m| !request.without.iter().any(|w| w == m))
        .collect();
    let mut fields = Fields::default();
    let region_fields = regions
        .iter()
        .map(|&r| fields.ids(&review.regions[r].fields))
        .collect();
    let member_fields = members
        .iter()
        .map(|m| {
            index
                .reviewer(m)
                .map_or_else(Vec::new, |r| fields.ids(&r.fields))
        })
        .collect();
    let share = default_load(request.per_region, regions.len(), members.len());
    let loads = members
        .iter()
        .map(|m| {
            index
                .reviewer(m)
                .and_then(|r| r.load)
                .or(request.max_load)
                .unwrap_or(share)
        })
        .collect();
    let problem = Problem {
        per_region: request.per_region,
        region_fields,
        member_fields,
        loads,
        forbidden: forbidden(index, &regions, &members, files),
        kept: if request.keep {
            kept(review, def.id.as_str(), &regions, &members, files)
        } else {
            Vec::new()
        },
    };
    Plan {
        panel,
        regions,
        members,
        problem,
    }
}

/// ⌈K·R/M⌉, the load of a member without one when `--max-load` is not
/// given (0 without members).
pub fn default_load(per_region: u32, regions: usize, members: usize) -> u32 {
    if members == 0 {
        return 0;
    }
    let places = u64::from(per_region) * regions as u64;
    u32::try_from(places.div_ceil(members as u64)).unwrap_or(u32::MAX)
}

/// Field names as small integers, compared as institutions are: trimmed,
/// in any case.
#[derive(Default)]
struct Fields(HashMap<String, u32>);

impl Fields {
    fn ids(&mut self, names: &[String]) -> Vec<u32> {
        names
            .iter()
            .map(|name| {
                let next = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
                *self.0.entry(institution_key(name)).or_insert(next)
            })
            .collect()
    }
}

/// The (region, member) pairs a conflict forbids, by the plan's indices.
fn forbidden(
    index: &Index,
    regions: &[usize],
    members: &[&str],
    files: &[&PanelFile],
) -> Vec<(u32, u32)> {
    let at: HashMap<usize, u32> = regions
        .iter()
        .enumerate()
        .map(|(i, &r)| (r, i as u32))
        .collect();
    let mut pairs = Vec::new();
    for (m, member) in members.iter().enumerate() {
        for r in conflicted_regions(index, member, files) {
            if let Some(&i) = at.get(&r) {
                pairs.push((i, m as u32));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Every region `member` is conflicted on, as indices into the review's
/// regions, ascending and each once: in `review.ron` (declared, or an
/// affiliation) or on any sheet of theirs in any panel file, draft or
/// submitted. The one rule of *Assignment* for "everywhere a conflict
/// counts" (`assign`, `agenda`).
pub fn conflicted_regions(index: &Index, member: &str, files: &[&PanelFile]) -> Vec<usize> {
    let mut regions: Vec<usize> = index.conflicts_of(member).iter().map(|&(r, _)| r).collect();
    for sheet in files.iter().filter_map(|file| file.sheets.get(member)) {
        regions.extend(
            sheet
                .conflicts
                .iter()
                .filter_map(|region| index.region_index(region)),
        );
    }
    regions.sort_unstable();
    regions.dedup();
    regions
}

/// The pairs on which a member has a mark in the panel's own file, draft or
/// submitted.
fn kept(
    review: &Review,
    panel: &str,
    regions: &[usize],
    members: &[&str],
    files: &[&PanelFile],
) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    for file in files.iter().filter(|f| f.panel == panel) {
        for (m, member) in members.iter().enumerate() {
            let Some(sheet) = file.sheets.get(*member) else {
                continue;
            };
            for (i, &r) in regions.iter().enumerate() {
                if sheet
                    .scores
                    .get(&review.regions[r].id)
                    .is_some_and(|marks| !marks.is_empty())
                {
                    pairs.push((i as u32, m as u32));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

impl Plan<'_> {
    /// The assignment as the panel's `PerMember` lists: every member of the
    /// panel in the panel's order (those left out with an empty list), each
    /// list in `review.ron` order.
    pub fn lists(&self, review: &Review, assignment: &Assignment) -> Vec<(String, Vec<String>)> {
        let mut lists: Vec<(String, Vec<String>)> = review.panels[self.panel]
            .members
            .iter()
            .map(|m| (m.clone(), Vec::new()))
            .collect();
        let at: HashMap<&str, usize> = lists
            .iter()
            .enumerate()
            .map(|(i, (m, _))| (m.as_str(), i))
            .collect();
        let mut regions: Vec<Vec<usize>> = vec![Vec::new(); lists.len()];
        for (i, members) in assignment.members.iter().enumerate() {
            for &m in members {
                if let Some(&k) = self.members.get(m as usize).and_then(|id| at.get(id)) {
                    regions[k].push(self.regions[i]);
                }
            }
        }
        for ((_, list), mut indices) in lists.iter_mut().zip(regions) {
            indices.sort_unstable();
            list.extend(indices.into_iter().map(|r| review.regions[r].id.clone()));
        }
        lists
    }
}
