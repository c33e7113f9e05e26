// Background jobs. On a PostgreSQL server they go through pg-boss (a queue in the database: any app
// server may run a job, each job runs once, schedules fire once across servers). On the embedded
// database, which allows one process only, the same job functions run in-process on timers.
// Job state that matters (a mail's status and attempts) lives in its own table, so a lost kick is
// caught by the next sweep.
import PgBoss from "pg-boss";

export const JOB_NAMES = ["mail-deliver", "mail-sweep", "digest-weekly", "retention-purge"] as const;
export type JobName = (typeof JOB_NAMES)[number];
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface JobRunnerOptions {
  handlers: Record<JobName, JobHandler>;
  /** Jobs that run on their own: name → seconds between runs. */
  every: Partial<Record<JobName, number>>;
  /** A PostgreSQL server URL for pg-boss; absent on the embedded database. */
  databaseUrl?: string;
  log?: (msg: string) => void;
}

interface Runner {
  kick(name: JobName, data: Record<string, unknown>, at?: Date): void;
  stop(): Promise<void>;
}

const holder = globalThis as unknown as { __allyJobs?: Runner };

/** Asks for a job to run (now, or at `at`). A no-op where no runner was started (tests, scripts). */
export function kickJob(name: JobName, data: Record<string, unknown>, at?: Date) {
  holder.__allyJobs?.kick(name, data, at);
}

export function jobsRunning() {
  return holder.__allyJobs !== undefined;
}

export async function startJobs(options: JobRunnerOptions): Promise<void> {
  if (holder.__allyJobs) return;
  holder.__allyJobs = options.databaseUrl ? await startPgBoss(options.databaseUrl, options) : startInProcess(options);
}

export async function stopJobs() {
  const runner = holder.__allyJobs;
  holder.__allyJobs = undefined;
  await runner?.stop();
}

function startInProcess({ handlers, every, log = console.log }: JobRunnerOptions): Runner {
  const timers = new Set<NodeJS.Timeout>();
  const run = (name: JobName, data: Record<string, unknown>) =>
    handlers[name](data).catch((e) => log(`[jobs] ${name} failed: ${(e as Error).message}`));
  for (const [name, seconds] of Object.entries(every) as [JobName, number][]) {
    const timer = setInterval(() => void run(name, {}), seconds * 1000);
    timer.unref();
    timers.add(timer);
    // Hourly and daily jobs also run a minute after start: a server restarted more often than
    // their period would otherwise never run them. Each is idempotent.
    if (seconds >= 3600) {
      const first = setTimeout(() => void run(name, {}), 60_000);
      first.unref();
      timers.add(first);
    }
  }
  return {
    kick(name, data, at) {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          void run(name, data);
        },
        Math.max(50, (at?.getTime() ?? 0) - Date.now()),
      );
      timer.unref();
      timers.add(timer);
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

async function startPgBoss(url: string, { handlers, every, log = console.log }: JobRunnerOptions): Promise<Runner> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 4 });
  boss.on("error", (e) => log(`[jobs] ${e.message}`));
  await boss.start();
  for (const name of JOB_NAMES) {
    await boss.createQueue(name);
    await boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handlers[name]((job.data ?? {}) as Record<string, unknown>);
    });
  }
  for (const [name, seconds] of Object.entries(every) as [JobName, number][]) {
    // Cron has minute resolution: anything more frequent runs every minute.
    await boss.schedule(name, seconds >= 86_400 ? "17 18 * * *" : seconds >= 3600 ? "7 * * * *" : "* * * * *");
  }
  return {
    kick(name, data, at) {
      boss.send(name, data, at ? { startAfter: at } : {}).catch((e) => log(`[jobs] cannot queue ${name}: ${(e as Error).message}`));
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
