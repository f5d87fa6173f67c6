//! `panelist init DIR`: a new review directory from a commented template
//! that passes `check` as written, so a chair can try the whole round before
//! putting in their own rubric, regions and reviewers. The template's
//! comments and example text are in the chair's language; its ids are the
//! same in both. With `--from`, the next stage of an earlier review
//! instead (see [`init_from`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::init_from::{self, Stage};
use crate::i18n::{self, Lang};
use crate::model::valid_id;
use crate::store::scores_dir;
use crate::{Error, t};

/// `panelist init [--from EARLIER [--tier ID]...] DIR`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: PathBuf,
    #[arg(long, value_name = "EARLIER")]
    pub from: Option<PathBuf>,
    #[arg(long = "tier", value_name = "ID", requires = "from")]
    pub tiers: Vec<String>,
}

const TEMPLATE: &str = include_str!("init_template.ron");
const TEMPLATE_JA: &str = include_str!("init_template.ja.ron");

pub fn run(args: Args) -> Result<(), Error> {
    let dir = args.dir;
    let review = dir.join("review.ron");
    if review.exists() {
        return Err(Error::Refused(t!(
            "init-exists",
            review = review.display(),
            dir = dir.display()
        )));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Refused(t!(
            "init-not-a-directory",
            dir = dir.display()
        )));
    }
    let scores = scores_dir(&dir);
    let (text, created) = match &args.from {
        None => (
            template(&dir),
            t!(
                "init-created",
                review = review.display(),
                scores = scores.display()
            ),
        ),
        Some(from) => {
            let (id, title) = names(&dir);
            let stage = Stage {
                from,
                tiers: &args.tiers,
                dir: &dir,
                id,
                title,
            };
            let started = init_from::review_text(&stage)?;
            let created = t!(
                "init-from-created",
                review = review.display(),
                scores = scores.display(),
                regions = started.regions,
                from = from.display()
            );
            (started.text, created)
        }
    };
    std::fs::create_dir_all(&scores).map_err(|e| Error::io("create", &scores, e))?;
    // create_new: never overwrite a review.ron that appeared meanwhile.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&review)
        .map_err(|e| Error::io("create", &review, e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io("write", &review, e))?;
    let (review, dir) = (review.display(), dir.display());
    let steps = [
        t!("init-step-edit", review = review),
        t!("init-step-check", dir = dir),
        t!("init-step-score", dir = dir),
        t!("init-step-merge", dir = dir),
    ];
    let mut next = t!("init-next");
    for (n, step) in steps.iter().enumerate() {
        next.push_str(&format!("\n  {}. {step}", n + 1));
    }
    crate::outln!("{created}\n\n{next}");
    Ok(())
}

/// The new review's id and title, from the directory's name.
fn names(dir: &Path) -> (String, String) {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = if valid_id(&name) {
        name.clone()
    } else {
        "review".to_string()
    };
    let title = if name.is_empty() {
        t!("init-title-new")
    } else {
        t!("init-title-edit", name = name)
    };
    (id, title)
}

/// The template with the review's id and title taken from the directory's name.
fn template(dir: &Path) -> String {
    let (id, title) = names(dir);
    let shown = dir.display().to_string().replace(['\n', '\r'], " ");
    let template = match i18n::lang() {
        Lang::En => TEMPLATE,
        Lang::Ja => TEMPLATE_JA,
    };
    template
        .replace("__DIR__", &shown)
        .replace("__ID__", &id)
        .replace("__TITLE__", &ron_string(&title))
}

/// Text made safe inside a RON string literal.
fn ron_string(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c if c.is_control() => vec![' '],
            c => vec![c],
        })
        .collect()
}
