//! Fixtures shared by every integration test: builders for reviews and
//! sheets, review directories in temporary directories, and helpers to run
//! the real `panelist` binary. Kept in one place so that a change of the file
//! formats is made once.

pub mod pty;
pub mod ssh;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use panelist::merge::{self, CriterionResult, MergeOptions, RegionResult, Results, SheetInput};
use panelist::model::{
    Aggregate, Category, Committee, Criterion, Mark, Panel, PanelFile, Region, Regions, Review,
    Reviewer, Sheet, UniqueMap,
};
use tempfile::TempDir;

/// The `updated` time of sheets that don't set one.
pub const T0: &str = "2007-06-01T10:00:00Z";

pub fn ts(text: &str) -> jiff::Timestamp {
    text.parse()
        .unwrap_or_else(|e| panic!("bad timestamp {text}: {e}"))
}

// ---------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------

/// Builds a `Review` in code. Starts empty: no categories, regions, reviewers
/// or panels; committee `select: 1, aggregate: Mean`, no tie-break, no
/// minimum, disagreement 0.4 (SPEC.md's defaults).
pub struct ReviewBuilder {
    review: Review,
}

impl Default for ReviewBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ReviewBuilder {
    pub fn new() -> Self {
        ReviewBuilder {
            review: Review {
                id: "test".into(),
                title: "Test review".into(),
                categories: Vec::new(),
                regions: Vec::new(),
                reviewers: Vec::new(),
                panels: Vec::new(),
                committee: Committee {
                    select: Some(1),
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
            },
        }
    }

    pub fn id(mut self, id: &str) -> Self {
        self.review.id = id.into();
        self
    }

    /// A category with criteria given as `(id, max, step)`.
    pub fn category(mut self, id: &str, criteria: &[(&str, f64, f64)]) -> Self {
        self.review.categories.push(Category {
            id: id.into(),
            title: format!("Category {id}"),
            criteria: criteria
                .iter()
                .map(|&(id, max, step)| Criterion {
                    id: id.into(),
                    title: format!("Criterion {id}"),
                    max,
                    step,
                    guidance: String::new(),
                    min: None,
                })
                .collect(),
            categories: Vec::new(),
            min: None,
        });
        self
    }

    /// Regions named after their id with a capital letter (`north` → `North`).
    pub fn regions(mut self, ids: &[&str]) -> Self {
        for id in ids {
            let mut name = id.to_string();
            if let Some(first) = name.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            self = self.region(id, &name);
        }
        self
    }

    pub fn region(mut self, id: &str, name: &str) -> Self {
        self.review.regions.push(Region {
            id: id.into(),
            name: name.into(),
            ..Region::default()
        });
        self
    }

    pub fn reviewers(mut self, ids: &[&str]) -> Self {
        for id in ids {
            self.review.reviewers.push(Reviewer {
                id: id.to_string(),
                name: format!("Reviewer {id}"),
                ..Reviewer::default()
            });
        }
        self
    }

    /// Declares `review.ron` conflicts for a reviewer added before.
    pub fn conflicts(mut self, reviewer: &str, regions: &[&str]) -> Self {
        let found = self
            .review
            .reviewers
            .iter_mut()
            .find(|r| r.id == reviewer)
            .unwrap_or_else(|| panic!("add reviewer {reviewer} first"));
        found.conflicts = regions
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        self
    }

    /// A panel; `regions: None` is `All`.
    pub fn panel(
        mut self,
        id: &str,
        members: &[&str],
        criteria: &[&str],
        regions: Option<&[&str]>,
    ) -> Self {
        self.review.panels.push(Panel {
            id: id.into(),
            title: format!("Panel {id}"),
            members: members
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            criteria: criteria
                .iter()
                .map(std::string::ToString::to_string)
                .collect(),
            regions: match regions {
                None => Regions::All,
                Some(ids) => {
                    Regions::Only(ids.iter().map(std::string::ToString::to_string).collect())
                }
            },
            ..Panel::default()
        });
        self
    }

    pub fn select(mut self, select: u32) -> Self {
        self.review.committee.select = Some(select);
        self
    }

    pub fn aggregate(mut self, aggregate: Aggregate) -> Self {
        self.review.committee.aggregate = aggregate;
        self
    }

    pub fn tie_break(mut self, categories: &[&str]) -> Self {
        self.review.committee.tie_break = categories
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        self
    }

    pub fn min_total(mut self, min_total: Option<f64>) -> Self {
        self.review.committee.min_total = min_total;
        self
    }

    pub fn disagreement(mut self, disagreement: f64) -> Self {
        self.review.committee.disagreement = disagreement;
        self
    }

    pub fn build(self) -> Review {
        self.review
    }
}

/// The rubric fingerprint of SPEC.md, as panelist computes it.
pub fn fingerprint(review: &Review) -> String {
    review.fingerprint()
}

// ---------------------------------------------------------------------------
// Sheets
// ---------------------------------------------------------------------------

/// Builds a `Sheet`: submitted, updated at [`T0`], no marks, no conflicts.
pub struct SheetBuilder {
    sheet: Sheet,
}

pub fn sheet() -> SheetBuilder {
    SheetBuilder {
        sheet: Sheet {
            submitted: true,
            updated: ts(T0),
            scores: UniqueMap::default(),
            conflicts: Vec::new(),
            was_submitted: false,
        },
    }
}

impl SheetBuilder {
    pub fn draft(mut self) -> Self {
        self.sheet.submitted = false;
        self
    }

