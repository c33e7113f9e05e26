// Imports write in batches: a statement per table per chunk of rows, never one per row, so a large
// org chart applies in seconds and does not hold the database while colleagues work.
import { describe, expect, it } from "vitest";
import { applyImport, IMPORT_STEP_ROWS } from "@/lib/csv/import";
import { setupTestDatabase } from "../support/db";
import { createTeamWithRoles, ctxFor } from "../support/factories";

const db = setupTestDatabase();

// Statement-level triggers fire once per SQL statement, whatever the number of rows it writes.
async function countStatements() {
  await db().$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS stmt_count (tbl text, op text, n int)`);
  await db().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION count_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO stmt_count VALUES (TG_TABLE_NAME, TG_OP, 1); RETURN NULL; END $$`);
  for (const t of ["KeyPerson", "Department", "StanceChange"]) {
    await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS count_stmt ON "${t}"`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER count_stmt AFTER INSERT OR UPDATE ON "${t}" FOR EACH STATEMENT EXECUTE FUNCTION count_stmt()`,
    );
  }
  return async () => {
    const rows = await db().$queryRawUnsafe<{ tbl: string; n: bigint }[]>(`SELECT tbl, count(*) AS n FROM stmt_count GROUP BY tbl`);
    await db().$executeRawUnsafe(`DELETE FROM stmt_count`);
    return Object.fromEntries(rows.map((r) => [r.tbl, Number(r.n)]));
  };
}

describe("import batching", () => {
  it("applies 2,500 departments and 2,500 people in a handful of statements, updates included", async () => {
    const t = await createTeamWithRoles(db());
    const ctx = await ctxFor(db(), t.admin.user.id);
    const statements = await countStatements();
    const N = 2_500;
    const depts = ["外部ID,名称,種別,親外部ID,人数", "C,本社,会社,,"];
    for (let i = 1; i <= N - 1; i++) depts.push(`D${i},部署${i},部署,${i < 50 ? "C" : `D${(i % 49) + 1}`},10`);
    expect(await applyImport(ctx, "departments", depts.join("\r\n"))).toMatchObject({ ok: true, creates: N });
    expect((await statements()).Department).toBeLessThanOrEqual(8);
    // The tree is right: every department's path is its parent's path plus the parent.
    const leaf = await db().department.findFirstOrThrow({ where: { teamId: ctx.teamId, externalId: "D100" }, include: { parent: true } });
    expect(leaf.parent?.externalId).toBe("D3");
    const chain = await db().department.findMany({
      where: { id: { in: leaf.path.split("/").filter(Boolean) } },
      select: { externalId: true },
    });
    expect(chain.map((d) => d.externalId).sort()).toEqual(["C", "D3"]);

    const people = ["外部ID,氏名,部署,協力度,上司"];
    for (let i = 1; i <= N; i++)
      people.push(`E${i},社員${i},D${(i % (N - 1)) + 1},中立,${i > 1 ? `E${Math.ceil(i / 2) === i ? 1 : Math.ceil(i / 2)}` : ""}`);
    expect(await applyImport(ctx, "keyPersons", people.join("\r\n"))).toMatchObject({ ok: true, creates: N });
    // One insert per step, reporting lines included (bosses come in an earlier step or the same one).
    const steps = Math.ceil(N / IMPORT_STEP_ROWS);
    const first = await statements();
    expect(first.KeyPerson).toBeLessThanOrEqual(steps);
    expect(first.StanceChange).toBeLessThanOrEqual(steps);
    const p = await db().keyPerson.findFirstOrThrow({ where: { teamId: ctx.teamId, externalId: "E9" }, include: { reportsTo: true } });
    expect(p.reportsTo?.externalId).toBe("E5");
    expect(await db().stanceChange.count({ where: { teamId: ctx.teamId } })).toBe(N);

    // The same file again with every stance changed: updates, in batches, with the stance history.
    expect(await applyImport(ctx, "keyPersons", people.join("\r\n").replaceAll(",中立,", ",協力的,"))).toMatchObject({
      ok: true,
      updates: N,
    });
    const second = await statements();
    expect(second.KeyPerson).toBeLessThanOrEqual(steps);
    expect(second.StanceChange).toBeLessThanOrEqual(steps);
    expect(await db().keyPerson.count({ where: { teamId: ctx.teamId, stance: "COOPERATIVE" } })).toBe(N);
    expect(await db().stanceChange.count({ where: { teamId: ctx.teamId, fromStance: "NEUTRAL", toStance: "COOPERATIVE" } })).toBe(N);
    const again = await db().keyPerson.findFirstOrThrow({ where: { id: p.id } });
    expect(again.version).toBe(p.version + 1);
    expect(again.reportsToId).toBe(p.reportsToId);
  }, 120_000);
});
