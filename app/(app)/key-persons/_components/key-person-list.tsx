"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { withQueryClient } from "@/components/providers";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Alert, EmptyState } from "@/components/ui/card";
import { StanceBadge } from "@/components/ui/stance-badge";
import { MAX_QUERY, filterToSearchParams, KINDS, STANCES } from "@/lib/key-persons/constants";
import type { KeyPersonFilter } from "@/lib/key-persons/schemas";
import type { listKeyPersons } from "@/lib/key-persons/queries";
import type { Jsonify } from "@/lib/jsonify";
import { deleteKeyPersonFilter, saveKeyPersonFilter } from "../actions";
import { BulkBar } from "./bulk-bar";
import { Input, Select } from "@/components/ui/control";

/** The page the list route sends (lib/key-persons/queries.ts), as JSON. */
type Page = Jsonify<Awaited<ReturnType<typeof listKeyPersons>>>;
type Row = Page["rows"][number];

type KeyPersonListProps = {
  initial: KeyPersonFilter;
  departments: { id: string; label: string }[];
  members: { id: string; name: string }[];
  saved: { id: string; name: string; query: string }[];
  canExport: boolean;
  /** Editors select people for a bulk change. */
  canEdit: boolean;
};

/** The list's state: the filter (mirrored in the address), the debounced search, the page fetched, the selection. */
function useKeyPersonList(initial: KeyPersonFilter) {
  const router = useRouter();
  const pathname = usePathname();
  const [filter, setFilter] = useState<KeyPersonFilter>(initial);
  const [q, setQ] = useState(initial.q ?? "");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const query = filterToSearchParams({
    ...filter,
    page: filter.page === 1 ? undefined : filter.page,
    pageSize: filter.pageSize === 25 ? undefined : filter.pageSize,
    sort: filter.sort === "name" ? undefined : filter.sort,
    dir: filter.dir === "asc" ? undefined : filter.dir,
  }).toString();

  // Debounced search box; other controls apply at once.
  useEffect(() => {
    const id = setTimeout(() => setFilter((cur) => ((cur.q ?? "") === q ? cur : { ...cur, q: q || undefined, page: 1 })), 300);
    return () => clearTimeout(id);
  }, [q]);
  useEffect(() => {
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }, [query, pathname, router]);

  const result = useQuery<Page>({
    queryKey: ["keyPersons", query],
    queryFn: async () => {
      const res = await fetch(`/api/key-persons?${query}`);
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    },
    placeholderData: keepPreviousData,
  });

  const set = (patch: Partial<KeyPersonFilter>) => setFilter((cur) => ({ ...cur, page: 1, ...patch }));
  const toggle = (id: string) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const pageIds = result.data?.rows.map((r) => r.id) ?? [];
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  return {
    filter,
    setFilter,
    set,
    q,
    setQ,
    query,
    selected,
    setSelected,
    toggle,
    pageIds,
    allOnPage,
    result,
  };
}

