"use client";
// The same people as a table: for screen readers, phones and anyone who prefers a list.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { StanceBadge } from "@/components/ui/stance-badge";
import type { MapData } from "@/lib/map/types";

export function ListView({
  data,
  labels,
  onSelect,
  selectedId,
}: {
  data: MapData;
  labels: Map<string, string>;
  onSelect: (id: string) => void;
  selectedId: string | null;
}) {
  const t = useTranslations("map");
  const f = useFormatter();
  const names = new Map(data.people.map((p) => [p.id, p.name]));
  const gapCount = new Map<string, number>();
  for (const g of data.gaps) if ("personId" in g) gapCount.set(g.personId, (gapCount.get(g.personId) ?? 0) + 1);
  const rows = [...data.people].sort((a, b) => {
    const la = a.departmentId ? (labels.get(a.departmentId) ?? "") : "\uffff";
    const lb = b.departmentId ? (labels.get(b.departmentId) ?? "") : "\uffff";
    return la < lb ? -1 : la > lb ? 1 : b.influence - a.influence;
  });
  return (
    <>
      <ul className="space-y-2 sm:hidden" data-testid="map-cards">
        {rows.map((p) => (
          <li key={p.id} className={`rounded-lg border bg-white p-3 ${selectedId === p.id ? "border-stone-800" : "border-stone-200"}`}>
            <div className="flex items-start gap-2">
              <button type="button" onClick={() => onSelect(p.id)} className="text-left font-medium underline decoration-stone-300">
                {p.name}
              </button>
              <span className="ml-auto">
                <StanceBadge stance={p.stance} />
              </span>
            </div>
            <p className="text-xs text-stone-600">
              {p.title}
              {p.departmentId ? ` · ${labels.get(p.departmentId)}` : ""}
            </p>
            <p className="mt-1 text-xs text-stone-700">
              {t("listBoss")}: {p.reportsToId ? (names.get(p.reportsToId) ?? "…") : "—"} · {t("listStrength")}:{" "}
              {p.band === "none" ? t("strengthNone") : p.strength} · {t("lastContact")}:{" "}
              {p.lastContactAt ? f.dateTime(new Date(p.lastContactAt), "short") : t("never")}
              {gapCount.get(p.id) ? (
                <span className="text-red-800">
                  {" "}
                  · {t("listGaps")} {gapCount.get(p.id)}
                </span>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white sm:block">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-stone-50 text-left text-xs text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("listName")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("listDepartment")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("listBoss")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("stance")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("listStrength")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("lastContact")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("listGaps")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className={`border-t border-stone-100 ${selectedId === p.id ? "bg-brand-50" : ""}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <button
                    type="button"
                    onClick={() => onSelect(p.id)}
                    className="text-left underline decoration-stone-300 hover:decoration-stone-700"
                  >
                    {p.name}
                  </button>
                  <div className="text-xs font-normal text-stone-500">{p.title}</div>
                </th>
                <td className="px-3 py-2 text-xs">{p.departmentId ? labels.get(p.departmentId) : t("noDepartment")}</td>
                <td className="px-3 py-2 text-xs">{p.reportsToId ? (names.get(p.reportsToId) ?? "…") : "—"}</td>
                <td className="px-3 py-2">
                  <StanceBadge stance={p.stance} />
                </td>
                <td className="px-3 py-2 text-xs">{p.band === "none" ? t("strengthNone") : `${p.strength}`}</td>
                <td className="px-3 py-2 text-xs">{p.lastContactAt ? f.dateTime(new Date(p.lastContactAt), "short") : t("never")}</td>
                <td className="px-3 py-2 text-xs">
                  {gapCount.get(p.id) ? (
                    <Link href={`/key-persons/${p.id}`} className="text-red-800 underline">
                      {gapCount.get(p.id)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
