//! Pieces every screen draws the same way: the title bar, the footer from the
//! keymap, pop-ups, and the "window too small" notice.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph};

use super::keymap::Binding;
use super::theme::Theme;
use crate::text;

/// The smallest window the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

/// Draws the notice instead of the screen when the window is below the
/// minimum; returns whether it did.
pub fn too_small(frame: &mut Frame, theme: &Theme) -> bool {
    too_small_for(frame, theme, &crate::t!("too-small-review"))
}

/// The one-line title bar: `left` and `right` text on the bar style.
pub fn bar(frame: &mut Frame, area: Rect, theme: &Theme, left: &str, right: &str) {
    let width = area.width as usize;
    let right_w = text::width(right);
    let left = text::fit(left, width.saturating_sub(right_w + 1), theme.ellipsis());
    let line = format!("{left} {right}");
    frame.render_widget(
        Paragraph::new(text::fit(&line, width, "")).style(theme.bar()),
        area,
    );
}

/// The footer's lines at a width: `key label` pairs of `bindings` (a
/// keymap's footer for a mode).
pub fn footer_lines<'k, M: 'static, A: 'static>(
    bindings: impl Iterator<Item = &'k Binding<M, A>>,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for binding in bindings {
        let key = binding.label_for(theme.unicode);
        let item_width = text::width(key) + 1 + text::width(&binding.describe());
        let gap = if spans.is_empty() { 0 } else { 2 };
        if used + gap + item_width > width as usize && !spans.is_empty() {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        } else if gap > 0 {
            spans.push(Span::raw("  "));
            used += gap;
        }
        spans.push(Span::styled(key.to_string(), theme.accent()));
        spans.push(Span::raw(format!(" {}", binding.describe())));
        used += item_width;
    }
    if !spans.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

pub fn footer<'k, M: 'static, A: 'static>(
    frame: &mut Frame,
    area: Rect,
    bindings: impl Iterator<Item = &'k Binding<M, A>>,
    theme: &Theme,
) {
    frame.render_widget(
        Paragraph::new(footer_lines(bindings, theme, area.width)),
        area,
    );
}

/// The title of a frame: `text` with a space either side, in the accent.
pub fn title(theme: &Theme, text: &str) -> Line<'static> {
    Line::styled(format!(" {text} "), theme.accent())
}

/// The help's lines for `bindings`, two to a line: each key's label in the
/// accent, then what it does in `describe` columns. Labels take ten columns,
/// or one more than the longest (`Left/Right` on an ASCII terminal).
pub fn help_lines<M: 'static, A: 'static>(
    bindings: &[&Binding<M, A>],
    theme: &Theme,
    describe: usize,
) -> Vec<Line<'static>> {
    let label = bindings
        .iter()
        .map(|b| text::width(b.label_for(theme.unicode)) + 1)
        .fold(10, usize::max);
    bindings
        .chunks(2)
        .map(|pair| {
            let spans = pair.iter().flat_map(|binding| {
                [
                    Span::styled(
                        format!(
                            "  {}",
                            text::fit(binding.label_for(theme.unicode), label, "")
                        ),
                        theme.accent(),
                    ),
                    Span::raw(text::fit(&binding.describe(), describe, theme.ellipsis())),
                ]
            });
            Line::from(spans.collect::<Vec<_>>())
        })
        .collect()
}

/// A bordered block with a title, drawn with the theme's border characters.
pub fn block<'a>(theme: &Theme, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .padding(Padding::horizontal(1))
        .title(title)
}

/// Draws `block` (a frame with its titles) over `area` and gives the area
/// inside it, where the screen draws its content.
pub fn framed(frame: &mut Frame, area: Rect, block: Block<'_>) -> Rect {
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A centred rectangle of `width` × `height` within `area`, cleared.
pub fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    rect
}

/// Lines of wrapped text, each styled alike.
pub fn wrapped(
    text_: &str,
    width: u16,
    max_lines: usize,
    theme: &Theme,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let lines = text::wrap(text_, width as usize);
    text::clip(lines, max_lines, width as usize, theme.ellipsis())
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A paragraph of lines, left-aligned.
pub fn paragraph(lines: Vec<Line<'_>>) -> Paragraph<'_> {
    Paragraph::new(lines).alignment(Alignment::Left)
}

/// Like [`too_small`], with the last sentence of the notice chosen by the
/// screen (the chair's results have no marks to reassure about).
pub fn too_small_for(frame: &mut Frame, theme: &Theme, note: &str) -> bool {
    let area = frame.area();
    if area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT {
        return false;
    }
    let message = crate::t!(
        "too-small",
        width = area.width,
        height = area.height,
        min_width = MIN_WIDTH,
        min_height = MIN_HEIGHT,
        note = note
    );
    let lines: Vec<Line> = text::wrap(&message, area.width.max(1) as usize)
        .into_iter()
        .map(|l| Line::styled(l, theme.strong()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    true
}

/// A horizontal bar of exactly `width` columns for `value` out of `max`:
/// eighth blocks where the terminal takes UTF-8, `#` otherwise.
pub fn meter(value: f64, max: f64, width: usize, unicode: bool) -> String {
    let ratio = if max > 0.0 && value.is_finite() {
        (value / max).clamp(0.0, 1.0)
    } else {
        0.0
    };
    if !unicode {
        let full = (ratio * width as f64).round() as usize;
        return format!("{}{}", "#".repeat(full), " ".repeat(width - full));
    }
    let eighths = (ratio * width as f64 * 8.0).round() as usize;
    let (full, part) = (eighths / 8, eighths % 8);
    let mut out = "█".repeat(full);
    if part > 0 {
        out.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][part - 1]);
    }
    let used = full + usize::from(part > 0);
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}
