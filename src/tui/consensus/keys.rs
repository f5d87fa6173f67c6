//! The consensus screen's keys: what each does in which mode, and so its
//! footer and its `?` help. Marks are typed with the reviewer's keys.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::keymap::{self, Binding, Key, code};

/// Which part of the consensus screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Recording the consensus of one criterion of one region.
    Cell,
    /// Editing the comment of a consensus mark.
    Comment,
    /// The summary: regions × criteria, the consensus marks and the gaps.
    Summary,
    /// Every member's mark and note on the cell, in full.
    Members,
    Help,
    /// Quitting although something would be lost: yes or no.
    Confirm,
}

/// What a key asks of the consensus screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A digit or `.` of a mark being typed.
    Type(char),
    Erase,
    Confirm,
    StepUp,
    StepDown,
    NextCriterion,
    PrevCriterion,
    NextRegion,
    PrevRegion,
    NextMissing,
    ClearMark,
    EditComment,
    Members,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    Undo,
    Summary,
    Help,
    Quit,
    Yes,
    No,
    Back,
    CommentSave,
    CommentCancel,
}

impl keymap::Action for Action {
    fn typed(self, c: char) -> Self {
        match self {
            Action::Type(_) => Action::Type(c),
            other => other,
        }
    }
}

use Action as A;
use Mode::*;

pub const KEYMAP: &[Binding<Mode, Action>] = &[
    // Recording one cell.
    Binding::keys(&[(Key::Digits, A::Type('0'))])
        .label("0-9.")
        .does("key-type-mark")
        .modes(&[Cell]),
    Binding::keys(&[(code(K::Enter), A::Confirm)])
        .label("Enter")
        .does("key-save-next")
        .modes(&[Cell]),
    Binding::keys(&[(code(K::Left), A::StepDown), (code(K::Right), A::StepUp)])
        .label("←→")
        .ascii("Left/Right")
        .does("key-step")
        .modes(&[Cell]),
    Binding::keys(&[
        (code(K::Up), A::PrevCriterion),
        (code(K::Down), A::NextCriterion),
    ])
    .label("↑↓")
    .ascii("Up/Down")
    .does("key-criterion")
    .modes(&[Cell]),
    Binding::keys(&[
        (code(K::Tab), A::NextRegion),
        (code(K::BackTab), A::PrevRegion),
    ])
    .label("Tab/S-Tab")
    .does("key-region")
    .modes(&[Cell]),
    Binding::keys(&[(Key::Char('g'), A::NextMissing)])
        .label("g")
        .does("key-consensus-next-missing")
        .modes(&[Cell, Summary])
        .help_only(),
    Binding::keys(&[(code(K::Backspace), A::Erase)])
        .label("Bksp")
        .does("key-erase")
        .modes(&[Cell])
        .help_only(),
    Binding::keys(&[(code(K::Esc), A::Back)])
        .label("Esc")
        .does("key-clear-typed")
        .modes(&[Cell])
        .help_only(),
    Binding::keys(&[
        (Key::Char('x'), A::ClearMark),
        (code(K::Delete), A::ClearMark),
    ])
    .label("x/Del")
    .does("key-remove-mark")
    .modes(&[Cell])
    .help_only(),
    Binding::keys(&[
        (code(K::PageUp), A::PageUp),
        (code(K::PageDown), A::PageDown),
    ])
    .label("PgUp/PgDn")
    .does("key-consensus-scroll-members")
    .modes(&[Cell])
    .help_only(),
    Binding::keys(&[(Key::Char('n'), A::EditComment)])
        .label("n")
        .does("key-consensus-comment")
        .modes(&[Cell]),
    Binding::keys(&[(Key::Char('m'), A::Members)])
        .label("m")
        .does("key-consensus-members")
        .modes(&[Cell]),
    Binding::keys(&[(Key::Char('u'), A::Undo)])
        .label("u")
        .does("key-undo")
        .modes(&[Cell]),
    Binding::keys(&[(Key::Char('s'), A::Summary)])
        .label("s")
        .does("key-consensus-summary")
        .modes(&[Cell]),
    // The summary.
    Binding::keys(&[
        (code(K::Up), A::PrevRegion),
        (code(K::Down), A::NextRegion),
        (code(K::Left), A::PrevCriterion),
        (code(K::Right), A::NextCriterion),
    ])
    .label("↑↓←→")
    .ascii("arrows")
    .does("key-move")
    .modes(&[Summary]),
    Binding::keys(&[(code(K::Enter), A::Confirm)])
        .label("Enter")
        .does("key-goto-cell")
        .modes(&[Summary]),
    Binding::keys(&[
        (code(K::Esc), A::Back),
        (Key::Char('s'), A::Back),
        (Key::Char('q'), A::Back),
    ])
    .label("Esc")
    .does("key-back")
    .modes(&[Summary]),
    // The members' marks and notes in full.
    Binding::keys(&[
        (code(K::Up), A::ScrollUp),
        (code(K::Down), A::ScrollDown),
        (code(K::PageUp), A::PageUp),
        (code(K::PageDown), A::PageDown),
    ])
    .label("↑↓")
    .ascii("Up/Down")
    .does("key-consensus-scroll")
    .modes(&[Members]),
    Binding::keys(&[
        (code(K::Esc), A::Back),
        (Key::Char('m'), A::Back),
        (Key::Char('q'), A::Back),
    ])
    .label("Esc")
    .does("key-back")
    .modes(&[Members]),
    // Everywhere but in the comment and questions.
    Binding::keys(&[(Key::Char('?'), A::Help)])
        .label("?")
        .does("key-help")
        .modes(&[Cell, Summary]),
    Binding::keys(&[(Key::Char('q'), A::Quit), (Key::Ctrl('c'), A::Quit)])
        .label("q")
        .does("key-quit")
        .modes(&[Cell]),
    // The comment.
    Binding::keys(&[(code(K::Esc), A::CommentSave)])
        .label("Esc")
        .does("key-consensus-comment-save")
        .modes(&[Comment]),
    Binding::keys(&[(Key::Ctrl('c'), A::CommentCancel)])
        .label("Ctrl-C")
        .does("key-note-discard")
        .modes(&[Comment]),
    Binding::keys(&[])
        .label("Enter")
        .does("key-new-line")
        .modes(&[Comment]),
    // Quitting.
    Binding::keys(&[(Key::Char('y'), A::Yes), (Key::Char('Y'), A::Yes)])
        .label("y")
        .does("key-yes")
        .modes(&[Confirm]),
    Binding::keys(&[
        (Key::Char('n'), A::No),
        (Key::Char('N'), A::No),
        (code(K::Esc), A::No),
    ])
    .label("n/Esc")
    .does("key-no")
    .modes(&[Confirm]),
    // Help.
    Binding::keys(&[
        (code(K::Esc), A::Back),
        (Key::Char('?'), A::Back),
        (Key::Char('q'), A::Back),
    ])
    .label("Esc")
    .does("key-back")
    .modes(&[Help]),
];

