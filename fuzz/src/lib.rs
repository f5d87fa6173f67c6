//! The bodies of the fuzz targets, one function each. cargo-fuzz runs them
//! under libFuzzer (`fuzz_targets/`), and `cargo test` replays every input
//! of `corpus/` through them (`tests/integration/fuzz_corpus.rs` includes
//! this file), so that what the fuzzer once found stays found on every run.
//!
//! Each must return, whatever the bytes: no panic, no hang.

mod checks;
mod programme;

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use panelist::merge::{
    ConsensusRef, MergeOptions, SheetInput, SheetRef, merge, merge_sheets_with_consensus,
};
use panelist::model::{Consensus, Index, Mark, PanelFile, Regions, Review, Sheet};
use panelist::source::SourceText;
use panelist::store::journal;
use panelist::validate::{self, PanelFileRole};

pub use programme::Programme;

const REVIEW: &str = include_str!("../../panels/kci-2007/review.ron");
const MIDTERM: &str = include_str!("../../panels/kci-midterm/review.ron");

/// The sample review (the flat rubric of 2007, or the midterm's three
/// levels), parsed once.
fn sample(nested: bool) -> Option<&'static Review> {
    static FLAT: OnceLock<Option<Review>> = OnceLock::new();
    static NESTED: OnceLock<Option<Review>> = OnceLock::new();
    let (cell, text) = if nested {
        (&NESTED, MIDTERM)
    } else {
        (&FLAT, REVIEW)
    };
    cell.get_or_init(|| SourceText::new("review.ron", text).parse().ok())
        .as_ref()
}

/// `review.ron` from hostile bytes: parsing and validation return problems.
/// What reads a parsed review runs on it too, valid or not: the views of
/// a nested rubric, the eligibility rule in words, the merge of a sheet
/// per panel (see [`marked`]) with its invariants and reports, and the
/// check of `follows` against an earlier review.
pub fn review_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceText::new("review.ron", text);
    let Ok(review) = source.parse::<Review>() else {
        return;
    };
    let valid = validate::review(&review, &source).is_empty();
    let _ = review.fingerprint();
    let _ = validate::review_warnings(&review);
    rubric_views(&review);
    if let Some(rule) = &review.committee.eligibility {
        let _ = panelist::report::eligibility::requirement(rule);
        for region in review.regions.iter().take(64) {
            let _ = panelist::report::rule_in_words(rule, region);
        }
    }
    let sheets = marked(&review);
    match merge(&review, &sheets, MergeOptions::default()) {
        Ok(results) => {
            checks::results(&review, &results, valid);
            checks::reports(&review, results, None, false);
        }
        Err(errors) => checks::refused(&review, &sheets, &errors),
    }
    follows(review, source);
}

/// A submitted sheet per panel, from its first member, with a mark on
/// every region and criterion it covers that differs from region to
/// region: the merge of a fuzzed review then ranks, fills its tiers and
/// shares its budget. None for a large review (the fuzzer's time is better
/// spent elsewhere).
fn marked(review: &Review) -> Vec<SheetInput> {
    let cells = review.regions.len() * review.criteria().count();
    if cells > 4096 {
        return Vec::new();
    }
    let mut sheets = Vec::new();
    for panel in &review.panels {
        let Some(member) = panel.members.first() else {
            continue;
        };
        let mut sheet = Sheet::new(jiff::Timestamp::UNIX_EPOCH);
        sheet.submitted = true;
        for (r, region) in review.regions.iter().enumerate() {
            if !panel.covers_region(&region.id) {
                continue;
            }
            for (c, id) in panel.criteria.iter().enumerate() {
                let Some(criterion) = review.criterion(id) else {
                    continue;
                };
                // Hostile maxima and steps give hostile marks: the sheet is
                // then refused, never a panic.
                let steps = (criterion.max / criterion.step).floor().clamp(0.0, 64.0) as usize;
                let points = ((r * 5 + c * 3) % (steps + 1)) as f64 * criterion.step;
                let mark = Mark {
                    points,
                    note: String::new(),
                    preliminary: None,
                };
                sheet
                    .scores
                    .entry(region.id.clone())
                    .or_default()
                    .insert(id.clone(), mark);
            }
        }
        sheets.push(SheetInput {
            origin: format!("scores/{}.ron", panel.id).into(),
            panel: panel.id.clone(),
            reviewer: member.clone(),
            sheet,
        });
    }
    sheets
}

