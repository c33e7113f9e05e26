import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, Badge, Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { getMyDay } from "@/lib/home/queries";
import { ActionReminders } from "./_components/action-reminders";
import { TEXT_LINK } from "@/components/ui/link-style";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

async function loadHomePageData() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "home.read");
  const day = await getMyDay(ctx);
  const t = await getTranslations();
  const f = await getFormatter();
  const date = (d: Date) => f.dateTime(d, "short");
  const total = day.balance.gives + day.balance.asks;

  return { ctx, day, t, f, date, total };
}
type HomePageState = Awaited<ReturnType<typeof loadHomePageData>>;

export default async function HomePage() {
  const s = await loadHomePageData();
  const { ctx, day, t, f } = s;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("home.title")}</h1>
        <p className="text-stone-600">
          {t("home.greeting", { name: ctx.user.name })} {f.dateTime(new Date(), "long")}
        </p>
      </div>

      {day.reflections.map((r) => (
        <div key={r.id} className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="reflection-prompt">
          <p className="font-medium text-amber-900">{t("home.reflectionPrompt", { mentor: r.mentor.name, title: r.title })}</p>
          <Link href={`/reviews/${r.id}`} className={`mt-2 inline-block ${TEXT_LINK}`}>
            {t("home.writeReflection")} →
          </Link>
        </div>
      ))}

      <BalanceCard s={s} />

      {day.actions.length > 0 && (
        <ActionReminders actions={day.actions.map((a) => ({ ...a, dueOn: a.dueOn.toISOString().slice(0, 10) }))} />
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <CommitmentsCard s={s} />

        <FollowUpsCard s={s} />

        <ThanksCard s={s} />

        <QuietCard s={s} />

        <RecentCard s={s} />
      </div>
    </div>
  );
}

