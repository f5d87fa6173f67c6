//! `panelist status`: progress per panel and reviewer.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::model::{Index, Sheet};
use crate::progress::{self, Progress};
use crate::text::{self, ELLIPSIS, pad_left, pad_right, truncate};
use crate::{Error, config, store, t};

/// `panelist status [DIR] [--csv] [--stale-days DAYS]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub csv: bool,
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub stale_days: u32,
    #[arg(long, value_name = "TIME", hide = true)]
    pub now: Option<jiff::Timestamp>,
}

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
    /// Under `PerMember`: regions of the panel, not (or no longer) the
    /// reviewer's, on which their sheet holds marks that do not count.
    pub unassigned: Vec<String>,
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

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let files = store::load_inputs(&review, &[], &super::progress_bar::Reading::new())?;
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
                unassigned: progress
                    .unassigned
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            });
        }
    }
    let consensus = consensus_lines(&review.review, &files);
    if args.csv {
        crate::out!(
            "{}",
            csv(&rows).map_err(|e| Error::Refused(t!("status-cannot-csv", error = e)))?
        );
    } else {
        let ineligible = progress::ineligible(&review.review).count();
        crate::out!("{}", table(&rows, staleness, ineligible));
        for line in consensus.iter().chain(&offline_lines(&review)) {
            crate::outln!("{line}");
        }
    }
    Ok(())
}

/// A line per reviewer working offline: their latest form of a panel not
/// yet imported, and when it was made (from the panel's forms log; a log
/// that cannot be read is passed over, as `check` does not need it). A
/// form of theirs imported after it was made brought them back: of two
/// forms made at once (a CSV and a workbook, to choose from), one returns.
fn offline_lines(review: &store::LoadedReview) -> Vec<String> {
    let mut lines = Vec::new();
    for panel in &review.review.panels {
        let Ok(log) = store::read_forms_log(review, &panel.id) else {
            continue;
        };
        for member in &panel.members {
            let theirs = || log.forms.iter().filter(|f| &f.reviewer == member);
            let last_import = theirs().filter_map(|f| f.imported).max();
            let latest = theirs().max_by_key(|f| f.made);
            let out = latest.filter(|f| last_import.is_none_or(|at| at < f.made));
            if let Some(form) = out {
                lines.push(t!(
                    "status-forms-line",
                    reviewer = member,
                    panel = &panel.id,
                    made = form.made.strftime("%Y-%m-%d %H:%M").to_string()
                ));
            }
        }
    }
    lines
}

/// A line per panel whose consensus someone may record: how many of its
/// cells have a consensus mark, and who wrote last.
fn consensus_lines(review: &crate::model::Review, files: &[store::LoadedPanelFile]) -> Vec<String> {
    let mut lines = Vec::new();
    for panel in &review.panels {
        let recorders: Vec<&str> = review.consensus_recorders(panel).collect();
        if recorders.is_empty() {
            continue;
        }
        let consensus = files
            .iter()
            .find(|f| f.file.panel == panel.id)
            .and_then(|f| f.file.consensus.as_ref());
        let progress = progress::ConsensusProgress::of(review, panel, consensus);
        lines.push(match consensus {
            Some(c) => t!(
                "status-consensus-line",
                panel = &panel.id,
                recorded = progress.recorded,
                due = progress.due,
                by = &c.by,
                at = c.updated.strftime("%Y-%m-%d %H:%M").to_string()
            ),
            None => t!(
                "status-consensus-none",
                panel = &panel.id,
                due = progress.due,
                recorders = recorders.join(", ")
            ),
        });
    }
    lines
}

/// The columns a text column takes: its widest cell or heading, at least
/// `min` and at most 28 (longer cells are cut).
fn column_width<'a>(heading: &str, cells: impl Iterator<Item = &'a str>, min: usize) -> usize {
    cells
        .map(text::width)
        .chain([text::width(heading)])
        .max()
        .unwrap_or(0)
        .clamp(min, 28)
}

/// The state as `--csv` writes it (the same in every language).
fn state(row: &Row) -> &'static str {
    match (row.submitted, row.updated) {
        (true, _) => "submitted",
        (false, Some(_)) => "draft",
        (false, None) => "not started",
    }
}

/// The state in words for the table, with a stale draft called so.
fn state_words(row: &Row, staleness: Staleness) -> String {
    match (row.submitted, row.updated) {
        (true, _) => t!("status-submitted"),
        (false, Some(_)) if staleness.is_stale(row) => t!("status-stale"),
        (false, Some(_)) => t!("status-draft"),
        (false, None) => t!("status-not-started"),
    }
}

