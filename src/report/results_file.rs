//! `results.ron`: the committee results and, beside them, the analysis of
//! how solid they are. The merge computes the one and knows nothing of the
//! other; this is where they meet, for the file and for the screens.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::analysis::Analysis;
use crate::merge::Results;

/// What `results.ron` holds, and what the results screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsFile {
    pub results: Results,
    /// Absent when not computed (`--no-analysis`, or too large by default).
    pub analysis: Option<Analysis>,
}

/// Written as the one struct `Results(...)` with `analysis` as its last
/// field (left out when absent), as results.ron has always been: readers
/// of earlier files and scripts see the same shape.
impl Serialize for ResultsFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Results {
            review,
            title,
            rubric,
            rules,
            categories,
            regions,
            sheets,
            warnings,
            budget,
        } = &self.results;
        let fields = 8 + usize::from(budget.is_some()) + usize::from(self.analysis.is_some());
        let mut out = serializer.serialize_struct("Results", fields)?;
        out.serialize_field("review", review)?;
        out.serialize_field("title", title)?;
        out.serialize_field("rubric", rubric)?;
        out.serialize_field("rules", rules)?;
        out.serialize_field("categories", categories)?;
        out.serialize_field("regions", regions)?;
        out.serialize_field("sheets", sheets)?;
        out.serialize_field("warnings", warnings)?;
        match budget {
            Some(budget) => out.serialize_field("budget", &Some(budget))?,
            None => out.skip_field("budget")?,
        }
        match &self.analysis {
            Some(analysis) => out.serialize_field("analysis", &Some(analysis))?,
            None => out.skip_field("analysis")?,
        }
        out.end()
    }
}

/// The `analysis` field of a results.ron, read apart from the rest.
#[derive(serde::Deserialize)]
#[serde(rename = "Results")]
struct AnalysisField {
    #[serde(default)]
    analysis: Option<Analysis>,
}

impl ResultsFile {
    /// Reads the text of a results.ron: the results, and the analysis when
    /// the file has one (files written before the analysis existed have
    /// none).
    pub fn from_ron(text: &str) -> Result<ResultsFile, ron::error::SpannedError> {
        let results: Results = ron::from_str(text)?;
        let AnalysisField { analysis } = ron::from_str(text)?;
        Ok(ResultsFile { results, analysis })
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
        ResultsFile { results, analysis }
    }

    #[test]
    fn without_an_analysis_it_is_written_as_the_results_alone() {
        // Every field of the results is written: a field added to Results
        // and forgotten here would make the two differ.
        let file = file(false);
        assert_eq!(
            crate::store::to_ron(&file),
            crate::store::to_ron(&file.results)
        );
    }

    #[test]
    fn reads_back_what_it_writes() {
        for analysed in [false, true] {
            let file = file(analysed);
            let text = crate::store::to_ron(&file);
            assert_eq!(text.contains("analysis: Some("), analysed);
            assert_eq!(ResultsFile::from_ron(&text).unwrap(), file);
        }
    }
}
