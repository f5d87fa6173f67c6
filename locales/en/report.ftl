# The committee's outputs (panelist merge): report.md, results.svg and the
# ranking printed on the terminal. Keys are shared with locales/ja/report.ftl.
# results.csv and results.ron are machine-readable and never translated.

## Lists in running text.
list-separator = {", "}
list-then = {", then "}
sentence-separator = {" "}
report-none = none
# A region with its total, a category with its subtotal.
report-with-points = { $name } ({ $points })
report-quoted = { $id } "{ $title }"

## report.md: the heading.
report-title = Committee results: { $title }
report-intro = Review `{ $review }`, rubric fingerprint `{ $rubric }`: { $regions } regions scored on { $criteria } criteria in { $categories } categories, { $points } points in all, for { $places } { $places ->
    [one] place
   *[other] places
}. Computed by panelist { $version } from the input files listed at the end; { $sheets } { $sheets ->
    [one] sheet
   *[other] sheets
} counted.
report-drafts-included = **Drafts included.** { $drafts } draft { $drafts ->
    [one] sheet counts
   *[other] sheets count
} in these results (`--include-drafts`). Their reviewers have not submitted them: these are not the committee's final results.
report-chart = Totals

## report.md: the ranking.
report-ranking = Ranking
report-col-rank = Rank
report-col-total = Total
report-col-gap = Gap to next
report-col-flags = Flags
report-gaps = Gaps are computed from the unrounded totals, so they may differ by 0.01 from the difference of the rounded ones.
report-categories = Categories:
report-category = { $id }: { $title } (max { $max }, { $criteria } { $criteria ->
    [one] criterion
   *[other] criteria
})

## report.md: the selection.
report-selection = Selection
report-selected = **Selected** ({ $count } of { $places } { $places ->
    [one] place
   *[other] places
}): { $regions }
report-tied = **Tied at the cutoff** (the committee decides): { $regions }
report-not-selected = Not selected: { $regions }
report-below = Below the minimum total of { $min }: { $regions }
report-cutoff-in-tie = The cutoff falls inside a tie: { $regions } share rank { $rank } with { $total } points and equal subtotals in every tie-break category, but only { $places } { $places ->
    [one] place remains
   *[other] places remain
}. The committee decides which to select and should record its reason in the minutes.
report-no-places = No places are to be filled (`select: 0`).
report-all-eligible = Every eligible region is selected: there are as many places as regions at or above the minimum.
report-places-empty = Only { $eligible } { $eligible ->
    [one] region reaches
   *[other] regions reach
} the minimum total, so { $empty } of the { $places } { $places ->
    [one] place
   *[other] places
} stay empty.
report-cutoff-tie-break = The cutoff falls between { $last } (rank { $last_rank }) and { $next } (rank { $next_rank }), whose totals are equal ({ $total }): the tie-break on category { $category } decided it (see below).
report-cutoff = The cutoff falls between { $last } (rank { $last_rank }, { $last_total }) and { $next } (rank { $next_rank }, { $next_total }): a margin of { $margin } points.

## report.md: ties and close calls.
report-ties = Ties and close calls
report-shared-rank = { $above } and { $below } share rank { $rank } (ex aequo): equal totals ({ $total }) and equal subtotals in every tie-break category ({ $categories }).
report-shared-rank-no-rule = { $above } and { $below } share rank { $rank } (ex aequo): equal totals ({ $total }) and there is no tie-break rule.
report-no-ties = No two regions have equal totals: the totals alone decide the order.
report-closest = The closest neighbours with different totals are { $above } and { $below }, { $gap } points apart (ranks { $above_rank } and { $below_rank }).
report-decided = { $above } ranks above { $below }: equal totals ({ $total }); decided by the tie-break on category { $category } "{ $title }", { $above_points } against { $below_points }.
report-decided-after = { $above } ranks above { $below }: equal totals ({ $total }); decided by the tie-break on category { $category } "{ $title }", { $above_points } against { $below_points }, after equal subtotals in category { $earlier }.

