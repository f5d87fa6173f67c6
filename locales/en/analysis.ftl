# How solid is the selection: the section of report.md, the table merge
# prints, and the results TUI's screens. Keys are shared with
# locales/ja/analysis.ftl.

## Words report.md and the terminal table share with the rest of the report.
col-region = Region
col-status = Status
col-marks = Marks

## Short words: sides of the cutoff, verdicts, how a reviewer marks.
side-in = in
side-out = out
side-tied = tied
side-in-tier = in { $tier }
side-unfunded = {", "}without money
verdict-solid = solid
verdict-fragile = FRAGILE
reading-harsh = harsh
reading-lenient = lenient
reading-in-line = in line
reading-no-error = no error estimate
reading-not-estimable = not estimable
# The middle 90% of a region's ranks over the resampling rounds.
rank-range = { $low }-{ $high }
# A share of rounds with its standard error in percentage points: 97.5% +/- 0.4.
share-with-error = { $share } +/- { $error }
# A reviewer's id with their name.
reviewer-named = { $id } ({ $name })
# The last item of a list cut short.
and-more = and { $count } more
reasons-separator = {"; "}
# Between the changes of regions without one reviewer.
changes-separator = {"; "}
# Why a reviewer's offset is not estimable.
thin-shared-cells = shares { $shared } { $shared ->
        [one] cell
       *[other] cells
    } with other calibrated reviewers; { $needed } needed
thin-group = only { $reviewers } { $reviewers ->
        [one] reviewer shares
       *[other] reviewers share
    } cells with each other: who is harsher cannot be told
# Changed marks that would swap the two regions at the cutoff.
swap-summary = { $points } points of marks, { $marks } { $marks ->
        [one] mark
       *[other] marks
    } by { $reviewers } { $reviewers ->
        [one] reviewer
       *[other] reviewers
    }

## The table merge prints after the ranking.
analysis-table-title = How solid is the selection? { $rounds } resampling rounds (seed { $seed }); report.md explains.
analysis-col-selected = selected
analysis-col-ranks = ranks
analysis-col-hangs-on = hangs on
analysis-col-mean = Mean
analysis-col-median = Median
analysis-col-trimmed = Trimmed
analysis-col-calibrated = calibrated
analysis-col-verdict = verdict
analysis-cell-calibrated = { $rank } { $side }
analysis-table-same = The same { $selected } selected { $selected ->
        [one] region
       *[other] regions
    } in { $same } of { $rounds } rounds.
analysis-table-left-out = { $shown } regions shown, those around each line; { $left } further from every line are not, { $fragile } of them fragile: report.md names every fragile region.
analysis-table-margin = Margin at the cutoff: { $margin } ({ $last } over { $next }).
analysis-table-swap = Swapping them takes { $swap }.
analysis-table-swap-at-most = Swapping them takes at most { $swap }.
analysis-table-no-swap = No change of marks within the scale would swap them.
analysis-table-fewest = Fewest reviewers whose marks alone could do it: { $count } ({ $reviewers }).
analysis-table-no-calibration = Calibration: none; the reviewers' overlap is too thin to tell harsh from lenient (report.md says why).
analysis-table-calibration = Calibration: { $fitted } of { $reviewers } reviewers in { $groups } { $groups ->
        [one] group
       *[other] groups
    }; { $harsh }, { $lenient }, in points per mark.
analysis-table-none-harsh = none harsh
analysis-table-harsh = { $count } harsh (most: { $reviewer } { $offset })
analysis-table-none-lenient = none lenient
analysis-table-lenient = { $count } lenient (most: { $reviewer } { $offset })
analysis-table-calibrated-moves = With calibrated marks { $count } { $count ->
        [one] region
       *[other] regions
    } would cross the cutoff.
analysis-table-calibrated-same = Calibrated marks select the same regions.
# On stderr, when a very large review is resampled fewer times.

