//! panelist at a funding agency's scale: `merge` and `check` end to end on
//! synthetic reviews of 100, 1,000 and 10,000 regions (18 criteria, 3 marks
//! each: 540,000 marks in 590 panel files for 10,000), a parse-only baseline
//! of the same files, and the save of one mark into a panel file of 10,000
//! marks. `merge_end_to_end_programme` merges the same reviews under the
//! selection programme (nested categories, minimums, eligibility, tiers and
//! a `Proportional` budget; `Shape::programme`): the same marks, so its
//! ratio to `merge_end_to_end` in the same run is what the programme costs.
//!
//! `cargo bench --bench scale` (release build). The reviews are generated
//! first with `panelist::synthetic` (seed 1) under Cargo's bench scratch
//! directory, and the peak memory of one `merge` of each is printed before the
//! timings. `merge`, `check` and `mark` run the real release binary, exactly
//! as a chair or a script would; the parse-only baseline and the save run in
//! this process. `PANELIST_BENCH_REGIONS=100,1000` limits the sizes;
//! `cargo bench --bench scale -- merge` runs only the benchmarks whose name
//! holds `merge` (`-- merge_end_to_end` both merges end to end without the
//! analysis, `-- merge_with_analysis` both with it, as `merge` runs by
//! default);
//! `PANELIST_BENCH_PAIRS=N` also times N merges of each review and of the same
//! review under the programme in turn, and prints the median of their ratios.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a measurement or a tool prints its results

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use panelist::model::{Change, Mark, PanelFile, Review};
use panelist::store;
use panelist::synthetic::{Shape, generate};

const SIZES: &[usize] = &[100, 1_000, 10_000];

fn main() {
    for &regions in sizes() {
        let dir = review_dir(regions);
        println!("{regions} regions: {}", describe(&dir));
        println!("  {}", ratio_to_check(&dir));
        println!(
            "  peak memory (max RSS) of one merge: {} MiB",
            peak_rss_mib(&dir)
        );
        println!("  {}", output_sizes(&dir.with_extension("out")));
    }
    for &regions in sizes() {
        let dir = programme_dir(regions);
        println!("{regions} regions under the programme: {}", describe(&dir));
        if let Some(pairs) = pairs() {
            println!("  {}", paired(regions, pairs));
        }
    }
    println!("save fixture: {}", describe(&save_dir()));
    divan::main();
}

fn sizes() -> &'static [usize] {
    static SIZES_WANTED: OnceLock<Vec<usize>> = OnceLock::new();
    SIZES_WANTED.get_or_init(|| match std::env::var("PANELIST_BENCH_REGIONS") {
        Ok(list) => list
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect(),
        Err(_) => SIZES.to_vec(),
    })
}

/// `PANELIST_BENCH_PAIRS=N`: also time N merges of each review and of the
/// same review under the programme, one after the other in turn, so that a
/// machine whose load drifts slows both alike.
fn pairs() -> Option<usize> {
    std::env::var("PANELIST_BENCH_PAIRS")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .filter(|&n| n > 0)
}

/// The medians of `pairs` merges of each, and the medians of their ratios:
/// of the time they took, and of the processor time they used (user and
/// system), which a busy machine disturbs less.
fn paired(regions: usize, pairs: usize) -> String {
    let (plain, programme) = (review_dir(regions), programme_dir(regions));
    let mut times: Vec<Pair> = Vec::new();
    for _ in 0..pairs {
        let plain = timed_merge(&plain);
        times.push(Pair {
            plain,
            programme: timed_merge(&programme),
        });
    }
    let median = |pick: &dyn Fn(&Pair) -> f64| {
        let mut values: Vec<f64> = times.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        let n = values.len();
        (values[(n - 1) / 2] + values[n / 2]) / 2.0
    };
    format!(
        "merge in turn, {pairs} pairs: {:.0} ms, under the programme {:.0} ms, \
         median ratio {:.3}; processor time {:.0} ms and {:.0} ms, median ratio {:.3}",
        median(&|t| t.plain.wall) * 1e3,
        median(&|t| t.programme.wall) * 1e3,
        median(&|t| t.programme.wall / t.plain.wall),
        median(&|t| t.plain.cpu) * 1e3,
        median(&|t| t.programme.cpu) * 1e3,
        median(&|t| t.programme.cpu / t.plain.cpu),
    )
}

