//! Conflicts of interest: why a reviewer may not score a region, from
//! `review.ron` alone (a sheet may declare more; the merge adds those).

use super::review::{Region, Reviewer};

/// Why a reviewer may not score a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict<'a> {
    /// The region is in the reviewer's `conflicts`.
    Declared,
    /// One of the region's `institutions` (this one, as the region writes
    /// it) is among the reviewer's `affiliations`.
    Institution(&'a str),
}

/// An institution's name as two names are compared: trimmed, and in lower
/// case, so that "Kyushu University " and "kyushu university" are one.
pub fn institution_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Why `reviewer` may not score `region`, if they may not: a declared
/// conflict first, else the first of the region's institutions the reviewer
/// is affiliated with.
pub fn conflict<'a>(reviewer: &Reviewer, region: &'a Region) -> Option<Conflict<'a>> {
    if reviewer.conflicts.contains(&region.id) {
        return Some(Conflict::Declared);
    }
    if reviewer.affiliations.is_empty() {
        return None;
    }
    let affiliations: Vec<String> = reviewer
        .affiliations
        .iter()
        .map(|a| institution_key(a))
        .collect();
    region
        .institutions
        .iter()
        .find(|i| affiliations.contains(&institution_key(i)))
        .map(|i| Conflict::Institution(i.as_str()))
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::{Conflict, conflict};
    use crate::model::{Region, Reviewer};

    fn region(institutions: &[&str]) -> Region {
        Region {
            id: "fukuoka".into(),
            name: "Fukuoka".into(),
            institutions: institutions.iter().map(ToString::to_string).collect(),
            ..Region::default()
        }
    }

    fn reviewer(conflicts: &[&str], affiliations: &[&str]) -> Reviewer {
        Reviewer {
            id: "t01".into(),
            name: "T".into(),
            conflicts: conflicts.iter().map(ToString::to_string).collect(),
            affiliations: affiliations.iter().map(ToString::to_string).collect(),
            ..Reviewer::default()
        }
    }

    #[test]
    fn an_institution_matches_after_trimming_and_in_any_case() {
        let fukuoka = region(&["Fukuoka IST", "Kyushu University"]);
        assert_eq!(
            conflict(&reviewer(&[], &["  kyushu UNIVERSITY "]), &fukuoka),
            Some(Conflict::Institution("Kyushu University"))
        );
        assert_eq!(conflict(&reviewer(&[], &["Kyushu Univ."]), &fukuoka), None);
        assert_eq!(conflict(&reviewer(&[], &[]), &fukuoka), None);
    }

    #[test]
    fn a_declared_conflict_is_named_first() {
        let fukuoka = region(&["Kyushu University"]);
        assert_eq!(
            conflict(&reviewer(&["fukuoka"], &["Kyushu University"]), &fukuoka),
            Some(Conflict::Declared)
        );
        assert_eq!(
            conflict(&reviewer(&["sapporo"], &[]), &fukuoka),
            None,
            "a conflict on another region"
        );
    }
}
