import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROOT, sourceFilesUnder } from "../support/source-files";

// The whole matrix, written out: changing a role's powers must change this table on purpose.
const ADMIN_ONLY: Permission[] = [
  "touchpoints.editAny",
  "requests.editAny",
  "keyPersons.erase",
  "keyPersons.disclose",
  "cases.readAll",
  "cases.delete",
  "cases.erase",
  "cases.disclose",
  "retention.manage",
  "team.export",
  "members.manage",
  "settings.manage",
  "reviews.readAll",
  "audit.read",
  "audit.signOff",
  "share.manage",
];
const MENTOR_AND_UP: Permission[] = ["reviews.write"];

function expected(role: Role, p: Permission) {
  if (ADMIN_ONLY.includes(p)) return role === "ADMIN";
  if (MENTOR_AND_UP.includes(p)) return role !== "NURSE";
  return true;
}

describe("permission matrix", () => {
  for (const role of ["ADMIN", "MENTOR", "NURSE"] as Role[]) {
    for (const permission of PERMISSIONS) {
      it(`${role} ${expected(role, permission) ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected(role, permission));
      });
    }
  }
});

describe("own or any", () => {
  it("lets a member change her own record, and only an admin change a colleague's", async () => {
    const { canChange } = await import("@/lib/auth/permissions");
    const mine = { nurseId: "u1" };
    const theirs = { nurseId: "u2" };
    for (const role of ["NURSE", "MENTOR", "ADMIN"] as Role[]) {
      expect(canChange({ role, userId: "u1" }, mine, "touchpoints.editAny")).toBe(true);
      expect(canChange({ role, userId: "u1" }, theirs, "touchpoints.editAny")).toBe(role === "ADMIN");
      expect(canChange({ role, userId: "u1" }, theirs, "requests.editAny")).toBe(role === "ADMIN");
    }
  });
});

describe("writes are guarded by a write permission", () => {
  it("no server action, and no POST, PUT, PATCH or DELETE route, is allowed by a read permission", () => {
    const READ = /\.read[A-Za-z]*$/;
    const found: string[] = [];
    for (const file of sourceFilesUnder("app")) {
      const text = readFileSync(file, "utf8");
      const where = relative(ROOT, file);
      // Every server action states its permission first: authedAction("x.y", …).
      for (const m of text.matchAll(/authedAction\(\s*"([\w.]+)"/g)) found.push(`${where} action ${m[1]}`);
      // A write route: export const POST = withTeam(…, { permission: "x.y" }).
      for (const m of text.matchAll(/export const (POST|PUT|PATCH|DELETE) = withTeam\([\s\S]*?permission: "([\w.]+)"/g))
        found.push(`${where} ${m[1]} ${m[2]}`);
    }
    expect(found.length).toBeGreaterThan(50);
    expect(found.filter((f) => READ.test(f))).toEqual([]);
  });
});
