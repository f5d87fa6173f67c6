# 委員会の出力（panelist merge）：report.md、results.svg、端末に表示する順位表。
# キーは locales/en/report.ftl と共通。results.csv と results.ron は機械処理用のため翻訳しない。

## 文中の列挙
list-separator = 、
list-then = {"、次に "}
sentence-separator = {""}
report-none = なし
# 合計を添えた地域、小計を添えた大項目
report-with-points = { $name }（{ $points }）
report-quoted = { $id }「{ $title }」

## report.md：冒頭
report-title = 審査結果：{ $title }
report-intro = 審査 `{ $review }`（評価基準のフィンガープリント `{ $rubric }`）：{ $regions } 地域を { $categories } 大項目・{ $criteria } 評価項目、計 { $points } 点で採点し、{ $places } 地域を選定します。末尾に掲げる入力ファイルから panelist { $version } で算出しました。集計した採点表は { $sheets } 件です。
report-drafts-included = **下書きを含みます。** この結果には下書きの採点表 { $drafts } 件を集計しています（`--include-drafts`）。これらは評価委員が提出していないものであり、委員会の最終結果ではありません。
report-chart = 合計

## report.md：順位
report-ranking = 順位
report-col-rank = 順位
report-col-total = 合計
report-col-gap = 次位との差
report-col-flags = 要確認
report-gaps = 差は丸める前の合計から求めているため、丸めた合計どうしの差と 0.01 異なることがあります。
report-categories = 大項目：
report-category = { $id }：{ $title }（満点 { $max }、{ $criteria } 項目）

## report.md：選定
report-selection = 選定
report-selected = **選定**（選定枠 { $places } のうち { $count } 地域）：{ $regions }
report-tied = **選定の境目で同点**（委員会が決定）：{ $regions }
report-not-selected = 不選定：{ $regions }
report-below = 基準点（合計 { $min } 点）未満：{ $regions }
report-cutoff-in-tie = 選定の境目が同点の中にあります：{ $regions } は { $total } 点で { $rank } 位に並び、同点時の判定に用いるすべての大項目の小計も等しい一方、選定枠は残り { $places } 地域分しかありません。いずれを選定するかは委員会が決定し、その理由を議事録に記録してください。
report-no-places = 選定枠はありません（`select: 0`）。
report-all-eligible = 基準点以上の地域の数と選定枠が同じため、対象となる地域はすべて選定されます。
report-places-empty = 基準点に達した地域は { $eligible } 地域のみのため、選定枠 { $places } のうち { $empty } 地域分は空いたままです。
report-cutoff-tie-break = 選定の境目は { $last }（{ $last_rank } 位）と { $next }（{ $next_rank } 位）の間にあります。両者の合計は等しく（{ $total }）、大項目 { $category } による同点時の判定で決まりました（下記参照）。
report-cutoff = 選定の境目は { $last }（{ $last_rank } 位、{ $last_total } 点）と { $next }（{ $next_rank } 位、{ $next_total } 点）の間にあり、差は { $margin } 点です。

## report.md：同点と僅差
report-ties = 同点と僅差
report-shared-rank = { $above } と { $below } は同順位（{ $rank } 位）です：合計が等しく（{ $total }）、同点時の判定に用いるすべての大項目（{ $categories }）の小計も等しいためです。
report-shared-rank-no-rule = { $above } と { $below } は同順位（{ $rank } 位）です：合計が等しく（{ $total }）、同点時の判定規則がないためです。
report-no-ties = 合計が等しい地域はありません：順位は合計だけで決まります。
report-closest = 合計が異なる隣り合う地域のうち最も差が小さいのは { $above }（{ $above_rank } 位）と { $below }（{ $below_rank } 位）で、差は { $gap } 点です。
report-decided = { $above } は { $below } より上位です：合計は等しく（{ $total }）、大項目 { $category }「{ $title }」による同点時の判定（{ $above_points } 対 { $below_points }）で決まりました。
report-decided-after = { $above } は { $below } より上位です：合計は等しく（{ $total }）、大項目 { $earlier } の小計も等しかったため、大項目 { $category }「{ $title }」による同点時の判定（{ $above_points } 対 { $below_points }）で決まりました。

