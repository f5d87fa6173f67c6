# check、mark、submit とコマンドラインのメッセージ
cmd-mark-usage = 引数は [DIR] REGION CRITERION POINTS です
cmd-not-scored-here = 部会「{ $panel }」は地域「{ $region }」の評価項目「{ $criterion }」を採点しません
cmd-chair-conflict = 評価委員「{ $reviewer }」は review.ron で地域「{ $region }」との利害関係が記録されているため、採点できません
cmd-saved = 保存しました：{ $reviewer }（部会 { $panel }）、{ $name }（{ $region }）、{ $criterion } = { $points }（変更前 { $was }）
cmd-no-mark = 点数なし
cmd-own-conflict = 地域「{ $region }」との利害関係を申告しています。採点する前に採点画面で申告を取り下げてください
cmd-submitted-reopen = この採点表は提出済みです。変更するには --reopen を指定してください（下書きに戻り、改めて提出が必要になります）
cmd-draft-again = 注意：採点表は下書きに戻りました。`panelist submit` で改めて提出してください
cmd-mark-rule = 「{ $criterion }」の点数は 0〜{ $max } の範囲で { $step } 刻みです
cmd-not-a-mark = 「{ $text }」は点数ではありません。4 や 4.5 のような数を入力してください。{ $rule }
cmd-mark-not-allowed = { $text } は使えません。{ $rule }
cmd-still-due = { $due } 件中 { $count } 件が未採点のため、提出しませんでした：{ $shown }{ $more }
    採点するか、--force を付けて提出してください。
cmd-and-more = {" "}ほか { $count } 件
cmd-submitted = 提出しました{ $already }：{ $reviewer }（部会 { $panel }）、{ $due } 件中 { $scored } 件採点、{ $at }
cmd-already-submitted = （提出済みでした）
cmd-not-member = 評価委員「{ $reviewer }」は部会「{ $panel }」の委員ではありません。所属部会：{ $panels }
cmd-none = なし
cmd-unknown-panel = 部会「{ $panel }」はありません
cmd-unknown = { $kind }「{ $id }」はありません。あるもの：{ $known }
cmd-known-many = { $first }、…（全 { $count } 件）
cmd-fingerprint = { $file }：評価基準のフィンガープリント { $fingerprint }
cmd-check-ok = 問題なし：review.ron と部会ファイル { $files } 件（採点表 { $sheets } 件）は正しい形式です
cmd-warning = 警告：{ $warning }
cmd-repaired = 復元：{ $done }
cmd-problems = panelist：問題が { $count } 件見つかりました。何も書き込んでいません
cmd-no-dir = 審査ディレクトリが指定されていません。指定するか（例：`panelist merge panels/kci-2007`、見本の審査）、PANELIST_DIR を設定するか、{ $config } に `(dir: "/path/to/review")` と書いてください
cmd-config-file = 設定ファイル

## エラー
error-session-busy = { $reviewer } は部会 { $panel } の採点画面をすでに開いています：{ $host }、プロセス { $pid }、{ $since } から。
    先にそちらを終了してください（終了済みなら数秒待って再度お試しください）。
