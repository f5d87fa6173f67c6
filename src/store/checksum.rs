//! The checksum report.md gives each input file, so that results can be
//! reproduced from exactly those files.

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes` in lower-case hex, as report.md lists it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}
