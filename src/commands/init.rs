//! `panelist init DIR`: a new review directory from a commented template
//! that passes `check` as written, so a chair can try the whole round before
//! putting in their own rubric, regions and reviewers.

use std::io::Write;
use std::path::Path;

use crate::Error;
use crate::cli::InitArgs;
use crate::model::valid_id;
use crate::store::scores_dir;

const TEMPLATE: &str = include_str!("init_template.ron");

pub fn run(args: InitArgs) -> Result<(), Error> {
    let dir = args.dir;
    let review = dir.join("review.ron");
    if review.exists() {
        return Err(Error::Refused(format!(
            "{} already exists, so {} already holds a review; nothing was changed. Edit that file, or give `panelist init` a new directory.",
            review.display(),
            dir.display()
        )));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Refused(format!(
            "{} exists and is not a directory; give `panelist init` a new directory",
            dir.display()
        )));
    }
    let scores = scores_dir(&dir);
    std::fs::create_dir_all(&scores).map_err(|e| Error::io("create", &scores, e))?;
    // create_new: never overwrite a review.ron that appeared meanwhile.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&review)
        .map_err(|e| Error::io("create", &review, e))?;
    file.write_all(template(&dir).as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io("write", &review, e))?;
    println!(
        "created {} (an example review, valid as it stands) and {}/\n\nNext:\n  1. edit {}: the comments say how to fill it in\n  2. panelist check {}\n  3. reviewers score with `panelist review {}`; you follow with `panelist status {}`\n  4. panelist merge {}, and browse with `panelist results {}`",
        review.display(),
        scores.display(),
        review.display(),
        dir.display(),
        dir.display(),
        dir.display(),
        dir.display(),
        dir.display()
    );
    Ok(())
}

/// The template with the review's id and title taken from the directory's name.
fn template(dir: &Path) -> String {
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
        "New review".to_string()
    } else {
        format!("{name}: edit this title")
    };
    let shown = dir.display().to_string().replace(['\n', '\r'], " ");
    TEMPLATE
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
