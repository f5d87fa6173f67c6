//! A filled form checked cell by cell against the review, then turned into
//! the changes of the reviewer's sheet. Every problem names its cell
//! (`Form!F12`, or `F12` in a CSV) and says what to do; a form with any
//! problem gives no change at all.
//!
//! What a filled cell means: a mark typed sets the mark and its note (the
//! note cell as it stands, empty or not); an empty mark cell changes
//! nothing, so a form never removes a mark; the conflict cell of a region
//! declares a conflict when it holds the form's word for yes (in either
//! language, or `x`), and withdraws one the sheet declares when empty. A
//! region declared conflicted takes no new mark: its marks left as the
//! form showed them stay on the sheet, as when a conflict is declared in
//! the TUI.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::grid::{Cell, Grid};
use super::identity::{Identity, VERSION};
use super::layout::{Column, FormRow, HEADER_ROW};
use crate::i18n::{Lang, text_in};
use crate::model::{Change, Criterion, Index, Mark, Refusal, Sheet, format_points, same_points};
use crate::t;

/// A mark typed in a form.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledCell {
    pub region: String,
    pub criterion: String,
    pub mark: Mark,
    /// The name of the mark's cell, for messages.
    pub at: String,
}

/// What a form says, every cell checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    pub identity: Identity,
    pub marks: Vec<FilledCell>,
    /// Each region the form has rows for: whether it declares a conflict,
    /// and the cell that says so.
    pub conflicts: BTreeMap<String, (bool, String)>,
}

/// The panel (an index) of a form's identity, once the form is for this
/// review, its rubric, a version this panelist reads, and a member of the
/// panel; else what is wrong and what to do.
pub fn check_identity(
    index: &Index<'_>,
    fingerprint: &str,
    identity: &Identity,
) -> Result<usize, String> {
    let review = index.review;
    if identity.version != VERSION {
        return Err(t!(
            "form-wrong-version",
            version = identity.version,
            expected = VERSION
        ));
    }
    if identity.review != review.id {
        return Err(t!(
            "form-wrong-review",
            review = &identity.review,
            expected = &review.id
        ));
    }
    if identity.rubric != fingerprint {
        return Err(t!(
            "form-wrong-rubric",
            rubric = &identity.rubric,
            expected = fingerprint
        ));
    }
    let panel = index
        .panel_index(&identity.panel)
        .ok_or_else(|| t!("form-unknown-panel", panel = &identity.panel))?;
    if !review.panels[panel].has_member(&identity.reviewer) {
        return Err(t!(
            "form-not-member",
            reviewer = &identity.reviewer,
            panel = &identity.panel
        ));
    }
    Ok(panel)
}

/// Every cell of a filled form, against `rows`: what the reviewer's form
/// would ask now. `Err` lists every problem, each with its cell.
pub fn check_filled(
    index: &Index<'_>,
    identity: Identity,
    grid: &Grid,
    rows: &[FormRow],
) -> Result<Filled, Vec<String>> {
    let expected: BTreeMap<(&str, &str), &FormRow> = rows
        .iter()
        .map(|r| ((r.region.as_str(), r.criterion.as_str()), r))
        .collect();
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut filled = Filled {
        identity,
        marks: Vec::new(),
        conflicts: BTreeMap::new(),
    };
    for row in HEADER_ROW + 1..grid.rows.len() {
        if grid.rows[row].iter().all(Cell::is_blank) {
            continue;
        }
        let region = grid.get(row, Column::RegionId.index()).text();
        let criterion = grid.get(row, Column::CriterionId.index()).text();
        let at = grid.name(row, Column::RegionId.index());
        if !expected.contains_key(&(region.as_str(), criterion.as_str())) {
            problems.push(t!(
                "form-row-unknown",
                at = at,
                region = &region,
                criterion = &criterion,
                panel = &filled.identity.panel
            ));
            continue;
        }
        if !seen.insert((region.clone(), criterion.clone())) {
            problems.push(t!(
                "form-row-twice",
                at = at,
                region = &region,
                criterion = &criterion
            ));
            continue;
        }
        let Some(criterion_def) = index.criterion(&criterion) else {
            continue;
        };
        check_row(
            grid,
            row,
            &region,
            criterion_def,
            &mut filled,
            &mut problems,
        );
    }
    if problems.is_empty() {
        Ok(filled)
    } else {
        Err(problems)
    }
}

/// The mark, note and conflict cells of one row: each problem pushed.
fn check_row(
    grid: &Grid,
    row: usize,
    region: &str,
    criterion: &Criterion,
    filled: &mut Filled,
    problems: &mut Vec<String>,
) {
    let mark_at = grid.name(row, Column::Mark.index());
    let note_at = grid.name(row, Column::Note.index());
    let conflict_at = grid.name(row, Column::Conflict.index());
    let conflict_cell = grid.get(row, Column::Conflict.index());
    if conflict_cell.is_blank() {
        filled
            .conflicts
            .entry(region.to_string())
            .or_insert((false, conflict_at));
    } else if is_yes(&conflict_cell.text()) {
        filled
            .conflicts
            .insert(region.to_string(), (true, conflict_at));
    } else {
        problems.push(t!(
            "form-conflict-word",
            at = conflict_at,
            text = conflict_cell.text().trim(),
            yes = t!("form-conflict-yes")
        ));
    }
    let note = grid.get(row, Column::Note.index()).text();
    let mark_cell = grid.get(row, Column::Mark.index());
    if mark_cell.is_blank() {
        if !note.trim().is_empty() {
            problems.push(t!("form-note-without-mark", at = note_at, mark = mark_at));
        }
        return;
    }
    match points_of(mark_cell, criterion, &mark_at) {
        Ok(points) => filled.marks.push(FilledCell {
            region: region.to_string(),
            criterion: criterion.id.clone(),
            mark: Mark::new(points, note),
            at: mark_at,
        }),
        Err(problem) => problems.push(problem),
    }
}

