"use client";
// The bar over the key-person list while people are selected: one change for all of them (owner,
// department, a tag added or taken off, archive or bring back), confirmed, with undo in the toast.
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { bulkEditPeople, undoBulkEditPeople } from "../actions";
import { Input, Select } from "@/components/ui/control";

const ACTIONS = ["owner", "department", "addTag", "removeTag", "archive", "restore"] as const;
type Action = (typeof ACTIONS)[number];

function useBulkBarState({
  ids,
  departments,
  members,
  onClear,
  onDone,
}: {
  ids: string[];
  departments: { id: string; label: string }[];
  members: { id: string; name: string }[];
  onClear: () => void;
  onDone: () => void;
}) {
  const t = useTranslations();
  const toast = useToast();
  const [action, setAction] = useState<Action>("owner");
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // The confirmation names what is set: which owner, department or tag, not only the kind of change.
    const target =
      action === "owner"
        ? (members.find((m) => m.id === value)?.name ?? t("keyPersons.bulk.none"))
        : action === "department"
          ? (departments.find((d) => d.id === value)?.label ?? t("keyPersons.bulk.none"))
          : action === "addTag" || action === "removeTag"
            ? `#${value.trim()}`
            : null;
    const actionText = t(`keyPersons.bulk.actions.${action}`);
    const question =
      target === null
        ? t("keyPersons.bulk.confirm", { count: ids.length, action: actionText })
        : t("keyPersons.bulk.confirmWith", { count: ids.length, action: actionText, target });
    if (!window.confirm(question)) return;
    const input =
      action === "owner"
        ? { action, ids, ownerId: value }
        : action === "department"
          ? { action, ids, departmentId: value }
          : action === "addTag" || action === "removeTag"
            ? { action, ids, tag: value }
            : { action, ids };
    start(async () => {
      const res = await bulkEditPeople(input);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        setError(res.error === "validation" ? null : res.error);
        return;
      }
      setErrors({});
      setError(null);
      setValue("");
      const before = res.data.before;
      toast(t("keyPersons.bulk.done", { count: res.data.count }), {
        label: t("keyPersons.bulk.undo"),
        run: async () => {
          const undone = await undoBulkEditPeople({ rows: before });
          if (!undone.ok) return { ok: false, error: t(`errors.${undone.error}`) };
          onDone();
          return {
            ok: true,
            message: undone.data.skipped
              ? t("keyPersons.bulk.undonePartly", { restored: undone.data.restored, skipped: undone.data.skipped })
              : t("keyPersons.bulk.undone"),
          };
        },
      });
      onClear();
      onDone();
    });
  }

  const tagError = errors.tag ?? errors.ids;
  return {
    ids,
    departments,
    members,
    onClear,
    onDone,
    t,
    toast,
    onSubmit,
    tagError,
    action,
    setAction,
    value,
    setValue,
    errors,
    setErrors,
    error,
    setError,
    pending,
    start,
  };
}
type BulkBarState = ReturnType<typeof useBulkBarState>;

export function BulkBar(props: {
  ids: string[];
  departments: { id: string; label: string }[];
  members: { id: string; name: string }[];
  onClear: () => void;
  onDone: () => void;
}) {
  const s = useBulkBarState(props);
  const { ids, onClear, t, onSubmit, tagError, action, setAction, value, setValue, setErrors, error, pending } = s;
  return (
    <form
      onSubmit={onSubmit}
      className="border-brand-200 sticky top-[3.75rem] z-10 space-y-2 rounded-lg border bg-brand-50 p-3 text-sm lg:top-2"
      aria-label={t("keyPersons.bulk.title")}
      data-testid="bulk-bar"
      noValidate
    >
      <div className="flex flex-wrap items-center gap-2">
        <strong aria-live="polite">{t("keyPersons.bulk.selected", { count: ids.length })}</strong>
        <button type="button" className="text-brand-700 underline" onClick={onClear}>
          {t("keyPersons.bulk.clear")}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-red-700">
          {t(`errors.${error}`)}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-xs text-stone-700">
          {t("keyPersons.bulk.change")}
          <Select
            size="sm"
            className="mt-1 block"
            value={action}
            onChange={(e) => {
              setAction(e.target.value as Action);
              setValue("");
              setErrors({});
            }}
          >
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`keyPersons.bulk.actions.${a}`)}
              </option>
            ))}
          </Select>
        </label>
        <OwnerChoice s={s} />
        <DepartmentChoice s={s} />
        {(action === "addTag" || action === "removeTag") && (
          <label className="text-xs text-stone-700">
            {t("keyPersons.bulk.tag")}
            <Input
              size="sm"
              className="mt-1 block"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              maxLength={30}
              aria-invalid={!!tagError || undefined}
              aria-describedby={tagError ? "bulk-tag-error" : undefined}
            />
            <FieldErrors id="bulk-tag-error" errors={tagError} />
          </label>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("keyPersons.bulk.apply")}
        </Button>
      </div>
    </form>
  );
}

function OwnerChoice({ s }: { s: BulkBarState }) {
  const { members, t, action, value, setValue, errors } = s;
  return (
    <>
      {action === "owner" && (
        <label className="text-xs text-stone-700">
          {t("keyPersons.owner")}
          <Select
            size="sm"
            className="mt-1 block"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={!!errors.ownerId || undefined}
            aria-describedby={errors.ownerId ? "bulk-owner-error" : undefined}
          >
            <option value="">{t("keyPersons.bulk.none")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
          <FieldErrors id="bulk-owner-error" errors={errors.ownerId} />
        </label>
      )}
    </>
  );
}

function DepartmentChoice({ s }: { s: BulkBarState }) {
  const { departments, t, action, value, setValue, errors } = s;
  return (
    <>
      {action === "department" && (
        <label className="text-xs text-stone-700">
          {t("keyPersons.department")}
          <Select
            size="sm"
            className="mt-1 block max-w-[16rem]"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={!!errors.departmentId || undefined}
            aria-describedby={errors.departmentId ? "bulk-dept-error" : undefined}
          >
            <option value="">{t("keyPersons.bulk.none")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </Select>
          <FieldErrors id="bulk-dept-error" errors={errors.departmentId} />
        </label>
      )}
    </>
  );
}
