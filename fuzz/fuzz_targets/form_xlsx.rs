#![no_main]
//! A filled form from hostile bytes read as an xlsx workbook, checked as
//! `import` checks it before saving: problems, never a panic, never a save.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| panelist_fuzz::form_xlsx(data));
