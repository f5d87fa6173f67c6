//! *Discussion and consensus* in the reviewer's TUI: with
//! `Panel(reveal: AfterSubmit)`, once a reviewer's sheet is submitted they
//! see the other members' marks and notes on the regions they scored, never
//! on a region they are conflicted on, never before their own submission
//! and never on a panel that does not reveal them; a mark they revise shows
//! its preliminary points.

use std::time::Duration;

use crate::common::{Sample, replace_once};
use crate::review_tui::{UNICODE, keys, render, render_aligned};
use panelist::model::{Change, Mark};
use panelist::store::{self, LoadedReview};
use panelist::tui::review::parts::Pos;
use panelist::tui::review::{App, FileStore, ReviewScreen};
use panelist::tui::shell::Screen;
use panelist::tui::theme::Theme;

const PLAIN: Theme = Theme {
    color: false,
    unicode: false,
};

/// The sample (English or Japanese) with `tech-env` revealing the others'
/// marks after submission (unless `reveal` is false), `edit` applied to its
/// review.ron first.
struct Panel {
    _sample: Sample,
    review: LoadedReview,
}

impl Panel {
    fn new(reveal: bool, edit: impl Fn(String) -> String) -> Panel {
        Panel::of(Sample::new(), reveal, edit)
    }

    fn japanese() -> Panel {
        panelist::i18n::set_lang(panelist::i18n::Lang::Ja);
        Panel::of(Sample::of("kci-2007-ja"), true, |text| text)
    }

    fn of(sample: Sample, reveal: bool, edit: impl Fn(String) -> String) -> Panel {
        let path = sample.path().join("review.ron");
        let mut text = std::fs::read_to_string(&path).expect("review.ron");
        if reveal {
            text = replace_once(
                &text,
                "id: \"tech-env\",",
                "id: \"tech-env\", reveal: AfterSubmit,",
            );
        }
        std::fs::write(&path, edit(text)).expect("write review.ron");
        let review = store::load_review(&sample.path()).expect("the review loads");
        Panel {
            _sample: sample,
            review,
        }
    }

    /// The reviewer's screen on tech-env, saving to the real files, after
    /// the shell's first round of effects (a revealing panel's file read).
    fn screen(&self, reviewer: &str, theme: Theme) -> ReviewScreen<FileStore<'_>> {
        let sheet = store::read_sheet(&self.review, "tech-env", reviewer).expect("reads");
        let elsewhere = store::conflicts_elsewhere(&self.review, reviewer, "tech-env");
        let app = App::new(
            &self.review.review,
            "tech-env",
            reviewer,
            sheet,
            &elsewhere,
            theme,
        );
        let store = FileStore {
            review: &self.review,
            panel: "tech-env".into(),
            reviewer: reviewer.into(),
        };
        let mut screen = ReviewScreen::new(app, store);
        screen.settle(false);
        screen
    }
}

/// Types `input` into the screen, its effects (saves, reads) run after each key.
fn press(screen: &mut ReviewScreen<FileStore<'_>>, input: &str) {
    for event in keys(input) {
        screen.handle(event);
        screen.settle(false);
    }
}

/// The cell of Nagoya (t29's second region) and criterion 4-c, where most
/// members left a note.
const NAGOYA_4C: &str = "<tab><down><down>";

#[test]
fn after_submitting_a_member_sees_the_others_marks_and_notes_with_their_names() {
    let p = Panel::new(true, |text| text);
    let mut screen = p.screen("t29", UNICODE);
    press(&mut screen, NAGOYA_4C);
    let screen_text = render(&screen.app, 80, 24);
    for seen in [
        "The panel's marks",
        "mean 2.80, 2.5-3.5, 5/6 submitted",
        "Technology expert 30",
        "Membrane and catalyst themes",
        // Three more than fit at 80x24.
        "+3 more: o shows every mark and note",
    ] {
        assert!(screen_text.contains(seen), "{seen}:\n{screen_text}");
    }
    insta::assert_snapshot!("shown_after_submission", screen_text);
    // In a larger window every member, and the notes in full.
    let large = render(&screen.app, 100, 40);
    for seen in [
        "2.5  Technology expert 30  Membrane and catalyst themes lack milestones beyond FY2009.",
        "3.5  Technology expert 34",
        "  3  Technology expert 35  Milestones vague after year two.",
        // t33's sheet is a draft and has no mark on 4-c.
        "No mark yet: Technology expert 33",
    ] {
        assert!(large.contains(seen), "{seen}:\n{large}");
    }
    assert!(!large.contains("more: o shows"), "{large}");
    assert_eq!(
        large.matches("Technology expert 29").count(),
        1,
        "the viewer only in the title bar, not among the others:\n{large}"
    );
}

