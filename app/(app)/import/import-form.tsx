"use client";
import type { RowError } from "@/lib/csv/import";
// Import: pick the file, check the automatic column mapping (change or ignore columns), see what
// will be created, updated or left unchanged and which departments will be added, then apply.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import { fieldsFor, type Field, type Mapping } from "@/lib/csv/columns";
import type { ImportPreview } from "@/lib/csv/import";
import { Select } from "@/components/ui/control";

type Kind = "departments" | "keyPersons";
type Result = ImportPreview & { applied?: boolean };
const SHOWN_ROWS = 200;

function useImportFormState({ initialKind, headers }: { initialKind: Kind; headers: Record<Kind, string> }) {
  const t = useTranslations();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>(initialKind);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [save, setSave] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  // Look-alike departments the user chose to map onto existing ones (label → id), as previewed and as chosen.
  const [matches, setMatches] = useState<Record<string, string>>({});
  const [previewedMatches, setPreviewedMatches] = useState<Record<string, string>>({});

  async function send(mode: "preview" | "apply", withMapping: Mapping | null, withMatches: Record<string, string> = matches) {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    const body = new FormData();
    body.set("file", file);
    if (withMapping) body.set("mapping", JSON.stringify(withMapping));
    if (Object.keys(withMatches).length) body.set("departmentMatches", JSON.stringify(withMatches));
    if (mode === "apply" && save) body.set("saveMapping", "1");
    const res = await fetch(`/api/import?kind=${kind}&mode=${mode}`, { method: "POST", body });
    const json = (await res.json()) as Result & { error?: string; message?: string; fieldErrors?: Record<string, string[]> };
    setBusy(false);
    if (!json.rows) {
      const key = `errors.${json.message ?? json.error ?? "internal"}`;
      setError(json.fieldErrors?.mapping ? t("validation.invalidMapping") : t.has(key) ? t(key) : t("errors.internal"));
      return;
    }
    setError(null);
    setResult(json);
    setMapping(json.mapping);
    setPreviewedMatches(withMatches);
    if (json.applied) router.refresh();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setMatches({});
    void send("preview", null, {});
  }

  const reset = () => {
    setResult(null);
    setMapping(null);
    setError(null);
    setMatches({});
    setPreviewedMatches({});
  };
  const msg = (m: string) =>
    t.has(`importCsv.errors.${m}`) ? t(`importCsv.errors.${m}`) : t.has(`validation.${m}`) ? t(`validation.${m}`) : m;
  const fieldLabel = (f: Field) => t(`importCsv.fields.${kind}.${f}`);
  const mappingChanged = Boolean(result && mapping && JSON.stringify(mapping) !== JSON.stringify(result.mapping));
  const matchesChanged = JSON.stringify(matches) !== JSON.stringify(previewedMatches);
  const changed = mappingChanged || matchesChanged;
  return {
    initialKind,
    headers,
    t,
    router,
    fileRef,
    send,
    onSubmit,
    reset,
    msg,
    fieldLabel,
    mappingChanged,
    matchesChanged,
    changed,
    kind,
    setKind,
    result,
    setResult,
    error,
    setError,
    mapping,
    setMapping,
    save,
    setSave,
    busy,
    setBusy,
    fileName,
    setFileName,
    matches,
    setMatches,
    previewedMatches,
    setPreviewedMatches,
  };
}
type ImportFormState = ReturnType<typeof useImportFormState>;

export function ImportForm(props: { initialKind: Kind; headers: Record<Kind, string> }) {
  const s = useImportFormState(props);
  const { error } = s;
  return (
    <div className="space-y-4">
      <UploadForm s={s} />

      {error && <Alert>{error}</Alert>}
      <MappingPanel s={s} />

      <ImportResult s={s} />
    </div>
  );
}