## report.md: the section and its summary.
solid-title = How solid is the selection?
solid-intro = The selection above follows the committee's rules and stays the result. The checks below change nothing in it: they show how much it depends on which reviewers served, on the aggregate rule and on how leniently each reviewer marks, and how close the cutoff is. They are reproducible: { $rounds } rounds of resampling from seed { $seed }; the same files give the same numbers.
solid-in-short = **In short.**{" "}
solid-all-solid = Every region keeps its place, in or out, in every check: under each aggregate rule, without any one reviewer, with calibrated marks, and in at least { $share } of the resampling rounds.
solid-all-solid-uncalibrated = Every region keeps its place, in or out, in every check: under each aggregate rule, without any one reviewer, and in at least { $share } of the resampling rounds.
solid-some-fragile = { $solid } of { $regions } regions keep their place in every check; { $fragile ->
        [one] one is fragile
       *[other] { $fragile } are fragile
    }: { $names }.
solid-fragile-name = { $region } ({ $side })
solid-fragile-why = { $region }: { $reasons }.
solid-same-selection = The resampled panels chose exactly the { $selected } selected { $selected ->
        [one] region
       *[other] regions
    } in { $same } of { $rounds } rounds ({ $share }).
solid-short-cutoff = At the cutoff { $last } leads { $next } by { $margin } points.
solid-short-swap = Swapping them would take { $swap }.
solid-short-swap-at-most = Swapping them would take at most { $swap }.
solid-short-one-reviewer = One reviewer alone could do it: { $reviewer }, with { $points } points of their marks.
# Why a region is fragile: each check that puts it across the cutoff.
reason-tied = tied at the cutoff
reason-selected-only = selected only in { $share } of the resampling rounds
reason-selected-in = selected in { $share } of the resampling rounds
reason-hangs-on = its place hangs on { $reviewers }
reason-rule = { $side } under { $aggregate }
reason-calibrated = { $side } with calibrated marks

## report.md: the table of regions.
solid-col-resampled = Selected in resampling
solid-col-ranks = Ranks (90%)
solid-col-hangs-on = Hangs on
solid-col-rule = { $aggregate } (rule)
solid-col-calibrated = Calibrated
solid-col-verdict = Verdict
solid-cell-placing = { $rank } { $side }
solid-cell-calibrated = { $rank } { $side } ({ $total })
solid-table-legend-settled = For { $settled } regions whose marks keep them in one place in every round (in one tier, or out), far from every line, the rounds did not rank them again: their *Ranks* are the ranks they can take at all, wider than the middle 90%.
solid-table-legend = *Selected in resampling*: the share of rounds in which the region was selected, with its standard error in percentage points. *Ranks (90%)*: the middle 90% of its ranks over the rounds. *Hangs on*: the reviewers without whom it would cross the cutoff. The columns of the aggregates give its rank and side of the cutoff under each; *Calibrated*, with calibrated marks. A region is *solid* when it keeps its side in every check and in at least { $share } of the rounds.

## report.md: resampling.
solid-resampling-title = Other reviewers, same proposals
solid-resampling = Each of { $rounds } rounds drew, for every panel, as many of its reviewers as gave counting marks, at random and with replacement, so that one reviewer may count twice and another not at all, and ranked the regions again by the committee's rules. A region selected in nearly every round does not depend on who happened to sit on its panels; one selected in about half of them is a coin toss between comparable proposals. A panel's draw that would leave a criterion it scores without any mark is drawn again.
solid-resampling-precision = The largest standard error of a region's share of rounds is { $error } percentage points: unless a number of rounds is asked for, the rounds go on from { $min }, { $batch } more at a time, until every such share is within { $target } percentage point.
solid-resampling-ceiling = The rounds stopped at { $max }, the most the analysis plays, before every share was that precise.

## report.md: leaving one reviewer out.
solid-left-out-title = Without one reviewer
solid-left-out-none = Each of the { $reviewers } reviewers with counting marks was left out in turn (all their marks, on every panel): no single reviewer's marks decide which regions are selected.
solid-left-out-some = Each of the { $reviewers } reviewers with counting marks was left out in turn (all their marks, on every panel). The selection changes without these reviewers:
solid-without = Without { $reviewer }: { $changes }.
solid-without-emptied = Without { $reviewer }: { $changes } (without them { $emptied } scored { $emptied ->
        [one] criterion has
       *[other] criteria have
    } no mark at all, and count 0 by the rules).
