//! A fast reader of panel files, for the files as panelist writes them.
//!
//! Parsing is most of what `check` and `merge` do: a national cycle's panel
//! files hold half a million marks, and ron's general-purpose parser reads
//! them at some 90 MB/s. This reader knows the one shape of a panel file
//! (SPEC.md) and reads it several times faster. It accepts a subset of RON
//! (the shapes panelist writes, and what a hand edit keeps: any whitespace,
//! comments, field order, missing struct names and trailing commas, the
//! escapes ron knows), and for everything it accepts it gives exactly what
//! ron gives (tests compare the two on generated and hand-made files).
//! Anything else, valid or not (raw strings, `1e3`, an unknown field, a
//! duplicate key, a syntax error), it declines, and the file is parsed by
//! ron, which has the last word and the exact error messages.

use super::cursor::Cursor;
use crate::model::{Consensus, Mark, PanelFile, Sheet, UniqueMap};

/// The panel file in `text`, or `None` when this reader declines it.
pub fn panel_file(text: &str) -> Option<PanelFile> {
    let mut cursor = Cursor::new(text);
    cursor.ws()?;
    let file = cursor.panel_file()?;
    cursor.ws()?;
    cursor.at_end().then_some(file)
}

impl<'a> Cursor<'a> {
    /// `None` or `Some(value)`.
    fn option<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.ident()? {
            "None" => Some(None),
            "Some" => {
                self.ws()?;
                self.expect(b'(')?;
                self.ws()?;
                let value = value(self)?;
                self.ws()?;
                self.expect(b')')?;
                Some(Some(value))
            }
            _ => None,
        }
    }

    /// A struct's fields: `name: value`, each read by `field`.
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.elements(b')', |cursor| {
            let name = cursor.ident()?;
            cursor.ws()?;
            cursor.expect(b':')?;
            cursor.ws()?;
            field(cursor, name)
        })
    }

    /// A map with string keys, each key once.
    fn map<V>(&mut self, mut value: impl FnMut(&mut Self) -> Option<V>) -> Option<UniqueMap<V>> {
        self.expect(b'{')?;
        let mut map = UniqueMap::default();
        self.elements(b'}', |cursor| {
            let key = cursor.string()?.into_owned();
            cursor.ws()?;
            cursor.expect(b':')?;
            cursor.ws()?;
            let value = value(cursor)?;
            map.insert(key, value).is_none().then_some(())
        })?;
        Some(map)
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        self.expect(b'[')?;
        let mut list = Vec::new();
        self.elements(b']', |cursor| {
            list.push(cursor.string()?.into_owned());
            Some(())
        })?;
        Some(list)
    }

    fn panel_file(&mut self) -> Option<PanelFile> {
        self.open_struct("PanelFile")?;
        let (mut review, mut panel, mut rubric, mut sheets, mut consensus) =
            (None, None, None, None, None);
        self.fields(|cursor, name| match name {
            "review" => once(&mut review, cursor.string()?.into_owned()),
            "panel" => once(&mut panel, cursor.string()?.into_owned()),
            "rubric" => once(&mut rubric, cursor.string()?.into_owned()),
            "sheets" => once(&mut sheets, cursor.map(Cursor::sheet)?),
            "consensus" => once(&mut consensus, cursor.option(Cursor::consensus)?),
            _ => None,
        })?;
        Some(PanelFile {
            review: review?,
            panel: panel?,
            rubric: rubric?,
            sheets: sheets?,
            consensus: consensus.flatten(),
        })
    }

    fn consensus(&mut self) -> Option<Consensus> {
        self.open_struct("Consensus")?;
        let (mut by, mut updated, mut marks) = (None, None, None);
        self.fields(|cursor, name| match name {
            "by" => once(&mut by, cursor.string()?.into_owned()),
            "updated" => once(&mut updated, timestamp(&cursor.string()?)?),
            "marks" => once(&mut marks, cursor.map(|c| c.map(Cursor::mark))?),
            _ => None,
        })?;
        Some(Consensus {
            by: by?,
            updated: updated?,
            marks: marks?,
        })
    }

    fn sheet(&mut self) -> Option<Sheet> {
        self.open_struct("Sheet")?;
        let (mut submitted, mut updated, mut scores, mut conflicts, mut was_submitted) =
            (None, None, None, None, None);
        self.fields(|cursor, name| match name {
            "submitted" => once(&mut submitted, cursor.boolean()?),
            "updated" => once(&mut updated, timestamp(&cursor.string()?)?),
            "scores" => once(&mut scores, cursor.map(|c| c.map(Cursor::mark))?),
            "conflicts" => once(&mut conflicts, cursor.strings()?),
            "was_submitted" => once(&mut was_submitted, cursor.boolean()?),
            _ => None,
        })?;
        Some(Sheet {
            submitted: submitted?,
            updated: updated?,
            scores: scores?,
            conflicts: conflicts.unwrap_or_default(),
            was_submitted: was_submitted.unwrap_or_default(),
        })
    }

    fn mark(&mut self) -> Option<Mark> {
        self.open_struct("Mark")?;
        let (mut points, mut note, mut preliminary) = (None, None, None);
        self.fields(|cursor, name| match name {
            "points" => once(&mut points, cursor.number()?),
            "note" => once(&mut note, cursor.string()?.into_owned()),
            "preliminary" => once(&mut preliminary, cursor.option(Cursor::number)?),
            _ => None,
        })?;
        Some(Mark {
            points: points?,
            note: note.unwrap_or_default(),
            preliminary: preliminary.flatten(),
        })
    }
}

