import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { appOrigin } from "@/lib/net/app-origin";
import { recordName, recordValue } from "@/lib/sso/domains";
import { callbackPath } from "@/lib/sso/flow";
import { getSsoSettings } from "@/lib/sso/settings";
import { DomainProof } from "./domain-proof";
import { SsoForm } from "./sso-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso"))("title") };
}

export default async function SsoPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "settings.manage");
  const t = await getTranslations();
  const current = await getSsoSettings(ctx);
  return (
    <div className="space-y-4">
      <Link href="/settings" className={`text-sm ${TEXT_LINK}`}>
        ← {t("settings.title")}
      </Link>
      <h1 className="text-2xl font-bold">{t("sso.title")}</h1>
      <p className="text-sm text-stone-700">{t("sso.intro")}</p>
      <Card>
        <p className="text-sm font-medium">{t("sso.redirectUri")}</p>
        <code
          className="mt-1 block rounded-md bg-stone-50 p-2 text-sm break-all"
          data-testid="redirect-uri"
        >{`${appOrigin(await headers())}${callbackPath}`}</code>
      </Card>
      <Card>
        {!current && <p className="mb-4 text-sm text-stone-600">{t("sso.notSet")}</p>}
        <SsoForm
          initial={
            current
              ? {
                  issuer: current.issuer,
                  clientId: current.clientId,
                  domains: current.domains.join("\n"),
                  jitEnabled: current.jitEnabled,
                  ssoOnly: current.ssoOnly,
                  enabled: current.enabled,
                  version: current.version,
                  hasSecret: current.hasSecret,
                }
              : null
          }
        />
      </Card>
      {current && (
        <Card title={t("sso.proofTitle")}>
          <DomainProof
            domains={current.domains}
            verified={current.verifiedDomains}
            record={{ names: Object.fromEntries(current.domains.map((d) => [d, recordName(d)])), value: recordValue(current.verifyToken) }}
          />
        </Card>
      )}
    </div>
  );
}
