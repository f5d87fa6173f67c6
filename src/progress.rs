//! What a reviewer still owes on a panel: pure functions shared by `status`,
//! `submit` and the review TUI. The one home of what is due: a region the
//! reviewer has a conflict on, or one the committee's eligibility rule
//! excludes, owes nothing.

use crate::model::{Consensus, Index, Panel, Region, Review, Sheet};

/// Whether the review's eligibility rule admits `region` (every region when
/// the review has none). Nothing is due on a region it does not: marks
/// already given there stay in the sheet and the merge keeps them, but no
/// reviewer owes them.
pub fn eligible(review: &Review, region: &Region) -> bool {
    review.admits(region)
}

/// The regions of the review its eligibility rule excludes, in `review.ron`
/// order.
pub fn ineligible(review: &Review) -> impl Iterator<Item = &Region> {
    review.regions.iter().filter(|r| !eligible(review, r))
}

/// How far a panel's consensus has come: the (region, criterion) cells it
/// covers on eligible regions, and how many of them have a consensus mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsensusProgress {
    pub recorded: usize,
    pub due: usize,
}

impl ConsensusProgress {
    pub fn of(review: &Review, panel: &Panel, consensus: Option<&Consensus>) -> ConsensusProgress {
        let mut progress = ConsensusProgress {
            recorded: 0,
            due: 0,
        };
        for region in review.regions.iter().filter(|r| eligible(review, r)) {
            if !panel.covers_region(&region.id) {
                continue;
            }
            for (_, criterion) in panel.criteria_in(review) {
                progress.due += 1;
                if consensus.is_some_and(|c| c.mark(&region.id, &criterion.id).is_some()) {
                    progress.recorded += 1;
                }
            }
        }
        progress
    }
}

/// One (region, criterion) a reviewer's panel asks them to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell<'a> {
    pub region: &'a str,
    pub criterion: &'a str,
}

/// A reviewer's progress on one panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress<'a> {
    /// Cells to score: the panel's regions the reviewer scores (under
    /// `PerMember` their own), in `review.ron` order, except those they are
    /// conflicted on and those the eligibility rule excludes, × the panel's
    /// criteria (in rubric order).
    pub due: Vec<Cell<'a>>,
    /// How many of `due` have a mark.
    pub scored: usize,
    /// The panel's regions the eligibility rule excludes (conflicted or
    /// not), in `review.ron` order: nothing on them is due.
    pub ineligible: Vec<&'a str>,
    /// Under `PerMember`: the panel's regions not (or no longer) the
    /// reviewer's on which their sheet holds marks, in `review.ron` order;
    /// those marks stay on file and do not count.
    pub unassigned: Vec<&'a str>,
}

