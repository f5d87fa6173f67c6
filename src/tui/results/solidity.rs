//! How solid the selection is: a line on a region for the ranking and
//! region screens, every region's checks in rank order (`a`), and the
//! reviewers' calibration offsets (`o`). Reads the state, changes nothing;
//! every word comes from the catalogs (locales/*/analysis.ftl), most of them
//! the sentences report.md uses.
//!
//! As on the other screens, meaning never rests on color: sides of the
//! cutoff are words (`in`, `out`), a fragile region says FRAGILE, and an
//! offset's bar grows left (harsher) or right (more lenient) of a `│`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::view::{caret, cutoff_rule, scrolled};
use crate::analysis::{
    self, Analysis, Reading, RegionCheck, ReviewerOffset, SOLID_SHARE, Verdict, standing,
};
use crate::merge::Status;
use crate::report::solidity::{
    cutoff_line, gap, list, rank_range, reading_word, reasons, reviewer_named, rules_across,
    selected_share, side, signed, thin_reason, verdict_word, without,
};
use crate::report::{cutoff, points, words};
use crate::t;
use crate::text;
use crate::tui::theme::Theme;
use crate::tui::widgets::block;

/// One line on a region for the ranking and region screens: its verdict
/// and the checks that make it; whether it is fragile.
pub fn summary(app: &App, region: &str) -> Option<(String, bool)> {
    let analysis = app.analysis()?;
    let check = analysis.region(region)?;
    let fragile = check.verdict == Verdict::Fragile;
    let share = selected_share(check, analysis.rounds);
    let mut parts = vec![if fragile {
        t!("tui-summary-fragile", share = share)
    } else {
        t!("tui-summary-solid", share = share)
    }];
    parts.push(if check.hangs_on.is_empty() {
        t!("tui-summary-no-hinge")
    } else {
        t!(
            "tui-summary-hangs-on",
            reviewers = check.hangs_on.join(&t!("list-separator"))
        )
    });
    let home = standing(check.status);
    let other = rules_across(check);
    parts.push(if other.is_empty() {
        t!("tui-summary-rules-agree")
    } else {
        other.join(&t!("list-separator"))
    });
    if let Some(p) = check.calibrated {
        parts.push(if standing(p.status) == home {
            t!("tui-summary-calibrated", rank = p.rank)
        } else {
            t!(
                "tui-summary-calibrated-side",
                rank = p.rank,
                side = side(p.status)
            )
        });
    }
    Some((parts.join(&format!(" {} ", app.theme.dot())), fragile))
}

// ---- Shared pieces ----

/// A catalog sentence as the terminal can show it: `±` is `+/-` without
/// UTF-8 (the language is English there, so nothing else is lost).
fn shown(theme: &Theme, text_: &str) -> String {
    if theme.unicode {
        text_.to_string()
    } else {
        theme.plain(&text_.replace('\u{B1}', "+/-"))
    }
}

/// `text` in exactly `width` columns, left or right aligned.
fn cell(theme: &Theme, text_: &str, width: usize, at_right: bool) -> String {
    let cut = text::truncate(text_, width, theme.ellipsis());
    if at_right {
        text::pad_left(&cut, width)
    } else {
        text::fit(&cut, width, "")
    }
}

/// Columns taken by the widest of a heading and its cells.
fn widest(header: &str, cells: impl Iterator<Item = String>) -> usize {
    cells
        .map(|c| text::width(&c))
        .fold(text::width(header), usize::max)
}

/// Sentences in `height` lines of `width`: all wrapped when they fit;
/// otherwise each gets a line, in order, and the lines left go to the first
/// ones that need more (a cut sentence ends in an ellipsis).
fn sentence_lines(
    theme: &Theme,
    sentences: &[(String, Style)],
    width: u16,
    height: usize,
) -> Vec<Line<'static>> {
    let wrapped: Vec<Vec<String>> = sentences
        .iter()
        .map(|(s, _)| text::wrap(s, width as usize))
        .collect();
    let mut room: Vec<usize> = vec![0; wrapped.len()];
    let mut left = height;
    for r in room.iter_mut() {
        if left == 0 {
            break;
        }
        *r = 1;
        left -= 1;
    }
    for (r, lines) in room.iter_mut().zip(&wrapped) {
        if *r == 0 {
            break;
        }
        let more = lines.len().saturating_sub(1).min(left);
        *r += more;
        left -= more;
    }
    let mut out = Vec::new();
    for ((lines, (_, style)), n) in wrapped.into_iter().zip(sentences).zip(room) {
        for line in text::clip(lines, n, width as usize, theme.ellipsis()) {
            out.push(Line::styled(line, *style));
        }
    }
    out
}

