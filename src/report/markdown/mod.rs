//! `report.md`: the committee report a chair can paste into minutes and
//! defend: the ranking, the selection and how close it was, every tie and
//! what broke it, every flag with its cause, the rules, the sheets counted
//! and the input files with their checksums. Deterministic: the same inputs
//! give the same bytes (no clock, no paths outside the review) in the
//! language of the thread that writes it.

mod appendix;
mod around;
mod consensus;
mod flags;
mod lottery;
mod programme;
mod revised;
mod selection;
mod summary;
mod writer;

use std::fmt;

use crate::report::input_file::InputFile;
use summary::Summary;
pub use summary::{AROUND, FULL_REPORT_UP_TO, is_summary};
use writer::Report;

use crate::model::Review;
use crate::report::ResultsFile;

/// Writes the report of the results and their analysis. `review` gives
/// titles for ids. Up to [`FULL_REPORT_UP_TO`] regions the full report,
/// beyond it the summary (see [`summary`]).
pub fn markdown(file: &ResultsFile, review: &Review, inputs: &[InputFile]) -> String {
    if is_summary(&file.results) {
        write(file, review, inputs, Some(&Summary::of(&file.results)))
    } else {
        full_markdown(file, review, inputs)
    }
}

/// The full report whatever the size: a row for every region
/// (`merge --full-report`).
pub fn full_markdown(file: &ResultsFile, review: &Review, inputs: &[InputFile]) -> String {
    write(file, review, inputs, None)
}

fn write(
    file: &ResultsFile,
    review: &Review,
    inputs: &[InputFile],
    summary: Option<&Summary>,
) -> String {
    let mut out = String::new();
    let _ = Report {
        out: &mut out,
        results: &file.results,
        analysis: file.analysis.as_ref(),
        lottery: file.lottery.as_ref(),
        review,
        summary,
    }
    .write(inputs);
    out
}

impl Report<'_> {
    fn write(&mut self, inputs: &[InputFile]) -> fmt::Result {
        self.heading()?;
        self.summary_note()?;
        self.ranking()?;
        self.selection()?;
        self.budget()?;
        self.ties()?;
        if let Some(analysis) = self.analysis {
            let shown = self.summary.map(|s| s.analysed(analysis));
            let section = super::solidity::markdown_section_of(
                self.results,
                analysis,
                self.review,
                shown.as_ref(),
            );
            self.out.push_str(&section);
            self.grey_zones(analysis)?;
        }
        if let Some(lot) = self.lottery {
            self.lottery(lot)?;
        }
        self.consensus()?;
        self.flags()?;
        self.revised()?;
        self.rules()?;
        self.sheets()?;
        self.warnings()?;
        self.inputs(inputs)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::merge::{MergeOptions, SheetInput, merge};
    use crate::model::{PanelFile, Review};

    const REVIEW: &str = r#"Review(
        id: "t", title: "Ties",
        categories: [
            Category(id: "X", title: "Cat X", criteria: [Criterion(id: "x1", title: "x one", max: 10.0)]),
            Category(id: "Y", title: "Cat Y", criteria: [Criterion(id: "y1", title: "y one", max: 10.0)]),
        ],
        regions: [Region(id: "a", name: "A"), Region(id: "b", name: "B"),
                  Region(id: "c", name: "C"), Region(id: "d", name: "D")],
        reviewers: [Reviewer(id: "r1", name: "R One")],
        panels: [Panel(id: "p", title: "P", members: ["r1"], criteria: ["x1", "y1"], regions: All)],
        committee: Committee(select: 3, tie_break: ["Y", "X"]),
    )"#;

    const SHEETS: &str = r#"PanelFile(review: "t", panel: "p", rubric: "", sheets: {
        "r1": Sheet(submitted: true, updated: "2007-06-01T10:00:00Z", scores: {
            "a": {"x1": Mark(points: 6.0), "y1": Mark(points: 4.0)},
            "b": {"x1": Mark(points: 4.0), "y1": Mark(points: 6.0)},
            "c": {"x1": Mark(points: 5.0), "y1": Mark(points: 3.0)},
            "d": {"x1": Mark(points: 5.0), "y1": Mark(points: 3.0)},
        }),
    })"#;

    fn report() -> String {
        let review: Review = ron::from_str(REVIEW).unwrap();
        let file: PanelFile = ron::from_str(SHEETS).unwrap();
        let inputs: Vec<SheetInput> = file
            .sheets
            .iter()
            .map(|(reviewer, sheet)| SheetInput {
                origin: "scores/p.ron".into(),
                panel: "p".into(),
                reviewer: reviewer.clone(),
                sheet: sheet.clone(),
            })
            .collect();
        let results = merge(&review, &inputs, MergeOptions::default()).unwrap();
        let file = ResultsFile {
            results,
            analysis: None,
            lottery: None,
        };
        markdown(&file, &review, &[])
    }

    #[test]
    fn says_which_category_broke_a_tie_and_by_how_much() {
        let report = report();
        assert!(
            report.contains(
                "- B ranks above A: equal totals (10.00); decided by the tie-break on category Y \"Cat Y\", 6.00 against 4.00."
            ),
            "{report}"
        );
    }

    #[test]
    fn says_who_shares_a_rank_and_that_the_committee_decides_at_the_cutoff() {
        let report = report();
        assert!(
            report.contains(
                "- C and D share rank 3 (ex aequo): equal totals (8.00) and equal subtotals in every tie-break category (Y, X)."
            ),
            "{report}"
        );
        assert!(
            report.contains("The cutoff falls inside a tie: C, D share rank 3 with 8.00 points"),
            "{report}"
        );
        assert!(report.contains("only 1 place remains"), "{report}");
    }

    #[test]
    fn in_japanese_every_heading_and_sentence_is_japanese_and_the_numbers_the_same() {
        crate::i18n::set_lang(crate::i18n::Lang::Ja);
        let report = report();
        crate::i18n::set_lang(crate::i18n::Lang::En);
        for heading in [
            "# 審査結果：Ties",
            "## 順位",
            "## 選定",
            "## 同点と僅差",
            "## 要確認事項",
            "## 集計規則",
            "## 採点表",
            "## 入力ファイル",
        ] {
            assert!(
                report.contains(&format!("{heading}\n")),
                "{heading}:\n{report}"
            );
        }
        assert!(
            report.contains(
                "- B は A より上位です：合計は等しく（10.00）、大項目 Y「Cat Y」による同点時の判定（6.00 対 4.00）で決まりました。"
            ),
            "{report}"
        );
        assert!(
            report.contains("選定の境目が同点の中にあります：C、D は 8.00 点で 3 位に並び"),
            "{report}"
        );
        assert!(
            report.contains("| 3 | C | 8.00 | 0.00 | 5.00 | 3.00 | 同点 | 2 |  |"),
            "{report}"
        );
        let english = [
            "Ranking",
            "Selection",
            "Ties and close calls",
            "Rules",
            "Sheets",
        ];
        for word in english {
            assert!(!report.contains(word), "{word} in:\n{report}");
        }
    }
}