    pub fn updated(mut self, at: &str) -> Self {
        self.sheet.updated = ts(at);
        self
    }

    pub fn mark(self, region: &str, criterion: &str, points: f64) -> Self {
        self.mark_note(region, criterion, points, "")
    }

    pub fn mark_note(mut self, region: &str, criterion: &str, points: f64, note: &str) -> Self {
        self.sheet
            .scores
            .entry(region.to_string())
            .or_default()
            .insert(
                criterion.to_string(),
                Mark {
                    points,
                    note: note.to_string(),
                    preliminary: None,
                },
            );
        self
    }

    /// Several marks for one region: `(criterion, points)`.
    pub fn marks(mut self, region: &str, marks: &[(&str, f64)]) -> Self {
        for &(criterion, points) in marks {
            self = self.mark(region, criterion, points);
        }
        self
    }

    pub fn conflict(mut self, region: &str) -> Self {
        self.sheet.conflicts.push(region.to_string());
        self
    }

    pub fn build(self) -> Sheet {
        self.sheet
    }
}

/// One sheet as the merge receives it, read from `origin`.
pub fn input(origin: &str, panel: &str, reviewer: &str, sheet: SheetBuilder) -> SheetInput {
    SheetInput {
        origin: PathBuf::from(origin),
        panel: panel.into(),
        reviewer: reviewer.into(),
        sheet: sheet.build(),
    }
}

/// A sheet from `scores/<panel>.ron`.
pub fn scored(panel: &str, reviewer: &str, sheet: SheetBuilder) -> SheetInput {
    input(&format!("scores/{panel}.ron"), panel, reviewer, sheet)
}

/// Runs the pure merge and fails the test with its errors.
pub fn merged(review: &Review, sheets: &[SheetInput]) -> Results {
    merged_with(review, sheets, false)
}

pub fn merged_with(review: &Review, sheets: &[SheetInput], include_drafts: bool) -> Results {
    merge::merge(review, sheets, MergeOptions { include_drafts })
        .unwrap_or_else(|errors| panic!("merge failed: {errors:#?}"))
}

pub fn region<'r>(results: &'r Results, id: &str) -> &'r RegionResult {
    results
        .regions
        .iter()
        .find(|r| r.region == id)
        .unwrap_or_else(|| panic!("no region {id} in the results"))
}

pub fn criterion<'r>(results: &'r Results, region_id: &str, id: &str) -> &'r CriterionResult {
    region(results, region_id)
        .criteria
        .iter()
        .find(|c| c.criterion == id)
        .unwrap_or_else(|| panic!("no criterion {id} for region {region_id}"))
}

pub fn subtotal(results: &Results, region_id: &str, category: &str) -> f64 {
    region(results, region_id)
        .subtotals
        .iter()
        .find(|s| s.category == category)
        .unwrap_or_else(|| panic!("no category {category}"))
        .points
}

/// Asserts two floats are equal within 1e-9 (merge rule 6's tolerance).
#[track_caller]
pub fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9,
        "expected {expected}, got {actual}"
    );
}

// ---------------------------------------------------------------------------
// Review directories on disk
// ---------------------------------------------------------------------------

/// A review directory in a temporary directory: `<tmp>/review/review.ron`
/// and `<tmp>/review/scores/`. Other files of a test (`--out`, `--add`) go
/// beside it in `<tmp>`.
pub struct ReviewDir {
    pub tmp: TempDir,
    pub review: Review,
}

impl ReviewDir {
    /// Writes `review` as panelist writes RON.
    pub fn new(review: Review) -> ReviewDir {
        let text = panelist::store::to_ron(&review);
        Self::with_text(review, &text)
    }

