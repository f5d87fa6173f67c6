#![no_main]
//! The merge over arbitrary sheets of the sample review: marks anywhere
//! (valid or not), drafts, conflicts, duplicate copies from several files.
//! It must return results or errors, never panic, and its results must be
//! consistent; the analysis of how solid the selection is runs over them.

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use panelist::merge::{MergeOptions, SheetInput, Status, merge};
use panelist::model::{Mark, Review, Sheet};
use panelist::source::SourceText;

const REVIEW: &str = include_str!("../../panels/kci-2007/review.ron");

#[derive(Debug, Arbitrary)]
struct Input {
    sheets: Vec<FuzzSheet>,
    include_drafts: bool,
    select: u8,
    min_total: Option<u8>,
    aggregate: u8,
}

#[derive(Debug, Arbitrary)]
struct FuzzSheet {
    file: u8,
    panel: u8,
    reviewer: u8,
    submitted: bool,
    updated: u16,
    marks: Vec<(u8, u8, u8)>,
    conflicts: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let Ok(mut review) = SourceText::new("review.ron", REVIEW).parse::<Review>() else { return };
    review.committee.select = u32::from(input.select % 12);
    review.committee.min_total = input.min_total.map(f64::from);
    review.committee.aggregate = match input.aggregate % 3 {
        0 => panelist::model::Aggregate::Mean,
        1 => panelist::model::Aggregate::Median,
        _ => panelist::model::Aggregate::TrimmedMean,
    };
    let pick = |list: &[String], n: u8| list[usize::from(n) % list.len()].clone();
    let regions: Vec<String> = review.regions.iter().map(|r| r.id.clone()).collect();
    let criteria: Vec<String> = review.criteria().map(|(_, c)| c.id.clone()).collect();
    let reviewers: Vec<String> = review.reviewers.iter().map(|r| r.id.clone()).collect();
    let panels: Vec<String> = review.panels.iter().map(|p| p.id.clone()).collect();
    let inputs: Vec<SheetInput> = input
        .sheets
        .iter()
        .take(64)
        .map(|s| {
            let mut sheet = Sheet::new(jiff::Timestamp::from_second(i64::from(s.updated)).unwrap_or(jiff::Timestamp::UNIX_EPOCH));
            sheet.submitted = s.submitted;
            for &(r, c, p) in s.marks.iter().take(64) {
                sheet.scores.entry(pick(&regions, r)).or_default().insert(
                    pick(&criteria, c),
                    Mark { points: f64::from(p) / 2.0, note: String::new() },
                );
            }
            sheet.conflicts = s.conflicts.iter().take(4).map(|&r| pick(&regions, r)).collect();
            SheetInput {
                origin: format!("file{}.ron", s.file % 4).into(),
                panel: pick(&panels, s.panel),
                reviewer: pick(&reviewers, s.reviewer),
                sheet,
            }
        })
        .collect();
    let options = MergeOptions { include_drafts: input.include_drafts };
    if let Ok(results) = merge(&review, &inputs, options) {
        let mut last_rank = 0;
        let mut selected = 0;
        for region in &results.regions {
            assert!(region.total.is_finite());
            assert!(region.rank >= last_rank, "ranks never go down");
            last_rank = region.rank;
            if region.status == Status::Selected {
                selected += 1;
            }
        }
        assert!(selected <= review.committee.select, "no more selected than places");
        // How solid the selection is, over the same results: never a panic,
        // and its counts within its rounds.
        let settings = panelist::analysis::Settings { rounds: 20, ..Default::default() };
        let analysis = panelist::analysis::analyse(&review, &results, settings);
        assert_eq!(analysis.regions.len(), results.regions.len());
        assert!(analysis.same_selection <= 20);
        for check in &analysis.regions {
            assert!(check.selected + check.tied <= 20, "{check:?}");
        }
    }
});
