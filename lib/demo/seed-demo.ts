// The demo: one believable nurse team with 18 months of history, and a small second team.
// Deterministic (seeded random), dated relative to the day it runs so reminders are current.
import { randomUUID } from "node:crypto";
import { loadTeamContext } from "@/lib/auth/context";
import { hashPassword } from "@/lib/accounts/password";
import { resolvePeriod } from "@/lib/dashboard/filters";
import { DAY_MS, tokyoToday } from "@/lib/dates";
import { issueReport } from "@/lib/reports/reports";
import { MANAGER_SECTIONS, SECTION_IDS } from "@/lib/reports/types";
import { hashShareToken } from "@/lib/share/links";
import { syncRun } from "@/lib/surveys/sync";
import { createNewsletter } from "@/lib/newsletters/newsletters";
import type { Db } from "@/lib/db/client";
import type {
  CaseKind,
  InitiativeStage,
  KeyPersonKind,
  Principle,
  RequestStatus,
  ResistanceReason,
  Stance,
  TouchpointType,
  ValueKind,
} from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  DEMO_PASSWORD,
  DEMO_SHARE_TOKEN,
  DEMO_USERS,
  FAMILY,
  GIVEN,
  INITIATIVES,
  PAIN_POINTS,
  REQUEST_IDEAS,
  REQUEST_TEMPLATES,
  SITES,
  TIMINGS,
  TOUCHPOINT_TEXT,
  DEMO_FINISHED_SURVEY_CODE,
  DEMO_SURVEY_CODE,
} from "./seed-data";
import { seedReviews } from "./seed-reviews";

const STANCES: Stance[] = ["UNCOOPERATIVE", "INDIFFERENT", "NEUTRAL", "COOPERATIVE", "CHAMPION"];
const VALUES: ValueKind[] = ["PRODUCTIVITY", "RETENTION", "SAFETY", "COMPLIANCE", "COST", "MORALE", "QUALITY"];
const REASONS: ResistanceReason[] = ["LOW_PRIORITY", "OUTSIDE_INFLUENCE", "SHORT_OF_INFORMATION", "SUPPORTIVE_NOT_VISIBLE"];
const PRINCIPLES: Principle[] = ["RECIPROCITY", "AUTHORITY", "SOCIAL_PROOF", "REASON", "CONTRAST", "CONSISTENCY"];

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function isSeeded(db: Db) {
  return (await db.team.count()) > 0;
}