solid-without-more = ... and { $count } more reviewers; results.ron lists them all.
change-in-instead = { $selected } would be selected instead of { $dropped }
change-in = { $selected } would be selected
change-out = { $dropped } would not be selected
change-tied = { $tied } would be tied at the cutoff
change-moves = { $moves }
change-move = { $region } would be { $place }

## report.md: the aggregates.
solid-rules-title = Other aggregates
solid-no-regions = No regions.
solid-rule-instead = Under { $aggregate }: { $gained } would be selected instead of { $lost }.
solid-rule-gained = Under { $aggregate }: { $gained } would be selected as well.
solid-rule-lost = Under { $aggregate }: { $lost } would not be selected.
solid-rule-same = Under { $aggregates }: the same regions are selected.
solid-rules-note = The committee's aggregate is { $aggregate }. The median and the trimmed mean give less weight to a single extreme mark; a region that changes side under them owes its place to a few marks far from the others.

## report.md: calibration.
solid-calibration-title = Harsh and lenient reviewers
solid-calibration-method = Some reviewers mark higher than others on the same proposals. Each reviewer's offset is fitted by least squares to mark = quality of the (region, criterion) + offset of the reviewer + noise, over the cells that reviewers share (the calibration of Lawrence 2014 and Tan et al. 2021). Offsets compare reviewers only within a group of reviewers connected by shared cells, and each is measured from the group's median offset, its typical reviewer: -0.50 means half a point below the typical reviewer on every mark. So one harsh reviewer among others in line reads harsh, and the others about 0, in line. The calibrated ranking subtracts the offsets with each group's average mark kept as it was, so it does not depend on which reviewer is the reference. A reviewer is called harsh or lenient only when the offset is more than twice its standard error ({ "\u00B1" }, that of the difference from the typical reviewer); a reviewer who shares fewer than { $shared } cells with the others, or whose group has fewer than 3 reviewers, is not estimable: their offset would be noise, and their marks are left as they are.
solid-calibration-no-marks = **Calibration is not possible**: there are no counting marks.
solid-calibration-impossible = **Calibration is not possible with these panels**: no reviewer shares { $shared } cells with the others, too few for an offset to mean anything, so no calibrated ranking is given.
solid-calibration-small-groups = **Calibration is not possible with these panels**: the reviewers who share enough cells come in groups of fewer than 3, where who is the harsh one cannot be told, so no calibrated ranking is given.
solid-calibration-group = Group { $group }: { $count ->
        [one] panel
       *[other] panels
    } { $panels }; { $reviewers } reviewers, { $cells } shared cells; marks spread by { $spread } points around what the offsets explain.
