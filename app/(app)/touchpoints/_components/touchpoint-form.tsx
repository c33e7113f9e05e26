"use client";
import { useQuery } from "@tanstack/react-query";
import { withQueryClient } from "@/components/providers";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Fragment, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Chips } from "@/components/ui/chips";
import { DisclosedHint } from "@/components/ui/disclosed-hint";
import { DateHint, FieldErrors } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { PRINCIPLES, TOUCHPOINT_TYPES } from "@/lib/touchpoints/constants";
import { editTouchpoint, logTouchpoint, undoLog } from "../actions";
import { Input, Select, Textarea } from "@/components/ui/control";

type Person = { id: string; name: string; title?: string };
export type TouchpointFormValues = {
  id?: string;
  version?: number;
  type: string;
  occurredOn: string;
  people: Person[];
  summary: string;
  principles: string[];
  followUpDueOn: string;
  caseId: string;
  initiativeId: string;
};

/** Phone-first: pick a type, a person, one line of what happened, save. Everything else is optional. */
function useTouchpointFormViewState({
  initial,
  clearsFollowUpId,
  keeps,
  returnTo,
  cases,
  initiatives,
  today,
}: {
  initial: TouchpointFormValues;
  clearsFollowUpId?: string;
  /** The promise this give delivers (from the home page or the request). */
  keeps?: { id: string; what: string };
  returnTo: string;
  cases: { id: string; label: string }[];
  initiatives: { id: string; label: string }[];
  today: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState(initial);
  const [search, setSearch] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const people = useQuery<{ people: (Person & { department: { name: string } | null })[] }>({
    queryKey: ["people", search],
    queryFn: async () => (await fetch(`/api/people?q=${encodeURIComponent(search)}`)).json(),
    enabled: search.trim().length > 0,
  });
  const set = (patch: Partial<TouchpointFormValues>) => setValues((v) => ({ ...v, ...patch }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const payload = {
      type: values.type as (typeof TOUCHPOINT_TYPES)[number],
      occurredOn: values.occurredOn,
      keyPersonIds: values.people.map((p) => p.id),
      summary: values.summary,
      principles: values.principles as (typeof PRINCIPLES)[number][],
      followUpDueOn: values.followUpDueOn,
      caseId: values.caseId,
      initiativeId: values.initiativeId,
    };
    start(async () => {
      const res = values.id
        ? await editTouchpoint({ ...payload, id: values.id, version: values.version ?? 0 })
        : await logTouchpoint({ ...payload, clearsFollowUpId: clearsFollowUpId ?? "", keepsCommitmentId: keeps?.id ?? "" });
      if (res.ok) {
        if (values.id) toast(t("touchpoints.updated"));
        else {
          const id = (res.data as { id: string }).id;
          const names = values.people.map((p) => p.name).join("、");
          toast(names ? t("touchpoints.loggedWith", { name: names }) : t("touchpoints.saved"), {
            label: t("touchpoints.undo"),
            run: async () => {
              const undone = await undoLog({ id });
              if (!undone.ok) return { ok: false, error: t(`errors.${undone.error}`) };
              router.refresh();
              return { ok: true, message: t("touchpoints.undone") };
            },
          });
        }
        router.push(returnTo);
        router.refresh();
      } else {
        setErrors(res.fieldErrors ?? {});
        setError(res.error);
      }
    });
  }

  return {
    initial,
    clearsFollowUpId,
    keeps,
    returnTo,
    cases,
    initiatives,
    today,
    t,
    router,
    toast,
    people,
    set,
    onSubmit,
    values,
    setValues,
    search,
    setSearch,
    errors,
    setErrors,
    error,
    setError,
    pending,
    start,
  };
}
type TouchpointFormViewState = ReturnType<typeof useTouchpointFormViewState>;

function TouchpointFormView(props: {
  initial: TouchpointFormValues;
  clearsFollowUpId?: string;
  /** The promise this give delivers (from the home page or the request). */
  keeps?: { id: string; what: string };
  returnTo: string;
  cases: { id: string; label: string }[];
  initiatives: { id: string; label: string }[];
  today: string;
}) {
  const s = useTouchpointFormViewState(props);
  const { clearsFollowUpId, keeps, today, t, router, set, onSubmit, values, errors, error, pending } = s;
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
      {clearsFollowUpId && <Alert tone="green">{t("touchpoints.clearsFollowUp")}</Alert>}
      {keeps && <Alert tone="green">{t("touchpoints.keepsCommitment", { what: keeps.what })}</Alert>}
      <TypeChoice s={s} />

      <PeopleField s={s} />

      <div className="space-y-1">
        <label className="block space-y-1 text-sm font-medium">
          {t("touchpoints.summary")}
          <Textarea
            rows={3}
            value={values.summary}
            onChange={(e) => set({ summary: e.target.value })}
            aria-describedby="summary-disclosed"
          />
        </label>
        <DisclosedHint id="summary-disclosed" />
        <FieldErrors id="summary-error" errors={errors.summary} />
      </div>

      <div className="space-y-1">
        <label className="block space-y-1 text-sm font-medium">
          {t("touchpoints.date")}
          <Input
            type="date"

            value={values.occurredOn}
            max={today}
            onChange={(e) => set({ occurredOn: e.target.value })}
            required
          />
        </label>
        <DateHint value={values.occurredOn} />
        <FieldErrors id="date-error" errors={errors.occurredOn} />
      </div>

      <MoreDetails s={s} />

      <div className="sticky bottom-0 -mx-4 flex gap-2 border-t border-stone-200 bg-stone-50 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <Button type="submit" className="flex-1 sm:flex-none" disabled={pending}>
          {pending ? t("common.saving") : t("touchpoints.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

function TypeChoice({ s }: { s: TouchpointFormViewState }) {
  const { t, set, values, errors } = s;
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{t("touchpoints.type")}</legend>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {TOUCHPOINT_TYPES.map((type) => (
          <label
            key={type}
            // Selected is filled; keyboard focus is a separate dark ring with an offset, so the two never look alike.
            className={`flex min-h-11 cursor-pointer items-center justify-center gap-1 rounded-md border px-2 text-center text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-stone-900 has-[:focus-visible]:ring-offset-2 ${values.type === type ? "border-brand-700 bg-brand-600 font-medium text-white" : "border-stone-300 bg-white"}`}
          >
            <input
              type="radio"
              name="type"
              value={type}
              checked={values.type === type}
              onChange={() => set({ type })}
              className="sr-only"
            />
            {values.type === type && (
              <svg viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden>
                <path d="M3 8.5 6.5 12 13 4.5" />
              </svg>
            )}
            {/* Kept whole, breaking only after 「・」: メール・/チャット, never メール・チャッ/ト. */}
            <span className="break-keep">
              {t(`touchpointTypes.${type}`)
                .split("・")
                .map((part, i, parts) => (
                  <Fragment key={i}>
                    {part}
                    {i < parts.length - 1 && (
                      <>
                        ・<wbr />
                      </>
                    )}
                  </Fragment>
                ))}
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id="type-error" errors={errors.type} />
    </fieldset>
  );
}

function PeopleField({ s }: { s: TouchpointFormViewState }) {
  const { t, people, set, values, search, setSearch, errors } = s;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("touchpoints.people")}</legend>
      <Chips items={values.people} onRemove={(id) => set({ people: values.people.filter((x) => x.id !== id) })} />
      <label className="block">
        <span className="sr-only">{t("touchpoints.searchPeople")}</span>
        <Input
          type="search"

          placeholder={t("touchpoints.searchPeople")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
        />
      </label>
      {search.trim() && (
        <ul className="max-h-56 overflow-y-auto rounded-md border border-stone-200 bg-white">
          {(people.data?.people ?? [])
            .filter((p) => !values.people.some((x) => x.id === p.id))
            .map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="w-full px-3 py-2 text-left text-sm hover:bg-stone-50"
                  onClick={() => {
                    set({ people: [...values.people, { id: p.id, name: p.name }] });
                    setSearch("");
                  }}
                >
                  <span className="font-medium">{p.name}</span>{" "}
                  <span className="text-xs text-stone-500">
                    {p.title} {p.department?.name}
                  </span>
                </button>
              </li>
            ))}
          {people.data && people.data.people.length === 0 && (
            <li className="px-3 py-2 text-sm text-stone-500">{t("touchpoints.noPeopleFound")}</li>
          )}
        </ul>
      )}
      <FieldErrors id="people-error" errors={errors.keyPersonIds} />
    </fieldset>
  );
}

function MoreDetails({ s }: { s: TouchpointFormViewState }) {
  const { cases, initiatives, t, set, values, errors } = s;
  return (
    <details
      className="rounded-md border border-stone-200 bg-white p-3"
      open={values.principles.length > 0 || !!values.followUpDueOn || !!values.caseId || !!values.initiativeId}
    >
      <summary className="cursor-pointer text-sm font-medium">{t("touchpoints.more")}</summary>
      <div className="mt-3 space-y-4">
        <fieldset>
          <legend className="mb-1 text-sm">{t("touchpoints.principles")}</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {PRINCIPLES.map((p) => (
              <label key={p} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={values.principles.includes(p)}
                  onChange={(e) =>
                    set({ principles: e.target.checked ? [...values.principles, p] : values.principles.filter((x) => x !== p) })
                  }
                />
                {t(`principles.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="space-y-1">
          <label className="block space-y-1 text-sm">
            {t("touchpoints.followUp")}
            <Input type="date" value={values.followUpDueOn} onChange={(e) => set({ followUpDueOn: e.target.value })} />
          </label>
          <DateHint value={values.followUpDueOn} />
          <FieldErrors id="fu-error" errors={errors.followUpDueOn} />
        </div>
        {cases.length > 0 && (
          <label className="block space-y-1 text-sm">
            {t("touchpoints.linkCase")}
            <Select value={values.caseId} onChange={(e) => set({ caseId: e.target.value })}>
              <option value="">{t("touchpoints.noLink")}</option>
              {cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
            <FieldErrors id="case-error" errors={errors.caseId} />
          </label>
        )}
        {initiatives.length > 0 && (
          <label className="block space-y-1 text-sm">
            {t("touchpoints.linkInitiative")}
            <Select value={values.initiativeId} onChange={(e) => set({ initiativeId: e.target.value })}>
              <option value="">{t("touchpoints.noLink")}</option>
              {initiatives.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
          </label>
        )}
      </div>
    </details>
  );
}

export const TouchpointForm = withQueryClient(TouchpointFormView);
