"use client";
import { useQuery } from "@tanstack/react-query";
import { withQueryClient } from "@/components/providers";
import { Chips } from "@/components/ui/chips";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Input } from "@/components/ui/control";

type Person = { id: string; name: string; title?: string };

/** Pick one key person by typing part of a name or title. `chips` (those already picked, for a
 * list of several) sit between the label and the search box. */
function PersonPickerView({
  value,
  onChange,
  label,
  errors,
  chips,
  exclude = [],
  autoFocus = false,
}: {
  value: Person | null;
  onChange: (p: Person | null) => void;
  label: string;
  errors?: string[];
  chips?: ReactNode;
  /** People not to offer (the person being edited or merged: never his own boss or duplicate). */
  exclude?: string[];
  /** The search box takes focus when drawn (a picker opened on demand). */
  autoFocus?: boolean;
}) {
  const t = useTranslations();
  const [search, setSearch] = useState("");
  const found = useQuery<{ people: (Person & { department: { name: string } | null })[] }>({
    queryKey: ["people", search],
    queryFn: async () => (await fetch(`/api/people?q=${encodeURIComponent(search)}`)).json(),
    enabled: search.trim().length > 0,
  });
  const people = { data: found.data && { people: found.data.people.filter((p) => !exclude.includes(p.id)) } };
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      {chips}
      {value ? (
        <p className="flex items-center gap-2 text-sm">
          <span className="rounded-full bg-brand-50 px-3 py-1 text-brand-700">{value.name}</span>
          <button type="button" className="text-xs text-stone-500 underline" onClick={() => onChange(null)}>
            {t("touchpoints.remove")}
          </button>
        </p>
      ) : (
        <>
          <Input
            type="search"
            aria-label={t("touchpoints.searchPeople")}
            placeholder={t("touchpoints.searchPeople")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}

            autoComplete="off"
            autoFocus={autoFocus}
          />
          {search.trim() && (
            <ul className="max-h-48 overflow-y-auto rounded-md border border-stone-200 bg-white">
              {(people.data?.people ?? []).map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="w-full px-3 py-2 text-left text-sm hover:bg-stone-50"
                    onClick={() => {
                      onChange({ id: p.id, name: p.name });
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
        </>
      )}
      {errors?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.map((e) => t(`validation.${e}`)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export const PersonPicker = withQueryClient(PersonPickerView);

/** Several key persons: the chosen ones as chips under the label; the search box adds one more. */
export function PeoplePicker({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: Person[];
  onChange: (people: Person[]) => void;
  errors?: string[];
}) {
  return (
    <PersonPicker
      label={label}
      value={null}
      onChange={(p) => p && !value.some((x) => x.id === p.id) && onChange([...value, p])}
      errors={errors}
      chips={<Chips items={value} onRemove={(id) => onChange(value.filter((x) => x.id !== id))} />}
    />
  );
}
