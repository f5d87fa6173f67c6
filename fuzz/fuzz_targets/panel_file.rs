#![no_main]
//! A panel file from hostile bytes, checked against the sample review:
//! problems are reported, never a panic.

use libfuzzer_sys::fuzz_target;
use panelist::model::{Index, PanelFile, Review};
use panelist::source::SourceText;
use panelist::validate::{self, PanelFileRole};

const REVIEW: &str = include_str!("../../panels/kci-2007/review.ron");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(review) = SourceText::new("review.ron", REVIEW).parse::<Review>() else { return };
    let index = Index::new(&review);
    let source = SourceText::new("scores/committee.ron", text);
    if let Ok(file) = source.parse::<PanelFile>() {
        let _ = validate::panel_file(&index, &review.fingerprint(), &file, &source, PanelFileRole::Scores);
        let _ = panelist::store::to_ron(&file);
    }
});
