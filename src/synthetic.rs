//! Synthetic reviews at any scale, for benchmarks and load tests: a funding
//! agency's cycle of tens of thousands of regions and thousands of reviewers,
//! deterministic from a seed.
//!
//! The shape follows the sample review: a rubric in categories of up to five
//! criteria; the criteria split into groups (say, the committee's categories
//! and the technical one); regions cut into slices; one panel of reviewers
//! per (slice, group), so that every (region, criterion) is covered by
//! exactly one panel and gets one mark per member. Like real data, a few
//! reviewers have conflicts (declared in `review.ron`, and so never scored,
//! or declared on their sheet after scoring, so merge leaves the marks out
//! with a warning), a few sheets are unfinished drafts, some reviewers sit on
//! two panels, and some marks carry notes.
//!
//! With [`Shape::programme`] the same review also runs SPEC's selection
//! programme (`synthetic/programme.rs`): nested categories, thresholds, eligibility,
//! tiers and a budget, over the same regions, panels and marks.
//!
//! Everything is written with [`store::to_ron`](crate::store::to_ron), the
//! writer every save uses, so the files are exactly what panelist itself
//! writes. The same seed always gives the same bytes: the generator draws from
//! its own [`SplitMix64`] rather than from a library whose stream may change.

pub mod assign;
mod programme;

use std::path::Path;

use crate::model::{
    Aggregate, Category, Committee, Criterion, Mark, Panel, PanelFile, Region, Regions, Review,
    Reviewer, Sheet, UniqueMap,
};
use crate::rng::SplitMix64;
use crate::store;

/// The size and texture of a synthetic review.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub regions: usize,
    pub criteria: usize,
    /// Members per panel: the marks per (region, criterion) before conflicts
    /// and drafts.
    pub reviewers_per_panel: usize,
    /// Regions per panel: the width of a slice.
    pub regions_per_panel: usize,
    /// Groups of criteria, each scored by its own panels.
    pub criterion_groups: usize,
    /// Share of sheets that are unfinished drafts.
    pub drafts: f64,
    /// Share of panels where one member has a conflict in `review.ron`.
    pub review_conflicts: f64,
    /// Share of panels where one member declared a conflict on their sheet
    /// after scoring the region.
    pub sheet_conflicts: f64,
    /// Share of marks with a note.
    pub notes: f64,
    /// Share of panels that borrow a member from another panel of their group.
    pub shared_members: f64,
    pub seed: u64,
    /// The same review under the selection programme: each category in two
    /// sub-categories, minimums, figures screened by an eligibility rule,
    /// two funded tiers and a reserve list in the places of `select`, and a
    /// `Proportional` budget. The regions, panels and marks are the same.
    pub programme: bool,
}

impl Shape {
    /// The benchmark's shape: `regions` × 18 criteria (4 categories, 90
    /// points) × 3 marks, in panels of 34 regions and 2 groups of criteria —
    /// about 600 panel files for 10,000 regions.
    pub fn new(regions: usize, seed: u64) -> Shape {
        Shape {
            regions,
            criteria: 18,
            reviewers_per_panel: 3,
            regions_per_panel: 34,
            criterion_groups: 2,
            drafts: 0.03,
            review_conflicts: 0.2,
            sheet_conflicts: 0.1,
            notes: 0.08,
            shared_members: 0.05,
            seed,
            programme: false,
        }
    }

    /// Panel files this shape makes.
    pub fn panels(&self) -> usize {
        self.slices() * self.groups()
    }

    fn slices(&self) -> usize {
        self.regions.div_ceil(self.regions_per_panel.max(1))
    }

    fn groups(&self) -> usize {
        self.criterion_groups.clamp(1, self.criteria.max(1))
    }
}

/// A review and the panel files of its `scores/` directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    pub review: Review,
    pub panel_files: Vec<PanelFile>,
}

impl Synthetic {
    /// Every sheet as `merge` takes it, as if read from `scores/`.
    pub fn sheet_inputs(&self) -> Vec<crate::merge::SheetInput> {
        self.panel_files
            .iter()
            .flat_map(|file| {
                file.sheets
                    .iter()
                    .map(|(reviewer, sheet)| crate::merge::SheetInput {
                        origin: format!("scores/{}.ron", file.panel).into(),
                        panel: file.panel.clone(),
                        reviewer: reviewer.clone(),
                        sheet: sheet.clone(),
                    })
            })
            .collect()
    }

