//! `panelist init --from EARLIER [--tier ID]... DIR`: the next stage of a
//! programme (SPEC's "Stages") started from a merged earlier review: the
//! regions it selected with all their fields, and its rubric, reviewers,
//! panels and committee as a starting point, with `follows` filled in, so
//! that `check` passes on the new review as written.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::model::{Follows, Panel, Regions, Review, Reviewer, UniqueMap};
use crate::source::SourceText;
use crate::store;
use crate::{Error, Problems, t, validate};

/// What the new review is made from.
pub struct Stage<'a> {
    /// The earlier review's directory, as the chair gave it.
    pub from: &'a Path,
    /// Only regions selected in these tiers (any tier when empty).
    pub tiers: &'a [String],
    /// The new review's directory, which need not exist yet.
    pub dir: &'a Path,
    pub id: String,
    pub title: String,
}

/// What `init` writes, and what it tells the chair.
pub struct Started {
    /// The text of the new review.ron, its comments first.
    pub text: String,
    /// How many regions it took from the earlier review.
    pub regions: usize,
}

/// The new review.ron, or why it cannot be made: the earlier review is
/// invalid or not merged, a tier is not one of its tiers, or it selected
/// no region there.
pub fn review_text(stage: &Stage) -> Result<Started, Error> {
    let earlier = store::load_review(stage.from)?;
    let from = stage.from.display();
    let Some((_, results)) = store::read_results(stage.from)? else {
        return Err(Error::Refused(t!("init-from-not-merged", from = from)));
    };
    let results = results.results;
    let known = store::tier_ids(&results);
    if let Some(tier) = stage.tiers.iter().find(|t| !known.contains(t)) {
        let tiers = known.join(", ");
        return Err(Error::Refused(t!(
            "init-from-unknown-tier",
            tier = tier,
            from = from,
            tiers = tiers
        )));
    }
    let selected: Vec<&str> = results
        .regions
        .iter()
        .filter(|r| {
            store::selected_tier(r)
                .is_some_and(|tier| stage.tiers.is_empty() || stage.tiers.iter().any(|t| t == tier))
        })
        .map(|r| r.region.as_str())
        .collect();
    if let Some(lost) = selected
        .iter()
        .find(|id| earlier.review.region(id).is_none())
    {
        return Err(Error::Refused(t!(
            "init-from-stale",
            region = lost,
            from = from
        )));
    }
    if selected.is_empty() {
        return Err(Error::Refused(t!("init-from-none", from = from)));
    }
    let follows = Follows {
        review: relative(stage.from, stage.dir)?,
        tiers: stage.tiers.to_vec(),
    };
    let kept: HashSet<&str> = selected.iter().copied().collect();
    let review = next_stage(&earlier.review, &kept, stage, follows);
    let text = format!(
        "{}{}",
        header(stage, selected.len()),
        store::to_ron(&review)
    );
    // By construction the review is valid; should it not be, nothing is
    // written and the chair is told why.
    let source = SourceText::new(stage.dir.join("review.ron"), text);
    let parsed: Review = source.parse()?;
    let problems = validate::review(&parsed, &source);
    if !problems.is_empty() {
        return Err(Error::Invalid(Problems(problems)));
    }
    Ok(Started {
        text: source.text,
        regions: selected.len(),
    })
}

