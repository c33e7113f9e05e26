import { describe, expect, it } from "vitest";
import { discloseKeyPerson } from "@/lib/key-persons/disclosure";
import { renderDisclosurePdf } from "@/lib/key-persons/disclosure-pdf";
import { changeStance } from "@/lib/key-persons/mutations";
import { createRequest, transitionRequest, updateRequest } from "@/lib/requests/mutations";
import { createRequestSchema, updateRequestSchema } from "@/lib/requests/schemas";
import { createTouchpoint } from "@/lib/touchpoints/mutations";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { setupTestDatabase } from "../support/db";
import { createPerson, createTeamWithRoles, ctxFor } from "../support/factories";
import { pdfText } from "../support/pdf";

const db = setupTestDatabase();
const now = new Date("2026-11-30T01:00:00Z");

describe("disclosure (開示) of what the team holds about a key person", () => {
  it("gives an admin everything about him as JSON and a Japanese PDF, names no one else, and audits it", async () => {
    const t = await createTeamWithRoles(db());
    const nurse = await ctxFor(db(), t.nurse.user.id);
    const admin = await ctxFor(db(), t.admin.user.id);
    const him = await createPerson(db(), t.team.id, { name: "開示 請求者", ownerId: t.nurse.user.id });
    await db().keyPerson.update({ where: { id: him.id }, data: { painPoints: "繁忙期の人手不足", notes: "朝のほうが話しやすい" } });
    const colleague = await createPerson(db(), t.team.id, { name: "同席 した人" });
    // His boss, and a note elsewhere that names him and his colleague.
    const boss = await createPerson(db(), t.team.id, { name: "上司 太郎" });
    await db().keyPerson.update({ where: { id: boss.id }, data: { title: "製造部長" } });
    await db().keyPerson.update({ where: { id: him.id }, data: { reportsToId: boss.id, resistanceReason: "OUTSIDE_INFLUENCE" } });
    await db().keyPerson.update({
      where: { id: colleague.id },
      data: { notes: "開示 請求者さんと同席 した人さんは同期。別の話題。" },
    });
    await changeStance(nurse, { id: him.id, version: 1, stance: "COOPERATIVE", reason: "面談に快く同席してくれた" });
    const log = (keyPersonIds: string[], summary: string) =>
      createTouchpoint(nurse, createTouchpointSchema.parse({ type: "LISTENING", occurredOn: "2026-11-20", keyPersonIds, summary }), now);
    await log([him.id], "繁忙期の相談を聞いた");
    await log([him.id, colleague.id], "課内の打ち合わせ");
    const { id } = await createRequest(
      nurse,
      createRequestSchema.parse({ keyPersonId: him.id, what: "朝礼で5分いただく", reason: "熱中症が増える時期なので" }),
    );
    await transitionRequest(nurse, { id, version: 1, to: "SENT" }, now);
    // Changed after it went out: he is shown both what he received and the change.
    await updateRequest(
      nurse,
      updateRequestSchema.parse({ id, version: 2, keyPersonId: him.id, what: "朝礼で3分いただく", reason: "熱中症が増える時期なので" }),
      now,
    );
    await db().personLink.create({
      data: { teamId: t.team.id, fromId: colleague.id, toId: him.id, type: "INFLUENCES", note: "同期入社", createdById: t.nurse.user.id },
    });

    const d = await discloseKeyPerson(admin, him.id, "json", now);
    expect(d.person).toMatchObject({
      name: "開示 請求者",
      painPoints: "繁忙期の人手不足",
      notes: "朝のほうが話しやすい",
      // In words written for him to read, not the team's working labels.
      stance: "ご協力いただいている",
      resistanceReason: "ご担当の範囲の外にある事柄",
      reportsTo: "製造部長",
    });
    expect(d.stanceHistory.at(-1)).toMatchObject({ to: "ご協力いただいている", reason: "面談に快く同席してくれた" });
    // The sentence elsewhere that names him is disclosed, with the other person hidden.
    expect(d.mentions).toEqual([{ where: "KeyPerson", at: expect.any(String), text: "開示 請求者さんと（ほかの人）さんは同期。" }]);
    // No one else is named: not the boss, not the nurses.
    const json = JSON.stringify(d);
    for (const name of ["上司 太郎", t.nurse.user.name, t.admin.user.name]) expect(json, name).not.toContain(name);
    expect(d.touchpoints.map((x) => [x.summary, x.othersPresent])).toEqual(
      expect.arrayContaining([
        ["繁忙期の相談を聞いた", 0],
        ["課内の打ち合わせ", 1],
      ]),
    );
    expect(d.requests[0]).toMatchObject({ what: "朝礼で3分いただく", status: "SENT" });
    expect(d.requests[0].versions).toEqual([
      { number: 1, at: expect.any(String), changes: [] },
      { number: 2, at: expect.any(String), changes: [{ field: "what", before: "朝礼で5分いただく", after: "朝礼で3分いただく" }] },
    ]);
    expect(d.links).toEqual([{ direction: "to", type: "INFLUENCES", note: "同期入社" }]);
    expect(JSON.stringify(d)).not.toContain("同席 した人");

    const text = (await pdfText(await renderDisclosurePdf(d))).replace(/\s+/g, "");
    for (const expected of [
      "開示請求者さんについて記録している情報",
      "繁忙期の人手不足",
      "面談に快く同席してくれた",
      "課内の打ち合わせ",
      "ほか1人",
      "朝礼で3分いただく",
      "送った後の変更（第2版）：お願いすること：朝礼で5分いただく→朝礼で3分いただく",
      "同期入社",
      "私たちとの連携の状況",
      "ご協力いただいている",
      "ほかの記録での言及",
      "開示請求者さんと（ほかの人）さんは同期。",
      "個人情報の保護に関する法律",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("同席した人");
    for (const word of ["協力度", "非協力", "影響範囲外", "上司太郎"]) expect(text, word).not.toContain(word);
    expect(await db().auditLog.count({ where: { teamId: t.team.id, action: "keyPerson.disclose", entityId: him.id } })).toBe(1);
  });

  it("is for admins, and another team's person is not found", async () => {
    const t = await createTeamWithRoles(db());
    const him = await createPerson(db(), t.team.id, { name: "開示 対象" });
    await expect(discloseKeyPerson(await ctxFor(db(), t.nurse.user.id), him.id, "pdf")).rejects.toMatchObject({ code: "forbidden" });
    const other = await createTeamWithRoles(db());
    await expect(discloseKeyPerson(await ctxFor(db(), other.admin.user.id), him.id, "pdf")).rejects.toMatchObject({ code: "notFound" });
    expect(await db().auditLog.count({ where: { action: "keyPerson.disclose", entityId: him.id } })).toBe(0);
  });
});
