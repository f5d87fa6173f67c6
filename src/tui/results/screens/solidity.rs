//! How solid the selection is: a line on a region for the ranking and
//! region screens, every region's checks in rank order (`a`), and the
//! reviewers' calibration offsets (`o`). Reads the state, changes nothing;
//! every word comes from the catalogs (locales/*/analysis.ftl), most of them
//! the sentences report.md uses.
//!
//! As on the other screens, meaning never rests on color: sides of the
//! cutoff are words (`in`, `out`), a fragile region says FRAGILE, and an
//! offset's bar grows left (harsher) or right (more lenient) of a `│`.
//!
//! This file: every region's checks in rank order (`a`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::order::ChecksLayout;
use super::parts::{caret, cutoff_rule, not_analysed, region_name, sentence_box, window};
use crate::analysis::{Analysis, RegionCheck, SOLID_SHARE, Verdict, standing};
use crate::merge::RegionResult;
use crate::report::solidity::{
    boundary_line, cut_named, cutoff_line, gap, list, rank_range, reasons, reviewer_named,
    selected_share, selected_share_with_error, side, verdict_word, without,
};
use crate::report::{cutoff, points, words};
use crate::t;
use crate::text;
use crate::tui::columns::Width::{self, Len, Rest};
use crate::tui::columns::widest;
use crate::tui::columns::{Columns, Row};
use crate::tui::widgets::{self, block};

/// The columns of the regions' table after the region's name, in order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    Selected,
    Ranks,
    HangsOn,
    /// The k-th aggregate rule of `by_aggregate` (Mean, Median, TrimmedMean).
    Rule(usize),
    Calibrated,
    Verdict,
}

pub(super) const COLUMNS: [Col; 8] = [
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
pub(super) const DROPPED_FIRST: [Col; 5] = [
    Col::Ranks,
    Col::Rule(1),
    Col::Rule(2),
    Col::Calibrated,
    Col::Rule(0),
];

/// A region's name keeps at least this many columns.
pub(super) const NAME_MIN: usize = 10;

/// Who a region hangs on takes at most this many columns.
pub(super) const HANGS_ON_MAX: usize = 12;

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

/// The checks' columns shown at `width` (those that leave a region's name
/// too little room dropped, see [`DROPPED_FIRST`]), and the table's
/// columns: caret, rank, name, then a space and a check each.
fn region_columns(app: &App, analysis: &Analysis, width: usize) -> (Vec<Col>, Columns) {
    let layout = app.checks_layout(|| measured(analysis));
    let mut shown: Vec<(Col, usize)> = COLUMNS
        .iter()
        .copied()
        .zip(layout.widths.iter().copied())
        .collect();
    let layout = |shown: &[(Col, usize)], name: Width| {
        let mut widths = vec![Len(2), Len(3), Len(1), name];
        for &(_, w) in shown {
            widths.extend([Len(1), Len(w)]);
        }
        Columns::new(width, &widths)
    };
    for drop in DROPPED_FIRST {
        if layout(&shown, Rest(0)).width(3) >= NAME_MIN {
            break;
        }
        shown.retain(|c| c.0 != drop);
    }
    let longest = (app.name_width().unwrap_or(0)).max(text::width(&t!("results-col-region")));
    let name = layout(&shown, Rest(0)).width(3).min(longest);
    let columns = layout(&shown, Len(name));
    (shown.into_iter().map(|c| c.0).collect(), columns)
}

/// What the list of checks measures once per analysis: each of
/// [`COLUMNS`]' widths over every region.
fn measured(analysis: &Analysis) -> ChecksLayout {
    let checks = &analysis.regions;
    let widths = COLUMNS
        .iter()
        .map(|&col| {
            let w = widest(
                &col.header(),
                checks.iter().map(|c| col.cell(c, analysis.rounds).0),
            );
            if col == Col::HangsOn {
                w.min(HANGS_ON_MAX)
            } else {
                w
            }
        })
        .collect();
    ChecksLayout { widths }
}

/// `text` in the next column of `row`, on the side `col` reads from.
fn check_cell<'c>(row: Row<'c>, col: Col, text: &str, style: Style, ellipsis: &str) -> Row<'c> {
    if col.at_right() {
        row.gap().right(text, style, ellipsis)
    } else {
        row.gap().left(text, style, ellipsis)
    }
}

