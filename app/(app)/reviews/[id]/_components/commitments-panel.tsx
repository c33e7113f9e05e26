// The mentee's open promises (her own part of accepted requests), overdue ones first in red: a
// broken promise costs the trust her gives built, so the review looks at them.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";

type Commitment = { id: string; what: string; dueOn: Date; overdue: boolean; requestId: string; keyPerson: { id: string; name: string } };

export async function CommitmentsPanel({
  commitments,
  overdue,
  menteeName,
}: {
  commitments: Commitment[];
  overdue: number;
  menteeName: string;
}) {
  const t = await getTranslations("reviews");
  const f = await getFormatter();
  return (
    <Card
      title={t("commitments", { name: menteeName })}
      action={overdue > 0 ? <Badge tone="red">{t("commitmentsOverdue", { count: overdue })}</Badge> : undefined}
    >
      {commitments.length === 0 ? (
        <EmptyState>{t("commitmentsEmpty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" data-testid="review-commitments">
          {commitments.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2 py-2">
              {c.overdue ? (
                <Badge tone="red">{t("actionOverdue")}</Badge>
              ) : (
                <Badge tone="blue">{t("commitmentDue", { date: f.dateTime(c.dueOn, "short") })}</Badge>
              )}
              <Link href={`/key-persons/${c.keyPerson.id}`} className={`font-medium ${TEXT_LINK}`}>
                {c.keyPerson.name}
              </Link>
              <Link href={`/requests/${c.requestId}`} className="text-stone-700 hover:underline">
                {c.what}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
