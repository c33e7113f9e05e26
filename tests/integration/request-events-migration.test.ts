// The migration that moved request status changes out of the touchpoint log: run it on data the
// previous version wrote (one touchpoint per status change) and check what a nurse would see.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrate, migrationsDir } from "@/lib/db/migrate";
import { createTestDatabase } from "../support/db";

const MIGRATION = "20261124070000_request_events";
let current: { handle: DbHandle; drop: () => Promise<void> } | undefined;
let dir: string | undefined;
afterAll(async () => {
  await current?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it("turns transition touchpoints into request events, keeps one ask per request and nurse-logged check-ins", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ally-migrations-"));
    for (const name of await readdir(migrationsDir())) {
      if (name < MIGRATION) await cp(path.join(migrationsDir(), name), path.join(dir, name), { recursive: true });
    }
    current = await createTestDatabase(dir);
    const db = current.handle.db;
    // Rows are written in SQL: today's client would also write (and read back) columns added later.
    const team = { id: randomUUID() };
    const nurse = { user: { id: randomUUID() } };
    await db.$executeRaw`INSERT INTO "Team" (id, name, "updatedAt") VALUES (${team.id}, 'Team', now())`;
    await db.$executeRaw`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES (${nurse.user.id}, 'nurse@test.example', 'Nurse', 'x', now())`;
    await db.$executeRaw`INSERT INTO "Membership" (id, "teamId", "userId", role) VALUES (${randomUUID()}, ${team.id}, ${nurse.user.id}, 'NURSE')`;
    const person = { id: randomUUID() };
    await db.$executeRaw`INSERT INTO "KeyPerson" (id, "teamId", name, kind, "ownerId", "updatedAt") VALUES (${person.id}, ${team.id}, '製造 課長', 'LINE_MANAGER', ${nurse.user.id}, now())`;
    const at = (d: string) => new Date(`2026-11-${d}T01:00:00Z`);
    const what = "面談後に5分だけお時間をいただく";
    const fallback = "メールで3行の要約をお送りする";
    const request = { id: randomUUID() };
    await db.$executeRaw`INSERT INTO "Request" (id, "teamId", "keyPersonId", "nurseId", what, "fallbackWhat", frequency, status, "sentAt", "respondedAt", "updatedAt")
      VALUES (${request.id}, ${team.id}, ${person.id}, ${nurse.user.id}, ${what}, ${fallback}, 'WEEKLY', 'FALLBACK_ACCEPTED', ${at("05")}, ${at("07")}, now())`;
    // Written as the previous version's tables were (no columns this migration adds).
    const tp = async (type: "ASK" | "OTHER" | "LISTENING", summary: string, day: string, extra: { followUpDueOn?: Date } = {}) => {
      const id = randomUUID();
      await db.$executeRaw`INSERT INTO "Touchpoint" (id, "teamId", type, "occurredAt", "nurseId", summary, "requestId", "followUpDueOn", "updatedAt")
        VALUES (${id}, ${team.id}, ${type}::"TouchpointType", ${at(day)}, ${nurse.user.id}, ${summary}, ${request.id}, ${extra.followUpDueOn ?? null}, now())`;
      await db.$executeRaw`INSERT INTO "TouchpointParticipant" ("touchpointId", "keyPersonId", "teamId", type, "occurredAt")
        VALUES (${id}, ${person.id}, ${team.id}, ${type}::"TouchpointType", ${at(day)})`;
      return { id };
    };
    const sent = await tp("ASK", `依頼：${what}`, "03");
    await tp("OTHER", `依頼は見送りとなった：${what}`, "04");
    await tp("ASK", `代案を依頼：${fallback}`, "05");
    await tp("OTHER", `代案を承諾いただいた：${fallback}`, "07", { followUpDueOn: new Date("2026-11-14T00:00:00Z") });
    const checkIn = await tp("LISTENING", "週1回の様子共有。順調とのこと", "02");
    // An answered request from before any transition was logged as a touchpoint.
    const old = { id: randomUUID() };
    await db.$executeRaw`INSERT INTO "Request" (id, "teamId", "keyPersonId", "nurseId", what, status, "sentAt", "respondedAt", "updatedAt")
      VALUES (${old.id}, ${team.id}, ${person.id}, ${nurse.user.id}, '昔の依頼', 'ACCEPTED', ${at("01")}, ${at("02")}, now())`;
    await db.$executeRaw`UPDATE "KeyPerson" SET "lastContactAt" = ${at("07")} WHERE id = ${person.id}`;

    const raw = await current.handle.openRaw();
    expect(await migrate(raw)).toContain(MIGRATION);
    if (current.handle.kind === "postgres") await raw.close();

    const events = await db.requestEvent.findMany({
      where: { requestId: request.id },
      orderBy: { at: "asc" },
      select: { status: true, at: true },
    });
    expect(events.map((e) => e.status)).toEqual(["SENT", "DECLINED", "FALLBACK_SENT", "FALLBACK_ACCEPTED"]);
    expect(events[1].at).toEqual(at("04"));
    const left = await db.touchpoint.findMany({
      where: { requestId: request.id },
      orderBy: { occurredAt: "asc" },
      select: { id: true, type: true, followUpDueOn: true },
    });
    expect(left.map((t) => t.id)).toEqual([checkIn.id, sent.id]);
    // The agreement's booked check-in moved onto the ask.
    expect(left[1].followUpDueOn?.toISOString().slice(0, 10)).toBe("2026-11-14");
    expect((await db.keyPerson.findUniqueOrThrow({ where: { id: person.id }, select: { lastContactAt: true } })).lastContactAt).toEqual(
      at("03"),
    );
    const daily = await db.touchpointDaily.findMany({ where: { teamId: team.id, type: "OTHER" } });
    expect(daily.reduce((n, d) => n + d.n, 0)).toBe(0);
    expect((await db.requestEvent.findMany({ where: { requestId: old.id }, orderBy: { at: "asc" } })).map((e) => e.status)).toEqual([
      "SENT",
      "ACCEPTED",
    ]);
  });
});
