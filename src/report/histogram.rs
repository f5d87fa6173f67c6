//! `results.svg` at any size. Up to [`BARS_UP_TO`] regions it is the bar
//! chart of `chart.rs`, a bar for every region. Beyond, where bars would be
//! too thin to read, it is the distribution of the totals (a histogram,
//! each bin coloured by status) with every line the rules draw marked and
//! labelled, and below it, for each line, the regions either side as bars.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart::{
    CUTOFF, DrawResult, INK, LABEL_AREA, MUTED, ROW, WIDTH, bars, color, draw_bars, draw_legend,
    font, titled,
};
use super::lines::{self, Place};
use super::words::points;
use crate::merge::{Results, Status};
use crate::t;

/// Up to this many regions results.svg has a bar for each; beyond, the
/// histogram and the regions around each line. Sixty bars are about two
/// thousand pixels: a page or two.
pub const BARS_UP_TO: usize = 60;

/// Regions drawn either side of each line.
pub const AROUND: usize = 5;

/// About this many bins across the totals.
const BINS: f64 = 40.0;

/// Pixel heights: the histogram with its axes, a panel's title and axis,
/// the legend.
const HISTOGRAM: u32 = 460;
const PANEL: u32 = 110;
const LEGEND: u32 = 50;

/// The statuses in the order their counts are stacked.
const STATUSES: [Status; 5] = [
    Status::Selected,
    Status::Tied,
    Status::NotSelected,
    Status::BelowThreshold,
    Status::Ineligible,
];

/// The chart as SVG text.
pub fn svg(results: &Results) -> Result<String, String> {
    if results.regions.len() <= BARS_UP_TO {
        return bars(results);
    }
    let places = lines::places(results);
    let panels: u32 = places
        .iter()
        .map(|p| PANEL + ROW * lines::around(results, p.at, AROUND).len() as u32)
        .sum();
    let mut out = String::new();
    let size = (WIDTH, 60 + HISTOGRAM + panels + LEGEND);
    draw(results, &places, &mut out, size).map_err(|e| e.to_string())?;
    out.push('\n');
    Ok(out)
}

fn draw(results: &Results, places: &[Place], out: &mut String, size: (u32, u32)) -> DrawResult {
    let root = SVGBackend::with_string(out, size).into_drawing_area();
    root.fill(&WHITE)?;
    let root = titled(root, results, size.0)?;
    let (histogram, mut rest) = root.split_vertically(HISTOGRAM);
    draw_histogram(results, places, &histogram)?;
    for place in places {
        let rows = lines::around(results, place.at, AROUND).len() as u32;
        let (panel, below) = rest.split_vertically(PANEL + ROW * rows);
        draw_around(results, place, &panel)?;
        rest = below;
    }
    draw_legend(results, &rest)?;
    root.present()?;
    Ok(())
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// A round width of bin giving about [`BINS`] bins over `span` points.
fn bin_width(span: f64) -> f64 {
    let raw = span / BINS;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let scale = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * scale)
        .find(|w| *w >= raw)
        .unwrap_or(10.0 * scale)
}

/// Counts of regions per bin and status: `(start of the bins, width, counts)`.
fn binned(results: &Results) -> (f64, f64, Vec<[u32; 5]>) {
    let totals = results
        .regions
        .iter()
        .map(|r| r.total)
        .filter(|t| t.is_finite());
    let (lo, hi) = totals.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), t| {
        (lo.min(t), hi.max(t))
    });
    if lo > hi {
        return (0.0, 1.0, Vec::new());
    }
    let width = bin_width(hi - lo);
    let start = (lo / width).floor() * width;
    let count = (((hi - start) / width).floor() as usize + 1).min(10_000);
    let mut bins = vec![[0u32; 5]; count];
    for region in &results.regions {
        if !region.total.is_finite() {
            continue;
        }
        let bin = (((region.total - start) / width).floor() as usize).min(count - 1);
        let status = STATUSES
            .iter()
            .position(|s| *s == region.status)
            .unwrap_or(0);
        bins[bin][status] += 1;
    }
    (start, width, bins)
}

