"use client";
// The nurse's sentences of a 保健師だより: each one editable, with its length; free-text answers to
// pick a participant's words from (then edited); whom to thank, among the pilot's champions who agreed.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { NEWSLETTER_LIMITS as L } from "@/lib/newsletters/constants";
import { saveNewsletter } from "../actions";

export type NewsletterValues = {
  title: string;
  lead: string;
  goodExample: string;
  comment1: string;
  comment2: string;
  thanksKeyPersonId: string;
  thanks: string;
  closing: string;
};
export type Champion = { id: string; name: string; department: string; consentOn: string | null };
type Props = { id: string; version: number; initial: NewsletterValues; champions: Champion[]; texts: string[]; writable: boolean };

const clip = (v: string, max: number) => [...v].slice(0, max).join("");

function useEditorState({ id, version, initial }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [values, setValues] = useState(initial);
  const dirty = (Object.keys(initial) as (keyof NewsletterValues)[]).some((k) => values[k] !== initial[k]);
  const set = (k: keyof NewsletterValues, v: string) => setValues((p) => ({ ...p, [k]: v }));
  const save = () => run(() => saveNewsletter({ id, version, ...values }), { text: t("newsletters.saved"), then: () => router.refresh() });
  const field = (k: Exclude<keyof NewsletterValues, "thanksKeyPersonId">, max: number) => ({
    name: k,
    label: t(`newsletters.fields.${k}`),
    value: values[k],
    maxLength: max,
    errors: errors[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
    hint: t("newsletters.hints.chars", { count: [...values[k]].length, max }),
  });
  return { t, values, set, save, dirty, pending, errors, message, field };
}

export function NewsletterEditor(props: Props) {
  const { t, values, set, save, dirty, pending, errors, message, field } = useEditorState(props);
  const disabled = !props.writable;
  const comment1 = field("comment1", L.comment);
  return (
    <form
      className="space-y-4"
      noValidate
      aria-label={t("newsletters.open")}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <fieldset disabled={disabled} className="space-y-4">
        <TextField {...field("title", L.title)} required />
        <TextareaField {...field("lead", L.lead)} rows={3} required />
        <TextareaField {...comment1} rows={2} hint={`${t("newsletters.hints.comment")} ${comment1.hint}`} />
        <TextareaField {...field("comment2", L.comment)} rows={2} />
        <CommentPicker texts={props.texts} onPick={(slot, text) => set(slot, clip(text, L.comment))} />
        <TextareaField {...field("goodExample", L.goodExample)} rows={2} />
        <SelectField
          name="thanksKeyPersonId"
          label={t("newsletters.fields.thanksPerson")}
          hint={t("newsletters.hints.thanksPerson")}
          value={values.thanksKeyPersonId}
          errors={errors.thanksKeyPersonId}
          onChange={(e) => set("thanksKeyPersonId", e.target.value)}
        >
          <option value="">{t("newsletters.fields.thanksNobody")}</option>
          {props.champions.map((c) => (
            <option key={c.id} value={c.id} disabled={!c.consentOn}>
              {c.name}
              {c.department && `（${c.department}）`} ─{" "}
              {c.consentOn ? t("newsletters.consentOn", { date: c.consentOn }) : t("newsletters.consentMissing")}
            </option>
          ))}
        </SelectField>
        <TextareaField {...field("thanks", L.thanks)} rows={2} />
        <TextareaField {...field("closing", L.closing)} rows={2} />
      </fieldset>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {props.writable && (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t("newsletters.save")}
          </Button>
          {dirty && (
            <span className="text-sm text-amber-800" role="status">
              {t("newsletters.unsaved")}
            </span>
          )}
        </div>
      )}
    </form>
  );
}

/** The survey's free text (team only): a nurse copies one into a slot, then edits it there. */
function CommentPicker({ texts, onPick }: { texts: string[]; onPick: (slot: "comment1" | "comment2", text: string) => void }) {
  const t = useTranslations();
  return (
    <details className="rounded-md border border-stone-200 p-3 text-sm">
      <summary className="cursor-pointer font-medium">{t("newsletters.texts")}</summary>
      {texts.length === 0 ? (
        <p className="mt-2 text-stone-600">{t("newsletters.textsEmpty")}</p>
      ) : (
        <ul className="mt-2 max-h-72 divide-y divide-stone-100 overflow-y-auto" data-testid="newsletter-texts">
          {texts.map((text, i) => (
            <li key={i} className="flex flex-wrap items-start gap-2 py-2">
              <span className="min-w-0 flex-1 whitespace-pre-wrap">{text}</span>
              {(["comment1", "comment2"] as const).map((slot, j) => (
                <Button key={slot} type="button" variant="secondary" size="xs" onClick={() => onPick(slot, text)}>
                  {t("newsletters.useAs", { slot: j + 1 })}
                </Button>
              ))}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
