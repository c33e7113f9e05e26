import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StanceChart } from "@/components/charts/stance-chart";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { StanceBadge } from "@/components/ui/stance-badge";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { can, canChange } from "@/lib/auth/permissions";
import { mergesInto } from "@/lib/key-persons/merge";
import { keyPersonDetail } from "@/lib/key-persons/queries";
import { UndoMergeButton } from "./merge/merge-controls";
import { TouchpointItem } from "../../touchpoints/_components/touchpoint-item";
import { ArchiveButton } from "./archive-button";
import { StanceControl } from "./stance-control";
import { ThanksConsentControl } from "./thanks-consent";
import { TEXT_LINK } from "@/components/ui/link-style";
import { LegalHoldControl } from "@/app/(app)/settings/retention/legal-hold";
import { buttonVariants } from "@/components/ui/button";
import { RequestStatusBadge } from "@/components/request-status-badge";

async function loadKeyPersonPageData({ params }: PageProps<"/key-persons/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const { id } = await params;
  const d = await orPageError(keyPersonDetail(ctx, id));
  const t = await getTranslations();
  const f = await getFormatter();
  const p = d.person;
  const date = (v: Date) => f.dateTime(v, "short");
  const step = d.nextStep;
  const stepText =
    step.kind === "thank"
      ? t("keyPersons.next.thank", { what: step.requestWhat })
      : step.kind === "followUp"
        ? t("keyPersons.next.followUp", { date: date(step.due) })
        : step.kind === "reconnect"
          ? step.days === null
            ? t("keyPersons.next.reconnectNever")
            : t("keyPersons.next.reconnect")
          : t(`keyPersons.next.${step.kind}`);
  const logType = step.kind === "thank" ? "THANKS" : step.kind === "give" ? "GIVE" : step.kind === "reconnect" ? "GREETING" : "LISTENING";
  const logHref = `/touchpoints/new?keyPersonId=${p.id}&type=${logType}${step.kind === "followUp" && d.openFollowUp ? `&clears=${d.openFollowUp.id}` : ""}`;
  const writable = can(ctx.role, "keyPersons.write");
  const merges = writable ? await mergesInto(ctx, p.id) : [];

  return { params, ctx, d, t, f, p, date, step, stepText, logType, logHref, writable, merges, id };
}
type KeyPersonPageState = Awaited<ReturnType<typeof loadKeyPersonPageData>>;

export default async function KeyPersonPage(props: PageProps<"/key-persons/[id]">) {
  const s = await loadKeyPersonPageData(props);
  const { ctx, t, p, date, stepText, writable, merges } = s;
  return (
    <div className="space-y-6">
      <PersonHeader s={s} />

      {can(ctx.role, "retention.manage") && (p.archivedAt || p.legalHold) && (
        <LegalHoldControl kind="KeyPerson" id={p.id} hold={p.legalHold} />
      )}

      {writable &&
        merges.map((m) => (
          <div
            key={m.id}
            className="flex flex-wrap items-center gap-2 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950"
            data-testid="merged-notice"
          >
            <span>{t("keyPersons.merge.done", { name: m.mergedName, date: date(m.createdAt) })}</span>
            <UndoMergeButton id={m.id} name={m.mergedName} />
          </div>
        ))}

      {writable && !p.archivedAt && (
        <Card title={t("keyPersons.stanceChange")}>
          <StanceControl id={p.id} version={p.version} stance={p.stance} />
        </Card>
      )}

      <Card title={t("keyPersons.thanksConsent.title")}>
        <ThanksConsentControl id={p.id} consentOn={p.thanksConsentOn ? date(p.thanksConsentOn) : null} writable={writable} />
      </Card>

      <Card title={t("keyPersons.nextStep")}>
        <p className="text-sm" data-testid="next-step">
          {stepText}
        </p>
      </Card>

      <PersonOverview s={s} />

      <StanceHistoryCard s={s} />

      <ProfileCard s={s} />

      <TimelineCard s={s} />
    </div>
  );
}

