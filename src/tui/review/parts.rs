//! What the reviewer's screen is made of: the regions and criteria as it
//! shows them, a cell's position, messages and questions, and what comes
//! into `update`.

use ratatui::crossterm::event::KeyEvent;

use crate::store::Saved;

/// A region the reviewer scores, as the screen shows it.
#[derive(Debug, Clone)]
pub struct RegionView {
    pub id: String,
    pub name: String,
    pub fields: Vec<String>,
    pub summary: String,
    /// Declared in `review.ron` by the chair: the reviewer can't withdraw it.
    pub chair_conflict: bool,
    /// Declared in the reviewer's sheet of another panel (that panel's id):
    /// withdrawn there, not here.
    pub conflict_elsewhere: Option<String>,
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
}

/// What comes into `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The outcome of saving the first pending change.
    Saved(Result<Saved, String>),
}
