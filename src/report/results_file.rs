//! `results.ron`: the committee results and, beside them, the analysis of
//! how solid they are. The merge computes the one and knows nothing of the
//! other; this is where they meet, for the file and for the screens.

mod checks;
mod format;

pub use format::FORMAT;

use crate::analysis::Analysis;
use crate::lottery::Lot;
use crate::merge::Results;
use crate::report::input_file::InputFile;

/// What `results.ron` holds, and what the results screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsFile {
    pub results: Results,
    /// Absent when not computed (`--no-analysis`).
    pub analysis: Option<Analysis>,
    /// The committee's lottery, when it asked for one (`lottery`): the
    /// draw that gave `results` their `Drawn` and `NotDrawn`.
    pub lottery: Option<Lot>,
}

/// A results.ron read back: the results, and the files they were merged
/// from with their SHA-256 (none in files written before format 2).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadResults {
    pub file: ResultsFile,
    pub inputs: Vec<InputFile>,
}

/// How results.ron is written: every region (and every sheet, every
/// region's analysis) on a line of its own, with `Some` left implicit.
fn config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .depth_limit(2)
        .separator("")
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
}

impl ResultsFile {
    /// The text of results.ron (format 2): the results and the analysis,
    /// the checksums of `inputs`, and no copy of the marks.
    pub fn to_ron(&self, inputs: &[InputFile]) -> String {
        self.ron(inputs).text()
    }

    /// What results.ron holds of these results as they are now, to be
    /// rendered later ([`RonFile::text`]), while they change.
    pub fn ron(&self, inputs: &[InputFile]) -> RonFile {
        RonFile(format::File::new(
            &self.results,
            self.analysis.as_ref(),
            self.lottery.as_ref(),
            inputs,
        ))
    }
    /// Reads the text of a results.ron: the results, and the analysis when
    /// the file has one. Files written before format 2, which copied every
    /// counting mark, read as well (their marks are left out, as the
    /// panel files hold them).
    pub fn from_ron(text: &str) -> Result<ResultsFile, ron::error::SpannedError> {
        ReadResults::from_ron(text).map(|read| read.file)
    }
}

/// What results.ron holds (see [`ResultsFile::ron`]).
pub struct RonFile(format::File);

impl RonFile {
    /// The text of results.ron.
    pub fn text(&self) -> String {
        match ron::ser::to_string_pretty(&self.0, config()) {
            Ok(mut text) => {
                text.push('\n');
                text
            }
            // Our own types always serialize; this is unreachable in practice.
            Err(e) => format!("// panelist could not write the results: {e}\n"),
        }
    }
}

/// Only the files a results.ron was merged from.
#[derive(serde::Deserialize)]
#[serde(rename = "Results")]
struct InputsOnly {
    #[serde(default)]
    inputs: Vec<InputFile>,
}

/// The files the results.ron `text` was merged from, with their SHA-256,
/// read without the rest; empty for a file written before format 2.
pub fn recorded_inputs(text: &str) -> Result<Vec<InputFile>, ron::error::SpannedError> {
    ron::from_str::<InputsOnly>(text).map(|file| file.inputs)
}

/// The fields of a results.ron written before format 2, beside `Results`.
#[derive(serde::Deserialize)]
#[serde(rename = "Results")]
struct Version1 {
    #[serde(default)]
    format: u32,
    #[serde(default)]
    analysis: Option<Analysis>,
}