/// The action of a key press in a mode, if the keymap has one.
pub fn action_for(mode: Mode, event: &ratatui::crossterm::event::KeyEvent) -> Option<Action> {
    keymap::action_for(KEYMAP, &mode, event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    fn press(code: K) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn marks_are_typed_as_on_the_reviewers_screen() {
        assert_eq!(action_for(Cell, &press(K::Char('4'))), Some(A::Type('4')));
        assert_eq!(action_for(Cell, &press(K::Char('.'))), Some(A::Type('.')));
        assert_eq!(action_for(Cell, &press(K::Enter)), Some(A::Confirm));
        assert_eq!(action_for(Cell, &press(K::BackTab)), Some(A::PrevRegion));
        assert_eq!(action_for(Cell, &press(K::Char('n'))), Some(A::EditComment));
        assert_eq!(action_for(Comment, &press(K::Char('n'))), None);
        assert_eq!(action_for(Confirm, &press(K::Char('n'))), Some(A::No));
        assert_eq!(action_for(Members, &press(K::Down)), Some(A::ScrollDown));
        assert_eq!(action_for(Summary, &press(K::Down)), Some(A::NextRegion));
    }

    #[test]
    fn every_mode_has_a_footer() {
        for mode in [Cell, Comment, Summary, Members, Help, Confirm] {
            assert!(
                keymap::footer(KEYMAP, &mode).count() > 0,
                "{mode:?} has a footer"
            );
        }
    }
}
