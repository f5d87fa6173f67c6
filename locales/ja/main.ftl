# panelist の一般メッセージ。キーは locales/en/main.ftl と共通。
lang-name = 日本語
saved-at = { $time } に保存
warning-line = 警告：{ $message }

## 審査結果画面（panelist results）のキー
key-page = 前後のページ
key-open = 開く
key-marks = 点数
key-by-criterion = 評価項目別
key-drafts = 下書き
key-reload = 部会ファイルを読み直す
key-how-solid = 選定の確かさ
key-offsets = 委員の甘辛
key-regions-solidity = 地域ごと
key-teams = 部会ごと
key-open-region = 地域を開く
too-small-results = q で終了します。

## SSH サーバーから評価委員の端末へのメッセージ
serve-stopping = 審査サーバーを停止します。確定した点数はすべて保存されています。後ほど接続し直してください。
serve-idle = { $minutes } 分間キー入力がなかったため接続を閉じました。確定した点数はすべて保存されています。続けるには再度接続してください。
serve-crashed = エラーのためセッションを終了しました。確定した点数はすべて保存されています。再度接続して続けてください。繰り返す場合は座長にお知らせください（詳細はサーバーのログにあります）。
serve-busy = 審査サーバーが混み合っています。数分後に再度お試しください。
serve-taken-over = この接続が応答しない間に別の場所から再度ログインされたため、このセッションを終了しました。確定した点数はすべて保存されています。
serve-taking-over = 以前のセッション（{ $peer } から、{ $since } 以降）が応答しなかったため閉じました。確定した点数はすべて保存されています。
serve-checking-earlier = すでにセッションが開いています（{ $peer } から、{ $since } 以降）。まだ使われているか確認しています。最大 { $seconds } 秒かかります...
serve-session-elsewhere = { $peer } からのセッション（{ $since } 以降）はまだ開いていて応答があります。先にそちらを終了（q）してから、再度接続してください。
serve-host-key-unreadable = { $file }: ホスト鍵を読めません：{ $error }。パスフレーズのない OpenSSH 秘密鍵を指定してください（ssh-keygen -t ed25519 -N '' -f FILE）
serve-host-key-generate = ホスト鍵を生成できません：{ $error }
serve-host-key-encode = ホスト鍵を書き出せません：{ $error }
serve-no-home = ホスト鍵とログを置くホームディレクトリがありません。--host-key を指定してください
serve-logging-to = panelist serve: ログの出力先 { $file }
serve-cannot-listen = { $address } で待ち受けできません：{ $error }
serve-listening = panelist serve: 待ち受けアドレス { $address }
serve-host-fingerprint = ホスト鍵のフィンガープリント：{ $fingerprint }
serve-keys-accepted = 委員の鍵 { $keys } 本を受け付けます。委員の接続方法：ssh -p { $port } <任意の名前>@<このホスト>
serve-runtime = サーバーを起動できません：{ $error }
serve-few-descriptors = このプロセスが開けるファイルは最大 { $limit } 個（ulimit -n）のため、各セッションがファイルを開ける余地を残すよう、ログイン待ちの接続を最大 { $cap } 個にします。増やすには上限を上げる（ulimit -n { $wanted }）か、--max-sessions を下げてください
