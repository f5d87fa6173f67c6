//! `panelist init --from EARLIER [--tier ID]... DIR`: the next stage of a
//! programme (SPEC's "Stages") started from a merged earlier review: the
//! regions it selected with all their fields, and its rubric, reviewers,
//! panels and committee as a starting point, with `follows` filled in, so
//! that `check` passes on the new review as written.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use crate::model::{Committee, Follows, Panel, Regions, Review, Reviewer, UniqueMap};
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
    let results = results.file.results;
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
    let body = plain_strings(&store::to_ron(&review));
    let body = match earlier_places(&earlier.review.committee, selected.len()) {
        Some(earlier) => with_places_comment(&body, selected.len(), &earlier),
        None => body,
    };
    let text = format!("{}{body}", header(stage, selected.len()));
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
/// only those (a panel left with none is dropped), its reviewers'
/// conflicts name only those, and its committee's rules are kept but not
/// its places: the earlier tiers were that stage's outcome (with `--tier
/// cluster` every region here is a cluster already), so this stage starts
/// from `select:` every region here, for the chair to set.
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
        committee: Committee {
            select: Some(u32::try_from(kept.len()).unwrap_or(u32::MAX)),
            tiers: Vec::new(),
            ..earlier.committee.clone()
        },
        follows: Some(follows),
    }
}

fn only_kept(ids: &[String], kept: &HashSet<&str>) -> Vec<String> {
    ids.iter()
        .filter(|id| kept.contains(id.as_str()))
        .cloned()
        .collect()
}

/// The earlier committee's places in words (`tiers cluster: 12, fs: 6`,
/// `select: 6`), when they are not what the new review starts from
/// (`select:` its `regions`).
fn earlier_places(committee: &Committee, regions: usize) -> Option<String> {
    if committee.tiers.is_empty() {
        let select = committee.select?;
        return (usize::try_from(select).ok() != Some(regions))
            .then(|| format!("select: {select}"));
    }
    let tiers: Vec<String> = committee
        .tiers
        .iter()
        .map(|tier| format!("{}: {}", tier.id, tier.places))
        .collect();
    Some(format!("tiers {}", tiers.join(", ")))
}

/// `body` with a comment above the committee's `select:` saying where the
/// places came from and that they are this stage's to set.
fn with_places_comment(body: &str, regions: usize, earlier: &str) -> String {
    let indent = "        ";
    let anchor = format!("    committee: Committee(\n{indent}select: ");
    let Some(at) = body.find(&anchor) else {
        return body.to_string();
    };
    let at = at + anchor.len() - indent.len() - "select: ".len();
    let text = t!("init-from-places", regions = regions, earlier = earlier);
    let mut comment = String::new();
    for line in text.lines() {
        comment.push_str(format!("{indent}// {line}").trim_end());
        comment.push('\n');
    }
    format!("{}{comment}{}", &body[..at], &body[at..])
}

/// RON as ron writes it, with its strings as a person writes them: ron
/// escapes every character as `char::escape_debug` does, so an apostrophe
/// becomes `\'` and a combining mark (the ゛ of a decomposed が) `\u{3099}`,
/// neither of which RON needs. Quotes, backslashes, line breaks and
/// characters one cannot see stay escaped.
fn plain_strings(ron: &str) -> String {
    let mut out = String::with_capacity(ron.len());
    let mut chars = ron.chars();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if !in_string || c != '\\' {
            in_string ^= c == '"';
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\'') => out.push('\''),
            Some('u') => {
                let code: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = code.trim_start_matches('{');
                match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                    // Not first: it would join the opening quote.
                    Some(mark) if joins(mark) && !out.ends_with('"') => out.push(mark),
                    _ => out.push_str(&format!("\\u{code}}}")),
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Whether `c` joins the character before it into one that is seen (a
/// combining mark, a variation selector), rather than standing alone unseen
/// (the zero-width joiners stay escaped).
fn joins(c: char) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    !c.is_control()
        && !matches!(c, '\u{200c}' | '\u{200d}')
        && format!("a{c}").graphemes(true).count() == 1
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

    #[test]
    fn strings_are_written_plain_where_ron_needs_no_escape_and_read_back_the_same() {
        for (value, written) in [
            ("Kyushu's cluster", r#""Kyushu's cluster""#),
            ("九州のシリコンアイランド", r#""九州のシリコンアイランド""#),
            // A decomposed が: the mark joins the か before it.
            ("か\u{3099}", "\"か\u{3099}\""),
            // Escapes RON needs, and what one cannot see, stay.
            (r#"say "it's""#, r#""say \"it's\"""#),
            ("back\\slash\tand\nline", r#""back\\slash\tand\nline""#),
            ("zero\u{200b}width", r#""zero\u{200b}width""#),
            ("\u{301}first", r#""\u{301}first""#),
        ] {
            let text = plain_strings(&store::to_ron(&value.to_string()));
            assert_eq!(text.trim_end(), written, "{value:?}");
            let read: String = ron::from_str(&text).expect("valid RON");
            assert_eq!(read, value);
        }
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
