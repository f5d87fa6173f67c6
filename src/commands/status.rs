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

/// When a draft counts as stale: unchanged for longer than this, relative
/// to a given now (injectable, so that tests don't depend on the clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Staleness {
    pub now: jiff::Timestamp,
    pub days: u32,
}

impl Staleness {
    /// Whether the row is a draft last changed more than `days` before `now`.
    pub fn is_stale(&self, row: &Row) -> bool {
        let limit = jiff::SignedDuration::from_hours(24 * i64::from(self.days));
        !row.submitted
            && row
                .updated
                .is_some_and(|u| self.now.duration_since(u) > limit)
    }

    /// Whole days from `at` to now.
    fn days_since(&self, at: jiff::Timestamp) -> i64 {
        self.now.duration_since(at).as_hours() / 24
    }
}

pub fn run(args: StatusArgs) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let files = store::load_panel_files(&review)?;
    let staleness = Staleness {
        now: args.now.unwrap_or_else(jiff::Timestamp::now),
        days: args.stale_days,
    };
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
            // Conflicts the member declared in their sheets of other panels.
            let elsewhere: Vec<String> = sheets
                .iter()
                .filter(|((other, who), _)| *who == member.as_str() && *other != panel.id.as_str())
                .flat_map(|(_, s)| s.conflicts.iter().cloned())
                .collect();
            let progress = Progress::of(&index, p, member, sheet, &elsewhere);
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
        print!("{}", table(&rows, staleness));
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

/// The progress table, the stale drafts called out by name, and the
/// one-line total.
fn table(rows: &[Row], staleness: Staleness) -> String {
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
            if staleness.is_stale(row) {
                "draft STALE"
            } else {
                state(row)
            },
            row.updated
                .map(|u| u.to_string())
                .unwrap_or_else(|| "-".into())
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let stale: Vec<&Row> = rows.iter().filter(|r| staleness.is_stale(r)).collect();
    for row in &stale {
        let Some(updated) = row.updated else { continue };
        out.push_str(&format!(
            "stale draft: {} on panel {} ({}), {}/{} scored, unchanged for {} days (since {}); remind them to finish and submit\n",
            row.reviewer,
            row.panel,
            row.name,
            row.scored,
            row.due,
            staleness.days_since(updated),
            updated.strftime("%Y-%m-%d")
        ));
    }
    let scored: usize = rows.iter().map(|r| r.scored).sum();
    let due: usize = rows.iter().map(|r| r.due).sum();
    let submitted = rows.iter().filter(|r| r.submitted).count();
    let stale = match stale.len() {
        0 => String::new(),
        n => format!(
            ", {n} stale draft{} (unchanged for more than {} days)",
            if n == 1 { "" } else { "s" },
            staleness.days
        ),
    };
    out.push_str(&format!(
        "total: {scored}/{due} marks scored, {submitted}/{} sheets submitted{stale}\n",
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn row(reviewer: &str, submitted: bool, updated: Option<&str>) -> Row {
        Row {
            panel: "board".into(),
            reviewer: reviewer.into(),
            name: format!("Reviewer {reviewer}"),
            scored: 3,
            due: 4,
            submitted,
            updated: updated.map(|u| u.parse().unwrap()),
        }
    }

    fn at(now: &str) -> Staleness {
        Staleness {
            now: now.parse().unwrap(),
            days: 7,
        }
    }

    #[test]
    fn a_draft_is_stale_only_after_the_limit_and_never_when_submitted() {
        let draft = row("ann", false, Some("2007-06-01T10:00:00Z"));
        assert!(
            !at("2007-06-08T10:00:00Z").is_stale(&draft),
            "exactly 7 days"
        );
        assert!(at("2007-06-08T10:00:01Z").is_stale(&draft));
        let submitted = row("bob", true, Some("2007-06-01T10:00:00Z"));
        assert!(!at("2008-01-01T00:00:00Z").is_stale(&submitted));
        let not_started = row("cy", false, None);
        assert!(!at("2008-01-01T00:00:00Z").is_stale(&not_started));
    }

    #[test]
    fn stale_drafts_are_named_before_the_one_line_total() {
        let rows = [
            row("ann", false, Some("2007-06-01T10:00:00Z")),
            row("bob", true, Some("2007-06-01T10:00:00Z")),
            row("cy", false, Some("2007-06-20T10:00:00Z")),
        ];
        let text = table(&rows, at("2007-06-21T12:00:00Z"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + 3 + 1 + 1, "{text}");
        assert!(lines[1].contains("draft STALE"), "{text}");
        assert!(
            lines[3].contains("draft ") && !lines[3].contains("STALE"),
            "{text}"
        );
        assert_eq!(
            lines[4],
            "stale draft: ann on panel board (Reviewer ann), 3/4 scored, unchanged for 20 days (since 2007-06-01); remind them to finish and submit"
        );
        assert_eq!(
            lines[5],
            "total: 9/12 marks scored, 1/3 sheets submitted, 1 stale draft (unchanged for more than 7 days)"
        );
    }
}
