import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getTeamContext, sessionEndedElsewhere } from "@/lib/auth/context";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ssoOffered } from "@/lib/sso/offered";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo/seed-data";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getTeamContext()) redirect("/");
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const demo = getEnv().demoMode
    ? [
        { email: DEMO_USERS.lead.email, label: "demoLead" },
        { email: DEMO_USERS.mentor.email, label: "demoMentor" },
        { email: DEMO_USERS.junior.email, label: "demoJunior" },
        { email: DEMO_USERS.other.email, label: "demoOther" },
      ]
    : [];
  const error = typeof params.error === "string" && /^sso\.[a-zA-Z]+$/.test(params.error) ? params.error : null;
  return (
    <SignInForm
      callbackUrl={callbackUrl}
      signedOut={params.signedOut === "1"}
      sessionEnded={params.signedOut !== "1" && (await sessionEndedElsewhere())}
      demo={demo}
      demoPassword={DEMO_PASSWORD}
      sso={(await ssoOffered(getDb())) ? { error } : null}
    />
  );
}