error-session-busy-remote = { $reviewer } はパネル { $panel } の審査セッションをすでに開いています（{ $since } 以降、別のウィンドウまたは別のコンピューター）。先にそのセッションを終了してから、再度接続してください。
error-remote = 審査サーバーは今あなたのパネルを開けません。確定した点数はすべて保存されています。1 分後に再度お試しください。続く場合は座長にお知らせください（詳細はサーバーのログにあります）。
error-lock-timeout = { $path }：他のプロセスが { $seconds } 秒以上ロックしています。再度お試しください。続く場合は停止した panelist のプロセスを確認してください
error-io = { $path } を{ $action }できません：{ $reason }
problem-io = ファイルを{ $action }できません：{ $reason }
save-invalid-file = 部会ファイルが正しくないため、保存しませんでした（保存すると上書きされるため）。座長にご連絡ください。`panelist check` で問題を確認できます。
save-invalid-file-repair = 部会ファイルが正しくないため、保存しませんでした（保存すると上書きされるため）。座長にご連絡ください。`panelist check` で問題を確認でき、`panelist check --repair` で記録（ジャーナル）から復元できます。
io-create = 作成
io-create-temp = 一時ファイルを作成
io-list = 一覧
io-lock = ロック
io-open = オープン
io-open-journal = 記録ファイルとしてオープン
io-open-lock = ロックファイルとしてオープン
io-open-session = セッションファイルとしてオープン
io-read = 読み込み
io-read-journal = 記録ファイルとして読み込み
io-replace = 置き換え
io-set-aside = 退避
io-set-permissions = 権限設定
io-set-up = 準備
io-start = 開始
io-sync = 同期
io-write = 書き込み
io-write-journal = 記録ファイルに書き込み
io-draw = 表示
io-not-found = ファイルまたはディレクトリがありません
io-permission = 権限がありません。審査ディレクトリへの書き込み権限を座長に依頼してください
io-disk-full = ディスクがいっぱいです。空きを作ってから再度お試しください
io-read-only = ファイルシステムが読み取り専用です
brief-disk-full = ディスクがいっぱいです
brief-read-only = 読み取り専用です
brief-permission = 権限がありません
brief-missing = ファイルまたはディレクトリがありません
brief-locked = 部会ファイルが他のプロセスにロックされています
brief-file-invalid = { $file } が正しくありません
brief-invalid-input = 入力が正しくありません
brief-panel-invalid = 部会ファイルが正しくありません。座長にご連絡ください（panelist check）

## ファイルの読み込み
src-hint-spelling = 。SPEC.md と綴りを照らし合わせてください
src-hint-add-field = 。この項目を追加してください
src-hint-syntax = 。この箇所の RON の書き方を直してください
src-value-not = { $field }: { $value } は{ $expected }ではありません
src-expected-time = "2007-06-01T10:15:00Z" のような UTC 時刻
src-expected-number = { $example } のような数値
src-expected-whole = 6 のような 0 以上の整数
src-expected-seed = 2007 のような 0 から 18446744073709551615 までの整数
src-expected-bool = true または false
src-expected-text = "…" のような二重引用符で囲んだ文字列
src-expected-option = { $field }: { $value } は None または Some(…) ではありません。{ $fixed } と書いてください
src-decimal-comma = { $field }: { $value } は小数点にコンマを使っています。{ $fixed } のようにピリオドで書いてください
src-unquote = { $field }: { $value } には文字列ではなく名前を書きます。引用符を外して { $field }: { $fixed } と書いてください
src-too-deep = 入れ子が深すぎます。panelist のファイルではありません
src-too-large = ファイルが { $mib } MiB を超えています。panelist のファイルではありません
src-not-utf8 = UTF-8 のテキストではありません。UTF-8 で保存してください
src-not-a-file = 通常のファイルではありません（ディレクトリ、パイプ、デバイスなど）。別の場所へ移すか、本来のファイルに置き換えてください
store-no-dir = 審査ディレクトリではありません（存在しません）。review.ron のあるディレクトリを指定してください（例：panels/kci-2007）
store-no-review = review.ron がありません。review.ron のあるディレクトリを指定するか、`panelist init DIR` で作成してください
store-is-missing = がありません
store-is-damaged = が壊れています
store-unrepaired = { $what }が、{ $journal } に変更の記録があります。`panelist check --repair` で復元できます
store-missing-damaged-journal = { $file } がなく、記録（ジャーナル）にも読めない行があるため、保存しませんでした。座長に `panelist check --repair` の実行を依頼してください
store-symlink = シンボリックリンクです。scores/ 内のリンクはたどりません（審査ディレクトリの外を指すおそれがあるため）。実際のファイルに置き換えてください
journal-too-large = 記録ファイルが大きすぎます。panelist のファイルではありません
journal-torn = 最後の行が途中で切れています（保存が中断されました）。この行は無視します
journal-interrupted = { $journal }:{ $line }：{ $reviewer } の保存（変更 { $changes } 件）は完了前に中断されました。確定していないため数えません
journal-unrecorded = { $journal }:{ $line }：{ $reviewer } の保存（変更 { $changes } 件）は採点ファイルを書き換えた後、記録が終わる前に中断されました。ファイルには反映されているため数えます（次の保存か `check --repair` で記録を補います）
journal-bad-line = 読めない行です（{ $error }）。この行は無視します

