## The words of statuses, aggregate rules and flags, for every output that
## names them (src/report/words.rs).

## Statuses in tables and report.md (results.csv has the English ones).
word-status-selected = 選定
word-status-not-selected = 不選定
word-status-tied = 同点
word-status-below = 基準点未満
word-status-ineligible = 対象外

## Statuses in a results screen's column.
word-status-selected-screen = 選定
word-status-not-selected-screen = 不選定
word-status-tied-screen = 同点
word-status-below-screen = { $min } 点未満
word-status-below-none-screen = 基準点未満
word-status-ineligible-screen = 対象外

## Statuses in the chart's legend.
word-status-selected-legend = 選定
word-status-not-selected-legend = 不選定
word-status-tied-legend = 選定の境目で同点（委員会が決定）
word-status-below-legend = 基準点（{ $min }）未満
word-status-below-none-legend = 基準点未満
word-status-ineligible-legend = 対象外（要件を満たさない）

## Aggregate rules: as a name, and inside a sentence.
word-aggregate-mean = 平均
word-aggregate-median = 中央値
word-aggregate-trimmed = 刈込平均
word-aggregate-mean-in-sentence = 平均
word-aggregate-median-in-sentence = 中央値
word-aggregate-trimmed-in-sentence = 刈込平均

## Flags.
word-flag-incomplete = 採点欠落
word-flag-disagreement = 評点の乖離:{ $criterion }
word-flag-ineligible = 対象外
word-flag-below = 基準未満:{ $id }
word-flag-unfunded = 予算外

## An eligibility rule in words, for one region (report.md, the results screens).
rule-passes = 要件を満たす
rule-figure-missing = { $figure } の値なし
rule-below = { $figure } { $value } < { $limit }
rule-above = { $figure } { $value } > { $limit }
rule-not-below = { $figure } { $value } ≥ { $limit }
rule-not-above = { $figure } { $value } ≤ { $limit }
rule-in-field = 分野 { $field } に該当
rule-not-in-field = 分野 { $field } に該当しない