export async function seedDemo(db: Db, now = new Date(), seed = 20261123) {
  const rand = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(arr: readonly T[]): T => arr[Math.floor(rand() * arr.length)];
  const chance = (p: number) => rand() < p;
  const dateOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  // A working hour (JST) n days ago; today's never later than now.
  const daysAgo = (n: number, hour = int(9, 17)) =>
    new Date(Math.min(dateOnly(new Date(now.getTime() - n * DAY_MS)).getTime() + (hour - 9) * 3_600_000, now.getTime() - 60_000));
  const weighted = <T extends string>(w: Record<T, number>): T => {
    const entries = Object.entries(w) as [T, number][];
    let r = rand() * entries.reduce((s, [, n]) => s + n, 0);
    for (const [k, n] of entries) if ((r -= n) < 0) return k;
    return entries[0][0];
  };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = Object.fromEntries(Object.entries(DEMO_USERS).map(([k, u]) => [k, { id: randomUUID(), ...u }])) as {
    [K in keyof typeof DEMO_USERS]: { id: string; email: string; name: string; role: string };
  };
  await db.user.createMany({
    data: Object.values(users).map((u) => ({ id: u.id, email: u.email, name: u.name, passwordHash })),
  });

  const teamId = randomUUID();
  const otherTeamId = randomUUID();
  await db.team.createMany({
    data: [
      { id: teamId, name: "北辰精機 産業保健チーム" },
      { id: otherTeamId, name: "みなと物流 健康推進室" },
    ],
  });
  const nurses = [users.lead, users.mentor, users.junior, users.junior2, users.nurse];
  await db.membership.createMany({
    data: [
      ...nurses.map((u, i) => ({
        teamId,
        userId: u.id,
        role: u.role as "ADMIN" | "MENTOR" | "NURSE",
        createdAt: new Date(now.getTime() - (600 - i) * DAY_MS),
      })),
      { teamId: otherTeamId, userId: users.other.id, role: "ADMIN" as const },
    ],
  });
  await db.mentorAssignment.createMany({
    data: [users.junior, users.junior2].map((m) => ({ teamId, mentorId: users.mentor.id, menteeId: m.id })),
  });

  // Departments: company → sites → departments.
  const companyId = randomUUID();
  const departments: Prisma.DepartmentCreateManyInput[] = [
    { id: companyId, teamId, kind: "COMPANY", name: "北辰精機株式会社", headcount: 1960, path: "/", externalId: "C000" },
  ];
  const siteIds: string[] = [];
  const deptList: { id: string; name: string; headcount: number; site: number }[] = [];
  SITES.forEach((site, s) => {
    const siteId = randomUUID();
    siteIds.push(siteId);
    departments.push({
      id: siteId,
      teamId,
      kind: "SITE",
      parentId: companyId,
      name: site.name,
      headcount: site.headcount,
      path: `/${companyId}/`,
      externalId: `S${s + 1}00`,
    });
    site.departments.forEach(([name, headcount], d) => {
      const id = randomUUID();
      deptList.push({ id, name, headcount, site: s });
      departments.push({
        id,
        teamId,
        kind: "DEPARTMENT",
        parentId: siteId,
        name,
        headcount,
        path: `/${companyId}/${siteId}/`,
        externalId: `D${s + 1}${String(d + 1).padStart(2, "0")}`,
      });
    });
  });
  await db.department.createMany({ data: departments });

  // Key persons with reporting lines.
  type KP = Prisma.KeyPersonCreateManyInput & { id: string; site: number; departmentId: string };
  const people: KP[] = [];
  let n = 0;
  const ownerForSite = [
    [users.lead, users.nurse],
    [users.mentor, users.junior2],
    [users.junior, users.mentor],
  ];
  const addPerson = (p: {
    kind: KeyPersonKind;
    title: string;
    departmentId: string;
    site: number;
    reportsToId?: string;
    owner?: string;
  }) => {
    const [family, familyKana] = FAMILY[n % FAMILY.length];
    // Each lap through the family names shifts the given names by one: no two people share a name.
    const [given, givenKana] = GIVEN[(n * 7 + Math.floor(n / FAMILY.length)) % GIVEN.length];
    n += 1;
    const stance = weighted<Stance>({ UNCOOPERATIVE: 12, INDIFFERENT: 18, NEUTRAL: 26, COOPERATIVE: 28, CHAMPION: 16 });
    const person: KP = {
      id: randomUUID(),
      teamId,
      externalId: `E${String(1000 + n)}`,
      name: `${family} ${given}`,
      nameKana: `${familyKana} ${givenKana}`,
      title: p.title,
      departmentId: p.departmentId,
      site: p.site,
      kind: p.kind,
      reportsToId: p.reportsToId ?? null,
      ownerId: p.owner ?? pick(ownerForSite[p.site]).id,
      stance,
      influence: p.kind === "EXECUTIVE" ? int(4, 5) : int(1, 5),
      interest: int(1, 5),
      resistanceReason: STANCES.indexOf(stance) <= 2 ? pick(REASONS) : null,
      painPoints: pick(PAIN_POINTS),
      values: [pick(VALUES), pick(VALUES)].filter((v, i, a) => a.indexOf(v) === i),
      bestTiming: pick(TIMINGS),
      preferredChannel: pick(["IN_PERSON", "EMAIL", "CHAT", "PHONE", "MEETING"] as const),
      tags: chance(0.3) ? ["衛生委員"] : chance(0.2) ? ["元営業", "昇進予定"] : [],
      notes: "",
      createdAt: new Date(now.getTime() - int(540, 560) * DAY_MS),
    };
    people.push(person);
    return person;
  };
  const dept = (name: string) => deptList.find((d) => d.name === name)!;
  const ceo = addPerson({ kind: "EXECUTIVE", title: "代表取締役社長", departmentId: companyId, site: 0, owner: users.lead.id });
  const hrExec = addPerson({
    kind: "EXECUTIVE",
    title: "取締役 人事担当",
    departmentId: companyId,
    site: 0,
    reportsToId: ceo.id,
    owner: users.lead.id,
  });
  const siteHeads = SITES.map((s, i) =>
    addPerson({
      kind: "EXECUTIVE",
      title: i === 0 ? "管理本部長" : i === 1 ? "工場長" : "センター長",
      departmentId: siteIds[i],
      site: i,
      reportsToId: ceo.id,
    }),
  );
  const hrHead = addPerson({
    kind: "HR",
    title: "人事部長",
    departmentId: dept("人事部").id,
    site: 0,
    reportsToId: hrExec.id,
    owner: users.lead.id,
  });
  for (const t of ["人事課長", "労務担当", "人事担当（川崎駐在）", "人事担当（大阪駐在）"]) {
    addPerson({
      kind: "HR",
      title: t,
      departmentId: dept("人事部").id,
      site: t.includes("川崎") ? 1 : t.includes("大阪") ? 2 : 0,
      reportsToId: hrHead.id,
    });
  }
  const gaHead = addPerson({
    kind: "GENERAL_AFFAIRS",
    title: "総務部長",
    departmentId: dept("総務部").id,
    site: 0,
    reportsToId: siteHeads[0].id,
  });
  addPerson({ kind: "GENERAL_AFFAIRS", title: "総務課 主任", departmentId: dept("総務部").id, site: 0, reportsToId: gaHead.id });
  addPerson({
    kind: "GENERAL_AFFAIRS",
    title: "センター管理課長",
    departmentId: dept("センター管理課").id,
    site: 2,
    reportsToId: siteHeads[2].id,
  });
  const safetyHead = addPerson({
    kind: "SAFETY",
    title: "安全衛生課長",
    departmentId: dept("安全衛生課").id,
    site: 1,
    reportsToId: siteHeads[1].id,
  });
  addPerson({ kind: "SAFETY", title: "衛生管理者", departmentId: dept("安全衛生課").id, site: 1, reportsToId: safetyHead.id });
  addPerson({ kind: "SAFETY", title: "安全管理者", departmentId: dept("出荷課").id, site: 2, reportsToId: siteHeads[2].id });
  addPerson({ kind: "OCCUPATIONAL_PHYSICIAN", title: "統括産業医", departmentId: companyId, site: 0, owner: users.lead.id });
  addPerson({ kind: "OCCUPATIONAL_PHYSICIAN", title: "嘱託産業医（川崎）", departmentId: siteIds[1], site: 1 });
  for (const d of deptList) {
    if (["人事部", "総務部", "安全衛生課", "センター管理課"].includes(d.name)) continue;
    const manager = addPerson({
      kind: "LINE_MANAGER",
      title: d.site === 0 ? "部長" : "課長",
      departmentId: d.id,
      site: d.site,
      reportsToId: siteHeads[d.site].id,
    });
    const sub = addPerson({
      kind: "LINE_MANAGER",
      title: d.site === 0 ? "課長" : "係長",
      departmentId: d.id,
      site: d.site,
      reportsToId: manager.id,
    });
    if (d.headcount > 50)
      addPerson({ kind: "LINE_MANAGER", title: d.site === 0 ? "主任" : "班長", departmentId: d.id, site: d.site, reportsToId: sub.id });
  }
  addPerson({ kind: "OTHER", title: "労働組合 執行委員長", departmentId: dept("製造第一課").id, site: 1 });
  addPerson({ kind: "OTHER", title: "健康保険組合 保健事業担当", departmentId: companyId, site: 0, owner: users.lead.id });
  while (people.length < 64) {
    const d = pick(deptList);
    addPerson({ kind: "LINE_MANAGER", title: "リーダー", departmentId: d.id, site: d.site });
  }
  // A few people nobody has visited lately, so the "no contact" reminders are real.
  const quiet = new Set(people.filter((_, i) => i % 9 === 4).map((p) => p.id));

  // Stance history: everyone starts lower (or the same) 18 months ago and moves toward today's stance.
  const stanceRows: Prisma.StanceChangeCreateManyInput[] = [];
  for (const p of people) {
    const current = STANCES.indexOf(p.stance as Stance);
    let level = Math.max(0, current - int(0, 2));
    let at = (p.createdAt as Date).getTime();
    stanceRows.push({
      teamId,
      keyPersonId: p.id,
      fromStance: null,
      toStance: STANCES[level],
      reason: "初回登録",
      changedById: p.ownerId!,
      changedAt: new Date(at),
    });
    // Moves are spread over the whole history, so every quarter shows some growth.
    const span = now.getTime() - 5 * DAY_MS - at;
    const steps = current - level;
    let step = 0;
    while (level < current) {
      step += 1;
      // Each move falls inside its own slice of the span, so none lands after today.
      at = (p.createdAt as Date).getTime() + Math.round((span * (step - 0.9 + rand() * 0.8)) / steps);
      stanceRows.push({
        teamId,
        keyPersonId: p.id,
        fromStance: STANCES[level],
        toStance: STANCES[level + 1],
        reason: pick([
          "面談同席をきっかけに協力的に",
          "好事例の共有に関心を示した",
          "お礼を伝え続けた結果、相談が増えた",
          "委員会での報告を評価された",
        ]),
        changedById: p.ownerId!,
        changedAt: new Date(at),
      });
      level += 1;
    }
  }
  await db.keyPerson.createMany({
    data: people.map(({ site: _site, ...p }) => ({ ...p, reportsToId: null })),
  });
  for (const p of people.filter((x) => x.reportsToId)) {
    await db.keyPerson.update({ where: { id: p.id }, data: { reportsToId: p.reportsToId } });
  }
  await db.stanceChange.createMany({ data: stanceRows });

  // Requests with their own history of status changes, the ask each sent one made and the thanks that followed.
  const touchpoints: (Prisma.TouchpointCreateManyInput & { id: string; people: string[] })[] = [];
  const requests: Prisma.RequestCreateManyInput[] = [];
  const requestEvents: Prisma.RequestEventCreateManyInput[] = [];
  const ownedBy = (userId: string) => people.filter((p) => p.ownerId === userId && !quiet.has(p.id));
  for (const nurse of nurses) {
    const mine = ownedBy(nurse.id);
    const count = nurse.id === users.junior.id ? 26 : 20;
    for (let i = 0; i < count; i++) {
      const person = pick(mine);
      const idea = pick(REQUEST_IDEAS);
      const age = int(2, 530);
      const sentAt = daysAgo(age);
      const withFallback = chance(0.45);
      const acceptP = (STANCES.indexOf(person.stance as Stance) + 1) / 6 + (idea.minutes <= 10 ? 0.15 : 0);
      let status: RequestStatus;
      if (age < 4 && chance(0.5)) status = chance(0.5) ? "DRAFT" : "SENT";
      else if (chance(acceptP)) status = age > 60 && chance(0.6) ? "DONE" : "ACCEPTED";
      else if (withFallback) status = chance(0.6) ? "FALLBACK_ACCEPTED" : "FALLBACK_DECLINED";
      else status = "DECLINED";
      const accepted = ["ACCEPTED", "FALLBACK_ACCEPTED", "DONE"].includes(status);
      // Answers and thanks come a few days later, but never after today.
      const respondedAt =
        status === "DRAFT" || status === "SENT"
          ? null
          : new Date(Math.min(sentAt.getTime() + int(1, 5) * DAY_MS, now.getTime() - 2 * 3_600_000));
      // Most accepted requests were thanked; a few recent ones are still owed thanks.
      const thanked = accepted && respondedAt && (age > 45 || chance(0.4));
      const thankedAt = thanked ? new Date(Math.min(respondedAt!.getTime() + int(0, 3) * DAY_MS, now.getTime() - 3_600_000)) : null;
      const id = randomUUID();
      const principles = [pick(PRINCIPLES), ...(withFallback ? (["CONTRAST"] as Principle[]) : [])].filter((v, k, a) => a.indexOf(v) === k);
      requests.push({
        id,
        teamId,
        keyPersonId: person.id,
        nurseId: nurse.id,
        what: idea.what,
        doer: person.name,
        dueOn: dateOnly(new Date(sentAt.getTime() + int(3, 14) * DAY_MS)),
        effortMinutes: idea.minutes,
        frequency: idea.what.includes("週1回") ? "WEEKLY" : "ONCE",
        benefit: idea.benefit,
        reason: idea.reason,
        nurseSupport: "資料と段取りは私が準備します",
        fallbackWhat: withFallback ? "メールで要点だけお送りするので、ご確認だけお願いします" : "",
        fallbackMinutes: withFallback ? 2 : null,
        principles,
        status,
        sentAt: status === "DRAFT" ? null : sentAt,
        respondedAt,
        thankedAt,
        createdAt: new Date(sentAt.getTime() - DAY_MS),
      });
      // The request's own history: drafted, sent, (declined and the fallback sent,) answered, done.
      const event = (st: RequestStatus, at: Date) =>
        requestEvents.push({ id: randomUUID(), teamId, requestId: id, nurseId: nurse.id, status: st, at });
      event("DRAFT", new Date(sentAt.getTime() - DAY_MS));
      if (status !== "DRAFT") event("SENT", sentAt);
      if (respondedAt && status.startsWith("FALLBACK_")) {
        const declinedAt = new Date((sentAt.getTime() + respondedAt.getTime()) / 2);
        event("DECLINED", declinedAt);
        event("FALLBACK_SENT", new Date(declinedAt.getTime() + 3_600_000));
      }
      if (respondedAt) event(status === "DONE" ? "ACCEPTED" : status, respondedAt);
      if (status === "DONE") event("DONE", new Date(respondedAt!.getTime() + 20 * DAY_MS));
      if (status !== "DRAFT") {
        touchpoints.push({
          id: randomUUID(),
          teamId,
          type: "ASK",
          occurredAt: sentAt,
          nurseId: nurse.id,
          summary: idea.what,
          principles,
          requestId: id,
          people: [person.id],
        });
      }
      if (thankedAt) {
        touchpoints.push({
          id: randomUUID(),
          teamId,
          type: "THANKS",
          occurredAt: thankedAt,
          nurseId: nurse.id,
          summary: pick(TOUCHPOINT_TEXT.THANKS),
          principles: [],
          requestId: id,
          people: [person.id],
        });
      }
    }
  }

  // Everyday touchpoints over 18 months. The first junior asks more than she gives (a coaching story).
  for (const nurse of nurses) {
    const mine = ownedBy(nurse.id);
    const others = people.filter((p) => !quiet.has(p.id));
    const weights: Record<TouchpointType, number> =
      nurse.id === users.junior.id
        ? { GREETING: 14, LISTENING: 6, GIVE: 4, ASK: 14, THANKS: 3, MEETING: 8, COMMITTEE: 1, EMAIL: 10, OTHER: 1 }
        : { GREETING: 20, LISTENING: 15, GIVE: 18, ASK: 6, THANKS: 8, MEETING: 12, COMMITTEE: 4, EMAIL: 10, OTHER: 1 };
    const perMonth = nurse.id === users.lead.id ? 14 : 18;
    for (let day = 545; day >= 0; day--) {
      if (!chance(perMonth / 30)) continue;
      const type = weighted(weights);
      const first = chance(0.85) ? pick(mine) : pick(others);
      const ids = [first.id, ...(chance(0.15) ? [pick(others).id] : [])].filter((v, k, a) => a.indexOf(v) === k);
      const followUp = day < 40 && chance(0.3) ? dateOnly(new Date(now.getTime() + int(-10, 12) * DAY_MS)) : null;
      touchpoints.push({
        id: randomUUID(),
        teamId,
        type,
        occurredAt: daysAgo(day),
        nurseId: nurse.id,
        summary: pick(TOUCHPOINT_TEXT[type]),
        principles: type === "GIVE" || type === "ASK" ? [pick(PRINCIPLES)] : [],
        followUpDueOn: followUp,
        followUpDoneAt:
          followUp && followUp.getTime() < now.getTime() - 5 * DAY_MS && chance(0.5) ? new Date(followUp.getTime() + DAY_MS) : null,
        people: ids,
      });
    }
  }
  // Quiet people were last seen a while ago.
  for (const id of quiet) {
    const p = people.find((x) => x.id === id)!;
    touchpoints.push({
      id: randomUUID(),
      teamId,
      type: "GREETING",
      occurredAt: daysAgo(int(75, 200)),
      nurseId: p.ownerId!,
      summary: TOUCHPOINT_TEXT.GREETING[0],
      principles: [],
      people: [id],
    });
  }
  await db.request.createMany({ data: requests });
  await db.requestEvent.createMany({ data: requestEvents });
  // What each sent request said when it went out (第1版).
  await db.$executeRaw`
    INSERT INTO "RequestVersion" (id, "teamId", "requestId", number, "nurseId", at, what, doer, "dueOn", "effortMinutes", frequency,
      benefit, reason, "nurseSupport", "fallbackWhat", "fallbackMinutes")
    SELECT 'rv1-' || r.id, r."teamId", r.id, 1, r."nurseId", COALESCE(r."sentAt", r."createdAt"), r.what, r.doer, r."dueOn", r."effortMinutes",
      r.frequency, r.benefit, r.reason, r."nurseSupport", r."fallbackWhat", r."fallbackMinutes"
    FROM "Request" r WHERE r."teamId" = ${teamId} AND r.status <> 'DRAFT'`;
  const byId = new Map(people.map((p) => [p.id, p]));
  for (let i = 0; i < touchpoints.length; i += 500) {
    const chunk = touchpoints.slice(i, i + 500);
    await db.touchpoint.createMany({ data: chunk.map(({ people: _p, ...t }) => t) });
    await db.touchpointParticipant.createMany({
      data: chunk.flatMap((t) =>
        t.people.map((keyPersonId) => ({ touchpointId: t.id, keyPersonId, teamId, type: t.type, occurredAt: t.occurredAt })),
      ),
    });
  }
  const last = new Map<string, Date>();
  for (const t of touchpoints)
    for (const pid of t.people) {
      const at = t.occurredAt as Date;
      if (!last.get(pid) || last.get(pid)! < at) last.set(pid, at);
    }
  await db.$executeRaw`UPDATE "KeyPerson" k SET "lastContactAt" = x.last FROM (
    SELECT "keyPersonId", max("occurredAt") AS last FROM "TouchpointParticipant" WHERE "teamId" = ${teamId} GROUP BY "keyPersonId") x
    WHERE k.id = x."keyPersonId"`;
  void byId;

  await db.requestTemplate.createMany({
    data: REQUEST_TEMPLATES.map((t) => ({
      teamId,
      title: t.title,
      what: t.what,
      effortMinutes: t.minutes,
      frequency: t.frequency,
      benefit: t.benefit,
      reason: t.reason,
      nurseSupport: t.nurseSupport,
      fallbackWhat: t.fallbackWhat,
      fallbackMinutes: t.fallbackMinutes,
      principles: ["REASON", "CONTRAST"] as Principle[],
    })),
  });

  await seedDepartmentNotes(db, { teamId, deptList, nurses, pick, int, daysAgo });
  await seedInitiatives(db, { teamId, deptList, people, nurses, pick, int, chance, daysAgo, dateOnly });
  await seedCases(db, { teamId, deptList, people, nurses, pick, int, chance, daysAgo, dateOnly, now });
  await seedReviews(db, { teamId, mentorId: users.mentor.id, menteeId: users.junior.id, now });
  await seedOtherTeam(db, { teamId: otherTeamId, userId: users.other.id, daysAgo });
  await seedReport(db, { teamId, leadId: users.lead.id, now });
  await seedSurvey(db, { teamId, nurseId: users.junior.id, now });
  await seedFinishedSurvey(db, { teamId, nurseId: users.junior.id, now });
  return { teamId, otherTeamId };
}

