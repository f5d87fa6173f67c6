//! Reviewers of one panel saving at the same time (SPEC.md, "Panel files"):
//! each save re-reads the file under an exclusive lock and replaces only
//! the saving reviewer's sheet, so no mark of anyone is ever lost.

use std::process::Stdio;
use std::sync::Barrier;

use crate::common::*;

const REVIEWERS: [&str; 6] = ["p0", "p1", "p2", "p3", "p4", "p5"];
const REGIONS: [&str; 4] = ["r1", "r2", "r3", "r4"];
const CRITERIA: [&str; 5] = ["c1", "c2", "c3", "c4", "c5"];

/// The mark reviewer `k` gives cell `n`: distinct between neighbours, on
/// the grid of step 0.5 and within max 10.
fn points(k: usize, n: usize) -> f64 {
    ((k * 7 + n * 3) % 21) as f64 * 0.5
}

#[test]
fn six_reviewers_marking_at_once_lose_no_mark() {
    let review = ReviewBuilder::new()
        .category("C", &CRITERIA.map(|c| (c, 10.0, 0.5)))
        .regions(&REGIONS)
        .reviewers(&REVIEWERS)
        .reviewers(&["keeper"])
        .panel(
            "board",
            &["p0", "p1", "p2", "p3", "p4", "p5", "keeper"],
            &CRITERIA,
            None,
        )
        .build();
    let dir = ReviewDir::new(review);
    // A sheet nobody touches: it must come through every save unchanged.
    dir.write_panel(
        "board",
        vec![(
            "keeper",
            sheet()
                .mark_note("r1", "c1", 9.5, "kept \"as is\"")
                .conflict("r4"),
        )],
    );
    let keeper = dir.read_panel("board").sheets["keeper"].clone();
    let cells: Vec<(&str, &str)> = REGIONS
        .iter()
        .flat_map(|r| CRITERIA.iter().map(move |c| (*r, *c)))
        .collect();
    let d = arg(&dir.path());
    let barrier = Barrier::new(REVIEWERS.len());

    // 6 processes at a time, 2 × 20 rounds: 240 saves into one file.
    std::thread::scope(|scope| {
        for (k, reviewer) in REVIEWERS.iter().enumerate() {
            let (cells, d, barrier) = (&cells, &d, &barrier);
            scope.spawn(move || {
                barrier.wait();
                // two passes: the second changes every mark of the first
                let passes =
                    (0..2).flat_map(|pass| cells.iter().enumerate().map(move |cell| (pass, cell)));
                for (pass, (n, (region, criterion))) in passes {
                    let value = points(k, n + pass).to_string();
                    let output = panelist_std()
                        .args(["mark", d, "--reviewer", reviewer, "--panel", "board"])
                        .args([*region, *criterion, value.as_str()])
                        .stdin(Stdio::null())
                        .output()
                        .unwrap();
                    assert!(
                        output.status.success(),
                        "{reviewer} {region} {criterion} {value}: {}",
                        String::from_utf8_lossy(&output.stderr)
                    );
                }
            });
        }
    });

    let file = dir.read_panel("board");
    assert_eq!(file.sheets.len(), REVIEWERS.len() + 1);
    assert_eq!(file.sheets["keeper"], keeper);
    for (k, reviewer) in REVIEWERS.iter().enumerate() {
        let sheet = &file.sheets[*reviewer];
        assert_eq!(sheet.marks().count(), cells.len(), "{reviewer}");
        for (n, (region, criterion)) in cells.iter().enumerate() {
            let mark = sheet
                .mark(region, criterion)
                .unwrap_or_else(|| panic!("{reviewer} lost {region} {criterion}"));
            assert_eq!(
                mark.points,
                points(k, n + 1),
                "{reviewer} {region} {criterion}"
            );
        }
    }
    run(["check", &d]).assert_code(0);
    // no temporary file is left behind after clean saves
    let leftovers: Vec<_> = std::fs::read_dir(dir.scores())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
