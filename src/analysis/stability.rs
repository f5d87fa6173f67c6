//! The selection recomputed on other panels that could have been: reviewers
//! resampled (a bootstrap). Each reviewer left out in turn: `without.rs`.

use rayon::prelude::*;

use super::blocks::{Blocks, CellScores, Round, Sums};
use super::contest::{Contest, RankWork};
use super::draw::{Panels, fill};
pub(crate) use super::marks::Landing;
use super::marks::{Marks, Outcome, moved, same_selection};
use super::settings::{BATCH_ROUNDS, MAX_ROUNDS, MIN_ROUNDS, largest_standard_error, precise};
use crate::merge::Status;
use crate::rng::SplitMix64;

/// What the bootstrap rounds did, per region in `review.ron` order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Resampled {
    pub rounds: u32,
    pub selected: Vec<u32>,
    pub tied: Vec<u32>,
    /// Each contested region's ranks over the rounds, sorted (see
    /// [`Resampled::rank_range`]).
    pub ranks: Vec<Vec<u32>>,
    /// Rounds whose selected regions are exactly the official ones (in
    /// the same tiers, with the same funding).
    pub same_selection: u32,
    /// Per region: rounds in which it kept its side of the cutoff, its tier
    /// and its funding.
    pub kept: Vec<u32>,
    /// The largest standard error of a region's share of rounds selected
    /// (or kept, under tiers or a budget).
    pub standard_error: f64,
    /// Whether the rounds stopped at [`MAX_ROUNDS`] short of the precision.
    pub ceiling: bool,
    /// Per region: where it lands in every round, when that is certain,
    /// and the ranks it can take.
    settled: Vec<Option<(Landing, (u32, u32))>>,
    /// The rounds in which the settled regions were not ranked again.
    pruned: u32,
}

impl Resampled {
    fn new(regions: usize) -> Resampled {
        Resampled {
            selected: vec![0; regions],
            tied: vec![0; regions],
            ranks: vec![Vec::new(); regions],
            kept: vec![0; regions],
            ..Resampled::default()
        }
    }

    /// Adds up the counts of two sets of rounds (their ranks are kept
    /// apart, see [`Ranks`]).
    fn add(mut self, other: Resampled) -> Resampled {
        for r in 0..self.selected.len() {
            self.selected[r] += other.selected[r];
            self.tied[r] += other.tied[r];
            self.kept[r] += other.kept[r];
        }
        self.same_selection += other.same_selection;
        self.rounds += other.rounds;
        self.pruned += other.pruned;
        self
    }

    /// One round's landing of region `r`, against the official one.
    /// Returns whether it is selected alike.
    fn count(&mut self, r: usize, landing: Landing, official: Landing) -> bool {
        match landing.0 {
            Status::Selected => self.selected[r] += 1,
            Status::Tied => self.tied[r] += 1,
            _ => {}
        }
        self.kept[r] += u32::from(!moved(landing, official));
        same_selection(landing, official)
    }

    /// The settled regions' rounds that were not played, added at once.
    fn settle(&mut self, contest: &Contest, official: &Outcome) {
        self.settled = contest
            .settled
            .iter()
            .zip(&contest.rank_bounds)
            .map(|(s, &bounds)| s.map(|landing| (landing, bounds)))
            .collect();
        let rounds = self.pruned;
        for r in 0..self.selected.len() {
            if let Some((landing, _)) = self.settled[r] {
                match landing.0 {
                    Status::Selected => self.selected[r] += rounds,
                    Status::Tied => self.tied[r] += rounds,
                    _ => {}
                }
                if !moved(landing, official.landing(r)) {
                    self.kept[r] += rounds;
                }
            }
        }
    }

    /// The middle 90% of region `r`'s ranks over the rounds; for a settled
    /// region, the ranks it can take at all (it is not ranked again).
    pub fn rank_range(&self, r: usize) -> (u32, u32) {
        match self.settled.get(r) {
            Some(Some((_, bounds))) => *bounds,
            _ => (
                quantile(&self.ranks[r], 0.05),
                quantile(&self.ranks[r], 0.95),
            ),
        }
    }

    /// Region `r`'s mean rank over the rounds it was ranked in; `None` for
    /// a settled region (not ranked again: [`Resampled::rank_range`] gives
    /// the ranks it can take) or one never ranked.
    pub fn mean_rank(&self, r: usize) -> Option<f64> {
        if matches!(self.settled.get(r), Some(Some(_))) || self.ranks[r].is_empty() {
            return None;
        }
        let sum: u64 = self.ranks[r].iter().map(|&k| u64::from(k)).sum();
        Some(sum as f64 / self.ranks[r].len() as f64)
    }

