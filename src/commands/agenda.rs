//! `panelist agenda`: the order in which the committee discusses the
//! regions so that members with a conflict step out as few times as
//! possible, with who leaves and who returns before each region (issue 17).
//! The meeting is read here (who attends, which regions, every conflict as
//! *Assignment* counts it); the order is `crate::agenda`'s, pure. The
//! agenda is Markdown, printed and written to `agenda.md`, the same text.

use std::path::PathBuf;

use crate::agenda::{self, Agenda, EXACT_UP_TO, Method, Moves};
use crate::model::{Index, Panel, PanelFile, Regions, Review};
use crate::report::words::{escape, list};
use crate::store::{self, RESULTS_FILE_MODE};
use crate::text::width;
use crate::{Error, config, t};

/// The file the agenda is written to, in the review directory or `--out`.
pub const AGENDA_FILE: &str = "agenda.md";

/// Lines of the agenda are kept within this many columns where they can
/// be (a name alone may be wider).
const COLUMNS: usize = 80;

/// `panelist agenda [DIR] [--panel ID]... [--out DIR]`.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    // The panels whose members attend (default: every panel that reviews
    // all regions).
    #[arg(long, value_name = "ID")]
    pub panel: Vec<String>,
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), Error> {
    let dir = config::review_dir(args.dir.as_deref())?;
    let review = store::load_review(&dir)?;
    let index = Index::new(&review.review);
    let panels = attending_panels(&index, &args.panel)?;
    let files = store::load_inputs(&review, &[], &super::progress_bar::Reading::new())?;
    let files: Vec<&PanelFile> = files.iter().map(|f| &f.file).collect();
    let meeting = Meeting::new(&index, panels, &files);
    let agenda = agenda::plan(&meeting.conflicts);
    let text = markdown(&meeting, &agenda);
    let out = args.out.unwrap_or(dir);
    std::fs::create_dir_all(&out).map_err(|e| Error::io("create", &out, e))?;
    let path = out.join(AGENDA_FILE);
    store::write_atomic_parts(&path, &[text.as_bytes()], RESULTS_FILE_MODE)?;
    crate::out!("{text}");
    // The agenda before the line on stderr, when both go to one terminal.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    crate::errln!("{}", t!("agenda-wrote", file = path.display().to_string()));
    Ok(())
}

/// The panels whose members attend: those named with `--panel`, each
/// recognised as `assign` recognises it, else every panel that reviews all
/// regions (the committee). Refused when that leaves nobody.
fn attending_panels<'a>(index: &Index<'a>, named: &[String]) -> Result<Vec<&'a Panel>, Error> {
    let review = index.review;
    let mut panels: Vec<&'a Panel> = Vec::new();
    if named.is_empty() {
        panels.extend(
            review
                .panels
                .iter()
                .filter(|p| matches!(p.regions, Regions::All)),
        );
    }
    for id in named {
        let panel = super::known::known(
            "kind-panel",
            id,
            index.panel(id),
            review.panels.iter().map(|p| p.id.as_str()),
        )?;
        if !panels.iter().any(|p| p.id == panel.id) {
            panels.push(panel);
        }
    }
    if panels.iter().all(|p| p.members.is_empty()) {
        let ids: Vec<&str> = review.panels.iter().map(|p| p.id.as_str()).collect();
        return Err(Error::Refused(t!(
            "agenda-no-members",
            panels = ids.join(", ")
        )));
    }
    Ok(panels)
}

/// Who meets on what: the members attending, the regions to discuss and
/// who is conflicted on each.
struct Meeting<'a> {
    index: &'a Index<'a>,
    files: &'a [&'a PanelFile],
    panels: Vec<&'a Panel>,
    /// The members of the panels, in the panels' order, each once.
    members: Vec<&'a str>,
    /// The eligible regions in `review.ron` order (indices into the
    /// review's regions): the items of the agenda.
    regions: Vec<usize>,
    /// The ineligible regions, which are not discussed.
    left_out: Vec<usize>,
    /// For each item, the members (indices into `members`) conflicted on
    /// it.
    conflicts: Vec<Vec<usize>>,
}

