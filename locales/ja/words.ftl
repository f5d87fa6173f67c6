## The words of statuses, aggregate rules and flags, for every output that
## names them (src/report/words.rs).

## Statuses in tables and report.md (results.csv has the English ones).
word-status-selected = 選定
word-status-not-selected = 不選定
word-status-tied = 同点
word-status-below = 基準点未満
word-status-ineligible = 対象外
word-status-drawn = 抽選選定
word-status-not-drawn = 抽選落選
word-status-drawn-screen = 抽選選定
word-status-not-drawn-screen = 抽選落選
word-status-drawn-legend = 抽選により選定
word-status-not-drawn-legend = 抽選により不選定

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
word-flag-no-consensus = 合意評点なし:{ $criterion }

## The eligibility rule, and why a region fails it (src/report/eligibility.rs).
word-rule-failed = { $facts }（要件：{ $rule }）
word-rule-met = 要件を満たす（{ $rule }）
word-rule-facts-and = 、
word-rule-and = {" かつ "}
word-rule-or = {" または "}
word-rule-not = { $rule } ではない
word-rule-group = ({ $rule })
word-rule-in-field = 分野 { $field }
word-rule-is-in-field = 分野 { $field } に該当
word-rule-not-in-field = 分野 { $field } に該当しない
word-rule-missing = { $figure } の値なし

## Amounts of money (src/report/money.rs): the digits of one step, and the
## suffixes of the steps from the first.
word-amount-step = 4
word-amount-suffixes = 万 億 兆
word-amount-yen = { $amount }円
word-amount-unit = { $amount } { $unit }
