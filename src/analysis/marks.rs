//! The counting marks of a merge, indexed so that the ranking can be
//! recomputed thousands of times: per (region, criterion) cell, the marks
//! with their reviewer and the sheet they come from.
//!
//! This is the analysis's lean path to the committee rules. It does not
//! restate them: each cell's score is [`merge::aggregate`], the sums are
//! rule 4 in the order `merge` adds them (so the totals agree to the bit),
//! and ranks and statuses come from [`merge::rank`]. A test holds it equal
//! to `merge::merge` on the sample review.

use std::collections::{BTreeSet, HashMap};

use super::findings::StatusChange;
use crate::merge::{self, RegionResult, Results, Status, Subtotal};
use crate::model::{Aggregate, Index, Review};

/// One counting mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entry {
    /// Into [`Marks::reviewers`].
    pub reviewer: usize,
    /// Into [`Marks::units`]: the sheet the bootstrap draws it with.
    pub unit: usize,
    pub points: f64,
}

/// What the bootstrap resamples: one reviewer's marks on one panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Unit {
    /// Into `review.panels`; `None` for a mark no panel of the reviewer
    /// covers (a merge never counts one, but the analysis must not panic).
    pub panel: Option<usize>,
    pub reviewer: usize,
}

#[derive(Debug)]
pub(crate) struct Marks<'a> {
    pub review: &'a Review,
    /// The rule the results were computed with.
    pub rule: Aggregate,
    pub n_criteria: usize,
    /// Per criterion in rubric order: the index of the category it is
    /// directly in, among every category depth first.
    pub category_of: Vec<usize>,
    /// Per category depth first: the category it is in.
    pub parent_of: Vec<Option<usize>>,
    /// Per region in `review.ron` order: whether it fails the eligibility
    /// rule (it has no rank, whatever its marks).
    pub ineligible: Vec<bool>,
    /// Whether some criterion has a minimum: the ranking then reads the
    /// criteria's aggregates too.
    criterion_minimums: bool,
    /// Per criterion in rubric order: (max, step).
    pub scale: Vec<(f64, f64)>,
    /// Ids of the reviewers with counting marks, sorted.
    pub reviewers: Vec<String>,
    /// Sorted by panel, then reviewer.
    pub units: Vec<Unit>,
    /// `region * n_criteria + criterion` (review order, rubric order): the
    /// counting marks, by reviewer id as `merge` orders them.
    pub cells: Vec<Vec<Entry>>,
    /// Per cell, under `use_consensus`: the value it has whatever the
    /// members' marks, when a consensus mark decides it or several panels
    /// share it (their marks then leave the cell: the analysis neither
    /// resamples nor moves them). Empty otherwise.
    pub fixed: Vec<Option<f64>>,
    region_ids: HashMap<&'a str, usize>,
}

/// Under `use_consensus`, the cells whose value the members' marks alone do
/// not make (a consensus mark, or several panels' means): fixed at the
/// merge's value, their marks taken out of `cells`.
fn fixed_cells(index: &Index, results: &Results, cells: &mut [Vec<Entry>]) -> Vec<Option<f64>> {
    let n_criteria = index.criteria().len();
    let mut fixed = vec![None; cells.len()];
    for region in &results.regions {
        let Some(r) = index.region_index(&region.region) else {
            continue;
        };
        for criterion in &region.criteria {
            let Some(c) = index.criterion_index(&criterion.criterion) else {
                continue;
            };
            let panels = (0..index.review.panels.len())
                .filter(|&p| index.covers_region(p, r) && index.covers_criterion(p, c))
                .count();
            if criterion.consensus.is_some() || panels > 1 {
                let k = r * n_criteria + c;
                fixed[k] = criterion.aggregate;
                cells[k].clear();
            }
        }
    }
    fixed
}

/// Per region, whether it fails the committee's eligibility rule.
fn ineligible(review: &Review) -> Vec<bool> {
    review.regions.iter().map(|r| !review.admits(r)).collect()
}

/// A ranking recomputed by the committee rules.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    /// Per region, in `review.ron` order.
    pub rank: Vec<u32>,
    pub status: Vec<Status>,
    pub total: Vec<f64>,
    /// Region indexes in rank order.
    pub order: Vec<usize>,
    /// Per region: its tier (an index into `committee.tiers`), when the
    /// review has tiers and it is selected.
    pub tier: Vec<Option<u16>>,
    /// Per region: whether it receives money, when the review has a budget
    /// (no one does when the budget cannot be shared).
    pub funded: Vec<Option<bool>>,
}

