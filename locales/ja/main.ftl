# panelist の一般メッセージ。キーは locales/en/main.ftl と共通。
lang-name = 日本語
saved-at = { $time } に保存

## 審査結果画面（panelist results）のキー
key-page = 前後のページ
key-open = 開く
key-marks = 点数
key-by-criterion = 評価項目別
key-drafts = 下書き
key-reload = 部会ファイルを読み直す
too-small-results = q で終了します。

## SSH サーバーから評価委員の端末へのメッセージ
serve-stopping = 審査サーバーを停止します。確定した点数はすべて保存されています。後ほど接続し直してください。
serve-idle = { $minutes } 分間キー入力がなかったため接続を閉じました。確定した点数はすべて保存されています。続けるには再度接続してください。
serve-crashed = エラーのためセッションを終了しました：{ $detail }。確定した点数はすべて保存されています。
serve-busy = 審査サーバーが混み合っています。数分後に再度お試しください。