#[test]
fn before_their_own_first_submission_nothing_of_the_others_shows_until_they_submit() {
    let p = Panel::new(true, |text| text);
    // t33's sheet is a draft, never submitted.
    let mut screen = p.screen("t33", UNICODE);
    assert!(
        !screen.app.panel_read(),
        "the others' sheets are not even read"
    );
    press(&mut screen, "<tab>");
    let before = render(&screen.app, 80, 24);
    assert!(!before.contains("The panel's marks"), "{before}");
    assert!(!before.contains("Technology expert 30"), "{before}");
    press(&mut screen, "o");
    let said = render(&screen.app, 80, 24);
    assert!(
        said.contains("The other members' marks are shown once you have submitted"),
        "{said}"
    );
    insta::assert_snapshot!("hidden_before_submission", before);
    // Submitted (with marks still due): the others' marks appear at once.
    press(&mut screen, "Sy");
    assert!(screen.app.panel_read());
    let after = render(&screen.app, 80, 24);
    assert!(after.contains("The panel's marks"), "{after}");
    assert!(after.contains("Technology expert 30"), "{after}");
    assert!(
        after.contains("Submitted. Your sheet is read-only now (R reopens it)"),
        "{after}"
    );
    // Reopened to revise: still shown.
    press(&mut screen, "Ry");
    assert!(!screen.app.read_only());
    let reopened = render(&screen.app, 80, 24);
    assert!(reopened.contains("Technology expert 30"), "{reopened}");
}

#[test]
fn on_a_region_the_member_scored_nothing_on_the_others_stay_hidden() {
    let p = Panel::new(true, |text| text);
    let mut screen = p.screen("t29", UNICODE);
    // t29 removes every mark of Nagoya (reopening first).
    press(&mut screen, "Ry<tab>x<down>x<down>x<down>x<down>x");
    assert!(screen.app.discussion_on(1).is_none());
    let shown = render(&screen.app, 80, 24);
    assert!(!shown.contains("The panel's marks"), "{shown}");
    assert!(
        screen.app.discussion_on(0).is_some(),
        "Fukuoka still scored"
    );
}

#[test]
fn a_region_conflicted_in_review_ron_hides_the_others_marks() {
    let declared = Panel::new(true, |text| {
        replace_once(
            &text,
            "Reviewer(id: \"t29\", name: \"Technology expert 29\", login: Some(\"kci-t29\"), conflicts: []",
            "Reviewer(id: \"t29\", name: \"Technology expert 29\", login: Some(\"kci-t29\"), conflicts: [\"nagoya\"]",
        )
    });
    let institution = Panel::new(true, |text| {
        let text = replace_once(
            &text,
            "Reviewer(id: \"t29\", name: \"Technology expert 29\",",
            "Reviewer(id: \"t29\", name: \"Technology expert 29\", affiliations: [\" nagoya university\"],",
        );
        replace_once(
            &text,
            "id: \"nagoya\",",
            "id: \"nagoya\", institutions: [\"Nagoya University\"],",
        )
    });
    for (p, why) in [(&declared, "declared"), (&institution, "institution")] {
        let mut screen = p.screen("t29", UNICODE);
        assert!(screen.app.panel_read(), "{why}: the panel file is read");
        assert!(screen.app.conflicted(1), "{why}");
        assert!(screen.app.discussion_on(1).is_none(), "{why}");
        assert!(screen.app.discussion_on(0).is_some(), "{why}");
        screen.app.pos = Pos {
            region: 1,
            criterion: 2,
        };
        let shown = render(&screen.app, 80, 24);
        assert!(!shown.contains("The panel's marks"), "{why}:\n{shown}");
        assert!(!shown.contains("Membrane"), "{why}:\n{shown}");
        press(&mut screen, "o");
        let said = render(&screen.app, 80, 24);
        assert!(
            said.contains("conflict of interest on this region: the other members' marks"),
            "{why}:\n{said}"
        );
        // The sheet view of the same cell: nothing of the others either.
        press(&mut screen, "s<down><right><right>");
        let sheet = render(&screen.app, 80, 24);
        assert!(!sheet.contains("Membrane"), "{why}:\n{sheet}");
        assert!(!sheet.contains("Others on"), "{why}:\n{sheet}");
        if why == "institution" {
            insta::assert_snapshot!("hidden_on_a_conflicted_region", shown);
        }
    }
}

