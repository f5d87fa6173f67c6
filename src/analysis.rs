//! How solid is the selection? Evidence beside the official result of the
//! merge rules, never applied to it: reviewer calibration, stability under
//! resampled reviewers, a selection that hangs on one reviewer, and how close
//! the cutoff is.
//!
//! Pure: it reads the counting marks from [`Results`] and recomputes rankings
//! with the merge's own aggregate and ranking rules. Deterministic: resampling
//! uses a seeded generator with a fixed algorithm.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::merge::{self, EPSILON, Results, Status};
use crate::model::{Aggregate, Index, Review};

/// Bootstrap rounds and seed of the analysis `merge` writes.
pub const ROUNDS: usize = 2000;
pub const SEED: u64 = 2007;

/// A reviewer must share this many (region, criterion) cells with other
/// reviewers for their offset to be estimated.
pub const MIN_SHARED: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub calibration: Calibration,
    pub stability: Stability,
    /// `None` when there is no cutoff to speak of (everyone or no one selected).
    pub closeness: Option<Closeness>,
}

/// Reviewer leniency: `mark = quality of the cell + reviewer offset + noise`,
/// fitted by least squares over the cells reviewers share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Whether the overlap between reviewers is enough for the offsets to
    /// mean something; when not, `ranking` is empty.
    pub meaningful: bool,
    /// Why not, when not.
    pub why_not: Option<NotMeaningful>,
    /// Per reviewer with counting marks, by id.
    pub reviewers: Vec<Offset>,
    /// Residual standard deviation of the fit, in points per mark.
    pub noise: f64,
    /// The ranking recomputed with every estimable reviewer's offset taken
    /// out of their marks (not clamped to the scale), in calibrated rank order.
    pub ranking: Vec<CalibratedRegion>,
}

