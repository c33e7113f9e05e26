import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { checkLink } from "@/lib/accounts/account";
import { getDb } from "@/lib/db/client";
import { UnlockButton } from "./unlock-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("unlockTitle") };
}

// Opening the link changes nothing (mail scanners open links); the button does.
export default async function UnlockPage({ params }: PageProps<"/unlock/[token]">) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const { state, link } = await checkLink(getDb(), "unlock", token);
  return (
    <Card>
      <h1 className="mb-3 text-xl font-bold">{t("unlockTitle")}</h1>
      {state !== "valid" || !link ? (
        <div className="space-y-4">
          <Alert>{t(`linkStates.${state as "expired" | "used" | "unknown"}`)}</Alert>
          <Link href="/sign-in" className="text-sm text-brand-700 underline">
            {t("backToSignIn")}
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-stone-700">{t("unlockIntro", { email: link.user.email })}</p>
          <UnlockButton token={token} />
        </div>
      )}
    </Card>
  );
}