#[test]
fn a_conflict_declared_on_the_sheet_or_by_another_member_hides_marks_too() {
    let p = Panel::new(true, |text| {
        replace_once(
            &text,
            "Reviewer(id: \"t30\", name: \"Technology expert 30\", conflicts: []",
            "Reviewer(id: \"t30\", name: \"Technology expert 30\", conflicts: [\"nagoya\"]",
        )
    });
    let mut screen = p.screen("t29", UNICODE);
    press(&mut screen, NAGOYA_4C);
    let shown = render(&screen.app, 80, 24);
    assert!(shown.contains("The panel's marks"), "{shown}");
    assert!(
        !shown.contains("Technology expert 30") && !shown.contains("Membrane"),
        "t30 is conflicted on Nagoya: {shown}"
    );
    // t29 declares a conflict on Nagoya on their own sheet.
    press(&mut screen, "Ryc");
    press(&mut screen, "y");
    assert!(screen.app.conflicted(1));
    screen.app.pos = Pos {
        region: 1,
        criterion: 2,
    };
    let shown = render(&screen.app, 80, 24);
    assert!(!shown.contains("The panel's marks"), "{shown}");
}

#[test]
fn a_panel_that_never_reveals_shows_nothing_even_after_submission() {
    let p = Panel::new(false, |text| text);
    let mut screen = p.screen("t29", UNICODE);
    assert!(screen.app.discussion.is_none());
    assert!(
        !screen.app.panel_read(),
        "the panel file is not read for others"
    );
    press(&mut screen, NAGOYA_4C);
    let shown = render(&screen.app, 80, 24);
    assert!(!shown.contains("The panel's marks"), "{shown}");
    assert!(!shown.contains("Technology expert 30"), "{shown}");
    press(&mut screen, "o");
    let said = render(&screen.app, 80, 24);
    assert!(
        said.contains("This panel does not show its members each other's marks."),
        "{said}"
    );
    press(&mut screen, "s");
    let sheet = render(&screen.app, 80, 24);
    assert!(!sheet.contains("Others on"), "{sheet}");
    insta::assert_snapshot!("hidden_for_never", shown);
}

#[test]
fn the_sheet_view_shows_the_others_marks_on_the_selected_cell() {
    let p = Panel::new(true, |text| text);
    let mut screen = p.screen("t29", UNICODE);
    press(&mut screen, &format!("{NAGOYA_4C}s"));
    let sheet = render(&screen.app, 80, 24);
    for seen in [
        "Others on Nagoya · 4-c: mean 2.80, 2.5-3.5, 5/6 submitted  (o: in full)",
        "Technology expert 30",
        "Membrane and catalyst",
        "No mark yet: Technology expert 33",
    ] {
        assert!(sheet.contains(seen), "{seen}:\n{sheet}");
    }
    insta::assert_snapshot!("sheet_view", sheet);
    // Moving the selection moves what is shown.
    press(&mut screen, "<left><left>");
    let sheet = render(&screen.app, 80, 24);
    assert!(
        sheet.contains("Others on Nagoya · 4-a: mean 2.75, 2-3, 5/6 submitted"),
        "{sheet}"
    );
    assert!(sheet.contains("3  Technology expert 33 draft"), "{sheet}");
}

#[test]
fn o_shows_every_mark_and_note_of_the_cell_in_full() {
    let p = Panel::new(true, |text| text);
    let mut screen = p.screen("t29", UNICODE);
    press(&mut screen, &format!("{NAGOYA_4C}o"));
    let full = render(&screen.app, 80, 24);
    for seen in [
        "The panel's marks on Nagoya · 4-c",
        "Technology expert 30 (t30)  submitted",
        "Membrane and catalyst themes lack milestones beyond FY2009.",
        "↑↓ scroll",
    ] {
        assert!(full.contains(seen), "{seen}:\n{full}");
    }
    insta::assert_snapshot!("in_full", full);
    assert!(!full.contains("more below"), "{full}");
    // In a window too short for every member, the frame says there is more.
    let short = render(&screen.app, 80, 18);
    assert!(short.contains("more below"), "{short}");
    assert!(!short.contains("No mark yet"), "{short}");
    // ↓ scrolls a member, → goes to the next criterion, Esc goes back.
    press(&mut screen, "<down>");
    let scrolled = render(&screen.app, 80, 24);
    assert!(!scrolled.contains("(t30)"), "{scrolled}");
    press(&mut screen, "<right>");
    let next = render(&screen.app, 80, 24);
    assert!(next.contains("Nagoya · 4-d"), "{next}");
    press(&mut screen, "<esc>");
    assert!(!render(&screen.app, 80, 24).contains("(t30)"));
}

