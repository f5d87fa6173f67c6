//! `panelist assign`: who reviews what on one panel (SPEC, *Assignment*).
//! Builds the panel's problem from the review and every panel file, solves
//! it exactly (`crate::assign`), prints the outcome and, unless
//! `--dry-run`, rewrites the panel's `regions:` in `review.ron` as
//! `PerMember` lists through an atomic write, every other byte as it was.

use std::path::PathBuf;

use crate::assign::{self, Assignment, Infeasible, Plan, Request};
use crate::model::{Index, PanelFile, Review};
use crate::source::SourceText;
use crate::store::{self, LoadedReview};
use crate::{Error, config, t, validate};

/// `panelist assign [DIR] --panel ID --per-region K [--max-load N] [--keep]
/// [--without ID]... [--dry-run]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long)]
    pub panel: String,
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..))]
    pub per_region: u32,
    #[arg(long, value_name = "N")]
    pub max_load: Option<u32>,
    #[arg(long)]
    pub keep: bool,
    #[arg(long, value_name = "ID")]
    pub without: Vec<String>,
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let index = Index::new(&review.review);
    let panel = super::known::known(
        "kind-panel",
        &args.panel,
        index.panel(&args.panel),
        review.review.panels.iter().map(|p| p.id.as_str()),
    )?;
    for id in &args.without {
        if !panel.has_member(id) {
            return Err(Error::Refused(t!(
                "assign-without-not-member",
                reviewer = id,
                panel = panel.id,
                members = panel.members.join(", ")
            )));
        }
    }
    let files = store::load_inputs(&review, &[], &super::progress_bar::Reading::new())?;
    let files: Vec<&PanelFile> = files.iter().map(|f| &f.file).collect();
    let p = index.panel_index(&panel.id).unwrap_or_default();
    let request = Request {
        per_region: args.per_region,
        max_load: args.max_load,
        keep: args.keep,
        without: args.without.clone(),
    };
    let plan = assign::plan(&index, p, &files, &request);
    let assignment = assign::solve(&plan.problem)
        .map_err(|why| Error::Refused(infeasible(&review.review, &index, &plan, &files, &why)))?;
    crate::out!("{}", outcome(&review.review, &plan, &assignment));
    if args.dry_run {
        crate::outln!("{}", t!("assign-dry-run"));
        return Ok(());
    }
    write(&review, &plan, &assignment)
}

/// Rewrites the panel's `regions:` and checks, before anything is written,
/// that the new text reads back as the same review with only those lists
/// changed.
fn write(review: &LoadedReview, plan: &Plan, assignment: &Assignment) -> Result<(), Error> {
    let panel = &review.review.panels[plan.panel];
    let lists = plan.lists(&review.review, assignment);
    let path = review.dir.join("review.ron");
    let text = crate::source::with_per_member(&review.source.text, &panel.id, &lists)
        .ok_or_else(|| Error::Refused(t!("assign-no-regions-field", panel = panel.id)))?;
    let mut expected = review.review.clone();
    expected.panels[plan.panel].regions =
        crate::model::Regions::PerMember(lists.into_iter().collect());
    let reread: Review = SourceText::new(&path, text.as_str())
        .parse()
        .map_err(|p| Error::Refused(p.to_string()))?;
    if reread != expected {
        return Err(Error::Refused(t!(
            "assign-no-regions-field",
            panel = panel.id
        )));
    }
    store::write_atomic_parts(&path, &[text.as_bytes()], store::RESULTS_FILE_MODE)?;
    crate::outln!(
        "{}",
        t!(
            "assign-written",
            panel = panel.id,
            file = path.display().to_string()
        )
    );
    Ok(())
}

