//! The committee rules of SPEC.md ("Merge rules"), as a pure function over
//! plain data: no file is read and nothing is printed here.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Aggregate, Category, Committee, Index, Mark, Review, Sheet};
use crate::source::Anchor;
use crate::validate::{Finding, sheet_findings};

/// Two totals or subtotals closer than this are equal (rule 6).
pub const EPSILON: f64 = 1e-9;

/// One sheet as found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetInput {
    /// The file the sheet was read from, to name it in warnings and errors.
    pub origin: PathBuf,
    pub panel: String,
    pub reviewer: String,
    pub sheet: Sheet,
}

/// One sheet as found in one file, borrowed from where it was read: a
/// national cycle's half a million marks are merged without a copy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SheetRef<'a> {
    /// The file the sheet was read from, to name it in warnings and errors.
    pub origin: &'a Path,
    pub panel: &'a str,
    pub reviewer: &'a str,
    pub sheet: &'a Sheet,
}

impl<'a> From<&'a SheetInput> for SheetRef<'a> {
    fn from(input: &'a SheetInput) -> Self {
        SheetRef {
            origin: &input.origin,
            panel: &input.panel,
            reviewer: &input.reviewer,
            sheet: &input.sheet,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeOptions {
    /// Count draft sheets too (`--include-drafts`).
    pub include_drafts: bool,
}

/// A reason the merge can't produce results, in the file it names.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeError {
    pub origin: PathBuf,
    pub finding: Finding,
}

/// The committee results: everything `results.ron` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub review: String,
    pub title: String,
    pub rubric: String,
    pub rules: Rules,
    /// The rubric's category ids in rubric order: the subtotal columns of
    /// results.csv, which must be there even when there is no region.
    #[serde(default)]
    pub categories: Vec<String>,
    /// In rank order; regions sharing a rank by region id.
    pub regions: Vec<RegionResult>,
    /// Every sheet found, and whether it counted.
    pub sheets: Vec<SheetUse>,
    pub warnings: Vec<String>,
}

/// The committee rules the results were computed under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    pub aggregate: Aggregate,
    pub select: u32,
    pub tie_break: Vec<String>,
    pub min_total: Option<f64>,
    pub disagreement: f64,
    pub include_drafts: bool,
    pub max_total: f64,
}

impl Rules {
    /// The spread of marks above which a criterion with maximum `max` is
    /// flagged for disagreement (rule 5).
    pub fn disagreement_limit(&self, max: f64) -> f64 {
        disagreement_limit(self.disagreement, max)
    }
}

/// Rule 5: the spread of marks above which a criterion with maximum `max`
/// is flagged, for the committee's `disagreement` ratio.
pub fn disagreement_limit(ratio: f64, max: f64) -> f64 {
    ratio * max
}

/// Rule 5: whether marks from `lo` to `hi` spread beyond `limit`. Strictly
/// greater, within EPSILON: marks typed as decimals (8.3 − 4.3) differ from
/// the decimal spread by binary rounding, and a spread exactly at the limit
/// is not flagged.
pub fn disagrees(lo: f64, hi: f64, limit: f64) -> bool {
    hi - lo > limit + EPSILON
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionResult {
    /// 1-based; regions ex aequo share a rank and the next rank skips.
    pub rank: u32,
    pub region: String,
    pub name: String,
    pub total: f64,
    /// One per category, in rubric order.
    pub subtotals: Vec<Subtotal>,
    pub status: Status,
    /// Marks from counting reviewers over all criteria, before any trimming.
    pub marks: u32,
    /// `incomplete`, then `disagreement:<criterion>` in rubric order.
    pub flags: Vec<String>,
    /// When this region's total equals the one ranked just above it: the
    /// `tie_break` category whose subtotal decided the order.
    pub decided_by: Option<String>,
    /// One per criterion, in rubric order.
    pub criteria: Vec<CriterionResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    pub category: String,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub criterion: String,
    pub category: String,
    /// `None` when no counting reviewer marked it (`missing`; adds 0).
    pub aggregate: Option<f64>,
    pub marks: u32,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub disagreement: bool,
    /// The counting marks, by reviewer id.
    pub scores: Vec<Score>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub reviewer: String,
    pub points: f64,
    /// The reviewer's note on the mark, so the chair can read why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Selected,
    NotSelected,
    Tied,
    BelowThreshold,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Selected => "Selected",
            Status::NotSelected => "NotSelected",
            Status::Tied => "Tied",
            Status::BelowThreshold => "BelowThreshold",
        }
    }
}

