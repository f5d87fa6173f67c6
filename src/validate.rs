//! Every validation rule of SPEC.md, for `review.ron` and for panel files.
//!
//! Validation collects all problems instead of stopping at the first, so that
//! `check` can list them all. Problems are located in the file's text.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use crate::model::{Index, Mark, PanelFile, Review, Sheet, UniqueMap, valid_id};
use crate::source::{Anchor, SourceText};
use crate::{Problem, model};

mod assignment;
mod consensus;
mod findings;
mod programme;

pub use assignment::cause as conflict_cause;
pub use findings::Finding;
pub use findings::MAX_PROBLEMS_PER_FILE;
use findings::{Findings, field, s};
pub use programme::{located_warnings as located_review_warnings, warnings as review_warnings};

/// Checks `review.ron` against every rule of SPEC.md. Returns the problems, in
/// file order as far as possible.
pub fn review(review: &Review, source: &SourceText) -> Vec<Problem> {
    let mut f = Findings::new(source);
    let index = Index::new(review);
    ids(review, &mut f);
    rubric(review, &mut f);
    reviewers(review, &index, &mut f);
    keys(review, &mut f);
    panels(review, &index, &mut f);
    assignment::check(review, &index, &mut f);
    consensus::check(review, &index, &mut f);
    committee(review, &mut f);
    programme::check(review, &mut f);
    f.problems
        .sort_by_key(|p| p.pos.map(|pos| (pos.line, pos.col)));
    f.finish()
}

fn ids(review: &Review, f: &mut Findings) {
    if !valid_id(&review.id) {
        f.add(
            &[field("id")],
            crate::t!(
                "check-review-id-invalid",
                id = review.id,
                rule = crate::t!("check-id-rule")
            ),
        );
    }
    let all = review.all_categories();
    let categories = all.iter().map(|p| p.category.id.as_str());
    unique(f, "kind-category", "categories", categories);
    let criteria = review.criteria().map(|(_, c)| c.id.as_str());
    unique(f, "kind-criterion", "categories", criteria);
    // A subtotal and an aggregate are named alike in flags (`below:<id>`).
    let criterion_ids: HashSet<&str> = review.criteria().map(|(_, c)| c.id.as_str()).collect();
    for placed in &all {
        if criterion_ids.contains(placed.category.id.as_str()) {
            f.add(
                &[field("categories"), s(&placed.category.id)],
                crate::t!("check-category-criterion-id", id = placed.category.id),
            );
        }
    }
    unique(
        f,
        "kind-region",
        "regions",
        review.regions.iter().map(|r| r.id.as_str()),
    );
    unique(
        f,
        "kind-reviewer",
        "reviewers",
        review.reviewers.iter().map(|r| r.id.as_str()),
    );
    unique(
        f,
        "kind-panel",
        "panels",
        review.panels.iter().map(|p| p.id.as_str()),
    );
}

/// Reports ids that are malformed or repeat within one kind (`kind` is the
/// catalog key of the kind's name).
fn unique<'a>(
    f: &mut Findings,
    kind: &str,
    list: &'static str,
    ids: impl Iterator<Item = &'a str>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for id in ids {
        let count = seen.entry(id).or_insert(0);
        *count += 1;
        if *count == 1 && valid_id(id) {
            continue;
        }
        let mut at = vec![field(list)];
        at.extend(std::iter::repeat_n(s(id), *count));
        if !valid_id(id) {
            if *count == 1 {
                f.add(
                    &at,
                    crate::t!(
                        "check-id-invalid",
                        kind = crate::i18n::text(kind, &[]),
                        id = id,
                        rule = crate::t!("check-id-rule")
                    ),
                );
            }
        } else if *count > 1 {
            f.add(
                &at,
                crate::t!(
                    "check-id-repeats",
                    kind = crate::i18n::text(kind, &[]),
                    id = id
                ),
            );
        }
    }
}

