## The letters to applicants (src/report/feedback/, panelist feedback).
## The labels Status, Tier, Rank and Total, and the statuses, are the
## report's own (col-status, report-col-*, word-status-*-legend).

feedback-heading = Review results for { $name } ({ $id })
# At the top of every printed page, and the HTML page's title.
feedback-page-header = { $title } - { $name }
feedback-fact = { $label }: { $value }
feedback-allocation = Allocation
feedback-allocation-amount = { $amount } ({ $exact })
feedback-allocation-none = None
feedback-allocation-unfunded = None: the budget did not reach this proposal
feedback-rank-of = { $rank } of { $count }
feedback-below = Minimum not reached
feedback-below-item = { $item }: { $value } (the minimum is { $min })
feedback-below-item-no-min = { $item }: { $value }
feedback-eligibility = Eligibility
feedback-out-of = { $value } of { $max }
feedback-scores = Scores
feedback-col-item = Category or criterion
feedback-col-score = Score
feedback-col-max = Maximum
feedback-not-scored = not scored
feedback-comments = Comments of the panels
feedback-no-comments = No written comments.
# The chart of the top-level categories.
feedback-profile = Score in each category against its maximum
feedback-wrote = wrote { $count } { $count ->
        [one] letter
       *[other] letters
    } to { $dir } (Markdown and HTML)
feedback-stale = { $file } is not the letter of any region of this review; it was left as it was
