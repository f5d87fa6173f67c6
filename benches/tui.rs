//! The reviewer TUI's costs: render time of a full frame, start-up to the
//! first frame on a large review, and bytes sent to the terminal per keystroke.
//!
//! `cargo bench --bench tui` (release build). The byte counts are printed
//! first; they are measurements, not timings.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a measurement or a tool prints its results

use std::cell::Cell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use panelist::model::{
    Aggregate, Category, Committee, Criterion, Mark, Panel, PanelFile, Region, Regions, Review,
    Reviewer, Sheet, UniqueMap,
};
use panelist::store::{self, LoadedReview};
use panelist::tui::review::{App, Msg, view};
use panelist::tui::theme::Theme;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const THEME: Theme = Theme {
    color: true,
    unicode: true,
};

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    write_review(dir.path(), 100, 50);
    keystroke_bytes(dir.path());
    divan::main();
}

/// A review of `regions` regions and `criteria` criteria (in categories of
/// 5), one panel of 3 reviewers covering everything, and a sheet of `r0` with
/// half the marks given.
fn write_review(dir: &Path, regions: usize, criteria: usize) {
    let categories = (0..criteria.div_ceil(5))
        .map(|k| Category {
            id: format!("c{k}"),
            title: format!("Category {k} of the rubric"),
            criteria: (0..5)
                .filter(|i| k * 5 + i < criteria)
                .map(|i| Criterion {
                    id: format!("c{k}-{i}"),
                    title: format!("Criterion {i} of category {k}, with a title of ordinary length"),
                    max: 5.0,
                    step: 0.5,
                    guidance: "What the reviewer should look for, in two or three lines of advice that wrap on an 80-column terminal and so exercise the wrapping of the view.".into(),
                    min: None,
                })
                .collect(),
            categories: Vec::new(),
            min: None,
        })
        .collect();
    let review = Review {
        id: "bench".into(),
        title: "A large review".into(),
        categories,
        regions: (0..regions)
            .map(|r| Region {
                id: format!("r{r:03}"),
                name: format!("Region number {r}"),
                fields: vec!["IT".into(), "Life Sciences".into()],
                summary: "A proposal summary of one paragraph, long enough to wrap over several lines of the region box as the real ones do in the sample review.".into(),
                ..Region::default()
            })
            .collect(),
        reviewers: (0..3)
            .map(|i| Reviewer {
                id: format!("r{i}"),
                name: format!("Reviewer {i}"),
                ..Reviewer::default()
            })
            .collect(),
        panels: vec![Panel {
            id: "panel".into(),
            title: "The panel".into(),
            members: (0..3).map(|i| format!("r{i}")).collect(),
            criteria: Vec::new(),
            regions: Regions::All,
            ..Panel::default()
        }],
        committee: Committee {
            select: Some(10),
            tiers: Vec::new(),
            aggregate: Aggregate::Mean,
            tie_break: Vec::new(),
            min_total: None,
            disagreement: 0.4,
            eligibility: None,
            budget: None,
            ..Committee::default()
        },
        follows: None,
    };
    let mut review = review;
    review.panels[0].criteria = review.criteria().map(|(_, c)| c.id.clone()).collect();
    std::fs::write(dir.join("review.ron"), store::to_ron(&review)).expect("write review.ron");
    let mut sheet = Sheet::new(jiff::Timestamp::UNIX_EPOCH);
    for (n, region) in review.regions.iter().enumerate().take(regions / 2) {
        let marks = review
            .criteria()
            .map(|(_, c)| {
                (
                    c.id.clone(),
                    Mark {
                        points: (n % 10) as f64 * 0.5,
                        note: String::new(),
                        preliminary: None,
                    },
                )
            })
            .collect();
        sheet.scores.insert(region.id.clone(), UniqueMap(marks));
    }
    let file = PanelFile {
        review: review.id.clone(),
        panel: "panel".into(),
        rubric: review.fingerprint(),
        sheets: [("r0".to_string(), sheet)].into_iter().collect(),
        consensus: None,
    };
    std::fs::create_dir_all(dir.join("scores")).expect("create scores/");
    std::fs::write(dir.join("scores/panel.ron"), store::to_ron(&file))
        .expect("write the panel file");
}

fn start(dir: &Path) -> App {
    let review: LoadedReview = store::load_review(dir).expect("load the review");
    let sheet = store::read_sheet(&review, "panel", "r0").expect("read the sheet");
    App::new(&review.review, "panel", "r0", sheet, &[], THEME)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Bytes written to an 80×24 terminal by the frame after each key.
fn keystroke_bytes(dir: &Path) {
    let mut app = start(dir);
    let written = Rc::new(Cell::new(0));
    let shown = Rc::new(std::cell::RefCell::new(Vec::new()));
    let backend = CrosstermBackend::new(Counter(Rc::clone(&written), Rc::clone(&shown)));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
    };
    let mut terminal = Terminal::with_options(backend, options).expect("terminal");
    let mut draw = |app: &App| {
        written.set(0);
        terminal
            .draw(|frame| view::render(app, frame))
            .expect("draw");
        written.get()
    };
    let first = draw(&app);
    // The sheet as on disk, which the fake saves below keep up to date.
    let mut disk = app.sheet().clone();
    println!("bytes for the first frame (80x24): {first}");
    for (label, msg) in [
        ("typing a digit", key(KeyCode::Char('4'))),
        ("typing '.'", key(KeyCode::Char('.'))),
        ("typing another digit", key(KeyCode::Char('5'))),
        ("stepping the mark with ->", key(KeyCode::Right)),
        ("Enter (saved, next criterion)", key(KeyCode::Enter)),
        ("next criterion (down)", key(KeyCode::Down)),
        ("next region (Tab)", key(KeyCode::Tab)),
    ] {
        app.update(msg);
        // The bench doesn't save: mark the queued change as saved, as the shell would.
        while let Some(change) = app.next_to_save().cloned() {
            let before = disk.clone();
            change.apply(&mut disk);
            let saved = panelist::store::Saved {
                before,
                sheet: disk.clone(),
                rebuilt: false,
                written: true,
            };
            app.update(Msg::Saved(Ok(saved)));
        }
        shown.borrow_mut().clear();
        println!("bytes for {label}: {}", draw(&app));
        // PANELIST_BENCH_SHOW_BYTES=1: what was sent, to see what a key redraws.
        if std::env::var_os("PANELIST_BENCH_SHOW_BYTES").is_some() {
            println!(
                "  {}",
                String::from_utf8_lossy(&shown.borrow()).escape_debug()
            );
        }
    }
}

/// Counts the bytes written to it.
struct Counter(Rc<Cell<usize>>, Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        self.1.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[divan::bench(args = [(80, 24), (200, 60)])]
fn render_frame(bencher: divan::Bencher, (width, height): (u16, u16)) {
    let dir = tempfile::tempdir().expect("temporary directory");
    write_review(dir.path(), 9, 13);
    let app = start(dir.path());
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    bencher.bench_local(|| {
        // A full frame: ratatui diffs against the previous one, so clear first.
        terminal.clear().expect("clear");
        terminal
            .draw(|frame| view::render(&app, frame))
            .expect("draw");
    });
}

#[divan::bench]
fn startup_to_first_frame_100_regions_50_criteria(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temporary directory");
    write_review(dir.path(), 100, 50);
    bencher.bench_local(|| {
        let app = start(dir.path());
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|frame| view::render(&app, frame))
            .expect("draw");
    });
}
