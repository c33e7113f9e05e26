// Disclosure (開示) of an employee's own case record, as the APPI lets him ask for it: the case, the
// consent he gave, the follow-up plan, assessments with their notes, and the touchpoints and
// requests the nurses logged on his case. The managers and HR people in them are counted, never
// named: this is his record, not theirs. Admins only, audit-logged, as JSON and as a Japanese PDF.
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { departmentLabels } from "@/lib/departments/tree";
import { openSealed } from "@/lib/crypto/sealed-text";
import { AppError } from "@/lib/errors";
import { day, iso } from "@/lib/export/disclosure-response";
import { audit } from "@/lib/audit";

export type CaseDisclosure = Awaited<ReturnType<typeof collect>>;

export async function discloseCase(ctx: TeamCtx, id: string, format: "json" | "pdf", now = new Date()) {
  requirePermission(ctx, "cases.disclose");
  const data = await collect(ctx, id, now);
  await audit(ctx.db, {
    teamId: ctx.teamId,
    actorId: ctx.userId,
    action: "case.disclose",
    entityType: "Case",
    entityId: id,
    detail: { format },
  });
  return data;
}

async function collect(ctx: TeamCtx, id: string, now: Date) {
  const { db, teamId } = ctx;
  const row = await db.case.findFirst({
    where: { id, teamId, deletedAt: null },
    select: {
      employeeCode: true,
      employeeName: true,
      kind: true,
      status: true,
      departmentId: true,
      consentAt: true,
      consentScope: true,
      consentMethod: true,
      followUpPlan: true,
      nextFollowUpOn: true,
      openedOn: true,
      closedOn: true,
      returnOn: true,
      continued3m: true,
      continued6m: true,
      withdrawnAt: true,
      keepReason: true,
      createdAt: true,
      nurses: { select: { user: { select: { name: true } } } },
      _count: { select: { keyPersons: true } },
      assessments: { orderBy: { assessedOn: "asc" }, select: { assessedOn: true, note: true, riskLevel: { select: { label: true } } } },
      touchpoints: {
        where: { deletedAt: null },
        orderBy: { occurredAt: "asc" },
        select: {
          occurredAt: true,
          type: true,
          summary: true,
          nurse: { select: { name: true } },
          _count: { select: { participants: true } },
        },
      },
      requests: {
        orderBy: { createdAt: "asc" },
        select: {
          what: true,
          doer: true,
          dueOn: true,
          benefit: true,
          reason: true,
          nurseSupport: true,
          status: true,
          createdAt: true,
          nurse: { select: { name: true } },
        },
      },
    },
  });
  if (!row) throw new AppError("notFound");
  const c = openSealed(row);
  const [team, labels] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } }),
    departmentLabels(db, teamId, c.departmentId ? [c.departmentId] : []),
  ]);
  return {
    generatedAt: iso(now)!,
    team: team.name,
    case: {
      employeeCode: c.employeeCode,
      employeeName: c.employeeName,
      kind: c.kind,
      status: c.status,
      department: c.departmentId ? (labels.get(c.departmentId) ?? "") : "",
      nurses: c.nurses.map((n) => n.user.name),
      openedOn: day(c.openedOn)!,
      closedOn: day(c.closedOn),
      returnOn: day(c.returnOn),
      continued3m: c.continued3m,
      continued6m: c.continued6m,
      followUpPlan: c.followUpPlan,
      nextFollowUpOn: day(c.nextFollowUpOn),
      withdrawnAt: iso(c.withdrawnAt),
      keepReason: c.keepReason,
      createdAt: iso(c.createdAt)!,
      // The people at his workplace who are involved: how many, not who.
      keyPersonsInvolved: c._count.keyPersons,
    },
    consent: { on: day(c.consentAt), scope: c.consentScope, method: c.consentMethod },
    assessments: c.assessments.map((a) => ({ on: day(a.assessedOn)!, level: a.riskLevel.label, note: a.note })),
    touchpoints: c.touchpoints.map((t) => ({
      at: iso(t.occurredAt)!,
      type: t.type,
      summary: t.summary,
      nurse: t.nurse.name,
      peoplePresent: t._count.participants,
    })),
    requests: c.requests.map((r) => ({
      what: r.what,
      doer: r.doer,
      dueOn: day(r.dueOn),
      benefit: r.benefit,
      reason: r.reason,
      nurseSupport: r.nurseSupport,
      status: r.status,
      createdAt: iso(r.createdAt)!,
      nurse: r.nurse.name,
    })),
  };
}
