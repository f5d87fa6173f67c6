//! The committee rules of SPEC.md ("Merge rules"), as a pure function over
//! plain data: no file is read and nothing is printed here.
//!
//! One file per rule or two: [`sheets`] (rule 1), [`cells`] (2), [`score`]
//! (3 to 5), [`rank`] (6 and 7), with [`limits`] below them all; [`input`]
//! and [`results`] are what goes in and comes out.

mod aggregate;
mod budget;
mod cells;
mod consensus;
mod exclude;
mod input;
mod limits;
mod percentiles;
mod rank;
mod results;
mod score;
mod sheets;

pub use aggregate::aggregate;
pub use budget::{Infeasible, allocate, round_down};
pub(crate) use budget::{funded_tier, funds_every_chosen, in_funded_tier, share, share_places};
pub use exclude::{Thresholds, short_of_total};
pub use input::{ConsensusRef, MergeError, MergeOptions, SheetInput, SheetRef};
pub use limits::{EPSILON, disagreement_limit, disagrees};
pub(crate) use rank::{Ahead, Place, Ranked, Ranking, Scratch, place_alone, rank_by};
pub use results::{
    BudgetOutcome, CriterionResult, Percentile, RegionResult, Results, Rules, Score, SheetUse,
    Status, Subtotal, add_flag,
};

use crate::model::{Index, Review};
use cells::collect_marks;
use score::score_regions;
use sheets::{Validation, resolve_duplicates};

/// Applies SPEC.md's merge rules 1–7 to the sheets. Errors name the file and
/// the place in it; warnings go into `Results::warnings`.
pub fn merge(
    review: &Review,
    sheets: &[SheetInput],
    options: MergeOptions,
) -> Result<Results, Vec<MergeError>> {
    let sheets: Vec<SheetRef> = sheets.iter().map(SheetRef::from).collect();
    merge_sheets(review, &sheets, options)
}

/// [`merge`] over borrowed sheets.
pub fn merge_sheets(
    review: &Review,
    sheets: &[SheetRef],
    options: MergeOptions,
) -> Result<Results, Vec<MergeError>> {
    merge_sheets_with_consensus(review, sheets, &[], options)
}

/// [`merge_sheets`] with each panel's consensus section, which counts when
/// the committee uses consensus (and is checked as `check` would).
pub fn merge_sheets_with_consensus(
    review: &Review,
    sheets: &[SheetRef],
    consensus: &[ConsensusRef],
    options: MergeOptions,
) -> Result<Results, Vec<MergeError>> {
    merge_with(review, sheets, consensus, options, Validation::Sheets)
}

/// [`merge_sheets`] of sheets that [`validate::panel_file`](crate::validate::panel_file)
/// found valid against this review (as `panelist merge` reads them): they
/// are not checked a second time. Given a sheet that is not valid, the
/// results are unspecified (a mark the panel does not cover may count).
///
/// `consensus`: each panel's consensus section, from its file in
/// `scores/` (validated too); it counts when the committee uses consensus.
pub fn merge_validated(
    review: &Review,
    sheets: &[SheetRef],
    consensus: &[ConsensusRef],
    options: MergeOptions,
) -> Result<Results, Vec<MergeError>> {
    merge_with(review, sheets, consensus, options, Validation::Done)
}

fn merge_with(
    review: &Review,
    sheets: &[SheetRef],
    consensus: &[ConsensusRef],
    options: MergeOptions,
    validation: Validation,
) -> Result<Results, Vec<MergeError>> {
    let index = Index::new(review);
    let mut warnings = crate::validate::review_warnings(review);
    let winners = resolve_duplicates(&index, sheets, validation, &mut warnings)?;
    let mut uses = Vec::new();
    let mut counting = Vec::new();
    for (input, duplicates) in &winners {
        let counts = input.sheet.submitted || options.include_drafts;
        if counts {
            counting.push(*input);
        } else {
            warnings.push(crate::t!(
                "merge-draft-left-out",
                file = input.origin.display(),
                reviewer = input.reviewer,
                panel = input.panel
            ));
        }
        for copy in duplicates {
            uses.push(SheetUse {
                panel: copy.panel.to_string(),
                reviewer: copy.reviewer.to_string(),
                file: copy.origin.to_path_buf(),
                submitted: copy.sheet.submitted,
                updated: copy.sheet.updated.to_string(),
                counted: counts && std::ptr::eq(*copy, *input),
            });
        }
    }
    let cells = collect_marks(&index, &counting, &mut warnings);
    if validation == Validation::Sheets {
        consensus::validate(&index, consensus)?;
    }
    let agreed = review
        .committee
        .use_consensus
        .then(|| consensus::Agreed::new(&index, consensus));
    let mut regions = score_regions(&index, &cells, agreed.as_ref());
    let thresholds = Thresholds::new(&review.committee, &review.categories);
    exclude::screen(&index, &thresholds, &mut regions);
    let mut regions = rank::rank(review, regions);
    let budget = match &review.committee.budget {
        Some(budget) => Some(budget::allocate(review, budget, &mut regions).map_err(|e| {
            vec![MergeError {
                origin: std::path::PathBuf::new(),
                finding: crate::validate::Finding::new(
                    &[
                        crate::source::Anchor::Field("budget"),
                        crate::source::Anchor::Field("total"),
                    ],
                    crate::t!(
                        "merge-budget-infeasible",
                        needed = e.needed,
                        total = e.total,
                        short = e.needed - e.total
                    ),
                ),
            }]
        })?),
        None => None,
    };
    percentiles::add_percentiles(&index, &mut regions);
    Ok(Results {
        review: review.id.clone(),
        title: review.title.clone(),
        rubric: review.fingerprint(),
        rules: Rules {
            aggregate: review.committee.aggregate,
            select: review.committee.places(),
            tie_break: review.committee.tie_break.clone(),
            min_total: review.committee.min_total,
            disagreement: review.committee.disagreement,
            include_drafts: options.include_drafts,
            max_total: review.max_total(),
            tiers: review.committee.tiers.clone(),
        },
        categories: review.categories.iter().map(|c| c.id.clone()).collect(),
        regions,
        sheets: uses,
        warnings,
        budget,
    })
}