## report.md: flags.
report-flags = Flags
report-no-flags = No flags: every criterion of every region has marks, and no spread exceeds the disagreement threshold.
report-incomplete = { $region } is **incomplete**: { $criterion } "{ $title }" has no mark and counts as 0; no counting mark from panel { $panels } (no submitted sheet marks it, or its reviewers have a conflict).
report-incomplete-no-panel = { $region } is **incomplete**: { $criterion } "{ $title }" has no mark and counts as 0; no panel covers it.
report-disagreement = { $region }: **disagreement** on { $criterion } "{ $title }": marks from { $low } to { $high }, a spread of { $spread } > { $limit } ({ $ratio } { "\u00D7" } max { $max }). Marks: { $marks }.
report-mark = { $reviewer } { $points }

## report.md: the rules.
report-rules = Rules
report-rule-mean = Mean: the mean of the counting reviewers' marks
report-rule-median = Median: the middle mark of the counting reviewers (the mean of the two middle marks when their number is even)
report-rule-trimmed = TrimmedMean: the mean of the counting reviewers' marks after dropping one highest and one lowest mark (when there are at least 3)
report-rule-score = Each criterion's score: { $aggregate }. A criterion without marks counts as 0 and flags the region `incomplete`.
report-rule-sums = Subtotal: the sum of a category's criterion scores; total: the sum of all of them (no rounding before the end; shown with 2 decimals).
report-rule-ranking = Ranking by total, highest first. Equal totals (within 1e-9) are ordered by the first unequal subtotal of category { $categories }; regions still equal share a rank.
report-rule-ranking-no-tie-break = Ranking by total, highest first; equal totals (within 1e-9) share a rank (no tie-break rule).
report-rule-places = Places: { $places }, filled in rank order; when regions sharing a rank straddle the cutoff, all of them are `Tied` and the committee decides.
report-rule-min = Minimum total: { $min }; a region below it is not eligible (`BelowThreshold`).
report-rule-no-min = Minimum total: none.
report-rule-disagreement = Disagreement: flagged when a criterion has at least 2 marks and they spread by more than { $ratio } { "\u00D7" } its maximum.
report-rule-conflicts = Conflicts of interest: a reviewer's marks for a region they have a conflict on (declared in `review.ron` or on their sheet) are left out.
report-rule-institutions = Conflicts through institutions: a reviewer affiliated with one of a region's institutions (`affiliations` and `institutions` in `review.ron`, compared without case or surrounding spaces) has a conflict on it, as if declared.
report-rule-per-member = { $count ->
    [one] Panel { $panels } gives
   *[other] Panels { $panels } give
} each member their own regions (`PerMember`): a member's marks count only on the regions assigned to them; marks on others stay on file and do not count.
report-rule-drafts = Sheets: submitted sheets and, for these results, **draft sheets too** (`--include-drafts`).
report-rule-submitted = Sheets: only submitted sheets count; drafts are left out.

## report.md: the sheets, warnings and input files.
report-sheets = Sheets
report-col-panel = Panel
report-col-members = Members
report-col-counted = Counted
report-col-not-counted = Not counted
report-col-no-sheet = No sheet
report-why-draft = draft
report-why-older = older copy
report-not-counted = { $name } ({ $why })
report-warnings = Warnings
report-inputs = Input files
report-col-file = File

## results.svg
chart-title = { $title }: totals
chart-subtitle = { $selected } of { $regions } selected for { $places } { $places ->
    [one] place
   *[other] places
} { $dot } aggregate { $aggregate }
chart-drafts = DRAFTS INCLUDED
chart-axis = total points (of { $max })
chart-funding-line = funding line
chart-minimum = minimum { $min }
chart-cutoff = cutoff: { $places } { $places ->
    [one] place
   *[other] places
}
chart-cutoff-tie = cutoff: { $places } { $places ->
    [one] place
   *[other] places
} (inside a tie: the committee decides)
chart-tier-cutoff = end of { $title }: { $places } { $places ->
    [one] place
   *[other] places
}
chart-label = { $rank }. { $name }

