//! The pieces the results screens share: the caret and scrolling of a
//! list, statuses and flags in a column, the cutoff rule and other labelled
//! lines, a region's neighbours in words, the criteria's numbers, and the
//! boxes of sentences the analysis screens write in.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use crate::analysis::{Verdict, standing};
use crate::merge::{CriterionResult, RegionResult, Status};
use crate::model::format_points;
use crate::report::solidity::{rules_across, selected_share, side};
use crate::report::{cutoff, points, words};
use crate::t;
use crate::text;
use crate::tui::columns::Row;
use crate::tui::columns::Width::{self, Len};
use crate::tui::theme::Theme;
use crate::tui::widgets::{self, block};

/// The caret column: the selection reads without color.
pub(super) fn caret(theme: &Theme, on: bool) -> Span<'static> {
    Span::raw(if on {
        format!("{} ", theme.caret())
    } else {
        "  ".to_string()
    })
}

/// Lines of a list with a fixed header, scrolled so that the selected line
/// shows; `selected` indexes `lines`.
pub(super) fn scrolled(
    header: Option<Line<'static>>,
    lines: Vec<Line<'static>>,
    selected: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let shown = window(lines.len(), selected, height, header.is_some());
    header
        .into_iter()
        .chain(lines.into_iter().skip(shown.start).take(shown.len()))
        .collect()
}

/// The rows of a list of `count` that [`scrolled`] shows in `height` lines
/// (one of them the header, if any): the list of every region builds only
/// these, a frame of 10,000 regions no more than one of ten.
pub(super) fn window(
    count: usize,
    selected: usize,
    height: usize,
    header: bool,
) -> std::ops::Range<usize> {
    let room = height.saturating_sub(usize::from(header)).max(1);
    let offset = (selected + 1).saturating_sub(room).min(count);
    offset..(offset + room).min(count)
}

pub(super) fn status_style(theme: &Theme, status: Status) -> Style {
    match status {
        Status::Selected | Status::Drawn => theme.ok().add_modifier(Modifier::BOLD),
        Status::Tied => theme.warn().add_modifier(Modifier::BOLD),
        Status::NotSelected | Status::NotDrawn => Style::default(),
        Status::BelowThreshold | Status::Ineligible => theme.dim(),
    }
}

/// A region's flags in a few columns: `! 3-b`, `! 3-b +1`, `incomplete`.
pub(super) fn flags_short(region: &RegionResult) -> String {
    let disagreements: Vec<&str> = region
        .flags
        .iter()
        .filter_map(|f| f.strip_prefix("disagreement:"))
        .collect();
    let incomplete = region.flags.iter().any(|f| f == "incomplete");
    let mut text = match disagreements.as_slice() {
        [] => String::new(),
        [one] => format!("! {one}"),
        [first, rest @ ..] => format!("! {first} +{}", rest.len()),
    };
    let mut add = |word: String| {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&word);
    };
    if incomplete {
        add(words::incomplete());
    }
    if region.flags.iter().any(|f| f == "unfunded") {
        add(words::flags(&["unfunded".to_string()]).concat());
    }
    text
}

/// The rule drawn where the selection cutoff falls.
pub(super) fn cutoff_rule(app: &App, width: usize) -> Line<'static> {
    let theme = app.theme;
    let results = app.results();
    let above = cutoff(results);
    let regions = &results.regions;
    let tied = regions.iter().any(|r| r.status == Status::Tied);
    let last = above.checked_sub(1).and_then(|i| regions.get(i));
    let places = results.rules.select;
    let drawn = |r: Option<&RegionResult>| {
        r.is_some_and(|r| matches!(r.status, Status::Drawn | Status::NotDrawn))
    };
    let label = match (last, regions.get(above)) {
        _ if tied => t!("results-cutoff-tie", places = places, dot = theme.dot()),
        (last, next)
            if drawn(last) && drawn(next) && last.map(|r| r.rank) == next.map(|r| r.rank) =>
        {
            t!("results-cutoff-lot", places = places, dot = theme.dot())
        }
        (Some(last), Some(next)) => t!(
            "results-cutoff-margin",
            places = places,
            dot = theme.dot(),
            margin = points(last.total - next.total)
        ),
        _ => t!("results-cutoff", places = places),
    };
    rule_line(&theme, &label, width, theme.error())
}

/// A rule across the list with `label` in it: `────── label ─────`.
pub(super) fn rule_line(theme: &Theme, label: &str, width: usize, style: Style) -> Line<'static> {
    let label = format!(" {label} ");
    let dash = if theme.unicode { "─" } else { "-" };
    let lead = dash.repeat(6);
    let rest = width.saturating_sub(6 + text::width(&label));
    Line::styled(
        text::truncate(
            &format!("{lead}{label}{}", dash.repeat(rest)),
            width,
            theme.ellipsis(),
        ),
        style,
    )
}