function PersonHeader({ s }: { s: KeyPersonPageState }) {
  const { ctx, t, p, logHref, writable } = s;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div>
        <p className="text-sm text-stone-500">{p.nameKana}</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
          {p.name} <StanceBadge stance={p.stance} />
          {p.archivedAt && <Badge>{t("keyPersons.archivedBadge")}</Badge>}
        </h1>
        <p className="text-sm text-stone-600">
          {p.title} · {t(`keyPersonKinds.${p.kind}`)}
          {p.department && ` · ${p.department}`}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link href={logHref} className={buttonVariants({ size: "sm" })}>
          {t("keyPersons.logNow")}
        </Link>
        <Link href={`/requests/new?keyPersonId=${p.id}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("requests.new")}
        </Link>
        {writable && (
          <Link href={`/key-persons/${p.id}/edit`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("keyPersons.edit")}
          </Link>
        )}
        {writable && <ArchiveButton id={p.id} name={p.name} archived={!!p.archivedAt} />}
        {can(ctx.role, "keyPersons.disclose") && (
          <span
            className="inline-flex items-center gap-1 rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm"
            title={t("disclosure.hint")}
          >
            {t("disclosure.open")}:
            <Link href={`/key-persons/${p.id}/disclosure`} className={TEXT_LINK}>
              {t("disclosure.preview")}
            </Link>
            <a href={`/api/key-persons/${p.id}/disclosure?format=pdf`} className={TEXT_LINK}>
              {t("disclosure.pdf")}
            </a>
            <a href={`/api/key-persons/${p.id}/disclosure?format=json`} className={TEXT_LINK}>
              {t("disclosure.json")}
            </a>
          </span>
        )}
        {can(ctx.role, "keyPersons.erase") && (
          <Link href={`/key-persons/${p.id}/erase`} className={buttonVariants({ variant: "danger", size: "sm" })}>
            {t("keyPersons.erase.open")}
          </Link>
        )}
        {writable && (
          <Link href={`/key-persons/${p.id}/merge`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("keyPersons.merge.open")}
          </Link>
        )}
      </div>
    </div>
  );
}

function PersonOverview({ s }: { s: KeyPersonPageState }) {
  const { d, t } = s;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("keyPersons.balance")}>
        <dl className="flex gap-6 text-sm" data-testid="person-balance">
          <div>
            <dt className="text-stone-500">{t("touchpoints.gives")}</dt>
            <dd className="text-2xl font-bold text-brand-700">{d.balance.gives}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t("touchpoints.asks")}</dt>
            <dd className="text-2xl font-bold text-amber-700">{d.balance.asks}</dd>
          </div>
          <div>
            <dt className="text-stone-500">{t("touchpoints.thanks")}</dt>
            <dd className="text-2xl font-bold text-sky-700">{d.balance.thanks}</dd>
          </div>
        </dl>
        {d.thanksOwed.length > 0 && (
          <ul className="mt-3 space-y-1 text-sm">
            {d.thanksOwed.map((r) => (
              <li key={r.id}>
                <Badge tone="amber">{t("home.thanksOwed")}</Badge> {r.what}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card title={t("keyPersons.reportingLine")}>
        <h3 className="text-xs font-medium text-stone-500">{t("keyPersons.bossChain")}</h3>
        {d.line.up.length === 0 ? (
          <p className="text-sm text-stone-500">{t("keyPersons.noBoss")}</p>
        ) : (
          <ol className="mb-3 space-y-1 text-sm">
            {d.line.up.map((b, i) => (
              <li key={b.id} style={{ paddingLeft: `${i * 12}px` }}>
                ↑{" "}
                <Link href={`/key-persons/${b.id}`} className={TEXT_LINK}>
                  {b.name}
                </Link>{" "}
                <span className="text-stone-500">{b.title}</span> <StanceBadge stance={b.stance} />
              </li>
            ))}
          </ol>
        )}
        <h3 className="mt-2 text-xs font-medium text-stone-500">{t("keyPersons.directReports")}</h3>
        {d.line.down.length === 0 ? (
          <p className="text-sm text-stone-500">{t("keyPersons.noReports")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {d.line.down.map((b) => (
              <li key={b.id}>
                ↓{" "}
                <Link href={`/key-persons/${b.id}`} className={TEXT_LINK}>
                  {b.name}
                </Link>{" "}
                <span className="text-stone-500">{b.title}</span> <StanceBadge stance={b.stance} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function StanceHistoryCard({ s }: { s: KeyPersonPageState }) {
  const { d, t, date } = s;
  return (
    <Card title={t("keyPersons.stanceHistory")}>
      {d.history.length === 0 ? (
        <EmptyState>{t("keyPersons.stanceHistoryEmpty")}</EmptyState>
      ) : (
        <>
          <StanceChart points={d.history.map((h) => ({ at: h.changedAt.toISOString(), stance: h.toStance }))} />
          <ol className="mt-3 space-y-1 text-sm" data-testid="stance-history">
            {[...d.history].reverse().map((h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-2">
                <span className="text-xs text-stone-500">{date(h.changedAt)}</span>
                {h.fromStance ? (
                  <>
                    <StanceBadge stance={h.fromStance} />→
                  </>
                ) : (
                  <span className="text-xs">{t("keyPersons.initial")}</span>
                )}
                <StanceBadge stance={h.toStance} />
                <span className="text-stone-700">{h.reason}</span>
                <span className="text-xs text-stone-500">{h.changedBy.name}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}

function ProfileCard({ s }: { s: KeyPersonPageState }) {
  const { t, p } = s;
  return (
    <Card title={t("keyPersons.profile")}>
      <dl className="grid gap-x-6 gap-y-3 text-sm md:grid-cols-2">
        {[
          [t("keyPersons.painPoints"), p.painPoints],
          [t("keyPersons.values"), p.values.map((v) => t(`valueKinds.${v}`)).join("、")],
          [t("keyPersons.resistanceReason"), p.resistanceReason ? t(`reasons.${p.resistanceReason}`) : ""],
          [t("keyPersons.bestTiming"), p.bestTiming],
          [t("keyPersons.preferredChannel"), p.preferredChannel ? t(`channels.${p.preferredChannel}`) : ""],
          [t("keyPersons.influence"), `${p.influence} / ${t("keyPersons.interest")} ${p.interest}`],
          [t("keyPersons.owner"), p.owner?.name ?? ""],
          [t("keyPersons.tags"), p.tags.map((x) => `#${x}`).join(" ")],
          [t("keyPersons.notes"), p.notes],
        ].map(([k, v]) => (
          <div key={k}>
            <dt className="text-xs text-stone-500">{k}</dt>
            <dd className="whitespace-pre-wrap">{v || "—"}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function TimelineCard({ s }: { s: KeyPersonPageState }) {
  const { ctx, d, t, date } = s;
  return (
    <Card title={t("keyPersons.timeline")}>
      {d.timeline.touchpoints.length === 0 && d.timeline.requests.length === 0 ? (
        <EmptyState>{t("keyPersons.timelineEmpty")}</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
          <ul className="divide-y divide-stone-100" aria-label={t("keyPersons.touchpointLabel")}>
            {d.timeline.touchpoints.map((tp) => (
              <TouchpointItem
                key={tp.id}
                tp={{
                  ...tp,
                  occurredAt: tp.occurredAt.toISOString(),
                  followUpDueOn: tp.followUpDueOn?.toISOString() ?? null,
                  followUpDoneAt: tp.followUpDoneAt?.toISOString() ?? null,
                  nurseName: tp.nurse.name,
                  editable: canChange(ctx, tp, "touchpoints.editAny"),
                }}
              />
            ))}
          </ul>
          <ul className="space-y-2 text-sm" aria-label={t("keyPersons.requestLabel")}>
            {d.timeline.requests.map((r) => (
              <li key={r.id} className="rounded-md border border-stone-200 p-2">
                <Link href={`/requests/${r.id}`} className="block hover:bg-stone-50">
                  <RequestStatusBadge status={r.status} />
                  <p className="mt-1">{r.what}</p>
                  <p className="text-xs text-stone-500">
                    {r.dueOn && t("keyPersons.due", { date: date(r.dueOn) })}
                    {r.effortMinutes ? ` · ${t("common.minutes", { count: r.effortMinutes })}` : ""}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
