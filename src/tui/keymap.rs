//! The one keymap: it maps keys to actions, and the same table renders the
//! footer and the `?` help, so they can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Which screen has the keyboard.
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
    /// Choosing a panel (reviewers on several).
    Chooser,
    /// The committee results: the ranking with its bar chart.
    Ranking,
    /// The committee results: a region's categories, or a category's criteria.
    Breakdown,
    /// The committee results: the individual marks of one criterion of one region.
    Marks,
    /// The committee results: one criterion across all regions.
    Across,
    /// The committee results: how solid the selection is, region by region.
    Solidity,
    /// The committee results: the reviewers' calibration offsets.
    Offsets,
}

/// The modes of the committee results screen, for its help.
pub const RESULTS_MODES: [Mode; 6] = [
    Mode::Ranking,
    Mode::Breakdown,
    Mode::Marks,
    Mode::Across,
    Mode::Solidity,
    Mode::Offsets,
];

/// What a key asks for.
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
    Help,
    Quit,
    Yes,
    No,
    Back,
    NoteSave,
    NoteCancel,
    /// Move the selection in a list.
    Up,
    Down,
    PageUp,
    PageDown,
    /// Open the selected item (drill down).
    Open,
    /// Count draft sheets in the committee results, or leave them out again.
    ToggleDrafts,
    /// Show the selected criterion across all regions.
    ByCriterion,
    /// Read the panel files again.
    Reload,
    /// Show how solid the selection is, region by region.
    Solidity,
    /// Switch to the reviewers' calibration offsets, or back to the regions.
    Offsets,
}

/// A key as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    /// `0`–`9` and `.`: typed into a mark.
    Digits,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys and what each does: one row of the footer and the help can
    /// hold a pair such as ←/→.
    pub keys: &'static [(Key, Action)],
    /// How the footer and help name the keys.
    pub label: &'static str,
    /// The same, in ASCII for terminals without UTF-8.
    pub ascii: &'static str,
    /// The catalog key of what it does (see `describe`).
    pub help: &'static str,
    pub modes: &'static [Mode],
    /// Shown in the footer (all bindings are shown in the help).
    pub footer: bool,
}

impl Binding {
    /// What the binding does, in this thread's language.
    pub fn describe(&self) -> String {
        crate::i18n::text(self.help, &[])
    }

    pub fn label(&self, unicode: bool) -> &'static str {
        if unicode || self.ascii.is_empty() {
            self.label
        } else {
            self.ascii
        }
    }
}

use Action as A;
use KeyCode as K;
use Mode::*;

const fn bind(
    keys: &'static [(Key, Action)],
    label: &'static str,
    ascii: &'static str,
    help: &'static str,
    modes: &'static [Mode],
    footer: bool,
) -> Binding {
    Binding {
        keys,
        label,
        ascii,
        help,
        modes,
        footer,
    }
}

const fn code(code: KeyCode) -> Key {
    Key::Code(code)
}

