# 評価委員用の画面（panelist review）。キーは locales/en/review.ftl と共通。

## キー：各操作の説明（フッターとヘルプ）
key-type-mark = 点数を入力
key-save-next = 保存して次へ
key-step = 点数を刻みで増減
key-criterion = 評価項目
key-region = 地域
key-next-unscored = 未採点へ
key-erase = 入力中の数字を消す
key-clear-typed = 入力中の点数を取消
key-remove-mark = 点数を削除
key-note = コメント
key-conflict = 利害関係
key-undo = 元に戻す
key-sheet = 採点表
key-submit = 提出
key-reopen = 提出済みの採点表を再開
key-move = 移動
key-goto-cell = その欄へ
key-back = 戻る
key-help = ヘルプ
key-quit = 終了
key-note-save = 保存して閉じる
key-note-discard = 変更を破棄
key-new-line = 改行
key-yes = はい
key-no = いいえ
key-choose = 選択
key-open-panel = この部会を開く

## ステータス行のメッセージ
msg-nothing-to-score = この部会には採点対象がありません。座長にお問い合わせください。
msg-read-only = 採点表は提出済みのため変更できません。R で再開できます。
msg-rebuilt = 部会ファイルが失われていたため、記録（ジャーナル）から復元し、変更を保存しました。座長にお知らせください。
msg-changed-outside = この画面の外で採点表が変更されました。ファイル上の内容を表示しています。
msg-saved-after-all = 保存できました。すべての変更がディスクにあります。
msg-not-saved = 未保存（{ $count } 件）：{ $reason }。再試行中です。終了しないでください。
msg-all-scored = すべて採点済みです。S で提出できます。
msg-already-draft = 採点表は下書きのままです。再開の必要はありません。
msg-read-only-reopen = 採点表は提出済みのため変更できません。R で下書きに戻せます。
msg-conflicted-no-marks = この地域とは利害関係があるため採点できません。c で申告を取り下げられます。
msg-over-max = { $text } は満点 { $max } を超えています。保存していません。
msg-off-grid = { $text } は { $step } 刻みではありません。保存していません。
msg-not-a-number = 「{ $text }」は数値ではありません。保存していません。
msg-last-criterion = 最後の評価項目です。g で未採点の欄へ、S で提出できます。
msg-mark-removed = 点数を削除しました。u で元に戻せます。
msg-note-needs-mark = 先に点数を入力してください。コメントは点数に付きます。
msg-note-saved = コメントを保存しました。
msg-note-unchanged = コメントは変更していません。
msg-conflict-elsewhere = この利害関係は部会「{ $panel }」の採点表で申告されています。取り下げはそちらで行ってください。
msg-conflict-by-chair = この利害関係は座長が review.ron に記録したものです。変更は座長にご依頼ください。
msg-already-submitted = 採点表はすでに提出済みです。
msg-submitted = 提出しました。採点表は変更できなくなりました。R で再開できます。
msg-reopened = 再開しました。採点表は下書きに戻りました。終わったら改めて提出してください（S）。
msg-conflict-declared = { $region } との利害関係を申告しました。この地域の点数 { $count } 件は集計されません。u で元に戻し、採点表（s）からこの地域で c を押すと取り下げられます。
msg-conflict-declared-unscored = { $region } との利害関係を申告しました。この地域は採点しません。u で元に戻し、採点表（s）からこの地域で c を押すと取り下げられます。
msg-conflict-withdrawn = { $region } との利害関係を取り下げました。再び採点できます。
msg-nothing-to-undo = 元に戻す操作はありません。
msg-undone = 元に戻しました。
msg-typed-dropped = 未保存：{ $criterion } に入力した { $input } は Enter で確定されていません。
msg-needs-utf8 = 日本語の表示には UTF-8 の端末が必要です（例：LANG=ja_JP.UTF-8）。ここでは ? で表示しています。

## 終了すると失われるもの
lost-typed = { $criterion } に入力した点数 { $input }（Enter で確定していません）
lost-unsaved = まだ保存できていない変更 { $count } 件

## 採点画面
bar-submitted = 提出済
bar-draft = 下書き
region-title = 地域 { $position }/{ $count }：{ $name }
conflict-by-chair = 座長がこの地域との利害関係を記録しています。採点はせず、点数は集計されません。
conflict-elsewhere = 部会「{ $panel }」の採点表でこの地域との利害関係を申告しています。採点はせず、点数は集計されません。
conflict-declared = この地域との利害関係を申告しています。採点はせず、点数は集計されません。
criterion-title = 評価項目 { $id } { $dot } { $count } 項目中 { $position }
criterion-scale = 満点 { $max } { $dot } 刻み { $step }
criterion-category = 大項目 { $id }：{ $title }（{ $count } 項目中 { $position }）
mark-title = あなたの点数
mark-label = 点数：
mark-typed = / { $max }   入力中：Enter で保存、Esc で取消
mark-of = / { $max }
mark-saved = 保存済
mark-not-saved = 未保存
mark-conflict = なし（利害関係あり）
mark-unscored = / { $max }   未採点：点数を入力し Enter で保存
note-label = コメント：
note-none-add = コメント：なし（n で追加）
note-none = コメント：なし
progress-line = この地域 { $scored }/{ $due }   全体 { $all_scored }/{ $all_due } { $bar }   { $saved }
progress-saved = { $time } に保存
progress-nothing = 変更はまだありません
progress-unsaved = 未保存の変更 { $count } 件
nothing-to-score = 採点対象はありません。

