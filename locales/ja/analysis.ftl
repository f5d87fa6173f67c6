# 選定の確かさ：report.md の節、merge が表示する表、審査結果画面。
# キーは locales/en/analysis.ftl と共通。

## report.md と端末の表で報告書の他の部分と共通の語
col-region = 地域
col-status = 結果
col-marks = 点数

## 短い語：選定の境目のどちら側か、判定、委員の採点の甘辛
side-in = 選定
side-out = 選外
side-tied = 同点
side-in-tier = { $tier }
side-unfunded = （予算外）
verdict-solid = 安定
verdict-fragile = 不安定
reading-harsh = 辛め
reading-lenient = 甘め
reading-in-line = 標準的
reading-no-error = 誤差不明
reading-not-estimable = 推定不能
# 入れ替えの各回での順位の中央 90%
rank-range = { $low }〜{ $high }
# 入れ替え時の割合とその標準誤差（ポイント）：97.5% ±0.4
share-with-error = { $share } ±{ $error }
# 委員の ID と氏名
reviewer-named = { $name }（{ $id }）
# 途中で打ち切った一覧の最後
and-more = ほか { $count } 件
reasons-separator = 、
# 地域の変化を表す文と文の間
changes-separator = 。
# 委員の補正値を推定できない理由
thin-shared-cells = 補正できる他の委員との共通の欄が { $shared } 件のみ（{ $needed } 件必要）
thin-group = 欄を共有する委員が { $reviewers } 名しかおらず、誰が辛めかを判別できません
# 選定の境目の 2 地域を入れ替える点数の変更
swap-summary = 委員 { $reviewers } 名の点数 { $marks } 件、計 { $points } 点の変更

## merge が順位表の後に表示する表
analysis-table-title = 選定はどれほど確かか：委員の入れ替え { $rounds } 回（乱数の種 { $seed }）。詳しくは report.md を参照してください。
analysis-col-selected = 選定率
analysis-col-ranks = 順位
analysis-col-hangs-on = 左右する委員
analysis-col-mean = 平均
analysis-col-median = 中央値
analysis-col-trimmed = 刈込
analysis-col-calibrated = 補正後
analysis-col-verdict = 判定
analysis-cell-calibrated = { $rank } 位 { $side }
analysis-table-same = { $rounds } 回中 { $same } 回で、同じ { $selected } 地域が選定されました。
analysis-table-left-out = 線の前後の { $shown } 地域を表示しました。線から離れた { $left } 地域（うち不安定 { $fragile } 地域）は省略しました。不安定な地域はすべて report.md にあります。
analysis-table-margin = 選定の境目では { $last } が { $next } を { $margin } 点上回ります。
analysis-table-swap = 両者が入れ替わるには{ $swap }が必要です。
analysis-table-swap-at-most = 両者が入れ替わるには多くとも{ $swap }が必要です。
analysis-table-no-swap = 点数の範囲内の変更では両者は入れ替わりません。
analysis-table-fewest = 自分の点数だけで入れ替えられる委員は最少で { $count } 名です（{ $reviewers }）。
analysis-table-no-calibration = 甘辛補正はありません。委員間の重なりが少なく、辛めか甘めかを判別できません（理由は report.md）。
analysis-table-calibration = 甘辛補正：委員 { $reviewers } 名中 { $fitted } 名を補正しました（{ $groups } グループ）。{ $harsh }、{ $lenient }です（補正値は 1 点あたり）。
analysis-table-none-harsh = 辛めの委員なし
analysis-table-harsh = 辛め { $count } 名（最も辛い委員：{ $reviewer } { $offset }）
analysis-table-none-lenient = 甘めの委員なし
analysis-table-lenient = 甘め { $count } 名（最も甘い委員：{ $reviewer } { $offset }）
analysis-table-calibrated-moves = 補正後の点数では { $count } 地域が選定の境目を越えます。
analysis-table-calibrated-same = 補正後の点数でも選定される地域は同じです。
# 非常に大きな審査で入れ替えの回数を減らすときの標準エラーへの注記

