# コマンドラインのヘルプ（panelist --help、panelist <コマンド> --help）。
# キーは locales/en/cli.ftl と共通。
cli-about = ターミナルで行う専門家の審査：評価委員が採点し、座長が集計します
cli-after-help = 審査ディレクトリには review.ron と scores/ があります。指定しないときは $PANELIST_DIR、次に設定ファイルの `dir` を使います。
    見本で試す：panelist --lang ja merge panels/kci-2007-ja
cli-lang = 表示の言語：en または ja（既定：設定ファイルの `lang`、なければロケール、なければ英語）
cli-heading-usage = 使い方:
cli-heading-commands = コマンド
cli-heading-arguments = 引数
cli-heading-options = オプション
cli-help-flag = ヘルプを表示します
cli-version-flag = バージョンを表示します
cli-help-about = このヘルプ、または指定したコマンドのヘルプを表示します
cli-arg-dir = 審査ディレクトリ（review.ron のある場所）
cli-arg-reviewer = 評価委員の ID
cli-arg-panel = 部会の ID

cli-review-about = 担当の地域を評価項目ごとに採点します（評価委員の画面）
cli-review-reviewer = あなたの評価委員 ID（既定：$PANELIST_REVIEWER、なければログイン名）
cli-review-panel = 採点する部会（複数の部会に属するときは起動時に尋ねます）

cli-merge-about = 部会ファイルを集計し、委員会の審査結果を作ります
cli-merge-include_drafts = 下書きの採点表も集計に含めます
cli-merge-out = results.ron、results.csv、report.md を審査ディレクトリではなくここに書き出します
cli-merge-add = 追加の部会ファイル（例：電子メールで返送された採点表。複数指定できます）
cli-merge-analysis = 数える点数が 100,000 件を超える審査でも、選定の確かさを分析します（それ以下では標準で分析します）
cli-merge-no_analysis = 選定の確かさの分析を省きます
cli-merge-rounds = 分析で委員を入れ替える回数［既定：2000。非常に大きな審査では少なくします］
cli-merge-full_report = 地域がいくつあっても、すべての地域を載せた完全版の report.md を書き出します（300 件を超えると、指定しない限り要約版になります）
cli-merge-seed = 分析の入れ替えに使う乱数の種

cli-results-about = 委員会の審査結果を閲覧します（座長の画面）

cli-status-about = 部会・評価委員ごとの進み具合
cli-status-csv = 機械で読める形式（CSV）で出力します
cli-status-stale_days = この日数より長く変更のない下書きを指摘します
cli-status-now = 時計の代わりにこの時刻（RFC 3339）を現在とします（テスト用）

cli-check-about = review.ron とすべての部会ファイル（と記録ファイル）を検査します
cli-check-repair = 失われた、または壊れた部会ファイルを記録ファイルから作り直します（壊れたファイルは別名で残します）

cli-history-about = 監査記録：点数、コメント、利害関係、提出のすべての変更
cli-history-reviewer = この評価委員の変更だけ
cli-history-region = この地域に関する変更だけ
cli-history-panel = この部会の記録ファイルだけ

cli-mark-about = 点数を一つ付けます（スクリプト用。画面と同じく、ロックして安全に保存します）
cli-mark-args = [DIR] REGION CRITERION POINTS（審査ディレクトリ、地域 ID、評価項目 ID、点数）
cli-mark-note = 点数に付けるコメント
cli-mark-reopen = 提出済みの採点表を変更します（下書きに戻ります）

cli-submit-about = 採点表を提出済みにします
cli-submit-force = 未採点の項目が残っていても提出します

cli-init-about = コメント付きのひな形から新しい審査ディレクトリを作ります（--from を指定すると、前段の審査の次の段階として作ります）
cli-init-dir = 新しい審査ディレクトリ
cli-init-from = 集計済みの前段の審査から次の段階を始めます：選定された地域、評価基準、評価委員、部会、委員会の設定を引き継ぎ、follows を記入します
cli-init-tiers = --from と併用：この区分で選定された地域だけを引き継ぎます（複数指定可。省略時はすべての区分）

cli-serve-about = 鍵を登録した評価委員に、SSH で採点画面を提供します
cli-serve-listen = 待ち受けるアドレス（ポート 0 なら空いているポートを選び、起動時に表示します）
cli-serve-host_key = サーバーのホスト鍵（OpenSSH の秘密鍵）。既定では初回の起動時に panelist のデータディレクトリに作ります
cli-serve-max_sessions = 同時に開けるセッションの上限
cli-serve-max_auth_attempts = 1 接続あたりの認証の試行の上限
cli-serve-idle_minutes = キー入力のないままこの分数が過ぎるとセッションを閉じます（点数は保存されます）
cli-serve-login_seconds = 接続からセッション開始までの最大秒数（鍵交換、認証、セッションの開始）
cli-serve-max_unauthenticated = ログインしていない接続の最大数。超えると、新しい接続が待機中の接続と入れ替わります

cli-assign-about = 部会の割当てを決めます：地域ごとに K 人、分野の一致が最大になるよう、利害関係を避け、担当数の上限内で
cli-assign-panel = 割当てを決める部会
cli-assign-per_region = K：地域ごとに必要な委員の数
cli-assign-max_load = 担当数の上限を持たない委員が担当する地域数の上限（既定：K × 地域数 ÷ 委員数の切り上げ）
cli-assign-keep = 委員がすでに評点を付けた地域（下書き・提出済とも）はそのまま割り当てる
cli-assign-without = 辞退した委員。その担当地域は他の委員に移ります（繰り返し指定可）
cli-assign-dry_run = 割当てを表示するだけで、何も変更しない
cli-lang-unknown = 「{ $value }」は表示の言語ではありません：en または ja

cli-agenda-about = 委員会で審議する地域の順序を決めます（利害関係のある委員の退室が最も少なくなる順）
cli-agenda-panel = 会議に出席する委員の部会（繰り返し指定可。既定：全地域を評価する部会）
cli-agenda-out = agenda.md を審査ディレクトリではなくここに書き出す
cli-consensus-about = 部会の合意評点とコメントを記録します（取りまとめ役又は委員長）：合意評点の画面、又は 1 件の点数
cli-consensus-args = [DIR] [REGION CRITERION POINTS]（審査ディレクトリ、地域 ID、評価項目 ID、合意評点）
cli-consensus-panel = 合意評点を記録する部会
cli-consensus-writer = 記録する人：部会の取りまとめ役又は委員長（既定：$PANELIST_REVIEWER、なければログイン名）
cli-consensus-note = 点数に付けるコメント（申請者が読みます）

cli-feedback-about = 応募者ごとに審査結果の通知を書き出します：地域の結果、評点、審査部会のコメント（Markdown と HTML）
cli-feedback-out = 通知を審査ディレクトリの feedback/ ではなく OUT/feedback/ に書き出す

cli-form-about = 評価者の採点表を、オフラインで記入する表計算フォーム（xlsx または CSV）に書き出します
cli-form-out = フォームの書き出し先［既定：評価者-部会.xlsx］
cli-form-format = xlsx（許される評点だけを選べる保護付きブック）または csv（UTF-8）
cli-import-about = 記入済みのフォームを読み込み、すべてのセルを確かめて、フォームの評価者として評点を保存します
cli-import-files = ［DIR］と記入済みのフォーム（xlsx または CSV）
cli-import-dry_run = 各フォームによる変更を表示するだけで、何も保存しません
cli-import-force = フォーム作成後に保存された評点もフォームの値で置き換えます
cli-import-reopen = 提出済みの採点表を変更します（下書きに戻ります）
