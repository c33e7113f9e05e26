import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { readMail } from "@/lib/mail/queries";

export const dynamic = "force-dynamic";

export default async function MailPage({ params }: PageProps<"/settings/mail/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "members.manage");
  const { id } = await params;
  const mail = await readMail(ctx, id);
  if (!mail) notFound();
  const t = await getTranslations();
  const f = await getFormatter();
  return (
    <div className="space-y-4">
      <Link href="/settings/mail" className={`text-sm ${TEXT_LINK}`}>
        ← {t("outbox.back")}
      </Link>
      <h1 className="text-xl font-bold">{mail.subject}</h1>
      <Card>
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-500">{t("outbox.to")}</dt>
          <dd className="break-all">{mail.toEmail}</dd>
          <dt className="text-stone-500">{t("outbox.createdAt")}</dt>
          <dd>{f.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" })}</dd>
          <dt className="text-stone-500">{t("outbox.status")}</dt>
          <dd>
            <Badge>{t(`outbox.statuses.${mail.status}`)}</Badge>
          </dd>
        </dl>
        {mail.text ? (
          <pre className="rounded-md bg-stone-50 p-3 font-sans text-sm break-all whitespace-pre-wrap" data-testid="mail-body">
            {mail.text}
          </pre>
        ) : (
          <p className="text-sm text-stone-600">{t("outbox.bodyGone")}</p>
        )}
      </Card>
    </div>
  );
}