    /// The largest standard error of a share of these rounds: selected,
    /// and kept where the official outcome has tiers or funding. (A settled
    /// region's shares are 0 or 1, without error, whether or not its rounds
    /// not played are added yet, by [`Resampled::settle`].)
    fn largest_error(&self, official: &Outcome) -> f64 {
        let regions = (0..self.selected.len())
            .filter(|&r| official.status[r] != Status::Ineligible)
            .map(|r| {
                (
                    self.selected[r],
                    has_kept(official, r).then_some(self.kept[r]),
                )
            });
        largest_standard_error(regions, self.rounds)
    }
}

/// Whether region `r`'s rounds that kept its tier and funding are told
/// apart from those that kept its side: under tiers or a budget.
pub(crate) fn has_kept(official: &Outcome, r: usize) -> bool {
    official.tier[r].is_some() || official.funded[r].is_some()
}

/// How many rounds the bootstrap plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rounds {
    Exactly(u32),
    /// From [`MIN_ROUNDS`], [`BATCH_ROUNDS`] more at a time, until every
    /// share is precise or [`MAX_ROUNDS`] are played.
    Precise,
}

/// The bootstrap over reviewers: in each round, every panel's reviewers
/// with counting marks are drawn with replacement, as many as there are,
/// and a reviewer drawn twice counts twice. Each round draws from its own
/// generator, seeded in turn from `seed`, so the rounds can run on every
/// core, in batches of any size, and still give the same numbers. Only the
/// contested regions are ranked again (see [`Contest`]).
pub(crate) fn bootstrap(
    marks: &Marks,
    official: &Outcome,
    contest: &Contest,
    rounds: Rounds,
    seed: u64,
) -> Resampled {
    bootstrap_with(marks, official, Some(contest), rounds, seed)
}

/// [`bootstrap`]; without a `contest`, every round ranks every region again.
pub(crate) fn bootstrap_with(
    marks: &Marks,
    official: &Outcome,
    contest: Option<&Contest>,
    rounds: Rounds,
    seed: u64,
) -> Resampled {
    let everyone;
    let (contest, prune) = match contest {
        Some(contest) => (contest, true),
        None => {
            everyone = Contest::none(marks);
            (&everyone, false)
        }
    };
    let player = Player {
        marks,
        official,
        contest,
        panels: Panels::new(marks),
        prune,
        blocks: Blocks::new(marks, &contest.ranked),
        columns: Columns::new(contest),
    };
    let columns = &player.columns;
    let mut seeds = SplitMix64::new(seed);
    let mut out = Resampled::new(marks.regions());
    loop {
        let batch = match rounds {
            Rounds::Exactly(n) => n.saturating_sub(out.rounds),
            Rounds::Precise if out.rounds < MIN_ROUNDS => MIN_ROUNDS - out.rounds,
            Rounds::Precise => {
                out.standard_error = out.largest_error(official);
                if precise(out.standard_error) || out.rounds >= MAX_ROUNDS {
                    out.ceiling = !precise(out.standard_error);
                    0
                } else {
                    BATCH_ROUNDS.min(MAX_ROUNDS - out.rounds)
                }
            }
        };
        if batch == 0 {
            break;
        }
        let batch: Vec<u64> = (0..batch).map(|_| seeds.next_u64()).collect();
        let mut ranks = Ranks::new(columns, batch.len());
        out = out.add(player.play(&batch, &mut ranks));
        ranks.into(columns, &mut out.ranks);
    }
    if prune {
        out.settle(contest, official);
    }
    out.standard_error = out.largest_error(official);
    for ranks in &mut out.ranks {
        ranks.sort_unstable();
    }
    out
}

/// What plays the rounds.
struct Player<'p, 'a> {
    marks: &'p Marks<'a>,
    official: &'p Outcome,
    contest: &'p Contest,
    panels: Panels,
    prune: bool,
    /// Under the mean, the ranked regions' blocks.
    blocks: Option<Blocks>,
    columns: Columns,
}