/// How one sheet was used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetUse {
    pub panel: String,
    pub reviewer: String,
    pub file: PathBuf,
    pub submitted: bool,
    pub updated: String,
    /// Whether its marks count: the winning copy, and submitted (or drafts included).
    pub counted: bool,
}

/// Applies SPEC.md's merge rules 1–7 to the sheets. Errors name the file and
/// the place in it; warnings go into `Results::warnings`.
pub fn merge(
    review: &Review,
    sheets: &[SheetInput],
    options: MergeOptions,
) -> Result<Results, Vec<MergeError>> {
    let sheets: Vec<SheetRef> = sheets.iter().map(SheetRef::from).collect();
    merge_sheets(review, &sheets, options)
}

/// [`merge`] over borrowed sheets.
pub fn merge_sheets(
    review: &Review,
    sheets: &[SheetRef],
    options: MergeOptions,
) -> Result<Results, Vec<MergeError>> {
    merge_with(review, sheets, options, Validation::Sheets)
}

/// [`merge_sheets`] of sheets that [`validate::panel_file`](crate::validate::panel_file)
/// found valid against this review (as `panelist merge` reads them): they
/// are not checked a second time. Given a sheet that is not valid, the
/// results are unspecified (a mark the panel does not cover may count).
pub fn merge_validated(
    review: &Review,
    sheets: &[SheetRef],
    options: MergeOptions,
) -> Result<Results, Vec<MergeError>> {
    merge_with(review, sheets, options, Validation::Done)
}

/// Whether the merge checks each sheet against SPEC.md's rules first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Validation {
    Sheets,
    Done,
}

fn merge_with(
    review: &Review,
    sheets: &[SheetRef],
    options: MergeOptions,
    validation: Validation,
) -> Result<Results, Vec<MergeError>> {
    let index = Index::new(review);
    let mut warnings = Vec::new();
    let winners = resolve_duplicates(&index, sheets, validation, &mut warnings)?;
    let mut uses = Vec::new();
    let mut counting = Vec::new();
    for (input, duplicates) in &winners {
        let counts = input.sheet.submitted || options.include_drafts;
        if counts {
            counting.push(*input);
        } else {
            warnings.push(crate::t!(
                "merge-draft-left-out",
                file = input.origin.display(),
                reviewer = input.reviewer,
                panel = input.panel
            ));
        }
        for copy in duplicates {
            uses.push(SheetUse {
                panel: copy.panel.to_string(),
                reviewer: copy.reviewer.to_string(),
                file: copy.origin.to_path_buf(),
                submitted: copy.sheet.submitted,
                updated: copy.sheet.updated.to_string(),
                counted: counts && std::ptr::eq(*copy, *input),
            });
        }
    }
    let cells = collect_marks(&index, &counting, &mut warnings);
    let regions = score_regions(&index, &cells);
    let regions = rank(review, regions);
    Ok(Results {
        review: review.id.clone(),
        title: review.title.clone(),
        rubric: review.fingerprint(),
        rules: Rules {
            aggregate: review.committee.aggregate,
            select: review.committee.select,
            tie_break: review.committee.tie_break.clone(),
            min_total: review.committee.min_total,
            disagreement: review.committee.disagreement,
            include_drafts: options.include_drafts,
            max_total: review.max_total(),
        },
        categories: review.categories.iter().map(|c| c.id.clone()).collect(),
        regions,
        sheets: uses,
        warnings,
    })
}

/// The winning sheet of each (panel, reviewer), with every copy found of it.
type Winners<'s, 'a> = Vec<(&'s SheetRef<'a>, Vec<&'s SheetRef<'a>>)>;

