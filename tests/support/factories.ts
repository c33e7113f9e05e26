// Small factories: teams, users with memberships, and the context a signed-in member would have.
import { randomUUID } from "node:crypto";
import { loadTeamContext, type TeamCtx } from "@/lib/auth/context";
import { hashPassword } from "@/lib/accounts/password";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct-horse-battery";

export async function createTeam(db: Db, name = `Team ${randomUUID().slice(0, 6)}`) {
  return db.team.create({ data: { name } });
}

export async function createMember(db: Db, teamId: string, role: Role, opts: { email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const user = await db.user.create({
    data: {
      email: opts.email ?? `${randomUUID().slice(0, 8)}@test.example`,
      name: opts.name ?? `User ${role}`,
      passwordHash: await passwordHash,
    },
  });
  const membership = await db.membership.create({ data: { teamId, userId: user.id, role } });
  return { user, membership };
}

export async function ctxFor(db: Db, userId: string, teamId?: string): Promise<TeamCtx> {
  const ctx = await loadTeamContext(db, userId, teamId);
  if (!ctx) throw new Error("user has no active membership");
  return ctx;
}

/** A team with one member of each role. */
export async function createTeamWithRoles(db: Db) {
  const team = await createTeam(db);
  const admin = await createMember(db, team.id, "ADMIN", { name: "Admin" });
  const mentor = await createMember(db, team.id, "MENTOR", { name: "Mentor" });
  const nurse = await createMember(db, team.id, "NURSE", { name: "Nurse" });
  return { team, admin, mentor, nurse };
}

export async function createDepartment(db: Db, teamId: string, name: string, parent?: { id: string; path: string }) {
  return db.department.create({
    data: {
      teamId,
      name,
      parentId: parent?.id ?? null,
      path: parent ? `${parent.path}${parent.id}/` : "/",
      kind: parent ? "DEPARTMENT" : "COMPANY",
    },
  });
}

export async function createPerson(
  db: Db,
  teamId: string,
  data: {
    name: string;
    departmentId?: string | null;
    ownerId?: string;
    stance?: "UNCOOPERATIVE" | "INDIFFERENT" | "NEUTRAL" | "COOPERATIVE" | "CHAMPION";
    externalId?: string;
  },
) {
  return db.keyPerson.create({ data: { teamId, kind: "LINE_MANAGER", stance: data.stance ?? "NEUTRAL", ...data } });
}
