// A case's end of life: consent withdrawn (kept read-only, out of lists and dashboards), erased for
// good (on the employee's request, or by the retention purge). Each is audit-logged with who, when, why and counts, never with what the case held.
import { z } from "zod";
import type { TeamCtx } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/context";
import { openText } from "@/lib/crypto/sealed-text";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ERASE_REASONS } from "@/lib/key-persons/erase-reasons";
import { releaseGives } from "@/lib/requests/commitments";
import { refreshLastContact } from "@/lib/touchpoints/mutations";
import { KEEP_REASONS } from "@/lib/retention/reasons";
import { versionField } from "@/lib/zod-helpers";
import { readableCases } from "./access";
import { audit } from "@/lib/audit";

type Tx = Prisma.TransactionClient;
type Db = Tx | TeamCtx["db"];

export const withdrawSchema = z.object({
  id: z.string().min(1).max(64),
  version: versionField,
  keepReason: z.enum(KEEP_REASONS, { message: "invalidChoice" }),
});

export const eraseCaseSchema = z.object({
  id: z.string().min(1).max(64),
  version: versionField,
  reason: z.enum(ERASE_REASONS, { message: "invalidChoice" }),
  // The employee code typed again: an erasure is not a mis-tap.
  confirmCode: z.string().trim().min(1, "required").max(50),
});

/**
 * Consent withdrawn: from now on nothing new is recorded on the case and it leaves lists and
 * dashboards; what must be kept stays, read-only, with the reason, until its retention ends.
 * Re-consent is a new case.
 */
export async function withdrawConsent(ctx: TeamCtx, input: z.infer<typeof withdrawSchema>, now = new Date()) {
  const c = await ctx.db.case.findFirst({ where: { id: input.id, ...readableCases(ctx) }, select: { withdrawnAt: true, version: true } });
  if (!c) throw new AppError("notFound");
  if (c.withdrawnAt) throw new AppError("conflict", "alreadyWithdrawn");
  await ctx.db.$transaction(async (tx) => {
    const res = await tx.case.updateMany({
      where: { id: input.id, teamId: ctx.teamId, version: input.version, withdrawnAt: null },
      data: { withdrawnAt: now, keepReason: input.keepReason, nextFollowUpOn: null, version: { increment: 1 } },
    });
    if (res.count !== 1) throw new AppError("conflict", "staleEdit");
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "case.withdraw",
      entityType: "Case",
      entityId: input.id,
      detail: { keepReason: input.keepReason },
    });
  });
}

/** What erasing the case would remove, as counts for the confirmation (admins). */
export async function eraseCasePreview(ctx: TeamCtx, id: string) {
  requirePermission(ctx, "cases.erase");
  const c = await ctx.db.case.findFirst({
    where: { id, teamId: ctx.teamId },
    select: { id: true, employeeCode: true, kind: true, version: true, legalHold: true },
  });
  if (!c) throw new AppError("notFound");
  return { case: { ...c, employeeCode: openText(c.employeeCode) }, counts: await caseCounts(ctx.db, ctx.teamId, id) };
}

export type CaseCounts = Awaited<ReturnType<typeof caseCounts>>;

async function caseCounts(db: Db, teamId: string, id: string) {
  const on = { teamId, caseId: id };
  const [assessments, touchpoints, requests, keyPersons, nurses] = await Promise.all([
    db.caseAssessment.count({ where: on }),
    db.touchpoint.count({ where: on }),
    db.request.count({ where: on }),
    db.caseKeyPerson.count({ where: on }),
    db.caseNurse.count({ where: on }),
  ]);
  return { assessments, touchpoints, requests, keyPersons, nurses };
}

/**
 * Removes one case and everything recorded on it: its assessments, the touchpoints and requests
 * logged on it (their summaries are about the employee), its nurse and key-person links. Runs inside
 * the caller's transaction; shared by erasure on request and the retention purge.
 */
export async function eraseCaseRecords(tx: Tx, teamId: string, id: string): Promise<CaseCounts> {
  const counted = await caseCounts(tx, teamId, id);
  const touchpoints = (await tx.touchpoint.findMany({ where: { teamId, caseId: id }, select: { id: true } })).map((t) => t.id);
  const people = (
    await tx.touchpointParticipant.findMany({
      where: { teamId, touchpointId: { in: touchpoints } },
      select: { keyPersonId: true },
      distinct: ["keyPersonId"],
    })
  ).map((p) => p.keyPersonId);
  await releaseGives(tx, teamId, touchpoints);
  await tx.reviewAction.updateMany({ where: { teamId, doneTouchpointId: { in: touchpoints } }, data: { doneTouchpointId: null } });
  await tx.touchpoint.deleteMany({ where: { teamId, id: { in: touchpoints } } });
  const requests = (await tx.request.findMany({ where: { teamId, caseId: id }, select: { id: true } })).map((r) => r.id);
  await tx.touchpoint.updateMany({ where: { teamId, requestId: { in: requests } }, data: { requestId: null } });
  await tx.request.deleteMany({ where: { teamId, id: { in: requests } } });
  // Assessments, nurse and key-person links go with the case (cascade).
  await tx.case.delete({ where: { id } });
  await refreshLastContact(tx, teamId, people);
  return counted;
}

/** Erases a case on request (admins): one transaction, an audit entry with why and counts only. */
export async function eraseCase(ctx: TeamCtx, input: z.infer<typeof eraseCaseSchema>) {
  requirePermission(ctx, "cases.erase");
  return ctx.db.$transaction(async (tx) => {
    const c = await tx.case.findFirst({
      where: { id: input.id, teamId: ctx.teamId },
      select: { employeeCode: true, version: true, legalHold: true },
    });
    if (!c) throw new AppError("notFound");
    if (c.version !== input.version) throw new AppError("conflict", "staleEdit");
    if (c.legalHold) throw new AppError("conflict", "underLegalHold");
    const fold = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
    if (fold(input.confirmCode) !== fold(openText(c.employeeCode)))
      throw new AppError("validation", "validation", { confirmCode: ["codeMismatch"] });
    const counted = await eraseCaseRecords(tx, ctx.teamId, input.id);
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "case.erase",
      entityType: "Case",
      entityId: input.id,
      detail: { reason: input.reason, ...counted },
    });
    return counted;
  });
}
