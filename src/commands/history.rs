//! `panelist history`: the audit trail from the panels' journals.

use crate::cli::HistoryArgs;
use crate::model::{Mark, format_points};
use crate::store::journal::{self, Entry, Event};
use crate::{Error, config, store};

pub fn run(args: HistoryArgs) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    if let Some(panel) = &args.panel
        && review.review.panel(panel).is_none()
    {
        return Err(Error::Refused(format!("unknown panel \"{panel}\"")));
    }
    let mut lines: Vec<(jiff::Timestamp, String, usize, String)> = Vec::new();
    for panel in &review.review.panels {
        if args.panel.as_ref().is_some_and(|p| p != &panel.id) {
            continue;
        }
        let path = journal::journal_path(&review.scores_dir(), &panel.id);
        let journal = journal::read(&path)?;
        for problem in &journal.problems {
            crate::errln!("warning: {problem}");
        }
        for (line, entry) in &journal.entries {
            if args.reviewer.as_ref().is_some_and(|r| r != &entry.reviewer) {
                continue;
            }
            if let Some(region) = &args.region
                && !concerns(entry, region)
            {
                continue;
            }
            lines.push((entry.at, panel.id.clone(), *line, describe(entry)));
        }
    }
    lines.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    if lines.is_empty() {
        crate::outln!("no changes recorded (journals begin with the first save through panelist)");
    }
    for (at, panel, _, text) in &lines {
        crate::outln!("{}  {panel:<12} {text}", at.strftime("%Y-%m-%d %H:%M:%SZ"));
    }
    Ok(())
}

fn concerns(entry: &Entry, wanted: &str) -> bool {
    match &entry.event {
        Event::Snapshot(sheet) => sheet.scores.contains_key(wanted) || sheet.has_conflict(wanted),
        Event::Mark { region, .. } | Event::Conflict { region, .. } => region == wanted,
        Event::Submitted(_) => false,
    }
}

/// One entry in words: who, what, old → new.
fn describe(entry: &Entry) -> String {
    let who = &entry.reviewer;
    match &entry.event {
        Event::Snapshot(sheet) => format!(
            "{who:<10} sheet as found when the journal began: {} mark(s){}{}",
            sheet.marks().count(),
            if sheet.conflicts.is_empty() {
                String::new()
            } else {
                format!(", conflicts on {}", sheet.conflicts.join(", "))
            },
            if sheet.submitted {
                ", submitted"
            } else {
                ", draft"
            }
        ),
        Event::Mark {
            region,
            criterion,
            old,
            new,
        } => {
            let points = |m: &Option<Mark>| {
                m.as_ref()
                    .map_or("-".to_string(), |m| format_points(m.points))
            };
            let note = |m: &Option<Mark>| m.as_ref().map(|m| m.note.clone()).unwrap_or_default();
            let mut text = format!("{who:<10} {region} {criterion}: ");
            if points(old) != points(new) || old.is_none() || new.is_none() {
                text.push_str(&format!("mark {} -> {}", points(old), points(new)));
            }
            if note(old) != note(new) {
                if !text.ends_with(": ") {
                    text.push_str("; ");
                }
                text.push_str(&format!("note {:?} -> {:?}", note(old), note(new)));
            }
            text
        }
        Event::Conflict {
            region,
            declared: true,
        } => format!("{who:<10} {region}: declared a conflict of interest"),
        Event::Conflict {
            region,
            declared: false,
        } => format!("{who:<10} {region}: withdrew the conflict of interest"),
        Event::Submitted(true) => format!("{who:<10} submitted the sheet"),
        Event::Submitted(false) => format!("{who:<10} reopened the sheet (a draft again)"),
    }
}