/// One line on a region for the ranking and region screens: its verdict
/// and the checks that make it; whether it is fragile.
pub(super) fn summary(app: &App, region: &RegionResult) -> Option<(String, bool)> {
    let analysis = app.analysis()?;
    let check = app.check(app.row_of_result(region)?)?;
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
    let other = rules_across(check, &analysis.tiers);
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

/// How solid the region's place is, in a line or two (the `a` screen
/// tells more).
pub(super) fn solidity_lines(
    app: &App,
    region: &RegionResult,
    width: u16,
    max_lines: usize,
) -> Vec<Line<'static>> {
    let theme = app.theme;
    match summary(app, region) {
        Some((text_, fragile)) => widgets::wrapped(
            &text_,
            width,
            max_lines,
            &theme,
            if fragile { theme.warn() } else { theme.dim() },
        ),
        None if app.analysing() => {
            vec![Line::styled(t!("tui-analysing-short"), theme.dim())]
        }
        None => Vec::new(),
    }
}

/// The subtotals of the top-level categories, each of its maximum.
pub(super) fn subtotals_text(app: &App, region: &RegionResult) -> String {
    let top = |id: &str| app.data.review.categories.iter().find(|c| c.id == id);
    region
        .subtotals
        .iter()
        .filter_map(|s| Some((s, top(&s.category)?)))
        .map(|(s, category)| {
            let max = category.max_total();
            format!(
                "{}: {}/{}",
                s.category,
                points(s.points),
                format_points(max)
            )
        })
        .collect::<Vec<_>>()
        .join("   ")
}

/// How far the region is from the ones ranked just above and below, and
/// what broke a tie with the one above.
pub(super) fn neighbours_text(app: &App, region: &RegionResult) -> String {
    let rows = &app.results().regions;
    let row = app.row_of_result(region);
    let Some(i) = row.and_then(|row| app.ranked_place(row)) else {
        return String::new();
    };
    let ranked = app.ranked_rows();
    let regions = |k: usize| ranked.get(k).and_then(|&row| rows.get(row));
    let mut parts = Vec::new();
    // What ordered two neighbours with equal totals, if anything did.
    let tie = |lower: &RegionResult, upper: &RegionResult| match &lower.decided_by {
        Some(category) => t!("results-tie-broken", category = category),
        None if upper.rank == lower.rank => t!("results-ex-aequo"),
        None => String::new(),
    };
    if let Some(above) = i.checked_sub(1).and_then(regions) {
        let gap = above.total - region.total;
        parts.push(gap_text(gap, false, above) + &tie(region, above));
    }
    if let Some(below) = regions(i + 1) {
        let gap = region.total - below.total;
        parts.push(gap_text(gap, true, below) + &tie(below, region));
    }
    parts.join("  ")
}

/// `2.77 ahead of Nagano (2)` (or `behind`), or `level with Nagano (2)` on
/// equal totals.
pub(super) fn gap_text(gap: f64, ahead: bool, other: &RegionResult) -> String {
    let (name, rank) = (&other.name, other.rank);
    if gap.abs() <= crate::merge::EPSILON {
        t!("results-level-with", name = name, rank = rank)
    } else if ahead {
        t!("results-ahead", gap = points(gap), name = name, rank = rank)
    } else {
        t!(
            "results-behind",
            gap = points(gap),
            name = name,
            rank = rank
        )
    }
}

/// How a criterion's score came about, and whether its spread is flagged.
pub(super) fn rule_text(
    app: &App,
    max: f64,
    step: f64,
    result: Option<&CriterionResult>,
) -> String {
    let rules = &app.results().rules;
    let limit = format_points(rules.disagreement_limit(max));
    let (max, step) = (format_points(max), format_points(step));
    let Some(c) = result.filter(|c| c.aggregate.is_some()) else {
        return t!("results-rule-no-marks", max = max, step = step);
    };
    let mut text = t!(
        "results-rule",
        max = max,
        step = step,
        aggregate = words::aggregate_in_sentence(rules.aggregate),
        marks = c.marks
    );
    if let (Some(lo), Some(hi)) = (c.min, c.max) {
        let spread = format_points(hi - lo);
        text.push_str(&if c.disagreement {
            t!("results-rule-disagreement", spread = spread, limit = limit)
        } else {
            t!("results-rule-spread", spread = spread, limit = limit)
        });
    }
    text
}

pub(super) fn truncate_line(line: Line<'static>, width: usize, theme: &Theme) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let room = width.saturating_sub(used);
        if room == 0 {
            break;
        }
        let content = text::truncate(&span.content, room, theme.ellipsis());
        used += text::width(&content);
        spans.push(Span::styled(content, span.style));
    }
    Line::from(spans)
}