## The ranking merge prints on the terminal.
table-rank = rank
table-region = region
table-total = total
table-status = status
table-flags = flags
table-allocation = allocation
table-left-out = { $count ->
    [one] 1 region not shown
   *[other] { $count } regions not shown
}
table-summary-note = { $shown } of { $regions } regions shown: the { $around } either side of each line the rules draw. results.csv lists every region.

## The selection programme: tiers, eligibility, thresholds, the budget.
report-col-tier = Tier
report-col-allocation = Allocation ({ $unit })
report-category-min = , at least { $min } to be selected
report-tier = **{ $title }** ({ $count } of { $places } { $places ->
    [one] place
   *[other] places
}): { $regions }
report-tier-unfunded = ; a reserve list, without money
report-below-minimums = Below a minimum (see Flags): { $regions }
report-ineligible = **Ineligible** (screened out by the eligibility rule, not ranked, no place and no money): { $regions }
report-ineligible-region = { $name }: { $why }
report-boundary = { $tier }: the last region in, { $last } ({ $last_total }), is ahead of { $next } ({ $next_total }) by { $margin } points.
report-boundary-tied = { $tier }: { $last } and { $next } both have { $total } points across the boundary.
report-threshold-missed = { $region } is **below the minimum** of { $id } "{ $title }": { $value } < { $min }.
report-budget = Budget
report-budget-rank-order = in rank order, each selected region receiving what it requested while that fits (the funding line)
report-budget-proportional = in proportion to the total, each selected region between { $min } and { $max } (or what it requested, when less)
report-budget-intro = A budget of { $total }, shared { $rule }; amounts are rounded down to multiples of { $granularity }. Only selected regions of funded tiers receive money; a tie at a boundary receives none until the committee decides.
report-allocation = { $name }: { $amount } ({ $exact })
report-funding-line = The funding line falls before { $first }: its request no longer fits. Unfunded: { $regions }.
report-budget-sum = { $count } { $count ->
    [one] region receives
   *[other] regions receive
} { $allocated } in all; { $left } left unallocated.

# In the input files: the results.ron of the review this one follows.
report-input-followed = the results of the review this one follows, whose selected regions it scores
report-rule-minimum = { $id } at least { $min }
report-rule-minimums = Minimums: { $minimums }; a region short of any of them (a criterion without marks counts as 0) takes no place (`BelowThreshold`, flagged `below:<id>`).
report-rule-nested = Categories hold sub-categories: a category's subtotal adds its own criteria's scores and its sub-categories' subtotals; results.csv has the top-level ones.
report-rule-eligibility = Eligibility: { $rule }, on the figures in review.ron; a region failing it (a missing figure fails a comparison) is `Ineligible`: not ranked, no place, no money, listed last.
report-rule-tier = { $title } ({ $places })
report-rule-tiers = Tiers, filled in rank order: { $tiers }; a group sharing a rank across a boundary is `Tied` and the committee decides.
report-consensus = Consensus
report-consensus-rule = The committee uses consensus: the value of a criterion for a region is the mean, over the panels that score it, of the panel's consensus mark where it has one, and otherwise of its members' aggregate. The members' aggregate is shown beside it; the number of marks and disagreement still come from the members' marks.
report-consensus-none = No panel has recorded a consensus mark yet: every value is the members' aggregate.
report-consensus-missing = { $region }: { $count ->
    [one] 1 criterion has
   *[other] { $count } criteria have
} no consensus mark (`no-consensus`); the members' aggregate counts there.
report-consensus-col-region = Region
report-consensus-col-criterion = Criterion
report-consensus-col-members = Members' aggregate
report-consensus-col-consensus = Consensus
report-consensus-col-counts = Counts
report-rule-consensus = Consensus: a panel's consensus mark, where it has one, stands for its members' aggregate (`use_consensus`); see the section Consensus.

## report.md: marks revised after the panel's discussion.
report-revised = Revised after discussion
report-revised-intro = { $count } counting { $count ->
        [one] mark was
       *[other] marks were
    } changed after the reviewer's sheet was first submitted: the preliminary mark, then the final one, which is the one that counts.
