"use client";
// The mentee's self-reflection, written before the mentor's comments (preceptorship order).
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DisclosedHint } from "@/components/ui/disclosed-hint";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveSelfAction } from "../../actions";
import { Textarea } from "@/components/ui/control";

type Props = { reviewId: string; editable: boolean; wentWell: string; stuck: string; writtenAt: string | null; version: number };

export function SelfReflection({ reviewId, editable, wentWell, stuck, writtenAt, version }: Props) {
  const t = useTranslations("reviews");
  const tv = useTranslations("validation");
  const f = useFormatter();
  const router = useRouter();
  const form = useActionForm();
  const [a, setA] = useState(wentWell);
  const [b, setB] = useState(stuck);
  return (
    <section className="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="self-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="self-title" className="text-base font-semibold">
          {t("selfTitle")}
        </h2>
        {writtenAt && (
          <span className="text-xs text-stone-500">{t("selfWrittenAt", { date: f.dateTime(new Date(writtenAt), "short") })}</span>
        )}
      </div>
      {editable ? (
        <form
          className="mt-2 grid gap-3 md:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            form.run(() => saveSelfAction({ reviewId, wentWell: a, stuck: b, version }), {
              text: t("selfSaved"),
              then: () => router.refresh(),
            });
          }}
        >
          <label className="text-sm font-medium">
            {t("selfWentWell")}
            <Textarea
              value={a}
              onChange={(e) => setA(e.target.value)}
              aria-describedby="went-well-disclosed"
              rows={3}
              maxLength={2000}
              size="sm"
              className="mt-1 w-full p-2 font-normal"
            />
            {form.errors.wentWell && <span className="text-xs text-red-700">{tv(form.errors.wentWell[0])}</span>}
          </label>
          <DisclosedHint id="went-well-disclosed" />
          <label className="text-sm font-medium">
            {t("selfStuck")}
            <Textarea
              value={b}
              onChange={(e) => setB(e.target.value)}
              aria-describedby="stuck-disclosed"
              rows={3}
              maxLength={2000}
              size="sm"
              className="mt-1 w-full p-2 font-normal"
            />
            {form.errors.stuck && <span className="text-xs text-red-700">{tv(form.errors.stuck[0])}</span>}
          </label>
          <DisclosedHint id="stuck-disclosed" />
          <div className="flex items-center gap-3 md:col-span-2">
            <Button type="submit" disabled={form.pending}>
              {t("selfSave")}
            </Button>
            {form.message && (
              <p role="status" className={`text-sm ${form.message.tone === "red" ? "text-red-700" : "text-green-700"}`}>
                {form.message.text}
              </p>
            )}
          </div>
        </form>
      ) : (
        <dl className="mt-2 grid gap-3 text-sm md:grid-cols-2">
          <div>
            <dt className="font-medium">{t("selfWentWell")}</dt>
            <dd className="mt-1 whitespace-pre-wrap text-stone-700">{wentWell || t("selfEmpty")}</dd>
          </div>
          <div>
            <dt className="font-medium">{t("selfStuck")}</dt>
            <dd className="mt-1 whitespace-pre-wrap text-stone-700">{stuck || t("selfEmpty")}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
