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
