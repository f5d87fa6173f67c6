//! The cell screen: the region and criterion, every member's mark and
//! note with their numbers, the consensus being recorded, progress.

use crate::tui::review::status_lines::{Progress, message_line, progress_line};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::App;
use super::parts::{Absent, MemberMark, RegionView, Spread};
use crate::model::format_points;
use crate::report::{points, words};
use crate::t;
use crate::text;
use crate::tui::columns::Columns;
use crate::tui::columns::Width::{Len, Rest, RestUpTo};
use crate::tui::review::parts::CriterionView;
use crate::tui::widgets::{self, block, wrapped};

/// The cell screen over `area`.
pub(super) fn cell(app: &App, frame: &mut Frame, area: Rect) {
    let (Some(region), Some(criterion)) = (app.region(), app.criterion()) else {
        let text = app.message.as_ref().map_or("", |m| m.text.as_str());
        frame.render_widget(Paragraph::new(text.to_string()), area);
        return;
    };
    let inner_width = area.width.saturating_sub(4);
    let heights = Heights::of(app, region, criterion, inner_width, area.height);
    let [head, members, consensus, progress, message, _] = Layout::vertical([
        Constraint::Length(5 + heights.guidance),
        Constraint::Length(heights.members),
        Constraint::Length(3 + heights.comment),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    head_box(
        app,
        frame,
        head,
        region,
        criterion,
        heights.guidance as usize,
    );
    if region.barred.is_some() {
        barred_box(app, frame, members, region);
    } else {
        members_box(app, frame, members);
    }
    consensus_box(app, frame, consensus, heights.comment as usize);
    frame.render_widget(
        Paragraph::new(progress_line(app.theme, &status(app), progress.width)),
        progress,
    );
    if let Some(said) = &app.message {
        message_line(app.theme, frame, message, said);
    }
}

/// Rows of the cell screen's parts: every member's row first, then the
/// comment, then the guidance, so that the essentials fit at 80×24 and
/// at the minimum size.
struct Heights {
    guidance: u16,
    members: u16,
    comment: u16,
}

impl Heights {
    fn of(
        app: &App,
        region: &RegionView,
        criterion: &CriterionView,
        width: u16,
        available: u16,
    ) -> Heights {
        let lines = |text: &str, width: u16| text::wrap(text, width as usize).len() as u16;
        let want_guidance = if criterion.guidance.is_empty() {
            0
        } else {
            lines(&criterion.guidance, width).min(3)
        };
        let want_comment = app
            .current_mark()
            .map_or(1, |m| lines(&m.note, width.saturating_sub(10)).clamp(1, 6));
        let want_members = if region.barred.is_some() {
            2 + lines(&barred_text(app, region), width).min(4)
        } else {
            2 + app.member_marks(app.pos).len().max(1) as u16
        };
        // Head (5 + guidance), consensus (3 + comment), progress and message.
        let fixed = 5 + 3 + 2;
        let mut guidance = want_guidance.min(1);
        let mut comment = 1;
        let room = available.saturating_sub(fixed + guidance + comment);
        let members = want_members.min(room).max(3);
        let mut left = room.saturating_sub(members);
        let more = (want_comment - comment).min(left);
        comment += more;
        left -= more;
        guidance += (want_guidance - guidance).min(left);
        Heights {
            guidance,
            members,
            comment,
        }
    }
}

/// The region and the criterion: where they stand, the criterion's scale,
/// category, title and guidance.
fn head_box(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    region: &RegionView,
    criterion: &CriterionView,
    guidance_lines: usize,
) {
    let theme = app.theme;
    let title = format!(
        " {} ",
        t!(
            "consensus-region-title",
            position = app.pos.region + 1,
            count = app.regions.len(),
            name = region.name,
            id = region.id
        )
    );
    let fields = region.fields.join(", ");
    let room = (area.width as usize).saturating_sub(text::width(&fields) + 6);
    let inner = widgets::framed(
        frame,
        area,
        block(
            &theme,
            Line::styled(
                text::truncate(&title, room, theme.ellipsis()),
                theme.accent(),
            ),
        )
        .title(Line::styled(format!(" {fields} "), theme.dim()).right_aligned()),
    );
    let width = inner.width as usize;
    let id = if app.nested {
        criterion.path(theme.path_separator())
    } else {
        criterion.id.clone()
    };
    let place = t!(
        "criterion-title",
        id = id,
        dot = theme.dot(),
        position = app.pos.criterion + 1,
        count = app.criteria.len()
    );
    let scale = t!(
        "criterion-scale",
        max = format_points(criterion.max),
        dot = theme.dot(),
        step = format_points(criterion.step)
    );
    let place = text::fit(
        &place,
        width.saturating_sub(text::width(&scale) + 1),
        theme.ellipsis(),
    );
    let mut lines = vec![
        Line::from(vec![
            Span::styled(place, theme.accent()),
            Span::styled(format!(" {scale}"), theme.dim()),
        ]),
        Line::styled(
            text::truncate(&criterion.category_line(), width, theme.ellipsis()),
            theme.dim(),
        ),
        Line::styled(
            text::truncate(&criterion.title, width, theme.ellipsis()),
            theme.strong(),
        ),
    ];
    lines.extend(wrapped(
        &criterion.guidance,
        inner.width,
        guidance_lines,
        &theme,
        Style::default(),
    ));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Why the writer may not record the region, and who may.
fn barred_text(app: &App, region: &RegionView) -> String {
    let cause = region.barred.as_deref().unwrap_or_default();
    let others = if app.others.is_empty() {
        t!("consensus-barred-nobody")
    } else {
        t!("consensus-barred-others", others = app.others.join(", "))
    };
    format!(
        "{}{}{others}",
        t!("consensus-barred", cause = cause),
        words::gap()
    )
}

/// In place of the members' marks on a region the writer is conflicted on.
fn barred_box(app: &App, frame: &mut Frame, area: Rect, region: &RegionView) {
    let theme = app.theme;
    let inner = widgets::framed(
        frame,
        area,
        block(
            &theme,
            Line::styled(format!(" {} ", t!("consensus-barred-title")), theme.error()),
        ),
    );
    let lines = wrapped(
        &barred_text(app, region),
        inner.width,
        inner.height as usize,
        &theme,
        theme.warn(),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Every member's mark and note on the cell, with their count, mean,
/// lowest and highest, and the disagreement flag.
fn members_box(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let rows = app.member_marks(app.pos);
    let spread = app.spread(app.pos);
    let visible = area.height.saturating_sub(2) as usize;
    let first = app.scroll.min(rows.len().saturating_sub(visible));
    let hidden = rows.len().saturating_sub(first + visible);
    let stats = spread.map(|spread| {
        t!(
            "consensus-members-stats",
            mean = points(spread.mean),
            dot = theme.dot(),
            low = format_points(spread.low),
            high = format_points(spread.high)
        )
    });
    // The count on the left gives way to the numbers on the right.
    let room =
        (area.width as usize).saturating_sub(5 + stats.as_ref().map_or(0, |s| text::width(s) + 3));
    let title = text::truncate(&members_title(&rows, spread), room, theme.ellipsis());
    let mut block = block(&theme, Line::styled(format!(" {title} "), theme.accent()));
    if let (Some(spread), Some(stats)) = (spread, stats) {
        block = block.title(Line::styled(format!(" {stats} "), theme.strong()).right_aligned());
        let spread_words = if spread.disagrees {
            t!(
                "consensus-disagreement",
                spread = format_points(spread.high - spread.low),
                limit = format_points(spread.limit)
            )
        } else {
            t!(
                "consensus-agreement",
                spread = format_points(spread.high - spread.low),
                limit = format_points(spread.limit)
            )
        };
        let style = if spread.disagrees {
            theme.warn().add_modifier(Modifier::BOLD)
        } else {
            theme.dim()
        };
        block = block.title_bottom(Line::styled(format!(" {spread_words} "), style));
    }
    if first + hidden > 0 {
        let more = t!("consensus-members-more", hidden = first + hidden);
        block = block.title_bottom(Line::styled(format!(" {more} "), theme.dim()).right_aligned());
    }
    let inner = widgets::framed(frame, area, block);
    let columns = member_columns(inner.width as usize);
    let lines: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(visible)
        .map(|row| member_line(app, &columns, row, spread))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `Members' marks: 6 of 7 (1 in a draft)`.
fn members_title(rows: &[MemberMark], spread: Option<Spread>) -> String {
    let count = spread.map_or(0, |s| s.count);
    let title = t!(
        "consensus-members-title",
        count = count,
        members = rows.len()
    );
    match spread.map_or(0, |s| s.drafts) {
        0 => title,
        drafts => title + &t!("consensus-members-drafts", drafts = drafts),
    }
}

/// The columns of a member's row: name, mark, whether in a draft, note.
fn member_columns(width: usize) -> Columns {
    let draft = text::width(&t!("consensus-draft")).max(5);
    Columns::new(
        width,
        &[
            RestUpTo(8, 24),
            Len(1),
            Len(4),
            Len(1),
            Len(draft),
            Len(1),
            Rest(8),
        ],
    )
}

/// A member's row: their name, mark (the lowest and highest of a
/// disagreement marked), draft or not, and note on one line.
fn member_line(
    app: &App,
    columns: &Columns,
    row: &MemberMark,
    spread: Option<Spread>,
) -> Line<'static> {
    let theme = app.theme;
    let plain = Style::default();
    let cells = columns.row().left(row.name, plain, theme.ellipsis()).gap();
    let Some(mark) = row.mark else {
        let why = match row.absent {
            Some(Absent::Conflict) => t!("consensus-absent-conflict"),
            Some(Absent::NoSheet) => t!("consensus-absent-no-sheet"),
            _ => t!("consensus-absent-not-marked"),
        };
        return cells
            .right("-", theme.dim(), "")
            .gap()
            .gap()
            .gap()
            .left(&why, theme.dim(), theme.ellipsis())
            .line();
    };
    let extreme = spread.is_some_and(|s| {
        s.disagrees && ((mark.points - s.low).abs() < 1e-9 || (mark.points - s.high).abs() < 1e-9)
    });
    let style = if extreme {
        theme.warn().add_modifier(Modifier::BOLD)
    } else {
        theme.strong()
    };
    let draft = if row.draft {
        t!("consensus-draft")
    } else {
        String::new()
    };
    let note = theme.plain(&mark.note.replace('\n', " "));
    cells
        .right(&format_points(mark.points), style, "")
        .gap()
        .left(&draft, theme.warn(), "")
        .gap()
        .left(&note, plain, theme.ellipsis())
        .line()
}

/// The consensus mark and comment of the cell, or what is being typed.
fn consensus_box(app: &App, frame: &mut Frame, area: Rect, comment_lines: usize) {
    let theme = app.theme;
    let inner = widgets::framed(
        frame,
        area,
        block(&theme, widgets::title(&theme, &t!("consensus-title"))),
    );
    let mark = app.current_mark();
    let barred = app.region().is_some_and(|r| r.barred.is_some());
    let max = app
        .criterion()
        .map(|c| format_points(c.max))
        .unwrap_or_default();
    let mut first = vec![Span::raw(format!("{} ", t!("mark-label")))];
    match (&app.input, mark) {
        (Some(input), _) => {
            first.push(Span::styled(format!(" {input}_ "), theme.selected()));
            first.push(Span::styled(
                format!(" {}", t!("mark-typed", max = max)),
                theme.warn(),
            ));
        }
        (None, _) if barred => {
            first.push(Span::styled(t!("mark-conflict"), theme.dim()));
        }
        (None, Some(mark)) => {
            first.push(Span::styled(
                format!("[{}]", format_points(mark.points)),
                theme.strong(),
            ));
            first.push(Span::styled(
                format!(" {}   ", t!("mark-of", max = max)),
                theme.dim(),
            ));
            first.push(if app.unsaved() > 0 {
                Span::styled(t!("mark-not-saved"), theme.error())
            } else {
                Span::styled(
                    format!("{} {}", theme.check(), t!("mark-saved")),
                    theme.ok(),
                )
            });
        }
        (None, None) => {
            first.push(Span::styled(
                format!("[{}]", theme.missing()),
                theme.strong(),
            ));
            first.push(Span::styled(
                format!(" {}", t!("consensus-mark-none", max = max)),
                theme.dim(),
            ));
        }
    }
    let mut lines = vec![Line::from(first)];
    lines.extend(comment_lines_of(app, inner.width, comment_lines));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `Comment: ...` wrapped in `room` lines, or that there is none.
fn comment_lines_of(app: &App, width: u16, room: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mark = app.current_mark();
    let comment = mark.map_or("", |m| m.note.as_str());
    if comment.is_empty() {
        let hint = if mark.is_some() {
            t!("consensus-comment-none-add")
        } else {
            t!("consensus-comment-none")
        };
        return vec![Line::styled(hint, theme.dim())];
    }
    let label = format!("{} ", t!("consensus-comment-label"));
    let indent = text::width(&label);
    let room_width = (width as usize).saturating_sub(indent);
    let body = text::clip(
        text::wrap(&theme.plain(comment), room_width),
        room,
        room_width,
        theme.ellipsis(),
    );
    body.into_iter()
        .enumerate()
        .map(|(i, line)| {
            let label = if i == 0 {
                label.clone()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![Span::styled(label, theme.dim()), Span::raw(line)])
        })
        .collect()
}

/// What the progress line tells of the screen.
fn status(app: &App) -> Progress {
    Progress {
        region: app.region_progress(app.pos.region),
        overall: app.overall_progress(),
        unsaved: app.unsaved(),
        last_saved: app.last_saved,
    }
}
