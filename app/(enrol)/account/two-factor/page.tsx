import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requireSignedIn } from "@/lib/auth/context";
import { recoveryCodesLeft } from "@/lib/accounts/two-factor";
import { listPasskeys } from "@/lib/accounts/passkeys";
import { PasskeysPanel } from "./passkeys-panel";
import { TwoFactorPanel } from "./two-factor-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("twoFactorTitle") };
}

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The one page a member who must still enrol may open (lib/auth/context.ts).
  const ctx = await requireSignedIn();
  const t = await getTranslations("account");
  const f = await getFormatter();
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { totpEnabledAt: true } });
  const left = user.totpEnabledAt ? await recoveryCodesLeft(ctx.db, ctx.userId) : 0;
  const required = (await searchParams).required === "1" || ctx.mustEnrollTwoFactor;
  const passkeys = await listPasskeys(ctx.db, ctx.userId);
  const day = (d: Date) => f.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Tokyo" });
  return (
    <div className="space-y-6">
      {!ctx.mustEnrollTwoFactor && (
        <Link href="/account" className={`text-sm ${TEXT_LINK}`}>
          ← {t("backToAccount")}
        </Link>
      )}
      <h1 className="text-2xl font-bold">{t("twoFactorTitle")}</h1>
      {required && !user.totpEnabledAt && passkeys.length === 0 && <Alert tone="amber">{t("twoFactorRequired")}</Alert>}
      {required && !ctx.mustEnrollTwoFactor && (
        <Alert tone="green">
          {t("twoFactorRequiredDone")}{" "}
          <Link href="/" className={`font-medium ${TEXT_LINK}`} data-testid="continue-after-enrol">
            {t("continueToHome")} →
          </Link>
        </Alert>
      )}
      <Card>
        <p className="mb-4 text-sm text-stone-700">{t("twoFactorIntro")}</p>
        <TwoFactorPanel
          enabledOn={user.totpEnabledAt ? f.dateTime(user.totpEnabledAt, { dateStyle: "long", timeZone: "Asia/Tokyo" }) : null}
          recoveryLeft={left}
          teamRequires={ctx.teams.length > 0 && ctx.team.requireTwoFactor && passkeys.length === 0}
        />
      </Card>
      <Card title={t("passkeysTitle")}>
        <PasskeysPanel
          passkeys={passkeys.map((p) => ({
            id: p.id,
            name: p.name,
            created: day(p.createdAt),
            used: p.lastUsedAt ? day(p.lastUsedAt) : null,
          }))}
        />
      </Card>
    </div>
  );
}
