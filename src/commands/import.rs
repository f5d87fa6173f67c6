//! `panelist import`: filled forms back in. Every cell is checked; a form
//! with any problem saves nothing; the marks go through the same locked,
//! journaled save as the TUI and `mark`, as the reviewer the form names.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::form::{self, Filled, Format};
use crate::model::{Change, Index, format_points};
use crate::store::{self, LoadedReview, SessionLock};
use crate::{Error, Problem, Problems, config, t};

/// The largest form read: a form of a national cycle's panel is a few MB.
const MAX_FORM_BYTES: u64 = 64 * 1024 * 1024;

/// `panelist import [DIR] FILE... [--dry-run] [--force] [--reopen]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub reopen: bool,
}

pub fn run(args: Args) -> Result<(), Error> {
    let (dir, files) = match args.files.split_first() {
        Some((first, rest)) if first.is_dir() && !rest.is_empty() => (Some(first.clone()), rest),
        _ => (None, &args.files[..]),
    };
    let dir = config::review_dir(dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let mut problems = Vec::new();
    let mut applied = 0;
    for file in files {
        match import_file(&review, file, &args) {
            Ok(()) => applied += 1,
            Err(messages) => {
                problems.extend(messages.into_iter().map(|m| Problem::at(file, None, m)));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else if applied == 0 || args.dry_run {
        Err(Error::Invalid(Problems(problems)))
    } else {
        // Not "nothing was written": the forms without a problem were saved.
        for problem in &problems {
            crate::errln!("{problem}");
        }
        Err(Error::Refused(t!(
            "import-partly",
            applied = applied,
            files = files.len()
        )))
    }
}

/// Reads, checks and saves one form; `Err` lists its problems.
fn import_file(review: &LoadedReview, file: &Path, args: &Args) -> Result<(), Vec<String>> {
    let bytes = read(file).map_err(|m| vec![m])?;
    let format = Format::sniff(&bytes);
    let filled = parse_and_check(review, &bytes)?;
    let identity = &filled.identity;
    let (panel, reviewer) = (identity.panel.as_str(), identity.reviewer.as_str());
    let one = |e: Error| vec![e.to_string()];
    let changes = if args.dry_run {
        let sheet = store::read_sheet(review, panel, reviewer).map_err(one)?;
        decide(review, &filled, sheet.as_ref(), args)?
    } else {
        // As `mark`: not while the reviewer has a session open on the panel.
        let _session = SessionLock::acquire(&review.scores_dir(), panel, reviewer).map_err(one)?;
        let mut refused = None;
        let saved = store::save_changes(review, panel, reviewer, |sheet| {
            decide(review, &filled, Some(sheet), args).map_err(|messages| {
                refused = Some(messages);
                Error::Refused(String::new())
            })
        });
        if let Some(messages) = refused {
            return Err(messages);
        }
        let saved = saved.map_err(one)?;
        store::mark_imported(review, panel, reviewer, identity.made, format).map_err(one)?;
        changes_of(&saved.before, &saved.sheet, &filled)
    };
    report(file, &filled, &changes, args.dry_run);
    Ok(())
}

/// A form's bytes, within [`MAX_FORM_BYTES`].
fn read(file: &Path) -> Result<Vec<u8>, String> {
    let opened = std::fs::File::open(file).map_err(|e| crate::io_reason(&e))?;
    let mut bytes = Vec::new();
    opened
        .take(MAX_FORM_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::io_reason(&e))?;
    if bytes.len() as u64 > MAX_FORM_BYTES {
        return Err(t!("form-too-large", mib = MAX_FORM_BYTES / 1024 / 1024));
    }
    Ok(bytes)
}

/// A form from its bytes, every cell checked against the review.
fn parse_and_check(review: &LoadedReview, bytes: &[u8]) -> Result<Filled, Vec<String>> {
    let index = Index::new(&review.review);
    form::check_form(
        &index,
        &review.fingerprint,
        form::read_form(bytes),
        |identity| {
            store::conflicts_elsewhere(review, &identity.reviewer, &identity.panel)
                .into_iter()
                .map(|(region, _)| region)
                .collect()
        },
    )
}

/// The changes the form makes to the sheet as it stands (under the panel's
/// lock when saving): stale cells refused unless `--force`, a submitted
/// sheet unless `--reopen`.
fn decide(
    review: &LoadedReview,
    filled: &Filled,
    sheet: Option<&crate::model::Sheet>,
    args: &Args,
) -> Result<Vec<Change>, Vec<String>> {
    let identity = &filled.identity;
    // A form "made" later than now would pass for newer than every save:
    // its time was changed (in a CSV it is plain text on the first line).
    let now = store::now();
    if identity.made > now {
        return Err(vec![t!(
            "form-made-later",
            made = identity.made.to_string(),
            now = now.to_string()
        )]);
    }
    let changed = store::changed_since(review, &identity.panel, &identity.reviewer, identity.made)
        .map_err(|e| vec![e.to_string()])?;
    let mut changes = form::stale_cells(filled, sheet, &changed, args.force)?;
    if !changes.is_empty() && sheet.is_some_and(|s| s.submitted) {
        if !args.reopen {
            return Err(vec![t!("cmd-submitted-reopen")]);
        }
        changes.insert(0, Change::Submitted(false));
    }
    Ok(changes)
}

/// The changes a save made, as [`decide`] would list them.
fn changes_of(
    before: &crate::model::Sheet,
    after: &crate::model::Sheet,
    filled: &Filled,
) -> Vec<Change> {
    let mut changes = Vec::new();
    if before.submitted && !after.submitted {
        changes.push(Change::Submitted(false));
    }
    for region in filled.conflicts.keys() {
        if before.has_conflict(region) != after.has_conflict(region) {
            changes.push(Change::Conflict {
                region: region.clone(),
                declared: after.has_conflict(region),
            });
        }
    }
    for cell in &filled.marks {
        let (old, new) = (
            before.mark(&cell.region, &cell.criterion),
            after.mark(&cell.region, &cell.criterion),
        );
        if old.map(|m| (m.points, &m.note)) != new.map(|m| (m.points, &m.note)) {
            changes.push(Change::Cell {
                region: cell.region.clone(),
                criterion: cell.criterion.clone(),
                mark: new.cloned(),
            });
        }
    }
    changes
}

/// One line per change, then what the form did.
fn report(file: &Path, filled: &Filled, changes: &[Change], dry_run: bool) {
    for change in changes {
        let line = match change {
            Change::Cell {
                region,
                criterion,
                mark: Some(mark),
            } if !mark.note.trim().is_empty() => t!(
                "import-line-mark-note",
                region = region,
                criterion = criterion,
                points = format_points(mark.points),
                note = note_line(&mark.note)
            ),
            Change::Cell {
                region,
                criterion,
                mark: Some(mark),
            } => t!(
                "import-line-mark",
                region = region,
                criterion = criterion,
                points = format_points(mark.points)
            ),
            Change::Conflict { region, declared } => {
                let key = if *declared {
                    "import-line-conflict-declared"
                } else {
                    "import-line-conflict-withdrawn"
                };
                t!(key, region = region)
            }
            Change::Submitted(_) => t!("import-line-reopened"),
            Change::Cell { .. } => continue,
        };
        crate::outln!("  {line}");
    }
    let key = if dry_run {
        "import-would"
    } else {
        "import-done"
    };
    crate::outln!(
        "{}",
        t!(
            key,
            file = file.display(),
            count = changes.len(),
            reviewer = &filled.identity.reviewer,
            panel = &filled.identity.panel
        )
    );
}

/// A note as a line of the report: its first line, cut to 40 columns
/// (`...` when cut, or when more lines follow).
fn note_line(note: &str) -> String {
    const COLUMNS: usize = 40;
    let note = note.trim();
    let first = note.lines().next().unwrap_or_default().trim_end();
    let cut = crate::text::truncate(first, COLUMNS, "...");
    if cut == first && first.len() < note.len() {
        format!("{first}...")
    } else {
        cut
    }
}
