// The map's gives and asks per person are the scope nurse's own, read from the participant rows
// alone: the database copies the touchpoint's nurse onto each row and follows a change of hands.
import { describe, expect, it } from "vitest";
import { loadMap } from "@/lib/map/queries";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createMember, createPerson, createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();
const NOW = new Date("2026-11-20T03:00:00Z");
const touch = (keyPersonIds: string[], type: "GIVE" | "ASK") =>
  createTouchpointSchema.parse({ type, occurredOn: "2026-11-10", keyPersonIds, summary: "" });

describe("the map's balance per person", () => {
  it("counts only the scope nurse's touchpoints, and follows a touchpoint handed to another nurse", async () => {
    const t = await createTeamWithRoles(db());
    const other = await createMember(db(), t.team.id, "NURSE", { name: "Other" });
    const mine = await ctxFor(db(), t.nurse.user.id);
    const theirs = await ctxFor(db(), other.user.id);
    const person = await createPerson(db(), t.team.id, { name: "課長", ownerId: t.nurse.user.id });

    const give = await createTouchpoint(mine, touch([person.id], "GIVE"));
    await createTouchpoint(theirs, touch([person.id], "ASK"));
    const rows = await db().touchpointParticipant.findMany({ where: { keyPersonId: person.id }, orderBy: { type: "asc" } });
    expect(rows.map((r) => [r.type, r.nurseId])).toEqual([
      ["GIVE", t.nurse.user.id],
      ["ASK", other.user.id],
    ]);

    const balance = async (ctx: typeof mine) => {
      const map = await loadMap(ctx, { kind: "team" }, NOW);
      const p = map.people.find((x) => x.id === person.id)!;
      return { gives: p.gives, asks: p.asks };
    };
    expect(await balance(mine)).toEqual({ gives: 1, asks: 0 });
    expect(await balance(theirs)).toEqual({ gives: 0, asks: 1 });

    // A touchpoint handed to another nurse (a member leaving): the copy follows, in the same statement.
    await db().touchpoint.update({ where: { id: give.id }, data: { nurseId: other.user.id } });
    expect(await balance(mine)).toEqual({ gives: 0, asks: 0 });
    expect(await balance(theirs)).toEqual({ gives: 1, asks: 1 });
  });
});
