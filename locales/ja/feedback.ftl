## The letters to applicants (src/report/feedback/, panelist feedback).
## The labels Status, Tier, Rank and Total, and the statuses, are the
## report's own (col-status, report-col-*, word-status-*-legend).

feedback-heading = { $name }（{ $id }）の審査結果
# At the top of every printed page, and the HTML page's title.
feedback-page-header = { $title }：{ $name }
feedback-fact = { $label }：{ $value }
feedback-allocation = 配分額
feedback-allocation-amount = { $amount }（{ $exact }）
feedback-allocation-none = なし
feedback-allocation-unfunded = なし（予算の範囲に入りませんでした）
feedback-rank-of = { $count } 件中 { $rank } 位
feedback-below = 基準点に達しなかった項目
feedback-below-item = { $item }：{ $value }（基準点 { $min }）
feedback-below-item-no-min = { $item }：{ $value }
feedback-eligibility = 応募要件
feedback-out-of = { $value }（満点 { $max }）
feedback-scores = 評点
feedback-col-item = 評価項目
feedback-col-score = 評点
feedback-col-max = 満点
feedback-not-scored = 評点なし
feedback-comments = 講評
feedback-no-comments = 書面による講評はありません。
# The chart of the top-level categories.
feedback-profile = 大項目ごとの評点と満点
feedback-wrote = { $count } 件の審査結果通知を { $dir } に書き出しました（Markdown と HTML）
feedback-stale = { $file } はこの審査のどの地域の通知でもありません。変更せずに残しています
