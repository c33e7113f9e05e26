"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/card";
import { canMove, STAGES, type Stage } from "@/lib/initiatives/schemas";
import { StageMover, useMove } from "./stage-mover";

export type BoardCard = { id: string; title: string; kind: string; stage: Stage; version: number; owners: string; results: number };

/** The pipeline by stage: drag a card to another column, or use its stage menu from the keyboard. */
export function Board({ cards }: { cards: BoardCard[] }) {
  const t = useTranslations();
  const { move, error } = useMove();
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [over, setOver] = useState<Stage | null>(null);
  return (
    <div className="min-w-0 space-y-2">
      <p className="text-xs text-stone-500">{t("initiatives.dragHint")}</p>
      {error && <Alert>{error.field ? t(`validation.${error.field}`) : t(`errors.${error.message}`)}</Alert>}
      <div className="relative flex w-full max-w-full gap-3 overflow-x-auto pb-2">
        {STAGES.map((stage) => {
          const col = cards.filter((c) => c.stage === stage);
          const droppable = dragging && canMove(dragging.stage, stage) && stage !== "STOPPED";
          return (
            <section
              key={stage}
              aria-label={t(`initiativeStages.${stage}`)}
              className={`w-60 shrink-0 rounded-lg border p-2 ${over === stage && droppable ? "border-brand-500 bg-brand-50" : "border-stone-200 bg-stone-100"}`}
              onDragOver={(e) => { if (droppable) { e.preventDefault(); setOver(stage); } }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                if (dragging && droppable) move(dragging.id, dragging.version, stage);
                setDragging(null);
              }}
            >
              <h2 className="mb-2 flex justify-between text-sm font-semibold">{t(`initiativeStages.${stage}`)} <span className="text-stone-500">{col.length}</span></h2>
              <ul className="space-y-2">
                {col.map((c) => (
                  <li key={c.id} draggable onDragStart={() => setDragging(c)} onDragEnd={() => setDragging(null)} className="cursor-grab rounded-md border border-stone-200 bg-white p-2 text-sm shadow-sm" data-testid="initiative-card">
                    <Link href={`/initiatives/${c.id}`} className="font-medium text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700">{c.title}</Link>
                    <p className="text-xs text-stone-500">{t(`initiativeKinds.${c.kind}`)} · {c.owners}</p>
                    <div className="mt-1"><StageMover id={c.id} version={c.version} stage={c.stage} compact /></div>
                  </li>
                ))}
                {col.length === 0 && <li className="text-xs text-stone-600">{t("initiatives.columnEmpty")}</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