fn rubric(review: &Review, f: &mut Findings) {
    for (_, c) in review.criteria() {
        let at = |name| [field("categories"), s(&c.id), field(name)];
        if !c.max.is_finite() || c.max <= 0.0 {
            f.add(
                &at("max"),
                crate::t!("check-max-positive", criterion = c.id, value = c.max),
            );
        }
        if !c.step.is_finite() || c.step <= 0.0 {
            f.add(
                &at("step"),
                crate::t!("check-step-positive", criterion = c.id, value = c.step),
            );
        } else if c.max.is_finite() && c.max > 0.0 && !model::on_grid(c.max, c.step) {
            f.add(
                &at("max"),
                crate::t!(
                    "check-max-step",
                    criterion = c.id,
                    max = c.max,
                    step = c.step
                ),
            );
        }
    }
}

fn reviewers(review: &Review, index: &Index, f: &mut Findings) {
    let mut logins: HashMap<&str, &str> = HashMap::new();
    for reviewer in &review.reviewers {
        for region in &reviewer.conflicts {
            if index.region(region).is_none() {
                f.add(
                    &[
                        field("reviewers"),
                        s(&reviewer.id),
                        field("conflicts"),
                        s(region),
                    ],
                    crate::t!(
                        "check-conflict-unknown-region",
                        reviewer = reviewer.id,
                        region = region
                    ),
                );
            }
        }
        if let Some(login) = &reviewer.login
            && let Some(other) = logins.insert(login, &reviewer.id)
        {
            f.add(
                &[field("reviewers"), s(&reviewer.id), field("login")],
                crate::t!(
                    "check-login-twice",
                    login = login,
                    other = other,
                    reviewer = reviewer.id
                ),
            );
        }
    }
}

/// Every line of `keys` is one OpenSSH public key, without options, and
/// identifies one reviewer (`panelist serve` logs in whoever it belongs to).
fn keys(review: &Review, f: &mut Findings) {
    let mut owners: HashMap<_, &str> = HashMap::new();
    for reviewer in &review.reviewers {
        for (i, line) in reviewer.keys.iter().enumerate() {
            let at = [field("reviewers"), s(&reviewer.id), field("keys"), s(line)];
            let (n, id) = (i + 1, reviewer.id.as_str());
            match model::public_key(line) {
                Ok(key) => {
                    if let Some(other) = owners.insert(key.key_data().clone(), id)
                        && other != id
                    {
                        let message =
                            crate::t!("check-key-shared", n = n, reviewer = id, other = other);
                        f.add(&at, message);
                    }
                }
                Err(model::KeyLineError::Options(options)) => {
                    let message =
                        crate::t!("check-key-options", n = n, reviewer = id, options = options);
                    f.add(&at, message);
                }
                Err(model::KeyLineError::NotAKey(error)) => {
                    let message =
                        crate::t!("check-key-invalid", n = n, reviewer = id, error = error);
                    f.add(&at, message);
                }
            }
        }
    }
}

fn panels(review: &Review, index: &Index, f: &mut Findings) {
    for panel in &review.panels {
        let at = |id: &str| [field("panels"), s(&panel.id), s(id)];
        for member in &panel.members {
            if index.reviewer(member).is_none() {
                f.add(
                    &at(member),
                    crate::t!(
                        "check-panel-unknown-reviewer",
                        panel = panel.id,
                        reviewer = member
                    ),
                );
            }
        }
        for criterion in &panel.criteria {
            if index.criterion(criterion).is_none() {
                f.add(
                    &at(criterion),
                    crate::t!(
                        "check-panel-unknown-criterion",
                        panel = panel.id,
                        criterion = criterion
                    ),
                );
            }
        }
        if let model::Regions::Only(regions) = &panel.regions {
            for region in regions {
                if index.region(region).is_none() {
                    f.add(
                        &at(region),
                        crate::t!(
                            "check-panel-unknown-region",
                            panel = panel.id,
                            region = region
                        ),
                    );
                }
            }
        }
    }
    overlapping_panels(review, index, f);
}