/// A merge of each review, one right after the other.
struct Pair {
    plain: Timed,
    programme: Timed,
}

/// Seconds of one merge: as the clock runs, and of processor time.
struct Timed {
    wall: f64,
    cpu: f64,
}

fn timed_merge(dir: &Path) -> Timed {
    let (start, cpu) = (std::time::Instant::now(), children_cpu());
    merge(dir);
    Timed {
        wall: start.elapsed().as_secs_f64(),
        cpu: children_cpu() - cpu,
    }
}

/// The user and system time of every child so far, in seconds.
fn children_cpu() -> f64 {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    let seconds = |t: nix::sys::time::TimeVal| t.tv_sec() as f64 + t.tv_usec() as f64 * 1e-6;
    seconds(usage.user_time()) + seconds(usage.system_time())
}

fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("panelist-scale")
}

/// The synthetic review of `regions` regions, written once per run.
fn review_dir(regions: usize) -> PathBuf {
    written_dir(regions, false)
}

/// The same review under the selection programme, written once per run.
fn programme_dir(regions: usize) -> PathBuf {
    written_dir(regions, true)
}

fn written_dir(regions: usize, programme: bool) -> PathBuf {
    let name = if programme { "programme" } else { "review" };
    let dir = scratch().join(format!("{name}-{regions}"));
    static WRITTEN: OnceLock<std::sync::Mutex<Vec<(usize, bool)>>> = OnceLock::new();
    let mut written = WRITTEN.get_or_init(Default::default).lock().expect("lock");
    if !written.contains(&(regions, programme)) {
        let _ = std::fs::remove_dir_all(&dir);
        let shape = Shape {
            programme,
            ..Shape::new(regions, 1)
        };
        generate(&shape)
            .write(&dir)
            .expect("write the synthetic review");
        written.push((regions, programme));
    }
    dir
}

/// One panel of 3 reviewers scoring 186 regions on 18 criteria: a panel
/// file of 10,044 marks, every sheet a draft.
fn save_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = scratch().join("save-10k");
        let _ = std::fs::remove_dir_all(&dir);
        let shape = Shape {
            regions_per_panel: 186,
            criterion_groups: 1,
            drafts: 0.0,
            review_conflicts: 0.0,
            sheet_conflicts: 0.0,
            ..Shape::new(186, 1)
        };
        let mut synthetic = generate(&shape);
        // Drafts, so that `mark` may change them.
        for file in &mut synthetic.panel_files {
            for sheet in file.sheets.values_mut() {
                sheet.submitted = false;
            }
        }
        synthetic.write(&dir).expect("write the save fixture");
        dir
    })
    .clone()
}

fn describe(dir: &Path) -> String {
    let files = panel_files(dir);
    let bytes: u64 = files
        .iter()
        .chain(std::iter::once(&dir.join("review.ron")))
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let marks: usize = files
        .iter()
        .map(|p| parse::<PanelFile>(p))
        .flat_map(|f| f.sheets.0.into_values())
        .map(|s| s.marks().count())
        .sum();
    format!(
        "{} panel files, {marks} marks, {:.1} MiB",
        files.len(),
        bytes as f64 / 1024.0 / 1024.0
    )
}

fn panel_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("scores"))
        .expect("list scores/")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).expect("read");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn panelist() -> Command {
    Command::new(env!("CARGO_BIN_EXE_panelist"))
}

/// Runs the release binary, its output thrown away, and insists it succeeded.
fn run(command: &mut Command) {
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run panelist");
    assert!(status.success(), "{command:?} failed: {status}");
}

/// `panelist merge` without the analysis, into `<dir>.out`.
fn merge(dir: &Path) {
    let out = dir.with_extension("out");
    run(panelist()
        .arg("merge")
        .arg(dir)
        .arg("--no-analysis")
        .arg("--out")
        .arg(&out));
}

/// The median of 5 merges (without the analysis) over the median of 5
/// checks of the same review, taken in turn: what writing the results
/// costs beyond reading and validating the input.
fn ratio_to_check(dir: &Path) -> String {
    let (mut merges, mut checks) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        merges.push(timed_merge(dir).wall);
        let start = std::time::Instant::now();
        run(panelist().arg("check").arg(dir));
        checks.push(start.elapsed().as_secs_f64());
    }
    let median = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let (merge, check) = (median(merges), median(checks));
    format!(
        "merge / check: {:.2} (medians of 5 in turn: merge {:.0} ms, check {:.0} ms)",
        merge / check,
        merge * 1e3,
        check * 1e3
    )
}

