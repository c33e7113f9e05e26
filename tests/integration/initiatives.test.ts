import { describe, expect, it } from "vitest";
import {
  addResult,
  createInitiative,
  getInitiative,
  listInitiatives,
  moveInitiative,
  updateInitiative,
} from "@/lib/initiatives/initiatives";
import { createInitiativeSchema, resultSchema, updateInitiativeSchema } from "@/lib/initiatives/schemas";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

async function setup() {
  const t = await createTeamWithRoles(db());
  const ctx = await ctxFor(db(), t.nurse.user.id);
  const champion = await createPerson(db(), t.team.id, { name: "出荷 課長" });
  const { id } = await createInitiative(
    ctx,
    createInitiativeSchema.parse({
      title: "朝礼5分ミニ講話",
      kind: "MINI_TALK",
      ownerIds: [t.nurse.user.id],
      championIds: [champion.id],
      indicatorName: "熱中症の件数",
      indicatorUnit: "件",
      indicatorLowerIsBetter: true,
    }),
  );
  return { ...t, ctx, id };
}
const v = async (ctx: Awaited<ReturnType<typeof setup>>["ctx"], id: string) => (await getInitiative(ctx, id)).version;

describe("initiatives", () => {
  it("moves through the stages with dates; evaluating needs results; stopping needs a reason", async () => {
    const { ctx, id } = await setup();
    const now = new Date("2026-07-01T03:00:00Z");
    await moveInitiative(ctx, { id, version: await v(ctx, id), to: "PROPOSED", reason: "" }, now);
    await moveInitiative(ctx, { id, version: await v(ctx, id), to: "PILOT", reason: "" }, now);
    expect((await getInitiative(ctx, id)).actualStartOn?.toISOString().slice(0, 10)).toBe("2026-07-01");
    await expect(moveInitiative(ctx, { id, version: await v(ctx, id), to: "ADOPTED", reason: "" }, now)).rejects.toMatchObject({
      fieldErrors: { to: ["needsResults"] },
    });
    await addResult(
      ctx,
      resultSchema.parse({
        initiativeId: id,
        runOn: "2026-07-10",
        participants: "38",
        targetHeadcount: "52",
        satisfactionMean: "4.3",
        satisfactionResponses: "30",
        indicatorBefore: "6",
        indicatorAfter: "2",
      }),
    );
    await moveInitiative(ctx, { id, version: await v(ctx, id), to: "ADOPTED", reason: "" }, new Date("2026-08-01T03:00:00Z"));
    const i = await getInitiative(ctx, id);
    expect(i.stage).toBe("ADOPTED");
    expect(i.actualEndOn?.toISOString().slice(0, 10)).toBe("2026-08-01");
    expect(i.stageChanges.map((c) => `${c.fromStage}→${c.toStage}`).sort()).toEqual([
      "IDEA→PROPOSED",
      "PILOT→ADOPTED",
      "PROPOSED→PILOT",
      "null→IDEA",
    ]);
    expect(i.results[0]).toMatchObject({
      participants: 38,
      targetHeadcount: 52,
      satisfactionMean: 4.3,
      indicatorBefore: 6,
      indicatorAfter: 2,
    });
    await expect(moveInitiative(ctx, { id, version: i.version, to: "STOPPED", reason: "" })).rejects.toMatchObject({
      fieldErrors: { reason: ["stopReasonRequired"] },
    });
    await moveInitiative(ctx, { id, version: i.version, to: "STOPPED", reason: "繁忙期と重なった" });
    await expect(moveInitiative(ctx, { id, version: await v(ctx, id), to: "PILOT", reason: "" })).rejects.toMatchObject({
      messageKey: "invalidTransition",
    });
    await moveInitiative(ctx, { id, version: await v(ctx, id), to: "IDEA", reason: "" });
  });

  it("validates results and refuses stale or foreign edits", async () => {
    const { ctx, id, nurse } = await setup();
    expect(
      resultSchema
        .safeParse({ initiativeId: id, runOn: "2026-07-10", participants: "-1", targetHeadcount: "0", satisfactionMean: "6" })
        .error?.issues.map((i) => [i.path[0], i.message]),
    ).toEqual([
      ["participants", "tooSmall"],
      ["targetHeadcount", "tooSmall"],
      ["satisfactionMean", "tooLarge"],
      ["satisfactionResponses", "responsesNeeded"],
    ]);
    expect(
      resultSchema
        .safeParse({ initiativeId: id, runOn: "2026-07-10", participants: 1, targetHeadcount: 5, satisfactionMean: 4 })
        .error?.issues.map((i) => i.message),
    ).toEqual(["responsesNeeded"]);
    await updateInitiative(
      ctx,
      updateInitiativeSchema.parse({ id, version: 1, title: "朝礼ミニ講話（改）", kind: "MINI_TALK", ownerIds: [nurse.user.id] }),
    );
    await expect(
      updateInitiative(ctx, updateInitiativeSchema.parse({ id, version: 1, title: "x", kind: "MINI_TALK", ownerIds: [nurse.user.id] })),
    ).rejects.toMatchObject({ messageKey: "staleEdit" });
    const other = await createTeamWithRoles(db());
    await expect(getInitiative(await ctxFor(db(), other.admin.user.id), id)).rejects.toMatchObject({ code: "notFound" });
    expect((await listInitiatives(ctx, { stage: "IDEA" })).map((i) => i.title)).toEqual(["朝礼ミニ講話（改）"]);
  });
});