function BalanceCard({ s }: { s: HomePageState }) {
  const { day, t, total } = s;
  return (
    <Card title={t("home.balance", { days: day.balance.days })}>
      {total === 0 ? (
        <EmptyState>{t("home.balanceEmpty")}</EmptyState>
      ) : (
        <div className="space-y-3">
          <div className="flex items-center gap-4 text-sm" data-testid="balance">
            <span>
              {t("home.gives")} <strong className="text-lg">{day.balance.gives}</strong>
            </span>
            <span>
              {t("home.asks")} <strong className="text-lg">{day.balance.asks}</strong>
            </span>
          </div>
          <div className="flex h-3 overflow-hidden rounded-full bg-stone-100" aria-hidden>
            <div className="bg-brand-500" style={{ width: `${(day.balance.gives / total) * 100}%` }} />
            <div className="bg-amber-400" style={{ width: `${(day.balance.asks / total) * 100}%` }} />
          </div>
          {day.balance.asksMore ? (
            <div className="space-y-2">
              <Alert tone="amber">{t("home.balanceWarning")}</Alert>
              {day.balance.targets.length > 0 && (
                <div className="text-sm">
                  <p className="font-medium">{t("home.giveTo")}</p>
                  <ul className="mt-1 space-y-1">
                    {day.balance.targets.map((p) => (
                      <li key={p.id} className="flex flex-wrap items-center gap-2">
                        <Link href={`/key-persons/${p.id}`} className={TEXT_LINK}>
                          {p.name}
                        </Link>
                        <span className="text-xs text-stone-500">
                          {p.title} · {t("home.askMinusGive", { asks: p.asks, gives: p.gives })}
                        </span>
                        <Link href={`/touchpoints/new?keyPersonId=${p.id}&type=GIVE`} className="ml-auto text-xs text-brand-700 underline">
                          {t("home.logContact")}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          ) : (
            <p className="text-sm text-brand-700">{t("home.balanceGood")}</p>
          )}
        </div>
      )}
    </Card>
  );
}

function CommitmentsCard({ s }: { s: HomePageState }) {
  const { day, t, date } = s;
  return (
    <Card
      title={t("home.commitments")}
      action={
        day.overdueCommitments > 0 ? <Badge tone="red">{t("home.commitmentsOverdue", { count: day.overdueCommitments })}</Badge> : undefined
      }
    >
      {day.commitments.length === 0 ? (
        <EmptyState>{t("home.commitmentsEmpty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="commitments">
          {day.commitments.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                {c.overdue ? (
                  <Badge tone="red">{t("home.overdue")}</Badge>
                ) : (
                  <Badge tone="blue">{t("home.due", { date: date(c.dueOn) })}</Badge>
                )}
                <Link href={`/key-persons/${c.keyPerson.id}`} className={`font-medium ${TEXT_LINK}`}>
                  {c.keyPerson.name}
                </Link>
                <Link
                  href={`/touchpoints/new?keyPersonId=${c.keyPerson.id}&type=GIVE&keeps=${c.id}`}
                  className="ml-auto text-xs text-brand-700 underline"
                >
                  {t("home.keepCommitment")}
                </Link>
              </div>
              <p className="mt-1 text-stone-600">
                <Link href={`/requests/${c.requestId}`} className="hover:underline">
                  {c.what}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function FollowUpsCard({ s }: { s: HomePageState }) {
  const { day, t, date } = s;
  return (
    <Card title={t("home.followUps")}>
      {day.caseFollowUps.due > 0 && (
        <p className="mb-2 flex flex-wrap items-center gap-2 rounded-md bg-stone-50 px-3 py-2 text-sm" data-testid="case-follow-ups">
          {day.caseFollowUps.overdue > 0 && <Badge tone="red">{t("home.overdue")}</Badge>}
          <Link href="/cases" className={`font-medium ${TEXT_LINK}`}>
            {t("home.caseFollowUps", { due: day.caseFollowUps.due, overdue: day.caseFollowUps.overdue })}
          </Link>
        </p>
      )}
      {day.followUps.length === 0 ? (
        <EmptyState>{t("home.followUpsEmpty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100">
          {day.followUps.map((fu) => (
            <li key={fu.id} className="py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                {fu.overdue ? (
                  <Badge tone="red">{t("home.overdue")}</Badge>
                ) : (
                  <Badge tone="blue">{t("home.due", { date: date(fu.followUpDueOn!) })}</Badge>
                )}
                {fu.people.map((p) => (
                  <Link key={p.id} href={`/key-persons/${p.id}`} className={`font-medium ${TEXT_LINK}`}>
                    {p.name}
                  </Link>
                ))}
                {fu.people[0] && (
                  <Link
                    href={`/touchpoints/new?keyPersonId=${fu.people[0].id}&type=LISTENING&clears=${fu.id}`}
                    className="ml-auto text-xs text-brand-700 underline"
                  >
                    {t("home.logFollowUp")}
                  </Link>
                )}
              </div>
              <p className="mt-1 text-stone-600">
                {t(`touchpointTypes.${fu.type}`)}：{fu.summary}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ThanksCard({ s }: { s: HomePageState }) {
  const { day, t, date } = s;
  return (
    <Card title={t("home.thanksOwed")}>
      {day.thanksOwed.length === 0 ? (
        <EmptyState>{t("home.thanksOwedEmpty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100">
          {day.thanksOwed.map((r) => (
            <li key={r.id} className="py-2 text-sm">
              <p className="flex items-center gap-2">
                <Link href={`/key-persons/${r.keyPerson.id}`} className={`font-medium ${TEXT_LINK}`}>
                  {r.keyPerson.name}
                </Link>
                <Link
                  href={`/touchpoints/new?keyPersonId=${r.keyPerson.id}&type=THANKS`}
                  className="ml-auto text-xs text-brand-700 underline"
                >
                  {t("home.logThanks")}
                </Link>
              </p>
              <p className="text-stone-600">{r.what}</p>
              {r.respondedAt && <p className="text-xs text-stone-500">{t("home.acceptedOn", { date: date(r.respondedAt) })}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function QuietCard({ s }: { s: HomePageState }) {
  const { ctx, day, t, date } = s;
  return (
    <Card title={t("home.quiet")}>
      {day.quietCount === 0 ? (
        <EmptyState>{t("home.quietEmpty")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-stone-600">{t("home.quietHint", { days: ctx.team.noContactDays, count: day.quietCount })}</p>
          <ul className="divide-y divide-stone-100">
            {day.quiet.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <Link href={`/key-persons/${p.id}`} className={`font-medium ${TEXT_LINK}`}>
                    {p.name}
                  </Link>{" "}
                  <span className="text-stone-500">{p.title}</span>
                  <Link href={`/touchpoints/new?keyPersonId=${p.id}&type=GREETING`} className="block text-xs text-brand-700 underline">
                    {t("home.logContact")}
                  </Link>
                </span>
                <span className="text-right text-xs text-stone-500">
                  <Badge>{t(`stances.${p.stance}`)}</Badge>
                  <br />
                  {p.lastContactAt ? t("home.lastContact", { date: date(p.lastContactAt) }) : t("common.never")}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function RecentCard({ s }: { s: HomePageState }) {
  const { day, t, date } = s;
  return (
    <Card
      title={t("home.recent")}
      action={
        <span className="text-sm text-stone-600">
          {t("home.openCases")}: <strong>{t("home.openCasesCount", { count: day.openCases })}</strong>
        </span>
      }
    >
      {day.recent.length === 0 ? (
        <EmptyState>{t("home.recentEmpty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100">
          {day.recent.map((r) => (
            <li key={r.id} className="py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={r.type === "GIVE" ? "green" : r.type === "ASK" ? "amber" : "stone"}>{t(`touchpointTypes.${r.type}`)}</Badge>
                <span className="text-xs text-stone-500">{date(r.occurredAt)}</span>
                {r.people.map((p) => (
                  <Link key={p.id} href={`/key-persons/${p.id}`} className={`font-medium ${TEXT_LINK}`}>
                    {p.name}
                  </Link>
                ))}
              </div>
              <p className="mt-1 text-stone-600">{r.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
