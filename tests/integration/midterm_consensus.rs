//! The midterm samples' consensus round (issue 17). `panels/kci-midterm`
//! and its Japanese twin `panels/kci-midterm-ja` hold, recorded through
//! `panelist consensus` by `panels/kci-midterm/consensus.sh`, an agreed mark
//! for every (region, criterion) each panel scores, with comments for the
//! applicants, and one committee member's mark revised after the
//! discussion. The merge counts the agreed marks everywhere (no
//! `no-consensus` flag), the twins agree mark for mark and differ only in
//! the comments' language, every applicant's letter carries its comments in
//! both languages, and the script, run again, gives the committed files
//! byte for byte. Every command runs on a copy: the samples are only read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use panelist::merge::Results;
use panelist::model::{PanelFile, Review};
use panelist::report::ResultsFile;
use tempfile::TempDir;

use crate::common::{copy_review, panelist, read_panel_file};

/// The English sample and its Japanese twin, with the language of each.
const TWINS: [(&str, &str); 2] = [("kci-midterm", "en"), ("kci-midterm-ja", "ja")];

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("panels")
        .join(name)
}

fn review_of(dir: &Path) -> Review {
    let text = std::fs::read_to_string(dir.join("review.ron")).expect("read review.ron");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// The panel files of the review in `dir`, by panel id.
fn panel_files(dir: &Path) -> BTreeMap<String, PanelFile> {
    std::fs::read_dir(dir.join("scores"))
        .expect("list scores/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            let file = read_panel_file(&p);
            (file.panel.clone(), file)
        })
        .collect()
}

/// The chain 2001 → 2002 → `name` copied into `into`, the first two merged
/// in place (so that the midterm's `follows` is verified); the midterm's
/// copy.
fn chain(name: &str, into: &Path) -> PathBuf {
    for stage in ["kci-2001-candidates", "kci-2002-selection", name] {
        copy_review(&sample(stage), &into.join(stage));
    }
    for stage in ["kci-2001-candidates", "kci-2002-selection"] {
        panelist()
            .args(["merge", "--no-analysis"])
            .arg(into.join(stage))
            .assert()
            .success();
    }
    into.join(name)
}

fn merged(dir: &Path, out: &Path) -> Results {
    panelist()
        .args(["merge", "--no-analysis"])
        .arg(dir)
        .arg("--out")
        .arg(out)
        .assert()
        .success();
    let text = std::fs::read_to_string(out.join("results.ron")).expect("merge wrote results.ron");
    ResultsFile::from_ron(&text)
        .expect("results.ron reads back")
        .results
}

/// Every panel of the midterm review has a rapporteur who recorded an
/// agreed mark, on the criterion's grid, for exactly the cells the panel
/// scores; the merge counts that mark in every cell and flags no
/// `no-consensus`.
#[test]
fn every_cell_of_the_midterm_review_counts_its_panels_agreed_mark() {
    for (name, _) in TWINS {
        let review = review_of(&sample(name));
        assert!(review.committee.use_consensus, "{name}: use_consensus");
        let files = panel_files(&sample(name));
        let mut agreed = BTreeMap::new();
        for panel in &review.panels {
            let consensus = files[&panel.id]
                .consensus
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: panel {} has no consensus", panel.id));
            assert_eq!(Some(&consensus.by), panel.rapporteur.as_ref(), "{name}");
            let mut cells = 0;
            for region in panel.regions_in(&review) {
                for (_, criterion) in panel.criteria_in(&review) {
                    let mark = consensus
                        .mark(&region.id, &criterion.id)
                        .unwrap_or_else(|| {
                            panic!("{name}: {} {} {}", panel.id, region.id, criterion.id)
                        });
                    assert!(criterion.accepts(mark.points), "{name}: {mark:?}");
                    agreed.insert((region.id.clone(), criterion.id.clone()), mark.points);
                    cells += 1;
                }
            }
            assert_eq!(consensus.marks().count(), cells, "{name}: {}", panel.id);
        }
        assert_eq!(
            agreed.len(),
            12 * 16,
            "{name}: every region, every criterion"
        );

        let tmp = TempDir::new().expect("temporary directory");
        let results = merged(&chain(name, tmp.path()), &tmp.path().join("out"));
        let mut moved = 0;
        for region in &results.regions {
            assert!(
                !region.flags.iter().any(|f| f.starts_with("no-consensus")),
                "{name}: {} {:?}",
                region.region,
                region.flags
            );
            let mut total = 0.0;
            for c in &region.criteria {
                let want = agreed[&(region.region.clone(), c.criterion.clone())];
                assert_eq!(
                    c.consensus,
                    Some(want),
                    "{name}: {} {}",
                    region.region,
                    c.criterion
                );
                assert_eq!(
                    c.aggregate,
                    Some(want),
                    "{name}: {} {}",
                    region.region,
                    c.criterion
                );
                assert!(!c.no_consensus);
                let members = c.members.expect("the members' aggregate beside it");
                if (members - want).abs() >= 0.5 {
                    moved += 1;
                }
                total += want;
            }
            assert!(
                (region.total - total).abs() < 1e-9,
                "{name}: {}",
                region.region
            );
        }
        // Most agreed marks are the members' mean rounded to a whole mark,
        // less than half a mark from it. Half a mark or more: the 7 halfway
        // means (Kitakyushu's 3.5 on 1-2-a-2, 1-2-b-2, 1-3-a, 3-3-a and 4-a,
        // where fujii is conflicted; Kobe's 4.5 and 3.5 on 1-1-a-1 and
        // 3-1-a-2, where e05 is), and the 2 deliberated up from 4.2
        // (Nagano-Ueda 3-2-b, Hamamatsu 1-2-a-1).
        assert_eq!(moved, 9, "{name}: cells moved by half a mark or more");
    }
}

