import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

type Variant = "primary" | "secondary" | "danger" | "ghost";
type Size = "md" | "sm";

const variants: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-stone-400",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:text-stone-400",
  ghost: "text-stone-700 hover:bg-stone-100",
};

const sizes: Record<Size, string> = {
  md: "min-h-10 px-4 py-2",
  // Inside a row of text or a compact header.
  sm: "min-h-8 px-3 py-1.5",
};

/**
 * A button's classes, also for a link that looks like a button (a page to go to, a download).
 * `className` adds margins, width or alignment; the button keeps its own display and padding.
 */
export function buttonVariants({
  variant = "primary",
  size = "md",
  className,
}: { variant?: Variant; size?: Size; className?: string } = {}) {
  return cn(
    "inline-flex items-center justify-center gap-1 rounded-md text-sm font-medium disabled:cursor-not-allowed",
    sizes[size],
    variants[variant],
    className,
  );
}

export function Button({
  variant,
  size,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size }) {
  return <button className={buttonVariants({ variant, size, className })} {...props} />;
}
