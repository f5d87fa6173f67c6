# The chair's results TUI (panelist results). Keys are shared with
# locales/ja/results.ftl. Key descriptions are in main.ftl and review.ftl.

## Title bar and banner.
results-bar = panelist { $dot } results { $dot } { $title }
results-selected-count = { $selected }/{ $regions } selected
results-banner-drafts = DRAFTS INCLUDED: { $drafts } draft { $drafts ->
    [one] sheet counts
   *[other] sheets count
}, not final results (d: leave out)
results-banner-left-out = Committee results { $dot } { $counted } submitted sheets { $dot } { $drafts } { $drafts ->
    [one] draft
   *[other] drafts
} left out (d: count)
results-banner-no-drafts = Committee results { $dot } { $counted } submitted sheets { $dot } no drafts

## Messages.
results-reloaded = Read the panel files again.
results-reload-failed = Could not read the files again; still showing the last results. { $reason }
results-problems = { $count } { $count ->
    [one] problem
   *[other] problems
}, the first: { $first }
results-drafts-on = { $drafts } draft { $drafts ->
    [one] sheet now counts
   *[other] sheets now count
}. These are not the committee's results.
results-drafts-off = Drafts left out again: the committee's results.

## Statuses and flags, in a column of 12.
results-missing = missing { $count }

## Columns.
results-col-region = Region
results-col-total = Total
results-col-status = Status
results-col-flags = Flags
results-col-cat = Cat
results-col-category = Category
results-col-points = Points
results-col-of = of
results-col-id = Id
results-col-criterion = Criterion
results-col-score = Score
results-col-n = n
results-col-low = low
results-col-high = high
results-col-spread = spread
results-col-reviewer = Reviewer
results-col-name = Name
results-col-panel = Panel
results-col-mark = Mark
results-col-note = Note
results-total = Total
results-none = none

## The ranking.
results-ranking-title = Ranking { $dot } { $places } { $places ->
    [one] place
   *[other] places
} { $dot } { $aggregate }
results-cutoff = cutoff: { $places } { $places ->
    [one] place
   *[other] places
}
results-cutoff-margin = cutoff: { $places } { $places ->
    [one] place
   *[other] places
} { $dot } margin { $margin }
results-cutoff-tie = cutoff: { $places } { $places ->
    [one] place
   *[other] places
} { $dot } inside a tie: the committee decides
results-cutoff-lot = cutoff: { $places } { $places ->
    [one] place
   *[other] places
} { $dot } inside a tie: drawn by lot
results-detail-rank = Rank { $rank } of { $regions }  { $total } of { $max }
results-detail-marks = { $marks } { $marks ->
        [one] mark
       *[other] marks
    }
results-ahead = { $gap } ahead of { $name } ({ $rank })
results-behind = { $gap } behind { $name } ({ $rank })
results-level-with = level with { $name } ({ $rank })
results-tie-broken = , tie broken by category { $category }
results-ex-aequo = , ex aequo
results-no-flags = No flags.
results-no-marks = { $criterion } has no marks
results-disagreement = ! disagreement on { $criterion }: { $low } to { $high } (spread { $spread } > { $limit })
results-flags-separator = {"; "}

## A region, a category, a criterion.
results-region-title = { $name } { $dot } rank { $rank } { $dot } { $total } { $dot }
results-fields = Fields: { $fields }
results-percentiles = Percentile within each panel (NIH's view, lower is better; not used by the rules): { $panels }
results-percentile = { $panel } { $percentile } ({ $sum } points, { $regions } regions)
results-category-title = { $region } { $arrow } { $category } { $dot } { $points } of { $max }
results-rule = max { $max } step { $step }: { $aggregate } of { $marks } { $marks ->
    [one] mark
   *[other] marks
}
results-rule-spread = ; spread { $spread } (flagged above { $limit })
results-rule-disagreement = ; ! DISAGREEMENT: spread { $spread } > { $limit }
results-rule-no-marks = max { $max } step { $step }: no counting marks; counts as 0 (incomplete)

## The marks of a criterion.
results-marks-count = { $counted } counting { $counted ->
    [one] mark
   *[other] marks
}, { $without } without { $dot }
results-score = Score { $score }
results-absent-conflict = conflict of interest
results-absent-institution = same institution: { $institution }
results-absent-no-sheet = no sheet yet
results-absent-draft = draft, not counted (d counts drafts)
results-absent-not-counted = sheet not counted
results-absent-not-marked = not marked
results-note-title = Note of { $name } ({ $reviewer })
results-no-counting-mark = No counting mark: { $why }.
results-no-note = No note.

## One criterion across regions.
results-across-title = Across regions: { $criterion } { $title }
results-across-position = criterion { $position } of { $count } ({ $keys })
results-across-legend = max { $max } step { $step } { $dot } { $aggregate } of each region's marks { $dot } ! disagreement (spread > { $limit })
results-category-line = Category { $id }: { $title }

## Help.
results-help-ranking = Ranking
results-help-breakdown = Region and category
results-help-marks = Marks of a criterion
results-help-across = A criterion across regions (c)
results-help-solidity = How solid is the selection (a)
results-help-offsets = Harsh and lenient reviewers (o)
results-help-teams = Panels marking higher or lower (t)
results-help-legend = { $caret } selected  ! disagreement  ? no marks  { $bar } minimum total  { $rule } the cutoff

## The selection programme: tiers, the budget, eligibility, minimums.
results-tier-line = { $title } ({ $places } { $places ->
    [one] place
   *[other] places
})
results-tier-line-reserve = { $title } ({ $places } { $places ->
    [one] place
   *[other] places
}, no funding)
results-line-margin = margin { $margin }
results-line-tie = inside a tie: the committee decides
results-line-lot = inside a tie: drawn by lot
results-funding-line = funding line { $dot } { $funded } funded
results-budget = Budget { $total } { $dot } allocated { $allocated } { $dot } left { $left }
results-apart = Not eligible ({ $count })
results-col-allocation = Funding
results-col-item = Category and criterion
results-col-item-points = Points
results-col-threshold = min
results-below = below
results-below-min = below the minimum on { $id }: { $value } < { $min }
results-unfunded = unfunded: past the funding line
results-no-other-flags = No other flags.
results-not-eligible = Not eligible: { $reason }
results-tier = Tier: { $tier }
results-allocation = Allocation: { $amount }
results-requested = {" "}(requested { $amount })
results-detail-unranked = Not ranked  { $total } of { $max }
results-region-title-unranked = { $name } { $dot } not ranked { $dot } { $total } { $dot }

## The marks view: a mark revised after the panel's discussion.
results-revised = Revised after discussion: { $preliminary } at first submission, now { $points }.
## Under use_consensus: the consensus beside the members' aggregate (the category screen).
results-col-members = Members
results-col-consensus = Consensus
results-consensus-counts = Consensus { $consensus }, members' aggregate { $members }: the consensus counts where a panel recorded one.
results-consensus-missing = No consensus mark (no-consensus): the members' aggregate { $members } counts.
results-consensus-not-covered = No panel records a consensus for this criterion.
results-changed-since-merge = { $file } changed since results.ron was written: run panelist merge again
results-not-read = the panel files were not read
results-merge-failed = Could not merge the panel files: { $reason }
results-merging-drafts = Merging the panel files with drafts counted...
results-marks-reading = Reading the marks from the panel files...
results-files-failed = The panel files cannot be read, so their marks and drafts cannot be merged; the results shown are results.ron's. { $reason }
