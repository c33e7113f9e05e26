// A team's company sign-in settings: read, validated and saved by an admin. The client secret is
// encrypted at rest and never sent back to the browser.
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import { open, seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { versionField } from "@/lib/zod-helpers";
import { newVerifyToken, provedDomains } from "./domains";
import { forgetSsoOffered } from "./offered";

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, "invalidDomain");

export const ssoSettingsSchema = z.object({
  issuer: z.string().trim().min(1, "required").max(500, "tooLong").url("invalidUrl"),
  clientId: z.string().trim().min(1, "required").max(300, "tooLong"),
  // Empty keeps the stored secret.
  clientSecret: z.string().max(1000, "tooLong").default(""),
  domains: z
    .string()
    .max(2000, "tooLong")
    .transform((v) => [
      ...new Set(
        v
          .split(/[\s,、]+/)
          .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(domainSchema).min(1, "required").max(20, "tooMany")),
  jitEnabled: z.coerce.boolean().default(false),
  ssoOnly: z.coerce.boolean().default(false),
  enabled: z.coerce.boolean().default(true),
  version: versionField.optional(),
});

export type SsoSettingsInput = z.infer<typeof ssoSettingsSchema>;

export async function getSsoSettings(ctx: TeamCtx) {
  const row = await ctx.db.teamSso.findUnique({ where: { teamId: ctx.teamId } });
  if (!row) return null;
  const { clientSecret, ...rest } = row;
  // Settings saved before domains had to be proved get their token on first view.
  if (!rest.verifyToken) {
    rest.verifyToken = newVerifyToken();
    await ctx.db.teamSso.update({ where: { teamId: ctx.teamId }, data: { verifyToken: rest.verifyToken } });
  }
  return { ...rest, hasSecret: clientSecret !== "", verifiedDomains: await provedDomains(ctx.db, ctx.teamId) };
}

/** Saves the settings after checking the issuer answers discovery (`check` does that). */
export async function saveSsoSettings(ctx: TeamCtx, input: SsoSettingsInput, check: (issuer: string) => Promise<void>) {
  const existing = await ctx.db.teamSso.findUnique({ where: { teamId: ctx.teamId }, select: { clientSecret: true, version: true } });
  if (!existing && !input.clientSecret) throw new AppError("validation", "validation", { clientSecret: ["required"] });
  if (existing && input.version !== undefined && existing.version !== input.version) throw new AppError("conflict", "staleEdit");
  // Only a domain another team has proved is refused: listing one proves nothing and blocks no one.
  const taken = await ctx.db.ssoDomain.findFirst({
    where: { teamId: { not: ctx.teamId }, domain: { in: input.domains } },
    select: { domain: true },
  });
  if (taken) throw new AppError("validation", "validation", { domains: ["domainTaken"] });
  try {
    await check(input.issuer);
  } catch {
    throw new AppError("validation", "validation", { issuer: ["issuerUnreachable"] });
  }
  const data = {
    issuer: input.issuer,
    clientId: input.clientId,
    domains: input.domains,
    jitEnabled: input.jitEnabled,
    ssoOnly: input.ssoOnly,
    enabled: input.enabled,
    ...(input.clientSecret ? { clientSecret: seal(input.clientSecret) } : {}),
  };
  await ctx.db.$transaction(async (tx) => {
    if (existing) await tx.teamSso.update({ where: { teamId: ctx.teamId }, data: { ...data, version: { increment: 1 } } });
    else
      await tx.teamSso.create({
        data: { teamId: ctx.teamId, clientSecret: seal(input.clientSecret), verifyToken: newVerifyToken(), ...data },
      });
    // A domain taken off the list loses its proof: listing it again means proving it again.
    await tx.ssoDomain.deleteMany({ where: { teamId: ctx.teamId, domain: { notIn: input.domains } } });
    // The secret itself never goes to the log.
    const { clientSecret: _secret, version: _v, ...logged } = input;
    await audit(tx, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "sso.settings",
      entityType: "Team",
      entityId: ctx.teamId,
      detail: { ...logged, secretChanged: input.clientSecret !== "" },
    });
  });
  forgetSsoOffered();
}

type SsoDb = Pick<Db, "teamSso" | "ssoDomain">;

/** The enabled configuration of the team that proved an email's domain, with its secret opened; null when none. */
export async function ssoForEmail(db: SsoDb, email: string) {
  const domain = email.trim().toLowerCase().split("@")[1];
  if (!domain) return null;
  const proved = await db.ssoDomain.findUnique({ where: { domain }, select: { teamId: true } });
  return proved ? ssoForTeam(db, proved.teamId) : null;
}

/** A team's enabled configuration with its proved domains (the only ones it may admit). */
export async function ssoForTeam(db: SsoDb, teamId: string) {
  const row = await db.teamSso.findUnique({ where: { teamId } });
  if (!row || !row.enabled) return null;
  return { ...row, clientSecret: open(row.clientSecret), verifiedDomains: await provedDomains(db, teamId) };
}
