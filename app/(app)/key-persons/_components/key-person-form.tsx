"use client";
import Link from "next/link";
import { DisclosedHint } from "@/components/ui/disclosed-hint";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { PersonPicker } from "@/components/person-picker";
import { TEXT_LINK } from "@/components/ui/link-style";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { CHANNELS, KINDS, parseTags, REASONS, STANCES, VALUES } from "@/lib/key-persons/constants";
import { createPerson, updatePerson } from "../actions";
import { Textarea } from "@/components/ui/control";

export type PersonValues = {
  id?: string;
  version?: number;
  name: string;
  nameKana: string;
  title: string;
  departmentId: string | null;
  kind: string;
  reportsToId: string | null;
  ownerId: string | null;
  stance: string;
  influence: number;
  interest: number;
  resistanceReason: string | null;
  painPoints: string;
  values: string[];
  bestTiming: string;
  preferredChannel: string | null;
  tags: string[];
  notes: string;
  externalId: string | null;
};

const COMPARED: (keyof PersonValues)[] = [
  "name",
  "nameKana",
  "title",
  "stance",
  "influence",
  "interest",
  "painPoints",
  "bestTiming",
  "notes",
  "tags",
];

function TextArea({
  label,
  name,
  defaultValue,
  errors,
  hint,
}: {
  label: string;
  name: string;
  defaultValue: string;
  errors?: string[];
  hint?: string;
}) {
  const t = useTranslations("validation");
  const hintId = `${name}-disclosed`;
  return (
    <div className="space-y-1">
      <label className="block space-y-1 text-sm font-medium text-stone-800">
        {label}
        {hint && <span className="block text-xs font-normal text-stone-500">{hint}</span>}
        <Textarea
          name={name}
          defaultValue={defaultValue}
          rows={3}

          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={hintId}
        />
        {errors?.length ? (
          <span role="alert" className="block text-sm font-normal text-red-700">
            {errors.map((e) => (t.has(e) ? t(e) : t("invalid"))).join(" ")}
          </span>
        ) : null}
      </label>
      {/* Everything written about a person here is his to read on request. */}
      <DisclosedHint id={hintId} />
    </div>
  );
}

function useKeyPersonFormState({
  initial,
  departments,
  members,
  boss: initialBoss,
}: {
  initial: PersonValues;
  departments: { id: string; label: string }[];
  members: { id: string; name: string }[];
  /** The current boss, if any: the picker searches the whole team for another. */
  boss: { id: string; name: string } | null;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ mine: PersonValues; theirs: PersonValues } | null>(null);
  const [stance, setStance] = useState(initial.stance);
  const [boss, setBoss] = useState(initialBoss);
  /** People of the same name already in the team: the nurse opens one, or confirms a namesake. */
  const [namesakes, setNamesakes] = useState<{ id: string; name: string; title: string; department: string | null }[] | null>(null);
  const confirmed = useRef(false);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const str = (k: string) => String(fd.get(k) ?? "");
    const values = {
      name: str("name"),
      nameKana: str("nameKana"),
      title: str("title"),
      departmentId: str("departmentId"),
      kind: str("kind"),
      reportsToId: str("reportsToId"),
      ownerId: str("ownerId"),
      stance: str("stance"),
      influence: str("influence"),
      interest: str("interest"),
      resistanceReason: str("resistanceReason"),
      painPoints: str("painPoints"),
      values: fd.getAll("values").map(String),
      bestTiming: str("bestTiming"),
      preferredChannel: str("preferredChannel"),
      tags: parseTags(str("tags")),
      notes: str("notes"),
      externalId: str("externalId"),
      stanceReason: str("stanceReason"),
      allowDuplicate: confirmed.current,
    };
    start(async () => {
      const res = initial.id
        ? await updatePerson({ ...values, id: initial.id, version: initial.version ?? 0 } as Parameters<typeof updatePerson>[0])
        : await createPerson(values as Parameters<typeof createPerson>[0]);
      confirmed.current = false;
      if (res.ok) {
        router.push(`/key-persons/${res.data.id}`);
        router.refresh();
        return;
      }
      setErrors(res.fieldErrors ?? {});
      setError(res.error);
      setNamesakes(res.error === "possibleDuplicate" && Array.isArray(res.current) ? (res.current as NonNullable<typeof namesakes>) : null);
      if (res.error === "staleEdit" && res.current) {
        setConflict({
          mine: { ...initial, ...values, influence: Number(values.influence), interest: Number(values.interest) } as PersonValues,
          theirs: res.current as PersonValues,
        });
      }
      window.scrollTo({ top: 0, behavior: "smooth" });
    });
  }

  const confirmNamesake = () => {
    confirmed.current = true;
  };
  return {
    onSubmit,
    confirmNamesake,
    initial,
    departments,
    members,
    boss,
    t,
    router,
    confirmed,
    pending,
    start,
    errors,
    setErrors,
    error,
    setError,
    conflict,
    setConflict,
    stance,
    setStance,
    setBoss,
    namesakes,
    setNamesakes,
  };
}
type KeyPersonFormState = ReturnType<typeof useKeyPersonFormState>;

