//! How solid the selection is, in a line on a region for the ranking and
//! region screens. Reads the state, changes nothing; every word comes from
//! the catalogs (locales/*/analysis.ftl).

use super::app::App;
use crate::analysis::{Verdict, standing};
use crate::report::solidity::{aggregate_word, selected_share, side};
use crate::t;

/// One line on a region for the ranking and region screens: its verdict
/// and the checks that make it; whether it is fragile.
pub fn summary(app: &App, region: &str) -> Option<(String, bool)> {
    let analysis = app.analysis()?;
    let check = analysis.region(region)?;
    let fragile = check.verdict == Verdict::Fragile;
    let share = selected_share(check, analysis.rounds);
    let mut parts = vec![if fragile {
        t!("tui-summary-fragile", share = share)
    } else {
        t!("tui-summary-solid", share = share)
    }];
    parts.push(if check.hangs_on.is_empty() {
        t!("tui-summary-no-hinge")
    } else {
        t!(
            "tui-summary-hangs-on",
            reviewers = check.hangs_on.join(&t!("list-separator"))
        )
    });
    let home = standing(check.status);
    let other: Vec<String> = check
        .by_aggregate
        .iter()
        .filter(|r| standing(r.placing.status) != home)
        .map(|r| {
            t!(
                "reason-rule",
                side = side(r.placing.status),
                aggregate = aggregate_word(r.aggregate)
            )
        })
        .collect();
    parts.push(if other.is_empty() {
        t!("tui-summary-rules-agree")
    } else {
        other.join(&t!("list-separator"))
    });
    if let Some(p) = check.calibrated {
        parts.push(if standing(p.status) == home {
            t!("tui-summary-calibrated", rank = p.rank)
        } else {
            t!(
                "tui-summary-calibrated-side",
                rank = p.rank,
                side = side(p.status)
            )
        });
    }
    Some((parts.join(&format!(" {} ", app.theme.dot())), fragile))
}
