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
mod markdown;
mod money;
mod results_file;
pub mod solidity;
mod table;
pub mod words;

pub use chart::{cutoff, svg, tier_cutoffs};
pub use csv_file::csv;
pub use eligibility::rule_in_words;
pub use markdown::{InputFile, markdown};
pub use money::{amount, amount_in};
pub use results_file::{ReadResults, ResultsFile, recorded_inputs};
pub use table::table;
pub use words::{Form, points};