#[test]
fn the_others_marks_follow_the_panel_file_when_another_member_saves() {
    let p = Panel::new(true, |text| text);
    let mut screen = p.screen("t29", UNICODE);
    press(&mut screen, NAGOYA_4C);
    assert!(render(&screen.app, 100, 40).contains("No mark yet: Technology expert 33"));
    // t33 scores 4-c of Nagoya in another session.
    store::save_changes(&p.review, "tech-env", "t33", |_| {
        Ok(vec![Change::Cell {
            region: "nagoya".into(),
            criterion: "4-c".into(),
            mark: Some(Mark::new(1.5, "Second thoughts on the membranes.")),
        }])
    })
    .expect("t33 saves");
    // The file is looked at about once a second.
    std::thread::sleep(Duration::from_millis(1100));
    assert!(screen.settle(true), "the change is noticed");
    let shown = render(&screen.app, 100, 40);
    assert!(!shown.contains("No mark yet"), "{shown}");
    assert!(
        shown.contains("1.5  Technology expert 33 draft  Second thoughts on the membranes."),
        "{shown}"
    );
    // Nothing changed since: not read again.
    std::thread::sleep(Duration::from_millis(1100));
    assert!(!screen.settle(true));
}

#[test]
fn the_help_names_o_only_where_the_others_marks_may_be_shown() {
    let revealing = Panel::new(true, |text| text);
    let mut screen = revealing.screen("t33", UNICODE);
    press(&mut screen, "?");
    let help = render(&screen.app, 80, 24);
    assert!(
        help.contains("o         the panel's marks, notes"),
        "{help}"
    );
    assert!(help.contains("Once your sheet is submitted, you"), "{help}");
    assert!(!help.contains("never shown"), "{help}");
    insta::assert_snapshot!("help", help);
    let never = Panel::new(false, |text| text);
    let mut screen = never.screen("t33", UNICODE);
    press(&mut screen, "?");
    let help = render(&screen.app, 80, 24);
    assert!(!help.contains("the panel's marks"), "{help}");
    assert!(
        help.contains("marks of other reviewers are never"),
        "{help}"
    );
}

#[test]
fn a_revised_mark_shows_its_preliminary_points() {
    let p = Panel::new(true, |text| text);
    let mut screen = p.screen("t29", UNICODE);
    // Fukuoka 4-a was 4 at submission: reopened and changed to 3.
    press(&mut screen, "Ry3\n<up>");
    let sheet = store::read_sheet(&p.review, "tech-env", "t29")
        .expect("reads")
        .expect("t29's sheet");
    let mark = sheet.mark("fukuoka", "4-a").expect("the mark");
    assert_eq!((mark.points, mark.preliminary), (3.0, Some(4.0)));
    let shown = render(&screen.app, 80, 24);
    assert!(shown.contains("[3] of 5"), "{shown}");
    assert!(shown.contains("revised (preliminary 4)"), "{shown}");
    insta::assert_snapshot!("revised_mark", without_clock(&shown));
}

#[test]
fn in_japanese_and_in_ascii_without_color() {
    let p = Panel::japanese();
    let mut screen = p.screen("t29", UNICODE);
    press(&mut screen, NAGOYA_4C);
    let scoring = render_aligned(&screen.app, 80, 24);
    press(&mut screen, "s");
    let sheet = render_aligned(&screen.app, 80, 24);
    press(&mut screen, "o");
    let full = render_aligned(&screen.app, 80, 24);
    panelist::i18n::set_lang(panelist::i18n::Lang::En);
    for (screen_text, seen) in [
        (&scoring, "他の委員の点数"),
        (&scoring, "提出済 5/6"),
        (&sheet, "名古屋 · 4-c の他の委員：平均 2.80"),
        (&full, "技術専門委員 30 (t30)  提出済"),
    ] {
        assert!(screen_text.contains(seen), "{seen}:\n{screen_text}");
    }
    insta::assert_snapshot!("japanese_shown_after_submission", scoring);
    insta::assert_snapshot!("japanese_sheet_view", sheet);
    insta::assert_snapshot!("japanese_in_full", full);

    let p = Panel::new(true, |text| text);
    let mut screen = p.screen("t29", PLAIN);
    press(&mut screen, NAGOYA_4C);
    let plain = render(&screen.app, 80, 24);
    assert!(plain.contains("The panel's marks"), "{plain}");
    assert!(plain.is_ascii(), "{plain}");
    insta::assert_snapshot!("ascii_without_color", plain);
    press(&mut screen, "s");
    let sheet = render(&screen.app, 80, 24);
    assert!(
        sheet.contains("Others on Nagoya - 4-c: mean 2.80"),
        "{sheet}"
    );
    assert!(sheet.is_ascii(), "{sheet}");
    insta::assert_snapshot!("ascii_sheet_view", sheet);
}

