#![no_main]
//! A journal from hostile bytes: every line is read or reported, and the
//! replay never panics.

use libfuzzer_sys::fuzz_target;
use panelist::store::journal;

fuzz_target!(|data: &[u8]| {
    let parsed = journal::parse(std::path::Path::new("scores/p.journal"), data);
    let _ = parsed.replay();
    for (_, entry) in &parsed.entries {
        let _ = journal::line(entry);
    }
});
