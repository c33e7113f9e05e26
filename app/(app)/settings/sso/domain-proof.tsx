"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import type { DomainCheck } from "@/lib/sso/domains";
import { verifyDomains } from "./actions";

/** Each listed domain with whether the team has proved it, the DNS record that proves it, and the check. */
export function DomainProof({
  domains,
  verified,
  record,
}: {
  domains: string[];
  verified: string[];
  /** The TXT record's name for each domain, and the value every one of them carries. */
  record: { names: Record<string, string>; value: string };
}) {
  const t = useTranslations("sso");
  const router = useRouter();
  const { pending, message, run } = useActionForm();
  const [checked, setChecked] = useState<DomainCheck[] | null>(null);
  const names = record.names;
  const stateOf = (domain: string) => checked?.find((c) => c.domain === domain)?.state ?? (verified.includes(domain) ? "verified" : null);
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-700">{t("proofIntro")}</p>
      <ul className="space-y-3" aria-label={t("proofTitle")} aria-live="polite">
        {domains.map((domain) => {
          const state = stateOf(domain);
          return (
            <li key={domain} className="rounded-md border border-stone-200 p-3 text-sm" data-testid="sso-domain">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{domain}</span>
                <Badge tone={state === "verified" ? "green" : state === "taken" ? "red" : "amber"}>
                  {t(`proofState.${state ?? "pending"}`)}
                </Badge>
              </div>
              {state !== "verified" && (
                <dl className="mt-2 grid gap-1 text-xs sm:grid-cols-[auto_1fr] sm:gap-x-3">
                  <dt className="text-stone-500">{t("proofRecordName")}</dt>
                  <dd>
                    <code className="break-all" data-testid="proof-name">
                      {names[domain]}
                    </code>
                  </dd>
                  <dt className="text-stone-500">{t("proofRecordValue")}</dt>
                  <dd>
                    <code className="break-all" data-testid="proof-value">
                      {record.value}
                    </code>
                  </dd>
                </dl>
              )}
            </li>
          );
        })}
      </ul>
      {message?.tone === "red" && <Alert tone="red">{message.text}</Alert>}
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(() => verifyDomains({}), {
            then: (results) => {
              setChecked(results);
              router.refresh();
            },
          })
        }
      >
        {pending ? t("proofChecking") : t("proofCheck")}
      </Button>
    </div>
  );
}