/// The histogram of totals with each line marked.
fn draw_histogram(results: &Results, places: &[Place], area: &Area) -> DrawResult {
    let (start, width, bins) = binned(results);
    let end = start + width * bins.len().max(1) as f64;
    let most = bins
        .iter()
        .map(|b| b.iter().sum::<u32>())
        .max()
        .unwrap_or(0);
    // Room above the highest bar for the labels of the lines.
    let top = f64::from(most.max(1)) * (1.15 + 0.08 * places.len() as f64);
    let mut chart = ChartBuilder::on(area)
        .margin_top(40)
        .margin_left(80)
        .margin_right(40)
        .x_label_area_size(44)
        .y_label_area_size(50)
        .caption(t!("chart-histogram", width = points(width)), font(16, INK))
        .build_cartesian_2d(start..end, 0f64..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .max_light_lines(0)
        .x_labels(12)
        .y_labels(6)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .x_desc(t!("chart-axis", max = points(results.rules.max_total)))
        .y_desc(t!("chart-histogram-regions"))
        .axis_desc_style(font(15, MUTED))
        .bold_line_style(RGBColor(226, 232, 240))
        .draw()?;
    for (i, bin) in bins.iter().enumerate() {
        let x0 = start + width * i as f64;
        let mut y = 0.0;
        for (k, &count) in bin.iter().enumerate() {
            if count == 0 {
                continue;
            }
            let y1 = y + f64::from(count);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, y), (x0 + width, y1)],
                color(STATUSES[k]).filled(),
            )))?;
            y = y1;
        }
    }
    let middle = (start + end) / 2.0;
    for (k, place) in places.iter().enumerate() {
        let x = place.total.clamp(start, end);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, 0.0), (x, top)],
            CUTOFF.stroke_width(3),
        )))?;
        let (pos, dx) = if x > middle {
            (HPos::Right, -6)
        } else {
            (HPos::Left, 6)
        };
        let y = top * (1.0 - 0.07 * (k as f64 + 0.3));
        chart.draw_series(std::iter::once(
            EmptyElement::at((x, y))
                + Text::new(
                    place.labels.join(" / "),
                    (dx, 0),
                    font(13, CUTOFF).pos(Pos::new(pos, VPos::Center)),
                ),
        ))?;
    }
    Ok(())
}

/// The regions either side of one line, as bars on a scale that shows
/// their differences, with the line between them.
fn draw_around(results: &Results, place: &Place, area: &Area) -> DrawResult {
    let range = lines::around(results, place.at, AROUND);
    let first = range.start;
    let Some(regions) = results.regions.get(range) else {
        return Ok(());
    };
    let (lo, hi) = regions
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.total), hi.max(r.total))
        });
    let span = (hi - lo).max(1.0);
    let from = (lo - span).max(0.0).floor();
    let to = (hi + span * 0.2).ceil().max(from + 1.0);
    if !(from.is_finite() && to.is_finite()) {
        return Ok(());
    }
    let top = regions.len() as f64 + 0.6;
    let row = |i: usize| top - 0.6 - i as f64;
    let mut chart = ChartBuilder::on(area)
        .margin_top(36)
        .margin_left(LABEL_AREA)
        .margin_right(90)
        .x_label_area_size(30)
        .caption(
            t!("chart-around", line = place.labels.join(" / ")),
            font(16, INK),
        )
        .build_cartesian_2d(from..to, 0f64..top)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .max_light_lines(0)
        .x_labels(8)
        .x_label_formatter(&|x| format!("{x:.1}"))
        .bold_line_style(RGBColor(226, 232, 240))
        .draw()?;
    draw_bars(&mut chart, regions, from, to, &row)?;
    let y = row(place.at - first - 1) - 1.0;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(from, y), (to, y)],
        CUTOFF.stroke_width(3),
    )))?;
    Ok(())
}
