// An issued report's stored figures, read back: the published edition only, or the store is broken.
import { AppError } from "@/lib/errors";
import type { ReportData } from "./types";

export function snapshotOf(issue: { snapshot: unknown }): ReportData {
  const data = issue.snapshot as ReportData;
  if (!data || data.published !== true || !Array.isArray(data.sections)) throw new AppError("internal");
  return data;
}
