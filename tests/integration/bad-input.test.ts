import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/auth/wrappers";
import { applyImport } from "@/lib/csv/import";
import { createKeyPersonSchema, updateKeyPersonSchema } from "@/lib/key-persons/schemas";
import { resultSchema } from "@/lib/initiatives/schemas";
import { createTouchpointSchema } from "@/lib/touchpoints/schemas";
import { reportSchema } from "@/lib/reports/schemas";
import { isoDate, isUnsafeText } from "@/lib/zod-helpers";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

describe("bad input never becomes an internal error", () => {
  it("refuses NUL bytes and lone surrogates at the action boundary with a field message", async () => {
    const { nurse } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    let ran = false;
    const fn = async () => ((ran = true), null);
    for (const bad of ["a\u0000b", "x\uD800", "\uDC00y", "bell\u0007"]) {
      const res = await runAction(
        ctx,
        "keyPersons.write",
        createKeyPersonSchema,
        { name: bad, kind: "HR", stance: "NEUTRAL", influence: 3, interest: 3 },
        fn,
      );
      expect(res).toEqual({ ok: false, error: "validation", fieldErrors: { name: ["invalidCharacters"] } });
    }
    expect(ran).toBe(false);
    // Line breaks, tabs and emoji (a surrogate pair) are ordinary text.
    expect(isUnsafeText("行1\n行2\t😀")).toBe(false);
  });

  it("bounds numbers and refuses impossible dates with messages", () => {
    expect(
      updateKeyPersonSchema
        .safeParse({ id: "x", version: "1e12", name: "a", kind: "HR", stance: "NEUTRAL", influence: 3, interest: 3 })
        .error?.issues.map((i) => i.message),
    ).toContain("tooLarge");
    expect(
      resultSchema
        .safeParse({ initiativeId: "i", runOn: "2026-05-01", participants: 1, targetHeadcount: 1, satisfactionResponses: "1e12" })
        .error?.issues.map((i) => i.message),
    ).toContain("tooLarge");
    for (const d of ["0000-01-01", "2026-13-45", "2026-02-31"]) expect(isoDate.safeParse(d).success).toBe(false);
  });

  it("never throws while parsing, whatever arrives (property)", () => {
    const anyValue = fc.anything({ maxDepth: 2 });
    fc.assert(
      fc.property(
        fc.record({
          name: fc.oneof(fc.string(), fc.string({ unit: "binary" }), anyValue),
          version: fc.oneof(fc.double(), fc.string(), anyValue),
          occurredOn: fc.oneof(fc.string(), anyValue),
          periodFrom: fc.string(),
          periodTo: fc.string(),
          title: anyValue,
        }),
        (input) => {
          for (const schema of [createKeyPersonSchema, updateKeyPersonSchema, createTouchpointSchema, reportSchema]) {
            const r = schema.safeParse(input);
            if (r.success) expect(JSON.stringify(r.data)).toBeTruthy();
            else for (const issue of r.error.issues) expect(typeof issue.message).toBe("string");
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("an import refuses what the form refuses: too long, control characters, named by line and column", async () => {
    const { nurse, team } = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), nurse.user.id);
    const csv = [
      "外部ID,氏名,ふりがな,役職,部署,種別,協力度,影響力,関心度,上司,タグ,メモ",
      `E1,長い役職,,${"課".repeat(5000)},,HR,NEUTRAL,3,3,,,`,
      `E2,長いメモ,,課長,,HR,NEUTRAL,3,3,,,${"あ".repeat(100_000)}`,
      "E3,制御\u0007文字,,課長,,HR,NEUTRAL,3,3,,,",
    ].join("\r\n");
    const res = await applyImport(ctx, "keyPersons", csv);
    expect(res.ok).toBe(false);
    expect(res.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "役職", "tooLong"],
      [3, "メモ", "tooLong"],
      [4, "氏名", "invalidCharacters"],
    ]);
    expect(await db().keyPerson.count({ where: { teamId: team.id } })).toBe(0);
  });
});
