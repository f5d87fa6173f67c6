//! `panelist consensus`: the panel's agreed marks and comments, recorded by
//! its rapporteur or the committee's chair (*Discussion and consensus*),
//! through the same locked, journaled save as every other write: one mark
//! from the command line, or the consensus screen.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::model::{ConsensusChange, Index, Mark, PanelFile, format_points};
use crate::store::{self, LoadedReview};
use crate::{Error, assign, config, t};

/// `panelist consensus [DIR] --panel ID [--as ID] [REGION CRITERION POINTS [--note TEXT]]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "ARGS")]
    pub args: Vec<String>,
    #[arg(long)]
    pub panel: String,
    #[arg(long = "as", value_name = "ID")]
    pub writer: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}

/// One consensus mark asked for on the command line.
struct Cell<'a> {
    region: &'a str,
    criterion: &'a str,
    points: &'a str,
}

pub fn run(args: Args) -> Result<(), Error> {
    let (dir, cell) = match &args.args[..] {
        [] => (None, None),
        [dir] => (Some(PathBuf::from(dir)), None),
        [region, criterion, points] => (
            None,
            Some(Cell {
                region,
                criterion,
                points,
            }),
        ),
        [dir, region, criterion, points] => (
            Some(PathBuf::from(dir)),
            Some(Cell {
                region,
                criterion,
                points,
            }),
        ),
        _ => return Err(Error::Usage(t!("consensus-usage"))),
    };
    if cell.is_none() && args.note.is_some() {
        return Err(Error::Usage(t!("consensus-usage")));
    }
    let dir = config::review_dir(dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let writer = writer(&review, args.writer.as_deref())?;
    let index = Index::new(&review.review);
    let panel = super::known::known(
        "kind-panel",
        &args.panel,
        review.review.panel(&args.panel),
        review.review.panels.iter().map(|p| p.id.as_str()),
    )?;
    may_record(&review, panel, &writer)?;
    match cell {
        Some(cell) => record_one(&review, &index, panel, &writer, &cell, args.note),
        None => screen(&review, &index, panel, &writer),
    }
}

/// Who records: `--as`, recognised like `--reviewer`.
fn writer(review: &LoadedReview, given: Option<&str>) -> Result<String, Error> {
    let env = std::env::var("PANELIST_REVIEWER")
        .ok()
        .filter(|v| !v.is_empty());
    let login = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .ok();
    super::review::identify(&review.review, given, env.as_deref(), login.as_deref())
}

/// Refuses anyone but the panel's rapporteur and the committee's chair.
pub fn may_record(
    review: &LoadedReview,
    panel: &crate::model::Panel,
    writer: &str,
) -> Result<(), Error> {
    let review = &review.review;
    if review.consensus_recorders(panel).any(|who| who == writer) {
        return Ok(());
    }
    let recorders: Vec<&str> = review.consensus_recorders(panel).collect();
    Err(Error::Refused(if recorders.is_empty() {
        t!("consensus-nobody-may", panel = panel.id)
    } else {
        t!(
            "consensus-not-yours",
            writer = writer,
            panel = panel.id,
            recorders = recorders.join(", ")
        )
    }))
}

/// Why `writer` may not record the consensus of region `r`: a conflict as
/// *Assignment* counts them (`review.ron`, an affiliation, any sheet of
/// theirs), else `None`.
pub fn conflict(index: &Index, files: &[&PanelFile], writer: &str, r: usize) -> Option<String> {
    assign::conflicted_regions(index, writer, files)
        .contains(&r)
        .then(|| super::assign::conflict_cause(index, files, writer, r))
}

/// The regions of `panel` whose consensus `writer` may not record, each
/// with the cause ([`conflict`]), as the consensus screen bars them.
pub fn barred(
    index: &Index,
    files: &[&PanelFile],
    panel: &crate::model::Panel,
    writer: &str,
) -> Vec<(String, String)> {
    index
        .review
        .regions
        .iter()
        .enumerate()
        .filter(|(_, region)| panel.covers_region(&region.id))
        .filter_map(|(r, region)| Some((region.id.clone(), conflict(index, files, writer, r)?)))
        .collect()
}

/// The consensus screen on the local terminal: every member's mark and
/// note beside the agreed mark being typed, each saved at once; the
/// regions the writer is conflicted on are barred, with the cause.
fn screen(
    review: &LoadedReview,
    index: &Index,
    panel: &crate::model::Panel,
    writer: &str,
) -> Result<(), Error> {
    use crate::tui::consensus::{Opening, run_session};
    use crate::tui::session::Setup;
    use crate::tui::terminal::{Guard, LocalEvents};

    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Error::Refused(t!("consensus-needs-terminal")));
    }
    let loaded = store::load_inputs(review, &[], &super::progress_bar::Reading::new())?;
    let files: Vec<&PanelFile> = loaded.iter().map(|f| &f.file).collect();
    let barred = barred(index, &files, panel, writer);
    let file = files.iter().copied().find(|f| f.panel == panel.id);
    let setup = Setup::local();
    setup.enter_process();
    let (mut terminal, guard) =
        Guard::enter().map_err(|e| Error::io("set up", "the terminal".as_ref(), e))?;
    let mut events =
        LocalEvents::start().map_err(|e| Error::io("read", "the terminal".as_ref(), e))?;
    let opening = Opening {
        review,
        panel: &panel.id,
        writer,
        file,
        barred: &barred,
    };
    run_session(&mut terminal, &mut events, &guard.stop, &opening, setup);
    drop(guard);
    Ok(())
}

