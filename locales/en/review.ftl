# The reviewer's TUI (panelist review). Keys are shared with locales/ja/review.ftl.

## Keys: what each binding does (footer and help).
key-type-mark = type a mark
key-save-next = save mark, next
key-step = mark +/- step
key-criterion = criterion
key-region = region
key-next-unscored = next unscored
key-erase = erase a typed digit
key-clear-typed = clear the typed mark
key-remove-mark = remove the mark
key-note = note
key-conflict = conflict
key-undo = undo
key-sheet = sheet
key-submit = submit
key-reopen = reopen a submitted sheet
key-move = move
key-goto-cell = go to the cell
key-back = back
key-help = help
key-quit = quit
key-note-save = save note, close
key-note-discard = discard changes
key-new-line = new line
key-yes = yes
key-no = no
key-choose = choose
key-open-panel = open the panel

## Messages in the status line.
msg-nothing-to-score = This panel gives you nothing to score; ask the chair.
msg-read-only = Your sheet is submitted and read-only. R reopens it.
msg-rebuilt = The panel file had disappeared; it was rebuilt from its journal and your change saved. Tell the chair.
msg-changed-outside = Your sheet was changed on disk outside this session; you now see the file's version.
msg-saved-after-all = Saved after all: every change is on disk.
msg-not-saved = Not saved ({ $count } { $count ->
        [one] change
       *[other] changes
    }): { $reason }. Retrying; don't quit.
msg-all-scored = Everything is scored. S submits your sheet.
msg-already-draft = Your sheet is a draft already; nothing to reopen.
msg-read-only-reopen = Your sheet is submitted and read-only. R reopens it as a draft.
msg-conflicted-no-marks = You have a conflict on this region: no marks. c withdraws your declaration.
msg-over-max = { $text } is over the maximum of { $max }; not saved.
msg-off-grid = { $text } is not a multiple of { $step }; not saved.
msg-not-a-number = "{ $text }" is not a number; not saved.
msg-last-criterion = That was the last criterion. g finds anything unscored; S submits.
msg-mark-removed = Mark removed. u undoes.
msg-note-needs-mark = Score this criterion first: a note belongs to a mark.
msg-note-saved = Note saved.
msg-note-unchanged = Note left as it was.
msg-conflict-elsewhere = You declared this conflict in your sheet of panel "{ $panel }"; withdraw it there.
msg-conflict-by-chair = The chair recorded this conflict in review.ron; ask the chair to change it.
msg-already-submitted = Your sheet is already submitted.
msg-submitted = Submitted. Your sheet is read-only now; R reopens it.
msg-reopened = Reopened: your sheet is a draft again. Submit it again when done (S).
msg-conflict-declared = Conflict declared on { $region }: your { $count } { $count ->
        [one] mark
       *[other] marks
    } for it will not count. u undoes; c on it (from the sheet, s) withdraws.
msg-conflict-declared-unscored = Conflict declared on { $region }: you won't score it. u undoes; c on it (from the sheet, s) withdraws.
msg-conflict-withdrawn = Conflict on { $region } withdrawn: you score it again.
msg-nothing-to-undo = Nothing to undo.
msg-undone = Undone.
msg-typed-dropped = Not saved: { $input } for { $criterion } was not confirmed with Enter.
msg-needs-utf8 = Japanese text needs a UTF-8 terminal (LANG=ja_JP.UTF-8); shown as ? here.

## Things that would be lost on quitting.
lost-typed = the mark { $input } you typed for { $criterion } (not confirmed with Enter)
lost-unsaved = { $count } { $count ->
        [one] change
       *[other] changes
    } that could not be saved yet

## The scoring screen.
bar-submitted = SUBMITTED
bar-draft = draft
region-title = Region { $position }/{ $count }: { $name }
conflict-by-chair = The chair recorded a conflict of interest on this region: you don't score it and any marks are excluded.
conflict-elsewhere = In your sheet of panel "{ $panel }" you declared a conflict of interest on this region: you don't score it and any marks are excluded.
conflict-declared = You declared a conflict of interest on this region: you don't score it and any marks are excluded.
criterion-title = Criterion { $id } { $dot } { $position } of { $count }
criterion-scale = max { $max } { $dot } step { $step }
criterion-category = Category { $id }: { $title } ({ $position } of { $count })
mark-title = Your mark
mark-label = Mark:
mark-typed = of { $max }   typed: Enter saves, Esc clears
mark-of = of { $max }
mark-saved = saved
mark-not-saved = NOT SAVED YET
mark-conflict = none (conflict of interest)
mark-unscored = of { $max }   unscored: type a mark, Enter saves
note-label = Note:
note-none-add = Note: none (n adds one)
note-none = Note: none
progress-line = This region { $scored }/{ $due }   All { $all_scored }/{ $all_due } { $bar }   { $saved }
progress-saved = saved { $time }
progress-nothing = nothing changed yet
progress-unsaved = { $count } { $count ->
        [one] change
       *[other] changes
    } NOT SAVED
