//! The marks view's rows: every member of a panel that covers a cell,
//! with their counting mark and note, or why they have none.

use super::app::App;

/// One row of the marks view: a reviewer whose panel covers the cell.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkRow {
    pub reviewer: String,
    pub name: String,
    pub panel: String,
    /// The counting mark, if any.
    pub points: Option<f64>,
    pub note: String,
    /// The mark's points at its sheet's first submission, when revised since.
    pub preliminary: Option<f64>,
    /// Why there is no counting mark.
    pub absent: Option<Absent>,
}

/// Why a member of a panel that covers a cell has no counting mark for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absent {
    /// A conflict of interest on the region (declared in review.ron or a
    /// sheet).
    Conflict,
    /// The region names an institution the member is affiliated with.
    Institution(String),
    /// The member has no sheet for the panel.
    NoSheet,
    /// Their sheet is a draft, left out (`d` counts drafts).
    Draft,
    /// Their sheet does not count (an older copy of a submitted one).
    SheetNotCounted,
    /// Their counting sheet has no mark for the cell.
    NotMarked,
}

impl App {
    /// Every reviewer whose panel covers (region, criterion): those with a
    /// counting mark first, highest mark first, then those without one and why.
    pub fn mark_rows(&self, region: usize, criterion: usize) -> Vec<MarkRow> {
        let review = &self.data.review;
        let (Some(region_def), Some((_, criterion_def))) =
            (review.regions.get(region), review.criteria().nth(criterion))
        else {
            return Vec::new();
        };
        if !self.marks_shown() {
            return Vec::new();
        }
        let counted = self.criterion_result(region, criterion);
        let mut rows: Vec<MarkRow> = Vec::new();
        for panel in review
            .panels
            .iter()
            .filter(|p| p.covers_region(&region_def.id) && p.covers_criterion(&criterion_def.id))
        {
            let assigned = panel
                .members
                .iter()
                .filter(|m| panel.assigns(m, &region_def.id));
            for member in assigned {
                let score = counted.and_then(|c| c.scores.iter().find(|s| &s.reviewer == member));
                let absent = match score {
                    Some(_) => None,
                    None => Some(self.why_absent(&panel.id, member, &region_def.id)),
                };
                rows.push(MarkRow {
                    reviewer: member.clone(),
                    name: review
                        .reviewer(member)
                        .map_or_else(String::new, |r| r.name.clone()),
                    panel: panel.id.clone(),
                    points: score.map(|s| s.points),
                    note: score.map_or_else(String::new, |s| s.note.clone()),
                    preliminary: score.and_then(|s| s.preliminary),
                    absent,
                });
            }
        }
        rows.sort_by(|a, b| {
            b.points
                .is_some()
                .cmp(&a.points.is_some())
                .then(b.points.unwrap_or(0.0).total_cmp(&a.points.unwrap_or(0.0)))
                .then(a.reviewer.cmp(&b.reviewer))
        });
        rows
    }

    fn why_absent(&self, panel: &str, reviewer: &str, region: &str) -> Absent {
        match self
            .data
            .conflicts
            .get(&(reviewer.to_string(), region.to_string()))
        {
            Some(None) => return Absent::Conflict,
            Some(Some(institution)) => return Absent::Institution(institution.clone()),
            None => {}
        }
        let sheet = self
            .results()
            .sheets
            .iter()
            .filter(|s| s.panel == panel && s.reviewer == reviewer)
            .find(|s| s.counted)
            .or_else(|| {
                self.results()
                    .sheets
                    .iter()
                    .find(|s| s.panel == panel && s.reviewer == reviewer)
            });
        match sheet {
            None => Absent::NoSheet,
            Some(s) if !s.counted && !s.submitted => Absent::Draft,
            Some(s) if !s.counted => Absent::SheetNotCounted,
            Some(_) => Absent::NotMarked,
        }
    }
}
