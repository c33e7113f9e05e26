// Enum values as HR and nurses write them: the code, the catalog label in Japanese or English, or
// an everyday word (上司・管理職・課長 → line manager; 安全衛生・安全担当 → safety; 人事部 → HR …),
// compared after normalising width, kana and case. Unknown values name what is allowed.
import { DEPARTMENT_KINDS } from "@/lib/departments/schemas";
import { KINDS, STANCES } from "@/lib/key-persons/schemas";
import { searchKey } from "@/lib/search/normalize";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

const SYNONYMS = {
  kind: {
    LINE_MANAGER: [
      "上司",
      "管理職",
      "ライン管理職",
      "課長",
      "部長",
      "係長",
      "主任",
      "班長",
      "所長",
      "工場長",
      "センター長",
      "マネージャー",
      "マネジャー",
      "manager",
    ],
    HR: ["人事", "人事部", "人事課", "人事担当", "労務", "人事労務"],
    GENERAL_AFFAIRS: ["総務", "総務部", "総務課", "総務担当"],
    SAFETY: ["安全衛生", "安全担当", "安全衛生担当", "安全管理者", "衛生管理者", "衛生推進者", "安全"],
    EXECUTIVE: ["役員", "取締役", "事業所長", "社長", "本部長", "経営"],
    OCCUPATIONAL_PHYSICIAN: ["産業医", "医師"],
    OTHER: ["その他", "他", "一般"],
  },
  stance: {
    UNCOOPERATIVE: ["非協力", "非協力的", "反対", "否定的"],
    INDIFFERENT: ["無関心", "関心なし"],
    NEUTRAL: ["中立", "普通", "どちらでもない"],
    COOPERATIVE: ["協力的", "協力", "好意的", "前向き"],
    CHAMPION: ["応援者", "味方", "推進者", "ファン", "社内ファン"],
  },
  departmentKind: {
    COMPANY: ["会社", "法人", "本社"],
    SITE: ["事業所", "拠点", "工場", "支店", "営業所", "センター"],
    DEPARTMENT: ["部署", "部", "課", "係", "室", "グループ"],
  },
} as const;

type Catalog = Record<string, string>;

function lookup<T extends string>(codes: readonly T[], synonyms: Record<string, readonly string[]>, catalogs: Catalog[]) {
  const map = new Map<string, T>();
  const add = (word: string, code: T) => {
    const key = searchKey(word).toLowerCase();
    if (key && !map.has(key)) map.set(key, code);
  };
  for (const code of codes) {
    add(code, code);
    for (const c of catalogs) if (c[code]) add(c[code], code);
    for (const w of synonyms[code] ?? []) add(w, code);
  }
  const allowed = codes.map((c) => catalogs[0][c] ?? c);
  return { of: (value: string): T | undefined => map.get(searchKey(value).toLowerCase()), allowed };
}

export const kindValues = lookup(KINDS, SYNONYMS.kind, [ja.keyPersonKinds, en.keyPersonKinds]);
export const stanceValues = lookup(STANCES, SYNONYMS.stance, [ja.stances, en.stances]);
export const departmentKindValues = lookup(DEPARTMENT_KINDS, SYNONYMS.departmentKind, [ja.departmentKinds, en.departmentKinds]);