const DEMO_QUESTIONS = [
  { kind: "SCALE", role: "SATISFACTION", text: "今日の内容に、全体としてどのくらい満足しましたか。", options: [], required: true },
  {
    kind: "SINGLE",
    role: "USEFUL",
    text: "仕事や生活に役立ちそうですか。",
    options: ["とても役立つ", "少し役立つ", "あまり役立たない"],
    required: true,
  },
  {
    kind: "MULTIPLE",
    role: "INTENT",
    text: "明日から試してみようと思うことはありますか。",
    options: ["こまめな水分補給", "休憩のとり方を変える", "同僚に声をかける", "特になし"],
    required: false,
  },
  {
    kind: "TEXT",
    role: "COMMENT",
    text: "感想やご意見があれば、自由にお書きください（名前は書かないでください）。",
    options: [],
    required: false,
  },
] as const;

/** A pilot's latest run with an open survey from the templates, so the answer page can be tried at once. */
async function seedSurvey(db: Db, { teamId, nurseId, now }: { teamId: string; nurseId: string; now: Date }) {
  const run = await db.initiativeResult.findFirst({
    where: { teamId, initiative: { stage: "PILOT" } },
    orderBy: [{ runOn: "desc" }, { id: "asc" }],
    select: { id: true, initiative: { select: { title: true } } },
  });
  if (!run) return;
  const survey = await db.survey.create({
    data: {
      teamId,
      resultId: run.id,
      code: DEMO_SURVEY_CODE,
      title: `${run.initiative.title} アンケート`,
      opensAt: new Date(now.getTime() - DAY_MS),
      closesAt: new Date(now.getTime() + 365 * DAY_MS),
      createdById: nurseId,
    },
  });
  await db.surveyQuestion.createMany({
    data: DEMO_QUESTIONS.map((q, position) => ({ ...q, options: [...q.options], teamId, surveyId: survey.id, position })),
  });
}

