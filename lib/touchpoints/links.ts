// What a touchpoint may link to: the cases this user can read (codes only) and the team's initiatives.
import type { TeamCtx } from "@/lib/auth/context";
import { writableCases } from "@/lib/cases/access";
import { openText } from "@/lib/crypto/sealed-text";

export async function linkOptions(ctx: TeamCtx) {
  const [cases, initiatives] = await Promise.all([
    ctx.db.case.findMany({
      where: { ...writableCases(ctx), status: { not: "CLOSED" } },
      orderBy: { openedOn: "desc" },
      take: 100,
      select: { id: true, employeeCode: true },
    }),
    ctx.db.initiative.findMany({
      where: { teamId: ctx.teamId, stage: { notIn: ["STOPPED"] } },
      orderBy: { updatedAt: "desc" },
      take: 100,
      select: { id: true, title: true },
    }),
  ]);
  return {
    cases: cases.map((c) => ({ id: c.id, label: openText(c.employeeCode) })),
    initiatives: initiatives.map((i) => ({ id: i.id, label: i.title })),
  };
}