## report.md：節と要約
solid-title = 選定はどれほど確かか
solid-intro = 上記の選定は委員会の集計規則に従った正式の結果であり、変わりません。以下の検討はその結果を何も変えず、選定がどの委員が審査したか、集計方法、各委員の採点の甘辛にどれほど左右されるか、また選定の境目がどれほど僅差かを示します。再現できます：乱数の種 { $seed } から委員を { $rounds } 回入れ替えており、同じファイルからは同じ数値が得られます。
solid-in-short = **要約**：
solid-all-solid = どの地域も、どの検討でも選定・選外の位置を保ちます：どの集計方法でも、どの委員を除いても、甘辛を補正した点数でも、委員の入れ替えの { $share } 以上でも同じです。
solid-all-solid-uncalibrated = どの地域も、どの検討でも選定・選外の位置を保ちます：どの集計方法でも、どの委員を除いても、委員の入れ替えの { $share } 以上でも同じです。
solid-some-fragile = { $regions } 地域中 { $solid } 地域はどの検討でも位置を保ちます。不安定なのは次の { $fragile } 地域です：{ $names }。
solid-fragile-name = { $region }（{ $side }）
solid-fragile-why = { $region }：{ $reasons }。
solid-same-selection = 委員を入れ替えた部会は、{ $rounds } 回中 { $same } 回（{ $share }）で、選定と同じ { $selected } 地域をちょうど選びました。
solid-short-cutoff = 選定の境目では { $last } が { $next } を { $margin } 点上回ります。
solid-short-swap = 両者が入れ替わるには{ $swap }が必要です。
solid-short-swap-at-most = 両者が入れ替わるには多くとも{ $swap }が必要です。
solid-short-one-reviewer = 委員一人でも入れ替えられます：{ $reviewer } が自分の点数を計 { $points } 点変える場合です。
# 地域が不安定な理由：選定の境目の反対側に置く検討ごとに
reason-tied = 選定の境目で同点
reason-selected-only = 委員の入れ替えで選定されたのは { $share } のみ
reason-selected-in = 委員の入れ替えの { $share } で選定
reason-hangs-on = 位置は { $reviewers } 次第
reason-rule = { $aggregate }では{ $side }
reason-calibrated = 補正後の点数では{ $side }

## report.md：地域の表
solid-col-resampled = 入れ替え時の選定率
solid-col-ranks = 順位（90%）
solid-col-hangs-on = 左右する委員
solid-col-rule = { $aggregate }（規則）
solid-col-calibrated = 補正後
solid-col-verdict = 判定
solid-cell-placing = { $rank } 位 { $side }
solid-cell-calibrated = { $rank } 位 { $side }（{ $total }）
solid-table-legend-settled = 点数がどの境目からも遠く、どの回でも位置（どの区分か、選外か）が変わりえない { $settled } 地域は、入れ替えのたびに順位を計算し直していません。その*順位*は取りうる順位の範囲で、中央 90% より広くなります。
solid-table-legend = *入れ替え時の選定率*：委員を入れ替えた回のうち、その地域が選定された割合と、その標準誤差（ポイント）。*順位（90%）*：各回の順位の中央 90%。*左右する委員*：その委員を除くと選定の境目を越える委員。集計方法の各列はその方法での順位と境目のどちら側か、*補正後*は甘辛を補正した点数での順位と側です。どの検討でも同じ側にとどまり、入れ替えの { $share } 以上で位置を保つ地域を*安定*とします。

## report.md：委員の入れ替え
solid-resampling-title = 別の委員、同じ提案
solid-resampling = { $rounds } 回のそれぞれで、各部会から集計対象の点数をつけた委員と同じ人数を無作為に復元抽出し（同じ委員が二度数えられることも、一度も数えられないこともあります）、委員会の規則で地域を順位づけし直しました。ほぼ毎回選定される地域は、たまたまどの委員が部会にいたかに左右されていません。半分ほどの回でしか選定されない地域は、同程度の提案の間の五分五分の勝負です。部会が採点する評価項目の点数がなくなる抽出は引き直します。
solid-resampling-precision = 地域ごとの入れ替え時の割合の標準誤差は、最大で { $error } ポイントです。回数を指定しない場合、入れ替えは { $min } 回から始め、{ $batch } 回ずつ増やして、すべての割合の標準誤差が { $target } ポイント以内になるまで続けます。
solid-resampling-ceiling = 上限の { $max } 回に達したため、すべての割合がその精度に届く前に入れ替えを打ち切りました。

## report.md：委員を一人ずつ除く
solid-left-out-title = 委員を一人除くと
solid-left-out-none = 集計対象の点数をつけた委員 { $reviewers } 名を一人ずつ除きました（どの部会でも、その委員の点数すべて）。どの委員一人の点数も、選定される地域を左右しません。
solid-left-out-some = 集計対象の点数をつけた委員 { $reviewers } 名を一人ずつ除きました（どの部会でも、その委員の点数すべて）。次の委員を除くと選定が変わります：
solid-without = { $reviewer } を除くと：{ $changes }。
solid-without-emptied = { $reviewer } を除くと：{ $changes }（この委員を除くと、採点された評価項目 { $emptied } 件に点数が一つもなくなり、規則により 0 点となります）。
solid-without-more = ……ほか { $count } 名です。すべて results.ron にあります。
change-in-instead = { $dropped } に代わって { $selected } が選定されます
change-in = { $selected } が選定されます
change-out = { $dropped } が選定されません
change-tied = { $tied } が選定の境目で同点になります
change-moves = { $moves }
change-move = { $region } は{ $place }になります

