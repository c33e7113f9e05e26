import { describe, expect, it } from "vitest";
import { updateTeamSettings } from "@/lib/team/members";
import { teamSettingsSchema } from "@/lib/team/schemas";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const base = { name: "チーム", noContactDays: 60, caseNamesOn: false, requireTwoFactor: false, ipAllowlist: "" };

describe("the minimum group size", () => {
  it("defaults to 10; lowering it records the 衛生委員会 decision (date and minute reference), audit-logged", async () => {
    const t = await createTeamWithRoles(db());
    expect(t.team.minGroupSize).toBe(10);
    const admin = await ctxFor(db(), t.admin.user.id);
    // Without the decision the lower size is refused, field by field.
    await expect(updateTeamSettings(admin, teamSettingsSchema.parse({ ...base, minGroupSize: 7 }))).rejects.toMatchObject({
      fieldErrors: { committeeOn: ["committeeRequired"], committeeMinuteRef: ["committeeRequired"] },
    });
    expect((await db().team.findUniqueOrThrow({ where: { id: t.team.id } })).minGroupSize).toBe(10);

    await updateTeamSettings(
      admin,
      teamSettingsSchema.parse({ ...base, minGroupSize: 7, committeeOn: "2026-11-12", committeeMinuteRef: "第8回衛生委員会 議事録 議題3" }),
    );
    const team = await db().team.findUniqueOrThrow({ where: { id: t.team.id } });
    expect(team).toMatchObject({ minGroupSize: 7, minGroupMinuteRef: "第8回衛生委員会 議事録 議題3" });
    expect(team.minGroupDecidedOn?.toISOString().slice(0, 10)).toBe("2026-11-12");
    expect(await db().auditLog.findFirst({ where: { teamId: t.team.id, action: "team.minGroupSize" } })).toMatchObject({
      actorId: admin.userId,
      detail: { from: 10, to: 7, decidedOn: "2026-11-12", minuteRef: "第8回衛生委員会 議事録 議題3" },
    });
    // Saving other settings later keeps the size and its record without asking again.
    await updateTeamSettings(
      await ctxFor(db(), t.admin.user.id),
      teamSettingsSchema.parse({ ...base, name: "新しい名前", minGroupSize: 7 }),
    );
    expect(await db().team.findUniqueOrThrow({ where: { id: t.team.id } })).toMatchObject({
      minGroupSize: 7,
      minGroupMinuteRef: "第8回衛生委員会 議事録 議題3",
    });
    // Back to 10 or more needs no decision, and the record goes.
    await updateTeamSettings(await ctxFor(db(), t.admin.user.id), teamSettingsSchema.parse({ ...base, minGroupSize: 12 }));
    expect(await db().team.findUniqueOrThrow({ where: { id: t.team.id } })).toMatchObject({
      minGroupSize: 12,
      minGroupMinuteRef: null,
      minGroupDecidedOn: null,
    });
    // Never below the floor of 5.
    expect(teamSettingsSchema.safeParse({ ...base, minGroupSize: 4 }).success).toBe(false);
  });
});
