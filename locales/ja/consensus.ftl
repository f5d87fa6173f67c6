# 合意評点の画面（REGION などを指定しない panelist consensus）。キーは locales/en/consensus.ftl と共通。

## キー：各操作の説明（フッターとヘルプ）
key-consensus-next-missing = 未記録の欄へ
key-consensus-scroll-members = 委員の一覧を送る
key-consensus-comment = コメント
key-consensus-members = 委員のコメント
key-consensus-summary = 一覧
key-consensus-scroll = 送る
key-consensus-comment-save = 保存して閉じる

## タイトル行
consensus-bar = 合意評点
consensus-role-rapporteur = 取りまとめ役
consensus-role-chair = 委員長
consensus-bar-writer = { $name }（{ $role }）
consensus-bar-progress = { $recorded }/{ $due } 件記録済

## 欄：地域と評価項目、委員の点数、合意評点
consensus-region-title = 地域 { $position }/{ $count }：{ $name }（{ $id }）
consensus-members-title = 委員の点数：{ $members } 人中 { $count } 人が採点
consensus-members-drafts = （下書き { $drafts } 人）
consensus-members-stats = 平均 { $mean } { $dot } 最低 { $low } { $dot } 最高 { $high }
consensus-disagreement = ! 評点の乖離：幅 { $spread } が基準 { $limit } を超えています
consensus-agreement = 幅 { $spread }（{ $limit } を超えると乖離）
consensus-members-more = ほか { $hidden } 人：PgUp/PgDn
consensus-draft = 下書き
consensus-absent-conflict = 利害関係あり：集計されません
consensus-absent-no-sheet = 採点表なし
consensus-absent-not-marked = 未採点
consensus-barred-title = 利害関係
consensus-barred = あなたはこの地域と利害関係があるため（{ $cause }）、合意評点を記録できません。委員の点数も表示しません。
consensus-barred-others = { $others } が記録できます。
consensus-barred-nobody = ほかに記録できる人がいません。review.ron で別の記録者（部会の取りまとめ役又は委員長）を指定する必要があります。
consensus-title = 部会の合意評点
consensus-mark-none = / { $max }   未記録：合意した点数を入力し、Enter で保存
consensus-comment-label = コメント：
consensus-comment-none-add = コメント：なし（n で追加。申請者が読みます）
consensus-comment-none = コメント：なし

## 一覧（s）と委員のコメント全文（m）
consensus-summary-title = 部会 { $panel } の合意評点：{ $due } 件中 { $recorded } 件記録済
consensus-summary-legend = { $missing } 未記録  -- 利害関係   { $criterion }：{ $title }
consensus-notes-title = 委員の点数とコメント：{ $region } { $dot } { $criterion }
consensus-no-note = （コメントなし）

## ヘルプとコメント入力
consensus-help-cell = 合意評点の記録
consensus-help-summary = 一覧（s）
consensus-help-members = 委員の点数とコメント（m）
consensus-help-comment = コメント入力（n）
consensus-help-footer = 確定した点数とコメントは、あなたを記録者として部会ファイルの合意評点にすぐ保存されます。委員の採点表は変更しません。
consensus-comment-title = コメント（申請者が読みます）：{ $region } { $dot } { $criterion }

## ステータス行のメッセージ
consensus-msg-nothing = この部会には対象となる地域又は評価項目がなく、記録する合意評点はありません。
consensus-msg-changed-outside = この画面の外で合意評点が変更されました（ほかの記録者によるものかもしれません）。ファイル上の内容を表示しています。
consensus-msg-all-recorded = あなたが記録できる合意評点はすべて記録済みです。
consensus-msg-barred = 利害関係があるため（{ $cause }）、この地域の合意評点は記録できません。保存していません。
consensus-msg-last = 最後の欄です。g で合意評点のない欄へ、s で一覧を表示できます。
consensus-msg-removed = 合意評点を削除しました。u で元に戻せます。
consensus-msg-comment-needs-mark = 先に合意した点数を記録してください。コメントは点数に付きます。
consensus-msg-comment-saved = コメントを保存しました。
consensus-msg-comment-unchanged = コメントは変更していません。
