// The activity section: touchpoints per month by type, the give/ask balance, and how often requests
// were accepted, with and without a smaller fallback.
import { tokyoToday } from "@/lib/dates";
import { monthLabel } from "@/lib/i18n/translator";
import type { Translate } from "@/lib/i18n/translator";
import type { Fig, Section, Table } from "@/lib/reports/types";
import { TOUCHPOINT_TYPES } from "@/lib/touchpoints/schemas";
import type * as q from "../queries";

/** JST months ("YYYY-MM") from the period's start to its end or this month, whichever is first. */
function monthsIn(from: Date, to: Date, now: Date) {
  const out: string[] = [];
  const last = new Date(Math.min(to.getTime() - 1, tokyoToday(now).getTime()));
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  while (y < last.getUTCFullYear() || (y === last.getUTCFullYear() && m <= last.getUTCMonth())) {
    out.push(`${y}-${String(m + 1).padStart(2, "0")}`);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

export type ActivityData = { from: Date; to: Date; now: Date; activity: q.ActivityRow[]; acceptance: q.AcceptanceRow[] };

export function activitySection(t: Translate, { from, to, now, activity, acceptance }: ActivityData) {
  const months = monthsIn(from, to, now);
  const typeTotal = (type: string) => activity.filter((r) => r.type === type).reduce((a, r) => a + r.n, 0);
  const decided = acceptance.reduce((a, r) => a + r.decided, 0);
  const accepted = acceptance.reduce((a, r) => a + r.accepted, 0);
  const give = typeTotal("GIVE");
  const ask = typeTotal("ASK");
  const typesPresent = TOUCHPOINT_TYPES.filter((ty) => typeTotal(ty) > 0);
  const perMonth: Table = {
    id: "activity.byMonth",
    title: t("dashboard.activity.byMonth"),
    columns: typesPresent.map((ty) => t(`touchpointTypes.${ty}`)),
    rows: months.map((m) => ({
      label: monthLabel(t, m),
      cells: typesPresent.map((ty) => ({ t: "num" as const, v: activity.find((r) => r.month === m && r.type === ty)?.n ?? 0 })),
    })),
    chart: { kind: "stacked", series: typesPresent.map((_, i) => i) },
    empty: t("dashboard.activity.none"),
  };
  const balance: Table = {
    id: "activity.balance",
    title: t("dashboard.activity.balance"),
    columns: [t("touchpointTypes.GIVE"), t("touchpointTypes.ASK"), t("dashboard.activity.ratio")],
    rows: [
      {
        label: t("dashboard.total"),
        total: true,
        cells: [
          { t: "num", v: give },
          { t: "num", v: ask },
          { t: "num", v: ask ? give / ask : null, digits: 2 },
        ],
      },
    ],
  };
  const acceptTable: Table = {
    id: "activity.acceptance",
    title: t("dashboard.activity.acceptance"),
    columns: [t("dashboard.activity.acceptanceRate")],
    rows: [
      { label: t("dashboard.total"), total: true, cells: [{ t: "rate", n: decided, hits: accepted }] },
      ...[true, false].map((fb) => {
        const r = acceptance.find((x) => x.fallback === fb);
        return {
          label: t(fb ? "dashboard.activity.withFallback" : "dashboard.activity.withoutFallback"),
          cells: [{ t: "rate", n: r?.decided ?? 0, hits: r?.accepted ?? 0 }] satisfies Fig[],
        };
      }),
    ],
  };
  const section: Section = { id: "activity", title: t("dashboard.sections.activity"), tables: [perMonth, balance, acceptTable] };
  return { section, give, ask, touchpoints: activity.reduce((a, r) => a + r.n, 0) };
}