/// What reads the rubric at every depth.
fn rubric_views(review: &Review) {
    for placed in review.all_categories() {
        let _ = placed.category.max_total();
        let _ = placed.category.is_empty();
    }
    let _ = review.criteria().count();
    let _ = review.is_nested();
    let _ = review.max_total();
    let _ = review.committee.places();
}

/// The review read as the midterm's beside the earlier review in
/// `fuzz/follows`, its `follows` checked as `check` does. A `follows` that
/// could leave that directory is not looked at.
fn follows(review: Review, source: SourceText) {
    let Some(follows) = &review.follows else {
        return;
    };
    let path = Path::new(&follows.review);
    let ups = path
        .components()
        .filter(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
        .count();
    let first_up = matches!(path.components().next(), Some(Component::ParentDir));
    if ups > 1 || (ups == 1 && !first_up) {
        return;
    }
    let fingerprint = review.fingerprint();
    let loaded = panelist::store::LoadedReview {
        dir: follows_dir().join("kci-midterm"),
        source,
        review,
        fingerprint,
    };
    let _ = panelist::store::check_follows(&loaded);
}

/// `fuzz/follows`, from this crate (`fuzz/`) or from the one whose tests
/// include this file (the project).
fn follows_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fuzz = if root.ends_with("fuzz") {
        root.to_path_buf()
    } else {
        root.join("fuzz")
    };
    fuzz.join("follows")
}

/// A panel file from hostile bytes, checked against the sample review:
/// problems are reported.
pub fn panel_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(review) = SourceText::new("review.ron", REVIEW).parse::<Review>() else {
        return;
    };
    let index = Index::new(&review);
    let source = SourceText::new("scores/committee.ron", text);
    if let Ok(file) = source.parse::<PanelFile>() {
        let _ = validate::panel_file(
            &index,
            &review.fingerprint(),
            &file,
            &source,
            PanelFileRole::Scores,
        );
        let _ = panelist::store::to_ron(&file);
    }
}

/// A filled form from hostile bytes read as an xlsx workbook: the reader
/// and every check of `import` before its save return problems, never
/// panic, and nothing is saved (these run no store at all).
pub fn form_xlsx(data: &[u8]) {
    form_checks(panelist::form::read_xlsx(data));
}

/// [`form_xlsx`] for bytes read as a CSV form.
pub fn form_csv(data: &[u8]) {
    form_checks(panelist::form::read_csv(data));
}

/// The checks of a form against the sample review: the cells against t07's
/// rows of tech-it whatever the identity says (so that the fuzzer reaches
/// them), then the whole check as `import` runs it; a mark that passes is on
/// its criterion's grid.
fn form_checks(read: panelist::form::Read) {
    use panelist::form::{self, Changed};
    let Some(review) = sample(false) else {
        return;
    };
    let index = Index::new(review);
    if let (Ok((identity, grid)), Some(panel)) = (&read, index.panel_index("tech-it")) {
        let rows = form::form_rows(&index, panel, "t07", None, &[]);
        if let Ok(filled) = form::check_filled(&index, identity.clone(), grid, &rows) {
            let _ = form::stale_cells(&filled, None, &Changed::new(), false);
        }
    }
    if let Ok(filled) = form::check_form(&index, &review.fingerprint(), read, |_| Vec::new()) {
        for cell in &filled.marks {
            assert!(
                index
                    .criterion(&cell.criterion)
                    .is_some_and(|c| c.accepts(cell.mark.points)),
                "a mark off its grid passed: {cell:?}"
            );
        }
        let _ = form::stale_cells(&filled, None, &Changed::new(), true);
    }
}

/// A journal from hostile bytes: every line is read or reported, and the
/// replay returns.
pub fn journal(data: &[u8]) {
    let parsed = journal::parse(std::path::Path::new("scores/p.journal"), data);
    let _ = parsed.replay();
    for (_, entry) in &parsed.entries {
        let _ = journal::line(entry);
    }
}

