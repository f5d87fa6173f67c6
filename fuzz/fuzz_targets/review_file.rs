#![no_main]
//! `review.ron` from hostile bytes: parsing and validation return problems, never panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| panelist_fuzz::review_file(data));
