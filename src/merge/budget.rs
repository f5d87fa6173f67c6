//! SPEC's "Budget": the money shared among the selected regions of funded
//! tiers, by rank order (a funding line) or in proportion to their totals.

use super::rank::Place;
use super::results::{BudgetOutcome, RegionResult, Status, add_flag};
use crate::model::{Budget, BudgetRule, PROGRAMME_EPSILON, Review, Tier};

/// Why a budget cannot be shared: the least amounts alone exceed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Infeasible {
    /// What the least amounts of the selected regions add up to.
    pub needed: f64,
    pub total: f64,
}

/// Shares `budget` among `regions` (ranked): sets every eligible region's
/// `allocation` (0 for one that gets nothing), flags those past the funding
/// line `unfunded`, and returns the sum and what is left.
pub fn allocate(
    review: &Review,
    budget: &Budget,
    regions: &mut [RegionResult],
) -> Result<BudgetOutcome, Infeasible> {
    let tiers = review.committee.tiers();
    let funded = |region: &RegionResult| {
        region.status.chosen() && in_funded_tier(&tiers, region.tier.as_deref())
    };
    // By id once: a national call has ten thousand regions.
    let asked: std::collections::HashMap<&str, Option<f64>> = review
        .regions
        .iter()
        .map(|r| (r.id.as_str(), r.requested))
        .collect();
    let requested = |region: &RegionResult| asked.get(region.region.as_str()).copied().flatten();
    let chosen: Vec<usize> = (0..regions.len())
        .filter(|&i| funded(&regions[i]))
        .collect();
    let asks: Vec<(f64, Option<f64>)> = chosen
        .iter()
        .map(|&i| (regions[i].total, requested(&regions[i])))
        .collect();
    let (shares, unfunded) = share(budget, &asks)?;
    let mut amounts = vec![0.0; regions.len()];
    for (&i, amount) in chosen.iter().zip(shares) {
        amounts[i] = amount;
    }
    for k in unfunded {
        add_flag(&mut regions[chosen[k]].flags, "unfunded".to_string());
    }
    let mut allocated = 0.0;
    for (region, amount) in regions.iter_mut().zip(amounts) {
        if region.status != Status::Ineligible {
            region.allocation = Some(amount);
            allocated += amount;
        }
    }
    Ok(BudgetOutcome {
        total: budget.total,
        unit: budget.unit.clone(),
        allocated,
        left: budget.total - allocated,
    })
}

/// The amounts of the regions that share `budget`, given in rank order by
/// (total, amount requested), and which of them the funding line passed:
/// the one home of the budget rules, for [`allocate`] and for the
/// analysis's rounds.
pub(crate) fn share(
    budget: &Budget,
    chosen: &[(f64, Option<f64>)],
) -> Result<(Vec<f64>, Vec<usize>), Infeasible> {
    let mut amounts = vec![0.0; chosen.len()];
    let mut unfunded = Vec::new();
    match budget.rule {
        BudgetRule::RankOrder => {
            let mut left = budget.total;
            let mut line_passed = false;
            for (k, &(_, requested)) in chosen.iter().enumerate() {
                let asked = requested.unwrap_or(0.0);
                if !line_passed && asked <= left + PROGRAMME_EPSILON {
                    amounts[k] = round_down(asked, budget.granularity);
                    left -= amounts[k];
                } else {
                    line_passed = true;
                    unfunded.push(k);
                }
            }
        }
        BudgetRule::Proportional { min, max } => {
            let bounds: Vec<(f64, f64, f64)> = chosen
                .iter()
                .map(|&(total, requested)| {
                    let (least, cap) = least_and_cap(min, max, requested);
                    (total, least, cap)
                })
                .collect();
            let needed: f64 = bounds.iter().map(|b| b.1).sum();
            if needed > budget.total + PROGRAMME_EPSILON {
                return Err(Infeasible {
                    needed,
                    total: budget.total,
                });
            }
            for (slot, amount) in amounts.iter_mut().zip(proportional(&bounds, budget.total)) {
                *slot = round_down(amount, budget.granularity);
            }
        }
    }
    Ok((amounts, unfunded))
}

/// Under `Proportional { min, max }`, the least and the most a region
/// asking `requested` can be given: at most what it asked, and `max`; at
/// least `min`, unless it asked for less.
fn least_and_cap(min: f64, max: f64, requested: Option<f64>) -> (f64, f64) {
    let cap = requested.map_or(max, |r| r.min(max));
    (min.min(cap), cap)
}