// Eighteen answers, written out so the demo's figures are the same on every start (no one's words).
const FINISHED_ANSWERS: { scale: number; useful: number; intent: number[]; text?: string }[] = [
  { scale: 5, useful: 0, intent: [0, 1], text: "5分で終わるので、忙しい時期でも参加しやすかった。" },
  { scale: 4, useful: 0, intent: [0] },
  { scale: 5, useful: 0, intent: [1, 2], text: "休憩のとり方を班で話し合うきっかけになった。" },
  { scale: 4, useful: 1, intent: [0] },
  { scale: 3, useful: 1, intent: [3] },
  { scale: 4, useful: 0, intent: [0, 2] },
  { scale: 5, useful: 0, intent: [0, 1, 2], text: "課長も一緒に聞いていたので、休憩を言い出しやすくなった。" },
  { scale: 4, useful: 1, intent: [1] },
  { scale: 4, useful: 0, intent: [0] },
  { scale: 2, useful: 2, intent: [3], text: "夜勤の人にも同じ話を届けてほしい。" },
  { scale: 5, useful: 0, intent: [0, 1] },
  { scale: 4, useful: 1, intent: [2] },
  { scale: 3, useful: 1, intent: [0] },
  { scale: 5, useful: 0, intent: [1] },
  { scale: 4, useful: 0, intent: [0, 2] },
  { scale: 4, useful: 1, intent: [0] },
  { scale: 5, useful: 0, intent: [0, 1], text: "資料が1枚で、あとで見返せるのが良い。" },
  { scale: 3, useful: 1, intent: [3] },
];