impl<'a> Meeting<'a> {
    fn new(index: &'a Index<'a>, panels: Vec<&'a Panel>, files: &'a [&'a PanelFile]) -> Self {
        let review = index.review;
        let mut members: Vec<&'a str> = Vec::new();
        for member in panels.iter().flat_map(|p| &p.members) {
            if !members.contains(&member.as_str()) {
                members.push(member);
            }
        }
        let (regions, left_out): (Vec<usize>, Vec<usize>) =
            (0..review.regions.len()).partition(|&r| review.admits(&review.regions[r]));
        let mut conflicts = vec![Vec::new(); regions.len()];
        for (m, member) in members.iter().enumerate() {
            for r in crate::assign::conflicted_regions(index, member, files) {
                if let Ok(item) = regions.binary_search(&r) {
                    conflicts[item].push(m);
                }
            }
        }
        Meeting {
            index,
            files,
            panels,
            members,
            regions,
            left_out,
            conflicts,
        }
    }

    fn review(&self) -> &'a Review {
        self.index.review
    }

    /// "H. Kobayashi (kobayashi)", escaped for Markdown.
    fn member(&self, m: usize) -> String {
        let id = self.members[m];
        let name = self.index.reviewer(id).map_or(id, |r| r.name.as_str());
        escape(&t!("agenda-member", name = name, id = id))
    }
}