    /// Every mark in every panel file.
    pub fn marks(&self) -> usize {
        self.panel_files
            .iter()
            .flat_map(|f| f.sheets.values())
            .map(|s| s.marks().count())
            .sum()
    }

    /// Writes `review.ron` and `scores/<panel>.ron` into `dir` (created if
    /// needed), as panelist writes them.
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        let scores = store::scores_dir(dir);
        std::fs::create_dir_all(&scores)?;
        std::fs::write(dir.join("review.ron"), store::to_ron(&self.review))?;
        for file in &self.panel_files {
            let path = scores.join(format!("{}.ron", file.panel));
            std::fs::write(path, store::to_ron(file))?;
        }
        Ok(())
    }
}

/// The review of `shape`, deterministic from `shape.seed`.
pub fn generate(shape: &Shape) -> Synthetic {
    let mut rng = SplitMix64::new(shape.seed);
    let categories = rubric(shape.criteria);
    let regions = regions(shape.regions, &mut rng);
    let criterion_ids: Vec<String> = categories
        .iter()
        .flat_map(|c| c.criteria.iter().map(|c| c.id.clone()))
        .collect();
    let mut plan = plan_panels(shape, &regions, &criterion_ids, &mut rng);
    let mut review = Review {
        id: format!("synthetic-{}", shape.regions),
        title: format!(
            "Synthetic review: {} regions, {} criteria (seed {})",
            shape.regions, shape.criteria, shape.seed
        ),
        committee: Committee {
            select: Some((shape.regions / 10).max(1) as u32),
            tiers: Vec::new(),
            eligibility: None,
            budget: None,
            aggregate: Aggregate::Mean,
            tie_break: categories.iter().rev().map(|c| c.id.clone()).collect(),
            min_total: Some((max_total(&categories) * 0.4).round()),
            disagreement: 0.4,
            ..Committee::default()
        },
        categories,
        regions,
        reviewers: std::mem::take(&mut plan.reviewers),
        panels: plan.panels.iter().map(|p| p.panel.clone()).collect(),
        follows: None,
    };
    // Before scoring: the panel files carry the fingerprint of the nested
    // rubric, and the criteria keep their order, so the marks are the same.
    if shape.programme {
        programme::apply(&mut review, shape.seed);
    }
    let panel_files = plan
        .panels
        .iter()
        .map(|planned| score_panel(shape, &review, planned, &mut rng))
        .collect();
    Synthetic {
        review,
        panel_files,
    }
}

fn max_total(categories: &[Category]) -> f64 {
    categories
        .iter()
        .flat_map(|c| &c.criteria)
        .map(|c| c.max)
        .sum()
}

/// Categories of five criteria (the last may have fewer), all out of 5 in
/// steps of 0.5 but one in five out of 10 in whole points.
fn rubric(criteria: usize) -> Vec<Category> {
    (0..criteria.div_ceil(5))
        .map(|k| Category {
            id: format!("{}", k + 1),
            title: format!("{} of the proposal", CATEGORY_TOPICS[k % CATEGORY_TOPICS.len()]),
            criteria: (0..5)
                .filter(|i| k * 5 + i < criteria)
                .map(|i| {
                    let whole = (k * 5 + i) % 5 == 4;
                    Criterion {
                        id: format!("{}-{}", k + 1, char::from(b'a' + i as u8)),
                        title: format!(
                            "{} ({})",
                            CRITERION_TOPICS[(k * 5 + i) % CRITERION_TOPICS.len()],
                            k * 5 + i + 1
                        ),
                        max: if whole { 10.0 } else { 5.0 },
                        step: if whole { 1.0 } else { 0.5 },
                        guidance: format!(
                            "Judge the {} on the evidence in the proposal, not on its promises; reserve full marks for the best you have seen.",
                            CRITERION_TOPICS[(k * 5 + i) % CRITERION_TOPICS.len()].to_lowercase()
                        ),
                        min: None,
                    }
                })
                .collect(),
            categories: Vec::new(),
            min: None,
        })
        .collect()
}

