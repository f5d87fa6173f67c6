//! A letter as Markdown: the title, the region and its outcome, the table
//! of scores with their maxima, and the panels' comments.

use std::fmt::Write;

use super::letter::{Content, RowKind};
use crate::report::words::{escape, points};
use crate::t;

/// A level of nesting in the table of scores: non-breaking spaces, which a
/// Markdown table keeps (it trims only spaces) and plain text shows.
const INDENT: &str = "\u{a0}\u{a0}\u{a0}\u{a0}";

pub(super) fn render(content: &Content) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", one_line(&content.title));
    let _ = writeln!(out, "## {}\n", one_line(&content.heading));
    for fact in &content.facts {
        let line = t!(
            "feedback-fact",
            label = fact.label.as_str(),
            value = fact.value.as_str()
        );
        let _ = writeln!(out, "- {}", one_line(&line));
    }
    let _ = writeln!(out, "\n## {}\n", t!("feedback-scores"));
    scores(&mut out, content);
    let _ = writeln!(out, "\n## {}\n", t!("feedback-comments"));
    comments(&mut out, content);
    out
}

fn scores(out: &mut String, content: &Content) {
    let _ = writeln!(
        out,
        "| {} | {} | {} |\n|---|---:|---:|",
        t!("feedback-col-item"),
        t!("feedback-col-score"),
        t!("feedback-col-max")
    );
    for row in &content.rows {
        let value = row.value.map_or_else(|| t!("feedback-not-scored"), points);
        let max = points(row.max);
        let label = escape(&row.label);
        let indent = INDENT.repeat(row.depth);
        let _ = if row.kind == RowKind::Criterion {
            writeln!(out, "| {indent}{label} | {value} | {max} |")
        } else {
            writeln!(out, "| {indent}**{label}** | **{value}** | **{max}** |")
        };
    }
}

/// Each commented criterion, its comments quoted; or a line saying there
/// are none.
fn comments(out: &mut String, content: &Content) {
    if content.comments.is_empty() {
        let _ = writeln!(out, "{}", t!("feedback-no-comments"));
        return;
    }
    for (i, comment) in content.comments.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "### {}", one_line(&comment.criterion));
        for note in &comment.notes {
            out.push('\n');
            for line in note.lines() {
                let line = line.trim_end();
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    let _ = writeln!(out, "> {line}");
                }
            }
        }
    }
}

/// A heading or a list item is one line.
fn one_line(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join(" ")
}
