//! Moving through the panel's cells: criterion by criterion past the
//! regions the writer may not record, region by region, to the next cell
//! without a consensus mark; the summary's cursor and the members' notes.

use super::app::App;
use super::edit::PAGE;
use super::keys::{Action, Mode};
use crate::t;
use crate::tui::review::parts::{Pos, Tone};

impl App {
    pub(super) fn summary_action(&mut self, action: Action) {
        let (rows, cols) = (self.regions.len(), self.criteria.len());
        let s = &mut self.summary;
        match action {
            Action::NextRegion if s.region + 1 < rows => s.region += 1,
            Action::PrevRegion => s.region = s.region.saturating_sub(1),
            Action::NextCriterion if s.criterion + 1 < cols => s.criterion += 1,
            Action::PrevCriterion => s.criterion = s.criterion.saturating_sub(1),
            Action::NextMissing => {
                if let Some(pos) = self.next_missing(self.summary) {
                    self.summary = pos;
                }
            }
            Action::Confirm => {
                self.go(self.summary);
                self.mode = Mode::Cell;
            }
            Action::Back => self.mode = Mode::Cell,
            Action::Help => self.show_help(),
            _ => {}
        }
    }

    /// The members' marks and notes in full scroll member by member.
    pub(super) fn members_action(&mut self, action: Action) {
        let last = self.member_marks(self.pos).len().saturating_sub(1);
        let at = &mut self.notes_scroll;
        match action {
            Action::ScrollUp => *at = at.saturating_sub(1),
            Action::ScrollDown => *at = (*at + 1).min(last),
            Action::PageUp => *at = at.saturating_sub(PAGE),
            Action::PageDown => *at = (*at + PAGE).min(last),
            Action::Back => self.mode = Mode::Cell,
            _ => {}
        }
    }

    /// Moves to `pos`; a typed mark not confirmed is dropped, with a word.
    pub(super) fn go(&mut self, pos: Pos) {
        if pos == self.pos {
            return;
        }
        if let (Some(input), Some(c)) = (self.input.take(), self.criterion()) {
            let id = c.id.clone();
            self.say(
                Tone::Bad,
                &t!("msg-typed-dropped", input = input, criterion = id),
            );
        } else if self
            .message
            .as_ref()
            .is_some_and(|m| m.tone != Tone::Bad || self.pending.is_empty())
        {
            self.message = None;
        }
        self.pos = pos;
    }

    fn cells(&self) -> usize {
        self.regions.len() * self.criteria.len()
    }

    fn pos_of(&self, n: usize) -> Pos {
        let cols = self.criteria.len().max(1);
        Pos {
            region: n / cols,
            criterion: n % cols,
        }
    }

    fn number(&self, pos: Pos) -> usize {
        pos.region * self.criteria.len() + pos.criterion
    }

    /// The next (or previous) criterion, across regions, past the regions
    /// the writer may not record; stays put at the ends.
    pub(super) fn neighbour(&self, direction: isize) -> Pos {
        let mut n = self.number(self.pos) as isize;
        loop {
            n += direction;
            if n < 0 || n as usize >= self.cells() {
                return self.pos;
            }
            let pos = self.pos_of(n as usize);
            if !self.barred(pos.region) {
                return pos;
            }
        }
    }

    /// The same criterion in the next (or previous) region, wrapping
    /// around. A barred region is visited too: it says why it is barred.
    pub(super) fn other_region(&self, direction: isize) -> Pos {
        let rows = self.regions.len() as isize;
        if rows == 0 {
            return self.pos;
        }
        let r = (self.pos.region as isize + direction).rem_euclid(rows) as usize;
        Pos {
            region: r,
            criterion: self.pos.criterion,
        }
    }

    /// The first cell after `from` without a consensus mark that the
    /// writer may record, wrapping around.
    pub(super) fn next_missing(&self, from: Pos) -> Option<Pos> {
        let total = self.cells();
        let start = self.number(from);
        (1..=total)
            .map(|k| self.pos_of((start + k) % total))
            .find(|&pos| !self.barred(pos.region) && self.mark_at(pos).is_none())
    }

    pub(super) fn first_missing(&self) -> Option<Pos> {
        let last = self.pos_of(self.cells().saturating_sub(1));
        (self.cells() > 0)
            .then(|| self.next_missing(last))
            .flatten()
    }

    pub(super) fn first_open_cell(&self) -> Pos {
        (0..self.regions.len())
            .find(|&r| !self.barred(r))
            .map(|region| Pos {
                region,
                criterion: 0,
            })
            .unwrap_or_default()
    }
}
