import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { TEXT_LINK } from "@/components/ui/link-style";
import { Card } from "@/components/ui/card";
import { getCurrentSession, requireUser } from "@/lib/auth/context";
import { deviceName } from "@/lib/accounts/device";
import { listSessions } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { feedStatus } from "@/lib/calendar/feed";
import { CalendarCard } from "./_components/calendar-card";
import { DigestToggle } from "./_components/digest-toggle";
import { PasswordForm } from "./_components/password-form";
import { SessionsList } from "./_components/sessions-list";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const ctx = await requireUser();
  const current = await getCurrentSession();
  const t = await getTranslations("account");
  const sessions = await listSessions(ctx.db, ctx.userId, getEnv().SESSION_MAX_AGE_HOURS);
  const f = await getFormatter();
  const feed = await feedStatus(ctx);
  const digestOn = (
    await ctx.db.membership.findUniqueOrThrow({
      where: { teamId_userId: { teamId: ctx.teamId, userId: ctx.userId } },
      select: { digestOptIn: true },
    })
  ).digestOptIn;
  const totp = (await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { totpEnabledAt: true } })).totpEnabledAt;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <Card title={t("passwordTitle")}>
        <PasswordForm email={ctx.user.email} />
      </Card>
      <Card title={t("twoFactorTitle")}>
        <p className="mb-3 text-sm text-stone-700">
          {totp ? t("twoFactorOn", { date: f.dateTime(totp, { dateStyle: "long", timeZone: "Asia/Tokyo" }) }) : t("twoFactorOff")}
        </p>
        <Link href="/account/two-factor" className={TEXT_LINK}>
          {t("twoFactorNav")} →
        </Link>
      </Card>
      <div id="digest" className="scroll-mt-20">
        <Card title={t("digestTitle")}>
          <DigestToggle on={digestOn} />
        </Card>
      </div>
      <Card title={t("calendarTitle")}>
        <CalendarCard
          status={
            feed
              ? {
                  includeNames: feed.includeNames,
                  created: f.dateTime(feed.createdAt, { dateStyle: "medium", timeZone: "Asia/Tokyo" }),
                  fetched: feed.lastFetchedAt
                    ? f.dateTime(feed.lastFetchedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" })
                    : null,
                }
              : null
          }
        />
      </Card>
      <Card title={t("sessionsTitle")}>
        <SessionsList
          sessions={sessions.map((s) => ({
            id: s.id,
            device: deviceName(s.userAgent),
            ip: s.ip,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            current: s.id === current?.sessionId,
          }))}
        />
      </Card>
    </div>
  );
}
