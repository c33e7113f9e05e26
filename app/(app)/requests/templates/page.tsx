import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { listTemplates } from "@/lib/requests/queries";
import { TemplateForm } from "./template-form";
import { TEXT_LINK } from "@/components/ui/link-style";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("requests"))("templates") };
}

export default async function TemplatesPage() {
  const ctx = await requireUser();
  requirePagePermission(ctx, "requests.write");
  const t = await getTranslations("requests");
  const templates = await listTemplates(ctx);
  const blank = {
    title: "",
    what: "",
    doer: "",
    effortMinutes: null,
    frequency: "ONCE",
    benefit: "",
    reason: "",
    nurseSupport: "",
    fallbackWhat: "",
    fallbackMinutes: null,
  };
  return (
    <div className="space-y-6">
      <Link href="/requests" className={`text-sm ${TEXT_LINK}`}>
        ← {t("list")}
      </Link>
      <h1 className="text-2xl font-bold">{t("templates")}</h1>
      {templates.length === 0 && <EmptyState>{t("templatesEmpty")}</EmptyState>}
      {templates.map((tpl) => (
        <Card key={tpl.id} title={tpl.title}>
          <TemplateForm initial={tpl} />
        </Card>
      ))}
      <Card title={t("newTemplate")}>
        <TemplateForm initial={blank} />
      </Card>
    </div>
  );
}