/** An evaluated pilot's run with a closed survey of 18 answers, and its champion's consent to be thanked. */
async function seedFinishedSurvey(db: Db, { teamId, nurseId, now }: { teamId: string; nurseId: string; now: Date }) {
  const run = await db.initiativeResult.findFirst({
    where: { teamId, initiative: { stage: "EVALUATED" } },
    orderBy: [{ runOn: "desc" }, { id: "asc" }],
    select: { id: true, runOn: true, initiativeId: true, initiative: { select: { title: true } } },
  });
  if (!run) return;
  await db.initiativeResult.update({
    where: { id: run.id },
    data: { participants: 24, targetHeadcount: 30 },
  });
  const survey = await db.survey.create({
    data: {
      teamId,
      resultId: run.id,
      code: DEMO_FINISHED_SURVEY_CODE,
      title: `${run.initiative.title} アンケート`,
      opensAt: run.runOn,
      closesAt: new Date(run.runOn.getTime() + 7 * DAY_MS),
      closedAt: new Date(run.runOn.getTime() + 7 * DAY_MS),
      createdById: nurseId,
    },
  });
  const questions = await Promise.all(
    DEMO_QUESTIONS.map((q, position) =>
      db.surveyQuestion.create({
        data: { ...q, options: [...q.options], teamId, surveyId: survey.id, position },
        select: { id: true },
      }),
    ),
  );
  const [scale, useful, intent, comment] = questions.map((q) => q.id);
  for (const a of FINISHED_ANSWERS) {
    const answers = [
      { questionId: scale!, teamId, scale: a.scale },
      { questionId: useful!, teamId, choices: [a.useful] },
      { questionId: intent!, teamId, choices: a.intent },
      ...(a.text ? [{ questionId: comment!, teamId, text: a.text }] : []),
    ];
    await db.surveyResponse.create({
      data: { teamId, surveyId: survey.id, answeredOn: run.runOn, answers: { create: answers } },
    });
  }
  await syncRun(db, teamId, survey.id);
  const champion = await db.initiativeChampion.findFirst({ where: { initiativeId: run.initiativeId }, select: { keyPersonId: true } });
  if (champion)
    await db.keyPerson.update({
      where: { id: champion.keyPersonId },
      data: { thanksConsentOn: tokyoToday(now) },
    });
  // Its 保健師だより as proposed, not yet issued: a new user edits and issues it.
  const ctx = await loadTeamContext(db, nurseId, teamId);
  if (ctx) await createNewsletter(ctx, run.id);
}