fn regions(n: usize, rng: &mut SplitMix64) -> Vec<Region> {
    let width = digits(n);
    (0..n)
        .map(|i| {
            let place = format!(
                "{}{}",
                rng.pick(PLACE_HEADS),
                rng.pick(PLACE_TAILS).to_lowercase()
            );
            let field = rng.pick(FIELDS);
            let mut fields = vec![field.to_string()];
            if rng.chance(0.3) {
                fields.push(rng.pick(FIELDS).to_string());
                fields.dedup();
            }
            Region {
                id: format!("r{i:0width$}"),
                name: format!("{place} {field} Cluster"),
                figures: crate::model::UniqueMap::default(),
                requested: None,
                institutions: Vec::new(),
                summary: format!(
                    "{place} proposes a {} cluster around its university and {} firms, with {} years of prior regional funding.",
                    field.to_lowercase(),
                    10 + rng.index(190),
                    1 + rng.index(12)
                ),
                fields,
            }
        })
        .collect()
}

fn digits(n: usize) -> usize {
    n.max(1).to_string().len()
}

/// A panel with who scores what in it.
struct PlannedPanel {
    panel: Panel,
    /// The regions it covers, as indexes into the review's regions.
    regions: Vec<usize>,
    /// A member with a conflict in `review.ron`: (member, region index).
    review_conflict: Option<(String, usize)>,
}

struct Plan {
    reviewers: Vec<Reviewer>,
    panels: Vec<PlannedPanel>,
}

fn plan_panels(
    shape: &Shape,
    regions: &[Region],
    criteria: &[String],
    rng: &mut SplitMix64,
) -> Plan {
    let groups = shape.groups();
    let width = digits(shape.panels() * shape.reviewers_per_panel.max(1));
    let mut reviewers: Vec<Reviewer> = Vec::new();
    let mut panels = Vec::new();
    // The members of the previous panel of each group: a panel may borrow one
    // of them, as its slice of regions is disjoint from theirs.
    let mut previous: Vec<Vec<String>> = vec![Vec::new(); groups];
    for slice in 0..shape.slices() {
        let first = slice * shape.regions_per_panel.max(1);
        let covered: Vec<usize> =
            (first..(first + shape.regions_per_panel.max(1)).min(regions.len())).collect();
        for (group, previous) in previous.iter_mut().enumerate() {
            let group_criteria =
                &criteria[group * criteria.len() / groups..(group + 1) * criteria.len() / groups];
            let mut members = Vec::new();
            for seat in 0..shape.reviewers_per_panel {
                if seat == 0 && !previous.is_empty() && rng.chance(shape.shared_members) {
                    members.push(previous[rng.index(previous.len())].clone());
                    continue;
                }
                let id = format!("rv{:0width$}", reviewers.len() + 1);
                reviewers.push(Reviewer {
                    name: format!(
                        "{}. {}",
                        char::from(b'A' + rng.index(26) as u8),
                        rng.pick(SURNAMES)
                    ),
                    login: rng.chance(0.5).then(|| format!("u{id}")),
                    conflicts: Vec::new(),
                    keys: Vec::new(),
                    fields: Vec::new(),
                    load: None,
                    affiliations: Vec::new(),
                    id: id.clone(),
                });
                members.push(id);
            }
            let review_conflict =
                (rng.chance(shape.review_conflicts) && !covered.is_empty()).then(|| {
                    let member = members[rng.index(members.len())].clone();
                    (member, covered[rng.index(covered.len())])
                });
            if let Some((member, region)) = &review_conflict
                && let Some(reviewer) = reviewers.iter_mut().rev().find(|r| &r.id == member)
            {
                reviewer.conflicts.push(regions[*region].id.clone());
            }
            let id = format!(
                "p{:0w$}-{}",
                slice + 1,
                group + 1,
                w = digits(shape.slices())
            );
            panels.push(PlannedPanel {
                panel: Panel {
                    title: format!(
                        "Panel {} for regions {} to {}",
                        id,
                        covered.first().map_or("-", |&r| regions[r].id.as_str()),
                        covered.last().map_or("-", |&r| regions[r].id.as_str())
                    ),
                    id,
                    members: members.clone(),
                    criteria: group_criteria.to_vec(),
                    regions: Regions::Only(
                        covered.iter().map(|&r| regions[r].id.clone()).collect(),
                    ),
                    ..Panel::default()
                },
                regions: covered.clone(),
                review_conflict,
            });
            *previous = members;
        }
    }
    Plan { reviewers, panels }
}

