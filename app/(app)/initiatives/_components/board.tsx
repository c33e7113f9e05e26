"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/card";
import { canMove, STAGES, type Stage } from "@/lib/initiatives/constants";
import { StageMenu } from "./stage-menu";
import { useMove } from "./stage-mover";
import { TEXT_LINK } from "@/components/ui/link-style";

export type BoardCard = { id: string; title: string; kind: string; stage: Stage; version: number; owners: string; results: number };

/**
 * The pipeline by stage: drag a card to another column, or use its stage menu (hover or focus).
 * From a laptop's width up, the six pipeline stages share the width and "stopped" is a collapsed
 * column; narrower screens scroll sideways, and say so.
 */
export function Board({ cards }: { cards: BoardCard[] }) {
  const t = useTranslations();
  const { move, pending, error } = useMove();
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [over, setOver] = useState<Stage | null>(null);
  const [showStopped, setShowStopped] = useState(false);
  const stopped = cards.filter((c) => c.stage === "STOPPED");
  // A card moved from its menu re-renders in its new column: keyboard focus follows it there instead
  // of falling back to the page.
  const follow = useRef<{ id: string; to: Stage } | null>(null);
  useEffect(() => {
    const f = follow.current;
    if (!f) return;
    if (error) {
      follow.current = null;
      return;
    }
    if (cards.find((c) => c.id === f.id)?.stage !== f.to) return;
    document.querySelector<HTMLElement>(`[data-card-id="${f.id}"] button[aria-haspopup="menu"]`)?.focus();
    follow.current = null;
  }, [cards, error]);
  return (
    <div className="min-w-0 space-y-2">
      <p className="text-xs text-stone-500">
        {t("initiatives.dragHint")} <span className="lg:hidden">{t("initiatives.scrollHint")}</span>
      </p>
      {error && <Alert>{error.field ? t(`validation.${error.field}`) : t(`errors.${error.message}`)}</Alert>}
      <div
        data-testid="initiative-board"
        className={`flex w-full max-w-full snap-x [scrollbar-color:var(--color-stone-400)_transparent] gap-2 overflow-x-auto pb-2 lg:grid lg:overflow-visible ${showStopped ? "lg:grid-cols-7" : "lg:grid-cols-[repeat(6,minmax(0,1fr))_3rem]"}`}
      >
        {STAGES.map((stage) => {
          const col = cards.filter((c) => c.stage === stage);
          const droppable = dragging && canMove(dragging.stage, stage) && stage !== "STOPPED";
          const label = t(`initiativeStages.${stage}`);
          if (stage === "STOPPED" && !showStopped) {
            return (
              <section
                key={stage}
                aria-label={label}
                className="w-12 shrink-0 snap-start rounded-lg border border-stone-200 bg-stone-100 lg:w-auto"
              >
                <button
                  type="button"
                  onClick={() => setShowStopped(true)}
                  aria-expanded={false}
                  aria-label={t("initiatives.showStopped", { count: stopped.length })}
                  className="flex h-full min-h-40 w-full flex-col items-center gap-2 rounded-lg py-3 text-sm font-semibold text-stone-700 hover:bg-stone-200"
                >
                  <span className="[writing-mode:vertical-rl]">{label}</span>
                  <span className="text-stone-500">{stopped.length}</span>
                </button>
              </section>
            );
          }
          return (
            <section
              key={stage}
              aria-label={label}
              className={`w-52 min-w-0 shrink-0 snap-start rounded-lg border p-1.5 lg:w-auto ${over === stage && droppable ? "border-brand-500 bg-brand-50" : "border-stone-200 bg-stone-100"}`}
              onDragOver={(e) => {
                if (droppable) {
                  e.preventDefault();
                  setOver(stage);
                }
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                if (dragging && droppable) move(dragging.id, dragging.version, stage);
                setDragging(null);
              }}
            >
              <h2 className="mb-1.5 flex items-center justify-between gap-1 px-0.5 text-sm font-semibold">
                <span className="truncate">{label}</span>
                <span className="flex items-center gap-1 text-stone-500">
                  {col.length}
                  {stage === "STOPPED" && (
                    <button
                      type="button"
                      onClick={() => setShowStopped(false)}
                      aria-expanded
                      aria-label={t("initiatives.hideStopped")}
                      className="rounded px-1 hover:bg-stone-200"
                    >
                      ×
                    </button>
                  )}
                </span>
              </h2>
              <ul className="space-y-1.5">
                {col.map((c) => (
                  <li
                    key={c.id}
                    draggable
                    onDragStart={() => setDragging(c)}
                    onDragEnd={() => setDragging(null)}
                    className="group relative cursor-grab rounded-md border border-stone-200 bg-white p-1.5 text-sm shadow-sm"
                    data-testid="initiative-card"
                    data-card-id={c.id}
                  >
                    <Link href={`/initiatives/${c.id}`} className={`line-clamp-3 leading-snug font-medium ${TEXT_LINK}`} title={c.title}>
                      {c.title}
                    </Link>
                    <p className="mt-1 text-xs leading-tight text-stone-500">
                      <span className="block truncate">{t(`initiativeKinds.${c.kind}`)}</span>
                      <span className="block truncate">{c.owners}</span>
                    </p>
                    <StageMenu
                      title={c.title}
                      stage={c.stage}
                      hasResults={c.results > 0}
                      disabled={pending}
                      onMove={(to, reason) => {
                        follow.current = { id: c.id, to };
                        move(c.id, c.version, to, reason);
                      }}
                    />
                  </li>
                ))}
                {col.length === 0 && <li className="px-0.5 text-xs text-stone-600">{t("initiatives.columnEmpty")}</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