/// A box titled `title` holding `sentences` (those flagged in the warning
/// style), fitted to it by [`sentence_lines`].
fn sentence_box(
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    title: Line<'static>,
    sentences: Vec<(String, bool)>,
) {
    let outer = block(theme, title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let sentences: Vec<(String, Style)> = sentences
        .into_iter()
        .map(|(s, warn)| {
            let style = if warn { theme.warn() } else { Style::default() };
            (shown(theme, &s), style)
        })
        .collect();
    let lines = sentence_lines(theme, &sentences, inner.width, inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Said instead of the screens when the results were not analysed.
fn not_analysed(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let outer = block(
        &theme,
        Line::styled(format!(" {} ", t!("solid-title")), theme.accent()),
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let marks = analysis::counting_marks(app.results());
    let message = if !analysis::by_default(app.results()) {
        t!(
            "tui-not-analysed-large",
            marks = marks,
            limit = analysis::BY_DEFAULT_UP_TO
        )
    } else {
        t!("tui-not-analysed")
    };
    let lines = sentence_lines(
        &theme,
        &[(shown(&theme, &message), theme.strong())],
        inner.width,
        inner.height as usize,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

// ---- Regions ----

/// The columns of the regions' table after the region's name, in order.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Selected,
    Ranks,
    HangsOn,
    /// The k-th aggregate rule of `by_aggregate` (Mean, Median, TrimmedMean).
    Rule(usize),
    Calibrated,
    Verdict,
}

const COLUMNS: [Col; 8] = [
    Col::Selected,
    Col::Ranks,
    Col::HangsOn,
    Col::Rule(0),
    Col::Rule(1),
    Col::Rule(2),
    Col::Calibrated,
    Col::Verdict,
];

/// Left out, in this order, when the window is too narrow for them and a
/// readable name: the sentences below the table still say what they said.
const DROPPED_FIRST: [Col; 5] = [
    Col::Ranks,
    Col::Rule(1),
    Col::Rule(2),
    Col::Calibrated,
    Col::Rule(0),
];

/// A region's name keeps at least this many columns.
const NAME_MIN: usize = 10;
/// Who a region hangs on takes at most this many columns.
const HANGS_ON_MAX: usize = 12;

impl Col {
    fn header(self) -> String {
        match self {
            Col::Selected => t!("tui-col-selected"),
            Col::Ranks => t!("tui-col-ranks"),
            Col::HangsOn => t!("tui-col-hangs-on"),
            Col::Rule(0) => t!("tui-col-mean"),
            Col::Rule(1) => t!("tui-col-median"),
            Col::Rule(_) => t!("tui-col-trimmed"),
            Col::Calibrated => t!("tui-col-calibrated"),
            Col::Verdict => t!("tui-col-verdict"),
        }
    }

    fn at_right(self) -> bool {
        matches!(self, Col::Selected | Col::Ranks)
    }

    /// The cell of `check`, and whether it says something against the
    /// region's place (drawn as a warning, but the words say it too).
    fn cell(self, check: &RegionCheck, rounds: u32) -> (String, bool) {
        let home = standing(check.status);
        match self {
            Col::Selected => (
                selected_share(check, rounds),
                check.agreement(rounds) < SOLID_SHARE,
            ),
            Col::Ranks => (rank_range(check), false),
            Col::HangsOn if check.hangs_on.is_empty() => ("-".into(), false),
            Col::HangsOn => (check.hangs_on.join(","), true),
            Col::Rule(k) => check.by_aggregate.get(k).map_or(("-".into(), false), |r| {
                (side(r.placing.status), standing(r.placing.status) != home)
            }),
            Col::Calibrated => check.calibrated.map_or(("-".into(), false), |p| {
                (
                    t!("tui-cell-calibrated", rank = p.rank, side = side(p.status)),
                    standing(p.status) != home,
                )
            }),
            Col::Verdict => (
                verdict_word(check.verdict),
                check.verdict == Verdict::Fragile,
            ),
        }
    }
}

/// The columns shown at `width` with their widths, and the name's width.
fn region_columns(app: &App, analysis: &Analysis, width: usize) -> (Vec<(Col, usize)>, usize) {
    let checks = &analysis.regions;
    let mut columns: Vec<(Col, usize)> = COLUMNS
        .iter()
        .map(|&col| {
            let w = widest(
                &col.header(),
                checks.iter().map(|c| col.cell(c, analysis.rounds).0),
            );
            let w = if col == Col::HangsOn {
                w.min(HANGS_ON_MAX)
            } else {
                w
            };
            (col, w)
        })
        .collect();
    let longest = app
        .results()
        .regions
        .iter()
        .map(|r| text::width(&r.name))
        .fold(text::width(&t!("results-col-region")), usize::max);
    // Caret, rank and the spaces between columns.
    let name_room = |cols: &[(Col, usize)]| {
        width.saturating_sub(2 + 3 + 1 + cols.iter().map(|c| c.1 + 1).sum::<usize>())
    };
    for drop in DROPPED_FIRST {
        if name_room(&columns) >= NAME_MIN {
            break;
        }
        columns.retain(|c| c.0 != drop);
    }
    let name_w = name_room(&columns).min(longest);
    (columns, name_w)
}

/// Every region's checks in rank order, with the cutoff, and the selected
/// region's checks in sentences below.
pub fn regions(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let (Some(analysis), results) = (app.analysis(), app.results()) else {
        return not_analysed(app, frame, area);
    };
    let n = results.regions.len();
    let above = cutoff(results);
    let rule = above > 0 && above < n;
    let wanted = (n + 1 + usize::from(rule) + 2) as u16;
    let [list_area, detail_area] = Layout::vertical([
        Constraint::Length(wanted.min(area.height.saturating_sub(7.min(area.height / 3)))),
        Constraint::Min(0),
    ])
    .areas(area);
    let title = format!(
        " {} ",
        t!(
            "tui-solid-title",
            dot = theme.dot(),
            rounds = analysis.rounds,
            seed = analysis.seed
        )
    );
    let selected = results
        .regions
        .iter()
        .filter(|r| r.status == Status::Selected)
        .count();
    let outer = block(&theme, Line::styled(title, theme.accent())).title_bottom(
        Line::styled(
            format!(
                " {} ",
                t!(
                    "analysis-table-same",
                    selected = selected,
                    same = analysis.same_selection,
                    rounds = analysis.rounds
                )
            ),
            theme.dim(),
        )
        .right_aligned(),
    );
    let inner = outer.inner(list_area);
    frame.render_widget(outer, list_area);
    let width = inner.width as usize;
    let (columns, name_w) = region_columns(app, analysis, width);
    let mut header = format!(
        "  {} {}",
        text::pad_left("#", 3),
        text::fit(&t!("results-col-region"), name_w, "")
    );
    for &(col, w) in &columns {
        header.push(' ');
        header.push_str(&cell(&theme, &col.header(), w, col.at_right()));
    }
    let header = Line::styled(text::truncate(&header, width, ""), theme.strong());
    let checks = analysis.by_region();
    let mut lines = Vec::new();
    let mut selected_line = 0;
    for (i, region) in results.regions.iter().enumerate() {
        if rule && i == above {
            lines.push(cutoff_rule(app, width));
        }
        let Some(check) = checks.get(region.region.as_str()) else {
            continue;
        };
        let on = app.is_selected_region(&region.region);
        if on {
            selected_line = lines.len();
        }
        let mut spans = vec![
            caret(&theme, on),
            Span::raw(format!("{:>3} ", region.rank)),
            Span::raw(text::fit(&region.name, name_w, theme.ellipsis())),
        ];
        for &(col, w) in &columns {
            let (value, against) = col.cell(check, analysis.rounds);
            let style = match (col, against) {
                (Col::Verdict, true) => theme.warn().add_modifier(Modifier::BOLD),
                (Col::Verdict, false) => theme.ok(),
                (_, true) => theme.warn(),
                (_, false) => Style::default(),
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(cell(&theme, &value, w, col.at_right()), style));
        }
        let mut line = Line::from(spans);
        if on {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    let lines = scrolled(Some(header), lines, selected_line, inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
    if detail_area.height >= 3 {
        region_detail(app, analysis, frame, detail_area);
    }
}

/// The selected region's checks in sentences.
fn region_detail(app: &App, analysis: &Analysis, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(region) = app.region_result(app.cursor.region) else {
        return;
    };
    let Some(check) = analysis.region(&region.region) else {
        return;
    };
    let title = format!(
        " {} {} {} ",
        region.name,
        theme.dot(),
        verdict_word(check.verdict)
    );
    let style = if check.verdict == Verdict::Fragile {
        theme.warn().add_modifier(Modifier::BOLD)
    } else {
        theme.accent()
    };
    let sentences = region_sentences(app, analysis, check);
    sentence_box(&theme, frame, area, Line::styled(title, style), sentences);
}

/// A region's name by id, as the results have it.
fn region_name(app: &App, id: &str) -> String {
    app.results()
        .regions
        .iter()
        .find(|r| r.region == id)
        .map_or_else(|| id.to_string(), |r| r.name.clone())
}

/// The checks of one region in sentences, most telling first, each with
/// whether it speaks against the region's place.
fn region_sentences(app: &App, analysis: &Analysis, check: &RegionCheck) -> Vec<(String, bool)> {
    let review = &app.data.review;
    let home = standing(check.status);
    let mut out = Vec::new();
    if check.verdict == Verdict::Fragile {
        let why = reasons(analysis, check, |id| reviewer_named(review, id));
        out.push((
            t!(
                "solid-fragile-why",
                region = region_name(app, &check.region),
                reasons = why.join(&t!("reasons-separator"))
            ),
            true,
        ));
    }
    out.push((
        t!(
            "tui-solid-resampled",
            selected = check.selected,
            rounds = analysis.rounds,
            share = selected_share(check, analysis.rounds),
            ranks = rank_range(check)
        ),
        check.agreement(analysis.rounds) < SOLID_SHARE,
    ));
    let hinges: Vec<String> = check
        .hangs_on
        .iter()
        .filter_map(|id| analysis.hinges.iter().find(|h| &h.reviewer == id))
        .map(|h| {
            without(h, &reviewer_named(review, &h.reviewer), |id| {
                region_name(app, id)
            })
        })
        .collect();
    out.push(if hinges.is_empty() {
        (t!("tui-solid-no-hinge", side = side(check.status)), false)
    } else {
        (hinges.join(&gap()), true)
    });
    let rules: Vec<String> = check
        .by_aggregate
        .iter()
        .map(|r| {
            t!(
                "tui-solid-rule",
                aggregate = words::aggregate(r.aggregate),
                rank = r.placing.rank,
                side = side(r.placing.status),
                total = points(r.placing.total)
            )
        })
        .collect();
    out.push((
        t!(
            "tui-solid-rules",
            rules = list(&rules),
            aggregate = words::aggregate(analysis.aggregate)
        ),
        check
            .by_aggregate
            .iter()
            .any(|r| standing(r.placing.status) != home),
    ));
    out.push(match check.calibrated {
        Some(p) => (
            t!(
                "tui-solid-calibrated",
                rank = p.rank,
                side = side(p.status),
                total = points(p.total)
            ),
            standing(p.status) != home,
        ),
        None => (t!("analysis-table-no-calibration"), false),
    });
    if let Some(closeness) = &analysis.cutoff {
        out.push((cutoff_line(app.results(), closeness), false));
    }
    out
}

// ---- Reviewers ----

/// Cells each side of the bar's middle.
const HALF: usize = 5;
/// A reviewer's name keeps at least this many columns, or is left out (the
/// sentences below name the selected reviewer in full).
const REVIEWER_NAME_MIN: usize = 6;

/// One row of the offsets table, as text.
struct OffsetRow {
    id: String,
    name: String,
    group: String,
    marks: String,
    shared: String,
    offset: String,
    error: String,
    /// The reading with its reason, and the reading alone when that is all
    /// that fits.
    reading: String,
    word: String,
    marked: bool,
}

fn offset_row(app: &App, analysis: &Analysis, row: &ReviewerOffset) -> OffsetRow {
    let reading = row.reading();
    let word = reading_word(reading);
    let full = match row.thin {
        Some(thin) if row.offset.is_none() => t!(
            "solid-not-estimable-why",
            why = thin_reason(thin, analysis.calibration.min_shared_cells)
        ),
        _ => word.clone(),
    };
    OffsetRow {
        id: row.reviewer.clone(),
        name: app
            .data
            .review
            .reviewer(&row.reviewer)
            .map_or_else(String::new, |r| r.name.clone()),
        group: row.group.map_or_else(|| "-".to_string(), |g| g.to_string()),
        marks: row.marks.to_string(),
        shared: row.shared_cells.to_string(),
        offset: row.offset.map_or_else(|| "-".to_string(), signed),
        error: row.standard_error.map_or_else(|| "-".to_string(), points),
        reading: full,
        word,
        marked: matches!(reading, Reading::Harsh | Reading::Lenient),
    }
}

/// The widths of the offsets table: id, name, group, marks, shared,
/// offset, error, reading; 0 for a column left out.
struct OffsetWidths {
    id: usize,
    name: usize,
    group: usize,
    marks: usize,
    shared: usize,
    offset: usize,
    error: usize,
    reading: usize,
}

impl OffsetWidths {
    /// Columns taken by all but the name and the reading, with the spaces
    /// before each column (and before the reading); 0 is a column left out.
    fn fixed(&self) -> usize {
        let shown = |w: usize| if w > 0 { w + 1 } else { 0 };
        2 + self.id
            + shown(self.group)
            + shown(self.marks)
            + shown(self.shared)
            + shown(self.offset)
            + shown(self.error)
            + shown(2 * HALF + 1)
            + 1
    }
}

fn offset_widths(rows: &[OffsetRow], headers: &[String; 8], width: usize) -> OffsetWidths {
    let w = |k: usize, f: fn(&OffsetRow) -> &String| {
        widest(&headers[k], rows.iter().map(|r| f(r).clone()))
    };
    let mut widths = OffsetWidths {
        id: w(0, |r| &r.id).min(10),
        name: w(1, |r| &r.name),
        group: w(2, |r| &r.group),
        marks: w(3, |r| &r.marks),
        shared: w(4, |r| &r.shared),
        offset: w(5, |r| &r.offset),
        error: w(6, |r| &r.error),
        reading: widest(&headers[7], rows.iter().map(|r| r.word.clone())),
    };
    let word = widths.reading;
    let want_reading = widest(&headers[7], rows.iter().map(|r| r.reading.clone()));
    let longest_name = widths.name;
    // The name first, up to its longest, while a reading fits; in a narrow
    // window the name goes, then the shared cells, then the error (the
    // sentences below say all three); what is left shows the reasons.
    loop {
        let fixed = widths.fixed();
        let avail = width.saturating_sub(fixed + 1 + word);
        if avail >= REVIEWER_NAME_MIN {
            widths.name = longest_name.min(avail);
            break;
        }
        widths.name = 0;
        if fixed + word <= width {
            break;
        } else if widths.shared > 0 {
            widths.shared = 0;
        } else if widths.error > 0 {
            widths.error = 0;
        } else {
            break;
        }
    }
    let rest = width.saturating_sub(widths.fixed() + widths.name + usize::from(widths.name > 0));
    widths.reading = want_reading.min(rest).max(word.min(rest));
    widths
}

/// `-1.5 0 +1.5` over the bars.
fn scale_label(scale: f64) -> String {
    let end = crate::model::format_points(scale);
    let (left, right) = (format!("-{end}"), format!("+{end}"));
    let width = 2 * HALF + 1;
    let mut cells = vec![' '; width];
    let mut put = |at: usize, label: &str| {
        for (k, c) in label.chars().enumerate() {
            if let Some(cell) = cells.get_mut(at + k) {
                *cell = c;
            }
        }
    };
    put(0, &left);
    put(HALF, "0");
    put(width.saturating_sub(right.len()), &right);
    cells.into_iter().collect()
}

/// A bar from the middle `│`: left for a negative offset (harsher), right
/// for a positive one (more lenient), [`HALF`] cells for `scale` points.
fn diverging(offset: Option<f64>, scale: f64, unicode: bool) -> String {
    let (full, mid) = if unicode { ('█', '│') } else { ('#', '|') };
    let mut cells = vec![' '; 2 * HALF + 1];
    cells[HALF] = mid;
    if let Some(b) = offset.filter(|b| b.is_finite()) {
        let n = ((b.abs() / scale) * HALF as f64).round() as usize;
        for k in 1..=n.min(HALF) {
            if b < 0.0 {
                cells[HALF - k] = full;
            } else {
                cells[HALF + k] = full;
            }
        }
    }
    cells.into_iter().collect()
}

/// The reviewers' calibration offsets, each with a bar either side of zero,
/// and the selected reviewer's in sentences below.
pub fn offsets(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(analysis) = app.analysis() else {
        return not_analysed(app, frame, area);
    };
    let reviewers = app.offsets();
    let detail_height = 6.min(area.height / 3);
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(detail_height)]).areas(area);
    let calibration = &analysis.calibration;
    let outer = block(
        &theme,
        Line::styled(
            format!(" {} ", t!("tui-offsets-title", dot = theme.dot())),
            theme.accent(),
        ),
    )
    .title_bottom(
        Line::styled(
            format!(
                " {} ",
                t!(
                    "tui-offsets-count",
                    fitted = reviewers.iter().filter(|r| r.offset.is_some()).count(),
                    reviewers = reviewers.len(),
                    dot = theme.dot(),
                    groups = calibration.groups.len()
                )
            ),
            theme.dim(),
        )
        .right_aligned(),
    );
    let inner = outer.inner(list_area);
    frame.render_widget(outer, list_area);
    let width = inner.width as usize;
    let rows: Vec<OffsetRow> = reviewers
        .iter()
        .map(|r| offset_row(app, analysis, r))
        .collect();
    let scale = reviewers
        .iter()
        .filter_map(|r| r.offset)
        .map(f64::abs)
        .fold(0.5_f64, f64::max);
    let scale = (scale * 2.0).ceil() / 2.0;
    let headers = [
        t!("solid-col-reviewer"),
        t!("results-col-name"),
        t!("tui-col-group"),
        t!("col-marks"),
        t!("tui-col-shared"),
        t!("solid-col-offset"),
        shown(&theme, &t!("solid-col-error")),
        t!("solid-col-reading"),
    ];
    let w = offset_widths(&rows, &headers, width);
    let mut header = format!("  {}", text::fit(&headers[0], w.id, ""));
    if w.name > 0 {
        header.push(' ');
        header.push_str(&text::fit(&headers[1], w.name, ""));
    }
    for (k, width_) in [
        (2, w.group),
        (3, w.marks),
        (4, w.shared),
        (5, w.offset),
        (6, w.error),
    ] {
        if width_ > 0 {
            header.push(' ');
            header.push_str(&text::pad_left(&headers[k], width_));
        }
    }
    header.push(' ');
    header.push_str(&scale_label(scale));
    header.push(' ');
    header.push_str(&headers[7]);
    let mut lines = Vec::new();
    if calibration.why_none().is_some() {
        lines.extend(sentence_lines(
            &theme,
            &[(t!("analysis-table-no-calibration"), theme.warn())],
            inner.width,
            2,
        ));
    }
    let header = Line::styled(text::truncate(&header, width, ""), theme.strong());
    let list: Vec<Line<'static>> = rows
        .iter()
        .zip(&reviewers)
        .enumerate()
        .map(|(i, (row, offset))| {
            let on = i == app.cursor.reviewer;
            let mut spans = vec![
                caret(&theme, on),
                Span::raw(text::fit(&row.id, w.id, theme.ellipsis())),
            ];
            if w.name > 0 {
                spans.push(Span::raw(" "));
                spans.push(Span::raw(text::fit(&row.name, w.name, theme.ellipsis())));
            }
            let mut numbers = String::new();
            for (value, width_) in [
                (&row.group, w.group),
                (&row.marks, w.marks),
                (&row.shared, w.shared),
                (&row.offset, w.offset),
                (&row.error, w.error),
            ] {
                if width_ > 0 {
                    numbers.push(' ');
                    numbers.push_str(&text::pad_left(value, width_));
                }
            }
            numbers.push(' ');
            spans.push(Span::raw(numbers));
            spans.push(Span::styled(
                diverging(offset.offset, scale, theme.unicode),
                theme.accent(),
            ));
            let reading = if text::width(&row.reading) <= w.reading {
                &row.reading
            } else {
                &row.word
            };
            spans.push(Span::styled(
                format!(" {}", text::truncate(reading, w.reading, theme.ellipsis())),
                if row.marked {
                    theme.warn()
                } else {
                    theme.dim()
                },
            ));
            let line = Line::from(spans);
            if on {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    let room = (inner.height as usize).saturating_sub(lines.len());
    lines.extend(scrolled(Some(header), list, app.cursor.reviewer, room));
    frame.render_widget(Paragraph::new(lines), inner);
    if detail_area.height >= 3
        && let Some(row) = reviewers.get(app.cursor.reviewer)
    {
        reviewer_detail(app, analysis, row, frame, detail_area);
    }
}

/// The selected reviewer in sentences: their offset or why there is none,
/// what it rests on, their group, and what their marks decide.
fn reviewer_detail(
    app: &App,
    analysis: &Analysis,
    row: &ReviewerOffset,
    frame: &mut Frame,
    area: Rect,
) {
    let theme = app.theme;
    let review = &app.data.review;
    let title = Line::styled(
        format!(" {} ", reviewer_named(review, &row.reviewer)),
        theme.accent(),
    );
    let sentences = reviewer_sentences(app, analysis, row);
    sentence_box(&theme, frame, area, title, sentences);
}

fn reviewer_sentences(app: &App, analysis: &Analysis, row: &ReviewerOffset) -> Vec<(String, bool)> {
    let calibration = &analysis.calibration;
    let reading = row.reading();
    let mut out = vec![match (row.offset, row.thin) {
        (Some(b), _) => (
            t!(
                "tui-offset",
                points = points(b.abs()),
                direction = if b < 0.0 { "below" } else { "above" },
                error = row.standard_error.map_or_else(|| "?".to_string(), points),
                reading = reading_word(reading)
            ),
            matches!(reading, Reading::Harsh | Reading::Lenient),
        ),
        (None, Some(thin)) => (
            t!(
                "tui-offset-not-estimable",
                why = thin_reason(thin, calibration.min_shared_cells)
            ),
            false,
        ),
        (None, None) => (reading_word(Reading::NotEstimable), false),
    }];
    out.push((
        t!(
            "tui-offset-marks",
            marks = row.marks,
            shared = row.shared_cells,
            others = row.co_reviewers
        ),
        false,
    ));
    if let Some(hinge) = analysis.hinges.iter().find(|h| h.reviewer == row.reviewer) {
        let who = reviewer_named(&app.data.review, &row.reviewer);
        out.push((without(hinge, &who, |id| region_name(app, id)), true));
    }
    if let Some((k, group)) = row
        .group
        .and_then(|g| Some((g, calibration.groups.get((g as usize).checked_sub(1)?)?)))
    {
        out.push((
            t!(
                "solid-calibration-group",
                group = k,
                count = group.panels.len(),
                panels = list(&group.panels),
                reviewers = group.reviewers.len(),
                cells = group.cells,
                spread = group.residual_sd.map_or_else(|| "?".to_string(), points)
            ),
            false,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_grow_left_for_harsh_and_right_for_lenient() {
        assert_eq!(diverging(Some(-1.0), 1.0, true), "█████│     ");
        assert_eq!(diverging(Some(0.4), 1.0, false), "     |##   ");
        assert_eq!(diverging(None, 1.0, true), "     │     ");
        assert_eq!(diverging(Some(9.0), 1.0, false), "     |#####", "clamped");
        assert_eq!(scale_label(1.5), "-1.5 0 +1.5");
    }

    #[test]
    fn sentences_share_the_lines_first_come_first_served() {
        let theme = Theme {
            color: false,
            unicode: true,
        };
        let long = "word ".repeat(12);
        let sentences = vec![
            (long.clone(), Style::default()),
            ("short".to_string(), Style::default()),
            (long, Style::default()),
        ];
        // Wrapped at 20: 3 + 1 + 3 lines; in 5, the first keeps 3.
        let lines = sentence_lines(&theme, &sentences, 20, 5);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(text.len(), 5, "{text:?}");
        assert_eq!(text[3], "short");
        assert!(text[4].ends_with('…'), "{text:?}");
        assert_eq!(sentence_lines(&theme, &sentences, 20, 2).len(), 2);
        assert_eq!(sentence_lines(&theme, &sentences, 20, 20).len(), 7);
    }
}
