// Demo data for the relationship map and mentor reviews: typed links between people, and two
// reviews of the junior nurse (a finished one six weeks ago and an open one), so the map, the
// "since last review" panel, home reminders and the bell all have something true to show.
import { randomUUID } from "node:crypto";
import { loadTeamContext } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import type { LinkType, Prisma } from "@/lib/generated/prisma/client";
import { STANCES } from "@/lib/key-persons/schemas";
import { loadMap } from "@/lib/map/queries";
import { takeSnapshot, type Snapshot } from "@/lib/map/snapshot";
import { DAY_MS } from "@/lib/dates";

const LINKS: [number, number, LinkType, string][] = [
  [0, 2, "INFLUENCES", "センター長の意見で課長の判断が変わる"],
  [1, 3, "WORKS_CLOSELY", "同じシフトの班長どうし"],
  [2, 4, "INTRODUCED_BY", "安全衛生委員会で紹介してもらった"],
  [3, 5, "CONFLICT", "人員配置で意見が対立"],
  [0, 5, "INFLUENCES", ""],
  [4, 6, "WORKS_CLOSELY", "朝礼を一緒に回している"],
];

const day = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00.000Z`);

export async function seedReviews(db: Db, h: { teamId: string; mentorId: string; menteeId: string; now: Date }) {
  const mine = await db.keyPerson.findMany({
    where: { teamId: h.teamId, ownerId: h.menteeId, archivedAt: null },
    orderBy: [{ influence: "desc" }, { name: "asc" }],
    take: 8,
    select: { id: true, name: true },
  });
  if (mine.length < 7) return;
  const links = LINKS.map(([a, b, type, note]) => ({
    id: randomUUID(),
    teamId: h.teamId,
    fromId: mine[a].id,
    toId: mine[b].id,
    type,
    note,
    createdById: h.menteeId,
    createdAt: new Date(h.now.getTime() - 60 * DAY_MS),
  }));
  // The first link is newer than the first review, so the next review shows it as new.
  links[0].createdAt = new Date(h.now.getTime() - 20 * DAY_MS);
  await db.personLink.createMany({ data: links });

  const ctx = (await loadTeamContext(db, h.mentorId, h.teamId))!;
  const current = takeSnapshot(await loadMap(ctx, { kind: "mentee", userId: h.menteeId }, h.now), new Date(h.now.getTime() - 2 * DAY_MS));
  // Six weeks ago: two people one step lower on the ladder, the newest link and one person absent.
  const movers = new Set(
    current.people
      .filter((p) => p.id !== mine[6].id && p.stance !== "UNCOOPERATIVE")
      .slice(0, 2)
      .map((p) => p.id),
  );
  const lower = (s: Snapshot["people"][number]["stance"]) => STANCES[Math.max(0, STANCES.indexOf(s) - 1)];
  const past: Snapshot = {
    ...current,
    takenAt: new Date(h.now.getTime() - 45 * DAY_MS).toISOString(),
    people: current.people.filter((p) => p.id !== mine[6].id).map((p) => (movers.has(p.id) ? { ...p, stance: lower(p.stance) } : p)),
    links: current.links.filter((l) => l.id !== links[0].id),
  };
  const pastId = randomUUID();
  await db.mentorReview.create({
    data: {
      id: pastId,
      teamId: h.teamId,
      mentorId: h.mentorId,
      menteeId: h.menteeId,
      status: "DONE",
      title: "大阪物流センターの関係づくり 振り返り",
      summary: "依頼が先行しがち。まずは課長の困りごとを聴き、資料づくりを手伝うところから。",
      snapshot: past as Prisma.InputJsonValue,
      selfWentWell: "班長さんとは朝礼のあとに話せるようになった。",
      selfStuck: "センター長に会う機会がなく、依頼がいつも課長止まりになる。",
      selfAt: new Date(h.now.getTime() - 46 * DAY_MS),
      createdAt: new Date(h.now.getTime() - 45 * DAY_MS),
      comments: {
        create: [
          {
            teamId: h.teamId,
            authorId: h.mentorId,
            keyPersonId: mine[0].id,
            body: "この方には次は依頼ではなく、出荷繁忙期の熱中症対策資料を先に渡してみましょう。",
            createdAt: new Date(h.now.getTime() - 45 * DAY_MS),
          },
          {
            teamId: h.teamId,
            authorId: h.mentorId,
            keyPersonId: mine[1].id,
            body: "上司の上司（センター長）に軽く相談してから依頼すると通りやすいです。",
            createdAt: new Date(h.now.getTime() - 45 * DAY_MS),
          },
        ],
      },
      actions: {
        create: [
          {
            teamId: h.teamId,
            menteeId: h.menteeId,
            title: `${mine[0].name}さんに熱中症対策資料を渡す`,
            keyPersonId: mine[0].id,
            dueOn: day(new Date(h.now.getTime() - 30 * DAY_MS)),
            doneAt: new Date(h.now.getTime() - 33 * DAY_MS),
          },
          {
            teamId: h.teamId,
            menteeId: h.menteeId,
            title: "センター長の予定を総務に聞く",
            dueOn: day(new Date(h.now.getTime() - 10 * DAY_MS)),
          },
        ],
      },
    },
  });
  const currentId = randomUUID();
  await db.mentorReview.create({
    data: {
      id: currentId,
      teamId: h.teamId,
      mentorId: h.mentorId,
      menteeId: h.menteeId,
      title: "11月のふりかえり",
      snapshot: current as Prisma.InputJsonValue,
      selfWentWell: `${mine[1].name}さんが面談の時間を取ってくれた。`,
      selfStuck: "対立している二人のどちらに先に話すか迷っている。",
      selfAt: new Date(h.now.getTime() - 2 * DAY_MS),
      createdAt: new Date(h.now.getTime() - 2 * DAY_MS),
      comments: {
        create: [
          {
            teamId: h.teamId,
            authorId: h.mentorId,
            keyPersonId: mine[3].id,
            body: "まずこの方の困りごと（人員配置）を聴くところから。依頼はその後で。",
            createdAt: new Date(h.now.getTime() - 1 * DAY_MS),
          },
        ],
      },
      actions: {
        create: [
          {
            teamId: h.teamId,
            menteeId: h.menteeId,
            title: `${mine[3].name}さんに先週のお礼を伝える`,
            keyPersonId: mine[3].id,
            dueOn: day(new Date(h.now.getTime() + 7 * DAY_MS)),
          },
        ],
      },
    },
  });
  await db.notification.createMany({
    data: [
      {
        teamId: h.teamId,
        userId: h.menteeId,
        kind: "review.action",
        reviewId: currentId,
        actorId: h.mentorId,
        createdAt: new Date(h.now.getTime() - 1 * DAY_MS),
      },
      {
        teamId: h.teamId,
        userId: h.mentorId,
        kind: "review.self",
        reviewId: currentId,
        actorId: h.menteeId,
        createdAt: new Date(h.now.getTime() - 2 * DAY_MS),
      },
    ],
  });
}