## report.md：集計方法
solid-rules-title = 他の集計方法
solid-no-regions = 地域がありません。
solid-rule-instead = { $aggregate }では、{ $lost } に代わって { $gained } が選定されます。
solid-rule-gained = { $aggregate }では、{ $gained } も選定されます。
solid-rule-lost = { $aggregate }では、{ $lost } が選定されません。
solid-rule-same = { $aggregates }では、選定される地域は同じです。
solid-rules-note = 委員会の集計方法は{ $aggregate }です。中央値と刈込平均は、極端な点数一つの影響を小さくします。これらで境目の反対側に移る地域は、他から離れた少数の点数によって今の位置にあります。

## report.md：甘辛補正
solid-calibration-title = 辛めの委員、甘めの委員
solid-calibration-method = 同じ提案に対して、他より高く採点する委員も低く採点する委員もいます。各委員の補正値は、点数 ＝ （地域・評価項目）の水準 ＋ 委員の補正値 ＋ ばらつき という式に、委員が共有する欄について最小二乗法で当てはめて求めました（Lawrence 2014、Tan et al. 2021 の補正）。補正値は、共有する欄でつながった委員のグループの中でだけ比べられ、グループの補正値の中央値（グループの典型的な委員）からの差として示します。-0.50 はどの点数も典型的な委員より 0.5 点低いことを意味します。そのため、基準どおりの委員の中に辛めの委員が 1 名いれば、その委員が辛めと示され、他の委員は 0 前後で基準どおりと示されます。補正後の順位は、各グループの平均点を変えないように補正値を差し引いて求めるため、どの委員を基準にしても変わりません。補正値が標準誤差（±、典型的な委員との差の標準誤差）の 2 倍を超えるときにだけ辛め・甘めとします。他の委員との共通の欄が { $shared } 件未満の委員、または 3 名未満のグループの委員は推定不能とします。その補正値はばらつきにすぎないため、点数はそのまま用います。
solid-calibration-no-marks = **甘辛補正はできません**：集計対象の点数がありません。
solid-calibration-impossible = **この部会構成では甘辛補正はできません**：他の委員との共通の欄が { $shared } 件以上ある委員がおらず、補正値に意味がないため、補正後の順位は示しません。
solid-calibration-small-groups = **この部会構成では甘辛補正はできません**：共通の欄が十分ある委員は 3 名未満のグループにしかおらず、誰が辛めかを判別できないため、補正後の順位は示しません。
solid-calibration-group = グループ { $group }：{ $count } 部会（{ $panels }）。委員 { $reviewers } 名、共通の欄 { $cells } 件。補正値で説明できない点数のばらつきは { $spread } 点です。
solid-col-reviewer = 委員
solid-col-group = グループ
solid-col-shared = 共通の欄
solid-col-offset = 補正値
solid-col-error = ±
solid-col-reading = 評価
solid-not-estimable-why = 推定不能：{ $why }
solid-calibration-moves = 補正で合計が最も動くのは { $regions } です。辛めの委員が採点した地域、または甘めの委員が採点しなかった地域（利害関係、別の部会）は合計が上がり、逆の場合は下がります。
solid-calibrated-same = 補正後の点数（各点数から委員の補正値を引いたもの。点数ではなく推定値なので、0〜満点に収めたり刻みに丸めたりはしません）で委員会の規則を当てはめても、選定される地域は同じです。各地域の補正後の順位と合計は上の表にあります。
solid-calibrated-differs = 補正後の点数（各点数から委員の補正値を引いたもの。点数ではなく推定値なので、0〜満点に収めたり刻みに丸めたりはしません）で委員会の規則を当てはめると、選定が変わります：{ $changes }。各地域の補正後の順位と合計は上の表にあります。
crossing-in = { $region } は選定
crossing-out = { $region } は選外

