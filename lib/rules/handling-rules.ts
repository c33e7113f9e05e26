// A draft of the team's 健康情報等の取扱規程 (労働安全衛生法104条 and the MHLW guidance on workers'
// health information), written from what the product is actually set to: who may read what (the
// permission table itself), how consent is recorded, the minimum group size and its committee
// decision, security settings, disclosure/erasure procedures and the retention periods. One model,
// drawn as a page, a PDF and Markdown, so the three always say the same.
import type { TeamCtx } from "@/lib/auth/context";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { calendarDate, isoDayOf, tokyoDay } from "@/lib/dates";
import type { Role } from "@/lib/generated/prisma/enums";
import { monthLabel, translatorFor } from "@/lib/i18n/translator";
import { DEFAULT_MIN_GROUP_SIZE } from "@/lib/statistics/suppression";

export interface Article {
  heading: string;
  paragraphs: string[];
  items: string[];
}

export interface HandlingRules {
  title: string;
  team: string;
  /** "YYYY-MM-DD", the day the draft was made (Tokyo), and as written in Japanese. */
  draftedOn: string;
  draftedLabel: string;
  preamble: string;
  articles: Article[];
  /** Members at the time of drafting: name and role. */
  members: { name: string; role: string }[];
  footnote: string;
}

const ROLES: Role[] = ["ADMIN", "MENTOR", "NURSE"];
/** The permissions the rules speak of, in the order they are listed. */
const SPOKEN: Permission[] = [
  "cases.readAll",
  "cases.readAssigned",
  "cases.create",
  "cases.erase",
  "cases.disclose",
  "keyPersons.write",
  "keyPersons.disclose",
  "keyPersons.erase",
  "reports.write",
  "share.manage",
  "team.export",
  "retention.manage",
  "audit.read",
  "members.manage",
];

export async function handlingRules(ctx: TeamCtx, now = new Date()): Promise<HandlingRules> {
  const t = translatorFor("ja");
  const r = (key: string, values?: Record<string, string | number>) => t(`handlingRules.${key}`, values);
  const [team, sso, members, review] = await Promise.all([
    ctx.db.team.findUniqueOrThrow({
      where: { id: ctx.teamId },
      select: {
        name: true,
        minGroupSize: true,
        minGroupDecidedOn: true,
        minGroupMinuteRef: true,
        caseNamesOn: true,
        requireTwoFactor: true,
        ipAllowlist: true,
        retainCaseYears: true,
        retainPersonYears: true,
        retainAuditYears: true,
      },
    }),
    ctx.db.teamSso.findUnique({ where: { teamId: ctx.teamId }, select: { enabled: true, ssoOnly: true } }),
    ctx.db.membership.findMany({
      where: { teamId: ctx.teamId, status: "ACTIVE" },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: { role: true, user: { select: { name: true } } },
    }),
    ctx.db.auditReview.findFirst({ where: { teamId: ctx.teamId }, orderBy: { month: "desc" }, select: { month: true } }),
  ]);
  const role = (x: Role) => t(`roles.${x}`);
  const draftedOn = tokyoDay(now);
  const draftedLabel = calendarDate(draftedOn);

  const who = ROLES.map((x) =>
    r("roleLine", {
      role: role(x),
      can: SPOKEN.filter((p) => ROLE_PERMISSIONS[x].has(p))
        .map((p) => r(`perm.${p.replace(".", "_")}`))
        .join("、"),
    }),
  );
  const group =
    team.minGroupSize >= DEFAULT_MIN_GROUP_SIZE || !team.minGroupDecidedOn
      ? r("groupDefault", { n: team.minGroupSize })
      : r("groupDecided", { n: team.minGroupSize, on: calendarDate(isoDayOf(team.minGroupDecidedOn)), ref: team.minGroupMinuteRef ?? "" });
  const security = [
    r("secEncryption"),
    team.requireTwoFactor ? r("secTwoFactorOn") : r("secTwoFactorOff"),
    sso?.enabled ? (sso.ssoOnly ? r("secSsoOnly") : r("secSso")) : r("secPassword"),
    team.ipAllowlist.length ? r("secAllowlist", { count: team.ipAllowlist.length }) : r("secNoAllowlist"),
    r("secAudit"),
    review ? r("secReviewLast", { month: monthLabel(t, review.month) }) : r("secReviewNone"),
  ];
  const articles: Article[] = [
    { heading: r("a1"), paragraphs: [r("a1p", { team: team.name })], items: [] },
    {
      heading: r("a2"),
      paragraphs: [r("a2p")],
      items: [r("a2case", { names: team.caseNamesOn ? r("namesOn") : r("namesOff") }), r("a2person"), r("a2audit")],
    },
    { heading: r("a3"), paragraphs: [r("a3p")], items: who },
    { heading: r("a4"), paragraphs: [r("a4p"), r("a4withdraw")], items: [] },
    { heading: r("a5"), paragraphs: [r("a5p"), group, r("a5series")], items: [] },
    { heading: r("a6"), paragraphs: [r("a6p")], items: security },
    { heading: r("a7"), paragraphs: [r("a7p")], items: [r("a7disclose"), r("a7correct"), r("a7stop"), r("a7erase")] },
    {
      heading: r("a8"),
      paragraphs: [r("a8p")],
      items: [
        r("a8case", { n: team.retainCaseYears }),
        r("a8person", { n: team.retainPersonYears }),
        r("a8audit", { n: team.retainAuditYears }),
        r("a8hold"),
      ],
    },
    { heading: r("a9"), paragraphs: [r("a9p")], items: [] },
    { heading: r("a10"), paragraphs: [r("a10p")], items: [] },
  ];
  return {
    title: r("title"),
    team: team.name,
    draftedOn,
    draftedLabel,
    preamble: r("preamble"),
    articles,
    members: members.map((m) => ({ name: m.user.name, role: role(m.role) })),
    footnote: r("footnote", { date: draftedLabel }),
  };
}

/** The draft as Markdown, for editing in any word processor. */
export function rulesMarkdown(doc: HandlingRules): string {
  const t = translatorFor("ja");
  const lines = [`# ${doc.title}`, "", `${doc.team}　${t("handlingRules.draftOf", { date: doc.draftedLabel })}`, "", doc.preamble, ""];
  doc.articles.forEach((a, i) => {
    lines.push(`## ${t("handlingRules.article", { n: i + 1 })}（${a.heading}）`, "");
    for (const p of a.paragraphs) lines.push(p, "");
    for (const item of a.items) lines.push(`- ${item}`);
    if (a.items.length) lines.push("");
  });
  lines.push(
    `## ${t("handlingRules.members")}`,
    "",
    `| ${t("handlingRules.memberName")} | ${t("handlingRules.memberRole")} |`,
    "| --- | --- |",
  );
  for (const m of doc.members) lines.push(`| ${m.name.replaceAll("|", "｜")} | ${m.role} |`);
  lines.push("", `${t("handlingRules.supplement")}`, "", doc.footnote, "");
  return lines.join("\n");
}
