// Which column of an HR file holds what. Headers are matched generously (氏名/名前/社員名,
// 部署/所属, 役職/職位, ふりがな/カナ …) after normalising width, kana and brackets; the preview
// shows the mapping and the user may change it or ignore a column. Several hierarchy columns
// (本部/部/課 …) together make a department path.
import { searchKey } from "@/lib/search/normalize";

export const KEY_PERSON_FIELDS = [
  "externalId",
  "name",
  "nameKana",
  "title",
  "department",
  "deptLevel",
  "kind",
  "stance",
  "influence",
  "interest",
  "reportsTo",
  "tags",
  "notes",
] as const;
export const DEPARTMENT_FIELDS = ["externalId", "name", "kind", "parent", "headcount"] as const;
export type KeyPersonField = (typeof KEY_PERSON_FIELDS)[number];
export type DepartmentField = (typeof DEPARTMENT_FIELDS)[number];
export type Field = KeyPersonField | DepartmentField;
/** One entry per header: the field it feeds, or null (ignored). */
export type Mapping = (Field | null)[];

/** The template header first, then the words HR files use. */
export const KEY_PERSON_ALIASES: Record<KeyPersonField, string[]> = {
  externalId: ["外部ID", "社員番号", "社員コード", "従業員番号", "職員番号", "社員ID", "ID", "external_id", "employee_id", "employee_no"],
  name: ["氏名", "名前", "社員名", "従業員名", "職員名", "氏名(漢字)", "name", "full_name"],
  nameKana: ["ふりがな", "フリガナ", "カナ", "かな", "よみがな", "よみ", "氏名カナ", "カナ氏名", "name_kana", "kana"],
  title: ["役職", "職位", "役職名", "職名", "肩書", "肩書き", "title", "position"],
  department: ["部署", "所属", "部署名", "所属部署", "所属名", "組織", "組織名", "部門", "department", "dept"],
  deptLevel: ["本部", "事業本部", "事業部", "部", "課", "係", "室", "グループ", "チーム", "事業所", "拠点", "工場", "支店", "センター"],
  kind: ["種別", "区分", "役割", "立場", "kind", "type", "role"],
  stance: ["協力度", "スタンス", "姿勢", "stance"],
  influence: ["影響力", "influence"],
  interest: ["関心度", "関心", "interest"],
  reportsTo: ["上司", "上長", "上司ID", "上長ID", "上司の外部ID", "上司社員番号", "reports_to", "manager", "manager_id"],
  tags: ["タグ", "tags"],
  notes: ["メモ", "備考", "notes", "memo", "note"],
};

export const DEPARTMENT_ALIASES: Record<DepartmentField, string[]> = {
  externalId: ["外部ID", "部署コード", "組織コード", "部署ID", "ID", "external_id", "code"],
  name: ["名称", "部署名", "組織名", "部署", "name"],
  kind: ["種別", "区分", "kind", "type"],
  parent: ["親外部ID", "親", "上位部署コード", "上位組織コード", "親部署コード", "parent_external_id", "parent"],
  headcount: ["人数", "在籍人数", "従業員数", "headcount"],
};

const MULTI = new Set<Field>(["deptLevel"]);

export const normalizeHeader = (h: string) =>
  searchKey(h)
    .replace(/[()（）[\]【】「」:：*＊_]/g, "")
    .toLowerCase();

export function fieldsFor(kind: "departments" | "keyPersons"): readonly Field[] {
  return kind === "keyPersons" ? KEY_PERSON_FIELDS : DEPARTMENT_FIELDS;
}

function aliasesFor(kind: "departments" | "keyPersons"): Record<string, string[]> {
  return kind === "keyPersons" ? KEY_PERSON_ALIASES : DEPARTMENT_ALIASES;
}

/** The template's header line (the first alias of each field). */
export function templateHeader(kind: "departments" | "keyPersons"): string {
  const aliases = aliasesFor(kind);
  return fieldsFor(kind)
    .filter((f) => f !== "deptLevel")
    .map((f) => aliases[f][0])
    .join(",");
}

/** Automatic mapping: each header to the field one of whose words it is; each field once (hierarchy levels aside). */
export function autoMapping(kind: "departments" | "keyPersons", header: string[]): Mapping {
  const aliases = aliasesFor(kind);
  const lookup = new Map<string, Field>();
  for (const f of fieldsFor(kind)) for (const a of aliases[f]) if (!lookup.has(normalizeHeader(a))) lookup.set(normalizeHeader(a), f);
  const taken = new Set<Field>();
  return header.map((h) => {
    const f = lookup.get(normalizeHeader(h));
    if (!f || (taken.has(f) && !MULTI.has(f))) return null;
    taken.add(f);
    return f;
  });
}

/** A mapping the user sent: right length, known fields, each single field at most once. */
export function validMapping(kind: "departments" | "keyPersons", header: string[], mapping: unknown): mapping is Mapping {
  if (!Array.isArray(mapping) || mapping.length !== header.length) return false;
  const known = new Set<unknown>(fieldsFor(kind));
  const seen = new Set<unknown>();
  for (const f of mapping) {
    if (f === null) continue;
    if (!known.has(f) || (seen.has(f) && !MULTI.has(f as Field))) return false;
    seen.add(f);
  }
  return true;
}

/** A stable signature of a header line, to find a saved mapping for the same kind of file. */
export const headerSignature = (header: string[]) => header.map(normalizeHeader).join("\u0001");
