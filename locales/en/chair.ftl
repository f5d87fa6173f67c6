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