impl<'a> Progress<'a> {
    /// `elsewhere`: regions the reviewer declared a conflict on in their
    /// sheets of other panels (a conflict is the reviewer's, whichever sheet
    /// declares it).
    pub fn of(
        index: &Index<'a>,
        panel: usize,
        reviewer: &str,
        sheet: Option<&Sheet>,
        elsewhere: &[String],
    ) -> Progress<'a> {
        let review = index.review;
        let conflicted = |r: usize, region: &str| {
            index.conflict(reviewer, r).is_some()
                || elsewhere.iter().any(|e| e == region)
                || sheet.is_some_and(|s| s.has_conflict(region))
        };
        let mut due = Vec::new();
        let mut scored = 0;
        let mut ineligible = Vec::new();
        let mut unassigned = Vec::new();
        for (r, region) in review.regions.iter().enumerate() {
            if !index.assigns(panel, reviewer, r) {
                if index.covers_region(panel, r)
                    && sheet.is_some_and(|s| s.scores.contains_key(&region.id))
                {
                    unassigned.push(region.id.as_str());
                }
                continue;
            }
            if !eligible(review, region) {
                ineligible.push(region.id.as_str());
                continue;
            }
            if conflicted(r, &region.id) {
                continue;
            }
            for (c, (_, criterion)) in index.criteria().iter().enumerate() {
                if !index.covers_criterion(panel, c) {
                    continue;
                }
                if sheet.is_some_and(|s| s.mark(&region.id, &criterion.id).is_some()) {
                    scored += 1;
                }
                due.push(Cell {
                    region: &region.id,
                    criterion: &criterion.id,
                });
            }
        }
        Progress {
            due,
            scored,
            ineligible,
            unassigned,
        }
    }

    /// The cells still without a mark.
    pub fn missing<'s>(&'s self, sheet: Option<&'s Sheet>) -> impl Iterator<Item = Cell<'a>> + 's {
        self.due
            .iter()
            .copied()
            .filter(move |cell| sheet.is_none_or(|s| s.mark(cell.region, cell.criterion).is_none()))
    }

    pub fn complete(&self) -> bool {
        self.scored == self.due.len()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{Change, Mark};

    /// Three regions, two criteria; the rule admits regions whose
    /// "industry" figure is at least 3: `a` (3.4) and `c` (exactly 3), not
    /// `b` (2.9) nor `d` (no figure).
    const REVIEW: &str = r#"Review(id: "t", title: "T",
        categories: [Category(id: "A", title: "A", criteria: [
            Criterion(id: "x", title: "X", max: 5.0),
            Criterion(id: "y", title: "Y", max: 5.0),
        ])],
        regions: [
            Region(id: "a", name: "A", figures: {"industry": 3.4}),
            Region(id: "b", name: "B", figures: {"industry": 2.9}),
            Region(id: "c", name: "C", figures: {"industry": 3.0}),
            Region(id: "d", name: "D"),
        ],
        reviewers: [Reviewer(id: "p", name: "P", conflicts: ["c"])],
        panels: [Panel(id: "board", title: "Board", members: ["p"], criteria: ["x", "y"], regions: All)],
        committee: Committee(select: 1, eligibility: Some(AtLeast("industry", 3.0))))"#;

    fn sheet(marks: &[(&str, &str)]) -> Sheet {
        let mut sheet = Sheet::new(jiff::Timestamp::UNIX_EPOCH);
        for (region, criterion) in marks {
            Change::Cell {
                region: (*region).to_string(),
                criterion: (*criterion).to_string(),
                mark: Some(Mark {
                    points: 2.0,
                    note: String::new(),
                    preliminary: None,
                }),
            }
            .apply(&mut sheet);
        }
        sheet
    }

    #[test]
    fn an_ineligible_region_is_due_for_nobody_and_its_marks_do_not_count() {
        let review: Review = ron::from_str(REVIEW).unwrap();
        let index = Index::new(&review);
        // Marks on a (eligible) and on b (not eligible): only a's count.
        let sheet = sheet(&[("a", "x"), ("b", "x"), ("b", "y")]);
        let progress = Progress::of(&index, 0, "p", Some(&sheet), &[]);
        let due: Vec<(&str, &str)> = progress
            .due
            .iter()
            .map(|c| (c.region, c.criterion))
            .collect();
        // c is conflicted; b and d are ineligible: only a is due.
        assert_eq!(due, [("a", "x"), ("a", "y")]);
        assert_eq!(progress.scored, 1);
        assert_eq!(progress.ineligible, ["b", "d"]);
        let missing: Vec<Cell> = progress.missing(Some(&sheet)).collect();
        assert_eq!(
            missing,
            [Cell {
                region: "a",
                criterion: "y"
            }]
        );
        assert!(!progress.complete());
        let done = self::sheet(&[("a", "x"), ("a", "y")]);
        assert!(Progress::of(&index, 0, "p", Some(&done), &[]).complete());
    }

    #[test]
    fn without_a_rule_every_region_is_eligible() {
        let text = REVIEW.replace(r#", eligibility: Some(AtLeast("industry", 3.0))"#, "");
        let review: Review = ron::from_str(&text).unwrap();
        assert_eq!(ineligible(&review).count(), 0);
        let index = Index::new(&review);
        let progress = Progress::of(&index, 0, "p", None, &[]);
        assert_eq!(progress.due.len(), 3 * 2, "a, b and d; c is conflicted");
        assert!(progress.ineligible.is_empty());
        let with_rule: Review = ron::from_str(REVIEW).unwrap();
        let ids: Vec<&str> = ineligible(&with_rule).map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b", "d"]);
    }
}
