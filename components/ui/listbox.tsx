"use client";
// One search-and-pick popup for every combobox in the app (the dashboard's department filter, the
// chip select): `useListbox` keeps the list's open state and highlighted match and applies the shared
// keyboard model (`listbox-keys.ts`), and `ListboxPopup` draws the matches. The highlighted match is
// scrolled into view as it moves; moving the pointer over a match highlights it as the keyboard does.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { clampActive, listboxKey } from "./listbox-keys";

export function useListbox<T>({
  options,
  keyOf,
  onPick,
  onClear,
  hasText,
}: {
  options: T[];
  keyOf: (option: T) => string;
  onPick: (option: T) => void;
  onClear: () => void;
  hasText: boolean;
}) {
  const listId = useId();
  const [state, setState] = useState({ open: false, active: 0 });
  const active = clampActive(state.active, options.length);
  const open = state.open;

  const optionId = (o: T) => `${listId}-${keyOf(o)}`;
  const activeId = open && options[active] ? optionId(options[active]!) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const next = listboxKey({ open, active }, e.key, options.length, hasText);
    if (next.handled) e.preventDefault();
    setState(next.state);
    if (next.pick !== undefined) onPick(options[next.pick]!);
    if (next.clear) onClear();
  };

  return {
    options,
    open,
    active,
    pick: onPick,
    listId,
    onKeyDown,
    optionId,
    /** Back to the first match, the list open or closed (the text changed, the box got focus, a pick). */
    reset: (nextOpen: boolean) => setState({ open: nextOpen, active: 0 }),
    close: () => setState((s) => ({ ...s, open: false })),
    setActive: (i: number) => setState((s) => ({ ...s, active: i })),
    /** Props for the input that owns the list. */
    comboboxProps: {
      role: "combobox" as const,
      "aria-expanded": open && options.length > 0,
      "aria-controls": listId,
      "aria-autocomplete": "list" as const,
      "aria-activedescendant": activeId,
      autoComplete: "off",
    },
  };
}

export function ListboxPopup<T>({
  box,
  label,
  render,
  empty,
}: {
  box: ReturnType<typeof useListbox<T>>;
  label: string;
  render: (option: T) => ReactNode;
  /** Shown under the box when the list is open with no match; null shows nothing (still searching). */
  empty: string | null;
}) {
  const { options } = box;
  // Hover follows the pointer only when it really moves: a list opening or scrolling under a still
  // pointer must not take the highlight from the keyboard.
  const pointer = useRef({ x: -1, y: -1 });
  if (!box.open) return null;
  if (options.length === 0) {
    return empty === null ? null : (
      <p
        role="status"
        className="absolute z-20 mt-1 w-full rounded-md border border-stone-200 bg-white px-3 py-2 text-sm text-stone-600 shadow-lg"
      >
        {empty}
      </p>
    );
  }
  return (
    <ul
      id={box.listId}
      role="listbox"
      aria-label={label}
      className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg"
    >
      {options.map((o, i) => (
        <li
          key={box.optionId(o)}
          id={box.optionId(o)}
          role="option"
          aria-selected={i === box.active}
          // Keep focus in the box, so picking does not blur (and close) it first.
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={(e) => {
            if (e.clientX === pointer.current.x && e.clientY === pointer.current.y) return;
            pointer.current = { x: e.clientX, y: e.clientY };
            if (i !== box.active) box.setActive(i);
          }}
          onClick={() => box.pick(o)}
          className={`cursor-pointer px-3 py-2 ${i === box.active ? "bg-brand-50" : ""}`}
        >
          {render(o)}
        </li>
      ))}
    </ul>
  );
}
