// The import part of `npm run bench`: an HR org chart of 20,000 people (with 400 departments) applied
// to a new team, then applied again as updates, while a colleague keeps opening the key-person list
// of the big team: prints how long each apply took and how the colleague's list answered meanwhile.
import type { Db } from "@/lib/db/client";
import { loadTeamContext, type TeamCtx } from "@/lib/auth/context";
import { applyImport } from "@/lib/csv/import";
import { listKeyPersons } from "@/lib/key-persons/queries";
import { keyPersonFilterSchema } from "@/lib/key-persons/schemas";
import { percentile } from "./cli";

const ROWS = 20_000;
const DEPARTMENTS = 400;

function orgChart() {
  const depts = ["外部ID,名称,種別,親外部ID,人数", "HQ,本社,会社,,"];
  for (let i = 1; i < DEPARTMENTS; i++) depts.push(`D${i},部署${i},部署,${i <= 20 ? "HQ" : `D${(i % 20) + 1}`},50`);
  const people = ["外部ID,氏名,ふりがな,役職,部署,種別,協力度,影響力,関心度,上司,タグ,メモ"];
  for (let i = 1; i <= ROWS; i++) {
    const boss = i > DEPARTMENTS ? `E${(i % DEPARTMENTS) + 1}` : "";
    people.push(
      `E${i},社員${i} 太郎,しゃいん たろう,${i <= DEPARTMENTS ? "課長" : "主任"},D${(i % (DEPARTMENTS - 1)) + 1},上司（ライン管理職）,中立,3,3,${boss},衛生委員,備考${i}`,
    );
  }
  return { depts: depts.join("\r\n"), people: people.join("\r\n") };
}

type Stats = { p50: number; p95: number };
type Report = (name: string, t: Stats & { extra?: string }) => void;

/** Runs `work` while a reader loops on `read`; returns the work's time and the reader's latencies. */
async function whileReading(work: () => Promise<unknown>, read: () => Promise<unknown>) {
  const latencies: number[] = [];
  let done = false;
  const reader = (async () => {
    while (!done) {
      const start = performance.now();
      await read();
      latencies.push(performance.now() - start);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const start = performance.now();
  await work();
  const took = performance.now() - start;
  done = true;
  await reader;
  latencies.sort((a, b) => a - b);
  return { took, reads: latencies.length, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: latencies.at(-1) ?? 0 };
}

export async function benchImport(db: Db, colleague: TeamCtx, adminUserId: string, report: Report) {
  const team = await db.team.create({ data: { name: "Import bench", memberships: { create: { userId: adminUserId, role: "ADMIN" } } } });
  const ctx = (await loadTeamContext(db, adminUserId, team.id))!;
  const { depts, people } = orgChart();
  const list = () => listKeyPersons(colleague, keyPersonFilterSchema.parse({}));
  const runs: [string, () => Promise<unknown>][] = [
    [`import ${DEPARTMENTS} departments`, () => applyImport(ctx, "departments", depts)],
    [`import ${ROWS} people (creates)`, () => applyImport(ctx, "keyPersons", people)],
    [`import ${ROWS} people (updates)`, () => applyImport(ctx, "keyPersons", people.replaceAll(",中立,", ",協力的,"))],
  ];
  for (const [name, work] of runs) {
    const r = await whileReading(async () => {
      const res = await work();
      if (!(res as { ok: boolean }).ok) throw new Error(`${name} failed: ${JSON.stringify(res).slice(0, 500)}`);
    }, list);
    report(name, {
      p50: r.took,
      p95: r.took,
      extra: `colleague's list meanwhile: ${r.reads} reads, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`,
    });
  }
}
