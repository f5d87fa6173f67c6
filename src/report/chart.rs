//! `results.svg`: the totals as horizontal bars in rank order, coloured by
//! status, with the selection cutoff as a line between the last region in
//! and the first one out, and the minimum total as a dashed line. Drawn
//! with plotters' SVG backend; deterministic, like the rest of the report,
//! and labelled in the language of the thread that draws it.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Form, points, words};
use crate::merge::{RegionResult, Results, Status};
use crate::t;
use crate::text::{self, ELLIPSIS};

/// Pixel sizes of the chart.
pub(super) const WIDTH: u32 = 960;
pub(super) const ROW: u32 = 34;
/// Title, subtitle, axis and legend.
const CHROME: u32 = 220;
pub(super) const LABEL_AREA: u32 = 300;

const SELECTED: RGBColor = RGBColor(43, 108, 176);
const TIED: RGBColor = RGBColor(221, 107, 32);
const NOT_SELECTED: RGBColor = RGBColor(160, 174, 192);
const BELOW: RGBColor = RGBColor(226, 232, 240);
pub(super) const CUTOFF: RGBColor = RGBColor(197, 48, 48);
pub(super) const INK: RGBColor = RGBColor(26, 32, 44);
pub(super) const MUTED: RGBColor = RGBColor(74, 85, 104);

/// Where the selection cutoff falls: after this many regions in rank
/// order. It is the number of places, or fewer when fewer regions reach the
/// minimum total. When regions sharing a rank straddle it, it falls inside
/// their group (they are all `Tied`).
pub fn cutoff(results: &Results) -> usize {
    tier_cutoffs(results).last().copied().unwrap_or(0)
}

/// Where each tier ends: after this many regions in rank order, for each
/// tier in order (one, the selection's, under `select`). Regions below a
/// threshold or ineligible take no place; when fewer regions take places
/// than a tier has, it ends after the last of them.
pub fn tier_cutoffs(results: &Results) -> Vec<usize> {
    let ends: Vec<usize> = if results.rules.tiers.is_empty() {
        vec![results.rules.select as usize]
    } else {
        results
            .rules
            .tiers
            .iter()
            .scan(0usize, |end, tier| {
                *end += tier.places as usize;
                Some(*end)
            })
            .collect()
    };
    let mut taken = 0usize;
    let mut after = Vec::with_capacity(results.regions.len());
    let mut last_taking = 0usize;
    for (i, region) in results.regions.iter().enumerate() {
        if !region.status.excluded() {
            taken += 1;
            last_taking = i + 1;
        }
        after.push((taken, last_taking));
    }
    ends.iter()
        .map(|&end| {
            if end == 0 {
                return 0;
            }
            after
                .iter()
                .position(|&(taken, _)| taken >= end)
                .map_or(last_taking, |i| i + 1)
        })
        .collect()
}