/// The twins are one review: the same agreed marks, by the same recorder at
/// the same time, commented on the same cells (in English, plain ASCII, in
/// the one; in Japanese in the other), and the same sheets.
#[test]
fn the_twins_agree_mark_for_mark_and_differ_in_the_comments_language() {
    let english = panel_files(&sample("kci-midterm"));
    let japanese = panel_files(&sample("kci-midterm-ja"));
    assert_eq!(
        english.keys().collect::<Vec<_>>(),
        japanese.keys().collect::<Vec<_>>()
    );
    for (panel, en) in &english {
        let ja = &japanese[panel];
        let (en_c, ja_c) = (
            en.consensus.as_ref().expect("a consensus"),
            ja.consensus.as_ref().expect("a consensus"),
        );
        assert_eq!(
            (&en_c.by, en_c.updated),
            (&ja_c.by, ja_c.updated),
            "{panel}"
        );
        let cells = |c: &panelist::model::Consensus| -> Vec<(String, String, f64, bool)> {
            c.marks()
                .map(|(r, k, m)| (r.to_string(), k.to_string(), m.points, m.note.is_empty()))
                .collect()
        };
        assert_eq!(
            cells(en_c),
            cells(ja_c),
            "{panel}: marks and commented cells"
        );
        for ((_, _, en_m), (_, _, ja_m)) in en_c.marks().zip(ja_c.marks()) {
            if en_m.note.is_empty() {
                continue;
            }
            assert!(en_m.note.is_ascii(), "{panel}: {:?}", en_m.note);
            assert!(
                ja_m.note
                    .chars()
                    .any(|ch| ('\u{3040}'..='\u{30ff}').contains(&ch)),
                "{panel}: kana in {:?}",
                ja_m.note
            );
        }
        assert_eq!(en.sheets.len(), ja.sheets.len(), "{panel}");
        for (reviewer, en_s) in en.sheets.iter() {
            let ja_s = &ja.sheets[reviewer.as_str()];
            let state = |s: &panelist::model::Sheet| {
                (s.submitted, s.updated, s.was_submitted, s.conflicts.clone())
            };
            assert_eq!(state(en_s), state(ja_s), "{panel} {reviewer}");
            let marks = |s: &panelist::model::Sheet| -> Vec<(String, String, f64, Option<f64>)> {
                s.marks()
                    .map(|(r, c, m)| (r.to_string(), c.to_string(), m.points, m.preliminary))
                    .collect()
            };
            assert_eq!(marks(en_s), marks(ja_s), "{panel} {reviewer}");
        }
    }
}

