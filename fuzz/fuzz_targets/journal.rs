#![no_main]
//! A journal from hostile bytes: every line is read or reported, and the
//! replay never panics.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| panelist_fuzz::journal(data));