## report.md：要確認事項
report-flags = 要確認事項
report-no-flags = 要確認事項はありません：すべての地域のすべての評価項目に点数があり、点数の幅が乖離の基準を超えるものもありません。
report-incomplete = { $region } は**採点欠落**があります：{ $criterion }「{ $title }」に点数がなく、0 点として扱います。部会 { $panels } からの集計対象の点数がありません（提出済の採点表に点数がないか、評価委員に利害関係があります）。
report-incomplete-no-panel = { $region } は**採点欠落**があります：{ $criterion }「{ $title }」に点数がなく、0 点として扱います。この評価項目を担当する部会がありません。
report-disagreement = { $region }：{ $criterion }「{ $title }」で**評点が乖離**しています：点数は { $low } から { $high } まで、幅 { $spread } は基準の { $limit }（満点 { $max } × { $ratio }）を超えています。点数：{ $marks }。
report-mark = { $reviewer } { $points }

## report.md：集計規則
report-rules = 集計規則
report-rule-mean = 平均（Mean）：集計対象となる評価委員の点数の平均
report-rule-median = 中央値（Median）：集計対象となる評価委員の点数の中央の値（点数の数が偶数のときは中央の二つの平均）
report-rule-trimmed = 刈込平均（TrimmedMean）：集計対象となる評価委員の点数から最高点と最低点を一つずつ除いた平均（点数が 3 件以上のとき）
report-rule-score = 各評価項目の得点：{ $aggregate }。点数のない評価項目は 0 点とし、その地域に `incomplete`（採点欠落）の印を付けます。
report-rule-sums = 小計は大項目に属する評価項目の得点の和、合計はすべての得点の和です（途中で丸めず、小数第 2 位まで表示）。
report-rule-ranking = 順位は合計の高い順です。合計が等しい（差が 1e-9 以内の）地域は、大項目 { $categories }の順に小計を比べ、最初に異なる小計で順序を決めます。それでも等しい地域は同順位とします。
report-rule-ranking-no-tie-break = 順位は合計の高い順です。合計が等しい（差が 1e-9 以内の）地域は同順位とします（同点時の判定規則なし）。
report-rule-places = 選定枠：{ $places }。順位の順に選定します。同順位の地域が選定の境目をまたぐ場合は、いずれも `Tied`（同点）とし、委員会が決定します。
report-rule-min = 基準点：合計 { $min } 点。これに満たない地域は選定の対象外です（`BelowThreshold`、基準点未満）。
report-rule-no-min = 基準点：なし。
report-rule-disagreement = 評点の乖離：ある評価項目に点数が 2 件以上あり、その幅が満点の { $ratio } 倍を超えるときに印を付けます。
report-rule-conflicts = 利害関係：評価委員が利害関係を有する地域（`review.ron` 又は採点表で申告されたもの）に付けた点数は集計に含めません。
report-rule-institutions = 所属機関による利害関係：地域の参加機関のいずれかに所属する評価委員は（`review.ron` の `affiliations` と `institutions`。大文字小文字と前後の空白は区別しない）、申告があったものとしてその地域と利害関係があるとされます。
report-rule-per-member = { $count ->
   *[other] 部会 { $panels }
} では委員ごとに担当地域が決まっています（`PerMember`）。委員の評点は割り当てられた地域についてのみ算入され、それ以外の評点はファイルに残りますが算入されません。
report-rule-drafts = 採点表：提出済の採点表に加え、この結果では**下書きの採点表も**集計しています（`--include-drafts`）。
report-rule-submitted = 採点表：提出済の採点表のみを集計し、下書きは含めません。

## report.md：採点表、警告、入力ファイル
report-sheets = 採点表
report-col-panel = 部会
report-col-members = 委員数
report-col-counted = 集計
report-col-not-counted = 集計外
report-col-no-sheet = 採点表なし
report-why-draft = 下書き
report-why-older = 旧版
report-not-counted = { $name }（{ $why }）
report-warnings = 警告
report-inputs = 入力ファイル
report-col-file = ファイル

## results.svg
chart-title = { $title }：合計
chart-subtitle = 選定枠 { $places } に { $regions } 地域中 { $selected } 地域を選定 { $dot } 集計方法 { $aggregate }
chart-drafts = 下書きを含む
chart-axis = 合計点（満点 { $max }）
chart-funding-line = ファンディングライン
chart-minimum = 基準点 { $min }
chart-cutoff = 選定の境目：選定枠 { $places }
chart-cutoff-tie = 選定の境目：選定枠 { $places }（同点の中：委員会が決定）
chart-tier-cutoff = { $title } の境目（{ $places } 枠）
chart-label = { $rank }. { $name }

## merge が端末に表示する順位表
table-rank = 順位
table-region = 地域
table-total = 合計
table-status = 結果
table-flags = 要確認
table-allocation = 配分額
table-left-out = { $count } 地域を省略
table-summary-note = { $regions } 地域のうち { $shown } 地域を表示しました（規則が引く線の前後 { $around } 地域ずつ）。すべての地域は results.csv にあります。

