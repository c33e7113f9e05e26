// Which job does what, and starting them with the server.
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { deliverMail, sweepMail } from "@/lib/mail/outbox";
import { configuredTransport } from "@/lib/mail/transport";
import { sendWeeklyDigests } from "@/lib/home/digest";
import { purgeAllTeams } from "@/lib/retention/purge";
import { appOrigin } from "@/lib/net/app-origin";
import { startJobs } from "@/lib/jobs/runner";

export async function startServerJobs(log: (msg: string) => void = console.log) {
  const env = getEnv();
  await startJobs({
    databaseUrl: env.DATABASE_URL,
    log,
    handlers: {
      "mail-deliver": async (data) => {
        if (typeof data.id === "string") await deliverMail(getDb(), data.id, configuredTransport(), new Date(), log);
      },
      "mail-sweep": async () => void (await sweepMail(getDb(), configuredTransport(), new Date(), log)),
      // Hourly; each member's digest goes once a week, from Monday 8:00 in Japan.
      "digest-weekly": async () => void (await sendWeeklyDigests(getDb(), appOrigin())),
      // Daily: what each team's retention periods let go (lib/retention/purge.ts).
      "retention-purge": async () => void (await purgeAllTeams(getDb(), new Date(), log)),
    },
    every: { "mail-sweep": 30, "digest-weekly": 3600, "retention-purge": 86_400 },
  });
  if (!env.SMTP_URL) log("[mail] SMTP_URL is not set: mail is held in the in-app outbox (設定 → メール送信).");
}
