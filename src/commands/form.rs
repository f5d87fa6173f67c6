//! `panelist form`: a reviewer's sheet as a spreadsheet form (xlsx or CSV)
//! to fill in offline and bring back with `panelist import`.

use std::path::PathBuf;

use crate::form::{self, Format, Identity};
use crate::model::Index;
use crate::store::{self, RESULTS_FILE_MODE};
use crate::{Error, config, t};

/// `panelist form [DIR] --reviewer ID --panel ID [--out FILE] [--format xlsx|csv]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub reviewer: String,
    #[arg(long)]
    pub panel: String,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "FORMAT", default_value = "xlsx", value_parser = format)]
    pub format: Format,
}

fn format(value: &str) -> Result<Format, String> {
    match value {
        "xlsx" => Ok(Format::Xlsx),
        "csv" => Ok(Format::Csv),
        _ => Err(t!("form-format-unknown", value = value)),
    }
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let index = Index::new(&review.review);
    let panel = super::submit::target(&index, &args.reviewer, &args.panel)?;
    let out = args.out.clone().unwrap_or_else(|| {
        PathBuf::from(format!(
            "{}-{}.{}",
            args.reviewer,
            args.panel,
            args.format.extension()
        ))
    });
    if out.exists() {
        return Err(Error::Refused(t!("form-out-exists", file = out.display())));
    }
    let elsewhere: Vec<String> = store::conflicts_elsewhere(&review, &args.reviewer, &args.panel)
        .into_iter()
        .map(|(region, _)| region)
        .collect();
    let heading = heading(&index, panel, &args.reviewer);
    let (rows, made) = store::make_form(
        &review,
        &args.panel,
        &args.reviewer,
        args.format,
        |sheet, made| {
            let rows = form::form_rows(&index, panel, &args.reviewer, sheet, &elsewhere);
            let identity = Identity {
                version: form::VERSION,
                review: review.review.id.clone(),
                panel: args.panel.clone(),
                reviewer: args.reviewer.clone(),
                rubric: review.fingerprint.clone(),
                made,
            };
            let bytes = match args.format {
                Format::Xlsx => form::write_xlsx(&identity, &heading, &rows),
                Format::Csv => form::write_csv(&identity, &heading, &rows).map(String::into_bytes),
            }
            .map_err(|e| {
                Error::Refused(t!("form-cannot-write", file = out.display(), error = e))
            })?;
            store::write_atomic_parts(&out, &[&bytes], RESULTS_FILE_MODE)?;
            Ok((rows.len(), made))
        },
    )?;
    crate::outln!(
        "{}",
        t!(
            "form-made",
            file = out.display(),
            rows = rows,
            reviewer = &args.reviewer,
            panel = &args.panel,
            made = made.to_string(),
            dir = dir.display()
        )
    );
    Ok(())
}

/// The lines above the form's table: whose sheet it is, and how to fill it.
fn heading(index: &Index<'_>, panel: usize, reviewer: &str) -> Vec<String> {
    let review = index.review;
    let name = index
        .reviewer(reviewer)
        .map_or(reviewer, |r| r.name.as_str());
    let panel = &review.panels[panel];
    vec![
        t!(
            "form-title",
            review = &review.title,
            name = name,
            reviewer = reviewer,
            panel = &panel.title,
            panel_id = &panel.id
        ),
        t!("form-instructions", yes = t!("form-conflict-yes")),
    ]
}
