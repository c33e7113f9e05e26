import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getEnv } from "@/lib/env";
import { ForgotForm } from "./forgot-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <Card>
      <h1 className="mb-2 text-xl font-bold">{t("forgotTitle")}</h1>
      <p className="mb-4 text-sm text-stone-700">{t("forgotIntro")}</p>
      <ForgotForm demoHint={getEnv().SMTP_URL ? null : t("forgotDemoHint")} />
    </Card>
  );
}
