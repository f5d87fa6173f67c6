//! The chair's keys on the results screens: what each does on which
//! screen, and so their footer and `?` help.

use ratatui::crossterm::event::KeyCode as K;

use crate::tui::keymap::{self, Binding, Key, code};

/// Which results screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The ranking with its bar chart.
    Ranking,
    /// A region's categories, or a category's criteria.
    Breakdown,
    /// The individual marks of one criterion of one region.
    Marks,
    /// One criterion across all regions.
    Across,
    /// How solid the selection is, region by region.
    Solidity,
    /// The reviewers' calibration offsets.
    Offsets,
    /// How far each panel's marks could all move.
    Teams,
    Help,
}

/// The screens, in the order the help lists them.
pub const SCREENS: &[Mode] = &[Ranking, Breakdown, Marks, Across, Solidity, Offsets, Teams];

/// What a key asks of the results screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the selection in a list.
    Up,
    Down,
    PageUp,
    PageDown,
    /// Open the selected item (drill down).
    Open,
    Back,
    NextRegion,
    PrevRegion,
    NextCriterion,
    PrevCriterion,
    /// Show the selected criterion across all regions.
    ByCriterion,
    /// Count draft sheets in the committee results, or leave them out again.
    ToggleDrafts,
    /// Show how solid the selection is, region by region.
    Solidity,
    /// Switch to the reviewers' calibration offsets, or back to the regions.
    Offsets,
    /// Show the panels' shifts.
    Teams,
    /// Read the panel files again.
    Reload,
    Help,
    Quit,
}

impl keymap::Action for Action {}

use Action as A;
use Mode::*;

pub const KEYMAP: &[Binding<Mode, Action>] = &[
    Binding::keys(&[
        (code(K::Esc), A::Back),
        (Key::Char('?'), A::Back),
        (Key::Char('q'), A::Back),
    ])
    .label("Esc")
    .does("key-back")
    .modes(&[Help]),
    // The committee results (`panelist results`).
    Binding::keys(&[(code(K::Up), A::Up), (code(K::Down), A::Down)])
        .label("↑↓")
        .ascii("Up/Down")
        .does("key-move")
        .modes(SCREENS),
    Binding::keys(&[
        (code(K::PageUp), A::PageUp),
        (code(K::PageDown), A::PageDown),
    ])
    .label("PgUp/PgDn")
    .does("key-page")
    .modes(SCREENS)
    .help_only(),
    Binding::keys(&[(code(K::Enter), A::Open), (code(K::Right), A::Open)])
        .label("Enter")
        .does("key-open")
        .modes(&[Ranking, Breakdown]),
    Binding::keys(&[(code(K::Enter), A::Open)])
        .label("Enter")
        .does("key-marks")
        .modes(&[Across]),
    Binding::keys(&[(code(K::Enter), A::Open), (code(K::Right), A::Open)])
        .label("Enter")
        .does("key-open-region")
        .modes(&[Solidity]),
    Binding::keys(&[(Key::Char('o'), A::Offsets)])
        .label("o")
        .does("key-offsets")
        .modes(&[Solidity, Teams]),
    Binding::keys(&[(Key::Char('o'), A::Offsets)])
        .label("o")
        .does("key-regions-solidity")
        .modes(&[Offsets]),
    Binding::keys(&[(Key::Char('t'), A::Teams)])
        .label("t")
        .does("key-teams")
        .modes(&[Solidity, Offsets]),
    Binding::keys(&[
        (code(K::Left), A::PrevCriterion),
        (code(K::Right), A::NextCriterion),
    ])
    .label("←→")
    .ascii("Left/Right")
    .does("key-criterion")
    .modes(&[Marks, Across]),
    Binding::keys(&[
        (code(K::Tab), A::NextRegion),
        (code(K::BackTab), A::PrevRegion),
    ])
    .label("Tab/S-Tab")
    .does("key-region")
    .modes(&[Breakdown, Marks]),
    Binding::keys(&[
        (code(K::Esc), A::Back),
        (code(K::Left), A::Back),
        (code(K::Backspace), A::Back),
    ])
    .label("Esc")
    .does("key-back")
    .modes(&[Breakdown]),
    Binding::keys(&[(code(K::Esc), A::Back), (code(K::Backspace), A::Back)])
        .label("Esc")
        .does("key-back")
        .modes(&[Marks, Across, Solidity, Offsets, Teams]),
    Binding::keys(&[(Key::Char('c'), A::ByCriterion)])
        .label("c")
        .does("key-by-criterion")
        .modes(&[Ranking, Breakdown, Marks]),
    Binding::keys(&[(Key::Char('a'), A::Solidity)])
        .label("a")
        .does("key-how-solid")
        .modes(&[Ranking, Breakdown]),
    // Also from the ranking, but only in the help: its footer is full.
    Binding::keys(&[(Key::Char('o'), A::Offsets)])
        .label("o")
        .does("key-offsets")
        .modes(&[Ranking])
        .help_only(),
    Binding::keys(&[(Key::Char('d'), A::ToggleDrafts)])
        .label("d")
        .does("key-drafts")
        .modes(&[Ranking, Breakdown, Marks, Across, Offsets, Teams]),
    // In the help only on the regions' checks, whose footer names `t`.
    Binding::keys(&[(Key::Char('d'), A::ToggleDrafts)])
        .label("d")
        .does("key-drafts")
        .modes(&[Solidity])
        .help_only(),
    Binding::keys(&[(Key::Char('r'), A::Reload)])
        .label("r")
        .does("key-reload")
        .modes(SCREENS)
        .help_only(),
    Binding::keys(&[(Key::Char('?'), A::Help)])
        .label("?")
        .does("key-help")
        .modes(SCREENS),
    Binding::keys(&[(Key::Char('q'), A::Quit), (Key::Ctrl('c'), A::Quit)])
        .label("q")
        .does("key-quit")
        .modes(SCREENS),
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
    fn keys_go_by_the_screen() {
        assert_eq!(action_for(Ranking, &press(K::Right)), Some(A::Open));
        assert_eq!(action_for(Breakdown, &press(K::Left)), Some(A::Back));
        assert_eq!(action_for(Marks, &press(K::Right)), Some(A::NextCriterion));
        assert_eq!(action_for(Ranking, &press(K::Esc)), None);
        assert_eq!(
            action_for(Across, &press(K::Char('d'))),
            Some(A::ToggleDrafts)
        );
        assert_eq!(action_for(Help, &press(K::Char('q'))), Some(A::Back));
        for &mode in SCREENS {
            assert!(
                keymap::footer(KEYMAP, &mode).count() > 0,
                "{mode:?} has a footer"
            );
            assert_eq!(action_for(mode, &press(K::Char('q'))), Some(A::Quit));
        }
    }
}