nothing-to-score = Nothing to score.

## The sheet summary.
summary-title = Your sheet: { $scored } of { $due } scored
summary-done = done
summary-conflict = conflict
summary-legend = { $missing } unscored  -- conflict   { $criterion }: { $title }

## Help.
help-title = Keys
help-scoring = Scoring
help-summary = Sheet summary (s)
help-notes = Note editor (n)
help-footer = Every confirmed mark is saved at once; marks of other reviewers are never shown.

## The note editor.
note-title = Note: { $region } { $dot } { $criterion }

## Questions.
ask-all-scored = Every mark is scored.
ask-still-unscored = Still unscored: { $count } { $count ->
        [one] mark
       *[other] marks
    }
ask-all = all
ask-more-regions = ... and { $count } more { $count ->
        [one] region
       *[other] regions
    }
ask-submit = Submit your sheet? It becomes read-only (R reopens it).
ask-submit-title = Submit
ask-reopen = Reopen your submitted sheet? It becomes a draft and must be submitted again.
ask-reopen-title = Reopen
ask-declare = Declare a conflict of interest on { $region }?
ask-declare-marks = Your { $count } { $count ->
        [one] mark
       *[other] marks
    } for it will not count.
ask-conflict-title = Conflict
ask-withdraw = Withdraw your conflict on { $region } and score it?
ask-quit = Quit? This would be lost:
ask-quit-title = Quit
ask-yes = yes
ask-no = no

## Choosing a panel.
chooser-title = Choose a panel
chooser-intro = You sit on several panels. Which one do you want to score now?
state-submitted = submitted
state-draft = draft
state-not-started = not started

## Whole screen.
too-small = The window is too small ({ $width }x{ $height }). panelist needs at least { $min_width }x{ $min_height }: make the window larger. { $note }
too-small-review = Your marks are safe; q quits.

## A region the committee's eligibility rule excludes: shown, nothing due.
region-ineligible = Not eligible: marks not due. The committee's eligibility rule excludes this region; you may still read and score it.
mark-not-due = of { $max }   not due: this region is not eligible
summary-not-due = not due
summary-ineligible = not due: not eligible under the committee's rule; you may still score it
chooser-ineligible = { $count } { $count ->
        [one] region
       *[other] regions
    } not eligible: marks not due

## A criterion in a sub-category of a nested rubric.
criterion-subcategory = { $depth ->
        [1] Sub-category
       *[other] Sub-sub-category
    } { $id }: { $title } ({ $position } of { $count })
conflict-by-institution = You work at { $institution }, one of this region's institutions: you don't score it and any marks are excluded.
msg-conflict-by-institution = Same institution ({ $institution }): the chair records affiliations in review.ron; ask the chair if this is wrong.

## Quitting with a sheet that was submitted when the session began and is a draft now.
ask-leave-draft = Your sheet is a draft again: its marks do not count until you submit it.
ask-leave-draft-lost = Quitting would also lose:
ask-leave-draft-title = Draft
key-submit-now = submit now
key-quit-draft = quit and leave it a draft
key-stay = stay

## A panel's discussion (Panel(reveal: AfterSubmit)): the other members'
## marks, once the reviewer's own sheet has been submitted.
key-others = the panel's marks, notes
key-others-scroll = scroll
msg-others-never = This panel does not show its members each other's marks.
msg-others-after-submit = The other members' marks are shown once you have submitted your sheet (S).
msg-others-conflict = You have a conflict of interest on this region: the other members' marks are not shown.
others-in-sheet = Others on { $place }: { $summary }  ({ $hint })
msg-others-unscored = The other members' marks are shown only on regions you have scored.
msg-submitted-discussion = Submitted. Your sheet is read-only now (R reopens it); the other members' marks are shown on the regions you scored (o).
others-title = The panel's marks
others-hint = o: in full
others-of-cell = The panel's marks on { $place }
others-unscored = The panel's marks are shown only on regions you have scored.
others-reading = reading the panel file...
others-nobody = No other member of the panel scores this region.
others-more = +{ $count } more: o shows every mark and note
others-more-below = more below
others-draft = draft
others-submitted = submitted
others-preliminary = (preliminary { $points })
others-no-note = no note
others-unmarked = No mark yet: { $names }
others-sheets-submitted = { $submitted }/{ $count } submitted
others-summary = mean { $mean }, { $range }, { $sheets }
others-unreadable = the panel file could not be read: { $reason }
mark-revised = revised (preliminary { $preliminary })
help-footer-discussion = Every confirmed mark is saved at once. Once your sheet is submitted, you see the other members' marks and notes on the regions you scored (o).
