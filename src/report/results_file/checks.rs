//! The analysis's findings per region as results.ron (format 2) writes
//! them: one short line a region, without what the region's line of the
//! results already says (its status), and
//! each recomputed place as `(rank, total, status)`, with tier and funding
//! only when the review has them.

use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::analysis::{Placing, RegionCheck, RuleOutcome, Verdict};
use crate::merge::Status;
use crate::model::Aggregate;

#[derive(Serialize, Deserialize)]
#[serde(rename = "Check")]
pub(super) struct Check {
    region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tier: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    funded: Option<bool>,
    selected: u32,
    tied: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kept: Option<u32>,
    rank_low: u32,
    rank_high: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expected_rank: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hangs_on: Vec<String>,
    /// Its place under each rule of the analysis's `rules`, in that order.
    by_aggregate: Vec<Spot>,
    calibrated: Option<Spot>,
    verdict: Verdict,
}

/// The rules every region's `by_aggregate` gives a place under, in order.
pub(super) fn rules(checks: &[RegionCheck]) -> Vec<Aggregate> {
    checks.first().map_or_else(Vec::new, |c| {
        c.by_aggregate.iter().map(|r| r.aggregate).collect()
    })
}

impl Check {
    pub(super) fn new(check: &RegionCheck) -> Check {
        Check {
            region: check.region.clone(),
            tier: check.tier,
            funded: check.funded,
            selected: check.selected,
            tied: check.tied,
            kept: check.kept,
            rank_low: check.rank_low,
            rank_high: check.rank_high,
            expected_rank: check.expected_rank,
            hangs_on: check.hangs_on.clone(),
            by_aggregate: check.by_aggregate.iter().map(|r| Spot(r.placing)).collect(),
            calibrated: check.calibrated.map(Spot),
            verdict: check.verdict,
        }
    }

    /// The region it is about.
    pub(super) fn region(&self) -> &str {
        &self.region
    }

    /// The findings, for a region whose official status is `status`.
    pub(super) fn into_check(self, status: Status, rules: &[Aggregate]) -> RegionCheck {
        RegionCheck {
            region: self.region,
            status,
            tier: self.tier,
            funded: self.funded,
            selected: self.selected,
            tied: self.tied,
            kept: self.kept,
            rank_low: self.rank_low,
            rank_high: self.rank_high,
            expected_rank: self.expected_rank,
            hangs_on: self.hangs_on,
            by_aggregate: rules
                .iter()
                .zip(self.by_aggregate)
                .map(|(&aggregate, spot)| RuleOutcome {
                    aggregate,
                    placing: spot.0,
                })
                .collect(),
            calibrated: self.calibrated.map(|spot| spot.0),
            verdict: self.verdict,
        }
    }
}

/// A recomputed place: `(rank, total, status)`, or with tier and funding
/// `(rank, total, status, tier, funded)`.
pub(super) struct Spot(Placing);

impl Serialize for Spot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = &self.0;
        let short = p.tier.is_none() && p.funded.is_none();
        let mut out = serializer.serialize_tuple(if short { 3 } else { 5 })?;
        out.serialize_element(&p.rank)?;
        out.serialize_element(&p.total)?;
        out.serialize_element(&p.status)?;
        if !short {
            out.serialize_element(&p.tier)?;
            out.serialize_element(&p.funded)?;
        }
        out.end()
    }
}

impl<'de> Deserialize<'de> for Spot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Spot, D::Error> {
        struct SpotVisitor;
        impl<'de> Visitor<'de> for SpotVisitor {
            type Value = Spot;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("(rank, total, status) or (rank, total, status, tier, funded)")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Spot, A::Error> {
                let missing = |n| de::Error::invalid_length(n, &self);
                let rank: u32 = seq.next_element()?.ok_or_else(|| missing(0))?;
                let total: f64 = seq.next_element()?.ok_or_else(|| missing(1))?;
                let status: Status = seq.next_element()?.ok_or_else(|| missing(2))?;
                let tier: Option<u16> = seq.next_element()?.flatten();
                let funded: Option<bool> = seq.next_element()?.flatten();
                Ok(Spot(Placing {
                    rank,
                    total,
                    status,
                    tier,
                    funded,
                }))
            }
        }
        deserializer.deserialize_tuple(5, SpotVisitor)
    }
}
