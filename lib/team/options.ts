// Small option lists for forms: the team's active members and its departments as an indented list.
import type { TeamCtx } from "@/lib/auth/context";
import { distinctLabels } from "@/lib/departments/labels";
import { departmentTree } from "@/lib/departments/queries";

export async function memberOptions(ctx: TeamCtx) {
  const rows = await ctx.db.membership.findMany({
    where: { teamId: ctx.teamId, status: "ACTIVE" },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.user);
}

/** The departments as an indented list; a name another department shares carries its path. */
export async function departmentOptions(ctx: TeamCtx) {
  const tree = await departmentTree(ctx, { counts: false });
  const labels = distinctLabels(tree);
  return tree.map((d) => ({ id: d.id, label: `${"　".repeat(d.depth)}${labels.get(d.id) ?? d.name}` }));
}

/** Departments with the names above them ("本社 / 人事部"), for pickers that search and show chips. */
export async function departmentPathOptions(ctx: TeamCtx) {
  const above: string[] = [];
  return (await departmentTree(ctx, { counts: false })).map((d) => {
    above.length = d.depth;
    const path = [...above, d.name].join(" / ");
    above.push(d.name);
    return { id: d.id, name: d.name, path };
  });
}