fn record_one(
    review: &LoadedReview,
    index: &Index,
    panel: &crate::model::Panel,
    writer: &str,
    cell: &Cell,
    note: Option<String>,
) -> Result<(), Error> {
    let region = super::known::known(
        "kind-region",
        cell.region,
        index.region(cell.region),
        review
            .review
            .regions
            .iter()
            .filter(|r| panel.covers_region(&r.id))
            .map(|r| r.id.as_str()),
    )?;
    let criterion = super::known::known(
        "kind-criterion",
        cell.criterion,
        index.criterion(cell.criterion),
        panel
            .criteria_in(&review.review)
            .map(|(_, c)| c.id.as_str()),
    )?;
    if !panel.covers_region(cell.region) || !panel.covers_criterion(cell.criterion) {
        return Err(Error::Refused(t!(
            "cmd-not-scored-here",
            panel = panel.id,
            region = cell.region,
            criterion = cell.criterion
        )));
    }
    let points = super::mark::parse_points(cell.points, criterion)?;
    let files = store::load_inputs(review, &[], &super::progress_bar::Reading::new())?;
    let files: Vec<&PanelFile> = files.iter().map(|f| &f.file).collect();
    if let Some(r) = index.region_index(cell.region)
        && let Some(cause) = conflict(index, &files, writer, r)
    {
        return Err(Error::Refused(t!(
            "consensus-conflict",
            writer = writer,
            region = cell.region,
            cause = cause
        )));
    }
    let saved = store::save_consensus(review, &panel.id, writer, |current| {
        let old = current.and_then(|c| c.mark(cell.region, cell.criterion));
        let note = note
            .clone()
            .or_else(|| old.map(|m| m.note.clone()))
            .unwrap_or_default();
        Ok(vec![ConsensusChange {
            region: cell.region.to_string(),
            criterion: cell.criterion.to_string(),
            mark: Some(Mark::new(points, note)),
        }])
    })?;
    let was = saved
        .before
        .as_ref()
        .and_then(|c| c.mark(cell.region, cell.criterion))
        .map_or_else(|| t!("cmd-no-mark"), |m| format_points(m.points));
    crate::outln!(
        "{}",
        t!(
            "consensus-saved",
            writer = writer,
            panel = panel.id,
            name = region.name,
            region = cell.region,
            criterion = cell.criterion,
            points = format_points(points),
            was = was
        )
    );
    Ok(())
}
