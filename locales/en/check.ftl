# Validation of review.ron and panel files (check, merge, every command).
kind-category = category
kind-criterion = criterion
kind-region = region
kind-reviewer = reviewer
kind-panel = panel
check-id-rule = ids may use only the letters A-Z and a-z, digits, '_' and '-', 1 to 64 of them (ids become file names)
check-review-id-invalid = review id "{ $id }" is not a valid id: { $rule }
check-id-invalid = { $kind } id "{ $id }" is not a valid id: { $rule }
check-id-repeats = { $kind } id "{ $id }" repeats; give each { $kind } its own id
check-max-positive = criterion "{ $criterion }": max must be a number greater than 0 (it is { $value })
check-step-positive = criterion "{ $criterion }": step must be a number greater than 0 (it is { $value })
check-max-step = criterion "{ $criterion }": max { $max } is not a multiple of step { $step }; change max or step
check-conflict-unknown-region = reviewer "{ $reviewer }" declares a conflict on unknown region "{ $region }"; correct the region id
check-login-twice = login "{ $login }" is given to both "{ $other }" and "{ $reviewer }"; a login must name one reviewer
check-key-invalid = key { $n } of reviewer "{ $reviewer }" is not an OpenSSH public key ({ $error }); paste the whole line of their .pub file, e.g. "ssh-ed25519 AAAA... name@laptop"
check-key-options = key { $n } of reviewer "{ $reviewer }" starts with OpenSSH options ({ $options }); panelist serve does not apply options, so it refuses the key: keep the line from the key type on ("ssh-ed25519 AAAA... name@laptop")
check-key-shared = key { $n } of reviewer "{ $reviewer }" is also a key of "{ $other }"; a key must identify one reviewer: give each reviewer a key of their own
check-panel-unknown-reviewer = panel "{ $panel }" names unknown reviewer "{ $reviewer }"; add the reviewer to reviewers or correct the id
check-panel-unknown-criterion = panel "{ $panel }" names unknown criterion "{ $criterion }"; use a criterion id of the rubric
check-panel-unknown-region = panel "{ $panel }" names unknown region "{ $region }"; add the region to regions or correct the id
check-panels-overlap = panels "{ $first }" and "{ $second }" share reviewer "{ $reviewer }" and both cover region "{ $region }", criterion "{ $criterion }"; their marks would count twice, so remove the member from one panel or the overlap of criteria or regions
check-tie-break = tie_break names "{ $entry }", which is not a category id; use category ids ({ $ids })
check-disagreement = disagreement must be a number of 0 or more (a share of the criterion's max, e.g. 0.4); it is { $value }
check-min-total = min_total must be a number, e.g. Some(45.0); it is { $value }
check-other-review = panel file is for review "{ $file }", but review.ron is "{ $review }"; this file belongs to another review
check-not-a-panel = panel "{ $panel }" is not a panel of review.ron; use one of: { $panels }
check-panel-file-name = panel "{ $panel }" does not match the file name { $stem }.ron; a panel file must be named after its panel
check-rubric = rubric fingerprint "{ $found }" differs from review.ron's "{ $expected }": these marks were given against another rubric; rescore against the current rubric, or restore the review.ron they were given under
check-sheet-unknown-reviewer = sheet of unknown reviewer "{ $reviewer }"; correct the id or add the reviewer to review.ron
check-sheet-not-member = reviewer "{ $reviewer }" is not a member of panel "{ $panel }"; add them to the panel in review.ron or move the sheet to their panel's file
check-sheet-conflict-unknown = reviewer "{ $reviewer }" declares a conflict on unknown region "{ $region }"; correct the region id
check-mark-unknown-region = mark for unknown region "{ $region }"; correct the region id
check-mark-region-not-covered = panel "{ $panel }" does not cover region "{ $region }"; remove these marks or score them in the right panel
check-mark-unknown-criterion = mark for unknown criterion "{ $criterion }" (region "{ $region }"); correct the criterion id
check-mark-criterion-not-covered = panel "{ $panel }" does not cover criterion "{ $criterion }" (region "{ $region }"); remove the mark or score it in the right panel
check-mark-range = mark { $points } for region "{ $region }", criterion "{ $criterion }" is not allowed: marks lie in 0..={ $max } on multiples of { $step }
check-more-problems = { $count } more { $count ->
    [one] problem in this file is
   *[other] problems in this file are
} not listed (only the first { $shown } are); fix these and run `panelist check` again
kind-tier = tier
check-category-criterion-id = category id "{ $id }" is also a criterion id; ids are unique across categories and criteria (flags name either), so rename one
check-category-empty = category "{ $id }" holds no criterion anywhere below it; give it criteria or sub-categories with criteria, or remove it
check-min-range = "{ $id }": min must be a number from 0 to its maximum of { $max } (it is { $value }); a higher minimum could never be met
check-figure-number = region "{ $region }": figure "{ $figure }" must be a number (it is { $value })
check-requested = region "{ $region }": requested must be an amount of 0 or more (it is { $value })
check-select-and-tiers = the committee gives both select and tiers; give only one: select: N is the same as one tier of N places
check-no-selection = the committee gives neither select nor tiers; say how many regions are selected, e.g. select: 6, or give tiers
check-tier-places = tier "{ $id }" has 0 places; give it at least 1, or remove it
check-rule-empty = the eligibility rule holds an empty { $kind }([]), which means nothing; put at least one rule in it, or remove it
check-rule-number = the eligibility rule compares figure "{ $figure }" with { $value }, which is not a number
check-budget-amount = budget: { $field } must be an amount of 0 or more (it is { $value })
check-budget-min-max = budget: min { $min } is more than max { $max }; lower min or raise max
check-budget-granularity = budget: granularity must be greater than 0 (it is { $value }), e.g. 1.0e7 for amounts in tens of millions
check-budget-requested = region "{ $region }" has no requested amount, which a RankOrder budget needs of every eligible region; add requested: Some(...) to it
check-budget-minimums = budget: the { $places } funded places at their least amounts need { $needed } even when filled by the cheapest regions, more than the total of { $total } by { $short }; raise the total, lower min, or give fewer funded places
check-figure-missing = the eligibility rule names figure "{ $figure }", which { $count } { $count ->
    [one] region lacks
   *[other] regions lack
}: { $regions }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}; for { $count ->
    [one] it
   *[other] them
} the comparison is false: add the figure to each, or leave it out knowingly
check-tier-funded-after = tier "{ $funded }" is funded but comes after tier "{ $reserve }", which is not: a better place would then mean less money; put the funded tiers first and the reserve after them

