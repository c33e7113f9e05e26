// The audit log: who did what to which record, when. Written in the same transaction as the change.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Db, "auditLog">;

export interface AuditEntry {
  teamId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** The one way entries are written, cases included. */
export async function audit(db: Tx, entry: AuditEntry) {
  await db.auditLog.create({ data: { ...entry, entityId: entry.entityId ?? null } });
}

/**
 * An event on a person's own account (password, second factor, sign-in lock): one entry in each team
 * she is an active member of, since the audit log is per team. `actorId` defaults to her.
 */
export async function auditAccount(
  db: Pick<Db, "auditLog" | "membership">,
  userId: string,
  action: string,
  options: { actorId?: string | null; detail?: Prisma.InputJsonValue } = {},
) {
  const teams = await db.membership.findMany({ where: { userId, status: "ACTIVE" }, select: { teamId: true } });
  const actorId = options.actorId === undefined ? userId : options.actorId;
  for (const { teamId } of teams)
    await audit(db, { teamId, actorId, action, entityType: "User", entityId: userId, detail: options.detail });
}