    /// Writes `review.ron` from a text (which must parse as a `Review`).
    pub fn from_text(text: &str) -> ReviewDir {
        let review: Review =
            ron::from_str(text).unwrap_or_else(|e| panic!("fixture review.ron: {e}"));
        Self::with_text(review, text)
    }

    fn with_text(review: Review, text: &str) -> ReviewDir {
        let tmp = TempDir::new().expect("temporary directory");
        let dir = tmp.path().join("review");
        std::fs::create_dir_all(dir.join("scores")).expect("create scores/");
        std::fs::write(dir.join("review.ron"), text).expect("write review.ron");
        ReviewDir { tmp, review }
    }

    /// The review directory.
    pub fn path(&self) -> PathBuf {
        self.tmp.path().join("review")
    }

    pub fn scores(&self) -> PathBuf {
        self.path().join("scores")
    }

    pub fn review_ron(&self) -> PathBuf {
        self.path().join("review.ron")
    }

    /// A path beside the review directory (for `--out` and `--add`).
    pub fn beside(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    pub fn panel_path(&self, panel: &str) -> PathBuf {
        self.scores().join(format!("{panel}.ron"))
    }

    /// A panel file of this review with the right header and fingerprint.
    pub fn panel_file(&self, panel: &str, sheets: Vec<(&str, SheetBuilder)>) -> PanelFile {
        PanelFile {
            review: self.review.id.clone(),
            panel: panel.into(),
            rubric: fingerprint(&self.review),
            sheets: sheets
                .into_iter()
                .map(|(reviewer, s)| (reviewer.to_string(), s.build()))
                .collect(),
            consensus: None,
        }
    }

    /// Writes `scores/<panel>.ron`; returns its path.
    pub fn write_panel(&self, panel: &str, sheets: Vec<(&str, SheetBuilder)>) -> PathBuf {
        let file = self.panel_file(panel, sheets);
        let path = self.panel_path(panel);
        write_ron(&path, &file);
        path
    }

    /// Reads and parses `scores/<panel>.ron`.
    pub fn read_panel(&self, panel: &str) -> PanelFile {
        read_panel_file(&self.panel_path(panel))
    }
}

/// Writes a value as panelist writes RON (pretty, with struct names).
pub fn write_ron<T: serde::Serialize>(path: &Path, value: &T) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create parent directory");
    }
    std::fs::write(path, panelist::store::to_ron(value)).expect("write RON file");
}

pub fn read_panel_file(path: &Path) -> PanelFile {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    ron::from_str(&text).unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

/// A copy of the sample review `panels/kci-2007` in a temporary directory:
/// `<tmp>/kci-2007`. Tests never write into the repository's copy.
pub struct Sample {
    pub tmp: TempDir,
}

impl Sample {
    pub fn new() -> Sample {
        Sample::of("kci-2007")
    }

    /// A copy of `panels/<name>` (e.g. the Japanese sample, `kci-2007-ja`),
    /// still at `<tmp>/kci-2007`.
    pub fn of(name: &str) -> Sample {
        let tmp = TempDir::new().expect("temporary directory");
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("panels")
            .join(name);
        copy_inputs(&from, &tmp.path().join("kci-2007"));
        Sample { tmp }
    }

    pub fn path(&self) -> PathBuf {
        self.tmp.path().join("kci-2007")
    }

    pub fn panel_path(&self, panel: &str) -> PathBuf {
        self.path().join("scores").join(format!("{panel}.ron"))
    }

    pub fn beside(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }
}

impl Default for Sample {
    fn default() -> Self {
        Self::new()
    }
}

/// A review's inputs, review.ron and its panel files, from `from` to `to`.
fn copy_inputs(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("scores")).expect("create scores/");
    std::fs::copy(from.join("review.ron"), to.join("review.ron")).expect("copy review.ron");
    for entry in std::fs::read_dir(from.join("scores")).expect("list sample scores/") {
        let entry = entry.expect("sample scores entry");
        std::fs::copy(entry.path(), to.join("scores").join(entry.file_name()))
            .expect("copy a sample panel file");
    }
}

/// The repository's sample review (read only): its inputs as committed,
/// without the outputs a `merge` of it (the README's first command) may
/// have left beside them, which the results screen would open instead.
pub fn sample_dir() -> PathBuf {
    inputs_of("kci-2007")
}

/// The same review in Japanese (read only): same ids, marks and times.
pub fn japanese_sample_dir() -> PathBuf {
    inputs_of("kci-2007-ja")
}

