//! The solver against hand-worked cases, a brute force over every
//! assignment of tiny problems, an independent textbook min-cost flow on
//! medium ones, and a check that no single swap improves its answer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

use super::*;
use crate::synthetic::assign::{AssignShape, assign_problem};

fn problem(per_region: u32, regions: &[&[u32]], members: &[(&[u32], u32)]) -> Problem {
    Problem {
        per_region,
        region_fields: regions.iter().map(|fields| fields.to_vec()).collect(),
        member_fields: members.iter().map(|(fields, _)| fields.to_vec()).collect(),
        loads: members.iter().map(|&(_, load)| load).collect(),
        forbidden: Vec::new(),
        kept: Vec::new(),
    }
}

/// Every rule of an assignment, checked from the problem alone; the
/// objective recomputed from the fields.
fn assert_valid(problem: &Problem, assignment: &Assignment) {
    let k = problem.per_region as usize;
    assert_eq!(assignment.members.len(), problem.regions());
    let mut taken = vec![0u32; problem.members()];
    let mut objective = 0;
    for (region, members) in assignment.members.iter().enumerate() {
        assert_eq!(members.len(), k, "region {region}: {members:?}");
        assert!(
            members.windows(2).all(|w| w[0] < w[1]),
            "region {region} not ascending, distinct: {members:?}"
        );
        for &member in members {
            assert!(
                !problem.forbidden.contains(&(region as u32, member)),
                "forbidden ({region}, {member})"
            );
            taken[member as usize] += 1;
            objective += problem.weight(region, member as usize);
        }
    }
    for &(region, member) in &problem.kept {
        assert!(
            assignment.members[region as usize].contains(&member),
            "kept ({region}, {member}) dropped"
        );
    }
    for (member, (&taken, &load)) in taken.iter().zip(&problem.loads).enumerate() {
        assert!(
            taken <= load,
            "member {member} takes {taken} over their load {load}"
        );
    }
    assert_eq!(
        assignment.objective, objective,
        "the objective is the sum of shared fields"
    );
}