/// The panel file of one panel: a sheet per member, each scoring every
/// (region, criterion) of the panel around the region's quality.
fn score_panel(
    shape: &Shape,
    review: &Review,
    planned: &PlannedPanel,
    rng: &mut SplitMix64,
) -> PanelFile {
    let panel = &planned.panel;
    let criteria: Vec<&Criterion> = review
        .criteria()
        .map(|(_, c)| c)
        .filter(|c| panel.covers_criterion(&c.id))
        .collect();
    let sheet_conflict = (rng.chance(shape.sheet_conflicts) && !planned.regions.is_empty())
        .then(|| (rng.index(panel.members.len()), *rng.pick(&planned.regions)));
    let mut sheets = UniqueMap::default();
    for (seat, member) in panel.members.iter().enumerate() {
        let draft = rng.chance(shape.drafts);
        let bias = (rng.unit() - 0.5) * 0.2;
        let mut scores = UniqueMap::default();
        for (k, &r) in planned.regions.iter().enumerate() {
            // A draft stops part-way through the panel's regions.
            if draft && k * 3 >= planned.regions.len() * 2 {
                break;
            }
            let region = &review.regions[r];
            if planned.review_conflict.as_ref() == Some(&(member.clone(), r)) {
                continue;
            }
            let quality = quality(shape.seed, r);
            let marks = criteria
                .iter()
                .map(|c| {
                    let raw = (quality + bias + (rng.unit() - 0.5) * 0.3) * c.max;
                    let points = ((raw / c.step).round() * c.step).clamp(0.0, c.max);
                    let note = if rng.chance(shape.notes) {
                        rng.pick(NOTES).to_string()
                    } else {
                        String::new()
                    };
                    (c.id.clone(), Mark::new(points, note))
                })
                .collect();
            scores.insert(region.id.clone(), marks);
        }
        let conflicts = match sheet_conflict {
            Some((s, r)) if s == seat => vec![review.regions[r].id.clone()],
            _ => Vec::new(),
        };
        let updated = 1_772_355_600 + rng.index(30 * 24 * 3600) as i64; // March 2026
        sheets.insert(
            member.clone(),
            Sheet {
                submitted: !draft,
                updated: jiff::Timestamp::from_second(updated)
                    .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
                scores,
                conflicts,
                was_submitted: false,
            },
        );
    }
    PanelFile {
        review: review.id.clone(),
        panel: panel.id.clone(),
        rubric: review.fingerprint(),
        sheets,
        consensus: None,
    }
}

