//! `results.ron` as this version writes it (format 2): the results, not a
//! copy of the marks. Per region and criterion the aggregate, the number of
//! counting marks, their minimum and maximum (`cells`, in rubric order);
//! subtotals as numbers in the order `subtotals` names at the top; every
//! region on one line, so that a national call's results stay a few
//! megabytes and any line can still be read by eye. The individual marks
//! and notes are in the panel files, whose SHA-256 `inputs` records.

use serde::{Deserialize, Serialize};

use super::checks::{self, Check};
use crate::analysis::Analysis;
use crate::lottery::Lot;
use crate::merge::{
    BudgetOutcome, CriterionResult, Percentile, RegionResult, Results, Rules, SheetUse, Status,
    Subtotal,
};
use crate::model::Aggregate;
use crate::report::input_file::InputFile;

/// What a file holds: the results, their analysis and the lottery.
pub(super) type Read = (Results, Option<Analysis>, Option<Lot>);

/// The format this version writes.
pub const FORMAT: u32 = 2;

/// A criterion's cell: (aggregate, counting marks, min, max).
type Cell = (Option<f64>, u32, Option<f64>, Option<f64>);

/// A region's percentile within a panel (never read by the rules): (panel,
/// sum of its scores on the panel's criteria, regions the panel scored,
/// percentile).
type PercentileCell = (String, f64, u32, f64);

/// Under `use_consensus`, a cell's values beside the members' marks:
/// (index of the criterion in rubric order, members' aggregate, consensus,
/// no consensus where one was due).
type ConsensusCell = (u32, Option<f64>, Option<f64>, bool);

#[derive(Serialize, Deserialize)]
#[serde(rename = "Results")]
pub(super) struct File {
    pub format: u32,
    pub review: String,
    pub title: String,
    pub rubric: String,
    pub rules: Rules,
    pub categories: Vec<String>,
    /// The categories at every depth, depth first: the order of each
    /// region's `subtotals`.
    pub subtotals: Vec<String>,
    /// (criterion, its category) in rubric order: the order of each
    /// region's `cells`.
    pub criteria: Vec<(String, String)>,
    pub regions: Vec<Region>,
    pub sheets: Vec<SheetUse>,
    pub warnings: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetOutcome>,
    /// The files merged, with their SHA-256.
    #[serde(default)]
    pub inputs: Vec<InputFile>,
    /// The analysis, but its findings per region, which are `checks`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<Analysis>,
    /// The rules each region's `by_aggregate` in `checks` gives a place
    /// under, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub check_rules: Vec<Aggregate>,
    /// The analysis's findings per region, each about a region of `regions`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// The committee's lottery, step by step, when it asked for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lottery: Option<Lot>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename = "Region")]
pub(super) struct Region {
    rank: u32,
    region: String,
    name: String,
    total: f64,
    subtotals: Vec<f64>,
    status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    allocation: Option<f64>,
    marks: u32,
    flags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decided_by: Option<String>,
    cells: Vec<Cell>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    consensus: Vec<ConsensusCell>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    percentiles: Vec<PercentileCell>,
}

impl File {
    /// The file of `results`, with `analysis` and the checksums of `inputs`.
    pub fn new(
        results: &Results,
        analysis: Option<&Analysis>,
        lottery: Option<&Lot>,
        inputs: &[InputFile],
    ) -> File {
        let first = results.regions.first();
        let subtotals = first.map_or_else(Vec::new, |r| {
            r.subtotals.iter().map(|s| s.category.clone()).collect()
        });
        let criteria = first.map_or_else(Vec::new, |r| {
            r.criteria
                .iter()
                .map(|c| (c.criterion.clone(), c.category.clone()))
                .collect()
        });
        File {
            format: FORMAT,
            review: results.review.clone(),
            title: results.title.clone(),
            rubric: results.rubric.clone(),
            rules: results.rules.clone(),
            categories: results.categories.clone(),
            subtotals,
            criteria,
            regions: results.regions.iter().map(Region::new).collect(),
            sheets: results.sheets.clone(),
            warnings: results.warnings.clone(),
            budget: results.budget.clone(),
            inputs: inputs.to_vec(),
            analysis: analysis.map(|a| Analysis {
                regions: Vec::new(),
                ..a.clone()
            }),
            check_rules: analysis.map_or_else(Vec::new, |a| checks::rules(&a.regions)),
            checks: analysis.map_or_else(Vec::new, |a| a.regions.iter().map(Check::new).collect()),
            lottery: lottery.cloned(),
        }
    }

