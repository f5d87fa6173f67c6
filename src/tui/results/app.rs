//! The chair's results screen: its state and its one `update`. The data are
//! the committee results (drafts left out) and, once merged, those with
//! drafts counted; the screen never reads a file or merges: reading again,
//! and merging what results.ron does not hold (the individual marks, drafts
//! counted), are effects the shell performs (see [`super::Loader`]).

use super::data::{Data, FilesRead, Marks};
use super::keys::{self, Action, Mode};
use super::msg::{AnalysisRun, Effect, Msg};
use super::order::{ChecksLayout, Order};
use crate::analysis::{Analysis, ReviewerOffset};
use crate::merge::{CriterionResult, RegionResult, Results};
use crate::model::{Category, Criterion, depth_first};
use crate::report::ResultsFile;
use crate::t;
use crate::tui::theme::Theme;

/// What the screen shows, innermost last; `Back` returns to the one below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Ranking,
    /// The categories of the selected region.
    Region,
    /// The criteria of the selected category for the selected region.
    Category,
    /// The marks of the selected criterion for the selected region.
    Marks,
    /// The selected criterion across all regions.
    Across,
    /// How solid the selection is, region by region.
    Solidity,
    /// The reviewers' calibration offsets: who marks harshly or leniently.
    Offsets,
    /// How far each panel's marks could all move before the outcome changes.
    Teams,
}

/// What is selected; shared by all views, so that going back finds the
/// selection where the chair left it. Indexes are into `review.ron`'s
/// lists (stable when drafts are toggled and the ranking changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub region: usize,
    /// Into the rubric's categories at every depth, depth first
    /// ([`Review::all_categories`](crate::model::Review::all_categories)).
    pub category: usize,
    /// Into the rubric's criteria in order (all categories).
    pub criterion: usize,
    /// A row of the marks view.
    pub mark: usize,
    /// A row of the reviewers' offsets, in [`App::offsets`]' order.
    pub reviewer: usize,
    /// A row of the panels' shifts, in `review.ron`'s order of panels.
    pub panel: usize,
}

pub struct App {
    pub theme: Theme,
    pub data: Data,
    pub include_drafts: bool,
    pub stack: Vec<View>,
    pub cursor: Cursor,
    pub help: bool,
    pub message: Option<String>,
    /// The chair asked to read the files again; the shell does it.
    pub reload: bool,
    /// The chair asked to count drafts, which are not merged yet: the
    /// shell merges them, and then they show.
    wants_drafts: bool,
    /// The shell is merging the files, drafts left out, and counted.
    merging: [bool; 2],
    /// The shell is reading the panel files.
    reading: bool,
    pub quit: bool,
    /// Rows a page moves (set from the window's height).
    pub page: usize,
    /// The analysis of the results with drafts left out, and counted.
    pub runs: [AnalysisRun; 2],
    /// The rank order of the results with drafts left out, and counted:
    /// every frame and key reads it, and it changes only with the data.
    orders: [Order; 2],
    /// The layout of the list of checks of the results with drafts left
    /// out, and counted.
    pub(super) checks_layouts: [std::cell::OnceCell<ChecksLayout>; 2],
}

impl App {
    /// The screen over `data`, as `theme`'s terminal can show it. On a
    /// terminal without UTF-8 the data's Japanese shows as `?`, and the
    /// screen says once why.
    pub fn new(mut data: Data, theme: Theme) -> App {
        let unshowable = data.make_plain(&theme);
        let orders = Order::of(&data, &theme);
        let mut app = App {
            theme,
            data,
            include_drafts: false,
            stack: vec![View::Ranking],
            cursor: Cursor::default(),
            help: false,
            message: None,
            reload: false,
            wants_drafts: false,
            merging: [false; 2],
            reading: false,
            quit: false,
            page: 10,
            runs: [AnalysisRun::NotStarted; 2],
            orders,
            checks_layouts: Default::default(),
        };
        if let Some(first) = app.rank_order().first() {
            app.cursor.region = *first;
        }
        app.message = if unshowable {
            Some(t!("msg-needs-utf8"))
        } else {
            app.changed_since_merge()
        };
        app
    }

