import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/**
 * The one look of a form control (text input, select, textarea), written once like the button's:
 * a page asks for a size instead of copying classes. `className` may add layout (margins, width),
 * not border, padding or colour. Server and client components both use these.
 */
export const controlVariants = cva(
  "rounded-md border border-stone-300 bg-white text-stone-900 focus:border-brand-500 disabled:bg-stone-100 aria-[invalid=true]:border-red-500",
  {
    variants: {
      size: {
        /** A form's field: the full width, 16 px text on a phone (no zoom on focus). */
        md: "block w-full px-3 py-2 text-base shadow-sm sm:text-sm",
        /** A filter bar's or a toolbar's control. */
        sm: "px-2 py-1.5 text-base sm:text-sm",
        /** A control inside a row or a table cell. */
        xs: "px-2 py-1 text-sm",
      },
    },
    defaultVariants: { size: "md" },
  },
);

export type ControlVariants = VariantProps<typeof controlVariants>;

export function Input({ size, className, ...props }: Omit<ComponentProps<"input">, "size"> & ControlVariants) {
  return <input className={cn(controlVariants({ size }), className)} {...props} />;
}

export function Select({ size, className, ...props }: Omit<ComponentProps<"select">, "size"> & ControlVariants) {
  return <select className={cn(controlVariants({ size }), className)} {...props} />;
}

export function Textarea({ size, className, ...props }: ComponentProps<"textarea"> & ControlVariants) {
  return <textarea className={cn(controlVariants({ size }), className)} {...props} />;
}
