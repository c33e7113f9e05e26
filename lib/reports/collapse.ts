// A department tree table as the dashboard shows it: 300 departments are not 300 rows on a phone.
// The scope's top rows and their children are shown, deeper branches open on demand, and a long list
// of siblings stops after `cap` with a row offering the rest. Display only: no figure is added,
// merged or recomputed, so nothing here changes what is hidden or published.
import type { Row } from "./types";

export const SIBLING_CAP = 20;

export type VisibleRow =
  | { kind: "row"; row: Row; index: number; branch?: { key: string; open: boolean; children: number } }
  | { kind: "more"; parentKey: string; depth: number; hidden: number };

/** The key a parent row is opened or extended by: its department, or its position for a keyless row. */
const keyOf = (row: Row, index: number) => row.key ?? `#${index}`;

/**
 * `rootKey` caps the top-level list too (a flat list of 300 departments), extended by that key; its
 * total rows stay in sight wherever they stand, and the offer of the rest comes after the last row shown
 * before them. Without it the top rows are all shown.
 */
export function visibleRows(
  rows: Row[],
  open: ReadonlySet<string>,
  more: ReadonlySet<string>,
  cap = SIBLING_CAP,
  rootKey?: string,
): VisibleRow[] {
  // Children by parent index, from the depth sequence (a row's parent is the nearest row above it one level up).
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  const stack: number[] = [];
  rows.forEach((row, i) => {
    const depth = row.depth ?? 0;
    while (stack.length > depth) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    if (parent === undefined) roots.push(i);
    else children.set(parent, [...(children.get(parent) ?? []), i]);
    stack.length = depth;
    stack.push(i);
  });
  const out: VisibleRow[] = [];
  const show = (list: number[], parentKey: string | null, depth: number) => {
    // Totals are always shown, so the cap counts the other rows.
    const capped = list.filter((i) => !rows[i]!.total).length;
    const full = parentKey === null || more.has(parentKey) || capped <= cap + 1;
    let budget = cap;
    const shown = full ? list : list.filter((i) => rows[i]!.total || budget-- > 0);
    // The offer of the rest goes after the last capped row shown, before any totals that follow it.
    const moreAfter = full ? -1 : shown.findLastIndex((i) => !rows[i]!.total);
    for (const [n, i] of shown.entries()) {
      const row = rows[i]!;
      const kids = children.get(i) ?? [];
      // The scope's top rows always show their children; deeper rows open on demand.
      const isOpen = (row.depth ?? 0) === 0 || open.has(keyOf(row, i));
      out.push({
        kind: "row",
        row,
        index: i,
        branch: kids.length && (row.depth ?? 0) > 0 ? { key: keyOf(row, i), open: isOpen, children: kids.length } : undefined,
      });
      if (kids.length && isOpen) show(kids, keyOf(row, i), (row.depth ?? 0) + 1);
      if (n === moreAfter) out.push({ kind: "more", parentKey: parentKey!, depth, hidden: list.length - shown.length });
    }
  };
  show(roots, rootKey ?? null, 0);
  return out;
}
