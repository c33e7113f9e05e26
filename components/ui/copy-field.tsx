"use client";
import { useTranslations } from "next-intl";
import { useState, type FocusEvent } from "react";
import { Button } from "./button";
import { Input, Textarea } from "./control";

/** A link, an address or a text to hand on (rows: several lines): shown whole, selected on focus, copied with one button. */
export function CopyField({ value, label, testId, rows }: { value: string; label: string; testId?: string; rows?: number }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  const shown = {
    readOnly: true,
    value,
    "aria-label": label,
    "data-testid": testId,
    onFocus: (e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.currentTarget.select(),
  };
  return (
    <div className={rows ? "flex flex-col items-start gap-2" : "flex flex-col gap-2 sm:flex-row"}>
      {rows ? (
        <Textarea {...shown} rows={rows} size="sm" className="w-full text-sm" />
      ) : (
        <Input {...shown} size="xs" className="flex-1 font-mono text-xs" />
      )}
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