/// Whether `budget` funds every region chosen for money, whichever of
/// `review`'s regions are chosen: as many as the funded tiers have places
/// can always be given their least amount (with a margin for the order the
/// sum is added in), and every least amount is more than nothing once
/// rounded down. Then a region is funded exactly when it is selected in a
/// funded tier, and the analysis need not share the money to tell.
/// Never under `RankOrder`, where the funding line falls where it may.
pub(crate) fn funds_every_chosen(review: &Review, budget: &Budget) -> bool {
    let BudgetRule::Proportional { min, max } = budget.rule else {
        return false;
    };
    let places: usize = review
        .committee
        .tiers()
        .iter()
        .filter(|t| t.funded)
        .map(|t| t.places as usize)
        .sum();
    // Each region's least amount, as `share` bounds it.
    let mut least: Vec<f64> = review
        .regions
        .iter()
        .map(|r| least_and_cap(min, max, r.requested).0)
        .collect();
    if !least
        .iter()
        .all(|&lo| round_down(lo, budget.granularity) > 0.0)
    {
        return false;
    }
    least.sort_by(|a, b| b.total_cmp(a));
    let most: f64 = least.iter().take(places).sum();
    most <= budget.total * (1.0 - 1e-9)
}

/// Per place (in rank order), the amount `budget` gives it, 0 for one it is
/// not shared among: [`share`] over the chosen places of funded tiers, as
/// [`allocate`] shares it, `ask` giving a member's (total, amount
/// requested); `None` when the budget cannot be shared. The analysis's
/// rounds and probes share the money so.
pub(crate) fn share_places(
    budget: &Budget,
    tiers: &[Tier],
    places: &[Place],
    ask: impl Fn(usize) -> (f64, Option<f64>),
) -> Option<Vec<f64>> {
    let chosen: Vec<usize> = (0..places.len())
        .filter(|&k| places[k].status.chosen() && funded_tier(tiers, places[k].tier))
        .collect();
    let asks: Vec<(f64, Option<f64>)> = chosen.iter().map(|&k| ask(places[k].member)).collect();
    let (shares, _) = share(budget, &asks).ok()?;
    let mut amounts = vec![0.0; places.len()];
    for (&k, amount) in chosen.iter().zip(shares) {
        amounts[k] = amount;
    }
    Some(amounts)
}

/// Whether a selected region in tier `tier` (an index into `tiers`, `None`
/// under `select: N`) shares the budget.
pub(crate) fn funded_tier(tiers: &[Tier], tier: Option<usize>) -> bool {
    in_funded_tier(
        tiers,
        tier.and_then(|k| tiers.get(k)).map(|t| t.id.as_str()),
    )
}

/// Whether a chosen region of tier `tier` (by id; `None` under
/// `select: N`) is shared among, of the committee's `tiers`.
pub(crate) fn in_funded_tier(tiers: &[Tier], tier: Option<&str>) -> bool {
    match tier {
        Some(id) => tiers.iter().any(|t| t.id == id && t.funded),
        // `select: N`: the one tier, funded.
        None => tiers.len() == 1 && tiers[0].funded,
    }
}

/// `amount` rounded down to a multiple of `granularity`; an amount within
/// 1e-9·granularity below a multiple counts as that multiple. An amount of
/// more granules than an `f64` counts (a granularity of 1e-300) is one
/// already, to every digit an `f64` holds.
pub fn round_down(amount: f64, granularity: f64) -> f64 {
    if granularity <= 0.0 || !granularity.is_finite() {
        return amount;
    }
    let granules = (amount / granularity + PROGRAMME_EPSILON).floor();
    if !granules.is_finite() {
        return amount;
    }
    granules * granularity
}