/// A catalog sentence as the terminal can show it: `±` is `+/-`, `≥` is
/// `>=` and `≤` is `<=` without UTF-8 (the language is English there, so
/// nothing else is lost).
pub(super) fn shown(theme: &Theme, text_: &str) -> String {
    if theme.unicode {
        text_.to_string()
    } else {
        theme.plain(
            &text_
                .replace('\u{B1}', "+/-")
                .replace('\u{2265}', ">=")
                .replace('\u{2264}', "<="),
        )
    }
}

/// Sentences in `height` lines of `width`: all wrapped when they fit;
/// otherwise each gets a line, in order, and the lines left go to the first
/// ones that need more (a cut sentence ends in an ellipsis).
pub(super) fn sentence_lines(
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
    for r in &mut room {
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
pub(super) fn sentence_box(
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    title: Line<'static>,
    sentences: Vec<(String, bool)>,
) {
    let inner = widgets::framed(frame, area, block(theme, title));
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

/// Said instead of the screens when the results are not analysed (yet).
pub(super) fn not_analysed(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, widgets::title(&theme, &t!("solid-title"))),
    );
    let message = if app.analysing() {
        t!("tui-analysing")
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

/// A region's name by id, as the results have it.
pub(super) fn region_name(app: &App, id: &str) -> String {
    app.results()
        .regions
        .iter()
        .find(|r| r.region == id)
        .map_or_else(|| id.to_string(), |r| r.name.clone())
}

/// A criterion's numbers for a row of a table: its score, then how many
/// marks, the lowest, the highest and their spread (`-` where none).
pub(super) struct Numbers {
    pub score: String,
    pub stats: [String; 4],
    pub disagreement: bool,
    /// No counting mark: the score is `none`.
    pub missing: bool,
}

/// The widths of a score column (after a space) and of the four statistics.
pub(super) const SCORE: [Width; 2] = [Len(1), Len(7)];
pub(super) const STATS: [Width; 4] = [Len(4), Len(6), Len(6), Len(7)];

impl Numbers {
    /// The numbers of `result`; empty cells for a criterion without one.
    pub(super) fn of(result: Option<&CriterionResult>) -> Numbers {
        let Some(c) = result else {
            return Numbers {
                score: String::new(),
                stats: Default::default(),
                disagreement: false,
                missing: true,
            };
        };
        let num = |v: Option<f64>| v.map_or_else(|| "-".to_string(), format_points);
        let spread = match (c.min, c.max) {
            (Some(lo), Some(hi)) => format_points(hi - lo),
            _ => "-".into(),
        };
        Numbers {
            score: c.aggregate.map_or_else(|| t!("results-none"), points),
            stats: [c.marks.to_string(), num(c.min), num(c.max), spread],
            disagreement: c.disagreement,
            missing: c.aggregate.is_none(),
        }
    }

    /// The score's columns ([`SCORE`]) of `row`.
    pub(super) fn score<'c>(&self, row: Row<'c>, style: Style) -> Row<'c> {
        row.gap().right(&self.score, style, "")
    }

    /// The statistics' columns ([`STATS`]) of `row`.
    pub(super) fn stats<'c>(&self, row: Row<'c>, style: Style) -> Row<'c> {
        self.stats
            .iter()
            .fold(row, |row, cell| row.right(cell, style, ""))
    }
}

/// The headings of the score's columns ([`SCORE`]).
pub(super) fn score_heading(row: Row<'_>) -> Row<'_> {
    row.gap()
        .right(&t!("results-col-score"), Style::default(), "")
}

/// The headings of the statistics' columns ([`STATS`]): n, the lowest and
/// the highest counting mark, spread. Not "min" and "max", which are the
/// rubric's: a criterion's maximum, and the minimum a region needs.
pub(super) fn stats_heading(row: Row<'_>) -> Row<'_> {
    [
        "results-col-n",
        "results-col-low",
        "results-col-high",
        "results-col-spread",
    ]
    .iter()
    .fold(row, |row, key| row.right(&t!(key), Style::default(), ""))
}

/// `!` after a criterion whose marks disagree, `?` after one without marks.
pub(super) fn marker(numbers: &Numbers) -> &'static str {
    if numbers.disagreement {
        " !"
    } else if numbers.missing {
        " ?"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let text: Vec<String> = lines.iter().map(std::string::ToString::to_string).collect();
        assert_eq!(text.len(), 5, "{text:?}");
        assert_eq!(text[3], "short");
        assert!(text[4].ends_with('…'), "{text:?}");
        assert_eq!(sentence_lines(&theme, &sentences, 20, 2).len(), 2);
        assert_eq!(sentence_lines(&theme, &sentences, 20, 20).len(), 7);
    }
}
