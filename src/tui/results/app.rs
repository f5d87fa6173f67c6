//! The chair's results screen: its state and its one `update`. The data are
//! the committee results merged twice (drafts left out, drafts counted), so
//! that toggling drafts is instant and the screen never reads a file; reading
//! again is an effect the shell performs (see [`super::Loader`]).

use ratatui::crossterm::event::KeyEvent;

use super::data::Data;
use super::keys::{self, Action, Mode};
use super::order::Order;
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

/// One row of the marks view: a reviewer whose panel covers the cell.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkRow {
    pub reviewer: String,
    pub name: String,
    pub panel: String,
    /// The counting mark, if any.
    pub points: Option<f64>,
    pub note: String,
    /// The mark's points at its sheet's first submission, when revised since.
    pub preliminary: Option<f64>,
    /// Why there is no counting mark.
    pub absent: Option<Absent>,
}

/// Why a member of a panel that covers a cell has no counting mark for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absent {
    /// A conflict of interest on the region (declared in review.ron or a
    /// sheet).
    Conflict,
    /// The region names an institution the member is affiliated with.
    Institution(String),
    /// The member has no sheet for the panel.
    NoSheet,
    /// Their sheet is a draft, left out (`d` counts drafts).
    Draft,
    /// Their sheet does not count (an older copy of a submitted one).
    SheetNotCounted,
    /// Their counting sheet has no mark for the cell.
    NotMarked,
}

/// What comes into `update`.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// The window's size, in columns and rows.
    Resized(u16, u16),
    /// The files were read again (or could not be).
    Loaded(Box<Result<Data, String>>),
    /// The shell started analysing the results with (or without) drafts,
    /// away from the screen: the analysis comes later as [`Msg::Analysed`].
    AnalysisStarted {
        drafts: bool,
    },
    /// The results with (or without) drafts were analysed: `None` when
    /// they are too large to be by default, or the analysis failed.
    Analysed {
        drafts: bool,
        analysis: Box<Option<Analysis>>,
    },
}

/// Where the analysis of one set of results (drafts left out, or counted)
/// stands: the screen shows the results at once and the analysis when it
/// comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisRun {
    /// Not asked of the shell yet.
    #[default]
    NotStarted,
    /// The shell is analysing them.
    Running,
    /// The analysis came (or could not be made).
    Finished,
}

/// Work the app asks of the shell, which carries it out and reports back
/// with a [`Msg`]: it takes time, and `update` takes none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Read the review directory again ([`Msg::Loaded`]).
    Reload,
    /// Analyse the results on screen ([`Msg::Analysed`]).
    Analyse,
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
    pub quit: bool,
    /// Rows a page moves (set from the window's height).
    pub page: usize,
    /// The analysis of the results with drafts left out, and counted.
    pub runs: [AnalysisRun; 2],
    /// The rank order of the results with drafts left out, and counted:
    /// every frame and key reads it, and it changes only with the data.
    orders: [Order; 2],
}

impl App {
    /// The screen over `data`, as `theme`'s terminal can show it. On a
    /// terminal without UTF-8 the data's Japanese shows as `?`, and the
    /// screen says once why.
    pub fn new(mut data: Data, theme: Theme) -> App {
        let unshowable = data.make_plain(&theme);
        let orders = Order::of(&data);
        let mut app = App {
            theme,
            data,
            include_drafts: false,
            stack: vec![View::Ranking],
            cursor: Cursor::default(),
            help: false,
            message: unshowable.then(|| t!("msg-needs-utf8")),
            reload: false,
            quit: false,
            page: 10,
            runs: [AnalysisRun::NotStarted; 2],
            orders,
        };
        if let Some(first) = app.rank_order().first() {
            app.cursor.region = *first;
        }
        app
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
        if self.include_drafts {
            &self.data.with_drafts
        } else {
            &self.data.submitted
        }
    }

    /// What the shell should do, if anything: read the files again when
    /// asked, and analyse the results on screen the first time they are
    /// shown (which the shell does away from the screen: the results show
    /// at once, their analysis when it comes).
    pub fn effect(&self) -> Option<Effect> {
        if self.reload {
            Some(Effect::Reload)
        } else if self.shown().analysis.is_none() && self.run() == AnalysisRun::NotStarted {
            Some(Effect::Analyse)
        } else {
            None
        }
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
        self.data
            .with_drafts
            .results
            .sheets
            .iter()
            .filter(|s| s.counted && !s.submitted)
            .count()
    }

