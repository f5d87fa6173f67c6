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
}

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
    pub keys: &'static [Key],
    /// How the footer and help name the keys.
    pub label: &'static str,
    /// The same, in ASCII for terminals without UTF-8.
    pub ascii: &'static str,
    pub help: &'static str,
    pub action: Action,
    pub modes: &'static [Mode],
    /// Shown in the footer (all bindings are shown in the help).
    pub footer: bool,
}

impl Binding {
    pub fn label(&self, unicode: bool) -> &'static str {
        if unicode || self.ascii.is_empty() {
            self.label
        } else {
            self.ascii
        }
    }
}

use Mode::*;

const fn bind(
    keys: &'static [Key],
    label: &'static str,
    ascii: &'static str,
    help: &'static str,
    action: Action,
    modes: &'static [Mode],
    footer: bool,
) -> Binding {
    Binding {
        keys,
        label,
        ascii,
        help,
        action,
        modes,
        footer,
    }
}

pub const KEYMAP: &[Binding] = &[
    bind(
        &[Key::Digits],
        "0-9.",
        "",
        "type a mark",
        Action::Type('0'),
        &[Score],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Enter)],
        "Enter",
        "",
        "save mark, next",
        Action::Confirm,
        &[Score],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Right)],
        "←→",
        "Left/Right",
        "mark ± step",
        Action::StepUp,
        &[Score],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Left)],
        "←",
        "Left",
        "mark − step",
        Action::StepDown,
        &[Score],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Down)],
        "↑↓",
        "Up/Down",
        "criterion",
        Action::NextCriterion,
        &[Score],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Up)],
        "↑",
        "Up",
        "previous criterion",
        Action::PrevCriterion,
        &[Score],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Tab)],
        "Tab",
        "",
        "region",
        Action::NextRegion,
        &[Score],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::BackTab)],
        "S-Tab",
        "",
        "previous region",
        Action::PrevRegion,
        &[Score],
        false,
    ),
    bind(
        &[Key::Char('g')],
        "g",
        "",
        "next unscored",
        Action::NextUnscored,
        &[Score],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Backspace)],
        "Bksp",
        "",
        "erase a typed digit",
        Action::Erase,
        &[Score],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Delete), Key::Char('x')],
        "x",
        "",
        "remove the mark",
        Action::ClearMark,
        &[Score],
        false,
    ),
    bind(
        &[Key::Char('n')],
        "n",
        "",
        "note",
        Action::EditNote,
        &[Score],
        true,
    ),
    bind(
        &[Key::Char('c')],
        "c",
        "",
        "conflict",
        Action::ToggleConflict,
        &[Score],
        true,
    ),
    bind(
        &[Key::Char('u')],
        "u",
        "",
        "undo",
        Action::Undo,
        &[Score],
        true,
    ),
    bind(
        &[Key::Char('s')],
        "s",
        "",
        "sheet",
        Action::Summary,
        &[Score],
        true,
    ),
    bind(
        &[Key::Char('S')],
        "S",
        "",
        "submit",
        Action::Submit,
        &[Score],
        true,
    ),
    bind(
        &[Key::Char('R')],
        "R",
        "",
        "reopen a submitted sheet",
        Action::Reopen,
        &[Score],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Esc)],
        "Esc",
        "",
        "clear the typed mark",
        Action::Back,
        &[Score],
        false,
    ),
    bind(
        &[Key::Char('?')],
        "?",
        "",
        "help",
        Action::Help,
        &[Score, Summary, Chooser],
        true,
    ),
    bind(
        &[Key::Char('q'), Key::Ctrl('c')],
        "q",
        "",
        "quit",
        Action::Quit,
        &[Score, Chooser],
        true,
    ),
    // The sheet summary.
    bind(
        &[Key::Code(KeyCode::Down), Key::Char('j')],
        "↑↓←→",
        "arrows",
        "move",
        Action::NextRegion,
        &[Summary],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Up), Key::Char('k')],
        "↑",
        "Up",
        "region above",
        Action::PrevRegion,
        &[Summary],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Right), Key::Char('l')],
        "→",
        "Right",
        "next criterion",
        Action::NextCriterion,
        &[Summary],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Left), Key::Char('h')],
        "←",
        "Left",
        "previous criterion",
        Action::PrevCriterion,
        &[Summary],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Enter)],
        "Enter",
        "",
        "go to the cell",
        Action::Confirm,
        &[Summary],
        true,
    ),
    bind(
        &[Key::Char('g')],
        "g",
        "",
        "next unscored",
        Action::NextUnscored,
        &[Summary],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Esc), Key::Char('s'), Key::Char('q')],
        "Esc",
        "",
        "back",
        Action::Back,
        &[Summary],
        true,
    ),
    // Notes.
    bind(
        &[Key::Code(KeyCode::Esc)],
        "Esc",
        "",
        "save note, close",
        Action::NoteSave,
        &[Note],
        true,
    ),
    bind(
        &[Key::Ctrl('c')],
        "Ctrl-C",
        "",
        "discard changes",
        Action::NoteCancel,
        &[Note],
        true,
    ),
    bind(
        &[],
        "Enter",
        "",
        "new line",
        Action::Type('\n'),
        &[Note],
        true,
    ),
    // Questions.
    bind(
        &[Key::Char('y'), Key::Char('Y')],
        "y",
        "",
        "yes",
        Action::Yes,
        &[Confirm],
        true,
    ),
    bind(
        &[Key::Char('n'), Key::Char('N'), Key::Code(KeyCode::Esc)],
        "n/Esc",
        "",
        "no",
        Action::No,
        &[Confirm],
        true,
    ),
    // Help.
    bind(
        &[Key::Code(KeyCode::Esc), Key::Char('?'), Key::Char('q')],
        "Esc",
        "",
        "back",
        Action::Back,
        &[Help],
        true,
    ),
    // Choosing a panel.
    bind(
        &[Key::Code(KeyCode::Down), Key::Char('j')],
        "↑↓",
        "Up/Down",
        "choose",
        Action::NextCriterion,
        &[Chooser],
        true,
    ),
    bind(
        &[Key::Code(KeyCode::Up), Key::Char('k')],
        "↑",
        "Up",
        "previous panel",
        Action::PrevCriterion,
        &[Chooser],
        false,
    ),
    bind(
        &[Key::Code(KeyCode::Enter)],
        "Enter",
        "",
        "open the panel",
        Action::Confirm,
        &[Chooser],
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
    let binding = KEYMAP
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .find(|b| b.keys.iter().any(|&key| hits(key, event)))?;
    Some(match (binding.action, event.code) {
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
    fn every_footer_entry_is_a_binding_of_its_mode() {
        for mode in [Score, Note, Summary, Help, Confirm, Chooser] {
            assert!(footer(mode).count() > 0, "{mode:?} has a footer");
        }
    }
}