/// Rule 1: validates each sheet, then resolves (panel, reviewer) sheets that
/// come from more than one file.
fn resolve_duplicates<'s, 'a>(
    index: &Index,
    sheets: &'s [SheetRef<'a>],
    validation: Validation,
    warnings: &mut Vec<String>,
) -> Result<Winners<'s, 'a>, Vec<MergeError>> {
    let mut errors = Vec::new();
    let mut groups: BTreeMap<(&str, &str), Vec<&SheetRef>> = BTreeMap::new();
    for input in sheets {
        let Some(panel) = index.panel_index(input.panel) else {
            errors.push(MergeError {
                origin: input.origin.to_path_buf(),
                finding: Finding::new(
                    &[Anchor::Field("panel")],
                    crate::t!("merge-unknown-panel", panel = input.panel),
                ),
            });
            continue;
        };
        if validation == Validation::Sheets {
            for finding in sheet_findings(index, panel, input.reviewer, input.sheet) {
                errors.push(MergeError {
                    origin: input.origin.to_path_buf(),
                    finding,
                });
            }
        }
        groups
            .entry((input.panel, input.reviewer))
            .or_default()
            .push(input);
    }
    let mut winners = Vec::new();
    for ((panel, reviewer), mut copies) in groups {
        // In file-name order: which of identical copies counts, and the order
        // of warnings and sheets in the results, must not depend on the order
        // the files were given in.
        copies.sort_by(|a, b| a.origin.cmp(b.origin));
        let mut distinct: Vec<&SheetRef> = Vec::new();
        for copy in &copies {
            if !distinct.iter().any(|d| d.sheet == copy.sheet) {
                distinct.push(copy);
            }
        }
        let latest = distinct.iter().map(|d| d.sheet.updated).max();
        let newest: Vec<&&SheetRef> = distinct
            .iter()
            .filter(|d| Some(d.sheet.updated) == latest)
            .collect();
        let [winner] = newest[..] else {
            let files: Vec<String> = newest
                .iter()
                .map(|d| d.origin.display().to_string())
                .collect();
            errors.push(MergeError {
                origin: newest[0].origin.to_path_buf(),
                finding: Finding::new(
                    &[Anchor::Field("sheets"), Anchor::str(reviewer)],
                    crate::t!(
                        "merge-copies-tie",
                        reviewer = reviewer,
                        panel = panel,
                        files = files.join(", "),
                        updated = newest[0].sheet.updated
                    ),
                ),
            });
            continue;
        };
        for other in distinct.iter().filter(|d| !std::ptr::eq(**d, *winner)) {
            warnings.push(crate::t!(
                "merge-copy-wins",
                reviewer = reviewer,
                panel = panel,
                winner = winner.origin.display(),
                winner_updated = winner.sheet.updated,
                other = other.origin.display(),
                other_updated = other.sheet.updated
            ));
        }
        winners.push((*winner, copies));
    }
    if errors.is_empty() {
        Ok(winners)
    } else {
        Err(errors)
    }
}

/// The counting marks of each (region, criterion), cell
/// `region * criteria + criterion`, each cell sorted by reviewer id: one
/// table for all cells rather than a list per cell.
struct Cells<'s> {
    /// Where each cell's marks start in `marks`; one more for the end.
    starts: Vec<usize>,
    marks: Vec<(&'s str, &'s Mark)>,
}

impl<'s> Cells<'s> {
    fn cell(&self, i: usize) -> &[(&'s str, &'s Mark)] {
        &self.marks[self.starts[i]..self.starts[i + 1]]
    }
}

/// Rule 2: the marks that count, cell by cell.
fn collect_marks<'s>(
    index: &Index,
    counting: &[&SheetRef<'s>],
    warnings: &mut Vec<String>,
) -> Cells<'s> {
    let review = index.review;
    let n_criteria = index.criteria().len();
    let mut conflicts: HashMap<&str, HashSet<&str>> = HashMap::new();
    for reviewer in &review.reviewers {
        conflicts
            .entry(&reviewer.id)
            .or_default()
            .extend(reviewer.conflicts.iter().map(String::as_str));
    }
    for input in counting {
        conflicts
            .entry(input.reviewer)
            .or_default()
            .extend(input.sheet.conflicts.iter().map(String::as_str));
    }
    let mut starts = vec![0; review.regions.len() * n_criteria + 1];
    each_counted(index, counting, &conflicts, |cell, _, _| {
        starts[cell + 1] += 1
    });
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    static NO_MARK: Mark = Mark {
        points: 0.0,
        note: String::new(),
    };
    let mut marks = vec![("", &NO_MARK); starts[starts.len() - 1]];
    let mut next = starts.clone();
    each_counted(index, counting, &conflicts, |cell, reviewer, mark| {
        marks[next[cell]] = (reviewer, mark);
        next[cell] += 1;
    });
    let mut left_out: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for input in counting {
        let Some(conflicted) = conflicts.get(input.reviewer) else {
            continue;
        };
        for (region, marks) in input.sheet.scores.iter() {
            if conflicted.contains(region.as_str()) && index.region_index(region).is_some() {
                *left_out
                    .entry((input.reviewer, region.as_str()))
                    .or_default() += marks.len();
            }
        }
    }
    for ((reviewer, region), count) in left_out {
        warnings.push(crate::t!(
            "merge-conflict-left-out",
            count = count,
            reviewer = reviewer,
            region = region
        ));
    }
    for cell in starts.windows(2) {
        marks[cell[0]..cell[1]].sort_by(|a, b| a.0.cmp(b.0));
    }
    Cells { starts, marks }
}

