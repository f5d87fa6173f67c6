//! Drawing the other members' marks (a panel that reveals them, after the
//! reviewer's submission): a box on the scoring screen, the selected
//! cell's marks under the sheet summary, and every mark and note of a cell
//! in full (`o`). Reads the state, changes nothing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::discussion::{OtherMark, spread};
use crate::model::format_points;
use crate::t;
use crate::text;
use crate::tui::widgets::{self, block};

/// Columns of a member's mark, right-aligned, and the gaps after it.
const POINTS: usize = 4;
const GAP: usize = 2;
/// The most lines a note takes in the box of the scoring screen.
const NOTE_LINES: usize = 3;
/// The most columns of a region's name under the sheet summary.
const PLACE: usize = 20;

/// Rows the box of the others' marks wants on the scoring screen, borders
/// included: at the least, with a line per member, and with their notes.
/// All 0 when the cell's marks are not shown.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct BoxRows {
    pub least: u16,
    pub one_each: u16,
    pub full: u16,
}

pub(super) fn box_rows(app: &App, width: u16) -> BoxRows {
    let Some(others) = app.others_at(app.pos) else {
        return BoxRows::default();
    };
    let width = width.saturating_sub(4) as usize;
    let fixed = usize::from(problem(app).is_some())
        + usize::from(others.iter().any(|o| o.mark.is_none()))
        + usize::from(others.is_empty() || !app.panel_read());
    let marked: Vec<&OtherMark> = others.iter().filter(|o| o.mark.is_some()).collect();
    let columns = Columns::of(app, &others, width);
    let notes: usize = marked
        .iter()
        .map(|o| columns.note_lines(app, o).len().clamp(1, NOTE_LINES))
        .sum();
    let rows = |lines: usize| (lines + 2).min(u16::MAX as usize) as u16;
    BoxRows {
        least: 3,
        one_each: rows(fixed + marked.len()),
        full: rows(fixed + notes),
    }
}

