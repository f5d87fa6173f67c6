# review.ron と部会ファイルの検証（check、merge、各コマンド）
kind-category = 大項目
kind-criterion = 評価項目
kind-region = 地域
kind-reviewer = 評価委員
kind-panel = 部会
check-id-rule = ID に使えるのは英字 A-Z・a-z、数字、「_」と「-」の 1〜64 文字です（ID はファイル名になります）
check-review-id-invalid = 審査 ID「{ $id }」は使えません：{ $rule }
check-id-invalid = { $kind }の ID「{ $id }」は使えません：{ $rule }
check-id-repeats = { $kind }の ID「{ $id }」が重複しています。それぞれ別の ID にしてください
check-max-positive = 評価項目「{ $criterion }」：max は 0 より大きい数にしてください（現在 { $value }）
check-step-positive = 評価項目「{ $criterion }」：step は 0 より大きい数にしてください（現在 { $value }）
check-max-step = 評価項目「{ $criterion }」：max { $max } が step { $step } の倍数ではありません。max か step を直してください
check-conflict-unknown-region = 評価委員「{ $reviewer }」が存在しない地域「{ $region }」との利害関係を申告しています。地域 ID を直してください
check-login-twice = ログイン名「{ $login }」が「{ $other }」と「{ $reviewer }」の両方に指定されています。ログイン名は一人の委員だけに指定してください
check-key-invalid = 委員「{ $reviewer }」の鍵 { $n } は OpenSSH の公開鍵ではありません（{ $error }）。.pub ファイルの行を丸ごと貼り付けてください（例："ssh-ed25519 AAAA... name@laptop"）
check-key-options = 委員「{ $reviewer }」の鍵 { $n } の前に OpenSSH のオプション（{ $options }）があります。panelist serve はオプションを適用しないため、この鍵を受け付けません。鍵の種類から後だけを残してください（"ssh-ed25519 AAAA... name@laptop"）
check-key-shared = 委員「{ $reviewer }」の鍵 { $n } は「{ $other }」の鍵でもあります。鍵は一人の委員を特定しなければなりません。委員ごとに別の鍵を登録してください
check-panel-unknown-reviewer = 部会「{ $panel }」に存在しない評価委員「{ $reviewer }」が含まれています。reviewers に委員を追加するか ID を直してください
check-panel-unknown-criterion = 部会「{ $panel }」に存在しない評価項目「{ $criterion }」が含まれています。評価基準の項目 ID を使ってください
check-panel-unknown-region = 部会「{ $panel }」に存在しない地域「{ $region }」が含まれています。regions に地域を追加するか ID を直してください
check-panels-overlap = 部会「{ $first }」と「{ $second }」はともに委員「{ $reviewer }」を含み、どちらも地域「{ $region }」の評価項目「{ $criterion }」を担当しています。点数が二重に数えられるため、一方の部会から委員を外すか、担当する項目・地域の重なりをなくしてください
check-tie-break = tie_break の「{ $entry }」は大項目の ID ではありません。大項目の ID（{ $ids }）を使ってください
check-disagreement = disagreement は 0 以上の数（満点に対する割合、例：0.4）にしてください。現在 { $value }
check-min-total = min_total は数にしてください（例：Some(45.0)）。現在 { $value }
check-other-review = この部会ファイルは審査「{ $file }」のものですが、review.ron は「{ $review }」です。別の審査のファイルです
check-not-a-panel = 部会「{ $panel }」は review.ron にありません。次のいずれかを使ってください：{ $panels }
check-panel-file-name = 部会「{ $panel }」がファイル名 { $stem }.ron と一致しません。部会ファイルの名前は部会 ID にしてください
check-rubric = 評価基準のフィンガープリント「{ $found }」が review.ron の「{ $expected }」と異なります。別の評価基準で採点された点数です。現在の評価基準で採点し直すか、採点時の review.ron に戻してください
check-sheet-unknown-reviewer = 存在しない評価委員「{ $reviewer }」の採点表です。ID を直すか review.ron に委員を追加してください
check-sheet-not-member = 評価委員「{ $reviewer }」は部会「{ $panel }」の委員ではありません。review.ron で部会に加えるか、採点表を所属部会のファイルに移してください
check-sheet-conflict-unknown = 評価委員「{ $reviewer }」が存在しない地域「{ $region }」との利害関係を申告しています。地域 ID を直してください
check-mark-unknown-region = 存在しない地域「{ $region }」の点数です。地域 ID を直してください
check-mark-region-not-covered = 部会「{ $panel }」は地域「{ $region }」を担当していません。この点数を削除するか、担当の部会で採点してください
check-mark-unknown-criterion = 存在しない評価項目「{ $criterion }」の点数です（地域「{ $region }」）。評価項目 ID を直してください
check-mark-criterion-not-covered = 部会「{ $panel }」は評価項目「{ $criterion }」を担当していません（地域「{ $region }」）。点数を削除するか、担当の部会で採点してください
check-mark-range = 地域「{ $region }」の評価項目「{ $criterion }」の点数 { $points } は使えません。点数は 0〜{ $max } の範囲で { $step } 刻みです
check-more-problems = このファイルには他に { $count } 件の問題があります（最初の { $shown } 件だけを示しています）。これらを直してから、もう一度 `panelist check` を実行してください
kind-tier = 区分
check-category-criterion-id = 項目 ID「{ $id }」は評価項目の ID でもあります。項目と評価項目の ID はすべて異なる必要があります（フラグでどちらも名指しされるため）。どちらかの名前を変えてください
check-category-empty = 項目「{ $id }」の下に評価項目がひとつもありません。評価項目か、評価項目を含む下位の項目を加えるか、この項目を削除してください
check-min-range = 「{ $id }」：min は 0 から満点 { $max } までの数値にしてください（現在 { $value }）。それより高い基準点は満たせません
check-figure-number = 地域「{ $region }」：指標「{ $figure }」は数値にしてください（現在 { $value }）
check-requested = 地域「{ $region }」：requested は 0 以上の金額にしてください（現在 { $value }）
check-select-and-tiers = 委員会に select と tiers の両方があります。どちらか一方にしてください（select: N は N 件の区分ひとつと同じです）
check-no-selection = 委員会に select も tiers もありません。選定数（例：select: 6）か tiers を指定してください
check-tier-places = 区分「{ $id }」の枠が 0 です。1 以上にするか、区分を削除してください
check-rule-empty = 要件の規則に空の { $kind }([]) があり、意味を持ちません。規則をひとつ以上入れるか、削除してください
check-rule-number = 要件の規則が指標「{ $figure }」を数値でない { $value } と比べています
check-budget-amount = 予算：{ $field } は 0 以上の金額にしてください（現在 { $value }）
check-budget-min-max = 予算：最低額 min { $min } が最高額 max { $max } を上回っています。min を下げるか max を上げてください
check-budget-granularity = 予算：granularity は 0 より大きくしてください（現在 { $value }）。例：千万円単位なら 1.0e7
check-budget-requested = 地域「{ $region }」に申請額 requested がありません。RankOrder の予算では対象となるすべての地域に必要です。requested: Some(...) を加えてください
check-budget-minimums = 予算：配分対象の { $places } 枠を最も安い地域で埋めても最低額の合計が { $needed } となり、総額 { $total } を { $short } 上回ります。総額を増やすか、min を下げるか、配分対象の枠を減らしてください
check-figure-missing = 要件の規則が指標「{ $figure }」を用いていますが、{ $count } 地域にこの指標がありません：{ $regions }{ $more ->
    [0] {""}
   *[other] {" "}ほか { $more } 地域
}。これらの地域では比較は成り立たないものとして扱います。各地域に指標を加えるか、承知のうえでそのままにしてください

