"use client";
// Several choices from a long list: the label, then the chosen ones as chips (each removable),
// then a search box whose matches open below it. Keyboard: the shared listbox model (listbox-keys.ts:
// ↓/↑ wrap, Enter adds, Escape closes then clears), and Backspace in an empty box removes the last
// chip. The form gets one hidden input per choice.
import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { searchKey } from "@/lib/search/normalize";
import { Chips } from "./chips";
import { ListboxPopup, useListbox } from "./listbox";
import { Input } from "@/components/ui/control";

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
  const input = useRef<HTMLInputElement>(null);
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
  const box = useListbox({
    options: matches,
    keyOf: (o) => o.id,
    onPick: (o) => add(o.id),
    onClear: () => setQuery(""),
    hasText: query.length > 0,
  });

  const chosen = selected.flatMap((id) => {
    const o = byId.get(id);
    return o ? [{ id, name: o.name, title: o.path }] : [];
  });

  // The list stays open after a pick, on the next match, for adding several in a row.
  function add(id: string) {
    setSelected((s) => (s.includes(id) ? s : [...s, id]));
    setQuery("");
    box.reset(true);
    input.current?.focus();
  }
  const remove = (id: string) => setSelected((s) => s.filter((x) => x !== id));

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
        <Input
          ref={input}
          type="search"
          {...box.comboboxProps}
          aria-label={t("common.searchIn", { label })}
          placeholder={t("common.searchToAdd")}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            box.reset(true);
          }}
          onFocus={() => box.reset(true)}
          onBlur={box.close}
          onKeyDown={(e) => {
            // Backspace in an empty box takes back the last choice.
            if (e.key === "Backspace" && !query && selected.length) remove(selected[selected.length - 1]);
            else box.onKeyDown(e);
          }}
        />
        <ListboxPopup
          box={box}
          label={label}
          empty={t("common.noMatches")}
          render={(o) => (
            <>
              <span className="font-medium">{o.name}</span>
              {o.path !== o.name && <span className="ml-2 text-xs text-stone-500">{o.path}</span>}
            </>
          )}
        />
      </div>
      {errors?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.map((e) => t(`validation.${e}`)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