/// `panels/<name>`'s review.ron and panel files, copied once per test
/// process (under cargo's temporary directory for tests) and shared.
fn inputs_of(name: &str) -> PathBuf {
    use std::sync::{Mutex, OnceLock};
    static COPIES: OnceLock<Mutex<BTreeMap<String, PathBuf>>> = OnceLock::new();
    let copies = COPIES.get_or_init(Default::default);
    let mut copies = copies
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    copies
        .entry(name.to_string())
        .or_insert_with(|| {
            let from = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("panels")
                .join(name);
            let to = Path::new(env!("CARGO_TARGET_TMPDIR"))
                .join(format!("samples-{}", std::process::id()))
                .join(name);
            let _ = std::fs::remove_dir_all(&to);
            copy_inputs(&from, &to);
            to
        })
        .clone()
}

/// Checks that every row of a drawn frame is exactly as wide as the frame:
/// a double-width character takes two columns (the cell after it is hidden)
/// and none sticks out past the edge.
#[track_caller]
pub fn assert_aligned(buffer: &ratatui::buffer::Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        let mut row = String::new();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            x += (panelist::text::width(symbol) as u16).max(1);
        }
        assert_eq!(
            x,
            area.right(),
            "row {y} is {} columns wide, not {}: {row}",
            x - area.left(),
            area.width
        );
    }
}

/// Every file under `dir` with its bytes, to assert that a command changed nothing.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).expect("list directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read file");
                files.insert(path, bytes);
            }
        }
    }
    files
}

/// The 1-based line of the only occurrence of `needle` in `text`.
#[track_caller]
pub fn line_of(text: &str, needle: &str) -> usize {
    let hits: Vec<usize> = text.match_indices(needle).map(|(at, _)| at).collect();
    assert_eq!(
        hits.len(),
        1,
        "fixture: {needle:?} must occur exactly once in\n{text}"
    );
    1 + text[..hits[0]].matches('\n').count()
}

/// Replaces the only occurrence of `from` in `text`.
#[track_caller]
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "fixture: {from:?} must occur exactly once in\n{text}"
    );
    text.replacen(from, to, 1)
}

// ---------------------------------------------------------------------------
// The binary
// ---------------------------------------------------------------------------

/// The path of the `panelist` binary cargo built for the tests.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_panelist")
}

/// `panelist` with an environment that can't leak into the test: no
/// `$PANELIST_DIR`, no `$PANELIST_REVIEWER`, no user config file, and a
/// UTF-8 locale of no language (the messages in English, whatever the
/// machine's `LANG`).
pub fn panelist() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("panelist").expect("the panelist binary");
    isolate(&mut cmd);
    cmd
}

/// The same isolation for a `std::process::Command` (for spawned processes).
pub fn panelist_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(bin());
    cmd.env_remove("PANELIST_DIR")
        .env_remove("PANELIST_REVIEWER")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent/panelist-tests")
        .env("HOME", "/nonexistent/panelist-tests");
    cmd
}

fn isolate(cmd: &mut assert_cmd::Command) {
    cmd.env_remove("PANELIST_DIR")
        .env_remove("PANELIST_REVIEWER")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", "/nonexistent/panelist-tests")
        .env("HOME", "/nonexistent/panelist-tests");
}

/// What a finished command printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `panelist ARGS` to the end.
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let output = panelist().args(args).output().expect("run panelist");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl Run {
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}\n--- stderr\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_stdout_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}\n--- stdout\n{}",
            self.stdout
        );
        self
    }
}

/// `dir` as an argument.
pub fn arg(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a CSV file as rows of fields, header included.
pub fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    reader
        .records()
        .map(|r| r.expect("CSV record").iter().map(str::to_string).collect())
        .collect()
}

/// Compares a CSV file with an expected text, field by field, naming the
/// first row and column that differ.
#[track_caller]
pub fn assert_csv(path: &Path, expected: &str) {
    let actual = read_csv(path);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(expected.as_bytes());
    let expected: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.expect("expected CSV")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    for (i, (a, e)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(a.len(), e.len(), "row {i}: number of fields\n{a:?}\n{e:?}");
        for (j, (af, ef)) in a.iter().zip(e).enumerate() {
            let column = expected[0].get(j).map_or("?", String::as_str);
            assert_eq!(af, ef, "row {i} ({}), column {column}", e[1]);
        }
    }
    assert_eq!(actual.len(), expected.len(), "number of rows");
}

// ---------------------------------------------------------------------------
// A small review as text, for tests that need exact lines
// ---------------------------------------------------------------------------

