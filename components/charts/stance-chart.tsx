"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STANCE_LEVELS, stanceSeries, type SeriesPoint, type TickUnit } from "./stance-series";

const TICK_FORMAT = {
  day: { month: "long", day: "numeric", timeZone: "Asia/Tokyo" },
  month: { year: "numeric", month: "long", timeZone: "Asia/Tokyo" },
  year: { year: "numeric", timeZone: "Asia/Tokyo" },
} as const satisfies Record<TickUnit, object>;
const FULL_DATE = { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Tokyo" } as const;

/**
 * The stance ladder over time as a step chart on a real time axis, carried to today. Several
 * changes on one day are one point whose tooltip lists them in order.
 */
export function StanceChart({ points }: { points: { at: string; stance: string }[] }) {
  const t = useTranslations("stances");
  const f = useFormatter();
  if (points.length === 0) return null;
  const { data, ticks, unit, domain } = stanceSeries(points, new Date());
  const changes = data.filter((d) => d.steps.length > 0);
  return (
    <div
      className="h-48 w-full"
      role="img"
      data-testid="stance-chart"
      aria-label={changes.map((d) => `${f.dateTime(new Date(d.x), FULL_DATE)} ${d.steps.map((s) => t(s)).join(" → ")}`).join("、")}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 12 }}>
          <XAxis dataKey="x" type="number" scale="time" domain={domain} ticks={ticks} tickFormatter={(v: number) => f.dateTime(new Date(v), TICK_FORMAT[unit])} fontSize={11} />
          <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} tickFormatter={(v: number) => t(STANCE_LEVELS[v])} width={64} fontSize={11} />
          <Tooltip
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as SeriesPoint | undefined) : undefined;
              if (!p || p.steps.length === 0) return null;
              return (
                <div className="rounded-md border border-stone-200 bg-white px-3 py-2 text-xs shadow">
                  <p className="font-medium">{f.dateTime(new Date(p.x), FULL_DATE)}</p>
                  <p>{p.steps.map((s) => t(s)).join(" → ")}</p>
                </div>
              );
            }}
          />
          <Line type="stepAfter" dataKey="y" stroke="#23745e" strokeWidth={2} dot={(props: { cx?: number; cy?: number; index?: number; payload?: SeriesPoint }) => {
            const p = props.payload;
            if (!p || p.steps.length === 0 || props.cx === undefined || props.cy === undefined) return <g key={props.index} />;
            return (
              <g key={props.index}>
                <circle cx={props.cx} cy={props.cy} r={p.steps.length > 1 ? 5 : 3} fill={p.steps.length > 1 ? "#fff" : "#23745e"} stroke="#23745e" strokeWidth={2} />
                {p.steps.length > 1 && <text x={props.cx} y={props.cy - 9} textAnchor="middle" fontSize={10} fill="#44403c">×{p.steps.length}</text>}
              </g>
            );
          }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
