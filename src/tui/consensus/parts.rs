//! What the consensus screen is made of: the regions and members as it
//! shows them, one member's mark on a cell, the members' marks in numbers,
//! and what comes into `update`.

use ratatui::crossterm::event::KeyEvent;

use crate::merge::{disagreement_limit, disagrees};
use crate::model::{Mark, Sheet};
use crate::store::SavedConsensus;

/// A region whose consensus the panel records, as the screen shows it.
#[derive(Debug, Clone)]
pub struct RegionView {
    pub id: String,
    pub name: String,
    pub fields: Vec<String>,
    /// Why the writer may not record this region's consensus (a conflict
    /// of interest as *Assignment* counts them), in words.
    pub barred: Option<String>,
}

/// Where a member stands on a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    /// They score it.
    Scores,
    /// A conflict of interest (`review.ron`, an affiliation or their
    /// sheet): their marks don't count.
    Conflict,
    /// Under `PerMember`, not one of their regions: not shown.
    Elsewhere,
}

/// A member of the panel with their sheet as the panel file held it when
/// the screen opened.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub sheet: Option<Sheet>,
    /// Per region of the screen (in its order).
    pub seats: Vec<Seat>,
}

/// Why a member has no mark to show on a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    NoSheet,
    NotMarked,
    Conflict,
}

/// One member's row on a cell.
#[derive(Debug, Clone, Copy)]
pub struct MemberMark<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub mark: Option<&'a Mark>,
    /// Their sheet is not submitted.
    pub draft: bool,
    pub absent: Option<Absent>,
}

/// The members' marks on a cell in numbers: how many (and how many in
/// drafts), their mean, the lowest and the highest, and whether they
/// disagree by the committee's rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub count: usize,
    pub drafts: usize,
    pub mean: f64,
    pub low: f64,
    pub high: f64,
    /// The spread above which the committee flags a disagreement.
    pub limit: f64,
    pub disagrees: bool,
}

impl Spread {
    /// Of `rows`' marks, with the committee's `disagreement` ratio and the
    /// criterion's maximum; `None` without any mark.
    pub fn of(rows: &[MemberMark], ratio: f64, max: f64) -> Option<Spread> {
        let marks: Vec<f64> = rows
            .iter()
            .filter_map(|r| r.mark)
            .map(|m| m.points)
            .collect();
        let count = marks.len();
        if count == 0 {
            return None;
        }
        let low = marks.iter().copied().fold(f64::INFINITY, f64::min);
        let high = marks.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let limit = disagreement_limit(ratio, max);
        Some(Spread {
            count,
            drafts: rows.iter().filter(|r| r.mark.is_some() && r.draft).count(),
            mean: marks.iter().sum::<f64>() / count as f64,
            low,
            high,
            limit,
            disagrees: count >= 2 && disagrees(low, high, limit),
        })
    }
}

/// What comes into `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The outcome of saving the first pending change.
    Saved(Result<SavedConsensus, String>),
}
