//! Where a value sits in the text of a file that parsed, in bytes: so that
//! `panelist assign` can rewrite one panel's `regions:` and leave every other
//! byte of `review.ron`, comments included, as it was.

use std::ops::Range;

use super::tokens::{Token, TokenKind, Tokens};

/// The bytes of the `regions:` value of panel `panel` in the text of a
/// `review.ron` (from the first character of `All`, `Only(...)` or
/// `PerMember(...)` to its last), or `None` when the text has no such panel
/// or the panel no `regions:`.
pub fn panel_regions_span(text: &str, panel: &str) -> Option<Range<usize>> {
    let tokens: Vec<Token> = Tokens::new(text).collect();
    let review = struct_open(&tokens, 0)?;
    let (_, panels) = struct_fields(&tokens, review)
        .into_iter()
        .find(|(name, _)| name == "panels")?;
    let list = panels.start;
    if tokens.get(list)?.kind != TokenKind::Open('[') {
        return None;
    }
    for element in elements(&tokens, list) {
        let open = struct_open(&tokens, element.start)?;
        let fields = struct_fields(&tokens, open);
        let is_it = fields.iter().any(|(name, value)| {
            name == "id"
                && value.len() == 1
                && tokens[value.start].kind == TokenKind::Str(panel.to_string())
        });
        if !is_it {
            continue;
        }
        let (_, value) = fields.into_iter().find(|(name, _)| name == "regions")?;
        let last = value.end.checked_sub(1)?;
        return Some(tokens[value.start].span.start..tokens[last].span.end);
    }
    None
}

/// The text of a `review.ron` with panel `panel`'s `regions:` value
/// replaced by `PerMember` lists, each member on a line of their own in the
/// order given, indented one level deeper than the line the value starts
/// on; every other byte as it was. `None` when the text has no such panel.
pub fn with_per_member(text: &str, panel: &str, lists: &[(String, Vec<String>)]) -> Option<String> {
    let span = panel_regions_span(text, panel)?;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let indent: String = text[line_start..span.start]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let quoted = |id: &str| format!("{id:?}");
    let mut value = String::from("PerMember({\n");
    for (member, regions) in lists {
        let regions: Vec<String> = regions.iter().map(|r| quoted(r)).collect();
        value.push_str(&format!(
            "{indent}    {}: [{}],\n",
            quoted(member),
            regions.join(", ")
        ));
    }
    value.push_str(&indent);
    value.push_str("})");
    Some(format!(
        "{}{value}{}",
        &text[..span.start],
        &text[span.end..]
    ))
}

/// The index of the `(` that opens a struct whose value starts at token
/// `at` (`Name(` or a bare `(`).
fn struct_open(tokens: &[Token], at: usize) -> Option<usize> {
    match (&tokens.get(at)?.kind, tokens.get(at + 1).map(|t| &t.kind)) {
        (TokenKind::Open('('), _) => Some(at),
        (TokenKind::Ident(_), Some(TokenKind::Open('('))) => Some(at + 1),
        _ => None,
    }
}

/// The index just after the value that starts at token `at`: the comma or
/// closing bracket that ends it, at its own depth.
fn value_end(tokens: &[Token], at: usize) -> usize {
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate().skip(at) {
        match token.kind {
            TokenKind::Open(_) => depth += 1,
            TokenKind::Close(_) if depth == 0 => return i,
            TokenKind::Close(_) => depth -= 1,
            TokenKind::Comma if depth == 0 => return i,
            _ => {}
        }
    }
    tokens.len()
}

/// The fields of the struct opened at token `open`: each name with the
/// token range of its value.
fn struct_fields(tokens: &[Token], open: usize) -> Vec<(String, Range<usize>)> {
    let mut fields = Vec::new();
    let mut i = open + 1;
    while let (Some(name), Some(colon)) = (tokens.get(i), tokens.get(i + 1)) {
        let (TokenKind::Ident(name), TokenKind::Colon) = (&name.kind, &colon.kind) else {
            break;
        };
        let end = value_end(tokens, i + 2);
        fields.push((name.clone(), i + 2..end));
        match tokens.get(end).map(|t| &t.kind) {
            Some(TokenKind::Comma) => i = end + 1,
            _ => break,
        }
    }
    fields
}

/// The elements of the list opened at token `open`, as token ranges.
fn elements(tokens: &[Token], open: usize) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut i = open + 1;
    while let Some(token) = tokens.get(i) {
        if matches!(token.kind, TokenKind::Close(_)) {
            break;
        }
        let end = value_end(tokens, i);
        found.push(i..end);
        match tokens.get(end).map(|t| &t.kind) {
            Some(TokenKind::Comma) => i = end + 1,
            _ => break,
        }
    }
    found
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::{panel_regions_span, with_per_member};

    const TEXT: &str = r#"// A review.
Review(
    id: "r",
    panels: [
        Panel(id: "committee", members: ["a"], criteria: ["1-a"], regions: All),
        // The experts: "tech", regions: All is not this one.
        (
            title: "Tech (regions: [x])",
            id: "tech",
            regions: PerMember({
                "a": ["x", "y"], // a comment inside
                "b": [],
            }),
            members: ["a", "b"],
        ),
        Panel(id: "last", regions: Only(["z"]))
    ],
    committee: Committee(select: 1),
)"#;

    fn value<'t>(text: &'t str, panel: &str) -> Option<&'t str> {
        panel_regions_span(text, panel).map(|span| &text[span])
    }

    #[test]
    fn finds_each_panel_s_regions_whatever_the_order_of_fields() {
        assert_eq!(value(TEXT, "committee"), Some("All"));
        assert_eq!(
            value(TEXT, "tech"),
            Some(
                "PerMember({\n                \"a\": [\"x\", \"y\"], // a comment inside\n                \"b\": [],\n            })"
            )
        );
        assert_eq!(value(TEXT, "last"), Some("Only([\"z\"])"));
        assert_eq!(value(TEXT, "nobody"), None);
    }

    #[test]
    fn per_member_lists_replace_only_the_panel_s_regions() {
        let lists = vec![
            ("b".to_string(), vec!["y".to_string()]),
            ("a".to_string(), vec!["x".to_string(), "z".to_string()]),
        ];
        let text = with_per_member(TEXT, "committee", &lists).expect("the panel");
        assert_eq!(
            text,
            TEXT.replace(
                "regions: All)",
                "regions: PerMember({\n            \"b\": [\"y\"],\n            \"a\": [\"x\", \"z\"],\n        }))"
            )
        );
        let text = with_per_member(TEXT, "tech", &lists).expect("the panel");
        let start = TEXT.find("PerMember").expect("tech's value");
        let end = TEXT.find("}),").expect("its end") + 2;
        assert_eq!(&text[..start], &TEXT[..start]);
        assert_eq!(
            &text[start..start + 65],
            "PerMember({\n                \"b\": [\"y\"],\n                \"a\": [\"x\""
        );
        assert!(text.ends_with(&TEXT[end..]));
        assert_eq!(with_per_member(TEXT, "nobody", &lists), None);
    }

    #[test]
    fn strings_with_brackets_and_multibyte_text_do_not_confuse_it() {
        let text = TEXT.replace("Tech (regions: [x])", "技術 (「regions」)");
        assert_eq!(value(&text, "last"), Some("Only([\"z\"])"));
    }
}
