//! The panel's discussion (`Panel(reveal: AfterSubmit)`, SPEC *Discussion
//! and consensus*): once a reviewer's sheet has been submitted, the other
//! members' marks and notes on the regions the reviewer scored and is not
//! conflicted on. This is what may be shown, from the panel file as last
//! read; the shell reads it (see [`super::Store`]), the app decides where.

use crate::model::{self, Mark, Panel, Reveal, Review, Sheet, UniqueMap};

/// Another member of the panel, as the discussion names them.
#[derive(Debug, Clone)]
struct Member {
    id: String,
    name: String,
    /// The regions on which their marks count: assigned to them, and no
    /// conflict of theirs in `review.ron` (declared or an institution).
    regions: Vec<String>,
}

/// The other members' sheets, for a panel that reveals them.
#[derive(Debug, Clone)]
pub struct Discussion {
    /// In the panel's order of members, the viewer left out.
    members: Vec<Member>,
    /// The panel file's sheets when last read; `None` before the first read.
    sheets: Option<UniqueMap<Sheet>>,
    /// Why the panel file could not be read the last time.
    pub problem: Option<String>,
}

/// One other member on one cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OtherMark<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// Their sheet is submitted: a draft's marks may still change.
    pub submitted: bool,
    /// `None`: no mark of theirs on the cell (yet).
    pub mark: Option<&'a Mark>,
}

impl Discussion {
    /// The discussion `viewer` joins on `panel`, when the panel reveals
    /// marks. `review` names the members as the terminal can show them.
    pub fn of(review: &Review, panel: &Panel, viewer: &str) -> Option<Discussion> {
        if panel.reveal != Reveal::AfterSubmit {
            return None;
        }
        let members = panel
            .members
            .iter()
            .filter(|id| id.as_str() != viewer)
            .filter_map(|id| review.reviewer(id))
            .map(|reviewer| Member {
                id: reviewer.id.clone(),
                name: reviewer.name.clone(),
                regions: review
                    .regions
                    .iter()
                    .filter(|r| {
                        panel.assigns(&reviewer.id, &r.id) && model::conflict(reviewer, r).is_none()
                    })
                    .map(|r| r.id.clone())
                    .collect(),
            })
            .collect();
        Some(Discussion {
            members,
            sheets: None,
            problem: None,
        })
    }

    /// Takes the panel file's sheets as just read, or why they could not be
    /// (the sheets read before stay).
    pub fn take(&mut self, read: Result<UniqueMap<Sheet>, String>) {
        match read {
            Ok(sheets) => {
                self.sheets = Some(sheets);
                self.problem = None;
            }
            Err(reason) => self.problem = Some(reason),
        }
    }

    /// Whether the panel file has been read at least once.
    pub fn read(&self) -> bool {
        self.sheets.is_some()
    }

    /// The other members on (region, criterion), in the panel's order:
    /// those whose marks on the region count, without a conflict declared
    /// on their sheet, with their mark if they gave one.
    pub fn marks(&self, region: &str, criterion: &str) -> Vec<OtherMark<'_>> {
        let Some(sheets) = &self.sheets else {
            return Vec::new();
        };
        self.members
            .iter()
            .filter(|m| m.regions.iter().any(|r| r == region))
            .filter_map(|m| {
                let sheet = sheets.get(&m.id);
                if sheet.is_some_and(|s| s.has_conflict(region)) {
                    return None;
                }
                Some(OtherMark {
                    id: &m.id,
                    name: &m.name,
                    submitted: sheet.is_some_and(|s| s.submitted),
                    mark: sheet.and_then(|s| s.mark(region, criterion)),
                })
            })
            .collect()
    }
}

