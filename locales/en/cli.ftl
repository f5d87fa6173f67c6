# The command line's help (panelist --help, panelist <command> --help).
# Keys: cli-<command>-<argument id>, else cli-arg-<argument id> for an
# argument several commands share. Shared with locales/ja/cli.ftl.
cli-about = Expert review panels in the terminal: reviewers score, the chair merges
cli-after-help = The review directory holds review.ron and scores/. When it is not given: $PANELIST_DIR, then `dir` in the config file.
    Try the sample: panelist merge panels/kci-2007
cli-lang = Language of the interface: en or ja (default: `lang` in the config file, else the locale, else English)
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-help-flag = Print help
cli-version-flag = Print version
cli-help-about = Print this message or the help of the given command
cli-arg-dir = Review directory (holds review.ron)
cli-arg-reviewer = Reviewer id
cli-arg-panel = Panel id

cli-review-about = Score your regions, criterion by criterion (the reviewer's TUI)
cli-review-reviewer = Your reviewer id (default: $PANELIST_REVIEWER, else your login name)
cli-review-panel = The panel to score (asked when you sit on several)

cli-merge-about = Merge the panel files into committee results
cli-merge-include_drafts = Count draft sheets too
cli-merge-out = Write results.ron, results.csv and report.md here instead of the review directory
cli-merge-add = An extra panel file, e.g. sheets returned by e-mail (repeatable)
cli-merge-analysis = Analyse how solid the selection is even for a review of more than 100,000 counting marks (below that it is on by default)
cli-merge-no_analysis = Leave out the analysis of how solid the selection is
cli-merge-rounds = Resampling rounds of the analysis [default: 2000, fewer for very large reviews]
cli-merge-full_report = Write report.md in full, a row for every region, however many (past 300 regions it is otherwise a summary)
cli-merge-seed = Seed of the analysis's resampling

cli-results-about = Browse the committee results (the chair's TUI)

cli-status-about = Progress per panel and reviewer
cli-status-csv = Machine-readable output
cli-status-stale_days = Call out drafts unchanged for more than this many days
cli-status-now = Take this time (RFC 3339) as now, instead of the clock (for tests)

cli-check-about = Validate review.ron and every panel file (and their journals)
cli-check-repair = Rebuild lost or damaged panel files from their journals (damaged files are kept aside)

cli-history-about = The audit trail: every change of a mark, note, conflict or submission
cli-history-reviewer = Only this reviewer's changes
cli-history-region = Only changes concerning this region
cli-history-panel = Only this panel's journal

cli-mark-about = Set one mark (for scripts; the same locked, atomic save as the TUI)
cli-mark-args = [DIR] REGION CRITERION POINTS
cli-mark-note = A note for the mark
cli-mark-reopen = Change a submitted sheet: makes it a draft again

cli-submit-about = Mark your sheet as submitted
cli-submit-force = Submit even though marks are still due

cli-init-about = Create a new review directory from a commented template, or (--from) as the next stage of an earlier review
cli-init-dir = The new review directory
cli-init-from = Start the next stage of this earlier review, which must be merged: the regions it selected, its rubric, reviewers, panels and committee, and follows filled in
cli-init-tiers = With --from: only the regions selected in this tier (repeat for several; every tier by default)

cli-serve-about = Serve the review TUI over SSH to reviewers with a registered key
cli-serve-listen = Address to listen on (port 0 picks a free port, printed at start)
cli-serve-host_key = The server's host key (an OpenSSH private key); by default one is created on first start in panelist's data directory
cli-serve-max_sessions = Sessions open at once, at most
cli-serve-max_auth_attempts = Authentication attempts per connection, at most
cli-serve-idle_minutes = Minutes without a key before a session is closed (its marks are saved)
cli-serve-login_seconds = Seconds from connecting to a running session, at most (the key exchange, authentication and opening the session)
cli-serve-max_unauthenticated = Connections that have not logged in, at most; a newer one takes the place of an idle one

cli-assign-about = Choose who reviews what on a panel: K members per region, by shared fields, without conflicts, within loads
cli-assign-panel = The panel to assign
cli-assign-per_region = K: members each region needs
cli-assign-max_load = The most regions a member without their own load takes (default: K x regions / members, rounded up)
cli-assign-keep = Keep every region a member has already marked (draft or submitted)
cli-assign-without = A member who dropped out: their regions go to others (repeatable)
cli-assign-dry_run = Print the assignment; change nothing
cli-lang-unknown = "{ $value }" is not a language of the interface: en or ja

cli-agenda-about = Order the committee meeting's regions so that members with a conflict step out least
cli-agenda-panel = A panel whose members attend the meeting (repeatable; default: every panel that reviews all regions)
cli-agenda-out = Write agenda.md here instead of the review directory
cli-consensus-about = Record a panel's agreed marks and comments (the rapporteur or the chair): the consensus screen, or one mark
cli-consensus-args = [DIR] [REGION CRITERION POINTS]
cli-consensus-panel = The panel whose consensus to record
cli-consensus-writer = Who records: the panel's rapporteur or the committee's chair (default: $PANELIST_REVIEWER, else your login name)
cli-consensus-note = The comment for the mark (the applicant reads it)

cli-feedback-about = Write a letter to each applicant: the region's outcome, scores and the panels' comments (Markdown and HTML)
cli-feedback-out = Write the letters into OUT/feedback/ instead of the review directory's feedback/

cli-form-about = Write a reviewer's sheet as a spreadsheet form (xlsx, or CSV) to fill in offline
cli-form-out = Where to write the form [default: REVIEWER-PANEL.xlsx]
cli-form-format = xlsx (a protected workbook that offers only allowed marks) or csv (UTF-8)
cli-import-about = Read filled forms, check every cell, and save their marks as the reviewer the form names
cli-import-files = [DIR] and the filled forms (xlsx or CSV)
cli-import-dry_run = Show what each form would change, and save nothing
cli-import-force = Replace marks saved after the form was made with the form's
cli-import-reopen = Change a submitted sheet: makes it a draft again
