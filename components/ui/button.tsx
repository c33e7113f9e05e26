import { cva, type VariantProps } from "class-variance-authority";
import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/**
 * The one look of a button, for `<button>`s and for links that act as buttons (a download, the next
 * page to go to): `buttonVariants({ variant: "secondary", size: "sm" })`. Sizes differ in padding
 * only, so `className` may add layout (margins, width) but not padding, colour or display.
 */
export const buttonVariants = cva("inline-flex items-center justify-center gap-1 rounded-md font-medium disabled:cursor-not-allowed", {
  variants: {
    variant: {
      primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-stone-400",
      secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400",
      danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 disabled:text-stone-400",
      ghost: "text-stone-700 hover:bg-stone-100",
    },
    size: {
      /** A form's own submit, a page's main action: at least 40 px high. */
      md: "min-h-10 px-4 py-2 text-sm",
      /** A page header's or a toolbar's actions. */
      sm: "px-3 py-2 text-sm",
      /** An action inside a panel or beside a field. */
      compact: "px-3 py-1.5 text-sm",
      /** A row's own actions in a list or a section's heading. */
      xs: "min-h-8 px-2 py-1 text-xs",
    },
  },
  defaultVariants: { variant: "primary", size: "md" },
});

export type ButtonVariants = VariantProps<typeof buttonVariants>;

export function Button({ variant, size, className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & ButtonVariants) {
  return <button className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
