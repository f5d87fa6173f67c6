//! What one session on one terminal speaks and draws with, decided once:
//! for `panelist review` and `panelist results` on the local terminal, and
//! for each session of `panelist serve` from what its SSH client sent.

use std::borrow::Cow;

use super::theme::Theme;
use crate::i18n::{self, Lang};
use crate::model::{Category, Review};

/// A session's language and theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setup {
    pub theme: Theme,
    pub lang: Lang,
    /// The reviewer is on another machine (an SSH session of `panelist
    /// serve`): errors are told without the server's paths and processes.
    pub remote: bool,
}

impl Setup {
    /// For a terminal whose environment `var` reads, in `lang` unless the
    /// terminal cannot show it: Japanese needs UTF-8, and without it the
    /// session speaks English (its screens say once why the data's
    /// Japanese shows as `?`).
    pub fn new(lang: Lang, var: impl Fn(&str) -> Option<String>) -> Setup {
        let theme = Theme::from_env(var);
        let lang = if theme.unicode { lang } else { Lang::En };
        Setup {
            theme,
            lang,
            remote: false,
        }
    }

    /// For the local terminal, in the language the command line chose.
    pub fn local() -> Setup {
        Setup::new(i18n::lang(), |name| std::env::var(name).ok())
    }

    /// Makes this thread speak the session's language (an SSH session's
    /// thread).
    pub fn enter(&self) {
        i18n::set_lang(self.lang);
    }

    /// Makes the whole process speak it, the threads that read files for
    /// the session included (the local terminal's only session).
    pub fn enter_process(&self) {
        i18n::set_process_lang(self.lang);
        self.enter();
    }
}

/// `review` as `theme`'s terminal can show it ([`Theme::plain`] of every
/// text a screen shows), and whether any text had to change. Borrowed as
/// it is on a UTF-8 terminal.
pub fn showable<'r>(review: &'r Review, theme: &Theme) -> (Cow<'r, Review>, bool) {
    if theme.unicode {
        return (Cow::Borrowed(review), false);
    }
    let mut plain = review.clone();
    let changed = make_plain(&mut plain, theme);
    (Cow::Owned(plain), changed)
}

/// Makes every text of `review` that a screen shows showable on `theme`'s
/// terminal; returns whether any changed. Ids are ASCII already.
pub fn make_plain(review: &mut Review, theme: &Theme) -> bool {
    let mut changed = false;
    let mut plain = |text: &mut String| {
        if !text.is_ascii() {
            *text = theme.plain(text);
            changed = true;
        }
    };
    plain(&mut review.title);
    plain_rubric(&mut review.categories, &mut plain);
    for region in &mut review.regions {
        plain(&mut region.name);
        plain(&mut region.summary);
        region.fields.iter_mut().for_each(&mut plain);
    }
    for reviewer in &mut review.reviewers {
        plain(&mut reviewer.name);
    }
    for panel in &mut review.panels {
        plain(&mut panel.title);
    }
    changed
}

/// The titles and guidance of `categories` and of every category below
/// them, through `plain`.
fn plain_rubric(categories: &mut [Category], plain: &mut dyn FnMut(&mut String)) {
    for category in categories {
        plain(&mut category.title);
        for criterion in &mut category.criteria {
            plain(&mut criterion.title);
            plain(&mut criterion.guidance);
        }
        plain_rubric(&mut category.categories, plain);
    }
}
