//! Why no assignment exists, as plain data the caller puts into words: the
//! checks that run before the solver (a broken kept pair, a region with too
//! few candidates, loads too small in total), and the group of regions the
//! solver proves cannot be served when those checks pass and it still
//! falls short. Every claim a variant makes is true of the problem as given.

use super::problem::{Pairs, Problem};

/// Why a [`Problem`] has no assignment. The checks run in this order and
/// the first that fails is the answer, with every case of it listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Infeasible {
    /// The problem's own lists disagree: a bug in the caller, not a fact
    /// about the review.
    Malformed(Malformed),
    /// Kept pairs that break a rule, all of them (any of the three lists
    /// may be empty, not all).
    Kept(KeptBreaks),
    /// Regions with fewer than K members free for them at all (not
    /// forbidden, with a load above 0), ascending, each with how many are.
    Uncoverable(Vec<Uncoverable>),
    /// The loads together are fewer than the K × R places: `places - loads`
    /// are missing.
    Loads { places: u64, loads: u64 },
    /// A group of regions whose candidates together cannot give them the
    /// members they need (Hall's condition fails for them), though each
    /// region alone has enough candidates and the loads are enough overall.
    Shortfall(Shortfall),
}

/// A caller's inconsistent [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Malformed {
    /// `loads` has a different length than `member_fields`.
    Loads { members: usize, loads: usize },
    /// A forbidden or kept pair names a region past the last.
    Region { region: u32, regions: usize },
    /// A forbidden or kept pair names a member past the last.
    Member { member: u32, members: usize },
}

/// Kept pairs that cannot all stay assigned; each list ascending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeptBreaks {
    /// Kept (region, member) pairs that are also forbidden (a conflict).
    pub forbidden: Vec<(u32, u32)>,
    /// Regions with more kept pairs than K.
    pub crowded: Vec<Crowded>,
    /// Members with more kept pairs than their load.
    pub overloaded: Vec<Overloaded>,
}

/// A region with more kept pairs than K.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Crowded {
    pub region: u32,
    pub kept: u32,
}

/// A member with more kept pairs than their load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overloaded {
    pub member: u32,
    pub kept: u32,
    pub load: u32,
}

/// A region with fewer than K members free for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uncoverable {
    pub region: u32,
    /// Members not forbidden on it whose load is above 0.
    pub free: u32,
}

/// Regions that need more members than their candidates can give them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    /// The regions, ascending (never empty).
    pub regions: Vec<u32>,
    /// K for each of them.
    pub need: u64,
    /// The most every member together can give these regions, below `need`:
    /// each member gives their kept pairs among them, plus at most one per
    /// other region not forbidden to them, and no more than the load their
    /// kept pairs (anywhere) leave them.
    pub can_give: u64,
}

impl Infeasible {
    /// For [`Infeasible::Loads`], how many places the loads are short by.
    pub fn missing(&self) -> Option<u64> {
        match self {
            Infeasible::Loads { places, loads } => Some(places.saturating_sub(*loads)),
            _ => None,
        }
    }
}

/// The checks that need no solving, in [`Infeasible`]'s order; on success,
/// the problem's pairs sorted and without repeats.
pub(super) fn check(problem: &Problem) -> Result<Pairs, Infeasible> {
    malformed(problem).map_err(Infeasible::Malformed)?;
    let pairs = problem.pairs();
    let breaks = kept_breaks(problem, &pairs);
    if breaks != KeptBreaks::default() {
        return Err(Infeasible::Kept(breaks));
    }
    let uncoverable = uncoverable(problem, &pairs);
    if !uncoverable.is_empty() {
        return Err(Infeasible::Uncoverable(uncoverable));
    }
    let places = u64::from(problem.per_region) * problem.regions() as u64;
    let loads = problem
        .loads
        .iter()
        .map(|&load| u64::from(load))
        .sum::<u64>();
    if loads < places {
        return Err(Infeasible::Loads { places, loads });
    }
    Ok(pairs)
}

fn malformed(problem: &Problem) -> Result<(), Malformed> {
    let (regions, members) = (problem.regions(), problem.members());
    if problem.loads.len() != members {
        return Err(Malformed::Loads {
            members,
            loads: problem.loads.len(),
        });
    }
    for &(region, member) in problem.forbidden.iter().chain(&problem.kept) {
        if region as usize >= regions {
            return Err(Malformed::Region { region, regions });
        }
        if member as usize >= members {
            return Err(Malformed::Member { member, members });
        }
    }
    Ok(())
}

fn kept_breaks(problem: &Problem, pairs: &Pairs) -> KeptBreaks {
    let mut per_region = vec![0u32; problem.regions()];
    let mut per_member = vec![0u32; problem.members()];
    let mut forbidden = Vec::new();
    for &(region, member) in &pairs.kept {
        per_region[region as usize] += 1;
        per_member[member as usize] += 1;
        if pairs.forbidden.binary_search(&(region, member)).is_ok() {
            forbidden.push((region, member));
        }
    }
    let crowded = (0u32..)
        .zip(&per_region)
        .filter(|&(_, &kept)| kept > problem.per_region)
        .map(|(region, &kept)| Crowded { region, kept })
        .collect();
    let overloaded = (0u32..)
        .zip(per_member.iter().zip(&problem.loads))
        .filter(|&(_, (&kept, &load))| kept > load)
        .map(|(member, (&kept, &load))| Overloaded { member, kept, load })
        .collect();
    KeptBreaks {
        forbidden,
        crowded,
        overloaded,
    }
}

fn uncoverable(problem: &Problem, pairs: &Pairs) -> Vec<Uncoverable> {
    let able = problem.loads.iter().filter(|&&load| load > 0).count() as u32;
    let mut free = vec![able; problem.regions()];
    for &(region, member) in &pairs.forbidden {
        if problem.loads[member as usize] > 0 {
            free[region as usize] -= 1;
        }
    }
    (0u32..)
        .zip(free)
        .filter(|&(_, free)| free < problem.per_region)
        .map(|(region, free)| Uncoverable { region, free })
        .collect()
}

/// What `regions` (ascending, the regions the solver could still reach when
/// it fell short) need and what their members can give them, by
/// [`Shortfall`]'s count.
pub(super) fn shortfall(problem: &Problem, pairs: &Pairs, regions: Vec<u32>) -> Infeasible {
    let mut inside = vec![false; problem.regions()];
    for &region in &regions {
        inside[region as usize] = true;
    }
    let group = regions.len() as u64;
    let mut kept_inside = vec![0u64; problem.members()];
    let mut kept_anywhere = vec![0u64; problem.members()];
    let mut closed_inside = vec![0u64; problem.members()];
    for &(region, member) in &pairs.kept {
        kept_anywhere[member as usize] += 1;
        if inside[region as usize] {
            kept_inside[member as usize] += 1;
            closed_inside[member as usize] += 1;
        }
    }
    for &(region, member) in &pairs.forbidden {
        if inside[region as usize] {
            closed_inside[member as usize] += 1;
        }
    }
    let can_give = (0..problem.members())
        .map(|m| {
            let left = u64::from(problem.loads[m]).saturating_sub(kept_anywhere[m]);
            let free = group.saturating_sub(closed_inside[m]);
            kept_inside[m] + left.min(free)
        })
        .sum();
    Infeasible::Shortfall(Shortfall {
        regions,
        need: u64::from(problem.per_region) * group,
        can_give,
    })
}
