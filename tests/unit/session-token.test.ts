// The session token is read straight from its cookie (not through next-auth's whole handler): the
// same cookie name and chunks, the same decryption, and nothing else accepted.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { getAuthSecret } from "@/lib/auth/secret";
import { readSessionToken, sessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";

const user = { id: "u1", name: "保健 花子", email: "hanako@test.example", sessionVersion: 3 };

describe("reading the session cookie", () => {
  it("reads the claims of the cookie a sign-in sets", async () => {
    const cookie = await sessionCookie(user, "s1", new Date("2026-12-06T09:00:00Z"));
    const token = await readSessionToken([{ name: "other", value: "x" }, cookie]);
    expect(token).toMatchObject({ uid: "u1", sid: "s1", sv: 3, authAt: Date.parse("2026-12-06T09:00:00Z") });
  });

  it("joins a cookie next-auth split into chunks, in their order", async () => {
    const { name, value } = await sessionCookie(user, "s1");
    const half = Math.floor(value.length / 2);
    const token = await readSessionToken([
      { name: `${name}.1`, value: value.slice(half) },
      { name: `${name}.0`, value: value.slice(0, half) },
    ]);
    expect(token).toMatchObject({ uid: "u1", sid: "s1" });
  });

  it("refuses a changed, foreign, expired or misnamed token", async () => {
    const name = sessionCookieName();
    const { value } = await sessionCookie(user, "s1");
    const changed = `${value.slice(0, -4)}${value.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await readSessionToken([{ name, value: changed }])).toBeNull();
    const foreign = await encode({ secret: "another-secret-of-enough-length-000000", token: { uid: "u1", sid: "s1" } });
    expect(await readSessionToken([{ name, value: foreign }])).toBeNull();
    const expired = await encode({ secret: getAuthSecret(), maxAge: -60, token: { uid: "u1", sid: "s1" } });
    expect(await readSessionToken([{ name, value: expired }])).toBeNull();
    expect(await readSessionToken([{ name: `${name}-copy`, value }])).toBeNull();
    expect(await readSessionToken([])).toBeNull();
  });
});
