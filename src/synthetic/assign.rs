//! Synthetic problems for the assignment solver ([`crate::assign`]), for its
//! benchmarks and tests: a funding agency's call with about a dozen fields
//! (the seed's IT, bio, nanotech, materials, environment, energy, ...),
//! popular fields more common than rare ones, members with 1–3 fields,
//! regions with 1–2, conflicts on about 1% of pairs at random plus the
//! clustered ones (each member's institution hosts about four regions), and
//! loads of ceil(K·R/M) plus the slack asked for. The experts' popular
//! fields need not be the proposals' ([`AssignShape::shift`]). The same shape always
//! gives the same problem.

use crate::assign::Problem;
use crate::model::{
    Aggregate, Category, Committee, Criterion, Panel, Region, Regions, Review, Reviewer,
};
use crate::rng::SplitMix64;

/// The size and texture of a synthetic assignment problem.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignShape {
    pub regions: usize,
    pub members: usize,
    pub per_region: u32,
    /// Extra places in percent of K·R, spread over the loads: 0 leaves no
    /// slack when M divides K·R (every member full).
    pub slack_percent: u32,
    /// How many distinct fields there are.
    pub fields: u32,
    /// Share of (region, member) pairs conflicted at random.
    pub conflicts: f64,
    /// Regions each institution hosts, on average: a member is conflicted
    /// on every region their institution hosts.
    pub hosted: usize,
    /// Members' fields are as popular as the regions' fields this many
    /// places further down the list: 0 when experts are where the
    /// proposals are, more when the popular fields lack experts.
    pub shift: u32,
    pub seed: u64,
}

impl AssignShape {
    /// The shape: 12 fields, 1% random conflicts, institutions
    /// hosting four regions each, no slack, and experts' fields three
    /// places off the proposals' (a shortage of experts in the popular
    /// fields makes the solver trade, where aligned fields let nearly every
    /// region have its best members and the problem is easy).
    pub fn new(regions: usize, members: usize, per_region: u32, seed: u64) -> AssignShape {
        AssignShape {
            regions,
            members,
            per_region,
            slack_percent: 0,
            fields: 12,
            conflicts: 0.01,
            hosted: 4,
            shift: 3,
            seed,
        }
    }

    /// Each member's load: ceil(K·R·(100 + slack)/100 / M).
    pub fn load(&self) -> u32 {
        let places = self.regions as u64 * u64::from(self.per_region);
        let with_slack = places * (100 + u64::from(self.slack_percent));
        let load = with_slack.div_ceil(100 * self.members.max(1) as u64);
        u32::try_from(load).unwrap_or(u32::MAX)
    }
}

/// What a shape draws: fields, institutions, and the pairs conflicted at
/// random (besides those of a member's own institution).
struct Drawn {
    region_fields: Vec<Vec<u32>>,
    member_fields: Vec<Vec<u32>>,
    host: Vec<usize>,
    home: Vec<usize>,
    /// (region, member, drawn at random rather than an institution's).
    forbidden: Vec<(u32, u32, bool)>,
}

fn draw(shape: &AssignShape) -> Drawn {
    let mut rng = SplitMix64::new(shape.seed);
    let region_fields = (0..shape.regions)
        .map(|_| fields(&mut rng, shape.fields, 2, 0))
        .collect();
    let member_fields = (0..shape.members)
        .map(|_| fields(&mut rng, shape.fields, 3, shape.shift))
        .collect();
    let institutions = (shape.regions / shape.hosted.max(1)).max(1);
    let host: Vec<usize> = (0..shape.regions)
        .map(|_| rng.below(institutions))
        .collect();
    let home: Vec<usize> = (0..shape.members)
        .map(|_| rng.below(institutions))
        .collect();
    let mut forbidden = Vec::new();
    for (region, &host) in host.iter().enumerate() {
        for (member, &home) in home.iter().enumerate() {
            if host == home {
                forbidden.push((region as u32, member as u32, false));
            } else if rng.unit() < shape.conflicts {
                forbidden.push((region as u32, member as u32, true));
            }
        }
    }
    Drawn {
        region_fields,
        member_fields,
        host,
        home,
        forbidden,
    }
}

/// The problem of `shape`: no kept pairs, conflicts in the order drawn.
pub fn assign_problem(shape: &AssignShape) -> Problem {
    let drawn = draw(shape);
    Problem {
        per_region: shape.per_region,
        region_fields: drawn.region_fields,
        member_fields: drawn.member_fields,
        loads: vec![shape.load(); shape.members],
        forbidden: drawn.forbidden.iter().map(|&(r, m, _)| (r, m)).collect(),
        kept: Vec::new(),
    }
}

