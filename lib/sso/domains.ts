// A team proves a mail domain is its own by publishing a DNS TXT record with its token, as Slack,
// Atlassian and Google Workspace ask (decision 013). Until then the domain routes no company
// sign-in to the team, admits nobody, and does not stop another team from listing it; once proved,
// it is the team's alone (SsoDomain's key).
import { randomBytes } from "node:crypto";
import { Resolver } from "node:dns/promises";
import { audit } from "@/lib/audit";
import type { TeamCtx } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Where the record goes: `_tsunagari-note.example.co.jp`. */
export const recordName = (domain: string) => `_tsunagari-note.${domain}`;
/** What it says. */
export const recordValue = (token: string) => `tsunagari-note-verification=${token}`;
export const newVerifyToken = () => randomBytes(18).toString("base64url");

export type TxtLookup = (name: string) => Promise<string[][]>;

/** The domains a team has proved (the only ones it may admit). */
export async function provedDomains(db: Pick<Db, "ssoDomain">, teamId: string): Promise<string[]> {
  return (await db.ssoDomain.findMany({ where: { teamId }, select: { domain: true } })).map((d) => d.domain);
}

/** TXT records by the configured DNS servers (DNS_SERVERS) or the system's. */
export const resolveTxt: TxtLookup = async (name) => {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  const servers = getEnv().DNS_SERVERS;
  if (servers) resolver.setServers(servers.split(","));
  return resolver.resolveTxt(name);
};

export type DomainCheck = { domain: string; state: "verified" | "notFound" | "taken" };

/**
 * Looks up each listed domain that this team has not proved yet and records those whose TXT record
 * carries the team's token. A domain another team proved first stays that team's.
 */
export async function verifySsoDomains(ctx: TeamCtx, lookup: TxtLookup = resolveTxt, now = new Date()): Promise<DomainCheck[]> {
  const sso = await ctx.db.teamSso.findUnique({ where: { teamId: ctx.teamId }, select: { domains: true, verifyToken: true } });
  if (!sso || !sso.verifyToken) throw new AppError("notFound");
  const proved = new Set(await provedDomains(ctx.db, ctx.teamId));
  const results: DomainCheck[] = [];
  for (const domain of sso.domains) {
    if (proved.has(domain)) {
      results.push({ domain, state: "verified" });
      continue;
    }
    const records = await lookup(recordName(domain)).catch(() => [] as string[][]);
    // A long TXT value may arrive in several strings: they are one value (RFC 7208 §3.3).
    if (!records.some((chunks) => chunks.join("") === recordValue(sso.verifyToken))) {
      results.push({ domain, state: "notFound" });
      continue;
    }
    // The domain's key settles a race between two teams: the second insert is skipped.
    const made = await ctx.db.ssoDomain.createMany({ data: [{ domain, teamId: ctx.teamId, verifiedAt: now }], skipDuplicates: true });
    if (made.count !== 1) {
      results.push({ domain, state: "taken" });
      continue;
    }
    await audit(ctx.db, {
      teamId: ctx.teamId,
      actorId: ctx.userId,
      action: "sso.domainVerified",
      entityType: "Team",
      entityId: ctx.teamId,
      detail: { domain },
    });
    results.push({ domain, state: "verified" });
  }
  return results;
}
