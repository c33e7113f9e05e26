"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { startReviewAction } from "../actions";
import { Input, Select } from "@/components/ui/control";

export function StartReviewForm({ mentees }: { mentees: { id: string; name: string }[] }) {
  const t = useTranslations("reviews");
  const tv = useTranslations("validation");
  const router = useRouter();
  const form = useActionForm();
  const [menteeId, setMentee] = useState(mentees[0]?.id ?? "");
  const [title, setTitle] = useState("");
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-stone-100 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        form.run(() => startReviewAction({ menteeId, title }), { then: (r) => router.push(`/reviews/${r.id}`) });
      }}
    >
      <label className="flex flex-col text-xs font-medium text-stone-600">
        {t("mentee")}
        <Select value={menteeId} onChange={(e) => setMentee(e.target.value)} size="sm">
          {mentees.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-1 flex-col text-xs font-medium text-stone-600">
        {t("startTitle")}
        <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} size="sm" />
        {form.errors.title && <span className="text-red-700">{tv(form.errors.title[0])}</span>}
      </label>
      <Button type="submit" disabled={form.pending || !menteeId}>
        {t("start")}
      </Button>
      {form.message && (
        <p role="status" className="w-full text-sm text-red-700">
          {form.message.text}
        </p>
      )}
    </form>
  );
}
