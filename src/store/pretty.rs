//! panelist's own files in RON: pretty, with struct names, as SPEC.md
//! shows them; readable and diffable by hand.

/// Levels of nesting that [`to_ron`] writes one item per line; deeper ones
/// go on one line (a panel file's marks: `"4-a": Mark(points: 4.5)`).
const DEPTH_LIMIT: usize = 5;

/// Pretty RON with struct names, as SPEC.md shows: readable and diffable by hand.
pub fn to_ron<T: serde::Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .depth_limit(DEPTH_LIMIT);
    match ron::ser::to_string_pretty(value, config) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Our own types always serialize; this is unreachable in practice.
        Err(e) => format!("// panelist could not write this value: {e}\n"),
    }
}