/// A valid `review.ron`, written by hand so that each rule's test can break
/// one line of it: 2 categories, 3 criteria, 3 regions, 4 reviewers, 2
/// panels that share `cy` without covering the same (region, criterion).
pub const SMALL_REVIEW: &str = r#"// A small review for the tests.
Review(
    id: "small",
    title: "Small review",
    categories: [
        Category(
            id: "A",
            title: "Category A",
            criteria: [
                Criterion(id: "a1", title: "Criterion a1", max: 10.0, step: 0.5),
                Criterion(id: "a2", title: "Criterion a2", max: 5.0),
            ],
        ),
        Category(
            id: "B",
            title: "Category B",
            criteria: [
                Criterion(id: "b1", title: "Criterion b1", max: 4.0, step: 0.25),
            ],
        ),
    ],
    regions: [
        Region(id: "north", name: "North"),
        Region(id: "south", name: "South"),
        Region(id: "east", name: "East"),
    ],
    reviewers: [
        Reviewer(id: "ann", name: "Ann"),
        Reviewer(id: "bob", name: "Bob", conflicts: ["east"]),
        Reviewer(id: "cy", name: "Cy"),
        Reviewer(id: "dee", name: "Dee"),
    ],
    panels: [
        Panel(id: "board", title: "Board", members: ["ann", "bob", "cy"], criteria: ["a1", "a2"], regions: All),
        Panel(id: "experts", title: "Experts", members: ["cy", "dee"], criteria: ["b1"], regions: Only(["north", "south"])),
    ],
    committee: Committee(select: 2, aggregate: Mean, tie_break: ["B", "A"], min_total: None, disagreement: 0.4),
)
"#;

/// [`SMALL_REVIEW`] in a review directory, with valid panel files:
/// `board.ron` (ann submitted with north a1 and a2; bob a draft with south
/// a1) and `experts.ron` (dee with north b1).
pub fn small_review() -> ReviewDir {
    let dir = ReviewDir::from_text(SMALL_REVIEW);
    dir.write_panel(
        "board",
        vec![
            ("ann", sheet().marks("north", &[("a1", 7.5), ("a2", 3.0)])),
            ("bob", sheet().draft().mark("south", "a1", 4.0)),
        ],
    );
    dir.write_panel("experts", vec![("dee", sheet().mark("north", "b1", 2.25))]);
    dir
}

// ---------------------------------------------------------------------------
// Randomness for the fuzz and crash tests
// ---------------------------------------------------------------------------

/// A small random generator (xorshift64*): deterministic from its seed, so
/// that a failing case can be replayed.
pub struct Rng(u64);

impl Rng {
    pub fn seeded(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    /// Seeded from `$var` when set, else randomly; prints the seed so a
    /// failure can be replayed with `var=<seed>`.
    pub fn from_env_or_random(var: &str) -> Rng {
        use std::hash::{BuildHasher, Hasher};
        let seed = std::env::var(var)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::collections::hash_map::RandomState::new()
                    .build_hasher()
                    .finish()
            });
        eprintln!("random seed: {var}={seed}");
        Rng::seeded(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Uniform in `0..max`.
    pub fn duration(&mut self, max: std::time::Duration) -> std::time::Duration {
        let nanos = max.as_nanos().max(1) as u64;
        std::time::Duration::from_nanos(self.next() % nanos)
    }
}

/// Copies a review directory's review.ron and scores/ (nothing else: no
/// results, no journals) from `from` to `to`.
pub fn copy_review(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("scores")).expect("create scores/");
    std::fs::copy(from.join("review.ron"), to.join("review.ron")).expect("copy review.ron");
    for entry in std::fs::read_dir(from.join("scores")).expect("list scores/") {
        let entry = entry.expect("a scores/ entry");
        std::fs::copy(entry.path(), to.join("scores").join(entry.file_name()))
            .expect("copy a panel file");
    }
}

/// `results` as results.ron holds them: without the individual marks,
/// which the panel files hold.
pub fn without_marks(mut results: Results) -> Results {
    for region in &mut results.regions {
        for criterion in &mut region.criteria {
            criterion.scores.clear();
        }
    }
    results
}

/// The review in `dir` merged in memory by the library, as `merge` does
/// (drafts left out): the results with every counting mark.
pub fn merged_in_memory(dir: &Path) -> Results {
    let review = panelist::store::load_review(dir).expect("review.ron loads");
    let files = panelist::store::load_inputs(&review, &[], &()).expect("panel files load");
    panelist::store::merge_inputs(&review, &files, panelist::merge::MergeOptions::default())
        .expect("the review merges")
}