/// The sizes of the outputs a merge wrote into `out`.
fn output_sizes(out: &Path) -> String {
    let size = |name: &str| std::fs::metadata(out.join(name)).map_or(0, |m| m.len());
    let beside = size("results.ron") + size("report.md") + size("results.svg");
    format!(
        "outputs beside results.csv: {:.1} MB (results.ron {:.1} MB, report.md {:.2} MB, \
         results.svg {:.2} MB); results.csv {:.1} MB",
        beside as f64 / 1e6,
        size("results.ron") as f64 / 1e6,
        size("report.md") as f64 / 1e6,
        size("results.svg") as f64 / 1e6,
        size("results.csv") as f64 / 1e6,
    )
}

/// The largest resident set of any child so far: run in increasing sizes,
/// it is that of the last `merge`.
fn peak_rss_mib(dir: &Path) -> u64 {
    merge(dir);
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .expect("getrusage");
    usage.max_rss() as u64 / 1024
}

/// `panelist merge --no-analysis` end to end: load and validate review.ron
/// and every panel file, merge, write results.ron, results.csv, report.md
/// and results.svg (each fsynced), print the ranking.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn merge_end_to_end(bencher: divan::Bencher, regions: usize) {
    let dir = review_dir(regions);
    bencher.bench(|| merge(&dir));
}

/// `panelist merge` as a chair runs it: `merge_end_to_end` and the
/// analysis of how solid the selection is (on by default at every size:
/// the bootstrap rounds its precision asks for, each reviewer left out,
/// the other aggregate rules, the calibration), into `<dir>.analysed`.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn merge_with_analysis(bencher: divan::Bencher, regions: usize) {
    let dir = review_dir(regions);
    let out = dir.with_extension("analysed");
    bencher.bench(|| run(panelist().arg("merge").arg(&dir).arg("--out").arg(&out)));
}

/// `merge_with_analysis` of the same review under the selection programme.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn merge_with_analysis_programme(bencher: divan::Bencher, regions: usize) {
    let dir = programme_dir(regions);
    let out = dir.with_extension("analysed");
    bencher.bench(|| run(panelist().arg("merge").arg(&dir).arg("--out").arg(&out)));
}

/// `merge_end_to_end` and `merge_end_to_end_programme` without the
/// analysis (`--no-analysis`): what the analysis adds is the difference.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn merge_without_analysis(bencher: divan::Bencher, regions: usize) {
    let (plain, programme) = (review_dir(regions), programme_dir(regions));
    bencher.bench(|| {
        for dir in [&plain, &programme] {
            let out = dir.with_extension("out");
            run(panelist()
                .arg("merge")
                .arg(dir)
                .arg("--out")
                .arg(&out)
                .arg("--no-analysis"));
        }
    });
}

/// The same merge of the same marks under the selection programme: every
/// category in two sub-categories (subtotals at two depths, `below:` flags
/// of 9 minimums), about one region in ten ineligible, three tiers of the
/// same places and a `Proportional` budget (an `allocation` column, the
/// budget in report.md). Compare with `merge_end_to_end` of the same run.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn merge_end_to_end_programme(bencher: divan::Bencher, regions: usize) {
    let dir = programme_dir(regions);
    bencher.bench(|| merge(&dir));
}

/// The results screen opening: review.ron read and results.ron (written
/// into the review directory once before, without the analysis) by the
/// fast reader, review.ron's SHA-256 compared with the one it records, and
/// its results taken. The panel files are read after the first frame (see
/// `results_files_read`), the marks merged and the results analysed after
/// that, drafts merged when counted (`d`): none of that is counted here.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn results_open(bencher: divan::Bencher, regions: usize) {
    let dir = review_dir(regions);
    if !dir.join("results.ron").exists() {
        run(panelist().arg("merge").arg(&dir).arg("--no-analysis"));
    }
    bencher.bench(|| panelist::tui::results::Data::load(&dir).expect("loads"));
}

