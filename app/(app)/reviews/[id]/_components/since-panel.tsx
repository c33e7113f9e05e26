"use client";
// "Since last review": computed from the two snapshots and the records in between, never typed in.
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { SnapshotDiff } from "@/lib/map/snapshot";

type Since = {
  previous: { id: string; title: string; createdAt: Date };
  diff: SnapshotDiff | null;
  names: Record<string, string>;
  labels: Record<string, string>;
  touchpoints: number;
  gives: number;
  asks: number;
  actionsDone: { id: string; title: string }[];
  actionsOverdue: { id: string; title: string }[];
} | null;

function Group({ title, items, tone = "stone" }: { title: string; items: ReactNode[]; tone?: "green" | "red" | "stone" }) {
  if (items.length === 0) return null;
  const color = tone === "green" ? "text-green-800" : tone === "red" ? "text-red-800" : "text-stone-800";
  return (
    <div>
      <h3 className="text-xs font-semibold text-stone-600">{title}</h3>
      <ul className={`mt-1 space-y-0.5 text-sm ${color}`}>
        {items.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    </div>
  );
}

export function SincePanel({ since }: { since: Since }) {
  const t = useTranslations();
  const f = useFormatter();
  if (!since) return <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-600">{t("reviews.sinceNone")}</p>;
  const d = since.diff;
  const name = (id: string) => since.names[id] ?? "…";
  const gap = (g: { kind: string; personId?: string; departmentId?: string }) =>
    g.kind === "noAlly"
      ? t("map.gapNoAlly", { department: since.labels[g.departmentId ?? ""] ?? "…" })
      : g.kind === "unknownBoss"
        ? t("map.gapUnknownBoss", { name: name(g.personId ?? "") })
        : g.kind === "quietAlly"
          ? t("reviews.gapQuietAlly", { name: name(g.personId ?? "") })
          : t("reviews.gapAskNoGive", { name: name(g.personId ?? "") });
  const groups = d
    ? [
        <Group
          key="up"
          tone="green"
          title={t("reviews.sinceUp")}
          items={d.up.map((m) => `${m.name}：${t(`stances.${m.from}`)} → ${t(`stances.${m.to}`)}`)}
        />,
        <Group
          key="down"
          tone="red"
          title={t("reviews.sinceDown")}
          items={d.down.map((m) => `${m.name}：${t(`stances.${m.from}`)} → ${t(`stances.${m.to}`)}`)}
        />,
        <Group key="added" title={t("reviews.sinceAdded")} items={d.added.map((p) => p.name)} />,
        <Group key="removed" title={t("reviews.sinceRemoved")} items={d.removed.map((p) => p.name)} />,
        <Group
          key="la"
          title={t("reviews.sinceLinksAdded")}
          items={d.linksAdded.map((l) => `${name(l.fromId)} → ${name(l.toId)}（${t(`linkTypes.${l.type}`)}）`)}
        />,
        <Group
          key="lr"
          title={t("reviews.sinceLinksRemoved")}
          items={d.linksRemoved.map((l) => `${name(l.fromId)} → ${name(l.toId)}（${t(`linkTypes.${l.type}`)}）`)}
        />,
        <Group key="gc" tone="green" title={t("reviews.sinceGapsClosed")} items={d.gapsClosed.map(gap)} />,
        <Group key="go" tone="red" title={t("reviews.sinceGapsOpened")} items={d.gapsOpened.map(gap)} />,
      ]
    : [];
  return (
    <section className="border-brand-200 rounded-lg border bg-brand-50/40 p-4" aria-labelledby="since-title" data-testid="since">
      <h2 id="since-title" className="text-base font-semibold">
        {t("reviews.since", { date: f.dateTime(new Date(since.previous.createdAt), "short") })}
      </h2>
      <p className="mt-1 text-sm">{t("reviews.sinceTouchpoints", { count: since.touchpoints, gives: since.gives, asks: since.asks })}</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {groups}
        <Group tone="green" title={t("reviews.sinceActionsDone")} items={since.actionsDone.map((a) => a.title)} />
        <Group tone="red" title={t("reviews.sinceActionsOverdue")} items={since.actionsOverdue.map((a) => a.title)} />
      </div>
    </section>
  );
}
