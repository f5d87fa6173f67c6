//! Moving through the sheet: cells in order, regions, the next unscored
//! cell, and the sheet summary's cursor.

use super::app::App;
use super::keys::{Action, Mode};
use super::parts::{Pos, Tone};
use crate::t;

impl App {
    pub(super) fn summary_action(&mut self, action: Action) {
        let (rows, cols) = (self.regions.len(), self.criteria.len());
        let s = &mut self.summary;
        match action {
            Action::NextRegion if s.region + 1 < rows => s.region += 1,
            Action::PrevRegion => s.region = s.region.saturating_sub(1),
            Action::NextCriterion if s.criterion + 1 < cols => s.criterion += 1,
            Action::PrevCriterion => s.criterion = s.criterion.saturating_sub(1),
            Action::NextUnscored => {
                if let Some(pos) = self.next_unscored(self.summary) {
                    self.summary = pos;
                }
            }
            Action::Confirm => {
                self.go(self.summary);
                self.mode = Mode::Score;
            }
            Action::Back => self.mode = Mode::Score,
            Action::Others => self.open_others(self.summary),
            Action::Help => self.show_help(),
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

    pub(super) fn cells(&self) -> usize {
        self.regions.len() * self.criteria.len()
    }

    pub(super) fn pos_of(&self, n: usize) -> Pos {
        let cols = self.criteria.len().max(1);
        Pos {
            region: n / cols,
            criterion: n % cols,
        }
    }

    pub(super) fn number(&self, pos: Pos) -> usize {
        pos.region * self.criteria.len() + pos.criterion
    }

    /// The next (or previous) criterion, across regions, skipping conflicted
    /// regions; stays put at the ends.
    pub(super) fn neighbour(&self, direction: isize) -> Pos {
        let mut n = self.number(self.pos) as isize;
        loop {
            n += direction;
            if n < 0 || n as usize >= self.cells() {
                return self.pos;
            }
            let pos = self.pos_of(n as usize);
            if !self.conflicted(pos.region) {
                return pos;
            }
        }
    }

    /// The same criterion in the next (or previous) open region, wrapping around.
    pub(super) fn other_region(&self, direction: isize) -> Pos {
        let rows = self.regions.len() as isize;
        for k in 1..=rows {
            let r = (self.pos.region as isize + direction * k).rem_euclid(rows) as usize;
            if !self.conflicted(r) {
                return Pos {
                    region: r,
                    criterion: self.pos.criterion,
                };
            }
        }
        self.pos
    }

    /// The first unscored cell after `from` whose mark is due, wrapping around.
    pub(super) fn next_unscored(&self, from: Pos) -> Option<Pos> {
        let total = self.cells();
        let start = self.number(from);
        (1..=total)
            .map(|k| self.pos_of((start + k) % total))
            .find(|&pos| self.due(pos.region) && self.mark_at(pos).is_none())
    }

    pub(super) fn first_unscored(&self) -> Option<Pos> {
        let last = self.pos_of(self.cells().saturating_sub(1));
        (self.cells() > 0)
            .then(|| self.next_unscored(last))
            .flatten()
    }

    pub(super) fn first_open_cell(&self) -> Pos {
        (0..self.regions.len())
            .find(|&r| !self.conflicted(r))
            .map(|region| Pos {
                region,
                criterion: 0,
            })
            .unwrap_or_default()
    }

    pub(super) fn open_cell_after(&self, region: usize) -> Option<Pos> {
        let rows = self.regions.len();
        (1..=rows)
            .map(|k| (region + k) % rows)
            .find(|&r| !self.conflicted(r))
            .map(|r| Pos {
                region: r,
                criterion: 0,
            })
    }
}
