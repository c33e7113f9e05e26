import { describe, expect, it } from "vitest";
import { auditFilterSchema, exportAuditLog, listAuditLog } from "@/lib/audit-log/queries";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

describe("audit log", () => {
  it("filters by person, action (or family) and JST day, shows full references, and exports as CSV", async () => {
    const { team, admin, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const at = (iso: string) => new Date(iso);
    await db().auditLog.createMany({
      data: [
        {
          teamId: team.id,
          actorId: nurse.user.id,
          action: "case.read",
          entityType: "Case",
          entityId: "case-aaaaaaaa-1",
          createdAt: at("2026-11-01T15:30:00Z"),
        },
        {
          teamId: team.id,
          actorId: nurse.user.id,
          action: "case.readRefused",
          entityType: "Case",
          entityId: "case-aaaaaaaa-2",
          createdAt: at("2026-11-02T01:00:00Z"),
        },
        {
          teamId: team.id,
          actorId: admin.user.id,
          action: "report.export",
          entityType: "Report",
          entityId: "r1",
          detail: { format: "=pdf" },
          createdAt: at("2026-11-03T01:00:00Z"),
        },
      ],
    });
    const list = async (q: Record<string, string>) => (await listAuditLog(ctx, auditFilterSchema.parse(q))).rows.map((r) => r.entityId);
    expect(await list({ actor: nurse.user.id })).toEqual(["case-aaaaaaaa-2", "case-aaaaaaaa-1"]);
    expect(await list({ action: "case." })).toEqual(["case-aaaaaaaa-2", "case-aaaaaaaa-1"]);
    expect(await list({ action: "case.read" })).toEqual(["case-aaaaaaaa-1"]);
    // 2026-11-01T15:30Z is 2 Nov in Japan.
    expect(await list({ from: "2026-11-02", to: "2026-11-02" })).toEqual(["case-aaaaaaaa-2", "case-aaaaaaaa-1"]);
    const { csv, count } = await exportAuditLog(ctx, auditFilterSchema.parse({}));
    expect(count).toBe(3);
    expect(csv).toContain("case-aaaaaaaa-1");
    expect(csv).toContain('"{""format"":""=pdf""}"');
    expect(await db().auditLog.count({ where: { teamId: team.id, action: "audit.export" } })).toBe(1);
  });
});