/** One issued report with a live share link, so a new user sees the whole flow on first start. */
async function seedReport(db: Db, h: { teamId: string; leadId: string; now: Date }) {
  const ctx = await loadTeamContext(db, h.leadId, h.teamId);
  if (!ctx) return;
  const { from, to } = resolvePeriod({ period: "12m" }, h.now);
  const report = await db.report.create({
    data: {
      teamId: h.teamId,
      createdById: h.leadId,
      title: "産業保健活動の成果報告（直近12か月）",
      message: "衛生委員会資料です。ご協力いただいている職場の皆さまに感謝します。",
      periodFrom: from,
      periodTo: to,
      departmentIds: [],
      sections: [...MANAGER_SECTIONS],
      audience: "MANAGERS",
    },
  });
  const issue = await issueReport(ctx, report.id, h.now);
  // The team's own edition, with allies and activity, for the mentor and the lead nurse.
  const internal = await db.report.create({
    data: {
      teamId: h.teamId,
      createdById: h.leadId,
      title: "チームの振り返り（直近12か月・チーム内）",
      periodFrom: from,
      periodTo: to,
      departmentIds: [],
      sections: [...SECTION_IDS],
      audience: "TEAM",
    },
  });
  await issueReport(ctx, internal.id, h.now);
  // A return recorded after the reports froze its quarter: the reports page counts it until a report
  // first publishes a later quarter, which then takes it in (decision 009, late entries flow forward).
  const [dept, frozen] = await Promise.all([
    db.department.findFirst({ where: { teamId: h.teamId, kind: "DEPARTMENT" }, orderBy: { name: "asc" }, select: { id: true } }),
    db.frozenCaseQuarter.findFirst({
      where: { teamId: h.teamId, source: "returns" },
      orderBy: { quarter: "desc" },
      select: { quarter: true },
    }),
  ]);
  if (dept && frozen) {
    await db.case.create({
      data: {
        teamId: h.teamId,
        employeeCode: "EMP-23999",
        kind: "RETURN_TO_WORK",
        departmentId: dept.id,
        status: "FOLLOW_UP",
        consentAt: frozen.quarter,
        openedOn: frozen.quarter,
        returnOn: new Date(frozen.quarter.getTime() + 20 * DAY_MS),
        nurses: { create: { userId: h.leadId, teamId: h.teamId } },
      },
    });
  }
  await db.shareLink.create({
    data: {
      teamId: h.teamId,
      reportIssueId: issue.id,
      tokenHash: hashShareToken(DEMO_SHARE_TOKEN),
      label: "衛生委員会（デモ）",
      allowDownload: true,
      createdById: h.leadId,
      expiresAt: new Date(h.now.getTime() + 90 * DAY_MS),
    },
  });
}

type Helpers = {
  teamId: string;
  deptList: { id: string; name: string; headcount: number; site: number }[];
  nurses: { id: string }[];
  pick: <T>(arr: readonly T[]) => T;
  int: (min: number, max: number) => number;
  daysAgo: (n: number, hour?: number) => Date;
};

async function seedDepartmentNotes(db: Db, h: Helpers) {
  const notes = [
    ["DEADLINE", "年度末の大型案件で3月まで残業が多い見込み"],
    ["TURNOVER", "入社2年以内の若手が半年で3名退職"],
    ["ABSENCE", "係長が長期休職中で、課長が業務を兼務している"],
    ["TROUBLE", "品質クレーム対応で部署全体が疲弊している"],
    ["STAFFING", "夜勤の欠員を派遣で補っている"],
  ] as const;
  await db.departmentNote.createMany({
    data: Array.from({ length: 22 }, () => {
      const [kind, body] = h.pick(notes);
      return {
        teamId: h.teamId,
        departmentId: h.pick(h.deptList).id,
        kind,
        body,
        notedOn: h.daysAgo(h.int(1, 300), 9),
        authorId: h.pick(h.nurses).id,
      };
    }),
  });
}

