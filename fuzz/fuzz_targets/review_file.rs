#![no_main]
//! `review.ron` from hostile bytes: parsing and validation return problems, never panic.

use libfuzzer_sys::fuzz_target;
use panelist::source::SourceText;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceText::new("review.ron", text);
    if let Ok(review) = source.parse::<panelist::model::Review>() {
        let _ = panelist::validate::review(&review, &source);
        let _ = review.fingerprint();
    }
});