    /// The results it holds: every field as the merge gave it, but the
    /// individual marks (`scores`), which the panel files hold.
    /// `None` when the analysis has findings for a region the results lack.
    pub fn into_results(self) -> Option<(Read, Vec<InputFile>)> {
        let File {
            review,
            title,
            rubric,
            rules,
            categories,
            subtotals,
            criteria,
            regions,
            sheets,
            warnings,
            budget,
            inputs,
            mut analysis,
            check_rules,
            checks,
            lottery,
            ..
        } = self;
        let regions: Vec<RegionResult> = regions
            .into_iter()
            .map(|r| r.into_result(&subtotals, &criteria))
            .collect();
        if let Some(analysis) = &mut analysis {
            let status: std::collections::HashMap<&str, Status> = regions
                .iter()
                .map(|r| (r.region.as_str(), r.status))
                .collect();
            analysis.regions = checks
                .into_iter()
                .map(|check| {
                    let status = *status.get(check.region())?;
                    Some(check.into_check(status, &check_rules))
                })
                .collect::<Option<_>>()?;
        }
        let results = Results {
            review,
            title,
            rubric,
            rules,
            categories,
            regions,
            sheets,
            warnings,
            budget,
        };
        Some(((results, analysis, lottery), inputs))
    }
}

impl Region {
    fn new(region: &RegionResult) -> Region {
        let cells = region
            .criteria
            .iter()
            .map(|c| (c.aggregate, c.marks, c.min, c.max))
            .collect();
        let consensus = region
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.members.is_some() || c.consensus.is_some() || c.no_consensus)
            .map(|(i, c)| (i as u32, c.members, c.consensus, c.no_consensus))
            .collect();
        Region {
            rank: region.rank,
            region: region.region.clone(),
            name: region.name.clone(),
            total: region.total,
            subtotals: region.subtotals.iter().map(|s| s.points).collect(),
            status: region.status,
            tier: region.tier.clone(),
            allocation: region.allocation,
            marks: region.marks,
            flags: region.flags.clone(),
            decided_by: region.decided_by.clone(),
            cells,
            consensus,
            percentiles: region
                .percentiles
                .iter()
                .map(|p| (p.panel.clone(), p.sum, p.regions, p.percentile))
                .collect(),
        }
    }

    fn into_result(self, subtotals: &[String], criteria: &[(String, String)]) -> RegionResult {
        let mut cells: Vec<CriterionResult> = criteria
            .iter()
            .zip(&self.cells)
            .map(|((criterion, category), &(aggregate, marks, min, max))| {
                let flag = format!("disagreement:{criterion}");
                CriterionResult {
                    criterion: criterion.clone(),
                    category: category.clone(),
                    aggregate,
                    marks,
                    min,
                    max,
                    disagreement: self.flags.contains(&flag),
                    ..CriterionResult::default()
                }
            })
            .collect();
        for (at, members, consensus, no_consensus) in self.consensus {
            if let Some(cell) = cells.get_mut(at as usize) {
                cell.members = members;
                cell.consensus = consensus;
                cell.no_consensus = no_consensus;
            }
        }
        RegionResult {
            rank: self.rank,
            region: self.region,
            name: self.name,
            total: self.total,
            subtotals: subtotals
                .iter()
                .zip(self.subtotals)
                .map(|(category, points)| Subtotal {
                    category: category.clone(),
                    points,
                })
                .collect(),
            status: self.status,
            tier: self.tier,
            allocation: self.allocation,
            marks: self.marks,
            flags: self.flags,
            decided_by: self.decided_by,
            criteria: cells,
            percentiles: self
                .percentiles
                .into_iter()
                .map(|(panel, sum, regions, percentile)| Percentile {
                    panel,
                    sum,
                    regions,
                    percentile,
                })
                .collect(),
        }
    }
}