function UploadForm({ s }: { s: ImportFormState }) {
  const { headers, t, fileRef, onSubmit, reset, kind, setKind, busy, fileName, setFileName } = s;
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 font-medium">{t("importCsv.kind")}</legend>
        {(["departments", "keyPersons"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input
              type="radio"
              name="kind"
              checked={kind === k}
              onChange={() => {
                setKind(k);
                reset();
              }}
            />
            {t(`importCsv.${k}`)}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-stone-500">
        {t("importCsv.template")}: <code className="rounded bg-stone-100 px-1 break-all text-stone-800">{headers[kind]}</code>
      </p>
      {/* The browser's own file button speaks the browser's language ("Choose File"); this one speaks the app's. */}
      <div className="space-y-1 text-sm">
        <p className="font-medium" id="import-file-label">
          {t("importCsv.file")}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label
            className={buttonVariants({
              variant: "secondary",
              className: "cursor-pointer focus-within:ring-2 focus-within:ring-brand-600",
            })}
          >
            <input
              ref={fileRef}
              type="file"
              name="file"
              accept=".csv,text/csv"
              className="sr-only"
              aria-labelledby="import-file-label"
              onChange={(e) => {
                reset();
                setFileName(e.target.files?.[0]?.name ?? null);
              }}
            />
            {t("importCsv.chooseFile")}
          </label>
          <span className="text-stone-600" aria-live="polite">
            {fileName ?? t("importCsv.noFile")}
          </span>
        </div>
      </div>
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("importCsv.preview")}
      </Button>
    </form>
  );
}

function MappingPanel({ s }: { s: ImportFormState }) {
  const { t, send, fieldLabel, mappingChanged, kind, result, mapping, setMapping, busy } = s;
  return (
    <>
      {result && mapping && !result.applied && (
        <section className="space-y-2 rounded-md border border-stone-200 p-3" aria-labelledby="mapping-title">
          <h2 id="mapping-title" className="text-sm font-semibold">
            {t("importCsv.mappingTitle")}
          </h2>
          <p className="text-xs text-stone-600">{result.savedMapping ? t("importCsv.mappingSaved") : t("importCsv.mappingHint")}</p>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="import-mapping">
              <thead className="text-left text-xs text-stone-500">
                <tr>
                  <th className="p-1">{t("importCsv.header")}</th>
                  <th className="p-1">{t("importCsv.field")}</th>
                </tr>
              </thead>
              <tbody>
                {result.header.map((h, i) => (
                  <tr key={i} className="border-t border-stone-100">
                    <th scope="row" className="p-1 text-left font-medium">
                      {h}
                    </th>
                    <td className="p-1">
                      <Select
                        aria-label={h}
                        value={mapping[i] ?? ""}
                        onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? ((e.target.value || null) as Field | null) : m)))}
                        size="xs"
                        className="w-full"
                      >
                        <option value="">{t("importCsv.ignore")}</option>
                        {fieldsFor(kind).map((f) => (
                          <option key={f} value={f}>
                            {fieldLabel(f)}
                          </option>
                        ))}
                      </Select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {mappingChanged && (
            <Button variant="secondary" disabled={busy} onClick={() => send("preview", mapping)}>
              {t("importCsv.remap")}
            </Button>
          )}
        </section>
      )}
    </>
  );
}