/// Arbitrary sheets of a sample review for [`merge`]: marks anywhere
/// (valid or not), drafts, conflicts, duplicate copies from several files;
/// and the programme's fields of the review (see [`Programme`]).
#[derive(Debug, Arbitrary)]
pub struct MergeInput {
    sheets: Vec<FuzzSheet>,
    include_drafts: bool,
    select: u8,
    min_total: Option<u8>,
    aggregate: u8,
    programme: Programme,
    /// Consensus marks of the first panel by its rapporteur, on cells it
    /// covers and on the grid, when `use_consensus` or not.
    consensus: Vec<(u8, u8, u8)>,
    use_consensus: bool,
}

#[derive(Debug, Arbitrary)]
struct FuzzSheet {
    file: u8,
    panel: u8,
    reviewer: u8,
    submitted: bool,
    updated: u16,
    marks: Vec<(u8, u8, u8)>,
    conflicts: Vec<u8>,
}

/// The merge over arbitrary sheets of a review with arbitrary programme
/// fields: results or errors, and results that are consistent (see
/// [`checks`]), all the more when `check` accepts the review; the
/// analysis of how solid the selection is and every report run over them.
pub fn merge_sheets(input: &MergeInput) {
    let Some(case) = merge_case(input) else {
        return;
    };
    let (review, inputs) = (&case.review, &case.sheets);
    let options = MergeOptions {
        include_drafts: input.include_drafts,
    };
    let sheets: Vec<SheetRef> = inputs.iter().map(Into::into).collect();
    let sections: Vec<ConsensusRef> = case
        .consensus
        .iter()
        .map(|(panel, consensus)| ConsensusRef {
            origin: Path::new("scores/consensus.ron"),
            panel,
            consensus,
        })
        .collect();
    let results = match merge_sheets_with_consensus(review, &sheets, &sections, options) {
        Ok(results) => results,
        Err(errors) => return checks::refused(review, inputs, &errors),
    };
    checks::results(review, &results, case.valid);
    checks::consensus(review, &results, &case.consensus);
    // How solid the selection is, over the same results: its counts within
    // its rounds.
    let settings = panelist::analysis::Settings {
        rounds: Some(20),
        ..Default::default()
    };
    let analysis = panelist::analysis::analyse(review, &results, settings);
    // Every region is checked but those no rule of the review admits.
    let eligible = results
        .regions
        .iter()
        .filter(|r| r.status != panelist::merge::Status::Ineligible)
        .count();
    assert_eq!(analysis.regions.len(), eligible);
    assert!(analysis.same_selection <= 20);
    for check in &analysis.regions {
        assert!(check.selected + check.tied <= 20, "{check:?}");
    }
    checks::reports(review, results, Some(analysis), input.programme.japanese);
}

/// What a [`MergeInput`] stands for.
pub struct MergeCase {
    pub review: Review,
    /// Whether `check` accepts the review.
    pub valid: bool,
    pub sheets: Vec<SheetInput>,
    /// The first panel's consensus, with its panel id.
    pub consensus: Option<(String, Consensus)>,
}

/// The review and the sheets of `input`.
pub fn merge_case(input: &MergeInput) -> Option<MergeCase> {
    let programme = &input.programme;
    let mut review = sample(programme.nested)?.clone();
    review.committee.min_total = input.min_total.map(f64::from);
    review.committee.aggregate = match input.aggregate % 3 {
        0 => panelist::model::Aggregate::Mean,
        1 => panelist::model::Aggregate::Median,
        _ => panelist::model::Aggregate::TrimmedMean,
    };
    programme.apply(&mut review, input.select);
    let text = if programme.nested { MIDTERM } else { REVIEW };
    let valid = validate::review(&review, &SourceText::new("review.ron", text)).is_empty();
    let sheets = sheet_inputs(&review, input);
    review.committee.use_consensus = input.use_consensus;
    let consensus = consensus(&mut review, input);
    Some(MergeCase {
        review,
        valid,
        sheets,
        consensus,
    })
}