/// The agenda in Markdown: the title, who attends, how good the order is
/// and how it was found, then the regions in order with who leaves and who
/// returns before each, and who returns after the last.
fn markdown(meeting: &Meeting, agenda: &Agenda) -> String {
    let review = meeting.review();
    // A Setext heading: a long title may take several lines.
    let mut lines = crate::text::wrap(
        &escape(&t!("agenda-title", title = review.title.as_str())),
        COLUMNS,
    );
    let underline = lines.iter().map(|line| width(line)).max().unwrap_or(0);
    lines.push("=".repeat(underline.max(3)));
    lines.push(String::new());
    lines.extend(attending(meeting));
    lines.push(String::new());
    for line in summary(meeting, agenda) {
        lines.extend(bullet("", &line));
    }
    lines.push(String::new());
    if meeting.regions.is_empty() {
        lines.push(t!("agenda-no-regions"));
    }
    let moves = agenda::moves(&meeting.conflicts, &agenda.order);
    for (at, (&item, moves)) in agenda.order.iter().zip(&moves).enumerate() {
        let region = &review.regions[meeting.regions[item]];
        let number = format!("{}. ", at + 1);
        lines.push(format!(
            "{number}{}",
            escape(&t!(
                "agenda-region",
                name = region.name.as_str(),
                id = region.id.as_str()
            ))
        ));
        let indent = " ".repeat(number.len());
        for line in moves_lines(meeting, item, moves) {
            lines.extend(bullet(&indent, &line));
        }
    }
    if let Some(last) = moves.last().filter(|m| !m.back.is_empty()) {
        lines.push(String::new());
        lines.push(t!("agenda-after-last"));
        lines.push(String::new());
        for line in returns_lines(meeting, &last.back) {
            lines.extend(bullet("", &line));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Who attends: the sentence, then the members, as many on a line as fit.
fn attending(meeting: &Meeting) -> Vec<String> {
    let panels: Vec<String> = meeting
        .panels
        .iter()
        .map(|p| {
            escape(if p.title.trim().is_empty() {
                &p.id
            } else {
                &p.title
            })
        })
        .collect();
    let members: Vec<String> = (0..meeting.members.len())
        .map(|m| meeting.member(m))
        .collect();
    let mut lines = vec![t!(
        "agenda-attending",
        count = members.len(),
        panels = list(&panels)
    )];
    lines.extend(fill(&members, &t!("list-separator"), COLUMNS));
    lines
}

/// How many regions, how many exits against review order and the bound,
/// and the method, one line each.
fn summary(meeting: &Meeting, agenda: &Agenda) -> Vec<String> {
    let review = meeting.review();
    let regions = if meeting.left_out.is_empty() {
        t!("agenda-regions", count = meeting.regions.len())
    } else {
        let ids: Vec<&str> = meeting
            .left_out
            .iter()
            .map(|&r| review.regions[r].id.as_str())
            .collect();
        t!(
            "agenda-regions-left-out",
            count = meeting.regions.len(),
            left = ids.len(),
            ids = escape(&list(
                &ids.iter().map(ToString::to_string).collect::<Vec<_>>()
            ))
        )
    };
    let method = match agenda.method {
        _ if agenda.bound == 0 => t!("agenda-method-no-conflicts"),
        Method::AtBound => t!("agenda-method-at-bound"),
        Method::Exact => t!("agenda-method-exact"),
        Method::Heuristic => t!(
            "agenda-method-heuristic",
            count = distinct_sets(&meeting.conflicts),
            most = EXACT_UP_TO
        ),
    };
    let mut lines = vec![regions];
    if agenda.bound > 0 {
        lines.push(t!(
            "agenda-exits",
            exits = agenda.exits,
            given = agenda.given_exits,
            bound = agenda.bound
        ));
    }
    lines.push(method);
    lines
}

/// `text` as an item of a Markdown list indented by `indent`, wrapped to
/// [`COLUMNS`] with its continuation lines under its first word.
fn bullet(indent: &str, text: &str) -> Vec<String> {
    let room = COLUMNS.saturating_sub(indent.len() + 2);
    crate::text::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let mark = if i == 0 { "- " } else { "  " };
            format!("{indent}{mark}{line}")
        })
        .collect()
}

/// "leaves: …" for each member who steps out before `item` (with why),
/// then "returns: …" for each who comes back.
fn moves_lines(meeting: &Meeting, item: usize, moves: &Moves) -> Vec<String> {
    let region = meeting.regions[item];
    let leaves = moves.leave.iter().map(|&m| {
        let member = meeting.members[m];
        let cause = super::assign::conflict_cause(meeting.index, meeting.files, member, region);
        t!(
            "agenda-leaves",
            member = meeting.member(m),
            cause = escape(&cause)
        )
    });
    leaves.chain(returns_lines(meeting, &moves.back)).collect()
}

/// "returns: …" for each of `members`.
fn returns_lines(meeting: &Meeting, members: &[usize]) -> Vec<String> {
    members
        .iter()
        .map(|&m| t!("agenda-returns", member = meeting.member(m)))
        .collect()
}

/// How many different sets of members are conflicted on the items: what
/// the exact method would have to weigh.
fn distinct_sets(conflicts: &[Vec<usize>]) -> usize {
    let mut sets: Vec<Vec<usize>> = conflicts
        .iter()
        .map(|c| {
            let mut set = c.clone();
            set.sort_unstable();
            set.dedup();
            set
        })
        .collect();
    sets.sort_unstable();
    sets.dedup();
    sets.len()
}

/// `items` joined by `separator`, as many on a line as fit in `columns`
/// (an item is never cut; the separator ends the line it follows).
fn fill(items: &[String], separator: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item}{separator}")
        } else {
            item.clone()
        };
        let piece_width = width(piece.trim_end());
        if !line.is_empty() && width(&line) + piece_width > columns {
            lines.push(line.trim_end().to_string());
            line.clear();
        }
        line.push_str(&piece);
    }
    if !line.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::{distinct_sets, fill};

    #[test]
    fn members_fill_lines_without_being_cut() {
        let items: Vec<String> = ["aaaa (a)", "bbbb (b)", "cccc (c)"]
            .iter()
            .map(ToString::to_string)
            .collect();
        // "aaaa (a), bbbb (b)," is 19 columns wide.
        assert_eq!(fill(&items, ", ", 19), ["aaaa (a), bbbb (b),", "cccc (c)"]);
        assert_eq!(fill(&items, ", ", 18), ["aaaa (a),", "bbbb (b), cccc (c)"]);
        assert_eq!(fill(&items, ", ", 80), ["aaaa (a), bbbb (b), cccc (c)"]);
        assert_eq!(
            fill(&items, ", ", 3),
            ["aaaa (a),", "bbbb (b),", "cccc (c)"]
        );
        let wide: Vec<String> = ["小林（k）", "末松（s）"]
            .iter()
            .map(ToString::to_string)
            .collect();
        // 小林（k）、 is 11 columns wide.
        assert_eq!(fill(&wide, "、", 12), ["小林（k）、", "末松（s）"]);
        assert_eq!(fill(&wide, "、", 20), ["小林（k）、末松（s）"]);
        assert!(fill(&[], ", ", 80).is_empty());
    }

    #[test]
    fn distinct_sets_ignore_order_and_repeats() {
        assert_eq!(
            distinct_sets(&[vec![1, 0], vec![0, 1, 1], vec![], vec![2], vec![]]),
            3
        );
    }
}
