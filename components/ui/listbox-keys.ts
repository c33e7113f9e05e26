// The keyboard model every search-and-pick box shares (WAI-ARIA combobox with a listbox popup):
// ↓/↑ open the list or move through it, wrapping at both ends; Enter picks the highlighted match;
// Escape closes an open list first and clears the text only when pressed again; Tab closes.
// Pure, so the rules are tested without a browser; `useListbox` applies them.
export type ListboxState = { open: boolean; active: number };
export type ListboxKey = {
  state: ListboxState;
  /** Index of the match to pick. */
  pick?: number;
  /** The box's text should be emptied. */
  clear?: boolean;
  /** The key was used here: the caller prevents the browser's default for it. */
  handled: boolean;
};

export function listboxKey(state: ListboxState, key: string, count: number, hasText: boolean): ListboxKey {
  const active = clampActive(state.active, count);
  switch (key) {
    case "ArrowDown":
      return { state: { open: true, active: state.open && count ? (active + 1) % count : 0 }, handled: true };
    case "ArrowUp":
      return {
        state: { open: true, active: state.open && count ? (active - 1 + count) % count : Math.max(count - 1, 0) },
        handled: true,
      };
    case "Enter":
      return state.open && count ? { state: { open: state.open, active }, pick: active, handled: true } : { state, handled: false };
    case "Escape":
      if (state.open) return { state: { open: false, active }, handled: true };
      return hasText ? { state, clear: true, handled: true } : { state, handled: false };
    case "Tab":
      return { state: { open: false, active }, handled: false };
    default:
      return { state, handled: false };
  }
}

/** The highlighted index kept inside the matches when fewer come back than before. */
export function clampActive(active: number, count: number): number {
  return count ? Math.min(Math.max(active, 0), count - 1) : 0;
}
