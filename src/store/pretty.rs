//! A faster twin of ron's pretty printer, for the shapes panelist writes.
//!
//! `results.ron` of a national cycle holds every counting mark: half a
//! million scores, some 90 MB of RON. ron's serializer spends most of its
//! time on work that is the same for every field (checking that the field
//! name is an identifier, escaping strings one character at a time), so
//! rendering took as long as parsing every panel file. This serializer
//! writes exactly the bytes [`store::to_ron`](to_ron) writes (struct
//! names, four-space indentation, the same depth limit; tests compare the
//! two on every shape of [`Results`](crate::merge::Results)), several times
//! faster. Anything it does not know (tuples, chars, bytes, enum variants
//! with data) makes it give up, and the caller falls back to ron.

use std::fmt::{self, Write};

use serde::ser::{self, Serialize};

/// Levels of nesting that [`to_ron`] writes one item per line; deeper ones
/// go on one line (a panel file's marks: `"4-a": Mark(points: 4.5)`).
const DEPTH_LIMIT: usize = 5;

/// Pretty RON with struct names, as SPEC.md shows: readable and diffable by hand.
pub fn to_ron<T: serde::Serialize>(value: &T) -> String {
    to_ron_nested(value, 0)
}

/// [`to_ron`] of a value that sits `depth` levels deep in a larger one,
/// without the indentation of those levels: parts of one large file can be
/// rendered apart (and at the same time) and put together.
pub fn to_ron_nested<T: serde::Serialize>(value: &T, depth: usize) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .depth_limit(DEPTH_LIMIT.saturating_sub(depth));
    match ron::ser::to_string_pretty(value, config) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Our own types always serialize; this is unreachable in practice.
        Err(e) => format!("// panelist could not write this value: {e}\n"),
    }
}

/// `value` as [`to_ron`](to_ron) renders it at `depth` levels deep
/// (see [`to_ron_nested`](to_ron_nested)), without the final newline;
/// `None` when it holds something this serializer does not render.
#[cfg(test)]
pub fn to_string<T: Serialize + ?Sized>(value: &T, depth: usize) -> Option<String> {
    let mut serializer = Pretty {
        out: String::new(),
        depth_limit: DEPTH_LIMIT.saturating_sub(depth),
        indent: 0,
        is_empty: None,
    };
    value.serialize(&mut serializer).ok()?;
    Some(serializer.out)
}

/// Appends `value` to `out` exactly as it appears in [`to_ron`](to_ron)'s
/// rendering of a larger value where it sits `depth` levels deep: its
/// inner lines indented for that depth, its first line not (the indentation
/// before it, and the comma after it, are the caller's). `false`, with
/// `out` as it was, when it holds something this serializer does not render.
pub fn write_nested<T: Serialize + ?Sized>(out: &mut String, value: &T, depth: usize) -> bool {
    let start = out.len();
    let mut serializer = Pretty {
        out: std::mem::take(out),
        depth_limit: DEPTH_LIMIT,
        indent: depth,
        is_empty: None,
    };
    let rendered = value.serialize(&mut serializer).is_ok();
    *out = serializer.out;
    if !rendered {
        out.truncate(start);
    }
    rendered
}

struct Pretty {
    out: String,
    depth_limit: usize,
    /// The nesting level, as ron counts it.
    indent: usize,
    /// Whether the compound being opened has no elements (ron's `is_empty`).
    is_empty: Option<bool>,
}

const INDENTOR: &str = "    ";

impl Pretty {
    fn start_indent(&mut self) {
        self.indent += 1;
        if self.indent <= self.depth_limit && !self.is_empty.unwrap_or(false) {
            self.out.push('\n');
        }
    }

    fn write_indent(&mut self) {
        if self.indent <= self.depth_limit {
            for _ in 0..self.indent {
                self.out.push_str(INDENTOR);
            }
        }
    }

    fn end_indent(&mut self) {
        if self.indent <= self.depth_limit && !self.is_empty.unwrap_or(false) {
            for _ in 1..self.indent {
                self.out.push_str(INDENTOR);
            }
        }
        self.indent -= 1;
        self.is_empty = None;
    }

    /// Opens a compound of `len` elements (when known) with `open`; the
    /// compound closes with `close`.
    fn open(&mut self, open: char, len: Option<usize>, close: char) -> Compound<'_> {
        self.out.push(open);
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        Compound {
            pretty: self,
            any: false,
            close,
        }
    }

    /// Between two elements of a compound.
    fn separate(&mut self) {
        self.out.push(',');
        if self.indent <= self.depth_limit {
            self.out.push('\n');
        } else {
            self.out.push(' ');
        }
    }

    /// After the last element of a compound that had any.
    fn close_elements(&mut self, any: bool) {
        if any && self.indent <= self.depth_limit {
            self.out.push_str(",\n");
        }
    }

    /// Field, struct and variant names. Only plain ASCII identifiers that
    /// ron writes as they are; anything else (ron would write `r#name`)
    /// gives up.
    fn identifier(&mut self, name: &str) -> Result<(), Unsupported> {
        let mut bytes = name.bytes();
        let plain = bytes
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !matches!(
                name,
                "true"
                    | "false"
                    | "Some"
                    | "None"
                    | "inf"
                    | "inff32"
                    | "inff64"
                    | "NaN"
                    | "NaNf32"
                    | "NaNf64"
            );
        if !plain {
            return Err(Unsupported);
        }
        self.out.push_str(name);
        Ok(())
    }

    /// A string as ron escapes it: each character as `char::escape_debug`.
    fn string(&mut self, value: &str) {
        self.out.push('"');
        let plain = |b: u8| (0x20..0x7f).contains(&b) && !matches!(b, b'"' | b'\'' | b'\\');
        if value.bytes().all(plain) {
            self.out.push_str(value);
        } else {
            for c in value.chars() {
                for escaped in c.escape_debug() {
                    self.out.push(escaped);
                }
            }
        }
        self.out.push('"');
    }
}

