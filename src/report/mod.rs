//! Committee results as files and text: `results.csv`, `report.md`,
//! `results.svg`, and the table `merge` prints. Pure: data in, strings out.
//!
//! The words of the report, the chart and the table are in the language of
//! the thread that draws them (see [`crate::i18n`]); `results.csv` is for
//! machines and the same in every language.

mod chart;
mod csv_file;
pub mod eligibility;
pub mod feedback;
mod histogram;
mod input_file;
mod lines;
mod markdown;
mod money;
mod percentiles;
mod results_file;
pub mod solidity;
mod table;
pub mod words;

pub use chart::{cutoff, tier_cutoffs};
pub use csv_file::csv;
pub use eligibility::rule_in_words;
pub use histogram::{AROUND as SVG_AROUND, BARS_UP_TO, svg};
pub use input_file::InputFile;
pub use lines::{Line, Place, label as line_label, lines, places};
pub use markdown::{
    AROUND as REPORT_AROUND, FULL_REPORT_UP_TO, full_markdown, is_summary, markdown,
};
pub use money::{amount, amount_in};
pub use percentiles::{percentile, percentiles_csv};
pub use results_file::{ReadResults, ResultsFile, RonFile, recorded_inputs};
pub use table::table;
pub use words::{Form, points};
