import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { getTeamContext } from "@/lib/auth/context";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/net/client-address";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("addressRefused"))("title") };
}

export default async function AddressRefusedPage() {
  const ctx = await getTeamContext();
  if (!ctx) redirect("/sign-in");
  if (!ctx.addressRefused) redirect("/");
  const t = await getTranslations("addressRefused");
  const address = clientAddress(await headers(), getEnv().TRUSTED_PROXY_HOPS) ?? "?";
  return (
    <Card>
      <h1 className="mb-3 text-xl font-bold">{t("title")}</h1>
      <div className="space-y-4">
        <Alert tone="amber">{t("body", { address })}</Alert>
        <p className="text-sm text-stone-700">{t("hint")}</p>
        <SignOutButton label={t("signOut")} />
      </div>
    </Card>
  );
}
