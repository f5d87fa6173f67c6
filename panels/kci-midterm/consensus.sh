#!/bin/sh
# The consensus round of the midterm samples, panels/kci-midterm and panels/kci-midterm-ja
# (ILLUSTRATIVE, like every mark and note of the samples): how their consensus sections and the
# one mark revised after the committee's discussion were made, through panelist itself. Run from
# the repository root, after `cargo build`:
#
#     sh panels/kci-midterm/consensus.sh [PANELIST]      (PANELIST: target/debug/panelist)
#
# Running it again gives the same files byte for byte.
#
# The committee (reveal: AfterSubmit) saw each other's marks once all had submitted, and met on
# 27 October 2004. Its vice-chair, mori, as rapporteur, recorded the agreed mark and comment for
# every region and criterion the committee scores; each technology panel's first expert (e01, e04,
# e07) recorded the panel's. Most agreed marks are the members' mean rounded to a whole mark. Where
# the members' marks spread by 2 points (the most the disagreement rule of 0.4 x 5 lets pass without
# a flag) or the mean fell halfway, the panel discussed the cell: its value is the one agreed, and
# its comment says why. Comments are what the applicant reads in its letter (panelist feedback):
# the same text in English and in Japanese, the same marks in both samples.
#
# Each line below: PANEL REGION CRITERION POINTS [ENGLISH JAPANESE]; the comment at its end (or
# above it) gives the members' marks in the panel's order (- for a member with a conflict).
set -eu
panelist=${1:-target/debug/panelist}
en=panels/kci-midterm
ja=panels/kci-midterm-ja