impl Outcome {
    /// Where region `r` lands: its status, tier and funding.
    pub fn landing(&self, r: usize) -> Landing {
        (self.status[r], self.tier[r], self.funded[r])
    }

    /// What changes for the regions `moved`, each landing elsewhere than
    /// in this outcome: in this outcome's rank order (then by id).
    pub fn changes(
        &self,
        review: &Review,
        moved: impl IntoIterator<Item = (usize, Landing)>,
    ) -> Vec<StatusChange> {
        let mut changes: Vec<(u32, StatusChange)> = moved
            .into_iter()
            .map(|(r, (to, to_tier, to_funded))| {
                let change = StatusChange {
                    region: review.regions[r].id.clone(),
                    from: self.status[r],
                    to,
                    from_tier: self.tier[r],
                    to_tier,
                    from_funded: self.funded[r],
                    to_funded,
                };
                (self.rank[r], change)
            })
            .collect();
        changes.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.region.cmp(&b.1.region)));
        changes.into_iter().map(|(_, c)| c).collect()
    }
}

/// Where a region lands in a recomputed outcome: its status, its tier (an
/// index into `committee.tiers`) and whether it is funded, as in [`Outcome`].
pub(crate) type Landing = (Status, Option<u16>, Option<bool>);

/// Whether a region landing at `a` is somewhere else than at `b`: its side
/// of the cutoff, its tier or its funding. (Within a side, not selected and
/// below a threshold are the same place.)
pub(crate) fn moved(a: Landing, b: Landing) -> bool {
    crate::analysis::findings::standing(a.0) != crate::analysis::findings::standing(b.0)
        || a.1 != b.1
        || a.2 != b.2
}

/// Whether a region is selected, in the same tier and with the same
/// funding, at both: the bootstrap's "same selection".
pub(crate) fn same_selection(a: Landing, b: Landing) -> bool {
    (a.0 == Status::Selected) == (b.0 == Status::Selected) && a.1 == b.1 && a.2 == b.2
}

