//! A value of the wrong form (`updated: "yesterday"`, `points: "high"`,
//! `submitted: yes`, `points: 4,5`) said as the person who wrote it would
//! put it: the field, the value as written, and the form it takes. ron
//! reports these as syntax errors in its own terms ("failed to parse four
//! digit integer as year"), which is true and of no help.

use super::Position;

/// The message for ron's error `code` at `pos` in `text`, when it is a
/// value of the wrong form; `None` for real syntax errors.
pub fn message(text: &str, pos: Position, code: &ron::Error) -> Option<String> {
    let offset = offset_of(text, pos)?;
    let (field, value, after) = field_and_value(text, offset)?;
    if let Some(fixed) = decimal_comma(&value, after) {
        return Some(crate::t!(
            "src-decimal-comma",
            field = field,
            value = format!("{value},{}", digits(after)),
            fixed = fixed
        ));
    }
    let expected = match code {
        // A lottery's seed: any number a 64-bit generator takes.
        ron::Error::ExpectedInteger
        | ron::Error::InvalidIntegerDigit { .. }
        | ron::Error::IntegerOutOfBounds
            if field == "seed" =>
        {
            crate::t!("src-expected-seed")
        }
        ron::Error::ExpectedComma if field == "seed" && is_decimal(&value) => {
            crate::t!("src-expected-seed")
        }
        ron::Error::Message(_) | ron::Error::ExpectedString
            if matches!(field, "updated" | "at") =>
        {
            crate::t!("src-expected-time")
        }
        ron::Error::ExpectedFloat => crate::t!("src-expected-number", example = example(field)),
        ron::Error::ExpectedInteger | ron::Error::InvalidIntegerDigit { .. } => {
            crate::t!("src-expected-whole")
        }
        ron::Error::IntegerOutOfBounds => crate::t!("src-expected-whole"),
        // `select` reads `6` and `Some(6)` alike, and says what it wants.
        ron::Error::InvalidValueForType { expected, .. }
            if expected.starts_with("a number of places") =>
        {
            crate::t!("src-expected-whole")
        }
        // `select: 6.5`: the integer ends at the point, and a comma was due.
        ron::Error::ExpectedComma if is_decimal(&value) => crate::t!("src-expected-whole"),
        ron::Error::ExpectedBoolean => crate::t!("src-expected-bool"),
        ron::Error::ExpectedString | ron::Error::ExpectedStringEnd => {
            crate::t!("src-expected-text")
        }
        // `aggregate: "Mean"`: a name, given as text.
        ron::Error::ExpectedIdentifier if value.len() > 2 && value.starts_with('"') => {
            return Some(crate::t!(
                "src-unquote",
                field = field,
                value = value.clone(),
                fixed = value.trim_matches('"').to_string()
            ));
        }
        ron::Error::ExpectedOption => {
            return Some(crate::t!(
                "src-expected-option",
                field = field,
                value = value.clone(),
                fixed = format!("Some({value})")
            ));
        }
        _ => return None,
    };
    Some(crate::t!(
        "src-value-not",
        field = field,
        value = value,
        expected = expected
    ))
}

/// An example of a number for `field`, from the sample's files.
fn example(field: &str) -> &'static str {
    match field {
        "max" => "5.0",
        "step" => "0.5",
        "disagreement" => "0.4",
        "min_total" => "60.0",
        _ => "4.5",
    }
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, pos: Position) -> Option<usize> {
    let line_start = if pos.line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(pos.line - 2)?.0 + 1
    };
    let line = &text[line_start..];
    let col = line
        .char_indices()
        .nth(pos.col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    Some(line_start + col)
}