    /// Said on opening when an input file changed since results.ron was
    /// written (whose results show while only panel files did).
    fn changed_since_merge(&self) -> Option<String> {
        let changed = &self.data.changed_since_merge;
        if changed.is_empty() {
            return None;
        }
        let files: Vec<&str> = changed.iter().map(|c| c.path.as_str()).collect();
        let files = self.theme.plain(&files.join(&t!("list-separator")));
        Some(t!("results-changed-since-merge", file = files))
    }

    // ---- what the view reads ----

    pub fn view(&self) -> View {
        self.stack.last().copied().unwrap_or(View::Ranking)
    }

    /// The keymap's mode for what is on screen.
    pub fn mode(&self) -> Mode {
        if self.help {
            return Mode::Help;
        }
        match self.view() {
            View::Ranking => Mode::Ranking,
            View::Region | View::Category => Mode::Breakdown,
            View::Marks => Mode::Marks,
            View::Across => Mode::Across,
            View::Solidity => Mode::Solidity,
            View::Offsets => Mode::Offsets,
            View::Teams => Mode::Teams,
        }
    }

    pub fn results(&self) -> &Results {
        &self.shown().results
    }

    /// The results on screen with their analysis.
    pub fn shown(&self) -> &ResultsFile {
        match &self.data.with_drafts {
            // Drafts count only once merged (see `Msg::Merged`).
            Some(with_drafts) if self.include_drafts => with_drafts,
            _ => &self.data.submitted,
        }
    }

    /// Whether the results on screen hold the individual marks: those
    /// with drafts counted always do, the committee results once merged.
    pub fn marks_shown(&self) -> bool {
        self.include_drafts || self.data.marks == Marks::Merged
    }

    /// What the shell should do, if anything: read the files again when
    /// asked, and analyse the results on screen the first time they are
    /// shown (which the shell does away from the screen: the results show
    /// at once, their analysis when it comes).
    pub fn effect(&self) -> Option<Effect> {
        let unanalysed = self.shown().analysis.is_none() && self.run() == AnalysisRun::NotStarted;
        // The marks, for the marks view and for the analysis (which
        // resamples them): results.ron holds none.
        let wants_marks = !self.include_drafts
            && self.data.marks == Marks::Unread
            && (self.view() == View::Marks || unanalysed);
        if self.reload {
            Some(Effect::Reload)
        } else if self.data.files_unread() {
            // The merges, and the analysis of the marks, wait for them.
            (!self.reading).then_some(Effect::ReadFiles)
        } else if self.wants_drafts && !self.merging[1] {
            Some(Effect::Merge { drafts: true })
        } else if wants_marks && !self.merging[0] {
            Some(Effect::Merge { drafts: false })
        } else if unanalysed && self.marks_shown() {
            Some(Effect::Analyse)
        } else {
            None
        }
    }

    /// Whether the results on screen are being analysed, or their marks
    /// read and merged for the analysis.
    pub fn analysing(&self) -> bool {
        let reading = self.merging[0] || self.data.files_unread();
        self.run() == AnalysisRun::Running
            || (!self.marks_shown() && self.data.marks == Marks::Unread && reading)
    }

    /// Where the analysis of the results on screen stands.
    pub fn run(&self) -> AnalysisRun {
        self.runs[usize::from(self.include_drafts)]
    }

