// A deterministic layout for the relationship map: the same people give the same picture, so
// reviews and screenshots compare. One tree per department (reporting lines inside it, d3-hierarchy),
// departments packed left to right in rows in a fixed order. Ordering uses code-point comparison,
// never locale collation, so server and browser agree.
import { hierarchy, tree } from "d3-hierarchy";

export type LayoutPerson = { id: string; name: string; influence: number; departmentId: string | null; reportsToId: string | null };
export type LayoutDepartment = { id: string; label: string };
export type Position = { x: number; y: number };
export type GroupBox = { departmentId: string | null; label: string; x: number; y: number; w: number; h: number };

export const NODE_W = 200;
export const NODE_H = 64;
const GAP_X = 24;
const GAP_Y = 56;
const PAD = 20;
const HEADER = 32;
// Rows of department boxes are cut to keep the whole picture near 16:9, so it fills a screen.
const ASPECT = 1.8;
const BOX_GAP = 48;
/** The nurse's own node: a 160-wide pill centred above the first row of departments. */
const NURSE_W = 160;
const NURSE_ABOVE = 140;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byWeight = (a: LayoutPerson, b: LayoutPerson) => b.influence - a.influence || cmp(a.name, b.name) || cmp(a.id, b.id);

/** Width of a person's card: more influence, wider card (the map's "size by influence"). */
export const nodeWidth = (influence: number) => 150 + Math.max(0, Math.min(4, influence - 1)) * 12;

type TreeNode = { id: string; children: TreeNode[] };

function forest(people: LayoutPerson[]): TreeNode {
  const inGroup = new Map(people.map((p) => [p.id, p]));
  const children = new Map<string, LayoutPerson[]>();
  const roots: LayoutPerson[] = [];
  for (const p of people) {
    if (p.reportsToId && p.reportsToId !== p.id && inGroup.has(p.reportsToId)) {
      children.set(p.reportsToId, [...(children.get(p.reportsToId) ?? []), p]);
    } else roots.push(p);
  }
  const seen = new Set<string>();
  const build = (p: LayoutPerson): TreeNode => {
    seen.add(p.id);
    const kids = (children.get(p.id) ?? []).filter((c) => !seen.has(c.id)).sort(byWeight);
    return { id: p.id, children: kids.map(build) };
  };
  const top = roots.sort(byWeight).map(build);
  // People in a reporting cycle are reachable from no root: they become roots of their own.
  for (const p of [...people].sort(byWeight)) if (!seen.has(p.id)) top.push(build(p));
  return { id: "", children: top };
}

/** Positions of every person (top-left of the card) and the department boxes around them. */
export function layoutMap(people: LayoutPerson[], departments: LayoutDepartment[]) {
  const labels = new Map(departments.map((d) => [d.id, d.label]));
  const groups = new Map<string | null, LayoutPerson[]>();
  for (const p of people) {
    const key = p.departmentId && labels.has(p.departmentId) ? p.departmentId : null;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : cmp(labels.get(a)!, labels.get(b)!) || cmp(a, b)));
  const trees = order.map((key) => {
    const root = hierarchy(forest(groups.get(key)!));
    tree<TreeNode>().nodeSize([NODE_W + GAP_X, NODE_H + GAP_Y])(root);
    let minX = Infinity;
    let maxX = -Infinity;
    let maxY = 0;
    for (const n of root.descendants()) {
      if (n.depth === 0) continue;
      minX = Math.min(minX, n.x!);
      maxX = Math.max(maxX, n.x!);
      maxY = Math.max(maxY, (n.depth - 1) * (NODE_H + GAP_Y));
    }
    return { key, root, minX, w: maxX - minX + NODE_W + PAD * 2, h: maxY + NODE_H + PAD * 2 + HEADER };
  });
  const area = trees.reduce((sum, x) => sum + (x.w + BOX_GAP) * (x.h + BOX_GAP), 0);
  const rowWidth = Math.max(...trees.map((x) => x.w), Math.sqrt(area * ASPECT));
  const positions = new Map<string, Position>();
  const boxes: GroupBox[] = [];
  let cursorX = 0;
  let cursorY = 0;
  let rowHeight = 0;
  for (const { key, root, minX, w, h } of trees) {
    if (cursorX > 0 && cursorX + w > rowWidth) {
      cursorX = 0;
      cursorY += rowHeight + BOX_GAP;
      rowHeight = 0;
    }
    for (const n of root.descendants()) {
      if (n.depth === 0) continue;
      positions.set(n.data.id, { x: cursorX + PAD + (n.x! - minX), y: cursorY + HEADER + PAD + (n.depth - 1) * (NODE_H + GAP_Y) });
    }
    boxes.push({ departmentId: key, label: key ? labels.get(key)! : "", x: cursorX, y: cursorY, w, h });
    cursorX += w + BOX_GAP;
    rowHeight = Math.max(rowHeight, h);
  }
  const firstRow = boxes.filter((b) => b.y === 0);
  const rowRight = firstRow.length ? Math.max(...firstRow.map((b) => b.x + b.w)) : NURSE_W;
  const nurse: Position = { x: Math.round(rowRight / 2 - NURSE_W / 2), y: -NURSE_ABOVE };
  return { positions, boxes, nurse };
}
