// Enum values in CSV files may be written as the code, or its Japanese or English label.
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

type Catalog = Record<string, string>;

export function enumLookup<T extends string>(codes: readonly T[], ...catalogs: Catalog[]) {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(code.toLowerCase(), code);
    for (const c of catalogs) if (c[code]) map.set(c[code].toLowerCase(), code);
  }
  return (value: string): T | undefined => map.get(value.trim().toLowerCase());
}

export const catalogs = {
  stance: [ja.stances, en.stances],
  kind: [ja.keyPersonKinds, en.keyPersonKinds],
  departmentKind: [ja.departmentKinds, en.departmentKinds],
} satisfies Record<string, Catalog[]>;
