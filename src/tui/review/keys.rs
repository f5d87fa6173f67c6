//! The reviewer's keys: what each does in which mode, and so the footer
//! and the `?` help of the reviewer's screens.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::keymap::{self, Binding, Key, code};

/// Which part of the reviewer's TUI has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Scoring one criterion of one region.
    Score,
    /// Editing the note of a mark.
    Note,
    /// The sheet summary: regions × criteria.
    Summary,
    Help,
    /// A yes/no question.
    Confirm,
    /// Quitting with a sheet that was submitted when the session began and
    /// is a draft now: submit, quit leaving it a draft, or stay.
    LeaveDraft,
    /// Choosing a panel (reviewers on several).
    Chooser,
    /// The other members' marks and notes on one cell, in full (panels
    /// that reveal them, after the reviewer's submission).
    Others,
}

/// What a key asks of the reviewer's TUI.
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
    NextUnscored,
    ClearMark,
    EditNote,
    ToggleConflict,
    Undo,
    Summary,
    Submit,
    Reopen,
    /// Show the other members' marks and notes on the cell.
    Others,
    Help,
    Quit,
    Yes,
    No,
    Back,
    NoteSave,
    NoteCancel,
    /// Move the selection of the panel chooser.
    Up,
    Down,
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
    // Scoring.
    Binding::keys(&[(Key::Digits, A::Type('0'))])
        .label("0-9.")
        .does("key-type-mark")
        .modes(&[Score]),
    Binding::keys(&[(code(K::Enter), A::Confirm)])
        .label("Enter")
        .does("key-save-next")
        .modes(&[Score]),
    Binding::keys(&[(code(K::Left), A::StepDown), (code(K::Right), A::StepUp)])
        .label("←→")
        .ascii("Left/Right")
        .does("key-step")
        .modes(&[Score]),
    Binding::keys(&[
        (code(K::Up), A::PrevCriterion),
        (code(K::Down), A::NextCriterion),
    ])
    .label("↑↓")
    .ascii("Up/Down")
    .does("key-criterion")
    .modes(&[Score]),
    Binding::keys(&[
        (code(K::Tab), A::NextRegion),
        (code(K::BackTab), A::PrevRegion),
    ])
    .label("Tab/S-Tab")
    .does("key-region")
    .modes(&[Score]),
    Binding::keys(&[(Key::Char('g'), A::NextUnscored)])
        .label("g")
        .does("key-next-unscored")
        .modes(&[Score, Summary]),
    Binding::keys(&[(code(K::Backspace), A::Erase)])
        .label("Bksp")
        .does("key-erase")
        .modes(&[Score])
        .help_only(),
    Binding::keys(&[(code(K::Esc), A::Back)])
        .label("Esc")
        .does("key-clear-typed")
        .modes(&[Score])
        .help_only(),
    Binding::keys(&[
        (Key::Char('x'), A::ClearMark),
        (code(K::Delete), A::ClearMark),
    ])
    .label("x/Del")
    .does("key-remove-mark")
    .modes(&[Score])
    .help_only(),
    Binding::keys(&[(Key::Char('n'), A::EditNote)])
        .label("n")
        .does("key-note")
        .modes(&[Score]),
    Binding::keys(&[(Key::Char('c'), A::ToggleConflict)])
        .label("c")
        .does("key-conflict")
        .modes(&[Score]),
    Binding::keys(&[(Key::Char('u'), A::Undo)])
        .label("u")
        .does("key-undo")
        .modes(&[Score]),
    Binding::keys(&[(Key::Char('s'), A::Summary)])
        .label("s")
        .does("key-sheet")
        .modes(&[Score]),
    Binding::keys(&[(Key::Char('S'), A::Submit)])
        .label("S")
        .does("key-submit")
        .modes(&[Score]),
    Binding::keys(&[(Key::Char('R'), A::Reopen)])
        .label("R")
        .does("key-reopen")
        .modes(&[Score])
        .help_only(),
    // The sheet summary.
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
    // Everywhere but in notes and questions.
    Binding::keys(&[(Key::Char('?'), A::Help)])
        .label("?")
        .does("key-help")
        .modes(&[Score, Summary, Chooser]),
    Binding::keys(&[(Key::Char('q'), A::Quit), (Key::Ctrl('c'), A::Quit)])
        .label("q")
        .does("key-quit")
        .modes(&[Score, Chooser]),
    // Only of use on a panel that reveals the others' marks: the help lists
    // it there (and only there), and the box of the others' marks names it.
    Binding::keys(&[(Key::Char('o'), A::Others)])
        .label("o")
        .does("key-others")
        .modes(&[Score, Summary])
        .help_only(),
    // The others' marks on a cell.
    Binding::keys(&[(code(K::Up), A::Up), (code(K::Down), A::Down)])
        .label("↑↓")
        .ascii("Up/Down")
        .does("key-others-scroll")
        .modes(&[Others]),
    Binding::keys(&[
        (code(K::Left), A::PrevCriterion),
        (code(K::Right), A::NextCriterion),
    ])
    .label("←→")
    .ascii("Left/Right")
    .does("key-criterion")
    .modes(&[Others]),
    Binding::keys(&[
        (code(K::Esc), A::Back),
        (Key::Char('o'), A::Back),
        (Key::Char('q'), A::Back),
    ])
    .label("Esc")
    .does("key-back")
    .modes(&[Others]),
    // Notes.
    Binding::keys(&[(code(K::Esc), A::NoteSave)])
        .label("Esc")
        .does("key-note-save")
        .modes(&[Note]),
    Binding::keys(&[(Key::Ctrl('c'), A::NoteCancel)])
        .label("Ctrl-C")
        .does("key-note-discard")
        .modes(&[Note]),
    Binding::keys(&[])
        .label("Enter")
        .does("key-new-line")
        .modes(&[Note]),
    // Questions.
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
    // Quitting with a sheet that is a draft again.
    Binding::keys(&[(Key::Char('s'), A::Submit), (Key::Char('S'), A::Submit)])
        .label("s")
        .does("key-submit-now")
        .modes(&[LeaveDraft]),
    Binding::keys(&[(Key::Char('q'), A::Quit), (Key::Ctrl('c'), A::Quit)])
        .label("q")
        .does("key-quit-draft")
        .modes(&[LeaveDraft]),
    Binding::keys(&[(code(K::Esc), A::Back)])
        .label("Esc")
        .does("key-stay")
        .modes(&[LeaveDraft]),
    // Help.
    Binding::keys(&[
        (code(K::Esc), A::Back),
        (Key::Char('?'), A::Back),
        (Key::Char('q'), A::Back),
    ])
    .label("Esc")
    .does("key-back")
    .modes(&[Help]),
    // Choosing a panel.
    Binding::keys(&[(code(K::Up), A::Up), (code(K::Down), A::Down)])
        .label("↑↓")
        .ascii("Up/Down")
        .does("key-choose")
        .modes(&[Chooser]),
    Binding::keys(&[(code(K::Enter), A::Confirm)])
        .label("Enter")
        .does("key-open-panel")
        .modes(&[Chooser]),
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
    fn digits_type_and_letters_command() {
        assert_eq!(action_for(Score, &press(K::Char('4'))), Some(A::Type('4')));
        assert_eq!(action_for(Score, &press(K::Char('.'))), Some(A::Type('.')));
        assert_eq!(action_for(Score, &press(K::Char('S'))), Some(A::Submit));
        assert_eq!(action_for(Score, &press(K::Char('s'))), Some(A::Summary));
        assert_eq!(action_for(Score, &press(K::BackTab)), Some(A::PrevRegion));
        assert_eq!(
            action_for(Score, &KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL)),
            Some(A::Quit)
        );
        assert_eq!(
            action_for(Score, &press(K::Char('c'))),
            Some(A::ToggleConflict)
        );
    }

    #[test]
    fn the_same_key_means_what_the_mode_says() {
        assert_eq!(action_for(Confirm, &press(K::Char('n'))), Some(A::No));
        assert_eq!(action_for(Score, &press(K::Char('n'))), Some(A::EditNote));
        assert_eq!(action_for(Note, &press(K::Char('n'))), None);
        assert_eq!(action_for(Summary, &press(K::Esc)), Some(A::Back));
        // The chooser's arrows move its selection, not a criterion.
        assert_eq!(action_for(Chooser, &press(K::Down)), Some(A::Down));
        assert_eq!(action_for(Score, &press(K::Down)), Some(A::NextCriterion));
    }

    #[test]
    fn every_mode_has_a_footer() {
        for mode in [
            Score, Note, Summary, Help, Confirm, LeaveDraft, Chooser, Others,
        ] {
            assert!(
                keymap::footer(KEYMAP, &mode).count() > 0,
                "{mode:?} has a footer"
            );
        }
    }
}
