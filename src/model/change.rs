//! One change a reviewer makes to their sheet: the unit of saving, of undo,
//! and of the audit trail.

use serde::{Deserialize, Serialize};

use super::panel_file::{Mark, Sheet};

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
                    sheet
                        .scores
                        .entry(region.clone())
                        .or_default()
                        .insert(criterion.clone(), mark.clone());
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
            Change::Submitted(submitted) => sheet.submitted = *submitted,
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
                }),
            },
            Change::Cell {
                region: "r".into(),
                criterion: "c".into(),
                mark: Some(Mark {
                    points: 4.5,
                    note: String::new(),
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
            assert_eq!(undone, before, "undoing {change:?}");
        }
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