/// The chart as SVG text: a bar for every region.
pub(super) fn bars(results: &Results) -> Result<String, String> {
    let mut out = String::new();
    let rows = results.regions.len().max(1) as u32;
    draw(results, &mut out, (WIDTH, CHROME + ROW * rows)).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

pub(super) type DrawResult = Result<(), Box<dyn std::error::Error>>;

pub(super) fn color(status: Status) -> RGBColor {
    match status {
        Status::Selected | Status::Drawn => SELECTED,
        Status::Tied => TIED,
        Status::NotSelected | Status::NotDrawn => NOT_SELECTED,
        Status::BelowThreshold | Status::Ineligible => BELOW,
    }
}

fn legend(status: Status, results: &Results) -> String {
    words::status(status, Form::Legend, results.rules.min_total)
}

fn draw(results: &Results, out: &mut String, size: (u32, u32)) -> DrawResult {
    let root = SVGBackend::with_string(out, size).into_drawing_area();
    root.fill(&WHITE)?;
    let n = results.regions.len();
    let max = results.rules.max_total.max(1.0);
    // Finite: maxima that `check` accepts can add up to inf, on which
    // plotters never finishes its axis.
    let max = if max.is_finite() { max } else { f64::MAX };
    let root = titled(root, results, size.0)?;
    let (plot, legend_area) = root.split_vertically(size.1 - 70);
    // Row i (from the top) spans y = top - i - 1 .. top - i; the half row
    // above the first region holds the label of the minimum.
    let top = n as f64 + 0.6;
    let row = |i: usize| top - 0.6 - i as f64;
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(30)
        .margin_left(LABEL_AREA)
        .margin_right(90)
        .x_label_area_size(44)
        .build_cartesian_2d(0f64..max, 0f64..top)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .max_light_lines(0)
        .x_labels(10)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .x_desc(t!("chart-axis", max = points(results.rules.max_total)))
        .axis_desc_style(font(15, MUTED))
        .bold_line_style(RGBColor(226, 232, 240))
        .draw()?;

    if let Some(min) = results.rules.min_total.filter(|m| (0.0..=max).contains(m)) {
        draw_minimum(&mut chart, min, top)?;
    }
    draw_bars(&mut chart, &results.regions, 0.0, max, &row)?;
    draw_cutoff(&mut chart, results, max, &row)?;
    draw_legend(results, &legend_area)?;
    root.present()?;
    Ok(())
}

/// The plot area of the chart: totals across, regions down.
pub(super) type Plot<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The minimum total, as a dashed line labelled above the first region.
fn draw_minimum(chart: &mut Plot, min: f64, top: f64) -> DrawResult {
    chart.draw_series(std::iter::once(DashedPathElement::new(
        vec![(min, 0.0), (min, top - 0.6)],
        6,
        4,
        MUTED.stroke_width(2),
    )))?;
    chart.draw_series(std::iter::once(
        EmptyElement::at((min, top - 0.3))
            + Text::new(
                t!("chart-minimum", min = points(min)),
                (0, 0),
                font(13, MUTED).pos(Pos::new(HPos::Center, VPos::Center)),
            ),
    ))?;
    Ok(())
}

/// A bar per region from `from` (the axis's start), its name on the left
/// and its total at its end.
pub(super) fn draw_bars(
    chart: &mut Plot,
    regions: &[RegionResult],
    from: f64,
    max: f64,
    row: &dyn Fn(usize) -> f64,
) -> DrawResult {
    for (i, region) in regions.iter().enumerate() {
        let (y0, y1) = (row(i) - 0.82, row(i) - 0.18);
        let mid = row(i) - 0.5;
        let total = region.total.clamp(from, max);
        chart.draw_series([
            Rectangle::new([(from, y0), (total, y1)], color(region.status).filled()),
            Rectangle::new([(from, y0), (total, y1)], NOT_SELECTED.stroke_width(1)),
        ])?;
        chart.draw_series(std::iter::once(
            EmptyElement::at((from, mid))
                + Text::new(
                    label(region),
                    (-10, 0),
                    font(15, INK).pos(Pos::new(HPos::Right, VPos::Center)),
                ),
        ))?;
        chart.draw_series(std::iter::once(
            EmptyElement::at((total, mid))
                + Rectangle::new([(3, -9), (48, 9)], WHITE.filled())
                + Text::new(
                    points(region.total),
                    (6, 0),
                    font(14, INK).pos(Pos::new(HPos::Left, VPos::Center)),
                ),
        ))?;
    }

    Ok(())
}

/// The cutoff between the last region selected and the first not, labelled.
fn draw_cutoff(
    chart: &mut Plot,
    results: &Results,
    max: f64,
    row: &dyn Fn(usize) -> f64,
) -> DrawResult {
    let n = results.regions.len();
    let cutoffs = tier_cutoffs(results);
    for (k, &above) in cutoffs.iter().enumerate() {
        if above == 0 || above >= n || cutoffs[..k].contains(&above) {
            continue;
        }
        let label = cutoff_label(results, k);
        let y = row(above - 1) - 1.0;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, y), (max, y)],
            CUTOFF.stroke_width(3),
        )))?;
        chart.draw_series(std::iter::once(
            EmptyElement::at((max, y))
                + Text::new(
                    label,
                    (-4, 4),
                    font(13, CUTOFF).pos(Pos::new(HPos::Right, VPos::Top)),
                ),
        ))?;
    }
    Ok(())
}

