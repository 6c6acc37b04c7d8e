import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PrintButton } from "@/components/print-button";
import { HealthBadge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { getStatusReport } from "@/lib/data/status-reports";
import { statusLabel } from "@/lib/domain/status-report";
import { getFormat } from "@/lib/i18n/format-server";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import type { Messages } from "@/messages/catalogue";
import { ReportSections } from "./report-sections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reportPage");
  return { title: t("title") };
}

export default async function ReportPage({ params }: { params: Promise<{ projectId: string; reportId: string }> }) {
  const actor = await requireActor();
  const { projectId, reportId } = await params;
  const report = await orNotFound(async () => await getStatusReport(getDb(), actor, projectId, reportId));
  const t = await getTranslations("reportPage");
  const format = await getFormat();
  const reader = { locale: await getLocale(), messages: (await getMessages()) as Messages };
  const s = report.snapshot;
  const health = s.project.health === "red" || s.project.health === "amber" ? s.project.health : "green";
  return (
    <article
      className={
        "mx-auto max-w-4xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm " +
        "print:max-w-none print:border-0 print:p-0 print:shadow-none"
      }
    >
      <nav aria-label={t("actions")} className="no-print mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href={`/projects/${projectId}/reports`} className="text-sm text-brand-700 underline">
          {t("allReports")}
        </Link>
        <div className="flex flex-wrap gap-2">
          <a
            href={`/api/v1/projects/${projectId}/status-reports/${reportId}/markdown`}
            download
            className={buttonClass("secondary")}
          >
            {t("exportMarkdown")}
          </a>
          <PrintButton label={t("print")} />
        </div>
      </nav>
      <header className="mb-4">
        <p className="text-sm text-slate-600">{s.project.clientName}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading", { name: s.project.name })}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span>
            {t("week", {
              week: s.isoWeek,
              monday: format.date(s.weekOf),
              from: s.period.from ? format.date(s.period.from) : t("projectStart"),
              to: format.date(s.period.to),
            })}
          </span>
          <span>· {statusLabel(reader, s.project.status)}</span>
          <span>{t("targetGoLive", { date: format.date(s.project.targetGoLiveDate) })}</span>
          <HealthBadge health={health} />
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {t("frozen", { at: format.dateTime(report.generatedAt, { seconds: true }) })}
        </p>
      </header>
      <ReportSections snapshot={s} />
    </article>
  );
}