/// The screen with the time of the last save (`saved 13:01:15`, the
/// machine's clock) as `saved HH:MM:SS`.
fn without_clock(screen: &str) -> String {
    let Some(at) = screen.find("   saved ") else {
        return screen.to_string();
    };
    let from = at + "   saved ".len();
    let mut out = screen.to_string();
    out.replace_range(from..from + "HH:MM:SS".len(), "HH:MM:SS");
    out
}

mod never_conflicted {
    //! The property: whatever the conflicts (declared in review.ron, through
    //! an institution, on the viewer's sheet) and whatever the others wrote,
    //! a submitted viewer never sees another member's mark or note on a
    //! region they are conflicted on, and sees them on every other region
    //! they scored.

    use crate::common::{ReviewBuilder, ReviewDir, sheet};
    use crate::review_tui::render;
    use panelist::model::{Index, Reveal};
    use panelist::store;
    use panelist::tui::review::parts::Pos;
    use panelist::tui::review::{App, FileStore, ReviewScreen};
    use panelist::tui::shell::Screen;
    use proptest::prelude::*;

    const REGIONS: [&str; 4] = ["ra", "rb", "rc", "rd"];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn a_conflicted_region_never_shows_the_others(
            declared in proptest::collection::vec(any::<bool>(), 4),
            institution in proptest::collection::vec(any::<bool>(), 4),
            on_sheet in proptest::collection::vec(any::<bool>(), 4),
            points in proptest::collection::vec(0u8..=10, 8),
        ) {
            let mut builder = ReviewBuilder::new()
                .category("1", &[("1-a", 5.0, 0.5)])
                .regions(&REGIONS)
                .reviewers(&["v", "o1", "o2"]);
            let declared_on: Vec<&str> =
                REGIONS.iter().zip(&declared).filter(|(_, d)| **d).map(|(r, _)| *r).collect();
            builder = builder.conflicts("v", &declared_on);
            let mut review = builder
                .panel("p", &["v", "o1", "o2"], &["1-a"], None)
                .select(1)
                .build();
            review.panels[0].reveal = Reveal::AfterSubmit;
            review.reviewers[0].affiliations = vec!["Home University".into()];
            for (r, yes) in institution.iter().enumerate() {
                if *yes {
                    review.regions[r].institutions = vec!["Home University".into()];
                }
            }
            let dir = ReviewDir::new(review.clone());
            // The viewer marked every region (a mark on a conflicted one stays
            // on file and does not count) and submitted; the others left a
            // note naming themselves and the region.
            let mut mine = sheet();
            for (r, region) in REGIONS.iter().enumerate() {
                mine = mine.mark(region, "1-a", 2.5);
                if on_sheet[r] {
                    mine = mine.conflict(region);
                }
            }
            let mut others = Vec::new();
            for (k, other) in ["o1", "o2"].into_iter().enumerate() {
                let mut s = sheet();
                for (r, region) in REGIONS.iter().enumerate() {
                    let p = f64::from(points[2 * r + k]) / 2.0;
                    s = s.mark_note(region, "1-a", p, &format!("NOTE-{other}-{region}"));
                }
                others.push((other, s));
            }
            let mut sheets = vec![("v", mine)];
            sheets.extend(others);
            dir.write_panel("p", sheets);
            let loaded = store::load_review(&dir.path()).expect("loads");
            let own = store::read_sheet(&loaded, "p", "v").expect("reads");
            let app = App::new(&loaded.review, "p", "v", own, &[], crate::review_tui::UNICODE);
            let mut screen = ReviewScreen::new(app, FileStore {
                review: &loaded,
                panel: "p".into(),
                reviewer: "v".into(),
            });
            screen.settle(false);
            let index = Index::new(&review);
            for (r, region) in REGIONS.iter().enumerate() {
                let conflicted =
                    index.conflict("v", r).is_some() || on_sheet[r];
                let at = screen
                    .app
                    .regions
                    .iter()
                    .position(|g| g.id == *region)
                    .expect("every region is the viewer's");
                let shown = screen.app.others_at(Pos { region: at, criterion: 0 });
                prop_assert_eq!(shown.is_none(), conflicted, "{} conflicted {}", region, conflicted);
                // And on screen: go to the region and look.
                screen.app.pos = Pos { region: at, criterion: 0 };
                let text = render(&screen.app, 100, 40);
                for other in ["o1", "o2"] {
                    let note = format!("NOTE-{other}-{region}");
                    prop_assert_eq!(text.contains(&note), !conflicted, "{}\n{}", note, text);
                }
            }
        }
    }
}
