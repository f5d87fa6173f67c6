#![no_main]
//! `review.ron` from hostile bytes: parsing and validation return problems,
//! never panic; the merge of a sheet per panel over the review, its
//! reports and the check of its `follows` run too, and must not panic or
//! hang either.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| panelist_fuzz::review_file(data));
