// Fictional names and places for the demo team. Any resemblance to real people is accidental.

export const DEMO_PASSWORD = "demo-pass-2026";

// The demo share link (/share/<token>): public in the README, so it exists only in demo data.
export const DEMO_SHARE_TOKEN = "demo-hokushin-committee-report-2026";

export const DEMO_USERS = {
  lead: { email: "lead@demo.example", name: "佐藤 由美", role: "ADMIN" },
  mentor: { email: "mentor@demo.example", name: "高橋 恵子", role: "MENTOR" },
  junior: { email: "junior@demo.example", name: "伊藤 さくら", role: "NURSE" },
  junior2: { email: "junior2@demo.example", name: "山本 美咲", role: "NURSE" },
  nurse: { email: "nurse@demo.example", name: "中村 真理", role: "NURSE" },
  other: { email: "other@demo.example", name: "小林 健", role: "ADMIN" },
} as const;

export const SITES = [
  {
    name: "本社（東京・品川）",
    headcount: 620,
    departments: [
      ["人事部", 28],
      ["総務部", 22],
      ["経理部", 18],
      ["営業第一部", 85],
      ["営業第二部", 64],
      ["情報システム部", 41],
    ],
  },
  {
    name: "川崎工場",
    headcount: 910,
    departments: [
      ["製造第一課", 210],
      ["製造第二課", 185],
      ["品質保証課", 46],
      ["生産技術課", 58],
      ["安全衛生課", 9],
    ],
  },
  {
    name: "大阪物流センター",
    headcount: 430,
    departments: [
      ["出荷課", 140],
      ["入荷・在庫管理課", 96],
      ["配送管理課", 52],
      ["センター管理課", 12],
    ],
  },
] as const;

export const FAMILY = [
  ["田中", "たなか"], ["鈴木", "すずき"], ["渡辺", "わたなべ"], ["加藤", "かとう"], ["吉田", "よしだ"],
  ["山田", "やまだ"], ["佐々木", "ささき"], ["松本", "まつもと"], ["井上", "いのうえ"], ["木村", "きむら"],
  ["林", "はやし"], ["斎藤", "さいとう"], ["清水", "しみず"], ["山崎", "やまざき"], ["森", "もり"],
  ["池田", "いけだ"], ["橋本", "はしもと"], ["阿部", "あべ"], ["石川", "いしかわ"], ["山下", "やました"],
  ["中島", "なかじま"], ["石井", "いしい"], ["小川", "おがわ"], ["前田", "まえだ"], ["岡田", "おかだ"],
  ["長谷川", "はせがわ"], ["藤田", "ふじた"], ["後藤", "ごとう"], ["近藤", "こんどう"], ["村上", "むらかみ"],
  ["遠藤", "えんどう"], ["青木", "あおき"], ["坂本", "さかもと"], ["福田", "ふくだ"], ["太田", "おおた"],
  ["西村", "にしむら"], ["藤井", "ふじい"], ["金子", "かねこ"], ["岡本", "おかもと"], ["藤原", "ふじわら"],
] as const;

export const GIVEN = [
  ["一郎", "いちろう"], ["健太", "けんた"], ["直樹", "なおき"], ["誠", "まこと"], ["浩二", "こうじ"],
  ["美穂", "みほ"], ["裕子", "ゆうこ"], ["大輔", "だいすけ"], ["智子", "ともこ"], ["翔太", "しょうた"],
  ["博", "ひろし"], ["京子", "きょうこ"], ["拓也", "たくや"], ["真由美", "まゆみ"], ["隆", "たかし"],
  ["明美", "あけみ"], ["剛", "つよし"], ["恵", "めぐみ"], ["哲也", "てつや"], ["陽子", "ようこ"],
] as const;

export const PAIN_POINTS = [
  "納期前の残業が続き、部下の体調まで目が届かない",
  "若手の離職が続いていて採用が追いつかない",
  "休職者が出て現場の負担が増えている",
  "繁忙期の人員配置で手一杯",
  "品質トラブル対応で会議が多い",
  "人事評価の時期で面談に時間が取れない",
  "労基署対応・法令遵守の書類が多い",
  "夜勤シフトの欠員補充に追われている",
];

