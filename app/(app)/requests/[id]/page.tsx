import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { isAccepted } from "@/lib/requests/accepted";
import { getRequest } from "@/lib/requests/queries";
import type { RequestStatus } from "@/lib/requests/schemas";
import { versionChanges, versionValue } from "@/lib/requests/versions";
import { MessagePreview } from "../_components/message-preview";
import { CommitmentPanel } from "../_components/commitment-panel";
import { StatusActions } from "../_components/status-actions";
import { tokyoToday } from "@/lib/dates";
import { TEXT_LINK } from "@/components/ui/link-style";
import { canChange } from "@/lib/auth/permissions";
import { buttonVariants } from "@/components/ui/button";
import { RequestStatusBadge } from "@/components/request-status-badge";

async function loadRequestPageData({ params }: PageProps<"/requests/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "keyPersons.read");
  const { id } = await params;
  const r = await orPageError(getRequest(ctx, id));
  const t = await getTranslations();
  const f = await getFormatter();
  const accepted = isAccepted(r.status);
  const mine = canChange(ctx, r, "requests.editAny");
  // The request's own history (each status it entered) with the touchpoints that followed it
  // (thanks, check-ins) and each change made after sending; the ask itself is the "sent" entry.
  const history = [
    ...r.events.map((e) => ({ kind: "event" as const, id: e.id, at: e.at, status: e.status, undone: !!e.undoneAt })),
    ...r.versions.slice(1).map((v, i) => ({
      kind: "version" as const,
      id: v.id,
      at: v.at,
      number: v.number,
      name: v.nurse.name,
      changes: versionChanges(r.versions[i], v),
    })),
    ...r.touchpoints
      .filter((tp) => tp.type !== "ASK")
      .map((tp) => ({ kind: "touchpoint" as const, id: tp.id, at: tp.occurredAt, type: tp.type, summary: tp.summary })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  // Each entry reads as it was at its time: the version in force then, not what the request says now.
  const asOf = (at: Date) => r.versions.findLast((v) => v.at <= at) ?? r.versions[0] ?? r;
  const eventText = (status: string, at: Date) => {
    const v = asOf(at);
    return t(`requests.timeline.${status}`, { what: status.startsWith("FALLBACK_") ? v.fallbackWhat || v.what : v.what });
  };
  const day = (iso: string) => f.dateTime(new Date(`${iso}T00:00:00Z`), { month: "long", day: "numeric", timeZone: "UTC" });
  const nextCheckIn = r.touchpoints.find((tp) => tp.followUpDueOn && !tp.followUpDoneAt)?.followUpDueOn;
  return { params, ctx, r, t, f, accepted, mine, history, asOf, eventText, day, nextCheckIn, id };
}
type RequestPageState = Awaited<ReturnType<typeof loadRequestPageData>>;

export default async function RequestPage(props: PageProps<"/requests/[id]">) {
  const s = await loadRequestPageData(props);
  const { ctx, r, t, f, accepted, mine } = s;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/requests" className={`text-sm ${TEXT_LINK}`}>
          ← {t("requests.list")}
        </Link>
        <h1 className="text-2xl font-bold">{r.what}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <RequestStatusBadge status={r.status} />
          <Link href={`/key-persons/${r.keyPerson.id}`} className={TEXT_LINK}>
            {r.keyPerson.name}
          </Link>
          <span>{r.keyPerson.title}</span>
          <span className="text-xs">{t("requests.createdBy", { name: r.nurse.name })}</span>
        </p>
      </div>
      {accepted && !r.thankedAt && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <span className="font-medium">{t("requests.thanksOwed")}</span>
          <Link href={`/touchpoints/new?keyPersonId=${r.keyPerson.id}&type=THANKS`} className={buttonVariants({ size: "compact" })}>
            {t("requests.logThanks")}
          </Link>
        </div>
      )}
      {r.thankedAt && <p className="text-sm text-brand-700">{t("requests.thanked", { date: f.dateTime(r.thankedAt, "short") })}</p>}
      {r.commitment && !r.commitment.doneAt && (
        <CommitmentPanel
          id={r.commitment.id}
          what={r.commitment.what}
          dueOn={r.commitment.dueOn.toISOString().slice(0, 10)}
          dueLabel={f.dateTime(r.commitment.dueOn, "short")}
          overdue={r.commitment.dueOn < tokyoToday()}
          keyPersonId={r.keyPerson.id}
          canKeep={r.nurseId === ctx.userId}
          canMove={mine}
        />
      )}
      {r.commitment?.doneAt && (
        <p className="text-sm text-brand-700" data-testid="commitment-kept">
          {t("requests.commitment.kept", { what: r.commitment.what, date: f.dateTime(r.commitment.doneAt, "short") })}
        </p>
      )}
      {mine && <StatusActions id={r.id} version={r.version} status={r.status as RequestStatus} hasFallback={!!r.fallbackWhat} />}
      <RequestDetails s={s} />
    </div>
  );
}

