"use client";
// Several choices from a long list: the label, then the chosen ones as chips (each removable),
// then a search box whose matches open below it. Keyboard: type, ↓/↑ through the matches, Enter
// to add, Backspace in an empty box removes the last chip. The form gets one hidden input per choice.
import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { searchKey } from "@/lib/search/normalize";
import { Chips } from "./chips";

export type ChipOption = { id: string; name: string; path: string };
const MAX_MATCHES = 50;

export function ChipSelect({
  label,
  name,
  options,
  defaultValue,
  errors,
}: {
  label: string;
  name: string;
  options: ChipOption[];
  defaultValue: string[];
  errors?: string[];
}) {
  const t = useTranslations();
  const [selected, setSelected] = useState<string[]>(defaultValue);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const labelId = useId();
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const keyed = useMemo(() => options.map((o) => ({ o, key: searchKey(o.path) })), [options]);
  const matches = useMemo(() => {
    const q = searchKey(query);
    return keyed
      .filter(({ o, key }) => !selected.includes(o.id) && (!q || key.includes(q)))
      .slice(0, MAX_MATCHES)
      .map(({ o }) => o);
  }, [keyed, query, selected]);

  const chosen = selected.flatMap((id) => {
    const o = byId.get(id);
    return o ? [{ id, name: o.name, title: o.path }] : [];
  });

  const add = (id: string) => {
    setSelected((s) => (s.includes(id) ? s : [...s, id]));
    setQuery("");
    setActive(0);
    input.current?.focus();
  };
  const remove = (id: string) => setSelected((s) => s.filter((x) => x !== id));

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (matches.length) setActive((a) => (a + (e.key === "ArrowDown" ? 1 : -1) + matches.length) % matches.length);
    } else if (e.key === "Enter") {
      if (open && matches[active]) {
        e.preventDefault();
        add(matches[active].id);
      }
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Backspace" && !query && selected.length) {
      remove(selected[selected.length - 1]);
    }
  }

  return (
    <div className="space-y-1" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="text-sm font-medium text-stone-800">
        {label}
      </p>
      <Chips items={chosen} onRemove={remove} />
      {selected.map((id) => (
        <input key={id} type="hidden" name={name} value={id} />
      ))}
      <div className="relative">
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].id}` : undefined}
          aria-label={t("common.searchIn", { label })}
          placeholder={t("common.searchToAdd")}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKey}
          autoComplete="off"
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base sm:text-sm"
        />
        {open && matches.length === 0 && (
          <p className="absolute z-20 mt-1 w-full rounded-md border border-stone-200 bg-white px-3 py-1.5 text-sm text-stone-500 shadow-lg">
            {t("common.noMatches")}
          </p>
        )}
        {open && matches.length > 0 && (
          <ul
            id={listId}
            role="listbox"
            aria-label={label}
            className="absolute z-20 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg"
          >
            {matches.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${o.id}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(o.id);
                }}
                onMouseEnter={() => setActive(i)}
                className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50" : ""}`}
              >
                <span className="font-medium">{o.name}</span>
                {o.path !== o.name && <span className="ml-2 text-xs text-stone-500">{o.path}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {errors?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.map((e) => t(`validation.${e}`)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
