"use client";
// The dashboard's department filter: type part of a name, pick from the matches. The form submits
// the hidden `dept`; the page does not carry the team's whole department list.
import { useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import { withQueryClient } from "@/components/providers";

type Dept = { id: string; label: string };
type Labels = { label: string; all: string; search: string; clear: string; none: string };

function DepartmentFilterView({ initial, labels }: { initial: Dept | null; labels: Labels }) {
  const id = useId();
  const [chosen, setChosen] = useState<Dept | null>(initial);
  const [search, setSearch] = useState("");
  const [active, setActive] = useState(0);
  const q = search.trim();
  const found = useQuery<{ departments: Dept[] }>({
    queryKey: ["departments", q],
    queryFn: async () => (await fetch(`/api/departments?q=${encodeURIComponent(q)}`)).json(),
    enabled: q.length > 0,
  });
  const options = found.data?.departments ?? [];
  const pick = (d: Dept | null) => {
    setChosen(d);
    setSearch("");
    setActive(0);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, options.length - 1));
    else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
    else if (e.key === "Escape") setSearch("");
    else if (e.key !== "Enter") return;
    e.preventDefault();
    // Enter picks the highlighted match instead of submitting the form half-typed.
    if (e.key === "Enter" && options[active]) pick(options[active]!);
  };
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
        <input
          id={`${id}-q`}
          type="search"
          role="combobox"
          aria-expanded={q.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={q && options[active] ? `${id}-${options[active]!.id}` : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          placeholder={chosen ? labels.search : labels.all}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
          className="block min-h-10 w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
        />
        {q && (
          <ul
            id={`${id}-list`}
            role="listbox"
            aria-label={labels.label}
            className="absolute z-10 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-stone-200 bg-white shadow"
          >
            {options.map((d, i) => (
              <li
                key={d.id}
                id={`${id}-${d.id}`}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-2 text-sm ${i === active ? "bg-brand-50" : "hover:bg-stone-50"}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(d)}
              >
                {d.label}
              </li>
            ))}
            {found.data && options.length === 0 && <li className="px-3 py-2 text-sm text-stone-600">{labels.none}</li>}
          </ul>
        )}
      </div>
    </div>
  );
}

export const DepartmentFilter = withQueryClient(DepartmentFilterView);
