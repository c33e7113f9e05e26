import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TEXT_LINK } from "@/components/ui/link-style";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { handlingRules } from "@/lib/rules/handling-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handlingRules"))("pageTitle") };
}

/** The handling rules draft from the team's settings: read here, take away as PDF or Markdown (admins). */
export default async function HandlingRulesPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "settings.manage");
  const t = await getTranslations("handlingRules");
  const tAll = await getTranslations();
  const doc = await handlingRules(ctx);
  return (
    <div className="space-y-6">
      <Link href="/settings" className={`text-sm ${TEXT_LINK}`}>
        ← {tAll("settings.title")}
      </Link>
      <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>
      <p className="max-w-3xl text-sm text-stone-700">{t("pageIntro")}</p>
      <div className="flex flex-wrap gap-3">
        <a href="/api/team/handling-rules?format=pdf" download className={buttonVariants()}>
          {t("downloadPdf")}
        </a>
        <a href="/api/team/handling-rules?format=md" download className={buttonVariants({ variant: "secondary" })}>
          {t("downloadMd")}
        </a>
      </div>
      <Card title={t("preview")}>
        <article lang="ja" className="max-w-3xl space-y-4 text-sm leading-relaxed text-stone-800" data-testid="rules-preview">
          <h2 className="text-lg font-bold">{doc.title}</h2>
          <p className="text-xs text-stone-500">
            {doc.team}　{t("draftOf", { date: doc.draftedLabel })}
          </p>
          <p>{doc.preamble}</p>
          {doc.articles.map((a, i) => (
            <section key={a.heading} className="space-y-1">
              <h3 className="font-bold text-brand-700">
                {t("article", { n: i + 1 })}（{a.heading}）
              </h3>
              {a.paragraphs.map((p) => (
                <p key={p}>{p}</p>
              ))}
              {a.items.length > 0 && (
                <ul className="list-disc space-y-0.5 pl-5">
                  {a.items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          <section className="space-y-1">
            <h3 className="font-bold text-brand-700">{t("members")}</h3>
            <table className="text-sm">
              <thead>
                <tr>
                  <th scope="col" className="pr-6 text-left">
                    {t("memberName")}
                  </th>
                  <th scope="col" className="text-left">
                    {t("memberRole")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {doc.members.map((m, i) => (
                  <tr key={i}>
                    <td className="pr-6">{m.name}</td>
                    <td>{m.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p>{t("supplement")}</p>
          <p className="text-xs text-stone-500">{doc.footnote}</p>
        </article>
      </Card>
    </div>
  );
}