    /// How solid the results on screen are, if they were analysed.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.shown().analysis.as_ref()
    }

    /// The reviewers of the offsets view, in its order: by group, then
    /// harshest first; those not estimable last (as report.md lists them).
    pub fn offsets(&self) -> Vec<&ReviewerOffset> {
        let Some(analysis) = self.analysis() else {
            return Vec::new();
        };
        analysis.calibration.in_order()
    }

    /// Draft sheets found: those that count only with drafts included.
    pub fn drafts(&self) -> usize {
        self.orders[0].drafts
    }

    /// Review indexes of the regions in rank order.
    pub fn rank_order(&self) -> &[usize] {
        &self.order().regions
    }

    /// The order of the results on screen.
    pub(super) fn order(&self) -> &Order {
        &self.orders[usize::from(self.include_drafts)]
    }

    /// The place of review region `region` in the rank order.
    fn row_of(&self, region: usize) -> Option<usize> {
        let (place, _) = self.order().rows.get(region).copied().flatten()?;
        Some(place)
    }

    pub fn region_result(&self, region: usize) -> Option<&RegionResult> {
        self.results().regions.get(self.result_row(region)?)
    }

    /// The row of review region `region` in the results on screen.
    pub fn result_row(&self, region: usize) -> Option<usize> {
        let (_, row) = self.order().rows.get(region).copied().flatten()?;
        Some(row)
    }

    /// The rubric's criteria in order, with their category.
    pub fn criteria(&self) -> Vec<(&Category, &Criterion)> {
        self.data.review.criteria().collect()
    }

    /// The selected category, at any depth.
    pub fn category(&self) -> Option<&Category> {
        self.data
            .review
            .all_categories()
            .get(self.cursor.category)
            .map(|placed| placed.category)
    }

    /// The criteria of the selected category and of every category below
    /// it, depth first: the rows of the category view, from criterion
    /// [`first_criterion_of`](App::first_criterion_of) on.
    pub fn category_criteria(&self) -> Vec<&Criterion> {
        self.category().map_or_else(Vec::new, |category| {
            depth_first(std::slice::from_ref(category))
                .into_iter()
                .flat_map(|placed| placed.category.criteria.iter())
                .collect()
        })
    }

    pub fn criterion(&self) -> Option<(&Category, &Criterion)> {
        self.data.review.criteria().nth(self.cursor.criterion)
    }

    /// The global index of the first criterion of category `c` (depth
    /// first): for a category without criteria of its own, the first one
    /// below it.
    pub fn first_criterion_of(&self, c: usize) -> usize {
        self.data
            .review
            .all_categories()
            .iter()
            .take(c)
            .map(|placed| placed.category.criteria.len())
            .sum()
    }

    pub fn criterion_result(&self, region: usize, criterion: usize) -> Option<&CriterionResult> {
        let (_, c) = self.data.review.criteria().nth(criterion)?;
        self.region_result(region)?
            .criteria
            .iter()
            .find(|r| r.criterion == c.id)
    }

    /// How many rows the list of the current view has.
    fn rows(&self) -> usize {
        match self.view() {
            View::Ranking | View::Across | View::Solidity => self.data.review.regions.len(),
            View::Offsets => self.offsets().len(),
            View::Teams => self.analysis().map_or(0, |a| a.teams.len()),
            View::Region => self.data.review.all_categories().len(),
            View::Category => self.category_criteria().len(),
            View::Marks => self
                .mark_rows(self.cursor.region, self.cursor.criterion)
                .len(),
        }
    }

    /// The selected row of the current view's list.
    pub fn selected(&self) -> usize {
        match self.view() {
            View::Ranking | View::Across | View::Solidity => {
                self.row_of(self.cursor.region).unwrap_or(0)
            }
            View::Region => self.cursor.category,
            View::Category => self
                .cursor
                .criterion
                .saturating_sub(self.first_criterion_of(self.cursor.category)),
            View::Marks => self.cursor.mark,
            View::Offsets => self.cursor.reviewer,
            View::Teams => self.cursor.panel,
        }
    }

    // ---- update ----

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Key(key) => {
                if let Some(action) = keys::action_for(self.mode(), &key) {
                    self.act(action);
                }
            }
            Msg::Resized(_, height) => {
                // The rows of a list: the window less its bars, frames and
                // the detail below.
                self.page = usize::from(height).saturating_sub(12).max(1);
            }
            Msg::MergeStarted { drafts } => self.merging[usize::from(drafts)] = true,
            Msg::AnalysisStarted { drafts } => {
                self.runs[usize::from(drafts)] = AnalysisRun::Running;
            }
            Msg::Analysed { drafts, analysis } => {
                self.runs[usize::from(drafts)] = AnalysisRun::Finished;
                let data = &mut self.data;
                let file = if drafts {
                    data.with_drafts.as_mut()
                } else {
                    Some(&mut data.submitted)
                };
                let mut drawn = false;
                if let Some(file) = file {
                    file.analysis = *analysis;
                    // The committee's lottery, as merge draws it: the
                    // order of the results may change with it.
                    let before = file.lottery.is_some();
                    if let Some(problem) = super::data::draw_lottery(&data.review, file) {
                        self.message = Some(problem);
                    }
                    drawn = file.lottery.is_some() && !before;
                    if !drawn {
                        let order = &mut self.orders[usize::from(drafts)];
                        order.index_checks(&file.results, file.analysis.as_ref());
                    }
                }
                if drawn {
                    self.orders = Order::of(&self.data, &self.theme);
                }
                self.checks_layouts[usize::from(drafts)] = Default::default();
                self.clamp();
            }
            Msg::Merged { drafts, results } => self.merged(drafts, *results),
            Msg::ReadingFiles => self.reading = true,
            Msg::FilesRead(read) => self.files_read(*read),
            Msg::Loaded(result) => {
                self.reload = false;
                match *result {
                    Ok(mut data) => {
                        data.make_plain(&self.theme);
                        self.orders = Order::of(&data, &self.theme);
                        self.checks_layouts = Default::default();
                        self.data = data;
                        self.runs = [AnalysisRun::NotStarted; 2];
                        self.wants_drafts = false;
                        self.merging = [false; 2];
                        self.reading = false;
                        if self.data.with_drafts.is_none() {
                            // Counted again when merged.
                            self.include_drafts = false;
                        }
                        self.clamp();
                        self.message = Some(t!("results-reloaded"));
                    }
                    Err(reason) => {
                        let reason = self.theme.plain(&reason);
                        self.message = Some(t!("results-reload-failed", reason = reason));
                    }
                }
            }
        }
    }

    fn act(&mut self, action: Action) {
        if self.help {
            if action == Action::Back {
                self.help = false;
            }
            return;
        }
        self.message = None;
        match action {
            Action::Up => self.select(self.selected().saturating_sub(1)),
            Action::Down => self.select(self.selected() + 1),
            Action::PageUp => self.select(self.selected().saturating_sub(self.page)),
            Action::PageDown => self.select(self.selected() + self.page),
            Action::Open => self.open(),
            Action::Back if self.stack.len() > 1 => {
                self.stack.pop();
            }
            Action::NextRegion => self.step_region(1),
            Action::PrevRegion => self.step_region(-1),
            Action::NextCriterion => self.step_criterion(1),
            Action::PrevCriterion => self.step_criterion(-1),
            Action::ByCriterion => {
                if self.view() == View::Region {
                    self.set_criterion(self.first_criterion_of(self.cursor.category));
                }
                self.stack.push(View::Across);
            }
            Action::ToggleDrafts if !self.include_drafts && self.data.with_drafts.is_none() => {
                self.wants_drafts = true;
                self.message = Some(t!("results-merging-drafts"));
            }
            Action::ToggleDrafts => self.toggle_drafts(),
            Action::Solidity => self.stack.push(View::Solidity),
            Action::Offsets => self.toggle_offsets(),
            Action::Teams => self.show_teams(),
            Action::Reload => self.reload = true,
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Counts drafts, or leaves them out again, and says so.
    fn toggle_drafts(&mut self) {
        self.include_drafts = !self.include_drafts;
        self.clamp();
        let drafts = self.drafts();
        self.message = Some(if self.include_drafts {
            t!("results-drafts-on", drafts = drafts)
        } else {
            t!("results-drafts-off")
        });
    }

    /// The files merged as asked ([`Effect::Merge`]): with drafts counted,
    /// shown at once; drafts left out, their individual marks taken into
    /// the committee results on screen.
    fn merged(&mut self, drafts: bool, results: Result<Results, String>) {
        self.merging[usize::from(drafts)] = false;
        let results = match results {
            Ok(results) => results,
            Err(reason) => {
                let reason = self.theme.plain(&reason);
                self.message = Some(t!("results-merge-failed", reason = reason));
                if drafts {
                    self.wants_drafts = false;
                } else {
                    self.data.marks = Marks::Failed;
                }
                return;
            }
        };
        if drafts {
            self.wants_drafts = false;
            self.data.with_drafts = Some(ResultsFile {
                results,
                analysis: None,
                lottery: None,
            });
            self.orders = Order::of(&self.data, &self.theme);
            self.checks_layouts[1] = Default::default();
            self.runs[1] = AnalysisRun::NotStarted;
            self.toggle_drafts();
        } else {
            self.data.take_marks(results);
            self.clamp();
        }
    }

    /// The panel files read after results.ron's results showed: which of
    /// them changed since is said as on opening. Should they not read,
    /// their problem is said, and results.ron's results stay: what was
    /// merged; the marks and drafts, which they hold, cannot be merged.
    fn files_read(&mut self, read: Result<FilesRead, String>) {
        self.reading = false;
        match read {
            Ok(read) => {
                self.data.take_files(read);
                if let Some(changed) = self.changed_since_merge() {
                    self.message = Some(changed);
                }
            }
            Err(reason) => {
                let reason = self.theme.plain(&reason);
                self.message = Some(t!("results-files-failed", reason = reason.clone()));
                self.data.files = super::data::Files::Failed(reason);
                if self.data.marks == Marks::Unread {
                    self.data.marks = Marks::Failed;
                }
            }
        }
        self.clamp();
    }

    /// Selects row `row` of the current list (clamped).
    fn select(&mut self, row: usize) {
        let last = self.rows().saturating_sub(1);
        let row = row.min(last);
        match self.view() {
            View::Ranking | View::Across | View::Solidity => {
                if let Some(&region) = self.rank_order().get(row) {
                    self.cursor.region = region;
                }
            }
            View::Region => {
                self.cursor.category = row;
                self.cursor.criterion = self.first_criterion_of(row);
            }
            View::Category => {
                self.cursor.criterion = self.first_criterion_of(self.cursor.category) + row;
            }
            View::Marks => self.cursor.mark = row,
            View::Offsets => self.cursor.reviewer = row,
            View::Teams => self.cursor.panel = row,
        }
    }

    fn open(&mut self) {
        let next = match self.view() {
            View::Ranking | View::Solidity => View::Region,
            View::Region => {
                self.cursor.criterion = self.first_criterion_of(self.cursor.category);
                View::Category
            }
            View::Category | View::Across => {
                self.cursor.mark = 0;
                View::Marks
            }
            View::Marks | View::Offsets | View::Teams => return,
        };
        if self.rows() > 0 || next == View::Region {
            self.stack.push(next);
        }
    }

    /// `o`: the regions' checks and the reviewers' offsets take each
    /// other's place, so that Esc from either goes back to where `a` or `o`
    /// was pressed.
    fn toggle_offsets(&mut self) {
        let next = match self.view() {
            View::Offsets => View::Solidity,
            View::Solidity | View::Teams => View::Offsets,
            _ => {
                self.stack.push(View::Offsets);
                return;
            }
        };
        if let Some(top) = self.stack.last_mut() {
            *top = next;
        }
    }

    /// `t`: the panels' shifts over the screen it is pressed on (the
    /// regions' checks or the reviewers' offsets), to which Esc goes back.
    fn show_teams(&mut self) {
        if self.view() != View::Teams {
            self.stack.push(View::Teams);
        }
    }

    /// The next or previous region in rank order.
    fn step_region(&mut self, by: isize) {
        let order = self.rank_order();
        let Some(at) = self.row_of(self.cursor.region) else {
            return;
        };
        let next = at
            .saturating_add_signed(by)
            .min(order.len().saturating_sub(1));
        self.cursor.region = order[next];
        self.cursor.mark = 0;
    }

    fn step_criterion(&mut self, by: isize) {
        let count = self.criteria().len();
        let next = self
            .cursor
            .criterion
            .saturating_add_signed(by)
            .min(count.saturating_sub(1));
        self.set_criterion(next);
    }

    /// Selects a criterion and the category it is directly in.
    fn set_criterion(&mut self, criterion: usize) {
        self.cursor.criterion = criterion;
        let mut first = 0;
        for (c, placed) in self.data.review.all_categories().iter().enumerate() {
            let own = placed.category.criteria.len();
            if criterion < first + own {
                self.cursor.category = c;
                break;
            }
            first += own;
        }
        self.cursor.mark = 0;
    }

    /// Keeps the cursor inside the lists after the data changed.
    fn clamp(&mut self) {
        let review = &self.data.review;
        if self.cursor.region >= review.regions.len() {
            self.cursor.region = 0;
        }
        if self.cursor.category >= review.all_categories().len() {
            self.cursor.category = 0;
        }
        let criteria = review.criteria().count();
        if self.cursor.criterion >= criteria {
            self.set_criterion(0);
        }
        let marks = self
            .mark_rows(self.cursor.region, self.cursor.criterion)
            .len();
        self.cursor.mark = self.cursor.mark.min(marks.saturating_sub(1));
        let reviewers = self.offsets().len();
        self.cursor.reviewer = self.cursor.reviewer.min(reviewers.saturating_sub(1));
        let panels = self.analysis().map_or(0, |a| a.teams.len());
        self.cursor.panel = self.cursor.panel.min(panels.saturating_sub(1));
    }
}