## The selection programme: tiers, eligibility, thresholds, the budget.
report-col-tier = 区分
report-col-allocation = 配分額（{ $unit }）
report-category-min = 、選定には { $min } 以上が必要
report-tier = **{ $title }**（{ $places } 枠のうち { $count } 地域）：{ $regions }
report-tier-unfunded = 。予算の配分はない補欠の区分です
report-below-minimums = 基準点未満（要確認を参照）：{ $regions }
report-ineligible = **対象外**（要件の規則により除外。順位・選定枠・予算の対象外）：{ $regions }
report-ineligible-region = { $name }：{ $why }
report-boundary = { $tier }：最後に入った { $last }（{ $last_total }）は、次の { $next }（{ $next_total }）を { $margin } 点上回ります。
report-boundary-tied = { $tier }：境目をまたいで { $last } と { $next } がともに { $total } 点です。
report-threshold-missed = { $region } は { $id }「{ $title }」の**基準点未満**です：{ $value } < { $min }。
report-budget = 予算
report-budget-rank-order = 順位の順に、申請額が残額に収まる限りその額を配分（ファンディングライン）
report-budget-proportional = 合計点に比例して、各選定地域に{ $min }から{ $max }まで（申請額がそれより少なければ申請額まで）配分
report-budget-intro = 予算総額{ $total }を、{ $rule }します。金額は{ $granularity }の倍数に切り捨てます。予算は配分対象の区分の選定地域にのみ配分し、境目の同点は委員会が決めるまで配分しません。
report-allocation = { $name }：{ $amount }（{ $exact }）
report-funding-line = ファンディングラインは { $first } の前です：その申請額が残額に収まりません。予算外：{ $regions }。
report-budget-sum = { $count } 地域に計{ $allocated }を配分し、残額は{ $left }です。

# 入力ファイルの表で、前段の審査の results.ron に添える説明
report-input-followed = この審査が引き継ぐ前段の審査の結果（ここで選定された地域を審査します）
report-rule-minimum = { $id } は { $min } 以上
report-rule-minimums = 基準点：{ $minimums }。いずれかを満たさない地域（採点のない評価項目は 0 点）は選定されません（`BelowThreshold`、フラグ `below:<id>`）。
report-rule-nested = 項目は下位の項目を含みます。項目の小計は、その項目の評価項目の得点と下位の項目の小計の和です。results.csv には最上位の項目の小計を載せます。
report-rule-eligibility = 適格要件：{ $rule }（review.ron の指標による）。満たさない地域（指標がない比較は不成立）は対象外（`Ineligible`）とし、順位・選定枠・予算の対象とせず、最後に載せます。
report-rule-tier = { $title }（{ $places }）
report-rule-tiers = 区分（順位の順に埋める）：{ $tiers }。同順位の地域が境目をまたぐ場合は `Tied` とし、委員会が決めます。
report-consensus = 合意評点
report-consensus-rule = 委員会は合意評点を用います。地域の評価項目の値は、その項目を採点する部会ごとに、合意評点があればそれを、なければ委員の集計値をとり、その平均とします。委員の集計値を並べて示します。点数の件数と評点の乖離は引き続き委員の点数から求めます。
report-consensus-none = まだどの部会も合意評点を記録していません。すべての値は委員の集計値です。
report-consensus-missing = { $region }：{ $count } 件の評価項目に合意評点がありません（`no-consensus`）。そこでは委員の集計値を用います。
report-consensus-col-region = 地域
report-consensus-col-criterion = 評価項目
report-consensus-col-members = 委員の集計値
report-consensus-col-consensus = 合意評点
report-consensus-col-counts = 採用値
report-rule-consensus = 合意評点：部会の合意評点がある場合は、委員の集計値に代えてそれを用います（`use_consensus`）。「合意評点」の節を参照してください。

## report.md：部会での討議後に修正された点数
report-revised = 討議後の修正
report-revised-intro = 採点表の初回提出後に変更された集計対象の点数は { $count } 件です。当初の点数と修正後の点数を示します。集計には修正後の点数を用います。
report-col-criterion = 評価項目
report-col-reviewer = 委員
report-col-preliminary = 当初
report-col-final = 修正後
report-col-change = 増減

