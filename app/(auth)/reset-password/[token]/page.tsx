import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Card } from "@/components/ui/card";
import { checkLink } from "@/lib/accounts/account";
import { getDb } from "@/lib/db/client";
import { ResetForm } from "./reset-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("resetTitle") };
}

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const { state, link } = await checkLink(getDb(), "reset", token);
  return (
    <Card>
      <h1 className="mb-3 text-xl font-bold">{t("resetTitle")}</h1>
      {state !== "valid" || !link ? (
        <div className="space-y-4">
          <Alert>{t(`linkStates.${state as "expired" | "used" | "unknown"}`)}</Alert>
          <Link href="/forgot-password" className="text-sm text-brand-700 underline">
            {t("forgotTitle")}
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-stone-700">{t("resetIntro", { email: link.user.email })}</p>
          <ResetForm token={token} email={link.user.email} />
        </div>
      )}
    </Card>
  );
}
