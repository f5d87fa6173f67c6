## The words of statuses, aggregate rules and flags, for every output that
## names them (src/report/words.rs).

## Statuses in tables and report.md (results.csv has the English ones).
word-status-selected = Selected
word-status-not-selected = NotSelected
word-status-tied = Tied
word-status-below = BelowThreshold
word-status-ineligible = Ineligible
word-status-drawn = Drawn
word-status-not-drawn = NotDrawn
word-status-drawn-screen = Drawn
word-status-not-drawn-screen = Not drawn
word-status-drawn-legend = Drawn by lot into the selection
word-status-not-drawn-legend = Not drawn (the lot left it out)

## Statuses in a results screen's column.
word-status-selected-screen = Selected
word-status-not-selected-screen = Not selected
word-status-tied-screen = TIED
word-status-below-screen = Below { $min }
word-status-below-none-screen = Below min
word-status-ineligible-screen = Ineligible

## Statuses in the chart's legend.
word-status-selected-legend = Selected
word-status-not-selected-legend = Not selected
word-status-tied-legend = Tied at the cutoff (the committee decides)
word-status-below-legend = Below the minimum of { $min }
word-status-below-none-legend = Below the minimum
word-status-ineligible-legend = Not eligible (screened out)

## Aggregate rules: as a name, and inside a sentence.
word-aggregate-mean = Mean
word-aggregate-median = Median
word-aggregate-trimmed = Trimmed mean
word-aggregate-mean-in-sentence = mean
word-aggregate-median-in-sentence = median
word-aggregate-trimmed-in-sentence = trimmed mean

## Flags.
word-flag-incomplete = incomplete
word-flag-disagreement = disagreement:{ $criterion }
word-flag-ineligible = ineligible
word-flag-below = below:{ $id }
word-flag-unfunded = unfunded
word-flag-no-consensus = no-consensus:{ $criterion }

## The eligibility rule, and why a region fails it (src/report/eligibility.rs).
word-rule-failed = { $facts } (needs { $rule })
word-rule-met = meets { $rule }
word-rule-facts-and = {" and "}
word-rule-and = {" and "}
word-rule-or = {" or "}
word-rule-not = not { $rule }
word-rule-group = ({ $rule })
word-rule-in-field = in field { $field }
word-rule-is-in-field = in field { $field }
word-rule-not-in-field = not in field { $field }
word-rule-missing = { $figure } missing

## Amounts of money (src/report/money.rs): the digits of one step, and the
## suffixes of the steps from the first.
word-amount-step = 3
word-amount-suffixes = K M B T
word-amount-yen = { $amount } JPY
word-amount-unit = { $amount } { $unit }
