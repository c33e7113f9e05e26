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

export async function audit(db: Tx, entry: AuditEntry) {
  await db.auditLog.create({ data: { ...entry, entityId: entry.entityId ?? null } });
}