    /// Review indexes of the regions in rank order.
    pub fn rank_order(&self) -> &[usize] {
        &self.order().regions
    }

    fn order(&self) -> &Order {
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

    /// The widest region name of the results on screen, in columns.
    pub fn name_width(&self) -> Option<usize> {
        self.order().name_width
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

    /// Every reviewer whose panel covers (region, criterion): those with a
    /// counting mark first, highest mark first, then those without one and why.
    pub fn mark_rows(&self, region: usize, criterion: usize) -> Vec<MarkRow> {
        let review = &self.data.review;
        let (Some(region_def), Some((_, criterion_def))) =
            (review.regions.get(region), review.criteria().nth(criterion))
        else {
            return Vec::new();
        };
        let counted = self.criterion_result(region, criterion);
        let mut rows: Vec<MarkRow> = Vec::new();
        for panel in review
            .panels
            .iter()
            .filter(|p| p.covers_region(&region_def.id) && p.covers_criterion(&criterion_def.id))
        {
            let assigned = panel
                .members
                .iter()
                .filter(|m| panel.assigns(m, &region_def.id));
            for member in assigned {
                let score = counted.and_then(|c| c.scores.iter().find(|s| &s.reviewer == member));
                let absent = match score {
                    Some(_) => None,
                    None => Some(self.why_absent(&panel.id, member, &region_def.id)),
                };
                rows.push(MarkRow {
                    reviewer: member.clone(),
                    name: review
                        .reviewer(member)
                        .map_or_else(String::new, |r| r.name.clone()),
                    panel: panel.id.clone(),
                    points: score.map(|s| s.points),
                    note: score.map_or_else(String::new, |s| s.note.clone()),
                    preliminary: score.and_then(|s| s.preliminary),
                    absent,
                });
            }
        }
        rows.sort_by(|a, b| {
            b.points
                .is_some()
                .cmp(&a.points.is_some())
                .then(b.points.unwrap_or(0.0).total_cmp(&a.points.unwrap_or(0.0)))
                .then(a.reviewer.cmp(&b.reviewer))
        });
        rows
    }

    fn why_absent(&self, panel: &str, reviewer: &str, region: &str) -> Absent {
        match self
            .data
            .conflicts
            .get(&(reviewer.to_string(), region.to_string()))
        {
            Some(None) => return Absent::Conflict,
            Some(Some(institution)) => return Absent::Institution(institution.clone()),
            None => {}
        }
        let sheet = self
            .results()
            .sheets
            .iter()
            .filter(|s| s.panel == panel && s.reviewer == reviewer)
            .find(|s| s.counted)
            .or_else(|| {
                self.results()
                    .sheets
                    .iter()
                    .find(|s| s.panel == panel && s.reviewer == reviewer)
            });
        match sheet {
            None => Absent::NoSheet,
            Some(s) if !s.counted && !s.submitted => Absent::Draft,
            Some(s) if !s.counted => Absent::SheetNotCounted,
            Some(_) => Absent::NotMarked,
        }
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
            Msg::AnalysisStarted { drafts } => {
                self.runs[usize::from(drafts)] = AnalysisRun::Running;
            }
            Msg::Analysed { drafts, analysis } => {
                self.runs[usize::from(drafts)] = AnalysisRun::Finished;
                let data = &mut self.data;
                let file = if drafts {
                    &mut data.with_drafts
                } else {
                    &mut data.submitted
                };
                file.analysis = *analysis;
                // The committee's lottery, as merge draws it: the order
                // of the results may change with it.
                if let Some(problem) = super::data::draw_lottery(&data.review, file) {
                    self.message = Some(problem);
                }
                self.orders = Order::of(&self.data);
                self.clamp();
            }
            Msg::Loaded(result) => {
                self.reload = false;
                match *result {
                    Ok(mut data) => {
                        data.make_plain(&self.theme);
                        self.orders = Order::of(&data);
                        self.data = data;
                        self.runs = [AnalysisRun::NotStarted; 2];
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
            Action::ToggleDrafts => {
                self.include_drafts = !self.include_drafts;
                self.clamp();
                let drafts = self.drafts();
                self.message = Some(if self.include_drafts {
                    t!("results-drafts-on", drafts = drafts)
                } else {
                    t!("results-drafts-off")
                });
            }
            Action::Solidity => self.stack.push(View::Solidity),
            Action::Offsets => self.toggle_offsets(),
            Action::Teams => self.show_teams(),
            Action::Reload => self.reload = true,
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
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