/// Calls `each` with every mark of the counting sheets that counts (its
/// reviewer has no conflict on its region), with its cell.
fn each_counted<'s>(
    index: &Index,
    counting: &[&SheetRef<'s>],
    conflicts: &HashMap<&str, HashSet<&str>>,
    mut each: impl FnMut(usize, &'s str, &'s Mark),
) {
    let n_criteria = index.criteria().len();
    for input in counting {
        let conflicted = conflicts.get(input.reviewer);
        for (region, marks) in input.sheet.scores.iter() {
            let Some(r) = index.region_index(region) else {
                continue;
            };
            if conflicted.is_some_and(|c| c.contains(region.as_str())) {
                continue;
            }
            for (criterion, mark) in marks.iter() {
                if let Some(c) = index.criterion_index(criterion) {
                    each(r * n_criteria + c, input.reviewer, mark);
                }
            }
        }
    }
}

/// Rules 3–5 for every region, in `review.ron` order (not yet ranked).
fn score_regions(index: &Index, cells: &Cells) -> Vec<RegionResult> {
    let review = index.review;
    let committee = &review.committee;
    let n_criteria = index.criteria().len();
    // One buffer for the marks of every cell: 180,000 cells in a national cycle.
    let mut points: Vec<f64> = Vec::new();
    review
        .regions
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let criteria: Vec<CriterionResult> = index
                .criteria()
                .iter()
                .enumerate()
                .map(|(c, (category, criterion))| {
                    let cell = cells.cell(r * n_criteria + c);
                    points.clear();
                    points.extend(cell.iter().map(|&(_, m)| m.points));
                    let min = points.iter().copied().reduce(f64::min);
                    let max = points.iter().copied().reduce(f64::max);
                    let limit = disagreement_limit(committee.disagreement, criterion.max);
                    let disagreement = match (min, max) {
                        (Some(lo), Some(hi)) if points.len() >= 2 => disagrees(lo, hi, limit),
                        _ => false,
                    };
                    CriterionResult {
                        criterion: criterion.id.clone(),
                        category: category.id.clone(),
                        aggregate: aggregate(committee.aggregate, &points),
                        marks: points.len() as u32,
                        min,
                        max,
                        disagreement,
                        scores: cell
                            .iter()
                            .map(|&(reviewer, mark)| Score {
                                reviewer: reviewer.to_string(),
                                points: mark.points,
                                note: mark.note.clone(),
                            })
                            .collect(),
                    }
                })
                .collect();
            let subtotals = review
                .categories
                .iter()
                .map(|category| Subtotal {
                    category: category.id.clone(),
                    points: criteria
                        .iter()
                        .filter(|c| c.category == category.id)
                        .filter_map(|c| c.aggregate)
                        .fold(0.0, add),
                })
                .collect();
            let total = criteria.iter().filter_map(|c| c.aggregate).fold(0.0, add);
            let mut flags = Vec::new();
            if criteria.iter().any(|c| c.aggregate.is_none()) {
                flags.push("incomplete".to_string());
            }
            flags.extend(
                criteria
                    .iter()
                    .filter(|c| c.disagreement)
                    .map(|c| format!("disagreement:{}", c.criterion)),
            );
            RegionResult {
                rank: 0,
                region: region.id.clone(),
                name: region.name.clone(),
                total,
                subtotals,
                status: Status::NotSelected,
                marks: criteria.iter().map(|c| c.marks).sum(),
                flags,
                decided_by: None,
                criteria,
            }
        })
        .collect()
}

/// Sums from +0.0: `Iterator::sum` of no `f64` is -0.0, which would print
/// as "-0.00" for a category without marks.
fn add(sum: f64, points: f64) -> f64 {
    sum + points
}

/// Rule 3: one number from the marks of one (region, criterion); `None` when
/// there are none.
pub fn aggregate(rule: Aggregate, points: &[f64]) -> Option<f64> {
    if points.is_empty() {
        return None;
    }
    let mean = |values: &[f64]| values.iter().sum::<f64>() / values.len() as f64;
    let n = points.len();
    if rule == Aggregate::Mean || (rule == Aggregate::TrimmedMean && n < 3) {
        return Some(mean(points));
    }
    let mut sorted = points.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(match rule {
        Aggregate::Median if n % 2 == 1 => sorted[n / 2],
        Aggregate::Median => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        Aggregate::TrimmedMean | Aggregate::Mean => mean(&sorted[1..n - 1]),
    })
}

