# Messages of check, mark, submit and the command line.
cmd-mark-usage = expected [DIR] REGION CRITERION POINTS
cmd-not-scored-here = panel "{ $panel }" does not score region "{ $region }" on criterion "{ $criterion }"
cmd-chair-conflict = reviewer "{ $reviewer }" has a conflict on region "{ $region }" in review.ron and may not score it
cmd-saved = saved: { $reviewer } on panel { $panel }, { $name } ({ $region }), { $criterion } = { $points } (was { $was })
cmd-no-mark = no mark
cmd-own-conflict = you declared a conflict on region "{ $region }"; withdraw it in the review TUI before scoring
cmd-submitted-reopen = this sheet is submitted; to change it, pass --reopen (it becomes a draft again and must be submitted anew)
cmd-draft-again = note: the sheet is a draft again; submit it anew with `panelist submit`
cmd-mark-rule = marks for "{ $criterion }" lie in 0..={ $max } on multiples of { $step }
cmd-not-a-mark = "{ $text }" is not a mark: write a number like 4 or 4.5; { $rule }
cmd-mark-not-allowed = { $text } is not allowed: { $rule }
cmd-still-due = { $count } of { $due } marks are still due, so the sheet was not submitted: { $shown }{ $more }
    Score them, or submit anyway with --force.
cmd-and-more = {" "}and { $count } more
cmd-submitted = submitted{ $already }: { $reviewer } on panel { $panel }, { $scored } of { $due } marks, at { $at }
cmd-already-submitted = {" "}(it already was)
cmd-not-member = reviewer "{ $reviewer }" is not a member of panel "{ $panel }"; their panels: { $panels }
cmd-none = none
cmd-unknown-panel = unknown panel "{ $panel }"
cmd-unknown = unknown { $kind } "{ $id }"; known: { $known }
cmd-known-many = { $first }, ... ({ $count } in all)
cmd-fingerprint = { $file }: rubric fingerprint { $fingerprint }
cmd-check-ok = ok: review.ron and { $files } panel { $files ->
    [one] file
   *[other] files
} with { $sheets } { $sheets ->
    [one] sheet
   *[other] sheets
} are valid
cmd-warning = warning: { $warning }
cmd-repaired = repaired: { $done }
cmd-problems = panelist: { $count } { $count ->
    [one] problem
   *[other] problems
} found; nothing was written
cmd-no-dir = no review directory given. Name one (e.g. `panelist merge panels/kci-2007`, the sample review), set PANELIST_DIR, or put `(dir: "/path/to/review")` in { $config }
cmd-config-file = the config file

## Errors.
error-session-busy = { $reviewer } already has a review session open on panel { $panel }: on { $host }, pid { $pid }, since { $since }.
    Quit that session first (or, if it is gone, wait a few seconds and try again).
