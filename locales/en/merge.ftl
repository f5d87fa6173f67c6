# Warnings and errors of the merge (stderr, results.ron, report.md).
merge-draft-left-out = { $file }: the sheet of reviewer "{ $reviewer }" on panel "{ $panel }" is a draft and does not count; it counts once submitted, or with --include-drafts
merge-budget-infeasible = the budget cannot be shared: the selected regions' least amounts add up to { $needed }, more than the total of { $total } by { $short }; raise the total, lower the minimum, or select fewer regions
merge-lottery-refuses = review.ron asks for an official lottery (Committee(lottery)), which draws from the analysis as merge runs it by default, the same on any machine: { $flag } cannot be given with it; run merge without { $flag }
merge-lottery-budget-infeasible = after the lottery the budget cannot be shared: the least amounts of the regions now selected add up to { $needed }, more than the total of { $total } by { $short }; raise the total or lower the minimum
merge-unknown-panel = panel "{ $panel }" is not a panel of review.ron
merge-copies-tie = the sheet of reviewer "{ $reviewer }" on panel "{ $panel }" differs between { $files } although all were updated at { $updated }; keep the right copy and remove the others
merge-copy-wins = the sheet of reviewer "{ $reviewer }" on panel "{ $panel }" differs between files: { $winner } (updated { $winner_updated }) wins over { $other } (updated { $other_updated })
merge-conflict-left-out = { $count } { $count ->
    [one] mark
   *[other] marks
} of reviewer "{ $reviewer }" for region "{ $region }" { $count ->
    [one] is
   *[other] are
} left out: the reviewer declared a conflict on that region
merge-institution-left-out = { $count } { $count ->
    [one] mark
   *[other] marks
} of reviewer "{ $reviewer }" for region "{ $region }" { $count ->
    [one] is
   *[other] are
} left out: the reviewer is conflicted on that region (same institution: { $institution })
merge-unassigned-left-out = { $count } { $count ->
    [one] mark
   *[other] marks
} of reviewer "{ $reviewer }" for region "{ $region }" on panel "{ $panel }" { $count ->
    [one] does
   *[other] do
} not count: the region is not (or no longer) assigned to them; the { $count ->
    [one] mark stays
   *[other] marks stay
} on file