export const TIMINGS = [
  "月曜午前は避ける。木曜の朝礼後が話しやすい",
  "定例会議の最後の5分",
  "1on1の後、15時台",
  "月末月初は避ける",
  "昼休み明けの13時台",
  "金曜の夕方は機嫌が良い",
];

export const TOUCHPOINT_TEXT: Record<string, string[]> = {
  GREETING: ["朝の巡回で挨拶。最近の繁忙状況を少し聞けた", "廊下で声かけ。夏季休暇の話題で和やかに"],
  LISTENING: ["部下の遅刻が続いている件で相談を受け、30分ほど話を聴いた", "人員不足の悩みを聴いた。本人もかなり疲れている様子"],
  GIVE: ["部下への声かけのポイントを1枚にまとめて渡した", "安全衛生委員会の資料作りを手伝った", "メンタル不調の兆候チェックリストを共有した"],
  ASK: ["面談後に5分だけ時間をもらえないか依頼した", "特殊健診の台帳を現場に回してもらうよう依頼した"],
  THANKS: ["先日の面談同席のお礼を伝えた。次回もお願いできそう", "台帳の件、現場の提出率が上がったことを報告しお礼"],
  MEETING: ["復職支援の三者面談", "部署の定例会議で健康診断の受診状況を報告"],
  COMMITTEE: ["衛生委員会で高リスク者フォローの状況を報告", "健康経営推進会議で好事例を紹介"],
  EMAIL: ["面談日程の調整メール", "健康だよりの記事確認をお願いするメール"],
  OTHER: ["社内報の取材に同行"],
};

export const REQUEST_IDEAS = [
  { what: "Aさんのフォロー面談後に5分だけお時間をいただく", minutes: 5, benefit: "部下の状況を短時間で把握でき、対応の方針が立てやすくなります", reason: "面談直後だと本人の様子を具体的に共有できるので" },
  { what: "朝礼で5分間のミニ健康講話をさせていただく", minutes: 5, benefit: "熱中症・腰痛による欠勤の予防につながります", reason: "この時期は現場の体調不良が増えるので" },
  { what: "特殊健診の管理台帳を現場に回していただく", minutes: 10, benefit: "提出漏れの確認作業がなくなります", reason: "台帳は私が作成し、記入例も付けますので" },
  { what: "復職面談に上司として同席していただく", minutes: 30, benefit: "復職後の業務調整を一度で決められます", reason: "ご本人も上司の方の考えを直接聞けると安心するので" },
  { what: "週1回、部下の様子を一言メールで共有していただく", minutes: 5, benefit: "早めに異変に気づけ、長期休職を防げます", reason: "回復期は小さな変化が大事なので" },
  { what: "衛生委員会で残業上位者への声かけ結果を報告していただく", minutes: 10, benefit: "部署の取り組みを経営層に示せます", reason: "他部署でも同じ取り組みを広げたいので" },
];

