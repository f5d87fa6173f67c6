//! The region's profile as a small inline SVG: one bar per top-level
//! category, its subtotal against the category's maximum, labelled with
//! the title and the numbers. A few rectangles and texts written by hand:
//! plotters draws the big chart of results.svg, but these need neither
//! axes nor a backend, and inline SVG in HTML needs no namespace or file.

use std::fmt::Write;

use super::letter::Bar;
use super::markup::escape;
use crate::report::words::points;
use crate::t;
use crate::text::{ELLIPSIS, truncate};

/// The drawing's width, and where a bar's track ends (the numbers follow).
const WIDTH: f64 = 640.0;
const TRACK: f64 = 470.0;
/// One category: its title above, the bar below.
const ROW: f64 = 40.0;
/// Columns of a title at the font's size across the drawing.
const LABEL_COLUMNS: usize = 96;

const TRACK_COLOR: &str = "#e2e8f0";
const BAR_COLOR: &str = "#2b6cb0";
const INK: &str = "#1a202c";

pub(super) fn svg(bars: &[Bar]) -> String {
    let height = ROW * bars.len() as f64 + 8.0;
    let title = escape(&t!("feedback-profile"));
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg class="profile" role="img" aria-label="{title}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" font-size="12" fill="{INK}">"#
    );
    let _ = writeln!(out, "<title>{title}</title>");
    for (i, bar) in bars.iter().enumerate() {
        let top = ROW * i as f64;
        let share = if bar.max > 0.0 && bar.max.is_finite() && bar.value.is_finite() {
            (bar.value / bar.max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let label = escape(&truncate(&bar.label, LABEL_COLUMNS, ELLIPSIS));
        let numbers = escape(&t!(
            "feedback-out-of",
            value = points(bar.value),
            max = points(bar.max)
        ));
        let _ = writeln!(out, r#"<text x="0" y="{:.1}">{label}</text>"#, top + 14.0);
        let _ = writeln!(
            out,
            r#"<rect x="0" y="{:.1}" width="{TRACK:.1}" height="14" fill="{TRACK_COLOR}"/>"#,
            top + 20.0
        );
        let _ = writeln!(
            out,
            r#"<rect x="0" y="{:.1}" width="{:.1}" height="14" fill="{BAR_COLOR}"/>"#,
            top + 20.0,
            share * TRACK
        );
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}">{numbers}</text>"#,
            TRACK + 10.0,
            top + 32.0
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64, max: f64) -> Bar {
        Bar {
            label: label.into(),
            value,
            max,
        }
    }

    #[test]
    fn each_bar_is_its_share_of_the_track_with_its_numbers() {
        let svg = crate::i18n::with_lang(crate::i18n::Lang::En, || {
            svg(&[bar("Past <efforts>", 7.5, 10.0), bar("Plan", 0.0, 20.0)])
        });
        assert!(
            svg.contains(r##"width="352.5" height="14" fill="#2b6cb0""##),
            "{svg}"
        );
        assert!(
            svg.contains(r##"width="0.0" height="14" fill="#2b6cb0""##),
            "{svg}"
        );
        assert!(svg.contains(">Past &lt;efforts&gt;</text>"), "{svg}");
        assert!(svg.contains(">7.50 of 10.00</text>"), "{svg}");
        assert!(svg.contains(r#"viewBox="0 0 640 88""#), "{svg}");
    }

    #[test]
    fn a_value_beyond_its_maximum_fills_the_track_and_no_more() {
        let svg = svg(&[bar("X", 12.0, 10.0), bar("Y", f64::NAN, 10.0)]);
        assert!(
            svg.contains(r##"width="470.0" height="14" fill="#2b6cb0""##),
            "{svg}"
        );
        assert!(
            svg.contains(r##"width="0.0" height="14" fill="#2b6cb0""##),
            "{svg}"
        );
    }
}