/// clamp(λ·total_i, lo_i, cap_i) for the largest λ ≥ 0 with a sum of at
/// most `budget`, each region given as (total, lo, cap); every region at
/// its cap when that fits. The sum is piecewise linear and nondecreasing
/// in λ, so λ is found exactly between two of its breakpoints.
fn proportional(bounds: &[(f64, f64, f64)], budget: f64) -> Vec<f64> {
    let at = |lambda: f64| -> Vec<f64> {
        bounds
            .iter()
            // Not `clamp`, which panics on a NaN bound (a review that
            // `check` refuses, merged all the same).
            .map(|&(total, lo, cap)| (lambda * total).max(lo).min(cap.max(lo)))
            .collect()
    };
    let sum = |lambda: f64| -> f64 { at(lambda).iter().sum() };
    let caps: f64 = bounds.iter().map(|b| b.2.max(b.1)).sum();
    if caps <= budget + PROGRAMME_EPSILON {
        return bounds.iter().map(|b| b.2.max(b.1)).collect();
    }
    let mut breaks: Vec<f64> = bounds
        .iter()
        .filter(|b| b.0 > 0.0)
        .flat_map(|&(total, lo, cap)| [lo / total, cap / total])
        .filter(|l| l.is_finite() && *l >= 0.0)
        .collect();
    breaks.push(0.0);
    breaks.sort_by(f64::total_cmp);
    breaks.dedup();
    // The last breakpoint whose sum fits; past it the sum is linear until
    // the next one.
    let fits = breaks.partition_point(|&l| sum(l) <= budget + PROGRAMME_EPSILON);
    let Some(&low) = breaks.get(fits.wrapping_sub(1)) else {
        return at(0.0);
    };
    let base = sum(low);
    let slope: f64 = bounds
        .iter()
        .filter(|&&(total, lo, cap)| total > 0.0 && low * total >= lo && low * total < cap)
        .map(|b| b.0)
        .sum();
    let lambda = if slope > 0.0 {
        let high = breaks.get(fits).copied().unwrap_or(f64::INFINITY);
        (low + (budget - base) / slope).min(high)
    } else {
        low
    };
    at(lambda)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    /// A synthetic review under the programme: two funded tiers, a
    /// proportional budget of 0.75e9 a funded place, least amounts 0.5e9.
    fn programme() -> (Review, usize) {
        let shape = crate::synthetic::Shape {
            programme: true,
            ..crate::synthetic::Shape::new(60, 4)
        };
        let review = crate::synthetic::generate(&shape).review;
        let tiers = review.committee.tiers();
        let places = tiers.iter().filter(|t| t.funded).map(|t| t.places as usize);
        let places = places.sum();
        (review, places)
    }

    fn budget(review: &mut Review) -> &mut Budget {
        review.committee.budget.as_mut().expect("a budget")
    }

    fn funds(review: &Review) -> bool {
        review
            .committee
            .budget
            .as_ref()
            .is_some_and(|b| funds_every_chosen(review, b))
    }

    #[test]
    fn every_chosen_region_is_funded_when_the_least_amounts_fit_whoever_they_are() {
        let (mut review, places) = programme();
        let b = budget(&mut review).clone();
        assert!(funds_every_chosen(&review, &b));
        // So shares the money: any funded places' worth of regions, those
        // asking the most among them, each get something.
        let mut asks: Vec<(f64, Option<f64>)> = review
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| (50.0 + i as f64, r.requested))
            .collect();
        asks.sort_by(|a, b| b.1.unwrap_or(f64::MAX).total_cmp(&a.1.unwrap_or(f64::MAX)));
        asks.truncate(places);
        let (amounts, _) = share(&b, &asks).expect("feasible");
        assert!(amounts.iter().all(|&a| a > 0.0), "{amounts:?}");

        // The least amounts of as many regions as there are places exceed
        // the budget, or come too close to it: someone might go without.
        let least = 0.5e9 * places as f64;
        budget(&mut review).total = least;
        assert!(!funds(&review));
        budget(&mut review).total = least * 1.001;
        assert!(funds(&review));
        // A least amount rounded down to nothing.
        budget(&mut review).granularity = 0.6e9;
        assert!(!funds(&review));
        budget(&mut review).granularity = 1e7;
        review.regions[3].requested = Some(0.0);
        assert!(!funds(&review));
        review.regions[3].requested = None;
        // The funding line of rank order falls where it may.
        budget(&mut review).rule = BudgetRule::RankOrder;
        assert!(!funds(&review));
    }

    #[test]
    fn proportional_finds_the_largest_lambda() {
        // Totals 80, 60, 40; min 0.5, max 1.0; budget 2.0.
        let bounds = [(80.0, 0.5, 1.0), (60.0, 0.5, 1.0), (40.0, 0.5, 1.0)];
        let amounts = proportional(&bounds, 2.0);
        // λ·80 = 1.0 caps at λ = 1/80; the rest: λ(60 + 40) = 1.0 → λ = 0.01
        // gives 0.6 and 0.4 → 0.5 (lo). Check the sum and the order.
        let sum: f64 = amounts.iter().sum();
        assert!((sum - 2.0).abs() < 1e-9, "{amounts:?}");
        assert!(amounts[0] >= amounts[1] && amounts[1] >= amounts[2]);
        assert!(
            (amounts[2] - 0.5).abs() < 1e-9,
            "40 points stays at the least"
        );
    }

    #[test]
    fn proportional_gives_everyone_the_cap_when_it_fits() {
        let bounds = [(80.0, 0.5, 1.0), (60.0, 0.5, 0.7)];
        assert_eq!(proportional(&bounds, 5.0), [1.0, 0.7]);
    }

    #[test]
    fn proportional_survives_bounds_that_are_not_numbers() {
        // min and max NaN, nothing requested: found by the merge fuzz target.
        let bounds = [(80.0, f64::NAN, f64::NAN), (60.0, 0.5, 1.0)];
        let amounts = proportional(&bounds, 1.2);
        assert_eq!(amounts.len(), 2);
        assert!(amounts[1] >= 0.5 && amounts[1] <= 1.0, "{amounts:?}");
    }

    #[test]
    fn rounding_down_to_a_tiny_granularity_keeps_the_amount() {
        // 1e9 / 1e-300 overflows: the amount is a multiple already.
        assert_eq!(round_down(1.0e9, 1.0e-300), 1.0e9);
        assert_eq!(round_down(0.0, 1.0e-300), 0.0);
    }

    #[test]
    fn rounding_down_forgives_a_hair_below_a_multiple() {
        assert!((round_down(0.734e9, 1.0e7) - 0.73e9).abs() < 1e-3);
        assert!((round_down(0.7 - 1e-12, 0.1) - 0.7).abs() < 1e-12);
        assert!((round_down(0.69, 0.1) - 0.6).abs() < 1e-12);
    }
}