/// The box of the others' marks on the cell being scored.
pub(super) fn others_box(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(others) = app.others_at(app.pos) else {
        return;
    };
    let mut titled = block(&theme, widgets::title(&theme, &t!("others-title")));
    if let Some(summary) = summary(&others) {
        titled = titled.title(Line::styled(format!(" {summary} "), theme.dim()).right_aligned());
    }
    let hint = format!(" {} ", t!("others-hint"));
    let inner = widgets::framed(
        frame,
        area,
        titled.title_bottom(Line::styled(hint, theme.dim()).right_aligned()),
    );
    let lines = lines_within(app, &others, inner.width as usize, inner.height as usize);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Under the sheet summary: the selected cell's marks of the others, in at
/// most `rows` lines (none when the reviewer may not see them yet).
pub(super) fn summary_lines(app: &App, width: usize, rows: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    if !app.reveals() || rows < 2 {
        return Vec::new();
    }
    let pos = app.summary;
    let mut lines = vec![Line::raw("")];
    let Some(others) = app.others_at(pos) else {
        if !app.conflicted(pos.region) {
            let why = t!("others-unscored");
            lines.push(Line::styled(
                text::truncate(&why, width, theme.ellipsis()),
                theme.dim(),
            ));
        }
        return lines;
    };
    let place = format!(
        "{} {} {}",
        app.regions
            .get(pos.region)
            .map_or_else(String::new, |r| text::truncate(
                &r.name,
                PLACE,
                theme.ellipsis()
            )),
        theme.dot(),
        app.criteria
            .get(pos.criterion)
            .map_or("", |c| c.id.as_str())
    );
    let head = t!(
        "others-in-sheet",
        place = place,
        summary = summary(&others).unwrap_or_default(),
        hint = t!("others-hint")
    );
    lines.push(Line::styled(
        text::truncate(&head, width, theme.ellipsis()),
        theme.strong(),
    ));
    lines.extend(lines_within(app, &others, width, rows - 2));
    lines
}

/// How many lines [`summary_lines`] would take with a line per member.
pub(super) fn summary_rows(app: &App) -> usize {
    if !app.reveals() {
        return 0;
    }
    app.others_at(app.summary).map_or(2, |others| {
        let unmarked = others.iter().any(|o| o.mark.is_none());
        let marked = others.iter().filter(|o| o.mark.is_some()).count();
        2 + marked + usize::from(unmarked) + usize::from(problem(app).is_some())
    })
}

/// Every other member's mark and note on a cell, in full, over the screen.
pub(super) fn others_view(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let Some(others) = app.others_at(app.others) else {
        return;
    };
    let place = format!(
        "{} {} {}",
        app.regions
            .get(app.others.region)
            .map_or("", |r| r.name.as_str()),
        theme.dot(),
        app.criteria
            .get(app.others.criterion)
            .map_or("", |c| c.id.as_str())
    );
    // The whole body: the notes need every row and column they can get.
    let rect = widgets::popup(frame, area, area.width, area.height);
    let title = t!("others-of-cell", place = place);
    let mut framing = block(&theme, widgets::title(&theme, &title));
    let inner = framing.inner(rect);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    if let Some(problem) = problem(app) {
        lines.push(problem_line(app, &problem, width));
    }
    if let Some(summary) = summary(&others) {
        lines.push(Line::styled(
            text::truncate(&summary, width, theme.ellipsis()),
            theme.dim(),
        ));
        lines.push(Line::raw(""));
    }
    let marked: Vec<&OtherMark> = others.iter().filter(|o| o.mark.is_some()).collect();
    // A member with a note stands apart; those without one are a line each.
    let mut spaced = false;
    for (i, other) in marked.iter().skip(app.others_first).enumerate() {
        let block = in_full(app, other, width);
        let noted = block.len() > 1;
        if i > 0 && (noted || spaced) {
            lines.push(Line::raw(""));
        }
        lines.extend(block);
        spaced = noted;
    }
    if let Some(unmarked) = unmarked_line(app, &others, width) {
        if !marked.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(unmarked);
    }
    if others.is_empty() {
        lines.push(Line::styled(t!("others-nobody"), theme.dim()));
    }
    if lines.len() > inner.height as usize {
        let more = format!(" {} ", t!("others-more-below"));
        framing = framing.title_bottom(Line::styled(more, theme.dim()).right_aligned());
    }
    frame.render_widget(framing, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One member's mark and note in full: a line for the mark (saying when
/// there is no note), the note wrapped below it.
fn in_full(app: &App, other: &OtherMark, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let Some(mark) = other.mark else {
        return Vec::new();
    };
    let state = if other.submitted {
        t!("others-submitted")
    } else {
        t!("others-draft")
    };
    let mut head = vec![
        Span::styled(
            text::pad_left(&format_points(mark.points), POINTS),
            theme.strong(),
        ),
        Span::raw(" ".repeat(GAP)),
        Span::styled(format!("{} ({})", other.name, other.id), theme.strong()),
        Span::styled(format!("  {state}"), theme.dim()),
    ];
    if let Some(first) = mark.preliminary {
        let said = t!("others-preliminary", points = format_points(first));
        head.push(Span::styled(format!("  {said}"), theme.dim()));
    }
    let note = theme.plain(&mark.note);
    if note.is_empty() {
        head.push(Span::styled(
            format!("  {}", t!("others-no-note")),
            theme.dim(),
        ));
    }
    let mut lines = vec![Line::from(head)];
    let indent = POINTS + GAP;
    if !note.is_empty() {
        for line in text::wrap(&note, width.saturating_sub(indent)) {
            lines.push(Line::raw(format!("{}{line}", " ".repeat(indent))));
        }
    }
    lines
}

/// The others' marks in at most `rows` lines: a line per member who gave
/// one (their notes wrapped as room allows), then who has not; when not
/// all fit, how many more `o` shows.
fn lines_within(app: &App, others: &[OtherMark], width: usize, rows: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mut lines = Vec::new();
    if let Some(problem) = problem(app) {
        lines.push(problem_line(app, &problem, width));
    }
    if !app.panel_read() {
        lines.push(Line::styled(t!("others-reading"), theme.dim()));
        return lines;
    }
    if others.is_empty() {
        lines.push(Line::styled(t!("others-nobody"), theme.dim()));
        return lines;
    }
    let columns = Columns::of(app, others, width);
    let marked: Vec<&OtherMark> = others.iter().filter(|o| o.mark.is_some()).collect();
    let unmarked = unmarked_line(app, others, width);
    let room = rows.saturating_sub(lines.len());
    let unmarked_rows = usize::from(unmarked.is_some());
    if marked.len() + unmarked_rows > room {
        // Not all fit: as many as do, then how many more there are.
        let shown = room.saturating_sub(1);
        for other in marked.iter().take(shown) {
            lines.extend(columns.member(app, other, 1));
        }
        let more = others.len() - shown.min(marked.len());
        lines.push(Line::styled(
            text::truncate(&t!("others-more", count = more), width, theme.ellipsis()),
            theme.dim(),
        ));
        return lines;
    }
    // Every member fits on a line: the room left goes to their notes.
    let mut spare = room - marked.len() - unmarked_rows;
    for other in &marked {
        let wanted = columns.note_lines(app, other).len().clamp(1, NOTE_LINES);
        let extra = (wanted - 1).min(spare);
        spare -= extra;
        lines.extend(columns.member(app, other, 1 + extra));
    }
    lines.extend(unmarked);
    lines
}

/// Where a member's line puts its parts: the name's and the state's
/// columns, and the note's width after them.
struct Columns {
    name: usize,
    state: usize,
    note: usize,
}

impl Columns {
    fn of(app: &App, others: &[OtherMark], width: usize) -> Columns {
        let longest = others
            .iter()
            .map(|o| text::width(&app.theme.plain(o.name)))
            .max()
            .unwrap_or(0);
        let name = longest.min(width / 3).max(4);
        let state = if others.iter().any(|o| o.mark.is_some() && !o.submitted) {
            text::width(&t!("others-draft")) + 1
        } else {
            0
        };
        let note = width.saturating_sub(POINTS + GAP + name + state + GAP);
        Columns { name, state, note }
    }

    /// The member's note as wrapped beside their mark (with the points
    /// they had at first, when they revised it).
    fn note_lines(&self, app: &App, other: &OtherMark) -> Vec<String> {
        let Some(mark) = other.mark else {
            return Vec::new();
        };
        let mut note = app.theme.plain(&mark.note.replace('\n', " "));
        if let Some(first) = mark.preliminary {
            let said = t!("others-preliminary", points = format_points(first));
            note = if note.is_empty() {
                said
            } else {
                format!("{said} {note}")
            };
        }
        text::wrap(&note, self.note.max(1))
    }

    /// A member's mark, name, state (a draft may still change) and note in
    /// `lines` lines at most.
    fn member(&self, app: &App, other: &OtherMark, lines: usize) -> Vec<Line<'static>> {
        let theme = app.theme;
        let points = other
            .mark
            .map_or_else(|| theme.missing().to_string(), |m| format_points(m.points));
        let state = if other.submitted || self.state == 0 {
            " ".repeat(self.state)
        } else {
            text::fit(&t!("others-draft"), self.state, theme.ellipsis())
        };
        let note = text::clip(
            self.note_lines(app, other),
            lines,
            self.note,
            theme.ellipsis(),
        );
        let mut out = vec![Line::from(vec![
            Span::styled(text::pad_left(&points, POINTS), theme.strong()),
            Span::raw(" ".repeat(GAP)),
            Span::raw(text::fit(
                &theme.plain(other.name),
                self.name,
                theme.ellipsis(),
            )),
            Span::raw(" "),
            Span::styled(state, theme.warn()),
            Span::raw(" ".repeat(GAP - 1)),
            Span::raw(note.first().cloned().unwrap_or_default()),
        ])];
        let indent = POINTS + GAP + self.name + 1 + self.state + GAP - 1;
        for line in note.into_iter().skip(1) {
            out.push(Line::raw(format!("{}{line}", " ".repeat(indent))));
        }
        out
    }
}

/// The members with no mark on the cell, by name, on one line (none when
/// every member gave one).
fn unmarked_line(app: &App, others: &[OtherMark], width: usize) -> Option<Line<'static>> {
    let theme = app.theme;
    let names: Vec<String> = others
        .iter()
        .filter(|o| o.mark.is_none())
        .map(|o| theme.plain(o.name))
        .collect();
    if names.is_empty() {
        return None;
    }
    let said = t!(
        "others-unmarked",
        count = names.len(),
        names = names.join(&t!("list-separator"))
    );
    Some(Line::styled(
        text::truncate(&said, width, theme.ellipsis()),
        theme.dim(),
    ))
}

/// The others' marks in short: their mean and range, and how many of the
/// members' sheets are submitted.
fn summary(others: &[OtherMark]) -> Option<String> {
    if others.is_empty() {
        return None;
    }
    let submitted = others.iter().filter(|o| o.submitted).count();
    let sheets = t!(
        "others-sheets-submitted",
        submitted = submitted,
        count = others.len()
    );
    Some(match spread(others) {
        Some((mean, low, high)) => {
            let range = if low == high {
                format_points(low)
            } else {
                format!("{}-{}", format_points(low), format_points(high))
            };
            t!(
                "others-summary",
                mean = format!("{mean:.2}"),
                range = range,
                sheets = sheets
            )
        }
        None => sheets,
    })
}

fn problem(app: &App) -> Option<String> {
    app.discussion.as_ref()?.problem.clone()
}

fn problem_line(app: &App, problem: &str, width: usize) -> Line<'static> {
    let theme = app.theme;
    let said = format!("! {}", t!("others-unreadable", reason = problem));
    Line::styled(
        text::truncate(&said, width, theme.ellipsis()),
        theme.error(),
    )
}
