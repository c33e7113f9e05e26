"use client";
// A section chart of the success data. Same series as the PDF (lib/reports/chart-data.ts); the
// table next to it is the accessible view of the same numbers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTicks, type ChartData } from "@/lib/reports/chart-data";

export default function SuccessChart({ data, label }: { data: ChartData; label: string }) {
  const rows = data.labels.map((l, i) => Object.fromEntries([["label", l], ...data.series.map((s, j) => [`s${j}`, s.values[i]])]));
  const unit = data.percent ? "%" : "";
  const ticks = axisTicks(data);
  return (
    <figure className="h-64 w-full" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e7e5e4" />
          <XAxis dataKey="label" fontSize={11} interval="preserveStartEnd" tickMargin={4} />
          <YAxis fontSize={11} width={40} unit={unit} ticks={ticks} domain={[0, ticks.at(-1)!]} interval={0} />
          <Tooltip formatter={(v) => (v === null || v === undefined ? "*" : `${Math.round(Number(v) * 10) / 10}${unit}`)} />
          {data.series.length > 1 && <Legend wrapperStyle={{ fontSize: 11 }} />}
          {data.series.map((s, j) => (
            <Bar
              key={s.name}
              dataKey={`s${j}`}
              name={s.name}
              fill={s.color}
              stackId={data.kind === "stacked" ? "a" : undefined}
              isAnimationActive={false}
              maxBarSize={48}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
