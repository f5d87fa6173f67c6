//! The forms log, `scores/<panel>.forms`: a line of RON per form `form`
//! made (whose, when, against which rubric, in which format) and when
//! `import` applied it, so that `status` can say who works offline. It is
//! written atomically under the panel's lock and never touches the panel
//! file; it is a record for people, not for the save: a form applies by
//! what it carries, logged or not. Its name does not end in `.ron`, so it
//! is never taken for a panel file.
//!
//! Also here: what the journal says a reviewer changed after a form was
//! made, for `import`'s check that a form is not older than the marks it
//! would replace.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::journal::{self, Event};
use super::lock::PanelLock;
use super::own_file::PANEL_FILE_MODE;
use super::panel_files::{now, read_sheet};
use super::pretty::to_ron;
use super::review::LoadedReview;
use crate::form::{Changed, Format};
use crate::model::Sheet;
use crate::source::read_text_no_link;
use crate::{Error, Problem};

/// The forms made of one panel's sheets, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormsLog {
    #[serde(default)]
    pub forms: Vec<SentForm>,
}

/// One form made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentForm {
    pub reviewer: String,
    /// When it was made, as its identity says (to the second).
    pub made: jiff::Timestamp,
    pub rubric: String,
    pub format: Format,
    /// When `import` last applied it.
    #[serde(default)]
    pub imported: Option<jiff::Timestamp>,
}

pub fn forms_log_path(scores: &Path, panel: &str) -> PathBuf {
    scores.join(format!("{panel}.forms"))
}

/// The forms log of a panel; empty when there is none.
pub fn read_forms_log(review: &LoadedReview, panel: &str) -> Result<FormsLog, Problem> {
    let path = forms_log_path(&review.scores_dir(), panel);
    if !path.exists() {
        return Ok(FormsLog::default());
    }
    read_text_no_link(&path)?.parse()
}

fn write_forms_log(review: &LoadedReview, panel: &str, log: &FormsLog) -> Result<(), Error> {
    let path = forms_log_path(&review.scores_dir(), panel);
    write_atomic(&path, to_ron(log).as_bytes(), PANEL_FILE_MODE)
}

/// Makes a form of `reviewer`'s sheet on `panel`: under the panel's lock,
/// reads the sheet, takes the time, lets `make` write the form, logs it,
/// and holds the lock until the clock has passed that second. So every
/// save the form does not show was journaled at a later second than the
/// form's time, and every save it shows at that second or before: the
/// check of [`changed_since`] is exact (as far as the clock goes forward).
pub fn make_form<T>(
    review: &LoadedReview,
    panel: &str,
    reviewer: &str,
    format: Format,
    make: impl FnOnce(Option<&Sheet>, jiff::Timestamp) -> Result<T, Error>,
) -> Result<T, Error> {
    let scores = review.scores_dir();
    std::fs::create_dir_all(&scores).map_err(|e| Error::io("create", &scores, e))?;
    let _lock = PanelLock::acquire(&scores, panel)?;
    let sheet = read_sheet(review, panel, reviewer)?;
    let made = now();
    let made_form = make(sheet.as_ref(), made)?;
    let mut log = read_forms_log(review, panel).map_err(|p| Error::Invalid(p.into()))?;
    log.forms.push(SentForm {
        reviewer: reviewer.to_string(),
        made,
        rubric: review.fingerprint.clone(),
        format,
        imported: None,
    });
    write_forms_log(review, panel, &log)?;
    while now() <= made {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Ok(made_form)
}

/// Records in the log that the form `reviewer` was sent at `made` was
/// imported (a form the log does not hold is added, imported).
pub fn mark_imported(
    review: &LoadedReview,
    panel: &str,
    reviewer: &str,
    made: jiff::Timestamp,
    format: Format,
) -> Result<(), Error> {
    let scores = review.scores_dir();
    let _lock = PanelLock::acquire(&scores, panel)?;
    let mut log = read_forms_log(review, panel).map_err(|p| Error::Invalid(p.into()))?;
    let at = now();
    match log
        .forms
        .iter_mut()
        .find(|f| f.reviewer == reviewer && f.made == made)
    {
        Some(form) => form.imported = Some(at),
        None => log.forms.push(SentForm {
            reviewer: reviewer.to_string(),
            made,
            rubric: review.fingerprint.clone(),
            format,
            imported: Some(at),
        }),
    }
    write_forms_log(review, panel, &log)
}

/// The cells of `reviewer`'s sheet on `panel` that confirmed saves changed
/// after `made`: marks and notes as (region, Some(criterion)), conflicts as
/// (region, None). A damaged journal is refused: what it lost could be such
/// a change.
pub fn changed_since(
    review: &LoadedReview,
    panel: &str,
    reviewer: &str,
    made: jiff::Timestamp,
) -> Result<Changed, Error> {
    let path = journal::journal_path(&review.scores_dir(), panel);
    let journal = journal::read(&path).map_err(|p| Error::Invalid(p.into()))?;
    if !journal.problems.is_empty() {
        return Err(Error::Invalid(crate::Problems(journal.problems)));
    }
    let mut changed = Changed::new();
    for (_, entry) in journal.confirmed() {
        if entry.reviewer != reviewer || entry.at <= made {
            continue;
        }
        match &entry.event {
            Event::Mark {
                region, criterion, ..
            } => {
                changed.insert((region.clone(), Some(criterion.clone())));
            }
            Event::Conflict { region, .. } => {
                changed.insert((region.clone(), None));
            }
            _ => {}
        }
    }
    Ok(changed)
}
