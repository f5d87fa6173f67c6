//! Every input of the fuzz corpora (fuzz/corpus/<target>) through the body
//! of its fuzz target: what the fuzzer found once is tried on every test
//! run, without libFuzzer. Fuzzing itself, which looks for new inputs,
//! is `.ci/fuzz`.

use std::path::{Path, PathBuf};

use arbitrary::{Arbitrary, Unstructured};

#[path = "../../fuzz/src/lib.rs"]
mod targets;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("corpus entry").path();
            let bytes = std::fs::read(&path).expect("corpus file");
            (path, bytes)
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() > 100, "{target}: only {} inputs", inputs.len());
    inputs
}

/// Runs `body` on every input of `target`'s corpus, naming the input that fails.
fn replay(target: &str, body: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    for (path, bytes) in corpus(target) {
        if std::panic::catch_unwind(|| body(&bytes)).is_err() {
            panic!("{target}: the input {} fails", path.display());
        }
    }
}

#[test]
fn the_review_file_corpus_replays() {
    replay("review_file", targets::review_file);
}

#[test]
fn the_panel_file_corpus_replays() {
    replay("panel_file", targets::panel_file);
}

#[test]
fn the_journal_corpus_replays() {
    replay("journal", targets::journal);
}

#[test]
fn the_merge_corpus_replays() {
    replay("merge", |bytes| {
        // As libfuzzer-sys decodes a typed input.
        if let Ok(input) = targets::MergeInput::arbitrary_take_rest(Unstructured::new(bytes)) {
            targets::merge_sheets(&input);
        }
    });
}