/// One coloured square and name per status that occurs, in a row.
pub(super) fn draw_legend<DB: DrawingBackend>(
    results: &Results,
    area: &DrawingArea<DB, plotters::coord::Shift>,
) -> DrawResult
where
    DB::ErrorType: 'static,
{
    let mut x = LABEL_AREA as i32;
    for status in [
        Status::Selected,
        Status::Tied,
        Status::NotSelected,
        Status::BelowThreshold,
        Status::Ineligible,
    ] {
        if !results.regions.iter().any(|r| r.status == status) {
            continue;
        }
        let text = legend(status, results);
        area.draw(&Rectangle::new(
            [(x, 12), (x + 14, 26)],
            color(status).filled(),
        ))?;
        area.draw(&Rectangle::new(
            [(x, 12), (x + 14, 26)],
            NOT_SELECTED.stroke_width(1),
        ))?;
        area.draw(&Text::new(
            text.clone(),
            (x + 20, 19),
            font(13, INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        // About 7 pixels a column: a Japanese character takes two.
        x += 40 + 7 * text::width(&text) as i32;
    }
    Ok(())
}

/// `root` under the chart's title and its subtitle, on a chart `width` wide.
pub(super) fn titled<'a>(
    root: DrawingArea<SVGBackend<'a>, Shift>,
    results: &Results,
    width: u32,
) -> Result<DrawingArea<SVGBackend<'a>, Shift>, DrawingAreaErrorKind<std::io::Error>> {
    let root = root.titled(
        &t!("chart-title", title = &results.title),
        ("sans-serif", 22).into_font().color(&INK),
    )?;
    root.draw(&Text::new(
        subtitle(results),
        (width as i32 / 2, 2),
        font(15, MUTED).pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    Ok(root)
}

pub(super) fn font(size: u32, color: RGBColor) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&color)
}

/// The label of the `k`th line of [`tier_cutoffs`]: the end of a tier, or
/// the selection's cutoff.
pub(super) fn cutoff_label(results: &Results, k: usize) -> String {
    if let Some(tier) = results.rules.tiers.get(k)
        && results.rules.tiers.len() > 1
    {
        return t!(
            "chart-tier-cutoff",
            title = tier.title.as_str(),
            places = tier.places
        );
    }
    let places = results.rules.select;
    if results.regions.iter().any(|r| r.status == Status::Tied) {
        t!("chart-cutoff-tie", places = places)
    } else {
        t!("chart-cutoff", places = places)
    }
}

/// A region's row label: rank and name, cut to fit the label area.
fn label(region: &RegionResult) -> String {
    let text = if region.status == Status::Ineligible {
        region.name.clone()
    } else {
        t!("chart-label", rank = region.rank, name = &region.name)
    };
    text::truncate(&text, 36, ELLIPSIS)
}

pub(super) fn subtitle(results: &Results) -> String {
    let selected = results.regions.iter().filter(|r| r.status.chosen()).count();
    let mut text = t!(
        "chart-subtitle",
        selected = selected,
        regions = results.regions.len(),
        places = results.rules.select,
        dot = DOT,
        aggregate = words::aggregate(results.rules.aggregate)
    );
    if results.rules.include_drafts {
        text.push_str(&format!(" {DOT} {}", t!("chart-drafts")));
    }
    text
}

/// The separator of the subtitle's parts (an SVG is always UTF-8).
const DOT: &str = "·";

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::merge::{MergeOptions, merge};
    use crate::model::Review;

    #[test]
    fn maxima_that_add_up_to_infinity_are_drawn() {
        // Found by the review_file fuzz target: each maximum is valid, the
        // total is inf, and `panelist merge` hung writing results.svg.
        let review: Review = ron::from_str(
            r#"Review(id: "huge", title: "Huge",
                categories: [
                    Category(id: "a", title: "A", criteria: [Criterion(id: "a1", title: "A1", max: 1.0e308)]),
                    Category(id: "b", title: "B", criteria: [Criterion(id: "b1", title: "B1", max: 1.0e308)]),
                ],
                regions: [Region(id: "x", name: "X")],
                reviewers: [Reviewer(id: "r1", name: "R1")],
                panels: [Panel(id: "p", title: "P", members: ["r1"], criteria: ["a1", "b1"], regions: All)],
                committee: Committee(select: 1),
            )"#,
        )
        .expect("review");
        let results = merge(&review, &[], MergeOptions::default()).expect("merge");
        assert_eq!(results.rules.max_total, f64::INFINITY);
        let (sent, drawn) = std::sync::mpsc::channel();
        std::thread::spawn(move || sent.send(bars(&results)));
        let svg = drawn
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("drawn within a minute")
            .expect("an SVG");
        assert!(svg.contains("<svg"), "{svg}");
    }
}
