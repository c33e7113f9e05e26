"use client";
// A card's stage menu on the board: a small button that shows on hover or focus (always on touch
// screens) and opens a menu of the stages the card can move to. Arrow keys move, Enter picks,
// Escape closes. Stopping asks for its reason inside the menu.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { reachableStages, type Stage } from "@/lib/initiatives/constants";
import { Input } from "@/components/ui/control";

export function StageMenu({
  title,
  stage,
  hasResults,
  onMove,
  disabled,
}: {
  title: string;
  stage: Stage;
  hasResults: boolean;
  onMove: (to: Stage, reason?: string) => void;
  disabled?: boolean;
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [reason, setReason] = useState("");
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  // Only stages the move will be accepted into: evaluated and beyond need a result first.
  const options = reachableStages(stage, hasResults);

  useEffect(() => {
    if (!open) return;
    const first = root.current?.querySelector<HTMLElement>(stopping ? "input" : "[role=menuitem]");
    first?.focus();
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    window.addEventListener("pointerdown", onDown);
    return () => window.removeEventListener("pointerdown", onDown);
  }, [open, stopping]);

  function close(refocus = true) {
    setOpen(false);
    setStopping(false);
    setReason("");
    if (refocus) button.current?.focus();
  }

  function pick(to: Stage) {
    if (to === "STOPPED") return setStopping(true);
    close();
    onMove(to);
  }

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === "Escape") {
      e.preventDefault();
      return close();
    }
    if (stopping || !["ArrowDown", "ArrowUp", "Home", "End"].includes(e.key)) return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next =
      e.key === "Home" ? 0 : e.key === "End" ? items.length - 1 : (at + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  }

  return (
    <div ref={root} className="absolute right-1 bottom-1" onKeyDown={onKey}>
      <button
        ref={button}
        type="button"
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t("initiatives.stageMenuFor", { title })}
        onClick={() => (open ? close() : setOpen(true))}
        className={`rounded border border-stone-300 bg-white px-1.5 py-0.5 text-xs whitespace-nowrap text-stone-700 shadow-sm group-focus-within:opacity-100 group-hover:opacity-100 hover:bg-stone-100 focus-visible:opacity-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 [@media(hover:none)]:opacity-100 ${open ? "opacity-100" : "opacity-0"}`}
      >
        {t("initiatives.moveShort")} ▾
      </button>
      {open && (
        <div id={menuId} className="absolute right-0 z-20 mt-1 w-44 rounded-md border border-stone-200 bg-white py-1 text-sm shadow-lg">
          {stopping ? (
            <form
              className="space-y-2 p-2"
              onSubmit={(e) => {
                e.preventDefault();
                const why = reason.trim();
                close();
                onMove("STOPPED", why);
              }}
            >
              <label className="block text-xs text-stone-600">
                {t("initiatives.stopReason")}
                <Input
                  size="xs"
                  className="mt-1 block w-full"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder={t("initiatives.stopReasonHint")}
                />
              </label>
              <button type="submit" className="w-full rounded-md bg-red-700 px-2 py-1 text-xs font-medium text-white hover:bg-red-800">
                {t("initiatives.stopNow")}
              </button>
            </form>
          ) : (
            <div role="menu" aria-label={t("initiatives.moveTo")}>
              {options.map((s) => (
                <button
                  key={s}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  onClick={() => pick(s)}
                  className="block w-full px-3 py-1.5 text-left hover:bg-brand-50 focus:bg-brand-50 focus:outline-none"
                >
                  {t(`initiativeStages.${s}`)}
                </button>
              ))}
              {!hasResults && stage !== "STOPPED" && (
                <p className="border-t border-stone-100 px-3 pt-1.5 text-xs text-stone-600">{t("initiatives.resultsFirst")}</p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