/// Whether a conflict cell says yes: the form's word in either language,
/// or `x`.
fn is_yes(text: &str) -> bool {
    let text = text.trim();
    text.eq_ignore_ascii_case("x")
        || [Lang::En, Lang::Ja]
            .iter()
            .any(|lang| text.eq_ignore_ascii_case(&text_in(*lang, "form-conflict-yes", &[])))
}

/// A mark cell's points, or why they are not a mark of `criterion` (the
/// cell `at`) and what to type instead.
fn points_of(cell: &Cell, criterion: &Criterion, at: &str) -> Result<f64, String> {
    let text = cell.text();
    let value = match cell {
        Cell::Number(n) => Some(*n),
        _ => parse_decimal(text.trim()),
    };
    let (max, step) = (format_points(criterion.max), format_points(criterion.step));
    let rule = t!("form-mark-rule", max = &max, step = &step);
    let refusal = match value {
        None => Some(Refusal::NotANumber),
        Some(value) => criterion.refuses(value),
    };
    let shown = value.map(format_points).unwrap_or_default();
    let key = match (value, refusal) {
        // -0 typed is 0: no mark is stored as -0.0.
        (Some(value), None) => return Ok(value + 0.0),
        (_, Some(Refusal::NotANumber) | None) => {
            return Err(t!(
                "form-not-a-number",
                at = at,
                text = text.trim(),
                criterion = &criterion.id,
                rule = rule
            ));
        }
        (_, Some(Refusal::OverMax)) => "form-over-max",
        (_, Some(Refusal::BelowZero)) => "form-below-zero",
        (_, Some(Refusal::OffGrid)) => "form-off-grid",
    };
    Err(t!(
        key,
        at = at,
        points = shown,
        max = max,
        step = step,
        criterion = &criterion.id,
        rule = rule
    ))
}

/// A decimal as typed: digits with one `.` or `,` (a spreadsheet set to a
/// language that writes decimal commas), and a sign; fullwidth digits and
/// marks (`４．５`, as a Japanese input method types them) read as ASCII.
fn parse_decimal(text: &str) -> Option<f64> {
    let text: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' | '．' | '，' | '－' => {
                char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect();
    let text = text.replace(',', ".");
    let digits = text.strip_prefix('-').unwrap_or(&text);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    text.parse().ok()
}

/// The cells the journal says changed after the form was made: a mark of
/// (region, Some(criterion)), a conflict of (region, None).
pub type Changed = BTreeSet<(String, Option<String>)>;

/// The changes a checked form makes to `sheet`: conflicts withdrawn, marks
/// set, conflicts declared. A mark the form changes on a region it
/// declares a conflict on is refused (one it leaves as the sheet holds it
/// is no change, and stays on the sheet as the TUI keeps it). A change to
/// a cell in `changed` (saved since the form was made) is stale: `Err`
/// names each and says what to do, unless `force`.
pub fn stale_cells(
    filled: &Filled,
    sheet: Option<&Sheet>,
    changed: &Changed,
    force: bool,
) -> Result<Vec<Change>, Vec<String>> {
    let mut withdrawn = Vec::new();
    let mut declared = Vec::new();
    let mut marks = Vec::new();
    let mut stale = Vec::new();
    let mut on_conflict = Vec::new();
    let declared_now = |region: &str| sheet.is_some_and(|s| s.has_conflict(region));
    for (region, (declare, at)) in &filled.conflicts {
        if *declare == declared_now(region) {
            continue;
        }
        if changed.contains(&(region.clone(), None)) {
            stale.push(t!("form-stale-conflict", at = at, region = region));
        }
        let change = Change::Conflict {
            region: region.clone(),
            declared: *declare,
        };
        if *declare {
            declared.push(change);
        } else {
            withdrawn.push(change);
        }
    }
    for cell in &filled.marks {
        let current = sheet.and_then(|s| s.mark(&cell.region, &cell.criterion));
        if current
            .is_some_and(|m| same_points(m.points, cell.mark.points) && m.note == cell.mark.note)
        {
            continue;
        }
        if let Some((true, at)) = filled.conflicts.get(&cell.region) {
            on_conflict.push(t!(
                "form-mark-on-conflict",
                at = &cell.at,
                region = &cell.region,
                conflict = at
            ));
            continue;
        }
        if changed.contains(&(cell.region.clone(), Some(cell.criterion.clone()))) {
            stale.push(t!(
                "form-stale-mark",
                at = &cell.at,
                region = &cell.region,
                criterion = &cell.criterion
            ));
        }
        marks.push(Change::Cell {
            region: cell.region.clone(),
            criterion: cell.criterion.clone(),
            mark: Some(cell.mark.clone()),
        });
    }
    if !on_conflict.is_empty() {
        return Err(on_conflict);
    }
    if !stale.is_empty() && !force {
        stale.push(t!(
            "form-stale-what-to-do",
            made = filled.identity.made.to_string()
        ));
        return Err(stale);
    }
    Ok(withdrawn.into_iter().chain(marks).chain(declared).collect())
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn decimals_read_as_typed_in_either_width() {
        assert_eq!(parse_decimal("4.5"), Some(4.5));
        assert_eq!(parse_decimal("4,5"), Some(4.5));
        assert_eq!(parse_decimal("４．５"), Some(4.5));
        assert_eq!(parse_decimal("－１"), Some(-1.0));
        assert_eq!(parse_decimal("1e3"), None);
        assert_eq!(parse_decimal("four"), None);
        assert_eq!(parse_decimal("-"), None);
        assert_eq!(parse_decimal(""), None);
    }
}