/// After the discussion one committee member, fujii, lowered one mark
/// (Keihanna, 1-2-a-2, 4 → 3) and submitted again: the sheet says it was
/// reopened, the mark keeps its first value, nothing else was revised, and
/// the merge counts the final mark.
#[test]
fn one_committee_member_revised_a_mark_after_the_discussion() {
    for (name, _) in TWINS {
        let files = panel_files(&sample(name));
        let mut revised = Vec::new();
        for (panel, file) in &files {
            for (reviewer, sheet) in file.sheets.iter() {
                assert!(sheet.submitted, "{name}: {panel} {reviewer}");
                assert_eq!(
                    sheet.was_submitted,
                    reviewer == "fujii" && panel == "committee",
                    "{name}: {panel} {reviewer}"
                );
                revised.extend(sheet.marks().filter_map(|(r, c, m)| {
                    m.preliminary.map(|first| {
                        (
                            reviewer.clone(),
                            r.to_string(),
                            c.to_string(),
                            first,
                            m.points,
                        )
                    })
                }));
            }
        }
        assert_eq!(
            revised,
            [(
                "fujii".to_string(),
                "keihanna".to_string(),
                "1-2-a-2".to_string(),
                4.0,
                3.0
            )],
            "{name}"
        );

        let tmp = TempDir::new().expect("temporary directory");
        let dir = chain(name, tmp.path());
        let written = merged(&dir, &tmp.path().join("out"));
        // The marks themselves are the panel files': merged in memory.
        let results = crate::common::merged_in_memory(&dir);
        assert_eq!(written, crate::common::without_marks(results.clone()));
        let keihanna = results
            .regions
            .iter()
            .find(|r| r.region == "keihanna")
            .expect("Keihanna");
        let cell = keihanna
            .criteria
            .iter()
            .find(|c| c.criterion == "1-2-a-2")
            .expect("1-2-a-2");
        let fujii = cell.scores.iter().find(|s| s.reviewer == "fujii");
        assert_eq!(fujii.map(|s| s.points), Some(3.0), "{name}");
        // 3, 2, 2, 2, 3 after the revision (2.6 before it).
        assert!(
            (cell.members.expect("members") - 2.4).abs() < 1e-9,
            "{name}"
        );
    }
}

/// `panelist feedback` on each twin, in its language: a letter per cluster,
/// each with every consensus comment on its region (at least one) and no
/// other comment.
#[test]
fn every_letter_carries_its_regions_consensus_comments_in_both_languages() {
    for (name, lang) in TWINS {
        let mut comments: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for file in panel_files(&sample(name)).values() {
            for (region, _, mark) in file.consensus.as_ref().expect("a consensus").marks() {
                if !mark.note.is_empty() {
                    comments
                        .entry(region.to_string())
                        .or_default()
                        .push(mark.note.clone());
                }
            }
        }
        let tmp = TempDir::new().expect("temporary directory");
        let dir = chain(name, tmp.path());
        let out = tmp.path().join("letters");
        panelist()
            .args(["--lang", lang, "feedback"])
            .arg(&dir)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        let review = review_of(&dir);
        let mut letters = 0;
        for region in &review.regions {
            let path = out.join("feedback").join(format!("{}.md", region.id));
            let letter = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let own = comments
                .get(&region.id)
                .map(Vec::as_slice)
                .unwrap_or_default();
            assert!(!own.is_empty(), "{name}: no comment on {}", region.id);
            for comment in own {
                assert!(
                    letter.contains(&format!("> {comment}\n")),
                    "{name}/{}: {comment:?} missing from\n{letter}",
                    region.id
                );
            }
            let quoted = letter.lines().filter(|l| l.starts_with("> ")).count();
            assert_eq!(
                quoted,
                own.len(),
                "{name}/{}: only its own comments",
                region.id
            );
            letters += 1;
        }
        assert_eq!(letters, 12, "{name}");
        let written = std::fs::read_dir(out.join("feedback"))
            .expect("list the letters")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "md"))
            })
            .count();
        assert_eq!(written, 12, "{name}: a letter per cluster, no more");
    }
}

/// `consensus.sh` is how the samples' consensus was made: run on copies of
/// the samples (as they are committed), it changes no byte and leaves no
/// journal or lock file behind.
#[cfg(unix)]
#[test]
fn the_consensus_script_reproduces_the_committed_samples() {
    let tmp = TempDir::new().expect("temporary directory");
    let panels = tmp.path().join("panels");
    for name in ["kci-2002-selection", "kci-midterm", "kci-midterm-ja"] {
        copy_review(&sample(name), &panels.join(name));
    }
    let before: Vec<_> = TWINS
        .iter()
        .map(|(name, _)| crate::common::snapshot(&panels.join(name)))
        .collect();
    let run = std::process::Command::new("sh")
        .arg(sample("kci-midterm").join("consensus.sh"))
        .arg(crate::common::bin())
        .current_dir(tmp.path())
        .env_remove("PANELIST_DIR")
        .env_remove("PANELIST_REVIEWER")
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent/panelist-tests")
        .env("HOME", "/nonexistent/panelist-tests")
        .output()
        .expect("run sh");
    assert!(
        run.status.success(),
        "consensus.sh failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    for ((name, _), before) in TWINS.iter().zip(before) {
        let after = crate::common::snapshot(&panels.join(name));
        assert_eq!(
            after.keys().collect::<Vec<_>>(),
            before.keys().collect::<Vec<_>>(),
            "{name}: the same files, no journal or lock left"
        );
        for (path, bytes) in &after {
            assert!(&before[path] == bytes, "{} changed", path.display());
        }
    }
}
