import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { ADMIN_RESET_HOURS } from "@/lib/accounts/account";
import { can } from "@/lib/auth/permissions";
import { getMember } from "@/lib/team/members";
import { ResetLinkButton } from "./reset-link-button";
import { FactorResetButton } from "./factor-reset-button";
import { TEXT_LINK } from "@/components/ui/link-style";

export default async function MemberPage({ params }: PageProps<"/settings/members/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "members.read");
  const { id } = await params;
  // Scoped to the current team: a member of another team is simply not found.
  const member = await getMember(ctx, id);
  if (!member) notFound();
  const t = await getTranslations();
  const f = await getFormatter();
  return (
    <div className="space-y-6">
      <Link href="/settings" className={`text-sm ${TEXT_LINK}`}>
        ← {t("members.back")}
      </Link>
      <h1 className="text-2xl font-bold">{member.user.name}</h1>
      <Card title={t("members.detail")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-stone-500">{t("members.email")}</dt>
          <dd>{member.user.email}</dd>
          <dt className="text-stone-500">{t("members.role")}</dt>
          <dd>{t(`roles.${member.role}`)}</dd>
          <dt className="text-stone-500">{t("members.status")}</dt>
          <dd>
            <Badge tone={member.status === "ACTIVE" ? "green" : "stone"}>
              {member.status === "ACTIVE" ? t("members.active") : t("members.deactivated")}
            </Badge>
          </dd>
          <dt className="text-stone-500">{t("members.joined")}</dt>
          <dd>{f.dateTime(member.createdAt, "short")}</dd>
          <dt className="text-stone-500">{t("members.mentorOf")}</dt>
          <dd>{member.mentor?.name ?? t("members.noMentor")}</dd>
        </dl>
      </Card>
      {can(ctx.role, "members.manage") && member.status === "ACTIVE" && (
        <Card title={t("auth.password")}>
          <ResetLinkButton membershipId={member.id} name={member.user.name} hours={ADMIN_RESET_HOURS} />
        </Card>
      )}
      {can(ctx.role, "members.manage") && member.status === "ACTIVE" && member.user.id !== ctx.userId && (
        <Card title={t("members.resetFactorsTitle")}>
          <FactorResetButton membershipId={member.id} name={member.user.name} />
        </Card>
      )}
      <Card title={t("members.mentees")}>
        {member.mentees.length === 0 ? (
          <EmptyState>{t("members.menteesEmpty")}</EmptyState>
        ) : (
          <ul className="list-inside list-disc text-sm">
            {member.mentees.map((m) => (
              <li key={m.id}>{m.name}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
