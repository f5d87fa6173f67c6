//! Every validation rule of SPEC.md, for `review.ron` and for panel files.
//!
//! Validation collects all problems instead of stopping at the first, so that
//! `check` can list them all. Problems are located in the file's text.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use crate::model::{Index, PanelFile, Review, Sheet, valid_id};
use crate::source::{Anchor, SourceText};
use crate::{Problem, model};

const ID_RULE: &str = "ids may use only the letters A-Z and a-z, digits, '_' and '-', 1 to 64 of them (ids become file names)";

/// A problem found in a file, located by a path of anchors through it
/// rather than by line: found by pure code, located by the caller who has the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub at: Vec<Anchor>,
    pub message: String,
}

impl Finding {
    pub fn new(at: &[Anchor], message: String) -> Finding {
        Finding {
            at: at.to_vec(),
            message,
        }
    }

    /// The problem with its line and column in `source`.
    pub fn locate(&self, source: &SourceText) -> Problem {
        Problem::at(&source.path, source.locate(&self.at), self.message.clone())
    }
}

/// Collects problems of one file, each located by a path of anchors.
struct Findings<'s> {
    source: &'s SourceText,
    problems: Vec<Problem>,
}

impl<'s> Findings<'s> {
    fn new(source: &'s SourceText) -> Self {
        Findings {
            source,
            problems: Vec::new(),
        }
    }

    fn add(&mut self, at: &[Anchor], message: String) {
        let pos = self.source.locate(at);
        self.problems
            .push(Problem::at(&self.source.path, pos, message));
    }
}

fn field(name: &'static str) -> Anchor {
    Anchor::Field(name)
}

fn s(value: &str) -> Anchor {
    Anchor::str(value)
}

/// Checks `review.ron` against every rule of SPEC.md. Returns the problems, in
/// file order as far as possible.
pub fn review(review: &Review, source: &SourceText) -> Vec<Problem> {
    let mut f = Findings::new(source);
    let index = Index::new(review);
    ids(review, &mut f);
    rubric(review, &mut f);
    reviewers(review, &index, &mut f);
    panels(review, &index, &mut f);
    committee(review, &mut f);
    f.problems
        .sort_by_key(|p| p.pos.map(|pos| (pos.line, pos.col)));
    f.problems
}

fn ids(review: &Review, f: &mut Findings) {
    if !valid_id(&review.id) {
        f.add(
            &[field("id")],
            format!("review id \"{}\" is not a valid id: {ID_RULE}", review.id),
        );
    }
    let categories = review.categories.iter().map(|c| c.id.as_str());
    unique(f, "category", "categories", categories);
    let criteria = review.criteria().map(|(_, c)| c.id.as_str());
    unique(f, "criterion", "categories", criteria);
    unique(
        f,
        "region",
        "regions",
        review.regions.iter().map(|r| r.id.as_str()),
    );
    unique(
        f,
        "reviewer",
        "reviewers",
        review.reviewers.iter().map(|r| r.id.as_str()),
    );
    unique(
        f,
        "panel",
        "panels",
        review.panels.iter().map(|p| p.id.as_str()),
    );
}

