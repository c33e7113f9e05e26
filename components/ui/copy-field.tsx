"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";
import { Input } from "./control";

/** A link or address to hand on: shown whole, selected on focus, copied with one button. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <Input
        readOnly
        value={value}
        aria-label={label}
        data-testid={testId}
        size="xs"
        className="flex-1 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
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
