//! One change a reviewer makes to their sheet: the unit of saving, of undo,
//! and of the audit trail.

use serde::{Deserialize, Serialize};

use super::panel_file::{Consensus, Mark, Sheet};
use super::review::same_points;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// Sets (or with `None` removes) the mark, note included, of one cell.
    Cell {
        region: String,
        criterion: String,
        mark: Option<Mark>,
    },
    /// Declares (`true`) or withdraws a conflict of interest on a region.
    Conflict { region: String, declared: bool },
    /// Submits (`true`) or reopens the sheet.
    Submitted(bool),
}

/// One change to a panel's consensus: sets (or with `None` removes) the
/// agreed mark, comment included, of one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsensusChange {
    pub region: String,
    pub criterion: String,
    pub mark: Option<Mark>,
}

impl ConsensusChange {
    pub fn apply(&self, consensus: &mut Consensus) {
        consensus.set(&self.region, &self.criterion, self.mark.clone());
    }

    /// The change that undoes this one on `consensus` (as it was before).
    pub fn inverse(&self, consensus: Option<&Consensus>) -> ConsensusChange {
        ConsensusChange {
            mark: consensus
                .and_then(|c| c.mark(&self.region, &self.criterion))
                .cloned(),
            ..self.clone()
        }
    }
}

/// The preliminary points of `new`, replacing `old` on a sheet that has
/// been submitted: the points the cell had at the first submission (kept
/// through every later change), unless `new` brings them back. A mark
/// first given after the submission has none.
fn preliminary(old: Option<&Mark>, new: &Mark) -> Option<f64> {
    let first = old.map(|old| old.preliminary.unwrap_or(old.points))?;
    (!same_points(first, new.points)).then_some(first)
}

impl Change {
    /// Applies the change to a sheet.
    pub fn apply(&self, sheet: &mut Sheet) {
        match self {
            Change::Cell {
                region,
                criterion,
                mark,
            } => match mark {
                Some(mark) => {
                    let mut mark = mark.clone();
                    if sheet.revising() {
                        mark.preliminary = preliminary(sheet.mark(region, criterion), &mark);
                    }
                    sheet
                        .scores
                        .entry(region.clone())
                        .or_default()
                        .insert(criterion.clone(), mark);
                }
                None => {
                    if let Some(marks) = sheet.scores.get_mut(region) {
                        marks.remove(criterion);
                        if marks.is_empty() {
                            sheet.scores.remove(region);
                        }
                    }
                }
            },
            Change::Conflict { region, declared } => {
                sheet.conflicts.retain(|r| r != region);
                if *declared {
                    sheet.conflicts.push(region.clone());
                }
            }
            Change::Submitted(submitted) => {
                // Reopened: the sheet remembers it was submitted (a submitted
                // sheet says so already).
                sheet.was_submitted |= sheet.submitted && !*submitted;
                sheet.submitted = *submitted;
            }
        }
    }

    /// The change that undoes this one on `sheet` (the sheet before it).
    pub fn inverse(&self, sheet: &Sheet) -> Change {
        match self {
            Change::Cell {
                region, criterion, ..
            } => Change::Cell {
                region: region.clone(),
                criterion: criterion.clone(),
                mark: sheet.mark(region, criterion).cloned(),
            },
            Change::Conflict { region, .. } => Change::Conflict {
                region: region.clone(),
                declared: sheet.has_conflict(region),
            },
            Change::Submitted(_) => Change::Submitted(sheet.submitted),
        }
    }

    /// Whether applying the change to `sheet` would change nothing.
    pub fn is_noop(&self, sheet: &Sheet) -> bool {
        let mut after = sheet.clone();
        self.apply(&mut after);
        after == *sheet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        Sheet::new(jiff::Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn inverse_restores_the_sheet() {
        let mut s = sheet();
        let changes = [
            Change::Cell {
                region: "r".into(),
                criterion: "c".into(),
                mark: Some(Mark {
                    points: 3.0,
                    note: "n".into(),
                    preliminary: None,
                }),
            },
            Change::Cell {
                region: "r".into(),
                criterion: "c".into(),
                mark: Some(Mark {
                    points: 4.5,
                    note: String::new(),
                    preliminary: None,
                }),
            },
            Change::Conflict {
                region: "r".into(),
                declared: true,
            },
            Change::Cell {
                region: "r".into(),
                criterion: "c".into(),
                mark: None,
            },
            Change::Submitted(true),
        ];
        for change in changes {
            let before = s.clone();
            let inverse = change.inverse(&s);
            change.apply(&mut s);
            let mut undone = s.clone();
            inverse.apply(&mut undone);
            // A submission, even undone, leaves the sheet once submitted.
            undone.was_submitted = before.was_submitted;
            assert_eq!(undone, before, "undoing {change:?}");
        }
        assert!(s.revising());
    }

    fn set(s: &mut Sheet, criterion: &str, points: f64) {
        Change::Cell {
            region: "r".into(),
            criterion: criterion.into(),
            mark: Some(Mark::new(points, "")),
        }
        .apply(s);
    }

    #[test]
    fn a_mark_changed_after_the_first_submission_keeps_its_preliminary_points() {
        let mut s = sheet();
        set(&mut s, "a", 3.0);
        set(&mut s, "a", 3.5);
        assert_eq!(
            s.mark("r", "a").map(|m| m.preliminary),
            Some(None),
            "a draft"
        );
        Change::Submitted(true).apply(&mut s);
        Change::Submitted(false).apply(&mut s);
        assert!(s.revising(), "reopened, still once submitted");
        set(&mut s, "a", 4.0);
        set(&mut s, "a", 5.0);
        let mark = s.mark("r", "a").cloned();
        assert_eq!(
            mark.map(|m| (m.points, m.preliminary)),
            Some((5.0, Some(3.5)))
        );
        // Back to the submitted value: not revised any more.
        set(&mut s, "a", 3.5);
        assert_eq!(s.mark("r", "a").map(|m| m.preliminary), Some(None));
        // A mark first given after the submission has no preliminary value.
        set(&mut s, "b", 2.0);
        assert_eq!(s.mark("r", "b").map(|m| m.preliminary), Some(None));
        // Undoing a revision restores the mark exactly.
        let mut before = s.clone();
        set(&mut before, "a", 1.0);
        let undo = Change::Cell {
            region: "r".into(),
            criterion: "a".into(),
            mark: Some(Mark::new(4.0, "")),
        };
        let inverse = undo.inverse(&before);
        let mut after = before.clone();
        undo.apply(&mut after);
        inverse.apply(&mut after);
        assert_eq!(after, before);
    }

    #[test]
    fn a_sheet_loaded_as_submitted_revises_without_the_flag() {
        let mut s = sheet();
        set(&mut s, "a", 2.0);
        s.submitted = true;
        set(&mut s, "a", 1.0);
        assert_eq!(s.mark("r", "a").and_then(|m| m.preliminary), Some(2.0));
    }

    #[test]
    fn removing_the_last_mark_of_a_region_drops_the_region() {
        let mut s = sheet();
        let set = Change::Cell {
            region: "r".into(),
            criterion: "c".into(),
            mark: Some(Mark {
                points: 1.0,
                note: String::new(),
                preliminary: None,
            }),
        };
        set.apply(&mut s);
        Change::Cell {
            region: "r".into(),
            criterion: "c".into(),
            mark: None,
        }
        .apply(&mut s);
        assert!(s.scores.is_empty());
    }
}