/// The progress table, the stale drafts called out by name, how many
/// regions are not eligible (their marks are not due, so not counted), and
/// the one-line total. Columns are measured in terminal columns, so Japanese
/// names and headings (two columns a character) line up.
fn table(rows: &[Row], staleness: Staleness, ineligible: usize) -> String {
    let headings = [
        t!("status-col-panel"),
        t!("status-col-reviewer"),
        t!("status-col-name"),
        t!("status-col-progress"),
        t!("status-col-state"),
        t!("status-col-updated"),
    ];
    let states: Vec<String> = rows.iter().map(|r| state_words(r, staleness)).collect();
    let panel_w = column_width(&headings[0], rows.iter().map(|r| r.panel.as_str()), 5);
    let reviewer_w = column_width(&headings[1], rows.iter().map(|r| r.reviewer.as_str()), 8);
    let name_w = column_width(&headings[2], rows.iter().map(|r| r.name.as_str()), 4);
    let progress_w = text::width(&headings[3]).max(11);
    let state_w = column_width(&headings[4], states.iter().map(String::as_str), 11);
    let pad = |text: &str, w: usize| pad_right(&truncate(text, w, ELLIPSIS), w);
    let mut out = format!(
        "{}  {}  {}  {}  {}  {}\n",
        pad(&headings[0], panel_w),
        pad(&headings[1], reviewer_w),
        pad(&headings[2], name_w),
        pad_left(&headings[3], progress_w),
        pad(&headings[4], state_w),
        headings[5]
    );
    for (row, state) in rows.iter().zip(&states) {
        let line = format!(
            "{}  {}  {}  {}  {}  {}",
            pad(&row.panel, panel_w),
            pad(&row.reviewer, reviewer_w),
            pad(&row.name, name_w),
            pad_left(&format!("{}/{}", row.scored, row.due), progress_w),
            pad(state, state_w),
            row.updated.map_or_else(|| "-".into(), |u| u.to_string())
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let stale: Vec<&Row> = rows.iter().filter(|r| staleness.is_stale(r)).collect();
    for row in &stale {
        let Some(updated) = row.updated else { continue };
        let line = t!(
            "status-stale-line",
            reviewer = &row.reviewer,
            panel = &row.panel,
            name = &row.name,
            scored = row.scored,
            due = row.due,
            days = staleness.days_since(updated),
            since = updated.strftime("%Y-%m-%d")
        );
        out.push_str(&line);
        out.push('\n');
    }
    for row in rows.iter().filter(|r| !r.unassigned.is_empty()) {
        let line = t!(
            "status-unassigned-line",
            reviewer = &row.reviewer,
            panel = &row.panel,
            name = &row.name,
            count = row.unassigned.len(),
            regions = row.unassigned.join(", ")
        );
        out.push_str(&line);
        out.push('\n');
    }
    if ineligible > 0 {
        out.push_str(&t!("status-ineligible", count = ineligible));
        out.push('\n');
    }
    let scored: usize = rows.iter().map(|r| r.scored).sum();
    let due: usize = rows.iter().map(|r| r.due).sum();
    let submitted = rows.iter().filter(|r| r.submitted).count();
    let total = match stale.len() {
        0 => t!(
            "status-total",
            scored = scored,
            due = due,
            submitted = submitted,
            sheets = rows.len()
        ),
        n => t!(
            "status-total-stale",
            scored = scored,
            due = due,
            submitted = submitted,
            sheets = rows.len(),
            stale = n,
            days = staleness.days
        ),
    };
    out.push_str(&total);
    out.push('\n');
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
    let bytes = writer
        .into_inner()
        .map_err(csv::IntoInnerError::into_error)?;
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
            unassigned: Vec::new(),
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
        let text = table(&rows, at("2007-06-21T12:00:00Z"), 0);
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

    #[test]
    fn regions_not_eligible_are_counted_in_one_line_before_the_total() {
        let rows = [row("ann", true, Some("2007-06-01T10:00:00Z"))];
        let text = table(&rows, at("2007-06-02T10:00:00Z"), 2);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + 1 + 1 + 1, "{text}");
        assert_eq!(
            lines[2],
            "2 regions are not eligible under the committee's rule: their marks are not due (not counted in scored/due)"
        );
        assert!(lines[3].starts_with("total: 3/4 marks scored"), "{text}");
        let none = table(&rows, at("2007-06-02T10:00:00Z"), 0);
        assert_eq!(none.lines().count(), 3, "{none}");
        assert!(!none.contains("eligible"), "{none}");
    }
}
