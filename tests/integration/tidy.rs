//! The house rules of `src/` that the compiler does not check, as
//! ARCHITECTURE.md states them: the layers, each importing only from the
//! layers below it; no cycle between sibling files and no file importing
//! from the module above it; no file over 700 lines and no function over
//! 100, tests aside. A test, so that `cargo test` keeps them.
//!
//! It reads the source as text: comments and literals blanked out, test
//! modules left out, `use` trees expanded and every `crate::`, `super::` and
//! `self::` path resolved to the module that defines what it names
//! (following `pub use` re-exports).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The top-level modules from the bottom up: each may import from the
/// layers before its own, never from its own layer or the ones after.
const LAYERS: &[&[&str]] = &[
    &["text", "i18n", "rng"],
    &["error"],
    &["model"],
    &["source"],
    &["validate", "config", "progress", "assign", "agenda"],
    &["form"],
    &["merge"],
    &["analysis"],
    &["lottery"],
    &["report"],
    &["store"],
    &["synthetic"],
    &["tui"],
    &["serve"],
    &["commands"],
    &["cli"],
];

const MAX_FILE_LINES: usize = 700;
const MAX_FN_LINES: usize = 100;

/// One source file, as a module of the crate.
struct Module {
    /// `["tui", "results", "app"]`; the crate root is `[]`.
    path: Vec<String>,
    file: PathBuf,
    /// The file's text without comments, literals and test items, each
    /// line where it was.
    code: String,
    /// Lines of the file outside test items.
    lines: usize,
}

