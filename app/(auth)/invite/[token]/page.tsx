import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { getSessionUserId } from "@/lib/auth/context";
import { getDb } from "@/lib/db/client";
import { findInvitation } from "@/lib/team/invitations";
import { JoinForm } from "./join-form";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const t = await getTranslations();
  const { state, invitation } = await findInvitation(getDb(), token);
  const userId = await getSessionUserId();
  const user = userId ? await getDb().user.findUnique({ where: { id: userId }, select: { name: true, email: true } }) : null;
  return (
    <Card>
      <h1 className="mb-3 text-xl font-bold">{t("invite.title")}</h1>
      {state !== "valid" || !invitation ? (
        <Alert>{t(`invite.states.${state}`)}</Alert>
      ) : (
        <div className="space-y-4">
          <p>{t("invite.intro", { team: invitation.team.name, role: t(`roles.${invitation.role}`) })}</p>
          {invitation.email && <p className="text-sm text-stone-600">{t("invite.forEmail", { email: invitation.email })}</p>}
          {user && invitation.email?.toLowerCase() !== user.email.toLowerCase() ? (
            <Alert tone="amber">{t("invite.otherAccount", { current: user.email, email: invitation.email ?? "" })}</Alert>
          ) : (
            <JoinForm token={token} signedInName={user?.name ?? null} defaultEmail={invitation.email ?? ""} />
          )}
        </div>
      )}
    </Card>
  );
}
