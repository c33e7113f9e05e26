"use client";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/wrappers";

type Message = { tone: "green" | "red"; text: string } | null;
/** A failed action as the server returned it: the error key, field errors, the current record on a conflict. */
export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * The state every form keeps around a server action: pending, field errors, a message. A form that
 * needs more of a failure (the record someone else saved meanwhile) gets the whole result in `fail`;
 * `setErrors` lets it show errors it found before asking the server.
 */
export function useActionForm() {
  const t = useTranslations();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  function run<T>(
    action: () => Promise<ActionResult<T>>,
    onOk: { text?: string; then?: (data: T) => void; fail?: (failure: ActionFailure) => void } = {},
  ) {
    start(async () => {
      const res = await action();
      if (res.ok) {
        setErrors({});
        setMessage(onOk.text ? { tone: "green", text: onOk.text } : null);
        onOk.then?.(res.data);
      } else {
        setErrors(res.fieldErrors ?? {});
        setMessage({ tone: "red", text: t(`errors.${res.error}`) });
        onOk.fail?.(res);
      }
    });
  }
  return { pending, errors, setErrors, message, setMessage, run };
}
