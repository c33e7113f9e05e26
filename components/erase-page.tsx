// An erasure's page, for a person or a case: back to the record, what goes (as counts), what stays,
// and the confirmation form, unless a legal hold keeps the record (then the hold says why).
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";

export async function ErasePage(props: {
  back: { href: string; label: string };
  title: string;
  intro: string;
  /** The record's legal hold reason, if any. */
  hold: string | null;
  goes: string;
  counts: [label: string, n: number][];
  stays: string;
  /** More of what the erasure touches (for a person: his name in other records). */
  extra?: ReactNode;
  form: ReactNode;
}) {
  const tl = await getTranslations("caseLifecycle");
  const tr = await getTranslations("retention");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={props.back.href} className={`text-sm ${TEXT_LINK}`}>
        ← {props.back.label}
      </Link>
      <h1 className="text-2xl font-bold">{props.title}</h1>
      <p className="text-sm text-stone-700">{props.intro}</p>
      {props.hold && <Alert>{tl("held", { reason: tr(`holdReasons.${props.hold}`) })}</Alert>}
      <Card title={props.goes}>
        <ul className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2" data-testid="erase-counts">
          {props.counts.map(([label, n]) => (
            <li key={label}>
              {label}: <strong>{n}</strong>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-stone-600">{props.stays}</p>
      </Card>
      {props.extra}
      {!props.hold && <Card>{props.form}</Card>}
    </div>
  );
}