/// The mean and the range of the marks given among `others`, when any.
pub fn spread(others: &[OtherMark<'_>]) -> Option<(f64, f64, f64)> {
    let points: Vec<f64> = others
        .iter()
        .filter_map(|o| o.mark.map(|m| m.points))
        .collect();
    let low = points.iter().copied().reduce(f64::min)?;
    let high = points.iter().copied().reduce(f64::max)?;
    Some((points.iter().sum::<f64>() / points.len() as f64, low, high))
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::{Change, Region, Regions, Reviewer};

    fn review() -> Review {
        let reviewer = |id: &str| Reviewer {
            id: id.into(),
            name: format!("Name {id}"),
            ..Reviewer::default()
        };
        let mut review: Review = ron::from_str(
            r#"Review(id: "t", title: "T",
                categories: [Category(id: "1", title: "C", criteria: [Criterion(id: "a", title: "A", max: 5.0)])],
                regions: [], reviewers: [],
                panels: [],
                committee: Committee(select: 1))"#,
        )
        .expect("a review");
        review.regions = ["x", "y"]
            .map(|id| Region {
                id: id.into(),
                name: id.into(),
                ..Region::default()
            })
            .to_vec();
        review.reviewers = vec![reviewer("me"), reviewer("b"), reviewer("c")];
        review.reviewers[2].conflicts = vec!["y".into()];
        review
    }

    fn panel(reveal: Reveal) -> Panel {
        Panel {
            id: "p".into(),
            title: "P".into(),
            members: vec!["me".into(), "b".into(), "c".into()],
            criteria: vec!["a".into()],
            regions: Regions::All,
            reveal,
            rapporteur: None,
        }
    }

    fn marked(points: f64, submitted: bool) -> Sheet {
        let mut sheet = Sheet::new(jiff::Timestamp::UNIX_EPOCH);
        for region in ["x", "y"] {
            Change::Cell {
                region: region.into(),
                criterion: "a".into(),
                mark: Some(Mark::new(points, "why")),
            }
            .apply(&mut sheet);
        }
        sheet.submitted = submitted;
        sheet
    }

    #[test]
    fn a_panel_that_never_reveals_has_no_discussion() {
        assert!(Discussion::of(&review(), &panel(Reveal::Never), "me").is_none());
    }

    #[test]
    fn the_others_marks_leave_out_the_viewer_and_whoever_is_conflicted() {
        let review = review();
        let mut d = Discussion::of(&review, &panel(Reveal::AfterSubmit), "me").expect("reveals");
        assert!(
            d.marks("x", "a").is_empty(),
            "nothing before the file is read"
        );
        let mut sheets = UniqueMap::default();
        sheets.insert("me".to_string(), marked(1.0, true));
        sheets.insert("b".to_string(), marked(4.0, false));
        sheets.insert("c".to_string(), marked(2.0, true));
        d.take(Ok(sheets.clone()));
        let on_x: Vec<(&str, bool, Option<f64>)> = d
            .marks("x", "a")
            .iter()
            .map(|o| (o.id, o.submitted, o.mark.map(|m| m.points)))
            .collect();
        assert_eq!(on_x, [("b", false, Some(4.0)), ("c", true, Some(2.0))]);
        // c is conflicted on y in review.ron: left out.
        let on_y: Vec<&str> = d.marks("y", "a").iter().map(|o| o.id).collect();
        assert_eq!(on_y, ["b"]);
        // b declares a conflict on x on their sheet: left out too.
        if let Some(b) = sheets.get_mut("b") {
            b.conflicts.push("x".into());
        }
        d.take(Ok(sheets));
        let on_x: Vec<&str> = d.marks("x", "a").iter().map(|o| o.id).collect();
        assert_eq!(on_x, ["c"]);
        assert_eq!(spread(&d.marks("x", "a")), Some((2.0, 2.0, 2.0)));
        // A failed read keeps what was read and says why.
        d.take(Err("damaged".into()));
        assert_eq!(d.problem.as_deref(), Some("damaged"));
        assert_eq!(d.marks("x", "a").len(), 1);
    }
}
