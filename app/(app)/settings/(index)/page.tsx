import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { failedMailCount } from "@/lib/mail/queries";
import { allowlistAddress } from "@/lib/net/allowlist";
import { listInvitations } from "@/lib/team/invitations";
import { InvitationsPanel } from "./_components/invitations-panel";
import { MembersTable } from "./_components/members-table";
import { TeamSettingsForm } from "./_components/team-settings-form";
import { RiskScaleForm } from "./_components/risk-scale-form";
import { riskLevels } from "@/lib/cases/cases";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "members.read");
  const t = await getTranslations("settings");
  const isAdmin = can(ctx.role, "members.manage");
  const invitations = isAdmin ? await listInvitations(ctx) : [];
  const failedMail = isAdmin ? await failedMailCount(ctx) : 0;
  const tOutbox = await getTranslations("outbox");
  const tSso = await getTranslations("sso");
  const tRetention = await getTranslations("retention");
  const tExport = await getTranslations("teamExport");
  const tRules = await getTranslations("handlingRules");
  const hops = getEnv().TRUSTED_PROXY_HOPS;
  const decision = await ctx.db.team.findUniqueOrThrow({
    where: { id: ctx.teamId },
    select: { minGroupDecidedOn: true, minGroupMinuteRef: true },
  });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="flex flex-wrap gap-4 text-sm">
          {isAdmin && (
            <Link href="/settings/mail" className="text-brand-700 underline">
              {tOutbox("nav")}
              {failedMail > 0 && (
                <span className="ml-1 rounded bg-red-100 px-1.5 text-xs text-red-800">
                  {tOutbox("failedBanner", { count: failedMail })}
                </span>
              )}
            </Link>
          )}
          {can(ctx.role, "settings.manage") && (
            <Link href="/settings/sso" className="text-brand-700 underline">
              {tSso("nav")}
            </Link>
          )}
          {can(ctx.role, "retention.manage") && (
            <Link href="/settings/retention" className="text-brand-700 underline">
              {tRetention("nav")}
            </Link>
          )}
          {can(ctx.role, "settings.manage") && (
            <Link href="/settings/handling-rules" className="text-brand-700 underline">
              {tRules("nav")}
            </Link>
          )}
          {can(ctx.role, "team.export") && (
            <Link href="/settings/export" className="text-brand-700 underline">
              {tExport("nav")}
            </Link>
          )}
          {can(ctx.role, "audit.read") && (
            <Link href="/settings/audit" className="text-brand-700 underline">
              {t("audit")}
            </Link>
          )}
        </div>
      </div>
      <Card title={t("team")}>
        <TeamSettingsForm
          editable={can(ctx.role, "settings.manage")}
          initial={{
            name: ctx.team.name,
            noContactDays: ctx.team.noContactDays,
            minGroupSize: ctx.team.minGroupSize,
            caseNamesOn: ctx.team.caseNamesOn,
            requireTwoFactor: ctx.team.requireTwoFactor,
            ipAllowlist: ctx.team.ipAllowlist.join("\n"),
            committee:
              decision.minGroupDecidedOn && decision.minGroupMinuteRef
                ? { on: (await getFormatter()).dateTime(decision.minGroupDecidedOn, "long"), ref: decision.minGroupMinuteRef }
                : null,
          }}
          network={{ enforced: hops > 0, address: allowlistAddress(await headers(), hops) ?? null }}
        />
      </Card>
      <Card title={t("riskScale")}>
        <RiskScaleForm labels={(await riskLevels(ctx)).map((l) => l.label)} editable={can(ctx.role, "settings.manage")} />
      </Card>
      <Card title={t("members")}>
        <MembersTable canManage={isAdmin} currentUserId={ctx.userId} />
      </Card>
      {isAdmin && (
        <Card title={t("invitations")}>
          <InvitationsPanel
            pending={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() }))}
          />
        </Card>
      )}
    </div>
  );
}