pub const KEYMAP: &[Binding] = &[
    // Scoring.
    bind(
        &[(Key::Digits, A::Type('0'))],
        "0-9.",
        "",
        "key-type-mark",
        &[Score],
        true,
    ),
    bind(
        &[(code(K::Enter), A::Confirm)],
        "Enter",
        "",
        "key-save-next",
        &[Score],
        true,
    ),
    bind(
        &[(code(K::Left), A::StepDown), (code(K::Right), A::StepUp)],
        "←→",
        "Left/Right",
        "key-step",
        &[Score],
        true,
    ),
    bind(
        &[
            (code(K::Up), A::PrevCriterion),
            (code(K::Down), A::NextCriterion),
        ],
        "↑↓",
        "Up/Down",
        "key-criterion",
        &[Score],
        true,
    ),
    bind(
        &[
            (code(K::Tab), A::NextRegion),
            (code(K::BackTab), A::PrevRegion),
        ],
        "Tab/S-Tab",
        "",
        "key-region",
        &[Score],
        true,
    ),
    bind(
        &[(Key::Char('g'), A::NextUnscored)],
        "g",
        "",
        "key-next-unscored",
        &[Score, Summary],
        true,
    ),
    bind(
        &[(code(K::Backspace), A::Erase)],
        "Bksp",
        "",
        "key-erase",
        &[Score],
        false,
    ),
    bind(
        &[(code(K::Esc), A::Back)],
        "Esc",
        "",
        "key-clear-typed",
        &[Score],
        false,
    ),
    bind(
        &[
            (Key::Char('x'), A::ClearMark),
            (code(K::Delete), A::ClearMark),
        ],
        "x/Del",
        "",
        "key-remove-mark",
        &[Score],
        false,
    ),
    bind(
        &[(Key::Char('n'), A::EditNote)],
        "n",
        "",
        "key-note",
        &[Score],
        true,
    ),
    bind(
        &[(Key::Char('c'), A::ToggleConflict)],
        "c",
        "",
        "key-conflict",
        &[Score],
        true,
    ),
    bind(
        &[(Key::Char('u'), A::Undo)],
        "u",
        "",
        "key-undo",
        &[Score],
        true,
    ),
    bind(
        &[(Key::Char('s'), A::Summary)],
        "s",
        "",
        "key-sheet",
        &[Score],
        true,
    ),
    bind(
        &[(Key::Char('S'), A::Submit)],
        "S",
        "",
        "key-submit",
        &[Score],
        true,
    ),
    bind(
        &[(Key::Char('R'), A::Reopen)],
        "R",
        "",
        "key-reopen",
        &[Score],
        false,
    ),
    // The sheet summary.
    bind(
        &[
            (code(K::Up), A::PrevRegion),
            (code(K::Down), A::NextRegion),
            (code(K::Left), A::PrevCriterion),
            (code(K::Right), A::NextCriterion),
        ],
        "↑↓←→",
        "arrows",
        "key-move",
        &[Summary],
        true,
    ),
    bind(
        &[(code(K::Enter), A::Confirm)],
        "Enter",
        "",
        "key-goto-cell",
        &[Summary],
        true,
    ),
    bind(
        &[
            (code(K::Esc), A::Back),
            (Key::Char('s'), A::Back),
            (Key::Char('q'), A::Back),
        ],
        "Esc",
        "",
        "key-back",
        &[Summary],
        true,
    ),
    // Everywhere but in notes and questions.
    bind(
        &[(Key::Char('?'), A::Help)],
        "?",
        "",
        "key-help",
        &[Score, Summary, Chooser],
        true,
    ),
    bind(
        &[(Key::Char('q'), A::Quit), (Key::Ctrl('c'), A::Quit)],
        "q",
        "",
        "key-quit",
        &[Score, Chooser],
        true,
    ),
    // Notes.
    bind(
        &[(code(K::Esc), A::NoteSave)],
        "Esc",
        "",
        "key-note-save",
        &[Note],
        true,
    ),
    bind(
        &[(Key::Ctrl('c'), A::NoteCancel)],
        "Ctrl-C",
        "",
        "key-note-discard",
        &[Note],
        true,
    ),
    bind(&[], "Enter", "", "key-new-line", &[Note], true),
    // Questions.
    bind(
        &[(Key::Char('y'), A::Yes), (Key::Char('Y'), A::Yes)],
        "y",
        "",
        "key-yes",
        &[Confirm],
        true,
    ),
    bind(
        &[
            (Key::Char('n'), A::No),
            (Key::Char('N'), A::No),
            (code(K::Esc), A::No),
        ],
        "n/Esc",
        "",
        "key-no",
        &[Confirm],
        true,
    ),
    // Help.
    bind(
        &[
            (code(K::Esc), A::Back),
            (Key::Char('?'), A::Back),
            (Key::Char('q'), A::Back),
        ],
        "Esc",
        "",
        "key-back",
        &[Help],
        true,
    ),
    // Choosing a panel.
    bind(
        &[
            (code(K::Up), A::PrevCriterion),
            (code(K::Down), A::NextCriterion),
        ],
        "↑↓",
        "Up/Down",
        "key-choose",
        &[Chooser],
        true,
    ),
    bind(
        &[(code(K::Enter), A::Confirm)],
        "Enter",
        "",
        "key-open-panel",
        &[Chooser],
        true,
    ),
    // The committee results (`panelist results`).
    bind(
        &[(code(K::Up), A::Up), (code(K::Down), A::Down)],
        "↑↓",
        "Up/Down",
        "key-move",
        &[Ranking, Breakdown, Marks, Across, Solidity, Offsets],
        true,
    ),
    bind(
        &[
            (code(K::PageUp), A::PageUp),
            (code(K::PageDown), A::PageDown),
        ],
        "PgUp/PgDn",
        "",
        "key-page",
        &[Ranking, Breakdown, Marks, Across, Solidity, Offsets],
        false,
    ),
    bind(
        &[(code(K::Enter), A::Open), (code(K::Right), A::Open)],
        "Enter",
        "",
        "key-open",
        &[Ranking, Breakdown],
        true,
    ),
    bind(
        &[(code(K::Enter), A::Open)],
        "Enter",
        "",
        "key-marks",
        &[Across],
        true,
    ),
    bind(
        &[(code(K::Enter), A::Open), (code(K::Right), A::Open)],
        "Enter",
        "",
        "key-open-region",
        &[Solidity],
        true,
    ),
    bind(
        &[(Key::Char('o'), A::Offsets)],
        "o",
        "",
        "key-offsets",
        &[Solidity],
        true,
    ),
    bind(
        &[(Key::Char('o'), A::Offsets)],
        "o",
        "",
        "key-regions-solidity",
        &[Offsets],
        true,
    ),
    bind(
        &[
            (code(K::Left), A::PrevCriterion),
            (code(K::Right), A::NextCriterion),
        ],
        "←→",
        "Left/Right",
        "key-criterion",
        &[Marks, Across],
        true,
    ),
    bind(
        &[
            (code(K::Tab), A::NextRegion),
            (code(K::BackTab), A::PrevRegion),
        ],
        "Tab/S-Tab",
        "",
        "key-region",
        &[Breakdown, Marks],
        true,
    ),
    bind(
        &[
            (code(K::Esc), A::Back),
            (code(K::Left), A::Back),
            (code(K::Backspace), A::Back),
        ],
        "Esc",
        "",
        "key-back",
        &[Breakdown],
        true,
    ),
    bind(
        &[(code(K::Esc), A::Back), (code(K::Backspace), A::Back)],
        "Esc",
        "",
        "key-back",
        &[Marks, Across, Solidity, Offsets],
        true,
    ),
    bind(
        &[(Key::Char('c'), A::ByCriterion)],
        "c",
        "",
        "key-by-criterion",
        &[Ranking, Breakdown, Marks],
        true,
    ),
    bind(
        &[(Key::Char('a'), A::Solidity)],
        "a",
        "",
        "key-how-solid",
        &[Ranking, Breakdown],
        true,
    ),
    // Also from the ranking, but only in the help: its footer is full.
    bind(
        &[(Key::Char('o'), A::Offsets)],
        "o",
        "",
        "key-offsets",
        &[Ranking],
        false,
    ),
    bind(
        &[(Key::Char('d'), A::ToggleDrafts)],
        "d",
        "",
        "key-drafts",
        &[Ranking, Breakdown, Marks, Across, Solidity, Offsets],
        true,
    ),
    bind(
        &[(Key::Char('r'), A::Reload)],
        "r",
        "",
        "key-reload",
        &[Ranking, Breakdown, Marks, Across, Solidity, Offsets],
        false,
    ),
    bind(
        &[(Key::Char('?'), A::Help)],
        "?",
        "",
        "key-help",
        &[Ranking, Breakdown, Marks, Across, Solidity, Offsets],
        true,
    ),
    bind(
        &[(Key::Char('q'), A::Quit), (Key::Ctrl('c'), A::Quit)],
        "q",
        "",
        "key-quit",
        &[Ranking, Breakdown, Marks, Across, Solidity, Offsets],
        true,
    ),
];

