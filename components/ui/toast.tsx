"use client";
// One toast at a time at the bottom of the screen: a confirmation after an action, with an
// optional undo. It lives in the app shell, so it survives the navigation that follows a save.
// Announced politely; it stays while hovered or focused and otherwise closes after a while.
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";

export type ToastUndo = { label: string; run: () => Promise<{ ok: true; message: string } | { ok: false; error: string }> };
type Toast = { id: number; message: string; tone: "ok" | "error"; undo?: ToastUndo };

const ToastContext = createContext<(message: string, undo?: ToastUndo) => void>(() => undefined);
const CLOSE_AFTER_MS = 8000;

export function useToast() {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("common");
  const [toast, setToast] = useState<Toast | null>(null);
  const [busy, setBusy] = useState(false);
  const [held, setHeld] = useState(false);
  const seq = useRef(0);
  const show = useCallback((message: string, undo?: ToastUndo) => setToast({ id: ++seq.current, message, tone: "ok", undo }), []);

  useEffect(() => {
    if (!toast || held || busy) return;
    const timer = window.setTimeout(() => setToast((cur) => (cur?.id === toast.id ? null : cur)), CLOSE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [toast, held, busy]);

  async function runUndo(undo: ToastUndo) {
    setBusy(true);
    try {
      const res = await undo.run();
      setToast({ id: ++seq.current, message: res.ok ? res.message : res.error, tone: res.ok ? "ok" : "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="no-print pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4"
        onMouseEnter={() => setHeld(true)}
        onMouseLeave={() => setHeld(false)}
        onFocus={() => setHeld(true)}
        onBlur={() => setHeld(false)}
      >
        {toast && (
          <div
            key={toast.id}
            data-testid="toast"
            className={`pointer-events-auto flex max-w-md items-center gap-3 rounded-lg px-4 py-3 text-sm text-white shadow-lg ${toast.tone === "ok" ? "bg-stone-800" : "bg-red-700"}`}
          >
            <span>{toast.message}</span>
            {toast.undo && (
              <button
                type="button"
                disabled={busy}
                onClick={() => toast.undo && void runUndo(toast.undo)}
                className="shrink-0 rounded px-2 py-1 font-semibold text-amber-200 underline underline-offset-2 hover:text-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-white disabled:opacity-60"
              >
                {toast.undo.label}
              </button>
            )}
            <button
              type="button"
              onClick={() => setToast(null)}
              className="shrink-0 rounded p-1 text-stone-300 hover:text-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-white"
              aria-label={t("close")}
            >
              <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
                <path d="M6 6l12 12M18 6 6 18" />
              </svg>
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
