import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { PrintButton } from "@/components/print-button";
import { HealthBadge, humanize } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { getStatusReport } from "@/lib/data/status-reports";
import { formatDate } from "@/lib/display-format";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { ReportSections } from "./report-sections";

export const metadata: Metadata = { title: "Status report" };

export default async function ReportPage({ params }: { params: Promise<{ projectId: string; reportId: string }> }) {
  const actor = await requireActor();
  const { projectId, reportId } = await params;
  const report = await orNotFound(async () => await getStatusReport(getDb(), actor, projectId, reportId));
  const s = report.snapshot;
  const health = s.project.health === "red" || s.project.health === "amber" ? s.project.health : "green";
  return (
    <article
      className={
        "mx-auto max-w-4xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm " +
        "print:max-w-none print:border-0 print:p-0 print:shadow-none"
      }
    >
      <nav aria-label="Report actions" className="no-print mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href={`/projects/${projectId}/reports`} className="text-sm text-brand-700 underline">
          ← All status reports
        </Link>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/api/v1/projects/${projectId}/status-reports/${reportId}/markdown`}
            download
            className={buttonClass("secondary")}
          >
            Export markdown
          </a>
          <PrintButton label="Print" />
        </div>
      </nav>
      <header className="mb-4">
        <p className="text-sm text-slate-600">{s.project.clientName}</p>
        <h1 className="text-2xl font-semibold text-slate-900">Weekly status report — {s.project.name}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span>
            Week {s.isoWeek} (from {formatDate(s.weekOf)}) · period{" "}
            {s.period.from ? formatDate(s.period.from) : "project start"} to {formatDate(s.period.to)}
          </span>
          <span>· {humanize(s.project.status)}</span>
          <span>· target go-live {formatDate(s.project.targetGoLiveDate)}</span>
          <HealthBadge health={health} />
        </p>
        <p className="mt-1 text-xs text-slate-500">
          Frozen when generated on {new Date(report.generatedAt).toUTCString()}; later changes do not alter it.
        </p>
      </header>
      <ReportSections snapshot={s} />
    </article>
  );
}
