//! Ids given on the command line, looked up or refused with the ones that
//! exist.

use crate::Error;

/// Looks up what a reviewer names on the command line, or says what exists
/// (`kind` is the catalog key of the kind's name).
pub fn known<'a, T>(
    kind: &str,
    id: &str,
    found: Option<&'a T>,
    choices: impl Iterator<Item = &'a str>,
) -> Result<&'a T, Error> {
    found.ok_or_else(|| {
        let choices: Vec<&str> = choices.collect();
        Error::Refused(crate::t!(
            "cmd-unknown",
            kind = crate::i18n::text(kind, &[]),
            id = id,
            known = if choices.len() > 12 {
                crate::t!(
                    "cmd-known-many",
                    first = choices[..12].join(", "),
                    count = choices.len()
                )
            } else {
                choices.join(", ")
            }
        ))
    })
}
