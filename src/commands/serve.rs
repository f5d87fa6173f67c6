//! `panelist serve`: the SSH server of the reviewer's TUI.

use std::path::PathBuf;
use std::time::Duration;

use crate::serve::{Limits, Notice, Options};
use crate::{Error, config};

/// `panelist serve [DIR] [--listen ADDR]` and the server's limits.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub dir: Option<PathBuf>,
    #[arg(long, default_value = "0.0.0.0:2222")]
    pub listen: String,
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    #[arg(long, default_value_t = 64)]
    pub max_sessions: usize,
    #[arg(long, default_value_t = 6)]
    pub max_auth_attempts: usize,
    #[arg(long, value_name = "MINUTES", default_value_t = 60)]
    pub idle_minutes: u64,
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub login_seconds: u64,
    #[arg(long, default_value_t = 100)]
    pub max_unauthenticated: usize,
}

pub fn run(args: Args) -> Result<(), Error> {
    let options = Options {
        dir: config::review_dir(args.dir.as_deref())?,
        listen: args.listen,
        host_key: args.host_key,
        limits: Limits {
            max_sessions: args.max_sessions,
            max_auth_attempts: args.max_auth_attempts,
            idle: Duration::from_secs(args.idle_minutes.max(1) * 60),
            login: Duration::from_secs(args.login_seconds.max(1)),
            max_unauthenticated: args.max_unauthenticated.max(1),
            // Fitted to the open-file limit when the server starts.
            room: usize::MAX,
        },
    };
    crate::serve::run(options, &say)
}

/// Shows what the server tells: warnings and where it logs on stderr, where
/// it listens on stdout.
fn say(notice: Notice) {
    match notice {
        Notice::Warning(message) => {
            crate::errln!("{}", crate::t!("warning-line", message = message));
        }
        Notice::LoggingTo(file) => {
            crate::errln!("{}", crate::t!("serve-logging-to", file = file.display()));
        }
        Notice::Listening {
            address,
            fingerprint,
            keys,
        } => {
            crate::outln!("{}", crate::t!("serve-listening", address = address));
            crate::outln!(
                "{}",
                crate::t!("serve-host-fingerprint", fingerprint = fingerprint)
            );
            crate::outln!(
                "{}",
                crate::t!("serve-keys-accepted", keys = keys, port = address.port())
            );
        }
    }
}
