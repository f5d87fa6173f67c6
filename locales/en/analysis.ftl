# How solid is the selection (report.md, merge's table, the results TUI).
status-selected = Selected
status-not-selected = NotSelected
status-tied = Tied
status-below = BelowThreshold
aggregate-mean = Mean
aggregate-median = Median
aggregate-trimmed = Trimmed mean
yes = yes
no = no

solid-title = How solid is the selection?
solid-intro = These figures are evidence beside the official result above and change nothing in it. They are computed from the counting marks: the reviewers of each panel resampled with replacement in { $rounds } rounds (seed { $seed }), each reviewer left out in turn, the three aggregates, and reviewer calibration.
solid-solid = Selected in every resampling round, under every aggregate and without any single reviewer: { $regions }.
solid-hangs-in = { $region } would not be selected without the marks of { $reviewers }.
solid-hangs-out = { $region } would be selected without the marks of { $reviewers }.
solid-aggregate = { $region } is selected under the committee's aggregate but not under { $under }.
solid-closest = The cutoff: { $last } is the last selected and { $next } the first not selected, { $margin } points apart.
solid-swap = The smallest change found that would swap them: { $changes } { $changes ->
        [one] mark
       *[other] marks
    } changed ({ $points } points in all) by { $reviewers } { $reviewers ->
        [one] reviewer
       *[other] reviewers
    }, e.g. { $example }.
solid-no-swap = No change of marks within the scale swaps them.
solid-table-title = How solid is the selection ({ $rounds } resampling rounds):
col-region = Region
col-status = Status
col-resampled = Selected when reviewers are resampled
col-resampled-short = resampled
col-all-aggregates = all aggregates
col-hangs-on = Hangs on
col-reviewer = Reviewer
col-offset = Offset (points per mark)
col-shared = Shared cells
col-marks = Marks
col-calibrated-total = Calibrated total
col-calibrated-rank = Calibrated rank
col-official-rank = Official rank

calib-title = Reviewer calibration
calib-no-marks = there are no counting marks
calib-too-thin = the overlap between reviewers is too thin: only { $covered } of { $marks } marks come from reviewers who share at least { $shared } cells with others
calib-not-meaningful = Calibration is not shown: { $why }. Offsets estimated from so little overlap would mean nothing.
calib-intro = Each reviewer's leniency relative to the other reviewers of the same regions and criteria, fitted by least squares (mark = quality of the cell + reviewer offset + noise; offsets sum to zero among reviewers who share cells). Residual noise: { $noise } points per mark. A negative offset is a harsh reviewer.
calib-thin-reviewers = { $count } { $count ->
        [one] reviewer shares
       *[other] reviewers share
    } fewer than { $shared } cells with others: no offset is estimated for them and their marks are used as they are.
calib-same-selection = With every estimable offset taken out of the marks, the same regions are selected.
calib-other-selection = With every estimable offset taken out of the marks, the selection would differ: { $regions }.
calib-table-same = Calibrated for reviewer leniency: the same regions are selected.
calib-table-differs = Calibrated for reviewer leniency: the selection would differ (see report.md).
results-solidity = Solid? resampled { $share }, all aggregates { $all }, hangs on { $hangs }, calibrated #{ $rank }
