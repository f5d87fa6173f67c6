# 集計の警告とエラー（標準エラー、results.ron、report.md）。
merge-draft-left-out = { $file }: 部会「{ $panel }」の委員「{ $reviewer }」の採点表は下書きのため集計に含まれません。提出されるか --include-drafts を付けると含まれます
merge-budget-infeasible = 予算を配分できません：選定された地域の最低額の合計 { $needed } が総額 { $total } を { $short } 上回ります。総額を増やすか、最低額を下げるか、選定数を減らしてください
merge-lottery-refuses = review.ron は公式の抽選（Committee(lottery)）を指定しています。抽選は merge が既定どおりに行う分析にもとづき、どの計算機でも同じ結果になるため、{ $flag } は指定できません。{ $flag } を外して merge を実行してください
merge-lottery-budget-infeasible = 抽選後に予算を配分できません：いま選定されている地域の最低額の合計 { $needed } が総額 { $total } を { $short } 上回ります。総額を増やすか、最低額を下げてください
merge-unknown-panel = 部会「{ $panel }」は review.ron の部会ではありません
merge-copies-tie = 部会「{ $panel }」の委員「{ $reviewer }」の採点表が { $files } の間で異なりますが、更新時刻はすべて { $updated } です。正しい写しを残し、他を削除してください
merge-copy-wins = 部会「{ $panel }」の委員「{ $reviewer }」の採点表がファイル間で異なります：{ $winner }（更新 { $winner_updated }）を採用し、{ $other }（更新 { $other_updated }）は使いません
merge-conflict-left-out = 委員「{ $reviewer }」の地域「{ $region }」への点数 { $count } 件は除外されます：この委員はこの地域について利害関係を申告しています
merge-institution-left-out = 委員「{ $reviewer }」の地域「{ $region }」への点数 { $count } 件は除外されます：この委員はこの地域と利害関係があります（同じ機関: { $institution }）
merge-unassigned-left-out = 部会「{ $panel }」の委員「{ $reviewer }」の地域「{ $region }」への点数 { $count } 件は算入されません：この地域はこの委員に割り当てられていない（または割当てが外れた）ためです。点数はファイルに残ります
