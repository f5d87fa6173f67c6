//! The message catalogs: every key in both languages, with the same
//! arguments, and every key the code asks for present.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Message id → the variables it uses, over every .ftl file of a language.
fn catalog(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut messages = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read a catalog");
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    variables(value, &mut vars);
                }
                let id = message.id.name.to_string();
                assert!(
                    messages.insert(id.clone(), vars).is_none(),
                    "{lang}: {id} twice"
                );
            }
        }
    }
    messages
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for ast::Variant { value, .. } in variants {
                variables(value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_key_is_in_both_languages_with_the_same_arguments() {
    let (en, ja) = (catalog("en"), catalog("ja"));
    let only_en: Vec<_> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
    let only_ja: Vec<_> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in Japanese: {only_en:?}");
    assert!(only_ja.is_empty(), "missing in English: {only_ja:?}");
    for (key, vars) in &en {
        assert_eq!(
            vars, &ja[key],
            "{key}: the two languages use different arguments"
        );
    }
}

/// Every key the code names (t!("…") and the keymap's "key-…") exists.
#[test]
fn every_key_the_code_uses_is_in_the_catalog() {
    let en = catalog("en");
    let mut missing = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            // i18n.rs defines the macro; its docs name a placeholder "key".
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read a source file");
            // `t!("key"`, also as rustfmt breaks it (`t!(` then the key on
            // the next line), `text("key"`, and the keymap's `"key-…"`.
            for pattern in ["t!(", "text(", "\"key-"] {
                for (at, _) in text.match_indices(pattern) {
                    let start = if pattern == "\"key-" {
                        at + 1
                    } else {
                        let after = &text[at + pattern.len()..];
                        let quoted = after.trim_start();
                        if !quoted.starts_with('"') {
                            continue;
                        }
                        text.len() - quoted.len() + 1
                    };
                    let Some(len) = text[start..].find('"') else {
                        continue;
                    };
                    let key = &text[start..start + len];
                    if key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                        && !en.contains_key(key)
                    {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys used but not in locales/en: {missing:#?}"
    );
}

/// The English catalog is the fallback on terminals without UTF-8, so it
/// must be plain ASCII.
#[test]
fn the_english_catalog_is_ascii() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    for entry in std::fs::read_dir(&dir).expect("locales/en") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            assert!(line.is_ascii(), "{}:{}: {line}", path.display(), n + 1);
        }
    }
}
