"use client";
// The survey for a run: start from the templates, then edit, reorder, add or remove questions (at most
// ten), choose one answer per browser or per card code, and the opening and closing times.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/control";
import { Alert } from "@/components/ui/card";
import { FieldErrors, TextField } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_OPTIONS, MAX_QUESTIONS, QUESTION_KINDS, type QuestionKind, type QuestionRole } from "@/lib/surveys/constants";
import { addSurvey, saveSurvey } from "../actions";

export type EditorQuestion = { kind: QuestionKind; role: QuestionRole | null; text: string; options: string[]; required: boolean };
type Values = { title: string; access: "BROWSER" | "CODES"; opensAt: string; closesAt: string; questions: EditorQuestion[] };

export function SurveyEditor({
  resultId,
  existing,
  initial,
}: {
  resultId?: string;
  existing?: { id: string; version: number };
  initial: Values;
}) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, errors, message, run } = useActionForm();
  const [v, setV] = useState<Values>(initial);
  const setQ = (i: number, patch: Partial<EditorQuestion>) =>
    setV((c) => ({ ...c, questions: c.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) }));
  const move = (i: number, by: -1 | 1) =>
    setV((c) => {
      const qs = [...c.questions];
      [qs[i], qs[i + by]] = [qs[i + by], qs[i]];
      return { ...c, questions: qs };
    });
  const remove = (i: number) => setV((c) => ({ ...c, questions: c.questions.filter((_, j) => j !== i) }));
  const add = (kind: QuestionKind) =>
    setV((c) => ({
      ...c,
      questions: [
        ...c.questions,
        { kind, role: null, text: "", options: kind === "SINGLE" || kind === "MULTIPLE" ? ["", ""] : [], required: false },
      ],
    }));
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // The inputs show Japan time (the team's clock), whatever the browser's time zone.
    const iso = (local: string) => (local ? new Date(`${local}:00+09:00`).toISOString() : "");
    const input = { ...v, opensAt: iso(v.opensAt), closesAt: iso(v.closesAt) };
    if (existing) run(() => saveSurvey({ ...input, ...existing }), { then: () => router.push(`/surveys/${existing.id}`) });
    else run(() => addSurvey({ ...input, resultId: resultId! }), { then: (d) => router.push(`/surveys/${d.id}`) });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <TextField
        label={t("surveys.title")}
        name="title"
        value={v.title}
        onChange={(e) => setV({ ...v, title: e.target.value })}
        required
        errors={errors.title}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("surveys.opensAt")}
          name="opensAt"
          type="datetime-local"
          value={v.opensAt}
          onChange={(e) => setV({ ...v, opensAt: e.target.value })}
          required
          errors={errors.opensAt}
        />
        <TextField
          label={t("surveys.closesAt")}
          name="closesAt"
          type="datetime-local"
          value={v.closesAt}
          onChange={(e) => setV({ ...v, closesAt: e.target.value })}
          required
          errors={errors.closesAt}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-800">{t("surveys.access")}</legend>
        {(["BROWSER", "CODES"] as const).map((a) => (
          <label key={a} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="access"
              className="mt-1 h-4 w-4"
              checked={v.access === a}
              onChange={() => setV({ ...v, access: a })}
            />
            <span>
              <span className="font-medium">{t(`surveys.accessKinds.${a}`)}</span>
              <span className="block text-xs text-stone-600">{t(`surveys.accessHints.${a}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <QuestionList v={v} errors={errors} setQ={setQ} move={move} remove={remove} />
      <FieldErrors id="questions-error" errors={errors.questions} />
      {v.questions.length < MAX_QUESTIONS ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-700">{t("surveys.addQuestion")}</span>
          {QUESTION_KINDS.map((k) => (
            <Button key={k} type="button" variant="secondary" size="xs" onClick={() => add(k)}>
              + {t(`surveys.kinds.${k}`)}
            </Button>
          ))}
        </div>
      ) : (
        <p className="text-sm text-stone-600">{t("surveys.maxQuestions", { max: MAX_QUESTIONS })}</p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("common.saving") : existing ? t("common.save") : t("surveys.create")}
      </Button>
    </form>
  );
}

function QuestionList({
  v,
  errors,
  setQ,
  move,
  remove,
}: {
  v: Values;
  errors: Record<string, string[]>;
  setQ: (i: number, patch: Partial<EditorQuestion>) => void;
  move: (i: number, by: -1 | 1) => void;
  remove: (i: number) => void;
}) {
  const t = useTranslations();
  return (
    <ol className="space-y-3" aria-label={t("surveys.questions")}>
      {v.questions.map((q, i) => (
        <li key={i} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3" data-testid="survey-question">
          <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-stone-600">
            <span>
              {t("surveys.questionNumber", { n: i + 1 })} · {t(`surveys.kinds.${q.kind}`)}
              {q.role === "SATISFACTION" && ` · ${t("surveys.feedsRun")}`}
            </span>
            <span className="flex gap-1">
              <Button
                type="button"
                variant="ghost"
                size="xs"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t("surveys.moveUp", { n: i + 1 })}
              >
                ↑
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="xs"
                disabled={i === v.questions.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t("surveys.moveDown", { n: i + 1 })}
              >
                ↓
              </Button>
              <Button type="button" variant="ghost" size="xs" onClick={() => remove(i)} aria-label={t("surveys.remove", { n: i + 1 })}>
                ×
              </Button>
            </span>
          </div>
          <label className="block text-sm">
            <span className="sr-only">{t("surveys.questionText", { n: i + 1 })}</span>
            <Input
              value={q.text}
              onChange={(e) => setQ(i, { text: e.target.value })}
              aria-label={t("surveys.questionText", { n: i + 1 })}
              aria-invalid={errors[`questions.${i}.text`] ? true : undefined}
            />
          </label>
          <FieldErrors id={`q${i}-text-error`} errors={errors[`questions.${i}.text`]} />
          {(q.kind === "SINGLE" || q.kind === "MULTIPLE") && (
            <div className="space-y-1 pl-3">
              {q.options.map((o, j) => (
                <div key={j} className="flex items-center gap-2">
                  <Input
                    size="xs"
                    className="flex-1"
                    value={o}
                    aria-label={t("surveys.option", { n: j + 1 })}
                    onChange={(e) => setQ(i, { options: q.options.map((x, k) => (k === j ? e.target.value : x)) })}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="xs"
                    disabled={q.options.length <= 2}
                    onClick={() => setQ(i, { options: q.options.filter((_, k) => k !== j) })}
                    aria-label={t("surveys.removeOption", { n: j + 1 })}
                  >
                    ×
                  </Button>
                </div>
              ))}
              {q.options.length < MAX_OPTIONS && (
                <Button type="button" variant="ghost" size="xs" onClick={() => setQ(i, { options: [...q.options, ""] })}>
                  + {t("surveys.addOption")}
                </Button>
              )}
              <FieldErrors id={`q${i}-options-error`} errors={errors[`questions.${i}.options`] ?? errors[`questions.${i}.options.0`]} />
            </div>
          )}
          <label className="flex items-center gap-2 text-xs text-stone-700">
            <input type="checkbox" className="h-4 w-4" checked={q.required} onChange={(e) => setQ(i, { required: e.target.checked })} />
            {t("surveys.required")}
          </label>
        </li>
      ))}
    </ol>
  );
}