## report.md の要約版：委員会が一行ずつ読むには地域の多い審査のために。
report-summary-note = **要約版。** この審査の地域は { $regions } 件で、報告書にすべてを載せる上限（{ $limit } 件）を超えています。この報告書には、規則が引くすべての線（選定の境目、各区分の境目、ファンディングライン、基準点）の前後 { $around } 件ずつの地域、確認を要するすべての地域、分析した場合は不安定なすべての地域を載せ、その他の一覧は途中で省きます。すべての地域の合計・順位・状態・フラグは results.csv にあります。完全版の報告書は `panelist merge --full-report` で書き出せます。
report-around-lines = 各境目の前後
report-no-lines = 両側に地域のある線を規則は引いていません：すべての地域が同じ側にあります。
report-around-line = 境目：{ $line }
report-flagged-intro = 確認を要する地域（点数の欠け、点数の乖離、合議の未了）と、そのフラグ。点数の詳細は完全版の報告書にあります：
report-flagged-region = { $name }（{ $rank } 位）：{ $flags }
report-more-lines = ほか { $count } 件：完全版の報告書（`panelist merge --full-report`）にすべて載っています。
report-more-rows = ほか { $count } 行：完全版の報告書（`panelist merge --full-report`）にすべて載っています。
report-ties-elsewhere = どの境目からも離れたところで、合計の等しい隣り合う地域がほかに { $count } 組あります。すべての順位は results.csv に、各組は完全版の報告書にあります。
report-analysis-rows = この表には各境目の前後の地域と不安定なすべての地域を載せています。ほかの { $count } 件の地域はそれぞれの位置を保ち、results.ron にそれぞれの記録があります。

## results.svg：棒では示しきれない数の地域の審査のために。
chart-histogram = 合計点ごとの地域数（{ $width } 点刻み）
chart-histogram-regions = 地域数
chart-around = 境目：{ $line } の前後

## report.md：グレーゾーンと委員会の抽選
report-grey-title = グレーゾーン
report-grey-intro = 上のブートストラップの各回から、規則が引く線ごとに、順位の中央 90% が線の両側にかかる地域（線の内側の最後の地域と同じくらい上位にも、外側の最初の地域と同じくらい下位にもなり、どこかの回で公式とは別の位置に入ったもの）と、線をまたぐ同順位の組のすべての地域を挙げます。各地域に、各回の平均順位と順位の中央 90% の範囲を添えます。結果を決めるのは規則であり、ここは審査員の組合せという偶然が結果を左右しえた所を示します。
report-grey-line = **{ $line }**（{ $inside } 位置の後）：{ $count } 地域：{ $regions }。
report-grey-region = { $name }（平均順位 { $mean }、順位の 90% は { $low }〜{ $high } 位）
report-grey-region-settled = { $name }（{ $low }〜{ $high } 位、再順位付けなし）
report-cutoff-drawn = 選定の境目は同点の中にあります：{ $regions } が { $total } 点で同じ { $rank } 位となり、委員会の抽選でその位置を決めました（「公式の抽選」を参照）。
report-lottery-title = 公式の抽選
report-lottery-intro = 委員会は公表したシード { $seed } による抽選を求めました。線「{ $line }」（{ $inside } 位置の後）のグレーゾーンの位置を、その地域の間で抽選により決めます。乱数生成器は SplitMix64、シードは { $seed } です。各回、ID 順に残る m 地域のうち、生成器の次の数 x について floor(x × m / 2^64) 番目（0 から数える）の地域を引きます（特定の番号に偏る数は引き直します。Lemire の棄却法で、まれにしか起きません）。同じファイルと同じシードなら、どの計算機でも同じ抽選結果になります。
report-lottery-region = { $name }（`{ $id }`）
report-lottery-zone = ゾーンの地域（ID 順）：{ $regions }（{ $count } 地域）。その公式の位置：{ $positions }。引かれた地域が、上位から順にその位置を一つずつ受け取ります。
report-lottery-step = 残り { $left } 地域、数 { $number }、番号 { $index }：**{ $name }**（`{ $id }`）が位置 { $position } を受け取り、{ $status }。
report-lottery-after = その後、新しい位置に対して区分と予算を通常どおり適用します。各地域の合計点による順位は変わりません。ゾーンの地域のうち線の内側に入ったものは抽選選定、外側は抽選落選です。
report-lottery-no-line = 抽選は行われませんでした：線の片側に地域がありません。
report-lottery-fewer = 抽選は行われませんでした：グレーゾーンの地域が 2 つ未満（{ $regions }）のため、規則による順序のままです。
report-lottery-one-side = 抽選は行われませんでした：グレーゾーンの地域（{ $regions }）の位置 { $positions } がすべて線の片側にあり、抽選で変わるものがありません。