/// Why reviewer calibration would mean nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NotMeaningful {
    NoMarks,
    /// Fewer than half the marks come from reviewers who share at least
    /// [`MIN_SHARED`] cells with others.
    TooThin {
        covered: usize,
        marks: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offset {
    pub reviewer: String,
    pub marks: usize,
    /// Cells this reviewer shares with at least one other reviewer.
    pub shared_cells: usize,
    /// Points per mark above (positive: lenient) or below (harsh) the other
    /// reviewers of the same cells; `None` when not estimable.
    pub offset: Option<f64>,
    /// Its standard error, in points.
    pub error: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibratedRegion {
    pub region: String,
    pub total: f64,
    pub rank: u32,
    pub status: Status,
    pub official_rank: u32,
    pub official_status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stability {
    pub rounds: usize,
    pub seed: u64,
    /// In official rank order.
    pub regions: Vec<RegionStability>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionStability {
    pub region: String,
    pub status: Status,
    /// Share of bootstrap rounds (reviewers resampled per panel) in which
    /// the region is selected; ties at the cutoff count half.
    pub selected_share: f64,
    /// The status under each aggregate: Mean, Median, TrimmedMean.
    pub by_aggregate: Vec<(Aggregate, Status)>,
    /// Selected under every aggregate.
    pub selected_under_all: bool,
    /// Reviewers without whose marks the region's selection changes.
    pub hangs_on: Vec<String>,
}

/// The cutoff: the last region selected and the first not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closeness {
    pub last_selected: String,
    pub first_not_selected: String,
    pub margin: f64,
    /// The fewest one-step changes of counting marks found (greedily, each
    /// the change that narrows the gap most) that put the second above the first.
    pub swap: Option<Swap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Swap {
    /// How many marks change.
    pub changes: usize,
    /// One-step moves in all (a mark may move by several steps).
    pub steps: usize,
    /// The points all changes add up to.
    pub points: f64,
    /// How many reviewers' marks change.
    pub reviewers: usize,
    /// The changed marks, largest change first: "reviewer region criterion: old -> new".
    pub marks: Vec<String>,
}

/// One counting mark.
#[derive(Debug, Clone, Copy)]
struct Mark {
    reviewer: usize,
    panel: usize,
    region: usize,
    criterion: usize,
    points: f64,
}

/// The counting marks of a merge, indexed.
struct Marks<'a> {
    review: &'a Review,
    index: Index<'a>,
    reviewers: Vec<String>,
    marks: Vec<Mark>,
    n_criteria: usize,
}

impl<'a> Marks<'a> {
    fn of(review: &'a Review, results: &Results) -> Marks<'a> {
        let index = Index::new(review);
        let n_criteria = index.criteria().len();
        let mut reviewers: Vec<String> = Vec::new();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut marks = Vec::new();
        for region in &results.regions {
            let Some(r) = index.region_index(&region.region) else {
                continue;
            };
            for criterion in &region.criteria {
                let Some(c) = index.criterion_index(&criterion.criterion) else {
                    continue;
                };
                for score in &criterion.scores {
                    let reviewer = *ids.entry(score.reviewer.clone()).or_insert_with(|| {
                        reviewers.push(score.reviewer.clone());
                        reviewers.len() - 1
                    });
                    let panel = review
                        .panels
                        .iter()
                        .enumerate()
                        .find(|(p, panel)| {
                            panel.has_member(&score.reviewer)
                                && index.covers_region(*p, r)
                                && index.covers_criterion(*p, c)
                        })
                        .map_or(usize::MAX, |(p, _)| p);
                    marks.push(Mark {
                        reviewer,
                        panel,
                        region: r,
                        criterion: c,
                        points: score.points,
                    });
                }
            }
        }
        Marks {
            review,
            index,
            reviewers,
            marks,
            n_criteria,
        }
    }

    fn cell(&self, mark: &Mark) -> usize {
        mark.region * self.n_criteria + mark.criterion
    }

    /// Totals and subtotals of every region (in `review.ron` order) from
    /// marks, each counted `weight(mark)` times, under `rule`.
    fn totals(
        &self,
        rule: Aggregate,
        weight: impl Fn(usize, &Mark) -> usize,
        shift: impl Fn(&Mark) -> f64,
    ) -> Vec<(f64, Vec<f64>)> {
        let n_regions = self.review.regions.len();
        let mut cells: Vec<Vec<f64>> = vec![Vec::new(); n_regions * self.n_criteria];
        for (i, mark) in self.marks.iter().enumerate() {
            for _ in 0..weight(i, mark) {
                cells[self.cell(mark)].push(mark.points - shift(mark));
            }
        }
        let categories = &self.review.categories;
        (0..n_regions)
            .map(|r| {
                let mut total = 0.0;
                let mut subtotals = vec![0.0; categories.len()];
                for (c, (category, _)) in self.index.criteria().iter().enumerate() {
                    if let Some(value) = merge::aggregate(rule, &cells[r * self.n_criteria + c]) {
                        total += value;
                        if let Some(k) = categories.iter().position(|cat| cat.id == category.id) {
                            subtotals[k] += value;
                        }
                    }
                }
                (total, subtotals)
            })
            .collect()
    }

    /// Ranks and statuses, by the merge's rules, of regions with these totals.
    fn rank(&self, totals: &[(f64, Vec<f64>)]) -> Vec<(u32, Status)> {
        merge::rank_totals(self.review, totals)
    }
}

/// The analysis of merged results. `rounds` bootstrap rounds from `seed`.
pub fn analyse(review: &Review, results: &Results, rounds: usize, seed: u64) -> Analysis {
    let marks = Marks::of(review, results);
    let rule = review.committee.aggregate;
    let official = marks.rank(&marks.totals(rule, |_, _| 1, |_| 0.0));
    let calibration = calibrate(&marks, &official);
    let stability = stability(&marks, results, &official, rounds, seed);
    let closeness = closeness(&marks, results);
    Analysis {
        calibration,
        stability,
        closeness,
    }
}

// ---- calibration ----

fn calibrate(marks: &Marks, official: &[(u32, Status)]) -> Calibration {
    let n = marks.reviewers.len();
    let n_cells = marks.review.regions.len() * marks.n_criteria;
    // Who marked each cell, and how many cells each reviewer shares.
    let mut by_cell: Vec<Vec<usize>> = vec![Vec::new(); n_cells];
    for (i, mark) in marks.marks.iter().enumerate() {
        by_cell[marks.cell(mark)].push(i);
    }
    let mut shared = vec![0usize; n];
    let mut count = vec![0usize; n];
    let mut links = UnionFind::new(n);
    for cell in &by_cell {
        let reviewers: BTreeSet<usize> = cell.iter().map(|&i| marks.marks[i].reviewer).collect();
        for &i in cell {
            count[marks.marks[i].reviewer] += 1;
        }
        if reviewers.len() >= 2 {
            let mut it = reviewers.iter();
            let first = it.next().copied().unwrap_or(0);
            for &other in it {
                links.join(first, other);
            }
            for &r in &reviewers {
                shared[r] += 1;
            }
        }
    }
    let estimable: Vec<bool> = (0..n).map(|r| shared[r] >= MIN_SHARED).collect();
    // Alternating least squares: cell qualities given offsets, offsets given
    // qualities; offsets centred to sum zero within each connected group.
    let mut offset = vec![0.0; n];
    let mut quality = vec![0.0; n_cells];
    for _ in 0..10_000 {
        for (cell, members) in by_cell.iter().enumerate() {
            if !members.is_empty() {
                quality[cell] = members
                    .iter()
                    .map(|&i| marks.marks[i].points - offset[marks.marks[i].reviewer])
                    .sum::<f64>()
                    / members.len() as f64;
            }
        }
        let mut sum = vec![0.0; n];
        for mark in &marks.marks {
            sum[mark.reviewer] += mark.points - quality[marks.cell(mark)];
        }
        let mut next: Vec<f64> = (0..n)
            .map(|r| {
                if estimable[r] {
                    sum[r] / count[r].max(1) as f64
                } else {
                    0.0
                }
            })
            .collect();
        centre(&mut next, &estimable, &mut links);
        let change = next
            .iter()
            .zip(&offset)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        offset = next;
        if change < 1e-12 {
            break;
        }
    }
    let residuals: Vec<f64> = marks
        .marks
        .iter()
        .filter(|m| by_cell[marks.cell(m)].len() >= 2)
        .map(|m| m.points - quality[marks.cell(m)] - offset[m.reviewer])
        .collect();
    let dof = residuals
        .len()
        .saturating_sub(estimable.iter().filter(|e| **e).count())
        .max(1);
    let noise = (residuals.iter().map(|e| e * e).sum::<f64>() / dof as f64).sqrt();
    let covered: usize = marks.marks.iter().filter(|m| estimable[m.reviewer]).count();
    let why_not = if marks.marks.is_empty() {
        Some(NotMeaningful::NoMarks)
    } else if (covered as f64) < 0.5 * marks.marks.len() as f64 {
        Some(NotMeaningful::TooThin {
            covered,
            marks: marks.marks.len(),
        })
    } else {
        None
    };
    let reviewers = (0..n)
        .map(|r| Offset {
            reviewer: marks.reviewers[r].clone(),
            marks: count[r],
            shared_cells: shared[r],
            offset: estimable[r].then_some(offset[r]),
            error: estimable[r].then(|| noise / (shared[r] as f64).sqrt()),
        })
        .collect::<Vec<_>>();
    let mut reviewers = reviewers;
    reviewers.sort_by(|a, b| a.reviewer.cmp(&b.reviewer));
    let ranking = if why_not.is_none() {
        let totals = marks.totals(
            marks.review.committee.aggregate,
            |_, _| 1,
            |m| {
                if estimable[m.reviewer] {
                    offset[m.reviewer]
                } else {
                    0.0
                }
            },
        );
        let ranked = marks.rank(&totals);
        let mut ranking: Vec<CalibratedRegion> = marks
            .review
            .regions
            .iter()
            .enumerate()
            .map(|(r, region)| CalibratedRegion {
                region: region.id.clone(),
                total: totals[r].0,
                rank: ranked[r].0,
                status: ranked[r].1,
                official_rank: official[r].0,
                official_status: official[r].1,
            })
            .collect();
        ranking.sort_by(|a, b| (a.rank, &a.region).cmp(&(b.rank, &b.region)));
        ranking
    } else {
        Vec::new()
    };
    Calibration {
        meaningful: why_not.is_none(),
        why_not,
        reviewers,
        noise,
        ranking,
    }
}

/// Centres the estimable offsets to sum zero within each connected group.
fn centre(offset: &mut [f64], estimable: &[bool], links: &mut UnionFind) {
    let mut sums: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    for r in 0..offset.len() {
        if estimable[r] {
            let entry = sums.entry(links.root(r)).or_insert((0.0, 0));
            entry.0 += offset[r];
            entry.1 += 1;
        }
    }
    for r in 0..offset.len() {
        if estimable[r]
            && let Some((sum, n)) = sums.get(&links.root(r))
        {
            offset[r] -= sum / *n as f64;
        }
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

// ---- stability ----

fn stability(
    marks: &Marks,
    results: &Results,
    official: &[(u32, Status)],
    rounds: usize,
    seed: u64,
) -> Stability {
    let review = marks.review;
    let rule = review.committee.aggregate;
    let n_regions = review.regions.len();
    // Bootstrap: per panel, draw as many reviewers as counted, with replacement.
    let mut panels: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for mark in &marks.marks {
        let members = panels.entry(mark.panel).or_default();
        if !members.contains(&mark.reviewer) {
            members.push(mark.reviewer);
        }
    }
    let mut rng = SplitMix::new(seed);
    let mut selected = vec![0.0; n_regions];
    for _ in 0..rounds {
        let mut drawn: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for (&panel, members) in &panels {
            for _ in 0..members.len() {
                let reviewer = members[rng.below(members.len())];
                *drawn.entry((panel, reviewer)).or_default() += 1;
            }
        }
        let totals = marks.totals(
            rule,
            |_, m| drawn.get(&(m.panel, m.reviewer)).copied().unwrap_or(0),
            |_| 0.0,
        );
        for (r, (_, status)) in marks.rank(&totals).iter().enumerate() {
            selected[r] += match status {
                Status::Selected => 1.0,
                Status::Tied => 0.5,
                _ => 0.0,
            };
        }
    }
    // Each aggregate.
    let aggregates = [Aggregate::Mean, Aggregate::Median, Aggregate::TrimmedMean];
    let under: Vec<Vec<(u32, Status)>> = aggregates
        .iter()
        .map(|&a| marks.rank(&marks.totals(a, |_, _| 1, |_| 0.0)))
        .collect();
    // Leave one reviewer out.
    let mut hangs_on: Vec<Vec<String>> = vec![Vec::new(); n_regions];
    for (reviewer, id) in marks.reviewers.iter().enumerate() {
        let without =
            marks.rank(&marks.totals(rule, |_, m| usize::from(m.reviewer != reviewer), |_| 0.0));
        for r in 0..n_regions {
            if (official[r].1 == Status::Selected) != (without[r].1 == Status::Selected) {
                hangs_on[r].push(id.clone());
            }
        }
    }
    let regions = results
        .regions
        .iter()
        .filter_map(|result| {
            let r = marks.index.region_index(&result.region)?;
            let by_aggregate: Vec<(Aggregate, Status)> = aggregates
                .iter()
                .zip(&under)
                .map(|(&a, ranked)| (a, ranked[r].1))
                .collect();
            let mut hangs = hangs_on[r].clone();
            hangs.sort();
            Some(RegionStability {
                region: result.region.clone(),
                status: official[r].1,
                selected_share: if rounds == 0 {
                    0.0
                } else {
                    selected[r] / rounds as f64
                },
                selected_under_all: by_aggregate.iter().all(|(_, s)| *s == Status::Selected),
                by_aggregate,
                hangs_on: hangs,
            })
        })
        .collect();
    Stability {
        rounds,
        seed,
        regions,
    }
}

/// SplitMix64: a tiny generator with a fixed algorithm, so the same seed
/// gives the same rounds on every machine and version.
struct SplitMix(u64);

impl SplitMix {
    fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

// ---- closeness ----

fn closeness(marks: &Marks, results: &Results) -> Option<Closeness> {
    let at = results
        .regions
        .iter()
        .rposition(|r| r.status == Status::Selected)?;
    let last = &results.regions[at];
    let next = results.regions[at + 1..]
        .iter()
        .find(|r| matches!(r.status, Status::NotSelected | Status::Tied))?;
    let (a, b) = (
        marks.index.region_index(&last.region)?,
        marks.index.region_index(&next.region)?,
    );
    Some(Closeness {
        last_selected: last.region.clone(),
        first_not_selected: next.region.clone(),
        margin: last.total - next.total,
        swap: swap(marks, a, b),
    })
}

/// Greedy search for the fewest one-step changes that put region `b` above
/// region `a`: marks of `b` raised, marks of `a` lowered, each step the one
/// that narrows the gap most under the committee's aggregate.
fn swap(marks: &Marks, a: usize, b: usize) -> Option<Swap> {
    let review = marks.review;
    let rule = review.committee.aggregate;
    let criteria = marks.index.criteria();
    // The marks of the two regions, by cell: (region, criterion) -> mark numbers.
    let mut cells: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, mark) in marks.marks.iter().enumerate() {
        if mark.region == a || mark.region == b {
            cells
                .entry((mark.region, mark.criterion))
                .or_default()
                .push(i);
        }
    }
    let mut points: Vec<f64> = marks.marks.iter().map(|m| m.points).collect();
    let value = |points: &[f64], cell: &[usize]| {
        let values: Vec<f64> = cell.iter().map(|&i| points[i]).collect();
        merge::aggregate(rule, &values).unwrap_or(0.0)
    };
    let gap = |points: &[f64]| -> f64 {
        cells
            .iter()
            .map(|(&(region, _), cell)| {
                if region == a {
                    value(points, cell)
                } else {
                    -value(points, cell)
                }
            })
            .sum()
    };
    let mut steps = 0;
    for _ in 0..2000 {
        if gap(&points) < -EPSILON {
            return Some(describe_swap(marks, &points, steps));
        }
        let mut best: Option<(f64, usize, f64)> = None;
        for (&(region, criterion), cell) in &cells {
            let def = criteria[criterion].1;
            let before = value(&points, cell);
            for &i in cell {
                let new = if region == b {
                    points[i] + def.step
                } else {
                    points[i] - def.step
                };
                if new < -EPSILON || new > def.max + EPSILON {
                    continue;
                }
                let old = std::mem::replace(&mut points[i], new);
                let after = value(&points, cell);
                points[i] = old;
                let gain = if region == b {
                    after - before
                } else {
                    before - after
                };
                if gain > EPSILON && best.is_none_or(|(g, _, _)| gain > g + EPSILON) {
                    best = Some((gain, i, new));
                }
            }
        }
        let (_, i, new) = best?;
        points[i] = new;
        steps += 1;
    }
    None
}

/// The marks a swap changes, from the original and the changed points.
fn describe_swap(marks: &Marks, points: &[f64], steps: usize) -> Swap {
    let criteria = marks.index.criteria();
    let mut changed: Vec<(f64, String)> = Vec::new();
    let mut reviewers = BTreeSet::new();
    let mut total = 0.0;
    for (mark, &new) in marks.marks.iter().zip(points) {
        let delta = (new - mark.points).abs();
        if delta > EPSILON {
            total += delta;
            reviewers.insert(mark.reviewer);
            changed.push((
                delta,
                format!(
                    "{} {} {}: {} -> {}",
                    marks.reviewers[mark.reviewer],
                    marks.review.regions[mark.region].id,
                    criteria[mark.criterion].1.id,
                    crate::model::format_points(mark.points),
                    crate::model::format_points(new)
                ),
            ));
        }
    }
    changed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    Swap {
        changes: changed.len(),
        steps,
        points: total,
        reviewers: reviewers.len(),
        marks: changed.into_iter().map(|(_, text)| text).collect(),
    }
}
