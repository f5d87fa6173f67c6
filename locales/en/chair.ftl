# The chair's commands: panelist status and panelist init. Keys are shared
# with locales/ja/chair.ftl. status --csv is machine-readable and untranslated.

## panelist status
status-col-panel = panel
status-col-reviewer = reviewer
status-col-name = name
status-col-progress = scored/due
status-col-state = state
status-col-updated = last update
status-submitted = submitted
status-draft = draft
status-not-started = not started
status-stale = draft STALE
status-stale-line = stale draft: { $reviewer } on panel { $panel } ({ $name }), { $scored }/{ $due } scored, unchanged for { $days } { $days ->
        [one] day
       *[other] days
    } (since { $since }); remind them to finish and submit
status-total = total: { $scored }/{ $due } marks scored, { $submitted }/{ $sheets } sheets submitted
status-total-stale = total: { $scored }/{ $due } marks scored, { $submitted }/{ $sheets } sheets submitted, { $stale } stale { $stale ->
        [one] draft
       *[other] drafts
    } (unchanged for more than { $days } { $days ->
        [one] day
       *[other] days
    })
status-ineligible = { $count } { $count ->
        [one] region is
       *[other] regions are
    } not eligible under the committee's rule: their marks are not due (not counted in scored/due)
status-cannot-csv = cannot write CSV: { $error }

## panelist init
init-exists = { $review } already exists, so { $dir } already holds a review; nothing was changed. Edit that file, or give `panelist init` a new directory.
init-not-a-directory = { $dir } exists and is not a directory; give `panelist init` a new directory
init-created = created { $review } (an example review, valid as it stands) and { $scores }/
init-next = Next:
init-step-edit = edit { $review }: the comments say how to fill it in
init-step-check = panelist check { $dir }
init-step-score = reviewers score with `panelist review { $dir }`; you follow with `panelist status { $dir }`
init-step-merge = panelist merge { $dir }, and browse with `panelist results { $dir }`
# The title of the new review, in review.ron.
init-title-new = New review
init-title-edit = { $name }: edit this title

## panelist init --from: the next stage of an earlier review
init-from-created = created { $review } (the { $regions } { $regions ->
        [one] region
       *[other] regions
    } selected in { $from }, with its rubric, reviewers, panels and committee, valid as it stands) and { $scores }/
init-from-not-merged = { $from } has no results.ron yet, so which of its regions were selected is not known; merge it first (panelist merge { $from }), then run panelist init --from again
init-from-unknown-tier = { $from } has no tier "{ $tier }"; its results have these tiers: { $tiers }. Give one of them with --tier, or leave --tier out to take every selected region
init-from-stale = region "{ $region }" is selected in the results of { $from } but no longer in its review.ron: the results are older than the review; merge it again (panelist merge { $from })
init-from-none = { $from } selected no region (in the tiers given), so a review that follows it would have nothing to score; merge it with its final marks, or give other tiers
# The comment at the top of the new review.ron (each line becomes a // line).
init-from-header =
    Started by `panelist init --from { $from }`: the { $regions } { $regions ->
        [one] region
       *[other] regions
    } that review
    selected{ $tiers }, with all their fields, and its rubric, reviewers, panels and
    committee as they were there (the panels keep only these regions).
    Edit what this stage does differently: the title, the rubric (categories,
    criteria, minimums), the panels and their members, the committee's places and
    budget. Keep `follows` at the end: check and merge verify with it that every
    region here was selected there. Remove regions if need be; do not add any.
init-from-header-any-tier = {""}
init-from-header-tiers = {" "}in tiers { $tiers }
status-unassigned-line = not counting: { $reviewer } on panel { $panel } ({ $name }) has marks on { $count } { $count ->
        [one] region
       *[other] regions
    } no longer assigned to them ({ $regions }); the marks stay on file and do not count
# Above the committee's places in a review made by init --from, when the earlier review's differ.
init-from-places =
    Places: every region here ({ $regions }) to start with. The earlier review's
    places ({ $earlier }) were its own outcome, not this stage's: set select,
    or tiers, to what this stage decides.
