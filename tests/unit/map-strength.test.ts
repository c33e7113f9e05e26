import { describe, expect, it } from "vitest";
import { relationshipStrength, strengthBand, type Contact } from "@/lib/map/strength";

const now = new Date("2026-11-24T00:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const c = (over: Partial<Contact>): Contact => ({ gives: 0, asks: 0, thanks: 0, other: 0, lastContactAt: null, ...over });

describe("relationship strength", () => {
  it("is 0 with no touchpoints, and 100 for frequent, recent, giving contact", () => {
    expect(relationshipStrength(c({}), now, 60)).toBe(0);
    expect(strengthBand(0)).toBe("none");
    expect(relationshipStrength(c({ gives: 4, thanks: 1, other: 2, lastContactAt: daysAgo(3) }), now, 60)).toBe(100);
  });

  it("fades with time since the last contact, to the frequency and balance parts only", () => {
    const recent = relationshipStrength(c({ gives: 2, other: 2, lastContactAt: daysAgo(10) }), now, 60);
    const older = relationshipStrength(c({ gives: 2, other: 2, lastContactAt: daysAgo(100) }), now, 60);
    const stale = relationshipStrength(c({ gives: 2, other: 2, lastContactAt: daysAgo(400) }), now, 60);
    expect(recent).toBeGreaterThan(older);
    expect(older).toBeGreaterThan(stale);
    // 8 weighted touches of 12 → 40 × 8/12 ≈ 27, plus a full balance of 20.
    expect(stale).toBe(47);
  });

  it("weights a give above an ask, and punishes asking without giving", () => {
    const giver = relationshipStrength(c({ gives: 1, lastContactAt: daysAgo(5) }), now, 60);
    const asker = relationshipStrength(c({ asks: 1, lastContactAt: daysAgo(5) }), now, 60);
    expect(giver).toBe(40 + 10 + 20);
    expect(asker).toBe(40 + 2);
    expect(strengthBand(giver)).toBe("good");
    expect(strengthBand(asker)).toBe("fair");
    expect(strengthBand(39)).toBe("poor");
    expect(strengthBand(40)).toBe("fair");
    expect(strengthBand(60)).toBe("good");
  });

  it("stays within 0..100 whatever the counts", () => {
    for (const n of [0, 1, 5, 50, 5000]) {
      for (const d of [0, 30, 90, 1000]) {
        const s = relationshipStrength(c({ gives: n, asks: n * 2, thanks: n, other: n, lastContactAt: daysAgo(d) }), now, 45);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
      }
    }
  });
});
