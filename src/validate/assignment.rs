//! The checks of *Assignment* (SPEC): `PerMember` lists name members and
//! regions that exist, and a member is not given a region they are
//! conflicted on (a warning: their marks there would not count).

use super::findings::{Finding, Findings, field, s};
use crate::model::{Conflict, Index, Regions, Review};

/// Errors: a `PerMember` entry for someone who is not a member of the panel,
/// or naming a region that does not exist.
pub fn check(review: &Review, index: &Index, f: &mut Findings) {
    for panel in &review.panels {
        let Regions::PerMember(lists) = &panel.regions else {
            continue;
        };
        for (member, regions) in lists.iter() {
            let at = [field("panels"), s(&panel.id), field("regions"), s(member)];
            if !panel.has_member(member) {
                f.add(
                    &at,
                    crate::t!(
                        "check-per-member-not-member",
                        panel = panel.id,
                        reviewer = member
                    ),
                );
            }
            for region in regions {
                if index.region(region).is_none() {
                    let at = [&at[..], &[s(region)]].concat();
                    f.add(
                        &at,
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
}

/// Warnings: a member given a region `review.ron` conflicts them on, with
/// the cause.
pub fn warnings(review: &Review) -> Vec<Finding> {
    let index = Index::new(review);
    let mut found = Vec::new();
    for panel in &review.panels {
        let Regions::PerMember(lists) = &panel.regions else {
            continue;
        };
        for (member, regions) in lists.iter() {
            for region in regions {
                let Some(r) = index.region_index(region) else {
                    continue;
                };
                let Some(conflict) = index.conflict(member, r) else {
                    continue;
                };
                let at = [
                    field("panels"),
                    s(&panel.id),
                    field("regions"),
                    s(member),
                    s(region),
                ];
                let message = crate::t!(
                    "check-per-member-conflicted",
                    panel = panel.id,
                    reviewer = member,
                    region = region,
                    cause = cause(&conflict)
                );
                found.push(Finding::new(&at, message));
            }
        }
    }
    found
}

/// Why a reviewer is conflicted, in words: "declared in review.ron" or
/// "same institution: Kyushu University".
pub fn cause(conflict: &Conflict) -> String {
    match conflict {
        Conflict::Declared => crate::t!("conflict-cause-declared"),
        Conflict::Institution(name) => crate::t!("conflict-cause-institution", institution = *name),
    }
}