/// A consensus of the first panel from `input`, by its rapporteur (made
/// the panel's first member): marks on cells it covers, on the grid.
fn consensus(review: &mut Review, input: &MergeInput) -> Option<(String, Consensus)> {
    if input.consensus.is_empty() {
        return None;
    }
    let nth = |n: u8, len: usize| usize::from(n) % len.max(1);
    let panel = review.panels.first_mut()?;
    let by = panel.members.first()?.clone();
    panel.rapporteur = Some(by.clone());
    let panel = review.panels.first()?;
    let regions: Vec<&str> = review
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .filter(|r| panel.covers_region(r))
        .collect();
    let mut agreed = Consensus::new(&by, jiff::Timestamp::UNIX_EPOCH);
    for &(r, c, p) in input.consensus.iter().take(64) {
        let (Some(region), Some(criterion)) = (
            regions.get(nth(r, regions.len())),
            panel.criteria.get(nth(c, panel.criteria.len())),
        ) else {
            continue;
        };
        let Some(def) = review.criterion(criterion) else {
            continue;
        };
        let steps = (def.max / def.step).floor().max(0.0) as usize;
        let points = nth(p, steps + 1) as f64 * def.step;
        agreed.set(region, criterion, Some(Mark::new(points, "")));
    }
    Some((panel.id.clone(), agreed))
}

fn sheet_inputs(review: &Review, input: &MergeInput) -> Vec<SheetInput> {
    let pick = |list: &[String], n: u8| list[usize::from(n) % list.len()].clone();
    let regions: Vec<String> = review.regions.iter().map(|r| r.id.clone()).collect();
    let criteria: Vec<String> = review.criteria().map(|(_, c)| c.id.clone()).collect();
    let reviewers: Vec<String> = review.reviewers.iter().map(|r| r.id.clone()).collect();
    let panels: Vec<String> = review.panels.iter().map(|p| p.id.clone()).collect();
    input
        .sheets
        .iter()
        .take(64)
        .map(|s| {
            let updated = jiff::Timestamp::from_second(i64::from(s.updated))
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            let mut sheet = Sheet::new(updated);
            sheet.submitted = s.submitted;
            let panel = pick(&panels, s.panel);
            let reviewer = if input.programme.tidy {
                tidy_marks(review, &panel, s, &mut sheet)
            } else {
                for &(r, c, p) in s.marks.iter().take(64) {
                    sheet.scores.entry(pick(&regions, r)).or_default().insert(
                        pick(&criteria, c),
                        Mark {
                            points: f64::from(p) / 2.0,
                            note: String::new(),
                            preliminary: None,
                        },
                    );
                }
                sheet.conflicts = s
                    .conflicts
                    .iter()
                    .take(4)
                    .map(|&r| pick(&regions, r))
                    .collect();
                pick(&reviewers, s.reviewer)
            };
            SheetInput {
                origin: format!("file{}.ron", s.file % 4).into(),
                panel,
                reviewer,
                sheet,
            }
        })
        .collect()
}

/// Marks that `check` accepts: by a member of `panel`, on the regions and
/// criteria it covers, on each criterion's grid. Returns the member.
fn tidy_marks(review: &Review, panel: &str, s: &FuzzSheet, sheet: &mut Sheet) -> String {
    let Some(panel) = review.panel(panel) else {
        return String::new();
    };
    let nth = |n: u8, len: usize| usize::from(n) % len.max(1);
    let member = panel
        .members
        .get(nth(s.reviewer, panel.members.len()))
        .cloned()
        .unwrap_or_default();
    let regions: Vec<&str> = match &panel.regions {
        Regions::All => review.regions.iter().map(|r| r.id.as_str()).collect(),
        Regions::Only(ids) => ids.iter().map(String::as_str).collect(),
        Regions::PerMember(lists) => lists
            .get(&member)
            .map(|ids| ids.iter().map(String::as_str).collect())
            .unwrap_or_default(),
    };
    for &(r, c, p) in s.marks.iter().take(64) {
        let (Some(region), Some(criterion)) = (
            regions.get(nth(r, regions.len())),
            panel.criteria.get(nth(c, panel.criteria.len())),
        ) else {
            continue;
        };
        let Some(def) = review.criterion(criterion) else {
            continue;
        };
        let steps = (def.max / def.step).floor().max(0.0) as usize;
        sheet
            .scores
            .entry((*region).to_string())
            .or_default()
            .insert(
                criterion.clone(),
                Mark {
                    points: nth(p, steps + 1) as f64 * def.step,
                    note: String::new(),
                    preliminary: None,
                },
            );
    }
    member
}