/// What the shell does away from the screen once results.ron's results
/// show: every panel file read and validated (`store::load_inputs`), its
/// SHA-256 compared with the one results.ron records, and the conflicts
/// gathered.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn results_files_read(bencher: divan::Bencher, regions: usize) {
    use panelist::tui::results::data;
    let dir = review_dir(regions);
    if !dir.join("results.ron").exists() {
        run(panelist().arg("merge").arg(&dir).arg("--no-analysis"));
    }
    let opened = data::Data::load(&dir).expect("loads");
    assert!(opened.files_unread(), "opened over results.ron");
    bencher.bench(|| data::read_files(&opened.files).expect("the panel files read"));
}

/// A frame of the results screen while scrolling the ranking of every
/// region (80x24, what a chair on a laptop sees): one key (Down, and Up
/// past the end) and the frame it draws, ratatui diffing against the last.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 100)]
fn results_frame_scrolling(bencher: divan::Bencher, regions: usize) {
    use panelist::tui::results::{App, Msg, screens};
    use panelist::tui::theme::Theme;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::{Terminal, backend::TestBackend};
    let dir = review_dir(regions);
    if !dir.join("results.ron").exists() {
        run(panelist().arg("merge").arg(&dir).arg("--no-analysis"));
    }
    let data = panelist::tui::results::Data::load(&dir).expect("loads");
    let theme = Theme {
        color: false,
        unicode: true,
    };
    let mut app = App::new(data, theme);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let (mut step, mut down) = (0, true);
    bencher.bench_local(|| {
        step += 1;
        if step % regions == 0 {
            down = !down;
        }
        let code = if down { KeyCode::Down } else { KeyCode::Up };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        terminal
            .draw(|frame| screens::render(&app, frame))
            .expect("draw");
    });
}

/// `panelist check`: load and validate review.ron and every panel file.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn check_end_to_end(bencher: divan::Bencher, regions: usize) {
    let dir = review_dir(regions);
    bencher.bench(|| run(panelist().arg("check").arg(&dir)));
}

/// The baseline `merge` is compared with: read review.ron and every panel
/// file and parse them with ron into panelist's types, one after the other;
/// nothing validated, merged or written.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn parse_only(bencher: divan::Bencher, regions: usize) {
    let dir = review_dir(regions);
    let files = panel_files(&dir);
    bencher.bench(|| {
        let review: Review = parse(&dir.join("review.ron"));
        let files: Vec<PanelFile> = files.iter().map(|p| parse(p)).collect();
        (review, files)
    });
}

/// The same, parsed into ron's untyped `Value`, as a program that doesn't
/// know panelist's types would parse them.
#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn parse_only_untyped(bencher: divan::Bencher, regions: usize) {
    let dir = review_dir(regions);
    let files = panel_files(&dir);
    bencher.bench(|| {
        let review: ron::Value = parse(&dir.join("review.ron"));
        let files: Vec<ron::Value> = files.iter().map(|p| parse(p)).collect();
        (review, files)
    });
}

/// One mark saved into a panel file of 10,044 marks, as the TUI saves it:
/// under the panel's lock, re-read and validate the file, append the change
/// to the journal (fsync), write the new file (fsync), rename it over the
/// old one and fsync the directory. Alternates between two marks so that
/// every save writes.
#[divan::bench(sample_count = 100, sample_size = 1)]
fn save_one_mark_in_10k(bencher: divan::Bencher) {
    let review = store::load_review(&save_dir()).expect("load the save fixture");
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        let points = if flip { 3.5 } else { 4.0 };
        store::save_changes(&review, "p1-1", "rv1", |_| {
            Ok(vec![Change::Cell {
                region: "r093".into(),
                criterion: "2-c".into(),
                mark: Some(Mark {
                    points,
                    note: String::new(),
                    preliminary: None,
                }),
            }])
        })
        .expect("save")
    });
}

/// The same save through `panelist mark`, as a script sets a mark: process
/// start-up and loading review.ron included.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn mark_command_in_10k(bencher: divan::Bencher) {
    let dir = save_dir();
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        run(panelist()
            .arg("mark")
            .arg(&dir)
            .args(["--reviewer", "rv1", "--panel", "p1-1", "r093", "2-c"])
            .arg(if flip { "3.5" } else { "4" }));
    });
}