export const INITIATIVES = [
  { title: "朝礼5分ミニ健康講話（熱中症予防）", kind: "MINI_TALK", stage: "EXPANDED", indicator: "熱中症による休業件数", unit: "件", lowerIsBetter: true, example: "第1工場の朝礼で始めた講話を、班長が自分の言葉で続けるようになった。翌夏は他の2工場からも依頼が来た。" },
  { title: "高リスク者フォロー面談の定例化", kind: "FOLLOW_UP_SCHEME", stage: "ADOPTED", indicator: "高リスク者の割合", unit: "%", lowerIsBetter: true, example: "面談の日程を課長が先に押さえてくれるようになり、欠席がほぼなくなった。人事も月次の確認に加わった。" },
  { title: "特殊健診 管理台帳（Excel）の導入", kind: "LEDGER_TOOL", stage: "ADOPTED", indicator: "台帳提出率", unit: "%", lowerIsBetter: false, example: "記入例付きの台帳を渡したところ、係長が提出状況を朝会で確認するようになり、督促の電話が要らなくなった。" },
  { title: "管理職向け ラインケア研修（30分）", kind: "SEMINAR", stage: "EVALUATED", indicator: "研修後の相談件数", unit: "件", lowerIsBetter: false, example: "研修の翌週、受講した課長から部下の相談が2件あった。30分に絞ったことで、次回は部長会での実施が決まった。" },
  { title: "腰痛予防ストレッチ お試し週間", kind: "CAMPAIGN", stage: "PILOT", indicator: "腰痛の訴え", unit: "件", lowerIsBetter: true, example: "" },
  { title: "復職後3か月の週次チェックイン", kind: "FOLLOW_UP_SCHEME", stage: "PILOT", indicator: "復職後の再休職者数", unit: "人", lowerIsBetter: true, example: "" },
  { title: "長時間労働者への上司同席面談", kind: "FOLLOW_UP_SCHEME", stage: "PROPOSED", indicator: "月80時間超の残業者数", unit: "人", lowerIsBetter: true, example: "" },
  { title: "睡眠セルフチェック キャンペーン", kind: "CAMPAIGN", stage: "PROPOSED", indicator: "睡眠不足の自覚がある人の割合", unit: "%", lowerIsBetter: true, example: "" },
  { title: "夜勤者向け 食事のミニ講話", kind: "MINI_TALK", stage: "IDEA", indicator: "", unit: "", lowerIsBetter: true, example: "" },
  { title: "健康だより 部署別版の試行", kind: "OTHER", stage: "IDEA", indicator: "", unit: "", lowerIsBetter: true, example: "" },
  { title: "昼休みウォーキング企画", kind: "CAMPAIGN", stage: "STOPPED", indicator: "参加者数", unit: "人", lowerIsBetter: false, example: "" },
  { title: "ストレスチェック集団分析の部署フィードバック", kind: "SEMINAR", stage: "EVALUATED", indicator: "高ストレス者の割合", unit: "%", lowerIsBetter: true, example: "結果を部長と一緒に読む場を設け、職場環境の改善策を部署自身が1つ選んだ。翌年は自ら日程を調整してくれた。" },
] as const;

export const REQUEST_TEMPLATES = [
  { title: "フォロー面談後の5分共有", what: "フォロー面談の後に5分だけお時間をいただき、様子を共有させてください", minutes: 5, frequency: "ONCE", benefit: "部下の状況を短時間で把握できます", reason: "面談直後だと具体的にお伝えできるので", nurseSupport: "要点は私がメモにまとめてお持ちします", fallbackWhat: "メールで3行の要約をお送りするので、ご一読だけお願いします", fallbackMinutes: 1 },
  { title: "ミニ健康講話", what: "朝礼の時間に5分間のミニ健康講話をさせてください", minutes: 5, frequency: "ONCE", benefit: "体調不良による欠勤の予防につながります", reason: "季節の変わり目で体調を崩す方が増えるので", nurseSupport: "資料・進行はすべて私が準備します", fallbackWhat: "休憩室に掲示物を1枚貼らせてください", fallbackMinutes: 1 },
  { title: "管理台帳を現場へ回付", what: "作成した管理台帳を、ご依頼の一言を添えて現場に送っていただけますか", minutes: 10, frequency: "MONTHLY", benefit: "提出漏れの確認が不要になります", reason: "現場が記入しやすい形に作り直したので", nurseSupport: "台帳と記入例、依頼文の案は私が用意します", fallbackWhat: "現場の担当者を1名ご紹介ください", fallbackMinutes: 2 },
  { title: "三者面談への同席", what: "本人・上司・保健師の三者面談に30分ご同席ください", minutes: 30, frequency: "ONCE", benefit: "業務調整を一度で決められます", reason: "本人が上司の考えを直接聞けると安心するので", nurseSupport: "日程調整と論点の整理は私が行います", fallbackWhat: "面談の最後の10分だけご参加ください", fallbackMinutes: 10 },
  { title: "週1回のチェックイン", what: "週に1回、部下の様子を一言メールでお知らせください", minutes: 5, frequency: "WEEKLY", benefit: "早めに異変に気づけ、長期休職を防げます", reason: "回復期は小さな変化が大切なので", nurseSupport: "返信しやすいよう、毎週私から短い質問をお送りします", fallbackWhat: "隔週でお願いします", fallbackMinutes: 5 },
] as const;
