//! The bodies of the fuzz targets, one function each. cargo-fuzz runs them
//! under libFuzzer (`fuzz_targets/`), and `cargo test` replays every input
//! of `corpus/` through them (`tests/integration/fuzz_corpus.rs` includes
//! this file), so that what the fuzzer once found stays found on every run.
//!
//! Each must return, whatever the bytes: no panic, no hang.

use arbitrary::Arbitrary;
use panelist::merge::{MergeOptions, SheetInput, Status, merge};
use panelist::model::{Index, Mark, PanelFile, Review, Sheet};
use panelist::source::SourceText;
use panelist::store::journal;
use panelist::validate::{self, PanelFileRole};

const REVIEW: &str = include_str!("../../panels/kci-2007/review.ron");

/// `review.ron` from hostile bytes: parsing and validation return problems.
pub fn review_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceText::new("review.ron", text);
    if let Ok(review) = source.parse::<Review>() {
        let _ = validate::review(&review, &source);
        let _ = review.fingerprint();
    }
}

/// A panel file from hostile bytes, checked against the sample review:
/// problems are reported.
pub fn panel_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(review) = SourceText::new("review.ron", REVIEW).parse::<Review>() else {
        return;
    };
    let index = Index::new(&review);
    let source = SourceText::new("scores/committee.ron", text);
    if let Ok(file) = source.parse::<PanelFile>() {
        let _ = validate::panel_file(
            &index,
            &review.fingerprint(),
            &file,
            &source,
            PanelFileRole::Scores,
        );
        let _ = panelist::store::to_ron(&file);
    }
}

/// A journal from hostile bytes: every line is read or reported, and the
/// replay returns.
pub fn journal(data: &[u8]) {
    let parsed = journal::parse(std::path::Path::new("scores/p.journal"), data);
    let _ = parsed.replay();
    for (_, entry) in &parsed.entries {
        let _ = journal::line(entry);
    }
}

/// Arbitrary sheets of the sample review for [`merge`]: marks anywhere
/// (valid or not), drafts, conflicts, duplicate copies from several files.
#[derive(Debug, Arbitrary)]
pub struct MergeInput {
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

/// The merge over arbitrary sheets: results or errors, and results that
/// are consistent; the analysis of how solid the selection is runs over them.
pub fn merge_sheets(input: &MergeInput) {
    let Ok(mut review) = SourceText::new("review.ron", REVIEW).parse::<Review>() else {
        return;
    };
    review.committee.select = Some(u32::from(input.select % 12));
    review.committee.min_total = input.min_total.map(f64::from);
    review.committee.aggregate = match input.aggregate % 3 {
        0 => panelist::model::Aggregate::Mean,
        1 => panelist::model::Aggregate::Median,
        _ => panelist::model::Aggregate::TrimmedMean,
    };
    let inputs = sheet_inputs(&review, input);
    let options = MergeOptions {
        include_drafts: input.include_drafts,
    };
    let Ok(results) = merge(&review, &inputs, options) else {
        return;
    };
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
    assert!(
        selected <= review.committee.places(),
        "no more selected than places"
    );
    // How solid the selection is, over the same results: its counts within
    // its rounds.
    let settings = panelist::analysis::Settings {
        rounds: 20,
        ..Default::default()
    };
    let analysis = panelist::analysis::analyse(&review, &results, settings);
    assert_eq!(analysis.regions.len(), results.regions.len());
    assert!(analysis.same_selection <= 20);
    for check in &analysis.regions {
        assert!(check.selected + check.tied <= 20, "{check:?}");
    }
}

fn sheet_inputs(review: &Review, input: &MergeInput) -> Vec<SheetInput> {
    let pick = |list: &[String], n: u8| list[usize::from(n) % list.len()].clone();
    let regions: Vec<String> = review.regions.iter().map(|r| r.id.clone()).collect();
    let criteria: Vec<String> = review.criteria().map(|(_, c)| c.id.clone()).collect();
    let reviewers: Vec<String> = review.reviewers.iter().map(|r| r.id.clone()).collect();
    let panels: Vec<String> = review.panels.iter().map(|p| p.id.clone()).collect();
    input
        .sheets
        .iter()
        .take(64)
        .map(|s| {
            let updated = jiff::Timestamp::from_second(i64::from(s.updated))
                .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            let mut sheet = Sheet::new(updated);
            sheet.submitted = s.submitted;
            for &(r, c, p) in s.marks.iter().take(64) {
                sheet.scores.entry(pick(&regions, r)).or_default().insert(
                    pick(&criteria, c),
                    Mark {
                        points: f64::from(p) / 2.0,
                        note: String::new(),
                    },
                );
            }
            sheet.conflicts = s
                .conflicts
                .iter()
                .take(4)
                .map(|&r| pick(&regions, r))
                .collect();
            SheetInput {
                origin: format!("file{}.ron", s.file % 4).into(),
                panel: pick(&panels, s.panel),
                reviewer: pick(&reviewers, s.reviewer),
                sheet,
            }
        })
        .collect()
}
