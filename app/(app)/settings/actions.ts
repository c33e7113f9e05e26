"use server";
// Team administration: settings, invitations, roles, deactivation, mentors.
import { recordIdSchema } from "@/lib/zod-helpers";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { audit } from "@/lib/audit";
import { issueResetLink, resetSecondFactors } from "@/lib/accounts/account";
import { authedAction } from "@/lib/auth/wrappers";
import { AppError } from "@/lib/errors";
import { retryMail } from "@/lib/mail/outbox";
import { getEnv } from "@/lib/env";
import { appOrigin } from "@/lib/net/app-origin";
import { allowlistAddress } from "@/lib/net/allowlist";
import { riskScaleSchema, saveRiskScale } from "@/lib/cases/risk-scale";
import { createInvitation, revokeInvitation } from "@/lib/team/invitations";
import { assignMentor, changeRole, setMemberActive, updateTeamSettings } from "@/lib/team/members";
import { assignMentorSchema, changeRoleSchema, createInvitationSchema, membershipIdSchema, teamSettingsSchema } from "@/lib/team/schemas";

export const saveTeamSettings = authedAction("settings.manage", teamSettingsSchema, async (ctx, input) => {
  await updateTeamSettings(ctx, input, allowlistAddress(await headers(), getEnv().TRUSTED_PROXY_HOPS));
  revalidatePath("/", "layout");
  return null;
});

export const inviteMember = authedAction("members.manage", createInvitationSchema, async (ctx, input) => {
  const inv = await createInvitation(ctx, input, new Date(), appOrigin(await headers()));
  return { path: inv.path, expiresAt: inv.expiresAt.toISOString(), mailedTo: inv.mailedTo };
});

export const issuePasswordReset = authedAction("members.manage", membershipIdSchema, async (ctx, { membershipId }) => {
  const { link } = await issueResetLink(ctx, membershipId, appOrigin(await headers()));
  // null: she is also in another team, so the link went to her mailbox only.
  return { link };
});

export const resetMemberFactors = authedAction("members.manage", membershipIdSchema, async (ctx, { membershipId }) => {
  await resetSecondFactors(ctx, membershipId);
  revalidatePath(`/settings/members/${membershipId}`);
  return null;
});

export const resendMail = authedAction("members.manage", recordIdSchema, async (ctx, { id }) => {
  if (!(await retryMail(ctx.db, ctx.teamId, id))) throw new AppError("notFound");
  await audit(ctx.db, { teamId: ctx.teamId, actorId: ctx.userId, action: "mail.retry", entityType: "MailMessage", entityId: id });
  revalidatePath("/settings/mail");
  return null;
});

export const revokeInvite = authedAction("members.manage", recordIdSchema, async (ctx, { id }) => {
  await revokeInvitation(ctx, id);
  revalidatePath("/settings");
  return null;
});

export const updateRole = authedAction("members.manage", changeRoleSchema, async (ctx, input) => {
  await changeRole(ctx, input);
  return null;
});

export const deactivateMember = authedAction("members.manage", membershipIdSchema, async (ctx, { membershipId }) => {
  await setMemberActive(ctx, membershipId, false);
  return null;
});

export const reactivateMember = authedAction("members.manage", membershipIdSchema, async (ctx, { membershipId }) => {
  await setMemberActive(ctx, membershipId, true);
  return null;
});

export const updateMentor = authedAction("members.manage", assignMentorSchema, async (ctx, input) => {
  await assignMentor(ctx, input);
  return null;
});

export const saveRiskLevels = authedAction("settings.manage", riskScaleSchema, async (ctx, { labels }) => {
  await saveRiskScale(ctx, labels);
  revalidatePath("/settings");
  return null;
});
