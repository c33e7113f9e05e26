// Class names joined, with conditions (clsx, 0.3 kB): `cn("px-4", busy && "opacity-50", className)`.
// No merging of conflicting utilities (tailwind-merge added 10 kB to every page): give an element
// one display, padding or colour, and put a wrapper's layout on the wrapper.
import { clsx, type ClassValue } from "clsx";

export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
