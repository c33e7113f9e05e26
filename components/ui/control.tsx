import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";
import { CONTROL_BASE, CONTROL_SIZES } from "./control-classes";

/**
 * The one look of a form control (text input, select, textarea), written once like the button's:
 * a page asks for a size instead of copying classes. `className` may add layout (margins, width),
 * not border, padding or colour. Server and client components both use these; the strings themselves
 * are in ./control-classes.ts.
 */
export const controlVariants = cva(CONTROL_BASE, { variants: { size: CONTROL_SIZES }, defaultVariants: { size: "md" } });

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
