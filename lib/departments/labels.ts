// A department's name as a reader needs it: alone where no other department of the team shares it,
// else with the departments above it until it says which one ("本社（東京・品川） / 人事部" beside
// "第一工場 / 人事部"). For flat lists, filters and report rows, where indentation is not there to tell.

type Dept = { id: string; name: string; parentId: string | null };

export function distinctLabels(departments: Dept[], maxAncestors = 4): Map<string, string> {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const state = departments.map((d) => ({ id: d.id, label: d.name, above: d.parentId ? byId.get(d.parentId) : undefined }));
  for (let round = 0; round < maxAncestors; round++) {
    const count = new Map<string, number>();
    for (const s of state) count.set(s.label, (count.get(s.label) ?? 0) + 1);
    let changed = false;
    for (const s of state) {
      if ((count.get(s.label) ?? 0) < 2 || !s.above) continue;
      s.label = `${s.above.name} / ${s.label}`;
      s.above = s.above.parentId ? byId.get(s.above.parentId) : undefined;
      changed = true;
    }
    if (!changed) break;
  }
  return new Map(state.map((s) => [s.id, s.label]));
}