/// Reports ids that are malformed or repeat within one kind.
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
                    format!("{kind} id \"{id}\" is not a valid id: {ID_RULE}"),
                );
            }
        } else if *count > 1 {
            f.add(
                &at,
                format!("{kind} id \"{id}\" repeats; give each {kind} its own id"),
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
                format!(
                    "criterion \"{}\": max must be a number greater than 0 (it is {})",
                    c.id, c.max
                ),
            );
        }
        if !c.step.is_finite() || c.step <= 0.0 {
            f.add(
                &at("step"),
                format!(
                    "criterion \"{}\": step must be a number greater than 0 (it is {})",
                    c.id, c.step
                ),
            );
        } else if c.max.is_finite() && c.max > 0.0 && !model::on_grid(c.max, c.step) {
            f.add(
                &at("max"),
                format!(
                    "criterion \"{}\": max {} is not a multiple of step {}; change max or step",
                    c.id, c.max, c.step
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
                    &[field("reviewers"), s(&reviewer.id), field("conflicts"), s(region)],
                    format!(
                        "reviewer \"{}\" declares a conflict on unknown region \"{region}\"; correct the region id",
                        reviewer.id
                    ),
                );
            }
        }
        if let Some(login) = &reviewer.login
            && let Some(other) = logins.insert(login, &reviewer.id)
        {
            f.add(
                &[field("reviewers"), s(&reviewer.id), field("login")],
                format!(
                    "login \"{login}\" is given to both \"{other}\" and \"{}\"; a login must name one reviewer",
                    reviewer.id
                ),
            );
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
                    format!(
                        "panel \"{}\" names unknown reviewer \"{member}\"; add the reviewer to reviewers or correct the id",
                        panel.id
                    ),
                );
            }
        }
        for criterion in &panel.criteria {
            if index.criterion(criterion).is_none() {
                f.add(
                    &at(criterion),
                    format!(
                        "panel \"{}\" names unknown criterion \"{criterion}\"; use a criterion id of the rubric",
                        panel.id
                    ),
                );
            }
        }
        if let model::Regions::Only(regions) = &panel.regions {
            for region in regions {
                if index.region(region).is_none() {
                    f.add(
                        &at(region),
                        format!(
                            "panel \"{}\" names unknown region \"{region}\"; add the region to regions or correct the id",
                            panel.id
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
        let Some(shared) = second.members.iter().find(|m| members.contains(m.as_str())) else {
            continue;
        };
        let criterion = index
            .criteria()
            .iter()
            .enumerate()
            .find(|&(c, _)| index.covers_criterion(a, c) && index.covers_criterion(b, c));
        let Some((_, (_, criterion))) = criterion else {
            continue;
        };
        if let Some(region) = index.first_common_region(a, b) {
            f.add(
                &[field("panels"), s(&second.id)],
                format!(
                    "panels \"{}\" and \"{}\" share reviewer \"{shared}\" and both cover region \"{}\", criterion \"{}\"; their marks would count twice, so remove the member from one panel or the overlap of criteria or regions",
                    first.id, second.id, review.regions[region].id, criterion.id
                ),
            );
        }
    }
}

fn committee(review: &Review, f: &mut Findings) {
    let committee = &review.committee;
    for entry in &committee.tie_break {
        if !review.categories.iter().any(|c| &c.id == entry) {
            let ids: Vec<&str> = review.categories.iter().map(|c| c.id.as_str()).collect();
            f.add(
                &[field("tie_break"), s(entry)],
                format!(
                    "tie_break names \"{entry}\", which is not a category id; use category ids ({})",
                    ids.join(", ")
                ),
            );
        }
    }
    if !committee.disagreement.is_finite() || committee.disagreement < 0.0 {
        f.add(
            &[field("disagreement")],
            format!(
                "disagreement must be a number of 0 or more (a share of the criterion's max, e.g. 0.4); it is {}",
                committee.disagreement
            ),
        );
    }
    if let Some(min) = committee.min_total
        && !min.is_finite()
    {
        f.add(
            &[field("min_total")],
            format!("min_total must be a number, e.g. Some(45.0); it is {min}"),
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
            format!(
                "panel file is for review \"{}\", but review.ron is \"{}\"; this file belongs to another review",
                file.review, review.id
            ),
        );
    }
    let stem = file_stem(&source.path);
    match (index.panel_index(&file.panel), role) {
        (None, _) => f.add(
            &[field("panel")],
            format!(
                "panel \"{}\" is not a panel of review.ron; use one of: {}",
                file.panel,
                review.panels.iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ")
            ),
        ),
        (Some(_), PanelFileRole::Scores) if stem != file.panel => f.add(
            &[field("panel")],
            format!(
                "panel \"{}\" does not match the file name {stem}.ron; a panel file must be named after its panel",
                file.panel
            ),
        ),
        _ => {}
    }
    if file.rubric != fingerprint {
        f.add(
            &[field("rubric")],
            format!(
                "rubric fingerprint \"{}\" differs from review.ron's \"{fingerprint}\": these marks were given against another rubric; rescore against the current rubric, or restore the review.ron they were given under",
                file.rubric
            ),
        );
    }
    if let Some(panel) = index.panel_index(&file.panel) {
        for (reviewer, sheet) in file.sheets.iter() {
            for finding in sheet_findings(index, panel, reviewer, sheet) {
                f.problems.push(finding.locate(source));
            }
        }
    }
    f.problems
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
            format!(
                "sheet of unknown reviewer \"{reviewer}\"; correct the id or add the reviewer to review.ron"
            ),
        );
        return;
    }
    if !review.panels[panel].has_member(reviewer) {
        push(
            f,
            &at_sheet,
            format!(
                "reviewer \"{reviewer}\" is not a member of panel \"{panel_id}\"; add them to the panel in review.ron or move the sheet to their panel's file"
            ),
        );
        return;
    }
    for region in &sheet.conflicts {
        if index.region(region).is_none() {
            push(
                f,
                &[field("sheets"), s(reviewer), field("conflicts"), s(region)],
                format!(
                    "reviewer \"{reviewer}\" declares a conflict on unknown region \"{region}\"; correct the region id"
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
                format!("mark for unknown region \"{region}\"; correct the region id"),
            );
            continue;
        };
        if !index.covers_region(panel, r) {
            push(
                f,
                &at_region,
                format!(
                    "panel \"{panel_id}\" does not cover region \"{region}\"; remove these marks or score them in the right panel"
                ),
            );
            continue;
        }
        for (criterion, mark) in marks.iter() {
            let at_mark = [
                field("sheets"),
                s(reviewer),
                field("scores"),
                s(region),
                s(criterion),
            ];
            let Some(c) = index.criterion_index(criterion) else {
                push(
                    f,
                    &at_mark,
                    format!(
                        "mark for unknown criterion \"{criterion}\" (region \"{region}\"); correct the criterion id"
                    ),
                );
                continue;
            };
            if !index.covers_criterion(panel, c) {
                push(
                    f,
                    &at_mark,
                    format!(
                        "panel \"{panel_id}\" does not cover criterion \"{criterion}\" (region \"{region}\"); remove the mark or score it in the right panel"
                    ),
                );
                continue;
            }
            let criterion_def = index.criteria()[c].1;
            if !criterion_def.accepts(mark.points) {
                let mut at_points = at_mark.to_vec();
                at_points.push(field("points"));
                push(
                    f,
                    &at_points,
                    format!(
                        "mark {} for region \"{region}\", criterion \"{criterion}\" is not allowed: marks lie in 0..={} on multiples of {}",
                        mark.points,
                        model::format_points(criterion_def.max),
                        model::format_points(criterion_def.step)
                    ),
                );
            }
        }
    }
}

fn push(f: &mut Vec<Finding>, at: &[Anchor], message: String) {
    f.push(Finding::new(at, message));
}
