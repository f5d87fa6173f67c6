//! A letter as one self-contained HTML file: its style inline, its chart
//! inline SVG, nothing loaded from anywhere (no link, no script, no image
//! file, no web font), and `@page` rules that print it on A4 with the
//! review and the region at the top of every page and the page number at
//! the bottom. Every text is escaped.

use std::fmt::Write;

use super::letter::{Content, RowKind};
use super::markup::{css_string, escape};
use super::profile;
use crate::report::words::points;
use crate::t;

/// The style of every letter; `{header}` is the page header's CSS string.
const STYLE: &str = r#"@page {
  size: A4;
  margin: 22mm 18mm 20mm 18mm;
  @top-center { content: "{header}"; font-size: 9pt; color: #4a5568; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #4a5568; }
}
html { color: #1a202c; background: #fff; }
body {
  font-family: "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Segoe UI", Arial, sans-serif;
  font-size: 11pt; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1em;
}
h1 { font-size: 16pt; margin: 0 0 0.2em; }
h2 { font-size: 13pt; margin: 1.4em 0 0.5em; break-after: avoid; }
h3 { font-size: 11pt; margin: 1em 0 0.3em; break-after: avoid; }
p.region { font-size: 13pt; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 0.25em 0.5em; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.facts th { text-align: left; font-weight: 600; width: 30%; }
table.scores th { text-align: left; }
table.scores td.n, table.scores th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.scores tr.category td, table.scores tr.total td { font-weight: 600; }
table.scores tr.total td { border-top: 2px solid #1a202c; }
figure { margin: 1em 0; break-inside: avoid; }
svg.profile { max-width: 100%; height: auto; }
blockquote { margin: 0.3em 0 0.6em; padding: 0.2em 0 0.2em 1em; border-left: 3px solid #a0aec0; break-inside: avoid; }
blockquote p { margin: 0; white-space: pre-wrap; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"#;

pub(super) fn render(content: &Content) -> String {
    let lang = crate::i18n::lang().code();
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>");
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&content.page_header));
    let style = STYLE.replace("{header}", &css_string(&content.page_header));
    let _ = writeln!(out, "<style>\n{style}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&content.title));
    let _ = writeln!(
        out,
        "<p class=\"region\">{}</p>\n</header>",
        escape(&content.heading)
    );
    facts(&mut out, content);
    let _ = writeln!(out, "<h2>{}</h2>", escape(&t!("feedback-scores")));
    let _ = writeln!(out, "<figure>\n{}</figure>", profile::svg(&content.bars));
    scores(&mut out, content);
    let _ = writeln!(out, "<h2>{}</h2>", escape(&t!("feedback-comments")));
    comments(&mut out, content);
    out.push_str("</body>\n</html>\n");
    out
}

fn facts(out: &mut String, content: &Content) {
    out.push_str("<table class=\"facts\">\n<tbody>\n");
    for fact in &content.facts {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape(&fact.label),
            escape(&fact.value)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn scores(out: &mut String, content: &Content) {
    let _ = writeln!(
        out,
        "<table class=\"scores\">\n<thead>\n<tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr>\n</thead>\n<tbody>",
        escape(&t!("feedback-col-item")),
        escape(&t!("feedback-col-score")),
        escape(&t!("feedback-col-max"))
    );
    for row in &content.rows {
        let class = match row.kind {
            RowKind::Category => "category",
            RowKind::Criterion => "criterion",
            RowKind::Total => "total",
        };
        let value = row.value.map_or_else(|| t!("feedback-not-scored"), points);
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"><td style=\"padding-left: {:.1}em\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            0.5 + 1.5 * row.depth as f64,
            escape(&row.label),
            escape(&value),
            points(row.max)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn comments(out: &mut String, content: &Content) {
    if content.comments.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&t!("feedback-no-comments")));
        return;
    }
    for comment in &content.comments {
        let _ = writeln!(out, "<section>\n<h3>{}</h3>", escape(&comment.criterion));
        for note in &comment.notes {
            let _ = writeln!(out, "<blockquote><p>{}</p></blockquote>", escape(note));
        }
        out.push_str("</section>\n");
    }
}