/// The header and the lines of the list that show in `height` lines: a
/// row per region in rank order with the cutoff, scrolled to the selected
/// region's.
fn table(app: &App, analysis: &Analysis, width: usize, height: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let results = app.results();
    let plain = Style::default();
    let (shown, columns) = region_columns(app, analysis, width);
    let header =
        columns
            .row()
            .gap()
            .right("#", plain, "")
            .gap()
            .left(&t!("results-col-region"), plain, "");
    let header = shown
        .iter()
        .fold(header, |row, &col| {
            check_cell(row, col, &col.header(), plain, theme.ellipsis())
        })
        .line()
        .style(theme.strong());
    let (above, n) = (cutoff(results), results.regions.len());
    // The list's lines, cheaply (`None` the cutoff's rule), and then only
    // those that show are drawn.
    let mut plan: Vec<Option<(&RegionResult, &RegionCheck)>> = Vec::with_capacity(n + 1);
    for (i, region) in results.regions.iter().enumerate() {
        if above > 0 && above < n && i == above {
            plan.push(None);
        }
        if let Some(check) = app.check(i) {
            plan.push(Some((region, check)));
        }
    }
    let on_region = app.region_result(app.cursor.region);
    let is_on = |region: &RegionResult| on_region.is_some_and(|r| std::ptr::eq(r, region));
    let selected_line = (plan.iter())
        .position(|line| line.is_some_and(|(region, _)| is_on(region)))
        .unwrap_or(0);
    let mut lines = vec![header];
    for line in &plan[window(plan.len(), selected_line, height, true)] {
        let Some((region, check)) = *line else {
            lines.push(cutoff_rule(app, width));
            continue;
        };
        let on = is_on(region);
        let row = columns
            .row()
            .spans([caret(&theme, on)])
            .right(&crate::report::words::rank(region), plain, "")
            .gap()
            .left(&region.name, plain, theme.ellipsis());
        let line = shown
            .iter()
            .fold(row, |row, &col| {
                let (value, against) = col.cell(check, analysis.rounds);
                let style = match (col, against) {
                    (Col::Verdict, true) => theme.warn().add_modifier(Modifier::BOLD),
                    (Col::Verdict, false) => theme.ok(),
                    (_, true) => theme.warn(),
                    (_, false) => plain,
                };
                check_cell(row, col, &value, style, theme.ellipsis())
            })
            .line();
        lines.push(if on {
            line.style(theme.selected())
        } else {
            line
        });
    }
    lines
}

/// Every region's checks in rank order, with the cutoff, and the selected
/// region's checks in sentences below.
pub(super) fn regions(app: &App, frame: &mut Frame, area: Rect) {
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
    let title = t!(
        "tui-solid-title",
        dot = theme.dot(),
        rounds = analysis.rounds,
        seed = analysis.seed
    );
    let selected = app.selected_regions();
    let inner = widgets::framed(
        frame,
        list_area,
        block(&theme, widgets::title(&theme, &title)).title_bottom(
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
        ),
    );
    let lines = table(app, analysis, inner.width as usize, inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
    if detail_area.height >= 3 {
        region_detail(app, analysis, frame, detail_area);
    }
}

/// The selected region's checks in sentences.
pub(super) fn region_detail(app: &App, analysis: &Analysis, frame: &mut Frame, area: Rect) {
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

/// The checks of one region in sentences, most telling first, each with
/// whether it speaks against the region's place.
pub(super) fn region_sentences(
    app: &App,
    analysis: &Analysis,
    check: &RegionCheck,
) -> Vec<(String, bool)> {
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
            share = selected_share_with_error(check, analysis.rounds),
            ranks = rank_range(check)
        ),
        check.agreement(analysis.rounds) < SOLID_SHARE,
    ));
    out.extend(grey_and_drawn(app, check));
    let hinges: Vec<String> = check
        .hangs_on
        .iter()
        .filter_map(|id| analysis.hinges.iter().find(|h| &h.reviewer == id))
        .map(|h| {
            without(
                h,
                &reviewer_named(review, &h.reviewer),
                |id| region_name(app, id),
                &analysis.tiers,
            )
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
    for boundary in &analysis.boundaries {
        let line = boundary_line(analysis, boundary, |id| region_name(app, id));
        out.push((line, false));
    }
    out.extend(zones_listed(app));
    out
}

/// Every line's grey zone, its regions named: the list report.md gives,
/// short.
fn zones_listed(app: &App) -> Vec<(String, bool)> {
    let results = app.results();
    (app.order().grey_zones.iter())
        .map(|zone| {
            let names = cut_named(&zone.regions, |id| region_name(app, id));
            let sentence = t!(
                "tui-grey-zone-list",
                line = crate::report::line_label(results, zone.line),
                count = zone.regions.len(),
                regions = list(&names)
            );
            (sentence, false)
        })
        .collect()
}

/// The grey zones the region is in (a line it could land on either side
/// of, by the resampling), and its draw when the committee's lottery drew
/// it: sentences that speak against its place.
fn grey_and_drawn(app: &App, check: &RegionCheck) -> Vec<(String, bool)> {
    let results = app.results();
    let mean = check
        .expected_rank
        .map_or_else(|| t!("tui-grey-settled"), |m| format!("{m:.1}"));
    let mut out: Vec<(String, bool)> = (app.order().grey_zones.iter())
        .filter(|zone| zone.regions.contains(&check.region))
        .map(|zone| {
            let line = crate::report::line_label(results, zone.line);
            let sentence = t!(
                "tui-grey-zone",
                line = line,
                mean = mean.as_str(),
                low = check.rank_low,
                high = check.rank_high
            );
            (sentence, true)
        })
        .collect();
    let lot = app.shown().lottery.as_ref();
    if let Some((lot, k, step)) = lot.and_then(|lot| {
        let k = lot.steps.iter().position(|s| s.region == check.region)?;
        Some((lot, k, &lot.steps[k]))
    }) {
        let status = results
            .regions
            .iter()
            .find(|r| r.region == check.region)
            .map_or_else(String::new, |r| {
                words::status(r.status, words::Form::Screen, None)
            });
        let sentence = t!(
            "tui-grey-drawn",
            seed = lot.seed.to_string(),
            draw = k + 1,
            draws = lot.steps.len(),
            position = step.position,
            status = status
        );
        out.push((sentence, true));
    }
    out
}
