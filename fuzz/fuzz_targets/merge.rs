#![no_main]
//! The merge over arbitrary sheets of a sample review (the flat rubric of
//! 2007 or the midterm's three levels) with arbitrary programme fields:
//! tiers, an eligibility rule over the regions' figures, minimums, a
//! budget and what regions request. It must return results or errors,
//! never panic, and its results must be consistent (money only to the
//! selected of funded tiers, tiers within their places, ineligible regions
//! last, flags that agree with statuses, and on a valid review amounts
//! within the granularity, the requests and the total); the analysis and
//! the reports run over them.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: panelist_fuzz::MergeInput| panelist_fuzz::merge_sheets(&input));
