//! `panelist status`: progress per panel and reviewer.

use std::collections::HashMap;

use crate::cli::StatusArgs;
use crate::model::{Index, Sheet};
use crate::progress::Progress;
use crate::report::{display_width, truncate};
use crate::{Error, config, store};

/// One reviewer's progress on one panel.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub panel: String,
    pub reviewer: String,
    pub name: String,
    pub scored: usize,
    pub due: usize,
    pub submitted: bool,
    pub updated: Option<jiff::Timestamp>,
}

pub fn run(args: StatusArgs) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let files = store::load_panel_files(&review)?;
    let mut sheets: HashMap<(&str, &str), &Sheet> = HashMap::new();
    for file in &files {
        for (reviewer, sheet) in file.file.sheets.iter() {
            sheets.insert((file.file.panel.as_str(), reviewer.as_str()), sheet);
        }
    }
    let index = Index::new(&review.review);
    let mut rows = Vec::new();
    for (p, panel) in review.review.panels.iter().enumerate() {
        for member in &panel.members {
            let sheet = sheets.get(&(panel.id.as_str(), member.as_str())).copied();
            let progress = Progress::of(&index, p, member, sheet);
            rows.push(Row {
                panel: panel.id.clone(),
                reviewer: member.clone(),
                name: index
                    .reviewer(member)
                    .map(|r| r.name.clone())
                    .unwrap_or_default(),
                scored: progress.scored,
                due: progress.due.len(),
                submitted: sheet.is_some_and(|s| s.submitted),
                updated: sheet.map(|s| s.updated),
            });
        }
    }
    if args.csv {
        print!(
            "{}",
            csv(&rows).map_err(|e| Error::Refused(format!("cannot write CSV: {e}")))?
        );
    } else {
        print!("{}", table(&rows));
    }
    Ok(())
}

fn state(row: &Row) -> &'static str {
    match (row.submitted, row.updated) {
        (true, _) => "submitted",
        (false, Some(_)) => "draft",
        (false, None) => "not started",
    }
}

fn table(rows: &[Row]) -> String {
    let width =
        |f: fn(&Row) -> usize, min: usize| rows.iter().map(f).max().unwrap_or(0).clamp(min, 28);
    let panel_w = width(|r| display_width(&r.panel), 5);
    let reviewer_w = width(|r| display_width(&r.reviewer), 8);
    let name_w = width(|r| display_width(&r.name), 4);
    let pad = |text: &str, w: usize| {
        let text = truncate(text, w);
        let fill = w.saturating_sub(display_width(&text));
        format!("{text}{}", " ".repeat(fill))
    };
    let mut out = format!(
        "{}  {}  {}  {:>11}  {:<11}  last update\n",
        pad("panel", panel_w),
        pad("reviewer", reviewer_w),
        pad("name", name_w),
        "scored/due",
        "state"
    );
    for row in rows {
        let line = format!(
            "{}  {}  {}  {:>11}  {:<11}  {}",
            pad(&row.panel, panel_w),
            pad(&row.reviewer, reviewer_w),
            pad(&row.name, name_w),
            format!("{}/{}", row.scored, row.due),
            state(row),
            row.updated
                .map(|u| u.to_string())
                .unwrap_or_else(|| "-".into())
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let scored: usize = rows.iter().map(|r| r.scored).sum();
    let due: usize = rows.iter().map(|r| r.due).sum();
    let submitted = rows.iter().filter(|r| r.submitted).count();
    out.push_str(&format!(
        "total: {scored}/{due} marks scored, {submitted}/{} sheets submitted\n",
        rows.len()
    ));
    out
}

fn csv(rows: &[Row]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "panel", "reviewer", "name", "scored", "due", "state", "updated",
    ])?;
    for row in rows {
        writer.write_record([
            row.panel.clone(),
            row.reviewer.clone(),
            row.name.clone(),
            row.scored.to_string(),
            row.due.to_string(),
            state(row).to_string(),
            row.updated.map(|u| u.to_string()).unwrap_or_default(),
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
