"use client";
// The review's working area: the map as it was when the review started (click a person to pin a
// comment to her), the comment threads, and the action items.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import type { CanvasLink, CanvasPerson } from "@/components/map/types";
import type { GroupBox, Position } from "@/lib/map/layout";
import { ActionsPanel, type ActionRow } from "./actions-panel";
import { Comments, type Thread } from "./comments";

const MapCanvas = dynamic(() => import("@/components/map/map-canvas"), {
  ssr: false,
  loading: () => <div className="h-[28rem] animate-pulse rounded-lg border border-stone-200 bg-stone-50" />,
});

type Props = {
  reviewId: string;
  as: "mentor" | "mentee";
  open: boolean;
  viewerId: string;
  people: CanvasPerson[];
  links: CanvasLink[];
  positions: Record<string, Position>;
  boxes: GroupBox[];
  nursePosition: Position;
  hasSnapshot: boolean;
  menteeName: string;
  threads: Thread[];
  actions: ActionRow[];
};

export function ReviewWorkspace(p: Props) {
  const t = useTranslations("reviews");
  const [pin, setPin] = useState<string>("");
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const [pins, linkPins] = useMemo(() => {
    const people: Record<string, number> = {};
    const links: Record<string, number> = {};
    for (const c of p.threads) {
      if (c.keyPersonId) people[c.keyPersonId] = (people[c.keyPersonId] ?? 0) + 1;
      if (c.linkId) links[c.linkId] = (links[c.linkId] ?? 0) + 1;
    }
    return [people, links];
  }, [p.threads]);
  const nurse = useMemo(() => ({ name: p.menteeName, role: t("mentee") }), [p.menteeName, t]);
  const onSelect = useCallback((id: string | null) => {
    if (id) setPin(id);
  }, []);
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <section aria-labelledby="snapshot-title" className="min-w-0 space-y-2">
        <h2 id="snapshot-title" className="text-base font-semibold">
          {t("snapshot")}
        </h2>
        {p.hasSnapshot ? (
          <MapCanvas
            people={p.people}
            links={p.links}
            positions={p.positions}
            boxes={p.boxes}
            nurse={nurse}
            nursePosition={p.nursePosition}
            showStrength
            pins={pins}
            linkPins={linkPins}
            focus={focus}
            onSelect={onSelect}
            height="28rem"
            fileName="review-map"
          />
        ) : (
          <p className="rounded-md bg-stone-50 p-4 text-sm text-stone-600">{t("snapshotMissing")}</p>
        )}
        <ActionsPanel reviewId={p.reviewId} canAdd={p.as === "mentor" && p.open} actions={p.actions} people={p.people} />
      </section>
      <Comments
        reviewId={p.reviewId}
        as={p.as}
        viewerId={p.viewerId}
        threads={p.threads}
        people={p.people}
        links={p.links}
        pin={pin}
        setPin={setPin}
        onFocus={(id) => setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }))}
      />
    </div>
  );
}