## history と check --repair
history-none = 変更の記録はありません（記録は panelist での最初の保存から始まります）
history-snapshot = { $who } 記録開始時の採点表：点数 { $marks } 件{ $conflicts }{ $state }
history-conflicts-on = 、利害関係：{ $regions }
history-state-submitted = 、提出済
history-state-draft = 、下書き
history-mark = 点数 { $old } -> { $new }
history-note = コメント { $old } -> { $new }
history-declared = { $who } { $region }：利害関係を申告
history-withdrew = { $who } { $region }：利害関係を取り下げ
history-submitted = { $who } 採点表を提出
history-interrupted = （中断：この保存は完了しておらず、数えません）
history-reopened = { $who } 採点表を再開（下書きに戻す）
repair-cannot = { $journal } から復元できません。記録を再生した採点表が審査の規則に反します（{ $problem }）。何も変更していません
repair-kept = 。壊れたファイルは { $path } として残しました
repair-done = { $path } を { $journal } から復元しました：採点表 { $sheets } 件、点数 { $marks } 件{ $kept }
repair-differs = { $path }：{ $reviewers } の採点表が { $journal } と一致しません（panelist 以外で編集されたか、記録の後に保存が中断されました）。ファイルはそのままにします

## merge
merge-wrote = {"\u000a"}results.ron、results.csv、results.svg、report.md を { $dir } に書き出しました
merge-wrote-percentiles = {"\u000a"}results.ron、results.csv、results.svg、report.md、percentiles.csv（各地域の、採点した部会ごとの部会内パーセンタイル。小さいほど上位。選定の規則では使いません）を { $dir } に書き出しました
merge-cannot-csv = results.csv を書き出せません：{ $error }
merge-cannot-svg = results.svg を描けません：{ $error }

