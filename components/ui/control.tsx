import type { ComponentProps } from "react";
import { controlClass, type ControlSize } from "./control-classes";

/**
 * The one look of a form control (text input, select, textarea), written once like the button's:
 * a page asks for a size instead of copying classes. `className` may add layout (margins, width),
 * not border, padding or colour. Server and client components both use these. The look is plain
 * strings (./control-classes.ts), not a variants function: these wrappers reach most forms' JavaScript.
 */
export type ControlVariants = { size?: ControlSize };

export function Input({ size, className, ...props }: Omit<ComponentProps<"input">, "size"> & ControlVariants) {
  return <input className={controlClass(size, className)} {...props} />;
}

export function Select({ size, className, ...props }: Omit<ComponentProps<"select">, "size"> & ControlVariants) {
  return <select className={controlClass(size, className)} {...props} />;
}

export function Textarea({ size, className, ...props }: ComponentProps<"textarea"> & ControlVariants) {
  return <textarea className={controlClass(size, className)} {...props} />;
}