impl<'a> Marks<'a> {
    /// The counting marks of `results`, which `merge` computed from `review`.
    pub fn new(review: &'a Review, results: &Results) -> Marks<'a> {
        let index = Index::new(review);
        let n_criteria = index.criteria().len();
        let mut category_of = Vec::with_capacity(n_criteria);
        let mut scale = Vec::with_capacity(n_criteria);
        let placed = review.all_categories();
        for (k, placed) in placed.iter().enumerate() {
            for criterion in &placed.category.criteria {
                category_of.push(k);
                scale.push((criterion.max, criterion.step));
            }
        }
        let parent_of = placed.iter().map(|p| p.parent).collect();
        let ineligible = ineligible(review);
        let criterion_minimums = review.criteria().any(|(_, c)| c.min.is_some());
        let ids: BTreeSet<&str> = results
            .regions
            .iter()
            .flat_map(|r| r.criteria.iter())
            .flat_map(|c| c.scores.iter().map(|s| s.reviewer.as_str()))
            .collect();
        let reviewers: Vec<String> = ids.iter().map(std::string::ToString::to_string).collect();
        // Each reviewer's index and panels, so that placing half a million
        // marks neither compares strings nor scans every panel.
        let mut known: HashMap<&str, Known> = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, (i, Vec::new())))
            .collect();
        for (p, panel) in review.panels.iter().enumerate() {
            for member in &panel.members {
                if let Some((_, panels)) = known.get_mut(member.as_str()) {
                    panels.push(p);
                }
            }
        }
        let (units, mut cells) = place(review, &index, results, &known, reviewers.len());
        let mut region_ids = HashMap::new();
        for (r, region) in review.regions.iter().enumerate() {
            region_ids.entry(region.id.as_str()).or_insert(r);
        }
        let fixed = if review.committee.use_consensus {
            fixed_cells(&index, results, &mut cells)
        } else {
            Vec::new()
        };
        Marks {
            review,
            rule: results.rules.aggregate,
            n_criteria,
            category_of,
            parent_of,
            ineligible,
            criterion_minimums,
            scale,
            reviewers,
            units,
            cells,
            fixed,
            region_ids,
        }
    }

    /// The score of cell `k` from the marks in `points`: its fixed value,
    /// else rule 3 under `rule`.
    pub fn value(&self, rule: Aggregate, k: usize, points: &[f64]) -> Option<f64> {
        match self.fixed.get(k) {
            Some(Some(value)) => Some(*value),
            _ => merge::aggregate(rule, points),
        }
    }

    pub fn regions(&self) -> usize {
        self.review.regions.len()
    }

    pub fn cell(&self, region: usize, criterion: usize) -> usize {
        region * self.n_criteria + criterion
    }

    /// Every cell's score under `rule`, from the marks `fill` puts in the
    /// buffer for each cell (given the cell's index and counting marks).
    pub fn aggregates(
        &self,
        rule: Aggregate,
        mut fill: impl FnMut(usize, &[Entry], &mut Vec<f64>),
    ) -> Vec<Option<f64>> {
        let mut buffer = Vec::new();
        self.cells
            .iter()
            .enumerate()
            .map(|(k, entries)| {
                buffer.clear();
                fill(k, entries, &mut buffer);
                self.value(rule, k, &buffer)
            })
            .collect()
    }

    /// Every cell's score from its counting marks as they are.
    pub fn official_aggregates(&self, rule: Aggregate) -> Vec<Option<f64>> {
        self.aggregates(rule, |_, entries, buffer| {
            buffer.extend(entries.iter().map(|e| e.points));
        })
    }

    /// One region's total from its cells' scores: rule 4, added in the
    /// order `merge` adds them.
    pub fn total(&self, aggregates: &[Option<f64>], region: usize) -> f64 {
        let start = region * self.n_criteria;
        aggregates[start..start + self.n_criteria]
            .iter()
            .flatten()
            .fold(0.0, |sum, points| sum + points)
    }

    /// One region as the ranking reads it: its id, total and subtotals
    /// (rule 4, added in the order `merge` adds them). Its index rides in
    /// `marks`, which the ranking doesn't read, to find it again without
    /// looking its id up.
    pub fn ranked_input(&self, aggregates: &[Option<f64>], r: usize) -> RegionResult {
        let mut subtotals = vec![0.0; self.parent_of.len()];
        self.subtotals(aggregates, r, &mut subtotals);
        let start = r * self.n_criteria;
        let cells = &aggregates[start..start + self.n_criteria];
        // Only the aggregates a threshold reads: the rest of a criterion's
        // result is not looked at by the ranking.
        let criteria = if self.criterion_minimums {
            cells
                .iter()
                .map(|&aggregate| merge::CriterionResult {
                    criterion: String::new(),
                    category: String::new(),
                    aggregate,
                    marks: 0,
                    min: None,
                    max: None,
                    disagreement: false,
                    scores: Vec::new(),
                    ..Default::default()
                })
                .collect()
        } else {
            Vec::new()
        };
        let status = if self.ineligible[r] {
            Status::Ineligible
        } else {
            Status::NotSelected
        };
        RegionResult {
            rank: 0,
            region: self.review.regions[r].id.clone(),
            name: String::new(),
            total: self.total(aggregates, r),
            subtotals: subtotals
                .into_iter()
                .map(|points| Subtotal {
                    category: String::new(),
                    points,
                })
                .collect(),
            status,
            tier: None,
            allocation: None,
            marks: r as u32,
            flags: Vec::new(),
            decided_by: None,
            criteria,
            percentiles: Vec::new(),
        }
    }

    /// Regions `regions` (by index) as the ranking reads them from the
    /// cells' scores in `aggregates`: what [`Marks::ranked_input`] gives of
    /// each, without building a [`RegionResult`] apiece.
    pub fn scored<'s>(
        &'s self,
        aggregates: &'s [Option<f64>],
        thresholds: &'s merge::Thresholds,
        ranking: &'s merge::Ranking,
        regions: Vec<usize>,
    ) -> Scored<'s, 'a> {
        let width = self.parent_of.len();
        let mut subtotals = vec![0.0; regions.len() * width];
        let mut totals = Vec::with_capacity(regions.len());
        for (m, &r) in regions.iter().enumerate() {
            self.subtotals(aggregates, r, &mut subtotals[m * width..(m + 1) * width]);
            totals.push(self.total(aggregates, r));
        }
        Scored {
            marks: self,
            aggregates,
            thresholds,
            ranking,
            regions,
            totals,
            subtotals,
        }
    }

    /// Region `r`'s subtotals, depth first, into `out` (zeroed, one per
    /// category): rule 4, added in the order `merge` adds them.
    pub fn subtotals(&self, aggregates: &[Option<f64>], r: usize, out: &mut [f64]) {
        let start = r * self.n_criteria;
        let cells = &aggregates[start..start + self.n_criteria];
        for (c, aggregate) in cells.iter().enumerate() {
            if let Some(points) = aggregate {
                out[self.category_of[c]] += points;
            }
        }
        for k in (0..out.len()).rev() {
            if let Some(parent) = self.parent_of[k] {
                out[parent] += out[k];
            }
        }
    }

    /// Totals, ranks and statuses from the cells' scores, by rules 4, 6 and 7.
    pub fn outcome(&self, aggregates: &[Option<f64>]) -> Outcome {
        let review = self.review;
        let committee = &review.committee;
        let n = self.regions();
        let ranking = merge::Ranking::new(committee, &review.categories);
        let thresholds = merge::Thresholds::new(committee, &review.categories);
        let scored = self.scored(aggregates, &thresholds, &ranking, (0..n).collect());
        let places = ranking.places(n, &scored);
        let tiers = committee.tiers();
        // As `merge::allocate` shares the money: among the chosen regions
        // of funded tiers, in rank order; no one is paid when it cannot be.
        let amounts = committee.budget.as_ref().map(|budget| {
            merge::share_places(budget, &tiers, &places, |m| {
                (scored.totals[m], review.regions[m].requested)
            })
        });
        let mut outcome = Outcome {
            rank: vec![0; n],
            status: vec![Status::NotSelected; n],
            total: vec![0.0; n],
            order: Vec::with_capacity(n),
            tier: vec![None; n],
            funded: vec![None; n],
        };
        for (k, place) in places.iter().enumerate() {
            let r = place.member;
            outcome.rank[r] = place.rank;
            outcome.total[r] = scored.totals[r];
            outcome.status[r] = place.status;
            outcome.tier[r] = place
                .tier
                .and_then(|t| tiers.get(t))
                .and_then(|tier| committee.tiers.iter().position(|t| t.id == tier.id))
                .and_then(|t| u16::try_from(t).ok());
            // An ineligible region gets no allocation: not funded.
            outcome.funded[r] = amounts.as_ref().map(|amounts| {
                place.status != Status::Ineligible && amounts.as_ref().is_some_and(|a| a[k] > 0.0)
            });
            outcome.order.push(r);
        }
        outcome
    }

    /// Region index of an id.
    pub fn region_index(&self, id: &str) -> Option<usize> {
        self.region_ids.get(id).copied()
    }

    /// For each reviewer, the cells they marked.
    pub fn cells_of_reviewers(&self) -> Vec<Vec<usize>> {
        let mut cells = vec![Vec::new(); self.reviewers.len()];
        for (k, entries) in self.cells.iter().enumerate() {
            for entry in entries {
                cells[entry.reviewer].push(k);
            }
        }
        cells
    }
}

