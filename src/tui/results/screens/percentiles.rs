//! A region's percentile within each panel that scored it, beside its
//! subtotals in the drill-down: NIH's view, labelled as never used by the
//! rules.

use ratatui::text::Line;

use super::super::app::App;
use crate::merge::RegionResult;
use crate::report::{percentile, points};
use crate::t;
use crate::tui::widgets;

/// The region's percentiles in up to three lines (two cut the second panel
/// at 80 columns; a region of two fields is within three panels); none
/// when the review has one panel, or the region is not eligible.
pub(super) fn percentile_lines(app: &App, region: &RegionResult, width: u16) -> Vec<Line<'static>> {
    if region.percentiles.is_empty() {
        return Vec::new();
    }
    let theme = app.theme;
    let panels: Vec<String> = region
        .percentiles
        .iter()
        .map(|p| {
            t!(
                "results-percentile",
                panel = &p.panel,
                percentile = percentile(p.percentile),
                sum = points(p.sum),
                regions = p.regions
            )
        })
        .collect();
    let line = t!(
        "results-percentiles",
        panels = panels.join(&t!("list-separator"))
    );
    widgets::wrapped(&theme.plain(&line), width, 3, &theme, theme.dim())
}
