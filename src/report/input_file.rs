//! An input file of the merge and its SHA-256: listed at the end of
//! report.md, recorded in results.ron.

/// An input file of the merge, with its checksum, so that the results can be
/// reproduced from exactly these files. results.ron records them too.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InputFile {
    pub path: String,
    pub sha256: String,
    /// The results of the review this one follows (SPEC's "Stages"): the
    /// selection its regions come from, not a file of this review.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub followed: bool,
}