/// The same call as a review: one region per proposal with its fields and
/// its institution, one reviewer per member with their fields and
/// affiliation and the conflicts drawn at random declared, and one panel
/// `experts` of every member scoring criterion `1` of every region;
/// `panelist assign DIR --panel experts --per-region K` gives the
/// assignment of [`assign_problem`] (the loads are the default ones when
/// the shape has no slack).
pub fn assign_review(shape: &AssignShape) -> Review {
    let drawn = draw(shape);
    let field = |f: &u32| format!("Field {f}");
    let regions: Vec<Region> = drawn
        .region_fields
        .iter()
        .zip(&drawn.host)
        .enumerate()
        .map(|(r, (fields, host))| Region {
            id: format!("p{r:05}"),
            name: format!("Proposal {r}"),
            fields: fields.iter().map(field).collect(),
            institutions: vec![format!("Institute {host}")],
            ..Region::default()
        })
        .collect();
    let mut reviewers: Vec<Reviewer> = drawn
        .member_fields
        .iter()
        .zip(&drawn.home)
        .enumerate()
        .map(|(m, (fields, home))| Reviewer {
            id: format!("e{m:04}"),
            name: format!("Expert {m}"),
            fields: fields.iter().map(field).collect(),
            affiliations: vec![format!("Institute {home}")],
            ..Reviewer::default()
        })
        .collect();
    for &(r, m, random) in &drawn.forbidden {
        if random {
            let region = regions[r as usize].id.clone();
            reviewers[m as usize].conflicts.push(region);
        }
    }
    let members = reviewers.iter().map(|r| r.id.clone()).collect();
    Review {
        id: "call".into(),
        title: "A call for proposals".into(),
        categories: vec![Category {
            id: "1".into(),
            title: "Quality".into(),
            criteria: vec![Criterion {
                id: "1-a".into(),
                title: "Excellence".into(),
                max: 5.0,
                step: 0.5,
                guidance: String::new(),
                min: None,
            }],
            categories: Vec::new(),
            min: None,
        }],
        regions,
        reviewers,
        panels: vec![Panel {
            id: "experts".into(),
            title: "Expert review".into(),
            members,
            criteria: vec!["1-a".into()],
            regions: Regions::All,
            ..Panel::default()
        }],
        committee: Committee {
            select: Some(1),
            tiers: Vec::new(),
            aggregate: Aggregate::Mean,
            tie_break: Vec::new(),
            min_total: None,
            disagreement: 0.4,
            eligibility: None,
            budget: None,
            ..Committee::default()
        },
        follows: None,
    }
}

/// 1 to `most` distinct fields, field `f` drawn about twice as often as
/// field `2f + 1` (a few popular fields, a long tail).
fn fields(rng: &mut SplitMix64, count: u32, most: usize, shift: u32) -> Vec<u32> {
    let how_many = 1 + rng.below(most);
    let mut list = Vec::with_capacity(how_many);
    while list.len() < how_many.min(count as usize) {
        let field = (popular(rng, count) + shift) % count.max(1);
        if !list.contains(&field) {
            list.push(field);
        }
    }
    list
}

/// A field in `0..count`, with weight 1/(f + 1).
fn popular(rng: &mut SplitMix64, count: u32) -> u32 {
    let total: f64 = (1..=count).map(|f| 1.0 / f64::from(f)).sum();
    let mut left = rng.unit() * total;
    for f in 0..count {
        left -= 1.0 / f64::from(f + 1);
        if left < 0.0 {
            return f;
        }
    }
    count.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_leave_the_slack_asked_for() {
        let mut shape = AssignShape::new(10_000, 2_000, 3, 1);
        assert_eq!(
            shape.load(),
            15,
            "30,000 places over 2,000 members: all full"
        );
        shape.slack_percent = 20;
        assert_eq!(shape.load(), 18);
        assert_eq!(
            AssignShape::new(1_000, 300, 3, 1).load(),
            10,
            "ceil(3000 / 300)"
        );
        assert_eq!(
            AssignShape::new(1_000, 0, 3, 1).load(),
            3000,
            "no members: no division by 0"
        );
    }

    #[test]
    fn the_same_shape_gives_the_same_problem_with_its_texture() {
        let shape = AssignShape::new(400, 100, 3, 9);
        let problem = assign_problem(&shape);
        assert_eq!(problem, assign_problem(&shape));
        assert_ne!(
            problem,
            assign_problem(&AssignShape {
                seed: 10,
                ..shape.clone()
            })
        );
        assert!(
            problem
                .region_fields
                .iter()
                .all(|f| (1..=2).contains(&f.len()))
        );
        assert!(
            problem
                .member_fields
                .iter()
                .all(|f| (1..=3).contains(&f.len()))
        );
        assert!(
            problem
                .region_fields
                .iter()
                .chain(&problem.member_fields)
                .flatten()
                .all(|&f| f < 12)
        );
        // About 1% at random plus about four regions per member's institution.
        let share = problem.forbidden.len() as f64 / (400.0 * 100.0);
        assert!((0.015..0.035).contains(&share), "{share}");
    }
}
