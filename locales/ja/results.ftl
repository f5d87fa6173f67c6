# 座長用の審査結果画面（panelist results）。キーは locales/en/results.ftl と共通。
# キー操作の説明は main.ftl と review.ftl にある。

## タイトル行と表示中の結果
results-bar = panelist { $dot } 審査結果 { $dot } { $title }
results-selected-count = 選定 { $selected }/{ $regions }
results-banner-drafts = 下書きを含む：下書きの採点表 { $drafts } 件を集計中。最終結果ではありません（d：除外）
results-banner-left-out = 委員会の審査結果 { $dot } 提出済の採点表 { $counted } 件 { $dot } 下書き { $drafts } 件は除外（d：集計に含める）
results-banner-no-drafts = 委員会の審査結果 { $dot } 提出済の採点表 { $counted } 件 { $dot } 下書きなし

## メッセージ
results-reloaded = 部会ファイルを読み直しました。
results-reload-failed = ファイルを読み直せませんでした。前回の結果を表示しています。{ $reason }
results-problems = 問題が { $count } 件あります。最初のもの：{ $first }
results-drafts-on = 下書きの採点表 { $drafts } 件を集計に含めました。委員会の審査結果ではありません。
results-drafts-off = 下書きを再び除外しました。委員会の審査結果です。

## 結果と要確認事項（幅 12 の列）
results-missing = 欠落 { $count }

## 列の見出し
results-col-region = 地域
results-col-total = 合計
results-col-status = 結果
results-col-flags = 要確認
results-col-cat = 番号
results-col-category = 大項目
results-col-points = 小計
results-col-of = 満点
results-col-id = 番号
results-col-criterion = 評価項目
results-col-score = 得点
results-col-n = n
results-col-low = 最小
results-col-high = 最大
results-col-spread = 幅
results-col-reviewer = 委員
results-col-name = 氏名
results-col-panel = 部会
results-col-mark = 点数
results-col-note = コメント
results-total = 合計
results-none = なし

## 順位
results-ranking-title = 順位 { $dot } 選定枠 { $places } { $dot } { $aggregate }
results-cutoff = 選定の境目：選定枠 { $places }
results-cutoff-margin = 選定の境目：選定枠 { $places } { $dot } 差 { $margin }
results-cutoff-tie = 選定の境目：選定枠 { $places } { $dot } 同点の中（委員会が決定）
results-cutoff-lot = 選定の境目：選定枠 { $places } { $dot } 同点の中（抽選で決定）
results-detail-rank = { $regions } 地域中 { $rank } 位  { $total } / { $max } 点
results-detail-marks = 点数 { $marks } 件
results-ahead = { $name }（{ $rank } 位）を { $gap } 点上回る
results-behind = { $name }（{ $rank } 位）を { $gap } 点下回る
results-level-with = { $name }（{ $rank } 位）と同点
results-tie-broken = （大項目 { $category } で同点判定）
results-ex-aequo = （同順位）
results-no-flags = 要確認事項はありません。
results-no-marks = { $criterion } に点数なし
results-disagreement = ! { $criterion } で評点が乖離：{ $low }〜{ $high }（幅 { $spread } > { $limit }）
results-flags-separator = 、

## 地域、大項目、評価項目
results-region-title = { $name } { $dot } { $rank } 位 { $dot } { $total } 点 { $dot }
results-fields = 分野：{ $fields }
results-percentiles = 部会内パーセンタイル（NIH 方式、小さいほど上位。公式の規則では使いません）：{ $panels }
results-percentile = { $panel } { $percentile }（{ $sum } 点、{ $regions } 地域中）
results-category-title = { $region } { $arrow } { $category } { $dot } { $points } / { $max } 点
results-rule = 満点 { $max }・刻み { $step }：点数 { $marks } 件の{ $aggregate }
results-rule-spread = 、幅 { $spread }（{ $limit } を超えると要確認）
results-rule-disagreement = 、! 評点の乖離：幅 { $spread } > { $limit }
results-rule-no-marks = 満点 { $max }・刻み { $step }：集計対象の点数がなく、0 点として扱います（採点欠落）

