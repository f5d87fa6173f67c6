//! What the reviewer's screen is made of: the regions and criteria as it
//! shows them, a cell's position, messages and questions, and what comes
//! into `update`.

use ratatui::crossterm::event::KeyEvent;

use crate::model::{Panel, Review, Sheet, UniqueMap};
use crate::store::Saved;
use crate::t;

/// A region the reviewer scores, as the screen shows it.
#[derive(Debug, Clone)]
pub struct RegionView {
    pub id: String,
    pub name: String,
    pub fields: Vec<String>,
    pub summary: String,
    /// Recorded in `review.ron` by the chair (declared, or an institution
    /// the reviewer is affiliated with): the reviewer can't withdraw it.
    pub chair_conflict: Option<ChairConflict>,
    /// Declared in the reviewer's sheet of another panel (that panel's id):
    /// withdrawn there, not here.
    pub conflict_elsewhere: Option<String>,
    /// Admitted by the committee's eligibility rule ([`crate::progress::eligible`]):
    /// when not, the region is shown but none of its marks are due.
    pub eligible: bool,
}

/// Why `review.ron` conflicts the reviewer on a region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChairConflict {
    /// In the reviewer's `conflicts`.
    Declared,
    /// One of the region's institutions is among the reviewer's affiliations.
    Institution(String),
}

/// A criterion the reviewer scores, with where it stands in the rubric.
#[derive(Debug, Clone)]
pub struct CriterionView {
    pub id: String,
    pub title: String,
    pub guidance: String,
    pub max: f64,
    pub step: f64,
    pub category_id: String,
    pub category_title: String,
    /// 1-based position of the criterion within its category, and the category's size.
    pub in_category: (usize, usize),
    /// The ids of the categories from the top of the rubric down to the
    /// criterion's own (one id in a flat rubric).
    pub place: Vec<String>,
}

impl CriterionView {
    /// The criterion's place in the rubric: the ids from the top category
    /// down to the criterion, joined by `separator`.
    pub fn path(&self, separator: &str) -> String {
        let ids: Vec<&str> = self
            .place
            .iter()
            .map(String::as_str)
            .chain([self.id.as_str()])
            .collect();
        ids.join(separator)
    }

    /// The criterion's category's depth: 0 at the top of the rubric.
    pub fn depth(&self) -> usize {
        self.place.len().saturating_sub(1)
    }

    /// The criterion's category in words, and the criterion's place in it.
    pub fn category_line(&self) -> String {
        let (position, count) = self.in_category;
        let (id, title) = (&self.category_id, &self.category_title);
        match self.depth() {
            0 => t!(
                "criterion-category",
                id = id,
                title = title,
                position = position,
                count = count
            ),
            depth => t!(
                "criterion-subcategory",
                depth = depth,
                id = id,
                title = title,
                position = position,
                count = count
            ),
        }
    }

    /// The panel's criteria in depth-first rubric order, each with where it
    /// stands in the rubric.
    pub fn of_panel(review: &Review, panel: Option<&Panel>) -> Vec<CriterionView> {
        let placed = review.all_categories();
        let mut places: Vec<Vec<String>> = Vec::with_capacity(placed.len());
        let mut views = Vec::new();
        for p in &placed {
            let mut place = p.parent.map_or_else(Vec::new, |i| places[i].clone());
            place.push(p.category.id.clone());
            let size = p.category.criteria.len();
            for (i, c) in p.category.criteria.iter().enumerate() {
                if !panel.is_some_and(|panel| panel.covers_criterion(&c.id)) {
                    continue;
                }
                views.push(CriterionView {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    guidance: c.guidance.clone(),
                    max: c.max,
                    step: c.step,
                    category_id: p.category.id.clone(),
                    category_title: p.category.title.clone(),
                    in_category: (i + 1, size),
                    place: place.clone(),
                });
            }
            places.push(place);
        }
        views
    }
}

/// A cell of the sheet: indexes into [`App::regions`] and [`App::criteria`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub region: usize,
    pub criterion: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Good,
    Bad,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
}

/// A yes/no question on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Submit, listing what is still unscored: (region name, criterion ids).
    Submit {
        missing: Vec<(String, Vec<String>)>,
    },
    Reopen,
    DeclareConflict {
        region: usize,
        marks: usize,
    },
    WithdrawConflict {
        region: usize,
    },
    /// Quit although something is not saved.
    Quit {
        unsaved: Vec<String>,
    },
    /// Quit although the sheet, submitted when the session began, is a
    /// draft now and its marks would not count: what is still unscored
    /// (marks) and what quitting would lose.
    LeaveDraft {
        missing: usize,
        unsaved: Vec<String>,
    },
}

/// What comes into `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The outcome of saving the first pending change.
    Saved(Result<Saved, String>),
    /// The panel file as read again for the discussion (it changed, or the
    /// reviewer's sheet was just submitted), or why it could not be read.
    Panel(Result<PanelRead, String>),
}

/// What the discussion needs of the panel file and the reviewer's other
/// sheets, read by the shell once the reviewer may see the others' marks.
#[derive(Debug, Clone, Default)]
pub struct PanelRead {
    /// Every sheet of the panel file, by reviewer id.
    pub sheets: UniqueMap<Sheet>,
    /// (region, panel) conflicts the reviewer declared in their sheets of
    /// other panels, as they are now.
    pub elsewhere: Vec<(String, String)>,
}