/// A run of regions in rank order that share a rank (one region unless ex aequo).
struct Group {
    members: Vec<usize>,
    /// The ranking level that separated this group from the one above:
    /// 0 the total, i the `tie_break[i - 1]` subtotal.
    decided_at: Option<usize>,
}

/// Rules 6 and 7: orders the regions, gives ranks and statuses.
fn rank(review: &Review, regions: Vec<RegionResult>) -> Vec<RegionResult> {
    rank_by(&review.committee, &review.categories, regions)
}

/// [`rank`] under `committee`'s rules. Reads only each region's `region`,
/// `total` and `subtotals` and sets only `rank`, `status` and `decided_by`,
/// so the analysis can rank recomputed totals by the very same rules, or a
/// run of regions with the places left to them.
pub(crate) fn rank_by(
    committee: &Committee,
    categories: &[Category],
    regions: Vec<RegionResult>,
) -> Vec<RegionResult> {
    let category_index: Vec<Option<usize>> = committee
        .tie_break
        .iter()
        .map(|id| categories.iter().position(|c| &c.id == id))
        .collect();
    let key = |region: usize, level: usize| -> f64 {
        if level == 0 {
            regions[region].total
        } else {
            category_index[level - 1].map_or(0.0, |c| regions[region].subtotals[c].points)
        }
    };
    let mut groups = Vec::new();
    split(
        (0..regions.len()).collect(),
        0,
        &key,
        committee.tie_break.len(),
        None,
        &mut groups,
    );
    for group in &mut groups {
        group
            .members
            .sort_by(|&a, &b| regions[a].region.cmp(&regions[b].region));
    }

    let below = |total: f64| committee.min_total.is_some_and(|min| total < min - EPSILON);
    let select = committee.select as usize;
    let mut slots = vec![(0u32, Status::NotSelected, None); regions.len()];
    let mut position = 0;
    let mut eligible_seen = 0;
    for group in &groups {
        let eligible = group
            .members
            .iter()
            .filter(|&&m| !below(regions[m].total))
            .count();
        let (start, end) = (eligible_seen, eligible_seen + eligible);
        let status = if end <= select {
            Status::Selected
        } else if start >= select {
            Status::NotSelected
        } else {
            Status::Tied
        };
        eligible_seen = end;
        let decided_by = group
            .decided_at
            .filter(|&level| level > 0)
            .map(|level| committee.tie_break[level - 1].clone());
        for (k, &m) in group.members.iter().enumerate() {
            let status = if below(regions[m].total) {
                Status::BelowThreshold
            } else {
                status
            };
            slots[m] = (
                position as u32 + 1,
                status,
                decided_by.clone().filter(|_| k == 0),
            );
        }
        position += group.members.len();
    }
    let order: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.members.iter().copied())
        .collect();
    let mut regions: Vec<Option<RegionResult>> = regions.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|m| {
            let mut region = regions[m].take()?;
            let (rank, status, decided_by) = slots[m].clone();
            region.rank = rank;
            region.status = status;
            region.decided_by = decided_by;
            Some(region)
        })
        .collect()
}

/// Orders `items` by `key` at `level`, descending; runs of equal keys (within
/// EPSILON of their neighbour) are split further at the next level, and what
/// is still equal after the last level becomes one ex-aequo group.
fn split(
    mut items: Vec<usize>,
    level: usize,
    key: &impl Fn(usize, usize) -> f64,
    levels: usize,
    decided_at: Option<usize>,
    out: &mut Vec<Group>,
) {
    items.sort_by(|&a, &b| key(b, level).total_cmp(&key(a, level)));
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for item in items {
        match runs.last_mut() {
            Some(run) if key(run[run.len() - 1], level) - key(item, level) <= EPSILON => {
                run.push(item)
            }
            _ => runs.push(vec![item]),
        }
    }
    for (k, run) in runs.into_iter().enumerate() {
        let decided = if k == 0 { decided_at } else { Some(level) };
        if run.len() > 1 && level < levels {
            split(run, level + 1, key, levels, decided, out);
        } else {
            out.push(Group {
                members: run,
                decided_at: decided,
            });
        }
    }
}
