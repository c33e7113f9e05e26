"use client";
// The map's scope as a GET form, so the scope is in the URL (shareable, back button works).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import { Select } from "@/components/ui/control";

type Props = {
  scope: "mine" | "department" | "team" | "mentee";
  department?: string;
  mentee?: string;
  departments: { id: string; label: string }[];
  mentees: { id: string; name: string }[];
};

export function ScopeBar({ scope, department, mentee, departments, mentees }: Props) {
  const t = useTranslations("map");
  const [kind, setKind] = useState(scope);
  return (
    <form method="get" action="/map" className="no-print flex flex-wrap items-end gap-2 rounded-lg border border-stone-200 bg-white p-3">
      <label className="flex flex-col text-xs font-medium text-stone-600">
        {t("scope")}
        <Select name="scope" value={kind} onChange={(e) => setKind(e.target.value as Props["scope"])} size="sm">
          <option value="mine">{t("scopeMine")}</option>
          <option value="department">{t("scopeDepartment")}</option>
          <option value="team">{t("scopeTeam")}</option>
          {mentees.length > 0 && <option value="mentee">{t("scopeMentee")}</option>}
        </Select>
      </label>
      {kind === "department" && (
        <label className="flex flex-col text-xs font-medium text-stone-600">
          {t("department")}
          <Select name="department" defaultValue={department} size="sm" className="max-w-64" required>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </Select>
        </label>
      )}
      {kind === "mentee" && (
        <label className="flex flex-col text-xs font-medium text-stone-600">
          {t("mentee")}
          <Select name="mentee" defaultValue={mentee} size="sm" required>
            {mentees.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </label>
      )}
      <button type="submit" className={buttonVariants()}>
        {t("show")}
      </button>
    </form>
  );
}