# One consensus mark by RAPPORTEUR for PANEL, in both samples: PANEL RAPPORTEUR REGION CRITERION
# POINTS [ENGLISH JAPANESE].
agree() {
    if [ $# -eq 7 ]; then
        "$panelist" consensus "$en" --panel "$1" --as "$2" "$3" "$4" "$5" --note "$6" >/dev/null
        "$panelist" consensus "$ja" --panel "$1" --as "$2" "$3" "$4" "$5" --note "$7" >/dev/null
    else
        "$panelist" consensus "$en" --panel "$1" --as "$2" "$3" "$4" "$5" >/dev/null
        "$panelist" consensus "$ja" --panel "$1" --as "$2" "$3" "$4" "$5" >/dev/null
    fi
}
committee() { agree committee mori "$@"; }
tech_it() { agree tech-it e01 "$@"; }
tech_ls() { agree tech-ls e04 "$@"; }
tech_nano() { agree tech-nano e07 "$@"; }

# After the discussion, fujii lowered one mark (Keihanna, the region's own funds, 4 -> 3): the
# sheet is reopened, the mark changed (it keeps 4 as `preliminary`) and the sheet submitted again.
"$panelist" mark "$en" --reviewer fujii --panel committee --reopen keihanna 1-2-a-2 3 \
    --note "Revised after the committee's discussion: the new regional money is announced, not yet budgeted." >/dev/null
"$panelist" mark "$ja" --reviewer fujii --panel committee --reopen keihanna 1-2-a-2 3 \
    --note "委員会での審議を受けて修正。地域の新たな資金は表明されたのみで、まだ予算化されていない。" >/dev/null
"$panelist" submit "$en" --reviewer fujii --panel committee >/dev/null
"$panelist" submit "$ja" --reviewer fujii --panel committee >/dev/null

# Sapporo
tech_it sapporo 1-1-a-1 4         # marks 4 4 4, mean 4.00
tech_it sapporo 1-1-a-2 4         # marks 4 3 4, mean 3.67
committee sapporo 1-2-a-1 4       # marks 4 4 4 3 3, mean 3.60
committee sapporo 1-2-a-2 4       # marks 4 3 4 4 4, mean 3.80
committee sapporo 1-2-b-1 4       # marks 3 4 4 4 4, mean 3.80
# marks 3 3 4 2 2, mean 2.80, spread 2: discussed
committee sapporo 1-2-b-2 3 \
    "Joint events with METI's IT cluster programme in Hokkaido are held, but no result has yet passed from one programme to the other. The committee asks for a joint plan with named themes." \
    "経済産業省の北海道地域の産業クラスター計画との合同行事は開かれているが、一方の事業の成果が他方に引き継がれた例はまだない。テーマを特定した共同の計画を求める。"
committee sapporo 1-3-a 3         # marks 4 3 3 3 4, mean 3.40
committee sapporo 1-3-b 4         # marks 3 4 4 4 4, mean 3.80
committee sapporo 2-a 4           # marks 4 5 5 4 4, mean 4.40
# marks 4 4 2 3 2, mean 3.00, spread 2: discussed
committee sapporo 2-b 3 \
    "The self-evaluation found the right problems, but the plan has been revised for only some of them. The committee asks that the remaining themes be reviewed in the same way." \
    "自己評価では課題が的確に把握されているが、計画の見直しはその一部にとどまっている。残るテーマについても同様に見直されたい。"
tech_it sapporo 3-1-a-1 3         # marks 3 4 3, mean 3.33
# marks 3 3 3, mean 3.00
tech_it sapporo 3-1-a-2 3 \
    "The milestones for the remaining years should name the partner firms and the products they aim at." \
    "後半期間のマイルストーンには、連携する企業と目指す製品を具体的に示すことが望まれる。"
committee sapporo 3-2-a 4         # marks 3 4 4 4 3, mean 3.60
committee sapporo 3-2-b 4         # marks 4 4 4 4 4, mean 4.00
committee sapporo 3-3-a 3         # marks 3 3 3 3 4, mean 3.20
committee sapporo 4-a 4           # marks 4 4 4 4 3, mean 3.80

# Sendai
tech_it sendai 1-1-a-1 3          # marks 3 3 3, mean 3.00
tech_it sendai 1-1-a-2 4          # marks 4 4 3, mean 3.67
committee sendai 1-2-a-1 4        # marks 4 3 4 3 4, mean 3.60
committee sendai 1-2-a-2 4        # marks 4 4 4 4 3, mean 3.80
committee sendai 1-2-b-1 4        # marks 4 3 4 4 3, mean 3.60
committee sendai 1-2-b-2 3        # marks 3 3 3 4 3, mean 3.20
# marks 3 3 4 4 5, mean 3.80, spread 2: discussed
committee sendai 1-3-a 4 \
    "The headquarters has made its decisions clearer this year; the committee expects it to take a firmer part in choosing and stopping themes." \
    "本部の意思決定は今年度明確になってきている。今後はテーマの選択と打ち切りにおいて、本部がより主体的な役割を果たすことを期待する。"
committee sendai 1-3-b 4          # marks 4 4 3 4 4, mean 3.80
# marks 3 2 3 3 4, mean 3.00, spread 2: discussed
committee sendai 2-a 3 \
    "The self-evaluation is thorough on the research but says little about the weak links with firms; a frank account of them would make it more useful." \
    "自己評価は研究面については詳細であるが、企業との連携の弱さにはほとんど触れていない。この点を率直に評価することで、自己評価がより有益なものとなる。"
committee sendai 2-b 4            # marks 4 3 3 4 4, mean 3.60
tech_it sendai 3-1-a-1 3          # marks 3 3 4, mean 3.33
# marks 3 4 4, mean 3.67
tech_it sendai 3-1-a-2 4 \
    "The device themes have partner firms and a clear route to products; the system themes should find theirs in the remaining years." \
    "デバイス系のテーマには連携企業と製品化への明確な道筋があるが、システム系のテーマについても後半期間に同様の道筋をつけることが望まれる。"
committee sendai 3-2-a 4          # marks 4 4 4 3 4, mean 3.80
committee sendai 3-2-b 3          # marks 3 3 4 4 3, mean 3.40
committee sendai 3-3-a 4          # marks 3 4 4 3 4, mean 3.60
# marks 4 4 4 3 5, mean 4.00, spread 2: discussed
committee sendai 4-a 4 \
    "The device research is strong enough to found a cluster. Whether firms settle in the region is the open question, and the committee asks for a plan to that end." \
    "デバイス研究はクラスター形成の核となるに十分な水準にある。企業が地域に定着するかどうかが今後の課題であり、そのための計画を求める。"

# Nagano-Ueda
tech_nano nagano-ueda 1-1-a-1 4   # marks 5 4 4, mean 4.33
# marks 5 4 5, mean 4.67
tech_nano nagano-ueda 1-1-a-2 5 \
    "Nano-carbon results are already used in products of member firms, an outstanding result at the midpoint of the project." \
    "ナノカーボンの成果が既に参画企業の製品に使われており、中間時点として特筆すべき成果である。"
committee nagano-ueda 1-2-a-1 4   # marks 4 4 5 4 4, mean 4.20
committee nagano-ueda 1-2-a-2 4   # marks 5 4 4 4 4, mean 4.20
committee nagano-ueda 1-2-b-1 5   # marks 4 5 4 5 5, mean 4.60
committee nagano-ueda 1-2-b-2 4   # marks 4 4 4 3 4, mean 3.80
# marks 4 5 4 3 5, mean 4.20, spread 2: discussed
committee nagano-ueda 1-3-a 4 \
    "The Nagano Techno Foundation runs the project well as its core organisation. The director's authority to stop weak themes should be made clearer." \
    "長野県テクノ財団が中核機関として事業を適切に運営している。見込みの薄いテーマを打ち切る本部長の権限を、より明確にすることが望まれる。"
committee nagano-ueda 1-3-b 4     # marks 4 5 4 4 4, mean 4.20
# marks 5 5 4 4 4, mean 4.40
committee nagano-ueda 2-a 4 \
    "A candid self-evaluation that names the weak points with evidence; the committee values it highly." \
    "弱点も根拠とともに示した率直な自己評価であり、高く評価できる。"
committee nagano-ueda 2-b 4       # marks 5 4 4 4 4, mean 4.20
tech_nano nagano-ueda 3-1-a-1 4   # marks 5 4 4, mean 4.33
tech_nano nagano-ueda 3-1-a-2 4   # marks 4 4 4, mean 4.00
# marks 3 3 4 4 3, mean 3.40
committee nagano-ueda 3-2-a 3 \
    "The region's own contribution for the remaining years is not yet set out in figures; the committee asks for it." \
    "後半期間における地域独自の負担が、まだ具体的な金額で示されていない。明示されたい。"
# marks 4 4 5 3 5, mean 4.20, spread 2: discussed, not 4
committee nagano-ueda 3-2-b 5 \
    "Views differed on how firm the plan for after the project is. The committee was persuaded by the successor foundation already set up and the prefecture's commitment to fund it, and judged the plan excellent." \
    "事業終了後の計画の確実性については委員の評価が分かれたが、後継の財団が既に設立され、県がその資金を負担することを約束している点を評価し、極めて優れた計画と判断した。"
committee nagano-ueda 3-3-a 4     # marks 5 4 5 4 4, mean 4.40
committee nagano-ueda 4-a 4       # marks 4 4 4 5 5, mean 4.40

# Hamamatsu
# marks 4 5 4, mean 4.33
tech_it hamamatsu 1-1-a-1 4 \
    "Most themes are on or ahead of plan." \
    "ほとんどのテーマが計画どおり、または計画を上回って進んでいる。"
tech_it hamamatsu 1-1-a-2 4       # marks 4 4 4, mean 4.00
# marks 5 3 5 4 4, mean 4.20, spread 2: discussed, not 4
committee hamamatsu 1-2-a-1 5 \
    "Views differed on the prefecture's part. The committee found the prefecture's and the city's industrial plans both built around the project, as the prefecture's new plan for 2005 confirms, and judged the consistency excellent." \
    "県の関与については委員の評価が分かれたが、県・市の産業振興計画がいずれも本事業を中心に据えていることが平成17年度の県の新計画でも確認できることから、整合性は極めて高いと判断した。"
committee hamamatsu 1-2-a-2 4     # marks 5 4 4 4 4, mean 4.20
committee hamamatsu 1-2-b-1 4     # marks 4 4 4 4 4, mean 4.00
committee hamamatsu 1-2-b-2 4     # marks 4 4 4 3 4, mean 3.80
committee hamamatsu 1-3-a 4       # marks 4 4 4 4 4, mean 4.00
committee hamamatsu 1-3-b 5       # marks 5 4 5 5 5, mean 4.80
committee hamamatsu 2-a 4         # marks 4 5 4 4 5, mean 4.40
# marks 4 3 4 4 5, mean 4.00, spread 2: discussed
committee hamamatsu 2-b 4 \
    "The plan has been revised where the self-evaluation found problems; the themes on medical applications would benefit from the same review." \
    "自己評価で明らかになった課題に応じて計画が見直されている。医療応用のテーマについても同様の見直しが望まれる。"
tech_it hamamatsu 3-1-a-1 4       # marks 4 4 4, mean 4.00
tech_it hamamatsu 3-1-a-2 4       # marks 4 5 4, mean 4.33
committee hamamatsu 3-2-a 4       # marks 4 4 4 4 4, mean 4.00
committee hamamatsu 3-2-b 5       # marks 5 4 5 5 5, mean 4.80
committee hamamatsu 3-3-a 4       # marks 5 4 4 5 4, mean 4.40
# marks 5 5 5 5 5, mean 5.00
committee hamamatsu 4-a 5 \
    "A tangible buildup of photonics firms around the project; a model for other clusters." \
    "事業を核に光関連企業の集積が目に見えて進んでおり、他のクラスターの手本となるものである。"

# Kyoto
tech_nano kyoto 1-1-a-1 3         # marks 3 3 4, mean 3.33
tech_nano kyoto 1-1-a-2 4         # marks 4 4 4, mean 4.00
committee kyoto 1-2-a-1 3         # marks 3 3 3 3 3, mean 3.00
# marks 2 2 3 3 4, mean 2.80, spread 2: discussed
committee kyoto 1-2-a-2 3 \
    "The region's own funds lag behind its research strength. The committee asks the prefecture and the city to set out what they will add." \
    "研究の実力に比べて地域独自の資金が見劣りする。府と市が今後どのような上乗せを行うのかを示されたい。"
committee kyoto 1-2-b-1 3         # marks 3 3 3 3 3, mean 3.00
# marks 3 3 4 2 3, mean 3.00, spread 2: discussed
committee kyoto 1-2-b-2 3 \
    "Links with other ministries' programmes exist on paper; the committee would like to see joint committees or shared coordinators at work." \
    "他省の事業との連携は計画上は示されているが、合同の委員会やコーディネータの共有など、実際に機能する連携が望まれる。"
# marks 5 3 4 3 4, mean 3.80, spread 2: discussed
committee kyoto 1-3-a 4 \
    "The headquarters has a capable director; its decisions would carry more weight with full-time staff behind them." \
    "本部長の指導力は高く評価できる。専任のスタッフを充実させることで、本部の意思決定がより実効性のあるものとなる。"
committee kyoto 1-3-b 3           # marks 4 3 3 3 4, mean 3.40
# marks 3 3 4 2 3, mean 3.00, spread 2: discussed
committee kyoto 2-a 3 \
    "The self-evaluation lists the successes well but says little of the weak points; an honest account of them is needed for the second half." \
    "自己評価は成果の記述が中心で、弱点にはほとんど触れていない。後半期間に向けて、課題を率直に分析することが必要である。"
committee kyoto 2-b 4             # marks 4 4 4 4 3, mean 3.80
tech_nano kyoto 3-1-a-1 4         # marks 4 3 4, mean 3.67
# marks 3 2 3, mean 2.67
tech_nano kyoto 3-1-a-2 3 \
    "The research is excellent, but the route from it to products is not yet drawn; the milestones should name the firms that will take the results up." \
    "研究水準は高いが、成果を製品につなげる道筋はまだ描かれていない。マイルストーンには成果を引き受ける企業を明記されたい。"
# marks 3 5 3 4 4, mean 3.80, spread 2: discussed
committee kyoto 3-2-a 4 \
    "The prefecture has announced new support for the remaining years; the committee expects it to be confirmed in the budget." \
    "府は後半期間に向けた新たな支援を表明している。これが予算として確実に措置されることを期待する。"
committee kyoto 3-2-b 3           # marks 4 3 3 4 3, mean 3.40
committee kyoto 3-3-a 4           # marks 4 3 4 4 4, mean 3.80
committee kyoto 4-a 3             # marks 3 3 3 3 4, mean 3.20

# Keihanna
# marks 4 2 3, mean 3.00, spread 2: discussed
tech_it keihanna 1-1-a-1 3 \
    "Progress differs widely between themes: some are on plan, others well behind without a stated reason. The panel asks for a review of each theme against its milestones." \
    "テーマによって進捗の差が大きく、計画どおりのものがある一方で、理由が示されないまま大きく遅れているものもある。各テーマをマイルストーンに照らして点検されたい。"
# marks 1 2 3, mean 2.00, spread 2: discussed
tech_it keihanna 1-1-a-2 2 \
    "Papers are many, but patents and prototypes are few for the third year of the project." \
    "論文は多いが、事業3年目としては特許と試作品が少ない。"
# marks 3 2 2 2 3, mean 2.40
committee keihanna 1-2-a-1 2 \
    "The three prefectures' own programmes do not yet point the same way as the project; a common strategy is needed." \
    "3府県それぞれの施策が、まだ本事業と同じ方向を向いていない。共通の戦略が必要である。"
# marks 2 3 2 2 3 (the second revised from 4, above), mean 2.40
committee keihanna 1-2-a-2 2 \
    "The region's own money so far is small; the support that has been announced should be put into the budget." \
    "これまでの地域独自の資金は少ない。表明されている支援を予算として具体化されたい。"
committee keihanna 1-2-b-1 3      # marks 3 2 3 2 3, mean 2.60
committee keihanna 1-2-b-2 2      # marks 3 2 2 2 2, mean 2.20
# marks 2 2 2 2 2, mean 2.00
committee keihanna 1-3-a 2 \
    "The many institutes are not yet steered by the headquarters; a full-time director with authority over the themes is needed." \
    "多くの研究機関が参画しているが、本部がそれらを統括するに至っていない。テーマについて権限を持つ専任の本部長が必要である。"
committee keihanna 1-3-b 2        # marks 2 2 2 2 2, mean 2.00
# marks 1 2 2 2 3, mean 2.00, spread 2: discussed
committee keihanna 2-a 2 \
    "The self-evaluation does not yet name the weak points the committee found, such as the steering of the themes." \
    "自己評価では、テーマの統括など、委員会が指摘した弱点がまだ取り上げられていない。"
# marks 3 1 2 3 3, mean 2.40, spread 2: discussed
committee keihanna 2-b 2 \
    "The plan has not been changed where problems were found; themes that are behind should be merged or stopped." \
    "課題が見つかった点についても計画が変更されていない。遅れているテーマは統合または中止すべきである。"
tech_it keihanna 3-1-a-1 3        # marks 3 3 3, mean 3.00
tech_it keihanna 3-1-a-2 3        # marks 3 2 3, mean 2.67
# marks 3 1 2 3 2, mean 2.20, spread 2: discussed
committee keihanna 3-2-a 2 \
    "No new regional effort is planned for the remaining years." \
    "後半期間に向けた地域の新たな取組が計画されていない。"
committee keihanna 3-2-b 2        # marks 3 2 2 2 3, mean 2.40
committee keihanna 3-3-a 3        # marks 3 2 3 2 3, mean 2.60
# marks 2 1 2 2 3, mean 2.00, spread 2: discussed
committee keihanna 4-a 2 \
    "The committee recognises the research strength of the science city but, without changes to the organisation, doubts that a cluster will form. It asks for a revised plan within the year." \
    "学術研究都市としての研究の蓄積は認められるが、体制を改めない限りクラスターの形成は難しいと考えられる。年度内に計画を見直されたい。"

# Osaka (Saito)
tech_ls osaka 1-1-a-1 4           # marks 4 4 3, mean 3.67
# marks 4 3 3, mean 3.33
tech_ls osaka 1-1-a-2 3 \
    "Strong results in drug discovery, and start-ups are emerging in Saito; patent applications should follow the papers." \
    "創薬分野の成果が大きく、彩都でベンチャー企業が生まれ始めている。論文に加えて特許出願の増加が望まれる。"
# marks 3 4 4 4 5, mean 4.00, spread 2: discussed
committee osaka 1-2-a-1 4 \
    "The prefecture's bio strategy and the project agree; the place of the Saito area in the municipalities' plans could be stated more clearly." \
    "府のバイオ戦略と本事業は整合している。彩都地区が関係市の計画の中でどのように位置付けられるかを、より明確にされたい。"
# marks 5 4 4 4 3, mean 4.00, spread 2: discussed
committee osaka 1-2-a-2 4 \
    "The prefecture's own funds are substantial; a commitment over several years would make them more valuable still." \
    "府独自の資金は相当の規模である。複数年にわたる負担を明確にすれば、さらに効果的なものとなる。"
committee osaka 1-2-b-1 4         # marks 5 4 4 4 4, mean 4.20
committee osaka 1-2-b-2 4         # marks 4 4 5 4 4, mean 4.20
committee osaka 1-3-a 4           # marks 4 3 3 4 4, mean 3.60
committee osaka 1-3-b 3           # marks 3 4 3 3 4, mean 3.40
# marks 4 4 3 4 5, mean 4.00, spread 2: discussed
committee osaka 2-a 4 \
    "A sound self-evaluation; the delays of some themes could be explained in more detail." \
    "自己評価は的確である。一部テーマの遅れについては、より詳しい説明が望まれる。"
committee osaka 2-b 4             # marks 4 5 5 4 4, mean 4.40
tech_ls osaka 3-1-a-1 4           # marks 4 4 3, mean 3.67
tech_ls osaka 3-1-a-2 4           # marks 3 4 4, mean 3.67
committee osaka 3-2-a 4           # marks 4 4 4 4 4, mean 4.00
committee osaka 3-2-b 4           # marks 4 3 4 4 3, mean 3.60
committee osaka 3-3-a 4           # marks 5 4 4 4 5, mean 4.40
committee osaka 4-a 4             # marks 4 5 4 4 4, mean 4.20

# Kobe
# marks 5 - 4, mean 4.50, halfway: discussed
tech_ls kobe 1-1-a-1 5 \
    "The translational themes are ahead of plan, with clinical studies begun a year earlier than planned." \
    "橋渡し研究のテーマは計画を上回って進んでおり、臨床研究が予定より1年早く始まっている。"
tech_ls kobe 1-1-a-2 4            # marks 4 - 4, mean 4.00
# marks 4 5 4 4 3, mean 4.00, spread 2: discussed
committee kobe 1-2-a-1 4 \
    "The city's medical-industry project and the cluster are one plan; the prefecture's part in it could be stated more clearly." \
    "市の医療産業都市構想とクラスターが一体の計画となっている。県の役割についても、より明確に示されたい。"
committee kobe 1-2-a-2 4          # marks 4 4 4 4 4, mean 4.00
# marks 5 3 4 4 5, mean 4.20, spread 2: discussed
committee kobe 1-2-b-1 4 \
    "Exchanges on Port Island are lively; the committee would like firms from outside the medical field to join them." \
    "ポートアイランドでの交流は活発である。医療分野以外の企業の参加も期待する。"
committee kobe 1-2-b-2 3          # marks 3 4 3 3 4, mean 3.40
committee kobe 1-3-a 4            # marks 5 4 4 4 4, mean 4.20
committee kobe 1-3-b 4            # marks 5 4 4 4 5, mean 4.40
committee kobe 2-a 4              # marks 4 3 4 4 4, mean 3.80
committee kobe 2-b 4              # marks 4 5 4 5 4, mean 4.40
tech_ls kobe 3-1-a-1 4            # marks 4 - 4, mean 4.00
# marks 4 - 3, mean 3.50, halfway: discussed
tech_ls kobe 3-1-a-2 4 \
    "The milestones to products are concrete for the clinical themes; those of the device themes should be made as concrete." \
    "臨床系のテーマでは製品化に向けたマイルストーンが具体的である。機器系のテーマについても同様に具体化されたい。"
committee kobe 3-2-a 4            # marks 4 4 3 4 3, mean 3.60
# marks 5 4 4 3 4, mean 4.00, spread 2: discussed
committee kobe 3-2-b 4 \
    "A successor foundation is planned; how it will be funded after the project should be set out." \
    "後継の財団の設立が計画されている。事業終了後の財源を明らかにされたい。"
# marks 5 3 4 4 4, mean 4.00, spread 2: discussed
committee kobe 3-3-a 4 \
    "The planned changes to the management are sound, and the director's decisions on themes are clear." \
    "運営体制の改善計画は妥当であり、テーマに関する本部長の判断も明確である。"
committee kobe 4-a 3              # marks 4 4 3 3 3, mean 3.40

# Hiroshima
tech_ls hiroshima 1-1-a-1 3       # marks 2 3 3, mean 2.67
tech_ls hiroshima 1-1-a-2 3       # marks 3 3 3, mean 3.00
committee hiroshima 1-2-a-1 3     # marks 3 3 3 4 3, mean 3.20
committee hiroshima 1-2-a-2 4     # marks 4 4 5 4 4, mean 4.20
committee hiroshima 1-2-b-1 4     # marks 4 3 4 4 4, mean 3.80
committee hiroshima 1-2-b-2 3     # marks 3 3 3 4 3, mean 3.20
committee hiroshima 1-3-a 3       # marks 3 3 3 2 3, mean 2.80
# marks 2 4 3 2 3, mean 2.80, spread 2: discussed
committee hiroshima 1-3-b 3 \
    "The coordinators are active but too few for the number of themes; the committee recommends adding one with industrial experience." \
    "コーディネータは積極的に活動しているが、テーマ数に比べて人数が少ない。産業界での経験を持つコーディネータの増員を勧める。"
committee hiroshima 2-a 4         # marks 3 4 4 4 3, mean 3.60
# marks 4 3 4 2 4, mean 3.40, spread 2: discussed
committee hiroshima 2-b 3 \
    "Some themes have been refocused after the self-evaluation; the plan should also say which themes will stop." \
    "自己評価を受けて一部のテーマの重点化が図られている。中止するテーマについても計画に明記されたい。"
tech_ls hiroshima 3-1-a-1 4       # marks 4 4 3, mean 3.67
# marks 2 3 4, mean 3.00, spread 2: discussed
tech_ls hiroshima 3-1-a-2 3 \
    "The milestones for the last two years are vague; they should name the products and the firms that will make them." \
    "最後の2年間のマイルストーンが曖昧である。目指す製品とそれを製造する企業を明示されたい。"
committee hiroshima 3-2-a 3       # marks 4 3 3 3 3, mean 3.20
# marks 4 4 4 2 4, mean 3.60, spread 2: discussed
committee hiroshima 3-2-b 4 \
    "The prefecture's plan for a successor body is credible; its funding should be confirmed." \
    "県による後継組織の計画は妥当なものである。その財源を確定されたい。"
committee hiroshima 3-3-a 3       # marks 3 3 3 3 3, mean 3.00
# marks 2 3 4 3 2, mean 2.80, spread 2: discussed
committee hiroshima 4-a 3 \
    "The research base is good, but a cluster will form only if firms take up the results; the committee asks for a clearer plan for that." \
    "研究基盤は充実しているが、クラスターの形成には企業による成果の活用が不可欠である。そのための計画をより明確にされたい。"

# Takamatsu
# marks 4 3 4, mean 3.67
tech_ls takamatsu 1-1-a-1 4 \
    "Rare-sugar production is ahead of plan; the niche is narrow but real." \
    "希少糖の生産技術は計画を上回って進んでいる。分野は狭いが確かな強みである。"
# marks 3 5 3, mean 3.67, spread 2: discussed
tech_ls takamatsu 1-1-a-2 4 \
    "The patents on rare-sugar production are a clear strength; papers in leading journals should follow." \
    "希少糖の生産に関する特許は明確な強みである。今後は主要な学術誌への論文発表も望まれる。"
committee takamatsu 1-2-a-1 3     # marks 3 2 3 3 3, mean 2.80
committee takamatsu 1-2-a-2 3     # marks 3 3 3 3 3, mean 3.00
# marks 3 2 4 3 3, mean 3.00, spread 2: discussed
committee takamatsu 1-2-b-1 3 \
    "Exchange is still limited to the funded researchers; forums open to the region's food and health firms would widen it." \
    "交流はまだ委託研究の参加者に限られている。地域の食品・健康関連企業にも開かれたフォーラムを設けることで、交流の広がりが期待できる。"
committee takamatsu 1-2-b-2 3     # marks 3 3 3 3 3, mean 3.00
committee takamatsu 1-3-a 3       # marks 3 3 4 3 3, mean 3.20
committee takamatsu 1-3-b 3       # marks 3 3 3 4 4, mean 3.40
# marks 3 4 2 3 4, mean 3.20, spread 2: discussed
committee takamatsu 2-a 3 \
    "The self-evaluation names real problems, notably in commercialisation, but gives little evidence for them." \
    "自己評価では、特に事業化について実際の課題が挙げられているが、その根拠はあまり示されていない。"
# marks 3 3 3 4 2, mean 3.00, spread 2: discussed
committee takamatsu 2-b 3 \
    "The plan has not yet been changed where the region's own evaluation found problems; the committee asks for a revised plan." \
    "地域自らの評価で明らかになった課題に応じた計画の見直しが、まだ行われていない。見直した計画の提出を求める。"
tech_ls takamatsu 3-1-a-1 3       # marks 3 2 3, mean 2.67
# marks 3 2 2, mean 2.33
tech_ls takamatsu 3-1-a-2 2 \
    "The milestones for the last two years are vague and should be made concrete, with the products they lead to." \
    "最後の2年間のマイルストーンが曖昧である。目指す製品とともに具体化されたい。"
# marks 1 1 2 2 2, mean 1.60
committee takamatsu 3-2-a 2 \
    "The region's own plans for the remaining years are not yet set out; the committee asks what the prefecture and the city will add." \
    "後半期間に向けた地域独自の計画がまだ示されていない。県と市がどのような取組を上乗せするのかを明らかにされたい。"
committee takamatsu 3-2-b 3       # marks 3 3 3 3 3, mean 3.00
committee takamatsu 3-3-a 3       # marks 3 3 4 3 3, mean 3.20
# marks 4 2 3 3 3, mean 3.00, spread 2: discussed
committee takamatsu 4-a 3 \
    "A real niche with a chance of a small but lasting cluster, if the region's own commitment grows." \
    "確かな強みを持つ分野であり、地域の主体的な取組が強化されれば、小規模ながら持続的なクラスターの形成が期待できる。"

# Kitakyushu
tech_it kitakyushu 1-1-a-1 3      # marks 4 3 3, mean 3.33
tech_it kitakyushu 1-1-a-2 3      # marks 3 4 3, mean 3.33
committee kitakyushu 1-2-a-1 3    # marks 3 - 3 3 4, mean 3.25
# marks 3 - 4 4 3, mean 3.50, halfway: discussed
committee kitakyushu 1-2-a-2 4 \
    "The city's own funds are substantial and have grown each year; the committee counted this in the region's favour." \
    "市独自の資金は相当の規模であり、年々増加している。委員会はこの点を高く評価した。"
# marks 4 - 4 2 3, mean 3.25, spread 2: discussed
committee kitakyushu 1-2-b-1 3 \
    "Forums are held regularly, but few firms from outside the funded themes take part; the committee would like them opened more widely." \
    "フォーラムは定期的に開かれているが、委託テーマ以外の企業の参加は少ない。より広く門戸を開くことが望まれる。"
# marks 4 - 3 3 4, mean 3.50, halfway: discussed
committee kitakyushu 1-2-b-2 4 \
    "The project works with the city's Eco-Town programme and with METI's programme in Kyushu, and results have begun to pass between them." \
    "市のエコタウン事業や経済産業省の九州地域の事業と連携しており、事業間で成果の受け渡しも始まっている。"
# marks 4 - 4 3 3, mean 3.50, halfway: discussed
committee kitakyushu 1-3-a 3 \
    "The headquarters is run with care, but it has yet to stop or merge weak themes." \
    "本部は堅実に運営されているが、見込みの薄いテーマの中止や統合にはまだ踏み込んでいない。"
committee kitakyushu 1-3-b 3      # marks 3 - 3 3 2, mean 2.75
# marks 4 - 3 2 3, mean 3.00, spread 2: discussed
committee kitakyushu 2-a 3 \
    "The self-evaluation is frank about the delays of the IT themes but says little about the environmental ones." \
    "自己評価はITテーマの遅れについては率直であるが、環境分野のテーマにはほとんど触れていない。"
committee kitakyushu 2-b 3        # marks 3 - 4 3 3, mean 3.25
tech_it kitakyushu 3-1-a-1 3      # marks 3 3 4, mean 3.33
tech_it kitakyushu 3-1-a-2 4      # marks 4 4 3, mean 3.67
committee kitakyushu 3-2-a 3      # marks 3 - 4 3 3, mean 3.25
committee kitakyushu 3-2-b 4      # marks 4 - 3 4 4, mean 3.75
# marks 4 - 3 4 3, mean 3.50, halfway: discussed
committee kitakyushu 3-3-a 4 \
    "The plan adds coordinators and a yearly review of the themes, which answers the weak points found so far." \
    "コーディネータの増員とテーマの毎年度の点検を計画しており、これまでに指摘された弱点に対応するものとなっている。"
# marks 3 - 4 4 3, mean 3.50, halfway: discussed
committee kitakyushu 4-a 4 \
    "With the environmental industry already in the city, the prospects of the planned cluster are good, provided the IT themes find partner firms in the region." \
    "市に環境産業の集積が既にあることから、ITテーマが地域内に連携企業を得られれば、構想するクラスターの実現の見通しは明るい。"

# Fukuoka
tech_it fukuoka 1-1-a-1 4         # marks 4 4 5, mean 4.33
tech_it fukuoka 1-1-a-2 4         # marks 4 5 4, mean 4.33
committee fukuoka 1-2-a-1 4       # marks 4 4 5 4 4, mean 4.20
# marks 5 4 5 5 5, mean 4.80
committee fukuoka 1-2-a-2 5 \
    "The city's co-funding is well above the minimum required, which the committee values highly." \
    "市の負担が最低限を大きく上回っており、高く評価できる。"
committee fukuoka 1-2-b-1 5       # marks 5 4 4 5 5, mean 4.60
committee fukuoka 1-2-b-2 4       # marks 4 4 4 4 4, mean 4.00
committee fukuoka 1-3-a 4         # marks 4 4 3 4 3, mean 3.60
# marks 4 4 3 5 4, mean 4.00, spread 2: discussed
committee fukuoka 1-3-b 4 \
    "The coordinators match seeds with firms well; as the number of design firms grows, more of them will be needed." \
    "コーディネータはシーズと企業の橋渡しを的確に行っている。設計企業の増加に伴い、コーディネータの増員が必要となる。"
# marks 4 5 4 3 4, mean 4.00, spread 2: discussed
committee fukuoka 2-a 4 \
    "A sound self-evaluation; the delays of the test-bed themes deserve a fuller account." \
    "自己評価は的確である。テストベッド関係のテーマの遅れについては、より詳しい説明が望まれる。"
committee fukuoka 2-b 4           # marks 4 4 4 4 4, mean 4.00
tech_it fukuoka 3-1-a-1 4         # marks 4 4 4, mean 4.00
tech_it fukuoka 3-1-a-2 4         # marks 3 4 4, mean 3.67
committee fukuoka 3-2-a 5         # marks 5 5 5 5 5, mean 5.00
committee fukuoka 3-2-b 4         # marks 5 4 4 4 4, mean 4.20
committee fukuoka 3-3-a 4         # marks 4 4 4 4 4, mean 4.00
# marks 4 3 5 3 5, mean 4.00, spread 2: discussed
committee fukuoka 4-a 4 \
    "Views differed on how far the cluster has formed. Design firms are gathering around the project and the committee judged the prospects good; it asks that the results reach manufacturing in the region as well as design." \
    "クラスター形成の進み具合については委員の評価が分かれた。設計企業の集積は進んでおり、見通しは良好と判断したが、設計にとどまらず地域の製造業にも成果が及ぶことを求める。"

# panelist stamps every save with the time it is made; the samples keep the dates of the review
# (the same in both), and ship without journals or lock files, as the other samples do.
stamp() { # FILE FIRST-LINE-PATTERN TIME: the first `updated:` from that line on
    sed "/$2/,/updated:/ s/updated: \"[^\"]*\"/updated: \"$3\"/" "$1" >"$1.tmp"
    mv "$1.tmp" "$1"
}
for dir in "$en" "$ja"; do
    stamp "$dir/scores/committee.ron" '"fujii": Sheet(' 2004-10-27T04:10:00Z
    stamp "$dir/scores/committee.ron" 'consensus: Some(Consensus(' 2004-10-27T08:30:00Z
    stamp "$dir/scores/tech-it.ron" 'consensus: Some(Consensus(' 2004-10-22T06:00:00Z
    stamp "$dir/scores/tech-ls.ron" 'consensus: Some(Consensus(' 2004-10-22T07:30:00Z
    stamp "$dir/scores/tech-nano.ron" 'consensus: Some(Consensus(' 2004-10-22T05:00:00Z
    rm -f "$dir"/scores/*.journal "$dir"/scores/.*.lock
done
"$panelist" check "$en" >/dev/null
"$panelist" check "$ja" >/dev/null