/// A reviewer with counting marks: their index and their panels.
type Known = (usize, Vec<usize>);

/// The marks of `results` placed in their cells, each with its reviewer
/// (by `known`: index and panels) and the unit it is drawn with; and the
/// units, sorted by panel, then reviewer.
fn place(
    review: &Review,
    index: &Index,
    results: &Results,
    known: &HashMap<&str, Known>,
    n_reviewers: usize,
) -> (Vec<Unit>, Vec<Vec<Entry>>) {
    let n_criteria = index.criteria().len();
    // (cell, unit key, points), in the results' order.
    let counted: usize = results
        .regions
        .iter()
        .flat_map(|r| &r.criteria)
        .map(|c| c.scores.len())
        .sum();
    let mut found = Vec::with_capacity(counted);
    // Per reviewer, the panels of their units.
    let mut panels_of: Vec<Vec<Option<usize>>> = vec![Vec::new(); n_reviewers];
    let criteria = index.criteria();
    for region in &results.regions {
        let Some(r) = index.region_index(&region.region) else {
            continue;
        };
        // The region's reviewers, looked up once each.
        let mut seen: Vec<(&str, Option<&Known>)> = Vec::new();
        for (at, criterion) in region.criteria.iter().enumerate() {
            // In rubric order, as the merge writes them; else by id.
            let c = match criteria.get(at) {
                Some((_, c)) if c.id == criterion.criterion => Some(at),
                _ => index.criterion_index(&criterion.criterion),
            };
            let Some(c) = c else {
                continue;
            };
            for score in &criterion.scores {
                let id = score.reviewer.as_str();
                let known = match seen.iter().find(|(seen, _)| *seen == id) {
                    Some(&(_, known)) => known,
                    None => {
                        let known = known.get(id);
                        seen.push((id, known));
                        known
                    }
                };
                let Some((i, panels)) = known else {
                    continue;
                };
                let i = *i;
                let panel = panels
                    .iter()
                    .copied()
                    .find(|&p| index.covers_region(p, r) && index.covers_criterion(p, c));
                if !panels_of[i].contains(&panel) {
                    panels_of[i].push(panel);
                }
                let unit = Unit { panel, reviewer: i };
                found.push((r * n_criteria + c, unit, score.points));
            }
        }
    }
    let mut units: Vec<Unit> = panels_of
        .iter()
        .enumerate()
        .flat_map(|(reviewer, panels)| panels.iter().map(move |&panel| Unit { panel, reviewer }))
        .collect();
    units.sort_unstable();
    // Per reviewer, (panel, unit index) of their units.
    let mut unit_of: Vec<Vec<(Option<usize>, usize)>> = vec![Vec::new(); n_reviewers];
    for (k, unit) in units.iter().enumerate() {
        unit_of[unit.reviewer].push((unit.panel, k));
    }
    let mut cells = vec![Vec::new(); review.regions.len() * n_criteria];
    for (cell, unit, points) in found {
        let k = unit_of[unit.reviewer]
            .iter()
            .find(|(panel, _)| *panel == unit.panel)
            .map_or(0, |&(_, k)| k);
        cells[cell].push(Entry {
            reviewer: unit.reviewer,
            unit: k,
            points,
        });
    }
    (units, cells)
}

