# The consensus screen (panelist consensus without a cell). Keys are shared with locales/ja/consensus.ftl.

## Keys: what each binding does (footer and help).
key-consensus-next-missing = next unrecorded
key-consensus-scroll-members = scroll the members
key-consensus-comment = comment
key-consensus-members = members' notes
key-consensus-summary = summary
key-consensus-scroll = scroll
key-consensus-comment-save = save comment, close

## The title bar.
consensus-bar = Consensus
consensus-role-rapporteur = rapporteur
consensus-role-chair = chair
consensus-bar-writer = { $name } ({ $role })
consensus-bar-progress = { $recorded }/{ $due } recorded

## The cell: region and criterion, the members' marks, the consensus.
consensus-region-title = Region { $position }/{ $count }: { $name } ({ $id })
consensus-members-title = Members' marks: { $count } of { $members }
consensus-members-drafts = {" "}({ $drafts } in { $drafts ->
        [one] a draft
       *[other] drafts
    })
consensus-members-stats = mean { $mean } { $dot } low { $low } { $dot } high { $high }
consensus-disagreement = ! Disagreement: spread { $spread } is over { $limit }
consensus-agreement = spread { $spread } (flagged over { $limit })
consensus-members-more = { $hidden } more: PgUp/PgDn
consensus-draft = draft
consensus-absent-conflict = conflict of interest: does not count
consensus-absent-no-sheet = no sheet yet
consensus-absent-not-marked = not marked
consensus-barred-title = Conflict of interest
consensus-barred = You have a conflict of interest on this region ({ $cause }): you may not record its consensus, and the members' marks are not shown to you.
consensus-barred-others = { $others } may record it.
consensus-barred-nobody = Nobody else may record it: review.ron must name another recorder (the panel's rapporteur or the committee's chair).
consensus-title = The panel's consensus
consensus-mark-none = of { $max }   not recorded: type the agreed mark, Enter saves
consensus-comment-label = Comment:
consensus-comment-none-add = Comment: none (n adds one; the applicant reads it)
consensus-comment-none = Comment: none

## The summary (s) and the members' notes in full (m).
consensus-summary-title = Consensus of panel { $panel }: { $recorded } of { $due } recorded
consensus-summary-legend = { $missing } not recorded  -- conflict of interest   { $criterion }: { $title }
consensus-notes-title = Members' marks and notes: { $region } { $dot } { $criterion }
consensus-no-note = (no note)

## Help and the comment editor.
consensus-help-cell = Recording the consensus
consensus-help-summary = Summary (s)
consensus-help-members = Members' marks and notes (m)
consensus-help-comment = Comment editor (n)
consensus-help-footer = Every confirmed mark and comment is saved at once in the panel file's consensus, with you as its writer; the members' sheets are never changed.
consensus-comment-title = Comment (the applicant reads it): { $region } { $dot } { $criterion }

## Messages in the status line.
consensus-msg-nothing = This panel has no eligible region or no criterion: there is no consensus to record.
consensus-msg-changed-outside = The consensus was changed on disk outside this screen (by another recorder?); you now see the file's version.
consensus-msg-all-recorded = Every consensus mark you may record is recorded.
consensus-msg-barred = Conflict of interest ({ $cause }): you may not record this region's consensus; nothing saved.
consensus-msg-last = That was the last cell. g finds a cell still without a consensus mark; s shows them all.
consensus-msg-removed = Consensus mark removed. u undoes.
consensus-msg-comment-needs-mark = Record the agreed mark first: a comment belongs to a mark.
consensus-msg-comment-saved = Comment saved.
consensus-msg-comment-unchanged = Comment left as it was.
