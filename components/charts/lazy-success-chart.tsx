"use client";
// The chart library is not part of a page's first load: the chart is fetched where it is shown.
// `whenVisible` (the dashboard, a long page of many charts) waits until the chart nears the screen;
// otherwise (a report, a share page: documents read and printed whole) it loads after hydration.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { ChartData } from "@/lib/reports/chart-data";

const SuccessChart = dynamic(() => import("./success-chart"), { ssr: false, loading: () => null });

export function LazySuccessChart({ data, label, whenVisible = false }: { data: ChartData; label: string; whenVisible?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(!whenVisible);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "300px 0px" });
    io.observe(el);
    // Printing shows every chart.
    const show = () => setNear(true);
    window.addEventListener("beforeprint", show);
    return () => {
      io.disconnect();
      window.removeEventListener("beforeprint", show);
    };
  }, [near]);
  // The box keeps the chart's height, so nothing below moves when it arrives.
  return (
    <div ref={ref} className="h-64 w-full">
      {near && <SuccessChart data={data} label={label} />}
    </div>
  );
}
