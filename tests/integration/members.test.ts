import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadTeamContext } from "@/lib/auth/context";
import { runAction } from "@/lib/auth/wrappers";
import { assignMentor, changeRole, getMember, listMembers, setMemberActive, updateTeamSettings } from "@/lib/team/members";
import { changeRoleSchema, teamSettingsSchema } from "@/lib/team/schemas";
import { setupTestDatabase } from "../support/db";
import { createMember, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

describe("the last admin rule", () => {
  it("a sole admin cannot demote or deactivate themselves", async () => {
    const { admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    await expect(changeRole(ctx, { membershipId: admin.membership.id, role: "NURSE", version: 1 })).rejects.toMatchObject({
      messageKey: "lastAdmin",
    });
    await expect(setMemberActive(ctx, admin.membership.id, false)).rejects.toMatchObject({ messageKey: "lastAdmin" });
    const after = await db().membership.findUniqueOrThrow({ where: { id: admin.membership.id } });
    expect(after).toMatchObject({ role: "ADMIN", status: "ACTIVE" });
    expect(await db().auditLog.count({ where: { teamId: ctx.teamId } })).toBe(0);
  });

  it("with a second admin, one may step down, and it is audit-logged", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    const second = await createMember(db(), team.id, "ADMIN");
    const ctx = await ctxFor(db(), admin.user.id);
    await changeRole(ctx, { membershipId: admin.membership.id, role: "MENTOR", version: 1 });
    expect((await db().membership.findUniqueOrThrow({ where: { id: admin.membership.id } })).role).toBe("MENTOR");
    const log = await db().auditLog.findFirstOrThrow({ where: { teamId: team.id, action: "member.role" } });
    expect(log).toMatchObject({ actorId: admin.user.id, entityId: admin.membership.id, detail: { from: "ADMIN", to: "MENTOR" } });
    // Now the second admin is the last one.
    const ctx2 = await ctxFor(db(), second.user.id);
    await expect(setMemberActive(ctx2, second.membership.id, false)).rejects.toMatchObject({ messageKey: "lastAdmin" });
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const { team, admin } = await createTeamWithRoles(db());
    const second = await createMember(db(), team.id, "ADMIN");
    const [c1, c2] = [await ctxFor(db(), admin.user.id), await ctxFor(db(), second.user.id)];
    const results = await Promise.allSettled([
      changeRole(c1, { membershipId: second.membership.id, role: "NURSE", version: 1 }),
      changeRole(c2, { membershipId: admin.membership.id, role: "NURSE", version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { teamId: team.id, role: "ADMIN", status: "ACTIVE" } })).toBe(1);
  });

  it("refuses a role change made on a stale version", async () => {
    const { admin, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    await changeRole(ctx, { membershipId: nurse.membership.id, role: "MENTOR", version: 1 });
    await expect(changeRole(ctx, { membershipId: nurse.membership.id, role: "ADMIN", version: 1 })).rejects.toMatchObject({
      messageKey: "staleEdit",
    });
  });

  it("deactivation keeps the member's records and ends access; reactivation restores it", async () => {
    const { admin, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    await setMemberActive(ctx, nurse.membership.id, false);
    expect(await db().user.count({ where: { id: nurse.user.id } })).toBe(1);
    await expect(ctxFor(db(), nurse.user.id)).rejects.toThrow();
    await setMemberActive(ctx, nurse.membership.id, true);
    expect((await ctxFor(db(), nurse.user.id)).role).toBe("NURSE");
  });
});

describe("team isolation", () => {
  it("another team's member is not found, and cannot be changed", async () => {
    const a = await createTeamWithRoles(db());
    const b = await createTeamWithRoles(db());
    const ctxA = await ctxFor(db(), a.admin.user.id);
    expect(await getMember(ctxA, b.nurse.membership.id)).toBeNull();
    expect(await getMember(ctxA, a.nurse.membership.id)).not.toBeNull();
    await expect(changeRole(ctxA, { membershipId: b.nurse.membership.id, role: "ADMIN", version: 1 })).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(setMemberActive(ctxA, b.admin.membership.id, false)).rejects.toMatchObject({ code: "notFound" });
    await expect(assignMentor(ctxA, { menteeId: b.nurse.user.id, mentorId: a.mentor.user.id })).rejects.toMatchObject({ code: "notFound" });
    const listed = (await listMembers(ctxA)).map((m) => m.id);
    expect(listed).toHaveLength(3);
    expect(listed).not.toContain(b.nurse.membership.id);
  });

  it("a preferred team the user does not belong to falls back to their own", async () => {
    const a = await createTeamWithRoles(db());
    const b = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), a.nurse.user.id, b.team.id);
    expect(ctx.teamId).toBe(a.team.id);
  });
});

describe("mentors", () => {
  it("assigns a mentor to a mentee, and only mentors or admins can be one", async () => {
    const { admin, mentor, nurse, team } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    await assignMentor(ctx, { menteeId: nurse.user.id, mentorId: mentor.user.id });
    expect((await getMember(ctx, nurse.membership.id))?.mentor?.id).toBe(mentor.user.id);
    expect((await getMember(ctx, mentor.membership.id))?.mentees.map((m) => m.id)).toEqual([nurse.user.id]);
    const other = await createMember(db(), team.id, "NURSE");
    await expect(assignMentor(ctx, { menteeId: other.user.id, mentorId: nurse.user.id })).rejects.toMatchObject({
      messageKey: "mentorRole",
    });
    await expect(assignMentor(ctx, { menteeId: mentor.user.id, mentorId: mentor.user.id })).rejects.toMatchObject({
      messageKey: "mentorSelf",
    });
    // Demoting the mentor to nurse ends the assignment.
    await changeRole(ctx, { membershipId: mentor.membership.id, role: "NURSE", version: 1 });
    expect((await getMember(ctx, nurse.membership.id))?.mentor).toBeNull();
  });
});

describe("action wrapper", () => {
  it("answers unauthorized without a session, forbidden without the permission, field errors for bad input", async () => {
    const { admin, nurse } = await createTeamWithRoles(db());
    const fn = async () => "done";
    expect(await runAction(null, "members.manage", changeRoleSchema, {}, fn)).toEqual({ ok: false, error: "unauthorized" });
    const nurseCtx = await ctxFor(db(), nurse.user.id);
    expect(await runAction(nurseCtx, "members.manage", changeRoleSchema, { membershipId: "x", role: "ADMIN", version: 1 }, fn)).toEqual({
      ok: false,
      error: "forbidden",
    });
    const adminCtx = await ctxFor(db(), admin.user.id);
    const bad = await runAction(
      adminCtx,
      "settings.manage",
      teamSettingsSchema,
      { name: "", noContactDays: "abc", minGroupSize: 2, caseNamesOn: false },
      fn,
    );
    expect(bad).toEqual({
      ok: false,
      error: "validation",
      fieldErrors: { name: ["required"], noContactDays: ["notANumber"], minGroupSize: ["tooSmall"] },
    });
    expect(await runAction(adminCtx, "members.manage", changeRoleSchema, { membershipId: "x", role: "ADMIN", version: 1 }, fn)).toEqual({
      ok: true,
      data: "done",
    });
  });

  it("saves team settings through the wrapper for an admin", async () => {
    const { admin, team } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const res = await runAction(
      ctx,
      "settings.manage",
      teamSettingsSchema,
      { name: "新チーム", noContactDays: "45", minGroupSize: "10", caseNamesOn: false },
      async (c, input) => updateTeamSettings(c, input),
    );
    expect(res.ok).toBe(true);
    expect(await db().team.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: "新チーム", noContactDays: 45 });
  });
});

describe("address allowlist", () => {
  it("closes the team to other addresses, and refuses a list that would shut out the admin saving it", async () => {
    const { team, admin, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), admin.user.id);
    const base = { name: "チーム", noContactDays: 60, minGroupSize: 10, caseNamesOn: false, requireTwoFactor: false };
    expect(teamSettingsSchema.safeParse({ ...base, ipAllowlist: "203.0.113.0/24\nnot-a-range" }).success).toBe(false);
    const input = teamSettingsSchema.parse({ ...base, ipAllowlist: "203.0.113.0/24, 2001:db8::/32" });
    await expect(updateTeamSettings(ctx, input, "198.51.100.9")).rejects.toMatchObject({
      fieldErrors: { ipAllowlist: ["allowlistExcludesYou"] },
    });
    await updateTeamSettings(ctx, input, "203.0.113.10");
    expect((await db().team.findUniqueOrThrow({ where: { id: team.id } })).ipAllowlist).toEqual(["203.0.113.0/24", "2001:db8::/32"]);

    const inside = await loadTeamContext(db(), nurse.user.id, team.id, "203.0.113.77");
    const outside = await loadTeamContext(db(), nurse.user.id, team.id, "198.51.100.9");
    const unknown = await loadTeamContext(db(), nurse.user.id, team.id, null);
    const notChecked = await loadTeamContext(db(), nurse.user.id, team.id);
    expect([inside?.addressRefused, outside?.addressRefused, unknown?.addressRefused, notChecked?.addressRefused]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(await runAction(outside, "home.read", z.object({}), {}, async () => "in")).toMatchObject({ ok: false, error: "addressRefused" });
    expect(await runAction(inside, "home.read", z.object({}), {}, async () => "in")).toEqual({ ok: true, data: "in" });
  });
});
