"use client";
// The map page's client side: map / grid / list views of the same people, search-to-focus, the
// detail panel, gaps, department statuses and unplaced people. At phone width the list is the default.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { Legend } from "@/components/map/legend";
import type { GroupBox, Position } from "@/lib/map/layout";
import type { MapData, MapPerson } from "@/lib/map/types";
import { fromColumns, positionsFrom, type Columns } from "@/lib/map/wire";
import { DetailPanel } from "./detail-panel";
import { GapsPanel } from "./gaps-panel";
import { GridView } from "./grid-view";
import { ListView } from "./list-view";
import { UnplacedPanel } from "./unplaced-panel";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/control";

const MapCanvas = dynamic(() => import("@/components/map/map-canvas"), {
  ssr: false,
  loading: () => <div className="h-[70vh] animate-pulse rounded-lg border border-stone-200 bg-stone-50" />,
});

type View = "map" | "grid" | "list";

const NARROW = "(max-width: 639px)";
function subscribeNarrow(onChange: () => void) {
  const mq = window.matchMedia(NARROW);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

function useMapViewState({
  data,
  positions,
  boxes,
  nursePosition,
  editable,
  viewerIsNurse,
}: {
  data: MapData;
  positions: Record<string, Position>;
  boxes: GroupBox[];
  nursePosition: Position;
  editable: boolean;
  viewerIsNurse: boolean;
}) {
  const t = useTranslations("map");
  // Until the reader picks a view: the list on a phone, the map elsewhere.
  const [picked, setView] = useState<View | null>(null);
  const narrow = useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
  const view: View = picked ?? (narrow ? "list" : "map");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; n: number } | null>(null);
  const [showStrength, setShowStrength] = useState(data.scope.kind === "mine" || data.scope.kind === "mentee");
  const [query, setQuery] = useState("");
  const [pendingLink, setPendingLink] = useState<{ fromId: string; toId: string } | null>(null);
  const byId = useMemo(() => new Map(data.people.map((p) => [p.id, p])), [data.people]);
  const statuses = useMemo(() => Object.fromEntries(data.statuses.map((s) => [s.departmentId, s.status])), [data.statuses]);
  const labels = useMemo(() => new Map(data.departments.map((d) => [d.id, d.label])), [data.departments]);
  const nurse = useMemo(
    () => ({ name: data.nurse.name, role: viewerIsNurse ? t("me") : t("mentee") }),
    [data.nurse.name, viewerIsNurse, t],
  );
  const select = useCallback((id: string | null) => setSelectedId(id), []);
  const focusOn = (id: string) => {
    setSelectedId(id);
    if (view === "map") setFocus((f) => ({ id, n: (f?.n ?? 0) + 1 }));
  };
  const onSearch = (e: React.FormEvent) => {
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    const hit = data.people.find((p) => p.name.includes(q)) ?? data.people.find((p) => p.title.includes(q));
    if (hit) focusOn(hit.id);
  };
  const selected = selectedId ? byId.get(selectedId) : undefined;

  return {
    data,
    positions,
    boxes,
    nursePosition,
    editable,
    viewerIsNurse,
    t,
    narrow,
    view,
    byId,
    statuses,
    labels,
    nurse,
    select,
    focusOn,
    onSearch,
    selected,
    picked,
    setView,
    selectedId,
    setSelectedId,
    focus,
    setFocus,
    showStrength,
    setShowStrength,
    query,
    setQuery,
    pendingLink,
    setPendingLink,
  };
}
type MapViewState = ReturnType<typeof useMapViewState>;

