//! The two lines under a scoring screen, shared by the reviewer's and the
//! consensus screens: progress with when it last saved, and the last
//! message in the style of its tone.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::parts::{Message, Tone};
use crate::t;
use crate::text;
use crate::tui::theme::Theme;

/// What the progress line tells.
pub struct Progress {
    /// (done, due) in the region under the cursor.
    pub region: (usize, usize),
    /// (done, due) over every region.
    pub overall: (usize, usize),
    /// Changes not yet saved.
    pub unsaved: usize,
    pub last_saved: Option<jiff::Timestamp>,
}

/// The progress line: this region's and all progress, a bar, and the save.
pub fn progress_line(theme: Theme, progress: &Progress, width: u16) -> Line<'static> {
    let (scored, due) = progress.region;
    let (all_scored, all_due) = progress.overall;
    let saved = match (progress.unsaved, progress.last_saved) {
        (0, Some(at)) => t!("progress-saved", time = clock(at)),
        (0, None) => t!("progress-nothing"),
        (n, _) => t!("progress-unsaved", count = n),
    };
    let (full, empty) = theme.bar_cells();
    let cells = 10;
    let filled = (all_scored * cells).checked_div(all_due).unwrap_or(0);
    let bar = format!("{}{}", full.repeat(filled), empty.repeat(cells - filled));
    let line = t!(
        "progress-line",
        scored = scored,
        due = due,
        all_scored = all_scored,
        all_due = all_due,
        bar = bar,
        saved = saved
    );
    Line::styled(
        text::truncate(&line, width as usize, theme.ellipsis()),
        theme.dim(),
    )
}

/// A time of day in the server's time zone, as one reads a clock.
fn clock(at: jiff::Timestamp) -> String {
    let zoned = at.to_zoned(jiff::tz::TimeZone::system());
    zoned.strftime("%H:%M:%S").to_string()
}

/// The last message, in the style of its tone (a `!` before bad news, so
/// it reads without color).
pub fn message_line(theme: Theme, frame: &mut Frame, area: Rect, message: &Message) {
    let style = match message.tone {
        Tone::Info => Style::default(),
        Tone::Good => theme.ok(),
        Tone::Bad => theme.error(),
    };
    let marker = if message.tone == Tone::Bad { "! " } else { "" };
    let text = text::truncate(
        &format!("{marker}{}", message.text),
        area.width as usize,
        theme.ellipsis(),
    );
    frame.render_widget(Paragraph::new(Line::styled(text, style)), area);
}
