//! Rule 2: the marks that count, cell by cell.

use std::collections::{BTreeMap, HashMap};

use super::input::SheetRef;
use crate::model::{Conflict, Index, Mark};

/// The counting marks of each (region, criterion), cell
/// `region * criteria + criterion`, each cell sorted by reviewer id: one
/// table for all cells rather than a list per cell.
pub(super) struct Cells<'s> {
    /// Where each cell's marks start in `marks`; one more for the end.
    starts: Vec<usize>,
    marks: Vec<(&'s str, &'s Mark)>,
}

impl<'s> Cells<'s> {
    pub(super) fn cell(&self, i: usize) -> &[(&'s str, &'s Mark)] {
        &self.marks[self.starts[i]..self.starts[i + 1]]
    }
}

/// Rule 2: the marks that count, cell by cell.
pub(super) fn collect_marks<'s>(
    index: &Index,
    counting: &[&SheetRef<'s>],
    warnings: &mut Vec<String>,
) -> Cells<'s> {
    let review = index.review;
    let n_criteria = index.criteria().len();
    let conflicts = conflicts(index, counting);
    let mut starts = vec![0; review.regions.len() * n_criteria + 1];
    each_counted(index, counting, &conflicts, |cell, _, _| {
        starts[cell + 1] += 1;
    });
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    static NO_MARK: Mark = Mark {
        points: 0.0,
        note: String::new(),
        preliminary: None,
    };
    let mut marks = vec![("", &NO_MARK); starts[starts.len() - 1]];
    let mut next = starts.clone();
    each_counted(index, counting, &conflicts, |cell, reviewer, mark| {
        marks[next[cell]] = (reviewer, mark);
        next[cell] += 1;
    });
    warn_left_out(index, counting, &conflicts, warnings);
    for cell in starts.windows(2) {
        marks[cell[0]..cell[1]].sort_by(|a, b| a.0.cmp(b.0));
    }
    Cells { starts, marks }
}

/// Why a reviewer's marks for a region do not count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cause<'a> {
    /// A conflict declared in `review.ron` or on one of their sheets.
    Declared,
    /// An institution of the region among the reviewer's affiliations.
    Institution(&'a str),
}

type Conflicts<'a> = HashMap<&'a str, HashMap<&'a str, Cause<'a>>>;

/// Each reviewer's conflicts: `review.ron`'s (declared and institutional)
/// and those of their counting sheets, whichever sheet declares them.
fn conflicts<'a>(index: &Index<'a>, counting: &[&SheetRef<'a>]) -> Conflicts<'a> {
    let review = index.review;
    let mut conflicts: Conflicts<'a> = HashMap::new();
    for reviewer in &review.reviewers {
        let own = conflicts.entry(&reviewer.id).or_default();
        for &(r, conflict) in index.conflicts_of(&reviewer.id) {
            let cause = match conflict {
                Conflict::Declared => Cause::Declared,
                Conflict::Institution(name) => Cause::Institution(name),
            };
            own.insert(&review.regions[r].id, cause);
        }
    }
    for input in counting {
        let own = conflicts.entry(input.reviewer).or_default();
        for region in &input.sheet.conflicts {
            own.insert(region, Cause::Declared);
        }
    }
    conflicts
}

/// The warnings of marks left out: a conflicted reviewer's, with the cause,
/// and under `PerMember` a member's marks on a region not (or no longer)
/// theirs.
fn warn_left_out(
    index: &Index,
    counting: &[&SheetRef],
    conflicts: &Conflicts,
    warnings: &mut Vec<String>,
) {
    let mut left_out: BTreeMap<(&str, &str), (usize, Cause)> = BTreeMap::new();
    let mut unassigned: BTreeMap<(&str, &str, &str), usize> = BTreeMap::new();
    for input in counting {
        let conflicted = conflicts.get(input.reviewer);
        let per_member = index
            .panel_index(input.panel)
            .filter(|&p| index.is_per_member(p));
        for (region, marks) in input.sheet.scores.iter() {
            let Some(r) = index.region_index(region) else {
                continue;
            };
            if let Some(&cause) = conflicted.and_then(|c| c.get(region.as_str())) {
                left_out
                    .entry((input.reviewer, region.as_str()))
                    .or_insert((0, cause))
                    .0 += marks.len();
            } else if let Some(p) = per_member
                && !index.assigns(p, input.reviewer, r)
            {
                *unassigned
                    .entry((input.reviewer, input.panel, region.as_str()))
                    .or_default() += marks.len();
            }
        }
    }
    for ((reviewer, region), (count, cause)) in left_out {
        warnings.push(match cause {
            Cause::Declared => crate::t!(
                "merge-conflict-left-out",
                count = count,
                reviewer = reviewer,
                region = region
            ),
            Cause::Institution(institution) => crate::t!(
                "merge-institution-left-out",
                count = count,
                reviewer = reviewer,
                region = region,
                institution = institution
            ),
        });
    }
    for ((reviewer, panel, region), count) in unassigned {
        warnings.push(crate::t!(
            "merge-unassigned-left-out",
            count = count,
            reviewer = reviewer,
            panel = panel,
            region = region
        ));
    }
}

/// Calls `each` with every mark of the counting sheets that counts (its
/// reviewer has no conflict on its region and, under `PerMember`, the
/// region is theirs), with its cell.
fn each_counted<'s>(
    index: &Index,
    counting: &[&SheetRef<'s>],
    conflicts: &Conflicts,
    mut each: impl FnMut(usize, &'s str, &'s Mark),
) {
    let n_criteria = index.criteria().len();
    for input in counting {
        let conflicted = conflicts.get(input.reviewer).filter(|c| !c.is_empty());
        let per_member = index
            .panel_index(input.panel)
            .filter(|&p| index.is_per_member(p));
        for (region, marks) in input.sheet.scores.iter() {
            let Some(r) = index.region_index(region) else {
                continue;
            };
            if conflicted.is_some_and(|c| c.contains_key(region.as_str())) {
                continue;
            }
            if per_member.is_some_and(|p| !index.assigns(p, input.reviewer, r)) {
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
