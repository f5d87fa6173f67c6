#![no_main]
//! A panel file from hostile bytes, checked against the sample review:
//! problems are reported, never a panic.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| panelist_fuzz::panel_file(data));
