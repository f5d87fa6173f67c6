//! Rule 2: the marks that count, cell by cell.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::input::SheetRef;
use crate::model::{Index, Mark};

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
        starts[cell + 1] += 1;
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
