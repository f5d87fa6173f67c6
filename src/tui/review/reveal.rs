//! When and where the reviewer sees the other members' marks: after their
//! own first submission, on the regions they scored and are not conflicted
//! on; the panel file read again; the panel's view (`o`) and its keys.

use super::app::App;
use super::discussion::{Discussion, OtherMark};
use super::keys::{Action, Mode};
use super::parts::{PanelRead, Pos, Tone};
use crate::t;

impl App {
    /// Whether the shell should read the panel file for the others' marks:
    /// the panel reveals them and the reviewer's sheet is submitted, or was
    /// and has been reopened to revise it in the light of the discussion.
    pub fn reveals(&self) -> bool {
        self.discussion.is_some() && self.shown.revising()
    }

    /// Whether the panel file has been read for the discussion.
    pub fn panel_read(&self) -> bool {
        self.discussion.as_ref().is_some_and(Discussion::read)
    }

    /// The discussion, when the others' marks on region `r` may be shown:
    /// the reviewer has submitted, has a mark on the region and no conflict
    /// on it (`review.ron`, this sheet or another of theirs).
    pub fn discussion_on(&self, r: usize) -> Option<&Discussion> {
        let region = self.regions.get(r)?;
        let scored = self
            .shown
            .scores
            .get(&region.id)
            .is_some_and(|marks| !marks.is_empty());
        if !self.reveals() || !scored || self.conflicted(r) {
            return None;
        }
        self.discussion.as_ref()
    }

    /// The other members on the cell at `pos`, when they may be shown.
    pub fn others_at(&self, pos: Pos) -> Option<Vec<OtherMark<'_>>> {
        let discussion = self.discussion_on(pos.region)?;
        let region = self.regions.get(pos.region)?;
        let criterion = self.criteria.get(pos.criterion)?;
        Some(discussion.marks(&region.id, &criterion.id))
    }

    /// The panel file as read again: the others' sheets, and the
    /// reviewer's conflicts declared on other panels as they are now.
    pub(super) fn take_panel(&mut self, read: Result<PanelRead, String>) {
        let Some(discussion) = &mut self.discussion else {
            return;
        };
        match read {
            Ok(read) => {
                discussion.take(Ok(read.sheets));
                for region in &mut self.regions {
                    region.conflict_elsewhere = read
                        .elsewhere
                        .iter()
                        .find(|(r, _)| r == &region.id)
                        .map(|(_, panel)| panel.clone());
                }
                self.recount();
            }
            Err(reason) => discussion.take(Err(reason)),
        }
    }

    /// Opens the panel's view of the cell at `at`, or says why it can't.
    pub(super) fn open_others(&mut self, at: Pos) {
        let why = if self.discussion.is_none() {
            t!("msg-others-never")
        } else if !self.shown.revising() {
            t!("msg-others-after-submit")
        } else if self.conflicted(at.region) {
            t!("msg-others-conflict")
        } else if self.discussion_on(at.region).is_none() {
            t!("msg-others-unscored")
        } else {
            self.others = at;
            self.others_first = 0;
            self.others_from = self.mode;
            self.mode = Mode::Others;
            return;
        };
        self.say(Tone::Info, &why);
    }

    pub(super) fn others_action(&mut self, action: Action) {
        let members = self.others_at(self.others).map_or(0, |o| o.len());
        match action {
            Action::Down if self.others_first + 1 < members => self.others_first += 1,
            Action::Up => self.others_first = self.others_first.saturating_sub(1),
            Action::NextCriterion if self.others.criterion + 1 < self.criteria.len() => {
                self.others.criterion += 1;
                self.others_first = 0;
            }
            Action::PrevCriterion if self.others.criterion > 0 => {
                self.others.criterion -= 1;
                self.others_first = 0;
            }
            Action::Back => self.mode = self.others_from,
            _ => {}
        }
    }
}