export function KeyPersonForm(props: {
  initial: PersonValues;
  departments: { id: string; label: string }[];
  members: { id: string; name: string }[];
  /** The current boss, if any: the picker searches the whole team for another. */
  boss: { id: string; name: string } | null;
}) {
  const s = useKeyPersonFormState(props);
  const { initial, t, router, pending, errors, onSubmit } = s;
  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <ConflictNotice s={s} />

      <NameFields s={s} />

      <StanceFields s={s} />

      <ValueFields s={s} />

      <fieldset className="grid gap-4 md:grid-cols-2" disabled={pending}>
        <TextArea label={t("keyPersons.painPoints")} name="painPoints" defaultValue={initial.painPoints} errors={errors.painPoints} />
        <TextArea label={t("keyPersons.bestTiming")} name="bestTiming" defaultValue={initial.bestTiming} errors={errors.bestTiming} />
        <TextField
          label={t("keyPersons.tags")}
          hint={t("keyPersons.tagsHint")}
          name="tags"
          defaultValue={initial.tags.join(", ")}
          errors={errors.tags}
        />
        <TextArea
          label={t("keyPersons.notes")}
          hint={t("keyPersons.readableHint")}
          name="notes"
          defaultValue={initial.notes}
          errors={errors.notes}
        />
      </fieldset>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

function ConflictNotice({ s }: { s: KeyPersonFormState }) {
  const { t, confirmNamesake, pending, error, conflict, namesakes } = s;
  return (
    <>
      {conflict ? (
        <div className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4" role="alert">
          <h2 className="font-semibold text-amber-900">{t("keyPersons.conflictTitle")}</h2>
          <p className="text-sm text-amber-900">{t("keyPersons.conflictHelp")}</p>
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-stone-600">
                  <th className="p-1" />
                  <th className="p-1">{t("keyPersons.yours")}</th>
                  <th className="p-1">{t("keyPersons.theirs")}</th>
                </tr>
              </thead>
              <tbody>
                {COMPARED.map((k) => {
                  const show = (v: unknown) =>
                    k === "stance" ? t(`stances.${String(v)}`) : Array.isArray(v) ? v.join("、") : String(v ?? "");
                  const differs = show(conflict.mine[k]) !== show(conflict.theirs[k]);
                  return (
                    <tr key={k} className={differs ? "bg-amber-100" : ""}>
                      <th scope="row" className="p-1 text-left font-normal text-stone-600">
                        {t(`keyPersons.${k === "title" ? "jobTitle" : k}`)}
                      </th>
                      <td className="p-1" data-testid={`mine-${k}`}>
                        {show(conflict.mine[k])}
                      </td>
                      <td className="p-1" data-testid={`theirs-${k}`}>
                        {show(conflict.theirs[k])}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Button type="button" onClick={() => window.location.reload()}>
            {t("keyPersons.reload")}
          </Button>
        </div>
      ) : namesakes ? (
        <div
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
          role="alert"
          data-testid="namesakes"
        >
          <p className="font-semibold">{t("keyPersons.namesakesTitle")}</p>
          <ul className="list-inside list-disc">
            {namesakes.map((p) => (
              <li key={p.id}>
                <Link href={`/key-persons/${p.id}`} className={TEXT_LINK}>
                  {p.name}
                </Link>
                {(p.department || p.title) && (
                  <span className="text-amber-800">（{[p.department, p.title].filter(Boolean).join("・")}）</span>
                )}
              </li>
            ))}
          </ul>
          <Button type="submit" variant="secondary" disabled={pending} onClick={confirmNamesake}>
            {t("keyPersons.saveNamesake")}
          </Button>
        </div>
      ) : (
        error && <Alert>{t(`errors.${error}`)}</Alert>
      )}
    </>
  );
}

function NameFields({ s }: { s: KeyPersonFormState }) {
  const { initial, departments, members, boss, t, pending, errors, setBoss } = s;
  return (
    <fieldset className="grid gap-4 md:grid-cols-2" disabled={pending}>
      <TextField label={t("keyPersons.name")} name="name" defaultValue={initial.name} required errors={errors.name} autoComplete="off" />
      <TextField
        label={t("keyPersons.nameKana")}
        name="nameKana"
        defaultValue={initial.nameKana}
        errors={errors.nameKana}
        autoComplete="off"
      />
      <TextField label={t("keyPersons.jobTitle")} name="title" defaultValue={initial.title} errors={errors.title} />
      <SelectField label={t("keyPersons.kind")} name="kind" defaultValue={initial.kind} errors={errors.kind}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`keyPersonKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("departments.title")}
        name="departmentId"
        defaultValue={initial.departmentId ?? ""}
        errors={errors.departmentId}
      >
        <option value="">{t("keyPersons.none")}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <div>
        {/* Searched by name or title like everywhere else (a list of every person was unusable). */}
        <PersonPicker
          label={t("keyPersons.reportsTo")}
          value={boss}
          exclude={initial.id ? [initial.id] : []}
          onChange={(p) => setBoss(p && p.id === initial.id ? null : p)}
          errors={errors.reportsToId}
        />
        <input type="hidden" name="reportsToId" value={boss?.id ?? ""} />
      </div>
      <SelectField label={t("keyPersons.owner")} name="ownerId" defaultValue={initial.ownerId ?? ""} errors={errors.ownerId}>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t("keyPersons.externalId")} name="externalId" defaultValue={initial.externalId ?? ""} errors={errors.externalId} />
    </fieldset>
  );
}

function StanceFields({ s }: { s: KeyPersonFormState }) {
  const { initial, t, pending, errors, stance, setStance } = s;
  return (
    <fieldset className="grid gap-4 md:grid-cols-2" disabled={pending}>
      <SelectField
        label={t("keyPersons.stance")}
        name="stance"
        value={stance}
        onChange={(e) => setStance(e.target.value)}
        errors={errors.stance}
      >
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {t(`stances.${s}`)}
          </option>
        ))}
      </SelectField>
      {initial.id && stance !== initial.stance ? (
        <TextField
          label={t("keyPersons.stanceReason")}
          hint={`${t("keyPersons.stanceReasonHint")} ${t("outward.freeTextHint")}`}
          name="stanceReason"
          errors={errors.stanceReason}
        />
      ) : (
        <input type="hidden" name="stanceReason" value="" />
      )}
      <SelectField label={t("keyPersons.influence")} name="influence" defaultValue={String(initial.influence)} errors={errors.influence}>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("keyPersons.interest")} name="interest" defaultValue={String(initial.interest)} errors={errors.interest}>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("keyPersons.resistanceReason")}
        name="resistanceReason"
        defaultValue={initial.resistanceReason ?? ""}
        errors={errors.resistanceReason}
      >
        <option value="">{t("keyPersons.none")}</option>
        {REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`reasons.${r}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("keyPersons.preferredChannel")}
        name="preferredChannel"
        defaultValue={initial.preferredChannel ?? ""}
        errors={errors.preferredChannel}
      >
        <option value="">{t("keyPersons.none")}</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`channels.${c}`)}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}

function ValueFields({ s }: { s: KeyPersonFormState }) {
  const { initial, t, pending } = s;
  return (
    <fieldset className="space-y-2" disabled={pending}>
      <legend className="text-sm font-medium text-stone-800">{t("keyPersons.values")}</legend>
      <div className="flex flex-wrap gap-3 text-sm">
        {VALUES.map((v) => (
          <label key={v} className="flex items-center gap-1">
            <input type="checkbox" name="values" value={v} defaultChecked={initial.values.includes(v)} />
            {t(`valueKinds.${v}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