/// Sets a field read for the first time; a field given twice is declined.
fn once<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

/// A timestamp exactly as serde reads it from ron's string.
fn timestamp(text: &str) -> Option<jiff::Timestamp> {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    let deserializer: serde::de::value::StrDeserializer<serde::de::value::Error> =
        text.into_deserializer();
    jiff::Timestamp::deserialize(deserializer).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::panel_file;
    use crate::model::PanelFile;
    use crate::store::to_ron;
    use crate::synthetic::{Shape, generate};

    fn ron(text: &str) -> Option<PanelFile> {
        ron::from_str(text).ok()
    }

    /// The fast reader either declines or agrees with ron.
    fn agrees(text: &str) -> Option<PanelFile> {
        let fast = panel_file(text);
        if let Some(file) = &fast {
            assert_eq!(Some(file), ron(text).as_ref(), "{text}");
        }
        fast
    }

    #[test]
    fn reads_what_panelist_writes_as_ron_does() {
        let mut synthetic = generate(&Shape::new(60, 5));
        let sheet = synthetic.panel_files[0].sheets.values_mut().next().unwrap();
        let marks = sheet.scores.values_mut().next().unwrap();
        let mark = marks.values_mut().next().unwrap();
        mark.note =
            "two lines\nand \"quotes\", 'apostrophes', a \\ backslash, \t tab, 日本語, \u{7} bell, e\u{301}"
                .into();
        mark.points = -0.0;
        sheet.conflicts = vec!["r01".into(), "日本".into()];
        for file in &synthetic.panel_files {
            let text = to_ron(file);
            assert_eq!(agrees(&text).as_ref(), Some(file));
        }
        let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("panels");
        for review in ["kci-2007", "kci-2007-ja"] {
            let Ok(entries) = std::fs::read_dir(sample.join(review).join("scores")) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "ron") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert!(agrees(&text).is_some(), "{}", path.display());
                }
            }
        }
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_written_file_reads_as_ron_reads_it(
            keys in proptest::collection::vec("\\PC{0,12}", 1..4),
            note in "\\PC{0,40}|[\\\\\"'\n\r\t\u{0}-\u{1f}\u{7f}-\u{a0}]{0,8}",
            points in prop_oneof![
                (0u32..2000).prop_map(|n| f64::from(n) / 8.0),
                proptest::num::f64::NORMAL | proptest::num::f64::ZERO,
            ],
            submitted: bool,
            agreed: bool,
            seconds in 0i64..4_000_000_000,
        ) {
            let mut marks = crate::model::UniqueMap::default();
            for key in &keys {
                marks.insert(key.clone(), crate::model::Mark::new(points, note.clone()));
            }
            let mut scores = crate::model::UniqueMap::default();
            scores.insert(note.clone(), marks);
            let sheet = crate::model::Sheet {
                submitted,
                updated: jiff::Timestamp::from_second(seconds).unwrap(),
                scores,
                conflicts: keys.clone(),
                was_submitted: !submitted,
            };
            let mut sheets = crate::model::UniqueMap::default();
            sheets.insert(keys[0].clone(), sheet);
            let consensus = agreed.then(|| {
                let mut consensus = crate::model::Consensus::new(&keys[0], jiff::Timestamp::from_second(seconds).unwrap());
                let mut mark = crate::model::Mark::new(points, note.clone());
                mark.preliminary = Some(points);
                consensus.set(&note, &keys[0], Some(mark));
                consensus
            });
            let file = PanelFile { review: note.clone(), panel: keys[0].clone(), rubric: "f".into(), sheets, consensus };
            let text = to_ron(&file);
            let read = agrees(&text);
            if points.abs() < 1e15 && (points == 0.0 || points.abs() >= 1e-4) {
                prop_assert_eq!(read.as_ref(), Some(&file), "{}", text);
            }
        }
    }

    #[test]
    fn reads_hand_edits_as_ron_does() {
        let texts = [
            // no struct names, fields in another order, no trailing commas
            r#"( panel: "p", review: "r", sheets: {"a": (updated: "2007-06-01T10:00:00Z", scores: {"x": {"c": (points: 4)}}, submitted: true)}, rubric: "f" )"#,
            // comments, CRLF, tabs, nested block comments, spaces before (
            "// head\r\nPanelFile /* a /* nested */ one */ (\r\n\treview: \"r\", // line\r\n\tpanel: \"p\",\r\n\trubric: \"f\",\r\n\tsheets: {},\r\n)\r\n",
            // integer and negative points, empty note, conflicts, escapes
            r#"PanelFile(review: "r", panel: "p", rubric: "f", sheets: {"a\u{301}": Sheet(submitted: false, updated: "2007-06-01T10:00:00+09:00", scores: {"x": {"c": Mark(points: -3), "d": Mark(points: 10.25, note: "")}}, conflicts: ["y", "z\n"],),},)"#,
            r#"PanelFile(review:"r",panel:"p",rubric:"f",sheets:{"a":Sheet(submitted:true,updated:"2007-06-01T10:00:00Z",scores:{},),})"#,
        ];
        for text in texts {
            assert!(agrees(text).is_some(), "declined: {text}");
        }
    }

    #[test]
    fn declines_what_it_does_not_know_and_every_error() {
        let base = r#"PanelFile(review: "r", panel: "p", rubric: "f", sheets: {"a": Sheet(submitted: true, updated: "2007-06-01T10:00:00Z", scores: {"x": {"c": Mark(points: 4.5)}})})"#;
        assert!(agrees(base).is_some());
        let variants = [
            ("4.5", "4.5e0"),
            ("4.5", "4."),
            ("4.5", "+4.5"),
            ("4.5", "4_5"),
            ("4.5", "4.5f64"),
            ("4.5", "inf"),
            ("4.5", "\"4.5\""),
            ("\"r\"", "r#\"r\"#"),
            ("\"r\"", "\"r\\x41\""),
            ("\"r\"", "\"r\\\n  s\""),
            ("\"r\"", "\"r\\q\""),
            ("\"r\"", "\"r\\u{}\""),
            ("\"r\"", "\"r\\u{d800}\""),
            ("\"r\"", "\"r\\u{1234567}\""),
            ("\"r\"", "\"r"),
            ("PanelFile(", "Panelfile("),
            ("PanelFile(", "r#PanelFile("),
            ("Sheet(", "Sheet ["),
            ("submitted: true", "submitted: True"),
            ("submitted: true", "submitted: truely"),
            ("submitted: true", "submitted: true, submitted: true"),
            ("submitted: true, ", ""),
            ("rubric: \"f\"", "rubric: \"f\", extra: 1"),
            ("\"2007-06-01T10:00:00Z\"", "\"yesterday\""),
            ("{\"c\"", "{\"c\": Mark(points: 1), \"c\""),
            ("review: \"r\", panel", "review: \"r\" panel"),
            ("})})", "})}),)x"),
            ("})})", "})})\u{2028}"),
            ("PanelFile(", "#![enable(implicit_some)] PanelFile("),
            ("PanelFile(", "\u{feff}PanelFile("),
            ("PanelFile(", "/* open PanelFile("),
            ("})})", "})}) // no newline"),
            ("review: ", "révîew: "),
        ];
        for (from, to) in variants {
            let text = base.replacen(from, to, 1);
            assert_ne!(text, base, "{from} -> {to}");
            assert!(agrees(&text).is_none(), "accepted: {text}");
        }
    }
}
