"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Recovery codes, shown once: copied, downloaded as a text file or printed (the print shows the
 * codes alone), so keeping them does not mean copying ten codes by hand.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const [copied, setCopied] = useState(false);
  const text = `${t("recoveryFileHeading")}\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-4" data-testid="recovery-sheet">
      <h2 className="font-semibold">{t("recoveryTitle")}</h2>
      <p className="text-sm text-stone-700">{t("recoveryIntro")}</p>
      <ol className="grid max-w-sm grid-cols-2 gap-2 rounded-md bg-stone-50 p-3 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div className="no-print flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(text).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? tc("copied") : tc("copy")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => {
            const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
            const a = Object.assign(document.createElement("a"), { href: url, download: "tsunagari-note-recovery-codes.txt" });
            a.click();
            URL.revokeObjectURL(url);
          }}
        >
          {t("recoveryDownload")}
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={() => window.print()}>
          {t("recoveryPrint")}
        </Button>
      </div>
      <p className="sr-only" role="status">
        {copied ? tc("copied") : ""}
      </p>
      <Button type="button" className="no-print" onClick={onDone}>
        {t("recoveryDone")}
      </Button>
    </div>
  );
}