## 評価項目の点数
results-marks-count = 集計対象 { $counted } 件、対象外 { $without } 件 { $dot }
results-score = 得点 { $score }
results-absent-conflict = 利害関係あり
results-absent-institution = 同じ機関: { $institution }
results-absent-no-sheet = 採点表なし
results-absent-draft = 下書きのため集計外（d で集計に含める）
results-absent-not-counted = 採点表は集計外
results-absent-not-marked = 点数なし
results-note-title = { $name }（{ $reviewer }）のコメント
results-no-counting-mark = 集計対象の点数はありません：{ $why }。
results-no-note = コメントはありません。

## 評価項目の地域別比較
results-across-title = 地域別：{ $criterion } { $title }
results-across-position = 評価項目 { $count } 項目中 { $position }（{ $keys }）
results-across-legend = 満点 { $max }・刻み { $step } { $dot } 各地域の点数の{ $aggregate } { $dot } ! 評点の乖離（幅 > { $limit }）
results-category-line = 大項目 { $id }：{ $title }

## ヘルプ
results-help-ranking = 順位
results-help-breakdown = 地域と大項目
results-help-marks = 評価項目の点数
results-help-across = 評価項目の地域別比較（c）
results-help-solidity = 選定の確かさ（a）
results-help-offsets = 委員の甘辛（o）
results-help-teams = 部会全体の高め・低め（t）
results-help-legend = { $caret } 選択中  ! 評点の乖離  ? 点数なし  { $bar } 基準点  { $rule } 選定の境目

## 選定の枠組み：区分、予算、申請要件、基準点
results-tier-line = { $title }（{ $places } 枠）
results-tier-line-reserve = { $title }（{ $places } 枠・予算配分なし）
results-line-margin = 差 { $margin }
results-line-tie = 同点の中（委員会が決定）
results-line-lot = 同点の中（抽選で決定）
results-funding-line = 予算の境目 { $dot } 配分 { $funded } 地域
results-budget = 予算 { $total } { $dot } 配分済 { $allocated } { $dot } 残額 { $left }
results-apart = 対象外（{ $count } 地域）
results-col-allocation = 配分額
results-col-item = 項目
results-col-item-points = 得点
results-col-threshold = 基準
results-below = 未達
results-below-min = { $id } が基準未満：{ $value } < { $min }
results-unfunded = 予算の境目より下のため配分なし
results-no-other-flags = ほかに要確認事項はありません。
results-not-eligible = 対象外：{ $reason }
results-tier = 区分：{ $tier }
results-allocation = 配分額：{ $amount }
results-requested = （申請額 { $amount }）
results-detail-unranked = 順位なし  { $total } / { $max } 点
results-region-title-unranked = { $name } { $dot } 順位なし { $dot } { $total } 点 { $dot }

## 点数一覧：部会での討議後に修正された点数
results-revised = 討議後に修正：初回提出時 { $preliminary }、現在 { $points }
## use_consensus のとき：委員の集計値と並べた合意評点（大項目の画面）
results-col-members = 委員
results-col-consensus = 合意評点
results-consensus-counts = 合意評点 { $consensus }、委員の集計値 { $members }：合意評点を記録した部会ではそれを用います。
results-consensus-missing = 合意評点なし（no-consensus）：委員の集計値 { $members } を用います。
results-consensus-not-covered = この評価項目の合意評点を記録する部会はありません。
results-changed-since-merge = { $file } は results.ron の作成後に変更されました。panelist merge をやり直してください
results-not-read = 部会ファイルを読み込んでいません
results-merge-failed = 部会ファイルを集計できませんでした：{ $reason }
results-merging-drafts = 下書きを含めて部会ファイルを集計しています…
results-marks-reading = 部会ファイルから点数を読み込んでいます…
results-files-failed = 部会ファイルを読み込めないため、点数と下書きを集計できません。表示中の結果は results.ron のものです。{ $reason }