report-col-criterion = Criterion
report-col-reviewer = Reviewer
report-col-preliminary = Preliminary
report-col-final = Final
report-col-change = Change

## report.md's summary form, for a review of more regions than a committee
## reads row by row.
report-summary-note = **Summary.** This review has { $regions } regions, more than the { $limit } a report lists in full: this report shows the { $around } regions either side of every line the rules draw (the cutoff, each tier's end, the funding line, the minimum total), every region flagged for a look, and every fragile one when the selection was analysed; the other lists are cut short. results.csv lists every region with its total, rank, status and flags; `panelist merge --full-report` writes this report in full.
report-around-lines = Around each line
report-no-lines = The rules draw no line with regions on both sides: every region is on the same side.
report-around-line = Around the line: { $line }
report-flagged-intro = Regions flagged for a look (marks missing, a disagreement, no consensus), each once with its flags; the full report gives each with its marks:
report-flagged-region = { $name } (rank { $rank }): { $flags }
report-more-lines = ... and { $count } more: the full report (`panelist merge --full-report`) lists them all.
report-more-rows = ... and { $count } more { $count ->
    [one] row
   *[other] rows
}: the full report (`panelist merge --full-report`) lists them all.
report-ties-elsewhere = { $count } more { $count ->
    [one] pair
   *[other] pairs
} of neighbours { $count ->
    [one] has
   *[other] have
} equal totals away from every line: results.csv gives every rank, and the full report each pair.
report-analysis-rows = The table shows the regions around each line and every fragile region; { $count } other { $count ->
    [one] region keeps
   *[other] regions keep
} its place, as results.ron records for each.

## results.svg for a review of more regions than bars can show.
chart-histogram = Regions by total, in bins of { $width } points
chart-histogram-regions = Regions
chart-around = Around the line: { $line }

## report.md: the grey zones and the committee's lottery
report-grey-title = Grey zones
report-grey-intro = From the bootstrap rounds above, for each line the rules draw: the regions whose middle 90% of ranks lies on both sides of it (as well as the last region inside it and as badly as the first outside it, having landed elsewhere than their official place in some round), and every region of an ex-aequo group across it; each with its mean rank over the rounds and the middle 90% of its ranks. The rules decide the results; this shows where chance in who reviewed could have.
report-grey-line = **{ $line }** (after position { $inside }): { $count } { $count ->
    [one] region
   *[other] regions
}: { $regions }.
report-grey-region = { $name } (mean rank { $mean }, 90% of ranks { $low } to { $high })
report-grey-region-settled = { $name } (ranks { $low } to { $high }, not ranked again)
report-cutoff-drawn = The cutoff falls inside a tie: { $regions } share rank { $rank } with { $total } points, and the committee's lottery drew their places (see Official lottery).
report-lottery-title = Official lottery
report-lottery-intro = The committee asked for a lottery with the published seed { $seed }: the places of the grey zone of the line "{ $line }" (after position { $inside }) are drawn by lot among its regions. The generator is SplitMix64 seeded with { $seed }; each draw takes, of the m regions left in id order, the one at index floor(x * m / 2^64), x the generator's next number (a number that would favour some index is drawn again: Lemire's rejection, rarely needed). The same files and seed give the same draw on any machine.
report-lottery-region = { $name } (`{ $id }`)
report-lottery-zone = The zone, in id order: { $regions } ({ $count } regions); its official positions: { $positions }. Each region drawn takes the next of them, best first:
report-lottery-step = Of { $left } left, number { $number }, index { $index }: **{ $name }** (`{ $id }`) takes position { $position }, { $status }.
report-lottery-after = Tiers and the budget then apply to the new positions as to any others. Each region keeps its rank by total; a region of the zone that lands inside the line is Drawn, one outside it NotDrawn.
report-lottery-no-line = Nothing was drawn: the line has no regions on one of its sides.
report-lottery-fewer = Nothing was drawn: the grey zone holds fewer than two regions ({ $regions }), and the order of the rules stands.
report-lottery-one-side = Nothing was drawn: the grey zone's regions ({ $regions }) hold positions { $positions }, all on one side of the line, so a lot could change nothing.
