//! `panelist mark`: sets one mark through the same locked, atomic save as the TUI.

use std::path::PathBuf;

use crate::model::{Change, Conflict, Index, Mark, format_points};
use crate::store::{self, LoadedReview, SessionLock};
use crate::{Error, config};

/// `panelist mark [DIR] --reviewer ID --panel ID REGION CRITERION POINTS [--note TEXT]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "ARGS", required = true)]
    pub args: Vec<String>,
    #[arg(long)]
    pub reviewer: String,
    #[arg(long)]
    pub panel: String,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub reopen: bool,
}

pub fn run(args: Args) -> Result<(), Error> {
    let (dir, region, criterion, points) = match &args.args[..] {
        [dir, region, criterion, points] => (Some(PathBuf::from(dir)), region, criterion, points),
        [region, criterion, points] => (None, region, criterion, points),
        _ => {
            return Err(Error::Usage(crate::t!("cmd-mark-usage")));
        }
    };
    let dir = config::review_dir(dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let index = Index::new(&review.review);
    let target = super::submit::target(&index, &args.reviewer, &args.panel)?;
    let panel = &review.review.panels[target];
    let region_def = super::known::known(
        "kind-region",
        region,
        index.region(region),
        panel
            .regions_of(&review.review, &args.reviewer)
            .map(|r| r.id.as_str()),
    )?;
    let criterion_def = super::known::known(
        "kind-criterion",
        criterion,
        index.criterion(criterion),
        panel
            .criteria_in(&review.review)
            .map(|(_, c)| c.id.as_str()),
    )?;
    if !panel.covers_region(region) || !panel.covers_criterion(criterion) {
        return Err(Error::Refused(crate::t!(
            "cmd-not-scored-here",
            panel = panel.id,
            region = region,
            criterion = criterion
        )));
    }
    if !panel.assigns(&args.reviewer, region) {
        return Err(Error::Refused(crate::t!(
            "cmd-not-assigned",
            reviewer = args.reviewer,
            panel = panel.id,
            region = region
        )));
    }
    let points = parse_points(points, criterion_def)?;
    let conflict = index
        .region_index(region)
        .and_then(|r| index.conflict(&args.reviewer, r));
    match conflict {
        Some(Conflict::Declared) => {
            return Err(Error::Refused(crate::t!(
                "cmd-chair-conflict",
                reviewer = args.reviewer,
                region = region
            )));
        }
        Some(Conflict::Institution(institution)) => {
            return Err(Error::Refused(crate::t!(
                "cmd-institution-conflict",
                reviewer = args.reviewer,
                region = region,
                institution = institution
            )));
        }
        None => {}
    }
    let _session = SessionLock::acquire(&review.scores_dir(), &panel.id, &args.reviewer)?;
    let (previous, _) = save_mark(&review, &args, region, criterion, points)?;
    let was = previous.map_or_else(|| crate::t!("cmd-no-mark"), |m| format_points(m.points));
    crate::outln!(
        "{}",
        crate::t!(
            "cmd-saved",
            reviewer = args.reviewer,
            panel = panel.id,
            name = region_def.name,
            region = region,
            criterion = criterion,
            points = format_points(points),
            was = was
        )
    );
    Ok(())
}

fn save_mark(
    review: &LoadedReview,
    args: &Args,
    region: &str,
    criterion: &str,
    points: f64,
) -> Result<(Option<Mark>, crate::model::Sheet), Error> {
    let saved = store::save_changes(review, &args.panel, &args.reviewer, |sheet| {
        if sheet.has_conflict(region) {
            return Err(Error::Refused(crate::t!(
                "cmd-own-conflict",
                region = region
            )));
        }
        let mut changes = Vec::new();
        if sheet.submitted {
            if !args.reopen {
                return Err(Error::Refused(crate::t!("cmd-submitted-reopen")));
            }
            changes.push(Change::Submitted(false));
        }
        let note = match &args.note {
            Some(note) => note.clone(),
            None => sheet
                .mark(region, criterion)
                .map(|m| m.note.clone())
                .unwrap_or_default(),
        };
        changes.push(Change::Cell {
            region: region.to_string(),
            criterion: criterion.to_string(),
            mark: Some(Mark::new(points, note)),
        });
        Ok(changes)
    })?;
    if saved.before.submitted {
        crate::errln!("{}", crate::t!("cmd-draft-again"));
    }
    Ok((saved.before.mark(region, criterion).cloned(), saved.sheet))
}

/// Reads a mark as typed: a decimal number with a `.`, within the criterion's range and grid.
pub fn parse_points(text: &str, criterion: &crate::model::Criterion) -> Result<f64, Error> {
    let rule = crate::t!(
        "cmd-mark-rule",
        criterion = criterion.id,
        max = format_points(criterion.max),
        step = format_points(criterion.step)
    );
    let value: f64 = text
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| {
            v.is_finite() && text.trim().chars().all(|c| c.is_ascii_digit() || c == '.')
        })
        .ok_or_else(|| Error::Refused(crate::t!("cmd-not-a-mark", text = text, rule = rule)))?;
    if criterion.accepts(value) {
        Ok(value)
    } else {
        Err(Error::Refused(crate::t!(
            "cmd-mark-not-allowed",
            text = text,
            rule = rule
        )))
    }
}