export function MapView({
  people: peopleColumns,
  positions: positionColumns,
  data: withoutPeople,
  ...rest
}: {
  /** The map without its people, who come as columns (lib/map/wire.ts), as do their positions. */
  data: Omit<MapData, "people">;
  people: Columns<MapPerson>;
  positions: Columns<{ id: string } & Position>;
  boxes: GroupBox[];
  nursePosition: Position;
  editable: boolean;
  viewerIsNurse: boolean;
}) {
  const whole = useMemo(() => ({ ...withoutPeople, people: fromColumns(peopleColumns) }), [withoutPeople, peopleColumns]);
  const placed = useMemo(() => positionsFrom(positionColumns), [positionColumns]);
  const s = useMapViewState({ ...rest, data: whole, positions: placed });
  if (s.data.people.length === 0) return <EmptyMap />;
  const {
    data,
    positions,
    boxes,
    nursePosition,
    editable,
    t,
    view,
    statuses,
    labels,
    nurse,
    select,
    focusOn,
    selected,
    selectedId,
    setSelectedId,
    focus,
    showStrength,
    pendingLink,
    setPendingLink,
  } = s;
  return (
    <div className="space-y-3">
      <MapToolbar s={s} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-3">
          {view === "map" && (
            <MapCanvas
              people={data.people}
              links={data.links}
              positions={positions}
              boxes={boxes}
              statuses={statuses}
              nurse={nurse}
              nursePosition={nursePosition}
              showStrength={showStrength}
              focus={focus}
              onSelect={select}
              onConnect={
                editable
                  ? (fromId, toId) => {
                      setSelectedId(fromId);
                      setPendingLink({ fromId, toId });
                    }
                  : undefined
              }
              fileName={`relationship-map-${new Date().toISOString().slice(0, 10)}`}
            />
          )}
          {view === "grid" && <GridView people={data.people} onSelect={focusOn} selectedId={selectedId} />}
          {view === "list" && <ListView data={data} labels={labels} onSelect={focusOn} selectedId={selectedId} />}
          {view === "map" && editable && <p className="no-print text-xs text-stone-500">{t("connectHint")}</p>}
        </div>
        <aside className="space-y-4" aria-label={t("detail")}>
          {selected && (
            <DetailPanel
              key={`${selected.id}:${pendingLink?.toId ?? ""}`}
              person={selected}
              data={data}
              labels={labels}
              editable={editable}
              pendingLink={pendingLink?.fromId === selected.id ? pendingLink.toId : null}
              onClose={() => {
                setSelectedId(null);
                setPendingLink(null);
              }}
              onFocus={focusOn}
            />
          )}
          <Legend />
          <GapsPanel data={data} labels={labels} onFocus={focusOn} />
          {editable && <UnplacedPanel people={data.people} onFocus={focusOn} />}
        </aside>
      </div>
    </div>
  );
}

function MapToolbar({ s }: { s: MapViewState }) {
  const { data, t, view, onSearch, setView, showStrength, setShowStrength, query, setQuery } = s;
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      <div role="group" aria-label={t("views")} className="flex rounded-md border border-stone-300 bg-white text-sm">
        {(["map", "grid", "list"] as const).map((v, i) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={`px-3 py-2 ${i === 0 ? "rounded-l-md" : i === 2 ? "rounded-r-md" : ""} ${view === v ? "bg-brand-600 text-white" : "hover:bg-stone-100"}`}
          >
            {t(v === "map" ? "viewMap" : v === "grid" ? "viewGrid" : "viewList")}
          </button>
        ))}
      </div>
      <form onSubmit={onSearch} role="search" className="flex items-center gap-1">
        <label htmlFor="map-search" className="sr-only">
          {t("search")}
        </label>
        <Input
          id="map-search"
          list="map-people"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t("searchPlaceholder")}
          size="sm"
          className="w-52"
        />
        <datalist id="map-people">
          {data.people.slice(0, 500).map((p) => (
            <option key={p.id} value={p.name} />
          ))}
        </datalist>
        <button type="submit" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("search")}
        </button>
      </form>
      {view === "map" && (
        <label className="flex items-center gap-1 text-sm text-stone-700">
          <input type="checkbox" checked={showStrength} onChange={(e) => setShowStrength(e.target.checked)} className="h-4 w-4" />
          {t("showStrength")}
        </label>
      )}
    </div>
  );
}

/** No one on the map yet: say so, and offer to add the first person. */
function EmptyMap() {
  const t = useTranslations("map");
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-6 text-center text-sm text-stone-600">
      <p>{t("empty")}</p>
      <Link href="/key-persons/new" className={buttonVariants({ className: "mt-3" })}>
        {t("emptyAction")}
      </Link>
    </div>
  );
}