solid-col-reviewer = Reviewer
solid-col-group = Group
solid-col-shared = Shared cells
solid-col-offset = Offset
solid-col-error = { "\u00B1" }
solid-col-reading = Reading
solid-not-estimable-why = not estimable: { $why }
solid-calibration-moves = Calibration moves most the totals of { $regions }: a region gains when harsh reviewers marked it, or lenient ones did not (a conflict of interest, another panel), and loses in the opposite case.
solid-calibrated-same = With calibrated marks (each mark minus its reviewer's offset; not clamped to 0..max nor rounded to the step, since they are estimates, not marks) and the committee's rules, the same regions are selected. The calibrated rank and total of each region are in the table above.
solid-calibrated-differs = With calibrated marks (each mark minus its reviewer's offset; not clamped to 0..max nor rounded to the step, since they are estimates, not marks) and the committee's rules, { $changes }. The calibrated rank and total of each region are in the table above.
crossing-in = { $region } would be selected
crossing-out = { $region } would not be selected

## report.md and the results TUI: a whole panel marking higher or lower.
solid-teams-title = A whole panel marking higher or lower
solid-teams-intro = Calibration compares reviewers who marked the same proposals, so a panel that scores its regions alone (a field team) cannot be seen to mark harsher or more leniently than the others. Here every counting mark of a panel's members, on the cells the panel covers, is moved by the same offset, and each panel gets the offsets, down and up, that the official outcome survives (every region's side of the cutoff, tier and funding; the amounts of a proportional budget follow every total and are not counted). The offset is a thought experiment about calibration: moved marks are not clamped to 0..max, and cells fixed by a consensus do not move. An end at { $reach } points, the largest maximum of a criterion, means that no offset that far changes the outcome.
solid-teams-exact = Under the mean the ends are exact: a cell's score moves by the offset times the share of its marks that are the panel's, so the outcome can only change where two totals (or a total and a minimum) meet, and each such point was tried by the committee's rules.
solid-teams-searched = Under this aggregate the ends were found by search (steps of { $step } points per mark where a change could be, then narrowed down): an end is where a change was first seen, and a change that comes and goes within a step may be missed.
team-between = { $panel }: the outcome survives any offset of its members' marks between { $down } and { $up } points per mark.
team-down-only = { $panel }: the outcome survives any offset of its members' marks down to { $down } points per mark, and any upward offset (none within { $reach } points changes it).
team-up-only = { $panel }: the outcome survives any offset of its members' marks up to { $up } points per mark, and any downward offset (none within { $reach } points changes it).
team-at = At { $at }, { $changes }.
team-any = { $panel }: no offset of its members' marks within { $reach } points per mark either way changes the outcome.
team-no-marks = { $panel }: no counting marks, nothing to move.

## report.md: the cutoff.
solid-cutoff-title = How close is the cutoff?
solid-cutoff-in-tie = The cutoff falls inside a tie, which the committee decides (see Selection).
solid-cutoff-none = There is no region just outside the selection to compare with: no places, or every eligible region is selected.
solid-cutoff-tie-break = { $last } (rank { $last_rank }) and { $next } (rank { $next_rank }) have equal totals ({ $total }); the tie-break on category { $category } put { $last } in.
solid-cutoff-ahead = { $last } (rank { $last_rank }, { $last_total }) is ahead of { $next } (rank { $next_rank }, { $next_total }) by { $margin } points.
count-range = { $low } to { $high }
solid-per-mark-mean = Under the mean, a mark moved by d points moves its region's total by d/n, where n is the number of marks on that criterion ({ $range } for these two regions): the margin of { $margin } points is worth { $low } to { $high } points of marks, whoever's marks they are.
solid-per-mark-mean-level = Under the mean, a mark moved by d points moves its region's total by d/n, where n is the number of marks on that criterion ({ $range } for these two regions): with equal totals, the least change of one mark reverses the tie-break.
solid-per-mark-median = Under the median, a changed mark moves its region's total only when it moves the middle of its criterion's { $range } marks; the numbers below come from trying the changes.
solid-per-mark-trimmed = Under the trimmed mean, a changed mark moves its region's total only when it moves the trimmed mean of its criterion's { $range } marks; the numbers below come from trying the changes.
solid-no-swap = No change of their marks within the scale would put { $next } ahead of { $last }.
solid-smallest-exact = The smallest change of marks that would put { $next } ahead of { $last }: **{ $swap }** (the least possible under the mean, up to one step of the marking grid; the same points on other marks of criteria with as few marks would do as well). One way:
solid-smallest-found = The smallest change of marks found that would put { $next } ahead of { $last }: **{ $swap }** (found by a search; under the median and the trimmed mean the least change may be smaller).
solid-col-criterion = Criterion
solid-col-mark = Mark
solid-col-changed-to = Changed to
solid-changes-more = ... and { $count } more
solid-fewest-same = The fewest reviewers who could do it by their marks alone: **{ $count }**, { $reviewers }, with the change above.
solid-fewest = The fewest reviewers who could do it by their marks alone: **{ $count }**, { $reviewers }: { $swap }.

## The results TUI: a line on a region (ranking and region screens).
tui-summary-solid = Solid: selected in { $share } of resamplings
tui-summary-fragile = FRAGILE: selected in { $share } of resamplings
tui-summary-no-hinge = no single reviewer decides
tui-summary-hangs-on = hangs on { $reviewers }
tui-summary-rules-agree = all aggregates agree
tui-summary-calibrated = calibrated rank { $rank }
tui-summary-calibrated-side = calibrated rank { $rank } { $side }

## The results TUI: how solid the selection is, region by region (a).
tui-solid-title = How solid is the selection? { $dot } { $rounds } rounds, seed { $seed }
# Column headings, kept short: the sentences below the table say more.
tui-col-selected = Sel.
tui-col-ranks = Ranks
tui-col-hangs-on = Hangs on
tui-col-mean = Mean
tui-col-median = Med.
tui-col-trimmed = Trim.
tui-col-calibrated = Calib.
tui-col-verdict = Verdict
tui-cell-calibrated = { $rank } { $side }
tui-grey-zone = In the grey zone of "{ $line }": mean rank { $mean } over the rounds, ranks { $low } to { $high } (middle 90%), on both sides of it.
tui-grey-zone-list = Grey zone of "{ $line }": { $count } { $count ->
        [one] region
       *[other] regions
    }, { $regions }.
tui-grey-settled = not ranked again
tui-grey-drawn = Drawn by the committee's lottery (seed { $seed }): draw { $draw } of { $draws } gave it position { $position }, { $status }.
tui-solid-resampled = Selected in { $selected } of { $rounds } resampling rounds ({ $share }), ranks { $ranks } (middle 90%).
tui-solid-no-hinge = Without any one reviewer it stays { $side }.
tui-solid-rule = { $aggregate } rank { $rank } { $side } ({ $total })
tui-solid-rules = By aggregate: { $rules }; the committee's is { $aggregate }.
tui-solid-calibrated = Calibrated marks: rank { $rank }, { $side } ({ $total }).
tui-not-analysed = How solid the selection is was not analysed for these results. `panelist merge` computes it and writes it to report.md and results.ron.

## The results TUI: the reviewers' calibration offsets (o).
tui-offsets-title = Harsh and lenient reviewers { $dot } offsets in points per mark
tui-offsets-count = { $fitted } of { $reviewers } calibrated { $dot } { $groups } { $groups ->
        [one] group
       *[other] groups
    }
tui-col-group = Grp
tui-col-shared = Shared
tui-offset = Marks { $points } points { $direction ->
        [below] below
       *[above] above
    } the group's median reviewer ({ "\u00B1" } { $error }): { $reading }.
tui-offset-not-estimable = Not estimable: { $why }; their marks are left as they are.
tui-offset-marks = { $marks } counting { $marks ->
        [one] mark
       *[other] marks
    }, { $shared } on cells other reviewers marked too, shared with { $others } { $others ->
        [one] reviewer
       *[other] reviewers
    }.

## The results TUI: a whole panel marking higher or lower (t).
tui-teams-title = Panels marking higher or lower { $dot } offsets in points per mark
tui-teams-any = any
tui-col-panel = Panel
tui-col-panel-title = Title
tui-col-down = Down
tui-col-up = Up

## The lines inside the selection: tier boundaries and the funding line.
solid-boundaries-title = How close are the tier boundaries and the funding line?
solid-line-tier = The end of { $tier }
solid-line-funding = The funding line
solid-boundary = { $line }: { $last } is ahead of { $next } by { $margin } points. { $swap }

# The results TUI while the analysis runs (the results show at once, the analysis when done).
tui-analysing = How solid the selection is: being analysed. It shows here as soon as it is done; the results on screen do not wait for it and will not change.
tui-analysing-short = How solid: being analysed...
solid-consensus = The committee uses consensus: { $cells ->
    [one] 1 value is
   *[other] { $cells } values are
} a panel's consensus mark, which these checks leave as it is; they resample, leave out and recalibrate the members' marks only, so where every value is a consensus mark nothing below can move.
