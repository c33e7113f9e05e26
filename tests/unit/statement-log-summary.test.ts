import { describe, expect, it } from "vitest";
import { statementCosts } from "../../scripts/statement-log-summary";

const log = `2026-12-07 19:30:11.836 UTC [13547] root@ally_bench LOG:  duration: 0.961 ms  parse <unnamed>: SELECT dep, n
	FROM "Case" c
	WHERE c."teamId" = $1
2026-12-07 19:30:11.838 UTC [13547] root@ally_bench LOG:  duration: 1.250 ms  bind <unnamed>: SELECT dep, n
	FROM "Case" c
	WHERE c."teamId" = $1
2026-12-07 19:30:11.838 UTC [13547] root@ally_bench DETAIL:  parameters: $1 = 't1'
2026-12-07 19:30:11.840 UTC [13547] root@ally_bench LOG:  duration: 4.000 ms  execute <unnamed>: SELECT dep, n
	FROM "Case" c
	WHERE c."teamId" = $1
2026-12-07 19:30:11.838 UTC [13547] root@ally_bench DETAIL:  parameters: $1 = 't1'
2026-12-07 19:30:11.841 UTC [13548] root@ally_bench LOG:  duration: 0.500 ms  execute <unnamed>: SELECT 1
2026-12-07 19:30:11.842 UTC [13548] root@ally_bench LOG:  duration: 0.700 ms  execute <unnamed>: SELECT 1
2026-12-07 19:30:11.843 UTC [13549] root@ally_bench LOG:  duration: 9.000 ms  execute <unnamed>: WITH next as (SELECT id FROM pgboss.job)
2026-12-07 19:30:12.000 UTC [2257] LOG:  checkpoint complete: wrote 100 buffers`;

describe("statement log summary", () => {
  it("sums parse, bind and execute per statement across lines, leaving the job queue's polling out", () => {
    const costs = statementCosts(log);
    expect(costs).toHaveLength(2);
    expect(costs[0]).toMatchObject({ sql: 'SELECT dep, n FROM "Case" c WHERE c."teamId" = $1', count: 1 });
    expect(costs[0]!.parse).toBeCloseTo(0.961);
    expect(costs[0]!.bind).toBeCloseTo(1.25);
    expect(costs[0]!.execute).toBeCloseTo(4);
    expect(costs[1]).toMatchObject({ sql: "SELECT 1", count: 2 });
    expect(costs[1]!.execute).toBeCloseTo(1.2);
  });
});
