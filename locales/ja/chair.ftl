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

## panelist init --from：前段の審査から次の段階を始める
init-from-created = { $review } を作成しました（{ $from } で選定された { $regions } 地域と、その評価基準・評価委員・部会・委員会の設定を引き継いでいます。このままで有効です）。{ $scores }/ も作成しました
init-from-not-merged = { $from } にはまだ results.ron がないため、どの地域が選定されたかわかりません。先に集計してから（panelist merge { $from }）、もう一度 panelist init --from を実行してください
init-from-unknown-tier = { $from } に区分「{ $tier }」はありません。結果にある区分：{ $tiers }。--tier でそのいずれかを指定するか、--tier を省いて選定された地域をすべて引き継いでください
init-from-stale = 地域「{ $region }」は { $from } の結果では選定されていますが、review.ron にはもうありません。結果が審査の定義より古いので、もう一度集計してください（panelist merge { $from }）
init-from-none = { $from } では（指定の区分に）選定された地域がないため、引き継ぐ審査で審査するものがありません。最終の点数で集計し直すか、別の区分を指定してください
# 新しい review.ron の冒頭のコメント（各行が // の行になります）
init-from-header =
    `panelist init --from { $from }` で作成しました。前段の審査で{ $tiers }選定された
    { $regions } 地域を、すべての項目とともに引き継ぎ、評価基準・評価委員・部会・委員会の設定も
    前段のまま写しています（部会はこれらの地域だけを担当します）。
    この段階で変える点を編集してください：タイトル、評価基準（大項目・評価項目・基準点）、
    部会とその委員、委員会の選定数と予算。
    末尾の `follows` は残してください。check と merge はこれを使って、ここの各地域が前段で
    選定されたことを確認します。地域は必要に応じて除いてもかまいませんが、加えないでください。
init-from-header-any-tier = {""}
init-from-header-tiers = 区分 { $tiers } に
status-unassigned-line = 算入されない評点：{ $reviewer }（部会 { $panel }、{ $name }）には、割当てから外れた { $count } 地域（{ $regions }）への評点があります。評点はファイルに残りますが算入されません
# init --from で作った review.ron の委員会の選定数の上に置くコメント（前段の選定数と異なるとき）
init-from-places =
    選定数：まずはここの全 { $regions } 地域としています。前段の審査の選定数（{ $earlier }）は
    前段の結果であり、この段階のものではありません。この段階で決める select または tiers を
    設定してください。
