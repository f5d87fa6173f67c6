//! Files on disk: loading a review directory, and saving a reviewer's sheet.
//!
//! All saves go through [`save_changes`]: one code path for `mark`, `submit`,
//! the TUI and the server's sessions. It takes the panel's exclusive lock,
//! re-reads the panel file, changes only the saving reviewer's sheet and
//! writes the file atomically and durably, so reviewers of one panel saving
//! at the same time never lose each other's marks, and a crash leaves the
//! old or the new file, never a torn one. The only other writer of a panel
//! file is [`check_journals`] rebuilding one from its journal (`check
//! --repair`), under the same lock.

mod atomic;
mod checksum;
mod follows;
mod forms;
mod inputs;
pub mod journal;
mod journals;
mod lock;
mod own_file;
mod panel_files;
pub(crate) mod pretty;
mod review;
mod save;
mod session;

pub use atomic::{remove_leftovers, write_atomic_parts};
pub use checksum::sha256_hex;
pub use follows::{
    EarlierResults, Followed, check_follows, earlier_dir, read_results, selected_tier, tier_ids,
};
pub use forms::{
    FormsLog, SentForm, changed_since, forms_log_path, make_form, mark_imported, read_forms_log,
};
pub use inputs::{
    Inspected, Progress, inspect_and_load, inspect_review, load_inputs, merge_inputs,
    read_panel_files,
};
pub use journals::{JournalReport, check_journals};
pub use lock::PanelLock;
pub use own_file::{PANEL_FILE_MODE, RESULTS_FILE_MODE};
pub use panel_files::{
    LoadedPanelFile, conflicts_elsewhere, lost_panel_files, now, panel_file_paths, read_panel_file,
    read_sheet, unrepaired,
};
pub use pretty::to_ron;
pub use review::{LoadedReview, load_review, read_review, scores_dir};
pub use save::{
    CLI_WAIT, RealIo, SaveIo, Saved, SavedConsensus, save_changes, save_changes_with,
    save_consensus, save_consensus_with,
};
pub use session::{SessionInfo, SessionLock};
