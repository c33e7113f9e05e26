// Class names joined with conditions (clsx) and conflicting Tailwind utilities resolved, the later
// one winning (tailwind-merge): `cn(buttonBase, "px-2")` gives px-2, not both paddings.
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
