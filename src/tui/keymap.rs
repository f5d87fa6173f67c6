//! Keymaps: each app's table maps keys to its actions in its modes, and the
//! same table renders the footer and the `?` help, so they can never
//! disagree. The machinery is here, generic over an app's own modes and
//! actions; the tables are the apps' (`review::keys`, `results::keys`).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as a keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Code(KeyCode),
    Ctrl(char),
    /// `0`–`9` and `.`: typed into a mark (see [`Action::typed`]).
    Digits,
}

/// `KeyCode` as a [`Key`], for tables.
pub const fn code(code: KeyCode) -> Key {
    Key::Code(code)
}

/// What an app's actions must tell the keymap.
pub trait Action: Copy {
    /// The action of a [`Key::Digits`] binding for the character typed
    /// (`Type('4')`); the action itself for apps that type nothing.
    fn typed(self, _c: char) -> Self {
        self
    }
}

/// One row of a keymap: keys and what each does, the modes it applies in,
/// and how the footer and the help name it. Built in const tables:
///
/// ```text
/// Binding::keys(&[(code(K::Left), StepDown), (code(K::Right), StepUp)])
///     .label("←→")
///     .ascii("Left/Right")
///     .does("key-step")
///     .modes(&[Score]),
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Binding<M: 'static, A: 'static> {
    /// The keys and what each does: one row of the footer and the help can
    /// hold a pair such as ←/→.
    pub keys: &'static [(Key, A)],
    label: &'static str,
    ascii: &'static str,
    help: &'static str,
    pub modes: &'static [M],
    /// Shown in the footer (every binding is shown in the help).
    pub footer: bool,
}

impl<M, A> Binding<M, A> {
    /// A binding of `keys`, in the footer; its label, help and modes come
    /// from the calls that follow.
    pub const fn keys(keys: &'static [(Key, A)]) -> Self {
        Binding {
            keys,
            label: "",
            ascii: "",
            help: "",
            modes: &[],
            footer: true,
        }
    }

    /// How the footer and the help name the keys: `Enter`, `←→`.
    pub const fn label(mut self, label: &'static str) -> Self {
        self.label = label;
        self
    }

    /// The label for terminals without UTF-8, when it differs.
    pub const fn ascii(mut self, ascii: &'static str) -> Self {
        self.ascii = ascii;
        self
    }

    /// The catalog key of what the keys do (`key-…`).
    pub const fn does(mut self, help: &'static str) -> Self {
        self.help = help;
        self
    }

    /// The modes in which the keys do it.
    pub const fn modes(mut self, modes: &'static [M]) -> Self {
        self.modes = modes;
        self
    }

    /// Listed in the help only, not in the footer.
    pub const fn help_only(mut self) -> Self {
        self.footer = false;
        self
    }

    /// What the binding does, in this thread's language.
    pub fn describe(&self) -> String {
        crate::i18n::text(self.help, &[])
    }

    pub fn label_for(&self, unicode: bool) -> &'static str {
        if unicode || self.ascii.is_empty() {
            self.label
        } else {
            self.ascii
        }
    }
}

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
pub fn action_for<M: PartialEq, A: Action>(
    keymap: &[Binding<M, A>],
    mode: &M,
    event: &KeyEvent,
) -> Option<A> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let (key, action) = keymap
        .iter()
        .filter(|b| b.modes.contains(mode))
        .flat_map(|b| b.keys.iter())
        .find(|(key, _)| hits(*key, event))?;
    Some(match (key, event.code) {
        (Key::Digits, KeyCode::Char(c)) => action.typed(c),
        _ => *action,
    })
}

/// The bindings the footer shows in a mode, in keymap order.
pub fn footer<'k, M: PartialEq, A>(
    keymap: &'k [Binding<M, A>],
    mode: &'k M,
) -> impl Iterator<Item = &'k Binding<M, A>> {
    keymap
        .iter()
        .filter(move |b| b.footer && b.modes.contains(mode))
}

/// The bindings of a mode, for the help screen.
pub fn help<'k, M: PartialEq, A>(
    keymap: &'k [Binding<M, A>],
    mode: &'k M,
) -> impl Iterator<Item = &'k Binding<M, A>> {
    keymap.iter().filter(move |b| b.modes.contains(mode))
}