async function seedInitiatives(
  db: Db,
  h: Helpers & { people: { id: string; stance?: unknown }[]; chance: (p: number) => boolean; dateOnly: (d: Date) => Date },
) {
  const order: InitiativeStage[] = ["IDEA", "PROPOSED", "PILOT", "EVALUATED", "ADOPTED", "EXPANDED"];
  for (const [i, it] of INITIATIVES.entries()) {
    const id = randomUUID();
    const start = h.int(120, 480);
    const stageIndex = it.stage === "STOPPED" ? 3 : order.indexOf(it.stage);
    const pilotRan = stageIndex >= 2;
    await db.initiative.create({
      data: {
        id,
        teamId: h.teamId,
        title: it.title,
        kind: it.kind,
        stage: it.stage,
        description: "現場の負担を増やさない小さな企画から始め、結果を必ず共有する。",
        plannedStartOn: h.dateOnly(h.daysAgo(start)),
        plannedEndOn: h.dateOnly(h.daysAgo(start - 60)),
        actualStartOn: pilotRan ? h.dateOnly(h.daysAgo(start - 7)) : null,
        actualEndOn: stageIndex >= 3 ? h.dateOnly(h.daysAgo(start - 70)) : null,
        effortMinutes: h.pick([30, 60, 120, 240]),
        indicatorName: it.indicator,
        indicatorUnit: it.unit,
        indicatorLowerIsBetter: it.lowerIsBetter,
        goodExample: stageIndex >= 3 && it.stage !== "STOPPED" ? it.example : "",
        stoppedReason: it.stage === "STOPPED" ? "繁忙期と重なり参加者が集まらなかったため、時期を改めて再検討" : "",
        createdAt: h.daysAgo(start + 30),
        departments: {
          create: [h.pick(h.deptList), h.pick(h.deptList)]
            .filter((d, k, a) => a.indexOf(d) === k)
            .map((d) => ({ departmentId: d.id, teamId: h.teamId })),
        },
        champions: { create: [{ keyPersonId: h.people[(i * 5 + 3) % h.people.length].id, teamId: h.teamId }] },
        owners: { create: [{ userId: h.nurses[i % h.nurses.length].id, teamId: h.teamId }] },
      },
    });
    const changes: { from: InitiativeStage | null; to: InitiativeStage; at: number; reason?: string }[] = [
      { from: null, to: "IDEA", at: start + 30 },
    ];
    for (let s = 1; s <= stageIndex; s++) changes.push({ from: order[s - 1], to: order[s], at: start + 30 - s * 25 });
    if (it.stage === "STOPPED") changes.push({ from: "EVALUATED", to: "STOPPED", at: start - 90, reason: "参加者が集まらなかった" });
    await db.initiativeStageChange.createMany({
      data: changes.map((c) => ({
        teamId: h.teamId,
        initiativeId: id,
        fromStage: c.from,
        toStage: c.to,
        reason: c.reason ?? "",
        changedById: h.nurses[i % h.nurses.length].id,
        changedAt: h.daysAgo(Math.max(1, c.at)),
      })),
    });
    if (pilotRan) {
      const runs = it.stage === "EXPANDED" ? 4 : it.stage === "ADOPTED" ? 3 : 1;
      await db.initiativeResult.createMany({
        data: Array.from({ length: runs }, (_, r) => {
          const target = h.int(20, 120);
          const before = h.int(10, 30);
          return {
            teamId: h.teamId,
            initiativeId: id,
            runOn: h.dateOnly(h.daysAgo(Math.max(1, start - 10 - r * 40))),
            participants: Math.round(target * (0.5 + h.int(0, 45) / 100)),
            targetHeadcount: target,
            satisfactionMean: Math.round((3.4 + h.int(0, 14) / 10) * 10) / 10,
            satisfactionResponses: h.int(8, 60),
            indicatorBefore: it.indicator ? before : null,
            // Mostly better after the pilot, in the indicator's own direction.
            indicatorAfter: it.indicator ? Math.max(0, before + (it.lowerIsBetter ? -1 : 1) * h.int(-2, 9)) : null,
            comments: h.pick([
              "「短くてわかりやすい」との声が多かった",
              "課長が自ら参加し、雰囲気が良かった",
              "夜勤者にも届ける工夫が必要",
            ]),
          };
        }),
      });
    }
  }
}