## report.md と結果画面：部会全体が高め・低めに採点していたら
solid-teams-title = 部会全体が高め・低めに採点していたら
solid-teams-intro = 甘辛補正は同じ提案を採点した委員どうしを比べるため、自分の地域だけを採点する部会（分野別の専門家チーム）が他より辛め・甘めに採点していても見えません。ここでは、部会の委員の集計対象の点数すべて（その部会が担当する欄）を同じ幅だけずらし、公式の結果（各地域の選定・選外、区分、予算の有無。比例配分の金額は合計とともに必ず動くので数えません）が変わらないずれの範囲を、下向き・上向きについて部会ごとに示します。ずれは甘辛補正についての思考実験です。ずらした点数は 0〜満点に収めず、合議で決まった欄は動かしません。端が { $reach } 点（評価項目の満点の最大）のときは、そこまでずらしても結果は変わりません。
solid-teams-exact = 平均では端は正確です。欄の点数は、ずれにその部会の点数が占める割合を掛けた分だけ動くので、結果が変わりうるのは二つの合計（または合計と最低点）が交わる点だけであり、その点をすべて委員会の規則で試しました。
solid-teams-searched = この集計方法では、端は探索で求めました（変わりうる所では 1 点あたり { $step } 点刻みで調べ、そのあと絞り込みました）。端は変化が最初に見つかった所で、一刻みのうちに起きて元に戻る変化は見落とすことがあります。
team-between = { $panel }：委員の点数を一律に { $down } 点から { $up } 点の範囲でずらしても、結果は変わりません。
team-down-only = { $panel }：委員の点数を一律に下げるのは { $down } 点まで、上げるのはどれだけでも（{ $reach } 点まで調べて変化なし）、結果は変わりません。
team-up-only = { $panel }：委員の点数を一律に上げるのは { $up } 点まで、下げるのはどれだけでも（{ $reach } 点まで調べて変化なし）、結果は変わりません。
team-at = { $at } 点では、{ $changes }。
team-any = { $panel }：委員の点数を一律に上下 { $reach } 点の範囲でどうずらしても、結果は変わりません。
team-no-marks = { $panel }：集計対象の点数がなく、ずらすものがありません。

## report.md：選定の境目
solid-cutoff-title = 選定の境目はどれほど僅差か
solid-cutoff-in-tie = 選定の境目は同点の中にあり、委員会が決定します（「選定」参照）。
solid-cutoff-none = 選定のすぐ外に比べる地域がありません：選定枠がないか、基準を満たす地域がすべて選定されています。
solid-cutoff-tie-break = { $last }（{ $last_rank } 位）と { $next }（{ $next_rank } 位）の合計は等しく（{ $total }）、大項目 { $category } による同点時の判定で { $last } が選定されました。
solid-cutoff-ahead = { $last }（{ $last_rank } 位、{ $last_total }）は { $next }（{ $next_rank } 位、{ $next_total }）を { $margin } 点上回ります。
count-range = { $low }〜{ $high }
solid-per-mark-mean = 平均では、点数を d 点動かすと地域の合計は d/n 点動きます（n はその評価項目の点数の件数で、この 2 地域では { $range }）。差の { $margin } 点は、誰の点数であれ、点数にして { $low }〜{ $high } 点に当たります。
solid-per-mark-mean-level = 平均では、点数を d 点動かすと地域の合計は d/n 点動きます（n はその評価項目の点数の件数で、この 2 地域では { $range }）。合計が等しいので、点数を一つ最小限変えるだけで同点時の判定が逆になります。
solid-per-mark-median = 中央値では、点数を変えても、その評価項目の点数 { $range } 件の中央が動くときにしか地域の合計は動きません。以下の数値は変更を試して求めたものです。
solid-per-mark-trimmed = 刈込平均では、点数を変えても、その評価項目の点数 { $range } 件の刈込平均が動くときにしか地域の合計は動きません。以下の数値は変更を試して求めたものです。
solid-no-swap = 点数の範囲内でどう変えても、{ $next } が { $last } を上回ることはありません。
solid-smallest-exact = { $next } が { $last } を上回るための最小の変更：**{ $swap }**（平均では、採点の刻み一つ分の差を除いて、これが最小です。点数の件数が同じくらい少ない評価項目の他の点数を同じだけ変えても同じ効果があります）。一例：
solid-smallest-found = 見つかった中で { $next } が { $last } を上回るための最小の変更：**{ $swap }**（探索による結果です。中央値や刈込平均では、より小さい変更がありえます）。
solid-col-criterion = 評価項目
solid-col-mark = 点数
solid-col-changed-to = 変更後
solid-changes-more = ……ほか { $count } 件
solid-fewest-same = 自分の点数だけで入れ替えられる委員は最少で **{ $count } 名**です：{ $reviewers }（変更は上のとおり）。
solid-fewest = 自分の点数だけで入れ替えられる委員は最少で **{ $count } 名**です：{ $reviewers }、{ $swap }。