/// What this serializer does not render; the caller falls back to ron.
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not rendered by the fast RON printer")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

type Result<T, E = Unsupported> = std::result::Result<T, E>;

macro_rules! display {
    ($($method:ident: $type:ty),*) => {$(
        fn $method(self, v: $type) -> Result<()> {
            let _ = write!(self.out, "{v}");
            Ok(())
        }
    )*};
}

macro_rules! unsupported {
    ($($method:ident: $type:ty),*) => {$(
        fn $method(self, _: $type) -> Result<()> {
            Err(Unsupported)
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Pretty {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    display!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    unsupported!(serialize_f32: f32, serialize_char: char, serialize_bytes: &[u8]);

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        self.string(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<()> {
        self.out.push_str("None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_unit(self) -> Result<()> {
        Err(Unsupported)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        Err(Unsupported)
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<()> {
        self.identifier(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, _: &T) -> Result<()> {
        Err(Unsupported)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<()> {
        Err(Unsupported)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open('[', len, ']'))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(Unsupported)
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Unsupported)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open('{', len, '}'))
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.identifier(name)?;
        Ok(self.open('(', Some(len), ')'))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

/// A list, map or struct being written.
pub struct Compound<'a> {
    pretty: &'a mut Pretty,
    any: bool,
    close: char,
}

impl Compound<'_> {
    fn next(&mut self) {
        if self.any {
            self.pretty.separate();
        }
        self.any = true;
        self.pretty.write_indent();
    }

    fn finish(self) -> Result<()> {
        self.pretty.close_elements(self.any);
        self.pretty.end_indent();
        self.pretty.out.push(self.close);
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.next();
        value.serialize(&mut *self.pretty)
    }

    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.next();
        key.serialize(&mut *self.pretty)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.pretty.out.push_str(": ");
        value.serialize(&mut *self.pretty)
    }

    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.next();
        self.pretty.identifier(key)?;
        self.pretty.out.push_str(": ");
        value.serialize(&mut *self.pretty)
    }

    fn end(self) -> Result<()> {
        self.finish()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::to_ron_nested;
    use super::{to_string, write_nested};

    fn same<T: Serialize>(value: &T) {
        for depth in 0..=6 {
            let ron = to_ron_nested(value, depth);
            let fast = to_string(value, depth).expect("rendered");
            assert_eq!(fast + "\n", ron, "depth {depth}");
            let nested = ron
                .trim_end_matches('\n')
                .replace('\n', &format!("\n{}", "    ".repeat(depth)));
            let mut out = String::from("before ");
            assert!(write_nested(&mut out, value, depth));
            assert_eq!(out, format!("before {nested}"), "nested at depth {depth}");
        }
    }

    #[derive(Serialize)]
    struct Inner {
        name: String,
        points: Option<f64>,
        flags: Vec<String>,
        nested: Vec<Vec<u32>>,
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        #[allow(dead_code)]
        Other,
    }

    #[derive(Serialize)]
    struct Outer {
        kind: Kind,
        count: u32,
        signed: i64,
        yes: bool,
        none: Option<String>,
        #[serde(skip_serializing_if = "String::is_empty")]
        skipped: String,
        inner: Vec<Inner>,
        empty: Vec<Inner>,
        map: BTreeMap<String, BTreeMap<String, Inner>>,
        empty_map: BTreeMap<String, u32>,
        floats: Vec<f64>,
    }

    fn inner(name: &str, points: Option<f64>) -> Inner {
        Inner {
            name: name.into(),
            points,
            flags: vec!["a".into(), String::new()],
            nested: vec![vec![], vec![1, 2], vec![3]],
        }
    }

    #[test]
    fn renders_what_ron_renders() {
        let strings = [
            "plain",
            "",
            "quote \" apostrophe ' backslash \\",
            "lines\nand\ttabs\r",
            "日本語 and é, combining e\u{301}, zero width \u{200b}, bell \u{7}",
            "emoji 🧪 and del \u{7f}",
        ];
        let mut map = BTreeMap::new();
        for (i, s) in strings.iter().enumerate() {
            let mut marks = BTreeMap::new();
            marks.insert(s.to_string(), inner(s, Some(i as f64 / 3.0)));
            map.insert(format!("{i}{s}"), marks);
        }
        let outer = Outer {
            kind: Kind::Plain,
            count: 42,
            signed: -7,
            yes: true,
            none: None,
            skipped: String::new(),
            inner: strings.iter().map(|s| inner(s, None)).collect(),
            empty: Vec::new(),
            map,
            empty_map: BTreeMap::new(),
            floats: vec![
                0.0,
                -0.0,
                1.0,
                0.1 + 0.2,
                1e300,
                1e-300,
                4.833333333333333,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                -f64::NAN,
            ],
        };
        same(&outer);
        same(&vec![outer]);
        same(&Vec::<u32>::new());
    }

    #[test]
    fn gives_up_on_what_it_does_not_render() {
        #[derive(Serialize)]
        struct Tuple(u32, u32);
        #[derive(Serialize)]
        struct Keyword {
            r#true: u32,
        }
        let mut out = String::from("kept");
        assert!(!write_nested(&mut out, &vec![Tuple(1, 2)], 1));
        assert_eq!(out, "kept");
        assert!(to_string(&Tuple(1, 2), 0).is_none());
        assert!(to_string(&Keyword { r#true: 1 }, 0).is_none());
        assert!(to_string(&('a', 1), 0).is_none());
    }
}
