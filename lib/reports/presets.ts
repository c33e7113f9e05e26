// Period presets for the report form ("今年度", "前四半期", …) as inclusive form dates.
import { PERIODS, resolvePeriod } from "@/lib/dashboard/filters";
import { DAY_MS } from "@/lib/dates";

export function periodPresets(label: (key: string) => string, now = new Date()) {
  return PERIODS.filter((p) => p !== "custom").map((key) => {
    const { from, to } = resolvePeriod({ period: key }, now);
    return {
      key,
      label: label(key),
      from: from.toISOString().slice(0, 10),
      to: new Date(to.getTime() - DAY_MS).toISOString().slice(0, 10),
    };
  });
}