impl ReadResults {
    pub fn from_ron(text: &str) -> Result<ReadResults, ron::error::SpannedError> {
        // By the fast reader when it takes the file (a national call's is
        // megabytes), else by ron, which has the last word and the errors.
        let format2 = match crate::source::read_implicit_some::<format::File>(text) {
            Some(file) => Ok(file),
            None => ron::from_str::<format::File>(text),
        };
        let format2 = match format2 {
            Ok(file) => file,
            Err(error) => {
                // Not format 2: an earlier file, unless it says it is one.
                let earlier = match ron::from_str::<Version1>(text) {
                    Ok(earlier) if earlier.format < FORMAT => earlier,
                    _ => return Err(error),
                };
                let mut results: Results = ron::from_str(text)?;
                for region in &mut results.regions {
                    for criterion in &mut region.criteria {
                        criterion.scores.clear();
                    }
                }
                let file = ResultsFile {
                    results,
                    analysis: earlier.analysis,
                    lottery: None,
                };
                return Ok(ReadResults {
                    file,
                    inputs: Vec::new(),
                });
            }
        };
        let Some(((results, analysis, lottery), inputs)) = format2.into_results() else {
            return Err(ron::error::SpannedError {
                code: ron::Error::Message(
                    "`checks` names a region that is not among the `regions`".into(),
                ),
                span: ron::error::Span {
                    start: ron::error::Position { line: 1, col: 1 },
                    end: ron::error::Position { line: 1, col: 1 },
                },
            });
        };
        Ok(ReadResults {
            file: ResultsFile {
                results,
                analysis,
                lottery,
            },
            inputs,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::merge::{MergeOptions, merge};
    use crate::synthetic::{Shape, generate};

    fn file(analysed: bool) -> ResultsFile {
        let synthetic = generate(&Shape::new(12, 3));
        let results = merge(
            &synthetic.review,
            &synthetic.sheet_inputs(),
            MergeOptions::default(),
        )
        .unwrap();
        let settings = crate::analysis::Settings {
            rounds: Some(20),
            ..Default::default()
        };
        let analysis =
            analysed.then(|| crate::analysis::analyse(&synthetic.review, &results, settings));
        ResultsFile {
            results,
            analysis,
            lottery: None,
        }
    }

    fn without_marks(mut file: ResultsFile) -> ResultsFile {
        for region in &mut file.results.regions {
            for criterion in &mut region.criteria {
                criterion.scores.clear();
            }
        }
        file
    }

    fn inputs() -> Vec<InputFile> {
        vec![InputFile {
            path: "scores/p1.ron".into(),
            sha256: "ab".repeat(32),
            followed: false,
        }]
    }

    #[test]
    fn reads_back_what_it_writes_but_the_marks() {
        for analysed in [false, true] {
            let file = file(analysed);
            assert!(file.results.regions[0].criteria[0].scores.len() > 1);
            let text = file.to_ron(&inputs());
            assert_eq!(text.contains("analysis:Analysis("), analysed, "{text}");
            let read = ReadResults::from_ron(&text).unwrap();
            assert_eq!(read.file, without_marks(file));
            assert_eq!(read.inputs, inputs());
        }
    }

    #[test]
    fn rendered_later_it_holds_the_results_as_they_were_taken() {
        let mut file = file(true);
        file.results.warnings = vec!["a warning, \"quoted\"".into()];
        let expected = file.to_ron(&inputs());
        let ron = file.ron(&inputs());
        file.results.warnings.clear();
        assert_eq!(ron.text(), expected);
        assert_ne!(file.to_ron(&inputs()), expected);
    }

    #[test]
    fn the_fast_reader_reads_what_ron_reads() {
        for analysed in [false, true] {
            let text = file(analysed).to_ron(&inputs());
            // The fast reader takes what panelist writes.
            let fast = crate::source::read_implicit_some::<format::File>(&text).unwrap();
            let ron: format::File = ron::from_str(&text).unwrap();
            assert_eq!(fast.into_results(), ron.into_results());
            // Without the extension it wrote with, it is left to ron.
            let plain = text.replacen("#![enable(implicit_some)]", "", 1);
            assert!(crate::source::read_implicit_some::<format::File>(&plain).is_none());
        }
    }

    #[test]
    fn holds_each_region_on_a_line_and_no_mark() {
        let file = file(true);
        let text = file.to_ron(&inputs());
        assert!(text.starts_with("#![enable(implicit_some)]"), "{text}");
        assert!(text.contains("\n    format:2,\n"), "{text}");
        let regions = text
            .lines()
            .filter(|l| l.starts_with("        Region("))
            .count();
        assert_eq!(regions, file.results.regions.len(), "{text}");
        let notes: Vec<&str> = file
            .results
            .regions
            .iter()
            .flat_map(|r| &r.criteria)
            .flat_map(|c| &c.scores)
            .map(|s| s.note.as_str())
            .filter(|n| !n.is_empty())
            .collect();
        assert!(!notes.is_empty());
        for note in notes {
            assert!(!text.contains(note), "{note}");
        }
        assert!(!text.contains("Score("), "{text}");
    }

    #[test]
    fn reads_files_written_before_format_2() {
        // As results.ron was written until format 2: every counting mark
        // copied, `Some` spelt out, no format.
        for analysed in [false, true] {
            let file = file(analysed);
            let text = crate::store::to_ron(&FormatOne(&file));
            assert!(text.contains("scores: [Score("), "{text}");
            let read = ReadResults::from_ron(&text).unwrap();
            assert_eq!(read.file, without_marks(file));
            assert!(read.inputs.is_empty());
        }
    }

    #[test]
    fn a_damaged_file_is_refused_where_it_is_damaged() {
        let text = file(false)
            .to_ron(&inputs())
            .replace("status:Selected", "status:Chosen");
        let error = ResultsFile::from_ron(&text).unwrap_err();
        let line = text.lines().position(|l| l.contains("Chosen")).unwrap() + 1;
        assert_eq!(error.span.start.line, line, "{error}");
    }

    /// A results.ron of format 1: the results with their marks, and the
    /// analysis as the last field.
    struct FormatOne<'a>(&'a ResultsFile);

    impl serde::Serialize for FormatOne<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let r = &self.0.results;
            let mut out = serializer.serialize_struct("Results", 10)?;
            out.serialize_field("review", &r.review)?;
            out.serialize_field("title", &r.title)?;
            out.serialize_field("rubric", &r.rubric)?;
            out.serialize_field("rules", &r.rules)?;
            out.serialize_field("categories", &r.categories)?;
            out.serialize_field("regions", &r.regions)?;
            out.serialize_field("sheets", &r.sheets)?;
            out.serialize_field("warnings", &r.warnings)?;
            out.serialize_field("budget", &r.budget)?;
            out.serialize_field("analysis", &self.0.analysis)?;
            out.end()
        }
    }
}
