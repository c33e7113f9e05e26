"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { emailMessage, fallbackMessage, lineMessage, type MessageInput } from "@/lib/requests/message";
import { buttonVariants } from "@/components/ui/button";

/** The generated message in its two styles, with a copy button. */
export function MessagePreview({ input, showFallback = false }: { input: MessageInput; showFallback?: boolean }) {
  const t = useTranslations("requests");
  const m = useTranslations("requests.message");
  const [style, setStyle] = useState<"line" | "email" | "fallback">(showFallback ? "fallback" : "line");
  const [copied, setCopied] = useState(false);
  const tr = (key: string, values?: Record<string, string | number>) => m(key, values);
  const text = style === "line" ? lineMessage(tr, input) : style === "email" ? emailMessage(tr, input) : fallbackMessage(tr, input);
  const styles = ["line", "email", ...(input.fallbackWhat ? ["fallback"] : [])] as const as readonly ("line" | "email" | "fallback")[];
  return (
    <div className="space-y-2">
      <div role="tablist" className="flex gap-1 text-sm">
        {styles.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={style === s}
            onClick={() => {
              setStyle(s);
              setCopied(false);
            }}
            className={`rounded-md px-3 py-1 ${style === s ? "bg-brand-600 text-white" : "bg-stone-100 text-stone-700"}`}
          >
            {s === "fallback" ? t("fallbackPreview") : t(s)}
          </button>
        ))}
      </div>
      <pre
        data-testid="message-text"
        className="rounded-md border border-stone-200 bg-stone-50 p-3 font-sans text-sm leading-relaxed whitespace-pre-wrap"
      >
        {text}
      </pre>
      <button
        type="button"
        className={buttonVariants({ variant: "secondary", size: "compact" })}
        onClick={async () => {
          await navigator.clipboard?.writeText(text).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? t("copied") : t("copy")}
      </button>
    </div>
  );
}