async function seedCases(
  db: Db,
  h: Helpers & {
    people: { id: string; departmentId: string; kind: string }[];
    chance: (p: number) => boolean;
    dateOnly: (d: Date) => Date;
    now: Date;
  },
) {
  const levels = ["要医療", "要観察", "改善", "問題なし"].map((label, i) => ({ id: randomUUID(), teamId: h.teamId, label, rank: i + 1 }));
  await db.riskLevel.createMany({ data: levels });
  const kinds: CaseKind[] = [
    "RETURN_TO_WORK",
    "MENTAL_HEALTH",
    "HIGH_RISK",
    "HIGH_RISK",
    "LONG_HOURS",
    "RETURN_TO_WORK",
    "HIGH_RISK",
    "OTHER",
  ];
  const hr = h.people.filter((p) => p.kind === "HR");
  // Enough cases that site-level figures pass the minimum group size while small departments do
  // not: the dashboards and the demo report show real numbers and real suppression. Written in
  // batches (one statement per table), so the first start stays quick.
  const cases: Prisma.CaseCreateManyInput[] = [];
  const caseNurses: Prisma.CaseNurseCreateManyInput[] = [];
  const caseKeyPersons: Prisma.CaseKeyPersonCreateManyInput[] = [];
  const assessments: Prisma.CaseAssessmentCreateManyInput[] = [];
  const busy = h.deptList.filter((d) => d.headcount > 50);
  const tokyoDay = (days: number) => new Date(tokyoToday(h.now).getTime() + days * DAY_MS);
  const overdueGiven = new Set<number>();
  const overdueFor = (i: number) => {
    const nurse = i % h.nurses.length;
    if (overdueGiven.has(nurse)) return false;
    overdueGiven.add(nurse);
    return true;
  };
  for (let i = 0; i < 240; i++) {
    const id = randomUUID();
    const kind = kinds[i % kinds.length];
    const d = i % 3 === 0 ? h.pick(h.deptList) : h.pick(busy.length ? busy : h.deptList);
    const opened = h.int(20, 520);
    const closed = opened > 150 && h.chance(0.6);
    const start = h.int(0, 1);
    const steps = Math.min(4, Math.floor(opened / 45) + 1);
    let level = start;
    for (let s = 0; s < steps; s++) {
      // Some improve, many do not yet: a realistic rate, and enough of each for a report to publish.
      if (s > 0 && h.chance(0.3)) level = Math.min(3, level + 1);
      else if (s > 0 && h.chance(0.1)) level = Math.max(0, level - 1);
      assessments.push({
        teamId: h.teamId,
        caseId: id,
        riskLevelId: levels[level].id,
        assessedOn: h.dateOnly(h.daysAgo(Math.max(0, opened - s * 45))),
        note: "",
      });
    }
    const returnOn = kind === "RETURN_TO_WORK" ? h.dateOnly(h.daysAgo(Math.max(1, opened - 30))) : null;
    const sinceReturn = returnOn ? (h.now.getTime() - returnOn.getTime()) / DAY_MS : 0;
    const manager = h.people.find((p) => p.departmentId === d.id && p.kind === "LINE_MANAGER");
    cases.push({
      id,
      teamId: h.teamId,
      employeeCode: `EMP-${String(24000 + i * 37)}`,
      kind,
      departmentId: d.id,
      status: closed ? "CLOSED" : h.chance(0.5) ? "FOLLOW_UP" : "OPEN",
      consentAt: h.daysAgo(opened),
      consentScope: "上司・人事への就業上の配慮に必要な範囲の情報共有",
      consentMethod: "面談時に書面で同意",
      followUpPlan: "2週間ごとに面談。上司とは月1回、業務量を確認する。",
      // Each nurse's first open case is a day overdue: a real day has one slipped follow-up.
      // (The same draws as before either way, so the rest of the demo stays as it was.)
      // Days from Tokyo's today: daysAgo never goes past now, so a "future" follow-up was today's UTC
      // date, which is yesterday in Tokyo before 09:00.
      nextFollowUpOn: closed ? null : overdueFor(i) ? (h.int(1, 21), tokyoDay(-1)) : tokyoDay(h.int(1, 21)),
      openedOn: h.dateOnly(h.daysAgo(opened)),
      closedOn: closed ? h.dateOnly(h.daysAgo(h.int(5, opened - 100))) : null,
      returnOn,
      continued3m: returnOn && sinceReturn >= 90 ? h.chance(0.82) : null,
      continued6m: returnOn && sinceReturn >= 180 ? h.chance(0.72) : null,
    });
    caseNurses.push({ caseId: id, userId: h.nurses[i % h.nurses.length].id, teamId: h.teamId });
    for (const p of new Set([manager, h.pick(hr)].filter((x): x is NonNullable<typeof x> => !!x))) {
      caseKeyPersons.push({ caseId: id, keyPersonId: p.id, teamId: h.teamId });
    }
  }
  await db.case.createMany({ data: cases });
  await db.caseNurse.createMany({ data: caseNurses });
  await db.caseKeyPerson.createMany({ data: caseKeyPersons });
  await db.caseAssessment.createMany({ data: assessments });
}

async function seedOtherTeam(db: Db, h: { teamId: string; userId: string; daysAgo: (n: number, hour?: number) => Date }) {
  const companyId = randomUUID();
  const siteId = randomUUID();
  await db.department.createMany({
    data: [
      { id: companyId, teamId: h.teamId, kind: "COMPANY", name: "みなと物流株式会社", headcount: 340, path: "/" },
      { id: siteId, teamId: h.teamId, kind: "SITE", parentId: companyId, name: "横浜港営業所", headcount: 340, path: `/${companyId}/` },
      ...["倉庫課", "輸送課", "管理課"].map((name, i) => ({
        teamId: h.teamId,
        kind: "DEPARTMENT" as const,
        parentId: siteId,
        name,
        headcount: [160, 120, 60][i],
        path: `/${companyId}/${siteId}/`,
      })),
    ],
  });
  const people = ["岡 一樹", "原田 由紀", "松井 茂", "野村 彩"].map((name, i) => ({
    id: randomUUID(),
    teamId: h.teamId,
    name,
    kind: (["LINE_MANAGER", "HR", "SAFETY", "LINE_MANAGER"] as const)[i],
    title: ["倉庫課長", "人事担当", "安全衛生担当", "輸送課長"][i],
    departmentId: siteId,
    ownerId: h.userId,
    stance: (["NEUTRAL", "COOPERATIVE", "INDIFFERENT", "CHAMPION"] as const)[i],
    lastContactAt: h.daysAgo(10 + i * 20, 10),
  }));
  await db.keyPerson.createMany({ data: people });
  for (const [i, p] of people.entries()) {
    await db.touchpoint.create({
      data: {
        teamId: h.teamId,
        type: i % 2 ? "GIVE" : "LISTENING",
        occurredAt: h.daysAgo(10 + i * 20, 10),
        nurseId: h.userId,
        summary: "定例訪問",
        participants: {
          create: [{ keyPersonId: p.id, teamId: h.teamId, type: i % 2 ? "GIVE" : "LISTENING", occurredAt: h.daysAgo(10 + i * 20, 10) }],
        },
      },
    });
  }
}