error-session-busy-remote = { $reviewer } already has a review session open on panel { $panel } (since { $since }), in another window or on another computer. Quit that session first, then connect again.
error-remote = The review server cannot open your panel just now. Every confirmed mark is saved; try again in a minute, and tell the chair if it persists (the details are in the server's log).
error-lock-timeout = { $path }: locked by another process for more than { $seconds } s; try again, and if it persists look for a hung panelist process
error-io = cannot { $action } { $path }: { $reason }
problem-io = cannot { $action } the file: { $reason }
save-invalid-file = The panel file is invalid, so nothing was saved (saving would overwrite it). Ask the chair: `panelist check` lists the problems.
save-invalid-file-repair = The panel file is invalid, so nothing was saved (saving would overwrite it). Ask the chair: `panelist check` lists the problems. `panelist check --repair` rebuilds it from its journal.
io-create = create
io-create-temp = create a temporary file in
io-list = list
io-lock = lock
io-open = open
io-open-journal = open the journal
io-open-lock = open the lock file
io-open-session = open the session file
io-read = read
io-read-journal = read the journal
io-replace = replace
io-set-aside = set aside
io-set-permissions = set permissions of
io-set-up = set up
io-start = start
io-sync = sync
io-write = write
io-write-journal = write the journal
io-draw = draw on
io-not-found = no such file or directory
io-permission = permission denied; ask the chair for write access to the review directory
io-disk-full = the disk is full; free some space and try again
io-read-only = the file system is read-only
brief-disk-full = the disk is full
brief-read-only = the file system is read-only
brief-permission = permission denied
brief-missing = a file or directory is missing
brief-locked = the panel file is locked by another process
brief-file-invalid = { $file } is invalid
brief-invalid-input = invalid input
brief-panel-invalid = the panel file is invalid; tell the chair (panelist check)

## Reading files.
src-hint-spelling = ; check the spelling against SPEC.md
src-hint-add-field = ; add the field
src-hint-syntax = ; fix the RON syntax there
src-value-not = { $field }: { $value } is not { $expected }
src-expected-time = a UTC time like "2007-06-01T10:15:00Z"
src-expected-number = a number like { $example }
src-expected-whole = a whole number of 0 or more, like 6
src-expected-seed = a whole number from 0 to 18446744073709551615, like 2007
src-expected-bool = true or false
src-expected-text = text in double quotes, like "..."
src-expected-option = { $field }: { $value } is not None or Some(...); write { $fixed }
src-decimal-comma = { $field }: { $value } has a decimal comma; write { $fixed }, with a point
src-unquote = { $field }: { $value } takes a name, not text: write { $field }: { $fixed }, without quotes
src-too-deep = nested too deeply; this is not a panelist file
src-too-large = file is larger than { $mib } MiB; this is not a panelist file
src-not-utf8 = the file is not UTF-8 text; save it as UTF-8
src-not-a-file = this is not a regular file (a directory, a pipe or a device); move it out of the way, or replace it with the file it should be
store-no-dir = not a review directory (it does not exist); give the directory that holds review.ron, e.g. panels/kci-2007
store-no-review = no review.ron here; give the directory that holds review.ron, or start one with `panelist init DIR`
store-is-missing = is missing
store-is-damaged = is damaged
store-unrepaired = { $what }, but { $journal } holds its changes: `panelist check --repair` rebuilds it
store-missing-damaged-journal = { $file } is missing and its journal has lines that can't be read, so nothing was saved: ask the chair to run `panelist check --repair`
store-symlink = this is a symbolic link; panelist does not follow links in scores/ (they could point outside the review). Replace it with the real file
journal-too-large = the journal is too large to be panelist's
journal-torn = the last line is torn (a save was interrupted); it is ignored
journal-interrupted = { $journal }:{ $line }: a save of { $reviewer } ({ $changes } { $changes ->
    [one] change
   *[other] changes
}) was interrupted before it completed; it was never confirmed and does not count
journal-unrecorded = { $journal }:{ $line }: a save of { $reviewer } ({ $changes } { $changes ->
    [one] change
   *[other] changes
}) was interrupted after it replaced the panel file, before its record was complete; the file holds it, so it counts (the next save, or `check --repair`, completes the record)
journal-bad-line = line cannot be read ({ $error }); it is ignored

## history and check --repair.
history-none = no changes recorded (journals begin with the first save through panelist)
history-snapshot = { $who } sheet as found when the journal began: { $marks } { $marks ->
    [one] mark
   *[other] marks
}{ $conflicts }{ $state }
history-conflicts-on = , conflicts on { $regions }
history-state-submitted = , submitted
history-state-draft = , draft
history-mark = mark { $old } -> { $new }
history-note = note { $old } -> { $new }
history-declared = { $who } { $region }: declared a conflict of interest
history-withdrew = { $who } { $region }: withdrew the conflict of interest
history-submitted = { $who } submitted the sheet
history-interrupted = {" "}(interrupted: this save never completed and does not count)
history-reopened = { $who } reopened the sheet (a draft again)
repair-cannot = cannot be rebuilt from { $journal }: the replayed sheets break the review's rules ({ $problem }); nothing was changed
repair-kept = ; the damaged file is kept as { $path }
repair-done = rebuilt { $path } from { $journal }: { $sheets } { $sheets ->
    [one] sheet
   *[other] sheets
}, { $marks } { $marks ->
    [one] mark
   *[other] marks
}{ $kept }
repair-differs = { $path }: the sheets of { $reviewers } differ from { $journal } (the file was edited outside panelist, or a save was interrupted after journaling); the file is left as it is

## merge.
merge-wrote = {"\u000a"}wrote results.ron, results.csv, results.svg and report.md to { $dir }
merge-wrote-percentiles = {"\u000a"}wrote results.ron, results.csv, results.svg, report.md and percentiles.csv (each region's percentile within each panel that scored it, lower is better; the rules never read it) to { $dir }
merge-cannot-csv = cannot write results.csv: { $error }
merge-cannot-svg = cannot draw results.svg: { $error }

## review: who is the reviewer.
review-not-a-reviewer = { $source } names "{ $id }", who is not a reviewer of "{ $review }"; check the id with the chair
review-who = could not tell who you are: your login "{ $login }" is neither the login nor the id of a reviewer of "{ $review }". Start with --reviewer YOUR-ID (ask the chair for it).
review-not-on-panel = "{ $reviewer }" is not on panel "{ $panel }"; their panels: { $panels }
review-no-panel = "{ $reviewer }" sits on no panel of "{ $review }", so there is nothing to score; ask the chair
review-needs-terminal = panelist review needs a terminal; over SSH connect with `ssh -t`, and in scripts use `panelist mark`
cmd-not-assigned = region "{ $region }" is not assigned to reviewer "{ $reviewer }" on panel "{ $panel }"; ask the chair, who assigns regions with panelist assign
cmd-institution-conflict = reviewer "{ $reviewer }" may not score region "{ $region }": same institution ({ $institution })
assign-without-not-member = --without { $reviewer }: not a member of panel "{ $panel }" (its members: { $members })
assign-summary = panel { $panel }: { $regions } { $regions ->
    [one] region
   *[other] regions
}, { $members } { $members ->
    [one] member
   *[other] members
}, { $k } per region
assign-objective = objective: { $objective } fields shared over { $pairs } assigned pairs
assign-loads = loads: min { $min }, mean { $mean }, max { $max } regions per member
assign-all-matched = every region shares a field with at least one of its members
assign-unmatched = { $count } { $count ->
    [one] region shares
   *[other] regions share
} no field with any of its members: { $regions }
assign-member = { $reviewer } ({ $name }): { $count } - { $regions }
assign-dry-run = dry run: review.ron is unchanged
assign-written = wrote panel { $panel }'s assignment into { $file }
assign-no-regions-field = cannot rewrite panel "{ $panel }" in review.ron: its regions: value was not found as written; set regions: All in that panel and run again
assign-infeasible = no assignment of panel "{ $panel }" is possible; nothing was written:
assign-malformed = internal error: { $detail }
assign-kept-conflict = { $reviewer } keeps { $region }, but is conflicted on it ({ $cause }); remove the marks or run without --keep
assign-kept-crowded = region { $region } has { $kept } members to keep, more than { $k } per region
assign-kept-overloaded = { $reviewer } has { $kept } regions to keep, more than their load of { $load }
assign-uncoverable = region { $region } needs { $k } members but only { $free } of { $members } are free for it (the others are conflicted on it or take no regions)
assign-loads-short = the loads are too small: { $regions } regions x { $k } = { $places } places, the members take { $loads } at most: { $missing } missing; raise --max-load or the members' load
assign-shortfall = { $count } regions ({ $regions }) need { $need } places between them, and the members free for them can give only { $give }: too many conflicts among them, or loads too small
conflict-cause-sheet = declared on their sheet of panel { $panel }
agenda-title = Agenda: { $title }
agenda-member = { $name } ({ $id })
agenda-region = { $name } ({ $id })
agenda-attending = Attending ({ $count } { $count ->
    [one] member
   *[other] members
} of { $panels }):
agenda-regions = Regions: { $count }, in the order below
agenda-regions-left-out = Regions: { $count }, in the order below ({ $left } ineligible left out: { $ids })
agenda-exits = Members step out { $exits } { $exits ->
    [one] time
   *[other] times
} ({ $given } in review.ron's order; at least { $bound } in any order)
agenda-method-at-bound = Method: exact; each member with a conflict steps out only once, the fewest
agenda-method-exact = Method: exact; every order was weighed and no other does better
agenda-method-heuristic = Method: heuristic; { $count } regions with different conflicts are too many to weigh every order (the exact method weighs up to { $most }), so another order may do better
agenda-method-no-conflicts = Method: none needed; no member attending has a conflict on any region
agenda-no-regions = No eligible region to discuss.
agenda-leaves = leaves: { $member } [{ $cause }]
agenda-returns = returns: { $member }
agenda-after-last = After the last region:
agenda-wrote = wrote { $file }
agenda-no-members = nobody attends: no panel reviews all regions, or its members are none; name the panels whose members attend with --panel ID (panels: { $panels })
history-consensus-snapshot = { $who } consensus as found when the journal began: { $marks } { $marks ->
    [one] mark
   *[other] marks
}
history-consensus = { $who } consensus { $region } { $criterion }
consensus-usage = expected [DIR] [REGION CRITERION POINTS] (and --note only with a mark)
consensus-needs-terminal = panelist consensus needs a terminal for its screen; in scripts give REGION CRITERION POINTS to record one consensus mark
consensus-nobody-may = nobody may record the consensus of panel "{ $panel }": name its rapporteur (`rapporteur: Some("...")` on the panel) or the committee's chair (`chair: Some("...")`) in review.ron
consensus-not-yours = { $writer } may not record the consensus of panel "{ $panel }": only { $recorders } may (the panel's rapporteur or the committee's chair)
consensus-conflict = { $writer } may not record the consensus of region "{ $region }": a conflict of interest ({ $cause }); another who may record it must do so
consensus-saved = saved: consensus of panel { $panel } by { $writer }, { $name } ({ $region }), { $criterion } = { $points } (was { $was })
status-consensus-line = consensus of panel { $panel }: { $recorded }/{ $due } recorded, last by { $by } on { $at }
status-consensus-none = consensus of panel { $panel }: 0/{ $due } recorded ({ $recorders } may record it)

## A mark changed after the sheet's first submission (revised).
history-revised = revised { $old } -> { $new } (preliminary { $preliminary })
history-revised-new = revised { $old } -> { $new } (no mark at the first submission)
