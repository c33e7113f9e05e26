// The stance ladder over time as a step chart on a real time axis, carried to today. Rendered on
// the server as plain SVG and HTML: no chart library in the person page's JavaScript. Several
// changes on one day are one point (a ring with ×n) whose tooltip lists them in order.
import { getFormatter, getTranslations } from "next-intl/server";
import { STANCE_LEVELS, stanceSeries, type TickUnit } from "./stance-series";

// Dates in the team's time zone, which the formatter is configured with (lib/i18n/request.ts).
const TICK_FORMAT = {
  day: { month: "long", day: "numeric" },
  month: { year: "numeric", month: "long" },
  year: { year: "numeric" },
} as const satisfies Record<TickUnit, object>;
const FULL_DATE = { year: "numeric", month: "long", day: "numeric" } as const;
const PLOT_HEIGHT = 144;
const GREEN = "#23745e";

export async function StanceChart({ points, now = new Date() }: { points: { at: string; stance: string }[]; now?: Date }) {
  if (points.length === 0) return null;
  const t = await getTranslations("stances");
  const f = await getFormatter();
  const { data, ticks, unit, domain } = stanceSeries(points, now);
  const x = (ms: number) => `${(((ms - domain[0]) / (domain[1] - domain[0])) * 100).toFixed(3)}%`;
  const y = (level: number) => 10 + ((4 - level) / 4) * (PLOT_HEIGHT - 20);
  const changes = data.filter((d) => d.steps.length > 0);
  const describe = (d: (typeof data)[number]) => `${f.dateTime(new Date(d.x), FULL_DATE)} ${d.steps.map((s) => t(s)).join(" → ")}`;
  return (
    <figure className="w-full" data-testid="stance-chart" role="img" aria-label={changes.map(describe).join("、")}>
      <div className="flex text-[11px] text-stone-600" aria-hidden>
        <div className="relative w-16 shrink-0" style={{ height: PLOT_HEIGHT }}>
          {STANCE_LEVELS.map((s, level) => (
            <span key={s} className="absolute right-2 -translate-y-1/2 whitespace-nowrap" style={{ top: y(level) }}>
              {t(s)}
            </span>
          ))}
        </div>
        <div className="relative min-w-0 flex-1 pr-2">
          <svg width="100%" height={PLOT_HEIGHT} className="block overflow-visible">
            {STANCE_LEVELS.map((s, level) => (
              <line key={s} x1="0" x2="100%" y1={y(level)} y2={y(level)} stroke="#e7e5e4" />
            ))}
            <line x1="0" x2="0" y1="0" y2={PLOT_HEIGHT} stroke="#a8a29e" />
            <line x1="0" x2="100%" y1={PLOT_HEIGHT} y2={PLOT_HEIGHT} stroke="#a8a29e" />
            {data.slice(1).map((d, i) => {
              const prev = data[i];
              return (
                <g key={d.x} stroke={GREEN} strokeWidth={2}>
                  <line x1={x(prev.x)} x2={x(d.x)} y1={y(prev.y)} y2={y(prev.y)} />
                  {d.y !== prev.y && <line x1={x(d.x)} x2={x(d.x)} y1={y(prev.y)} y2={y(d.y)} />}
                </g>
              );
            })}
            {changes.map((d) => (
              <g key={d.x} data-testid="stance-point">
                <title>{describe(d)}</title>
                <circle
                  cx={x(d.x)}
                  cy={y(d.y)}
                  r={d.steps.length > 1 ? 5 : 3.5}
                  fill={d.steps.length > 1 ? "#fff" : GREEN}
                  stroke={GREEN}
                  strokeWidth={2}
                />
                {d.steps.length > 1 && (
                  <text x={x(d.x)} y={y(d.y) - 9} textAnchor="middle" fontSize={10} fill="#44403c">
                    ×{d.steps.length}
                  </text>
                )}
              </g>
            ))}
          </svg>
          <div className="relative h-5" data-testid="stance-axis">
            {/* Every other label on a phone, so they never overlap. */}
            {ticks.map((tick, i) => (
              <span
                key={tick}
                className={`absolute top-1 -translate-x-1/2 whitespace-nowrap ${i % 2 ? "hidden sm:inline" : ""}`}
                style={{ left: x(tick) }}
              >
                {f.dateTime(new Date(tick), TICK_FORMAT[unit])}
              </span>
            ))}
          </div>
        </div>
      </div>
    </figure>
  );
}