/// The earlier review narrowed to the regions in `kept`: its panels cover
/// only those (a panel left with none is dropped), and its reviewers'
/// conflicts name only those.
fn next_stage(earlier: &Review, kept: &HashSet<&str>, stage: &Stage, follows: Follows) -> Review {
    let regions = earlier
        .regions
        .iter()
        .filter(|r| kept.contains(r.id.as_str()))
        .cloned()
        .collect();
    let reviewers = earlier
        .reviewers
        .iter()
        .map(|reviewer| Reviewer {
            conflicts: only_kept(&reviewer.conflicts, kept),
            ..reviewer.clone()
        })
        .collect();
    let panels = earlier
        .panels
        .iter()
        .filter_map(|panel| {
            let regions = match &panel.regions {
                Regions::All => Regions::All,
                Regions::Only(ids) => {
                    let ids = only_kept(ids, kept);
                    if ids.is_empty() {
                        return None;
                    }
                    Regions::Only(ids)
                }
                // Each member keeps the regions of theirs that go on; a
                // new stage is usually assigned anew (`panelist assign`).
                Regions::PerMember(lists) => {
                    let lists: UniqueMap<Vec<String>> = lists
                        .iter()
                        .map(|(member, ids)| (member.clone(), only_kept(ids, kept)))
                        .collect();
                    if lists.values().all(Vec::is_empty) {
                        return None;
                    }
                    Regions::PerMember(lists)
                }
            };
            Some(Panel {
                regions,
                ..panel.clone()
            })
        })
        .collect();
    Review {
        id: stage.id.clone(),
        title: stage.title.clone(),
        categories: earlier.categories.clone(),
        regions,
        reviewers,
        panels,
        committee: earlier.committee.clone(),
        follows: Some(follows),
    }
}

fn only_kept(ids: &[String], kept: &HashSet<&str>) -> Vec<String> {
    ids.iter()
        .filter(|id| kept.contains(id.as_str()))
        .cloned()
        .collect()
}

/// The comments at the top of the new review.ron: where it came from and
/// what to edit, in the chair's language.
fn header(stage: &Stage, regions: usize) -> String {
    let from = stage.from.display().to_string().replace(['\n', '\r'], " ");
    let tiers = if stage.tiers.is_empty() {
        t!("init-from-header-any-tier")
    } else {
        t!("init-from-header-tiers", tiers = stage.tiers.join(", "))
    };
    let text = t!(
        "init-from-header",
        from = from,
        regions = regions,
        tiers = tiers
    );
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(format!("// {line}").trim_end());
        out.push('\n');
    }
    out
}

/// `from` as `follows` names it: relative to `dir`, the new review's
/// directory, which need not exist yet.
fn relative(from: &Path, dir: &Path) -> Result<String, Error> {
    let from = resolved(from)?;
    let dir = resolved(dir)?;
    let common = from
        .components()
        .zip(dir.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut path = PathBuf::new();
    for _ in dir.components().skip(common) {
        path.push("..");
    }
    for part in from.components().skip(common) {
        path.push(part);
    }
    if path.as_os_str().is_empty() {
        path.push(".");
    }
    Ok(path.to_string_lossy().into_owned())
}

/// `path` absolute, with symbolic links resolved as far as it exists and
/// `..` taken lexically beyond.
fn resolved(path: &Path) -> Result<PathBuf, Error> {
    let absolute = std::path::absolute(path).map_err(|e| Error::io("read", path, e))?;
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            part => {
                out.push(part);
                if out.exists() {
                    out = out.canonicalize().map_err(|e| Error::io("read", &out, e))?;
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn the_earlier_review_is_named_from_the_new_ones_directory() {
        let tmp = tempfile::tempdir().expect("temporary directory");
        let first = tmp.path().join("programme/first");
        std::fs::create_dir_all(&first).expect("mkdir");
        let second = tmp.path().join("programme/stage/second");
        assert_eq!(relative(&first, &second).expect("relative"), "../../first");
        let sibling = tmp.path().join("programme/x/../second");
        assert_eq!(relative(&first, &sibling).expect("relative"), "../first");
        let inside = first.join("next");
        assert_eq!(relative(&first, &inside).expect("relative"), "..");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_to_where_it_leads() {
        let tmp = tempfile::tempdir().expect("temporary directory");
        let first = tmp.path().join("real/first");
        std::fs::create_dir_all(&first).expect("mkdir");
        std::os::unix::fs::symlink(tmp.path().join("real"), tmp.path().join("link"))
            .expect("symlink");
        let second = tmp.path().join("elsewhere/second");
        let via_link = tmp.path().join("link/first");
        assert_eq!(
            relative(&via_link, &second).expect("relative"),
            "../../real/first"
        );
    }
}