impl Player<'_, '_> {
    /// The rounds of these seeds, on every core, each writing its ranks
    /// into its row of `ranks`.
    fn play(&self, seeds: &[u64], ranks: &mut Ranks) -> Resampled {
        let marks = self.marks;
        let n = marks.regions();
        let width = ranks.width;
        // A few runs of rounds a core, each counting into its own tally:
        // what a run counts is added up whatever the runs are.
        let run = seeds
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1);
        seeds
            .par_chunks(run)
            .zip(ranks.rows.par_chunks_mut(run * width))
            .map(|(seeds, rows)| {
                let mut out = Resampled::new(n);
                let mut work = Work {
                    cells: Vec::new(),
                    buffer: Vec::new(),
                    round: Round::default(),
                    rank: RankWork::default(),
                };
                for (k, &seed) in seeds.iter().enumerate() {
                    let row = &mut rows[k * width..(k + 1) * width];
                    let (weights, complete) = self.panels.draw(marks.units.len(), seed);
                    out.rounds += 1;
                    if self.prune && complete {
                        out.pruned += 1;
                        if self.blocks.is_none() && work.cells.is_empty() {
                            work.cells = vec![None; marks.cells.len()];
                        }
                        self.contested(&mut out, row, &weights, &mut work);
                    } else {
                        self.full(&mut out, row, &weights);
                    }
                }
                out
            })
            .reduce(|| Resampled::new(n), Resampled::add)
    }

    /// A round in which every region is ranked again.
    fn full(&self, out: &mut Resampled, row: &mut [u32], weights: &[u32]) {
        let marks = self.marks;
        let aggregates = marks.aggregates(marks.rule, |_, entries, buffer| {
            fill(entries, weights, buffer);
        });
        let outcome = marks.outcome(&aggregates);
        let mut same = true;
        for r in 0..marks.regions() {
            same &= out.count(r, outcome.landing(r), self.official.landing(r));
            if let Some(column) = self.columns.of[r] {
                row[column] = outcome.rank[r];
            }
        }
        out.same_selection += u32::from(same);
    }

    /// A round in which only the contested regions, and the settled ones
    /// they may meet, are ranked again: each settled region lands where it
    /// always does (counted at the end, in [`Resampled::settle`]). Under
    /// the mean, their totals come from [`Blocks`]; else from their cells.
    fn contested(&self, out: &mut Resampled, row: &mut [u32], weights: &[u32], work: &mut Work) {
        let marks = self.marks;
        let contest = self.contest;
        let landings = match &self.blocks {
            Some(blocks) => {
                let scores = blocks.scores(marks, weights, &mut work.round);
                contest.rank(marks, &scores, &mut work.rank)
            }
            None => {
                for &r in &contest.ranked {
                    for c in 0..marks.n_criteria {
                        let k = marks.cell(r, c);
                        work.buffer.clear();
                        fill(&marks.cells[k], weights, &mut work.buffer);
                        work.cells[k] = marks.value(marks.rule, k, &work.buffer);
                    }
                }
                let sums = Sums::new(marks, &contest.ranked, &work.cells);
                let scores = CellScores {
                    sums: &sums,
                    cells: &work.cells,
                    ranked: &contest.ranked,
                    n_criteria: marks.n_criteria,
                };
                contest.rank(marks, &scores, &mut work.rank)
            }
        };
        let mut same = true;
        for &(r, landing, rank) in landings {
            same &= out.count(r, landing, self.official.landing(r));
            if let Some(column) = self.columns.of[r] {
                row[column] = rank;
            }
        }
        out.same_selection += u32::from(same);
    }
}

/// The regions whose ranks are kept, those not settled, each a column of
/// a batch's [`Ranks`].
struct Columns {
    /// Per region, its column.
    of: Vec<Option<usize>>,
    /// Per column, its region.
    regions: Vec<usize>,
}

impl Columns {
    fn new(contest: &Contest) -> Columns {
        let regions: Vec<usize> = (0..contest.settled.len())
            .filter(|&r| contest.settled[r].is_none())
            .collect();
        let mut of = vec![None; contest.settled.len()];
        for (column, &r) in regions.iter().enumerate() {
            of[r] = Some(column);
        }
        Columns { of, regions }
    }
}

/// A batch's ranks: a row per round, a column per region kept, written by
/// the rounds on every core into memory taken once.
struct Ranks {
    width: usize,
    rows: Vec<u32>,
}

impl Ranks {
    fn new(columns: &Columns, rounds: usize) -> Ranks {
        // A row of one when no region is kept, so that every round has one.
        let width = columns.regions.len().max(1);
        Ranks {
            width,
            rows: vec![0; width * rounds],
        }
    }

    /// Each region's ranks added to its own in `ranks`.
    fn into(self, columns: &Columns, ranks: &mut [Vec<u32>]) {
        let rounds = self.rows.len() / self.width;
        for (column, &r) in columns.regions.iter().enumerate() {
            let ranks = &mut ranks[r];
            ranks.reserve(rounds);
            ranks.extend((0..rounds).map(|k| self.rows[k * self.width + column]));
        }
    }
}

/// What a thread reuses from round to round.
struct Work {
    cells: Vec<Option<f64>>,
    buffer: Vec<f64>,
    round: Round,
    rank: RankWork,
}

/// The value below which `share` of the sorted `values` lie (nearest rank).
pub(crate) fn quantile(values: &[u32], share: f64) -> u32 {
    if values.is_empty() {
        return 0;
    }
    let at = ((share * values.len() as f64).ceil() as usize).clamp(1, values.len());
    values[at - 1]
}