fn hits(key: Key, event: &KeyEvent) -> bool {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    match (key, event.code) {
        (Key::Digits, KeyCode::Char(c)) => !ctrl && (c.is_ascii_digit() || c == '.'),
        (Key::Char(want), KeyCode::Char(c)) => !ctrl && want == c,
        (Key::Ctrl(want), KeyCode::Char(c)) => ctrl && want.eq_ignore_ascii_case(&c),
        (Key::Code(want), code) => !ctrl && want == code,
        _ => false,
    }
}

/// The action of a key press in a mode, if the keymap has one.
pub fn action_for(mode: Mode, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let action = KEYMAP
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .flat_map(|b| b.keys.iter())
        .find(|(key, _)| hits(*key, event))
        .map(|&(_, action)| action)?;
    Some(match (action, event.code) {
        (Action::Type(_), KeyCode::Char(c)) => Action::Type(c),
        (action, _) => action,
    })
}

/// The bindings the footer shows in a mode, in keymap order.
pub fn footer(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYMAP
        .iter()
        .filter(move |b| b.footer && b.modes.contains(&mode))
}

/// The bindings of a mode, for the help screen.
pub fn help(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.modes.contains(&mode))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn digits_type_and_letters_command() {
        assert_eq!(
            action_for(Score, &press(KeyCode::Char('4'))),
            Some(Action::Type('4'))
        );
        assert_eq!(
            action_for(Score, &press(KeyCode::Char('.'))),
            Some(Action::Type('.'))
        );
        assert_eq!(
            action_for(Score, &press(KeyCode::Char('S'))),
            Some(Action::Submit)
        );
        assert_eq!(
            action_for(Score, &press(KeyCode::Char('s'))),
            Some(Action::Summary)
        );
        assert_eq!(
            action_for(Score, &press(KeyCode::BackTab)),
            Some(Action::PrevRegion)
        );
        assert_eq!(
            action_for(
                Score,
                &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Score, &press(KeyCode::Char('c'))),
            Some(Action::ToggleConflict)
        );
    }

    #[test]
    fn the_same_key_means_what_the_mode_says() {
        assert_eq!(
            action_for(Confirm, &press(KeyCode::Char('n'))),
            Some(Action::No)
        );
        assert_eq!(
            action_for(Score, &press(KeyCode::Char('n'))),
            Some(Action::EditNote)
        );
        assert_eq!(action_for(Note, &press(KeyCode::Char('n'))), None);
        assert_eq!(
            action_for(Summary, &press(KeyCode::Esc)),
            Some(Action::Back)
        );
    }

    #[test]
    fn results_keys_go_by_the_screen() {
        assert_eq!(
            action_for(Ranking, &press(KeyCode::Right)),
            Some(Action::Open)
        );
        assert_eq!(
            action_for(Breakdown, &press(KeyCode::Left)),
            Some(Action::Back)
        );
        assert_eq!(
            action_for(Marks, &press(KeyCode::Right)),
            Some(Action::NextCriterion)
        );
        assert_eq!(action_for(Ranking, &press(KeyCode::Esc)), None);
        assert_eq!(
            action_for(Across, &press(KeyCode::Char('d'))),
            Some(Action::ToggleDrafts)
        );
        for mode in RESULTS_MODES {
            assert!(footer(mode).count() > 0, "{mode:?} has a footer");
            assert_eq!(
                action_for(mode, &press(KeyCode::Char('q'))),
                Some(Action::Quit)
            );
        }
    }

    #[test]
    fn every_footer_entry_is_a_binding_of_its_mode() {
        for mode in [Score, Note, Summary, Help, Confirm, Chooser] {
            assert!(footer(mode).count() > 0, "{mode:?} has a footer");
        }
    }
}
