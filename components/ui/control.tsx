import type { ComponentProps } from "react";

/**
 * The one look of a form control (text input, select, textarea), written once like the button's: a
 * page asks for a size instead of copying classes. The look itself is CSS, by name: `.control` and
 * `.control-md|sm|xs` in app/globals.css, so the stylesheet the browser caches carries it once and a
 * page's JavaScript only these names. `className` may add layout (margins, width, a smaller text),
 * not border, padding or colour; being a utility, it wins over the control's own. Server and client
 * components both use these.
 */
export type ControlSize = "md" | "sm" | "xs";
export type ControlVariants = {
  /** md: a form's field, the full width, 16 px text on a phone (no zoom on focus). sm: a filter bar's or a toolbar's control. xs: a control inside a row or a table cell. */
  size?: ControlSize;
};

/** The look's class names, then the caller's layout classes (the wrappers' one template). */
const controlClass = (size: ControlSize, className: string) =>
  className ? `control control-${size} ${className}` : `control control-${size}`;

export function Input({ size = "md", className = "", ...props }: Omit<ComponentProps<"input">, "size"> & ControlVariants) {
  return <input className={controlClass(size, className)} {...props} />;
}

export function Select({ size = "md", className = "", ...props }: Omit<ComponentProps<"select">, "size"> & ControlVariants) {
  return <select className={controlClass(size, className)} {...props} />;
}

export function Textarea({ size = "md", className = "", ...props }: ComponentProps<"textarea"> & ControlVariants) {
  return <textarea className={controlClass(size, className)} {...props} />;
}