## 採点表
summary-title = 採点表：{ $due } 件中 { $scored } 件採点済
summary-done = 済
summary-conflict = 利害関係
summary-legend = { $missing } 未採点  -- 利害関係   { $criterion }：{ $title }

## ヘルプ
help-title = キー操作
help-scoring = 採点
help-summary = 採点表（s）
help-notes = コメント編集（n）
help-footer = 確定した点数はその場で保存されます。他の委員の点数は表示されません。

## コメント編集
note-title = コメント：{ $region } { $dot } { $criterion }

## 確認
ask-all-scored = すべて採点済みです。
ask-still-unscored = 未採点：{ $count } 件
ask-all = すべて
ask-more-regions = …ほか { $count } 地域
ask-submit = 採点表を提出しますか？ 提出後は変更できません（R で再開できます）。
ask-submit-title = 提出
ask-reopen = 提出済みの採点表を再開しますか？ 下書きに戻り、改めて提出が必要になります。
ask-reopen-title = 再開
ask-declare = { $region } との利害関係を申告しますか？
ask-declare-marks = この地域の点数 { $count } 件は集計されなくなります。
ask-conflict-title = 利害関係
ask-withdraw = { $region } との利害関係を取り下げて採点しますか？
ask-quit = 終了しますか？ 次のものが失われます：
ask-quit-title = 終了
ask-yes = はい
ask-no = いいえ

## 部会の選択
chooser-title = 部会の選択
chooser-intro = 複数の部会に所属しています。どの部会の採点を行いますか？
state-submitted = 提出済
state-draft = 下書き
state-not-started = 未着手

## 画面全体
too-small = 画面が小さすぎます（{ $width }x{ $height }）。panelist には最低 { $min_width }x{ $min_height } が必要です。画面を広げてください。{ $note }
too-small-review = 点数は保存されています。q で終了します。

## 委員会の適格要件を満たさない地域：表示はするが採点は不要
region-ineligible = 対象外：採点は不要です。この地域は委員会の適格要件を満たしていません（閲覧や採点はできます）。
mark-not-due = / { $max }   採点不要：この地域は対象外です
summary-not-due = 対象外
summary-ineligible = 対象外：委員会の適格要件を満たさない地域です。採点は不要です
chooser-ineligible = 対象外 { $count } 地域（採点不要）

## 階層のある評価基準で、下位の区分に属する評価項目
criterion-subcategory = { $depth ->
        [1] 中項目
        [2] 小項目
       *[other] 細目
    } { $id }：{ $title }（{ $count } 項目中 { $position }）
conflict-by-institution = あなたの所属機関（{ $institution }）はこの地域の参加機関です。この地域は採点せず、評点は除外されます。
msg-conflict-by-institution = 同じ機関です（{ $institution }）。所属は座長が review.ron に記録しています。誤りであれば座長にご連絡ください。

## 開始時に提出済みだった採点表が下書きに戻ったまま終了するとき
ask-leave-draft = 採点表は下書きに戻っています。提出するまで、点数は集計されません。
ask-leave-draft-lost = 終了すると、次のものも失われます：
ask-leave-draft-title = 下書き
key-submit-now = 今すぐ提出
key-quit-draft = 下書きのまま終了
key-stay = 終了しない

## 部会での討議（Panel(reveal: AfterSubmit)）：自分の採点表を提出した後に表示される他の委員の点数
key-others = 他の委員の点数とコメント
key-others-scroll = スクロール
msg-others-never = この部会では、他の委員の点数は表示されません。
msg-others-after-submit = 他の委員の点数は、あなたの採点表を提出した後に表示されます（S）。
msg-others-conflict = この地域とは利害関係があるため、他の委員の点数は表示されません。
others-in-sheet = { $place } の他の委員：{ $summary }（{ $hint }）
msg-others-unscored = 他の委員の点数は、あなたが採点した地域についてのみ表示されます。
msg-submitted-discussion = 提出しました。採点表は変更できなくなりました（R で再開できます）。あなたが採点した地域について、他の委員の点数を表示します（o）。
others-title = 他の委員の点数
others-hint = o：全文を表示
others-of-cell = { $place } の他の委員の点数
others-unscored = 他の委員の点数は、あなたが採点した地域についてのみ表示されます。
others-reading = 部会ファイルを読み込んでいます…
others-nobody = この地域を採点する他の委員はいません。
others-more = ほか { $count } 名：o ですべての点数とコメントを表示
others-more-below = 下に続きます
others-draft = 下書き
others-submitted = 提出済
others-preliminary = （当初 { $points }）
others-no-note = コメントなし
others-unmarked = 未採点：{ $names }
others-sheets-submitted = 提出済 { $submitted }/{ $count }
others-summary = 平均 { $mean }、{ $range }、{ $sheets }
others-unreadable = 部会ファイルを読み込めません：{ $reason }
mark-revised = 修正済（当初 { $preliminary }）
help-footer-discussion = 確定した点数はその場で保存されます。採点表を提出すると、あなたが採点した地域について他の委員の点数とコメントが表示されます（o）。