## review：評価委員の確認
review-not-a-reviewer = { $source } の「{ $id }」は審査「{ $review }」の評価委員ではありません。座長に ID を確認してください
review-who = どなたか確認できません：ログイン名「{ $login }」は審査「{ $review }」のどの評価委員のログイン名・ID でもありません。--reviewer あなたのID を付けて起動してください（ID は座長にお尋ねください）。
review-not-on-panel = 「{ $reviewer }」は部会「{ $panel }」の委員ではありません。所属部会：{ $panels }
review-no-panel = 「{ $reviewer }」は審査「{ $review }」のどの部会にも所属していないため、採点するものがありません。座長にお問い合わせください
review-needs-terminal = panelist review には端末が必要です。SSH では `ssh -t` で接続し、スクリプトでは `panelist mark` を使ってください
cmd-not-assigned = 地域「{ $region }」は部会「{ $panel }」で評価委員「{ $reviewer }」に割り当てられていません。割当ては委員長が panelist assign で行います
cmd-institution-conflict = 評価委員「{ $reviewer }」は地域「{ $region }」を採点できません：同じ機関（{ $institution }）です
assign-without-not-member = --without { $reviewer }：部会「{ $panel }」の委員ではありません（委員：{ $members }）
assign-summary = 部会 { $panel }：{ $regions } 地域、委員 { $members } 人、地域ごとに { $k } 人
assign-objective = 目的値：割当て { $pairs } 組で一致した分野の数 { $objective }
assign-loads = 担当数：最小 { $min }、平均 { $mean }、最大 { $max } 地域
assign-all-matched = どの地域にも、分野の一致する委員が少なくとも一人割り当てられています
assign-unmatched = 分野の一致する委員がいない地域が { $count } あります：{ $regions }
assign-member = { $reviewer }（{ $name }）：{ $count } 地域 - { $regions }
assign-dry-run = 試行のみ：review.ron は変更していません
assign-written = 部会 { $panel } の割当てを { $file } に書き込みました
assign-no-regions-field = review.ron の部会「{ $panel }」を書き換えられません：regions の値が見つかりませんでした。その部会を regions: All にしてから再実行してください
assign-infeasible = 部会「{ $panel }」の割当ては不可能です。何も書き込んでいません：
assign-malformed = 内部エラー：{ $detail }
assign-kept-conflict = { $reviewer } は { $region } を維持する指定ですが、利害関係があります（{ $cause }）。評点を削除するか、--keep なしで実行してください
assign-kept-crowded = 地域 { $region } には維持する委員が { $kept } 人おり、地域ごとの { $k } 人を超えています
assign-kept-overloaded = { $reviewer } には維持する地域が { $kept } あり、担当数の上限 { $load } を超えています
assign-uncoverable = 地域 { $region } には { $k } 人が必要ですが、担当できる委員は { $members } 人中 { $free } 人だけです（他の委員は利害関係があるか、担当数が 0 です）
assign-loads-short = 担当数が足りません：{ $regions } 地域 × { $k } 人 = { $places } 枠に対し、委員の担当数の合計は最大 { $loads } で、{ $missing } 枠不足です。--max-load か委員の load を増やしてください
assign-shortfall = { $count } 地域（{ $regions }）には合わせて { $need } 枠が必要ですが、担当できる委員が出せるのは { $give } 枠だけです。利害関係が多すぎるか、担当数が足りません
conflict-cause-sheet = 部会 { $panel } の評価シートで申告済み
agenda-title = 審議順：{ $title }
agenda-member = { $name }（{ $id }）
agenda-region = { $name }（{ $id }）
agenda-attending = 出席者（{ $panels }の委員 { $count } 名）：
agenda-regions = 地域数：{ $count }（下記の順に審議）
agenda-regions-left-out = 地域数：{ $count }（下記の順に審議。対象外の { $left } 地域を除く：{ $ids }）
agenda-exits = 退室：延べ { $exits } 回（review.ron の順では { $given } 回、どの順でも { $bound } 回以上）
agenda-method-at-bound = 求め方：厳密解（利害関係のある委員は各 1 回の退室で済み、これが最少です）
agenda-method-exact = 求め方：厳密解（すべての順序を比較し、これより退室の少ない順はありません）
agenda-method-heuristic = 求め方：近似解（利害関係の異なる地域が { $count } あり、厳密解で比較できる { $most } を超えるため）。退室がより少ない順があるかもしれません
agenda-method-no-conflicts = 求め方：不要（出席する委員はどの地域とも利害関係がなく、退室はありません）
agenda-no-regions = 審議する対象の地域はありません。
agenda-leaves = 退室：{ $member }［{ $cause }］
agenda-returns = 入室：{ $member }
agenda-after-last = 最後の地域の後：
agenda-wrote = { $file } を書き出しました
agenda-no-members = 出席者がいません：全地域を評価する部会がないか、その委員がいません。出席する委員の部会を --panel ID で指定してください（部会：{ $panels }）
history-consensus-snapshot = { $who } 記録開始時の合意評点：{ $marks } 件
history-consensus = { $who } 合意評点 { $region } { $criterion }
consensus-usage = 引数は [DIR] [REGION CRITERION POINTS] です（--note は点数と一緒にのみ指定できます）
consensus-needs-terminal = panelist consensus の画面には端末が必要です。スクリプトでは REGION CRITERION POINTS を指定して合意評点を 1 件ずつ記録してください
consensus-nobody-may = 部会「{ $panel }」の合意評点を記録できる人がいません。review.ron で部会の取りまとめ役（部会に `rapporteur: Some("...")`）又は委員長（`chair: Some("...")`）を指定してください
consensus-not-yours = { $writer } は部会「{ $panel }」の合意評点を記録できません。記録できるのは { $recorders }（部会の取りまとめ役又は委員長）だけです
consensus-conflict = { $writer } は地域「{ $region }」と利害関係があるため（{ $cause }）、その合意評点を記録できません。記録できる他の人が記録してください
consensus-saved = 保存しました：部会 { $panel } の合意評点（{ $writer }）、{ $name }（{ $region }）、{ $criterion } = { $points }（変更前 { $was }）
status-consensus-line = 部会 { $panel } の合意評点：{ $recorded }/{ $due } 件記録済（最終記録 { $by }、{ $at }）
status-consensus-none = 部会 { $panel } の合意評点：0/{ $due } 件記録済（記録できる人：{ $recorders }）

## 採点表の初回提出後に変更した点数（修正）
history-revised = 修正 { $old } -> { $new }（当初 { $preliminary }）
history-revised-new = 修正 { $old } -> { $new }（初回提出時は未採点）
