//! Within-panel percentiles, NIH's view of a ranking: each region's place
//! among the regions one panel scored, on that panel's criteria. Shown
//! beside the results and never read by the rules (rules 1–7 rank by the
//! total): where field teams each score their own regions, it says where a
//! region stands within its team's scale.
//!
//! For a panel, a region's sum is the sum of the official scores of the
//! cells the panel covers (its criteria, for that region). Among the N
//! eligible regions the panel scored (covers, with at least one score on
//! those cells), a region's rank R is its place by that sum, highest first,
//! sums equal within `EPSILON` sharing the average of their ranks; its
//! percentile is 100 × (R − 0.5) / N: lower is better.

use super::limits::EPSILON;
use super::results::{Percentile, RegionResult, Status};
use crate::model::Index;

/// Gives each eligible region its percentile within every panel that
/// scored it, in `review.ron`'s order of panels; nothing when the review
/// has one panel (the percentile then says what the ranking says).
/// `regions` are the merge's, with their scores.
pub(super) fn add_percentiles(index: &Index, regions: &mut [RegionResult]) {
    let panels = &index.review.panels;
    if panels.len() < 2 {
        return;
    }
    let at_review: Vec<Option<usize>> = regions
        .iter()
        .map(|region| index.region_index(&region.region))
        .collect();
    for (p, panel) in panels.iter().enumerate() {
        let covered: Vec<bool> = (0..index.criteria().len())
            .map(|k| index.covers_criterion(p, k))
            .collect();
        // (position in `regions`, sum) of each region the panel scored.
        let mut scored: Vec<(usize, f64)> = Vec::new();
        for (at, region) in regions.iter().enumerate() {
            let Some(r) = at_review[at] else {
                continue;
            };
            if region.status == Status::Ineligible || !index.covers_region(p, r) {
                continue;
            }
            // `criteria` are in rubric order, as `covered`.
            let mut scores = region
                .criteria
                .iter()
                .zip(&covered)
                .filter(|(_, covers)| **covers)
                .filter_map(|(c, _)| c.aggregate)
                .peekable();
            if scores.peek().is_some() {
                scored.push((at, scores.sum()));
            }
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let n = scored.len();
        let mut start = 0;
        while start < n {
            // A run of sums each within EPSILON of the one before.
            let mut end = start + 1;
            while end < n && scored[end - 1].1 - scored[end].1 <= EPSILON {
                end += 1;
            }
            // Ranks start + 1 ..= end, shared.
            let rank = (start + 1 + end) as f64 / 2.0;
            for &(at, sum) in &scored[start..end] {
                regions[at].percentiles.push(Percentile {
                    panel: panel.id.clone(),
                    sum,
                    regions: n as u32,
                    percentile: 100.0 * (rank - 0.5) / n as f64,
                });
            }
            start = end;
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::merge::{MergeOptions, SheetInput, merge};
    use crate::model::{PanelFile, Review};

    /// Panel `a` scores r1–r4 and r6 on `a1`; panel `b` scores r3–r5 on
    /// `b1`; r6 is screened out by the eligibility rule.
    const REVIEW: &str = r#"Review(
        id: "t", title: "Percentiles",
        categories: [
            Category(id: "A", title: "A", criteria: [Criterion(id: "a1", title: "a one", max: 10.0)]),
            Category(id: "B", title: "B", criteria: [Criterion(id: "b1", title: "b one", max: 10.0)]),
        ],
        regions: [Region(id: "r1", name: "R1"), Region(id: "r2", name: "R2"),
                  Region(id: "r3", name: "R3"), Region(id: "r4", name: "R4"),
                  Region(id: "r5", name: "R5"), Region(id: "r6", name: "R6", fields: ["late"])],
        reviewers: [Reviewer(id: "x", name: "X"), Reviewer(id: "y", name: "Y")],
        panels: [
            Panel(id: "a", title: "A", members: ["x"], criteria: ["a1"], regions: Only(["r1", "r2", "r3", "r4", "r6"])),
            Panel(id: "b", title: "B", members: ["y"], criteria: ["b1"], regions: Only(["r3", "r4", "r5"])),
        ],
        committee: Committee(select: 2, eligibility: Some(Not(InField("late")))),
    )"#;

    fn sheet(panel: &str, reviewer: &str, scores: &str) -> SheetInput {
        let text = format!(
            r#"PanelFile(review: "t", panel: "{panel}", rubric: "", sheets: {{
                "{reviewer}": Sheet(submitted: true, updated: "2007-06-01T10:00:00Z", scores: {{ {scores} }}),
            }})"#
        );
        let file: PanelFile = ron::from_str(&text).unwrap();
        let (reviewer, sheet) = file
            .sheets
            .iter()
            .next()
            .map(|(r, s)| (r.clone(), s.clone()))
            .unwrap();
        SheetInput {
            origin: format!("scores/{panel}.ron").into(),
            panel: panel.into(),
            reviewer,
            sheet,
        }
    }

    #[test]
    fn ranks_within_each_panel_with_ties_sharing_the_average_rank() {
        let review: Review = ron::from_str(REVIEW).unwrap();
        let sheets = [
            sheet(
                "a",
                "x",
                r#""r1": {"a1": Mark(points: 8.0)}, "r2": {"a1": Mark(points: 6.0)},
                   "r3": {"a1": Mark(points: 6.0)}, "r4": {"a1": Mark(points: 2.0)},
                   "r6": {"a1": Mark(points: 9.0)}"#,
            ),
            sheet(
                "b",
                "y",
                r#""r3": {"b1": Mark(points: 1.0)}, "r4": {"b1": Mark(points: 7.0)}"#,
            ),
        ];
        let results = merge(&review, &sheets, MergeOptions::default()).unwrap();
        let of = |id: &str| {
            let region = results.regions.iter().find(|r| r.region == id).unwrap();
            region
                .percentiles
                .iter()
                .map(|p| (p.panel.as_str(), p.sum, p.regions, p.percentile))
                .collect::<Vec<_>>()
        };
        // Panel a: 8, 6, 6, 2 among 4 eligible regions (r6 is screened
        // out): ranks 1, 2.5, 2.5, 4; 100 × (R − 0.5) / 4.
        assert_eq!(of("r1"), [("a", 8.0, 4, 12.5)]);
        assert_eq!(of("r2"), [("a", 6.0, 4, 50.0)]);
        // Panel b scored r3 and r4 only: r5 has no score from it.
        assert_eq!(of("r3"), [("a", 6.0, 4, 50.0), ("b", 1.0, 2, 75.0)]);
        assert_eq!(of("r4"), [("a", 2.0, 4, 87.5), ("b", 7.0, 2, 25.0)]);
        assert_eq!(of("r5"), []);
        assert_eq!(of("r6"), [], "an ineligible region has none");
    }

    #[test]
    fn one_panel_gives_no_percentiles() {
        let mut review: Review = ron::from_str(REVIEW).unwrap();
        review.panels.truncate(1);
        let sheets = [sheet("a", "x", r#""r1": {"a1": Mark(points: 8.0)}"#)];
        let results = merge(&review, &sheets, MergeOptions::default()).unwrap();
        assert!(results.regions.iter().all(|r| r.percentiles.is_empty()));
    }
}