## 審査結果画面：地域についての一行（順位と地域の画面）
tui-summary-solid = 安定：入れ替えの { $share } で選定
tui-summary-fragile = 不安定：入れ替えの { $share } で選定
tui-summary-no-hinge = 一人の委員では変わらない
tui-summary-hangs-on = 左右する委員 { $reviewers }
tui-summary-rules-agree = どの集計方法でも同じ
tui-summary-calibrated = 補正後 { $rank } 位
tui-summary-calibrated-side = 補正後 { $rank } 位 { $side }

## 審査結果画面：選定の確かさ（地域ごと、a）
tui-solid-title = 選定はどれほど確かか { $dot } 入れ替え { $rounds } 回、乱数の種 { $seed }
# 列の見出し（短く。詳しくは表の下の文で）
tui-col-selected = 選定率
tui-col-ranks = 順位
tui-col-hangs-on = 委員次第
tui-col-mean = 平均
tui-col-median = 中央値
tui-col-trimmed = 刈込
tui-col-calibrated = 補正後
tui-col-verdict = 判定
tui-cell-calibrated = { $rank }位 { $side }
tui-grey-zone = 「{ $line }」のグレーゾーンにあります：各回の平均順位 { $mean }、順位は { $low }〜{ $high } 位（中央 90%）で、線の両側にかかります。
tui-grey-zone-list = 「{ $line }」のグレーゾーン：{ $count } 地域（{ $regions }）。
tui-grey-settled = 再順位付けなし
tui-grey-drawn = 委員会の抽選（シード { $seed }）で、{ $draws } 回中 { $draw } 回目に位置 { $position } を受け取りました：{ $status }。
tui-solid-resampled = 委員の入れ替え { $rounds } 回中 { $selected } 回（{ $share }）で選定、順位は { $ranks } 位（中央 90%）。
tui-solid-no-hinge = どの委員を一人除いても{ $side }のままです。
tui-solid-rule = { $aggregate } { $rank } 位 { $side }（{ $total }）
tui-solid-rules = 集計方法別：{ $rules }。委員会の集計方法は{ $aggregate }です。
tui-solid-calibrated = 補正後の点数：{ $rank } 位、{ $side }（{ $total }）。
tui-not-analysed = この結果については選定の確かさを分析していません。panelist merge で分析し、report.md と results.ron に書き出せます。

## 審査結果画面：委員の甘辛補正値（o）
tui-offsets-title = 辛めの委員、甘めの委員 { $dot } 補正値は 1 点あたり
tui-offsets-count = { $reviewers } 名中 { $fitted } 名を補正 { $dot } { $groups } グループ
tui-col-group = 群
tui-col-shared = 共通欄
tui-offset = グループの中央の委員より { $points } 点{ $direction ->
        [below] 低く
       *[above] 高く
    }採点しています（± { $error }）：{ $reading }。
tui-offset-not-estimable = 推定不能：{ $why }。点数はそのまま用います。
tui-offset-marks = 集計対象の点数 { $marks } 件。うち { $shared } 件は他の委員も採点した欄で、共有する委員は { $others } 名です。

## The results TUI: a whole panel marking higher or lower (t).
tui-teams-title = 部会全体が高め・低めなら { $dot } 1 点あたりのずれ
tui-teams-any = 制限なし
tui-col-panel = 部会
tui-col-panel-title = 名称
tui-col-down = 下向き
tui-col-up = 上向き

## The lines inside the selection: tier boundaries and the funding line.
solid-boundaries-title = 区分の境目とファンディングラインはどれほど僅差か
solid-line-tier = { $tier } の境目
solid-line-funding = ファンディングライン
solid-boundary = { $line }：{ $last } は { $next } を { $margin } 点上回ります。{ $swap }

# 分析の実行中の審査結果画面（結果はすぐに表示し、分析は終わりしだい表示します）
tui-analysing = 選定の確かさを分析しています。終わりしだい、ここに表示します。画面の審査結果は分析を待たずに表示しており、分析によって変わることはありません。
tui-analysing-short = 確かさ：分析中…
solid-consensus = 委員会は合意評点を用いています。{ $cells } 件の値は部会の合意評点であり、以下の検証はそれを動かしません。検証が再標本化・除外・較正するのは委員の点数だけなので、すべての値が合意評点であれば、以下で動くものはありません。
