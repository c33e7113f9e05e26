// What PostgreSQL spent on a page: its statement log (log_min_duration_statement = 0) summed per
// statement and split into parse, bind (where a statement is planned) and execute, per request.
//   psql … -c "ALTER DATABASE ally_bench SET log_min_duration_statement = 0"   (then restart the app:
//   the setting holds for connections opened after it, so reset it and restart again when done)
//   LOG=<the server's log file>; from=$(wc -l < "$LOG")
//   for i in $(seq 20); do curl -s -o /dev/null -b cookies http://127.0.0.1:3300/requests; done
//   tail -n +$((from + 1)) "$LOG" > requests.log
//   npm run statement-log-summary -- requests.log --requests 20 [--top 10]
// The job queue's own polling (pg-boss) is left out: it runs whatever the page does.
import { readFileSync } from "node:fs";
import { arg } from "./cli";

type Phase = "parse" | "bind" | "execute";
export interface StatementCost {
  sql: string;
  parse: number;
  bind: number;
  execute: number;
  /** How many times it was executed. */
  count: number;
}

const ENTRY = /duration: ([\d.]+) ms {2}(parse|bind|execute) [^:]*:([\s\S]*?)(?=\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|$)/g;

/** Milliseconds per statement text (whitespace folded), from a PostgreSQL log excerpt. */
export function statementCosts(log: string): StatementCost[] {
  const by = new Map<string, StatementCost>();
  for (const m of log.matchAll(ENTRY)) {
    const sql = m[3]!.replace(/\s+/g, " ").trim();
    if (sql.includes("pgboss.")) continue;
    const cost = by.get(sql) ?? { sql, parse: 0, bind: 0, execute: 0, count: 0 };
    cost[m[2] as Phase] += Number(m[1]);
    if (m[2] === "execute") cost.count++;
    by.set(sql, cost);
  }
  const total = (c: StatementCost) => c.parse + c.bind + c.execute;
  return [...by.values()].sort((a, b) => total(b) - total(a));
}

function main() {
  const file = process.argv[2];
  if (!file || file.startsWith("--")) throw new Error("usage: npm run statement-log-summary -- FILE --requests N [--top 10]");
  const requests = Number(arg("requests", "1"));
  const top = Number(arg("top", "10"));
  const costs = statementCosts(readFileSync(file, "utf8"));
  const per = (ms: number) => (ms / requests).toFixed(2).padStart(6);
  const sum = (k: Phase) => costs.reduce((a, c) => a + c[k], 0);
  const statements = costs.reduce((a, c) => a + c.count, 0);
  console.log(
    `${requests} requests: ${per(sum("parse") + sum("bind") + sum("execute"))} ms a request in PostgreSQL ` +
      `(parse ${per(sum("parse")).trim()}, bind ${per(sum("bind")).trim()}, execute ${per(sum("execute")).trim()}), ` +
      `${(statements / requests).toFixed(1)} statements`,
  );
  console.log("\n  total   parse    bind execute  statement (ms a request)");
  for (const c of costs.slice(0, top))
    console.log(`${per(c.parse + c.bind + c.execute)}  ${per(c.parse)}  ${per(c.bind)}  ${per(c.execute)}  ${c.sql.slice(0, 110)}`);
}

if (process.argv[1]?.endsWith("statement-log-summary.ts")) main();
