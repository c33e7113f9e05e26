// The control kit's look as plain strings: the single source of components/ui/control.tsx's variants,
// and what the two controls on every page (the shell's team switcher, the language picker) use
// directly, so every page's JavaScript carries these strings and not the kit's wrappers. `extra` may
// add layout (margins, width) only, as with the kit's `className`.
export const CONTROL_BASE =
  "rounded-md border border-stone-300 bg-white text-stone-900 focus:border-brand-500 disabled:bg-stone-100 aria-[invalid=true]:border-red-500";

export const CONTROL_SIZES = {
  /** A form's field: the full width, 16 px text on a phone (no zoom on focus). */
  md: "block w-full px-3 py-2 text-base shadow-sm sm:text-sm",
  /** A filter bar's or a toolbar's control. */
  sm: "px-2 py-1.5 text-base sm:text-sm",
  /** A control inside a row or a table cell. */
  xs: "px-2 py-1 text-sm",
} as const;

export type ControlSize = keyof typeof CONTROL_SIZES;

export function controlClass(size: ControlSize = "md", extra?: string): string {
  return [CONTROL_BASE, CONTROL_SIZES[size], extra].filter(Boolean).join(" ");
}
