import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names, dropping the falsy ones: `cn("px-3", active && "bg-brand-600")`.
 * It does not resolve conflicting Tailwind classes (no tailwind-merge, to keep it out of every page's
 * JavaScript): a component offers variants for what differs, and callers add only what does not clash.
 */
export function cn(...inputs: ClassValue[]) {
  return clsx(inputs);
}
