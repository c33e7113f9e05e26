import { describe, expect, it } from "vitest";
import { getMyDay } from "@/lib/home/queries";
import { personBalance } from "@/lib/key-persons/queries";
import { createTouchpoint, deleteTouchpoint, undoLoggedTouchpoint, UNDO_LOG_MS, updateTouchpoint } from "@/lib/touchpoints/mutations";
import { balanceByNurse, giveTargets, listTouchpoints, touchpointListSchema } from "@/lib/touchpoints/queries";
import { createTouchpointSchema, updateTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createMember, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const now = new Date("2026-11-20T03:00:00Z");
const log = (input: Record<string, unknown>) => createTouchpointSchema.parse({ type: "GIVE", occurredOn: "2026-11-20", ...input });

describe("touchpoints", () => {
  it("update last contact, count in the balance, and stop counting when deleted (undo restores)", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const p = await createPerson(db(), team.id, { name: "田中", ownerId: nurse.user.id });
    const since = new Date("2026-01-01T00:00:00Z");
    await createTouchpoint(ctx, log({ type: "ASK", occurredOn: "2026-11-01", keyPersonIds: [p.id] }), now);
    const give = await createTouchpoint(ctx, log({ type: "GIVE", occurredOn: "2026-11-10", keyPersonIds: [p.id] }), now);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: p.id } })).lastContactAt?.toISOString()).toBe("2026-11-10T03:00:00.000Z");
    expect(await personBalance(ctx, p.id, since)).toMatchObject({ gives: 1, asks: 1 });

    await deleteTouchpoint(ctx, give.id);
    expect(await personBalance(ctx, p.id, since)).toMatchObject({ gives: 0, asks: 1 });
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: p.id } })).lastContactAt?.toISOString()).toBe("2026-11-01T03:00:00.000Z");
    // Her balance with him is her own records, as on her map: a colleague's give does not even it.
    const colleague = await ctxFor(db(), (await createMember(db(), team.id, "NURSE")).user.id);
    await createTouchpoint(colleague, log({ type: "GIVE", occurredOn: "2026-11-12", keyPersonIds: [p.id] }), now);
    expect((await giveTargets(ctx, now)).map((x) => x.name)).toEqual(["田中"]);

    await deleteTouchpoint(ctx, give.id, false);
    expect(await personBalance(ctx, p.id, since)).toMatchObject({ gives: 2, asks: 1 });
    expect(await giveTargets(ctx, now)).toEqual([]);
  });

  it("a THANKS clears thanks owed; logging from a follow-up completes it", async () => {
    const { team, nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const p = await createPerson(db(), team.id, { name: "佐藤", ownerId: nurse.user.id });
    await db().request.create({
      data: {
        teamId: team.id,
        keyPersonId: p.id,
        nurseId: nurse.user.id,
        what: "面談後の5分",
        status: "ACCEPTED",
        respondedAt: new Date("2026-11-05T00:00:00Z"),
      },
    });
    const withFollowUp = await createTouchpoint(
      ctx,
      log({ type: "LISTENING", occurredOn: "2026-11-06", keyPersonIds: [p.id], followUpDueOn: "2026-11-18" }),
      now,
    );
    let day = await getMyDay(ctx, now);
    expect(day.thanksOwed.map((r) => r.what)).toEqual(["面談後の5分"]);
    expect(day.followUps.map((f) => [f.id, f.overdue])).toEqual([[withFollowUp.id, true]]);

    await createTouchpoint(ctx, log({ type: "THANKS", keyPersonIds: [p.id], clearsFollowUpId: withFollowUp.id }), now);
    day = await getMyDay(ctx, now);
    expect(day.thanksOwed).toEqual([]);
    expect(day.followUps).toEqual([]);
  });

  it("undoing a log (the toast after 記録する) takes back the record and what it did", async () => {
    const { team, nurse, mentor } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const p = await createPerson(db(), team.id, { name: "山本", ownerId: nurse.user.id });
    await db().request.create({
      data: {
        teamId: team.id,
        keyPersonId: p.id,
        nurseId: nurse.user.id,
        what: "朝礼で5分",
        status: "ACCEPTED",
        respondedAt: new Date("2026-11-05T00:00:00Z"),
      },
    });
    const withFollowUp = await createTouchpoint(
      ctx,
      log({ type: "LISTENING", occurredOn: "2026-11-06", keyPersonIds: [p.id], followUpDueOn: "2026-11-18" }),
      now,
    );
    const thanks = await createTouchpoint(ctx, log({ type: "THANKS", keyPersonIds: [p.id], clearsFollowUpId: withFollowUp.id }), now);
    expect((await getMyDay(ctx, now)).thanksOwed).toEqual([]);

    await expect(undoLoggedTouchpoint(await ctxFor(db(), mentor.user.id), thanks.id)).rejects.toMatchObject({ code: "forbidden" });
    const otherTeam = await createTeamWithRoles(db());
    await expect(undoLoggedTouchpoint(await ctxFor(db(), otherTeam.admin.user.id), thanks.id)).rejects.toMatchObject({ code: "notFound" });
    await expect(undoLoggedTouchpoint(ctx, thanks.id, new Date(Date.now() + UNDO_LOG_MS + 60_000))).rejects.toMatchObject({
      messageKey: "undoExpired",
    });
    await undoLoggedTouchpoint(ctx, thanks.id);
    const day = await getMyDay(ctx, now);
    expect(day.thanksOwed.map((r) => r.what)).toEqual(["朝礼で5分"]);
    expect(day.followUps.map((f) => f.id)).toEqual([withFollowUp.id]);
    expect(await db().touchpoint.count({ where: { id: thanks.id } })).toBe(0);
    expect((await db().keyPerson.findUniqueOrThrow({ where: { id: p.id } })).lastContactAt?.toISOString()).toBe("2026-11-06T03:00:00.000Z");
    await expect(undoLoggedTouchpoint(ctx, thanks.id)).rejects.toMatchObject({ code: "notFound" });
  });

  it("only the author or an admin can edit or delete; versions catch stale edits", async () => {
    const { team, nurse, mentor, admin } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const p = await createPerson(db(), team.id, { name: "高橋" });
    const tp = await createTouchpoint(ctx, log({ keyPersonIds: [p.id], summary: "資料作りを手伝った" }), now);
    await expect(deleteTouchpoint(await ctxFor(db(), mentor.user.id), tp.id)).rejects.toMatchObject({ code: "forbidden" });
    await updateTouchpoint(
      await ctxFor(db(), admin.user.id),
      updateTouchpointSchema.parse({
        id: tp.id,
        version: 1,
        type: "GIVE",
        occurredOn: "2026-11-19",
        keyPersonIds: [p.id],
        summary: "修正",
      }),
      now,
    );
    await expect(
      updateTouchpoint(
        ctx,
        updateTouchpointSchema.parse({ id: tp.id, version: 1, type: "ASK", occurredOn: "2026-11-19", keyPersonIds: [p.id] }),
        now,
      ),
    ).rejects.toMatchObject({ messageKey: "staleEdit" });
  });

  it("refuses people of another team and cases the nurse is not on", async () => {
    const a = await createTeamWithRoles(db());
    const b = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), a.nurse.user.id);
    const foreign = await createPerson(db(), b.team.id, { name: "他チーム" });
    await expect(createTouchpoint(ctx, log({ keyPersonIds: [foreign.id] }), now)).rejects.toMatchObject({
      fieldErrors: { keyPersonIds: ["notFound"] },
    });
    const own = await createPerson(db(), a.team.id, { name: "自チーム" });
    const c = await db().case.create({
      data: {
        teamId: a.team.id,
        employeeCode: "E1",
        kind: "OTHER",
        openedOn: new Date("2026-11-01"),
        nurses: { create: [{ userId: a.mentor.user.id, teamId: a.team.id }] },
      },
    });
    await expect(createTouchpoint(ctx, log({ keyPersonIds: [own.id], caseId: c.id }), now)).rejects.toMatchObject({
      fieldErrors: { caseId: ["notFound"] },
    });
    await expect(createTouchpoint(ctx, log({ keyPersonIds: [own.id], occurredOn: "2027-01-01" }), now)).rejects.toMatchObject({
      fieldErrors: { occurredOn: ["inFuture"] },
    });
  });

  it("lists the log over N JST days with a total that matches its rows, filtered or not", async () => {
    const { team, nurse, mentor } = await createTeamWithRoles(db());
    const p = await createPerson(db(), team.id, { name: "小林" });
    const n = await ctxFor(db(), nurse.user.id);
    const m = await ctxFor(db(), mentor.user.id);
    await createTouchpoint(n, log({ type: "GIVE", keyPersonIds: [p.id] }), now);
    await createTouchpoint(n, log({ type: "ASK", occurredOn: "2026-11-19", keyPersonIds: [p.id] }), now);
    await createTouchpoint(m, log({ type: "GIVE", keyPersonIds: [p.id] }), now);
    // 90 JST days, today included: 8/23 is in, 8/22 (noon JST, less than 90×24 hours ago) is out.
    await createTouchpoint(m, log({ type: "THANKS", occurredOn: "2026-08-23", keyPersonIds: [p.id] }), now);
    await createTouchpoint(m, log({ type: "GIVE", occurredOn: "2026-08-22", keyPersonIds: [p.id] }), now);
    await deleteTouchpoint(m, (await createTouchpoint(m, log({ type: "GIVE", keyPersonIds: [p.id] }), now)).id);
    const list = (query: Record<string, string> = {}) => listTouchpoints(n, touchpointListSchema.parse(query), now);

    const all = await list();
    expect(all.rows.map((r) => r.type)).toEqual(["GIVE", "GIVE", "ASK", "THANKS"]);
    expect(all).toMatchObject({ total: 4, pages: 1 });
    expect(await list({ type: "GIVE" })).toMatchObject({ total: 2, rows: [{ type: "GIVE" }, { type: "GIVE" }] });
    const hers = await list({ nurseId: nurse.user.id });
    expect(hers.total).toBe(hers.rows.length);
    expect(hers.total).toBe(2);
    expect(await list({ days: "1" })).toMatchObject({ total: 2 });
    // Ten to a page: the total counts every page, the rows are the page asked for.
    for (let i = 0; i < 9; i++) await createTouchpoint(n, log({ type: "GIVE", occurredOn: "2026-11-18", keyPersonIds: [p.id] }), now);
    expect(await list({ pageSize: "10" })).toMatchObject({ total: 13, pages: 2 });
    expect((await list({ pageSize: "10", page: "2" })).rows).toHaveLength(3);
  });

  it("counts gives and asks per nurse over a period", async () => {
    const { team, nurse, mentor } = await createTeamWithRoles(db());
    const p = await createPerson(db(), team.id, { name: "渡辺" });
    const n = await ctxFor(db(), nurse.user.id);
    const m = await ctxFor(db(), mentor.user.id);
    await createTouchpoint(n, log({ type: "ASK", keyPersonIds: [p.id] }), now);
    await createTouchpoint(n, log({ type: "ASK", keyPersonIds: [p.id] }), now);
    await createTouchpoint(m, log({ type: "GIVE", keyPersonIds: [p.id] }), now);
    await createTouchpoint(m, log({ type: "GIVE", occurredOn: "2026-01-05", keyPersonIds: [p.id] }), now);
    // 90 JST days, today included: 8/23 is in, 8/22 is out; a deleted give is not counted.
    await createTouchpoint(m, log({ type: "GIVE", occurredOn: "2026-08-23", keyPersonIds: [p.id] }), now);
    await createTouchpoint(m, log({ type: "GIVE", occurredOn: "2026-08-22", keyPersonIds: [p.id] }), now);
    await deleteTouchpoint(m, (await createTouchpoint(m, log({ type: "GIVE", keyPersonIds: [p.id] }), now)).id);
    const rows = await balanceByNurse(n, 90, now);
    expect(rows.find((r) => r.nurseId === nurse.user.id)).toMatchObject({ gives: 0, asks: 2 });
    expect(rows.find((r) => r.nurseId === mentor.user.id)).toMatchObject({ gives: 2, asks: 0 });
    // A touchpoint written down under the wrong nurse and moved to hers moves in the balance too.
    const moved = await createTouchpoint(m, log({ type: "ASK", keyPersonIds: [p.id] }), now);
    await db().touchpoint.update({ where: { id: moved.id }, data: { nurseId: nurse.user.id } });
    expect((await balanceByNurse(n, 90, now)).find((r) => r.nurseId === nurse.user.id)).toMatchObject({ gives: 0, asks: 3 });
    expect((await getMyDay(n, now)).balance.asksMore).toBe(true);
  });
});
