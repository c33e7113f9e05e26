"use client";
// The dashboard's department filter: type part of a name, pick from the matches. The form submits
// the hidden `dept`; the page does not carry the team's whole department list.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { withQueryClient } from "@/components/providers";
import { ListboxPopup, useListbox } from "@/components/ui/listbox";
import { Input } from "@/components/ui/control";

type Dept = { id: string; label: string };
type Labels = { label: string; all: string; search: string; clear: string; none: string };

function DepartmentFilterView({ initial, labels }: { initial: Dept | null; labels: Labels }) {
  const id = useId();
  const [chosen, setChosen] = useState<Dept | null>(initial);
  const [search, setSearch] = useState("");
  const q = search.trim();
  const found = useQuery<{ departments: Dept[] }>({
    queryKey: ["departments", q],
    queryFn: async () => (await fetch(`/api/departments?q=${encodeURIComponent(q)}`)).json(),
    enabled: q.length > 0,
  });
  const options = q ? (found.data?.departments ?? []) : [];
  const box = useListbox({
    options,
    keyOf: (d) => d.id,
    onPick: (d) => pick(d),
    onClear: () => setSearch(""),
    hasText: search.length > 0,
  });
  function pick(d: Dept | null) {
    setChosen(d);
    setSearch("");
    box.reset(false);
  }
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-q`} className="block text-sm font-medium text-stone-800">
        {labels.label}
      </label>
      <input type="hidden" name="dept" value={chosen?.id ?? ""} />
      {chosen && (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded-full bg-brand-50 px-3 py-1 text-brand-700" data-testid="dept-chosen">
            {chosen.label}
          </span>
          <button type="button" className="text-xs text-stone-600 underline" onClick={() => pick(null)}>
            {labels.clear}
          </button>
        </p>
      )}
      <div className="relative">
        <Input
          id={`${id}-q`}
          type="search"
          {...box.comboboxProps}
          placeholder={chosen ? labels.search : labels.all}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            box.reset(e.target.value.trim().length > 0);
          }}
          onKeyDown={(e) => {
            box.onKeyDown(e);
            // Enter never submits the form half-typed: it picks a match or waits for one.
            if (e.key === "Enter" && q) e.preventDefault();
          }}
          onFocus={() => box.reset(q.length > 0)}
          onBlur={box.close}
          className="min-h-10"
        />
        <ListboxPopup box={box} label={labels.label} render={(d) => d.label} empty={q && found.data ? labels.none : null} />
      </div>
    </div>
  );
}

export const DepartmentFilter = withQueryClient(DepartmentFilterView);
