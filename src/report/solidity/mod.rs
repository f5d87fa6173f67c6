//! "How solid is the selection?": the analysis as a section of `report.md`,
//! written for a chair who must defend the selection, and as a small table
//! for the terminal. Pure: data in, text out, in the language of the thread
//! (locales/*/analysis.ftl).
//!
//! [`sentences`] words every reading once; [`table`] is the terminal's,
//! [`section`] (with [`checks`], [`calibration`], [`teams`] and
//! [`closeness`]) the report's.

mod calibration;
mod checks;
mod closeness;
mod section;
mod sentences;
mod table;
mod teams;

pub use crate::report::words::{gap, list};
pub use section::{markdown_section, markdown_section_of};
pub use sentences::{
    boundary_line, calibration_line, changes_phrase, cut, cut_named, cutoff_line, rank_range,
    reading_word, reasons, reviewer_named, rules_across, selected_share, selected_share_with_error,
    side, signed, swap_summary, thin_reason, verdict_word, without,
};
pub use table::table;
pub use teams::{offset_at, offset_within, team_line, teams_method};
