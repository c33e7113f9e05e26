"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const LEVELS = ["UNCOOPERATIVE", "INDIFFERENT", "NEUTRAL", "COOPERATIVE", "CHAMPION"];

/** The stance ladder over time, as steps. The last point is carried to today. */
export function StanceChart({ points }: { points: { at: string; stance: string }[] }) {
  const t = useTranslations("stances");
  const f = useFormatter();
  if (points.length === 0) return null;
  const data = [...points, { at: new Date().toISOString(), stance: points[points.length - 1].stance }].map((p) => ({
    x: new Date(p.at).getTime(),
    y: LEVELS.indexOf(p.stance),
  }));
  return (
    <div className="h-48 w-full" role="img" aria-label={points.map((p) => `${f.dateTime(new Date(p.at), "short")} ${t(p.stance)}`).join("、")}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 12 }}>
          <XAxis dataKey="x" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(v: number) => f.dateTime(new Date(v), { year: "2-digit", month: "numeric" })} fontSize={11} />
          <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} tickFormatter={(v: number) => t(LEVELS[v])} width={64} fontSize={11} />
          <Tooltip labelFormatter={(v) => f.dateTime(new Date(Number(v)), "short")} formatter={(v) => [t(LEVELS[Number(v)]), ""]} />
          <Line type="stepAfter" dataKey="y" stroke="#23745e" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