function RequestDetails({ s }: { s: RequestPageState }) {
  const { r, t, f, history, eventText, day, nextCheckIn } = s;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("requests.preview")}>
        <MessagePreview
          key={r.status}
          showFallback={r.status === "DECLINED" && !!r.fallbackWhat}
          input={{
            personName: r.keyPerson.name,
            nurseName: r.nurse.name,
            what: r.what,
            doer: r.doer,
            due: r.dueOn ? f.dateTime(r.dueOn, { month: "long", day: "numeric", timeZone: "UTC" }) : null,
            effortMinutes: r.effortMinutes,
            frequency: r.frequency,
            benefit: r.benefit,
            reason: r.reason,
            nurseSupport: r.nurseSupport,
            fallbackWhat: r.fallbackWhat,
            fallbackMinutes: r.fallbackMinutes,
          }}
        />
      </Card>
      <Card title={t("requests.history")}>
        <dl className="mb-4 grid grid-cols-[minmax(0,8rem)_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-stone-500">{t("requests.doer")}</dt>
          <dd>{r.doer || "—"}</dd>
          <dt className="text-stone-500">{t("requests.dueOn")}</dt>
          <dd>{r.dueOn ? f.dateTime(r.dueOn, "short") : "—"}</dd>
          <dt className="text-stone-500">{t("requests.effortMinutes")}</dt>
          <dd>
            {r.effortMinutes ? t("requests.effortValue", { minutes: r.effortMinutes }) : "—"} · {t(`frequencies.${r.frequency}`)}
          </dd>
          <dt className="text-stone-500">{t("requests.fallbackWhat")}</dt>
          <dd>{r.fallbackWhat || "—"}</dd>
          <dt className="text-stone-500">{t("requests.principles")}</dt>
          <dd>{r.principles.map((p) => t(`principles.${p}`)).join("、") || "—"}</dd>
        </dl>
        {r.versions.length > 0 && <p className="mb-2 text-xs text-stone-500">{t("requests.versionSent")}</p>}
        <ol className="space-y-1 text-sm" data-testid="request-history">
          {history.map((h) => (
            <li key={h.id}>
              <span className="text-xs text-stone-500">{f.dateTime(h.at, "short")}</span>{" "}
              {h.kind === "event" ? (
                h.undone ? (
                  <>
                    <s className="text-stone-500">{eventText(h.status, h.at)}</s> <Badge tone="stone">{t("requests.undone")}</Badge>
                  </>
                ) : (
                  eventText(h.status, h.at)
                )
              ) : h.kind === "version" ? (
                <span data-testid="request-version">
                  <Badge tone="amber">{t("requests.versionEdited", { number: h.number, name: h.name })}</Badge>
                  <ul className="mt-1 list-disc pl-5 text-stone-700">
                    {h.changes.map((c) => (
                      <li key={c.field}>
                        {t("requests.versionChange", {
                          field: t(`requests.versionFields.${c.field}`),
                          before: versionValue(t, c.field, c.before, day),
                          after: versionValue(t, c.field, c.after, day),
                        })}
                      </li>
                    ))}
                  </ul>
                </span>
              ) : (
                <>
                  <Badge tone="stone">{t(`touchpointTypes.${h.type}`)}</Badge> {h.summary}
                </>
              )}
            </li>
          ))}
        </ol>
        {nextCheckIn && (
          <p className="mt-2 text-sm text-sky-800" data-testid="request-next-check-in">
            {t("keyPersons.followUpDue", { date: f.dateTime(nextCheckIn, "short") })}
          </p>
        )}
      </Card>
    </div>
  );
}