/// The field whose value is at or before `offset`, the value as written (a
/// quoted string whole, else up to the next `,` `)` `]` `}` or line end,
/// at most 40 characters) and the text after it.
fn field_and_value(text: &str, offset: usize) -> Option<(&str, String, &str)> {
    let before = &text[..offset.min(text.len())];
    // The last `name:` on the way to the error, on its line or the one before.
    let window_start = before
        .char_indices()
        .rev()
        .filter(|(_, c)| *c == '\n')
        .nth(1)
        .map_or(0, |(i, _)| i);
    let window = &before[window_start..];
    let colon = window.rfind(':')?;
    let name_end = window[..colon].trim_end().len();
    let name_start = window[..name_end]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let field = &window[name_start..name_end];
    // A field name stands after a space, a bracket or a comma, never inside a word.
    let stands_alone = window[..name_start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ',' | '{' | '['));
    if !stands_alone || field.is_empty() || field.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = text[window_start + colon + 1..].trim_start();
    let end = if let Some(quoted) = rest.strip_prefix('"') {
        quoted.find('"').map_or(rest.len(), |i| i + 2)
    } else {
        rest.find([',', ')', ']', '}', '\n']).unwrap_or(rest.len())
    };
    let value: String = rest[..end].trim_end().chars().take(40).collect();
    Some((field, value, &rest[end..]))
}

fn is_decimal(value: &str) -> bool {
    let digits = value.trim_start_matches('-');
    digits.split_once('.').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    })
}

/// The digits at the start of `text`.
fn digits(text: &str) -> &str {
    let text = text.strip_prefix(',').unwrap_or(text);
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    &text[..end]
}

/// `4,5` written for 4.5: a whole number, a comma, digits, then the end of
/// the value. The number as it should be written.
fn decimal_comma(value: &str, after: &str) -> Option<String> {
    let whole = value.trim_start_matches('-');
    if whole.is_empty() || !whole.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let fraction = digits(after);
    let tail = after.strip_prefix(',')?.get(fraction.len()..)?;
    let ends = tail.trim_start().starts_with([',', ')', ']', '}']) || tail.trim().is_empty();
    (!fraction.is_empty() && ends).then(|| format!("{value}.{fraction}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> Position {
        let offset = text.find(needle).unwrap_or(0);
        let line = text[..offset].matches('\n').count() + 1;
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        Position {
            line,
            col: text[line_start..offset].chars().count() + 1,
        }
    }

    #[test]
    fn positions_round_trip_through_lines_and_characters() {
        let text = "a: 1,\n  名前: \"x\",\n  b: 2";
        assert_eq!(offset_of(text, at(text, "\"x\"")), text.find("\"x\""));
        assert_eq!(offset_of(text, at(text, "b:")), text.find("b:"));
    }

    #[test]
    fn the_field_and_the_value_as_written() {
        let text = "Sheet(\n  updated: \"yesterday\",\n  scores: {\"n\": {\"a1\": Mark(points: \"high\")}},\n)";
        let inside = text.find("yesterday").unwrap_or(0);
        let (field, value, _) = field_and_value(text, inside).unwrap_or_default();
        assert_eq!((field, value.as_str()), ("updated", "\"yesterday\""));
        let high = text.find("\"high").unwrap_or(0);
        let (field, value, _) = field_and_value(text, high).unwrap_or_default();
        assert_eq!((field, value.as_str()), ("points", "\"high\""));
    }

    #[test]
    fn text_before_the_colon_may_be_any_script() {
        for text in [
            "Review(\n  title: \"Sélection : phase 2\"\n  id: \"x\",\n)",
            "Review(\n  title: \"選定：第2段階 :\"\n  id: 1,\n)",
            "é:",
            ":",
            "",
        ] {
            for offset in 0..=text.len() {
                if text.is_char_boundary(offset) {
                    let _ = field_and_value(text, offset);
                }
            }
        }
        let text = "x\n  title: \"Sélection : phase 2\"\n";
        let at = text.find("phase").unwrap_or(0);
        assert_eq!(
            field_and_value(text, at).map(|f| f.0),
            None,
            "not a field name"
        );
    }

    #[test]
    fn a_decimal_comma_is_read_as_such() {
        assert_eq!(decimal_comma("4", ",5)"), Some("4.5".into()));
        assert_eq!(decimal_comma("0", ",25, note: \"\")"), Some("0.25".into()));
        assert_eq!(decimal_comma("4", ", note: \"x\")"), None);
        assert_eq!(decimal_comma("\"a\"", ",5)"), None);
    }

    #[test]
    fn decimals_are_told_from_whole_numbers() {
        assert!(is_decimal("6.5"));
        assert!(is_decimal("-0.25"));
        assert!(!is_decimal("6"));
        assert!(!is_decimal("6."));
        assert!(!is_decimal("x.5"));
    }
}