#[test]
fn the_source_keeps_its_layers_and_sizes() {
    let modules = read_modules();
    let mut faults = Vec::new();
    check_sizes(&modules, &mut faults);
    check_imports(&modules, &mut faults);
    check_quiet(&modules, &mut faults);
    assert!(
        faults.is_empty(),
        "{} breaches of the house rules (ARCHITECTURE.md):\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_reader_sees_what_it_must() {
    let code = strip(
        "use crate::a::{b, c::{d as e}}; // crate::x\nlet s = \"crate::y\"; let c = '\"'; fn f<'a>() {}\n",
    );
    assert!(!code.contains("crate::x") && !code.contains("crate::y"));
    assert_eq!(code.lines().count(), 2);
    assert_eq!(
        use_paths("crate::a::{b, c::{d as e}, self}"),
        [
            ("b".to_string(), vec!["crate", "a", "b"]),
            ("e".to_string(), vec!["crate", "a", "c", "d"]),
            ("a".to_string(), vec!["crate", "a"]),
        ]
        .map(|(name, path)| (name, path.into_iter().map(String::from).collect()))
    );
    let (code, tests) = without_tests(&strip(
        "fn a() {}\n#[cfg(test)]\nmod t;\n#[cfg(test)]\nmod tests {\n fn b() { }\n}\n",
    ));
    assert_eq!(tests, ["t"]);
    assert!(code.contains("fn a") && !code.contains("fn b"));
    assert_eq!(
        functions("fn one() {\n}\nfn two()\n{\n\n}\ntrait T { fn three(); }\n"),
        [("one".to_string(), 1, 2), ("two".to_string(), 3, 6)]
    );
    let path = |p: &[&str]| {
        p.iter()
            .map(std::string::ToString::to_string)
            .collect::<Vec<_>>()
    };
    let mut faults = Vec::new();
    check_layer("f", &path(&["tui", "x"]), &path(&["model"]), &mut faults);
    assert!(faults.is_empty(), "{faults:?}");
    check_layer("f", &path(&["model"]), &path(&["tui"]), &mut faults);
    check_layer("f", &path(&["merge"]), &path(&["analysis"]), &mut faults);
    assert_eq!(faults.len(), 2, "upward imports are caught: {faults:?}");
    let edges: BTreeSet<(String, String)> = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        .iter()
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect();
    assert_eq!(cycles(&edges).len(), 1, "a cycle among siblings is caught");
    assert_eq!(
        printing("let x = 1;\n    crate::errln!(\"{}\", y);"),
        Some(("errln!".to_string(), 2))
    );
    assert_eq!(printing("fn outline() { writeln!(out, \"\") }"), None);
}

// ---------------------------------------------------------------------------
// Reading the crate
// ---------------------------------------------------------------------------

fn read_modules() -> Vec<Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect(&src, &mut files);
    files.sort();
    let mut modules = Vec::new();
    let mut test_only: BTreeSet<Vec<String>> = BTreeSet::new();
    for file in files {
        let Some(path) = module_path(&src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("read a source file");
        let (code, tests) = without_tests(&strip(&text));
        for name in tests {
            let mut child = path.clone();
            child.push(name);
            test_only.insert(child);
        }
        let lines = code.lines().count() - blanked_lines(&strip(&text), &code);
        modules.push(Module {
            path,
            file,
            code,
            lines,
        });
    }
    // Files that are test modules of their parent (`#[cfg(test)] mod tests;`).
    modules.retain(|m| !test_only.iter().any(|t| m.path.starts_with(t)));
    modules
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("list src/") {
        let path = entry.expect("an entry of src/").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// `src/tui/results/app.rs` → `["tui", "results", "app"]`; `None` for the
/// binary's `main.rs`, which uses the library as any other crate does.
fn module_path(src: &Path, file: &Path) -> Option<Vec<String>> {
    let relative = file.strip_prefix(src).ok()?.with_extension("");
    let mut path: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    match path.last().map(String::as_str) {
        Some("main") if path.len() == 1 => return None,
        Some("lib" | "mod") => {
            path.pop();
        }
        _ => {}
    }
    Some(path)
}

/// Lines that were code and are blank once test items are taken out.
fn blanked_lines(before: &str, after: &str) -> usize {
    before
        .lines()
        .zip(after.lines())
        .filter(|(b, a)| !b.trim().is_empty() && a.trim().is_empty())
        .count()
}

/// The text with comments and the insides of string and character
/// literals replaced by spaces, newlines kept.
fn strip(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('#' | '"')) && !ident_before(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let end: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            out.push('"');
            i += 2 + hashes;
            while i < chars.len() && !chars[i..].starts_with(&end.chars().collect::<Vec<_>>()) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push('"');
            i += end.len();
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&c) = chars.get(i) {
                    out.push(blank(c));
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\n', '\''), not a lifetime.
            out.push_str("' ");
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                out.push(' ');
                i += 1;
            }
            out.push('\'');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// The code without its `#[cfg(test)]` items, blanked line for line, and
/// the names of the test modules it declares in files of their own.
fn without_tests(code: &str) -> (String, Vec<String>) {
    let mut out: Vec<char> = code.chars().collect();
    let mut tests = Vec::new();
    let marker: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut i = 0;
    while i + marker.len() <= out.len() {
        if out[i..i + marker.len()] != marker[..] {
            i += 1;
            continue;
        }
        let end = item_end(&out, i + marker.len());
        let item: String = out[i + marker.len()..end].iter().collect();
        let words: Vec<&str> = item.split_whitespace().collect();
        if let ["mod", name] = words[..] {
            tests.push(name.trim_end_matches(';').to_string());
        }
        for c in &mut out[i..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        i = end;
    }
    (out.into_iter().collect(), tests)
}

/// Where the item starting at `from` ends: after its `;`, or after the
/// brace that closes its body.
fn item_end(code: &[char], from: usize) -> usize {
    let mut depth = 0i32;
    let mut i = from;
    while i < code.len() {
        match code[i] {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ';' if depth == 0 => return i + 1,
            '{' if depth == 0 => return matching(code, i).map_or(code.len(), |e| e + 1),
            _ => {}
        }
        i += 1;
    }
    code.len()
}

/// The index of the brace closing the one at `open`.
fn matching(code: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, &c) in code.iter().enumerate().skip(open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------

fn check_sizes(modules: &[Module], faults: &mut Vec<String>) {
    for module in modules {
        let name = shown(&module.file);
        if module.lines > MAX_FILE_LINES {
            faults.push(format!(
                "{name}: {} lines outside tests (at most {MAX_FILE_LINES})",
                module.lines
            ));
        }
        for (function, start, end) in functions(&module.code) {
            let lines = end - start + 1;
            if lines > MAX_FN_LINES {
                faults.push(format!(
                    "{name}:{start}: fn {function} has {lines} lines (at most {MAX_FN_LINES})"
                ));
            }
        }
    }
}

/// Every function with a body: its name and its first and last line.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let line_at = |i: usize| 1 + chars[..i].iter().filter(|&&c| c == '\n').count();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 3 < chars.len() {
        let starts = chars[i..].starts_with(&['f', 'n', ' '])
            && (i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'));
        if !starts {
            i += 1;
            continue;
        }
        let name: String = chars[i + 3..]
            .iter()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphanumeric() || **c == '_')
            .collect();
        let mut j = i + 3;
        let mut depth = 0i32;
        let body = loop {
            match chars.get(j) {
                None => break None,
                Some('(' | '[') => depth += 1,
                Some(')' | ']') => depth -= 1,
                Some(';') if depth == 0 => break None,
                Some('{') if depth == 0 => break Some(j),
                _ => {}
            }
            j += 1;
        };
        if let Some(open) = body
            && let Some(close) = matching(&chars, open)
            && !name.is_empty()
        {
            found.push((name, line_at(i), line_at(close)));
        }
        i += 3;
    }
    found
}

fn shown(file: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    file.strip_prefix(root)
        .unwrap_or(file)
        .display()
        .to_string()
}

/// Below `commands` nothing prints: a layer returns what a command shows.
/// (The server's log goes through `tracing`, not these.)
fn check_quiet(modules: &[Module], faults: &mut Vec<String>) {
    let commands = LAYERS.iter().position(|l| l.contains(&"commands"));
    for module in modules {
        let Some(top) = module.path.first() else {
            continue;
        };
        let layer = LAYERS.iter().position(|l| l.contains(&top.as_str()));
        if layer >= commands {
            continue;
        }
        if let Some((printer, line)) = printing(&module.code) {
            faults.push(format!(
                "{}:{line}: {printer} below commands (return what to show instead)",
                shown(&module.file)
            ));
        }
    }
}

/// The first macro in `code` that prints, and its line.
fn printing(code: &str) -> Option<(String, usize)> {
    let printers = [
        "outln!",
        "errln!",
        "out!",
        "print!",
        "println!",
        "eprint!",
        "eprintln!",
    ];
    let (at, printer) = printers
        .iter()
        .flat_map(|p| code.match_indices(p))
        .filter(|&(at, _)| {
            let before = code[..at].chars().next_back();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
        .min()?;
    Some((printer.to_string(), 1 + code[..at].matches('\n').count()))
}

// ---------------------------------------------------------------------------
// Imports
// ---------------------------------------------------------------------------

/// What a module's `pub use` makes visible under its own name: name →
/// the absolute path it stands for.
type Reexports = HashMap<Vec<String>, BTreeMap<String, Vec<String>>>;

fn check_imports(modules: &[Module], faults: &mut Vec<String>) {
    let known: BTreeSet<Vec<String>> = modules.iter().map(|m| m.path.clone()).collect();
    let mut reexports: Reexports = HashMap::new();
    for module in modules {
        for (name, path) in uses(&module.code, true) {
            if let Some(target) = absolute(&module.path, &path, &known) {
                reexports
                    .entry(module.path.clone())
                    .or_default()
                    .insert(name, target);
            }
        }
    }
    let mut siblings: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    for module in modules {
        let name = shown(&module.file);
        // Each module imported from, with one path that names it.
        let mut targets: BTreeMap<Vec<String>, String> = BTreeMap::new();
        for path in references(&module.code) {
            if let Some(target) = absolute(&module.path, &path, &known) {
                targets
                    .entry(resolve(&target, &known, &reexports, 0))
                    .or_insert_with(|| path.join("::"));
            }
        }
        // The crate root's items (the `t!`, `outln!` and `errln!` macros)
        // are the foundation of every layer.
        targets.retain(|t, _| !t.is_empty() && *t != module.path);
        for (target, written) in targets {
            check_layer(&name, &module.path, &target, faults);
            let Some(parent) = module.path.split_last().map(|(_, p)| p.to_vec()) else {
                continue;
            };
            if module.path.starts_with(&target) {
                faults.push(format!(
                    "{name}: imports upward, {written} from {} (a module's own items belong \
                     in a file of their own that its children import as siblings)",
                    display(&target)
                ));
            } else if target.len() > parent.len() && target.starts_with(&parent) {
                let own = &module.path[parent.len()];
                let other = &target[parent.len()];
                if own != other {
                    siblings
                        .entry(parent.clone())
                        .or_default()
                        .insert((own.clone(), other.clone()));
                }
            }
        }
    }
    for (parent, edges) in siblings {
        for cycle in cycles(&edges) {
            faults.push(format!(
                "an import cycle between the files of {}: {}",
                display(&parent),
                cycle.join(" -> ")
            ));
        }
    }
}

fn check_layer(name: &str, from: &[String], to: &[String], faults: &mut Vec<String>) {
    let (Some(own), Some(other)) = (from.first(), to.first()) else {
        return;
    };
    if own == other {
        return;
    }
    let layer = |m: &str| LAYERS.iter().position(|layer| layer.contains(&m));
    match (layer(own), layer(other)) {
        (Some(a), Some(b)) if b < a => {}
        (Some(_), Some(_)) => faults.push(format!(
            "{name}: {own} imports from {other}, which is not below it (tidy.rs LAYERS)"
        )),
        (None, _) => faults.push(format!("{name}: {own} has no layer in tidy.rs LAYERS")),
        (_, None) => faults.push(format!("{name}: {other} has no layer in tidy.rs LAYERS")),
    }
}

/// Every module path a `use` or a path in the code names, relative as
/// written: `["super", "app", "App"]`.
fn references(code: &str) -> Vec<Vec<String>> {
    let mut paths: Vec<Vec<String>> = uses(code, false).into_iter().map(|(_, p)| p).collect();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == ':') {
                continue;
            }
            let rest: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path: Vec<String> = rest
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            // `super::{a, b}` is a use tree, read by `uses`.
            if path.len() > 1 {
                paths.push(path);
            }
        }
    }
    paths
}

/// The `use` statements of the code, each leaf as (the name it binds, its
/// path as written); only `pub use` ones when `public`.
fn uses(code: &str, public: bool) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let head = rest[..at].trim_end();
        let is_pub = head.ends_with("pub") || head.ends_with("pub(crate)");
        let after = &rest[at + 3..];
        let Some(end) = after.find(';') else { break };
        if !public || is_pub {
            found.extend(use_paths(&after[..end]));
        }
        rest = &after[end..];
    }
    found
}