/// The objective, the loads, the regions no assigned member shares a field
/// with, and each member's list.
fn outcome(review: &Review, plan: &Plan, assignment: &Assignment) -> String {
    let mut loads = vec![0usize; plan.members.len()];
    let mut unmatched = Vec::new();
    for (i, members) in assignment.members.iter().enumerate() {
        let weight: u64 = members
            .iter()
            .map(|&m| plan.problem.weight(i, m as usize))
            .sum();
        if weight == 0 {
            unmatched.push(review.regions[plan.regions[i]].id.as_str());
        }
        for &m in members {
            if let Some(load) = loads.get_mut(m as usize) {
                *load += 1;
            }
        }
    }
    let pairs: usize = loads.iter().sum();
    let mut out = t!(
        "assign-summary",
        panel = review.panels[plan.panel].id,
        regions = plan.regions.len(),
        members = plan.members.len(),
        k = plan.problem.per_region
    );
    out.push('\n');
    out.push_str(&t!(
        "assign-objective",
        objective = assignment.objective,
        pairs = pairs
    ));
    out.push('\n');
    if !loads.is_empty() {
        let min = loads.iter().min().copied().unwrap_or(0);
        let max = loads.iter().max().copied().unwrap_or(0);
        let mean = format!("{:.2}", pairs as f64 / loads.len() as f64);
        out.push_str(&t!("assign-loads", min = min, mean = mean, max = max));
        out.push('\n');
    }
    out.push_str(&if unmatched.is_empty() {
        t!("assign-all-matched")
    } else {
        t!(
            "assign-unmatched",
            count = unmatched.len(),
            regions = unmatched.join(", ")
        )
    });
    out.push('\n');
    for (member, regions) in plan.lists(review, assignment) {
        let name = review.reviewer(&member).map_or("", |r| r.name.as_str());
        out.push_str(&t!(
            "assign-member",
            reviewer = member,
            name = name,
            count = regions.len(),
            regions = regions.join(", ")
        ));
        out.push('\n');
    }
    out
}

/// Why no assignment exists, in words naming regions and members: the
/// message of exit 1.
fn infeasible(
    review: &Review,
    index: &Index,
    plan: &Plan,
    files: &[&PanelFile],
    why: &Infeasible,
) -> String {
    let region = |i: u32| {
        plan.regions
            .get(i as usize)
            .map_or("?", |&r| review.regions[r].id.as_str())
    };
    let member = |m: u32| plan.members.get(m as usize).copied().unwrap_or("?");
    let k = plan.problem.per_region;
    let mut lines = vec![t!(
        "assign-infeasible",
        panel = review.panels[plan.panel].id
    )];
    match why {
        Infeasible::Malformed(malformed) => {
            lines.push(t!("assign-malformed", detail = format!("{malformed:?}")));
        }
        Infeasible::Kept(breaks) => {
            for &(r, m) in &breaks.forbidden {
                let cause = conflict_cause(index, files, member(m), plan.regions[r as usize]);
                lines.push(t!(
                    "assign-kept-conflict",
                    reviewer = member(m),
                    region = region(r),
                    cause = cause
                ));
            }
            for crowded in &breaks.crowded {
                lines.push(t!(
                    "assign-kept-crowded",
                    region = region(crowded.region),
                    kept = crowded.kept,
                    k = k
                ));
            }
            for over in &breaks.overloaded {
                lines.push(t!(
                    "assign-kept-overloaded",
                    reviewer = member(over.member),
                    kept = over.kept,
                    load = over.load
                ));
            }
        }
        Infeasible::Uncoverable(regions) => {
            for uncoverable in regions {
                lines.push(t!(
                    "assign-uncoverable",
                    region = region(uncoverable.region),
                    k = k,
                    free = uncoverable.free,
                    members = plan.members.len()
                ));
            }
        }
        Infeasible::Loads { places, loads } => {
            lines.push(t!(
                "assign-loads-short",
                places = places,
                k = k,
                regions = plan.regions.len(),
                loads = loads,
                missing = places.saturating_sub(*loads)
            ));
        }
        Infeasible::Shortfall(shortfall) => {
            let ids: Vec<&str> = shortfall.regions.iter().map(|&r| region(r)).collect();
            lines.push(t!(
                "assign-shortfall",
                count = ids.len(),
                regions = ids.join(", "),
                need = shortfall.need,
                give = shortfall.can_give
            ));
        }
    }
    lines.join("\n  ")
}

/// Why `member` may not review region `r` (an index into the review's
/// regions): `review.ron`'s cause, else a sheet of theirs.
pub(super) fn conflict_cause(
    index: &Index,
    files: &[&PanelFile],
    member: &str,
    r: usize,
) -> String {
    if let Some(conflict) = index.conflict(member, r) {
        return validate::conflict_cause(&conflict);
    }
    let region = &index.review.regions[r].id;
    let panel = files
        .iter()
        .find(|f| f.sheets.get(member).is_some_and(|s| s.has_conflict(region)))
        .map_or("?", |f| f.panel.as_str());
    t!("conflict-cause-sheet", panel = panel)
}