## A stage's follows (checked against the earlier review's files)
check-follows-no-dir = follows names the earlier review "{ $written }", which is { $resolved } from here and does not exist; give the directory of the review whose selected regions this one scores, relative to this review's directory (e.g. "../first-stage")
check-follows-no-review = follows names the earlier review "{ $written }" ({ $resolved }), a directory without review.ron; give the directory of the review whose selected regions this one scores, relative to this review's directory
check-follows-not-merged = the earlier review "{ $written }" ({ $resolved }) has no results.ron yet, so that every region here was selected there cannot be verified until it is merged: panelist merge { $resolved }
check-follows-unreadable = the results of the earlier review cannot be read ({ $error }); merge it again: panelist merge { $dir }
check-follows-absent = region "{ $region }" is not in { $file }, the results of the review this one follows; this review scores only regions selected there: remove the region, or correct follows
check-follows-not-selected = region "{ $region }" is { $status } in { $file } (in no tier), not Selected; this review scores only regions selected there: remove the region, or correct follows
check-follows-other-tier = region "{ $region }" is Selected in tier "{ $tier }" in { $file }, not in a tier this review follows ({ $tiers }); remove the region, or add "{ $tier }" to the tiers of follows
check-follows-unknown-tier = follows names tier "{ $tier }", which { $file } does not have (its tiers: { $tiers }); give one of those, or leave tiers out to follow every tier
check-figure-unknown = the eligibility rule names figure "{ $figure }", which no region has: a comparison with it is false for every region; correct the name, or add the figure to the regions
check-figure-unknown-like = the eligibility rule names figure "{ $figure }", which no region has (did you mean "{ $like }"?): a comparison with it is false for every region
check-per-member-not-member = panel "{ $panel }" gives regions to "{ $reviewer }", who is not one of its members; add them to members or remove their list
check-per-member-conflicted = panel "{ $panel }" gives region "{ $region }" to "{ $reviewer }", who is conflicted on it ({ $cause }): their marks there will not count; run panelist assign or take the region off their list
conflict-cause-declared = declared in review.ron
conflict-cause-institution = same institution: { $institution }
check-rapporteur-unknown = the rapporteur "{ $reviewer }" of panel "{ $panel }" is not a reviewer; add them to `reviewers` or name one who is
check-chair-unknown = the committee's chair "{ $reviewer }" is not a reviewer; add them to `reviewers` or name one who is
check-consensus-by = the consensus of panel "{ $panel }" was written by "{ $by }", who may not record it (only { $recorders } may); record it again with `panelist consensus --as` one of them
check-consensus-nobody = the consensus of panel "{ $panel }" was written by "{ $by }", but the review names no rapporteur for the panel and no committee chair; name one in review.ron (`rapporteur: Some("...")` or `chair: Some("...")`)