/// The first `word` in `text` standing alone, not inside another word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = i.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(i + word.len()).copied();
        let part = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        !before.is_some_and(part) && after.is_some_and(|a| a.is_ascii_whitespace())
    })
}

/// The leaves of a `use` tree: `crate::a::{b, c::{d as e}, self}` gives
/// (b, crate::a::b), (e, crate::a::c::d), (a, crate::a).
fn use_paths(tree: &str) -> Vec<(String, Vec<String>)> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    expand(&tree, &[], &mut out);
    out
}

fn expand(tree: &str, prefix: &[String], out: &mut Vec<(String, Vec<String>)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let mut base = prefix.to_vec();
        base.extend(segments(tree[..open].trim_end_matches(':')));
        let close = tree.rfind('}').unwrap_or(tree.len());
        for part in split_top(&tree[open + 1..close]) {
            expand(part, &base, out);
        }
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((path, alias)) => (path, Some(alias.trim())),
        None => (tree, None),
    };
    let mut full = prefix.to_vec();
    let mut parts = segments(path);
    if parts == ["self"] {
        parts.clear();
    }
    full.extend(parts);
    let Some(last) = full.last().cloned() else {
        return;
    };
    if last == "*" {
        return;
    }
    out.push((alias.unwrap_or(&last).to_string(), full));
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// The parts of a list separated by commas outside braces.
fn split_top(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in list.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&list[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// A path as written in module `from`, made absolute within the crate;
/// `None` for paths into other crates. A path may start with a child
/// module's name (`use words::Form` in `report`).
fn absolute(
    from: &[String],
    path: &[String],
    known: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let child = |name: &String| {
        let mut child = from.to_vec();
        child.push(name.clone());
        known.contains(&child)
    };
    let mut base = match path.first() {
        Some(first) if first == "crate" => Vec::new(),
        Some(first) if first == "self" || first == "super" => from.to_vec(),
        Some(first) if child(first) => {
            let mut full = from.to_vec();
            full.extend(path.iter().cloned());
            return Some(full);
        }
        _ => return None,
    };
    let mut rest = &path[1..];
    if path[0] == "super" {
        base.pop();
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The module that defines what `path` names: the longest module prefix,
/// followed through that module's `pub use`.
fn resolve(
    path: &[String],
    known: &BTreeSet<Vec<String>>,
    reexports: &Reexports,
    depth: usize,
) -> Vec<String> {
    let module = (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| known.contains(prefix))
        .unwrap_or_default();
    let rest = &path[module.len()..];
    if let Some(name) = rest.first()
        && depth < 8
        && let Some(target) = reexports.get(&module).and_then(|r| r.get(name))
        && target != path
    {
        let mut next = target.clone();
        next.extend(rest[1..].iter().cloned());
        return resolve(&next, known, reexports, depth + 1);
    }
    module
}

/// The cycles among sibling files, each once.
fn cycles(edges: &BTreeSet<(String, String)>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut seen = BTreeSet::new();
    for (start, _) in edges {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, path)) = stack.pop() {
            for (_, next) in edges.iter().filter(|(from, _)| *from == at) {
                if next == start {
                    let mut cycle = path.clone();
                    let key: BTreeSet<String> = cycle.iter().cloned().collect();
                    if seen.insert(key) {
                        cycle.push(start.clone());
                        found.push(cycle);
                    }
                } else if !path.contains(next) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    found
}

fn display(path: &[String]) -> String {
    if path.is_empty() {
        "the crate root".into()
    } else {
        path.join("::")
    }
}