/// A region's underlying quality in `0.25..0.95`, the same for every reviewer.
fn quality(seed: u64, region: usize) -> f64 {
    let mut rng = SplitMix64::new(seed ^ (region as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    0.25 + 0.7 * rng.unit()
}

/// The draws of the generator. `index` is the multiply-shift of the first
/// generated reviews (a bias of at most n / 2^64, nothing at these sizes),
/// kept so that a seed still gives the review it always gave; the analysis
/// uses the exact [`SplitMix64::below`].
trait Draw {
    fn index(&mut self, n: usize) -> usize;
    fn chance(&mut self, p: f64) -> bool;
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T;
}

impl Draw for SplitMix64 {
    /// Uniform in `0..n` (0 when `n` is 0).
    fn index(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }
}

const CATEGORY_TOPICS: &[&str] = &[
    "Past efforts and results",
    "Regional strategy and leadership",
    "Plan and organisation",
    "Science and technology",
    "Industry and markets",
    "People and training",
];

const CRITERION_TOPICS: &[&str] = &[
    "Investment by local actors",
    "Results of earlier projects",
    "Clarity of the regional vision",
    "Commitment of local government",
    "Leadership of the initiative",
    "Feasibility of the work plan",
    "Organisation and management",
    "Links between university and industry",
    "Originality of the research",
    "Technical feasibility",
    "Potential for new industry",
    "International competitiveness",
    "Training of researchers",
    "Use of intellectual property",
    "Budget and co-funding",
    "Evaluation and milestones",
    "Sustainability after funding",
    "Fit with national priorities",
];

const PLACE_HEADS: &[&str] = &[
    "Aki", "Hama", "Kita", "Minami", "Naga", "Oka", "Saka", "Shima", "Taka", "Toyo", "Yama",
    "Fuku", "Kawa", "Mori", "Nishi", "Higa", "Ishi", "Matsu", "Tsu", "Waka",
];

const PLACE_TAILS: &[&str] = &[
    "TA", "MATSU", "SAKI", "NO", "GAWA", "HARA", "MURA", "ZAWA", "SHIMA", "YAMA", "OKA", "DA",
];

const FIELDS: &[&str] = &[
    "IT",
    "Life Sciences",
    "Nanotechnology",
    "Environment",
    "Energy",
    "Materials",
    "Medical Devices",
    "Agriculture",
    "Robotics",
    "Photonics",
];

const SURNAMES: &[&str] = &[
    "Abe",
    "Endo",
    "Fujita",
    "Goto",
    "Hayashi",
    "Inoue",
    "Ito",
    "Kato",
    "Kimura",
    "Kobayashi",
    "Maeda",
    "Matsumoto",
    "Mori",
    "Nakamura",
    "Ogawa",
    "Saito",
    "Sasaki",
    "Suzuki",
    "Takahashi",
    "Tanaka",
    "Ueda",
    "Watanabe",
    "Yamada",
    "Yoshida",
];

const NOTES: &[&str] = &[
    "Strong track record; the plan for years three to five is thin.",
    "Budget looks optimistic for the staff proposed.",
    "Excellent university base, weak industrial partners.",
    "Milestones are vague after year two.",
    "Convincing letters of commitment from the prefecture.",
    "The team has delivered similar projects before.",
    "Unclear who owns the intellectual property.",
    "Would score higher with a named project leader.",
];

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_review() {
        let shape = Shape::new(40, 7);
        assert_eq!(generate(&shape), generate(&shape));
        assert_ne!(generate(&shape), generate(&Shape { seed: 8, ..shape }));
    }

    #[test]
    fn every_region_and_criterion_has_a_panel_of_three() {
        let shape = Shape::new(100, 1);
        let synthetic = generate(&shape);
        assert_eq!(synthetic.panel_files.len(), shape.panels());
        assert_eq!(synthetic.review.panels.len(), 6);
        let index = crate::model::Index::new(&synthetic.review);
        for r in 0..100 {
            for c in 0..18 {
                let panels = (0..synthetic.review.panels.len())
                    .filter(|&p| index.covers_region(p, r) && index.covers_criterion(p, c))
                    .count();
                assert_eq!(panels, 1, "region {r}, criterion {c}");
            }
        }
        // 3 marks per cell, less conflicts and unfinished drafts.
        let marks = synthetic.marks();
        assert!(
            marks <= 100 * 18 * 3 && marks > 100 * 18 * 3 * 9 / 10,
            "{marks}"
        );
    }

    /// Every byte `write` would write, `review.ron` then the panel files.
    fn digest(synthetic: &Synthetic) -> String {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        hash.update(store::to_ron(&synthetic.review));
        for file in &synthetic.panel_files {
            hash.update(store::to_ron(file));
        }
        format!("{:x}", hash.finalize())
    }

    #[test]
    fn without_the_programme_the_review_is_what_it_always_was() {
        let synthetic = generate(&Shape::new(100, 1));
        // As written before `Shape::programme` existed: benches, the analysis
        // tests and README's numbers depend on these bytes.
        assert_eq!(synthetic.review.fingerprint(), "170a640298815f03");
        assert_eq!(
            digest(&synthetic),
            "a3fc861748670eed6cda05902002534bfa02ee54d32f8fe166ddf99e5d13053a"
        );
        assert!(!synthetic.review.is_nested());
        assert_eq!(synthetic.review.committee.select, Some(10));
    }

    fn programme(regions: usize) -> Synthetic {
        generate(&Shape {
            programme: true,
            ..Shape::new(regions, 1)
        })
    }

    #[test]
    fn the_programme_keeps_the_regions_panels_and_marks() {
        let plain = generate(&Shape::new(100, 1));
        let synthetic = programme(100);
        assert_eq!(synthetic, programme(100), "deterministic");
        let review = &synthetic.review;
        assert!(review.is_nested());
        assert_eq!(review.all_categories().len(), 4 * 3);
        let ids = |r: &Review| r.criteria().map(|(_, c)| c.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(review),
            ids(&plain.review),
            "the criteria keep their order"
        );
        let names = |r: &Review| r.regions.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(review), names(&plain.review));
        assert_eq!(review.panels, plain.review.panels);
        assert_eq!(review.reviewers, plain.review.reviewers);
        for (file, before) in synthetic.panel_files.iter().zip(&plain.panel_files) {
            assert_eq!(
                file.sheets, before.sheets,
                "the same marks in {}",
                file.panel
            );
            assert_eq!(file.rubric, review.fingerprint());
            assert_ne!(file.rubric, before.rubric);
        }
    }

    #[test]
    fn the_programme_is_valid_as_written() {
        let synthetic = programme(100);
        let review = &synthetic.review;
        let source = crate::source::SourceText::new("review.ron", store::to_ron(review));
        let parsed: Review = source.parse().unwrap();
        assert_eq!(&parsed, review, "review.ron reads back as written");
        assert_eq!(crate::validate::review(&parsed, &source), Vec::new());
        assert_eq!(
            crate::validate::review_warnings(&parsed),
            Vec::<String>::new()
        );
        let index = crate::model::Index::new(&parsed);
        for file in &synthetic.panel_files {
            let path = format!("scores/{}.ron", file.panel);
            let source = crate::source::SourceText::new(path, store::to_ron(file));
            let problems = crate::validate::panel_file(
                &index,
                &parsed.fingerprint(),
                file,
                &source,
                crate::validate::PanelFileRole::Scores,
            );
            assert_eq!(problems, Vec::new(), "{}", file.panel);
        }
    }

    #[test]
    fn the_programme_screens_places_and_funds() {
        use crate::merge::{MergeOptions, Results, Status, merge};
        let plain = generate(&Shape::new(100, 1));
        let synthetic = programme(100);
        let results = merge(
            &synthetic.review,
            &synthetic.sheet_inputs(),
            MergeOptions::default(),
        )
        .unwrap();
        let count = |status: Status| {
            results
                .regions
                .iter()
                .filter(|r| r.status == status)
                .count()
        };
        let ineligible = count(Status::Ineligible);
        assert!(
            (4..=20).contains(&ineligible),
            "{ineligible} of 100 ineligible"
        );
        assert!(count(Status::BelowThreshold) > 0);
        let below_a_minimum = results.regions.iter().any(|r| {
            r.flags
                .iter()
                .any(|f| f.starts_with("below:") && f != "below:total")
        });
        assert!(
            below_a_minimum,
            "a region misses a criterion's or category's minimum"
        );
        let in_tier = |tier: &str| {
            results
                .regions
                .iter()
                .filter(|r| r.tier.as_deref() == Some(tier))
                .count()
        };
        assert_eq!(
            (in_tier("cluster"), in_tier("fs"), in_tier("reserve")),
            (6, 2, 2)
        );
        for region in &results.regions {
            let funded = matches!(region.tier.as_deref(), Some("cluster" | "fs"));
            let allocation = region.allocation.unwrap_or(0.0);
            assert_eq!(funded, allocation > 0.0, "{}: {allocation}", region.region);
            if funded {
                assert!(
                    (0.5e9..=1.0e9).contains(&allocation),
                    "{}: {allocation}",
                    region.region
                );
            }
        }
        let budget = results.budget.as_ref().unwrap();
        assert_eq!(budget.total, 8.0 * 0.75e9);
        assert!(
            budget.allocated > 0.99 * budget.total && budget.left >= 0.0,
            "{budget:?}"
        );
        // The same marks give the same totals: only the rules differ.
        let plain = merge(
            &plain.review,
            &plain.sheet_inputs(),
            MergeOptions::default(),
        )
        .unwrap();
        let totals = |r: &Results| {
            let mut t: Vec<(String, f64)> = r
                .regions
                .iter()
                .map(|r| (r.region.clone(), r.total))
                .collect();
            t.sort_by(|a, b| a.0.cmp(&b.0));
            t
        };
        assert_eq!(totals(&results), totals(&plain));
    }

    #[test]
    fn the_rng_stream_is_fixed() {
        let mut rng = SplitMix64::new(1);
        assert_eq!(rng.next_u64(), 0x910a_2dec_8902_5cc1);
        assert_eq!(rng.index(10), 7);
    }
}
