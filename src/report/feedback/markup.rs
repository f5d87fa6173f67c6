//! Text put into HTML, SVG and CSS as text and nothing else: a region's
//! name or a panel's comment may hold `<`, `&` or quotes.

/// `text` as HTML or SVG character data or a quoted attribute's value.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` as a CSS string between double quotes inside a `<style>`
/// element: quotes, backslashes, line breaks and `<` (which could close
/// the element) as CSS escapes.
pub(super) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\{:X} ", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_become_entities() {
        assert_eq!(
            escape(r#"<b>R&D</b> "x" 'y'"#),
            "&lt;b&gt;R&amp;D&lt;/b&gt; &quot;x&quot; &#39;y&#39;"
        );
        assert_eq!(escape("札幌"), "札幌");
    }

    #[test]
    fn a_css_string_cannot_end_itself_or_the_style_element() {
        assert_eq!(
            css_string("a \"b\" \\ </style>\nc"),
            "a \\22 b\\22  \\5C  \\3C /style\\3E \\A c"
        );
        assert_eq!(css_string("知的クラスター"), "知的クラスター");
    }
}
