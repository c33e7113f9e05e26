"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Input, Select, Textarea } from "./control";

/** Field messages are keys under "validation" in the catalogs. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useTranslations("validation");
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700" role="alert">
      {/* One sentence per distinct message: two checks of one field may fail the same way. */}
      {[...new Set(errors.map((e) => (t.has(e) ? t(e) : t("invalid"))))].join(" ")}
    </p>
  );
}

function Label({ htmlFor, label, hint, required }: { htmlFor: string; label: ReactNode; hint?: ReactNode; required?: boolean }) {
  return (
    <>
      <label htmlFor={htmlFor} className="block text-sm font-medium text-stone-800">
        {label}
        {required && (
          <span className="ml-1 text-red-700" aria-hidden>
            *
          </span>
        )}
      </label>
      {hint && <p className="text-xs text-stone-500">{hint}</p>}
    </>
  );
}

/**
 * A date input's day in the app's language and format ("2026年12月24日木曜日"): the browser draws the
 * input itself in its own locale (mm/dd/yyyy in an English browser), so the app says which day it is.
 */
export function DateHint({ value, id }: { value: string | undefined; id?: string }) {
  const f = useFormatter();
  const day = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime())) return null;
  return (
    <p id={id} className="text-xs text-stone-600" data-testid="date-hint">
      {f.dateTime(day, { dateStyle: "full", timeZone: "UTC" })}
    </p>
  );
}

type FieldProps = { label: ReactNode; hint?: ReactNode; errors?: string[]; name: string };

/** A field's ids, and the attributes that tie its control to its label and its error message. */
function useFieldControl(errors: string[] | undefined) {
  const id = useId();
  const errId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  return { errId, control: { id, "aria-invalid": invalid || undefined, "aria-describedby": invalid ? errId : undefined } };
}

/** Label above, the control (and anything under it), the field's errors below. */
function FieldFrame({
  htmlFor,
  errId,
  label,
  hint,
  required,
  errors,
  children,
}: Omit<FieldProps, "name"> & { htmlFor: string; errId: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={htmlFor} label={label} hint={hint} required={required} />
      {children}
      <FieldErrors id={errId} errors={errors} />
    </div>
  );
}

export function TextField({ label, hint, errors, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & FieldProps) {
  const { errId, control } = useFieldControl(errors);
  const isDate = props.type === "date";
  const [day, setDay] = useState(String(props.value ?? props.defaultValue ?? ""));
  return (
    <FieldFrame htmlFor={control.id} errId={errId} label={label} hint={hint} required={props.required} errors={errors}>
      <Input
        {...control}
        {...props}
        onChange={(e) => {
          if (isDate) setDay(e.target.value);
          props.onChange?.(e);
        }}
      />
      {isDate && <DateHint value={props.value !== undefined ? String(props.value) : day} />}
    </FieldFrame>
  );
}

export function SelectField({ label, hint, errors, ...props }: Omit<SelectHTMLAttributes<HTMLSelectElement>, "size"> & FieldProps) {
  const { errId, control } = useFieldControl(errors);
  return (
    <FieldFrame htmlFor={control.id} errId={errId} label={label} hint={hint} required={props.required} errors={errors}>
      <Select {...control} {...props} />
    </FieldFrame>
  );
}

export function TextareaField({ label, hint, errors, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const { errId, control } = useFieldControl(errors);
  return (
    <FieldFrame htmlFor={control.id} errId={errId} label={label} hint={hint} required={props.required} errors={errors}>
      <Textarea {...control} {...props} />
    </FieldFrame>
  );
}
