"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge } from "@/components/ui/card";
import type { ImportPreview } from "@/lib/csv/import";

type Kind = "departments" | "keyPersons";
type Result = ImportPreview & { applied?: boolean; error?: string };

export function ImportForm({ initialKind, headers }: { initialKind: Kind; headers: Record<Kind, string> }) {
  const t = useTranslations();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>(initialKind);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(mode: "preview" | "apply") {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    const body = new FormData();
    body.set("file", file);
    const res = await fetch(`/api/import?kind=${kind}&mode=${mode}`, { method: "POST", body });
    const json = (await res.json()) as Result;
    setResult(json.rows ? json : { ok: false, rows: [], errors: [], creates: 0, updates: 0, error: json.error ?? "internal" });
    setBusy(false);
    if (json.applied) router.refresh();
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void send("preview");
  }

  const msg = (m: string) => (t.has(`importCsv.errors.${m}`) ? t(`importCsv.errors.${m}`) : m);
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3">
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1 font-medium">{t("importCsv.kind")}</legend>
          {(["departments", "keyPersons"] as const).map((k) => (
            <label key={k} className="flex items-center gap-1"><input type="radio" name="kind" checked={kind === k} onChange={() => { setKind(k); setResult(null); }} />{t(`importCsv.${k}`)}</label>
          ))}
        </fieldset>
        <p className="text-xs text-stone-500">{t("importCsv.template")}: <code className="break-all rounded bg-stone-100 px-1">{headers[kind]}</code></p>
        <label className="block text-sm font-medium">
          {t("importCsv.file")}
          <input ref={fileRef} type="file" name="file" accept=".csv,text/csv" className="mt-1 block w-full text-sm" onChange={() => setResult(null)} />
        </label>
        <Button type="submit" variant="secondary" disabled={busy}>{t("importCsv.preview")}</Button>
      </form>

      {result?.error && <Alert>{t(`errors.${result.error}`)}</Alert>}
      {result && !result.error && (result.ok ? (
        <div className="space-y-3">
          {result.applied ? (
            <Alert tone="green">{t("importCsv.done", { creates: result.creates, updates: result.updates })}</Alert>
          ) : (
            <div className="flex flex-wrap items-center gap-3">
              <Badge tone="green">{t("importCsv.creates", { count: result.creates })}</Badge>
              <Badge tone="blue">{t("importCsv.updates", { count: result.updates })}</Badge>
              <Button onClick={() => send("apply")} disabled={busy}>{t("importCsv.apply")}</Button>
            </div>
          )}
          <div className="max-h-96 overflow-auto rounded-md border border-stone-200">
            <table className="min-w-full text-sm">
              <thead className="sticky top-0 bg-stone-50 text-left text-xs text-stone-500"><tr><th className="p-2">#</th><th className="p-2">{t("importCsv.action")}</th><th className="p-2">{t("keyPersons.name")}</th><th className="p-2">{t("keyPersons.externalId")}</th></tr></thead>
              <tbody className="divide-y divide-stone-100">
                {result.rows.map((r) => (
                  <tr key={r.line}><td className="p-2 text-stone-500">{t("importCsv.line", { line: r.line })}</td><td className="p-2">{t(`importCsv.${r.action}`)}</td><td className="p-2">{r.name}</td><td className="p-2 text-stone-500">{r.detail}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        <div className="space-y-2">
          <Alert>{t("importCsv.rejected")}</Alert>
          <table className="min-w-full text-sm" data-testid="import-errors">
            <thead className="text-left text-xs text-stone-500"><tr><th className="p-2">#</th><th className="p-2">{t("importCsv.column")}</th><th className="p-2">{t("importCsv.message")}</th><th className="p-2">{t("importCsv.value")}</th></tr></thead>
            <tbody className="divide-y divide-stone-100">
              {result.errors.map((e, i) => (
                <tr key={i}><td className="whitespace-nowrap p-2">{t("importCsv.line", { line: e.line })}</td><td className="p-2">{e.column}</td><td className="p-2">{msg(e.message)}</td><td className="p-2 text-stone-500">{e.value}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
