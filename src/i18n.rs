//! The interface in English and Japanese: every user-facing string comes
//! from the Fluent catalogs in `locales/` (embedded at build time).
//!
//! The command line sets the language of the process, which every thread
//! uses (rayon's included); a thread may set its own over it: each SSH
//! session runs on its own thread and speaks its client's language.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps arguments in Unicode isolation marks by default; a
        // terminal would show them or count them as width.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ja,
}

static EN: LanguageIdentifier = langid!("en");
static JA: LanguageIdentifier = langid!("ja");

impl Lang {
    /// A language from a tag (`ja`, `en-GB`) or a locale (`ja_JP.UTF-8`):
    /// its language before any region, encoding or modifier. `None` for
    /// any other language (`fr`, `jv_ID`) and for `C`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        let language = tag.split(['-', '_', '.', '@']).next().unwrap_or(tag);
        if language.eq_ignore_ascii_case("ja") {
            Some(Lang::Ja)
        } else if language.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language to use: `--lang`, then the config file's `lang`, then
    /// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); English otherwise.
    pub fn choose(
        flag: Option<&str>,
        config: Option<&str>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.and_then(Lang::from_tag)
            .or_else(|| config.and_then(Lang::from_tag))
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|name| var(name).filter(|v| !v.is_empty()))
                    .and_then(|locale| Lang::from_tag(&locale))
            })
            .unwrap_or_default()
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::Ja => &JA,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }
}

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Whether the process speaks Japanese (the only other language).
static PROCESS_JA: AtomicBool = AtomicBool::new(false);

/// Sets the language of every thread that has not set its own.
pub fn set_process_lang(lang: Lang) {
    PROCESS_JA.store(lang == Lang::Ja, Ordering::Relaxed);
}

/// Sets the language of this thread's messages.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|current| current.set(Some(lang)));
}

/// Runs `work` with this thread speaking `lang`, then as before (for a
/// pool's thread doing a part of another thread's work).
pub fn with_lang<T>(lang: Lang, work: impl FnOnce() -> T) -> T {
    let before = CURRENT.with(|current| current.replace(Some(lang)));
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|current| current.set(self.0));
        }
    }
    let _restore = Restore(before);
    work()
}

/// The language of this thread's messages.
pub fn lang() -> Lang {
    CURRENT
        .with(Cell::get)
        .unwrap_or(if PROCESS_JA.load(Ordering::Relaxed) {
            Lang::Ja
        } else {
            Lang::En
        })
}

/// The message `key` in this thread's language, with `args` filled in.
pub fn text(key: &str, args: &[(&str, String)]) -> String {
    text_in(lang(), key, args)
}

/// The message `key` in `lang`, if the catalog has it (for keys made up at
/// run time, such as the help of a command-line argument).
pub fn try_text_in(lang: Lang, key: &str) -> Option<String> {
    LOCALES.try_lookup(lang.id(), key)
}

/// The message `key` in `lang`.
pub fn text_in(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    if args.is_empty() {
        return LOCALES.lookup(lang.id(), key);
    }
    let args: HashMap<std::borrow::Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| (std::borrow::Cow::Owned(name.to_string()), value_of(value)))
        .collect();
    LOCALES.lookup_with_args(lang.id(), key, &args)
}

/// An argument: whole numbers as numbers, so that the catalogs can choose
/// plural forms; anything else (ids such as "007", marks typed as "1e0",
/// decimals) exactly as given.
fn value_of(text: &str) -> FluentValue<'_> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let whole = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && digits.len() < 16;
    if whole {
        FluentValue::try_number(text)
    } else {
        FluentValue::from(text)
    }
}

/// A message in this thread's language: `t!("key")` or
/// `t!("key", name = value, ...)`, the values anything that is `Display`.
#[macro_export]
macro_rules! t {
    ($key:expr) => {
        $crate::i18n::text($key, &[])
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($key, &[$((stringify!($name), ($value).to_string())),+])
    };
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_beats_the_config_which_beats_the_locale() {
        let ja_locale = |name: &str| (name == "LANG").then(|| "ja_JP.UTF-8".to_string());
        let no_locale = |_: &str| None;
        assert_eq!(Lang::choose(Some("en"), Some("ja"), ja_locale), Lang::En);
        assert_eq!(Lang::choose(None, Some("en"), ja_locale), Lang::En);
        assert_eq!(Lang::choose(None, None, ja_locale), Lang::Ja);
        assert_eq!(Lang::choose(None, None, no_locale), Lang::En);
        assert_eq!(Lang::choose(Some("fr"), None, no_locale), Lang::En);
        let c_over_ja = |name: &str| match name {
            "LC_ALL" => Some("C".to_string()),
            "LANG" => Some("ja_JP.UTF-8".to_string()),
            _ => None,
        };
        assert_eq!(
            Lang::choose(None, None, c_over_ja),
            Lang::En,
            "LC_ALL=C wins"
        );
    }

    #[test]
    fn a_tag_names_its_language_before_any_region_or_encoding() {
        for (tag, lang) in [
            ("ja", Some(Lang::Ja)),
            ("ja-JP", Some(Lang::Ja)),
            ("ja_JP.UTF-8", Some(Lang::Ja)),
            ("EN", Some(Lang::En)),
            ("en_GB@euro", Some(Lang::En)),
            // Javanese and "english" are not a language tag of ours.
            ("jv_ID.UTF-8", None),
            ("english", None),
            ("fr", None),
            ("C", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
        }
    }

    #[test]
    fn messages_come_in_both_languages_with_their_arguments() {
        assert_eq!(text_in(Lang::En, "lang-name", &[]), "English");
        assert_eq!(text_in(Lang::Ja, "lang-name", &[]), "日本語");
        let ja = text_in(Lang::Ja, "saved-at", &[("time", "10:15:00".into())]);
        assert!(
            ja.contains("10:15:00") && !ja.contains('\u{2068}'),
            "{ja:?}"
        );
    }

    #[test]
    fn english_counts_take_their_plural() {
        let problems = |n: &str| text_in(Lang::En, "cmd-problems", &[("count", n.into())]);
        assert_eq!(
            problems("1"),
            "panelist: 1 problem found; nothing was written"
        );
        assert_eq!(
            problems("2"),
            "panelist: 2 problems found; nothing was written"
        );
        assert_eq!(
            problems("0"),
            "panelist: 0 problems found; nothing was written"
        );
    }

    #[test]
    fn arguments_are_shown_as_given_except_whole_numbers() {
        for given in ["1e0", "007", "4.50", "NaN", "-0", "12345678901234567890"] {
            assert_eq!(
                text_in(Lang::En, "saved-at", &[("time", given.into())]),
                format!("saved {given}")
            );
        }
    }

    #[test]
    fn each_thread_has_its_own_language() {
        set_lang(Lang::Ja);
        let other = std::thread::spawn(lang).join().unwrap_or(Lang::Ja);
        assert_eq!(other, Lang::En);
        assert_eq!(lang(), Lang::Ja);
        set_lang(Lang::En);
    }

    #[test]
    fn a_part_of_another_threads_work_speaks_its_language_then_its_own() {
        let checked = std::thread::spawn(|| {
            set_lang(Lang::En);
            assert_eq!(with_lang(Lang::Ja, lang), Lang::Ja);
            assert_eq!(lang(), Lang::En);
            let _ = std::panic::catch_unwind(|| with_lang(Lang::Ja, || panic!("in the work")));
            assert_eq!(lang(), Lang::En, "restored after a panic too");
        })
        .join();
        assert!(checked.is_ok(), "the checks hold");
    }
}