function ImportResult({ s }: { s: ImportFormState }) {
  const { t, send, matchesChanged, changed, result, mapping, save, setSave, busy, matches, setMatches } = s;
  return (
    <>
      {result &&
        (result.ok ? (
          <div className="space-y-3">
            {result.applied ? (
              <Alert tone="green">
                {t("importCsv.done", { creates: result.creates, updates: result.updates })}
                <span className="mt-2 flex flex-wrap gap-3">
                  <Link href="/key-persons" className="font-medium underline">
                    {t("importCsv.toKeyPersons")}
                  </Link>
                  <Link href="/departments" className="font-medium underline">
                    {t("importCsv.toDepartments")}
                  </Link>
                </span>
              </Alert>
            ) : (
              <>
                <div className="flex flex-wrap items-center gap-3">
                  <Badge tone="green">{t("importCsv.creates", { count: result.creates })}</Badge>
                  <Badge tone="blue">{t("importCsv.updates", { count: result.updates })}</Badge>
                  <Badge>{t("importCsv.unchanged", { count: result.unchanged })}</Badge>
                </div>
                {result.newDepartments.length > 0 && (
                  <div className="rounded-md bg-amber-50 p-3 text-sm" data-testid="new-departments">
                    <p className="font-medium">{t("importCsv.newDepartments", { count: result.newDepartments.length })}</p>
                    <p className="text-xs text-stone-600">{t("importCsv.newDepartmentsHint")}</p>
                    <ul
                      className="mt-1 max-h-40 list-disc overflow-y-auto pl-5"
                      tabIndex={0}
                      aria-label={t("importCsv.newDepartments", { count: result.newDepartments.length })}
                    >
                      {result.newDepartments.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {result.nearDepartments.length > 0 && (
                  <section
                    className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
                    aria-labelledby="near-title"
                    data-testid="near-departments"
                  >
                    <h2 id="near-title" className="font-medium">
                      {t("importCsv.near.title", { count: result.nearDepartments.length })}
                    </h2>
                    <p className="text-xs text-stone-700">{t("importCsv.near.hint")}</p>
                    <ul className="space-y-2">
                      {result.nearDepartments.map((n) => (
                        <li key={n.label}>
                          <label className="block">
                            <span className="font-medium">{t("importCsv.near.fileSays", { label: n.label })}</span>
                            <Select
                              className="mt-1"
                              value={matches[n.label] ?? ""}
                              onChange={(e) => {
                                const { [n.label]: _dropped, ...rest } = matches;
                                setMatches(e.target.value ? { ...rest, [n.label]: e.target.value } : rest);
                              }}
                            >
                              <option value="">{t("importCsv.near.createNew")}</option>
                              {n.candidates.map((c) => (
                                <option key={c.id} value={c.id}>
                                  {t("importCsv.near.useExisting", { label: c.label })}
                                </option>
                              ))}
                            </Select>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
                {matchesChanged && (
                  <Button variant="secondary" disabled={busy} onClick={() => send("preview", mapping)}>
                    {t("importCsv.remap")}
                  </Button>
                )}
                <p className="text-xs text-stone-500">{t("importCsv.blankKeeps")}</p>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} className="h-4 w-4" />
                  {t("importCsv.saveMapping")}
                </label>
                <Button onClick={() => send("apply", mapping)} disabled={busy || Boolean(changed)}>
                  {t("importCsv.apply")}
                </Button>
              </>
            )}
            <div
              className="max-h-96 overflow-auto rounded-md border border-stone-200"
              tabIndex={0}
              role="region"
              aria-label={t("importCsv.action")}
            >
              <table className="min-w-full text-sm">
                <thead className="sticky top-0 bg-stone-50 text-left text-xs text-stone-500">
                  <tr>
                    <th className="p-2">#</th>
                    <th className="p-2">{t("importCsv.action")}</th>
                    <th className="p-2">{t("keyPersons.name")}</th>
                    <th className="p-2">{t("keyPersons.externalId")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {result.rows.slice(0, SHOWN_ROWS).map((r) => (
                    <tr key={r.line}>
                      <td className="p-2 text-stone-500">{t("importCsv.line", { line: r.line })}</td>
                      <td className="p-2">{t(r.action === "unchanged" ? "importCsv.unchangedRow" : `importCsv.${r.action}`)}</td>
                      <td className="p-2">{r.name}</td>
                      <td className="p-2 text-stone-500">{r.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.rows.length > SHOWN_ROWS && (
                <p className="p-2 text-xs text-stone-500">{t("importCsv.moreRows", { count: result.rows.length - SHOWN_ROWS })}</p>
              )}
            </div>
          </div>
        ) : (
          <ImportErrors s={s} errors={result.errors} />
        ))}
    </>
  );
}

/** A rejected file: every row's problem, by line and column, with the values allowed. */
function ImportErrors({ s, errors }: { s: ImportFormState; errors: RowError[] }) {
  const { t, msg } = s;
  return (
    <div className="space-y-2">
      <Alert>{t("importCsv.rejected")}</Alert>
      <table className="min-w-full text-sm" data-testid="import-errors">
        <thead className="text-left text-xs text-stone-500">
          <tr>
            <th className="p-2">#</th>
            <th className="p-2">{t("importCsv.column")}</th>
            <th className="p-2">{t("importCsv.message")}</th>
            <th className="p-2">{t("importCsv.value")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {errors.slice(0, SHOWN_ROWS).map((e, i) => (
            <tr key={i}>
              <td className="p-2 whitespace-nowrap">{t("importCsv.line", { line: e.line })}</td>
              <td className="p-2">{e.column}</td>
              <td className="p-2">
                {msg(e.message)}
                {e.allowed && (
                  <span className="block text-xs text-stone-600">{t("importCsv.allowed", { values: e.allowed.join("・") })}</span>
                )}
              </td>
              <td className="p-2 text-stone-500">{e.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
