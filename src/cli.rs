//! The command line, as SPEC.md's table of commands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "panelist",
    version,
    about = "Expert review panels in the terminal: reviewers score, the chair merges",
    after_help = "The review directory holds review.ron and scores/. When it is not given: $PANELIST_DIR, then `dir` in the config file.\nTry the sample: panelist merge panels/kci-2007"
)]
pub struct Cli {
    /// Language of the interface: en or ja (default: `lang` in the config
    /// file, else the locale, else English)
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score your regions, criterion by criterion (the reviewer's TUI)
    Review(ReviewArgs),
    /// Merge the panel files into committee results
    Merge(MergeArgs),
    /// Browse the committee results (the chair's TUI)
    Results(DirArgs),
    /// Progress per panel and reviewer
    Status(StatusArgs),
    /// Validate review.ron and every panel file (and their journals)
    Check(CheckArgs),
    /// The audit trail: every change of a mark, note, conflict or submission
    History(HistoryArgs),
    /// Set one mark (for scripts; the same locked, atomic save as the TUI)
    #[command(
        override_usage = "panelist mark [DIR] --reviewer ID --panel ID REGION CRITERION POINTS [--note TEXT]"
    )]
    Mark(MarkArgs),
    /// Mark your sheet as submitted
    Submit(SubmitArgs),
    /// Create a new review directory from a commented template
    Init(InitArgs),
    /// Serve the review TUI over SSH to reviewers with a registered key
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct DirArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
    /// Rebuild lost or damaged panel files from their journals (damaged files are kept aside)
    #[arg(long)]
    pub repair: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
    /// Only this reviewer's changes
    #[arg(long)]
    pub reviewer: Option<String>,
    /// Only changes concerning this region
    #[arg(long)]
    pub region: Option<String>,
    /// Only this panel's journal
    #[arg(long)]
    pub panel: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
    /// Your reviewer id (default: $PANELIST_REVIEWER, else your login name)
    #[arg(long)]
    pub reviewer: Option<String>,
    /// The panel to score (asked when you sit on several)
    #[arg(long)]
    pub panel: Option<String>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
    /// Count draft sheets too
    #[arg(long)]
    pub include_drafts: bool,
    /// Write results.ron, results.csv and report.md here instead of the review directory
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// An extra panel file, e.g. sheets returned by e-mail (repeatable)
    #[arg(long, value_name = "FILE")]
    pub add: Vec<PathBuf>,
    /// Analyse how solid the selection is even for a review of more than
    /// 100,000 counting marks (below that it is on by default)
    #[arg(long, conflicts_with = "no_analysis")]
    pub analysis: bool,
    /// Leave out the analysis of how solid the selection is
    #[arg(long)]
    pub no_analysis: bool,
    /// Resampling rounds of the analysis [default: 2000, fewer for very large reviews]
    #[arg(long, value_name = "N")]
    pub rounds: Option<u32>,
    /// Seed of the analysis's resampling
    #[arg(long, value_name = "N", default_value_t = crate::analysis::DEFAULT_SEED)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
    /// Machine-readable output
    #[arg(long)]
    pub csv: bool,
    /// Call out drafts unchanged for more than this many days
    #[arg(long, value_name = "DAYS", default_value_t = 7)]
    pub stale_days: u32,
    /// Take this time (RFC 3339) as now, instead of the clock (for tests)
    #[arg(long, value_name = "TIME", hide = true)]
    pub now: Option<jiff::Timestamp>,
}

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// [DIR] REGION CRITERION POINTS
    #[arg(value_name = "ARGS", required = true)]
    pub args: Vec<String>,
    /// Reviewer id
    #[arg(long)]
    pub reviewer: String,
    /// Panel id
    #[arg(long)]
    pub panel: String,
    /// A note for the mark
    #[arg(long)]
    pub note: Option<String>,
    /// Change a submitted sheet: makes it a draft again
    #[arg(long)]
    pub reopen: bool,
}

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
    /// Reviewer id
    #[arg(long)]
    pub reviewer: String,
    /// Panel id
    #[arg(long)]
    pub panel: String,
    /// Submit even though marks are still due
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The new review directory
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Review directory (holds review.ron)
    pub dir: Option<PathBuf>,
    /// Address to listen on (port 0 picks a free port, printed at start)
    #[arg(long, default_value = "0.0.0.0:2222")]
    pub listen: String,
    /// The server's host key (an OpenSSH private key); by default one is
    /// created on first start in panelist's data directory
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// Sessions open at once, at most
    #[arg(long, default_value_t = 64)]
    pub max_sessions: usize,
    /// Authentication attempts per connection, at most
    #[arg(long, default_value_t = 6)]
    pub max_auth_attempts: usize,
    /// Minutes without a key before a session is closed (its marks are saved)
    #[arg(long, value_name = "MINUTES", default_value_t = 60)]
    pub idle_minutes: u64,
}