/// Two panels that share a member may not both cover the same (region,
/// criterion): the member's marks there would count twice. Only pairs of
/// panels that share a member are compared, so that thousands of panels
/// with their own members cost nothing.
fn overlapping_panels(review: &Review, index: &Index, f: &mut Findings) {
    let mut panels_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, panel) in review.panels.iter().enumerate() {
        for member in &panel.members {
            let panels = panels_of.entry(member).or_default();
            if panels.last() != Some(&p) {
                panels.push(p);
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for panels in panels_of.values() {
        for (i, &a) in panels.iter().enumerate() {
            pairs.extend(panels[i + 1..].iter().map(|&b| (a, b)));
        }
    }
    for (a, b) in pairs {
        let (first, second) = (&review.panels[a], &review.panels[b]);
        let members: HashSet<&str> = first.members.iter().map(String::as_str).collect();
        let criterion = index
            .criteria()
            .iter()
            .enumerate()
            .find(|&(c, _)| index.covers_criterion(a, c) && index.covers_criterion(b, c));
        let Some((_, (_, criterion))) = criterion else {
            continue;
        };
        // The first shared member who would score some (region, criterion)
        // on both panels.
        let overlap = second
            .members
            .iter()
            .filter(|m| members.contains(m.as_str()))
            .find_map(|m| Some((m, index.first_common_region_of(a, b, m)?)));
        if let Some((shared, region)) = overlap {
            f.add(
                &[field("panels"), s(&second.id)],
                crate::t!(
                    "check-panels-overlap",
                    first = first.id,
                    second = second.id,
                    reviewer = shared,
                    region = review.regions[region].id,
                    criterion = criterion.id
                ),
            );
        }
    }
}

fn committee(review: &Review, f: &mut Findings) {
    let committee = &review.committee;
    let all = review.all_categories();
    for entry in &committee.tie_break {
        if !all.iter().any(|p| &p.category.id == entry) {
            let ids: Vec<&str> = all.iter().map(|p| p.category.id.as_str()).collect();
            f.add(
                &[field("tie_break"), s(entry)],
                crate::t!("check-tie-break", entry = entry, ids = ids.join(", ")),
            );
        }
    }
    if !committee.disagreement.is_finite() || committee.disagreement < 0.0 {
        f.add(
            &[field("disagreement")],
            crate::t!("check-disagreement", value = committee.disagreement),
        );
    }
    if let Some(min) = committee.min_total
        && !min.is_finite()
    {
        f.add(
            &[field("min_total")],
            crate::t!("check-min-total", value = min),
        );
    }
}

/// Where a panel file came from, for the rule on its `panel` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelFileRole {
    /// `scores/<panel-id>.ron`: the panel must match the file name.
    Scores,
    /// A file given with `--add`: the panel must be an existing panel.
    Added,
}

/// Checks a panel file against the review: its header, and every sheet.
pub fn panel_file(
    index: &Index,
    fingerprint: &str,
    file: &PanelFile,
    source: &SourceText,
    role: PanelFileRole,
) -> Vec<Problem> {
    let mut f = Findings::new(source);
    let review = index.review;
    if file.review != review.id {
        f.add(
            &[field("review")],
            crate::t!("check-other-review", file = file.review, review = review.id),
        );
    }
    let stem = file_stem(&source.path);
    match (index.panel_index(&file.panel), role) {
        (None, _) => f.add(
            &[field("panel")],
            crate::t!(
                "check-not-a-panel",
                panel = file.panel,
                panels = review
                    .panels
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        (Some(_), PanelFileRole::Scores) if stem != file.panel => f.add(
            &[field("panel")],
            crate::t!("check-panel-file-name", panel = file.panel, stem = stem),
        ),
        _ => {}
    }
    if file.rubric != fingerprint {
        f.add(
            &[field("rubric")],
            crate::t!("check-rubric", found = file.rubric, expected = fingerprint),
        );
    }
    if let Some(panel) = index.panel_index(&file.panel) {
        for (reviewer, sheet) in file.sheets.iter() {
            for finding in sheet_findings(index, panel, reviewer, sheet) {
                f.add(&finding.at, finding.message);
            }
        }
        if let Some(agreed) = &file.consensus {
            for finding in consensus_findings(index, panel, agreed) {
                f.add(&finding.at, finding.message);
            }
        }
    }
    f.finish()
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Problems of one sheet of panel `panel` (an index): SPEC.md's rules on who
/// may hold a sheet and which marks it may hold. Shared by `check` and `merge`.
pub fn sheet_findings(index: &Index, panel: usize, reviewer: &str, sheet: &Sheet) -> Vec<Finding> {
    let mut f = Vec::new();
    check_sheet(index, panel, reviewer, sheet, &mut f);
    f
}

fn check_sheet(index: &Index, panel: usize, reviewer: &str, sheet: &Sheet, f: &mut Vec<Finding>) {
    let review = index.review;
    let panel_id = &review.panels[panel].id;
    let at_sheet = [field("sheets"), s(reviewer)];
    if index.reviewer(reviewer).is_none() {
        push(
            f,
            &at_sheet,
            crate::t!("check-sheet-unknown-reviewer", reviewer = reviewer),
        );
        return;
    }
    if !review.panels[panel].has_member(reviewer) {
        push(
            f,
            &at_sheet,
            crate::t!(
                "check-sheet-not-member",
                reviewer = reviewer,
                panel = panel_id
            ),
        );
        return;
    }
    for region in &sheet.conflicts {
        if index.region(region).is_none() {
            push(
                f,
                &[field("sheets"), s(reviewer), field("conflicts"), s(region)],
                crate::t!(
                    "check-sheet-conflict-unknown",
                    reviewer = reviewer,
                    region = region
                ),
            );
        }
    }
    for (region, marks) in sheet.scores.iter() {
        let at_region = [field("sheets"), s(reviewer), field("scores"), s(region)];
        let Some(r) = index.region_index(region) else {
            push(
                f,
                &at_region,
                crate::t!("check-mark-unknown-region", region = region),
            );
            continue;
        };
        if !index.covers_region(panel, r) {
            push(
                f,
                &at_region,
                crate::t!(
                    "check-mark-region-not-covered",
                    panel = panel_id,
                    region = region
                ),
            );
            continue;
        }
        check_marks(index, panel, &at_region, region, marks, f);
    }
}

/// The marks of one region of a sheet (or of a consensus), found at
/// `at_region`: each for a criterion the panel covers, within its range and
/// on its grid.
fn check_marks(
    index: &Index,
    panel: usize,
    at_region: &[Anchor],
    region: &str,
    marks: &UniqueMap<Mark>,
    f: &mut Vec<Finding>,
) {
    let panel_id = &index.review.panels[panel].id;
    for (criterion, mark) in marks.iter() {
        let at_mark = [at_region, &[s(criterion)]].concat();
        let Some(c) = index.criterion_index(criterion) else {
            push(
                f,
                &at_mark,
                crate::t!(
                    "check-mark-unknown-criterion",
                    criterion = criterion,
                    region = region
                ),
            );
            continue;
        };
        if !index.covers_criterion(panel, c) {
            push(
                f,
                &at_mark,
                crate::t!(
                    "check-mark-criterion-not-covered",
                    panel = panel_id,
                    criterion = criterion,
                    region = region
                ),
            );
            continue;
        }
        let criterion_def = index.criteria()[c].1;
        if !criterion_def.accepts(mark.points) {
            let mut at_points = at_mark.clone();
            at_points.push(field("points"));
            push(
                f,
                &at_points,
                crate::t!(
                    "check-mark-range",
                    points = mark.points,
                    region = region,
                    criterion = criterion,
                    max = model::format_points(criterion_def.max),
                    step = model::format_points(criterion_def.step)
                ),
            );
        }
    }
}

/// Problems of a panel's consensus section: written by whoever may record
/// it, and each mark one the panel's members could give.
pub fn consensus_findings(index: &Index, panel: usize, agreed: &model::Consensus) -> Vec<Finding> {
    let mut f = Vec::new();
    consensus::check_writer(index, panel, agreed, &mut f);
    for (region, marks) in agreed.marks.iter() {
        let at_region = [field("consensus"), field("marks"), s(region)];
        match index.region_index(region) {
            None => push(
                &mut f,
                &at_region,
                crate::t!("check-mark-unknown-region", region = region),
            ),
            Some(r) if !index.covers_region(panel, r) => push(
                &mut f,
                &at_region,
                crate::t!(
                    "check-mark-region-not-covered",
                    panel = index.review.panels[panel].id,
                    region = region
                ),
            ),
            Some(_) => check_marks(index, panel, &at_region, region, marks, &mut f),
        }
    }
    f
}

fn push(f: &mut Vec<Finding>, at: &[Anchor], message: String) {
    f.push(Finding::new(at, message));
}
