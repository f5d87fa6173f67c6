//! What a terminal can show, decided per session (never a process global, so
//! that SSH sessions served by one process don't leak into each other).

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// Colors and drawing characters for one terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colors allowed (`NO_COLOR` unset or empty).
    pub color: bool,
    /// The terminal takes UTF-8 (else frames and markers are ASCII).
    pub unicode: bool,
}

impl Theme {
    /// From the environment of a session: `NO_COLOR`, then the locale
    /// (`LC_ALL`, else `LC_CTYPE`, else `LANG`) for UTF-8.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Theme {
        let color = var("NO_COLOR").is_none_or(|v| v.is_empty());
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let unicode = locale.contains("utf-8") || locale.contains("utf8");
        Theme { color, unicode }
    }

    pub fn from_process_env() -> Theme {
        Theme::from_env(|name| std::env::var(name).ok())
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default()
        }
    }

    /// Titles and the current item: bold, which reads without color.
    pub fn strong(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn accent(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }

    /// The selected cell or row: reversed, so it shows on monochrome terminals.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The title bar.
    pub fn bar(&self) -> Style {
        if self.color {
            Style::default().fg(Color::Black).bg(Color::Cyan)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.unicode {
            border::PLAIN
        } else {
            ASCII_BORDER
        }
    }

    /// The marker in front of the selected line.
    pub fn caret(&self) -> &'static str {
        if self.unicode { "▶" } else { ">" }
    }

    /// A cell without a mark.
    pub fn missing(&self) -> &'static str {
        if self.unicode { "·" } else { "." }
    }

    pub fn check(&self) -> &'static str {
        if self.unicode { "✓" } else { "ok" }
    }

    pub fn ellipsis(&self) -> &'static str {
        if self.unicode { "…" } else { "..." }
    }

    pub fn dot(&self) -> &'static str {
        if self.unicode { "·" } else { "-" }
    }

    /// Between the ids of a place in a nested rubric: `1 › 1-2 › 1-2-a`.
    pub fn path_separator(&self) -> &'static str {
        if self.unicode { " › " } else { " > " }
    }

    /// Text as this terminal can show it: unchanged on UTF-8 terminals; on
    /// others every non-ASCII character becomes `?` (one column, so frames
    /// stay aligned).
    pub fn plain(&self, text: &str) -> String {
        if self.unicode {
            text.to_string()
        } else {
            text.chars()
                .map(|c| if c.is_ascii() { c } else { '?' })
                .collect()
        }
    }

    /// A filled and an empty cell of a progress bar.
    pub fn bar_cells(&self) -> (&'static str, &'static str) {
        if self.unicode {
            ("█", "░")
        } else {
            ("#", "-")
        }
    }
}

const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn no_color_counts_only_when_not_empty() {
        assert!(!Theme::from_env(env(&[("NO_COLOR", "1")])).color);
        assert!(Theme::from_env(env(&[("NO_COLOR", "")])).color);
        assert!(Theme::from_env(env(&[])).color);
    }

    #[test]
    fn locale_decides_unicode_in_posix_order() {
        assert!(Theme::from_env(env(&[("LANG", "en_US.UTF-8")])).unicode);
        assert!(Theme::from_env(env(&[("LANG", "ja_JP.utf8")])).unicode);
        assert!(!Theme::from_env(env(&[("LANG", "C")])).unicode);
        assert!(!Theme::from_env(env(&[])).unicode);
        assert!(!Theme::from_env(env(&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")])).unicode);
        assert!(Theme::from_env(env(&[("LC_CTYPE", "C.UTF-8"), ("LANG", "C")])).unicode);
    }
}
