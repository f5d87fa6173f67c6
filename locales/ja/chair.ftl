# 座長のコマンド：panelist status と panelist init。キーは locales/en/chair.ftl と共通。
# status --csv は機械処理用のため翻訳しない。

## panelist status
status-col-panel = 部会
status-col-reviewer = 評価委員
status-col-name = 氏名
status-col-progress = 採点済/担当
status-col-state = 状態
status-col-updated = 最終更新
status-submitted = 提出済
status-draft = 下書き
status-not-started = 未着手
status-stale = 下書き 停滞
status-stale-line = 停滞している下書き：{ $reviewer }（部会 { $panel }、{ $name }）、{ $due } 件中 { $scored } 件採点済、{ $days } 日間変更なし（{ $since } 以降）。採点を終えて提出するよう促してください。
status-total = 合計：点数 { $due } 件中 { $scored } 件採点済、採点表 { $sheets } 件中 { $submitted } 件提出済
status-total-stale = 合計：点数 { $due } 件中 { $scored } 件採点済、採点表 { $sheets } 件中 { $submitted } 件提出済、停滞している下書き { $stale } 件（{ $days } 日を超えて変更なし）
status-ineligible = 委員会の適格要件を満たさない地域が { $count } 地域あります。これらの地域は採点不要です（採点済/担当の件数に含まれません）
status-cannot-csv = CSV を書き出せません：{ $error }

## panelist init
init-exists = { $review } が既にあるため、{ $dir } には既に審査があります。何も変更していません。そのファイルを編集するか、`panelist init` に新しいディレクトリを指定してください。
init-not-a-directory = { $dir } は既に存在し、ディレクトリではありません。`panelist init` に新しいディレクトリを指定してください
init-created = { $review }（そのまま使える審査の例）と { $scores }/ を作成しました
init-next = 次の手順：
init-step-edit = { $review } を編集します（書き方はコメントにあります）
init-step-check = panelist check { $dir }
init-step-score = 評価委員が `panelist review { $dir }` で採点し、座長は `panelist status { $dir }` で進捗を確認します
init-step-merge = panelist merge { $dir } で集計し、`panelist results { $dir }` で審査結果を閲覧します
# 新しい審査のタイトル（review.ron に書き込む）
init-title-new = 新しい審査
init-title-edit = { $name }：このタイトルを編集してください
