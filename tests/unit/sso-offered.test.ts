// The sign-in page's "company sign-in" hint: one count per OFFERED_TTL_MS, forgotten when settings change.
import { describe, expect, it } from "vitest";
import { forgetSsoOffered, OFFERED_TTL_MS, ssoOffered } from "@/lib/sso/offered";
import type { Db } from "@/lib/db/client";

function fakeDb(enabled: () => number) {
  let asked = 0;
  const db = { teamSso: { count: async () => (asked++, enabled()) } } as unknown as Pick<Db, "teamSso">;
  return { db, asked: () => asked };
}

describe("whether company sign-in is offered", () => {
  it("asks the database once a while, and again after settings change", async () => {
    forgetSsoOffered();
    let teams = 0;
    const { db, asked } = fakeDb(() => teams);
    expect(await ssoOffered(db, 1_000)).toBe(false);
    teams = 1;
    expect(await ssoOffered(db, 1_000 + OFFERED_TTL_MS - 1)).toBe(false);
    expect(asked()).toBe(1);
    expect(await ssoOffered(db, 1_000 + OFFERED_TTL_MS)).toBe(true);
    expect(asked()).toBe(2);
    teams = 0;
    forgetSsoOffered();
    expect(await ssoOffered(db, 1_000 + OFFERED_TTL_MS + 1)).toBe(false);
    expect(asked()).toBe(3);
    // A clock that went back does not keep an old answer forever.
    teams = 1;
    expect(await ssoOffered(db, 0)).toBe(true);
  });
});