/// Regions as the ranking reads them (see [`Marks::scored`]), each by its
/// place `m` in [`Scored::regions`].
pub(crate) struct Scored<'s, 'a> {
    marks: &'s Marks<'a>,
    aggregates: &'s [Option<f64>],
    thresholds: &'s merge::Thresholds,
    ranking: &'s merge::Ranking,
    pub regions: Vec<usize>,
    pub totals: Vec<f64>,
    /// Per region, its subtotals depth first.
    subtotals: Vec<f64>,
}

impl Scored<'_, '_> {
    /// The `m`th region's subtotal of category `at` (depth first), as
    /// [`Marks::ranked_input`] gives it.
    pub fn subtotal(&self, m: usize, at: usize) -> Option<f64> {
        let width = self.marks.parent_of.len();
        (at < width).then(|| self.subtotals[m * width + at])
    }
}

impl merge::Ranked for Scored<'_, '_> {
    fn key(&self, m: usize, level: usize) -> f64 {
        let width = self.marks.parent_of.len();
        let subtotals = &self.subtotals[m * width..(m + 1) * width];
        self.ranking.key(level, self.totals[m], |c| subtotals[c])
    }

    fn id_order(&self, a: usize, b: usize) -> std::cmp::Ordering {
        let regions = &self.marks.review.regions;
        regions[self.regions[a]]
            .id
            .cmp(&regions[self.regions[b]].id)
    }

    fn ineligible(&self, m: usize) -> bool {
        self.marks.ineligible[self.regions[m]]
    }

    /// As [`merge::Thresholds::below`] reads [`Marks::ranked_input`]: the
    /// criteria's aggregates only when some criterion has a minimum.
    fn below(&self, m: usize) -> bool {
        let marks = self.marks;
        let r = self.regions[m];
        self.thresholds.below_by(
            self.totals[m],
            |at| self.subtotal(m, at),
            |at| {
                (marks.criterion_minimums && at < marks.n_criteria)
                    .then(|| self.aggregates[marks.cell(r, at)])
            },
        )
    }
}