function KeyPersonListView({ initial, departments, members, saved, canExport, canEdit }: KeyPersonListProps) {
  const t = useTranslations();
  const { filter, setFilter, set, q, setQ, query, selected, setSelected, toggle, pageIds, allOnPage, result } = useKeyPersonList(initial);
  const { data, isPending, isError, isFetching, refetch } = result;

  return (
    <div className="space-y-4">
      <section aria-label={t("keyPersons.filters")} className="space-y-3 rounded-lg border border-stone-200 bg-white p-3">
        <FilterControls
          filter={filter}
          set={set}
          q={q}
          setQ={setQ}
          departments={departments}
          members={members}
          onClear={() => {
            setQ("");
            setFilter({ sort: "name", dir: "asc", page: 1, pageSize: 25, q: undefined, qTooLong: false });
          }}
        />
        <SavedFilters saved={saved} query={query} />
      </section>

      <div className="flex items-center justify-between text-sm text-stone-600">
        <span aria-live="polite">
          {data ? t("keyPersons.results", { total: data.total }) : ""}
          {isFetching && !isPending ? " …" : ""}
        </span>
        {canExport && (
          <span className="flex flex-wrap justify-end gap-2">
            <a href={`/api/key-persons/export?${query}`} className={buttonVariants({ variant: "secondary", size: "compact" })}>
              {t("keyPersons.export")}
            </a>
            <a
              href={`/api/key-persons/export?${query}${query ? "&" : ""}format=xlsx`}
              className={buttonVariants({ variant: "secondary", size: "compact" })}
            >
              {t("keyPersons.exportXlsx")}
            </a>
          </span>
        )}
      </div>

      {canEdit && selected.size > 0 && (
        <BulkBar
          ids={[...selected]}
          departments={departments}
          members={members}
          onClear={() => setSelected(new Set())}
          onDone={() => void refetch()}
        />
      )}
      {canEdit && pageIds.length > 0 && (
        <label className="flex items-center gap-2 text-sm text-stone-700">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={allOnPage}
            onChange={() =>
              setSelected((cur) => {
                const next = new Set(cur);
                for (const id of pageIds)
                  if (allOnPage) next.delete(id);
                  else next.add(id);
                return next;
              })
            }
          />
          {t("keyPersons.bulk.selectPage")}
        </label>
      )}

      {isPending ? (
        <p role="status" className="text-sm text-stone-500">
          {t("common.loading")}
        </p>
      ) : isError ? (
        <div className="space-y-2">
          <Alert>{t("errors.description")}</Alert>
          <Button variant="secondary" onClick={() => refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : data.rows.length === 0 ? (
        <EmptyState>{query ? t("keyPersons.empty") : t("keyPersons.emptyAll")}</EmptyState>
      ) : (
        <PersonRows rows={data.rows} selected={canEdit ? selected : null} toggle={toggle} />
      )}

      {data && data.pages > 1 && (
        <nav
          className="flex items-center justify-between text-sm"
          aria-label={t("keyPersons.page", { page: data.page, pages: data.pages })}
        >
          <Button variant="secondary" disabled={filter.page <= 1} onClick={() => setFilter((c) => ({ ...c, page: c.page - 1 }))}>
            {t("keyPersons.prevPage")}
          </Button>
          <span>{t("keyPersons.page", { page: data.page, pages: data.pages })}</span>
          <Button variant="secondary" disabled={filter.page >= data.pages} onClick={() => setFilter((c) => ({ ...c, page: c.page + 1 }))}>
            {t("keyPersons.nextPage")}
          </Button>
        </nav>
      )}
    </div>
  );
}

type Filters = Pick<KeyPersonListProps, "departments" | "members">;

/** Search, stance chips, the four selects, the two switches, sorting and clearing. */
function FilterControls({
  filter,
  set,
  q,
  setQ,
  departments,
  members,
  onClear,
}: Filters & {
  filter: KeyPersonFilter;
  set: (patch: Partial<KeyPersonFilter>) => void;
  q: string;
  setQ: (q: string) => void;
  onClear: () => void;
}) {
  const t = useTranslations();
  const toggleStance = (s: (typeof STANCES)[number]) => {
    const cur = new Set(filter.stance ?? []);
    if (cur.has(s)) cur.delete(s);
    else cur.add(s);
    set({ stance: cur.size ? [...cur] : undefined });
  };
  return (
    <>
      <label className="block">
        <span className="sr-only">{t("keyPersons.search")}</span>
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("keyPersons.searchPlaceholder")}
          aria-invalid={q.trim().length > MAX_QUERY || undefined}
          aria-describedby={q.trim().length > MAX_QUERY ? "kp-q-too-long" : undefined}
        />
        {q.trim().length > MAX_QUERY && (
          <p id="kp-q-too-long" role="alert" className="mt-1 text-sm text-red-700">
            {t("keyPersons.queryTooLong", { max: MAX_QUERY })}
          </p>
        )}
      </label>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">{t("keyPersons.stance")}</legend>
        {STANCES.map((s) => (
          <label
            key={s}
            className={`cursor-pointer rounded-full border px-3 py-1 text-xs ${filter.stance?.includes(s) ? "border-brand-600 bg-brand-50 text-brand-700" : "border-stone-300 text-stone-600"}`}
          >
            <input type="checkbox" className="sr-only" checked={filter.stance?.includes(s) ?? false} onChange={() => toggleStance(s)} />
            {t(`stances.${s}`)}
          </label>
        ))}
      </fieldset>
      <FilterSelects filter={filter} set={set} departments={departments} members={members} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={filter.thanksOwed ?? false}
            onChange={(e) => set({ thanksOwed: e.target.checked || undefined })}
          />
          {t("keyPersons.thanksOwed")}
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={filter.archived ?? false} onChange={(e) => set({ archived: e.target.checked || undefined })} />
          {t("keyPersons.archived")}
        </label>
        <label className="flex items-center gap-1">
          {t("keyPersons.sort")}
          <Select size="sm" value={filter.sort} onChange={(e) => set({ sort: e.target.value as KeyPersonFilter["sort"] })}>
            <option value="name">{t("keyPersons.sortName")}</option>
            <option value="nameKana">{t("keyPersons.sortNameKana")}</option>
            <option value="stance">{t("keyPersons.sortStance")}</option>
            <option value="lastContactAt">{t("keyPersons.sortLastContact")}</option>
            <option value="influence">{t("keyPersons.sortInfluence")}</option>
            <option value="updatedAt">{t("keyPersons.sortUpdated")}</option>
          </Select>
          <Select
            aria-label={t("keyPersons.sort")}
            size="sm"
            value={filter.dir}
            onChange={(e) => set({ dir: e.target.value as "asc" | "desc" })}
          >
            <option value="asc">{t("keyPersons.asc")}</option>
            <option value="desc">{t("keyPersons.desc")}</option>
          </Select>
        </label>
        <button type="button" className="text-brand-700 underline" onClick={onClear}>
          {t("keyPersons.clear")}
        </button>
      </div>
    </>
  );
}

/** Kind, department, owner and days without contact. */
function FilterSelects({
  filter,
  set,
  departments,
  members,
}: Filters & { filter: KeyPersonFilter; set: (patch: Partial<KeyPersonFilter>) => void }) {
  const t = useTranslations();
  return (
    <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
      <label className="text-xs text-stone-600">
        {t("keyPersons.kind")}
        <Select
          size="sm"
          className="mt-1 block w-full"
          value={filter.kind?.[0] ?? ""}
          onChange={(e) => set({ kind: e.target.value ? [e.target.value as (typeof KINDS)[number]] : undefined })}
        >
          <option value="">{t("keyPersons.anyone")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`keyPersonKinds.${k}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-xs text-stone-600">
        {t("keyPersons.department")}
        <Select
          size="sm"
          className="mt-1 block w-full"
          value={filter.departmentId ?? ""}
          onChange={(e) => set({ departmentId: e.target.value || undefined })}
        >
          <option value="">{t("keyPersons.anyone")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-xs text-stone-600">
        {t("keyPersons.owner")}
        <Select
          size="sm"
          className="mt-1 block w-full"
          value={filter.ownerId ?? ""}
          onChange={(e) => set({ ownerId: e.target.value || undefined })}
        >
          <option value="">{t("keyPersons.anyone")}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-xs text-stone-600">
        {t("keyPersons.noContactDays")}
        <Select
          size="sm"
          className="mt-1 block w-full"
          value={filter.noContactDays ?? ""}
          onChange={(e) => set({ noContactDays: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t("keyPersons.anyone")}</option>
          {[30, 60, 90, 180].map((d) => (
            <option key={d} value={d}>
              {t("keyPersons.noContactDaysOption", { days: d })}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}

/** The team's saved searches: open one, delete one, save the current one under a name. */
function SavedFilters({ saved, query }: { saved: KeyPersonListProps["saved"]; query: string }) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-stone-700">
        {t("keyPersons.savedFilters")} ({saved.length})
      </summary>
      <div className="mt-2 space-y-2">
        {saved.length === 0 && <p className="text-stone-500">{t("keyPersons.noSavedFilters")}</p>}
        <ul className="flex flex-wrap gap-2">
          {saved.map((s) => (
            <li key={s.id} className="flex items-center gap-1 rounded-full border border-stone-300 pl-3">
              <a href={`${pathname}?${s.query}`} className="text-brand-700">
                {s.name}
              </a>
              <button
                type="button"
                aria-label={`${t("keyPersons.deleteFilter")}: ${s.name}`}
                className="px-2 text-stone-500 hover:text-red-700"
                onClick={() =>
                  start(async () => {
                    await deleteKeyPersonFilter({ id: s.id });
                    router.refresh();
                  })
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            start(async () => {
              const res = await saveKeyPersonFilter({ name, query });
              setMessage(res.ok ? null : t(`validation.${res.fieldErrors?.name?.[0] ?? "invalid"}`));
              if (res.ok) router.refresh();
            });
          }}
        >
          <Input
            name="name"
            aria-label={t("keyPersons.filterName")}
            placeholder={t("keyPersons.filterName")}
            size="sm"
            className="flex-1"
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("keyPersons.saveFilter")}
          </Button>
        </form>
        {message && <Alert>{message}</Alert>}
      </div>
    </details>
  );
}

/** One page of people, each a link to the person; editors tick people for a bulk change. */
function PersonRows({ rows, selected, toggle }: { rows: Row[]; selected: Set<string> | null; toggle: (id: string) => void }) {
  const t = useTranslations();
  const f = useFormatter();
  return (
    <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white" aria-label={t("keyPersons.title")}>
      {rows.map((r) => (
        <li key={r.id} className="flex items-stretch">
          {selected && (
            <label className="flex items-center pl-3">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={selected.has(r.id)}
                onChange={() => toggle(r.id)}
                aria-label={t("keyPersons.bulk.select", { name: r.name })}
              />
            </label>
          )}
          <Link
            href={`/key-persons/${r.id}`}
            className="grid min-w-0 flex-1 gap-1 px-3 py-2 hover:bg-stone-50 md:grid-cols-[2fr_2fr_auto_auto] md:items-center md:gap-4"
          >
            <span className="min-w-0">
              <span className="font-medium text-stone-900">{r.name}</span>
              <span className="ml-2 text-xs text-stone-500">{r.nameKana}</span>
              <span className="block truncate text-xs text-stone-500">
                {r.title} · {t(`keyPersonKinds.${r.kind}`)}
              </span>
            </span>
            <span className="min-w-0 truncate text-xs text-stone-600">
              {r.department}
              {r.tags.length > 0 && <span className="ml-2 text-stone-600">#{r.tags.join(" #")}</span>}
            </span>
            <span className="text-xs text-stone-500">
              {t("keyPersons.lastContact")}: {r.lastContactAt ? f.dateTime(new Date(r.lastContactAt), "short") : t("keyPersons.never")}
            </span>
            <span className="flex items-center gap-2">
              <StanceBadge stance={r.stance} />
              {r.archivedAt && <span className="text-xs text-stone-500">{t("keyPersons.archivedBadge")}</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export const KeyPersonList = withQueryClient(KeyPersonListView);
