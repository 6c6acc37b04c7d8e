"use client";

// Recharts is large: load the charts after the page is interactive, so the roadmap and sprint
// pages do not carry it in their first load. The table beside the charts carries the same numbers.
import dynamic from "next/dynamic";

export const EstimateChartsLazy = dynamic(() => import("@/components/estimate-charts").then((m) => m.EstimateCharts), {
  ssr: false,
  loading: () => (
    <div role="status" className="h-64 animate-pulse rounded-md bg-slate-100">
      <span className="sr-only">Loading the charts…</span>
    </div>
  ),
});
