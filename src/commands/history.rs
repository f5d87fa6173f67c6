//! `panelist history`: the audit trail from the panels' journals.

use crate::model::{Mark, format_points};
use crate::store::journal::{self, Entry, Event};
use crate::{Error, config, store};
use std::collections::HashSet;
use std::path::PathBuf;

/// `panelist history [DIR] [--reviewer ID] [--region ID] [--panel ID]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub reviewer: Option<String>,
    #[arg(long)]
    pub region: Option<String>,
    #[arg(long)]
    pub panel: Option<String>,
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    if let Some(panel) = &args.panel
        && review.review.panel(panel).is_none()
    {
        return Err(Error::Refused(crate::t!(
            "cmd-unknown-panel",
            panel = panel
        )));
    }
    let mut lines: Vec<(jiff::Timestamp, String, usize, String)> = Vec::new();
    for panel in &review.review.panels {
        if args.panel.as_ref().is_some_and(|p| p != &panel.id) {
            continue;
        }
        let path = journal::journal_path(&review.scores_dir(), &panel.id);
        let journal = journal::read(&path)?;
        for problem in &journal.problems {
            crate::errln!("{}", crate::t!("cmd-warning", warning = problem));
        }
        let confirmed: HashSet<usize> = journal.confirmed().map(|(line, _)| *line).collect();
        // Reviewers whose sheet has been submitted so far in the journal:
        // their mark changes from then on are revisions.
        let mut submitted: HashSet<&str> = HashSet::new();
        for (line, entry) in &journal.entries {
            let revising = submitted.contains(entry.reviewer.as_str());
            if confirmed.contains(line) && once_submitted(&entry.event) {
                submitted.insert(&entry.reviewer);
            }
            if entry.event == Event::Committed
                || args.reviewer.as_ref().is_some_and(|r| r != &entry.reviewer)
            {
                continue;
            }
            if let Some(region) = &args.region
                && !concerns(entry, region)
            {
                continue;
            }
            let mut text = describe(entry, revising);
            if !confirmed.contains(line) {
                text.push_str(&crate::t!("history-interrupted"));
            }
            lines.push((entry.at, panel.id.clone(), *line, text));
        }
    }
    lines.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
    if lines.is_empty() {
        crate::outln!("{}", crate::t!("history-none"));
    }
    for (at, panel, _, text) in &lines {
        crate::outln!("{}  {panel:<12} {text}", at.strftime("%Y-%m-%d %H:%M:%SZ"));
    }
    Ok(())
}

/// Whether the sheet has been submitted once the event is applied: a
/// submission, or a snapshot of a sheet submitted (or reopened after one).
fn once_submitted(event: &Event) -> bool {
    match event {
        Event::Submitted(true) => true,
        Event::Snapshot(sheet) => sheet.revising(),
        _ => false,
    }
}

fn concerns(entry: &Entry, wanted: &str) -> bool {
    match &entry.event {
        Event::Snapshot(sheet) => sheet.scores.contains_key(wanted) || sheet.has_conflict(wanted),
        Event::Mark { region, .. } | Event::Conflict { region, .. } => region == wanted,
        Event::ConsensusSnapshot(consensus) => consensus.marks.contains_key(wanted),
        Event::Consensus { region, .. } => region == wanted,
        Event::Submitted(_) | Event::Committed => false,
    }
}

/// One entry in words: who, what, old → new. `revising`: the reviewer's
/// sheet was submitted before the entry, so a changed mark is *revised*,
/// with the points it had at the first submission (kept as the mark's
/// `preliminary`, the rule of [`crate::model::Change::apply`]).
fn describe(entry: &Entry, revising: bool) -> String {
    let who = &entry.reviewer;
    match &entry.event {
        Event::Committed => String::new(),
        Event::Snapshot(sheet) => crate::t!(
            "history-snapshot",
            who = format!("{:<10}", who),
            marks = sheet.marks().count(),
            conflicts = if sheet.conflicts.is_empty() {
                String::new()
            } else {
                crate::t!("history-conflicts-on", regions = sheet.conflicts.join(", "))
            },
            state = if sheet.submitted {
                crate::t!("history-state-submitted")
            } else {
                crate::t!("history-state-draft")
            }
        ),
        Event::Mark {
            region,
            criterion,
            old,
            new,
        } => change_of_mark(
            format!("{who:<10} {region} {criterion}: "),
            old,
            new,
            revising,
        ),
        Event::Conflict {
            region,
            declared: true,
        } => crate::t!(
            "history-declared",
            who = format!("{:<10}", who),
            region = region
        ),
        Event::Conflict {
            region,
            declared: false,
        } => crate::t!(
            "history-withdrew",
            who = format!("{:<10}", who),
            region = region
        ),
        Event::Submitted(true) => crate::t!("history-submitted", who = format!("{:<10}", who)),
        Event::Submitted(false) => crate::t!("history-reopened", who = format!("{:<10}", who)),
        Event::ConsensusSnapshot(consensus) => crate::t!(
            "history-consensus-snapshot",
            who = format!("{:<10}", who),
            marks = consensus.marks().count()
        ),
        Event::Consensus {
            region,
            criterion,
            old,
            new,
        } => {
            let label = crate::t!(
                "history-consensus",
                who = format!("{:<10}", who),
                region = region,
                criterion = criterion
            );
            change_of_mark(format!("{label}: "), old, new, false)
        }
    }
}

/// A mark's change in words, after `label`: its points and its note, old
/// -> new. `revising`: the sheet was submitted before the change, so a
/// changed mark is *revised*, with its points at the first submission.
fn change_of_mark(label: String, old: &Option<Mark>, new: &Option<Mark>, revising: bool) -> String {
    let points = |m: &Option<Mark>| {
        m.as_ref()
            .map_or("-".to_string(), |m| format_points(m.points))
    };
    let note = |m: &Option<Mark>| m.as_ref().map(|m| m.note.clone()).unwrap_or_default();
    let mut text = label;
    let bare = text.len();
    if points(old) != points(new) || old.is_none() || new.is_none() {
        let (old_points, new_points) = (points(old), points(new));
        text.push_str(&match old.as_ref() {
            _ if !revising => crate::t!("history-mark", old = old_points, new = new_points),
            Some(first) => crate::t!(
                "history-revised",
                old = old_points,
                new = new_points,
                preliminary = format_points(first.preliminary.unwrap_or(first.points))
            ),
            None => crate::t!("history-revised-new", old = old_points, new = new_points),
        });
    }
    if note(old) != note(new) {
        if text.len() > bare {
            text.push_str("; ");
        }
        text.push_str(&crate::t!(
            "history-note",
            old = format!("{:?}", note(old)),
            new = format!("{:?}", note(new))
        ));
    }
    text
}