## 段階審査の follows（前段の審査のファイルと照合する）
check-follows-no-dir = follows が前段の審査として「{ $written }」を指定していますが、ここから見た { $resolved } は存在しません。この審査が対象とする地域を選定した審査のディレクトリを、この審査のディレクトリからの相対パスで指定してください（例："../first-stage"）
check-follows-no-review = follows が前段の審査として「{ $written }」（{ $resolved }）を指定していますが、このディレクトリに review.ron がありません。この審査が対象とする地域を選定した審査のディレクトリを、この審査のディレクトリからの相対パスで指定してください
check-follows-not-merged = 前段の審査「{ $written }」（{ $resolved }）にはまだ results.ron がありません。ここの各地域が前段で選定されたかどうかは、前段を集計するまで確認できません：panelist merge { $resolved }
check-follows-unreadable = 前段の審査の結果を読み込めません（{ $error }）。前段をもう一度集計してください：panelist merge { $dir }
check-follows-absent = 地域「{ $region }」は前段の審査の結果 { $file } にありません。この審査は前段で選定された地域だけを審査します。この地域を削除するか、follows を修正してください
check-follows-not-selected = 地域「{ $region }」は { $file } で「{ $status }」であり、選定されていません（区分なし）。この審査は前段で選定された地域だけを審査します。この地域を削除するか、follows を修正してください
check-follows-other-tier = 地域「{ $region }」は { $file } で区分「{ $tier }」に選定されていますが、この審査が引き継ぐ区分（{ $tiers }）ではありません。この地域を削除するか、follows の tiers に「{ $tier }」を加えてください
check-follows-unknown-tier = follows が区分「{ $tier }」を指定していますが、{ $file } にその区分はありません（区分：{ $tiers }）。そのいずれかを指定するか、すべての区分を引き継ぐなら tiers を省いてください