/// `problem.kept` sorted, without repeats.
fn kept_set(problem: &Problem) -> Vec<(u32, u32)> {
    let mut kept = problem.kept.clone();
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// The broken kept pairs, counted the plain way.
fn expected_breaks(problem: &Problem) -> KeptBreaks {
    let kept = kept_set(problem);
    let kept_in = |r: u32| kept.iter().filter(|p| p.0 == r).count() as u32;
    let kept_by = |m: u32| kept.iter().filter(|p| p.1 == m).count() as u32;
    KeptBreaks {
        forbidden: kept
            .iter()
            .copied()
            .filter(|pair| problem.forbidden.contains(pair))
            .collect(),
        crowded: (0..problem.regions() as u32)
            .filter(|&r| kept_in(r) > problem.per_region)
            .map(|region| Crowded {
                region,
                kept: kept_in(region),
            })
            .collect(),
        overloaded: (0..problem.members() as u32)
            .filter(|&m| kept_by(m) > problem.loads[m as usize])
            .map(|member| Overloaded {
                member,
                kept: kept_by(member),
                load: problem.loads[member as usize],
            })
            .collect(),
    }
}

/// The regions with fewer than K free members, counted the plain way.
fn expected_uncoverable(problem: &Problem) -> Vec<Uncoverable> {
    let free = |r: u32| {
        (0..problem.members() as u32)
            .filter(|&m| problem.loads[m as usize] > 0 && !problem.forbidden.contains(&(r, m)))
            .count() as u32
    };
    (0..problem.regions() as u32)
        .filter(|&r| free(r) < problem.per_region)
        .map(|region| Uncoverable {
            region,
            free: free(region),
        })
        .collect()
}

/// What the members can give `group`, counted from scratch: each their kept
/// pairs there, plus one per other region there not forbidden to them, up
/// to the load their kept pairs leave.
fn can_give(problem: &Problem, group: &[u32]) -> u64 {
    let kept = kept_set(problem);
    (0..problem.members() as u32)
        .map(|m| {
            let kept_here = group.iter().filter(|&&r| kept.contains(&(r, m))).count() as u64;
            let open_here = group
                .iter()
                .filter(|&&r| !kept.contains(&(r, m)) && !problem.forbidden.contains(&(r, m)))
                .count() as u64;
            let kept_by = kept.iter().filter(|p| p.1 == m).count() as u64;
            kept_here + (u64::from(problem.loads[m as usize]) - kept_by).min(open_here)
        })
        .sum()
}

/// Every claim of an `Infeasible` checked against the problem, each list
/// recomputed the plain way and compared whole, and every earlier check
/// passing.
fn assert_claims(problem: &Problem, why: &Infeasible) {
    let breaks = expected_breaks(problem);
    let uncoverable = expected_uncoverable(problem);
    let places = u64::from(problem.per_region) * problem.regions() as u64;
    let loads: u64 = problem.loads.iter().map(|&l| u64::from(l)).sum();
    let before = |step: usize| {
        let passed = [
            breaks == KeptBreaks::default(),
            uncoverable.is_empty(),
            loads >= places,
        ];
        assert!(
            passed[..step].iter().all(|&p| p),
            "an earlier check fails: {why:?}"
        );
    };
    match why {
        Infeasible::Malformed(_) => panic!("a well-formed problem called malformed: {why:?}"),
        Infeasible::Kept(found) => {
            assert_ne!(breaks, KeptBreaks::default());
            assert_eq!(found, &breaks);
        }
        Infeasible::Uncoverable(found) => {
            before(1);
            assert!(!found.is_empty());
            assert_eq!(found, &uncoverable);
        }
        Infeasible::Loads {
            places: p,
            loads: l,
        } => {
            before(2);
            assert_eq!((*p, *l), (places, loads));
            assert!(loads < places);
            assert_eq!(why.missing(), Some(places - loads));
        }
        Infeasible::Shortfall(Shortfall {
            regions: group,
            need,
            can_give: give,
        }) => {
            before(3);
            assert!(
                !group.is_empty() && group.windows(2).all(|w| w[0] < w[1]),
                "{group:?}"
            );
            assert_eq!(*need, u64::from(problem.per_region) * group.len() as u64);
            assert_eq!(*give, can_give(problem, group));
            assert!(
                give < need,
                "the group's members could give {give} of {need}"
            );
        }
    }
}

/// The best objective over every assignment, by enumeration; `None` if
/// there is none. For tiny problems only.
fn brute_force(problem: &Problem) -> Option<u64> {
    fn subsets(members: u32, k: u32) -> Vec<Vec<u32>> {
        if k == 0 {
            return vec![Vec::new()];
        }
        (0..members)
            .flat_map(|last| {
                subsets(last, k - 1).into_iter().map(move |mut s| {
                    s.push(last);
                    s
                })
            })
            .collect()
    }
    fn best(
        problem: &Problem,
        choices: &[Vec<u32>],
        region: usize,
        taken: &mut Vec<u32>,
    ) -> Option<u64> {
        if region == problem.regions() {
            return Some(0);
        }
        let mut top = None;
        for choice in choices {
            let r = region as u32;
            let allowed = choice.iter().all(|&m| {
                !problem.forbidden.contains(&(r, m))
                    && taken[m as usize] < problem.loads[m as usize]
            });
            let keeps = problem
                .kept
                .iter()
                .filter(|p| p.0 == r)
                .all(|p| choice.contains(&p.1));
            if !allowed || !keeps {
                continue;
            }
            for &m in choice {
                taken[m as usize] += 1;
            }
            if let Some(rest) = best(problem, choices, region + 1, taken) {
                let here: u64 = choice
                    .iter()
                    .map(|&m| problem.weight(region, m as usize))
                    .sum();
                top = top.max(Some(rest + here));
            }
            for &m in choice {
                taken[m as usize] -= 1;
            }
        }
        top
    }
    let choices = subsets(problem.members() as u32, problem.per_region);
    best(problem, &choices, 0, &mut vec![0; problem.members()])
}

/// An explicit flow network for the textbook method: per node its arcs as
/// (to, capacity, cost, index of the reverse arc).
struct Graph(Vec<Vec<(usize, i64, i64, usize)>>);

impl Graph {
    fn add(&mut self, a: usize, b: usize, capacity: i64, cost: i64) {
        let (ia, ib) = (self.0[b].len(), self.0[a].len());
        self.0[a].push((b, capacity, cost, ia));
        self.0[b].push((a, 0, -cost, ib));
    }

    /// Moves one unit along a cheapest path (Bellman–Ford) and returns its
    /// cost, or `None` if the sink cannot be reached.
    fn push_cheapest(&mut self, source: usize, sink: usize) -> Option<i64> {
        let arcs = &mut self.0;
        let mut dist = vec![i64::MAX; arcs.len()];
        let mut via = vec![(usize::MAX, 0); arcs.len()];
        dist[source] = 0;
        let mut changed = true;
        while changed {
            changed = false;
            for a in 0..arcs.len() {
                for (i, &(b, cap, c, _)) in arcs[a].iter().enumerate() {
                    if cap > 0 && dist[a] != i64::MAX && dist[a] + c < dist[b] {
                        dist[b] = dist[a] + c;
                        via[b] = (a, i);
                        changed = true;
                    }
                }
            }
        }
        if dist[sink] == i64::MAX {
            return None;
        }
        let mut node = sink;
        while node != source {
            let (a, i) = via[node];
            arcs[a][i].1 -= 1;
            let back = arcs[a][i].3;
            arcs[node][back].1 += 1;
            node = a;
        }
        Some(dist[sink])
    }
}

/// The best objective by the textbook method on an explicit graph: kept
/// pairs fixed first, then one unit at a time along a cheapest path, arcs
/// of cost minus the weight. `None` if not every place can be filled.
fn textbook(problem: &Problem) -> Option<u64> {
    let (r, m) = (problem.regions(), problem.members());
    let (source, sink) = (r + m, r + m + 1);
    let kept = kept_set(problem);
    let mut need = vec![i64::from(problem.per_region); r];
    let mut left: Vec<i64> = problem.loads.iter().map(|&l| i64::from(l)).collect();
    let mut objective = 0;
    for &(region, member) in &kept {
        need[region as usize] -= 1;
        left[member as usize] -= 1;
        objective += problem.weight(region as usize, member as usize);
    }
    let broken = kept.iter().any(|pair| problem.forbidden.contains(pair));
    if broken || need.iter().chain(&left).any(|&n| n < 0) {
        return None;
    }
    let mut graph = Graph(vec![Vec::new(); r + m + 2]);
    for (region, &need) in need.iter().enumerate() {
        graph.add(source, region, need, 0);
        for member in 0..m {
            let pair = (region as u32, member as u32);
            if !problem.forbidden.contains(&pair) && kept.binary_search(&pair).is_err() {
                graph.add(
                    region,
                    r + member,
                    1,
                    -(problem.weight(region, member) as i64),
                );
            }
        }
    }
    for (member, &left) in left.iter().enumerate() {
        graph.add(r + member, sink, left, 0);
    }
    for _ in 0..need.iter().sum::<i64>() {
        objective = objective.checked_add_signed(-graph.push_cheapest(source, sink)?)?;
    }
    Some(objective)
}

/// No single change of the answer is better: one member of a region
/// replaced by another who may take it, or two regions exchanging members.
/// Kept pairs stay.
fn assert_no_better_swap(problem: &Problem, assignment: &Assignment) {
    let w = |r: usize, m: u32| problem.weight(r, m as usize) as i64;
    let movable = |r: usize, m: u32| !problem.kept.contains(&(r as u32, m));
    let allowed = |r: usize, m: u32| !problem.forbidden.contains(&(r as u32, m));
    let mut taken = vec![0u32; problem.members()];
    for members in &assignment.members {
        for &m in members {
            taken[m as usize] += 1;
        }
    }
    let lists = &assignment.members;
    for (r, members) in lists.iter().enumerate() {
        for &out in members.iter().filter(|&&m| movable(r, m)) {
            for new in 0..problem.members() as u32 {
                if !members.contains(&new)
                    && allowed(r, new)
                    && taken[new as usize] < problem.loads[new as usize]
                {
                    assert!(
                        w(r, new) <= w(r, out),
                        "region {r}: {new} for {out} is better"
                    );
                }
            }
            for (s, others) in lists.iter().enumerate().skip(r + 1) {
                for &back in others.iter().filter(|&&m| movable(s, m)) {
                    if members.contains(&back)
                        || others.contains(&out)
                        || !allowed(r, back)
                        || !allowed(s, out)
                    {
                        continue;
                    }
                    let gain = w(r, back) + w(s, out) - w(r, out) - w(s, back);
                    assert!(
                        gain <= 0,
                        "regions {r} and {s} exchanging {out} and {back} gain {gain}"
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Worked by hand
// ---------------------------------------------------------------------------

#[test]
fn a_forbidden_pair_is_avoided_at_a_cost() {
    // Region 0 is in field 0, region 1 in field 1; member 0 knows field 0,
    // member 1 field 1, each takes one region. Free, each takes their own
    // field: [[0], [1]], objective 2. With member 0 conflicted on region 0
    // the only assignment left swaps them: [[1], [0]], objective 0.
    let mut p = problem(1, &[&[0], &[1]], &[(&[0], 1), (&[1], 1)]);
    assert_eq!(
        solve(&p),
        Ok(Assignment {
            members: vec![vec![0], vec![1]],
            objective: 2
        })
    );
    p.forbidden = vec![(0, 0)];
    assert_eq!(
        solve(&p),
        Ok(Assignment {
            members: vec![vec![1], vec![0]],
            objective: 0
        })
    );
}

#[test]
fn loads_are_respected() {
    // Three regions in field 0; member 0 knows it but takes two, member 1
    // knows nothing and takes five. Any assignment giving member 0 two
    // regions and member 1 the third is best (objective 2). The tie: the
    // first round gives member 0 to regions 0 and 1; region 2, served last,
    // tries member 0 first, who is as good for it as member 1 (region 0
    // can take member 1 instead), so member 0 moves to it: [[1], [0], [0]].
    let p = problem(1, &[&[0], &[0], &[0]], &[(&[0], 2), (&[], 5)]);
    assert_eq!(
        solve(&p),
        Ok(Assignment {
            members: vec![vec![1], vec![0], vec![0]],
            objective: 2
        })
    );
}

#[test]
fn a_kept_pair_stays_even_when_it_costs() {
    // One region in field 0, K = 1: member 0 knows the field, member 1 does
    // not. Free: [[0]], objective 1. Keeping (0, 1): [[1]], objective 0.
    let mut p = problem(1, &[&[0]], &[(&[0], 1), (&[2], 1)]);
    assert_eq!(solve(&p).map(|a| a.members), Ok(vec![vec![0]]));
    p.kept = vec![(0, 1)];
    assert_eq!(
        solve(&p),
        Ok(Assignment {
            members: vec![vec![1]],
            objective: 0
        })
    );
}

#[test]
fn the_first_choice_is_undone_when_an_exchange_is_better() {
    // Region 0 in field 0, region 1 in field 1; member 0 knows both, member
    // 1 only field 0, one region each. Taking member 0 for region 0 (the
    // first good pair) leaves region 1 with member 1, who shares nothing:
    // 1. The only optimum gives member 1 to region 0 and member 0 to region
    // 1: [[1], [0]], objective 2.
    let p = problem(1, &[&[0], &[1]], &[(&[0, 1], 1), (&[0], 1)]);
    assert_eq!(
        solve(&p),
        Ok(Assignment {
            members: vec![vec![1], vec![0]],
            objective: 2
        })
    );
}

#[test]
fn fields_are_sets_and_pairs_may_repeat() {
    // The same problem as above with repeated fields and repeated pairs.
    let mut p = problem(1, &[&[0, 0], &[1]], &[(&[1, 0, 1], 1), (&[0, 0], 1)]);
    assert_eq!(p.weight(0, 0), 1);
    assert_eq!(p.weight(0, 1), 1);
    assert_eq!(p.weight(9, 0), 0, "out of range weighs nothing");
    p.forbidden = vec![(1, 1), (1, 1)];
    p.kept = vec![(1, 0), (1, 0)];
    assert_eq!(
        solve(&p),
        Ok(Assignment {
            members: vec![vec![1], vec![0]],
            objective: 2
        })
    );
}

#[test]
fn nothing_to_assign_is_not_an_error() {
    assert_eq!(solve(&Problem::default()), Ok(Assignment::default()));
    let p = problem(0, &[&[0], &[1]], &[]);
    assert_eq!(
        solve(&p),
        Ok(Assignment {
            members: vec![vec![], vec![]],
            objective: 0
        })
    );
}

#[test]
fn a_malformed_problem_is_named_not_a_panic() {
    let mut p = problem(1, &[&[0]], &[(&[0], 1)]);
    p.loads.push(3);
    assert_eq!(
        solve(&p),
        Err(Infeasible::Malformed(Malformed::Loads {
            members: 1,
            loads: 2
        }))
    );
    let mut p = problem(1, &[&[0]], &[(&[0], 1)]);
    p.forbidden = vec![(1, 0)];
    assert_eq!(
        solve(&p),
        Err(Infeasible::Malformed(Malformed::Region {
            region: 1,
            regions: 1
        }))
    );
    p.forbidden.clear();
    p.kept = vec![(0, 7)];
    assert_eq!(
        solve(&p),
        Err(Infeasible::Malformed(Malformed::Member {
            member: 7,
            members: 1
        }))
    );
}

#[test]
fn every_broken_kept_pair_is_named() {
    // K = 1, loads 1. Region 0 keeps members 0 and 1 (two: crowded);
    // member 0 also keeps region 1 (two with region 0: over their load);
    // region 2 keeps member 2, who is conflicted there.
    let mut p = problem(1, &[&[], &[], &[]], &[(&[], 1), (&[], 1), (&[], 1)]);
    p.forbidden = vec![(2, 2)];
    p.kept = vec![(1, 0), (0, 0), (2, 2), (0, 1)];
    let why = solve(&p).unwrap_err();
    assert_eq!(
        why,
        Infeasible::Kept(KeptBreaks {
            forbidden: vec![(2, 2)],
            crowded: vec![Crowded { region: 0, kept: 2 }],
            overloaded: vec![Overloaded {
                member: 0,
                kept: 2,
                load: 1
            }],
        })
    );
    assert_claims(&p, &why);
}

#[test]
fn a_region_without_enough_candidates_is_named() {
    // K = 2. Member 2 takes nothing (load 0); member 0 is conflicted on
    // region 0, which is left with member 1 alone. Region 1 has 0 and 1.
    let mut p = problem(2, &[&[], &[]], &[(&[], 1), (&[], 1), (&[], 0)]);
    p.forbidden = vec![(0, 0)];
    let why = solve(&p).unwrap_err();
    assert_eq!(
        why,
        Infeasible::Uncoverable(vec![Uncoverable { region: 0, free: 1 }])
    );
    assert_claims(&p, &why);
}

#[test]
fn loads_too_small_say_how_many_places_are_missing() {
    // K = 2 over 2 regions: 4 places; three members of load 1 give 3.
    let p = problem(2, &[&[], &[]], &[(&[], 1), (&[], 1), (&[], 1)]);
    let why = solve(&p).unwrap_err();
    assert_eq!(
        why,
        Infeasible::Loads {
            places: 4,
            loads: 3
        }
    );
    assert_eq!(why.missing(), Some(1));
    assert_claims(&p, &why);
}

#[test]
fn a_group_of_regions_short_of_members_is_named() {
    // K = 1, three members of load 1, three regions. Regions 0 and 1 can
    // have only member 0 (members 1 and 2 are conflicted on both); region 2
    // anyone. Each region alone has a candidate and the loads make 3
    // places, but regions 0 and 1 need 2 members and can have 1.
    let mut p = problem(1, &[&[], &[], &[]], &[(&[], 1), (&[], 1), (&[], 1)]);
    p.forbidden = vec![(0, 1), (0, 2), (1, 1), (1, 2)];
    let why = solve(&p).unwrap_err();
    assert_eq!(
        why,
        Infeasible::Shortfall(Shortfall {
            regions: vec![0, 1],
            need: 2,
            can_give: 1
        })
    );
    assert_claims(&p, &why);
}

#[test]
fn a_shortfall_counts_kept_pairs_on_both_sides() {
    // K = 2, regions 0 and 1 can have members 0 and 1 only (member 2 is
    // conflicted on both); region 2 anyone. Member 0 keeps region 2 and has
    // load 2, so one place is left for regions 0 and 1; member 1 keeps
    // region 0 (load 2). Regions 0 and 1 need 4: member 1 gives the kept
    // one plus 1, member 0 gives 1: 3.
    let mut p = problem(2, &[&[], &[], &[]], &[(&[], 2), (&[], 2), (&[], 9)]);
    p.forbidden = vec![(0, 2), (1, 2)];
    p.kept = vec![(2, 0), (0, 1)];
    let why = solve(&p).unwrap_err();
    assert_eq!(
        why,
        Infeasible::Shortfall(Shortfall {
            regions: vec![0, 1],
            need: 4,
            can_give: 3
        })
    );
    assert_claims(&p, &why);
}

#[test]
fn the_synthetic_call_matches_the_textbook_and_is_deterministic() {
    // Tight loads (every member full) with the generator's clustered
    // conflicts, small enough for the textbook method.
    let mut shape = AssignShape::new(120, 40, 3, 5);
    shape.hosted = 3;
    let p = assign_problem(&shape);
    assert_eq!(p.loads.iter().sum::<u32>(), 360, "no slack");
    let answer = solve(&p).expect("feasible");
    assert_valid(&p, &answer);
    assert_eq!(Some(answer.objective), textbook(&p));
    assert_no_better_swap(&p, &answer);
    let mut shuffled = p.clone();
    shuffled.forbidden.reverse();
    for fields in &mut shuffled.region_fields {
        fields.reverse();
    }
    assert_eq!(solve(&shuffled), Ok(answer.clone()));
    assert_eq!(solve(&p), Ok(answer));
}

// ---------------------------------------------------------------------------
// Random problems
// ---------------------------------------------------------------------------

/// A random problem: `regions` × `members`, fields from `0..fields`.
fn problems(
    regions: std::ops::RangeInclusive<usize>,
    members: std::ops::RangeInclusive<usize>,
    per_region: std::ops::RangeInclusive<u32>,
    loads: std::ops::RangeInclusive<u32>,
    fields: u32,
) -> impl Strategy<Value = Problem> {
    (regions, members, per_region).prop_flat_map(move |(r, m, k)| {
        let pair = (0..r.max(1) as u32, 0..m.max(1) as u32);
        let pairs =
            |most| proptest::collection::vec(pair.clone(), 0..=if r * m == 0 { 0 } else { most });
        (
            proptest::collection::vec(proptest::collection::vec(0..fields, 0..=2), r),
            proptest::collection::vec(proptest::collection::vec(0..fields, 0..=3), m),
            proptest::collection::vec(loads.clone(), m),
            pairs(r * m / 3 + 1),
            pairs(r.min(3)),
        )
            .prop_map(
                move |(region_fields, member_fields, loads, forbidden, kept)| Problem {
                    per_region: k,
                    region_fields,
                    member_fields,
                    loads,
                    forbidden,
                    kept,
                },
            )
    })
}

/// Random problems where a random group of regions is open to only K or
/// K + 1 members (every other member conflicted on all of them): the shape
/// of a shortfall, which random pairs alone rarely make.
fn blocked(
    regions: std::ops::RangeInclusive<usize>,
    members: std::ops::RangeInclusive<usize>,
    per_region: std::ops::RangeInclusive<u32>,
    loads: std::ops::RangeInclusive<u32>,
    fields: u32,
) -> impl Strategy<Value = Problem> {
    let base = problems(regions, members, per_region, loads, fields);
    (base, any::<u64>(), any::<usize>(), 0..=1usize).prop_map(|(mut p, group, first, extra)| {
        let k = p.per_region as usize;
        let m = p.members().max(1);
        let open: Vec<u32> = (0..(k + extra).min(m))
            .map(|i| ((first % m + i) % m) as u32)
            .collect();
        let inside = |r: u32| group >> (r % 64) & 1 == 1;
        let blocked = |&(r, m): &(u32, u32)| inside(r) && !open.contains(&m);
        p.forbidden.retain(|&(r, _)| !inside(r));
        p.kept.retain(|pair| !blocked(pair));
        for r in (0..p.regions() as u32).filter(|&r| inside(r)) {
            for m in (0..p.members() as u32).filter(|m| !open.contains(m)) {
                p.forbidden.push((r, m));
            }
        }
        p
    })
}

/// The same problem with its pairs in another order.
fn reordered(problem: Problem) -> impl Strategy<Value = (Problem, Problem)> {
    let forbidden = Just(problem.forbidden.clone()).prop_shuffle();
    let kept = Just(problem.kept.clone()).prop_shuffle();
    (forbidden, kept).prop_map(move |(forbidden, kept)| {
        let other = Problem {
            forbidden,
            kept,
            ..problem.clone()
        };
        (problem.clone(), other)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tiny_problems_agree_with_every_assignment_tried(
        (p, shuffled) in prop_oneof![
            problems(0..=4, 0..=5, 0..=3, 0..=3, 3),
            blocked(1..=4, 1..=5, 1..=2, 1..=3, 3),
        ].prop_flat_map(reordered)
    ) {
        let answer = solve(&p);
        match (&answer, brute_force(&p)) {
            (Ok(found), Some(best)) => {
                assert_valid(&p, found);
                prop_assert_eq!(found.objective, best);
            }
            (Err(why), None) => assert_claims(&p, why),
            (answer, best) => prop_assert!(false, "solver {:?}, brute force {:?}", answer, best),
        }
        prop_assert_eq!(&solve(&p), &answer, "the same problem twice");
        prop_assert_eq!(&solve(&shuffled), &answer, "the pairs in another order");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn medium_problems_agree_with_the_textbook(p in prop_oneof![
        problems(10..=24, 4..=10, 1..=3, 0..=8, 5),
        blocked(10..=24, 4..=10, 1..=3, 4..=12, 5),
    ]) {
        let answer = solve(&p);
        match &answer {
            Ok(found) => {
                assert_valid(&p, found);
                prop_assert_eq!(Some(found.objective), textbook(&p));
            }
            Err(why) => {
                assert_claims(&p, why);
                prop_assert_eq!(textbook(&p), None);
            }
        }
    }

    #[test]
    fn no_single_swap_improves_a_medium_answer(p in problems(24..=36, 10..=14, 1..=3, 6..=12, 6)) {
        match solve(&p) {
            Ok(found) => {
                assert_valid(&p, &found);
                assert_no_better_swap(&p, &found);
            }
            Err(why) => assert_claims(&p, &why),
        }
    }
}
